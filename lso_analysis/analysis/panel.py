"""A two-way fixed-effects panel model of provincial growth: how far one province fell behind from 2020.

``growth_it = province_i + year_t + Σ_{y ≥ 2020} δ_y · [i = focus, t = y] + ε_it`` on the unbalanced panel
of printed full-year GRDP growth rates, with standard errors clustered by province. ``δ_y`` is the focus
province's growth in year ``y`` relative to what its own pre-2020 level and that year's common shock
predict. The model refuses (:class:`lso_analysis.analysis.peers.InsufficientPanelError`) when a
coefficient has no degrees of freedom behind it, like the trend-break model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lso_analysis.analysis.peers import InsufficientPanelError


@dataclass
class PanelResult:
    """The focus province's yearly deviations with their uncertainty, and what the estimate rests on.

    Attributes:
        effects: one row per treated year: ``year``, ``delta`` (percentage points), ``se`` (clustered),
            ``ci_low``/``ci_high`` (95%, normal), ``rounding`` (± the half-width of the focus's printed
            rate, which moves ``delta`` one for one), ``n_provinces`` (with a figure that year).
        n_obs, n_provinces, n_clusters, df_resid: the size of the fit.
        provinces_per_year: ``{year: count}``.
        caveat: what the numbers do not carry.
    """

    effects: pd.DataFrame
    n_obs: int
    n_provinces: int
    n_clusters: int
    df_resid: float
    provinces_per_year: dict = field(default_factory=dict)
    caveat: str = ""


def _check_identified(panel: pd.DataFrame, focus: str, treated: list[int]) -> None:
    mine = panel[panel["province"] == focus]
    before = sorted(set(mine["year"]) - set(treated))
    if not before:
        raise InsufficientPanelError(f"{focus} has no full-year growth figure before {min(treated)}: its own level "
                                     "cannot be told apart from its deviations",
                                     "no_before", province=focus, year=min(treated))
    counts = panel.groupby("year")["province"].nunique()
    if not any(counts.get(y, 0) >= 2 for y in before):
        raise InsufficientPanelError(f"no other province has a figure in the years before {min(treated)} that {focus} has",
                                     "no_other_before", province=focus, year=min(treated))
    for year in treated:
        if counts.get(year, 0) < 2:
            raise InsufficientPanelError(f"{year}: {focus} is the only province with a figure, so the year's common "
                                         "shock and its own deviation cannot be told apart",
                                         "alone_in_year", province=focus, year=year)


def fit_panel(panel: pd.DataFrame, focus: str, first_treated: int = 2020) -> PanelResult:
    """Fit the model on a growth panel (:func:`lso_analysis.analysis.peers.growth_panel` output).

    Raises:
        InsufficientPanelError: the focus has no figure from ``first_treated`` on, none before it, a
            treated year has no other province, or the design leaves no residual degree of freedom.
    """
    import statsmodels.api as sm

    data = panel[["province", "year", "value", "value_low", "value_high"]].dropna(subset=["value"]).copy()
    mine = data[data["province"] == focus]
    treated = sorted(int(y) for y in mine["year"] if y >= first_treated)
    if not treated:
        raise InsufficientPanelError(f"{focus} has no full-year growth figure from {first_treated} on", "no_treated",
                                     province=focus, year=first_treated)
    _check_identified(data, focus, treated)
    provinces = sorted(data["province"].unique())
    years = sorted(int(y) for y in data["year"].unique())
    X = pd.DataFrame({"const": 1.0}, index=data.index)
    for p in provinces[1:]:
        X[f"p:{p}"] = (data["province"] == p).astype(float)
    for y in years[1:]:
        X[f"y:{y}"] = (data["year"] == y).astype(float)
    for y in treated:
        X[f"focus:{y}"] = ((data["province"] == focus) & (data["year"] == y)).astype(float)
    rank = np.linalg.matrix_rank(X.to_numpy())
    df_resid = len(X) - rank
    if rank < X.shape[1] or df_resid <= 0:
        raise InsufficientPanelError(f"{len(X)} figures for {X.shape[1]} coefficients: no degree of freedom is left "
                                     "to estimate the uncertainty", "no_dof", n_obs=len(X), n_coef=X.shape[1])
    groups = pd.Categorical(data["province"]).codes
    fit = sm.OLS(data["value"].to_numpy(), X).fit(cov_type="cluster", cov_kwds={"groups": groups})
    per_year = data.groupby("year")["province"].nunique().to_dict()
    rows = []
    for y in treated:
        name = f"focus:{y}"
        delta, se = float(fit.params[name]), float(fit.bse[name])
        r = mine[mine["year"] == y].iloc[0]
        rounding = (r["value_high"] - r["value_low"]) / 2 if not math.isnan(r["value_high"] - r["value_low"]) else math.nan
        rows.append({"year": y, "delta": delta, "se": se, "ci_low": delta - 1.96 * se, "ci_high": delta + 1.96 * se,
                     "rounding": rounding, "n_provinces": int(per_year.get(y, 0))})
    caveat = (f"{len(data)} printed growth rates of {len(provinces)} provinces; standard errors clustered by "
              f"province ({len(provinces)} clusters, few for a clustered estimate). Most figures are year-end "
              "estimates and the panel is unbalanced: the provinces behind each year differ.")
    return PanelResult(pd.DataFrame(rows), len(data), len(provinces), len(provinces), float(df_resid),
                       {int(k): int(v) for k, v in per_year.items()}, caveat)
