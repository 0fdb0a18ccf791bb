"""English wording of notebook 30's claims (digital government: services, border platform, accounts, ranks, targets)."""

from __future__ import annotations

from lso_analysis.present import wording


def _fig_period(f, pairs) -> str:
    """"more than 29,000 (2022)" for (figure, period) pairs, joined."""
    return f.one([f"{f.one(x)} ({f.one(p, 'short')})" for x, p in pairs]) if pairs else "none"


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def _lc(name: str) -> str:
    """A codebook name inside a sentence: "Share of trucks …" → "share of trucks …"; a proper name ("Digital
    Transformation Index rank", "DTI …") is kept as it is."""
    words = name.split()
    proper = len(words) > 1 and words[1][:1].isupper() or not any(c.islower() for c in words[0][1:])
    return name if proper else name[:1].lower() + name[1:]


_PILLARS = {"dti_rank_economy": "the digital economy", "dti_rank_government": "digital government",
            "dti_rank_society": "the digital society"}


def _target(f, target) -> str:
    bound, value = target
    return {"top": f"a place in the top {f.one(value)}", "at_least": f"at least {f.one(value)}"}.get(bound, f.one(value))


def _milestones(claim, f):
    v = claim.values
    events = _plural(v["n"], "one dated digital-government event", f"{v['n']} dated digital-government events")
    plans = {0: "none of them a plan", 1: "one of them a plan, resolution or decision"}.get(
        v["plans"], f"{v['plans']} of them plans, resolutions or decisions")
    if v["n"] == 1:
        return f"The data hold {events} in the window, on {f.one(v['first'])}."
    return f"The data hold {events} in the window, from {f.one(v['first'])} to {f.one(v['last'])}, {plans}."


def _since(f, span) -> str:
    """"from 8 June 2021" for a day, "in the first half of 2021" for a longer period."""
    one_day = span.end is None or str(span.start)[:10] == str(span.end)[:10]
    return f"from {f.one(span)}" if one_day else f"in {f.one(span, 'the')}"


def _eligible(claim, f):
    v = claim.values
    head = (f"{f.one(v['count'])} services eligible for full online provision were offered fully online "
            f"{_since(f, v['day'])}" if "count" in v else "The data hold no count of the eligible services")
    if claim.case == "count_only":
        return head + "; no share of the eligible services is printed, so the data cannot tell whether that was all of them."
    share = f"the share of eligible services offered so is printed as {f.one(v['share'])} ({f.one(v['share_period'])})"
    if claim.case == "all":
        return f"{head}; {share}: all of them."
    return f"{head}; {share}: not all of them."


def _full_share(claim, f):
    v = claim.values
    head = (f"The catalogue of {f.one(v['period'], 'the')} counts {f.one(v['whole'])} services, "
            f"{f.one(v['part'])} of them fully online: {f.one(v['computed'])} by the counts")
    if claim.case == "agrees":
        return f"{head}, which matches the {f.one(v['printed'])} printed beside them."
    if claim.case == "slip":
        return (f"The catalogue of {f.one(v['period'], 'the')} counts {f.one(v['whole'])} services, {f.one(v['part'])} "
                f"of them fully online: {f.one(v['computed'], 'range')} by the counts, against {f.one(v['printed'])} "
                "printed beside them, which the counts do not reproduce (a slip in the printed share).")
    return f"{head}; no share is printed beside them."


def _dossiers(claim, f):
    v = claim.values
    first, last = f"{f.one(v['first'])} ({f.one(v['first_period'], 'short')})", \
        f"{f.one(v['last'])} ({f.one(v['last_period'], 'short')})"
    scope = " Each figure covers only what its source counts (see the table)."
    if claim.case == "single":
        return f"One share of dossiers filed online is reported, {first}: the data cannot tell how it moved."
    if claim.case == "unchanged":
        return f"The share of dossiers filed online was {first} and {last}: the same within their rounding.{scope}"
    verb = "rose" if claim.case == "rose" else "fell"
    return f"The share of dossiers filed online {verb} from {first} to {last}.{scope}"


