"""What the audit notebook shows: its claims as text, its tables captioned from the parameters, or nothing."""

from __future__ import annotations

import re

import pandas as pd

from lso_analysis.present import labels
from lso_analysis.present import narrative as nv
from lso_analysis.present import wording
from lso_analysis.present.claims import show as _show_claims
from lso_analysis.studies import audit as au
from lso_analysis.studies import audit_claims as ac
from lso_analysis.studies import audit_words as aw

_NOTHING = nv.Markdown("")


def _window(a: au.Audit) -> str:
    """The window in words: "2019–2023" in English (as before), "giai đoạn 2019–2023" / "năm 2020" in Vietnamese."""
    w = a.scope.window
    return w.label() if a.scope.language == "en" else labels.period_label(w.start, w.end, "long", a.scope.language)


def caption(a: au.Audit, name: str) -> str:
    """The caption ``name`` in the scope's language, with the province and the window (plain text: tables escape)."""
    template = wording.template(f"audit.caption.{name}", "default", a.scope.language)
    return template.format(province=a.scope.province, window=_window(a))


def show(claims, a: au.Audit | None = None):
    """The claims shown in the scope's language."""
    return _show_claims(claims, a.scope.language if a is not None else "en")


def _table(a: au.Audit, frame: pd.DataFrame, name: str, source_ids):
    """A captioned table with its headings and words in the scope's language, or nothing when it is empty."""
    if not len(frame):
        return _NOTHING
    return nv.show_table(aw.localise(frame, a.scope, _window(a)), caption(a, name), list(source_ids))


class Tables:
    """Several tables shown one after the other (each cites its own sources)."""

    def __init__(self, tables: list):
        self.tables = [t for t in tables if t is not _NOTHING]

    def _repr_html_(self) -> str:
        return "".join(t._repr_html_() for t in self.tables)

    def __repr__(self) -> str:
        return "\n\n".join(repr(t) for t in self.tables)


class ContextList:
    """Claims that quote text naming years outside the window, shown as an HTML list (their marks kept).

    nbconvert's Markdown renderer with embedded images closes an inline ``<span>`` at once, which would drop the
    ``lso-ref`` mark; an HTML output is inserted as it is. The claims' Markdown (code spans, backslash escapes)
    is turned into the same HTML.
    """

    def __init__(self, claims: list, language: str = "en"):
        self.claims, self.language = list(claims), language

    def _repr_html_(self) -> str:
        from html import escape

        from lso_analysis.present.citations import cite

        ids = sorted({i for c in self.claims for i in c.source_ids})
        if ids:
            cite(*ids)
        label = "Sources" if self.language == "en" else "Nguồn"
        items = []
        for c in self.claims:
            text = re.sub(r"`([^`]*)`", r"<code>\1</code>", c.text(self.language))
            text = re.sub(r"\\([\\`*_\[\]])", r"\1", text)
            items.append(f"<li>{text} <small>({label}: {escape(', '.join(sorted(set(c.source_ids))))})</small></li>")
        return "<ul class='lso-context'>" + "".join(items) + "</ul>"

    def __repr__(self) -> str:
        return "\n".join(c.text(self.language) for c in self.claims)


def _split_by_years(frame: pd.DataFrame, columns: list[str], a: au.Audit) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows whose free text ``columns`` name only years of the window, and the others (shown as context)."""
    if frame.empty:
        return frame, frame
    text = frame[columns].astype(str).agg(" ".join, axis=1)
    outside = text.map(lambda t: bool(au.years_outside(t, a.scope.window)))
    return frame[~outside], frame[outside]


def title(a: au.Audit):
    """The heading of this run: province, window and switches."""
    return show(ac.heading(a), a)


def sources(a: au.Audit):
    """Who the sources are: count, other geographies, dates, publication against the window, figures, low copies."""
    return show([ac.sources(a), ac.other_geographies(a), ac.dates(a), ac.publication(a), ac.window_figures(a),
                 ac.low(a)], a)


def reliability_table(a: au.Audit):
    frame = au.reliability_table(a.overview, a.scope.window) if len(a.overview) else a.overview
    return _table(a, frame, "reliability", a.source_ids)


def outlets(a: au.Audit):
    return show(ac.outlets(a), a)


def outlet_table(a: au.Audit):
    return _table(a, au.outlet_table(a.overview, a.scope.window), "outlets", a.source_ids)


def coverage_chart(a: au.Audit):
    """The heat map of the key indicator-years, or nothing when no cell is filled (the claims say so)."""
    from lso_analysis.present import plotting

    if (a.coverage["status"] == "none").all():
        return _NOTHING
    cov = a.coverage.assign(indicator=[aw.chart_indicator(c, a.scope.language) for c in a.coverage["indicator"]])
    return plotting.plot_coverage(cov, title=caption(a, "coverage_chart"), words=aw.coverage_words(a.scope.language))


def coverage(a: au.Audit):
    return show(ac.coverage(a), a)


def context(a: au.Audit, topic: str):
    """The project's context note on ``topic`` for this province, when one exists."""
    notes = ac.context(a, topic)
    return show(notes, a) if notes else _NOTHING


