"""A curator's draft of a new source: raw observation rows and a sources.csv row, with what needs checking."""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lso_analysis import paths

RAW_COLUMNS = ("obs_no", "indicator", "measure", "value_raw", "period_raw", "comparison_raw", "status", "period_iso",
               "note", "check")
SOURCE_COLUMNS = ("source_id", "title", "publisher", "author", "url", "published", "published_basis", "province",
                  "language", "reliability", "period_covered", "sha256", "corpus_file", "note", "retrieved", "offline",
                  "check")
_OFFICIAL = re.compile(r"(?i)\b(?:cục|chi cục|sở|ubnd|ủy ban nhân dân|văn phòng|cổng thông tin|tổng cục|bộ|hđnd)\b|\.gov\.vn")
_PRESS = re.compile(r"(?i)\b(?:báo|tạp chí|đài|thông tấn|truyền hình|news|times)\b")
_UNCERTAIN_PERIOD = ("period from the document context", "no period found", "period printed at the end of the sentence")


class DraftError(Exception):
    """The draft cannot be written without overwriting something (the message names it)."""


@dataclass
class Draft:
    """What :func:`write_draft` wrote."""

    source_id: str
    observations: Path
    sources: Path
    rows: int
    to_check: int
    source_checks: list[str] = field(default_factory=list)


def make_source_id(url: str | None, published: str | None, stem: str) -> str:
    """``<outlet>-<yyyymmdd>-<slug>`` from the URL host, the date and the file name.

    Example:
        >>> make_source_id("https://www.baolangson.vn/kinh-te/x.html", "2023-07", "Báo cáo tháng 6")
        'baolangson-20230700-bao-cao-thang-6'
    """
    from urllib.parse import urlsplit

    from lso_analysis.extract.metadata import ascii_fold

    host = (urlsplit(url).hostname or "") if url else ""
    labels = [p for p in host.split(".") if p not in ("www", "m", "")]
    outlet = re.sub(r"[^a-z0-9]", "", labels[0]) if labels else "draft"
    digits = re.sub(r"\D", "", published or "")
    day = (digits + "00000000")[:8] if digits else "00000000"
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(stem)).strip("-")[:48].strip("-") or "report"
    return f"{outlet or 'draft'}-{day}-{slug}"


def raw_rows(candidates: list[dict], source) -> list[dict]:
    """Candidate rows (``extract_rows`` output) as raw-file rows: printed text only, and a ``check`` comment.

    Each row is cleaned back as the build would clean it; where the build would read it
    differently from the extractor, or refuse it, ``check`` says what to decide.
    """
    from lso_analysis.dataset.clean import RowError, clean_observation
    from lso_analysis.extract.lexicon import read_codebook

    units = {code: row["unit"] for code, row in read_codebook(paths.INDICATORS_CSV).items()}
    out = []
    for n, cand in enumerate(candidates, start=1):
        row = {c: "" for c in RAW_COLUMNS}
        row.update(obs_no=str(n), indicator=cand["indicator"] or "", measure=cand["measure"] or "",
                   value_raw=cand["value_raw"], period_raw=cand["period_raw"] or "",
                   comparison_raw=cand["comparison_raw"] or "", note=cand["note"] or "")
        checks = []
        if cand["reason"]:
            checks.append(f"{cand['reason']}: choose a code of reference/indicators.csv or delete the row")
        if any(flag in (cand["note"] or "") for flag in _UNCERTAIN_PERIOD):
            checks.append("the period is not printed beside the figure: check period_raw (add a year in [brackets] "
                          "or set period_iso)")
        if not cand["reason"]:
            checks += _round_trip(row, cand, source, units, clean_observation, RowError)
        row["check"] = "; ".join(checks)
        out.append(row)
    return out


def _round_trip(row: dict, cand: dict, source, units, clean, row_error) -> list[str]:
    """Clean the raw row as the build will; set ``status`` when the words alone do not give it; report disagreements."""
    try:
        cleaned = clean(row, source, units)
        if cleaned["status"] != cand["status"]:
            row["status"] = cand["status"]
            cleaned = clean(row, source, units)
    except row_error as exc:
        return [f"the build refuses the row ({exc.column}: {exc})"]
    problems = []
    if (cleaned["period_start"], cleaned["period_end"]) != (_day(cand["period_start"]), _day(cand["period_end"])):
        problems.append(f"the extractor read the period as {_day(cand['period_start'])}..{_day(cand['period_end'])}, "
                        f"the printed words read as {cleaned['period_start']}..{cleaned['period_end']}: decide and set period_iso")
    value = cand["value"]
    if value == value and abs(cleaned["value"] - value) > 1e-9 * max(1.0, abs(value)):
        problems.append(f"value read as {cleaned['value']:g} in {cleaned['unit']}, the extractor had {value:g}: check the unit")
    return problems


def _day(x):
    if x is None or x != x:
        return None
    return x.date() if hasattr(x, "date") else x


def _guess_reliability(publisher: str, url: str | None) -> str:
    text = f"{publisher or ''} {url or ''}"
    if _OFFICIAL.search(text):
        return "official"
    if _PRESS.search(text):
        return "press"
    return ""


