"""English wording of the data audit's claims and captions (notebook 00)."""

from __future__ import annotations

from lso_analysis.present import wording


def _count(f, fig, singular: str, plural: str) -> str:
    """"1 source", "134 sources"."""
    return f"{f.one(fig)} {singular if fig.value == 1 else plural}"


def _are(fig) -> str:
    return "is" if fig.value == 1 else "are"


def _join(parts: list[str]) -> str:
    parts = [p for p in parts if p]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1] if parts else ""


_CLASSES = (("official", "official", "official"), ("press", "press", "press"), ("mirror", "mirror", "mirrors"),
            ("low", "low-reliability copy", "low-reliability copies"))


def _sources(c, f) -> str:
    v = c.values
    split = _join([_count(f, v[k], one, many) for k, one, many in _CLASSES if v[k].value])
    return (f"The dataset holds **{_count(f, v['n'], 'source', 'sources')}** about {f.one(v['province'])}, with "
            f"**{_count(f, v['figures'], 'figure', 'figures')}**: {split}.")


def _other_geographies(c, f) -> str:
    v = c.values
    return (f"It also holds {_count(f, v['n'], 'source', 'sources')} about "
            f"{_count(f, v['places'], 'other geography', 'other geographies')}, with "
            f"{_count(f, v['figures'], 'figure', 'figures')}; this audit leaves them aside.")


def _dates_mixed(c, f) -> str:
    v = c.values
    text = (f"**{f.one(v['stated'])}** of the {f.one(v['n'])} publication dates are printed on the page; "
            f"**{f.one(v['inferred'])}** are inferred from the content")
    if v["unknown"].value:
        text += f", and {f.one(v['unknown'])} {_are(v['unknown'])} not known"
    return text + "."


def _publication(c, f) -> str:
    v = c.values
    parts = [(k, when) for k, when in ((v["inside"], "during"), (v["before"], "before"), (v["after"], "after"))
             if k.value]
    first = (f"{f.one(parts[0][0])} of these sources {'was' if parts[0][0].value == 1 else 'were'} published "
             f"{parts[0][1]} {f.one(v['window'])}")
    text = _join([first] + [f"{f.one(k)} {when} it" for k, when in parts[1:]]) + "."
    if v["after"].value:
        text += (f" {_count(f, v['later_with_figures'], 'source', 'sources')} published later "
                 f"{'prints' if v['later_with_figures'].value == 1 else 'print'} figures for {f.one(v['window'])} "
                 "(a year-end total printed the following spring, a rank announced a year on).")
    return text


def _outlets(c, f) -> str:
    v = c.values
    named = _join([f"{f.one(p)} (`{f.one(o)}`, {_count(f, k, 'figure', 'figures')})"
                   for p, o, k in zip(v["publishers"], v["outlets"], v["counts"])])
    if c.case == "two_carry_most":
        return f"Two outlets carry most of the figures, {f.one(v['share'])} of them: {named}."
    return (f"The figures are spread over {f.one(v['n_outlets'])} outlets; the two largest, {named}, "
            f"carry {f.one(v['share'])} of them.")


def _low(c, f) -> str:
    v = c.values
    text = (f"Leaving out the **{_count(f, v['n'], 'low-reliability copy', 'low-reliability copies')}**, as every "
            f"series does by default, removes **{_count(f, v['figures'], 'figure', 'figures')}**"
            + (f" ({f.one(v['in_window'])} of them for {f.one(v['window'])})"
               if v["figures"].value > 1 and c.case != "low_outside_window" else ""))
    if c.case == "low_outside_window":
        return text + f", none of them for {f.one(v['window'])}."
    if c.case == "low_some_lost":
        these = "this indicator then has" if len(v["lost"]) == 1 else "these indicators then have"
        return text + f"; {these} no figure at all for {f.one(v['window'])}: " \
                      f"{', '.join('`' + f.one(x) + '`' for x in v['lost'])}."
    return text + "; every indicator they cover keeps a figure from another source."


def _statuses(c, f) -> str:
    v = c.values
    text = (f"**{f.one(v['n'])}** {'figure describes' if v['n'].value == 1 else 'figures describe'} {f.one(v['window'])}: "
            f"**{_count(f, v['actual'], 'result', 'results')}**, **{_count(f, v['estimate'], 'estimate', 'estimates')}** "
            f"and **{_count(f, v['target'], 'target', 'targets')}**")
    return text + (" (estimates are left out of the table below)." if c.case == "estimates_left_out" else ".")


