"""Score the extractor on hand-written sentence sets (development and held-out) with their expected observations."""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT / "tests" / "data" / "extract_dev.yml"
HELDOUT_SET = ROOT / "tests" / "data" / "extract_heldout.yml"
#: The figures the issue calls key: trade, exports, imports, budget revenue, GRDP.
KEY_PREFIXES = ("trade_turnover", "exports", "imports", "local_exports", "customs_revenue", "budget_revenue", "grdp")
FIELDS = ("indicator", "measure", "value", "period", "base", "status")


@dataclass(frozen=True)
class Expected:
    """One expected observation of a sentence (``indicator`` None: no codebook code describes it)."""

    item: str
    indicator: str | None
    measure: str
    value: float
    period: tuple[date, date]
    base: tuple[date, date] | None
    status: str

    @property
    def key(self) -> bool:
        return bool(self.indicator) and self.indicator.startswith(KEY_PREFIXES)


def parse_span(text: str) -> tuple[date, date] | None:
    """``2023`` / ``2023-09`` / ``2023-01..2023-09`` / ``2023-06-30`` as (first day, last day); ``-`` is None.

    Example:
        >>> parse_span("2023-01..2023-09")
        (datetime.date(2023, 1, 1), datetime.date(2023, 9, 30))
    """
    text = text.strip()
    if text in ("-", ""):
        return None
    first, _, last = text.partition("..")
    return _bounds(first)[0], _bounds(last or first)[1]


def _bounds(text: str) -> tuple[date, date]:
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts), date(*parts)


def load_set(path: Path) -> list[dict]:
    """The items of a sentence set, each with ``expected`` (a list of :class:`Expected`).

    Raises:
        ValueError: naming the item and expectation that is malformed.
    """
    import yaml

    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in items:
        expected = []
        for n, line in enumerate(item.get("expect") or [], start=1):
            parts = [p.strip() for p in str(line).split("|")]
            if len(parts) != len(FIELDS):
                raise ValueError(f"{path.name}: item {item['id']}, expectation {n}: want {len(FIELDS)} fields {FIELDS}, got {line!r}")
            ind, measure, value, period, base, status = parts
            expected.append(Expected(item["id"], None if ind == "-" else ind, measure, float(value),
                                     parse_span(period), parse_span(base), status))
        item["expected"] = expected
        item["published"] = str(item["published"])
    return items


@dataclass
class SetScore:
    """Counts over a sentence set; rates are shares of the expected figures (precision: of the claims)."""

    name: str
    expected: int = 0
    found: int = 0
    typed: int = 0
    tied: int = 0
    full: int = 0
    key_expected: int = 0
    key_tied: int = 0
    claims: int = 0
    correct_claims: int = 0
    misses: list = field(default_factory=list)
    wrong_claims: list = field(default_factory=list)

    def rate(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def precision(self) -> float:
        return self.rate(self.correct_claims, self.claims)

    def line(self) -> str:
        return (f"{self.name:10} figures {self.expected:3}  found {self.rate(self.found, self.expected):.3f}  "
                f"typed {self.rate(self.typed, self.expected):.3f}  tied {self.rate(self.tied, self.expected):.3f}  "
                f"key tied {self.rate(self.key_tied, self.key_expected):.3f} ({self.key_tied}/{self.key_expected})  "
                f"all fields {self.rate(self.full, self.expected):.3f}  precision {self.precision:.3f} "
                f"({self.correct_claims}/{self.claims})")


def _day(x) -> date | None:
    if x is None or (isinstance(x, float) and math.isnan(x)) or x != x:
        return None
    return x.date() if hasattr(x, "date") else x


def _same_value(row: dict, want: float) -> bool:
    value = row["value"]
    return value == value and abs(value - want) <= 1e-6 * max(1.0, abs(want))


def _agreement(row: dict, e: Expected) -> tuple[bool, bool, bool]:
    """(measure right, indicator right, period/base/status right) for a row of the same value."""
    indicator = row["indicator"] if isinstance(row["indicator"], str) and row["indicator"] not in ("", "nan") else None
    if row["reason"]:
        indicator = None
    typed = row["measure"] == e.measure
    tied = typed and indicator == e.indicator
    period = (_day(row["period_start"]), _day(row["period_end"])) == e.period
    base_row = (_day(row["base_start"]), _day(row["base_end"]))
    base = base_row == e.base if e.base else base_row == (None, None)
    return typed, tied, tied and period and base and row["status"] == e.status


def score_item(item: dict, score: SetScore, extract) -> None:
    """Extract one item's text and add its counts to ``score``."""
    df = extract(item["text"], published=item["published"], source_id=item["id"], province=item.get("province"))
    rows = df.to_dict("records")
    used: set[int] = set()
    tied_rows: set[int] = set()
    for e in item["expected"]:
        score.expected += 1
        score.key_expected += e.key
        options = [(i, _agreement(r, e)) for i, r in enumerate(rows) if i not in used and _same_value(r, e.value)]
        if not options:
            score.misses.append((e, "not found"))
            continue
        i, (typed, tied, full) = max(options, key=lambda o: (o[1], -o[0]))
        used.add(i)
        score.found += 1
        score.typed += typed
        score.tied += tied
        score.full += full
        score.key_tied += tied and e.key
        if tied and e.indicator:
            tied_rows.add(i)
        if not full:
            r = rows[i]
            score.misses.append((e, f"got {r['indicator']} {r['measure']} {_day(r['period_start'])}..{_day(r['period_end'])} "
                                    f"base {_day(r['base_start'])}..{_day(r['base_end'])} {r['status']} {r['reason']}"))
    for i, r in enumerate(rows):
        if r["reason"] or not isinstance(r["indicator"], str) or r["indicator"] in ("", "nan"):
            continue
        score.claims += 1
        if i in tied_rows:
            score.correct_claims += 1
        else:
            score.wrong_claims.append((item["id"], r["indicator"], r["measure"], r["value"], r["value_raw"]))


def score_set(name: str, path: Path, extract=None) -> SetScore:
    """Score every item of a sentence set."""
    if extract is None:
        from lso_analysis.extract.pipeline import extract_observations as extract
    score = SetScore(name)
    for item in load_set(path):
        score_item(item, score, extract)
    return score