def _vehicles(claim, f):
    v = claim.values
    counts, full, part = (_fig_period(f, v[k]) for k in ("counts", "full", "part"))
    return {
        "all_full_years": f"Each count of vehicles declared on the platform is coded as a full calendar year: {counts}.",
        "no_full_year": f"No count of vehicles declared covers a full calendar year ({counts}), so they are not "
                        "yearly totals.",
        "some_full_years": f"Of the counts of vehicles declared, {full} cover a full calendar year and {part} do not, "
                           "so they cannot be compared as yearly totals.",
        "one_full_year": f"One count of vehicles declared is reported, coded as a full calendar year: {counts}.",
        "one_part_year": f"One count of vehicles declared is reported, for part of a year: {counts}.",
    }[claim.case]


def _not_printed(claim, f):
    v = claim.values
    if claim.case == "none":
        return "Every figure on the platform has its period printed by its source."
    items = f.one([f"{f.one(_lc(name))}, {f.one(x)} ({f.one(p, 'short')})" for name, x, p in v["figures"]])
    return (f"The source prints no period for {items}: the year shown is the transcriber's reading of the "
            "context, so its span (and whether it is a whole year) is unknown.")


def _plan(claim, f):
    v = claim.values
    head = f"{f.one(v['accounts'])} citizen-platform accounts are reported for {f.one(v['period'], 'the')}"
    if claim.case == "no_plan":
        return head + "; no share of a plan is printed beside them."
    plan = f", which puts the plan at about {f.one(v['plan'])}" if "plan" in v else ""
    verdict = {"above_plan": "the plan was passed", "below_plan": "the plan was not yet reached",
               "at_plan": "about the plan"}[claim.case]
    return f"{head}, {f.one(v['plan_pct'])} of the plan{plan}: {verdict}."


def _population(claim, f):
    v = claim.values
    if claim.case == "not_derived":
        return (f"{f.one(v['accounts'])} accounts ({f.one(v['period'], 'short')}): the population they imply is not "
                "computed, as derived values are switched off.")
    if claim.case == "no_share":
        return (f"{f.one(v['accounts'])} accounts ({f.one(v['period'], 'short')}): no share of the population is printed "
                "beside them, so the population they imply cannot be computed.")
    head = f"As {f.one(v['share'])} of the population, the accounts imply {f.one(v['implied'])} people"
    if claim.case == "no_population":
        return head + "; the data hold no population figure in the window to check it against."
    low = " (from a low-reliability copy)" if v.get("low_reliability") else ""
    printed = f"the population printed for {f.one(v['printed_period'], 'the')}, {f.one(v['printed'])}{low},"
    at = f" and would put the accounts at {f.one(v['at_population'])} of the population" if "at_population" in v else ""
    if claim.case == "agree":
        return f"{head}; {printed} agrees with it within the rounding of the share{at}."
    where = "above the largest" if claim.case == "printed_above" else "below the smallest"
    return f"{head}; {printed} lies {where} population the rounded share allows{at}."


def _rank_list(f, items) -> str:
    out = []
    for rank, year, derived, caveat in items:
        notes = (["derived"] if derived else []) + ([f"see {f.one(caveat)}"] if caveat else [])
        out.append(f"{f.one(rank)} ({year}{', ' + ', '.join(notes) if notes else ''})")
    return ", ".join(out) if out else "none"


def _trend(claim, f):
    v = claim.values
    head = f"{f.one(v['index'])}: {_rank_list(f, v['ranks'])}"
    if claim.case == "single":
        return f"{head}; one year only, so the data cannot tell its direction."
    span = f"from {v['first_year']} to {v['last_year']}"
    if claim.case == "unchanged":
        return f"{head}; {span} the province held the same place."
    way = "up" if claim.case == "improved" else "down"
    places = _plural(v["places"], "one place", f"{v['places']} places")
    return f"{head}; {span} the province moved {way} {places}."


def _jump(claim, f):
    v = claim.values
    if claim.case == "too_thin":
        return (f"The {f.one(v['index'])} has no two consecutive years in the window, so the data cannot tell in "
                "which year it moved most.")
    if claim.case == "no_gain":
        return f"The {f.one(v['index'])} gained no place from one year to the next in the window."
    head = (f"The largest one-year gain in the {f.one(v['index'])} came in {v['year']}: from {f.one(v['from'])} to "
            f"{f.one(v['to'])}, {_plural(v['places'], 'one place', str(v['places']) + ' places')}")
    if claim.case == "jump_no_events":
        return head + "; the data date no other digital-government event to that year."
    events = f.one([f"{f.one(kind)} ({f.one(day)})" for kind, day in v["events"]])
    return f"{head}. Digital-government events dated that year: {events}."


