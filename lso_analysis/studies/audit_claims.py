"""The audit's claims: every statement about the sources and figures of one province, decided on the data in scope."""

from __future__ import annotations

import pandas as pd

from lso_analysis.cleaning.text import normalize_text
from lso_analysis.present.claims import Claim, Fig, Span
from lso_analysis.studies.audit import RELIABILITY_ORDER, Audit, recorded_conflicts, years_outside

#: Kept-out corpus documents are described one by one up to this many; beyond it they are counted.
MAX_DOCUMENTS_NAMED = 3
#: Other geographies are named up to this many; beyond it they are counted.
MAX_PLACES_NAMED = 3


def n(count) -> Fig:
    """A count as a figure (thousands grouped, never read as a year)."""
    return Fig(float(count), unit="count")


def window_span(a: Audit) -> Span:
    return Span(a.scope.window.start, a.scope.window.end)


def claim(a: Audit, cid: str, case: str, values: dict | None = None, sources=(), years=()) -> Claim:
    """A claim whose named years are checked against the window of ``a``."""
    out = Claim(cid, case, {"province": a.scope.province, "window": window_span(a), **(values or {})},
                tuple(sorted(set(sources))), tuple(years))
    a.scope.check_years(out.named_years(), f"claim {cid} ({case})")
    return out


def heading(a: Audit) -> Claim:
    """What the audit covers: the province, the window and whether estimates and derived values count."""
    s = a.scope
    case = {(True, True): "default", (False, True): "no_estimates", (True, False): "no_derived",
            (False, False): "neither"}[(bool(s.include_estimates), bool(s.include_derived))]
    return claim(a, "audit.heading", case)


def sources(a: Audit) -> Claim:
    """How many sources are about the province, with how many figures, by reliability class."""
    ov = a.overview
    if ov.empty:
        return claim(a, "audit.sources", "none")
    counts = {r: n((ov["reliability"] == r).sum()) for r in RELIABILITY_ORDER}
    return claim(a, "audit.sources", "some", {"n": n(len(ov)), "figures": n(ov["n_figures"].sum()), **counts})


def other_geographies(a: Audit) -> Claim:
    """Sources and figures about other geographies in the dataset: counted, never named from a fixed list.

    The sources are those chiefly about another geography; the figures are every figure about another geography,
    wherever printed (a page about the province may also print a neighbour's figure), and the places both.
    """
    me = normalize_text(a.scope.province)
    places = a.sources["province"].fillna("").map(normalize_text)
    others = a.sources[places != me]
    foreign = a.obs_all["province"].fillna("").map(normalize_text)
    foreign = foreign[foreign != me]
    if others.empty:
        return claim(a, "audit.other_geographies", "none")
    where = set(places[places != me]) | set(foreign)
    return claim(a, "audit.other_geographies", "some", {"n": n(len(others)), "places": n(len(where)),
                                                         "figures": n(len(foreign))})


def dates(a: Audit) -> Claim:
    """How many publication dates the pages print and how many are inferred from their content."""
    ov = a.overview
    if ov.empty:
        return claim(a, "audit.dates", "no_data")
    stated, inferred = int((ov["date_basis"] == "stated").sum()), int((ov["date_basis"] == "inferred").sum())
    unknown = len(ov) - stated - inferred
    case = "all_stated" if stated == len(ov) else "all_inferred" if inferred == len(ov) else "mixed"
    return claim(a, "audit.dates", case, {"n": n(len(ov)), "stated": n(stated), "inferred": n(inferred),
                                          "unknown": n(unknown)})


def publication(a: Audit) -> Claim:
    """When the sources were published against the window: a later page may print a figure for it."""
    ov, w = a.overview, a.scope.window
    if ov.empty:
        return claim(a, "audit.publication", "no_data")
    year = ov["year"].astype(float)
    before, after = int((year < w.start_year).sum()), int((year > w.end_year).sum())
    later_with_figures = int(((year > w.end_year) & (ov["n_window"] > 0)).sum())
    case = "all_inside" if before == after == 0 else "some_outside"
    return claim(a, "audit.publication", case, {"n": n(len(ov)), "before": n(before), "after": n(after),
                                                "inside": n(len(ov) - before - after),
                                                "later_with_figures": n(later_with_figures)})


