"""The COVID-19 study's figures: GRDP growth, benchmarks, the path at a benchmark rate, sectors and channels."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import pandas as pd

from lso_analysis.analysis import models, series
from lso_analysis.analysis.scope import Scope
from lso_analysis.present import labels

SECTORS = {
    "grdp": "GRDP (all sectors)", "grdp_agriculture": "Agriculture, forestry and fishery",
    "grdp_industry_construction": "Industry and construction", "grdp_services": "Services",
    "grdp_product_taxes": "Product taxes less subsidies",
}
CHANNELS = {"iip": "Industrial production index", "retail_sales": "Retail sales",
            "trade_turnover": "Declared trade turnover"}
#: The years the trend-break model gives a term of their own (the method's choice, the same for any province).
PANDEMIC_YEARS = (2020, 2021, 2022)
#: The first pandemic year: averages that end before it are pre-pandemic benchmarks.
PANDEMIC_START = PANDEMIC_YEARS[0]
#: Event kinds drawn on the growth timeline and read by the claims: waves, distancing, border shut or reopened.
TIMELINE_KINDS = ("wave", "wave_end", "distancing", "distancing_end", "closure", "halt", "reopening", "resumption")
#: Kinds that can carry the first blow: the border shut, goods held back, distancing, isolation.
SHOCK_KINDS = ("closure", "halt", "goods_ban", "distancing", "isolation")
#: Kinds that mark a COVID-19 case in the province (the first one dates local infection in the data).
CASE_KINDS = ("wave", "cases")
_BENCH_ORDER = {"pre-2020 average": 0, "average including 2020": 1, "target": 2, "average from 2020 on": 3}


def labelled(frame: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """``frame`` with ``period`` (the long period label of each row's ``period_start``..``period_end``)."""
    return frame.assign(period=[labels.period_label(s, e, "long", language)
                                for s, e in zip(frame["period_start"], frame["period_end"])])


def grdp_growth(scope: Scope, obs: pd.DataFrame) -> pd.DataFrame:
    """GRDP growth on the same period a year earlier, for first halves and full years of the window.

    Returns:
        :func:`lso_analysis.analysis.series.period_series` rows (missing periods kept as NaN) with ``year``,
        ``span`` (``first half`` or ``year``) and ``period`` (words), in time order.
    """
    spans = [({"year": y, "span": span}, pd.Timestamp(y, 1, 1), pd.Timestamp(y, end, 30 + (end == 12)))
             for y in scope.window.years for span, end in (("first half", 6), ("year", 12))]
    out = series.period_series("grdp", spans, obs, scope.province, "growth_pct", scope.include_estimates,
                               scope.include_derived, pool=series.candidates(obs, scope.province, scope.include_derived))
    out = labelled(out, scope.language)
    return out.sort_values(["period_start", "period_end"], kind="stable").reset_index(drop=True)


def benchmarks(scope: Scope, with_targets: pd.DataFrame, indicator: str = "grdp") -> pd.DataFrame:
    """Growth rates to compare with: the multi-year averages and full-year growth targets the data hold.

    Benchmarks are yardsticks: they are taken whatever their years (a 2004–2018 average for any window).

    Args:
        with_targets: observations including targets.

    Returns:
        ``kind`` (``pre-2020 average``, ``average including 2020``, ``target``, ``average from 2020 on``),
        ``period``, ``period_start``, ``period_end``, ``value``, ``value_low``, ``value_high``, ``unit``,
        ``status``, ``obs_id``, ``source_id``; in that order of kind, the latest first.
    """
    rows = with_targets[(with_targets["province"] == scope.province) & (with_targets["indicator"] == indicator)
                        & (with_targets["measure"] == "growth_pct")]
    rows = rows[(rows["status"] != "estimate") | scope.include_estimates]
    first, last = rows["period_start"].dt.year, rows["period_end"].dt.year
    kind = pd.Series("", index=rows.index, dtype=object)
    kind[(last > first) & (last < PANDEMIC_START)] = "pre-2020 average"
    kind[(last > first) & (first < PANDEMIC_START) & (last >= PANDEMIC_START)] = "average including 2020"
    kind[(last > first) & (first >= PANDEMIC_START)] = "average from 2020 on"
    kind[(rows["status"] == "target") & (last == first)] = "target"
    out = labelled(rows.assign(kind=kind)[kind != ""], scope.language)
    out = out.assign(_o=out["kind"].map(_BENCH_ORDER)).sort_values(["_o", "period_end", "obs_id"],
                                                                   ascending=[True, False, True])
    cols = ["kind", "period", "period_start", "period_end", "value", "value_low", "value_high", "unit", "status",
            "obs_id", "source_id"]
    return out[cols].reset_index(drop=True)


def pre_covid(bench: pd.DataFrame) -> pd.Series | None:
    """The benchmark to measure the shock against: the latest average that starts before 2020, or None."""
    rows = bench[bench["kind"].isin(["pre-2020 average", "average including 2020"])]
    return rows.iloc[0] if len(rows) else None


def channel_benchmarks(scope: Scope, with_targets: pd.DataFrame, indicators: dict[str, str] = CHANNELS) -> pd.DataFrame:
    """:func:`benchmarks` of several indicators, averages only, with ``indicator`` and ``name``."""
    parts = [benchmarks(scope, with_targets, code).assign(indicator=code, name=name) for code, name in indicators.items()]
    out = pd.concat(parts, ignore_index=True)
    return out[out["kind"] != "target"].reset_index(drop=True)


@dataclass
class Counterfactual:
    """The yearly growth chained into an index (base year = 100) against the path at a benchmark rate.

    Attributes:
        path: :func:`lso_analysis.analysis.models.counterfactual_at_rate` output plus ``gap_pct_low``/``gap_pct_high``.
        rate, rate_low, rate_high: the benchmark in % a year; label: its period. error: why no path could be
        built ("" when it could). bench: the benchmark row.
    """

    path: pd.DataFrame
    rate: float
    rate_low: float
    rate_high: float
    label: str = ""
    caveat: str = ""
    error: str = ""
    source_ids: list[str] = field(default_factory=list)
    bench: pd.Series | None = None

    @property
    def final(self) -> pd.Series | None:
        """The last year with an actual value, or None."""
        rows = self.path[self.path["actual"].notna()] if len(self.path) else self.path
        return rows.iloc[-1] if len(rows) > 1 else None

    @property
    def base_year(self) -> int | None:
        """The year the index is 100 (the year before the first growth rate), or None."""
        return int(self.path["year"].min()) if len(self.path) else None


def _years(growth: pd.DataFrame) -> pd.DataFrame:
    rows = growth[growth["span"] == "year"] if "span" in growth else growth
    return rows[["year", "value", "value_low", "value_high"]]


def counterfactual_gap(growth: pd.DataFrame, bench: pd.Series | None) -> Counterfactual:
    """Chain the yearly rows of ``growth`` into an index and compare it with the path at the rate of ``bench``.

    Args:
        growth: :func:`grdp_growth` output (or an annual growth series with ``year``).
        bench: a :func:`benchmarks` row (``value``, ``value_low``, ``value_high``, ``period``, ``source_id``).
    """
    if bench is None:
        return Counterfactual(pd.DataFrame(), math.nan, math.nan, math.nan, error="no benchmark growth rate")
    cf = Counterfactual(pd.DataFrame(), bench["value"], bench["value_low"], bench["value_high"], bench["period"],
                        source_ids=[bench["source_id"]], bench=bench)
    years = _years(growth)
    if years["value"].isna().all():
        cf.error = "no full-year growth figure to chain"
        return cf
    try:
        path = models.counterfactual_at_rate(years, cf.rate, (cf.rate_low, cf.rate_high),
                                             start_year=int(years.dropna()["year"].min()) - 1, base_value=100.0,
                                             measure="growth_pct")
    except models.InsufficientDataError as exc:
        cf.error = str(exc)
        return cf
    cf.path = path.assign(gap_pct_low=100 * (path["actual_low"] / path["cf_high"] - 1),
                          gap_pct_high=100 * (path["actual_high"] / path["cf_low"] - 1),
                          counterfactual_low=path["cf_low"], counterfactual_high=path["cf_high"])
    cf.caveat = path.attrs["caveat"]
    return cf


def sensitivity(growth: pd.DataFrame, bench: pd.DataFrame) -> pd.DataFrame:
    """The final-year gap (%) and the summed shortfall (index points of the base year) under every benchmark."""
    rows = []
    for _, b in bench.iterrows():
        last = counterfactual_gap(growth, b).final
        if last is not None:
            rows.append({"kind": b["kind"], "period": b["period"], "rate": b["value"], "rate_low": b["value_low"],
                         "rate_high": b["value_high"], "source_id": b["source_id"], "year": int(last["year"]),
                         **{k: last[k] for k in ("gap_pct", "gap_pct_low", "gap_pct_high", "cum_gap", "cum_gap_low",
                                                 "cum_gap_high")}})
    return pd.DataFrame(rows, columns=["kind", "period", "rate", "rate_low", "rate_high", "source_id", "year", "gap_pct",
                                       "gap_pct_low", "gap_pct_high", "cum_gap", "cum_gap_low", "cum_gap_high"])


def growth_rows(scope: Scope, obs: pd.DataFrame, indicators: dict[str, str]) -> pd.DataFrame:
    """Every growth figure on the same period a year earlier for ``indicators`` in the window, the best per period.

    Multi-year averages are left out (see :func:`benchmarks`). Returns ``indicator``, ``name``, ``period``
    and :data:`lso_analysis.analysis.series.SERIES_COLUMNS`, in time order.
    """
    rows = scope.observations(obs[obs["indicator"].isin(list(indicators)) & (obs["measure"] == "growth_pct")])
    spans = sorted(set(zip(rows["period_start"], rows["period_end"])))
    if not spans:
        empty = pd.DataFrame(columns=["indicator", "name", "period", *series.SERIES_COLUMNS])
        return empty.astype({"period_start": "datetime64[ns]", "period_end": "datetime64[ns]", "value": float,
                             "value_low": float, "value_high": float})
    pool, parts = series.candidates(obs, scope.province, scope.include_derived), []
    for order, code in enumerate(indicators):
        got = series.period_series(code, [({}, s, e) for s, e in spans], measure="growth_pct", province=scope.province,
                                   include_estimates=scope.include_estimates, include_derived=scope.include_derived,
                                   pool=pool)
        parts.append(got[got["value"].notna()].assign(indicator=code, name=indicators[code], _o=order))
    out = labelled(pd.concat(parts, ignore_index=True), scope.language)
    out = out.sort_values(["period_start", "period_end", "_o"], kind="stable")
    return out[["indicator", "name", "period", *series.SERIES_COLUMNS]].reset_index(drop=True)


@dataclass
class TrendBreak:
    """The trend-break model's verdict: its refusal at the default degrees of freedom, and the exact fit if any."""

    refusal: str = ""
    result: models.TrendBreakResult | None = None
    error: str = ""
    years: tuple[int, ...] = ()


def trend_break(growth: pd.DataFrame) -> TrendBreak:
    """:func:`lso_analysis.analysis.models.fit_trend_break` on the chained yearly index; on refusal, the exact fit.

    An exactly identified fit (no residual degrees of freedom) is arithmetic, not an estimate: the trend
    is the line through the years without a COVID term and each COVID term is its year's distance from it.
    """
    years = _years(growth)
    try:
        return TrendBreak(result=models.fit_trend_break(years, measure="growth_pct", covid_periods=PANDEMIC_YEARS))
    except models.InsufficientDataError as exc:
        report = TrendBreak(refusal=str(exc))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", models.FewObservationsWarning)
        try:
            report.result = models.fit_trend_break(years, measure="growth_pct", covid_periods=PANDEMIC_YEARS,
                                                   on_few="warn")
        except (models.InsufficientDataError, ValueError) as exc:
            report.error = str(exc)
    return report


def trend_years(tb: TrendBreak) -> tuple[list[int], list[int]]:
    """The fitted points' years: those the trend rests on and those with a pandemic term of their own."""
    if tb.result is None:
        return [], []
    years = [int(y) for y in tb.result.path["year"]]
    return [y for y in years if y not in PANDEMIC_YEARS], [y for y in years if y in PANDEMIC_YEARS]


def timeline_events(events: pd.DataFrame | None, kinds=TIMELINE_KINDS) -> pd.DataFrame:
    """Events whose typed ``kind`` is one of ``kinds`` (waves, distancing, closures, reopenings)."""
    if events is None or events.empty:
        return pd.DataFrame(columns=["date", "date_end", "category", "kind", "title", "source_id"])
    return events[events["kind"].isin(kinds)]
