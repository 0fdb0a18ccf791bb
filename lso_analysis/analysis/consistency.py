"""Compare every pair of figures about one quantity; flag non-overlapping intervals and misfiled magnitudes."""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from pathlib import Path

import pandas as pd

from lso_analysis.analysis import intervals as iv
from lso_analysis.analysis.derive import reported_chain
from lso_analysis.analysis.spans import annual_factor

CHECK_COLUMNS = (
    "check", "indicator", "period_start", "period_end", "obs_id_a", "source_a", "value_a", "low_a", "high_a",
    "obs_id_b", "source_b", "value_b", "low_b", "high_b", "overlap", "status", "explanation", "note",
)
#: total → parts that add up to it, within one source and period.
PART_TOTALS = {"trade_turnover": ("exports", "imports")}
#: Flows: a sub-period can never exceed the period containing it (stocks and rates are left out).
FLOW_INDICATORS = frozenset({
    "trade_turnover", "trade_turnover_all_goods", "exports", "imports", "local_exports", "customs_revenue",
    "border_infrastructure_fee", "budget_revenue", "budget_expenditure", "retail_sales", "accommodation_food_revenue",
    "transport_revenue", "postal_revenue", "telecom_revenue", "tourist_arrivals", "tourism_revenue",
    "industrial_output_value", "public_investment_disbursed", "public_investment_implemented", "new_enterprises",
    "new_enterprise_capital", "new_cooperatives", "new_cooperative_capital", "farm_exports_volume",
})
#: A series with no band in ``magnitude_bands.csv`` for its province gets one derived from its own figures:
#: from ``median ÷ DERIVED_BAND_FACTOR`` to ``median × DERIVED_BAND_FACTOR`` of their yearly scale, once it
#: holds at least ``DERIVED_BAND_MIN_FIGURES`` figures (fewer: no band, nothing judged).
DERIVED_BAND_FACTOR = 4.0
DERIVED_BAND_MIN_FIGURES = 3
#: The trade series whose magnitudes are checked (issue 4: the three trade aggregates differ tenfold).
TRADE_SERIES = ("trade_turnover", "trade_turnover_all_goods", "local_exports", "exports", "imports")
BAND_COLUMNS = ("province", "indicator", "unit", "low", "high", "basis")
_STATUS_ORDER = {"conflict": 0, "explained": 1, "ok": 2}


def _plan_kind(text: str) -> str:
    t = str(text or "").lower()
    return "central" if "trung ương" in t else "province" if "tỉnh" in t else "plan"


def _key(row: dict) -> tuple:
    """What makes two figures speak of the same quantity."""
    plan = _plan_kind(row["comparison_raw"]) if row["measure"] == "plan_pct" else ""
    cls = "target" if row["status"] == "target" else "outturn"
    values = (row["province"], row["indicator"], row["measure"], row["unit"], row["period_start"], row["period_end"],
              row["base_start"], row["base_end"], cls, plan)
    return tuple("" if pd.isna(v) else str(v) for v in values)


def _record(check: str, a: dict, b: dict | None, b_interval: iv.Interval | None = None, note: str = "") -> dict:
    a_iv = (a["value_low"], a["value_high"])
    b_iv = b_interval if b_interval is not None else (b["value_low"], b["value_high"])
    return {
        "check": check, "indicator": a["indicator"], "period_start": a["period_start"], "period_end": a["period_end"],
        "obs_id_a": a["obs_id"], "source_a": a["source_id"], "value_a": a["value"], "low_a": a_iv[0], "high_a": a_iv[1],
        "obs_id_b": b["obs_id"] if b else "", "source_b": b["source_id"] if b else "",
        "value_b": b["value"] if b else math.nan, "low_b": b_iv[0], "high_b": b_iv[1],
        "overlap": iv.overlaps(a_iv, b_iv), "note": note,
    }


def _same_quantity(rows: list[dict]) -> list[dict]:
    out = []
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[_key(r)].append(r)
    for group in groups.values():
        for a, b in itertools.combinations(sorted(group, key=lambda r: r["obs_id"]), 2):
            if a["chain"] & b["chain"]:
                continue
            derived = a["origin"] == "derived" or b["origin"] == "derived"
            if not derived and a["source_id"] == b["source_id"]:
                continue
            if derived and a["origin"] != "derived":
                a, b = b, a  # the implied value on side a
            note = f"{a['status']} vs {b['status']}" if a["status"] != b["status"] else ""
            out.append(_record("implied" if derived else "same_quantity", a, b, note=note))
    return out