def outlets(a: Audit) -> Claim:
    """Which outlets carry the figures: one, two carrying most of them, or a spread."""
    ov = a.overview
    figures = int(ov["n_figures"].sum())
    if figures == 0:
        return claim(a, "audit.outlets", "no_figures")
    by_outlet = (ov.groupby("outlet").agg(figures=("n_figures", "sum"), publisher=("publisher", lambda s: min(s, key=len)))
                 .reset_index().sort_values(["figures", "outlet"], ascending=[False, True]))
    by_outlet = by_outlet[by_outlet["figures"] > 0]
    top = by_outlet.head(2)
    outlets, publishers = list(top["outlet"]), list(top["publisher"])
    ids = ov.loc[ov["outlet"].isin(set(top["outlet"])), "source_id"]
    if len(by_outlet) == 1:
        return claim(a, "audit.outlets", "one_outlet", {"outlet": outlets[0], "publisher": publishers[0],
                                                        "figures": n(figures)}, ids)
    # Counts over many sources: the outlet table below cites them.
    share = 100.0 * top["figures"].sum() / figures
    case = "two_carry_most" if share > 50 else "spread"
    return claim(a, "audit.outlets", case, {"outlets": outlets, "publishers": publishers, "counts": [n(x) for x in top["figures"]],
                                            "share": Fig(share, unit="%", digits=0), "n_outlets": n(len(by_outlet)),
                                            "figures": n(figures)})


def window_figures(a: Audit) -> Claim:
    """How many of the province's figures lie wholly in the window; the others are context."""
    total, inside = len(a.obs), len(a.window_obs)
    if total == 0:
        return claim(a, "audit.window_figures", "no_figures")
    case = "none_inside" if inside == 0 else "all_inside" if inside == total else "some_outside"
    return claim(a, "audit.window_figures", case, {"n": n(total), "inside": n(inside), "outside": n(total - inside)})


def low(a: Audit) -> Claim:
    """What leaving out the low-reliability copies removes, and which indicators it empties in the window."""
    ov = a.overview
    low_ids = set(ov.loc[ov["reliability"] == "low", "source_id"])
    if not low_ids:
        return claim(a, "audit.low", "no_low")
    obs, win = a.obs, a.window_obs
    figures, is_low = int(obs["source_id"].isin(low_ids).sum()), win["source_id"].isin(low_ids)
    if figures == 0:
        return claim(a, "audit.low", "low_no_figures", {"n": n(len(low_ids))}, low_ids)
    lost = sorted(set(win.loc[is_low, "indicator"]) - set(win.loc[~is_low, "indicator"]))
    values = {"n": n(len(low_ids)), "figures": n(figures), "in_window": n(int(is_low.sum())), "lost": lost}
    case = "low_outside_window" if not is_low.any() else "low_some_lost" if lost else "low_nothing_lost"
    return claim(a, "audit.low", case, values, low_ids)


def statuses(a: Audit) -> Claim:
    """The figures of the window by status: results, estimates and targets."""
    win = a.window_obs
    if win.empty:
        return claim(a, "audit.statuses", "no_data")
    counts = {k: n((win["status"] == k).sum()) for k in ("actual", "estimate", "target")}
    case = "default" if a.scope.include_estimates or counts["estimate"].value == 0 else "estimates_left_out"
    return claim(a, "audit.statuses", case, {"n": n(len(win)), **counts})


def measures(a: Audit) -> Claim:
    """Whether growth rates or levels are the commoner kind of figure in the window."""
    win = a.window_obs[a.window_obs["status"] != "target"]
    growth, level = int((win["measure"] == "growth_pct").sum()), int((win["measure"] == "level").sum())
    if growth + level == 0:
        return claim(a, "audit.measures", "no_data")
    case = "growth_more" if growth > level else "level_more" if level > growth else "equal"
    return claim(a, "audit.measures", case, {"growth": n(growth), "level": n(level), "n": n(len(win))})


def coverage(a: Audit) -> list[Claim]:
    """The key indicator-years with a full-year figure, by kind; the indicators covered in every year or in none."""
    cov = a.coverage
    status = {s: int((cov["status"] == s).sum()) for s in ("actual", "estimate", "derived", "none")}
    partial = int(((cov["status"] == "none") & cov["has_partial"]).sum())
    values = {"cells": n(len(cov)), "indicators": n(cov["indicator"].nunique()), "partial": n(partial),
              **{k: n(v) for k, v in status.items()}}
    ids = ()  # counts over every cell: the heat map and the table of gaps cite the sources
    if status["none"] == len(cov):
        return [claim(a, "audit.coverage", "no_figure", values)]
    if status["none"] == 0:
        return [claim(a, "audit.coverage", "complete", values, ids)]
    covered = cov.assign(ok=cov["status"] != "none").groupby("indicator")["ok"]
    complete, empty = sorted(covered.all()[lambda s: s].index), sorted((~covered.any())[lambda s: s].index)
    case = {(True, True): "both", (True, False): "complete_only", (False, True): "empty_only",
            (False, False): "neither"}[(bool(complete), bool(empty))]
    return [claim(a, "audit.coverage", "partial", values, ids),
            claim(a, "audit.coverage_extremes", case, {"complete": complete, "empty": empty})]


