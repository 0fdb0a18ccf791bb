"""The trade study's charts and tables: captioned from the scope, or a "no data" note when there is nothing to show."""

from __future__ import annotations

import math

import pandas as pd

from lso_analysis.present import narrative as nv
from lso_analysis.present import tables
from lso_analysis.studies import trade

_NAMES = {"trade_turnover": "trade_turnover", "exports": "exports_name", "imports": "imports_name",
          "trade_turnover_all_goods": "trade_turnover_all_goods", "local_exports": "local_exports",
          "budget_revenue": "budget_revenue", "customs_revenue": "customs_revenue"}


def _w(t, key: str, **values) -> str:
    return trade.words(key, t.scope, province=t.scope.province, **values)


def _h(t, *keys: str) -> list[str]:
    return [trade.words(f"h_{k}", t.scope) for k in keys]


def name(t, code: str) -> str:
    """A series' name in the report's language."""
    return trade.words(_NAMES.get(code, code), t.scope)


def declared(t) -> str:
    """ "declared at <the province's customs office>" when the context data name it, else a generic phrase."""
    ctx = t.context if t.context is not None and len(t.context) else pd.DataFrame(columns=["topic", "text"])
    office = ctx.loc[ctx["topic"] == "customs_office", "text"]
    return _w(t, "declared_at", customs=office.iloc[0]) if len(office) else _w(t, "declared_here")


def _note(t, key: str) -> nv.Markdown:
    """The "no data" note in the report's language."""
    if t.scope.language == "en":
        return nv.missing_note(_w(t, key), t.scope.province)
    from lso_analysis.present import wording

    return nv.md(wording.template("trade.words", "no_data_note", t.scope.language), what=_w(t, key),
                 province=t.scope.province)


def _table(t, frame, columns: dict, caption: str, sources, missing: str, has_data=None, quiet: bool = False):
    """The captioned table, or the "no data" note (nothing at all when ``quiet``: a chart or claim beside it says so)."""
    if not (len(frame) > 0 if has_data is None else has_data):
        return None if quiet else _note(t, missing)
    shown = tables.readable(frame, columns, t.scope.language)
    return tables.table_or_note(shown, _w(t, caption, declared=declared(t)), list(sources), _w(t, missing),
                                t.scope.province, has_data=has_data)


def _localise(t, fig):
    """A chart of the shared plotting functions with their English legend, lane, axis and caption words put
    into the report's language (``fig_*``/``lane_*`` wordings); unchanged in English."""
    if t.scope.language == "en":
        return fig
    import re
    import textwrap

    from lso_analysis.present import plotstyle, plotting

    exact = {plotting.ORIGIN_LABEL[k]: _w(t, f"fig_{k}") for k in ("reported", "estimated", "derived")}
    exact.update({"open-ended interval": _w(t, "fig_open"), "no data": _w(t, "fig_no_data"),
                  "% of plan achieved": _w(t, "fig_plan_ylabel"), "partial year": _w(t, "fig_partial"),
                  "USD million": _w(t, "fig_usd_million"), "count": _w(t, "fig_count"), **{code: name(t, code) for code in _NAMES},
                  **{c: _w(t, f"lane_{c}") for c in plotting.CATEGORY_ORDER}})
    caption = [("Bars: interval the printed figures allow.", _w(t, "fig_bars")),
               ("Dashed line: 100 % of plan.", _w(t, "fig_plan_line")),
               ("Sources: none", _w(t, "fig_no_sources")), ("Sources: ", _w(t, "fig_sources"))]
    for ax in fig.axes:
        texts = [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.texts]
        legend = ax.get_legend()
        texts += list(legend.get_texts()) if legend is not None else []
        for text in texts:
            shown = exact.get(text.get_text(), text.get_text())
            if re.fullmatch(r"[−+-]?\d+\.\d+%", shown):  # a bar's label ("138.6%"): decimal comma
                shown = shown.replace(".", ",")
            text.set_text(shown)
        lanes = [x.get_text() for x in ax.get_yticklabels()]
        if any(x in exact for x in lanes):
            ax.set_yticks(ax.get_yticks(), [exact.get(x, x) for x in lanes])
    for text in fig.texts:
        body = text.get_text().replace("\n", " ")
        for en, vi in caption:
            body = body.replace(en, vi)
        body = re.sub(r"(\d+) of (\d+) events drawn without a label \(too close to another\)\.",
                      lambda m: _w(t, "fig_unlabelled", n=m[1], total=m[2]), body)
        body = re.sub(r"(\d+) events outside (\S+)\.\.(\S+) not shown\.",
                      lambda m: _w(t, "fig_outside", n=m[1], first=m[2], last=m[3]), body)
        width = int(fig.get_size_inches()[0] * plotstyle._CHARS_PER_INCH)
        text.set_text("\n".join(textwrap.wrap(body, width, break_on_hyphens=False)))
    return fig


