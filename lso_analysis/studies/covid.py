"""How hard COVID-19 hit a province: growth against a pre-2020 benchmark, sectors, channels and data gaps."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import pandas as pd

from lso_analysis.analysis import models, series
from lso_analysis.present import narrative as nv
from lso_analysis.cleaning.text import normalize_text

SECTORS = {
    "grdp": "GRDP (all sectors)", "grdp_agriculture": "Agriculture, forestry and fishery",
    "grdp_industry_construction": "Industry and construction", "grdp_services": "Services",
    "grdp_product_taxes": "Product taxes less subsidies",
}
CHANNELS = {"iip": "Industrial production index", "retail_sales": "Retail sales",
            "trade_turnover": "Declared trade turnover"}
#: Event titles that mark a wave, distancing, or a closure or reopening of the border (the rest crowd a timeline).
KEY_EVENT = r"(?i)clos|shut|halt|suspend|reopen|resum|pause|distancing|wave|outbreak|spread"
_MONTHS = "January February March April May June July August September October November December".split()
_BENCH_ORDER = {"pre-2020 average": 0, "average including 2020": 1, "target": 2, "average from 2020 on": 3}


def period_label(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """A period in words for prose and tables.

    >>> [period_label(pd.Timestamp(a), pd.Timestamp(b)) for a, b in [("2020-01-01", "2020-06-30"),
    ...  ("2022-01-01", "2022-03-31"), ("2021-01-01", "2021-07-31"), ("2004-01-01", "2018-12-31"),
    ...  ("2021-12-01", "2021-12-15"), ("2023-01-01", "2023-12-31"), ("2023-01-01", "2023-03-22")]]
    ['first half of 2020', 'first quarter of 2022', 'January–July 2021', '2004–2018', '1–15 December 2021', '2023', '1 January – 22 March 2023']
    """
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    m1, m2 = _MONTHS[s.month - 1], _MONTHS[e.month - 1]
    if s.day == 1 and e.is_month_end:
        if (s.month, e.month) == (1, 12):
            return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
        if s.year != e.year:
            return f"{m1} {s.year} – {m2} {e.year}"
        months = e.month - s.month + 1
        if months == 6 and s.month in (1, 7):
            return f"{'first' if s.month == 1 else 'second'} half of {s.year}"
        if months == 3 and s.month % 3 == 1:
            return f"{('first', 'second', 'third', 'fourth')[s.month // 3]} quarter of {s.year}"
        return f"{m1} {s.year}" if months == 1 else f"{m1}–{m2} {s.year}"
    if s == e:
        return f"{s.day} {m1} {s.year}"
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{e.day} {m1} {s.year}"
    return f"{s.day} {m1}{'' if s.year == e.year else f' {s.year}'} – {e.day} {m2} {e.year}"


def the(label: str) -> str:
    """``period_label`` text ready to follow "in" or "for": "the first half of 2020", but "2020".

    >>> the("first half of 2020"), the("2020")
    ('the first half of 2020', '2020')
    """
    return f"the {label}" if label.split(" ", 1)[0] in ("first", "second", "third", "fourth") else label


def in_window(frame: pd.DataFrame, start_year: int, end_year: int, include_estimates: bool = True) -> pd.DataFrame:
    """Rows whose whole period lies within ``start_year``..``end_year``; estimates dropped unless asked for."""
    keep = (frame["period_start"].dt.year >= start_year) & (frame["period_end"].dt.year <= end_year)
    return frame[keep & ((frame["status"] != "estimate") | include_estimates)]


def observations(obs: pd.DataFrame | None, province: str, include_targets: bool = False) -> pd.DataFrame:
    """``obs`` restricted to ``province`` (loaded when None)."""
    if obs is None:
        import lso_analysis

        obs = lso_analysis.load_observations(province=province, include_targets=include_targets)
    return obs[obs["province"] == normalize_text(province)]


def yearly(indicator: str, obs: pd.DataFrame, province: str, years, include_estimates: bool = True,
           include_derived: bool = True, measure: str = "level") -> pd.DataFrame:
    """:func:`lso_analysis.analysis.series.annual_series` drawing on :func:`lso_analysis.analysis.series.candidates`."""
    spans = [({"year": y}, pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31)) for y in years]
    pool = series.candidates(obs, province, include_derived)
    return series.period_series(indicator, spans, obs, province, measure, include_estimates, include_derived, pool=pool)


def _labelled(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(period=[period_label(s, e) for s, e in zip(frame["period_start"], frame["period_end"])])


def grdp_growth(province: str = "Lạng Sơn", start_year: int = 2019, end_year: int = 2023, include_estimates: bool = True,
                include_derived: bool = True, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """GRDP growth on the same period a year earlier, for first halves and full years: the best figure each.

    Returns:
        :func:`lso_analysis.analysis.series.period_series` rows (missing periods kept as NaN) with ``year``,
        ``span`` (``first half`` or ``year``) and ``period`` (words), in time order.
    """
    spans = [({"year": y, "span": span}, pd.Timestamp(y, 1, 1), pd.Timestamp(y, end, 30 + (end == 12)))
             for y in range(start_year, end_year + 1) for span, end in (("first half", 6), ("year", 12))]
    obs = observations(obs, province)
    out = series.period_series("grdp", spans, obs, province, "growth_pct", include_estimates, include_derived,
                               pool=series.candidates(obs, province, include_derived))
    return _labelled(out).sort_values(["period_start", "period_end"], kind="stable").reset_index(drop=True)


def benchmarks(indicator: str = "grdp", province: str = "Lạng Sơn", include_estimates: bool = True,
               obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Growth rates to compare with: the multi-year averages and full-year growth targets the data hold.

    Args:
        obs: observations including targets (``load_observations(include_targets=True)`` when None).

    Returns:
        ``kind`` (``pre-2020 average``, ``average including 2020``, ``target``, ``average from 2020 on``),
        ``period``, ``value``, ``value_low``, ``value_high``, ``unit``, ``status``, ``obs_id``, ``source_id``;
        in that order of kind, the latest first.
    """
    rows = observations(obs, province, include_targets=True)
    rows = rows[(rows["indicator"] == indicator) & (rows["measure"] == "growth_pct")]
    rows = rows[(rows["status"] != "estimate") | include_estimates]
    first, last = rows["period_start"].dt.year, rows["period_end"].dt.year
    kind = pd.Series("", index=rows.index, dtype=object)
    kind[(last > first) & (last < 2020)] = "pre-2020 average"
    kind[(last > first) & (first < 2020) & (last >= 2020)] = "average including 2020"
    kind[(last > first) & (first >= 2020)] = "average from 2020 on"
    kind[(rows["status"] == "target") & (last == first)] = "target"
    out = _labelled(rows.assign(kind=kind)[kind != ""])
    out = out.assign(_o=out["kind"].map(_BENCH_ORDER)).sort_values(["_o", "period_end", "obs_id"],
                                                                   ascending=[True, False, True])
    cols = ["kind", "period", "value", "value_low", "value_high", "unit", "status", "obs_id", "source_id"]
    return out[cols].reset_index(drop=True)


