"""Build data/processed from data/raw and data/reference, checking everything first (extract → transform → validate)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lso_analysis import paths
from lso_analysis.dataset.clean import OPTIONAL_OBSERVATION_COLUMNS, RAW_OBSERVATION_COLUMNS, RowError, SourceInfo, clean_observation, known_units
from lso_analysis.errors import LsoDataError, Problem
from lso_analysis.dataset.geographies import read_geographies
from lso_analysis.dataset.rawio import Table, display_path, read_table, read_yaml
from lso_analysis.cleaning.units import RELIABILITIES, THEMES
from lso_analysis.dataset.provenance import build_date, published_context, source_problems

SOURCE_COLUMNS = ("source_id", "title", "publisher", "author", "url", "published", "published_basis", "province",
                  "language", "reliability", "period_covered", "sha256", "corpus_file", "note", "retrieved", "offline")
INDICATOR_COLUMNS = ("code", "name_en", "name_vi", "theme", "unit", "description")
EVENT_COLUMNS = ("event_id", "date", "date_end", "date_raw", "category", "kind", "crossing", "title", "value", "value_raw",
                 "unit", "source_id", "note")
EVENT_CATEGORIES = ("covid", "border", "digital", "policy")
EVENT_KIND_COLUMNS = ("code", "name_en", "name_vi", "group", "description")
CONTEXT_COLUMNS = ("province", "topic", "text", "source_id")
#: The Vietnamese text of a context row (may be empty: the row is then shown in the English edition only).
CONTEXT_OPTIONAL = ("text_vi",)
SCHEMA_VERSION = "2"
_SOURCE_ID = re.compile(r"[a-z0-9]+-\d{8}-[a-z0-9][a-z0-9-]*")


@dataclass
class Built:
    """The processed tables (as lists of dict rows) and where each observation came from."""

    sources: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    observations: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    event_kinds: list[dict] = field(default_factory=list)
    context: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    fixes: list[dict] = field(default_factory=list)
    origin: dict[str, tuple[str, int]] = field(default_factory=dict)  # obs_id → (file, line)


def input_files(raw_dir: Path | None = None, reference_dir: Path | None = None) -> list[Path]:
    """Every file the build reads, sorted (their content decides whether a rebuild is due)."""
    raw_dir = Path(raw_dir or paths.RAW_DIR)
    reference_dir = Path(reference_dir or paths.REFERENCE_DIR)
    files = [p for d in (raw_dir, reference_dir) if d.is_dir() for p in d.rglob("*") if p.is_file()]
    return sorted(p for p in files if not p.name.startswith(".") and "__pycache__" not in p.parts)


#: The code that turns raw rows into processed ones: a change to it rebuilds the data.
CLEANER_MODULES = ("dataset/rawio.py", "dataset/clean.py", "dataset/geographies.py", "cleaning/numbers.py",
                   "cleaning/periods.py", "cleaning/period_grammar.py", "cleaning/units.py",
                   "cleaning/text.py", "dataset/schema.py", "dataset/build.py")


def cleaner_files() -> list[Path]:
    """The source files of :data:`CLEANER_MODULES`."""
    return [paths.PACKAGE_DIR / module for module in CLEANER_MODULES]


def input_hash(files: list[Path] | None = None) -> str:
    """sha256 over the names and bytes of the build's inputs and the cleaner code version."""
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    base = paths.DATA_DIR
    for path in files if files is not None else input_files():
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            rel = path.name
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    for path in cleaner_files():
        digest.update(path.read_bytes())
    return digest.hexdigest()


