"""The geographies a dataset may use (provinces and Việt Nam as a whole), read from reference/geographies.csv."""

from __future__ import annotations

from pathlib import Path

from lso_analysis.dataset.rawio import read_table
from lso_analysis.errors import Problem

GEOGRAPHY_COLUMNS = ("name", "level", "region", "groups")
LEVELS = ("province", "nation")


def read_geographies(path: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """Read and check a geographies table, appending every problem (file, row, column) to ``problems``.

    Args:
        path: the ``geographies.csv`` of a data folder.
        problems: where problems go; a missing file is one problem.

    Returns:
        ``name → row`` for the rows that could be read (``groups`` left as the ``;``-separated text).
    """
    table = read_table(Path(path), GEOGRAPHY_COLUMNS, problems, optional=())
    out: dict[str, dict[str, str]] = {}
    for row, line in zip(table.rows, table.lines):
        name = row["name"]
        if not name:
            problems.append(Problem(table.name, line, "name", "name is empty"))
            continue
        if name in out:
            problems.append(Problem(table.name, line, "name", f"duplicate geography {name!r}"))
        if row["level"] not in LEVELS:
            problems.append(Problem(table.name, line, "level", f"unknown level {row['level']!r}; one of {', '.join(LEVELS)}"))
        if row["level"] == "province" and not row["region"]:
            problems.append(Problem(table.name, line, "region", f"province {name!r} has no region"))
        groups = split_groups(row["groups"])
        if any(not g.replace("_", "").isalnum() or not g.isascii() or g != g.lower() for g in groups):
            problems.append(Problem(table.name, line, "groups", f"groups must be ';'-separated snake_case names, got {row['groups']!r}"))
        out[name] = row
    return out


def split_groups(text: str) -> list[str]:
    """``"northern_border; x"`` → ``["northern_border", "x"]`` (empty parts dropped)."""
    return [g.strip() for g in (text or "").split(";") if g.strip()]
