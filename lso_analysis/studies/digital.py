"""Notebook 30 cell by cell: each function takes the study's data bundle and returns a table, chart or claims."""

from __future__ import annotations

from lso_analysis.analysis.scope import Scope
from lso_analysis.present import narrative as nv
from lso_analysis.present.claims import Claim, show
from lso_analysis.studies import digital_claims as dc
from lso_analysis.studies import digital_data as dg
from lso_analysis.studies.digital_data import (  # noqa: F401  (the study's public names)
    BORDER_INDICATORS, SERVICE_INDICATORS, AccountsCheck, Digital, SharePair, accounts_table, border_figures,
    border_stages, check_accounts, claim, event_table, figures_table, fmt_figure, full_calendar_year, full_share_check,
    judgements, later_targets, load, milestones, names_other_years, period_not_printed, service_figures,
    targets_vs_reported, timeline_lanes, when)
from lso_analysis.studies.digital_ranks import RANK_INDICATORS, plot_ranks, rank_series, rank_table  # noqa: F401


def scope(province: str, start_year: int, end_year: int, include_estimates: bool = True,
          include_derived: bool = True, language: str = "en") -> Scope:
    """The notebook's parameters, checked once."""
    return Scope(province, int(start_year), int(end_year), bool(include_estimates), bool(include_derived), language)


def heading(data: Digital) -> nv.Markdown:
    """The report's province- and window-specific heading."""
    return nv.Markdown("## " + dc.title(data).text(data.scope.language))


def context(data: Digital, topics=("digital_border",)):
    """The province's context rows on ``topics`` (shown only for the province they describe), or nothing."""
    claims = [dc.claim(data, "digital.context", "row", {"text": t}, [s]) for t, s in dg.context_rows(data, topics)]
    return show(claims, data.scope.language) if claims else nv.Markdown("")


def _show(claims: list[Claim], data: Digital):
    """Claims as bullets, a claim repeated (the same "no data" twice) shown once."""
    seen, unique = set(), []
    for c in claims:
        key = (c.id, c.case, repr(c.values))
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return show(unique, data.scope.language)


def _table_or(data: Digital, frame, caption_case: str, missing_case: str, source_ids=None, reference=False,
              cells=(), **values):
    if frame is None or frame.empty:
        return show(dc.missing(data, missing_case), data.scope.language)
    return _table(data, frame, dc.caption(data, caption_case, **values), source_ids, reference, cells)


def _table(data: Digital, frame, caption: str, source_ids=None, reference=False, cells=()):
    """A table in the scope's language: its sources read before the headings are translated."""
    if source_ids is None:
        column = next((c for c in ("source_ids", "source_id") if c in frame.columns), None)
        source_ids = list(frame[column].dropna()) if column else None
    return nv.show_table(localised(frame, data, cells), caption, source_ids, reference=reference)


def localised(frame, data: Digital, cells=()):
    """A display frame in the scope's language: headings (``col.*``; an empty heading drops its column), the coded
    words of the ``cells`` columns (``cell.*``), and indicator codes shown by name outside the English edition."""
    out = frame.copy()
    for column in cells:
        out[column] = [data.label(f"cell.{v}") if isinstance(v, str) and v in _CELL_WORDS else v for v in out[column]]
    if data.scope.language != "en" and "indicator" in out.columns:
        out["indicator"] = [data.name(c) for c in out["indicator"]]
    headings = {c: data.label(f"col.{c}") for c in out.columns}
    return out[[c for c in out.columns if headings[c]]].rename(columns=headings)


#: Coded cell words of the tables (verdicts, how a figure was obtained, reliability, the accounts' rows).
_CELL_WORDS = frozenset({"none", "met", "reached early", "missed", "not yet due", "no figure reported", "reported",
                         "estimated", "derived", "printed", "official", "press", "mirror", "low", "accounts",
                         "share of plan", "share of population", "plan implied", "population implied",
                         "population printed"})


# --- milestones ----------------------------------------------------------------------------------------------------

