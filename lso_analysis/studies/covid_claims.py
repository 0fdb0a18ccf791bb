"""The COVID-19 study's claims: each tests its condition on the data in scope and says which case holds."""

from __future__ import annotations

import math

import pandas as pd

from lso_analysis.analysis.scope import Scope
from lso_analysis.present import wording
from lso_analysis.present.claims import Claim, Day, Fig, Span
from lso_analysis.studies import covid_calc as calc


def word(key: str, scope: Scope) -> str:
    """A word the study names things with (a sector, a channel, a benchmark kind), in the scope's language."""
    return wording.template("covid.word", key, scope.language)


def name(key: str, scope: Scope) -> str:
    """A sector's or channel's name as a table entry, in the scope's language."""
    return wording.template("covid.name", key, scope.language)


def lane(category: str, scope: Scope) -> str:
    """An event lane of the timeline (an event category code) in the scope's language; unknown codes as they are."""
    try:
        return wording.template("covid.lane", category, scope.language)
    except KeyError:
        return category


def crossing(where: str, scope: Scope) -> str:
    """An event's crossing ("Hữu Nghị; Tân Thanh", "auxiliary gates") in the scope's language; gate names as they are."""
    parts = []
    for part in (p.strip() for p in str(where).split(";") if p.strip()):
        try:
            parts.append(wording.template("covid.crossing", part, scope.language))
        except KeyError:
            parts.append(part)
    return ", ".join(parts) if scope.language != "en" else "; ".join(parts)


def ids_of(*values) -> tuple[str, ...]:
    """The sorted source ids in strings ("a;b"), lists or columns of them.

    >>> ids_of("b;a", ["c", ""], "a")
    ('a', 'b', 'c')
    """
    out = set()
    for v in values:
        for item in ([v] if isinstance(v, str) else list(v)):
            if isinstance(item, str):
                out.update(x for x in item.split(";") if x)
    return tuple(sorted(out))


def span_of(row, scope: Scope, reference: bool = False) -> Span:
    """A row's period as a :class:`Span`; ``reference`` for a yardstick (a benchmark's years), exempt from the
    window check. Anything else must lie in the window: :func:`checked` raises otherwise."""
    return Span(row["period_start"], row["period_end"], reference=reference)


def year_span(year: int, scope: Scope, base: bool = False) -> Span:
    """A calendar year as a :class:`Span`. ``base``: the index's base year, a yardstick when it precedes the window
    (the chain starts the year before the first growth rate).

    >>> w = Scope("X", 2021, 2022)
    >>> year_span(2020, w, base=True).reference, year_span(2021, w, base=True).reference, year_span(2020, w).years
    (True, False, (2020,))
    """
    return Span(pd.Timestamp(int(year), 1, 1), pd.Timestamp(int(year), 12, 31),
                reference=base and not scope.window.contains_year(int(year)))


def fig_of(row, **kw) -> Fig:
    """A growth row as a signed :class:`Fig` with its interval."""
    return Fig(float(row["value"]), float(row["value_low"]), float(row["value_high"]), row.get("unit") or "%",
               signed=True, **kw)


def checked(claim: Claim, scope: Scope) -> Claim:
    """``claim``, after checking that every year it names lies in the window (raises ``OutOfWindowError``)."""
    scope.check_years(claim.named_years(), claim.id)
    return claim


def _bench_values(bench, scope: Scope) -> dict:
    if bench is None:
        return {}
    return {"bench": Fig(bench["value"], bench["value_low"], bench["value_high"], "%"),
            "bench_period": span_of(bench, scope, reference=True), "bench_kind": word(bench["kind"], scope)}


def title(scope: Scope) -> Claim:
    """The report's title line: the province and the window."""
    return checked(Claim("covid.title", "window", {"province": scope.province,
                                                    "window": Span(scope.window.start, scope.window.end)}), scope)


def overview(scope: Scope, growth: pd.DataFrame, bench) -> Claim:
    """What the GRDP data hold for the province in the window and the benchmark used."""
    have = growth[growth["value"].notna()]
    values = {"province": scope.province, "window": Span(scope.window.start, scope.window.end), "n": len(have),
              "n_years": int((have["span"] == "year").sum()), "n_halves": int((have["span"] == "first half").sum()),
              "n_est": int((have["status"] == "estimate").sum()), **_bench_values(bench, scope)}
    case = "no_data" if have.empty else "with_benchmark" if bench is not None else "no_benchmark"
    return checked(Claim("covid.overview", case, values, ids_of([] if bench is None else [bench["source_id"]])), scope)


