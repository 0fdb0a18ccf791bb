"""The English words of the COVID-19 study (notebook 10): claims, names, captions and headings."""

from __future__ import annotations

from lso_analysis.present import wording

_EN: dict = {}

# Names: sectors, channels, benchmark kinds (the study looks them up by code).
_EN |= {("covid.word", k): v for k, v in {
    "grdp": "GRDP (all sectors)", "grdp_agriculture": "agriculture, forestry and fishery",
    "grdp_industry_construction": "industry and construction", "grdp_services": "services",
    "grdp_product_taxes": "product taxes less subsidies", "iip": "the industrial production index",
    "retail_sales": "retail sales", "trade_turnover": "declared trade turnover",
    "pre-2020 average": "pre-pandemic average", "average including 2020": "average reaching into the pandemic",
    "target": "growth target", "average from 2020 on": "average over pandemic years",
    "reliability_official": "official", "reliability_press": "press", "reliability_mirror": "mirror",
    "reliability_low": "low-reliability",
}.items()}

# Event lanes of the timeline chart (the events' category codes).
_EN |= {("covid.lane", k): v for k, v in {
    "covid": "covid", "border": "border", "digital": "digital", "policy": "policy",
}.items()}

# The same names as table entries.
_EN |= {("covid.name", k): v for k, v in {
    "grdp": "GRDP (all sectors)", "grdp_agriculture": "Agriculture, forestry and fishery",
    "grdp_industry_construction": "Industry and construction", "grdp_services": "Services",
    "grdp_product_taxes": "Product taxes less subsidies", "iip": "Industrial production index",
    "retail_sales": "Retail sales", "trade_turnover": "Declared trade turnover",
}.items()}

# Captions, chart titles and table headings ({province}, {window} filled in by the study).
_EN |= {("covid.label", k): v for k, v in {
    "growth_caption": "GRDP growth on the same period a year earlier, {province}, {window}",
    "growth_what": "GRDP growth figure",
    "timeline_title": "GRDP growth on a year earlier, {province} (grey bars: the period a figure covers)",
    "bench_line": "average {period}: {rate}",
    "path_title": "GRDP of {province} as an index: actual and at the benchmark rate",
    "path_actual": "actual, chained from growth rates", "path_bench": "at {rate} a year ({period} average)",
    "path_unit": "index, {base} = 100",
    "path_caption": "GRDP index of {province} against the path at the benchmark rate",
    "path_caption_ref": "GRDP index of {province} against the path at the benchmark rate (index base year before the window)",
    "path_what": "counterfactual path",
    "sens_caption": "The gap under each benchmark the data hold for {province}",
    "sens_what": "benchmark growth rate",
    "sector_caption": "Growth by sector on the same period a year earlier, {province} (est. = estimate)",
    "sector_what": "sector growth figure", "est": " (est.)",
    "channel_caption": "Growth of industry, retail and declared trade on the same period a year earlier, {province}",
    "channel_what": "growth figure for industry, retail or trade",
    "avg_caption": "The multi-year averages the data hold for these channels, {province}",
    "avg_what": "multi-year average for industry, retail or trade",
    "tb_caption": "Trend-break model for {province}: the fitted terms",
    "tb_caption_exact": "Trend-break model for {province} fitted exactly: arithmetic, not an estimate",
    "tb_what": "trend-break fit",
    "col_period": "Period", "col_growth": "GRDP growth", "col_figure": "Figure", "col_source": "Source",
    "col_year": "Year", "col_actual": "Actual index", "col_bench": "At the benchmark", "col_gap": "Gap",
    "col_cum": "Shortfall summed (index points)", "col_benchmark": "Benchmark", "col_rate": "Rate a year",
    "col_last": "Last year", "col_last_gap": "Gap in the last year", "col_sector": "Sector",
    "col_indicator": "Indicator", "col_channel_growth": "Growth", "col_over": "Average over",
    "col_avg": "Growth a year", "col_kind": "Kind", "col_term": "Term", "col_effect": "Effect",
    "col_ci": "95% interval", "term_trend": "trend growth per year", "term_year": "{year} against the trend",
    "ci_none": "none: no residual degrees of freedom", "origin_missing": "missing",
}.items()}


