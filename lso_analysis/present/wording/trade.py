"""The English words of the trade study: its claims, captions, chart titles, table headings and notes."""

from __future__ import annotations

from lso_analysis.present import wording

#: Captions, titles, headings and notes (``trade.words``): plain ``str.format`` over the values given.
WORDS = {
    "and": " and ",
    "how_missing": "no figure for the year",
    "how_partial": "no figure for the year; longest part: {value} for {period} ({origin})",
    "how_derived_next": "implied by {inputs}, printed for {next}: {method}",
    "how_derived": "implied by {inputs}: {method}",
    "how_printed": "printed: «{raw}»",
    "origin_reported": "reported",
    "origin_estimated": "estimated",
    "origin_derived": "derived",
    "origin_missing": "missing",
    "method_base_from_growth": "level ÷ (1 + growth)",
    "method_month_from_ytd": "difference of two year-to-date figures",
    "method_whole_from_share": "part ÷ share",
    "growth_printed": "printed",
    "growth_implied": "implied by the two levels",
    "declared_at": "declared at {customs}",
    "declared_here": "declared in {province}",
    "turnover_title": "Trade {declared}, {window}",
    "turnover_caption": "How each year of the declared turnover of {province} was obtained (figures quoted as printed)",
    "turnover_missing": "full-year declared trade figure",
    "yoy_title": "Declared trade on the same period a year earlier, {province} (grey bars: period covered)",
    "yoy_caption": "Every growth figure of the declared turnover of {province} on the same period a year earlier",
    "yoy_missing": "growth figure of the declared trade",
    "plans_caption": "Declared turnover of {province}: growth and plan by year",
    "plans_missing": "declared trade figure",
    "attainment_title": "Share of plan achieved by the declared trade, {province}",
    "attainment_missing": "share of plan achieved by declared trade",
    "parts_title": "Exports and imports {declared}: periods from 1 January",
    "parts_ylabel": "% of exports + imports",
    "ylabel_usd": "USD million",
    "parts_note": "Above each bar: exports + imports in USD million.",
    "exports": "exports",
    "imports": "imports",
    "derived_bar": "derived (implied)",
    "parts_caption": "Exports and imports {declared} (periods from the first of January)",
    "parts_missing": "pair of export and import figures",
    "trucks_title": "Trucks waiting at the border gates, {province}, with the closures, halts and reopenings",
    "trucks_caption": "Trucks waiting at the border gates of {province}: the best count for each date",
    "trucks_missing": "count of trucks waiting at the border gates",
    "after_caption": "Declared trade of {province} from the month of the reopening on, on the same period a year earlier",
    "revenue_caption": "Budget and customs revenue of {province}, years and years to date",
    "revenue_missing": "budget or customs revenue figure",
    "knock_caption": "Growth of declared trade and of revenue of {province} printed for exactly the same period",
    "knock_missing": "period with both trade and revenue growth",
    "mags_caption": "The two series of {province} where both are printed for the same period",
    "mags_missing": "period with both the declared and the all-goods figure",
    "check_caption": "Magnitude check, {province}: each trade figure on a yearly scale against the band of its series",
    "check_missing": "trade figure in USD",
    "band_derived": "derived from the province's own figures",
    "band_recorded": "recorded for the province (magnitude_bands.csv)",
    "band_none": "no band (too few figures)",
    "trade_turnover": "Declared turnover",
    "exports_name": "Exports",
    "imports_name": "Imports",
    "trade_turnover_all_goods": "All goods crossing",
    "local_exports": "Local exports",
    "budget_revenue": "State budget revenue",
    "customs_revenue": "Customs revenue",
    "no_data_note": ("> **No data.** The dataset holds no {what} for {province}; this section is left empty rather "
                     "than drawn on empty axes."),
    # table headings
    "h_year": "Year", "h_period": "Period", "h_date": "Date", "h_series": "Series", "h_figure": "Figure",
    "h_how": "How obtained", "h_source": "Source", "h_declared": "Declared turnover", "h_growth": "Growth on a year earlier",
    "h_growth_before": "Growth on the year before", "h_growth_how": "How the growth is known",
    "h_plan_pct": "Share of plan achieved", "h_plan": "Plan implied", "h_exports": "Exports", "h_imports": "Imports",
    "h_share": "Export share", "h_trucks": "Trucks waiting", "h_raw": "As printed", "h_note": "Note",
    "h_revenue": "Revenue", "h_amount": "Amount", "h_revenue_growth": "Revenue growth",
    "h_all_goods": "All goods crossing", "h_ratio": "All goods ÷ declared", "h_figures": "Figures",
    "h_fit": "Fit their band", "h_per_year": "Per year (USD million)", "h_band": "Band per year",
    "h_basis": "Band from", "h_share_plan": "Share of plan",
}