def lowest(growth: pd.DataFrame) -> pd.Series | None:
    """The lowest GRDP growth figure in ``growth`` (the earliest on a tie), or None."""
    have = growth[growth["value"].notna()]
    return None if have.empty else have.loc[have["value"].idxmin()]


def trough(scope: Scope, growth: pd.DataFrame, bench) -> Claim:
    """When growth was lowest: a first half, a full year, another period; at the edge of the data; or no data.

    A trough needs a higher figure after it and, before it, a higher figure or a higher benchmark;
    otherwise the lowest figure sits at the edge of what the data show.
    """
    have = growth[growth["value"].notna()]
    low = lowest(growth)
    if low is None:
        return checked(Claim("covid.trough", "no_data", {"province": scope.province}), scope)
    values = {"period": span_of(low, scope), "growth": fig_of(low, show_range=False), **_bench_values(bench, scope)}
    ids = [low["source_ids"]] + ([bench["source_id"]] if bench is not None else [])
    if len(have) == 1:
        return checked(Claim("covid.trough", "too_thin", values, ids_of(ids)), scope)
    later = have[have["period_end"] > low["period_end"]]
    earlier = have[have["period_start"] < low["period_start"]]
    # The benchmark stands for the years before the pandemic only when the window reaches back to its start.
    bench_before = bench is not None and bench["value"] > low["value"] and scope.start_year <= calc.PANDEMIC_START
    if not ((later["value"] > low["value"]).any() and ((earlier["value"] > low["value"]).any() or bench_before)):
        return checked(Claim("covid.trough", "lowest_at_edge", values, ids_of(ids)), scope)
    span = low.get("span", "")
    same_year = have[(have["year"] == low["year"]) & (have["span"] != span)] if "span" in have else have.iloc[0:0]
    if span in ("first half", "year") and len(same_year):
        other = same_year.iloc[0]
        values |= {"other": fig_of(other, show_range=False), "other_period": span_of(other, scope),
                   "other_estimate": other["status"] == "estimate"}
        ids.append(other["source_ids"])
    case = {"first half": "first_half", "year": "full_year"}.get(span, "other_period")
    return checked(Claim("covid.trough", case + ("" if len(same_year) or case == "other_period" else "_alone"),
                          values, ids_of(ids)), scope)


def second_half(scope: Scope, growth: pd.DataFrame) -> Claim:
    """In the trough's year: did the second half grow faster or slower than the first (year against first half)?"""
    low = lowest(growth)
    if low is None:
        return checked(Claim("covid.second_half", "no_data", {}), scope)
    rows = growth[(growth["year"] == low["year"]) & growth["value"].notna()].set_index("span")
    if not {"first half", "year"} <= set(rows.index):
        return checked(Claim("covid.second_half", "no_data", {"year": year_span(low["year"], scope)}), scope)
    half, year = rows.loc["first half"], rows.loc["year"]
    values = {"year": year_span(low["year"], scope), "half": fig_of(half, show_range=False),
              "full": fig_of(year, show_range=False), "full_estimate": year["status"] == "estimate"}
    if year["value_low"] > half["value_high"]:
        case = "faster"
    elif year["value_high"] < half["value_low"]:
        case = "slower"
    else:
        case = "same"
    return checked(Claim("covid.second_half", case, values, ids_of(half["source_ids"], year["source_ids"])), scope)


def first_case(scope: Scope, growth: pd.DataFrame, events: pd.DataFrame, kind_names: dict[str, str]) -> Claim:
    """Whether the data date a COVID-19 case in the province by the end of the trough period.

    The events of the trough period (closures, distancing …) are named by their typed kind.
    """
    low = lowest(growth)
    if low is None:
        return checked(Claim("covid.first_case", "no_data", {}), scope)
    ev = scope.events(events) if events is not None and len(events) else pd.DataFrame(columns=["date", "kind"])
    during = calc.timeline_events(ev[(ev["date"] >= low["period_start"]) & (ev["date"] <= low["period_end"])],
                                  calc.SHOCK_KINDS).sort_values(["date", "kind"])
    where = during["crossing"].fillna("") if "crossing" in during else [""] * len(during)
    values = {"period": span_of(low, scope), "measures": [(kind_names.get(k, k), crossing(w, scope) if w else "", Day(d)) for k, w, d in
                                                        zip(during["kind"], where, during["date"])]}
    cases = ev[ev["kind"].isin(calc.CASE_KINDS)].sort_values("date")
    ids = list(during["source_id"])
    if cases.empty:
        return checked(Claim("covid.first_case", "no_case_event", values, ids_of(ids)), scope)
    first = cases.iloc[0]
    values["first"] = Day(first["date"])
    ids.append(first["source_id"])
    case = "case_in_trough" if first["date"] <= low["period_end"] else "no_case_before"
    return checked(Claim("covid.first_case", case, values, ids_of(ids)), scope)


