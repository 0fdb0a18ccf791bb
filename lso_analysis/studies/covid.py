"""How hard COVID-19 hit a province (notebook 10): one :class:`Study` per scope, one call per notebook cell."""

from __future__ import annotations

import dataclasses
import math
from functools import cached_property

import pandas as pd

from lso_analysis.analysis.scope import Scope
from lso_analysis.cleaning.text import normalize_text
from lso_analysis.present import claims as cl
from lso_analysis.present import labels, tables, wording
from lso_analysis.present import narrative as nv
from lso_analysis.studies import covid_claims as cc
from lso_analysis.studies import covid_more as cm
from lso_analysis.studies.covid_calc import (  # noqa: F401  (the study's public names)
    CHANNELS, PANDEMIC_YEARS, SECTORS, TIMELINE_KINDS, Counterfactual, TrendBreak, benchmarks, channel_benchmarks,
    counterfactual_gap, grdp_growth, growth_rows, pre_covid, timeline_events, sensitivity, trend_break, trend_years,
)


class Study:
    """Notebook 10 for one scope: the data loaded once, every table, chart and claim one call away.

    The notebook builds one study from a :class:`~lso_analysis.analysis.scope.Scope` and calls one method per
    cell; each returns a captioned table, a chart, claims, or the note saying what is missing. The figures are
    computed in :mod:`lso_analysis.studies.covid_calc`, the claims in :mod:`~lso_analysis.studies.covid_claims`
    and :mod:`~lso_analysis.studies.covid_more`, the words in :mod:`lso_analysis.present.wording.covid`.

    Args:
        scope: province, window, switches and language.
        obs, with_targets, events, sources, kinds: the loaded tables (loaded for the province when None).
    """

    def __init__(self, scope: Scope, obs=None, with_targets=None, events=None, sources=None, kinds=None):
        import lso_analysis as lso

        self.scope = dataclasses.replace(scope, province=normalize_text(scope.province))
        p = self.scope.province
        self.obs = lso.load_observations(province=p) if obs is None else obs[obs["province"] == p]
        self.with_targets = (lso.load_observations(province=p, include_targets=True) if with_targets is None
                             else with_targets[with_targets["province"] == p])
        self.events = lso.load_events(province=p) if events is None else events
        self.sources = lso.load_sources() if sources is None else sources
        self.kinds = lso.load_event_kinds() if kinds is None else kinds
        self.context = lso.load_context(p)

    # -- words --------------------------------------------------------------------------------------------
    def label(self, key: str, **values) -> str:
        """A caption, title or heading in the scope's language, with the province and window filled in."""
        window = labels.period_label(self.scope.window.start, self.scope.window.end, "long", self.scope.language)
        return wording.template("covid.label", key, self.scope.language).format(
            province=self.scope.province, window=window, **values)

    def _show(self, claims) -> cl.ClaimList:
        return cl.show(claims, self.scope.language)

    # -- figures ------------------------------------------------------------------------------------------
    @cached_property
    def growth(self) -> pd.DataFrame:
        return grdp_growth(self.scope, self.obs)

    @cached_property
    def bench(self) -> pd.DataFrame:
        return benchmarks(self.scope, self.with_targets)

    @cached_property
    def pre(self):
        return pre_covid(self.bench)

    @cached_property
    def cf(self) -> Counterfactual:
        return counterfactual_gap(self.growth, self.pre)

    @cached_property
    def national(self) -> pd.DataFrame:
        """Vietnam's GDP growth in the window, first estimates (the vintage a provincial estimate is compared with)."""
        import lso_analysis as lso
        from lso_analysis.analysis import peers

        return peers.national_growth(lso.load_observations(province=peers.NATION), self.scope.window, "first")

    @cached_property
    def sens(self) -> pd.DataFrame:
        return sensitivity(self.growth, self.bench)

    @cached_property
    def sectors(self) -> pd.DataFrame:
        return growth_rows(self.scope, self.obs, {c: cc.name(c, self.scope) for c in SECTORS})

    @cached_property
    def channels(self) -> pd.DataFrame:
        return growth_rows(self.scope, self.obs, {c: cc.name(c, self.scope) for c in CHANNELS})

    @cached_property
    def averages(self) -> pd.DataFrame:
        return channel_benchmarks(self.scope, self.with_targets, {c: cc.name(c, self.scope) for c in CHANNELS})

    @cached_property
    def tb(self) -> TrendBreak:
        return trend_break(self.growth)

    # -- claims -------------------------------------------------------------------------------------------
    def claims(self) -> dict[str, list[cl.Claim]]:
        """Every claim of the report by section (the tests and a second language read them here)."""
        s, g, cf = self.scope, self.growth, self.cf
        names = dict(zip(self.kinds["code"], self.kinds["name_en" if s.language == "en" else "name_vi"]))
        channel = ([cm.channel_in_trough(s, g, self.channels, self.averages, c) for c in CHANNELS]
                   if cc.lowest(g) is not None else [cm.trough_channels(s, g, self.channels)])
        channel += [c for c in (cm.channel_yardstick(s, self.averages, code) for code in CHANNELS) if c is not None]
        channel += [cm.channel_path(s, self.channels, c) for c in CHANNELS]
        channel.append(cm.reopening(s, self.events, self.channels))
        return {
            "heading": [cc.title(s)], "overview": [cc.overview(s, g, self.pre)],
            "timeline": [cc.trough(s, g, self.pre), cc.second_half(s, g), cc.first_case(s, g, self.events, names),
                         cc.recovery(s, g, cf), cc.later_shocks(s, g, self.events)],
            "path": [cc.gap(s, g, cf, self.sens)] + ([cc.path_caveat(s, g, cf)] if cf.final is not None else []),
            "sectors": [cc.sectors(s, g, self.sectors), cc.sectors_later(s, g, self.sectors),
                        cc.sector_coverage(s, g, self.sectors)],
            "channels": channel,
            "trend_break": [cm.trend_break(s, self.tb)], "trend_reading": [cm.trend_reading(s, self.tb, cf)],
            "gaps": cm.data_gaps(s, g, self.channels, self.sources, self.obs),
            "shared": [cm.shared_shortfall(s, cf, self.national)],
            "findings": [cc.trough(s, g, self.pre), cc.recovery(s, g, cf), cc.gap(s, g, cf, self.sens),
                         cc.sectors(s, g, self.sectors), cm.trough_channels(s, g, self.channels)],
        }

    @cached_property
    def _claims(self) -> dict[str, list[cl.Claim]]:
        return self.claims()

    def show(self, section: str, bullets: bool | None = None) -> cl.ClaimList:
        """The claims of one section, as a paragraph (one claim) or bullets.

        When the data are missing, one "no data" sentence says so for the section, not one per claim; a
        reading of the model is left out when there is no fit to read.
        """
        items, kept = self._claims[section], []
        for claim in items:
            if claim.case in ("no_data", "no_fit") and any(k.case == "no_data" for k in kept):
                continue
            if claim.case == "no_fit":
                continue
            kept.append(claim)
        return cl.show(kept, self.scope.language, bullets=bullets)

    def heading(self):
        """The report's province- and window-specific heading, then the province's context from the data."""
        from lso_analysis.dataset.loaders import context_in

        shown = context_in(self.context[self.context["topic"] == "economy"], self.scope.language)
        rows = [cl.Claim("covid.context", "text", {"text": r["text"]}, (r["source_id"],))
                for _, r in shown.iterrows() if isinstance(r["text"], str) and r["text"].strip()]
        return cl.show(self._claims["heading"] + rows, self.scope.language, bullets=False)

    def findings(self) -> cl.ClaimList:
        """The findings: the trough, the recovery, the gap with its spread, sectors and channels (what holds)."""
        items = self._claims["findings"]
        kept = [items[0]] + [c for c in items[1:] if c.holds and c.case not in ("no_later_year", "none", "no_breakdown")]
        return cl.show(kept if items[0].case != "no_data" else items[:1], self.scope.language, bullets=True)

    # -- tables and charts --------------------------------------------------------------------------------
    def growth_table(self):
        """GRDP growth by first half and full year, captioned with its sources, or the missing-data note."""
        g, L = self.growth, self.label
        g = g.assign(origin=g["origin"].replace({"missing": L("origin_missing")}))  # a period with no figure
        frame = tables.readable(g, {L("col_period"): "period", L("col_growth"): ("value", "%", True),
                                    L("col_figure"): "origin", L("col_source"): "source_ids"}, self.scope.language)
        return tables.table_or_note(frame, L("growth_caption"), g["source_ids"], L("growth_what"), self.scope.province,
                                    has_data=g["value"].notna().any())

    def growth_chart(self):
        """GRDP growth by half-year and year above the waves and border closures, the benchmark dotted; or a note."""
        from lso_analysis.present import plotting

        shown, bench = self.growth[self.growth["value"].notna()], self.pre
        if shown.empty:
            return nv.missing_note(self.label("growth_what"), self.scope.province)
        if bench is not None:  # the dotted line rests on the benchmark's source: the caption lists it
            shown = shown.assign(source_ids=shown["source_ids"] + ";" + bench["source_id"])
        fig = plotting.plot_timeline(self._events_in_words(), shown, title=self.label("timeline_title"),
                                     kinds=TIMELINE_KINDS)
        self._lanes_in_words(fig)
        if bench is not None:
            ax = fig.axes[0]
            ax.axhline(bench["value"], color="0.3", linestyle=":", linewidth=1.2)
            rate = nv.fmt_value(bench["value"], "%", language=self.scope.language)
            ax.annotate(self.label("bench_line", period=bench["period"], rate=rate),
                        (0.01, bench["value"]), xycoords=("axes fraction", "data"), xytext=(0, 3),
                        textcoords="offset points", fontsize=8, color="0.3")
            ax.set_ylim(min(0.0, ax.get_ylim()[0]), max(ax.get_ylim()[1], bench["value"] * 1.1))
        return fig

    def _events_in_words(self) -> pd.DataFrame:
        """The window's events, labelled in the scope's language: the sources' titles in English, else each
        event's kind (``event_kinds.csv``) and its crossing in words (as ``title`` and ``title_<language>``)."""
        ev = self.scope.events(self.events)
        lang = self.scope.language
        if lang == "en" or ev.empty:
            return ev
        names = dict(zip(self.kinds["code"], self.kinds[f"name_{lang}"]))
        where = ev["crossing"].fillna("") if "crossing" in ev else pd.Series("", index=ev.index)
        words = [names.get(k, k)[:1].upper() + names.get(k, k)[1:] + (f": {cc.crossing(w, self.scope)}" if w else "")
                 for k, w in zip(ev["kind"], where)]
        return ev.assign(title=words, **{f"title_{lang}": words})

    def _lanes_in_words(self, fig) -> None:
        """The timeline's event lanes (category codes) named in the scope's language."""
        if len(fig.axes) < 2:
            return
        ax = fig.axes[-1]
        ticks = [t.get_text() for t in ax.get_yticklabels()]
        ax.set_yticks(ax.get_yticks(), [cc.lane(t, self.scope) for t in ticks])

    def path_frame(self) -> pd.DataFrame:
        """The index and the benchmark path stacked for :func:`~lso_analysis.present.plotting.plot_series_with_intervals`."""
        cf, p = self.cf, self.cf.path
        yearly = self.growth[self.growth["span"] == "year"].set_index("year")
        actual = pd.DataFrame({"year": p["year"], "value": p["actual"], "value_low": p["actual_low"],
                               "value_high": p["actual_high"], "path": self.label("path_actual"),
                               "origin": p["year"].map(yearly["origin"]).replace("missing", "derived").fillna("derived"),
                               "source_ids": p["year"].map(yearly["source_ids"]).fillna("")})
        bench = pd.DataFrame({"year": p["year"], "value": p["counterfactual"], "value_low": p["cf_low"],
                              "value_high": p["cf_high"], "origin": "derived", "source_ids": ";".join(cf.source_ids),
                              "path": self.label("path_bench", rate=nv.fmt_value(cf.rate, "%", language=self.scope.language),
                                                 period=cf.label)})
        return pd.concat([actual, bench], ignore_index=True).assign(unit=self.label("path_unit", base=cf.base_year))

    def path_chart(self):
        """The chained GRDP index against the benchmark path, or the claim saying why there is none."""
        from lso_analysis.present import plotting

        if self.cf.final is None:
            return nv.missing_note(self.label("path_what"), self.scope.province)
        return plotting.plot_series_with_intervals(self.path_frame(), group_col="path", title=self.label("path_title"))

    def path_table(self):
        """The index, the path and the gap year by year (marked a yardstick when its base year precedes the window)."""
        L, cf = self.label, self.cf
        if cf.final is None:
            return None
        frame = tables.readable(cf.path, {L("col_year"): "year", L("col_actual"): ("actual", "", False),
                                          L("col_bench"): ("counterfactual", "", False), L("col_gap"): ("gap_pct", "%", True),
                                          L("col_cum"): ("cum_gap", "", True)}, self.scope.language)
        outside = not self.scope.window.contains_year(cf.base_year)
        return nv.show_table(frame, L("path_caption_ref" if outside else "path_caption"),
                             [*self.growth["source_ids"], *cf.source_ids], reference=outside)

    def sensitivity_table(self):
        """The gap under every benchmark the data hold (benchmarks are yardsticks: the table is marked so)."""
        L, s = self.label, self.sens
        if s.empty:
            return nv.missing_note(L("sens_what"), self.scope.province)
        s = s.assign(kind=[cc.word(k, self.scope) for k in s["kind"]])
        frame = tables.readable(s, {L("col_benchmark"): "kind", L("col_period"): "period",
                                    L("col_rate"): ("rate", "%", False), L("col_last"): "year",
                                    L("col_last_gap"): ("gap_pct", "%", True), L("col_cum"): ("cum_gap", "", True),
                                    L("col_source"): "source_id"}, self.scope.language)
        return nv.show_table(frame, L("sens_caption"), [*s["source_id"], *self.growth["source_ids"]], reference=True)

    def sector_table(self):
        """Sector growth as a sector × period grid, estimates marked; or the missing-data note."""
        rows, L = self.sectors[self.sectors["value"].notna()], self.label
        if rows.empty:
            return nv.missing_note(L("sector_what"), self.scope.province)
        cells = rows.assign(cell=[tables.fmt_growth(r, language=self.scope.language)
                                  + (L("est") if r["status"] == "estimate" else "") for _, r in rows.iterrows()])
        wide = cells.pivot(index="name", columns="period", values="cell")
        order = [cc.name(c, self.scope) for c in SECTORS]
        wide = wide.reindex(index=[n for n in order if n in wide.index], columns=list(dict.fromkeys(cells["period"])))
        wide = wide.reset_index().rename(columns={"name": L("col_sector")}).rename_axis(columns=None)
        return nv.show_table(wide, L("sector_caption"), list(rows["source_ids"]))

    def channel_table(self):
        """Growth of industry, retail and declared trade in the window, or the missing-data note."""
        L, ch = self.label, self.channels
        frame = tables.readable(ch, {L("col_period"): "period", L("col_indicator"): "name",
                                     L("col_channel_growth"): ("value", "%", True), L("col_figure"): "origin",
                                     L("col_source"): "source_ids"}, self.scope.language)
        return tables.table_or_note(frame, L("channel_caption"), ch["source_ids"], L("channel_what"), self.scope.province)

    def averages_table(self):
        """The channels' multi-year averages (yardsticks from outside the window: marked so)."""
        L, a = self.label, self.averages
        if a.empty:
            return nv.missing_note(L("avg_what"), self.scope.province)
        a = a.assign(kind=[cc.word(k, self.scope) for k in a["kind"]])
        frame = tables.readable(a, {L("col_indicator"): "name", L("col_over"): "period", L("col_avg"): ("value", "%", False),
                                    L("col_kind"): "kind", L("col_source"): "source_id"}, self.scope.language)
        return nv.show_table(frame, L("avg_caption"), list(a["source_id"]), reference=True)

    def trend_break_table(self):
        """The fitted terms for readers: what each measures, its effect in % and its 95% interval; None without a fit."""
        tb, L = self.tb, self.label
        if tb.result is None:
            return None
        t = tb.result.table[tb.result.table["term"] != "const"].reset_index(drop=True)
        names = {"trend": L("term_trend")} | {c: L("term_year", year=c[6:]) for c in t["term"] if c.startswith("covid_")}
        lang = self.scope.language
        ci = [f"{nv.fmt_value(100 * math.expm1(lo), '%', signed=True, language=lang)} – "
              f"{nv.fmt_value(100 * math.expm1(hi), '%', signed=True, language=lang)}" if lo == lo else L("ci_none")
              for lo, hi in zip(t["ci_low"], t["ci_high"])]
        frame = pd.DataFrame({L("col_term"): t["term"].map(names).fillna(t["term"]),
                              L("col_effect"): [nv.fmt_value(v, "%", signed=True, language=lang) for v in t["effect_pct"]],
                              L("col_ci"): ci})
        years = [int(y) for y in tb.result.path["year"]]
        outside = any(not self.scope.window.contains_year(y) for y in years)
        caption = L("tb_caption_exact" if tb.result.df_resid == 0 else "tb_caption")
        return nv.show_table(frame, caption, list(self.growth["source_ids"]), reference=outside)
