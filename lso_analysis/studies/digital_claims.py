"""The claims of notebook 30: each tests its condition on the data in scope and picks the case the data support."""

from __future__ import annotations

import math

import pandas as pd

from lso_analysis.analysis import intervals as iv
from lso_analysis.analysis.obs_rows import interval_of
from lso_analysis.present.claims import Claim, Day, Fig, Span
from lso_analysis.studies import digital_data as dg
from lso_analysis.studies.digital_data import Digital, claim

#: A rank change of fewer places than this is "unchanged" (ranks are whole places).
_RANK_STEP = 1


def has(made: Claim) -> bool:
    """Whether a claim states something (not a "no data" or "cannot tell" case)."""
    return made.id != "digital.missing" and made.holds


def fig(row, **kw) -> Fig:
    """A figure of an observation or series row, its range shown when the digits do not imply it."""
    get = row.get if hasattr(row, "get") else lambda k, d=None: getattr(row, k, d)
    ranged = str(get("obs_id", "")).startswith("derived:") or get("bound") in ("range", "approx") \
        or get("origin") == "derived"
    unit = get("unit", "") or kw.pop("unit", "")
    digits = 0 if unit == "count" and abs(float(get("value"))) >= 100 else None
    return Fig(float(get("value")), float(get("value_low", math.nan)), float(get("value_high", math.nan)), unit,
               kw.get("signed", False), None if ranged else False, digits)


def span(row, reference: bool = False) -> Span:
    """The period of an observation row."""
    return Span(row["period_start"], row["period_end"], reference=reference)


def _ids(*rows) -> list[str]:
    out = []
    for r in rows:
        if r is None:
            continue
        sid = r.get("source_id") if hasattr(r, "get") else None
        out += [s for s in str(sid or r.get("source_ids", "")).split(";") if s]
    return out


def title(data: Digital) -> Claim:
    """The report's heading: province and window."""
    s = data.scope
    return claim(data, "digital.title", "window", {"province": s.province,
                                                   "period": Span(s.window.start, s.window.end)})


def caption(data: Digital, what: str, **values) -> str:
    """A caption from the wording table (``digital.caption``, case ``what``), naming province and window."""
    s = data.scope
    made = claim(data, "digital.caption", what, {"province": s.province, "period": Span(s.window.start, s.window.end),
                                                 **values})
    return made.text(s.language)


def missing(data: Digital, what: str) -> Claim:
    """The "no figure" claim of a section (case ``what``)."""
    s = data.scope
    return claim(data, "digital.missing", what, {"province": s.province, "period": Span(s.window.start, s.window.end)})


def milestones(data: Digital) -> Claim:
    """How many dated digital-government events the window holds, first and last, and how many plans."""
    ev = dg.milestones(data)
    if ev.empty:
        return missing(data, "milestones")
    return claim(data, "digital.milestones", "dated",
                 {"n": len(ev), "plans": int((ev["kind"] == "plan").sum()), "first": Day(ev["date"].iloc[0]),
                  "last": Day(ev["date"].iloc[-1])}, ev["source_id"])


def eligible_services(data: Digital) -> Claim:
    """The services eligible for full online provision: their count and whether the share printed for them is all."""
    rows = dg.service_figures(data)
    counts = rows[rows["indicator"] == "online_public_services_eligible_full"]
    shares = rows[rows["indicator"] == "online_public_services_eligible_share"]
    count = counts.loc[counts["value"].idxmax()] if len(counts) else None
    share = shares.sort_values(["value", "period_end"], ascending=[False, True]).iloc[0] if len(shares) else None
    if count is None and share is None:
        return missing(data, "eligible_services")
    values = {}
    if count is not None:
        values.update(count=fig(count), day=span(count))
    if share is not None:
        values.update(share=fig(share), share_period=span(share))
    complete = share is not None and share["value_high"] >= 100 and share["value"] >= 99.5
    case = ("all" if complete else "part") if share is not None else "count_only"
    return claim(data, "digital.eligible_services", case, values, _ids(count, share))


def full_share(data: Digital) -> Claim:
    """The catalogue's share of services fully online from its counts, against the share printed beside them."""
    pair = dg.full_share_check(data.reported)
    if pair is None:
        return missing(data, "full_share")
    values = {"part": fig(pair.part), "whole": fig(pair.whole), "period": span(pair.whole),
              "computed": Fig(pair.value, *pair.computed, "%", digits=2)}
    if pair.printed is not None:
        values["printed"] = fig(pair.printed)
    case = "counts_only" if pair.printed is None else "agrees" if pair.agrees else "slip"
    return claim(data, "digital.full_share", case, values, _ids(pair.part, pair.whole, pair.printed))


