"""Notebook 30's ranks: yearly DTI and PCI ranks of the window, a missing year filled from a printed change."""

from __future__ import annotations

import pandas as pd

from lso_analysis.analysis import intervals as iv
from lso_analysis.analysis.obs_rows import interval_of, make_derived_row
from lso_analysis.analysis.scope import Scope
from lso_analysis.present.narrative import fmt_value
from lso_analysis.studies.digital_data import conflict_ids

RANK_INDICATORS = ("dti_rank", "dti_rank_economy", "dti_rank_government", "dti_rank_society", "pci_rank")
_RANK_COLUMNS = ["indicator", "year", "value", "value_low", "value_high", "origin", "obs_ids", "source_ids", "caveat"]


def rank_series(obs: pd.DataFrame, scope: Scope, conflicts: pd.DataFrame | None = None,
                indicators=RANK_INDICATORS) -> pd.DataFrame:
    """Yearly ranks (1 = first place) of the window, stacked with ``indicator`` and the recorded conflicts (``caveat``).

    When ``scope.include_derived``, a year without a printed rank is filled from the next year's rank and its
    printed change of places ("tăng 21 bậc": 15 + 21 = 36), which ``derive_implied`` does for levels only.
    """
    from lso_analysis.analysis.series import annual_series

    parts = []
    for code in indicators:
        s = annual_series(code, obs, scope.province, scope.window.years, scope.include_estimates,
                          scope.include_derived, measure="rank")
        if scope.include_derived:
            s = _fill_from_change(s, obs[obs["indicator"] == code], scope.include_estimates)
        if s["value"].notna().any():
            parts.append(s.assign(indicator=code))
    if not parts:
        return pd.DataFrame(columns=_RANK_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out["caveat"] = [conflict_ids(str(o).split(";"), conflicts) for o in out["obs_ids"]]
    out.attrs.update(indicator="rank", province=scope.province, unit="rank")
    return out


def _fill_from_change(series: pd.DataFrame, obs: pd.DataFrame, include_estimates: bool) -> pd.DataFrame:
    series = series.copy()
    for ch in obs[(obs["measure"] == "change_abs") & (obs["unit"] == "rank")].to_dict("records"):
        ranks = obs[(obs["measure"] == "rank") & (obs["source_id"] == ch["source_id"])
                    & (obs["period_end"] == ch["period_end"])].to_dict("records")
        hole = series.index[(series["year"] == ch["period_end"].year - 1) & series["value"].isna()]
        if not ranks or not len(hole) or (not include_estimates and ch["status"] != "actual"):
            continue
        row = make_derived_row("base_from_change", ch["obs_id"], [ranks[0], ch], ranks[0],
                               iv.sub(interval_of(ranks[0]), interval_of(ch)), ranks[0]["value"] - ch["value"])
        series.loc[hole[0], ["value", "value_low", "value_high", "origin", "status", "obs_id", "obs_ids", "source_ids",
                             "method"]] = [row["value"], row["value_low"], row["value_high"], "derived", row["status"],
                                           row["obs_id"], row["derived_from"], ch["source_id"], "base_from_change"]
    return series


def rank_table(series: pd.DataFrame) -> pd.DataFrame:
    """The ranks for display: one row per indicator-year that has a value."""
    rows = series[series["value"].notna()]
    return pd.DataFrame({"indicator": rows["indicator"], "year": rows["year"],
                         "rank": [fmt_value(v, "rank") for v in rows["value"]], "how obtained": rows["origin"],
                         "caveat": rows["caveat"].replace("", "none"), "source_ids": rows["source_ids"]},
                        ).reset_index(drop=True)


def plot_ranks(series: pd.DataFrame, title: str, indicators=("dti_rank", "pci_rank"), label=None):
    """The headline ranks by year, first place at the top; ranks with a recorded caveat are named in the title.

    Args:
        label: ``(key, **values) -> str``, the study's words (``digital.label``) in the report's language.
    """
    from lso_analysis.present import plotting
    from lso_analysis.studies.digital_data import label as english

    label = label or (lambda key, **values: english("en", key, **values))
    rows = series[series["indicator"].isin(indicators)]
    # One "no data" row per year without any rank, none where another index has a value.
    empty_year = rows.groupby("year")["value"].transform(lambda v: v.isna().all())
    rows = rows[rows["value"].notna() | (empty_year & ~rows.duplicated("year"))]
    flagged = [label("flagged_item", index=label(f"legend.{r.indicator}"), year=r.year) for r in rows.itertuples()
               if r.caveat]
    title += label("ranks_flagged", items=", ".join(flagged)) if flagged else ""
    rows = rows.assign(indicator=[label(f"legend.{i}") for i in rows["indicator"]])
    fig = plotting.plot_series_with_intervals(rows, title=title, ylabel=label("ranks_ylabel"), group_col="indicator")
    if fig.axes and fig.axes[0].lines:
        fig.axes[0].invert_yaxis()
    return fig