def _pillars(claim, f):
    v = claim.values
    years = f"Pillar ranks of the {f.one('DTI')} are published for {f.one(v['years'])}"
    if claim.case == "one":
        return f"{years}, one pillar only: {_PILLARS.get(v['best'], v['best'])} ({f.one(v['best_rank'])})."
    if claim.case == "even":
        return f"{years}; in {v['year']} the province held the same place on every pillar ({f.one(v['best_rank'])})."
    return (f"{years}; in {v['year']} the province placed best on {_PILLARS.get(v['best'], v['best'])} "
            f"({f.one(v['best_rank'])}) and worst on {_PILLARS.get(v['worst'], v['worst'])} ({f.one(v['worst_rank'])}).")


def _caveats(claim, f):
    v = claim.values
    if claim.case == "none":
        return "Every rank shown is printed by its source, with no recorded caveat."
    parts = [f"{f.one(name)} {year} carries the recorded caveat {f.one(cid)}" for name, year, cid in v["flagged"]]
    parts += [f"{f.one(name)} {year} is derived from the next year's rank and its printed change of places"
              for name, year in v["derived"]]
    return "Not every rank is printed as a number: " + "; ".join(parts) + "."


def _verdicts(claim, f):
    v = claim.values
    return (f"Of {v['n']} {_plural(v['n'], 'target', 'targets')} due in the window, {v['met']} met in their year, "
            f"{v['early']} reached early, {v['missed']} missed, {v['due']} not yet due and {v['none']} with no "
            "reported figure at all.")


def _unreported(claim, f):
    v = claim.values
    if claim.case == "none":
        return "Every target due in the window has a reported figure to compare with."
    items = f.one([f"{f.one(_lc(name))} ({year})" for name, year in v["items"]])
    return f"No figure at all is reported for the targets on {items}."


def _revisions(claim, f):
    v = claim.values
    if claim.case == "none":
        return "No quantity has a target for the same year set by two plans, so the data show no revision."
    parts = []
    for how, name, due, a, b, _, _ in v["changes"]:
        target = f"the {f.one(due)} target for {f.one(_lc(name))}"
        parts.append(f"{target} was kept at {_target(f, b)}" if how == "kept"
                     else f"{target} was {how} from {_target(f, a)} to {_target(f, b)}")
    return "Between plans (ordered by the date of the source that prints them), " + "; ".join(parts) + "."


def _finding_services(claim, f):
    v = claim.values
    eligible = (f"{f.one(v['count'])} services eligible for full online provision were offered so "
                f"{_since(f, v['day'])}" if "count" in v else "every eligible service was offered fully online")
    catalogue = (f"in the catalogue of {f.one(v['period'], 'the')} only {f.one(v['part'])} of {f.one(v['whole'])} "
                 f"services were fully online, {f.one(v['computed'])}" if "part" in v else "")
    return {
        "complete_on_eligible_partial_on_catalogue":
            f"**Online services: complete on one base, partial on another.** {eligible[0].upper() + eligible[1:]}, "
            f"but {catalogue}.",
        "complete_on_eligible": f"**Online services: complete on the eligible base.** {eligible[0].upper() + eligible[1:]}.",
        "partial_on_catalogue": f"**Online services: partial on the whole catalogue.** {catalogue[0].upper() + catalogue[1:]}.",
        "eligible_counted": f"**Online services.** {eligible[0].upper() + eligible[1:]}; the data cannot tell whether "
                            "that was all of them, nor what share of the whole catalogue was fully online.",
    }[claim.case]


def _finding_ranks(claim, f):
    v = claim.values
    head = {"improved": "Ranks improved.", "worsened": "Ranks worsened.", "unchanged": "Ranks held.",
            "mixed": "The two ranks moved apart.", "single_years": "Ranks known for single years only."}[claim.case]
    return f"**{head}** DTI rank {_rank_list(f, v['dti'])}; PCI rank {_rank_list(f, v['pci'])}."