def collect(raw_dir: Path | None = None, reference_dir: Path | None = None) -> tuple[Built, list[Problem]]:
    """Read and clean every raw and reference file, returning the tables and every problem found."""
    raw_dir = Path(raw_dir or paths.RAW_DIR)
    reference_dir = Path(reference_dir or paths.REFERENCE_DIR)
    problems: list[Problem] = []
    built = Built()

    indicators = read_table(reference_dir / "indicators.csv", INDICATOR_COLUMNS, problems, optional=())
    units = _check_indicators(indicators, problems)
    built.indicators = indicators.rows

    geographies = read_geographies(reference_dir / "geographies.csv", problems)

    sources_table = read_table(raw_dir / "sources.csv", SOURCE_COLUMNS, problems, optional=())
    sources = _check_sources(sources_table, problems)
    _check_geography_column(sources_table, geographies, problems)
    built.sources = sources_table.rows

    corrections = read_yaml(raw_dir / "corrections.yml", problems)
    fixes = _index_fixes(corrections.get("fixes") or [], raw_dir, problems)
    built.fixes = list(corrections.get("fixes") or [])

    obs_dir = raw_dir / "observations"
    files = sorted(obs_dir.glob("*.csv")) if obs_dir.is_dir() else []
    if not files:
        problems.append(Problem(display_path(obs_dir), None, None, "no observation files"))
    for path in files:
        _clean_file(path, sources, units, fixes, built, problems, geographies, {r["source_id"] for r in sources_table.rows})
    for obs_id, fix in fixes.items():
        if not fix.get("_used"):
            problems.append(Problem(display_path(raw_dir / "corrections.yml"), None, "fixes",
                                    f"correction for {obs_id} matches no observation"))

    kinds_table = read_table(reference_dir / "event_kinds.csv", EVENT_KIND_COLUMNS, problems, optional=())
    built.event_kinds = kinds_table.rows
    if (raw_dir / "events.csv").exists():
        events = read_table(raw_dir / "events.csv", EVENT_COLUMNS, problems, optional=())
        built.events = _check_events(events, sources, {k["code"] for k in kinds_table.rows}, problems)
    if (raw_dir / "context.csv").exists():
        context = read_table(raw_dir / "context.csv", CONTEXT_COLUMNS, problems, optional=CONTEXT_OPTIONAL)
        built.context = _check_context(context, sources, problems)
    built.conflicts = _check_conflicts(corrections.get("conflicts") or [], built, raw_dir, problems)
    return built, problems


def _check_indicators(table: Table, problems: list[Problem]) -> dict[str, str]:
    units: dict[str, str] = {}
    for row, line in zip(table.rows, table.lines):
        code = row["code"]
        if not re.fullmatch(r"[a-z][a-z0-9_]*", code):
            problems.append(Problem(table.name, line, "code", f"code must be snake_case ASCII, got {code!r}"))
        if code in units:
            problems.append(Problem(table.name, line, "code", f"duplicate code {code!r}"))
        if row["theme"] not in THEMES:
            problems.append(Problem(table.name, line, "theme", f"unknown theme {row['theme']!r}; one of {', '.join(THEMES)}"))
        if row["unit"] not in known_units():
            problems.append(Problem(table.name, line, "unit", f"unknown unit {row['unit']!r}; one of {', '.join(known_units())}"))
        units[code] = row["unit"]
    return units


def _check_sources(table: Table, problems: list[Problem]) -> dict[str, SourceInfo]:
    sources: dict[str, SourceInfo] = {}
    today = build_date()
    for row, line in zip(table.rows, table.lines):
        sid = row["source_id"]
        if not _SOURCE_ID.fullmatch(sid):
            problems.append(Problem(table.name, line, "source_id", f"source_id must look like outlet-yyyymmdd-slug, got {sid!r}"))
        if sid in sources:
            problems.append(Problem(table.name, line, "source_id", f"duplicate source_id {sid!r}"))
        for column, message in source_problems(row, today):
            problems.append(Problem(table.name, line, column, message))
        if row["reliability"] not in RELIABILITIES:
            problems.append(Problem(table.name, line, "reliability", f"unknown reliability {row['reliability']!r}; one of {', '.join(RELIABILITIES)}"))
        if row["language"] not in ("vi", "en", "fr"):
            problems.append(Problem(table.name, line, "language", f"unknown language {row['language']!r}; one of vi, en, fr"))
        if not row["province"]:
            problems.append(Problem(table.name, line, "province", "province is empty"))
        if row.get("check"):
            problems.append(_pending(table.name, line, row["check"]))
        if published_context(row["published"]) is None:
            continue  # reported above; its observations cannot be dated, so they are not cleaned
        sources[sid] = SourceInfo(sid, row["province"], row["language"], row["published"], row["reliability"])
    return sources


def _check_geography_column(table: Table, geographies: dict, problems: list[Problem]) -> None:
    """Every non-empty ``province`` of a table must be a geography of the data folder's geographies.csv."""
    if not geographies:
        return  # geographies.csv missing or empty: already a problem
    for row, line in zip(table.rows, table.lines):
        if row.get("province") and row["province"] not in geographies:
            problems.append(Problem(table.name, line, "province", _unknown_geography(row["province"])))