def _coverage(c, f) -> str:
    v = c.values
    return (f"Of the **{f.one(v['cells'])}** key indicator-years of {f.one(v['window'])}, **{f.one(v['actual'])}** have "
            f"a reported full-year figure, **{f.one(v['estimate'])}** only an estimate and **{f.one(v['derived'])}** "
            f"only a derived value. **{f.one(v['none'])}** are empty, and **{f.one(v['partial'])}** of the empty ones "
            f"{'holds' if v['partial'].value == 1 else 'hold'} partial-year figures that bound the year without "
            "filling it.")


def _codes(f, codes) -> str:
    return ", ".join(f"`{f.one(x)}`" for x in codes)


def _extremes(c, f) -> str:
    v = c.values
    first = (f"Indicators with a full-year figure in every year: {_codes(f, v['complete'])}." if v["complete"]
             else "No key indicator has a full-year figure in every year.")
    second = (f"Indicators without one in any year: {_codes(f, v['empty'])}." if v["empty"]
              else "Every key indicator has one in at least one year.")
    return f"{first} {second}"


def _checks(c, f) -> str:
    v = c.values
    text = (f"**{_count(f, v['n'], 'comparison', 'comparisons')}**: **{f.one(v['ok'])}** "
            f"{'agrees' if v['ok'].value == 1 else 'agree'} within the intervals their printing allows")
    explained = (f"**{f.one(v['explained'])}** {'disagrees' if v['explained'].value == 1 else 'disagree'} but "
                 f"{'is' if v['explained'].value == 1 else 'are'} explained by a recorded judgement")
    if c.case == "explained":
        return f"{text} and {explained}; none is an unexplained conflict."
    return (f"{text}, {explained}, and **{f.one(v['conflict'])}** "
            f"{'is an unexplained conflict' if v['conflict'].value == 1 else 'are unexplained conflicts'}.")


def _judgements(c, f) -> str:
    v = c.values
    text = (f"The curators have recorded **{_count(f, v['n'], 'judgement', 'judgements')}** on differences between "
            f"figures of {f.one(v['window'])}")
    kept = _join([f"{f.one(v['preferred'])} {'prefers' if v['preferred'].value == 1 else 'prefer'} one figure"
                  if v["preferred"].value else "",
                  f"{f.one(v['both_kept'])} {'keeps' if v['both_kept'].value == 1 else 'keep'} both as printed"
                  if v["both_kept"].value else ""])
    seen = _join([f"{f.one(v['explaining'])} {'explains' if v['explaining'].value == 1 else 'explain'} a comparison "
                  "flagged above" if v["explaining"].value else "",
                  f"{f.one(v['agreeing'])} {'concerns' if v['agreeing'].value == 1 else 'concern'} comparisons that "
                  "agree" if v["agreeing"].value else "",
                  f"{f.one(v['unseen'])} {'records a difference' if v['unseen'].value == 1 else 'record differences'} "
                  "the checks cannot see (figures filed as different quantities, on different bases or dates)"
                  if v["unseen"].value else ""])
    return f"{text}: {kept}; {seen}."


def _corpus(c, f) -> str:
    v = c.values
    read = (f"the **{_count(f, v['n'], 'document', 'documents')}**" if v["read"].value == v["n"].value else
            f"**{f.one(v['read'])}** of the {_count(f, v['n'], 'document', 'documents')}")
    text = (f"The province detector read {read} about {f.one(v['province'])} held as full text and agrees with the "
            f"recorded province for **{f.one(v['agree'])}**")
    if c.case == "some_disagree":
        return text + "; it disagrees for " + ", ".join(
            "`" + f.one(f"{d['source_id']} (recorded: {d['recorded']}; detected: {d['detected']})") + "`"
            for d in v["disagree"]) + "."
    return text + "."


def _doc(f, d, province) -> str:
    text = f"`{f.one(d['source_id'])}` is recorded as about {f.one(d['recorded'])}"
    if d["detected"] == "not read":
        text += " (its text was not read)"
    elif d["terms"] and d["detected"] == d["recorded"]:
        text += f", as the place names its text prints confirm ({f.one(d['terms'])})"
    elif d["detected"] != d["recorded"]:
        text += f", but the detector reads it as about {f.one(d['detected'])}"
    return text + f"; its {_count(f, d['figures'], 'figure stays', 'figures stay')} out of the {f.one(province)} series"


