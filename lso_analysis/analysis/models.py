"""Trend-break and counterfactual models for short annual series, honest about how little data there is."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lso_analysis.analysis import intervals as iv


class FewObservationsWarning(UserWarning):
    """The model was fitted, but with too few residual degrees of freedom to trust its intervals."""


class InsufficientDataError(ValueError):
    """The data cannot support the requested model (or chain of growth rates)."""


@dataclass
class TrendBreakResult:
    """A fitted trend-break model.

    Attributes:
        table: one row per term: ``term``, ``coef`` (log points), ``effect_pct`` (100·(e^coef − 1)),
            ``ci_low``, ``ci_high``, ``p_value`` (NaN when no residual degrees of freedom).
        n: points used. df_resid: residual degrees of freedom.
        path: ``year`` (the ``time_col``), ``actual``, ``fitted``, ``counterfactual`` (trend without the COVID
            terms) with ``cf_low``/``cf_high`` (confidence band of the trend), ``gap_pct``.
        caveat: the sentence notebooks print next to any number from this model.
    """

    table: pd.DataFrame
    n: int
    df_resid: int
    path: pd.DataFrame
    caveat: str
    results: object = field(repr=False, default=None)


def _columns(series_df: pd.DataFrame, time_col: str, value_col: str) -> pd.DataFrame:
    out = pd.DataFrame({"time": series_df[time_col].astype(float), "value": series_df[value_col].astype(float)})
    for side in ("low", "high"):
        col = f"{value_col}_{side}" if f"{value_col}_{side}" in series_df else f"value_{side}"
        out[side] = series_df[col].astype(float) if col in series_df else out["value"]
    return out.sort_values("time").reset_index(drop=True)


def growth_to_index(
    series_df: pd.DataFrame, value_col: str = "value", time_col: str = "year", base: float = 100.0
) -> pd.DataFrame:
    """Chain year-on-year growth rates (%) into an index level, base 100 the year before the first rate.

    Intervals are chained too (each year's growth interval multiplies in). Missing years at
    either end are dropped; a missing year inside the series breaks the chain and raises.

    Returns:
        Columns ``year``, ``value``, ``value_low``, ``value_high`` (index points).

    Raises:
        InsufficientDataError: a gap inside the series, or steps other than one year.

    >>> growth_to_index(pd.DataFrame({"year": [2020, 2021], "value": [10.0, -50.0]}))["value"].round(6).tolist()
    [100.0, 110.0, 55.0]
    """
    s = _columns(series_df, time_col, value_col)
    present = s.index[s["value"].notna()]
    if not len(present):
        raise InsufficientDataError("no growth rate to chain")
    s = s.loc[present.min():present.max()]
    if s["value"].isna().any() or (s["time"].diff().dropna() != 1).any():
        gaps = s.loc[s["value"].isna(), "time"].tolist()
        raise InsufficientDataError(f"growth rates must cover consecutive years to be chained; missing: {gaps}")
    rows = [{time_col: s["time"].iloc[0] - 1, "value": base, "value_low": base, "value_high": base}]
    level, interval = base, (base, base)
    for r in s.itertuples():
        level *= 1 + r.value / 100
        interval = iv.mul(interval, iv.growth_factor((r.low, r.high)))
        rows.append({time_col: r.time, "value": level, "value_low": interval[0], "value_high": interval[1]})
    out = pd.DataFrame(rows)
    out[time_col] = out[time_col].astype(int) if (out[time_col] % 1 == 0).all() else out[time_col]
    return out


def _as_levels(series_df: pd.DataFrame, value_col: str, time_col: str, measure: str | None) -> tuple[pd.DataFrame, str, str]:
    measure = measure or series_df.attrs.get("measure", "level")
    if measure == "growth_pct":
        index = growth_to_index(series_df, value_col, time_col)
        note = f"levels are an index chained from growth rates (100 in {index[time_col].iloc[0]:g})"
        return index, "value", note
    if measure != "level":
        raise ValueError(f"measure must be 'level' or 'growth_pct', got {measure!r}")
    return series_df, value_col, ""


def _caveat(n: int, times: np.ndarray, covid: list[float], df_resid: int, unit: str, extra: list[str]) -> str:
    head = f"{n} {unit} points, {len(covid)} of them COVID {'years' if unit == 'annual' else 'periods'}"
    if df_resid <= 0:
        body = "the break terms are exactly identified; no standard errors are meaningful"
    elif df_resid < 5:
        body = f"only {df_resid} residual degree(s) of freedom: intervals assume independent normal errors and are rough"
    else:
        body = f"{df_resid} residual degrees of freedom"
    pre = [f"{t:g}" for t in times if t not in covid]
    rests = ", ".join(pre) or "no point"
    text = f"{head}: {body}. Each COVID term absorbs its period entirely, so the trend rests on {rests}."
    return " ".join([text] + [e[0].upper() + e[1:] + "." for e in extra if e])


def fit_trend_break(
    series_df: pd.DataFrame,
    value_col: str = "value",
    time_col: str = "year",
    break_start: float = 2020,
    covid_periods: tuple = (2020, 2021, 2022),
    min_dof: int = 2,
    measure: str | None = None,
    persistent_shift: bool = False,
    on_few: str = "raise",
    alpha: float = 0.05,
) -> TrendBreakResult:
    """OLS of log level on a linear trend plus one dummy per COVID period (statsmodels).

    ``log y_t = a + b·(t − t0) + Σ_p d_p·[t in p] (+ s·[t ≥ break_start]) + e_t``. The
    counterfactual is ``exp(a + b·(t − t0))``; ``100·(e^d_p − 1)`` is the shortfall in period
    p. ``persistent_shift`` adds a step from ``break_start`` on, identified only by
    post-COVID points. Missing values (``origin='missing'`` rows) are dropped.

    Args:
        series_df: e.g. :func:`lso_analysis.analysis.series.annual_series` output.
        break_start: first period of the break (the counterfactual departs here).
        covid_periods: periods that get their own dummy (matched on the integer year).
        min_dof: fewest residual degrees of freedom accepted.
        measure: ``level`` or ``growth_pct`` (rates are chained into an index first, see
            :func:`growth_to_index`); default ``series_df.attrs['measure']`` or level.
        on_few: ``raise`` (default) or ``warn`` when ``df_resid < min_dof``.

    Raises:
        InsufficientDataError: more parameters than points, or ``df_resid < min_dof`` with
            ``on_few='raise'``. ValueError: non-positive levels.
    """
    levels, col, note = _as_levels(series_df, value_col, time_col, measure)
    s = _columns(levels, time_col, col).dropna(subset=["value"])
    if (s["value"] <= 0).any():
        raise ValueError("levels must be positive to take logs")
    times = s["time"].to_numpy()
    unit = "annual" if np.all(times % 1 == 0) else "period"
    X, covid, extra = _design(times, covid_periods, persistent_shift, break_start)
    n, k = len(s), X.shape[1]
    df_resid = n - k
    caveat = _caveat(n, times, covid, df_resid, unit, [note, *extra])
    _check_dof(n, k, df_resid, min_dof, on_few, caveat)
    res, table, trend = _ols(np.log(s["value"].to_numpy()), X, df_resid, alpha)
    counterfactual = np.exp(_trend_only(X).to_numpy() @ res.params.to_numpy())
    path = pd.DataFrame({
        time_col: times.astype(int) if unit == "annual" else times, "actual": s["value"].to_numpy(),
        "fitted": np.exp(res.fittedvalues.to_numpy()),
        "counterfactual": counterfactual,
        "cf_low": np.exp(trend["mean_ci_lower"].to_numpy()) if trend is not None else np.nan,
        "cf_high": np.exp(trend["mean_ci_upper"].to_numpy()) if trend is not None else np.nan,
    })
    path["gap_pct"] = 100 * (path["actual"] / path["counterfactual"] - 1)
    return TrendBreakResult(table=table, n=n, df_resid=df_resid, path=path, caveat=caveat, results=res)


def _design(times: np.ndarray, covid_periods: tuple, persistent_shift: bool,
            break_start: float) -> tuple[pd.DataFrame, list[float], list[str]]:
    """The regressors: constant, trend, one dummy per COVID period present (and the persistent step if asked)."""
    X = pd.DataFrame({"const": 1.0, "trend": times - (times.min() if len(times) else 0)})
    covid = [t for t in times if math.floor(t) in covid_periods]
    for p in sorted({math.floor(t) for t in covid}):
        X[f"covid_{p}"] = [1.0 if math.floor(t) == p else 0.0 for t in times]
    extra = []
    if persistent_shift:
        post = [1.0 if t >= break_start else 0.0 for t in times]
        if any(p and math.floor(t) not in covid_periods for p, t in zip(post, times)):
            X[f"shift_{break_start:g}"] = post
        else:
            extra.append("no point after the COVID periods, so no persistent shift can be estimated")
    return X, covid, extra


def _check_dof(n: int, k: int, df_resid: int, min_dof: int, on_few: str, caveat: str) -> None:
    """Refuse a model with more parameters than points; refuse or warn below ``min_dof``."""
    if df_resid < 0:
        raise InsufficientDataError(f"{n} points for {k} parameters: the model cannot be fitted. {caveat}")
    if df_resid < min_dof:
        message = f"{df_resid} residual degrees of freedom (< {min_dof}). {caveat}"
        if on_few == "raise":
            raise InsufficientDataError(message)
        warnings.warn(message, FewObservationsWarning, stacklevel=3)


def _trend_only(X: pd.DataFrame) -> pd.DataFrame:
    """The design with every break term set to zero: the counterfactual trend."""
    return X[["const", "trend"]].assign(**{c: 0.0 for c in X.columns[2:]})


def _ols(y: np.ndarray, X: pd.DataFrame, df_resid: int, alpha: float):
    """Fit OLS (statsmodels); return the results, the term table and the trend's confidence frame (None at 0 dof)."""
    import statsmodels.api as sm

    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        res = sm.OLS(y, X).fit()
        ci = res.conf_int(alpha) if df_resid > 0 else pd.DataFrame(np.nan, index=X.columns, columns=[0, 1])
        p_values = res.pvalues if df_resid > 0 else pd.Series(np.nan, index=X.columns)
        trend = res.get_prediction(_trend_only(X)).summary_frame(alpha=alpha) if df_resid > 0 else None
    table = pd.DataFrame({
        "term": X.columns, "coef": res.params.to_numpy(), "effect_pct": 100 * np.expm1(res.params.to_numpy()),
        "ci_low": ci.iloc[:, 0].to_numpy(), "ci_high": ci.iloc[:, 1].to_numpy(), "p_value": p_values.to_numpy(),
    })
    return res, table, trend


def _base(s: pd.DataFrame, start_year: float, base_value) -> iv.Interval:
    if base_value is None:
        row = s[s["time"] == start_year]
        if not len(row) or math.isnan(row["value"].iloc[0]):
            raise InsufficientDataError(f"no value for {start_year:g} to start the counterfactual from; pass base_value")
        return float(row["value"].iloc[0]), (float(row["low"].iloc[0]), float(row["high"].iloc[0]))
    if isinstance(base_value, (tuple, list)):
        value, low, high = base_value
        return float(value), (float(low), float(high))
    return float(base_value), iv.point(base_value)


def counterfactual_at_rate(
    series_df: pd.DataFrame,
    rate_pct: float,
    rate_interval: tuple[float, float] | None = None,
    start_year: float = 2019,
    base_value: float | tuple[float, float, float] | None = None,
    value_col: str = "value",
    time_col: str = "year",
    measure: str | None = None,
) -> pd.DataFrame:
    """The path at a pre-2020 growth rate from ``start_year``, against the actual path.

    ``cf_t = base · (1 + r/100)^(t − start_year)``. Intervals: the base's, the rate's
    (``rate_interval``) and each actual's are carried through, so ``gap_low`` pairs the
    lowest actual with the highest counterfactual. The cumulative gap adds the yearly gaps
    of the years that have a value; years without one are named in the caveat.

    Args:
        series_df: e.g. :func:`lso_analysis.analysis.series.annual_series` output (``value_low`` /
            ``value_high`` used when present).
        rate_pct: growth per year in percent, e.g. 7.86 (GDP 2004–2018).
        rate_interval: (low, high) for the rate, e.g. the rounding of a printed 7.86 or the
            spread of published averages; default the rate itself.
        start_year: the year the counterfactual starts from (its value is the base).
        base_value: the base when the series lacks ``start_year``: a number or
            (value, low, high).
        measure: ``growth_pct`` chains rates into an index first (base 100).

    Returns:
        Columns ``year``, ``actual``, ``actual_low``, ``actual_high``, ``counterfactual``,
        ``cf_low``, ``cf_high``, ``gap``, ``gap_low``, ``gap_high``, ``gap_pct``,
        ``cum_gap``, ``cum_gap_low``, ``cum_gap_high``; ``attrs`` hold ``n``, ``caveat``,
        ``rate_pct``, ``rate_interval``, ``cumulative_gap`` (value, low, high).

    >>> df = pd.DataFrame({"year": [2019, 2020], "value": [100.0, 105.0]})
    >>> counterfactual_at_rate(df, 10)["gap"].round(6).tolist()
    [0.0, -5.0]
    """
    levels, col, note = _as_levels(series_df, value_col, time_col, measure)
    s = _columns(levels, time_col, col)
    base, base_iv = _base(s, start_year, base_value)
    r_iv = (rate_pct, rate_pct) if rate_interval is None else tuple(float(x) for x in rate_interval)
    rows, cum, cum_iv, missing = [], 0.0, (0.0, 0.0), []
    for t in sorted(set(s.loc[s["time"] >= start_year, "time"]) | {start_year}):
        k = t - start_year
        cf = base * (1 + rate_pct / 100) ** k
        growth = iv.growth_factor(r_iv)
        cf_iv = iv.mul(base_iv, ((growth[0]) ** k, (growth[1]) ** k))
        hit = s[s["time"] == t]
        actual = float(hit["value"].iloc[0]) if len(hit) else math.nan
        a_iv = (float(hit["low"].iloc[0]), float(hit["high"].iloc[0])) if len(hit) else (math.nan, math.nan)
        if math.isnan(actual):
            missing.append(t)
            gap, gap_iv = math.nan, (math.nan, math.nan)
        else:
            gap, gap_iv = actual - cf, iv.sub(a_iv, cf_iv)
            cum, cum_iv = cum + gap, iv.add(cum_iv, gap_iv)
        rows.append({
            time_col: t, "actual": actual, "actual_low": a_iv[0], "actual_high": a_iv[1], "counterfactual": cf,
            "cf_low": cf_iv[0], "cf_high": cf_iv[1], "gap": gap, "gap_low": gap_iv[0], "gap_high": gap_iv[1],
            "gap_pct": 100 * (actual / cf - 1), "cum_gap": cum, "cum_gap_low": cum_iv[0], "cum_gap_high": cum_iv[1],
        })
    out = pd.DataFrame(rows)
    if (out[time_col] % 1 == 0).all():
        out[time_col] = out[time_col].astype(int)
    n = int(out["actual"].notna().sum())
    caveat = (
        f"Counterfactual: the {start_year:g} value grown at {rate_pct:g} %/yr (range {r_iv[0]:g}–{r_iv[1]:g}); "
        f"{n} actual point(s). A pre-2020 average rate is a benchmark, not a forecast; the ranges carry "
        "the printed figures' rounding and the rate interval only, not later revisions of estimates."
    )
    if missing:
        caveat += f" No value for {', '.join(f'{t:g}' for t in missing)}: left out of the cumulative gap."
    if note:
        caveat += f" {note[0].upper() + note[1:]}."
    out.attrs.update(n=n, caveat=caveat, rate_pct=rate_pct, rate_interval=r_iv, start_year=start_year,
                     cumulative_gap=(cum, *cum_iv))
    return out
