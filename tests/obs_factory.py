"""Build small synthetic observation tables in the SPEC §3 schema for the analysis-layer tests."""

from __future__ import annotations

import calendar
import math
import re
from collections import defaultdict

import pandas as pd

from lso_analysis.analysis.derive import OBS_COLUMNS

_UNITS = {"growth_pct": "%", "plan_pct": "%", "share_pct": "%", "change_pp": "pp", "rank": "rank", "ratio": "times"}
_COMPARISON = {"growth_pct": "so với cùng kỳ", "plan_pct": "kế hoạch", "change_abs": "so với cùng kỳ", "change_pp": "so với cùng kỳ"}


def period(text: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """Shorthand → (start, end, kind).

    ``2021`` year · ``2021-H1`` half · ``2021-Q3`` quarter · ``2021-M07`` month ·
    ``2021-YTD07`` January–July · ``2019/2023`` multi-year · ``2021-12-01/2021-12-15`` other ·
    ``2020-02-05`` day.
    """
    def month_end(y: int, m: int) -> pd.Timestamp:
        return pd.Timestamp(y, m, calendar.monthrange(y, m)[1])

    if m := re.fullmatch(r"(\d{4})", text):
        y = int(m[1])
        return pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31), "year"
    if m := re.fullmatch(r"(\d{4})-H([12])", text):
        y, h = int(m[1]), int(m[2])
        return pd.Timestamp(y, 6 * h - 5, 1), month_end(y, 6 * h), "half"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        y, q = int(m[1]), int(m[2])
        return pd.Timestamp(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter"
    if m := re.fullmatch(r"(\d{4})-M(\d{2})", text):
        y, mo = int(m[1]), int(m[2])
        return pd.Timestamp(y, mo, 1), month_end(y, mo), "month"
    if m := re.fullmatch(r"(\d{4})-YTD(\d{2})", text):
        y, mo = int(m[1]), int(m[2])
        return pd.Timestamp(y, 1, 1), month_end(y, mo), "ytd"
    if m := re.fullmatch(r"(\d{4})/(\d{4})", text):
        return pd.Timestamp(int(m[1]), 1, 1), pd.Timestamp(int(m[2]), 12, 31), "multi_year"
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})", text):
        return pd.Timestamp(m[1]), pd.Timestamp(m[2]), "other"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return pd.Timestamp(text), pd.Timestamp(text), "day"
    raise ValueError(f"unknown period shorthand {text!r}")


def _year_earlier(start: pd.Timestamp, end: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    return start - pd.DateOffset(years=1), end - pd.DateOffset(years=1)


def make_obs(rows: list[dict]) -> pd.DataFrame:
    """A processed-observations frame from partial rows; every omitted column gets a default.

    Keys beyond the schema: ``period`` and ``base`` (shorthand, see :func:`period`) and
    ``half`` (value_low/high = value ∓ half). Growth and change rows default to a base one
    year earlier ("cùng kỳ"); intervals default to the point value.
    """
    counters: dict[str, int] = defaultdict(int)
    out = []
    for given in rows:
        row = dict(given)
        source = row.setdefault("source_id", "src-a")
        counters[source] += 1
        row.setdefault("obs_id", f"{source}#{counters[source]}")
        row.setdefault("province", "Lạng Sơn")
        row.setdefault("indicator", "trade_turnover")
        measure = row.setdefault("measure", "level")
        row.setdefault("unit", _UNITS.get(measure, "USD million"))
        value = float(row["value"]) if row.get("value") is not None else math.nan
        row["value"] = value
        half = row.pop("half", 0.0)
        row.setdefault("value_low", value - half)
        row.setdefault("value_high", value + half)
        row.setdefault("out_of", math.nan)
        start, end, kind = period(row.pop("period", "2021"))
        row.setdefault("period_start", start)
        row.setdefault("period_end", end)
        row.setdefault("period_kind", kind)
        base = row.pop("base", None)
        if base is not None:
            row["base_start"], row["base_end"], _ = period(base)
        elif measure in ("growth_pct", "change_abs", "change_pp"):
            row["base_start"], row["base_end"] = _year_earlier(row["period_start"], row["period_end"])
        row.setdefault("base_start", pd.NaT)
        row.setdefault("base_end", pd.NaT)
        row.setdefault("status", "actual")
        low, high = row["value_low"], row["value_high"]
        default_bound = "lower" if math.isnan(high) and not math.isnan(low) else "upper" if math.isnan(low) and not math.isnan(high) else "exact"
        row.setdefault("bound", default_bound)
        row.setdefault("value_raw", f"{value:g}")
        row.setdefault("period_raw", "")
        row.setdefault("comparison_raw", _COMPARISON.get(measure, ""))
        row.setdefault("note", "")
        row.setdefault("reliability", "official")
        row.setdefault("published", row["period_end"] + pd.Timedelta(days=30))
        out.append(row)
    frame = pd.DataFrame(out)
    for col in OBS_COLUMNS:
        if col not in frame:
            frame[col] = pd.NA
    for col in ("period_start", "period_end", "base_start", "base_end", "published"):
        frame[col] = pd.to_datetime(frame[col])
    for col in ("value", "value_low", "value_high", "out_of"):
        frame[col] = frame[col].astype(float)
    return frame[list(OBS_COLUMNS)]


def trade_obs() -> pd.DataFrame:
    """The shape of the real trade_turnover data (issue 5)."""
    return make_obs([
        {"source_id": "lso-h1-2020", "value": 1320, "half": 5, "period": "2020-H1", "status": "estimate"},
        {"source_id": "lso-h1-2020", "measure": "growth_pct", "value": -42.9, "half": 0.05, "period": "2020-H1"},
        {"source_id": "lso-2021", "value": 4270, "half": 5, "status": "estimate"},
        {"source_id": "lso-2021", "measure": "growth_pct", "value": 52, "half": 0.5},
        {"source_id": "vcn-10m-2021", "value": 3450, "half": 5, "period": "2021-YTD10", "reliability": "mirror"},
        {"source_id": "skhdt-11m-2022", "value": 2695, "half": 5, "period": "2022-YTD11"},
        {"source_id": "skhdt-11m-2022", "measure": "growth_pct", "value": -31.6, "half": 0.05, "period": "2022-YTD11"},
        {"source_id": "danviet-2023", "value": 4975, "half": 5, "period": "2023", "reliability": "press"},
        {"source_id": "danviet-2023", "measure": "growth_pct", "value": 62.6, "half": 0.05, "period": "2023", "reliability": "press"},
    ])