def source_row(source_id: str, text: str, text_path: Path, candidates: list[dict], attribution, *, url, publisher, published,
               title=None, reliability=None, retrieved=None, language="vi") -> dict:
    """The ``sources.csv`` row of the draft, with ``check`` listing the decisions left to the curator."""
    checks = ["published_basis: say whether the date is stated on the page or inferred, and from what"]
    if not published:
        checks.insert(0, "published: give the publication date (YYYY-MM-DD, YYYY-MM or YYYY; --published), which "
                         "also dates the periods printed without a year")
    province = attribution.province or ""
    if not province:
        checks.append("province: the text does not say which province it is about; fill it in")
    elif attribution.metadata_only:
        checks.append(f"province: {province} comes from the URL or publisher only, not from the text; confirm it")
    reliability = reliability or _guess_reliability(publisher, url)
    if not reliability:
        checks.append("reliability: choose official, press, mirror or low")
    if not url:
        checks.append("offline: no URL: say where the document can be seen (e.g. printed booklet held by …)")
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    starts = sorted(_day(c["period_start"]) for c in candidates if c["period_start"] == c["period_start"] and c["period_start"] is not None)
    ends = sorted(_day(c["period_end"]) for c in candidates if c["period_end"] == c["period_end"] and c["period_end"] is not None)
    covered = f"{starts[0]:%Y-%m}..{ends[-1]:%Y-%m}" if starts and ends else ""
    evidence = "; ".join(f"{e.where}: {e.term}" for e in attribution.evidence if e.province == province)[:200]
    return {
        "source_id": source_id, "title": title or first_line[:200], "publisher": publisher or "", "author": "",
        "url": url or "", "published": published or "", "published_basis": "", "province": province,
        "language": language, "reliability": reliability, "period_covered": covered,
        "sha256": hashlib.sha256(text_path.read_bytes()).hexdigest() if text_path.is_file() else "",
        "corpus_file": "", "note": f"drafted by lso-analysis extract --draft; province evidence: {evidence}" if evidence else
        "drafted by lso-analysis extract --draft",
        "retrieved": retrieved or (date.today().isoformat() if url else ""), "offline": "",
        "check": "; ".join(checks),
    }


def prepare_folder(out_dir: Path) -> Path:
    """Make ``DIR/raw/observations`` and, when ``DIR/reference`` is missing, copy the project's reference
    tables there (``expected_counts.csv`` with its header only: the draft's sources are the only ones)."""
    (out_dir / "raw" / "observations").mkdir(parents=True, exist_ok=True)
    reference = out_dir / "reference"
    if not reference.is_dir():
        # research_files.csv lists the project's own research notes, which a new source's folder does not transcribe.
        shutil.copytree(paths.REFERENCE_DIR, reference,
                        ignore=shutil.ignore_patterns("expected_counts.csv", "research_files.csv", ".*"))
        (reference / "expected_counts.csv").write_text("source_id,rows\n", encoding="utf-8")
    return reference


def _has_key(path: Path, key: str, value: str) -> bool:
    if not path.is_file():
        return False
    with open(path, encoding="utf-8", newline="") as fh:
        return any(r.get(key) == value for r in csv.DictReader(fh))


def _append(path: Path, columns: tuple[str, ...], row: dict, key: str) -> None:
    """Append ``row`` to a CSV (header written when new); refuse when ``row[key]`` is already there."""
    existing: list[dict] = []
    header = list(columns)
    if path.is_file() and path.stat().st_size:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            existing = list(reader)
            header = list(reader.fieldnames or columns)
        if any(r.get(key) == row[key] for r in existing):
            raise DraftError(f"{path}: {key} {row[key]!r} is already there; nothing was written")
        header += [c for c in columns if c not in header]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(existing + [row])


def write_draft(text: str, text_path: Path, out_dir: Path, *, url=None, publisher=None, published=None, source_id=None,
                title=None, province=None, reliability=None, retrieved=None, lang="vi") -> Draft:
    """Extract ``text`` and write ``out_dir/raw/observations/<source_id>.csv``, a ``sources.csv`` row and the
    expected row count, never overwriting an existing file or row.

    Raises:
        DraftError: the observation file or the source row exists already.
    """
    from lso_analysis.dataset.clean import SourceInfo
    from lso_analysis.extract.pipeline import extract_rows
    from lso_analysis.extract.provinces import detect_province

    out_dir = Path(out_dir)
    source_id = source_id or make_source_id(url, published, text_path.stem)
    obs_path = out_dir / "raw" / "observations" / f"{source_id}.csv"
    if obs_path.exists():
        raise DraftError(f"{obs_path} exists already; nothing was written (choose another --source-id or move it)")
    attribution = detect_province(text, url=url, publisher=publisher)
    if province:
        attribution.province, attribution.basis = province, "given"
    candidates = extract_rows(text, published=published, source_id=source_id, province=attribution.province, lang=lang)
    source = SourceInfo(source_id, attribution.province or "", lang, published or "", reliability or "")
    rows = raw_rows(candidates, source)
    srow = source_row(source_id, text, text_path, candidates, attribution, url=url, publisher=publisher,
                      published=published, title=title, reliability=reliability, retrieved=retrieved, language=lang)
    for path, key in ((out_dir / "raw" / "sources.csv", "source_id"), (out_dir / "reference" / "expected_counts.csv", "source_id")):
        if _has_key(path, key, source_id):
            raise DraftError(f"{path}: source_id {source_id!r} is already there; nothing was written")
    reference = prepare_folder(out_dir)
    _append(out_dir / "raw" / "sources.csv", SOURCE_COLUMNS, srow, "source_id")
    _append(reference / "expected_counts.csv", ("source_id", "rows"), {"source_id": source_id, "rows": str(len(rows))}, "source_id")
    with open(obs_path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=RAW_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return Draft(source_id, obs_path, out_dir / "raw" / "sources.csv", len(rows), sum(1 for r in rows if r["check"]),
                 [c for c in srow["check"].split("; ") if c])
