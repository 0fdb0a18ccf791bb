"""Trade through a province's border gates in one scope: declared series, exports and imports, backlogs, revenue."""

from __future__ import annotations

import math
from functools import cached_property

import pandas as pd

from lso_analysis.analysis import consistency, derive, series
from lso_analysis.analysis import intervals as iv
from lso_analysis.analysis.scope import Scope
from lso_analysis.analysis.spans import annual_factor
from lso_analysis.present import labels, wording
from lso_analysis.present.claims import Fig, Span, fmt

TRADE = ("trade_turnover", "exports", "imports")
REVENUE = ("budget_revenue", "customs_revenue")
#: Event groups drawn over the trade charts: closures and halts, and reopenings and resumptions.
BORDER_GROUPS = ("border_shut", "border_open")
#: The kind of event that reopens a crossing or the border (``data/reference/event_kinds.csv``).
REOPENING_KIND = "reopening"
#: A truck count "follows" a closure or halt that came at most this many days before it.
BACKLOG_LAG_DAYS = 31
_SERIES_COLUMNS = ("year", *series.SERIES_COLUMNS)


def words(key: str, scope: Scope, **values) -> str:
    """A caption, title or label of the trade study in the scope's language (``trade.words`` wordings)."""
    return wording.template("trade.words", key, scope.language).format(**values)


def event_text(scope: Scope, event) -> str:
    """An event in the report's language: its title in English; in Vietnamese (the titles are English data)
    its kind (``event_kinds.csv`` ``name_vi``) at its crossings, in the ``trade.words`` wordings."""
    if scope.language == "en":
        return str(event["title"])
    import lso_analysis

    names = [c.strip() for c in str(event.get("crossing") or "").split(";") if c.strip() and c.strip() != "nan"]
    kind = lso_analysis.load_event_kinds().set_index("code").get(f"name_{scope.language}", pd.Series(dtype=str))
    name = str(kind.get(event["kind"], event["kind"]))
    if not names:
        return name
    if names == ["auxiliary gates"]:
        gates = words("auxiliary gates", scope)
    elif len(names) == 1:
        gates = words("gate", scope, name=names[0])
    else:
        gates = words("gates", scope, names=", ".join(names[:-1]) + words("and", scope) + names[-1])
    key = f"event_at_{event['kind']}"
    return words(key if (("trade.words", key) in wording.cases(scope.language)) else "event_at", scope,
                 kind=name, gates=gates)


def observations(scope: Scope, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """The province's figures in the window (estimates only when included; no targets); loaded when None."""
    if obs is None:
        import lso_analysis

        obs = lso_analysis.load_observations(province=scope.province)
    return scope.observations(obs)


def border_events(scope: Scope, events: pd.DataFrame | None) -> pd.DataFrame:
    """The province's events in the window with their ``group`` (``border_shut``, ``border_open`` …)."""
    cols = ["event_id", "date", "date_end", "category", "kind", "group", "crossing", "title", "source_id"]
    if events is None or events.empty:
        return pd.DataFrame(columns=cols)
    import lso_analysis

    groups = lso_analysis.load_event_kinds().set_index("code")["group"]
    unknown = sorted(set(events["kind"].dropna()) - set(groups.index) - {""})
    if unknown:
        raise ValueError(f"events: unknown kind(s) {', '.join(unknown)} (see data/reference/event_kinds.csv)")
    out = scope.events(events).assign(group=lambda f: f["kind"].map(groups).fillna(""))
    return out.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def _pool(scope: Scope, obs: pd.DataFrame, derived: bool | None = None) -> pd.DataFrame:
    """Printed and (if included) derived figures, all in the window: a value implied for a period outside it
    (a base year from a growth rate) is left out."""
    pool = series.candidates(obs, scope.province, scope.include_derived if derived is None else derived)
    return scope.window.select(pool)


def _yearly(scope: Scope, indicator: str, obs: pd.DataFrame, measure: str = "level", derived: bool | None = None):
    spans = [({"year": y}, pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31)) for y in scope.window.years]
    use_derived = scope.include_derived if derived is None else derived
    pool = _pool(scope, obs, use_derived)
    return series.period_series(indicator, spans, obs, scope.province, measure, scope.include_estimates, use_derived,
                                pool=pool)