def _finding_uptake(claim, f):
    v = claim.values
    base = (f"{f.one(v['accounts'])} citizen-platform accounts ({f.one(v['period'], 'short')}) are printed as "
            f"{f.one(v['share'])} of the population, which implies {f.one(v['implied'])} people"
            if "implied" in v and "share" in v else
            f"{f.one(v['accounts'])} citizen-platform accounts ({f.one(v['period'], 'short')})")
    at = (f"; the population printed for {f.one(v['printed_period'], 'the')} would put them at "
          f"{f.one(v['at_population'])}" if "at_population" in v else "")
    head = {"share_overstated": "The printed share of accounts outruns its denominator.",
            "share_understated": "The printed share of accounts is smaller than the printed population gives.",
            "consistent": "Accounts and population agree.",
            "unchecked": "Accounts cannot be checked against the population."}[claim.case]
    return f"**{head}** {base}{at}."


def _finding_border(claim, f):
    v = claim.values
    if claim.case == "time_measured":
        return (f"**The border platform: declared and measured.** {f.one(v['share'])} of trucks were declared on it "
                f"({f.one(v['period'], 'short')}); time saved: {f.one(v['saved'])}.")
    return (f"**The border platform: declared, not measured.** {f.one(v['share'])} of trucks were declared on it "
            f"({f.one(v['period'], 'short')}), but no figure in the window measures the time it saved at the border.")


_NO = "> **No data.** The dataset holds no {what} for {{province}} in {{period}}."
_MISSING = {
    "milestones": "dated digital-government event", "eligible_services": "figure on the eligible online services",
    "full_share": "catalogue of online services counted by level", "dossier_share": "share of dossiers filed online",
    "border_stages": "dated stage of a digital border-gate platform",
    "border_share": "share of trucks declared on a digital border-gate platform",
    "vehicles": "count of vehicles declared on a digital border-gate platform",
    "border_figures": "figure on a digital border-gate platform", "accounts": "count of citizen-platform accounts",
    "ranks": "DTI or PCI rank", "dti_rank": "DTI rank", "pci_rank": "PCI rank", "pillars": "DTI pillar rank", "targets": "digital-government target",
    "services": "figure on online public services", "findings": "figure on digital government to draw a finding from", "judgements": "recorded judgement on a digital border-gate figure",
}
_CAPTIONS = {
    "milestones": "Digital-government milestones, {province}, {period}",
    "milestones_other_years": "Milestones in {period} whose description names another year (an index year, a plan's "
                              "horizon), {province}",
    "services": "Online public services and dossiers filed online, {province}, {period}: what each figure counts",
    "stages": "Stages of the digital border-gate platform, {province}, {period}",
    "border_figures": "Figures on the digital border-gate platform, {province}, {period}",
    "judgements": "Recorded judgements on the platform's figures, {province}, {period}",
    "judgements_more": "Recorded judgements on the platform's figures, {province}, {period} (not shown, as they also "
                       "weigh figures outside the window: {ids})",
    "accounts": "Citizen-platform accounts, the plan and population they imply, and the population printed, "
                "{province}, {period}",
    "ranks_chart": "DTI and PCI rank, {province} (1 = first of the provinces ranked)",
    "ranks": "DTI and PCI ranks, {province}, {period} (1 = first place)",
    "targets": "Digital-government targets due in {period} in the plans of {province}, against what was reported",
    "later_targets": "Targets set in the plans of {province} for years after {period}: yardsticks, not assessed",
}

#: Table headings, cell words, chart labels (``digital.label``); an empty heading drops its column.
_LABELS = {
    **{f"col.{c}": c for c in (
        "period", "what is counted", "figure", "as printed", "transcriber's note", "recorded conflict", "source_id",
        "source_ids", "date", "kind", "event", "crossing", "id", "judgement", "value", "how obtained", "reliability",
        "indicator", "target", "by", "set in", "reported", "reported for", "verdict", "caveat", "year", "rank")},
    "col.figures compared": "",
    **{f"cell.{c}": c for c in (
        "none", "met", "reached early", "missed", "not yet due", "no figure reported", "reported", "estimated",
        "derived", "printed", "official", "press", "mirror", "low", "accounts", "share of plan", "share of population",
        "plan implied", "population implied", "population printed")},
    "bound_top": "at most {value}", "bound_at_least": "at least {value}", "bound_exact": "{value}",
    "quote": "{raw}", "quote_foreign": "{raw}", "event_title": "{title}",
    **{f"lane.{c}": c for c in ("indices", "policy", "border", "digital")},
    **{f"legend.{c}": c for c in ("dti_rank", "pci_rank")},
    "ranks_ylabel": "rank", "ranks_flagged": "\nflagged in the table: {items}", "flagged_item": "{index} {year}",
}

