"""Schema constants and builders for derived observation rows (the SPEC §3 table plus provenance)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

import pandas as pd

from lso_analysis.analysis import intervals as iv
from lso_analysis.analysis.spans import period_kind

#: The processed observations table (SPEC §3) plus the source columns the loader joins in.
OBS_COLUMNS = (
    "obs_id", "source_id", "province", "indicator", "measure", "value", "value_low", "value_high", "unit",
    "out_of", "period_start", "period_end", "period_kind", "base_start", "base_end", "status", "bound",
    "value_raw", "period_raw", "comparison_raw", "note", "reliability", "published", "vintage",
)
DERIVED_COLUMNS = OBS_COLUMNS + ("derived_from", "method", "origin")
RELIABILITY_RANK = {"official": 0, "press": 1, "mirror": 2, "low": 3}
DATE_COLUMNS = ("period_start", "period_end", "base_start", "base_end")
FLOAT_COLUMNS = ("value", "value_low", "value_high", "out_of")

Row = dict


def interval_of(row: Row) -> iv.Interval:
    return (float(row["value_low"]), float(row["value_high"]))


def obs_number(obs_id: str) -> float:
    tail = str(obs_id).rsplit("#", 1)[-1]
    return float(tail) if tail.isdigit() else math.inf


def group_key(*values) -> tuple:
    return tuple("" if pd.isna(v) else str(v) for v in values)


def _published(rows: Iterable[Row]):
    """The latest publication date among the inputs, in the inputs' own representation."""
    dated = [(pd.to_datetime(str(r.get("published")), format="ISO8601", errors="coerce"), r.get("published")) for r in rows]
    dated = [(stamp, raw) for stamp, raw in dated if not pd.isna(stamp)]
    return max(dated, key=lambda d: d[0])[1] if dated else None


def combined_status(rows: Iterable[Row], target_becomes: str = "target") -> str:
    statuses = {r["status"] for r in rows}
    if "target" in statuses:
        return target_becomes
    return "estimate" if "estimate" in statuses else "actual"


def point_value(func: Callable, *rows: Row, **kwargs) -> float:
    """``func`` applied to the rows' point values (the figure as printed), NaN if impossible."""
    values = [float(r["value"]) for r in rows]
    if any(math.isnan(v) for v in values):
        return math.nan
    try:
        return func(*(iv.point(v) for v in values), **kwargs)[0]
    except (ZeroDivisionError, ValueError):
        return math.nan


def _common_vintage(inputs: list[Row]) -> str:
    """The vintage the inputs share (a value derived from two vintages has none)."""
    vintages = {str(r.get("vintage") or "") for r in inputs}
    return vintages.pop() if len(vintages) == 1 else ""


def make_derived_row(
    method: str, key_id: str, inputs: list[Row], template: Row, interval: iv.Interval, value: float, **fields
) -> Row | None:
    """One derived row in the observations schema, or None when it carries no information."""
    low, high = interval
    if math.isnan(low) and math.isnan(high):
        return None
    row = {c: template.get(c) for c in OBS_COLUMNS}
    row.update(
        obs_id=f"derived:{method}:{key_id}", value_raw="", period_raw="", comparison_raw="", out_of=math.nan,
        base_start=pd.NaT, base_end=pd.NaT, status=combined_status(inputs),
        reliability=max((r["reliability"] for r in inputs), key=lambda x: RELIABILITY_RANK.get(x, 9)),
        published=_published(inputs),
        vintage=_common_vintage(inputs),
    )
    row.update(fields)
    if not math.isnan(value):
        value = min(max(value, -math.inf if math.isnan(low) else low), math.inf if math.isnan(high) else high)
    else:
        value = low if not math.isnan(low) else high
    row.update(value=value, value_low=low, value_high=high)
    if fields.get("bound") is None:
        row["bound"] = "range" if not (math.isnan(low) or math.isnan(high)) else "lower" if math.isnan(high) else "upper"
    row["period_kind"] = period_kind(row["period_start"], row["period_end"])
    row.update(derived_from=";".join(r["obs_id"] for r in inputs), method=method, origin="derived")
    return row


def to_records(obs: pd.DataFrame) -> list[Row]:
    frame = obs.copy()
    for col in DATE_COLUMNS:
        frame[col] = pd.to_datetime(frame[col])
    if "origin" not in frame:
        frame["origin"] = "reported"
    return frame.to_dict("records")


def to_frame(rows: list[Row], columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    for col in DATE_COLUMNS:
        frame[col] = pd.to_datetime(frame[col])
    for col in FLOAT_COLUMNS:
        frame[col] = frame[col].astype(float)
    return frame


def reported_chain(obs_id: str, derived: pd.DataFrame) -> list[str]:
    """The reported obs_ids a (possibly derived-from-derived) row rests on, sorted.

    >>> reported_chain("src#1", derived=pd.DataFrame(columns=["obs_id", "derived_from"]))
    ['src#1']
    """
    parents = dict(zip(derived["obs_id"], derived["derived_from"]))
    out, todo = set(), [obs_id]
    while todo:
        current = todo.pop()
        if current in parents:
            todo += [p for p in str(parents[current]).split(";") if p]
        else:
            out.add(current)
    return sorted(out)


def source_of(obs_id: str) -> str:
    """``<source_id>`` of a reported ``<source_id>#<n>`` id."""
    return str(obs_id).rsplit("#", 1)[0]