def _how(scope: Scope, r, pool: pd.DataFrame, raw: dict) -> str:
    """How one year of the declared series was obtained, in words (quoting the printed figures)."""
    if r.origin == "missing":
        part = pool[(pool["period_start"].dt.year == r.year) & (pool["period_end"].dt.year == r.year)]
        if part.empty:
            return words("how_missing", scope)
        p = part.assign(_d=part["period_end"] - part["period_start"]).sort_values(["_d", "obs_id"]).iloc[-1]
        return words("how_partial", scope, value=fmt(Fig.of(p, unit="USD million"), scope.language),
                     period=fmt(Span(p["period_start"], p["period_end"]), scope.language, "the"),
                     origin=words(f"origin_{p['origin']}", scope))
    if r.origin == "derived":
        inputs = words("and", scope).join(f"«{raw.get(i, i)}»" for i in r.obs_ids.split(";"))
        method = words(f"method_{r.method}", scope) if r.method in _METHODS else r.method
        key = "how_derived_next" if r.method == "base_from_growth" else "how_derived"
        return words(key, scope, inputs=inputs, method=method, next=r.year + 1)
    return words("how_printed", scope, raw=raw.get(r.obs_id, ""))


_METHODS = ("base_from_growth", "month_from_ytd", "whole_from_share")