def _kept_out(c, f) -> str:
    v = c.values
    if c.case == "few":
        return "; ".join(_doc(f, d, v["province"]) for d in v["docs"]) + "."
    return (f"{_count(f, v['n'], 'document', 'documents')} held as full text {_are(v['n'])} recorded as about "
            f"{_count(f, v['places'], 'other geography', 'other geographies')}; their "
            f"{_count(f, v['figures'], 'figure', 'figures')} stay out of the {f.one(v['province'])} series. The detector "
            f"read {f.one(v['read'])} of them and agrees with the record for {f.one(v['agree'])}.")


def _fixes(c, f) -> str:
    v = c.values
    text = ""
    if c.case == "some":
        text = (f"**{_count(f, v['n'], 'printed value', 'printed values')}** of {f.one(v['window'])} from sources about "
                f"{f.one(v['province'])} {'is' if v['n'].value == 1 else 'are'} read differently by a recorded fix.")
    elif c.case == "none_inside":
        text = f"No recorded fix concerns a figure of {f.one(v['province'])} for {f.one(v['window'])}."
    if v["outside"].value:
        text += (f" {_count(f, v['outside'], 'fix concerns', 'fixes concern')} figures for periods outside "
                 f"{f.one(v['window'])}.")
    return text.strip()


def _finding_trust(c, f) -> str:
    v = c.values
    split = _join([f"**{f.one(v[k])}** {many if v[k].value != 1 else one}" for k, one, many in _CLASSES[:3] if v[k].value])
    text = (f"**Trust.** {_count(f, v['n'], 'source', 'sources')} about {f.one(v['province'])}"
            + (f": {split}" if split else "") + f"; **{f.one(v['inferred'])}** of the publication dates "
            f"{'is' if v['inferred'].value == 1 else 'are'} inferred rather than printed.")
    if c.case == "with_low":
        text += (f" The **{_count(f, v['low'], 'low-reliability copy', 'low-reliability copies')}** "
                 f"{'holds' if v['low'].value == 1 else 'hold'} **{_count(f, v['low_figures'], 'figure', 'figures')}**, "
                 "left out of every series by default.")
    else:
        text += " None is a low-reliability copy."
    return text


def _finding_coverage(c, f) -> str:
    v = c.values
    if c.case == "no_figure":
        return (f"**Coverage.** None of the **{f.one(v['cells'])}** key indicator-years has a full-year figure; "
                f"**{f.one(v['partial'])}** hold partial-year figures only.")
    if c.case == "complete":
        return f"**Coverage.** Every one of the **{f.one(v['cells'])}** key indicator-years has a full-year figure."
    return (f"**Coverage.** **{f.one(v['actual'])}** of **{f.one(v['cells'])}** key indicator-years have a reported "
            f"full-year result; **{f.one(v['estimate'])}** have an estimate and **{f.one(v['derived'])}** a derived "
            f"value. **{f.one(v['none'])}** are empty, **{f.one(v['partial'])}** of them with partial-year figures only.")


def _finding_consistency(c, f) -> str:
    v = c.values
    if c.case == "no_pairs":
        text = "**Consistency.** No two figures speak of the same quantity, so nothing could be compared."
    else:
        text = (f"**Consistency.** {_count(f, v['n'], 'comparison', 'comparisons')} of figures about one quantity "
                f"{'finds' if v['n'].value == 1 else 'find'} **{_count(f, v['conflict'], 'unexplained conflict', 'unexplained conflicts')}** "
                f"and **{f.one(v['explained'])}** explained {'one' if v['explained'].value == 1 else 'ones'}.")
    text += (f" Recorded fixes read **{_count(f, v['fixes'], 'printed value', 'printed values')}** differently."
             if v["fixes"].value else " No recorded fix applies to these figures.")
    if v["kept_out"].value:
        text += (f" Documents about other geographies held as full text: **{f.one(v['kept_out'])}**, with "
                 f"**{f.one(v['kept_out_figures'])}** figures kept out of the {f.one(v['province'])} series.")
    return text


def _reference(text: str) -> str:
    """Text that names years outside the window, marked as context (exempt from the window check)."""
    return f'<span class="lso-ref">{text}</span>'


