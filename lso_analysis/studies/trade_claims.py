"""The trade study's claims: each sentence about the data, its case decided here and worded in ``wording/trade``."""

from __future__ import annotations

import math
import re

import pandas as pd

from lso_analysis.present.claims import Claim, Day, Fig, Span, show
from lso_analysis.studies import trade

#: Topics of ``data/raw/context.csv`` the trade report shows under its title, in this order.
CONTEXT_TOPICS = ("border_gates", "trade_goods")
#: All goods ÷ declared below this and the two series are too close for a size check to tell them apart.
APART_RATIO = 2.0
#: A truck count this many times the lowest count since the longest queue means the queue built up again.
REBUILD = 1.2
#: Event kinds that shut a crossing (as against a ban on sending some goods to it).
CROSSING_SHUT = ("closure", "halt")
_YEAR = re.compile(r"(?<![\d/])(?:19[5-9]\d|20[0-4]\d)(?![\d/])")


def _window(t) -> Span:
    return Span(t.scope.window.start, t.scope.window.end)


def _year(y: int) -> Span:
    return Span(pd.Timestamp(int(y), 1, 1), pd.Timestamp(int(y), 12, 31))


def _ids(*values) -> tuple[str, ...]:
    out: set[str] = set()
    for v in values:
        for item in ([v] if isinstance(v, str) else list(v)):
            if isinstance(item, str):
                out.update(x.strip() for x in item.split(";") if x.strip())
    return tuple(sorted(out))


def _years_in(value) -> set[int]:
    """Every year a value names, however nested: spans, days, and years written in strings. Source ids kept
    beside a value (a ``sources`` key: citations, not words of the claim) are not read: a slug such as
    ``…-dialogue-2021`` names no year of the claim."""
    if isinstance(value, (Span, Day)):
        return set(value.years)
    if isinstance(value, str):
        return {int(y) for y in _YEAR.findall(value)}
    if isinstance(value, dict):
        value = [v for k, v in value.items() if k not in ("sources", "source_ids")]
    if isinstance(value, (list, tuple)):
        return set().union(*(_years_in(v) for v in value)) if value else set()
    return set()


def _claim(t, claim_id: str, case: str, values: dict, source_ids=(), years=()) -> Claim:
    """A claim, checked: every year it names (spans, days, years in its strings, nested too) lies in the window."""
    values = {"province": t.scope.province, "window": _window(t), **values}
    named = _years_in({k: v for k, v in values.items() if k != "province"})
    claim = Claim(claim_id, case, values, tuple(source_ids), tuple(sorted(named | set(years))))
    t.scope.check_years(claim.named_years(), claim_id)
    return claim


def heading(t):
    """The report's title for the scope and the province's context rows on its gates and goods (if any)."""
    items = [_claim(t, "trade.title", "title", {})]
    context = t.context if t.context is not None else pd.DataFrame(columns=["topic", "text", "source_id"])
    for topic in CONTEXT_TOPICS:
        for r in context[context["topic"] == topic].itertuples():
            if all(t.scope.window.contains_year(y) for y in _years_in(r.text)):  # context dated outside: left out
                items.append(Claim("trade.context", "text", {"text": r.text}, (r.source_id,)))
    return show(items, t.scope.language, bullets=False)


def coverage(t) -> Claim:
    """How the years of the declared series are known: reported, estimated, derived or missing."""
    s = t.turnover
    if s["value"].notna().sum() == 0:
        return _claim(t, "trade.coverage", "no_data", {})
    values = {"n": len(s)}
    for origin in ("reported", "estimated", "derived", "missing"):
        years = [_year(y) for y in s.loc[s["origin"] == origin, "year"]]
        values.update({origin: len(years), f"{origin}_years": years})
    case = "complete" if values["derived"] + values["missing"] == 0 else "gaps"
    return _claim(t, "trade.coverage", case, values, _ids(s["source_ids"]))


def _growth_fig(value, low, high, implied: bool) -> Fig:
    return Fig(float(value), math.nan, math.nan, "%", signed=True, show_range=False, digits=1 if implied else None)


def _steps(t) -> tuple[list[dict], list[tuple[float, Span, str]]]:
    """Year-by-year steps of the declared series and the implied yearly growth rates."""
    steps, implied = [], []
    for r in t.plans.itertuples():
        if math.isnan(r.level):
            continue
        has = not math.isnan(r.growth)
        direction = "" if not has else "rose" if r.growth > 0 else "fell" if r.growth < 0 else "flat"
        level = Fig(r.level, r.level_low, r.level_high, "USD million")
        growth = _growth_fig(r.growth, r.growth_low, r.growth_high, r.growth_origin == "implied") if has else None
        steps.append({"year": _year(r.year), "level": level, "growth": growth, "direction": direction,
                      "implied": r.growth_origin == "implied", "origin": r.level_origin,
                      "sources": _ids(t.turnover.loc[t.turnover["year"] == r.year, "source_ids"],
                                      [r.growth_sources] if has and isinstance(r.growth_sources, str) else [])})
        if has and r.growth_origin == "implied":
            implied.append((r.growth, _year(r.year), r.growth_sources))
    return steps, implied


