"""Parameter sweeps: a repeated ``-p`` key gives one report per value, ``@group`` names a group of
provinces from the reference data, and ``--shard I/N`` builds a deterministic share of the grid.

>>> grid({"province": ["A", "B"], "end_year": ["2022"]})
[{'end_year': '2022', 'province': 'A'}, {'end_year': '2022', 'province': 'B'}]
>>> [shard_of(name, (2, 3)) for name in ("a", "b", "c", "d")] == [shard_of(n, (2, 3)) for n in ("a", "b", "c", "d")]
True
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import re
from pathlib import Path

from .params import ParameterError

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def parse_sweep(items: list[str]) -> dict[str, list[str]]:
    """Split ``KEY=VALUE`` options; a key given more than once sweeps its values (in the order given).

    Raises:
        ParameterError: for an item without ``=`` or with an invalid name.

    >>> parse_sweep(["province=A", "province=B", "end_year=2022", "province=A"])
    {'province': ['A', 'B'], 'end_year': ['2022']}
    """
    parsed: dict[str, list[str]] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key.isidentifier():
            raise ParameterError(f"bad -p option {item!r}: expected KEY=VALUE with a Python name as KEY")
        values = parsed.setdefault(key, [])
        if value not in values:
            values.append(value)
    return parsed


def expand_groups(sweep: dict[str, list[str]], geographies_csv: Path | None) -> dict[str, list[str]]:
    """Replace ``province=@group`` by the provinces of that group (``groups`` column of geographies.csv).

    Raises:
        ParameterError: for a group no geography belongs to, listing the groups the table defines.
    """
    values = sweep.get("province")
    if not values or not any(v.startswith("@") for v in values):
        return sweep
    rows = []
    if geographies_csv is not None and geographies_csv.is_file():
        with open(geographies_csv, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    groups: dict[str, list[str]] = {}
    for row in rows:
        for group in (row.get("groups") or "").split(";"):
            if group.strip():
                groups.setdefault(group.strip(), []).append(row["name"])
    out: list[str] = []
    for value in values:
        if not value.startswith("@"):
            out.append(value)
            continue
        members = groups.get(value[1:])
        if not members:
            known = ", ".join(f"@{g}" for g in sorted(groups)) or "none"
            raise ParameterError(f"-p province={value}: no geography belongs to the group {value[1:]!r}; "
                                 f"groups in the reference data: {known}")
        out.extend(m for m in members if m not in out)
    return {**sweep, "province": out}


def grid(sweep: dict[str, list[str]]) -> list[dict[str, str]]:
    """Every combination of the swept values (keys sorted), or one empty assignment."""
    keys = sorted(sweep)
    return [dict(zip(keys, combo)) for combo in itertools.product(*(sweep[k] for k in keys))] or [{}]


def parse_shard(text: str | None) -> tuple[int, int] | None:
    """``"2/5"`` → (2, 5): the second of five shares.

    Raises:
        ParameterError: unless ``1 <= I <= N``.
    """
    if text is None:
        return None
    m = _SHARD.match(text)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise ParameterError(f"--shard {text!r}: expected I/N with 1 <= I <= N (e.g. --shard 2/4)")
    return int(m.group(1)), int(m.group(2))


def shard_of(output: str, shard: tuple[int, int]) -> bool:
    """True when the report ``output`` belongs to the share ``shard`` (stable across machines and runs)."""
    index, count = shard
    digest = int(hashlib.sha256(output.encode("utf-8")).hexdigest()[:12], 16)
    return digest % count == index - 1