wording.register("audit", "en", {
    ("audit.heading", "default"): "**{province}, {window}**: estimates and derived values count.",
    ("audit.heading", "no_estimates"): "**{province}, {window}**: estimates are left out; derived values count.",
    ("audit.heading", "no_derived"): "**{province}, {window}**: estimates count; derived values are left out.",
    ("audit.heading", "neither"): "**{province}, {window}**: estimates and derived values are left out.",
    ("audit.sources", "none"): "The dataset holds no source about {province}: there is nothing to audit.",
    ("audit.sources", "some"): _sources,
    ("audit.other_geographies", "none"): "Every source in the dataset is about {province}.",
    ("audit.other_geographies", "some"): _other_geographies,
    ("audit.dates", "no_data"): "No publication date to assess.",
    ("audit.dates", "all_stated"): lambda c, f: ("The publication date is printed on the page." if c.values["n"].value == 1
                                                 else f"Every one of the {f.one(c.values['n'])} publication dates is "
                                                      "printed on the page."),
    ("audit.dates", "all_inferred"): lambda c, f: ("The publication date is not printed on the page: it is inferred "
                                                   "from the content." if c.values["n"].value == 1 else
                                                   f"None of the {f.one(c.values['n'])} publication dates is printed "
                                                   "on the page: all are inferred from the content."),
    ("audit.dates", "mixed"): _dates_mixed,
    ("audit.publication", "no_data"): "No source, so no publication dates.",
    ("audit.publication", "all_inside"): lambda c, f: (("The source was" if c.values["n"].value == 1 else
                                                        "Every source was") + f" published during {f.one(c.values['window'])}."),
    ("audit.publication", "some_outside"): _publication,
    ("audit.outlets", "no_figures"): "No source about {province} holds a figure.",
    ("audit.outlets", "one_outlet"): "Every figure comes from one outlet, {publisher} (`{outlet}`).",
    ("audit.outlets", "two_carry_most"): _outlets,
    ("audit.outlets", "spread"): _outlets,
    ("audit.window_figures", "no_figures"): "The sources about {province} hold no figure.",
    ("audit.window_figures", "none_inside"): "None of the {n} figures describes a period wholly inside {window}.",
    ("audit.window_figures", "all_inside"): "Every one of the {n} figures describes a period inside {window}.",
    ("audit.window_figures", "some_outside"): lambda c, f: (
        f"**{f.one(c.values['inside'])}** of the {f.one(c.values['n'])} figures "
        f"{'describes a period' if c.values['inside'].value == 1 else 'describe periods'} wholly inside "
        f"{f.one(c.values['window'])}; **{f.one(c.values['outside'])}** "
        f"{'describes a period' if c.values['outside'].value == 1 else 'describe periods'} outside it, or reaching "
        f"beyond it, and {'serves' if c.values['outside'].value == 1 else 'serve'} as context."),
    ("audit.low", "no_low"): "None of the sources about {province} is a low-reliability copy.",
    ("audit.low", "low_no_figures"): "The {n} low-reliability copies hold no figure.",
    ("audit.low", "low_nothing_lost"): _low,
    ("audit.low", "low_some_lost"): _low,
    ("audit.low", "low_outside_window"): _low,
    ("audit.statuses", "no_data"): "No figure describes {window}.",
    ("audit.statuses", "default"): _statuses,
    ("audit.statuses", "estimates_left_out"): _statuses,
    ("audit.measures", "no_data"): "No level or growth rate describes {window}.",
    ("audit.measures", "growth_more"): "Growth rates ({growth}) outnumber levels ({level}) among the results and "
                                       "estimates for {window}: provincial reports lead with them, and many years "
                                       "can only be reached through a rate.",
    ("audit.measures", "level_more"): "Levels ({level}) outnumber growth rates ({growth}) among the results and "
                                      "estimates for {window}.",
    ("audit.measures", "equal"): "Levels and growth rates are as many ({level} each) among the results and "
                                 "estimates for {window}.",
    ("audit.coverage", "no_figure"): "None of the **{cells}** key indicator-years of {window} has a full-year figure "
                                     "for {province}; **{partial}** of them hold partial-year figures only.",
    ("audit.coverage", "complete"): "Every one of the **{cells}** key indicator-years of {window} has a full-year "
                                    "figure: **{actual}** reported, **{estimate}** estimates and **{derived}** derived.",
    ("audit.coverage", "partial"): _coverage,
    ("audit.coverage_extremes", "both"): _extremes,
    ("audit.coverage_extremes", "complete_only"): _extremes,
    ("audit.coverage_extremes", "empty_only"): _extremes,
    ("audit.coverage_extremes", "neither"): _extremes,
    ("audit.context", "note"): "{text}",
    ("audit.judgement_context", "note"): lambda c, f: f"`{f.one(c.values['id'])}`: {_reference(f.one(c.values['text']))}",
    ("audit.fix_context", "note"): lambda c, f: (f"`{f.one(c.values['obs_id'])}`: " + _reference(
        f"printed “{f.one(c.values['printed'])}”, read as “{f.one(c.values['read'])}”: {f.one(c.values['reason'])}")),
    ("audit.checks", "no_pairs"): "No two figures of {window} speak of the same quantity: there is nothing to compare.",
    ("audit.checks", "all_agree"): lambda c, f: (f"{'The' if c.values['n'].value == 1 else 'All'} "
                                                 f"**{_count(f, c.values['n'], 'comparison agrees', 'comparisons agree')}** "
                                                 "within the intervals their printing allows."),
    ("audit.checks", "explained"): _checks,
    ("audit.checks", "conflicts"): _checks,
    ("audit.checked_share", "none_checked"): "None of the {n} figures for {window} has a second figure to compare "
                                             "with: none could be checked.",
    ("audit.checked_share", "all_checked"): "Every one of the {n} figures for {window} enters at least one comparison.",
    ("audit.checked_share", "some_checked"): lambda c, f: (
        f"**{f.one(c.values['checked'])}** of the {f.one(c.values['n'])} figures for {f.one(c.values['window'])} "
        f"{'enters' if c.values['checked'].value == 1 else 'enter'} at least one comparison; the other "
        f"**{f.one(c.values['unchecked'])}** {'has' if c.values['unchecked'].value == 1 else 'have'} no second figure "
        "and cannot be checked."),
    ("audit.judgements", "none"): "No judgement is recorded on a difference between figures of {province} for {window}.",
    ("audit.judgements", "some"): _judgements,
    ("audit.corpus", "absent"): lambda c, f: (
        "The corpus texts are not available here (`LSO_CORPUS_DIR` is not set or not a folder): the province of "
        f"{'the one document' if c.values['all'].value == 1 else 'each of the ' + f.one(c.values['all']) + ' documents'} "
        f"held as full text ({f.one(c.values['n'])} recorded as about {f.one(c.values['province'])}) is taken as "
        "recorded, unchecked."),
    ("audit.corpus", "no_documents"): "None of the {all} documents held as full text is about {province}, by record "
                                      "or by detection: the detector has nothing to check for it.",
    ("audit.corpus", "none_read"): "The {n} documents about {province} held as full text could not be read.",
    ("audit.corpus", "all_agree"): _corpus,
    ("audit.corpus", "some_disagree"): _corpus,
    ("audit.corpus", "no_corpus"): "No source in the dataset is held as full text: the province detector has nothing "
                                   "to check.",
    ("audit.kept_out", "none"): "Every document held as full text is recorded as about {province}.",
    ("audit.kept_out", "few"): _kept_out,
    ("audit.kept_out", "many"): _kept_out,
    ("audit.fixes", "none"): "No fix is recorded for the sources about {province}.",
    ("audit.fixes", "none_inside"): _fixes,
    ("audit.fixes", "some"): _fixes,
    ("audit.finding_trust", "no_data"): "**Trust.** The dataset holds no source about {province}.",
    ("audit.finding_trust", "with_low"): _finding_trust,
    ("audit.finding_trust", "no_low"): _finding_trust,
    ("audit.finding_coverage", "no_figure"): _finding_coverage,
    ("audit.finding_coverage", "complete"): _finding_coverage,
    ("audit.finding_coverage", "partial"): _finding_coverage,
    ("audit.finding_consistency", "no_pairs"): _finding_consistency,
    ("audit.finding_consistency", "all_agree"): _finding_consistency,
    ("audit.finding_consistency", "explained"): _finding_consistency,
    ("audit.finding_consistency", "conflicts"): _finding_consistency,
    # Captions (plain text: the tables escape them).
    ("audit.caption.reliability", "default"): "Sources about {province} by reliability: when they were published, how "
                                              "the date is known, and the figures they hold",
    ("audit.caption.outlets", "default"): "Sources about {province} by outlet (the first part of the source id); "
                                          "outlets with a single source are pooled in the last row",
    ("audit.caption.coverage_chart", "default"): "Full-year figures for {province}, {window}",
    ("audit.caption.gaps", "default"): "Key indicators of {province}: years of {window} without a full-year figure "
                                       "and what exists instead",
    ("audit.caption.checks", "default"): "Comparisons of figures about {province} for {window}, by kind of check "
                                         "and verdict",
    ("audit.caption.flagged", "default"): "Comparisons whose intervals do not overlap, and the recorded judgement "
                                          "that explains each",
    ("audit.caption.judgements", "default"): "Recorded judgements on differences between figures of {province} "
                                             "for {window}",
    ("audit.caption.attribution", "default"): "Documents about {province} held as full text: province as recorded, "
                                              "as detected from the text, and whether their figures enter its series",
    ("audit.caption.figures", "default"): "Figures about {province} for {window} by measure and status",
    ("audit.caption.fixes", "default"): "Printed values of {window} read differently, for sources about {province}",
    ("audit.english_notes", "judgements"): lambda c, f: (
        f"The curators' reasoning on {'this judgement' if c.values['n'].value == 1 else 'these ' + f.one(c.values['n']) + ' judgements'} "
        "is written in English."),
    ("audit.english_notes", "fixes"): lambda c, f: (
        f"The reasons for {'this fix' if c.values['n'].value == 1 else 'these ' + f.one(c.values['n']) + ' fixes'} "
        "are written in English."),
})