def direction(t) -> Claim:
    """Did declared trade fall or rise: the deepest falls (one a year, two at most), else the range of rises;
    and the level year by year with the direction of each year."""
    steps, implied = _steps(t)
    rates = [(r.value, Span(r.period_start, r.period_end), r.source_ids) for r in t.yoy.itertuples()] + implied
    step_sources = _ids([x for s in steps for x in s["sources"]])
    if not rates and not steps:
        return _claim(t, "trade.direction", "no_data", {})
    falls = sorted((x for x in rates if x[0] < 0), key=lambda x: (x[0], x[1].start))
    if falls:
        seen, picked = set(), []
        for rate, span, src in falls:
            year = pd.Timestamp(span.end).year
            if year not in seen:
                seen.add(year)
                picked.append((_growth_fig(rate, 0, 0, False), span, src))
        picked = picked[:2]
        return _claim(t, "trade.direction", "fell", {"growth": picked[0][0], "period": picked[0][1],
                                                     "others": [p[:2] for p in picked[1:]], "steps": steps},
                      _ids(step_sources, [p[2] for p in picked]))
    if rates and all(x[0] > 0 for x in rates):
        low, high = min(rates, key=lambda x: x[0]), max(rates, key=lambda x: x[0])
        return _claim(t, "trade.direction", "rose", {"low": _growth_fig(low[0], 0, 0, False), "low_period": low[1],
                                                     "high": _growth_fig(high[0], 0, 0, False), "high_period": high[1],
                                                     "steps": steps}, _ids(step_sources, [low[2], high[2]]))
    return _claim(t, "trade.direction", "levels_only", {"steps": steps}, step_sources)


def plans(t) -> Claim:
    """The plans the shares of plan imply, each raised, cut or kept against the one before."""
    rows = t.plans[t.plans["plan"].notna()]
    if rows.empty:
        return _claim(t, "trade.plans", "no_data", {})
    items, before = [], None
    for r in rows.itertuples():
        change = "" if before is None else "raised" if r.plan_low > before[1] else "cut" if r.plan_high < before[0] else "kept"
        items.append({"year": _year(r.year), "plan": Fig(r.plan, r.plan_low, r.plan_high, "USD million"), "change": change})
        before = (r.plan_low, r.plan_high)
    sources = _ids(rows["plan_sources"])
    if len(items) == 1:
        return _claim(t, "trade.plans", "one", {"plan": items[0]["plan"], "year": items[0]["year"]}, sources)
    return _claim(t, "trade.plans", "changed", {"plans": items}, sources)


def _share_item(r) -> tuple:
    return (Fig(float(r["export_share"]), unit="%", digits=0), Span(r["period_start"], r["period_end"]),
            r["origin"] != "reported")


def export_share(t) -> Claim:
    """Did exports' share of declared trade fall (and recover) or rise, across the periods from 1 January?"""
    parts = t.parts
    if parts.empty:
        return _claim(t, "trade.export_share", "no_data", {})
    sources = _ids(parts["source_id"])
    if len(parts) == 1:
        first = _share_item(parts.iloc[0])
        return _claim(t, "trade.export_share", "too_thin", {"share": first[0], "period": first[1]}, sources)
    first, last = parts.iloc[0], parts.iloc[-1]
    low = parts.loc[parts["export_share"].idxmin()]
    values = {"first": _share_item(first), "last": _share_item(last), "lows": [_share_item(low)],
              "high": _share_item(parts.loc[parts["export_share"].idxmax()])}
    if round(low["export_share"]) >= round(first["export_share"]):
        ends_high = round(last["export_share"]) >= round(parts["export_share"].max())
        return _claim(t, "trade.export_share", "rose" if ends_high else "held", values, sources)
    printed = parts[parts["origin"] == "reported"]
    if low["origin"] != "reported" and len(printed):
        values["lows"].append(_share_item(printed.loc[printed["export_share"].idxmin()]))
    shape = "fell" if low.name == parts.index[-1] else "dipped"
    shut = t.border[(t.border["group"] == "border_shut") & (t.border["date"] >= first["period_start"])
                    & (t.border["date"] <= low["period_end"])]
    return _claim(t, "trade.export_share", shape + ("_closures" if len(shut) else ""), values, sources)