def dossier_share(data: Digital) -> Claim:
    """The share of dossiers filed online: its first and last figure in the window, and which way it moved."""
    rows = dg.service_figures(data)
    rows = rows[rows["indicator"] == "online_dossier_share"].sort_values(["period_end", "obs_id"])
    if rows.empty:
        return missing(data, "dossier_share")
    first, last = rows.iloc[0], rows.iloc[-1]
    values = {"first": fig(first), "first_period": span(first), "last": fig(last), "last_period": span(last)}
    if len(rows) == 1:
        return claim(data, "digital.dossier_share", "single", values, _ids(first))
    a, b = interval_of(first), interval_of(last)
    case = "unchanged" if iv.overlaps(a, b) else "rose" if last["value"] > first["value"] else "fell"
    return claim(data, "digital.dossier_share", case, values, _ids(first, last))


def border_stages(data: Digital) -> Claim:
    """The platform's stages by coded kind: the first pilot decision and the first compulsory use."""
    stages = dg.border_stages(data)
    first = {k: stages[stages["kind"] == k] for k in ("pilot_decision", "compulsory")}
    pilot, compulsory = (first[k].iloc[0] if len(first[k]) else None for k in ("pilot_decision", "compulsory"))
    if pilot is None and compulsory is None:
        return missing(data, "border_stages")
    values = {"pilot": Day(pilot["date"]) if pilot is not None else None,
              "compulsory": Day(compulsory["date"]) if compulsory is not None else None}
    case = ("pilot_then_compulsory" if pilot is not None and compulsory is not None
            else "pilot_only" if pilot is not None else "compulsory_only")
    values = {k: v for k, v in values.items() if v is not None}
    return claim(data, "digital.border_stages", case, values, _ids(pilot, compulsory))


def border_share(data: Digital) -> Claim:
    """The latest share of trucks declared on the platform."""
    rows = dg.border_figures(data)
    rows = rows[rows["indicator"] == "digital_border_declared_share"]
    if rows.empty:
        return missing(data, "border_share")
    last = rows.iloc[-1]
    return claim(data, "digital.border_share", "reported", {"share": fig(last), "period": span(last)}, _ids(last))


def vehicle_periods(data: Digital) -> Claim:
    """Whether the vehicle counts each cover one full calendar year, as their periods are coded."""
    rows = dg.border_figures(data)
    rows = rows[rows["indicator"] == "digital_border_vehicles"]
    if rows.empty:
        return missing(data, "vehicles")
    full = [dg.full_calendar_year(r) for _, r in rows.iterrows()]
    counts = [(fig(r), span(r)) for _, r in rows.iterrows()]
    case = ("one_full_year" if full[0] else "one_part_year") if len(rows) == 1 else \
        "all_full_years" if all(full) else "no_full_year" if not any(full) else "some_full_years"
    return claim(data, "digital.vehicle_periods", case,
                 {"counts": counts, "full": [c for c, f in zip(counts, full) if f],
                  "part": [c for c, f in zip(counts, full) if not f]}, _ids(*[r for _, r in rows.iterrows()]))


def periods_not_printed(data: Digital) -> Claim:
    """The platform's figures whose period the source does not print (the transcriber supplied it)."""
    rows = dg.border_figures(data)
    if rows.empty:
        return missing(data, "border_figures")
    silent = [r for _, r in rows.iterrows() if dg.period_not_printed(r)]
    if not silent:
        return claim(data, "digital.periods_not_printed", "none", {"n": len(rows)}, _ids(*[r for _, r in rows.iterrows()]))
    return claim(data, "digital.periods_not_printed", "some",
                 {"figures": [(data.name(r["indicator"]), fig(r), span(r)) for r in silent], "n": len(rows)},
                 _ids(*silent))


def platform_name(data: Digital) -> Claim:
    """The province's citizen platform as its context rows name it, or that the data hold no name."""
    if (data.context["topic"] == "digital_citizen_platform").sum() == 0:
        return claim(data, "digital.platform_name", "unnamed", {"province": data.scope.province})
    rows = dg.context_rows(data, ["digital_citizen_platform"])
    if not rows:  # named in the data, but not in the report's language
        return claim(data, "digital.platform_name", "untranslated", {"province": data.scope.province})
    text, source_id = rows[0]
    return claim(data, "digital.platform_name", "named", {"text": text}, [source_id])


