"""Observations implied by reported ones: base levels, plans, wholes, single months and ratio bounds."""

from __future__ import annotations

import math
import re
from collections import defaultdict

import pandas as pd

from lso_analysis.analysis import intervals as iv
from lso_analysis.analysis.obs_rows import (  # noqa: F401  (re-exported)
    DATE_COLUMNS,
    DERIVED_COLUMNS,
    FLOAT_COLUMNS,
    OBS_COLUMNS,
    RELIABILITY_RANK,
    Row,
    combined_status,
    group_key,
    interval_of,
    make_derived_row,
    obs_number,
    point_value,
    reported_chain,
    source_of,
    to_frame,
    to_records,
)
from lso_analysis.analysis.spans import shift_like

METHODS = (
    "base_from_growth", "base_from_change", "plan_from_share", "whole_from_share", "month_from_ytd", "bound_from_ratio",
)


def _groups(rows: list[Row]) -> dict[tuple, list[Row]]:
    """Rows that share source, indicator and period: figures of one sentence about one quantity."""
    groups: dict[tuple, list[Row]] = defaultdict(list)
    for r in rows:
        groups[group_key(r["source_id"], r["province"], r["indicator"], r["period_start"], r["period_end"])].append(r)
    return groups


def _partners(group: list[Row], relation: Row, measures: tuple[str, ...] = ("level",), unit: str | None = None) -> list[Row]:
    """The figures a growth, share or ratio row qualifies: same group, target with target only.

    Reported figures win over derived ones: a relation printed in a sentence speaks of the
    figure printed with it.
    """
    rows = [
        r for r in group
        if r["measure"] in measures and (unit is None or r["unit"] == unit)
        and (r["status"] == "target") == (relation["status"] == "target") and r["obs_id"] != relation["obs_id"]
    ]
    reported = [r for r in rows if r.get("origin") != "derived"]
    return reported or rows


def _base_from_growth(group: list[Row]) -> list[Row]:
    out = []
    for g in (r for r in group if r["measure"] == "growth_pct" and not pd.isna(r["base_start"])):
        levels = _partners(group, g)
        for lv in levels:
            key = g["obs_id"] if len(levels) == 1 else f"{g['obs_id']}+{lv['obs_id']}"
            out.append(make_derived_row(
                "base_from_growth", key, [lv, g], lv, iv.base_from_growth(interval_of(lv), interval_of(g)),
                point_value(iv.base_from_growth, lv, g), status=combined_status([lv, g], "estimate"),
                period_start=g["base_start"], period_end=g["base_end"],
                note=f"{lv['value']:g} / (1 + {g['value']:g}/100); base: {g['comparison_raw']}",
            ))
    return out


def _base_from_change(group: list[Row]) -> list[Row]:
    out = []
    for c in (r for r in group if r["measure"] in ("change_abs", "change_pp") and not pd.isna(r["base_start"])):
        if c["measure"] == "change_abs" and c["unit"] == "rank":
            # "tăng 21 bậc" is stored as -21 (the rank number fell): base rank = rank - change
            levels = _partners(group, c, ("rank",), unit="rank")
        elif c["measure"] == "change_abs":
            levels = _partners(group, c, unit=c["unit"])
        else:
            levels = _partners(group, c, ("level", "share_pct", "growth_pct"), unit="%")
        for lv in levels:
            key = c["obs_id"] if len(levels) == 1 else f"{c['obs_id']}+{lv['obs_id']}"
            start, end = c["base_start"], c["base_end"]
            base_start, base_end = shift_like(lv, start, end)
            out.append(make_derived_row(
                "base_from_change", key, [lv, c], lv, iv.sub(interval_of(lv), interval_of(c)), point_value(iv.sub, lv, c),
                status=combined_status([lv, c], "estimate"), period_start=start, period_end=end,
                base_start=base_start, base_end=base_end, note=f"{lv['value']:g} - ({c['value']:g})",
            ))
    return out


