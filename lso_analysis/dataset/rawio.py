"""Read hand-kept CSV and YAML files strictly, reporting every problem with file, row and column."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lso_analysis.errors import Problem
from lso_analysis.paths import DATA_DIR


def display_path(path: Path) -> str:
    """A short path for messages: relative to the data folder's parent when possible."""
    try:
        return str(Path(path).resolve().relative_to(DATA_DIR.parent.resolve()))
    except ValueError:
        return str(path)


@dataclass
class Table:
    """Rows of a CSV file as dicts of strings, with the line number of each row."""

    path: Path
    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    @property
    def name(self) -> str:
        return display_path(self.path)


def read_table(path: Path, required: tuple[str, ...], problems: list[Problem], *, optional: tuple[str, ...] = ()) -> Table:
    """Read a UTF-8 CSV file, appending to ``problems`` instead of raising.

    Checks: the file decodes as UTF-8, is not empty, has the ``required`` columns and no
    unknown ones (when ``optional`` is given or empty), and every row has as many fields as
    the header. A byte-order mark (what Excel writes) is dropped and decomposed Unicode (NFD,
    typed on a Mac) is composed to NFC: both are spellings of the same text, not errors.

    Returns:
        The rows that could be read (possibly none); callers check ``problems``.
    """
    table = Table(Path(path))
    name = table.name
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        problems.append(Problem(name, None, None, f"cannot read file: {exc.strerror}"))
        return table
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a byte-order mark: Excel's "CSV UTF-8"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(name, line, None, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                    "re-save the file as UTF-8 (it looks like cp1258 or latin-1)")
        )
        return table
    if not text.strip():
        problems.append(Problem(name, None, None, "file is empty (no header, no rows)"))
        return table
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    table.columns = [unicodedata.normalize("NFC", h).strip() for h in header]
    missing = [c for c in required if c not in table.columns]
    if missing:
        problems.append(Problem(name, 1, ", ".join(missing), f"missing column(s): {', '.join(missing)}; "
                                f"the header is: {', '.join(table.columns)}"))
        return table
    known = set(required) | set(optional)
    unknown = [c for c in table.columns if c not in known]
    if optional and unknown:
        problems.append(Problem(name, 1, ", ".join(unknown), f"unknown column(s): {', '.join(unknown)}"))
    duplicated = {c for c in table.columns if table.columns.count(c) > 1}
    if duplicated:
        problems.append(Problem(name, 1, ", ".join(sorted(duplicated)), "column name repeated in the header"))
        return table
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(table.columns):
            problems.append(Problem(name, line, None, f"{len(record)} fields where the header has {len(table.columns)}"))
            continue
        row = {}
        for column, cell in zip(table.columns, record):
            row[column] = unicodedata.normalize("NFC", cell).strip()
        table.rows.append(row)
        table.lines.append(line)
    if not table.rows:
        problems.append(Problem(name, None, None, "file has a header but no rows"))
    return table


def read_yaml(path: Path, problems: list[Problem]) -> dict:
    """Read a YAML mapping; a missing file is an empty mapping. A BOM is dropped and the text composed (NFC)."""
    path = Path(path)
    if not path.exists():
        return {}
    import yaml  # only the build needs it

    try:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8").removeprefix("\ufeff"))
        data = yaml.safe_load(text) or {}
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(Problem(display_path(path), getattr(getattr(exc, "problem_mark", None), "line", None), None,
                                f"cannot read YAML: {exc}"))
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(display_path(path), None, None, "YAML file must hold a mapping at the top"))
        return {}
    return data