def _list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def _coverage(claim, f) -> str:
    v = claim.values
    parts = [f"**{v[k]}** {word} ({f.one(v[k + '_years'])})" for k, word in
             (("reported", "reported"), ("estimated", "an estimate (ước)" if v["estimated"] == 1 else "estimates (ước)"),
              ("derived", "derived"), ("missing", "missing")) if v[k]]
    return f"Of the **{v['n']}** years in the window, {_list(parts)}."


def _step(f, s: dict) -> str:
    verb = {"rose": "rose to ", "fell": "fell to ", "flat": "held at ", "": ""}[s["direction"]]
    origin = {"estimated": "estimate", "derived": "derived", "reported": "reported"}.get(s["origin"], s["origin"])
    note = f.one(s["growth"]) + (", implied" if s["implied"] else "") if s["growth"] is not None else origin
    return f"{verb}{f.one(s['level'])} in {f.one(s['year'])} ({note})"


def _steps(claim, f) -> str:
    steps = claim.values.get("steps", [])
    if not steps:
        return ""
    if len(steps) == 1:
        s = dict(steps[0], direction="")
        return f" The only full-year level in the window is {_step(f, s)}."
    return f" Year by year it {'was ' if not steps[0]['direction'] else ''}" + _list([_step(f, s) for s in steps]) + "."


def _falls(claim, f) -> str:
    v = claim.values
    others = [f"{f.one(p, 'the')} ({f.one(g)})" for g, p in v["others"]]
    head = f"**Declared trade fell hardest in {f.one(v['period'], 'the')}** ({f.one(v['growth'])} on a year earlier)"
    return head + (" and in " + _list(others) if others else "") + "." + _steps(claim, f)


def _rose(claim, f) -> str:
    v = claim.values
    return (f"**Declared trade rose in every period with a growth figure**: from {f.one(v['low'])} in "
            f"{f.one(v['low_period'], 'the')} to {f.one(v['high'])} in {f.one(v['high_period'], 'the')}." + _steps(claim, f))


def _levels(claim, f) -> str:
    return "**Declared trade, year by year**: no growth figure in the window." + _steps(claim, f)


def _plans(claim, f) -> str:
    items = []
    for i, p in enumerate(claim.values["plans"]):
        verb = "" if i == 0 else {"raised": "raised to ", "cut": "cut to ", "kept": "kept at "}[p["change"]]
        items.append(f"{verb}{f.one(p['plan'])} for {f.one(p['year'])}")
    return f"The plans the shares imply were {_list(items)}."


def _share(item, f) -> str:
    fig, span, derived = item
    return f"{f.one(fig)} for {f.one(span, 'the')}" + (" (derived)" if derived else "")


def _export_share(head: str, shape: str):
    def render(claim, f) -> str:
        v = claim.values
        first, lows, last = _share(v["first"], f), [_share(x, f) for x in v["lows"]], _share(v["last"], f)
        if shape == "dipped":
            body = f"exports' share of declared trade was {first}, fell to {_list(lows)}, and was {last}."
        elif shape == "fell":
            body = f"exports' share of declared trade was {first} and fell to {_list(lows)}, its lowest, at the end."
        elif shape == "rose":
            body = f"exports' share of declared trade was {first} and rose to {last}, never below where it started."
        else:
            body = (f"exports' share of declared trade never went below the {first} it started at; it reached "
                    f"{_share(v['high'], f)} and was {last}.")
        return f"**{head}**: {body}"
    return render