def _parts_total(rows: list[dict]) -> list[dict]:
    out = []
    by: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        if r["measure"] == "level":
            by[(r["source_id"], str(r["period_start"]), str(r["period_end"]), r["unit"], r["status"] == "target")].append(r)
    for group in by.values():
        for total_code, part_codes in PART_TOTALS.items():
            totals = [r for r in group if r["indicator"] == total_code]
            parts = [[r for r in group if r["indicator"] == code] for code in part_codes]
            for total in totals:
                for combo in itertools.product(*parts):
                    if any(total["chain"] & p["chain"] for p in combo):
                        continue
                    summed = (combo[0]["value_low"], combo[0]["value_high"])
                    for p in combo[1:]:
                        summed = iv.add(summed, (p["value_low"], p["value_high"]))
                    b = {"obs_id": "+".join(p["obs_id"] for p in combo), "source_id": total["source_id"],
                         "value": sum(p["value"] for p in combo)}
                    out.append(_record("parts_total", total, b, summed, note=" + ".join(part_codes)))
    return out


def _ytd_like(r: dict) -> bool:
    s, e = r["period_start"], r["period_end"]
    return (s.month, s.day) == (1, 1) and s.year == e.year and e.is_month_end


def _sub_periods(rows: list[dict]) -> list[dict]:
    out = []
    flows = [r for r in rows if r["measure"] == "level" and r["indicator"] in FLOW_INDICATORS and r["status"] != "target"]
    by: dict[tuple, list[dict]] = defaultdict(list)
    for r in flows:
        by[(r["province"], r["indicator"], r["unit"], r["period_start"].year)].append(r)
    for group in by.values():
        for total in (r for r in group if _ytd_like(r)):
            for part in group:
                inside = part["period_start"] >= total["period_start"] and part["period_end"] <= total["period_end"]
                same = (part["period_start"], part["period_end"]) == (total["period_start"], total["period_end"])
                if not inside or same or part["chain"] & total["chain"]:
                    continue
                rec = _record("sub_period", part, total, note="a sub-period cannot exceed the period containing it")
                # consistent unless the part's least possible value exceeds the total's greatest
                rec["overlap"] = not (part["value_low"] > total["value_high"])  # NaN compares False
                out.append(rec)
    return out


def load_magnitude_bands(path=None) -> pd.DataFrame:
    """The plausible yearly magnitudes of trade series per province (``data/reference/magnitude_bands.csv``).

    Columns :data:`BAND_COLUMNS`; ``low``/``high`` in the ``unit`` per year, NaN (an empty cell) = unbounded.

    Raises:
        ValueError: naming the file, row and column of a bound that is not a number, of a low above its
            high, of a row with no bound at all, of an unknown trade series or a duplicated province and series.
    """
    from lso_analysis import paths

    path = paths.REFERENCE_DIR / "magnitude_bands.csv" if path is None else path
    if not Path(path).exists():
        return pd.DataFrame(columns=list(BAND_COLUMNS))
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in BAND_COLUMNS if c not in raw.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    out, seen = [], set()
    for i, r in enumerate(raw.to_dict("records"), start=2):
        where = f"{path}, row {i}"
        if r["indicator"] not in TRADE_SERIES:
            raise ValueError(f"{where}, column indicator: {r['indicator']!r} is not a checked trade series "
                             f"({', '.join(TRADE_SERIES)})")
        bounds = {}
        for col in ("low", "high"):
            try:
                bounds[col] = float(r[col]) if r[col].strip() else math.nan
            except ValueError:
                raise ValueError(f"{where}, column {col}: {r[col]!r} is not a number") from None
        if math.isnan(bounds["low"]) and math.isnan(bounds["high"]):
            raise ValueError(f"{where}, columns low/high: a band needs at least one bound")
        if bounds["low"] > bounds["high"]:
            raise ValueError(f"{where}, column low: {bounds['low']:g} is above high {bounds['high']:g}")
        if (r["province"], r["indicator"]) in seen:
            raise ValueError(f"{where}, column indicator: a second band for {r['province']} {r['indicator']}")
        seen.add((r["province"], r["indicator"]))
        out.append({**r, **bounds})
    return pd.DataFrame(out, columns=list(BAND_COLUMNS))


def _per_year(rows: pd.DataFrame) -> pd.Series:
    return pd.Series([v * annual_factor(s, e) for v, s, e in zip(rows["value"], rows["period_start"], rows["period_end"])],
                     index=rows.index, dtype=float)


