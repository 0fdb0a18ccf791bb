"""A province against Vietnam and other provinces: GRDP growth panel, national gap, ranks and a panel model.

Vietnam as a whole is the geography ``Việt Nam`` (:data:`NATION`), never a province: it is left out of every
provincial panel and used only as the national yardstick. National figures come in vintages (``first``
estimate at the time, ``revised`` later): a provincial year-end estimate is compared with the national
**first** estimate of the same time (the rule of :func:`national_growth`), the revised series being a
sensitivity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lso_analysis.analysis import intervals as iv
from lso_analysis.analysis import series
from lso_analysis.analysis.scope import Window

NATION = "Việt Nam"
#: The indicator codes under which a geography's output growth is filed (GRDP for provinces, GDP for the nation).
GROWTH_CODES = ("grdp", "gdp")
PANEL_COLUMNS = ("province", "year", "value", "value_low", "value_high", "origin", "status", "obs_id", "source_ids")


class InsufficientPanelError(ValueError):
    """The panel cannot answer the question asked (too few provinces, years or figures).

    Attributes:
        reason: a code for why (``no_treated``, ``no_before``, ``no_other_before``, ``alone_in_year``,
            ``no_dof``; empty when not given), worded per language as ``("provinces.refusal", reason)``.
        values: the values that wording names (``province``, ``year``, ``n_obs``, ``n_coef`` …).
    """

    def __init__(self, message: str, reason: str = "", **values):
        super().__init__(message)
        self.reason = reason
        self.values = values


def _growth_rows(obs: pd.DataFrame, include_low: bool) -> pd.DataFrame:
    rows = obs[obs["indicator"].isin(GROWTH_CODES) & (obs["measure"] == "growth_pct") & (obs["status"] != "target")]
    if not include_low:
        rows = rows[rows["reliability"] != "low"]
    return rows


def growth_panel(obs: pd.DataFrame, window: Window, include_estimates: bool = True,
                 include_low: bool = False) -> pd.DataFrame:
    """One row per province and year of ``window`` that has a full-year GRDP growth figure (the best one).

    The best figure per province-year follows :func:`lso_analysis.analysis.series.annual_series` (reported
    before estimated, official before press, latest publication first). Derived values are not used: a
    panel compares printed growth rates. ``Việt Nam`` is left out.

    Returns:
        Columns :data:`PANEL_COLUMNS`, sorted by year and province.
    """
    rows = _growth_rows(obs, include_low)
    rows = rows[rows["province"] != NATION]
    out = []
    for province, group in rows.groupby("province", sort=True):
        for code in GROWTH_CODES:
            if not (group["indicator"] == code).any():
                continue
            yearly = series.annual_series(code, group, province, window.years, include_estimates=include_estimates,
                                          include_derived=False, include_low=include_low, measure="growth_pct")
            yearly = yearly[yearly["value"].notna()]
            out.append(yearly.assign(province=province))
    if not out:
        return pd.DataFrame(columns=PANEL_COLUMNS)
    panel = pd.concat(out, ignore_index=True).drop_duplicates(["province", "year"])
    return panel[list(PANEL_COLUMNS)].sort_values(["year", "province"]).reset_index(drop=True)


def national_growth(obs: pd.DataFrame, window: Window, vintage: str = "first",
                    include_low: bool = False) -> pd.DataFrame:
    """Vietnam's GDP growth per year of ``window`` in one vintage.

    Args:
        vintage: ``first``: the figure published at the time (rows marked ``first``, or with no vintage
            stated); ``revised``: the latest revision (``revised`` or ``final``), falling back to the first
            estimate for a year never revised (``vintage_used`` says which).

    Returns:
        Columns ``year``, ``value``, ``value_low``, ``value_high``, ``vintage_used``, ``obs_id``,
        ``source_ids``; one row per year with a figure.
    """
    if vintage not in ("first", "revised"):
        raise ValueError(f"vintage {vintage!r}: use 'first' or 'revised'")
    rows = _growth_rows(obs, include_low)
    rows = window.select(rows[rows["province"] == NATION])
    rows = rows[(rows["period_end"] - rows["period_start"]).dt.days >= 364]
    if "vintage" not in rows:
        rows = rows.assign(vintage="")
    out = []
    for year, group in rows.groupby(rows["period_start"].dt.year):
        first = group[group["vintage"].isin(["first", ""])]
        later = group[group["vintage"].isin(["revised", "final"])]
        pick = later if vintage == "revised" and len(later) else first
        if pick.empty:
            continue
        pick = pick.sort_values(["published", "obs_id"], ascending=[vintage == "first", True])
        best = pick.iloc[0]
        out.append({"year": int(year), "value": best["value"], "value_low": best["value_low"],
                    "value_high": best["value_high"], "vintage_used": best["vintage"] or "first",
                    "obs_id": best["obs_id"], "source_ids": best["source_id"]})
    return pd.DataFrame(out, columns=["year", "value", "value_low", "value_high", "vintage_used", "obs_id", "source_ids"])


def growth_gap(panel: pd.DataFrame, national: pd.DataFrame, province: str) -> pd.DataFrame:
    """Year by year: the province's growth minus the national rate, in percentage points, with intervals.

    The interval pairs the province's lowest with the nation's highest figure (interval arithmetic), so it
    carries the rounding of both printed rates.
    """
    mine = panel[panel["province"] == province]
    both = mine.merge(national, on="year", suffixes=("", "_nat"))
    rows = []
    for _, r in both.iterrows():
        low, high = iv.sub((r["value_low"], r["value_high"]), (r["value_low_nat"], r["value_high_nat"]))
        rows.append({"year": int(r["year"]), "province_growth": r["value"], "province_low": r["value_low"],
                     "province_high": r["value_high"], "national_growth": r["value_nat"],
                     "national_low": r["value_low_nat"], "national_high": r["value_high_nat"],
                     "gap_pp": r["value"] - r["value_nat"], "gap_low": low, "gap_high": high,
                     "status": r["status"], "vintage_used": r["vintage_used"],
                     "source_ids": ";".join(sorted({*r["source_ids"].split(";"), *r["source_ids_nat"].split(";")} - {""}))})
    return pd.DataFrame(rows, columns=["year", "province_growth", "province_low", "province_high", "national_growth",
                                       "national_low", "national_high", "gap_pp", "gap_low", "gap_high", "status",
                                       "vintage_used", "source_ids"])


def _chain(rates: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Index (base 100) after each yearly rate, with its interval."""
    level, band, out = 100.0, (100.0, 100.0), []
    for value, low, high in rates:
        level *= 1 + value / 100
        band = iv.mul(band, iv.growth_factor((low, high)))
        out.append((level, *band))
    return out