def _pairs(claim, f) -> str:
    return "; ".join(f"{f.one(p)}: turnover {f.one(t)}, {n.lower()} {f.one(r)}" for p, t, n, r in claim.values["pairs"])


def _revenue(head: str):
    return lambda claim, f: f"**{head}**: {_pairs(claim, f)}."


def _after(claim, f) -> str:
    v = claim.values
    items = [f"{n.lower()} {f.one(g)}" for n, g in v["growth"]]
    lead = {"exports_led": " Exports grew faster than imports.", "imports_led": " Imports grew faster than exports.",
            "turnover_only": ""}[claim.case]
    return f"For {f.one(v['period'], 'the')}, after the reopening, on a year earlier: {_list(items)}.{lead}"


def _fit(claim, f) -> str:
    v = claim.values
    rest = (f" {v['unjudged']} more {'has' if v['unjudged'] == 1 else 'have'} no band to be judged against."
            if v["unjudged"] else "")
    if claim.case == "all_fit" and v["n"] == 1:
        return f"The one trade figure with a band in the window fits the band of its series.{rest}"
    if claim.case == "all_fit":
        return f"All **{v['n']}** trade figures with a band in the window fit the band of their own series.{rest}"
    series = _list([f"{name} ({k} of {n})" for name, k, n in v["misfit"]])
    return (f"**{v['fit']}** of the **{v['n']}** trade figures with a band in the window fit the band of their own "
            f"series; those that do not: {series}. Read them as possibly filed under the wrong series.{rest}")


def _again(claim, f) -> str:
    v = claim.values
    text = (f"After it the counts eased to {f.one(v['low'])} trucks on {f.one(v['low_day'])}, then rose again to "
            f"{f.one(v['again'])} on {f.one(v['again_day'])}")
    if claim.case == "again":
        return text + ", with no closure or halt recorded in the month before."
    when = {0: "the same day as", 1: "a day after"}.get(v["days"], f"{v['days']} days after")
    return text + f", {when} a closure or halt ({f.one(v['closure'])})."