def magnitude_bands(province: str, obs: pd.DataFrame | None = None,
                    table: pd.DataFrame | None = None) -> dict[str, tuple[float, float, str]]:
    """The band of each trade series for ``province``: indicator → (low, high, basis), per year in USD million.

    A band comes from ``magnitude_bands.csv`` when the province has a row for the series; otherwise it is
    derived from the province's own figures in ``obs`` (levels in USD million, put on a yearly scale): from
    their median ÷ :data:`DERIVED_BAND_FACTOR` to the median × the same, when the series holds at least
    :data:`DERIVED_BAND_MIN_FIGURES` figures. A series with fewer has no band. So a province's true figures
    are never judged against another province's scale.

    >>> obs = pd.DataFrame({"province": ["X"] * 3, "indicator": ["trade_turnover"] * 3, "measure": ["level"] * 3,
    ...     "unit": ["USD million"] * 3, "value": [400.0, 500.0, 250.0],
    ...     "period_start": pd.to_datetime(["2021-01-01", "2022-01-01", "2023-01-01"]),
    ...     "period_end": pd.to_datetime(["2021-12-31", "2022-12-31", "2023-06-30"])})
    >>> magnitude_bands("X", obs, table=pd.DataFrame(columns=list(BAND_COLUMNS)))["trade_turnover"][:2]
    (125.0, 2000.0)
    """
    table = load_magnitude_bands() if table is None else table
    out = {r["indicator"]: (float(r["low"]), float(r["high"]), r["basis"])
           for r in table[table["province"] == province].to_dict("records")}
    if obs is None or obs.empty:
        return out
    rows = obs[(obs["measure"] == "level") & (obs["unit"] == "USD million")]
    if "province" in rows:
        rows = rows[rows["province"] == province]
    if "status" in rows:
        rows = rows[rows["status"] != "target"]
    for code in TRADE_SERIES:
        own = rows[rows["indicator"] == code]
        if code in out or len(own) < DERIVED_BAND_MIN_FIGURES:
            continue
        median = float(_per_year(own).median())
        out[code] = (median / DERIVED_BAND_FACTOR, median * DERIVED_BAND_FACTOR,
                     f"derived: the median of its {len(own)} figures on a yearly scale, "
                     f"÷{DERIVED_BAND_FACTOR:g} to ×{DERIVED_BAND_FACTOR:g}")
    return out