def _plan_period(row: Row) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Plans are annual: the calendar years the period spans, or a 'giai đoạn YYYY-YYYY' the comparison names."""
    m = re.search(r"((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})", str(row.get("comparison_raw") or ""))
    if m:
        return pd.Timestamp(int(m[1]), 1, 1), pd.Timestamp(int(m[2]), 12, 31)
    return pd.Timestamp(row["period_start"].year, 1, 1), pd.Timestamp(row["period_end"].year, 12, 31)


def _plan_from_share(group: list[Row]) -> list[Row]:
    out = []
    for p in (r for r in group if r["measure"] == "plan_pct"):
        levels = _partners(group, p)
        for lv in levels:
            start, end = _plan_period(p)
            key = p["obs_id"] if len(levels) == 1 else f"{p['obs_id']}+{lv['obs_id']}"
            out.append(make_derived_row(
                "plan_from_share", key, [lv, p], lv, iv.plan_from_share(interval_of(lv), interval_of(p)),
                point_value(iv.plan_from_share, lv, p), status="target", period_start=start, period_end=end,
                comparison_raw=p["comparison_raw"] or "kế hoạch",
                note=f"plan ({p['comparison_raw'] or 'kế hoạch'}) = {lv['value']:g} / ({p['value']:g}/100)",
            ))
    return out


def _share_base(row: Row, bases: pd.DataFrame) -> str | None:
    """The indicator a share row is a share of, when the share_bases table and its wording agree."""
    text = " ".join(str(row.get(c) or "") for c in ("value_raw", "comparison_raw", "note")).lower()
    for b in bases[bases["indicator"] == row["indicator"]].itertuples():
        if any(k.strip().lower() in text for k in b.base_keywords.split(";") if k.strip()) and not any(
            k.strip().lower() in text for k in b.exclude_keywords.split(";") if k.strip()
        ):
            return b.share_of_indicator
    return None


def _whole_from_share(group: list[Row], bases: pd.DataFrame) -> list[Row]:
    out = []
    for s in (r for r in group if r["measure"] == "share_pct"):
        whole = _share_base(s, bases)
        levels = _partners(group, s) if whole else []
        for lv in levels:
            key = s["obs_id"] if len(levels) == 1 else f"{s['obs_id']}+{lv['obs_id']}"
            out.append(make_derived_row(
                "whole_from_share", key, [lv, s], lv, iv.whole_from_share(interval_of(lv), interval_of(s)),
                point_value(iv.whole_from_share, lv, s), indicator=whole,
                note=f"{whole} = {lv['value']:g} / ({s['value']:g}/100)",
            ))
    return out


def _order(row: Row) -> float:
    return obs_number(row["obs_id"])


def _ratio_reading(row: Row) -> iv.RatioReading:
    text = f"{row.get('value_raw') or ''} {row.get('comparison_raw') or ''}".lower()
    return "either" if "tăng" in text and "gấp" not in text else "times"


def _bound_from_ratio(group: list[Row]) -> list[Row]:
    out = []
    for q in (r for r in group if r["measure"] == "ratio" and not pd.isna(r["base_start"])):
        candidates = _partners(group, q, ("level", "growth_pct", "share_pct"))
        if not candidates:
            continue
        # The figure a "… lần" qualifies is the one printed just before it in the same sentence.
        before = [r for r in candidates if obs_number(r["obs_id"]) < obs_number(q["obs_id"])]
        now = max(before, key=_order) if before else min(candidates, key=_order)
        reading = _ratio_reading(q)
        base_start, base_end = shift_like(now, q["base_start"], q["base_end"])
        low, high = iv.before_from_ratio(interval_of(now), interval_of(q), reading)
        bound = "upper" if math.isnan(float(q["value_high"])) else None
        out.append(make_derived_row(
            "bound_from_ratio", q["obs_id"], [now, q], now, (low, high),
            point_value(iv.before_from_ratio, now, q, reading="times"),
            status=combined_status([now, q], "estimate"), period_start=q["base_start"], period_end=q["base_end"],
            base_start=base_start, base_end=base_end, bound=bound,
            note=f"{now['value']:g} / {q['value']:g} ({reading} reading of '{q['value_raw']}')",
        ))
    return out


def _ytd_month(row: Row) -> int | None:
    start, end = row["period_start"], row["period_end"]
    if pd.isna(start) or pd.isna(end) or (start.month, start.day) != (1, 1) or start.year != end.year:
        return None
    return end.month if end.is_month_end else None


def _month_from_ytd(rows: list[Row]) -> list[Row]:
    by_year: dict[tuple, dict[int, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        month = _ytd_month(r) if r["measure"] == "level" else None
        if month:
            by_year[group_key(r["province"], r["indicator"], r["unit"], r["period_start"].year)][month].append(r)
    out = []
    for months in by_year.values():
        for m in sorted(months):
            for a in months[m]:
                for b in months.get(m - 1, []):
                    if (a["status"] == "target") != (b["status"] == "target"):
                        continue
                    raw = iv.sub(interval_of(a), interval_of(b))
                    if not math.isnan(raw[1]) and raw[1] < 0:
                        continue  # January–M below January–(M-1): check_consistency reports it
                    out.append(make_derived_row(
                        "month_from_ytd", f"{a['obs_id']}-{b['obs_id']}", [a, b], a, iv.clip_nonneg(raw),
                        point_value(iv.month_from_ytd, a, b), period_start=b["period_end"] + pd.Timedelta(days=1),
                        period_end=a["period_end"], note=f"{a['value']:g} - {b['value']:g}",
                    ))
    return out


def load_share_bases() -> pd.DataFrame:
    """The table of which indicator a share is a share of (``data/reference/share_bases.csv``)."""
    from lso_analysis import paths

    return pd.read_csv(paths.REFERENCE_DIR / "share_bases.csv", dtype=str, keep_default_na=False)


def derive_implied(obs: pd.DataFrame, max_depth: int = 2, share_bases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every value the reported figures imply, with interval arithmetic on their bounds.

    Methods (``method`` column): ``base_from_growth`` (level ÷ (1 + g/100) for the growth's
    base period), ``base_from_change`` (level − change), ``plan_from_share`` (level ÷ plan
    share: the plan of the calendar year, ``status=target``), ``whole_from_share`` (part ÷
    share, for shares whose base ``data/reference/share_bases.csv`` names), ``month_from_ytd``
    (January–M − January–(M-1), across sources) and ``bound_from_ratio`` ("tăng hơn 2 lần so
    với năm 2020" → the 2020 value ≤ now/2). Rows are paired within one source, indicator and
    period; rows of round k may feed round k+1 up to ``max_depth``.

    Args:
        obs: processed observations (SPEC §3).
        max_depth: rounds of derivation (1 = from reported figures only).
        share_bases: override for the share-base table.

    Returns:
        Derived rows in the observations schema plus ``derived_from`` (input obs_ids joined
        by ';'), ``method`` and ``origin`` ('derived'); ``obs_id`` is
        ``derived:<method>:<obs_id>``. An estimate among the inputs makes an estimate.

    Example: "4.270 triệu USD (4265..4275), tăng 52% (51.5..52.5)" for 2021 gives a 2020 row
    ``derived:base_from_growth:<growth obs_id>`` with interval 2796.7..2821.8 (tests/test_derive.py).
    """
    bases = load_share_bases() if share_bases is None else share_bases
    known = to_records(obs)
    seen = {r["obs_id"] for r in known}
    seen_inputs: set[tuple] = set()
    derived: list[Row] = []
    for _ in range(max_depth):
        new: list[Row] = []
        for group in _groups(known).values():
            new += _base_from_growth(group) + _base_from_change(group) + _plan_from_share(group)
            new += _whole_from_share(group, bases) + _bound_from_ratio(group)
        new += _month_from_ytd(known)
        fresh = []
        for r in new:
            inputs = (r["method"], frozenset(r["derived_from"].split(";"))) if r is not None else None
            if r is None or r["obs_id"] in seen or inputs in seen_inputs:
                continue
            seen.add(r["obs_id"])
            seen_inputs.add(inputs)
            fresh.append(r)
        new = fresh
        if not new:
            break
        derived += new
        known += new
    return to_frame(sorted(derived, key=lambda r: r["obs_id"]), DERIVED_COLUMNS)