def _growth(f, fig) -> str:
    """"grew +0.47%" or "shrank 1.85%": the verb follows the sign."""
    return f"grew {f.one(fig)}" if fig.value >= 0 else f"shrank {f.one(fig, 'abs')}"


def _bench(c, f) -> str:
    v = c.values
    return (f" against an average of {f.one(v['bench'])} a year over {f.one(v['bench_period'])}"
            if "bench" in v else "")


def _other(c, f, suffix: str) -> str:
    v = c.values
    est = " (an estimate)" if v.get("other_estimate") else ""
    period = f.one(v["other_period"], "the")
    return f" {period[0].upper()}{period[1:]}{suffix}: {f.one(v['other'])}{est}."


def _range(c, f) -> str:
    v = c.values
    if v["n"] == 1:
        return f"{f.one(v['low'])} ({f.one(v['years'])})"
    return f"{f.one(v['low'])} to {f.one(v['high'])} ({f.one(v['years'])})"


def _n(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _overview(tail: str):
    def render(c, f) -> str:
        v = c.values
        text = (f"For **{f.one(v['province'])}** the data hold **{_n(v['n'], 'GRDP growth figure', 'GRDP growth figures')}** "
                f"in {f.one(v['window'])} ({_n(v['n_years'], 'full year', 'full years')}, "
                f"{_n(v['n_halves'], 'first half', 'first halves')}), **{v['n_est']}** of them "
                f"{'an estimate' if v['n_est'] == 1 else 'estimates'}.")
        return text + " " + f.format(tail, **v)
    return render


def _trough(head: str, tail=None):
    def render(c, f) -> str:
        v = c.values
        text = f"**{head.format(period=f.one(v['period'], 'the'))}**: GRDP {_growth(f, v['growth'])}{_bench(c, f)}."
        return text + (tail(c, f) if tail else "")
    return render


def _pairs(f, items) -> str:
    return f.one([f"{name} {f.one(fig)}" for name, fig in items])


def _steps(f, steps) -> str:
    return f.one([f"{f.one(fig)} in {f.one(span, 'the')}" for fig, span in steps])


def _gap(head: str, where: str):
    def render(c, f) -> str:
        v = c.values
        text = (f"**{head}**: by {f.one(v['year'])} GRDP stood {f.one(v['gap'], 'abs')} {where} the path at "
                f"{f.one(v['rate'])} a year (the {f.one(v['bench_period'])} average); the yearly gaps add up to "
                f"{f.one(v['cum'], 'abs')} of one year's GRDP in {f.one(v['base'])}.")
        if v["n_bench"] > 1:
            text += (f" Across the {v['n_bench']} benchmarks the data hold, the gap runs from "
                     f"{f.one(v['spread_low'])} to {f.one(v['spread_high'])}.")
        else:
            text += " The data hold no other benchmark to try."
        return text
    return render


def _measures(c, f) -> str:
    items = c.values.get("measures") or []
    if not items:
        return f"The data date no closure, distancing or wave within {f.one(c.values['period'], 'the')}"
    return (f"Within {f.one(c.values['period'], 'the')} the data date "
            + f.one([f"{f.one(name)} ({f.one(where) + ', ' if where else ''}{f.one(day)})" for name, where, day in items]))


_EN |= {
    ("covid.title", "window"): "## {province}, {window}",
    ("covid.context", "text"): "{text}",
    ("covid.overview", "with_benchmark"): _overview("The benchmark is **{bench} a year**, the {bench_kind} over {bench_period}."),
    ("covid.overview", "no_benchmark"): _overview("They hold no growth average to measure them against."),
    ("covid.overview", "no_data"): "For **{province}** the data hold no GRDP growth figure in {window}.",
    ("covid.trough", "first_half"): _trough("The trough came in {period}", lambda c, f: _other(c, f, " as a whole")),
    ("covid.trough", "first_half_alone"): _trough(
        "The trough came in {period}", lambda c, f: " The data hold no full-year figure for that year."),
    ("covid.trough", "full_year"): _trough(
        "The trough came in {period} as a whole", lambda c, f: _other(c, f, ", measured alone")),
    ("covid.trough", "full_year_alone"): _trough(
        "The trough came in {period} as a whole", lambda c, f: " The data hold no first-half figure for that year."),
    ("covid.trough", "other_period"): _trough("The trough came in {period}"),
    ("covid.trough", "lowest_at_edge"): _trough(
        "Growth was lowest in {period}",
        lambda c, f: " It sits at the edge of what the window shows, so the data cannot tell whether it was a "
                     "trough."),
    ("covid.trough", "too_thin"): _trough(
        "Only one GRDP growth figure in the window, for {period}", lambda c, f: " One figure cannot show when the shock was deepest."),
    ("covid.trough", "no_data"): ("No GRDP growth figure for {province} in the window: how hard COVID-19 hit "
                                  "cannot be measured here."),
    ("covid.second_half", "faster"): (
        "The full-year figure for {year} ({full}{est}) is above the first half's ({half}): the second half must "
        "have grown faster than the first."),
    ("covid.second_half", "slower"): (
        "The full-year figure for {year} ({full}{est}) is below the first half's ({half}): the second half must "
        "have been weaker than the first."),
    ("covid.second_half", "same"): (
        "The full-year figure for {year} ({full}{est}) and the first half's ({half}) cannot be told apart: the "
        "second half grew at about the same pace."),
    ("covid.second_half", "no_data"): "The data do not hold both a first-half and a full-year figure for the trough's year.",
    ("covid.first_case", "no_case_before"): lambda c, f: (
        f"{_measures(c, f)}. The data record no COVID-19 case in the province before {f.one(c.values['first'])} "
        "(an inference from the dated events: no source says so outright), so the first blow came through the "
        "border and distancing, not through local infection."),
    ("covid.first_case", "case_in_trough"): lambda c, f: (
        f"{_measures(c, f)}. The data date a COVID-19 case in the province on {f.one(c.values['first'])}, by the "
        "end of that period, so local infection may have played a part alongside the border and distancing."),
    ("covid.first_case", "no_case_event"): lambda c, f: (
        f"{_measures(c, f)}. The data date no COVID-19 case in the province in the window, so they cannot tell "
        "whether local infection played a part."),
    ("covid.first_case", "no_data"): "Without a GRDP growth figure the events cannot be set against the shock.",
    ("covid.recovery", "below"): lambda c, f: (
        f"After {f.one(c.values['after'])} yearly growth came back to {_range(c, f)}, never above the benchmark of "
        f"{f.one(c.values['bench'])} a year: a return towards the old rate is not a return to the old path."),
    ("covid.recovery", "above"): lambda c, f: (
        f"After {f.one(c.values['after'])} yearly growth ran at {_range(c, f)}, at or above the benchmark of "
        f"{f.one(c.values['bench'])} a year: whether that made up the lost ground is the question of the next section."),
    ("covid.recovery", "mixed"): lambda c, f: (
        f"After {f.one(c.values['after'])} yearly growth ran at {_range(c, f)}, on both sides of the benchmark of "
        f"{f.one(c.values['bench'])} a year."),
    ("covid.recovery", "no_benchmark"): lambda c, f: (
        f"After {f.one(c.values['after'])} yearly growth ran at {_range(c, f)}; the data hold no benchmark to "
        "compare it with."),
    ("covid.later_shocks", "some"): lambda c, f: (
        f"After {f.one(c.values['after'])} the data date {_n(c.values['waves'], 'wave', 'waves')} of infection and "
        f"{_n(c.values['shut'], 'closure or halt', 'closures or halts')} at the border crossings, from "
        f"{f.one(c.values['first'])} to {f.one(c.values['last'])}: the recovery ran through them."),
    ("covid.later_shocks", "none"): "After {after} the data date no wave of infection and no closure of the border in the window.",
    ("covid.later_shocks", "window_ends"): "The window ends with {after}: what followed lies outside it.",
    ("covid.later_shocks", "no_data"): "No GRDP growth figure, so no recovery to set the later events against.",
    ("covid.recovery", "no_later_year"): "The data hold no full-year growth figure after {after}: the recovery cannot be seen.",
    ("covid.recovery", "no_data"): "No GRDP growth figure: the recovery cannot be seen.",
    ("covid.gap", "below"): _gap("The lost output was not made up", "below"),
    ("covid.gap", "above"): _gap("Output ended above the benchmark path", "above"),
    ("covid.gap", "on_path"): _gap("Output is back on the benchmark path", "away from"),
    ("covid.gap", "no_benchmark"): "No path for {province}: the data hold no growth average to build it from.",
    ("covid.gap", "no_full_year"): "No path for {province}: the data hold no full-year GRDP growth figure to chain.",
    ("covid.gap", "broken_chain"): ("No path for {province}: the yearly growth rates must cover consecutive years to "
                                    "be chained, and {missing} is missing."),
    ("covid.gap", "too_thin"): "No path for {province}: one full-year growth figure gives no path to compare.",
    ("covid.path_caveat", "complete"): (
        "The path grows the index of {base} at {rate:norange} a year and is set against the chained yearly figures ({n}). A benchmark is a yardstick, not a forecast; the ranges carry the "
        "rounding of the printed figures, not later revisions of estimates."),
    ("covid.path_caveat", "missing"): (
        "The path grows the index of {base} at {rate:norange} a year and is set against the chained yearly figures ({n}); "
        "{missing} has no value and is left out of the summed gap. A benchmark is a yardstick, not a forecast."),
    ("covid.path_caveat", "no_path"): "No path, so nothing to qualify.",
    ("covid.sectors", "ordered"): lambda c, f: (
        f"**In {f.one(c.values['year'])} {f.one(c.values['least_name'])} had the lowest growth of the sectors**, "
        f"{f.one(c.values['least'])}, and {f.one(c.values['most_name'])} the highest, {f.one(c.values['most'])}"
        + (" (estimates)." if c.values["estimate"] else ".")),
    ("covid.sectors", "tied"): (
        "In {year} the sectors cannot be told apart: from {least} ({least_name}) to {most} ({most_name}), within "
        "the rounding."),
    ("covid.sectors", "one_sector"): "For {year} the data hold one sector's growth only ({least_name}, {least}): no ranking.",
    ("covid.sectors", "no_breakdown"): "The data hold no sector breakdown for {year}, the year of the trough.",
    ("covid.sectors", "no_data"): "No GRDP growth figure, so no year to break down by sector.",
    ("covid.sectors_later", "all_faster"): "In {later:the} every sector grew faster than in {year}.",
    ("covid.sectors_later", "all_slower"): "In {later:the} every sector grew more slowly than in {year}.",
    ("covid.sectors_later", "mixed"): lambda c, f: (
        f"In {f.one(c.values['later'], 'the')}, against {f.one(c.values['year'])}: "
        + "; ".join(part for part in (
            f"faster for {f.one(c.values['faster'])}" if c.values["faster"] else "",
            f"slower for {f.one(c.values['slower'])}" if c.values["slower"] else "") if part)
        + ("no sector moved beyond the rounding." if not (c.values["faster"] or c.values["slower"]) else
           "." if len(c.values["faster"]) + len(c.values["slower"]) == c.values["n_common"] else
           "; the rest within the rounding.")),
    ("covid.sectors_later", "no_data"): "The data hold no later sector breakdown to compare with the trough year's.",
    ("covid.sector_coverage", "complete"): lambda c, f: (
        "Every year of the window has a sector breakdown"
        + (f"; those for {f.one(c.values['estimated'])} are estimates." if c.values["estimated"] else ".")),
    ("covid.sector_coverage", "gaps"): lambda c, f: (
        f"No full-year sector breakdown for {f.one(c.values['missing'])}, so the sector story of "
        f"{'that year' if c.values['n_missing'] == 1 else 'those years'} cannot be told from these data"
        + (f"; the breakdowns for {f.one(c.values['estimated'])} are estimates." if c.values["estimated"] else ".")),
    ("covid.sector_coverage", "none"): "The data hold no full-year sector breakdown in the window.",
}

_EN |= {
    ("covid.channel_trough", "fell"): "In {period:the} {name} fell: {growth}.",
    ("covid.channel_trough", "slowed"): (
        "In {period:the} {name} slowed but did not fall: {growth}, against its average of {avg} a year over "
        "{avg_period}."),
    ("covid.channel_trough", "held"): (
        "In {period:the} {name} kept its pace: {growth}, against its average of {avg} a year over {avg_period}."),
    ("covid.channel_trough", "grew"): "In {period:the} {name} grew {growth}; the data hold no average to compare it with.",
    ("covid.channel_trough", "no_figure"): "The data hold no figure for {name} in {period:the}.",
    ("covid.channel_trough", "no_data"): "No trough period, so no figure for {name} to set against it.",
    ("covid.channel_yardstick", "includes_pandemic"): (
        "The average for {name} ({avg} a year over {avg_period}) includes pandemic years, which makes it, if "
        "anything, too low a yardstick."),
    ("covid.channel_yardstick", "pre_pandemic"): "The average for {name} ({avg} a year over {avg_period}) ends before the pandemic.",
    ("covid.channel_path", "path"): lambda c, f: (
        f"{f.one(c.values['name'])[0].upper()}{f.one(c.values['name'])[1:]}, year by year: {_steps(f, c.values['steps'])}"
        + ("; no full-year figure." if not c.values["full_years"] else ".")),
    ("covid.channel_path", "one"): lambda c, f: (
        f"{f.one(c.values['name'])[0].upper()}{f.one(c.values['name'])[1:]}: one figure only, "
        f"{_steps(f, c.values['steps'])}."),
    ("covid.channel_path", "none"): "The data hold no growth figure on a year earlier for {name} in the window.",
    ("covid.reopening", "reopened_with_figure"): (
        "The first reopening of the border the data date in the window is on {day}; {name} for {period:the}: {growth}."),
    ("covid.reopening", "reopened"): "The first reopening of the border the data date in the window is on {day}.",
    ("covid.reopening", "no_reopening"): "The data date no reopening of the border in the window.",
    ("covid.trough_channels", "some"): lambda c, f: (
        f"**Other channels in {f.one(c.values['period'], 'the')}**: {_pairs(f, c.values['items'])}."),
    ("covid.trough_channels", "none"): "The data hold no figure for industry, retail or trade in {period:the}.",
    ("covid.trough_channels", "no_data"): "No trough period, so no channel to read in it.",
    ("covid.trend_break", "exact"): (
        "The model has as many parameters as points ({n}): nothing is left to estimate its uncertainty from. "
        "The library refuses it by default; fitted exactly, it is arithmetic rather than statistics, its trend "
        "the line through {trend} and one term for each of {terms}."),
    ("covid.trend_break", "few"): (
        "The model leaves {df} residual degree(s) of freedom from {n} points: the library refuses it by default, "
        "and the fit shown has rough intervals at best."),
    ("covid.trend_break", "fitted"): "The model is fitted on {n} points with {df} residual degrees of freedom.",
    ("covid.trend_break", "cannot_fit"): (
        "The chained yearly figures are too few for the model, even fitted exactly: it has more parameters than "
        "points, so it is not shown."),
    ("covid.trend_reading", "smaller"): (
        "The trend rests on {trend}, the only years without a pandemic term, so it already contains whatever "
        "growth followed the shock. Its largest pandemic term ({term}) is smaller than the gap to the benchmark "
        "path ({gap}): it measures a dip around the new trend, not the fall from the old one."),
    ("covid.trend_reading", "not_smaller"): (
        "The trend rests on {trend}, the only years without a pandemic term. Its largest pandemic term ({term}) is "
        "not smaller than the gap to the benchmark path ({gap})."),
    ("covid.trend_reading", "no_gap"): "The trend rests on {trend}; there is no benchmark path to compare the terms with.",
    ("covid.trend_reading", "no_fit"): "With no fit there are no terms to read.",
    ("covid.missing_grdp", "year"): "No full-year GRDP growth figure for {years}.",
    ("covid.missing_grdp", "first_half"): "No first-half GRDP growth figure for {years}.",
    ("covid.no_quarterly", "none"): "No quarterly GRDP figure: when within a half-year the shock struck cannot be seen.",
    ("covid.estimates", "some"): lambda c, f: (
        f"{c.values['n']} of the {c.values['of']} GRDP growth figures {'is an estimate' if c.values['n'] == 1 else 'are estimates'} "
        f"({f.one(c.values['periods'])}) made before the accounts closed; no later revision is in the data, and the "
        "intervals shown carry rounding only, not revisions."),
    ("covid.unofficial", "not_official"): (
        "The {period} figure comes from a {reliability} source, not a statistical release: {publisher}, \"{title}\"."),
    ("covid.channel_gap", "partial_only"): "{name}: partial-year figures only, no full year.",
    ("covid.channel_gap", "no_figure"): "{name}: no growth figure on a year earlier, no full year.",
    ("covid.data_gaps", "none"): "No gap found in the window.",
}


def _est(c, f) -> str:
    return ", an estimate" if c.values.get("full_estimate") else ""


# The second-half templates name whether the full-year figure is an estimate.
for _case in ("faster", "slower", "same"):
    _text = _EN[("covid.second_half", _case)]
    _EN[("covid.second_half", _case)] = (lambda t: lambda c, f: f.format(t, est=_est(c, f), **c.values))(_text)

_EN.update({
    ("covid.shared", "no_path"): "Without a path to the benchmark, the share of the shortfall that the whole country shared "
                                 "cannot be measured.",
    ("covid.shared", "no_national"): "No national GDP growth figure for {years}: the path at Vietnam's growth rates "
                                     "cannot be chained, so the share of the shortfall the whole country shared is unknown.",
    ("covid.shared", "no_shortfall"): "In {year} output stood at or above its benchmark path ({actual} against {bench}): "
                                      "there is no shortfall to share with the country.",
    ("covid.shared", "nation_faster"): "Growing at Vietnam's rates would have kept output at or above the benchmark path "
                                       "in {year} ({at_national} against {bench}): the whole shortfall of {shortfall} index "
                                       "points is the province's own, not one the country shared.",
    ("covid.shared", "all_shared"): "Growing at Vietnam's rates (first estimates) would have left output lower still in "
                                    "{year} ({at_national} against an actual {actual}, base year = 100): the whole "
                                    "shortfall of {shortfall} index points against the benchmark path is one the country "
                                    "shared.",
    ("covid.shared", "part_shared"): "Of the {shortfall} index points by which output in {year} fell short of the benchmark "
                                     "path, {national_part} ({share}) would have been lost growing at Vietnam's rates too "
                                     "(first estimates); the other {own} are the province's own.",
})

wording.register("covid", "en", _EN)

from lso_analysis.present.wording import covid_vi  # noqa: E402,F401  (the Vietnamese table)