def national_path(gap: pd.DataFrame) -> pd.DataFrame:
    """The province's output index against the path it would have followed growing at the national rate.

    Both start at 100 in the year before the first year of ``gap`` (from :func:`growth_gap`); only an
    unbroken run of years can be chained, so the run stops at the first missing year.

    Returns:
        Columns ``year``, ``actual`` (+ ``_low``/``_high``), ``at_national`` (+ ``_low``/``_high``),
        ``gap_pct`` (how far the province stands above (+) or below (−) the national-rate path, in % of it)
        with ``gap_pct_low``/``gap_pct_high``; ``attrs['base_year']``.
    """
    g = gap.sort_values("year")
    years = list(g["year"])
    run = [years[0]] if years else []
    for y in years[1:]:
        if y != run[-1] + 1:
            break
        run.append(y)
    g = g[g["year"].isin(run)]
    actual = _chain(list(zip(g["province_growth"], g["province_low"], g["province_high"])))
    nat = _chain(list(zip(g["national_growth"], g["national_low"], g["national_high"])))
    rows = []
    for year, a, n in zip(run, actual, nat):
        ratio = iv.div((a[1], a[2]), (n[1], n[2]))
        rows.append({"year": year, "actual": a[0], "actual_low": a[1], "actual_high": a[2], "at_national": n[0],
                     "at_national_low": n[1], "at_national_high": n[2], "gap_pct": 100 * (a[0] / n[0] - 1),
                     "gap_pct_low": 100 * (ratio[0] - 1), "gap_pct_high": 100 * (ratio[1] - 1)})
    out = pd.DataFrame(rows)
    out.attrs["base_year"] = run[0] - 1 if run else None
    return out


def ranks(panel: pd.DataFrame, province: str) -> pd.DataFrame:
    """The province's rank (1 = fastest growth) among the provinces with a figure each year, out of how many.

    ``rank_best``/``rank_worst`` widen the rank by the rounding of the printed rates: a province whose
    interval overlaps the focus's could sit on either side of it.
    """
    rows = []
    for year, group in panel.groupby("year"):
        mine = group[group["province"] == province]
        if mine.empty:
            continue
        me = mine.iloc[0]
        others = group[group["province"] != province]
        above = int((others["value"] > me["value"]).sum())
        surely_above = int((others["value_low"] > me["value_high"]).sum())
        possibly_above = int((others["value_high"] >= me["value_low"]).sum())
        rows.append({"year": int(year), "rank": above + 1, "rank_best": surely_above + 1,
                     "rank_worst": possibly_above + 1, "out_of": len(group), "value": me["value"],
                     "source_ids": ";".join(sorted(set(";".join(group["source_ids"]).split(";")) - {""}))})
    return pd.DataFrame(rows, columns=["year", "rank", "rank_best", "rank_worst", "out_of", "value", "source_ids"])


def peers(panel: pd.DataFrame, members: list[str], province: str) -> pd.DataFrame:
    """Growth of the province and each group member by year (wide: one column per province, in group order)."""
    keep = [m for m in dict.fromkeys([province, *members]) if m in set(panel["province"])]
    wide = panel[panel["province"].isin(keep)].pivot(index="year", columns="province", values="value")
    return wide.reindex(columns=keep)