def recovery(scope: Scope, growth: pd.DataFrame, cf: calc.Counterfactual) -> Claim:
    """Full-year growth after the trough's year against the benchmark rate: below it, above it, or both."""
    low = lowest(growth)
    if low is None:
        return checked(Claim("covid.recovery", "no_data", {}), scope)
    after = growth[(growth["span"] == "year") & (growth["year"] > low["year"]) & growth["value"].notna()]
    values = {"after": year_span(low["year"], scope)}
    if after.empty:
        return checked(Claim("covid.recovery", "no_later_year", values), scope)
    lo, hi = after.loc[after["value"].idxmin()], after.loc[after["value"].idxmax()]
    values |= {"years": Span(pd.Timestamp(int(after["year"].min()), 1, 1), pd.Timestamp(int(after["year"].max()), 12, 31)),
               "low": fig_of(lo, show_range=False), "high": fig_of(hi, show_range=False), "n": len(after)}
    ids = list(after["source_ids"])
    if cf.bench is None:
        return checked(Claim("covid.recovery", "no_benchmark", values, ids_of(ids)), scope)
    values |= _bench_values(cf.bench, scope)
    ids.append(cf.bench["source_id"])
    if (after["value_high"] < cf.rate_low).all():
        case = "below"
    elif (after["value_low"] >= cf.rate_low).all():
        case = "above"
    else:
        case = "mixed"
    return checked(Claim("covid.recovery", case, values, ids_of(ids)), scope)


def later_shocks(scope: Scope, growth: pd.DataFrame, events: pd.DataFrame) -> Claim:
    """The waves and border shutdowns the data date after the trough's year, which the recovery ran through."""
    low = lowest(growth)
    if low is None:
        return checked(Claim("covid.later_shocks", "no_data", {}), scope)
    if int(low["year"]) >= scope.end_year:
        return checked(Claim("covid.later_shocks", "window_ends", {"after": year_span(low["year"], scope)}), scope)
    ev = scope.events(events) if events is not None and len(events) else pd.DataFrame(columns=["date", "kind"])
    after = ev[ev["date"].dt.year > low["year"]] if len(ev) else ev
    waves = after[after["kind"] == "wave"]
    shut = after[after["kind"].isin(("closure", "halt"))]
    values = {"after": year_span(low["year"], scope), "waves": len(waves), "shut": len(shut)}
    if waves.empty and shut.empty:
        return checked(Claim("covid.later_shocks", "none", values), scope)
    both = pd.concat([waves, shut])
    values |= {"first": Day(both["date"].min()), "last": Day(both["date"].max())}
    return checked(Claim("covid.later_shocks", "some", values, ids_of(list(both["source_id"]))), scope)


def _no_path_case(cf: calc.Counterfactual) -> str:
    if cf.bench is None:
        return "no_benchmark"
    if "consecutive" in cf.error:
        return "broken_chain"
    if cf.error:
        return "no_full_year"
    return "too_thin"


def gap(scope: Scope, growth: pd.DataFrame, cf: calc.Counterfactual, sens: pd.DataFrame) -> Claim:
    """The headline: how far the chained GRDP index stands from the benchmark path in the last year with data.

    States the rounding interval and, next to it, the spread of the gap across every benchmark the data hold.
    """
    last = cf.final
    if last is None:
        missing = [int(y) for y in calc._years(growth).pipe(lambda g: g[g["value"].isna()])["year"]
                   if scope.window.contains_year(int(y))]
        return checked(Claim("covid.gap", _no_path_case(cf), {"province": scope.province, "missing": missing}), scope)
    g = float(last["gap_pct"])
    values = {"year": year_span(int(last["year"]), scope), "base": year_span(cf.base_year, scope, base=True),
              "gap": Fig(g, float(last["gap_pct_low"]), float(last["gap_pct_high"]), "%", show_range=True),
              "rate": Fig(cf.rate, cf.rate_low, cf.rate_high, "%"), "bench_period": span_of(cf.bench, scope, True),
              "cum": Fig(float(last["cum_gap"]), float(last["cum_gap_low"]), float(last["cum_gap_high"]), "%",
                         show_range=False),
              "n_bench": len(sens)}
    if len(sens) > 1:
        values |= {"spread_low": Fig(float(sens["gap_pct"].min()), unit="%", signed=True),
                   "spread_high": Fig(float(sens["gap_pct"].max()), unit="%", signed=True)}
    case = "below" if last["gap_pct_high"] < 0 else "above" if last["gap_pct_low"] > 0 else "on_path"
    ids = ids_of(growth["source_ids"], cf.source_ids, sens["source_id"] if len(sens) else [])
    return checked(Claim("covid.gap", case, values, ids), scope)