CLAIMS = {
    ("trade.title", "title"): "## Trade through the border gates of {province}, {window}",
    ("trade.context", "text"): "{text}",
    ("trade.coverage", "complete"): _coverage,
    ("trade.coverage", "gaps"): _coverage,
    ("trade.coverage", "no_data"): "The data hold no full-year declared trade figure for {province} in {window}.",
    ("trade.direction", "fell"): _falls,
    ("trade.direction", "rose"): _rose,
    ("trade.direction", "levels_only"): _levels,
    ("trade.direction", "no_data"): ("No declared trade figure for {province} in {window}: the direction of trade "
                                     "cannot be traced here."),
    ("trade.plans", "changed"): _plans,
    ("trade.plans", "one"): "The only plan the shares imply is {plan} for {year}; one plan cannot show a change.",
    ("trade.plans", "no_data"): "The data hold no share of plan with a yearly level to imply a plan from.",
    ("trade.export_share", "dipped_closures"): _export_share("Exports bore the closures", "dipped"),
    ("trade.export_share", "dipped"): _export_share("Exports lost ground, then regained it", "dipped"),
    ("trade.export_share", "fell_closures"): _export_share("Exports bore the closures", "fell"),
    ("trade.export_share", "fell"): _export_share("Exports lost ground to imports", "fell"),
    ("trade.export_share", "rose"): _export_share("Exports gained ground on imports", "rose"),
    ("trade.export_share", "held"): _export_share("Exports held their ground", "held"),
    ("trade.export_share", "too_thin"): ("Exports were {share} of declared trade for {period:the}, the only period "
                                         "with both exports and imports: one period cannot show a shift."),
    ("trade.export_share", "no_data"): ("The data hold no period with both exports and imports for {province} in {window}: who "
                                        "bore any fall cannot be told."),
    ("trade.backlog", "peak_after_closure"): ("The longest queue the data count is {peak} trucks on {day}, "
                                              "{days} days after the closure or halt recorded last before it ({closure}, "
                                              "{closure_day}). The last count in the window is {last} trucks on {last_day}."),
    ("trade.backlog", "peak_on_closure"): ("The longest queue the data count is {peak} trucks on {day}, the day of a "
                                           "closure or halt ({closure}). The last count in the window is {last} trucks "
                                           "on {last_day}."),
    ("trade.backlog", "peak"): ("The longest queue the data count is {peak} trucks on {day}, with no closure or halt "
                                "recorded in the month before it. The last count in the window is {last} trucks on {last_day}."),
    ("trade.backlog", "one_count"): "The data hold one count of waiting trucks: {peak} on {day}; one count shows no queue building or clearing.",
    ("trade.backlog", "no_data"): "The data hold no count of trucks waiting at the border gates of {province} in {window}.",
    ("trade.backlog_again", "again"): _again,
    ("trade.backlog_again", "again_after_closure"): _again,
    ("trade.reopening", "reopened"): ("After the last closure or halt recorded in the window ({closure}, {closure_day}), "
                                      "the border reopened on **{day}**: {title}."),
    ("trade.reopening", "reopened_no_closure"): "The data record a reopening on **{day}**: {title}; they record no closure before it in the window.",
    ("trade.reopening", "resumed"): lambda c, f: (
        "The data record no reopening of the border after the last closure or halt in the window "
        f"({f.one(c.values['closure'])}, {f.one(c.values['closure_day'])}); clearance resumed at single crossings: "
        + "; ".join(f"{f.one(title)} ({f.one(day)})" for title, day in c.values["resumed"]) + "."),
    ("trade.reopening", "not_reopened"): ("The data record no reopening of the border after the last closure or halt in "
                                          "the window ({closure}, {closure_day})."),
    ("trade.reopening", "no_events"): "The data record no closure and no reopening of the border for {province} in {window}.",
    ("trade.after", "exports_led"): _after,
    ("trade.after", "imports_led"): _after,
    ("trade.after", "turnover_only"): _after,
    ("trade.after", "no_data"): "The data hold no growth figure for a period after the reopening.",
    ("trade.revenue", "together"): _revenue("Revenue moved with declared trade"),
    ("trade.revenue", "apart"): _revenue("Revenue did not follow declared trade"),
    ("trade.revenue", "mixed"): _revenue("Revenue followed declared trade in some periods only"),
    ("trade.revenue", "no_data"): ("No period has a growth figure for both declared trade and revenue for {province} "
                                   "in {window}: whether revenue followed trade cannot be told."),
    ("trade.budget", "below_peak"): ("State budget revenue was {last} in {last_year}, below the {peak} of {peak_year}."),
    ("trade.budget", "at_peak"): "State budget revenue was {last} in {last_year}, the highest full-year figure in the window.",
    ("trade.budget", "one_year"): "State budget revenue has one full-year figure in the window ({last} in {last_year}): no comparison.",
    ("trade.budget", "no_data"): "The data hold no full-year state budget revenue figure for {province} in {window}.",
    ("trade.magnitudes", "apart"): ("Where both are printed for the same period, the all-goods figure is {low} to {high} "
                                    "times the declared one ({n} periods)."),
    ("trade.magnitudes", "one_apart"): "For {period:the}, the only period with both, the all-goods figure is {ratio} times the declared one.",
    ("trade.magnitudes", "close"): ("Where both are printed for the same period, the all-goods figure is {low} to {high} times "
                                    "the declared one: close enough that a misfiled figure would not stand out by size."),
    ("trade.magnitudes", "no_data"): "No period has both the declared and the all-goods figure for {province} in {window}.",
    ("trade.magnitude_fit", "all_fit"): _fit,
    ("trade.magnitude_fit", "misfit"): _fit,
    ("trade.magnitude_fit", "unjudged"): ("The {n} trade figures in the window have no band to be judged against: "
                                          "the province has no recorded band and too few figures to derive one."),
    ("trade.magnitude_fit", "no_data"): "The data hold no trade figure in USD for {province} in {window}.",
}

wording.register("trade", "en", {**{("trade.words", k): v for k, v in WORDS.items()}, **CLAIMS})

from lso_analysis.present.wording import trade_vi  # noqa: E402,F401  (the Vietnamese table, registered on import)