def turnover_chart(t):
    """The declared turnover by year with its intervals, or a note."""
    from lso_analysis.present import plotting

    if not t.turnover["value"].notna().any():
        return _note(t, "turnover_missing")
    title = _w(t, "turnover_title", declared=declared(t), window=t.scope.window.label())
    return _localise(t, plotting.plot_series_with_intervals(t.turnover, title=title, ylabel=_w(t, "ylabel_usd")))


def turnover_table(t):
    h = _h(t, "year", "declared", "figure", "how", "source")
    cols = {h[0]: "year", h[1]: ("value", "USD million", False), h[2]: "origin", h[3]: "how", h[4]: "source_ids"}
    shown = t.turnover.assign(origin=t.turnover["origin"].replace({"missing": _w(t, "origin_missing")}))
    return _table(t, shown, cols, "turnover_caption", t.turnover["source_ids"], "turnover_missing",
                  has_data=t.turnover["value"].notna().any(), quiet=True)


def _shown_events(t) -> pd.DataFrame:
    """The closures, halts and reopenings drawn over the charts, titled in the report's language."""
    shown = t.border[t.border["group"].isin(trade.BORDER_GROUPS)]
    return shown.assign(title=[trade.event_text(t.scope, r) for _, r in shown.iterrows()])


def yoy_chart(t):
    """Every growth figure of the declared turnover over the closures and reopenings, or a note."""
    from lso_analysis.present import plotting

    if t.yoy.empty:
        return _note(t, "yoy_missing")
    window = (t.scope.window.start, t.scope.window.end)
    fig = plotting.plot_timeline(_shown_events(t), t.yoy, title=_w(t, "yoy_title"), window=window)
    fig.axes[0].axhline(0, color="0.3", linewidth=0.8)
    return _localise(t, fig)


def yoy_table(t):
    h = _h(t, "period", "growth", "figure", "source")
    cols = {h[0]: "period", h[1]: ("value", "%", True), h[2]: "origin", h[3]: "source_ids"}
    return _table(t, t.yoy, cols, "yoy_caption", t.yoy["source_ids"], "yoy_missing", quiet=True)


def plans_table(t):
    p = t.plans.assign(growth_origin=[trade.words(f"growth_{o}", t.scope) if o else "" for o in t.plans["growth_origin"]])
    h = _h(t, "year", "declared", "growth_before", "growth_how", "plan_pct", "plan")
    cols = {h[0]: "year", h[1]: ("level", "USD million", False), h[2]: ("growth", "%", True), h[3]: "growth_origin",
            h[4]: ("plan_pct", "%", False), h[5]: ("plan", "USD million", False)}
    sources = [*t.turnover["source_ids"], *p["plan_sources"], *p["growth_sources"]]
    return _table(t, p, cols, "plans_caption", [s for s in sources if isinstance(s, str)], "plans_missing",
                  has_data=t.turnover["value"].notna().any())