def check_trade_magnitudes(obs: pd.DataFrame, bands: dict[str, tuple] | None = None,
                           table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Flag trade figures whose annualised size does not fit their series' band (a misfiled series).

    The band is put on the figure's own time scale (× months/12, or days/365.25), so a quarter of a series
    banded 1,000–10,000 USD million a year is expected between 250 and 2,500. Bands are per province
    (:func:`magnitude_bands`); a series with no band is not judged (its figures fit, noted "no band").

    Args:
        obs: observations (levels in ``USD million`` of :data:`TRADE_SERIES` are checked; others ignored).
        bands: indicator → (low, high[, basis]) per year for every row, NaN = unbounded; default: each
            province's own (:func:`magnitude_bands`).
        table: the bands table (default :func:`load_magnitude_bands`).

    Returns:
        Rows in the :func:`check_consistency` layout with ``check='magnitude'``; side b is
        the band (``low_b``/``high_b``) and ``overlap`` says whether the figure fits it.

    >>> row = {"obs_id": "dv#1", "source_id": "dv", "province": "Lạng Sơn", "indicator": "trade_turnover",
    ...        "measure": "level", "unit": "USD million", "value": 51990.563, "value_low": 51990.5625,
    ...        "value_high": 51990.5635, "period_start": pd.Timestamp("2023-01-01"), "period_end": pd.Timestamp("2023-12-31")}
    >>> out = check_trade_magnitudes(pd.DataFrame([row]))
    >>> bool(out.loc[0, "overlap"]), out.loc[0, "note"]
    (False, '51,991 USD million a year (×1.00); fits: trade_turnover_all_goods')
    """
    out = []
    rows = obs[(obs["measure"] == "level") & (obs["unit"] == "USD million") & obs["indicator"].isin(TRADE_SERIES)]
    table = load_magnitude_bands() if table is None and bands is None else table
    by_province: dict[str, dict] = {}
    for r in rows.to_dict("records"):
        province = r.get("province", "")
        if bands is not None:
            own = bands
        else:
            if province not in by_province:
                by_province[province] = magnitude_bands(province, obs, table)
            own = by_province[province]
        factor = annual_factor(r["period_start"], r["period_end"])
        low, high = own.get(r["indicator"], (math.nan, math.nan))[:2]
        per_year = r["value"] * factor
        fits = [code for code, band in own.items() if iv.contains(band[:2], per_year)]
        judged = r["indicator"] in own
        note = (f"{per_year:,.0f} USD million a year (×{factor:.2f}); "
                + (f"fits: {', '.join(fits) or 'no band'}" if judged else "no band for this series"))
        out.append(_record("magnitude", r, None, (low / factor, high / factor), note=note))
    return pd.DataFrame(out, columns=[c for c in CHECK_COLUMNS if c not in ("status", "explanation")])


def _conflict_ids(value) -> set[str]:
    if isinstance(value, str):
        return {v.strip() for v in re.split(r"[;,]", value) if v.strip()}
    return {str(v) for v in (value if value is not None else [])}


def _explain(table: pd.DataFrame, conflicts: pd.DataFrame, chains: dict[str, set[str]]) -> pd.DataFrame:
    recorded = [(_conflict_ids(c.obs_ids), c.judgement, c.preferred, c.id) for c in conflicts.itertuples()]
    explanations, statuses = [], []
    for r in table.itertuples():
        ids_a = chains.get(r.obs_id_a, {r.obs_id_a}) | {r.obs_id_a}
        ids_b = set().union(*(chains.get(x, {x}) | {x} for x in r.obs_id_b.split("+"))) if r.obs_id_b else None
        text = ""
        for ids, judgement, preferred, cid in recorded:
            if ids & ids_a and (ids_b is None or ids & ids_b):
                text = f"[{cid}] {judgement}" + (f" (preferred: {preferred})" if preferred else "")
                break
        explanations.append(text)
        statuses.append("ok" if r.overlap else "explained" if text else "conflict")
    return table.assign(explanation=explanations, status=statuses)


def check_consistency(
    obs: pd.DataFrame | None = None,
    conflicts: pd.DataFrame | None = None,
    derived: pd.DataFrame | None = None,
    province: str | None = "Lạng Sơn",
) -> pd.DataFrame:
    """Every comparison of two figures about the same quantity, with a verdict.

    Checks: ``same_quantity`` (one indicator, measure, unit, period and base from two
    sources, targets only with targets), ``implied`` (a derived value against a reported
    or independently derived one), ``parts_total`` (exports + imports = turnover within
    one source and period), ``sub_period`` (a month or quarter never above the year-to-date
    flow containing it) and ``magnitude`` (:func:`check_trade_magnitudes`). Intervals
    that overlap are ``ok``; the others are ``conflict`` unless a recorded conflict lists
    an observation of each side, which makes them ``explained``.

    Args:
        obs: observations including targets and low sources; loaded when None.
        conflicts: the curators' conflicts (``id``, ``obs_ids``, ``preferred``,
            ``judgement``); ``lso_analysis.load_conflicts()`` when None.
        derived: output of :func:`lso_analysis.analysis.derive.derive_implied`; computed when None.
        province: keep this province (None keeps all).

    Returns:
        One row per comparison (columns :data:`CHECK_COLUMNS`), conflicts first.
    """
    import lso_analysis
    from lso_analysis.analysis.derive import derive_implied

    if obs is None:
        obs = lso_analysis.load_observations(province=province, include_targets=True, include_low=True)
    if province is not None:
        obs = obs[obs["province"] == province]
    if conflicts is None:
        try:
            conflicts = lso_analysis.load_conflicts()
        except (AttributeError, ImportError, FileNotFoundError):
            conflicts = pd.DataFrame(columns=["id", "obs_ids", "preferred", "judgement"])
    derived = derive_implied(obs) if derived is None else derived
    reported = obs.assign(origin="reported").to_dict("records")
    implied = derived.to_dict("records")
    chains = {r["obs_id"]: set(reported_chain(r["obs_id"], derived)) for r in implied}
    for r in reported:
        r["chain"] = {r["obs_id"]}
    for r in implied:
        r["chain"] = chains[r["obs_id"]]
    rows = reported + implied
    records = _same_quantity(rows) + _parts_total(rows) + _sub_periods(rows)
    table = pd.DataFrame(records, columns=[c for c in CHECK_COLUMNS if c not in ("status", "explanation")])
    magnitudes = check_trade_magnitudes(obs)
    if len(magnitudes):
        table = pd.concat([table, magnitudes], ignore_index=True) if len(table) else magnitudes
    table = _explain(table, conflicts, chains)
    table = table.assign(_order=table["status"].map(_STATUS_ORDER))
    table = table.sort_values(["_order", "check", "indicator", "period_start", "obs_id_a", "obs_id_b"], kind="stable")
    return table.drop(columns="_order").reset_index(drop=True)[list(CHECK_COLUMNS)]
