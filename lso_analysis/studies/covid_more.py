"""The COVID-19 study's claims about channels, the trend-break model and the gaps in the data."""

from __future__ import annotations

import pandas as pd

from lso_analysis.analysis.scope import Scope
from lso_analysis.present.claims import Claim, Day, Fig, Span
from lso_analysis.studies import covid_calc as calc
from lso_analysis.studies.covid_claims import checked, fig_of, ids_of, span_of, year_span, lowest, name, word


def _is_year(row) -> bool:
    s, e = row["period_start"], row["period_end"]
    return s.month == 1 and s.day == 1 and e.month == 12 and e.day == 31 and s.year == e.year


def channel_in_trough(scope: Scope, growth: pd.DataFrame, channels: pd.DataFrame, averages: pd.DataFrame,
                      code: str) -> Claim:
    """One channel in the trough period: it fell, slowed below its average, held its average, grew; or no figure."""
    low = lowest(growth)
    values = {"name": word(code, scope)}
    if low is None:
        return checked(Claim("covid.channel_trough", "no_data", values), scope)
    values["period"] = span_of(low, scope)
    rows = channels[(channels["indicator"] == code) & (channels["period_start"] == low["period_start"])
                    & (channels["period_end"] == low["period_end"])]
    if rows.empty:
        return checked(Claim("covid.channel_trough", "no_figure", values), scope)
    r = rows.iloc[0]
    values["growth"] = fig_of(r, show_range=False)
    ids = [r["source_ids"]]
    avg = averages[averages["indicator"] == code]
    if r["value_high"] < 0:
        case = "fell"
    elif avg.empty:
        case = "grew"
    else:
        a = avg.iloc[0]
        values |= {"avg": Fig(a["value"], a["value_low"], a["value_high"], "%"), "avg_period": span_of(a, scope, True)}
        ids.append(a["source_id"])
        case = "slowed" if r["value_high"] < a["value_low"] else "held"
    return checked(Claim("covid.channel_trough", case, values, ids_of(ids)), scope)


def channel_yardstick(scope: Scope, averages: pd.DataFrame, code: str) -> Claim | None:
    """Whether a channel's average covers pandemic years (then it is a low yardstick); None without an average."""
    avg = averages[averages["indicator"] == code]
    if avg.empty:
        return None
    a = avg.iloc[0]
    case = "pre_pandemic" if a["kind"] == "pre-2020 average" else "includes_pandemic"
    values = {"name": word(code, scope), "avg": Fig(a["value"], a["value_low"], a["value_high"], "%"),
              "avg_period": span_of(a, scope, True)}
    return checked(Claim("covid.channel_yardstick", case, values, (a["source_id"],)), scope)


def channel_path(scope: Scope, channels: pd.DataFrame, code: str) -> Claim:
    """A channel year by year: the full-year figure of each year, else the longest period printed in it."""
    rows = channels[channels["indicator"] == code]
    values = {"name": word(code, scope)}
    if rows.empty:
        return checked(Claim("covid.channel_path", "none", values), scope)
    rows = rows.assign(_len=rows["period_end"] - rows["period_start"], _year=rows["period_end"].dt.year)
    best = rows.sort_values(["_year", "_len", "period_start"], ascending=[True, False, True]).groupby("_year").head(1)
    values["steps"] = [(fig_of(r, show_range=False), span_of(r, scope)) for _, r in best.iterrows()]
    values["full_years"] = [int(r["_year"]) for _, r in best.iterrows() if _is_year(r)]
    case = "one" if len(best) == 1 else "path"
    return checked(Claim("covid.channel_path", case, values, ids_of(best["source_ids"])), scope)


def reopening(scope: Scope, events: pd.DataFrame, channels: pd.DataFrame, code: str = "trade_turnover") -> Claim:
    """The first reopening of the border the data date in the window, and the channel's first figure after it."""
    ev = scope.events(events) if events is not None and len(events) else pd.DataFrame(columns=["date", "kind"])
    opened = ev[ev["kind"] == "reopening"].sort_values("date")
    if opened.empty:
        return checked(Claim("covid.reopening", "no_reopening", {}), scope)
    first = opened.iloc[0]
    values = {"day": Day(first["date"]), "name": word(code, scope)}
    after = channels[(channels["indicator"] == code) & (channels["period_end"] > first["date"])
                     & (channels["period_start"].dt.year == first["date"].year)]
    if after.empty:
        return checked(Claim("covid.reopening", "reopened", values, (first["source_id"],)), scope)
    r = after.assign(_len=after["period_end"] - after["period_start"]).sort_values("_len").iloc[-1]
    values |= {"growth": fig_of(r, show_range=False), "period": span_of(r, scope)}
    return checked(Claim("covid.reopening", "reopened_with_figure", values, ids_of(first["source_id"], r["source_ids"])),
                    scope)


def trough_channels(scope: Scope, growth: pd.DataFrame, channels: pd.DataFrame) -> Claim:
    """Every channel's growth in the trough period, for the findings."""
    low = lowest(growth)
    if low is None:
        return checked(Claim("covid.trough_channels", "no_data", {}), scope)
    rows = channels[(channels["period_start"] == low["period_start"]) & (channels["period_end"] == low["period_end"])]
    values = {"period": span_of(low, scope), "items": [(word(r["indicator"], scope), fig_of(r, show_range=False))
                                                     for _, r in rows.iterrows()]}
    return checked(Claim("covid.trough_channels", "some" if len(rows) else "none", values, ids_of(rows["source_ids"])),
                    scope)