def attainment_chart(t):
    from lso_analysis.present import plotting

    if t.attainment.empty:
        return _note(t, "attainment_missing")
    return _localise(t, plotting.plot_plan_attainment(t.attainment, title=_w(t, "attainment_title")))


def _tick(start, end, language: str) -> str:
    """A tick label: the short period label with its year on a second line ("Jan–Oct\\n2021")."""
    from lso_analysis.present import labels

    text = labels.period_label(start, end, "short", language)
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    if language != "en" and text.startswith("từ ngày"):  # a day-to-day span, compacted for an axis
        return f"{s.day}/{s.month}–{e.day}/{e.month}\n{e.year}"
    return "\n".join(text.rsplit(" ", 1)) if " " in text else text


def parts_chart(t):
    """Exports and imports as shares of their sum per period (total written above); hatched = derived; or a note."""
    import matplotlib as mpl
    from matplotlib.patches import Patch

    from lso_analysis.present.plotting import finish, house_rc, new_figure, palette

    table = t.parts
    if table.empty:
        return _note(t, "parts_missing")
    fig, ax = new_figure((9.0, 4.5))
    colours = palette(2)
    with mpl.rc_context(house_rc()):
        for x, r in enumerate(table.itertuples()):
            hatch = "//" if r.origin == "derived" else None
            ax.bar(x, r.export_share, color=colours[0], hatch=hatch, edgecolor="white")
            ax.bar(x, 100 - r.export_share, bottom=r.export_share, color=colours[1], hatch=hatch, edgecolor="white")
            ax.text(x, r.export_share / 2, f"{r.export_share:.0f}%", ha="center", va="center", fontsize=8, color="white")
            ax.text(x, 101, nv.fmt_number(r.exports + r.imports, 0, t.scope.language), ha="center", va="bottom", fontsize=7)
        ax.set_xticks(range(len(table)), [_tick(s, e, t.scope.language) for s, e in
                                          zip(table["period_start"], table["period_end"])], fontsize=7)
        ax.set_ylim(0, 112)
        ax.set_ylabel(_w(t, "parts_ylabel"))
        ax.set_title(_w(t, "parts_title", declared=declared(t)))
        ax.legend(handles=[Patch(color=colours[0], label=_w(t, "exports")), Patch(color=colours[1], label=_w(t, "imports")),
                           Patch(facecolor="white", edgecolor="0.3", hatch="//", label=_w(t, "derived_bar"))],
                  fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return _localise(t, finish(fig, set(table["source_id"]), _w(t, "parts_note")))


def parts_table(t):
    h = _h(t, "period", "exports", "imports", "share", "figure", "source")
    cols = {h[0]: "period", h[1]: ("exports", "USD million", False), h[2]: ("imports", "USD million", False),
            h[3]: ("export_share", "%", False, 0), h[4]: "origin", h[5]: "source_id"}
    return _table(t, t.parts, cols, "parts_caption", t.parts["source_id"], "parts_missing", quiet=True)


def trucks_chart(t):
    """Trucks waiting above the closures, halts and reopenings from the month before the first count on, or a note."""
    from lso_analysis.present import plotting

    if t.trucks.empty:
        return _note(t, "trucks_missing")
    lo = max(t.trucks["date"].min() - pd.DateOffset(months=1), t.scope.window.start)
    hi = min(t.trucks["date"].max() + pd.DateOffset(months=1), t.scope.window.end)
    return _localise(t, plotting.plot_timeline(_shown_events(t), t.trucks, title=_w(t, "trucks_title"), window=(lo, hi)))


def trucks_table(t):
    h = _h(t, "date", "trucks", "raw", "note", "source")
    cols = {h[0]: "period", h[1]: ("value", "count", False), h[2]: "value_raw", h[3]: "scope", h[4]: "source_ids"}
    if t.scope.language != "en":  # the transcribers' notes on what a count covers are English data
        del cols[h[3]]
    rows = t.trucks.assign(value_raw=_printed(t, t.trucks))
    return _table(t, rows, cols, "trucks_caption", t.trucks["source_ids"], "trucks_missing", quiet=True)


def _printed(t, rows: pd.DataFrame) -> list[str]:
    """The printed words of each row; in another language than English, only those of sources written in it
    (an English source's words are not the report's language: a note says so instead)."""
    if t.scope.language == "en" or rows.empty:
        return list(rows["value_raw"])
    import lso_analysis

    languages = lso_analysis.load_sources().set_index("source_id")["language"]
    return [raw if languages.get(str(src).split(";")[0], t.scope.language) == t.scope.language
            else _w(t, "raw_other_language") for raw, src in zip(rows["value_raw"], rows["source_ids"])]


def after_table(t):
    """Growth of the three series from the month of the reopening on; nothing at all when there was no reopening."""
    if t.reopened is None or t.after.empty:
        return None
    rows = t.after.assign(name=[name(t, c) for c in t.after["indicator"]])
    h = _h(t, "period", "series", "growth", "figure", "source")
    cols = {h[0]: "period", h[1]: "name", h[2]: ("value", "%", True), h[3]: "origin", h[4]: "source_ids"}
    return _table(t, rows, cols, "after_caption", rows["source_ids"], "yoy_missing")


def revenue_table(t):
    rows = t.revenue.assign(name=[name(t, c) for c in t.revenue["indicator"]])
    h = _h(t, "period", "revenue", "amount", "growth", "share_plan", "figure", "source")
    cols = {h[0]: "period", h[1]: "name", h[2]: ("value", "VND billion", False), h[3]: ("growth", "%", True),
            h[4]: ("plan_pct", "%", False), h[5]: "origin", h[6]: "source_id"}
    return _table(t, rows, cols, "revenue_caption", rows["source_id"], "revenue_missing")


def knock_table(t):
    k = t.knock.assign(revenue=[name(t, c) for c in t.knock["indicator_rev"]])
    h = _h(t, "period", "declared", "revenue", "revenue_growth")
    cols = {h[0]: "period", h[1]: ("value_trade", "%", True), h[2]: "revenue", h[3]: ("value_rev", "%", True)}
    return _table(t, k, cols, "knock_caption", [*k["source_id_trade"], *k["source_id_rev"]], "knock_missing",
                  quiet=True)


def mags_table(t):
    h = _h(t, "period", "declared", "all_goods", "ratio")
    cols = {h[0]: "period", h[1]: ("value_declared", "USD million", False), h[2]: ("value_all", "USD million", False),
            h[3]: ("ratio", "times", False)}
    return _table(t, t.mags, cols, "mags_caption", [*t.mags["source_id_declared"], *t.mags["source_id_all"]],
                  "mags_missing", quiet=True)


def _band(t, low: float, high: float) -> str:
    return "–".join("…" if math.isnan(x) else nv.fmt_number(x, 0, t.scope.language) for x in (low, high))


def check_table(t):
    """One row per series: figures, how many fit, their yearly scale, the band and where the band comes from."""
    c = t.checks
    if c.empty:
        return None  # the magnitude claim says there is no figure to check
    h = _h(t, "series", "figures", "fit", "per_year", "band", "basis")
    frame = pd.DataFrame({
        h[0]: [name(t, code) for code in c["indicator"]], h[1]: c["figures"], h[2]: c["fit"],
        h[3]: [_band(t, lo, hi) for lo, hi in zip(c["per_year_low"], c["per_year_high"])],
        h[4]: [_band(t, lo, hi) if j else "—" for lo, hi, j in zip(c["band_low"], c["band_high"], c["judged"])],
        h[5]: [_w(t, "band_derived" if b.startswith("derived") else "band_recorded") if j else _w(t, "band_none")
               for b, j in zip(c["basis"], c["judged"])]})
    return tables.table_or_note(frame, _w(t, "check_caption"), list(c["source_ids"]), _w(t, "check_missing"),
                                t.scope.province)