# Table headings, table words and chart words (plain text). The English ones are the names the study's tables
# use, so the English edition shows them unchanged; ``studies/audit_words.py`` maps each to its key.
_HEADINGS = ("reliability", "sources", "date stated", "date inferred", "figures", "outlet", "publisher", "indicator",
             "years without a full-year figure", "what exists instead", "source_ids", "source_id", "check", "ok",
             "explained", "conflict", "total", "status", "period", "figure a", "figure b", "recorded judgement", "id",
             "preferred", "judgement (gist)", "judgement", "recorded", "detected", "confidence", "evidence",
             "other places", "agrees", "in series", "measure", "actual", "estimate", "target", "obs_id", "printed",
             "read as", "column", "reason")
_WORDS = {
    **{f"col.{h}": h for h in _HEADINGS},
    "col.before": "published before {start}", "col.in": "in {window}", "col.after": "after {end}",
    "col.figures_window": "figures for {window}",
    **{f"reliability.{r}": r for r in ("official", "press", "mirror", "low", "total")},
    **{f"verdict.{v}": v for v in ("ok", "explained", "conflict")},
    **{f"check.{k}": k for k in ("same_quantity", "implied", "parts_total", "sub_period", "magnitude")},
    **{f"measure.{m}": m for m in ("level", "growth_pct", "plan_pct", "share_pct", "change_abs", "change_pp", "rank",
                                   "ratio", "total")},
    **{f"place.{k}": k for k in ("province", "district", "town", "commune", "border_gate", "economic_zone",
                                 "industrial_park", "landmark", "url host", "url slug", "publisher")},
    **{f"field.{k}": k for k in ("value_raw", "period_raw", "comparison_raw", "unit_raw", "indicator", "measure",
                                 "province", "status", "note")},
    "word.yes": "yes", "word.no": "no", "word.not_read": "not read", "word.undecided": "undecided",
    "word.none": "none", "word.nothing": "nothing", "word.every_year": "every year",
    "outlets.other": "{n} other outlets", "outlets.under": "(under {n} sources each)",
    # The coverage heat map.
    "chart.none": "none", "chart.derived": "derived", "chart.estimate": "estimate", "chart.actual": "actual",
    "chart.letter.actual": "A", "chart.letter.estimate": "E", "chart.letter.derived": "D", "chart.partial": "p",
    "chart.note": "p: partial-year figures exist.", "chart.empty": "no coverage data",
}
# The heat map's axis names each key indicator by its code.
from lso_analysis.studies.audit import KEY_INDICATORS  # noqa: E402

_WORDS |= {f"chart.indicator.{code}": code for code in KEY_INDICATORS}
wording.register("audit", "en", {("audit.label", k): v for k, v in _WORDS.items()})

from lso_analysis.present.wording import audit_vi  # noqa: E402,F401  (the Vietnamese edition's table)
