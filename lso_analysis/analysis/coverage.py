"""Which indicator-years the data covers: reported actual, estimate, derived or nothing."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from lso_analysis.analysis.derive import source_of
from lso_analysis.analysis.scope import VALUE_MEASURES
from lso_analysis.analysis.spans import is_full_year

#: Best first; ``none`` when no full-year figure exists.
COVERAGE_LEVELS = ("actual", "estimate", "derived", "none")


def coverage_table(
    obs: pd.DataFrame | None = None,
    indicators: Iterable[str] | None = None,
    years: Iterable[int] = range(2019, 2024),
    province: str = "Lạng Sơn",
    include_derived: bool = True,
    include_low: bool = False,
) -> pd.DataFrame:
    """Indicator × year coverage, one row per cell (tidy; pivot for a matrix).

    A cell is ``actual`` when a reported full-year actual exists (any measure that states
    the indicator's value: level, growth, share, change or rank), else ``estimate``, else
    ``derived`` (a full-year value implied by other figures), else ``none``. Partial-year
    figures (months, quarters, halves, year-to-date) never fill a cell; ``has_partial``
    flags them separately.

    Args:
        obs: processed observations; ``lso_analysis.load_observations()`` when None.
        indicators: codes to show (rows with no data appear as ``none``); default: every
            indicator with at least one figure in ``years``.
        years: calendar years (columns).
        province: NFC province name.
        include_derived: count derived values as coverage.
        include_low: admit ``low``-reliability sources.

    Returns:
        Columns ``indicator``, ``year``, ``status`` (one of :data:`COVERAGE_LEVELS`),
        ``has_partial`` (bool), ``n_full``, ``n_partial`` and ``source_ids`` (';'-joined,
        of the full-year figures of the best status).
    """
    from lso_analysis.analysis.derive import reported_chain
    from lso_analysis.analysis.series import candidates

    years = list(years)
    pool = candidates(obs, province, include_derived=include_derived, include_low=include_low)
    pool = pool[pool["measure"].isin(VALUE_MEASURES)]
    pool = pool.assign(
        year=pool["period_end"].dt.year,
        is_full=pd.Series([is_full_year(s, e) for s, e in zip(pool["period_start"], pool["period_end"])],
                          index=pool.index, dtype=bool),
        within=pool["period_start"].dt.year == pool["period_end"].dt.year,
    )
    pool = pool[pool["year"].isin(years) & pool["within"]]
    pool["level"] = [
        "derived" if o == "derived" else ("actual" if s == "actual" else "estimate")
        for o, s in zip(pool["origin"], pool["status"])
    ]
    chains = pool[pool["origin"] == "derived"]
    codes = sorted(set(pool["indicator"])) if indicators is None else list(indicators)
    rows = []
    for code in codes:
        mine = pool[pool["indicator"] == code]
        for year in years:
            cell = mine[mine["year"] == year]
            full = cell[cell["is_full"]]
            status = next((lv for lv in COVERAGE_LEVELS[:-1] if (full["level"] == lv).any()), "none")
            best = full[full["level"] == status]
            sources = sorted({source_of(c) for oid in best["obs_id"] for c in reported_chain(oid, chains)})
            rows.append({
                "indicator": code, "year": year, "status": status, "has_partial": bool((~cell["is_full"]).any()),
                "n_full": len(full), "n_partial": int((~cell["is_full"]).sum()), "source_ids": ";".join(sources),
            })
    return pd.DataFrame(rows, columns=["indicator", "year", "status", "has_partial", "n_full", "n_partial", "source_ids"])


def coverage_matrix(coverage: pd.DataFrame) -> pd.DataFrame:
    """The tidy coverage table as indicator × year, cells like ``actual`` or ``none+partial``.

    >>> cov = pd.DataFrame({"indicator": ["grdp", "grdp"], "year": [2020, 2021],
    ...                     "status": ["estimate", "none"], "has_partial": [False, True]})
    >>> coverage_matrix(cov).loc["grdp"].tolist()
    ['estimate', 'none+partial']
    """
    label = coverage["status"] + coverage["has_partial"].map({True: "+partial", False: ""})
    return coverage.assign(cell=label).pivot(index="indicator", columns="year", values="cell")