def _unknown_geography(name: str) -> str:
    return f"unknown geography {name!r}: add it to reference/geographies.csv (with its level and region) or fix the spelling"


def _pending(name: str, line: int, check: str) -> Problem:
    """A ``check`` cell a draft left (``lso-analysis extract --draft``): a decision still to make."""
    return Problem(name, line, "check", f"needs a decision: {check} (empty the cell once it is settled)")


def _index_fixes(fixes: list, raw_dir: Path, problems: list[Problem]) -> dict[str, dict]:
    name = display_path(raw_dir / "corrections.yml")
    index: dict[str, dict] = {}
    for i, fix in enumerate(fixes):
        if not isinstance(fix, dict) or not {"obs_id", "column", "printed", "corrected", "reason"} <= set(fix):
            problems.append(Problem(name, None, f"fixes[{i}]", "a fix needs obs_id, column, printed, corrected and reason"))
            continue
        index[str(fix["obs_id"])] = dict(fix)
    return index


def _clean_file(path: Path, sources, units, fixes, built: Built, problems: list[Problem], geographies: dict,
                known_ids=frozenset()) -> None:
    table = read_table(path, RAW_OBSERVATION_COLUMNS, problems, optional=OPTIONAL_OBSERVATION_COLUMNS)
    source = sources.get(path.stem)
    if source is None and table.rows:
        if path.stem not in known_ids:
            problems.append(Problem(table.name, None, None, f"unknown source {path.stem!r}: the file name must be a source_id of sources.csv"))
        return
    today = build_date()
    _check_geography_column(table, geographies, problems)
    for row, line in zip(table.rows, table.lines):
        if row.get("check"):
            problems.append(_pending(table.name, line, row["check"]))
        obs_id = f"{path.stem}#{row.get('obs_no', '').lstrip('0')}"
        fix = fixes.get(obs_id)
        if fix is not None:
            column = str(fix["column"])
            if row.get(column) != str(fix["printed"]):
                problems.append(Problem(table.name, line, column, f"recorded correction expects {fix['printed']!r} but the "
                                        f"file has {row.get(column)!r}: was the source fixed? update corrections.yml"))
            else:
                row = {**row, column: str(fix["corrected"])}
                row["note"] = (row.get("note", "") + "; " if row.get("note") else "") + f"corrected: {fix['reason']}"
            fix["_used"] = True
        try:
            record = clean_observation(row, source, units)
        except RowError as exc:
            problems.append(Problem(table.name, line, exc.column, str(exc)))
            continue
        if record["obs_id"] in built.origin:
            problems.append(Problem(table.name, line, "obs_no", f"duplicate obs_id {record['obs_id']}"))
            continue
        if record["period_start"] > record["period_end"]:
            problems.append(Problem(table.name, line, "period_raw", "period starts after it ends"))
            continue
        if record["status"] != "target" and record["period_start"] > today:
            problems.append(Problem(table.name, line, "period_raw", f"a {record['status']} figure for a period that "
                                    f"begins after the build date {today.isoformat()} (a plan needs status target)"))
            continue
        record["reliability"] = source.reliability
        record["published"] = source.published
        built.origin[record["obs_id"]] = (table.name, line)
        built.observations.append(record)


def _check_events(table: Table, sources, kinds: set[str], problems: list[Problem]) -> list[dict]:
    from datetime import date

    rows, seen = [], set()
    today = build_date()
    for row, line in zip(table.rows, table.lines):
        if row["event_id"] in seen:
            problems.append(Problem(table.name, line, "event_id", f"duplicate event_id {row['event_id']!r}"))
        seen.add(row["event_id"])
        for column in ("date", "date_end"):
            if row[column] or column == "date":
                try:
                    if date.fromisoformat(row[column]) > today:
                        problems.append(Problem(table.name, line, column, f"{column} {row[column]!r} is after the build "
                                                f"date {today.isoformat()}"))
                except ValueError:
                    problems.append(Problem(table.name, line, column, f"{column} must be an ISO date YYYY-MM-DD, got {row[column]!r}"))
        if row["category"] not in EVENT_CATEGORIES:
            problems.append(Problem(table.name, line, "category", f"unknown category {row['category']!r}; one of {', '.join(EVENT_CATEGORIES)}"))
        if row["kind"] not in kinds:
            problems.append(Problem(table.name, line, "kind", f"unknown event kind {row['kind']!r}; the codes are in "
                                    f"reference/event_kinds.csv"))
        if row["source_id"] not in sources:
            problems.append(Problem(table.name, line, "source_id", f"unknown source {row['source_id']!r}"))
        if row["value"]:
            try:
                float(row["value"])
            except ValueError:
                problems.append(Problem(table.name, line, "value", f"value must be a plain number, got {row['value']!r}"))
        rows.append(row)
    return rows


