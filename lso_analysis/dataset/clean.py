"""Turn one raw transcription row into one processed observation (SPEC §3)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from lso_analysis.errors import LsoParseError
from lso_analysis.cleaning.numbers import parse_quantity
from lso_analysis.cleaning.periods import Period, PeriodContext, parse_comparison, parse_period, parse_period_iso
from lso_analysis.cleaning.units import CANONICAL_UNITS, MEASURES, STATUSES, VINTAGES, conversion_factor

RAW_OBSERVATION_COLUMNS = ("obs_no", "indicator", "measure", "value_raw", "period_raw", "comparison_raw", "note")
OPTIONAL_OBSERVATION_COLUMNS = ("status", "period_iso", "province", "vintage", "check")

_PERCENT_MEASURES = {"growth_pct", "plan_pct", "share_pct"}
_BASE_MEASURES = {"growth_pct", "change_abs", "change_pp"}
_ESTIMATE_WORDS = re.compile(r"\b(?:ước|dự ước|ước tính|estimated?|preliminary)\b", re.I)
_AVERAGE_WORDS = re.compile(r"\b(?:bình quân|trung bình|a year|per year|/năm|mỗi năm|average|annual(?:ly)?|yearly)\b", re.I)


@dataclass(frozen=True)
class SourceInfo:
    """What the cleaner needs to know about the document a row comes from."""

    source_id: str
    province: str
    language: str
    published: str
    reliability: str


class RowError(ValueError):
    """A raw row cannot be cleaned; ``column`` names the offending column."""

    def __init__(self, column: str, message: str):
        self.column = column
        super().__init__(message)


def clean_observation(row: dict[str, str], source: SourceInfo, indicator_units: dict[str, str]) -> dict:
    """Clean one raw observation row.

    Args:
        row: the raw row (columns of ``data/raw/README.md``), after recorded corrections.
        source: the document it comes from (language decides the number notation,
            publication date supplies a missing year).
        indicator_units: codebook ``code → unit``.

    Returns:
        A dict with the processed columns of SPEC §3 (plus ``out_of``, ``comparison_kind``).

    Raises:
        RowError: naming the column at fault and why.
    """
    obs_no = row.get("obs_no", "")
    if not re.fullmatch(r"[1-9]\d*", obs_no):
        raise RowError("obs_no", f"obs_no must be a positive integer, got {obs_no!r}")
    indicator = row["indicator"]
    if indicator not in indicator_units:
        raise RowError("indicator", f"unknown indicator {indicator!r}: add it to data/reference/indicators.csv")
    measure = row["measure"]
    if measure not in MEASURES:
        raise RowError("measure", f"unknown measure {measure!r}; one of {', '.join(MEASURES)}")

    lang = "en" if source.language == "en" else "vi"
    try:
        q = parse_quantity(row["value_raw"], lang=lang)
    except LsoParseError as exc:
        raise RowError("value_raw", str(exc)) from None
    unit, factor = _unit_for(measure, q.unit, q.tail, indicator_units[indicator], indicator)
    value, low, high = q.value * factor, q.low * factor, q.high * factor
    note = row.get("note", "")
    if indicator_units[indicator] == "rank" and measure == "change_abs" and q.direction:
        # "tăng 21 bậc": the province moved up 21 places, so its rank number fell by 21.
        value, low, high = -value, -high, -low
        note = _join(note, "sign: rank moved up means the rank number fell")
    if q.footnote:
        note = _join(note, f"footnote marker {q.footnote} glued to the figure, dropped")

    context = PeriodContext.from_published(source.published)
    period = _period(row, context)
    comparison = _comparison(row, period, measure, context)

    status = row.get("status", "") or ""
    if status and status not in STATUSES:
        raise RowError("status", f"unknown status {status!r}; one of {', '.join(STATUSES)}")
    if not status:
        status = q.status or ("estimate" if _ESTIMATE_WORDS.search(row.get("period_raw", "")) else "actual")
    vintage = row.get("vintage", "") or ""
    if vintage and vintage not in VINTAGES:
        raise RowError("vintage", f"unknown vintage {vintage!r}; one of {', '.join(VINTAGES)} (or empty)")

    return {
        "obs_id": f"{source.source_id}#{int(obs_no)}",
        "source_id": source.source_id,
        "province": row.get("province", "") or source.province,
        "indicator": indicator,
        "measure": measure,
        "value": _tidy(value),
        "value_low": _tidy(low),
        "value_high": _tidy(high),
        "unit": unit,
        "out_of": q.out_of if q.out_of is not None else math.nan,
        "period_start": period.start,
        "period_end": period.end,
        "period_kind": period.kind,
        "base_start": comparison.base_start,
        "base_end": comparison.base_end,
        "comparison_kind": comparison.kind,
        "status": status,
        "vintage": vintage,
        "bound": q.bound,
        "value_raw": row["value_raw"],
        "period_raw": row.get("period_raw", ""),
        "comparison_raw": row.get("comparison_raw", ""),
        "note": note,
    }


def _join(note: str, extra: str) -> str:
    return f"{note}; {extra}" if note else extra


def _tidy(x: float) -> float:
    if math.isnan(x) or x == 0:
        return x
    return round(x, max(11 - int(math.floor(math.log10(abs(x)))), 0))


def _unit_for(measure: str, unit: str | None, tail: str, indicator_unit: str, indicator: str) -> tuple[str, float]:
    """The processed unit of a row and the factor from the printed unit to it."""
    if measure in _PERCENT_MEASURES:
        if unit not in (None, "%"):
            raise RowError("value_raw", f"a {measure} figure must be a percentage, got unit {unit!r}")
        return "%", 1.0
    if measure == "change_pp":
        if unit not in (None, "%", "pp"):
            raise RowError("value_raw", f"a change in percentage points cannot be in {unit!r}")
        return "pp", 1.0
    if measure == "rank":
        if unit not in (None, "rank", "count"):
            raise RowError("value_raw", f"a rank cannot be in {unit!r}")
        return "rank", 1.0
    if measure == "ratio":
        if unit not in (None, "times"):
            raise RowError("value_raw", f"a ratio ('gấp … lần') cannot be in {unit!r}")
        return "times", 1.0
    # level or change_abs: in the indicator's unit
    if unit is None:
        if indicator_unit in ("count", "%", "points", "rank", "times", "months", "hours", "minutes"):
            return indicator_unit, 1.0
        shown = f" {tail!r}" if tail else " (no unit printed)"
        raise RowError("value_raw", f"unknown unit{shown} for {indicator} (unit {indicator_unit}); "
                       "add the unit phrase to data/reference/units.csv")
    if unit == "count" and indicator_unit == "rank":
        return "rank", 1.0
    if unit == "rank" and indicator_unit == "count" and measure == "level":
        return "count", 1.0  # "ca dương tính thứ 5": the fifth case, so five cases so far
    try:
        return indicator_unit, conversion_factor(unit, indicator_unit)
    except ValueError:
        raise RowError("value_raw", f"unit {unit!r} does not agree with {indicator}'s unit {indicator_unit!r}") from None


def _period(row: dict[str, str], context: PeriodContext) -> Period:
    """The row's period: the printed words when the grammar reads them, else the curator's ``period_iso``.

    Where both exist and the words can be read, the two must agree: a typed period never
    silently replaces a reading of the printed text.
    """
    iso = row.get("period_iso", "") or ""
    raw = row.get("period_raw", "") or ""
    typed = None
    if iso:
        try:
            typed = parse_period_iso(iso)
        except LsoParseError as exc:
            raise RowError("period_iso", f"cannot resolve the period: {exc}") from None
    try:
        printed = parse_period(raw, context) if raw else None
    except LsoParseError as exc:
        if typed is None:
            raise RowError("period_raw", f"cannot resolve the period: {exc}") from None
        printed = None
    if typed is None:
        if printed is None:
            raise RowError("period_raw", "no period: give period_raw (or period_iso with the reason in note)")
        return printed
    if printed is not None and (printed.start, printed.end) != (typed.start, typed.end):
        raise RowError("period_iso", f"period disagreement: period_raw {raw!r} reads {printed.start}…{printed.end}, "
                       f"period_iso {iso!r} says {typed.start}…{typed.end}; fix the transcription (bracketed "
                       "context) or drop the typed period")
    return typed


def _comparison(row: dict[str, str], period: Period, measure: str, context: PeriodContext):
    text = row.get("comparison_raw", "") or ""
    try:
        comparison = parse_comparison(text, period, context)
    except LsoParseError as exc:
        raise RowError("comparison_raw", str(exc)) from None
    if measure in ("change_abs", "change_pp") and comparison.kind in ("plan", "budget_estimate"):
        return comparison  # "vượt 30 hộ so với kế hoạch": a difference from the plan, no base period
    if measure in _BASE_MEASURES and comparison.base_start is None:
        implicit = _implicit_base(row, period)
        if implicit is None:
            raise RowError("comparison_raw", f"a {measure} figure needs a comparison base "
                           f"(e.g. 'so với cùng kỳ'), got {text!r}")
        return implicit
    if measure == "plan_pct" and comparison.kind not in ("plan", "budget_estimate"):
        raise RowError("comparison_raw", f"a plan share needs the plan or budget it refers to "
                       f"(e.g. 'kế hoạch', 'dự toán'), got {text!r}")
    return comparison


def _implicit_base(row: dict[str, str], period: Period):
    """Growth printed without a base: a full year is against the year before (the statistical
    convention of annual reports); a multi-year average is each year against the one before."""
    from lso_analysis.cleaning.periods import Comparison

    if period.kind == "year":
        base = period.shift_years(-1)
        return Comparison("implicit_previous_year", base.start, base.end, "")
    words = " ".join(row.get(c, "") for c in ("value_raw", "period_raw", "note"))
    if period.kind == "multi_year" and _AVERAGE_WORDS.search(words):
        return Comparison("annual_average", date(period.start.year - 1, 1, 1), date(period.end.year - 1, 12, 31), "")
    return None


def known_units() -> tuple[str, ...]:
    """The canonical units a codebook row may use."""
    return tuple(CANONICAL_UNITS)