wording.register("digital", "en", {
    **{("digital.label", k): t for k, t in _LABELS.items()},
    ("digital.title", "window"): "Digital government in {province}, {period}",
    **{("digital.caption", k): t for k, t in _CAPTIONS.items()},
    **{("digital.missing", k): _NO.format(what=w) for k, w in _MISSING.items()},
    ("digital.context", "row"): "{text}",
    ("digital.judgements", "outside_only"): "The recorded judgements on the platform's figures in the window also weigh "
                                            "figures outside it, and are not shown: {ids}.",
    ("digital.milestones", "dated"): _milestones,
    **{("digital.eligible_services", c): _eligible for c in ("all", "part", "count_only")},
    **{("digital.full_share", c): _full_share for c in ("agrees", "slip", "counts_only")},
    **{("digital.dossier_share", c): _dossiers for c in ("rose", "fell", "unchanged", "single")},
    ("digital.border_stages", "pilot_then_compulsory"): "A pilot of the digital border-gate platform was decided on "
                                                        "{pilot}; declaring on it became compulsory on {compulsory}.",
    ("digital.border_stages", "pilot_only"): "A pilot of the digital border-gate platform was decided on {pilot}; the "
                                             "data hold no date on which declaring on it became compulsory.",
    ("digital.border_stages", "compulsory_only"): "Declaring on the digital border-gate platform became compulsory on "
                                                  "{compulsory}; the data hold no date of a pilot decision.",
    ("digital.border_share", "reported"): "The latest report puts the share of trucks declared on the platform at "
                                          "{share} ({period:short}).",
    **{("digital.vehicle_periods", c): _vehicles for c in ("all_full_years", "no_full_year", "some_full_years",
                                                           "one_full_year", "one_part_year")},
    **{("digital.periods_not_printed", c): _not_printed for c in ("some", "none")},
    ("digital.platform_name", "named"): "{text}",
    ("digital.platform_name", "untranslated"): "The data name a citizen platform of {province}, but give its name in "
                                               "another language only.",
    ("digital.platform_name", "unnamed"): "The data hold no name for a citizen platform of {province}; its accounts, "
                                          "if any, are counted under the codebook's citizen-account indicator.",
    **{("digital.accounts_plan", c): _plan for c in ("above_plan", "below_plan", "at_plan", "no_plan")},
    **{("digital.accounts_population", c): _population for c in ("agree", "printed_above", "printed_below",
                                                                 "no_population", "not_derived", "no_share")},
    **{("digital.rank_trend", c): _trend for c in ("improved", "worsened", "unchanged", "single")},
    **{("digital.rank_jump", c): _jump for c in ("jump", "jump_no_events", "no_gain", "too_thin")},
    **{("digital.dti_pillars", c): _pillars for c in ("spread", "even", "one")},
    **{("digital.rank_caveats", c): _caveats for c in ("flagged", "none")},
    ("digital.target_verdicts", "counted"): _verdicts,
    **{("digital.targets_unreported", c): _unreported for c in ("some", "none")},
    **{("digital.target_revisions", c): _revisions for c in ("revised", "kept", "none")},
    **{("digital.finding_services", c): _finding_services for c in (
        "complete_on_eligible_partial_on_catalogue", "complete_on_eligible", "partial_on_catalogue",
        "eligible_counted")},
    **{("digital.finding_ranks", c): _finding_ranks for c in ("improved", "worsened", "unchanged", "mixed",
                                                              "single_years")},
    **{("digital.finding_uptake", c): _finding_uptake for c in ("share_overstated", "share_understated", "consistent",
                                                                "unchecked")},
    **{("digital.finding_border", c): _finding_border for c in ("time_measured", "no_time_measured")},
})


from lso_analysis.present.wording import digital_vi  # noqa: E402,F401  (the Vietnamese table registers itself)