def context(a: Audit, topic: str) -> list[Claim]:
    """The project's context note on ``topic`` for this province (from ``data/raw/context.csv``), if any."""
    import lso_analysis as lso

    rows = lso.load_context(a.scope.province, language=a.scope.language)  # a row without that language's text: none
    texts = [(str(r.text).strip(), r.source_id) for r in rows[rows["topic"] == topic].itertuples()]
    return [claim(a, "audit.context", "note", {"text": text}, [source]) for text, source in texts
            if text and text != "nan" and not years_outside(text, a.scope.window)]


def checks(a: Audit) -> list[Claim]:
    """The verdicts of the comparisons, and how many figures of the window had a second figure to compare."""
    c = a.checks
    verdict = c["status"].value_counts() if len(c) else pd.Series(dtype=int)
    values = {"n": n(len(c)), **{k: n(verdict.get(k, 0)) for k in ("ok", "explained", "conflict")}}
    ids = ()  # counts over every comparison: the tables below cite their sources
    case = ("no_pairs" if c.empty else "conflicts" if verdict.get("conflict", 0) else
            "explained" if verdict.get("explained", 0) else "all_agree")
    out = [claim(a, "audit.checks", case, values, ids)]
    win = a.window_obs
    if win.empty:
        return out
    seen = {o for ids_ in c.get("obs_id_a", []) for o in str(ids_).split("+")} | \
           {o for ids_ in c.get("obs_id_b", pd.Series(dtype=str)).dropna() for o in str(ids_).split("+")}
    checked = int(win["obs_id"].isin(seen).sum())
    case = "none_checked" if checked == 0 else "all_checked" if checked == len(win) else "some_checked"
    return out + [claim(a, "audit.checked_share", case, {"n": n(len(win)), "checked": n(checked),
                                                         "unchecked": n(len(win) - checked)})]


def judgements(a: Audit) -> Claim:
    """The curators' recorded judgements on figures of the window: how many prefer a figure, how many explain a flag."""
    table = recorded_conflicts(a.conflicts, obs_ids=list(a.window_obs["obs_id"]), gist=False)
    if table.empty:
        return claim(a, "audit.judgements", "none")
    c = a.checks

    def named(rows) -> set[str]:
        return {str(e).split("]", 1)[0].lstrip("[") for e in rows.get("explanation", []) if str(e).startswith("[")}

    flagged, agreeing = named(c[c["status"] == "explained"]), named(c[c["status"] == "ok"])
    preferred = int((table["preferred"] != "none").sum())
    explaining = int(table["id"].isin(flagged).sum())
    agree = int((table["id"].isin(agreeing) & ~table["id"].isin(flagged)).sum())
    ids = ()  # the table of judgements below cites their sources
    return claim(a, "audit.judgements", "some", {
        "n": n(len(table)), "preferred": n(preferred), "both_kept": n(len(table) - preferred),
        "explaining": n(explaining), "agreeing": n(agree), "unseen": n(len(table) - explaining - agree)}, ids)


def fixes(a: Audit) -> Claim:
    """The recorded fixes of the province's figures in the window (and how many concern other periods)."""
    mine = [f for f in a.fixes if f["obs_id"] in set(a.obs["obs_id"])]
    inside = [f for f in mine if f["obs_id"] in set(a.window_obs["obs_id"])]
    values = {"n": n(len(inside)), "outside": n(len(mine) - len(inside))}
    ids = {f["obs_id"].split("#")[0] for f in inside}
    case = "some" if inside else "none_inside" if mine else "none"
    return claim(a, "audit.fixes", case, values, ids)


def _terms(evidence: str) -> list[str]:
    """The place names of an evidence string ("Mèo Vạc (district) ×1; Yên Minh (district) ×1")."""
    return list(dict.fromkeys(e.split(" (", 1)[0] for e in str(evidence).split("; ") if e and e != "none"))


def corpus(a: Audit) -> Claim:
    """Whether the detector could read the documents about the province held as full text, and whether it agrees."""
    att, p = a.attribution, normalize_text(a.scope.province)
    mine = att[(att["recorded"] == p) | (att["detected"] == p)]
    if att.empty:
        return claim(a, "audit.corpus", "no_corpus")
    if a.texts is None:
        return claim(a, "audit.corpus", "absent", {"n": n((att["recorded"] == p).sum()), "all": n(len(att))})
    if mine.empty:
        return claim(a, "audit.corpus", "no_documents", {"all": n(len(att))})
    read = mine[mine["detected"] != "not read"]
    if read.empty:
        return claim(a, "audit.corpus", "none_read", {"n": n(len(mine))}, mine["source_id"])
    wrong = read[read["agrees"] != "yes"]
    values = {"n": n(len(mine)), "read": n(len(read)), "agree": n(len(read) - len(wrong)),
              "disagree": [{"source_id": s, "recorded": r, "detected": d} for s, r, d in
                           zip(wrong["source_id"], wrong["recorded"], wrong["detected"])]}
    return claim(a, "audit.corpus", "some_disagree" if len(wrong) else "all_agree", values, mine["source_id"])