def trend_break(scope: Scope, tb: calc.TrendBreak) -> Claim:
    """The model's verdict: fitted, fitted exactly (arithmetic), or not fitted for want of points."""
    if tb.result is None:
        return checked(Claim("covid.trend_break", "cannot_fit", {}), scope)
    trend, terms = calc.trend_years(tb)
    base = int(tb.result.path["year"].min())  # the index's base year may precede the window
    values = {"n": tb.result.n, "trend": [year_span(y, scope, base=y == base) for y in trend],
              "terms": [year_span(y, scope, base=y == base) for y in terms], "df": tb.result.df_resid}
    case = "fitted" if not tb.refusal else "exact" if tb.result.df_resid == 0 else "few"
    return checked(Claim("covid.trend_break", case, values), scope)


def trend_reading(scope: Scope, tb: calc.TrendBreak, cf: calc.Counterfactual) -> Claim:
    """How the model's pandemic terms compare with the gap to the benchmark path (they answer other questions)."""
    if tb.result is None:
        return checked(Claim("covid.trend_reading", "no_fit", {}), scope)
    trend, _ = calc.trend_years(tb)
    terms = tb.result.table[tb.result.table["term"].str.startswith("covid_")]
    base = int(tb.result.path["year"].min())
    values = {"trend": [year_span(y, scope, base=y == base) for y in trend]}
    last = cf.final
    if last is None or terms.empty:
        return checked(Claim("covid.trend_reading", "no_gap", values), scope)
    biggest = float(terms["effect_pct"].abs().max())
    values |= {"term": Fig(biggest, unit="%"), "gap": Fig(abs(float(last["gap_pct"])), unit="%")}
    case = "smaller" if biggest < abs(float(last["gap_pct"])) else "not_smaller"
    return checked(Claim("covid.trend_reading", case, values), scope)


def data_gaps(scope: Scope, growth: pd.DataFrame, channels: pd.DataFrame, sources: pd.DataFrame,
              obs: pd.DataFrame) -> list[Claim]:
    """What the data cannot tell, each computed from the tables; one ``none`` claim when nothing is missing."""
    out = []
    for span, g in growth.groupby("span", sort=False):
        missing = [int(y) for y in g.loc[g["value"].isna(), "year"]]
        if missing:
            out.append(Claim("covid.missing_grdp", "year" if span == "year" else "first_half", {"years": missing}))
    quarterly = scope.observations(obs)
    if not ((quarterly["indicator"] == "grdp") & (quarterly["period_kind"] == "quarter")).any():
        out.append(Claim("covid.no_quarterly", "none", {}))
    est = growth[growth["status"] == "estimate"]
    if len(est):
        out.append(Claim("covid.estimates", "some", {"n": len(est), "of": int(growth["value"].notna().sum()),
                                                     "periods": [span_of(r, scope) for _, r in est.iterrows()]},
                         ids_of(est["source_ids"])))
    info = sources.set_index("source_id")
    for _, r in growth[(growth["span"] == "year") & growth["value"].notna()].iterrows():
        src = info.loc[r["source_ids"]] if r["source_ids"] in info.index else None
        if src is not None and src["reliability"] != "official":
            out.append(Claim("covid.unofficial", "not_official", {
                "period": span_of(r, scope), "reliability": word(f"reliability_{src['reliability']}", scope),
                "publisher": src["publisher"],
                "title": src["title"]}, (r["source_ids"],)))
    for code in calc.CHANNELS:
        got = channels[channels["indicator"] == code]
        if got.empty or not any(_is_year(r) for _, r in got.iterrows()):
            out.append(Claim("covid.channel_gap", "partial_only" if len(got) else "no_figure",
                             {"name": name(code, scope)}))
    out = out or [Claim("covid.data_gaps", "none", {})]
    return [checked(c, scope) for c in out]


def shared_shortfall(scope: Scope, cf: calc.Counterfactual, national: pd.DataFrame) -> Claim:
    """How much of the shortfall against the benchmark path growing at Vietnam's rates would also have left.

    The national path grows the same base (the index's base year, = 100) at the national first estimates of
    each year of the chained index; it needs a national figure for every one of those years.
    """
    final = cf.final
    if final is None:
        return checked(Claim("covid.shared", "no_path", {}), scope)
    path = cf.path[cf.path["actual"].notna()]
    base, last = int(path["year"].iloc[0]), int(final["year"])
    rates = national.set_index("year")["value"] if len(national) else pd.Series(dtype=float)
    years = list(range(base + 1, last + 1))
    missing = [y for y in years if y not in rates.index]
    if missing:
        return checked(Claim("covid.shared", "no_national", {"years": missing}), scope)
    at_national = 100.0
    for y in years:
        at_national *= 1 + float(rates[y]) / 100
    actual, bench = float(final["actual"]), float(final["counterfactual"])
    values = {"year": last, "shortfall": Fig(bench - actual, digits=1), "own": Fig(at_national - actual, digits=1),
              "national_part": Fig(bench - at_national, digits=1), "at_national": Fig(at_national, digits=1),
              "actual": Fig(actual, digits=1), "bench": Fig(bench, digits=1)}
    ids = tuple(sorted({*cf.source_ids, *national["source_ids"]} - {""}))
    if actual >= bench:
        case = "no_shortfall"
    elif at_national >= bench:
        case = "nation_faster"
    elif at_national <= actual:
        case = "all_shared"
    else:
        case = "part_shared"
        values["share"] = Fig(100 * (bench - at_national) / (bench - actual), unit="%", digits=0)
    return checked(Claim("covid.shared", case, values, ids, years=tuple(years)), scope)