def turnover_series(scope: Scope, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """The declared turnover (``trade_turnover``) by year of the window, with ``how`` each year was obtained.

    Returns:
        :func:`lso_analysis.analysis.series.period_series` rows (``year`` first) plus ``how``: the printed
        figures a value rests on (as printed), or for a missing year the longest partial-year figure there is.
    """
    obs = observations(scope, obs)
    out = _yearly(scope, "trade_turnover", obs)
    pool = _pool(scope, obs)
    pool = pool[(pool["indicator"] == "trade_turnover") & (pool["measure"] == "level")]
    raw = printed_words(scope, obs)
    out["how"] = [_how(scope, r, pool, raw) for r in out.itertuples()]
    return out


def printed_words(scope: Scope, obs: pd.DataFrame) -> dict[str, str]:
    """``{obs_id: value_raw}``; in a language other than English, a source written in another language gives the
    ``raw_other_language`` note instead of its words (the report quotes only words in its own language)."""
    raw = obs.set_index("obs_id")["value_raw"].to_dict()
    if scope.language == "en" or obs.empty:
        return raw
    import lso_analysis

    languages = lso_analysis.load_sources().set_index("source_id")["language"]
    other = words("raw_other_language", scope)
    return {i: text if languages.get(src, scope.language) == scope.language else other
            for i, text, src in zip(obs["obs_id"], obs["value_raw"], obs["source_id"])}


def _implied_growth(level: pd.DataFrame, y: int) -> dict:
    if y - 1 not in level.index or math.isnan(level.loc[y - 1, "value"] + level.loc[y, "value"]):
        return {}
    ratio = iv.div((level.loc[y, "value_low"], level.loc[y, "value_high"]),
                   (level.loc[y - 1, "value_low"], level.loc[y - 1, "value_high"]))
    return {"growth": 100 * (level.loc[y, "value"] / level.loc[y - 1, "value"] - 1), "growth_low": 100 * (ratio[0] - 1),
            "growth_high": 100 * (ratio[1] - 1), "growth_origin": "implied"}


def growth_and_plans(scope: Scope, turnover: pd.DataFrame, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per year: printed growth, growth implied by two yearly levels, printed plan attainment and the implied plan.

    Growth is implied only where none is printed (a level derived from a printed growth would give that
    growth back). ``growth_origin`` is ``printed``, ``implied`` or "". Plans come from ``plan_from_share``
    (level ÷ share of plan).
    """
    obs = observations(scope, obs)
    years = list(turnover["year"])
    printed = _yearly(scope, "trade_turnover", obs, "growth_pct").set_index("year")
    plans = _yearly(scope, "trade_turnover", obs, "plan_pct", derived=False).set_index("year")
    implied = derive.derive_implied(obs) if scope.include_derived and len(obs) else pd.DataFrame()
    if len(implied):
        implied = implied[(implied["method"] == "plan_from_share") & (implied["indicator"] == "trade_turnover")]
    level = turnover.set_index("year")
    rows = []
    for y in years:
        g = printed.loc[y]
        rec = {"year": y, "level": level.loc[y, "value"], "level_low": level.loc[y, "value_low"],
               "level_high": level.loc[y, "value_high"], "level_origin": level.loc[y, "origin"],
               "growth": g["value"], "growth_low": g["value_low"], "growth_high": g["value_high"],
               "growth_origin": "printed" if not math.isnan(g["value"]) else "",
               "growth_sources": g["source_ids"], "plan_pct": plans.loc[y, "value"], "plan": math.nan,
               "plan_low": math.nan, "plan_high": math.nan, "plan_sources": ""}
        if math.isnan(rec["growth"]):
            rec.update(_implied_growth(level, y))
            if rec["growth_origin"] == "implied":
                rec["growth_sources"] = ";".join(sorted({*str(level.loc[y - 1, "source_ids"]).split(";"),
                                                         *str(level.loc[y, "source_ids"]).split(";")} - {""}))
        plan = implied[implied["period_start"].dt.year == y].sort_values("obs_id").head(1) if len(implied) else implied
        if len(plan) and (plan["period_end"].dt.year == y).all():
            rec.update(plan=plan["value"].iloc[0], plan_low=plan["value_low"].iloc[0], plan_high=plan["value_high"].iloc[0],
                       plan_sources=plan["source_id"].iloc[0])
        rows.append(rec)
    return pd.DataFrame(rows)


def plan_rows(scope: Scope, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Printed plan-attainment rows (``plan_pct``) of the declared turnover, exports and imports, for the chart."""
    obs = observations(scope, obs)
    return obs[obs["indicator"].isin(TRADE) & (obs["measure"] == "plan_pct")]


def growth_figures(scope: Scope, obs: pd.DataFrame | None = None, indicators=("trade_turnover",),
                   starting: pd.Timestamp | None = None) -> pd.DataFrame:
    """Every growth figure on the same period a year earlier for ``indicators``, the best one per period.

    Args:
        starting: keep only periods starting on or after this day.

    Returns:
        ``indicator``, ``period`` (short label) and :data:`lso_analysis.analysis.series.SERIES_COLUMNS`, in
        time order (the indicators in the order given within a period).
    """
    obs = observations(scope, obs)
    rows = obs[obs["indicator"].isin(list(indicators)) & (obs["measure"] == "growth_pct")]
    rows = rows[rows["base_start"] == rows["period_start"] - pd.DateOffset(years=1)]
    if starting is not None:
        rows = rows[rows["period_start"] >= starting]
    spans = sorted(set(zip(rows["period_start"], rows["period_end"])))
    if not spans:
        return pd.DataFrame(columns=["indicator", "period", *series.SERIES_COLUMNS])
    pool, parts = _pool(scope, obs), []
    for order, code in enumerate(indicators):
        got = series.period_series(code, [({}, s, e) for s, e in spans], measure="growth_pct", province=scope.province,
                                   include_estimates=scope.include_estimates, include_derived=scope.include_derived,
                                   pool=pool)
        parts.append(got[got["value"].notna()].assign(indicator=code, _o=order))
    out = pd.concat(parts, ignore_index=True).sort_values(["period_start", "period_end", "_o"], kind="stable")
    out["period"] = [labels.period_label(s, e, "long", scope.language) for s, e in zip(out["period_start"], out["period_end"])]
    return out[["indicator", "period", *series.SERIES_COLUMNS]].reset_index(drop=True)


def exports_imports(scope: Scope, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Exports and imports of one source and period from 1 January (year-to-date or year), side by side.

    Returns:
        ``period_start``, ``period_end``, ``period``, ``exports``, ``imports`` (with ``_low``/``_high``),
        ``total`` (printed or implied, NaN if neither), ``export_share`` (% of exports + imports), ``origin``
        (reported | derived), ``status``, ``source_id``; sorted by period.
    """
    obs = observations(scope, obs)
    pool = _pool(scope, obs)
    pool = pool[pool["indicator"].isin(TRADE) & (pool["measure"] == "level") & (pool["period_start"].dt.day_of_year == 1)
                & (pool["unit"] == "USD million")]
    rows = []
    for (source, start, end), g in pool.groupby(["source_id", "period_start", "period_end"], sort=True):
        best = {k: g[g["indicator"] == k].sort_values(["origin", "obs_id"], ascending=[False, True]).head(1) for k in TRADE}
        if best["exports"].empty or best["imports"].empty:
            continue
        ex, im = best["exports"].iloc[0], best["imports"].iloc[0]
        total = best["trade_turnover"]["value"].iloc[0] if len(best["trade_turnover"]) else math.nan
        rows.append({"period_start": start, "period_end": end,
                     "period": labels.period_label(start, end, "long", scope.language),
                     "exports": ex["value"], "exports_low": ex["value_low"], "exports_high": ex["value_high"],
                     "imports": im["value"], "imports_low": im["value_low"], "imports_high": im["value_high"],
                     "total": total, "export_share": 100 * ex["value"] / (ex["value"] + im["value"]),
                     "origin": "derived" if "derived" in (ex["origin"], im["origin"]) else "reported",
                     "status": "estimate" if "estimate" in (ex["status"], im["status"]) else "actual", "source_id": source})
    cols = ["period_start", "period_end", "period", "exports", "exports_low", "exports_high", "imports", "imports_low",
            "imports_high", "total", "export_share", "origin", "status", "source_id"]
    return pd.DataFrame(rows, columns=cols).sort_values(["period_end", "period_start"], kind="stable").reset_index(drop=True)


def backlog(scope: Scope, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Trucks waiting at the gates: the best count per date in the window.

    Returns:
        Series rows (``date``, ``value``, ``value_low``, ``value_high``, ``origin``, ``source_ids`` …) plus
        ``period`` (the date, short), ``scope`` (the transcriber's note on which gates or trucks a count
        covers) and ``value_raw``.
    """
    obs = observations(scope, obs)
    rows = obs[(obs["indicator"] == "trucks_waiting") & (obs["period_start"] == obs["period_end"])]
    cols = ["date", "period", *series.SERIES_COLUMNS, "scope", "value_raw"]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    spans = [({"date": d}, d, d) for d in sorted(set(rows["period_start"]))]
    out = series.period_series("trucks_waiting", spans, rows, scope.province, include_estimates=scope.include_estimates)
    out = out[out["value"].notna()].reset_index(drop=True)
    by_id = obs.set_index("obs_id")
    out["scope"], out["value_raw"] = out["obs_id"].map(by_id["note"]).fillna(""), out["obs_id"].map(by_id["value_raw"])
    out["period"] = [labels.period_label(d, d, "long", scope.language) for d in out["date"]]
    return out[cols]


def reopening(scope: Scope, events: pd.DataFrame | None) -> pd.Series | None:
    """The reopening: the first event of kind ``reopening`` after the last closure or halt in the window.

    With no closure or halt (group ``border_shut``) in the window, the first ``reopening`` event. None when
    no reopening follows the last closure. On one day an event about the whole border (no ``crossing``)
    comes before one about a single crossing.
    """
    ev = border_events(scope, events)
    ev = ev.assign(_one=ev["crossing"].fillna("").astype(str).str.strip() != "")
    ev = ev.sort_values(["date", "_one", "event_id"], kind="stable")
    shut = last_closure(scope, events)
    opens = ev[ev["kind"] == REOPENING_KIND]
    if shut is not None:
        opens = opens[opens["date"] > max(shut["date"], shut["date_end"] if not pd.isna(shut["date_end"]) else shut["date"])]
    return opens.drop(columns="_one").iloc[0] if len(opens) else None


def resumptions_after(scope: Scope, events: pd.DataFrame | None) -> pd.DataFrame:
    """Events that reopen something short of the border (group ``border_open``, not a ``reopening``) after the
    last closure or halt of the window."""
    ev = border_events(scope, events)
    shut = last_closure(scope, events)
    rows = ev[(ev["group"] == "border_open") & (ev["kind"] != REOPENING_KIND)]
    return rows[rows["date"] > shut["date"]] if shut is not None else rows


def last_closure(scope: Scope, events: pd.DataFrame | None) -> pd.Series | None:
    """The last closure or halt (group ``border_shut``) in the window, or None."""
    shuts = border_events(scope, events)
    shuts = shuts[shuts["group"] == "border_shut"]
    return shuts.iloc[-1] if len(shuts) else None


def revenue_table(scope: Scope, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Budget and customs revenue levels from 1 January (year or year-to-date) with the growth and plan share beside them."""
    obs = observations(scope, obs)
    pool = _pool(scope, obs)
    pool = pool[pool["indicator"].isin(list(REVENUE)) & (pool["period_start"].dt.day_of_year == 1)
                & (pool["period_start"].dt.year == pool["period_end"].dt.year)]
    rows = []
    for (code, start, end, source), g in pool.groupby(["indicator", "period_start", "period_end", "source_id"]):
        levels = g[g["measure"] == "level"].sort_values(["origin", "obs_id"], ascending=[False, True])
        if levels.empty:
            continue
        lv, first = levels.iloc[0], lambda m: g[g["measure"] == m].sort_values("obs_id").head(1)
        growth, plan = first("growth_pct"), first("plan_pct")
        rows.append({"indicator": code, "period_start": start, "period_end": end,
                     "period": labels.period_label(start, end, "long", scope.language), "value": lv["value"],
                     "value_low": lv["value_low"], "value_high": lv["value_high"], "unit": lv["unit"],
                     "origin": lv["origin"], "status": lv["status"],
                     "growth": growth["value"].iloc[0] if len(growth) else math.nan,
                     "plan_pct": plan["value"].iloc[0] if len(plan) else math.nan, "source_id": source})
    out = pd.DataFrame(rows, columns=["indicator", "period_start", "period_end", "period", "value", "value_low",
                                      "value_high", "unit", "origin", "status", "growth", "plan_pct", "source_id"])
    # a printed level wins over one implied for the same period by another source
    out = out.sort_values(["indicator", "period_start", "period_end", "origin"], ascending=[True, True, True, False])
    out = out.drop_duplicates(["indicator", "period_start", "period_end"])
    return out.sort_values(["period_end", "indicator"], kind="stable").reset_index(drop=True)


def knock_on(scope: Scope, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Year-on-year growth of the declared turnover and of revenue printed for exactly the same period."""
    obs = observations(scope, obs)
    g = obs[obs["measure"] == "growth_pct"]
    g = g[g["base_start"] == g["period_start"] - pd.DateOffset(years=1)]
    trade = g[g["indicator"] == "trade_turnover"].sort_values("obs_id").drop_duplicates(["period_start", "period_end"])
    rev = g[g["indicator"].isin(list(REVENUE))]
    cols = ["period_start", "period_end", "period", "indicator_rev", "value_trade", "value_low_trade", "value_high_trade",
            "value_rev", "value_low_rev", "value_high_rev", "source_id_trade", "source_id_rev"]
    out = trade.merge(rev, on=["period_start", "period_end"], suffixes=("_trade", "_rev"))
    out["period"] = [labels.period_label(s, e, "long", scope.language) for s, e in zip(out["period_start"], out["period_end"])]
    return out.reindex(columns=cols).sort_values(["period_end", "indicator_rev"], kind="stable").reset_index(drop=True)


def magnitudes(scope: Scope, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Periods with both the declared series and the "all goods crossing" series: both values and their ratio."""
    obs = observations(scope, obs)
    lv = obs[(obs["measure"] == "level") & (obs["unit"] == "USD million")]
    a = lv[lv["indicator"] == "trade_turnover"]
    b = lv[lv["indicator"] == "trade_turnover_all_goods"]
    out = a.merge(b, on=["period_start", "period_end"], suffixes=("_declared", "_all"))
    out = out.assign(period=[labels.period_label(s, e, "long", scope.language)
                             for s, e in zip(out["period_start"], out["period_end"])],
                     ratio=out["value_all"] / out["value_declared"])
    cols = ["period_start", "period_end", "period", "value_declared", "value_all", "ratio", "source_id_declared",
            "source_id_all"]
    return out.sort_values("period_end", ascending=False).reindex(columns=cols).reset_index(drop=True)


def magnitude_check(scope: Scope, obs: pd.DataFrame | None = None, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`lso_analysis.analysis.consistency.check_trade_magnitudes` on the window's figures, one row per series.

    The bands are the province's own (:func:`lso_analysis.analysis.consistency.magnitude_bands`): from
    ``magnitude_bands.csv`` or derived from its figures. Returns ``indicator``, ``figures``, ``fit``,
    ``judged`` (False when the series has no band), ``per_year_low``/``per_year_high``, ``band_low``/
    ``band_high``, ``basis``, ``misfit`` (obs ids that do not fit) and ``source_ids``.
    """
    obs = observations(scope, obs)
    bands = consistency.magnitude_bands(scope.province, obs, table)
    checks = consistency.check_trade_magnitudes(obs, bands=bands)
    rows = []
    for code, g in checks.groupby("indicator", sort=True):
        per_year = [v * annual_factor(s, e) for v, s, e in zip(g["value_a"], g["period_start"], g["period_end"])]
        band = bands.get(code, (math.nan, math.nan, ""))
        rows.append({"indicator": code, "figures": len(g), "fit": int(g["overlap"].sum()), "judged": code in bands,
                     "per_year_low": min(per_year), "per_year_high": max(per_year), "band_low": band[0],
                     "band_high": band[1], "basis": band[2], "misfit": ";".join(sorted(g.loc[~g["overlap"], "obs_id_a"])),
                     "source_ids": ";".join(sorted(set(g["source_a"])))})
    return pd.DataFrame(rows, columns=["indicator", "figures", "fit", "judged", "per_year_low", "per_year_high",
                                       "band_low", "band_high", "basis", "misfit", "source_ids"])


class Trade:
    """The trade study for one scope: its frames, computed once on first use.

    Every frame holds only the province's figures inside the window (derived values are implied from those
    alone). Events are read by their typed ``kind``/``group`` columns, never by their titles. The charts and
    tables are in :mod:`lso_analysis.studies.trade_display`, the claims in :mod:`lso_analysis.studies.trade_claims`.

    Args:
        scope: province, window and switches.
        obs, events, context: the province's observations, events and context rows; loaded when None
            (pass empty frames to leave one out).
    """

    def __init__(self, scope: Scope, obs: pd.DataFrame | None = None, events: pd.DataFrame | None = None,
                 context: pd.DataFrame | None = None):
        import lso_analysis

        self.scope = scope
        self.obs = observations(scope, obs)
        self.events = lso_analysis.load_events(scope.province) if events is None else events
        context = lso_analysis.load_context(scope.province) if context is None else context
        #: the context rows with ``text`` in the scope's language (none without a text in it)
        self.context = lso_analysis.context_in(context, scope.language)

    @cached_property
    def turnover(self) -> pd.DataFrame:
        return turnover_series(self.scope, self.obs)

    @cached_property
    def plans(self) -> pd.DataFrame:
        return growth_and_plans(self.scope, self.turnover, self.obs)

    @cached_property
    def attainment(self) -> pd.DataFrame:
        return plan_rows(self.scope, self.obs)

    @cached_property
    def yoy(self) -> pd.DataFrame:
        return growth_figures(self.scope, self.obs)

    @cached_property
    def parts(self) -> pd.DataFrame:
        return exports_imports(self.scope, self.obs)

    @cached_property
    def trucks(self) -> pd.DataFrame:
        return backlog(self.scope, self.obs)

    @cached_property
    def border(self) -> pd.DataFrame:
        return border_events(self.scope, self.events)

    @cached_property
    def reopened(self) -> pd.Series | None:
        return reopening(self.scope, self.events)

    @cached_property
    def after(self) -> pd.DataFrame:
        """Growth of the three series for periods starting in the month of the reopening or later (none: empty)."""
        if self.reopened is None:
            return growth_figures(self.scope, self.obs.iloc[0:0], TRADE)
        month = pd.Timestamp(self.reopened["date"]).to_period("M").start_time
        return growth_figures(self.scope, self.obs, TRADE, starting=month)

    @cached_property
    def revenue(self) -> pd.DataFrame:
        return revenue_table(self.scope, self.obs)

    @cached_property
    def knock(self) -> pd.DataFrame:
        return knock_on(self.scope, self.obs)

    @cached_property
    def mags(self) -> pd.DataFrame:
        return magnitudes(self.scope, self.obs)

    @cached_property
    def checks(self) -> pd.DataFrame:
        return magnitude_check(self.scope, self.obs)