def accounts_plan(data: Digital, check: dg.AccountsCheck) -> Claim:
    """The latest count of citizen accounts against the plan (printed share of plan, and the plan it implies)."""
    if check.accounts is None:
        return missing(data, "accounts")
    values = {"accounts": fig(check.accounts), "period": span(check.accounts)}
    if check.plan_pct is None:
        return claim(data, "digital.accounts_plan", "no_plan", values, _ids(check.accounts))
    values["plan_pct"] = fig(check.plan_pct)
    if check.implied_plan is not None:
        values["plan"] = fig(check.implied_plan)
    lo, hi = interval_of(check.plan_pct)
    case = "above_plan" if lo > 100 else "below_plan" if hi < 100 else "at_plan"
    return claim(data, "digital.accounts_plan", case, values, _ids(check.accounts, check.plan_pct))


def accounts_population(data: Digital, check: dg.AccountsCheck) -> Claim:
    """The population the accounts' printed share implies, against the population printed for the window."""
    if check.accounts is None:
        return missing(data, "accounts")
    values = {"accounts": fig(check.accounts), "period": span(check.accounts)}
    if check.share_pct is not None:
        values["share"] = fig(check.share_pct)
    if check.implied_population is not None:
        values["implied"] = fig(check.implied_population)
    if check.population is not None:
        values.update(printed=fig(check.population), printed_period=span(check.population),
                      low_reliability=check.population["reliability"] == "low")
    if check.share_at_population is not None:
        lo, hi = check.share_at_population
        open_ended = math.isnan(float(check.population["value_high"]))  # "more than N" people: "less than x%"
        values["at_population"] = (Fig(hi, math.nan, hi, "%", digits=1) if open_ended
                                   else Fig((lo + hi) / 2, lo, hi, "%", digits=1))
    case = {"agree": "agree", "printed_above": "printed_above", "printed_below": "printed_below",
            "no_population": "no_population", "not_derived": "not_derived", "no_share": "no_share"}[check.verdict]
    return claim(data, "digital.accounts_population", case, values,
                 _ids(check.accounts, check.share_pct, check.population))


def _ranks_of(data: Digital, indicator: str) -> pd.DataFrame:
    ranks = data.ranks
    return ranks[(ranks["indicator"] == indicator) & ranks["value"].notna()].sort_values("year")


def _rank_items(rows: pd.DataFrame) -> list[tuple]:
    """(rank, year, derived?, caveat) per year, for the wording's lists."""
    return [(Fig(r.value, r.value_low, r.value_high, "rank", show_range=False), r.year, r.origin == "derived",
             r.caveat) for r in rows.itertuples()]


def rank_trend(data: Digital, indicator: str) -> Claim:
    """A rank from its first to its last year in the window: ``improved`` (a smaller place number), ``worsened``,
    ``unchanged``, ``single`` (one year) or no data. The claim id is ``digital.rank_trend``; ``index`` names it."""
    rows = _ranks_of(data, indicator)
    if rows.empty:
        return missing(data, indicator)
    values = {"index": data.name(indicator), "ranks": _rank_items(rows), "first": Fig(rows["value"].iloc[0], unit="rank"),
              "first_year": int(rows["year"].iloc[0]), "last": Fig(rows["value"].iloc[-1], unit="rank"),
              "last_year": int(rows["year"].iloc[-1])}
    ids = [s for x in rows["source_ids"] for s in str(x).split(";")]
    if len(rows) == 1:
        return claim(data, "digital.rank_trend", "single", values, ids, [values["first_year"]])
    change = rows["value"].iloc[-1] - rows["value"].iloc[0]
    case = "unchanged" if abs(change) < _RANK_STEP else "improved" if change < 0 else "worsened"
    values["places"] = int(round(abs(change)))
    return claim(data, "digital.rank_trend", case, values, ids, [values["first_year"], values["last_year"]])