def milestones_chart(data: Digital):
    """The milestones on a timeline (lanes from their coded kind), or the "no data" claim."""
    from lso_analysis.present import plotting

    ev = milestones(data)
    if ev.empty:
        return show(dc.missing(data, "milestones"), data.scope.language)
    w = data.scope.window
    lanes = timeline_lanes(ev, data.kinds)
    lanes["title"] = [data.label("event_title", title=t, kind=data.kind_name(k)) for t, k in zip(lanes["title"],
                                                                                                  lanes["kind"])]
    fig = plotting.plot_timeline(lanes, title=dc.caption(data, "milestones"), window=(w.start, w.end))
    for ax in fig.axes:  # the lanes' names in the scope's language
        ticks = [t.get_text() for t in ax.get_yticklabels()]
        if ticks and set(ticks) <= {"indices", "policy", "border", "digital"}:
            ax.set_yticks(ax.get_yticks(), [data.label(f"lane.{t}") for t in ticks])
    return fig


def milestones_table(data: Digital, other_years: bool = False):
    """The milestones as a table with the claim that sums them up.

    Args:
        other_years: show instead the milestones whose description names a year outside the window (an index
            year, a plan's horizon), in a table marked as naming yardsticks outside the window.
    """
    ev = milestones(data)
    elsewhere = ev["title"].map(lambda t: names_other_years(t, data.scope)) if len(ev) else ev["title"]
    if other_years:
        rows = ev[elsewhere] if len(ev) else ev
        return (_table(data, event_table(rows, data), dc.caption(data, "milestones_other_years"), reference=True)
                if len(rows) else nv.Markdown(""))
    rows = ev[~elsewhere] if len(ev) else ev
    if len(rows) == 0:
        return nv.Markdown("")  # the chart above says there is none
    return _table(data, event_table(rows, data), dc.caption(data, "milestones"))


def milestones_claims(data: Digital):
    """The claim summing up the window's milestones (nothing when there is none: the chart says so)."""
    made = dc.milestones(data)
    return show(made, data.scope.language) if dc.has(made) else nv.Markdown("")


# --- online services -----------------------------------------------------------------------------------------------

def services_table(data: Digital):
    """Every reported figure on online services and dossiers, with what it counts (its code's name)."""
    return _table_or(data, quoted(figures_table(service_figures(data), data), service_figures(data), data),
                     "services", "services", cells=("recorded conflict",))


def services_claims(data: Digital):
    """Eligible services, the catalogue's share fully online, the dossier shares (nothing when the table is empty)."""
    if service_figures(data).empty:
        return nv.Markdown("")
    return _show([dc.eligible_services(data), dc.full_share(data), dc.dossier_share(data)], data)


# --- the digital border gate ---------------------------------------------------------------------------------------

def border_stages_table(data: Digital):
    """The platform's stages (digital events at a border crossing)."""
    return _table_or(data, event_table(border_stages(data), data), "stages", "border_stages")


def border_figures_table(data: Digital):
    """Every reported figure on the platform."""
    return _table_or(data, quoted(figures_table(border_figures(data), data), border_figures(data), data),
                     "border_figures", "border_figures", cells=("recorded conflict",))


def quoted(table, rows, data: Digital):
    """The printed words of each figure as the edition quotes them: ``quote`` for a source in Vietnamese (or of
    unknown language), ``quote_foreign`` for one in another language (the Vietnamese edition quotes no English)."""
    out = table.copy()
    out["as printed"] = [data.label("quote" if data.source_language(sid) in ("vi", "") else "quote_foreign", raw=raw)
                         for raw, sid in zip(out["as printed"], rows["source_id"])]
    return out


def border_claims(data: Digital):
    """Stages, the share declared, what the vehicle counts cover and which periods are not printed."""
    if border_stages(data).empty and border_figures(data).empty:
        return nv.Markdown("")  # both tables above say there is none
    return _show([dc.border_stages(data), dc.border_share(data), dc.vehicle_periods(data),
                 dc.periods_not_printed(data)], data)