def pre_covid(bench: pd.DataFrame) -> pd.Series | None:
    """The benchmark to measure the shock against: the latest average that starts before 2020, or None."""
    rows = bench[bench["kind"].isin(["pre-2020 average", "average including 2020"])]
    return rows.iloc[0] if len(rows) else None


def channel_benchmarks(indicators: dict[str, str], province: str = "Lạng Sơn", include_estimates: bool = True,
                       obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`benchmarks` of several indicators, averages only, with ``name``."""
    parts = [benchmarks(code, province, include_estimates, obs).assign(name=name) for code, name in indicators.items()]
    out = pd.concat(parts, ignore_index=True)
    return out[out["kind"] != "target"].reset_index(drop=True)


def overview(growth: pd.DataFrame, bench: pd.Series | None, province: str) -> nv.Markdown:
    """One paragraph on what the GRDP data hold for ``province`` and the benchmark used."""
    have = growth[growth["value"].notna()]
    text = nv.md("For **{p}** the data hold **{n}** GRDP growth figures in the window ({years} full years, {halves} "
                 "first halves), **{est}** of them estimates.", p=province, n=len(have),
                 years=(have["span"] == "year").sum(), halves=(have["span"] == "first half").sum(),
                 est=(have["status"] == "estimate").sum())
    if bench is None:
        return nv.md("{text} The data hold no growth average to measure it against.", text=text)
    return nv.md("{text} The benchmark is **{rate} a year**, the {kind} over {period} ({sid}).", text=text,
                 rate=nv.fmt_value(bench["value"], "%"), kind=bench["kind"], period=bench["period"],
                 sid=nv.code(bench["source_id"]))


@dataclass
class Counterfactual:
    """The yearly growth chained into an index (base year = 100) against the path at a benchmark rate.

    Attributes:
        path: :func:`lso_analysis.analysis.models.counterfactual_at_rate` output plus ``gap_pct_low``/``gap_pct_high``.
        rate, rate_low, rate_high: the benchmark in % a year; label: its period. caveat: what the ranges
        carry. error: why no path could be built ("" when it could).
    """

    path: pd.DataFrame
    rate: float
    rate_low: float
    rate_high: float
    label: str = ""
    caveat: str = ""
    error: str = ""
    source_ids: list[str] = field(default_factory=list)

    @property
    def final(self) -> pd.Series | None:
        """The last year with an actual value, or None."""
        rows = self.path[self.path["actual"].notna()] if len(self.path) else self.path
        return rows.iloc[-1] if len(rows) > 1 else None


def counterfactual_gap(growth: pd.DataFrame, bench: pd.Series | None) -> Counterfactual:
    """Chain the yearly rows of ``growth`` into an index and compare it with the path at the rate of ``bench``.

    Args:
        growth: :func:`grdp_growth` output (or an annual growth series with ``year``).
        bench: a :func:`benchmarks` row (``value``, ``value_low``, ``value_high``, ``period``, ``source_id``).
    """
    if bench is None:
        return Counterfactual(pd.DataFrame(), float("nan"), float("nan"), float("nan"), error="no benchmark growth rate")
    cf = Counterfactual(pd.DataFrame(), bench["value"], bench["value_low"], bench["value_high"], bench["period"],
                        source_ids=[bench["source_id"]])
    years = growth[growth["span"] == "year"] if "span" in growth else growth
    years = years[["year", "value", "value_low", "value_high"]]
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


def counterfactual_frame(cf: Counterfactual, growth: pd.DataFrame) -> pd.DataFrame:
    """The index and the benchmark path stacked for :func:`lso_analysis.present.plotting.plot_series_with_intervals`."""
    p, yearly = cf.path, growth[growth["span"] == "year"].set_index("year")
    actual = pd.DataFrame({"year": p["year"], "value": p["actual"], "value_low": p["actual_low"],
                           "value_high": p["actual_high"], "path": "actual, chained from growth rates",
                           "origin": p["year"].map(yearly["origin"]).replace("missing", "derived").fillna("derived"),
                           "source_ids": p["year"].map(yearly["source_ids"]).fillna("")})
    bench = pd.DataFrame({"year": p["year"], "value": p["counterfactual"], "value_low": p["cf_low"],
                          "value_high": p["cf_high"], "origin": "derived", "source_ids": ";".join(cf.source_ids),
                          "path": f"at {nv.fmt_value(cf.rate, '%')} a year ({cf.label} average)"})
    return pd.concat([actual, bench], ignore_index=True).assign(unit=f"index, {int(p['year'].min())} = 100")


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


def growth_table(indicators: dict[str, str], province: str = "Lạng Sơn", start_year: int = 2019,
                 end_year: int = 2023, include_estimates: bool = True, include_derived: bool = True,
                 obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every growth figure on the same period a year earlier for ``indicators`` in the window, the best per period.

    Multi-year averages are left out (see :func:`benchmarks`). Returns ``indicator``, ``name``, ``period``
    and :data:`lso_analysis.analysis.series.SERIES_COLUMNS`, in time order.
    """
    obs = observations(obs, province)
    rows = in_window(obs[obs["indicator"].isin(list(indicators)) & (obs["measure"] == "growth_pct")],
                     start_year, end_year, include_estimates)
    spans = sorted(set(zip(rows["period_start"], rows["period_end"])))
    if not spans:
        return pd.DataFrame(columns=["indicator", "name", "period", *series.SERIES_COLUMNS])
    pool, parts = series.candidates(obs, province, include_derived), []
    for order, code in enumerate(indicators):
        got = series.period_series(code, [({}, s, e) for s, e in spans], measure="growth_pct", province=province,
                                   include_estimates=include_estimates, include_derived=include_derived, pool=pool)
        parts.append(got[got["value"].notna()].assign(indicator=code, name=indicators[code], _o=order))
    out = _labelled(pd.concat(parts, ignore_index=True)).sort_values(["period_start", "period_end", "_o"], kind="stable")
    return out[["indicator", "name", "period", *series.SERIES_COLUMNS]].reset_index(drop=True)


@dataclass
class TrendBreak:
    """The trend-break model's verdict: its refusal at the default degrees of freedom, and the exact fit if any."""

    refusal: str = ""
    result: models.TrendBreakResult | None = None
    error: str = ""


def trend_break(growth: pd.DataFrame) -> TrendBreak:
    """:func:`lso_analysis.analysis.models.fit_trend_break` on the chained yearly index; on refusal, the exact fit.

    An exactly identified fit (no residual degrees of freedom) is arithmetic, not an estimate: the trend
    is the line through the years without a COVID term and each COVID term is its year's distance from it.
    """
    years = (growth[growth["span"] == "year"] if "span" in growth else growth)[["year", "value", "value_low", "value_high"]]
    try:
        return TrendBreak(result=models.fit_trend_break(years, measure="growth_pct"))
    except models.InsufficientDataError as exc:
        report = TrendBreak(refusal=str(exc))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", models.FewObservationsWarning)
        try:
            report.result = models.fit_trend_break(years, measure="growth_pct", on_few="warn")
        except (models.InsufficientDataError, ValueError) as exc:
            report.error = str(exc)
    return report


def trend_break_table(tb: TrendBreak) -> pd.DataFrame:
    """The fitted terms for readers: what each measures, its effect in % and its 95% interval (when there is one)."""
    if tb.result is None:
        return pd.DataFrame(columns=["Term", "Effect", "95% interval"])
    t = tb.result.table[tb.result.table["term"] != "const"].reset_index(drop=True)
    names = {"trend": "trend growth per year"} | {c: f"{c[6:]} against the trend" for c in t["term"] if c.startswith("covid_")}
    ci = [f"{nv.fmt_value(100 * math.expm1(lo), '%', signed=True)} to {nv.fmt_value(100 * math.expm1(hi), '%', signed=True)}"
          if lo == lo else "none: no residual degrees of freedom" for lo, hi in zip(t["ci_low"], t["ci_high"])]
    return pd.DataFrame({"Term": t["term"].map(names).fillna(t["term"]),
                         "Effect": [nv.fmt_value(v, "%", signed=True) for v in t["effect_pct"]], "95% interval": ci})


def data_gaps(growth: pd.DataFrame, channels: pd.DataFrame, sources: pd.DataFrame, obs: pd.DataFrame) -> list[str]:
    """Sentences saying what the data cannot tell, each computed from the tables (plain text, escaped when shown)."""
    out = [f"No {'full-year' if span == 'year' else 'first-half'} GRDP growth figure for "
           f"{', '.join(map(str, g.loc[g['value'].isna(), 'year']))}."
           for span, g in growth.groupby("span", sort=False) if g["value"].isna().any()]
    if not ((obs["indicator"] == "grdp") & (obs["period_kind"] == "quarter")).any():
        out.append("No quarterly GRDP figure: when within a half-year the shock struck cannot be seen.")
    est = growth[growth["status"] == "estimate"]
    if len(est):
        out.append(f"{len(est)} of the {growth['value'].notna().sum()} GRDP growth figures are estimates "
                   f"({', '.join(est['period'])}) made before the accounts closed; no later revision is in the data, "
                   "and the intervals shown carry rounding only, not revisions.")
    info = sources.set_index("source_id")
    for r in growth[(growth["span"] == "year") & growth["value"].notna()].itertuples():
        src = info.loc[r.source_ids] if r.source_ids in info.index else None
        if src is not None and src["reliability"] != "official":
            out.append(f"The {r.period} figure comes from a {src['reliability']} source, not a statistical release: "
                       f"{src['publisher']}, \"{src['title']}\".")
    for code, name in CHANNELS.items():
        got = channels[channels["indicator"] == code]
        if got.empty or not got["period"].str.fullmatch(r"\d{4}").any():
            out.append(f"{name}: {'partial-year figures only' if len(got) else 'no growth figure'}, no full year.")
    return out


def key_events(events: pd.DataFrame | None, categories=("covid", "border"), pattern: str = KEY_EVENT) -> pd.DataFrame:
    """Events of ``categories`` whose title matches ``pattern`` (waves, distancing, closures, reopenings)."""
    if events is None or events.empty:
        return pd.DataFrame(columns=["date", "date_end", "category", "title", "source_id"])
    return events[events["category"].isin(categories) & events["title"].str.contains(pattern)]


def fmt_growth(row, show_range: bool | None = False) -> str:
    """A growth figure with sign and unit; its range only when asked (a printed rate's rounding is implied)."""
    return nv.fmt_value(row["value"], row.get("unit") or "%", row["value_low"], row["value_high"], signed=True,
                        show_range=show_range)


def readable(frame: pd.DataFrame, columns: dict) -> pd.DataFrame:
    """A table for readers: ``{heading: column}`` copies a column; ``{heading: (column, unit, signed[, digits])}``
    formats a figure with its ``<column>_low``/``_high`` (``value_low`` for ``value``) as :func:`fmt_value` does,
    except that a printed figure (``origin`` not ``derived``) shows its range only when it is wider than 2% of
    the value: a narrower one is the rounding its digits already imply ("1.17%", not "1.17% (1.17–1.18)").

    >>> readable(pd.DataFrame({"value": [4270.0], "value_low": [4265.0], "value_high": [4275.0], "origin": ["estimated"]}),
    ...          {"Turnover": ("value", "USD million", False), "Figure": "origin"}).iloc[0].tolist()
    ['4,270 million USD', 'estimate (ước)']
    """
    out = pd.DataFrame(index=frame.index)
    for heading, spec in columns.items():
        if isinstance(spec, str):
            out[heading] = frame[spec].replace({"estimated": "estimate (ước)", "": "—"}) if spec in frame else "—"
            continue
        col, unit, signed, digits = (*spec, None)[:4]
        low, high = (f"{col}_low", f"{col}_high") if col != "value" else ("value_low", "value_high")
        cells = []
        for _, r in frame.iterrows():
            lo, hi = r.get(low, float("nan")), r.get(high, float("nan"))
            wide = None if r.get("origin", "derived") == "derived" else abs(hi - lo) > 0.02 * abs(r[col])
            cells.append(nv.fmt_value(r[col], unit, lo, hi, signed=signed, digits=digits, show_range=wide))
        out[heading] = cells
    return out.reset_index(drop=True)


def sector_display(table: pd.DataFrame) -> pd.DataFrame:
    """Sector growth as a sector × period grid; estimates marked "(est.)"."""
    rows = table[table["value"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=["Sector"])
    cells = rows.assign(cell=[fmt_growth(r) + (" (est.)" if r["status"] == "estimate" else "") for _, r in rows.iterrows()])
    wide = cells.pivot(index="name", columns="period", values="cell")
    wide = wide.reindex(index=[n for n in SECTORS.values() if n in wide.index], columns=list(dict.fromkeys(cells["period"])))
    return wide.reset_index().rename(columns={"name": "Sector"}).rename_axis(columns=None)


def table_or_note(frame: pd.DataFrame, caption: str, source_ids, what: str, province: str, has_data: bool | None = None):
    """:func:`lso_analysis.present.narrative.show_table`, or the missing-data note when there is nothing to show."""
    if not (len(frame) > 0 if has_data is None else has_data):
        return nv.missing_note(what, province)
    return nv.show_table(frame, caption, list(source_ids))


def plot_growth_timeline(growth: pd.DataFrame, events: pd.DataFrame, bench: pd.Series | None, province: str):
    """GRDP growth by half-year and year above the waves and border closures, the benchmark dotted; or a note."""
    from lso_analysis.present import plotting

    shown = growth[growth["value"].notna()]
    if shown.empty:
        return nv.missing_note("GRDP growth figure", province)
    if bench is not None:  # the dotted line rests on the benchmark's source: the caption lists it
        shown = shown.assign(source_ids=shown["source_ids"] + ";" + bench["source_id"])
    fig = plotting.plot_timeline(key_events(events), shown, title=f"GRDP growth on a year earlier, {province} "
                                 "(grey bars: the period a figure covers)")
    if bench is not None:
        ax = fig.axes[0]
        ax.axhline(bench["value"], color="0.3", linestyle=":", linewidth=1.2)
        ax.annotate(f"average {bench['period']}: {nv.fmt_value(bench['value'], '%')}", (0.01, bench["value"]),
                    xycoords=("axes fraction", "data"), xytext=(0, 3), textcoords="offset points", fontsize=8, color="0.3")
        ax.set_ylim(min(0.0, ax.get_ylim()[0]), max(ax.get_ylim()[1], bench["value"] * 1.1))
    return fig


def plot_counterfactual(cf: Counterfactual, growth: pd.DataFrame, province: str):
    """The chained GRDP index against the benchmark path, or a note saying why there is none."""
    from lso_analysis.present import plotting

    if cf.error:
        return nv.md("> **No counterfactual path for {p}.** {error}", p=province, error=cf.error)
    return plotting.plot_series_with_intervals(counterfactual_frame(cf, growth), group_col="path",
                                               title=f"GRDP of {province} as an index: actual and at the benchmark rate")


def findings(growth: pd.DataFrame, cf: Counterfactual, sens: pd.DataFrame, sectors: pd.DataFrame,
             channels: pd.DataFrame, province: str) -> list[nv.Markdown]:
    """The three main findings as Markdown; headings and numbers computed (fewer findings when data are missing).

    Text from the data (names, periods, labels) is escaped with :func:`~lso_analysis.present.narrative.escape_md`.
    """
    E = nv.escape_md  # noqa: N806
    have = growth[growth["value"].notna()]
    if have.empty:
        return [nv.md("No GRDP growth figure for {p} in the window: how hard COVID-19 hit cannot be measured here.",
                      p=province)]
    low = have.loc[have["value"].idxmin()]
    bench = f" against an average of {E(nv.fmt_value(cf.rate, '%'))} a year in {E(cf.label)}" if cf.label else ""
    text = f"**The trough came in {E(the(low['period']))}**: GRDP grew {E(fmt_growth(low))}{bench}."
    year = have[(have["span"] == "year") & (have["year"] == low["year"])]
    if low["span"] != "year" and len(year):
        text += f" The year {E(low['year'])} as a whole: {E(fmt_growth(year.iloc[0]))}" + (
            " (an estimate)." if year.iloc[0]["status"] == "estimate" else ".")
    out, last = [nv.Markdown(text)], cf.final
    if last is not None:
        after = have[(have["span"] == "year") & (have["year"] > low["year"])]
        below = last["gap_pct_high"] < 0
        text = "**The lost output was not made up**: " if below else "**Output is back on the benchmark path**: "
        if len(after) > 1:
            never = (after["value"] < cf.rate_low).all()
            text += (f"yearly growth came back to {E(fmt_growth(after.loc[after['value'].idxmin()]))} to "
                     f"{E(fmt_growth(after.loc[after['value'].idxmax()]))} in {after['year'].min()}–{after['year'].max()}"
                     f"{', never above the benchmark, so' if never else ', and'} ")
        gap = nv.fmt_value(abs(last["gap_pct"]), "%", abs(last["gap_pct_high"]), abs(last["gap_pct_low"]), show_range=True)
        text += (f"by {int(last['year'])} GRDP stood {E(gap)} {'below' if last['gap_pct'] < 0 else 'above'} the path "
                 f"at {E(nv.fmt_value(cf.rate, '%'))} a year; the yearly gaps add up to "
                 f"{E(nv.fmt_value(-last['cum_gap'], '%'))} of one year's GRDP in {E(cf.path['year'].min())}.")
        if len(sens) > 1:
            mild = sens.loc[sens["gap_pct"].idxmax()]
            text += (f" At the mildest benchmark in the data ({E(nv.fmt_value(mild['rate'], '%'))}, {E(mild['kind'])}, "
                     f"{E(mild['period'])}) the {E(mild['year'])} gap is "
                     f"{E(nv.fmt_value(mild['gap_pct'], '%', signed=True))}.")
        out.append(nv.Markdown(text))
    parts = [E(f"{r['name'].lower()} {fmt_growth(r)}") for _, r in channels[channels["period"] == low["period"]].iterrows()]
    parts = [f"in {E(the(low['period']))}, " + " and ".join(parts)] if parts else []
    same_year = sectors[(sectors["period"] == str(low["year"])) & (sectors["indicator"] != "grdp")].sort_values("value")
    if len(same_year) > 1:
        lo, hi = same_year.iloc[0], same_year.iloc[-1]
        out.append(nv.Markdown(f"**{E(lo['name'])} grew least in {E(low['year'])}**: {E(fmt_growth(lo))}, against "
                               f"{E(fmt_growth(hi))} for {E(hi['name'].lower())}" + "".join(f"; {p}" for p in parts) + "."))
    elif parts:
        out.append(nv.Markdown(f"**Other channels in the trough**: {parts[0]}."))
    return out