def gaps_table(a: au.Audit):
    gaps = au.empty_cells(a.coverage, a.obs, a.scope)
    if (a.coverage["status"] == "none").all():
        return _NOTHING
    return _table(a, gaps, "gaps", gaps["source_ids"])


def checks(a: au.Audit):
    return show(ac.checks(a), a)


def checks_tables(a: au.Audit):
    """The comparisons by kind and verdict, and those whose intervals do not overlap."""
    c = a.checks
    if c.empty:
        return _NOTHING
    ids = list(c["source_a"]) + list(c["source_b"].dropna())
    flagged = au.flagged_checks(c, a.scope.language)
    return Tables([_table(a, au.consistency_overview(c), "checks", ids),
                   _table(a, flagged, "flagged", list(c.loc[c["status"] != "ok", "source_a"])
                          + list(c.loc[c["status"] != "ok", "source_b"].dropna()))])


def judgements(a: au.Audit):
    return show(ac.judgements(a), a)


def _judgements_split(a: au.Audit):
    table = au.recorded_conflicts(a.conflicts, obs_ids=list(a.window_obs["obs_id"]))
    return _split_by_years(table, ["judgement (gist)"], a)


def _english(a: au.Audit) -> bool:
    """Whether the curators' reasons (English text) are shown: in the English edition only."""
    return a.scope.language == "en"


def judgement_table(a: au.Audit):
    """The recorded judgements on figures of the window whose reasoning names only years of the window.

    The Vietnamese edition shows them without their reasoning (the curators' English text; see
    :func:`judgement_context`).
    """
    inside, _ = _judgements_split(a)
    shown = inside if _english(a) else inside.drop(columns=["judgement (gist)"])
    return _table(a, shown, "judgements", inside["source_ids"])


def judgement_context(a: au.Audit):
    """The other recorded judgements on figures of the window: their reasoning names other years (context).

    In the Vietnamese edition: a sentence counting the judgements whose English reasoning is left out.
    """
    inside, outside = _judgements_split(a)
    if not _english(a):
        return show(ac.english_notes(a, len(inside) + len(outside), 0), a) if len(inside) + len(outside) else _NOTHING
    return ContextList(ac.judgement_context(a, outside), a.scope.language) if len(outside) else _NOTHING


def attribution(a: au.Audit):
    return show(ac.attribution(a), a)


def attribution_table(a: au.Audit):
    """The documents held as full text that are about the province, by record or by detection."""
    att, p = a.attribution, au.normalize_text(a.scope.province)
    mine = att[(att["recorded"] == p) | (att["detected"] == p)]
    return _table(a, mine, "attribution", mine["source_id"])


def figures(a: au.Audit):
    return show([ac.statuses(a), ac.measures(a)], a)


def figures_table(a: au.Audit):
    return _table(a, au.figure_counts(a.obs, a.scope), "figures", a.overview.loc[a.overview["n_window"] > 0, "source_id"])


def fixes(a: au.Audit):
    return show(ac.fixes(a), a)


def _fixes_split(a: au.Audit):
    table = au.fixes_table(a.fixes)
    table = table[table["obs_id"].isin(set(a.window_obs["obs_id"]))]
    return _split_by_years(table, ["printed", "read as", "reason"], a)


def fixes_table(a: au.Audit):
    """The recorded fixes of figures in the window whose text names only years of the window.

    The Vietnamese edition leaves out the reason (the curators' English text; see :func:`fixes_context`).
    """
    inside, _ = _fixes_split(a)
    return _table(a, inside if _english(a) else inside.drop(columns=["reason"]), "fixes", inside["source_id"])


def fixes_context(a: au.Audit):
    """The other recorded fixes of figures in the window: their text names other years (context).

    In the Vietnamese edition: a sentence counting the fixes whose English reason is left out.
    """
    inside, outside = _fixes_split(a)
    if not _english(a):
        return show(ac.english_notes(a, 0, len(inside) + len(outside)), a) if len(inside) + len(outside) else _NOTHING
    return ContextList(ac.fix_context(a, outside), a.scope.language) if len(outside) else _NOTHING


def findings(a: au.Audit):
    return show(ac.findings(a), a)