def border_judgements(data: Digital):
    """The curators' judgements on the platform's figures in the window (those weighing other years are named)."""
    rows, elsewhere = judgements(data)
    if rows.empty and not elsewhere:
        return show(dc.missing(data, "judgements"), data.scope.language)
    if rows.empty:
        return show(dc.claim(data, "digital.judgements", "outside_only", {"ids": elsewhere}), data.scope.language)
    case = "judgements_more" if elsewhere else "judgements"
    rows = rows.assign(**{"figures compared": [_compared(data, i) for i in rows["id"]]})
    rows = rows[["id", "judgement", "figures compared", "source_ids"]]
    return _table(data, rows, dc.caption(data, case, ids=elsewhere), list(rows["source_ids"]))


def _compared(data: Digital, conflict_id: str) -> str:
    """The figures a recorded judgement weighs: "name (period): figure", joined by "; "."""
    ids = next((c.obs_ids for c in data.conflicts.itertuples() if c.id == conflict_id), [])
    rows = data.obs[data.obs["obs_id"].isin(list(ids))].sort_values(["period_end", "obs_id"])
    return "; ".join(f"{data.name(r['indicator'])} ({when(r, data.scope.language)}): "
                     f"{fmt_figure(r, data.scope.language)}" for _, r in rows.iterrows())


# --- citizen accounts ----------------------------------------------------------------------------------------------

def accounts_section_table(data: Digital):
    """The accounts, the plan and population they imply, and the population printed."""
    check = check_accounts(data)
    rows = accounts_table(check, data.scope.language)
    return _table_or(data, rows, "accounts", "accounts", cells=("figure", "how obtained", "reliability"))


def accounts_claims(data: Digital):
    """The platform's name (context data, or none), accounts against plan and against population."""
    check = check_accounts(data)
    if check.accounts is None:
        return show(dc.platform_name(data), data.scope.language)  # the table says there is no count
    return _show([dc.platform_name(data), dc.accounts_plan(data, check), dc.accounts_population(data, check)], data)


# --- ranks ---------------------------------------------------------------------------------------------------------

def ranks_chart(data: Digital):
    """DTI and PCI ranks by year, first place at the top, or the "no data" claim."""
    if data.ranks.empty:
        return show(dc.missing(data, "ranks"), data.scope.language)
    return plot_ranks(data.ranks, dc.caption(data, "ranks_chart"), label=data.label)


def ranks_table(data: Digital):
    """Every rank of the window with how it was obtained and its caveat (nothing without ranks: the chart says so)."""
    if data.ranks.empty:
        return nv.Markdown("")
    return _table_or(data, rank_table(data.ranks), "ranks", "ranks", cells=("how obtained", "caveat"))


def ranks_claims(data: Digital):
    """DTI and PCI over the window, the DTI's largest one-year gain, its pillars, and the caveats."""
    if data.ranks.empty:
        return nv.Markdown("")  # the chart says there is none
    return _show([dc.rank_trend(data, "dti_rank"), dc.rank_trend(data, "pci_rank"), dc.rank_jump(data, "dti_rank"),
                 dc.dti_pillars(data), dc.rank_caveats(data)], data)


# --- targets -------------------------------------------------------------------------------------------------------

def targets_table(data: Digital):
    """Targets due in the window against what was reported."""
    return _table_or(data, targets_vs_reported(data), "targets", "targets", cells=("verdict", "caveat"))


def later_targets_table(data: Digital):
    """Targets set for years after the window: marked as yardsticks outside it."""
    rows = later_targets(data)
    return _table(data, rows, dc.caption(data, "later_targets"), reference=True) if len(rows) else nv.Markdown("")


def targets_claims(data: Digital):
    """Verdict counts, targets without any reported figure, and targets revised between plans."""
    table = targets_vs_reported(data)
    if table.empty and not dc.has(dc.target_revisions(data)):
        return nv.Markdown("")  # the table says there is none
    return _show([dc.target_verdicts(data, table), dc.targets_unreported(data, table), dc.target_revisions(data)], data)


def findings(data: Digital) -> list[Claim]:
    """The main findings as claims."""
    return dc.findings(data)


def show_findings(data: Digital):
    """The main findings, as bullets with their sources."""
    return _show(findings(data), data)