def _check_context(table: Table, sources, problems: list[Problem]) -> list[dict]:
    """Context about one province (our own words, with the source that supports them).

    ``text_vi`` (optional, may be empty) is the Vietnamese text, shown only in the Vietnamese edition.
    """
    seen = set()
    for row, line in zip(table.rows, table.lines):
        row.setdefault("text_vi", "")
        key = (row["province"], row["topic"])
        if key in seen:
            problems.append(Problem(table.name, line, "topic", f"duplicate topic {row['topic']!r} for {row['province']}"))
        seen.add(key)
        if not row["text"].strip():
            problems.append(Problem(table.name, line, "text", "empty text"))
        if row["source_id"] not in sources:
            problems.append(Problem(table.name, line, "source_id", f"unknown source {row['source_id']!r}"))
        row.setdefault("text_vi", "")
    return list(table.rows)


def _check_conflicts(conflicts: list, built: Built, raw_dir: Path, problems: list[Problem]) -> list[dict]:
    name = display_path(raw_dir / "corrections.yml")
    out = []
    for i, item in enumerate(conflicts):
        if not isinstance(item, dict) or not item.get("id") or not item.get("obs_ids") or not item.get("judgement"):
            problems.append(Problem(name, None, f"conflicts[{i}]", "a conflict needs id, obs_ids and judgement"))
            continue
        ids = [str(x) for x in item["obs_ids"]]
        unknown = [x for x in ids if x not in built.origin]
        if unknown:
            problems.append(Problem(name, None, f"conflicts[{i}] {item['id']}", f"unknown obs_id(s): {', '.join(unknown)}"))
        preferred = str(item.get("preferred") or "")
        if preferred and preferred not in ids:
            problems.append(Problem(name, None, f"conflicts[{i}] {item['id']}", "preferred must be one of its obs_ids"))
        out.append({"id": str(item["id"]), "obs_ids": ids, "preferred": preferred, "judgement": str(item["judgement"])})
    return out


def build(processed_dir: Path | None = None, raw_dir: Path | None = None, reference_dir: Path | None = None) -> dict:
    """Rebuild the processed tables; write nothing unless every check passes.

    Returns:
        The manifest written beside the tables (input hash, row counts).

    Raises:
        LsoDataError: listing every problem (file, row, column); the previous
            processed data is left as it was.
    """
    from lso_analysis.dataset.schema import frames_from_built, validate_frames

    processed_dir = Path(processed_dir or paths.PROCESSED_DIR)
    files = input_files(raw_dir, reference_dir)
    digest = input_hash(files)
    built, problems = collect(raw_dir, reference_dir)
    frames = None
    if not problems:
        frames = frames_from_built(built)
        problems.extend(validate_frames(frames, built.origin))
    if problems:
        raise LsoDataError(problems)
    manifest = {
        "input_hash": digest,
        "schema_version": SCHEMA_VERSION,
        "rows": {name: int(len(df)) for name, df in frames.items()},
    }
    _write_atomically(processed_dir, frames, manifest)
    return manifest


def _write_atomically(processed_dir: Path, frames: dict, manifest: dict) -> None:
    """Write into a fresh sibling folder, then swap it in with renames (a reader never sees half a build)."""
    processed_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".processed-", dir=processed_dir.parent))
    try:
        for name, df in frames.items():
            df.to_csv(tmp / f"{name}.csv", index=False, date_format="%Y-%m-%d", lineterminator="\n")
            df.to_pickle(tmp / f"{name}.pkl")
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        old = processed_dir.with_name(processed_dir.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        if processed_dir.exists():
            os.replace(processed_dir, old)
        os.replace(tmp, processed_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