def backlog(t) -> Claim:
    """The longest truck queue counted, the closure or halt in the month before it (if any), and the last count."""
    trucks = t.trucks
    if trucks.empty:
        return _claim(t, "trade.backlog", "no_data", {})
    peak = trucks.loc[trucks["value"].idxmax()]
    count = lambda r: Fig(float(r["value"]), float(r["value_low"]), float(r["value_high"]), "count")  # noqa: E731
    values = {"peak": count(peak), "day": Day(peak["date"])}
    if len(trucks) == 1:
        return _claim(t, "trade.backlog", "one_count", values, _ids(peak["source_ids"]))
    last = trucks.iloc[-1]
    values.update(last=count(last), last_day=Day(last["date"]))
    closure = _closure_before(t, peak["date"])
    sources = _ids(peak["source_ids"], last["source_ids"])
    if closure is None:
        return _claim(t, "trade.backlog", "peak", values, sources)
    values.update(closure=closure["title"], closure_day=Day(closure["date"]),
                  days=int((peak["date"] - closure["date"]).days))
    case = "peak_on_closure" if values["days"] == 0 else "peak_after_closure"
    return _claim(t, "trade.backlog", case, values, sources + (closure["source_id"],))


def _closure_before(t, day: pd.Timestamp) -> pd.Series | None:
    """The last closure or halt at most :data:`trade.BACKLOG_LAG_DAYS` days before ``day`` (or on it), or None.

    A crossing shut (kinds :data:`CROSSING_SHUT`) comes before other ``border_shut`` events such as a ban on
    one kind of goods, which restrict what is sent to the gates rather than what crosses them.
    """
    shut = t.border[(t.border["group"] == "border_shut") & (t.border["date"] <= day)
                    & (t.border["date"] >= day - pd.Timedelta(days=trade.BACKLOG_LAG_DAYS))]
    if shut.empty:
        return None
    shut = shut.assign(_crossing=shut["kind"].isin(CROSSING_SHUT)).sort_values(["_crossing", "date"], kind="stable")
    return shut.iloc[-1]


def backlog_again(t) -> Claim | None:
    """Did the queue build up again after the longest one? The first count more than :data:`REBUILD` above the
    lowest count since the peak, with the closure or halt in the month before it; None when the counts only eased."""
    trucks = t.trucks
    if len(trucks) < 3:
        return None
    peak_at = trucks["value"].idxmax()
    low, again = None, None
    for _, r in trucks.loc[peak_at:].iloc[1:].iterrows():
        if low is None or r["value"] < low["value"]:
            low = r
        elif r["value"] > REBUILD * low["value"]:
            again = r
            break
    if again is None:
        return None
    count = lambda r: Fig(float(r["value"]), float(r["value_low"]), float(r["value_high"]), "count")  # noqa: E731
    values = {"low": count(low), "low_day": Day(low["date"]), "again": count(again), "again_day": Day(again["date"])}
    sources = _ids(low["source_ids"], again["source_ids"])
    closure = _closure_before(t, again["date"])
    if closure is None:
        return _claim(t, "trade.backlog_again", "again", values, sources)
    values.update(closure=closure["title"], days=int((again["date"] - closure["date"]).days))
    return _claim(t, "trade.backlog_again", "again_after_closure", values, sources + (closure["source_id"],))


def reopening(t) -> Claim:
    """Whether the border reopened after the last closure or halt of the window, and when."""
    shut, opened = trade.last_closure(t.scope, t.events), t.reopened
    values = {} if shut is None else {"closure": shut["title"], "closure_day": Day(shut["date"])}
    sources = () if shut is None else (shut["source_id"],)
    if opened is not None:
        values.update(day=Day(opened["date"]), title=opened["title"])
        case = "reopened" if shut is not None else "reopened_no_closure"
        return _claim(t, "trade.reopening", case, values, sources + (opened["source_id"],))
    if shut is None:
        return _claim(t, "trade.reopening", "no_events", {})
    resumed = trade.resumptions_after(t.scope, t.events)
    if len(resumed):
        values["resumed"] = [(r.title, Day(r.date)) for r in resumed.itertuples()]
        return _claim(t, "trade.reopening", "resumed", values, sources + tuple(resumed["source_id"]))
    return _claim(t, "trade.reopening", "not_reopened", values, sources)