def rank_jump(data: Digital, indicator: str = "dti_rank") -> Claim:
    """The year of the largest gain of places from one year to the next, with the digital events of that year."""
    rows = _ranks_of(data, indicator)
    if rows.empty:
        return missing(data, indicator)
    steps = [(b.year, a.value - b.value, a, b) for a, b in zip(rows.itertuples(), rows.iloc[1:].itertuples())
             if b.year == a.year + 1]
    if not steps:
        return claim(data, "digital.rank_jump", "too_thin", {"index": data.name(indicator), "n": len(rows)})
    year, gain, a, b = max(steps, key=lambda s: (s[1], -s[0]))
    values = {"index": data.name(indicator), "year": int(year), "from": Fig(a.value, unit="rank"),
              "to": Fig(b.value, unit="rank"), "places": int(round(abs(gain)))}
    ids = [s for x in (a.source_ids, b.source_ids) for s in str(x).split(";")]
    if gain < _RANK_STEP:
        return claim(data, "digital.rank_jump", "no_gain", values, ids, [year])
    ev = dg.milestones(data)
    ev = ev[(ev["date"].dt.year == year) & (ev["kind"] != "index")]
    values["events"] = [(data.kind_name(k), Day(d)) for k, d in zip(ev["kind"], ev["date"])]
    return claim(data, "digital.rank_jump", "jump" if len(ev) else "jump_no_events", values,
                 ids + list(ev["source_id"]), [year])


def dti_pillars(data: Digital) -> Claim:
    """In the first year with pillar ranks: the pillar ranked best and the one ranked worst, and the years published."""
    ranks = data.ranks
    pillars = ranks[ranks["indicator"].isin(["dti_rank_economy", "dti_rank_government", "dti_rank_society"])
                    & ranks["value"].notna()]
    if pillars.empty:
        return missing(data, "pillars")
    years = sorted(set(int(y) for y in pillars["year"]))
    first = pillars[pillars["year"] == years[0]].sort_values(["value", "indicator"])
    best, worst = first.iloc[0], first.iloc[-1]
    values = {"year": years[0], "years": years, "best": best["indicator"], "best_rank": Fig(best["value"], unit="rank"),
              "worst": worst["indicator"], "worst_rank": Fig(worst["value"], unit="rank"), "n": len(first)}
    ids = [s for x in first["source_ids"] for s in str(x).split(";")]
    case = "one" if len(first) == 1 else "even" if best["value"] == worst["value"] else "spread"
    return claim(data, "digital.dti_pillars", case, values, ids, years)


def rank_caveats(data: Digital) -> Claim:
    """Ranks that carry a recorded caveat (read from a listing, say) and ranks derived from a printed change."""
    rows = data.ranks[data.ranks["value"].notna()] if len(data.ranks) else data.ranks
    if rows.empty:
        return missing(data, "ranks")
    flagged = [(data.name(r.indicator), int(r.year), r.caveat) for r in rows.itertuples() if r.caveat]
    derived = [(data.name(r.indicator), int(r.year)) for r in rows.itertuples() if r.origin == "derived"]
    case = "flagged" if flagged or derived else "none"
    return claim(data, "digital.rank_caveats", case, {"flagged": flagged, "derived": derived},
                 years=[y for _, y, _ in flagged] + [y for _, y in derived])


def target_verdicts(data: Digital, table: pd.DataFrame) -> Claim:
    """How the targets due in the window fared: counts of each verdict of :func:`dg.targets_vs_reported`."""
    if table.empty:
        return missing(data, "targets")
    n = table["verdict"].value_counts()
    values = {"n": len(table), "met": int(n.get("met", 0)), "early": int(n.get("reached early", 0)),
              "missed": int(n.get("missed", 0)), "due": int(n.get("not yet due", 0)),
              "none": int(n.get("no figure reported", 0))}
    return claim(data, "digital.target_verdicts", "counted", values,
                 [s for x in table["source_ids"] for s in str(x).split(";")])


def targets_unreported(data: Digital, table: pd.DataFrame) -> Claim:
    """The quantities with a target due in the window and no figure reported for them at all."""
    if table.empty:
        return missing(data, "targets")
    rows = table[table["verdict"] == "no figure reported"]
    if rows.empty:
        return claim(data, "digital.targets_unreported", "none", {"n": len(table)})
    items = [(data.name(code), int(by)) for code, by in zip(rows["indicator"], rows["by"])]
    return claim(data, "digital.targets_unreported", "some", {"items": items}, list(rows["set in"]),
                 [by for _, by in items])


