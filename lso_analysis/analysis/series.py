"""Best-value series per year or half-year, from reported, estimated and derived figures, with provenance."""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable

import pandas as pd

from lso_analysis.analysis import intervals as iv
from lso_analysis.analysis.derive import RELIABILITY_RANK, reported_chain, source_of
from lso_analysis.cleaning.text import normalize_text

SERIES_COLUMNS = (
    "value", "value_low", "value_high", "unit", "origin", "status", "obs_id", "obs_ids", "source_ids",
    "method", "n_candidates", "period_start", "period_end", "note",
)
_RELATIVE = ("growth_pct", "change_abs", "change_pp", "ratio")


def _observations(obs: pd.DataFrame | None, province: str, include_low: bool = False) -> pd.DataFrame:
    if obs is None:
        import lso_analysis

        obs = lso_analysis.load_observations(province=province, include_low=include_low)
    return obs[obs["province"].map(normalize_text) == normalize_text(province)]


def candidates(
    obs: pd.DataFrame | None = None,
    province: str = "Lạng Sơn",
    include_derived: bool = True,
    include_low: bool = False,
    derived: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Reported rows (``origin='reported'``) and, optionally, derived rows: the pool series choose from.

    Bounds derived from ratios are left out: they limit a value, they do not give one.

    Sources with ``reliability='low'`` are left out (and so are values derived from them)
    unless ``include_low``. Targets are left out.
    """
    from lso_analysis.analysis.derive import derive_implied

    frame = _observations(obs, province, include_low)
    if not include_low:
        frame = frame[frame["reliability"] != "low"]
    frame = frame.assign(derived_from="", method="", origin="reported")
    parts = [frame]
    if include_derived:
        extra = derive_implied(frame) if derived is None else derived
        if not include_low and len(extra):
            extra = extra[extra["reliability"] != "low"]
        # A bound ("tăng hơn 2 lần" caps the earlier value) is not a value: the consistency
        # checks use it, a series must not pick its midpoint as the year's figure.
        if len(extra):
            extra = extra[extra["method"] != "bound_from_ratio"]
        if len(extra):
            parts.append(extra)
    pool = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return pool[pool["status"] != "target"].reset_index(drop=True)


def _rank_key(row: pd.Series) -> tuple:
    """Best first: reported actual, reported estimate, derived; see :func:`annual_series`."""
    rel = RELIABILITY_RANK.get(row["reliability"], 9)
    published = pd.to_datetime(str(row["published"]), format="ISO8601", errors="coerce")
    recency = -published.value if not pd.isna(published) else 0
    w = iv.width((row["value_low"], row["value_high"]))
    if row["origin"] == "derived":
        return (2, w, row["status"] != "actual", rel, recency, row["obs_id"])
    return (0 if row["status"] == "actual" else 1, rel, recency, w, 0, row["obs_id"])


def _agree(a: pd.Series, b: pd.Series) -> bool:
    """The two figures can be the same value: their intervals overlap (what the consistency check calls agreeing)."""
    return iv.overlaps((a["value_low"], a["value_high"]), (b["value_low"], b["value_high"]))


def best_candidate(rows: pd.DataFrame) -> pd.Series:
    """The best of the candidates for one span: the first by :func:`_rank_key`, unless a figure of the same rank
    (status, reliability) agrees with it (their intervals overlap) and is printed more precisely: then the
    narrowest of those agreeing wins ("7,0%" over a later "7%"); a later figure that disagrees still wins on
    recency (a revision).
    """
    ranked = sorted((r for _, r in rows.iterrows()), key=_rank_key)
    best = ranked[0]
    if best["origin"] == "derived":
        return best  # derived rows are ranked narrowest first already
    tier = _rank_key(best)[:2]
    agreeing = [r for r in ranked if _rank_key(r)[:2] == tier and _agree(r, best)]
    return min(agreeing, key=lambda r: (iv.width((r["value_low"], r["value_high"])), _rank_key(r)))


def _describe(row: pd.Series) -> str:
    low, high = row["value_low"], row["value_high"]
    span = f"{row['period_start']:%Y-%m-%d}..{row['period_end']:%Y-%m-%d}"
    bounds = f"[{'' if math.isnan(low) else f'{low:.1f}'}, {'' if math.isnan(high) else f'{high:.1f}'}]"
    return f"{span} {row['value']:.1f} {bounds} ({row['origin']} {row['status']}, {row['obs_id']})"


def period_series(
    indicator: str,
    spans: Iterable[tuple[dict, pd.Timestamp, pd.Timestamp]],
    obs: pd.DataFrame | None = None,
    province: str = "Lạng Sơn",
    measure: str = "level",
    include_estimates: bool = True,
    include_derived: bool = True,
    include_low: bool = False,
    pool: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per span with the best figure for it; the engine of :func:`annual_series`.

    Args:
        spans: (labels, start, end) triples; ``labels`` become the leading columns.
        pool: a ready candidate pool (see :func:`candidates`); built from ``obs`` when None.
    """
    spans = list(spans)
    if pool is None:
        pool = candidates(obs, province, include_derived, include_low)
    pool = pool[(pool["indicator"] == indicator) & (pool["measure"] == measure)]
    if not include_derived:
        pool = pool[pool["origin"] != "derived"]
    if not include_estimates:
        pool = pool[pool["status"] == "actual"]
    units = pool.loc[pool["origin"] == "reported", "unit"].value_counts()
    unit = units.index[0] if len(units) else (pool["unit"].iloc[0] if len(pool) else "")
    if (pool["unit"] != unit).any():
        odd = sorted(pool.loc[pool["unit"] != unit, "obs_id"])
        warnings.warn(f"{indicator}: rows in units other than {unit!r} left out: {odd}", stacklevel=2)
        pool = pool[pool["unit"] == unit]
    chain_table = pool[pool["origin"] == "derived"]
    rows = []
    for labels, start, end in spans:
        in_span = pool[(pool["period_start"] == start) & (pool["period_end"] == end)]
        if measure in _RELATIVE:
            year_before = (start - pd.DateOffset(years=1), end - pd.DateOffset(years=1))
            in_span = in_span[(in_span["base_start"] == year_before[0]) & (in_span["base_end"] == year_before[1])]
        partial = pool[(pool["period_start"] >= start) & (pool["period_end"] <= end) & ~pool.index.isin(in_span.index)]
        note = ""
        if len(partial):
            longest = partial.assign(_len=partial["period_end"] - partial["period_start"])
            longest = longest.sort_values(["_len", "obs_id"], ascending=[False, True])
            note = "partial periods: " + "; ".join(_describe(r) for _, r in longest.head(3).iterrows())
        record = dict(labels, period_start=start, period_end=end, unit=unit, n_candidates=len(in_span), note=note)
        if not len(in_span):
            record.update(value=math.nan, value_low=math.nan, value_high=math.nan, origin="missing", status="",
                          obs_id="", obs_ids="", source_ids="", method="")
            rows.append(record)
            continue
        best = best_candidate(in_span)
        chain = reported_chain(best["obs_id"], chain_table)
        origin = "derived" if best["origin"] == "derived" else "reported" if best["status"] == "actual" else "estimated"
        record.update(
            value=best["value"], value_low=best["value_low"], value_high=best["value_high"], origin=origin,
            status=best["status"], obs_id=best["obs_id"], obs_ids=";".join(chain),
            source_ids=";".join(sorted({source_of(c) for c in chain})), method=best["method"] or "",
        )
        rows.append(record)
    label_cols = list(spans[0][0]) if spans else []
    out = pd.DataFrame(rows, columns=label_cols + list(SERIES_COLUMNS))
    out.attrs.update(indicator=indicator, measure=measure, province=province, unit=unit)
    return out


def annual_series(
    indicator: str,
    obs: pd.DataFrame | None = None,
    province: str = "Lạng Sơn",
    years: Iterable[int] = range(2019, 2024),
    include_estimates: bool = True,
    include_derived: bool = True,
    include_low: bool = False,
    measure: str = "level",
) -> pd.DataFrame:
    """One row per calendar year with the best full-year figure, its interval and provenance.

    Best value: a reported actual, else a reported estimate (in both: official before press
    before mirror, then the latest publication, then the narrowest interval), else a derived
    value (narrowest interval first, actual before estimate). Among reported figures of the same
    status and reliability, one that agrees with the latest within both intervals and is printed
    more precisely wins over it (see :func:`best_candidate`). A year with no full-year figure
    is kept as a NaN row with ``origin='missing'``; its ``note`` lists partial-year figures.
    Growth-like measures (``measure='growth_pct'``) only count against the previous year.

    Args:
        indicator: codebook code, e.g. ``trade_turnover``.
        obs: processed observations; ``lso_analysis.load_observations()`` when None.
        province: NFC name; other provinces' rows are ignored.
        years: calendar years wanted.
        include_estimates: keep "ước" figures (reported or derived).
        include_derived: use :func:`lso_analysis.analysis.derive.derive_implied` values.
        include_low: admit sources with ``reliability='low'``.
        measure: ``level`` or ``growth_pct`` (GRDP and IIP are reported as growth).

    Returns:
        Columns ``year``, ``value``, ``value_low``, ``value_high`` (in ``unit``), ``unit``,
        ``origin`` (reported | estimated | derived | missing), ``status``, ``obs_id`` (the
        chosen row), ``obs_ids`` (reported figures it rests on), ``source_ids``, ``method``,
        ``n_candidates``, ``period_start``, ``period_end``, ``note``.
    """
    spans = [({"year": y}, pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31)) for y in years]
    return period_series(indicator, spans, obs, province, measure, include_estimates, include_derived, include_low)


def half_year_series(
    indicator: str,
    measure: str = "growth_pct",
    obs: pd.DataFrame | None = None,
    province: str = "Lạng Sơn",
    years: Iterable[int] = range(2019, 2024),
    halves: Iterable[int] = (1,),
    include_estimates: bool = True,
    include_derived: bool = True,
    include_low: bool = False,
) -> pd.DataFrame:
    """Like :func:`annual_series` for half-years (``half`` 1 = January–June, 2 = July–December).

    GRDP is published as H1 growth against H1 of the year before, hence the default measure.
    """
    spans = []
    for y in years:
        for h in halves:
            start = pd.Timestamp(y, 1 if h == 1 else 7, 1)
            spans.append(({"year": y, "half": h}, start, pd.Timestamp(y, 6 if h == 1 else 12, 30 if h == 1 else 31)))
    return period_series(indicator, spans, obs, province, measure, include_estimates, include_derived, include_low)


__all__ = ["annual_series", "half_year_series", "period_series", "candidates"]