def after(t) -> Claim | None:
    """Growth after the reopening for the period with most series (longest, then latest); None without a reopening."""
    if t.reopened is None:
        return None
    rows = t.after
    if rows.empty:
        return _claim(t, "trade.after", "no_data", {})
    spans = rows.groupby(["period_start", "period_end"]).size().reset_index(name="n")
    spans = spans.assign(_len=spans["period_end"] - spans["period_start"]).sort_values(["n", "_len", "period_end"])
    start, end = spans.iloc[-1]["period_start"], spans.iloc[-1]["period_end"]
    chosen = rows[(rows["period_start"] == start) & (rows["period_end"] == end)].set_index("indicator")
    names = {"trade_turnover": "trade_turnover", "exports": "exports_name", "imports": "imports_name"}
    growth = [(trade.words(names[code], t.scope), _growth_fig(chosen.loc[code, "value"], 0, 0, False))
              for code in trade.TRADE if code in chosen.index]
    case = "turnover_only"
    if {"exports", "imports"} <= set(chosen.index):
        case = "exports_led" if chosen.loc["exports", "value"] > chosen.loc["imports", "value"] else "imports_led"
    return _claim(t, "trade.after", case, {"period": Span(start, end), "growth": growth}, _ids(chosen["source_ids"]))


def revenue(t) -> Claim:
    """Did revenue move with declared trade where both growth rates are printed for the same period?"""
    k = t.knock
    if k.empty:
        return _claim(t, "trade.revenue", "no_data", {})
    pairs = [(Span(r.period_start, r.period_end), _growth_fig(r.value_trade, 0, 0, False),
              trade.words(r.indicator_rev, t.scope), _growth_fig(r.value_rev, 0, 0, False)) for r in k.itertuples()]
    same = k["value_trade"] * k["value_rev"]
    case = "together" if (same > 0).all() else "apart" if (same < 0).all() else "mixed"
    return _claim(t, "trade.revenue", case, {"pairs": pairs}, _ids(k["source_id_trade"], k["source_id_rev"]))


def budget(t) -> Claim:
    """State budget revenue in the last full year against the highest full year of the window."""
    rev = t.revenue
    if rev.empty:
        return _claim(t, "trade.budget", "no_data", {})
    years = rev[(rev["indicator"] == "budget_revenue") & (rev["period_start"].dt.month == 1)
                & (rev["period_end"].dt.month == 12) & (rev["period_end"].dt.day == 31)]
    if years.empty:
        return _claim(t, "trade.budget", "no_data", {})
    fig = lambda r: Fig(float(r["value"]), float(r["value_low"]), float(r["value_high"]), "VND billion")  # noqa: E731
    last, peak = years.iloc[-1], years.loc[years["value"].idxmax()]
    values = {"last": fig(last), "last_year": _year(last["period_end"].year)}
    if len(years) == 1:
        return _claim(t, "trade.budget", "one_year", values, (last["source_id"],))
    if peak.name == years.index[-1] or peak["value_low"] <= last["value_high"]:
        return _claim(t, "trade.budget", "at_peak", values, (last["source_id"],))
    values.update(peak=fig(peak), peak_year=_year(peak["period_end"].year))
    return _claim(t, "trade.budget", "below_peak", values, (last["source_id"], peak["source_id"]))


def magnitudes(t) -> Claim:
    """How far apart the all-goods and the declared figures are where both are printed for the same period."""
    m = t.mags
    if m.empty:
        return _claim(t, "trade.magnitudes", "no_data", {})
    sources = _ids(m["source_id_declared"], m["source_id_all"])
    if len(m) == 1:
        return _claim(t, "trade.magnitudes", "one_apart", {"ratio": Fig(float(m["ratio"].iloc[0]), digits=1),
                                                            "period": Span(m["period_start"].iloc[0], m["period_end"].iloc[0])},
                      sources)
    case = "apart" if m["ratio"].min() >= APART_RATIO else "close"
    return _claim(t, "trade.magnitudes", case, {"low": Fig(float(m["ratio"].min()), digits=1),
                                                "high": Fig(float(m["ratio"].max()), digits=1), "n": len(m)}, sources)


def magnitude_fit(t) -> Claim:
    """How many trade figures fit the band of their series (bands per province: recorded or derived)."""
    c = t.checks
    if c.empty:
        return _claim(t, "trade.magnitude_fit", "no_data", {})
    judged = c[c["judged"]]
    if judged.empty:
        return _claim(t, "trade.magnitude_fit", "unjudged", {"n": int(c["figures"].sum())})
    bad = judged[judged["fit"] < judged["figures"]]
    values = {"n": int(judged["figures"].sum()), "fit": int(judged["fit"].sum()),
              "unjudged": int(c.loc[~c["judged"], "figures"].sum()),
              "misfit": [(trade.words(r.indicator if r.indicator != "exports" and r.indicator != "imports"
                                      else r.indicator + "_name", t.scope), int(r.figures - r.fit), int(r.figures))
                         for r in bad.itertuples()]}
    return _claim(t, "trade.magnitude_fit", "misfit" if len(bad) else "all_fit", values, _ids(judged["source_ids"]))


def findings(t):
    """The main findings: direction of trade, who bore the fall, whether revenue followed, the budget."""
    return show([direction(t), export_share(t), revenue(t), budget(t)], t.scope.language)