def target_revisions(data: Digital) -> Claim:
    """Targets for the same quantity and year set again by a later plan: raised, cut or kept.

    Plans are ordered by the publication date of the source that prints them; the due year may lie after the
    window (it is then a yardstick, shown marked).
    """
    rows = data.targets[data.targets["indicator"].isin(dg._digital_codes(data))].copy()
    if rows.empty:
        return missing(data, "targets")
    rows["_published"] = pd.to_datetime(rows["published"].astype(str), errors="coerce", format="mixed")
    changes = []
    for (code, due), group in rows.groupby(["indicator", rows["period_end"].dt.year]):
        group = group.sort_values(["_published", "obs_id"])
        for a, b in zip(group.to_dict("records"), group.iloc[1:].to_dict("records")):
            if a["source_id"] == b["source_id"]:
                continue
            better = b["value"] < a["value"] if a["unit"] == "rank" else b["value"] > a["value"]
            how = "kept" if b["value"] == a["value"] else "raised" if better else "cut"
            due_span = Span(pd.Timestamp(int(due), 1, 1), pd.Timestamp(int(due), 12, 31),
                            reference=not data.scope.window.contains_year(int(due)))
            changes.append((how, data.name(code), due_span, _target_fig(a), _target_fig(b), a["source_id"],
                            b["source_id"]))
    if not changes:
        return claim(data, "digital.target_revisions", "none", {"n": len(rows)})
    case = "revised" if any(c[0] != "kept" for c in changes) else "kept"
    return claim(data, "digital.target_revisions", case, {"changes": changes},
                 [s for c in changes for s in c[5:]])


def _target_fig(t: dict) -> tuple[str, Fig]:
    """A target's bound (``top`` for a rank, ``at_least`` for an open-ended goal, ``exact``) and its figure."""
    bound = "top" if t["unit"] == "rank" else "at_least" if math.isnan(t["value_high"]) else "exact"
    return bound, Fig(t["value"], unit=t["unit"], show_range=False)


def finding_services(data: Digital) -> Claim:
    """Headline on online services: complete on the eligible base, partial on the whole catalogue, or what holds."""
    eligible, share = eligible_services(data), full_share(data)
    values = {**{k: v for k, v in eligible.values.items()}, **{k: v for k, v in share.values.items()
                                                               if k in ("part", "whole", "computed", "period")}}
    all_eligible = eligible.case == "all"
    catalogue_partial = has(share) and share.values["computed"].high < 100
    if not has(eligible) and not has(share):
        return missing(data, "services")
    case = ("complete_on_eligible_partial_on_catalogue" if all_eligible and catalogue_partial
            else "complete_on_eligible" if all_eligible else "partial_on_catalogue" if catalogue_partial
            else "eligible_counted")
    if case == "eligible_counted" and not has(eligible):
        return missing(data, "services")
    return claim(data, "digital.finding_services", case, values, eligible.source_ids + share.source_ids)


def finding_ranks(data: Digital) -> Claim:
    """Headline on the ranks: which way DTI and PCI moved over the window."""
    dti, pci = rank_trend(data, "dti_rank"), rank_trend(data, "pci_rank")
    moved = {c.case for c in (dti, pci) if c.case in ("improved", "worsened", "unchanged")}
    if not moved:
        return missing(data, "ranks") if not (has(dti) or has(pci)) else claim(
            data, "digital.finding_ranks", "single_years", {"dti": dti.values.get("ranks", []),
                                                            "pci": pci.values.get("ranks", [])},
            dti.source_ids + pci.source_ids)
    case = moved.pop() if len(moved) == 1 else "mixed"
    return claim(data, "digital.finding_ranks", case, {"dti": dti.values.get("ranks", []),
                                                       "pci": pci.values.get("ranks", [])},
                 dti.source_ids + pci.source_ids)


def finding_uptake(data: Digital, check: dg.AccountsCheck) -> Claim:
    """Headline on uptake: what the printed share of accounts says once set against the printed population."""
    made = accounts_population(data, check)
    if not has(made):
        return made
    case = {"printed_above": "share_overstated", "printed_below": "share_understated", "agree": "consistent"}.get(
        made.case, "unchecked")
    return claim(data, "digital.finding_uptake", case, dict(made.values), made.source_ids)


def finding_border(data: Digital) -> Claim:
    """Headline on the platform: the share declared, and whether any time saving was measured in the window."""
    share = border_share(data)
    if not has(share):
        return share
    saved = dg.border_figures(data)
    saved = saved[saved["indicator"] == "border_procedure_time_saved_hours"]
    values = dict(share.values)
    if len(saved):
        values["saved"] = fig(saved.iloc[-1])
    return claim(data, "digital.finding_border", "time_measured" if len(saved) else "no_time_measured", values,
                 share.source_ids + tuple(_ids(*[r for _, r in saved.iterrows()])))


def findings(data: Digital) -> list[Claim]:
    """The main findings, one claim each (the "cannot tell" cases included, so a reader sees what is missing)."""
    check = dg.check_accounts(data)
    made = [finding_services(data), finding_ranks(data), finding_uptake(data, check), finding_border(data)]
    return made if any(has(c) for c in made) else [missing(data, "findings")]