def path_caveat(scope: Scope, growth: pd.DataFrame, cf: calc.Counterfactual) -> Claim:
    """What the path rests on: base year, rate and its rounding, the years with a value, the years without."""
    if cf.final is None:
        return checked(Claim("covid.path_caveat", "no_path", {}), scope)
    p = cf.path
    missing = [int(y) for y in p.loc[p["actual"].isna(), "year"]]
    values = {"base": year_span(cf.base_year, scope, base=True), "rate": Fig(cf.rate, cf.rate_low, cf.rate_high, "%", show_range=True),
              "n": int(p["actual"].notna().sum()) - 1, "missing": [year_span(y, scope) for y in missing]}
    return checked(Claim("covid.path_caveat", "missing" if missing else "complete", values, tuple(cf.source_ids)), scope)


def _sector_rows(sectors: pd.DataFrame, start, end) -> pd.DataFrame:
    return sectors[(sectors["period_start"] == start) & (sectors["period_end"] == end) & (sectors["indicator"] != "grdp")]


def sectors(scope: Scope, growth: pd.DataFrame, table: pd.DataFrame) -> Claim:
    """Which sector grew least and which most in the trough's year (any order the data give)."""
    low = lowest(growth)
    if low is None:
        return checked(Claim("covid.sectors", "no_data", {}), scope)
    year = year_span(low["year"], scope)
    rows = _sector_rows(table, year.start, year.end).sort_values(["value", "indicator"])
    if rows.empty:
        return checked(Claim("covid.sectors", "no_breakdown", {"year": year}), scope)
    ids = ids_of(rows["source_ids"])
    least, most = rows.iloc[0], rows.iloc[-1]
    values = {"year": year, "least_name": word(least["indicator"], scope), "least": fig_of(least, show_range=False),
              "most_name": word(most["indicator"], scope), "most": fig_of(most, show_range=False),
              "estimate": bool((rows["status"] == "estimate").any())}
    if len(rows) == 1:
        return checked(Claim("covid.sectors", "one_sector", values, ids), scope)
    tied = least["value_high"] >= most["value_low"]
    return checked(Claim("covid.sectors", "tied" if tied else "ordered", values, ids), scope)


def sectors_later(scope: Scope, growth: pd.DataFrame, table: pd.DataFrame) -> Claim:
    """The next sector breakdown after the trough year's: which sectors grew faster than in that year, which slower."""
    low = lowest(growth)
    if low is None:
        return checked(Claim("covid.sectors_later", "no_data", {}), scope)
    year = year_span(low["year"], scope)
    base = _sector_rows(table, year.start, year.end).set_index("indicator")
    later = table[(table["period_start"] > year.end) & (table["indicator"] != "grdp")]
    if base.empty or later.empty:
        return checked(Claim("covid.sectors_later", "no_data", {"year": year}), scope)
    first = later.sort_values(["period_start", "period_end"]).iloc[0]
    nxt = _sector_rows(table, first["period_start"], first["period_end"]).set_index("indicator")
    common = [c for c in nxt.index if c in base.index]
    faster = [word(c, scope) for c in common if nxt.loc[c, "value_low"] > base.loc[c, "value_high"]]
    slower = [word(c, scope) for c in common if nxt.loc[c, "value_high"] < base.loc[c, "value_low"]]
    values = {"year": year, "later": span_of(first, scope), "faster": faster, "slower": slower, "n_common": len(common)}
    case = ("no_data" if not common else "all_faster" if len(faster) == len(common)
            else "all_slower" if len(slower) == len(common) else "mixed")
    return checked(Claim("covid.sectors_later", case, values, ids_of(base["source_ids"], nxt["source_ids"])), scope)


def sector_coverage(scope: Scope, growth: pd.DataFrame, table: pd.DataFrame) -> Claim:
    """Which full years of the window lack a sector breakdown, and which breakdowns are estimates."""
    full = table[(table["indicator"] != "grdp") & (table["period_start"].dt.month == 1)
                 & (table["period_end"].dt.month == 12) & (table["period_start"].dt.year == table["period_end"].dt.year)]
    have = sorted({int(y) for y in full["period_start"].dt.year})
    missing = [y for y in scope.window.years if y not in have]
    est = full[full["status"] == "estimate"]
    est_years = sorted({int(y) for y in est["period_start"].dt.year})
    values = {"missing": missing, "estimated": est_years, "n_missing": len(missing)}
    case = "none" if not have else "gaps" if missing else "complete"
    return checked(Claim("covid.sector_coverage", case, values, ids_of(full["source_ids"])), scope)