def kept_out(a: Audit) -> Claim | None:
    """The documents held as full text that are about other geographies (None when no source is held as full text)."""
    att, p = a.attribution, normalize_text(a.scope.province)
    if att.empty:
        return None
    others = att[att["recorded"] != p]
    if others.empty:
        return claim(a, "audit.kept_out", "none", {"all": n(len(att))})
    read = others[others["detected"] != "not read"]
    values = {"n": n(len(others)), "figures": n(others["figures"].sum()), "places": n(others["recorded"].nunique()),
              "read": n(len(read)), "agree": n((read["agrees"] == "yes").sum())}
    if len(others) > MAX_DOCUMENTS_NAMED:
        return claim(a, "audit.kept_out", "many", values, others["source_id"])
    docs = [{"source_id": r.source_id, "recorded": r.recorded, "detected": r.detected, "terms": _terms(r.evidence),
             "figures": n(r.figures)} for r in others.itertuples()]
    return claim(a, "audit.kept_out", "few", values | {"docs": docs}, others["source_id"])


def finding_trust(a: Audit) -> Claim:
    """Headline on trust: reliability classes, inferred dates and the low-reliability copies."""
    ov = a.overview
    if ov.empty:
        return claim(a, "audit.finding_trust", "no_data")
    low_ids = set(ov.loc[ov["reliability"] == "low", "source_id"])
    values = {"n": n(len(ov)), **{r: n((ov["reliability"] == r).sum()) for r in RELIABILITY_ORDER},
              "inferred": n((ov["date_basis"] == "inferred").sum()), "low_figures": n(a.obs["source_id"].isin(low_ids).sum())}
    return claim(a, "audit.finding_trust", "with_low" if low_ids else "no_low", values)


def finding_coverage(a: Audit) -> Claim:
    """Headline on coverage: the key indicator-years with a reported full-year result."""
    first = coverage(a)[0]
    return claim(a, "audit.finding_coverage", first.case, {k: v for k, v in first.values.items()
                                                            if k not in ("province", "window")})


def finding_consistency(a: Audit) -> Claim:
    """Headline on consistency: verdicts of the comparisons, recorded fixes and documents kept out."""
    first, fix, out = checks(a)[0], fixes(a), kept_out(a)
    values = {k: v for k, v in first.values.items() if k not in ("province", "window")}
    values |= {"fixes": fix.values["n"], "kept_out": out.values.get("n", n(0)) if out else n(0),
               "kept_out_figures": out.values.get("figures", n(0)) if out else n(0)}
    return claim(a, "audit.finding_consistency", first.case, values)


def findings(a: Audit) -> list[Claim]:
    """The main findings: trust, coverage, consistency."""
    return [finding_trust(a), finding_coverage(a), finding_consistency(a)]


def attribution(a: Audit) -> list[Claim]:
    """Whether the documents about the province were checked, and which documents stay out of its series."""
    return [c for c in (corpus(a), kept_out(a)) if c is not None]


def judgement_context(a: Audit, table: pd.DataFrame) -> list[Claim]:
    """Recorded judgements (rows of ``recorded_conflicts``) whose reasoning names other years: shown as context."""
    return [claim(a, "audit.judgement_context", "note", {"id": r.id, "text": r[-2]}, r.source_ids.split(";"))
            for r in table.itertuples(index=False)]


def fix_context(a: Audit, table: pd.DataFrame) -> list[Claim]:
    """Recorded fixes (rows of ``fixes_table``) whose text names other years: shown as context."""
    return [claim(a, "audit.fix_context", "note", {"obs_id": r.obs_id, "printed": r.printed, "read": r[2],
                                                   "reason": r.reason}, [r.source_id])
            for r in table.itertuples(index=False)]


def english_notes(a: Audit, judgements: int, fixes: int) -> list[Claim]:
    """What the Vietnamese edition leaves out: the curators' reasons, written in English, counted.

    ``judgements`` and ``fixes`` are the numbers of recorded judgements and fixes on figures of the window whose
    reasoning is not shown.
    """
    return [claim(a, "audit.english_notes", what, {"n": n(count)}) for what, count
            in (("judgements", judgements), ("fixes", fixes)) if count]
