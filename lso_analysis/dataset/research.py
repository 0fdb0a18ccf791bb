"""A second, independent reading: the research notes' Markdown tables compared with the transcriptions in data/raw."""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lso_analysis import paths
from lso_analysis.cleaning.text import normalize_text
from lso_analysis.errors import Problem

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_URL = re.compile(r"https?://[^\s|;)\"']+|(?<![\w/])(?:[a-z0-9-]+\.)+(?:vn|com|net|org|biz|co|in)/[^\s|;)\"']+", re.I)
_ID = r"[A-Z]{1,2}\d+[a-z]?|[A-Z]-[a-z]|\d+\.\d{2}"
_REF = re.compile(rf"(?:same as|as|cf\.?)\s+({_ID})\b|\b({_ID}) (?:URL|page)\b|URL in ({_ID})\b")
RESEARCH_FILES_CSV = "research_files.csv"
EXCLUSIONS_CSV = "research_exclusions.csv"


def research_dir() -> Path | None:
    """``LSO_RESEARCH_DIR``, else ``../shared/research`` beside the repository; None when absent."""
    value = os.environ.get("LSO_RESEARCH_DIR")
    path = Path(value) if value else paths.ROOT.parent / "shared" / "research"
    return path if path.is_dir() else None


@dataclass
class ResearchRow:
    """One row of a research table: its id, the numbers of its value cell, its URLs and its whole line."""

    file: str
    row_id: str
    line: int
    value: str
    numbers: set[str]
    urls: set[str]
    text: str
    mentioned: set[str] = field(default_factory=set)


def url_key(url: str) -> str:
    """A URL compared without scheme, ``www.``, case of the host or a trailing slash."""
    u = re.sub(r"^https?://", "", url.strip()).rstrip("/.,")
    host, _, rest = u.partition("/")
    return host.lower().removeprefix("www.") + "/" + rest


def numbers_in(text: str) -> set[str]:
    """The number tokens of a text, compared by their digits ("4.550" in Vietnamese = "4,550" in English)."""
    return {re.sub(r"[.,]", "", n) for n in _NUMBER.findall(normalize_text(text))}


def read_research_file(path: Path) -> list[ResearchRow]:
    """Every row of every table whose first column is ``#`` (row ids), with URLs of "same as X" rows resolved."""
    rows: list[ResearchRow] = []
    header: list[str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if set("".join(cells)) <= set("-: ") or header[0] != "#":
            continue
        value_col = next((i for i, h in enumerate(header) if h.startswith("value") or "(as printed)" in h), 2)
        url_col = next((i for i, h in enumerate(header) if h == "url"), None)
        url_cell = cells[url_col] if url_col is not None and url_col < len(cells) else ""
        rows.append(ResearchRow(path.name, cells[0], number, cells[value_col] if value_col < len(cells) else "",
                                numbers_in(cells[value_col]) if value_col < len(cells) else set(),
                                {url_key(u) for u in _URL.findall(url_cell)}, line,
                                {url_key(u) for u in _URL.findall(line)}))
    by_id = {r.row_id: r for r in rows}
    for r in rows:
        for m in _REF.finditer(r.text):
            ref = by_id.get(m.group(1) or m.group(2) or m.group(3))
            if ref is not None:
                if not r.urls:
                    r.urls |= ref.urls
                r.mentioned |= ref.urls
        r.mentioned |= r.urls
    return rows


@dataclass
class FileReport:
    """Counts for one research file."""

    file: str
    status: str
    rows: int = 0
    transcribed: int = 0
    excluded: int = 0
    missing: list[str] = field(default_factory=list)
    disagreeing: list[str] = field(default_factory=list)


def scope(reference_dir: Path | None = None) -> list[tuple[str, str]]:
    """``(file, status)`` of every research file in scope, from ``data/reference/research_files.csv``."""
    path = Path(reference_dir or paths.REFERENCE_DIR) / RESEARCH_FILES_CSV
    if not path.exists():
        return []  # a data folder that keeps no research notes
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [(r["file"], r["status"]) for r in csv.DictReader(fh)]


def exclusions(raw_dir: Path | None = None) -> dict[tuple[str, str], str]:
    """``(research file, row id) → reason`` of the rows deliberately left out."""
    path = Path(raw_dir or paths.RAW_DIR) / EXCLUSIONS_CSV
    if not path.exists():
        return {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return {(r["research_file"], r["row_id"]): r["reason"] for r in csv.DictReader(fh)}


def _transcriptions(raw_dir: Path) -> tuple[dict, dict[str, str], dict[str, str]]:
    """``url key → [(where, value_raw)]`` of every observation and event, and ``source_id → note``."""
    by_url: dict[str, list[tuple[str, str]]] = {}
    notes: dict[str, str] = {}
    with open(raw_dir / "sources.csv", encoding="utf-8-sig", newline="") as fh:
        sources = list(csv.DictReader(fh))
    url_of = {s["source_id"]: url_key(s["url"]) if s["url"] else f"source:{s['source_id']}" for s in sources}
    notes = {s["source_id"]: s.get("note", "") for s in sources}
    for path in sorted((raw_dir / "observations").glob("*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                by_url.setdefault(url_of.get(path.stem, ""), []).append((f"{path.stem}#{row['obs_no']}", row["value_raw"]))
    if (raw_dir / "events.csv").exists():
        with open(raw_dir / "events.csv", encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                by_url.setdefault(url_of.get(row["source_id"], ""), []).append(
                    (f"event {row['event_id']}", row["value_raw"] or f"[event on {row['date_raw']}]"))
    return by_url, notes, url_of


def cross_check(research: Path | None = None, raw_dir: Path | None = None,
                reference_dir: Path | None = None) -> tuple[list[FileReport], list[Problem]]:
    """Compare every research file in scope with data/raw.

    Every row of a research file in scope (``data/reference/research_files.csv``, status ``checked``) must be
    transcribed (an observation or event of a source with the row's URL that prints one of the row's numbers)
    or listed in ``data/raw/research_exclusions.csv`` with a reason; every figure transcribed from a page the
    notes cite must print only numbers the notes give for that page. Files with status ``pending`` are counted
    and reported as not yet transcribed, without failing.

    Returns:
        One :class:`FileReport` per file in scope, and the problems (file, line, row id) that fail the check.
    """
    research = research or research_dir()
    raw_dir = Path(raw_dir or paths.RAW_DIR)
    by_url, notes, url_of = _transcriptions(raw_dir)
    left_out = exclusions(raw_dir)
    reports, problems, cited = [], [], {}
    for name, status in scope(reference_dir):
        report = FileReport(name, status)
        reports.append(report)
        path = research / name
        if not path.is_file():
            problems.append(Problem(f"research/{name}", None, None, "research file in scope is missing"))
            continue
        rows = read_research_file(path)
        report.rows = len(rows)
        if status != "checked":
            continue
        for row in rows:
            for key in row.mentioned:
                cited.setdefault(key, set()).update(numbers_in(row.text))
            if _is_transcribed(row, by_url, notes, url_of):
                report.transcribed += 1
            elif (name, row.row_id) in left_out:
                report.excluded += 1
            else:
                report.missing.append(row.row_id)
                problems.append(Problem(f"research/{name}", row.line, row.row_id,
                                        f"row {row.row_id} ({row.value[:60]!r}) is neither transcribed nor listed in "
                                        f"data/raw/{EXCLUSIONS_CSV}"))
    problems.extend(_disagreements(by_url, cited, reports))
    return reports, problems


def _is_transcribed(row: ResearchRow, by_url, notes, url_of_source) -> bool:
    """A row is transcribed when a figure of a source with its URL prints one of the numbers of its value
    cell, or an event without a value (a qualitative row) of such a source is dated by a number of the row.
    A source whose note names the row id (e.g. a copy whose address the notes do not give) counts too."""
    named = [sid for sid, note in notes.items() if re.search(rf"(?<![\w-]){re.escape(row.row_id)}(?![\w-])", note)]
    keys = row.urls | {url_of_source[sid] for sid in named}
    for where, value in (x for key in keys for x in by_url.get(key, [])):
        if value.startswith("[event on "):
            if numbers_in(value) & numbers_in(row.text) or not numbers_in(value):
                return True
        elif row.numbers & numbers_in(value):
            return True
    return False


def _disagreements(by_url, cited: dict[str, set[str]], reports: list[FileReport]) -> list[Problem]:
    """Figures from a page the notes cite that print a number the notes never give for that page."""
    problems = []
    for key, numbers in sorted(cited.items()):
        for where, value in by_url.get(key, []):
            if where.startswith("event"):
                continue
            extra = sorted(numbers_in(value) - numbers)
            if extra:
                problems.append(Problem("data/raw/observations", None, where, f"value_raw {value!r} prints "
                                        f"{', '.join(extra)}, which the research notes do not give for this page"))
                if reports:
                    reports[0].disagreeing.append(where)
    return problems
