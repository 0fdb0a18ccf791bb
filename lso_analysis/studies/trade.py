"""Trade through the border gates: the declared series, exports and imports, backlogs, budget and magnitudes."""

from __future__ import annotations

import math

import pandas as pd

from lso_analysis.analysis import consistency, derive, series
from lso_analysis.analysis import intervals as iv
from lso_analysis.present import narrative as nv
from lso_analysis.studies.covid import in_window, key_events, observations, period_label, the, yearly

TRADE = ("trade_turnover", "exports", "imports")
TRADE_NAMES = {"trade_turnover": "Declared turnover", "exports": "Exports", "imports": "Imports"}
REVENUE = {"budget_revenue": "State budget revenue", "customs_revenue": "Customs revenue"}
#: Trucks and closures are drawn from December 2021, the start of the backlog, to mid-2023.
BACKLOG_WINDOW = (pd.Timestamp("2021-12-01"), pd.Timestamp("2023-06-30"))
BACKLOG_EVENT = r"(?i)clos|shut|halt|suspend|reopen|resum|pause|stop"
_METHODS = {"base_from_growth": "level ÷ (1 + growth)", "month_from_ytd": "difference of two year-to-date figures",
            "whole_from_share": "part ÷ share"}


def _pool(obs: pd.DataFrame, province: str, include_derived: bool, include_estimates: bool) -> pd.DataFrame:
    pool = series.candidates(obs, province, include_derived)
    return pool if include_estimates else pool[pool["status"] != "estimate"]


def _fmt(row, unit: str = "USD million", signed: bool = False, show_range=None) -> str:
    return nv.fmt_value(row["value"], unit, row["value_low"], row["value_high"], signed=signed, show_range=show_range)


def turnover_series(province: str = "Lạng Sơn", start_year: int = 2019, end_year: int = 2023,
                    include_estimates: bool = True, include_derived: bool = True,
                    obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """The declared turnover (``trade_turnover``) by year, with ``how`` saying how each year was obtained.

    Returns:
        :func:`lso_analysis.analysis.series.annual_series` rows plus ``how``: the printed figures a value
        rests on (as printed), or for a missing year the longest partial-year figure there is.
    """
    obs = observations(obs, province)
    out = yearly("trade_turnover", obs, province, range(start_year, end_year + 1), include_estimates, include_derived)
    pool = _pool(obs, province, include_derived, include_estimates)
    pool = pool[(pool["indicator"] == "trade_turnover") & (pool["measure"] == "level")]
    raw = obs.set_index("obs_id")["value_raw"].to_dict()
    how = []
    for r in out.itertuples():
        if r.origin == "missing":
            part = pool[(pool["period_start"].dt.year == r.year) & (pool["period_end"].dt.year == r.year)]
            part = part.assign(_d=part["period_end"] - part["period_start"]).sort_values(["_d", "obs_id"])
            how.append("no figure for the year" + (f"; longest part: {_fmt(part.iloc[-1])} for "
                       f"{the(period_label(part.iloc[-1]['period_start'], part.iloc[-1]['period_end']))} "
                       f"({part.iloc[-1]['origin']})" if len(part) else ""))
        elif r.origin == "derived":
            inputs = " and ".join(f"«{raw.get(i, i)}»" for i in r.obs_ids.split(";"))
            how.append(f"implied by {inputs}, printed for {r.year + 1}: {_METHODS.get(r.method, r.method)}"
                       if r.method == "base_from_growth" else f"implied by {inputs}: {_METHODS.get(r.method, r.method)}")
        else:
            how.append(f"printed: «{raw.get(r.obs_id, '')}»")
    out["how"] = how
    return out


def growth_and_plans(turnover: pd.DataFrame, province: str = "Lạng Sơn", include_estimates: bool = True,
                     include_derived: bool = True, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per year: printed growth, growth implied by two yearly levels, printed plan attainment and the implied plan.

    Growth is implied only where none is printed (a level derived from a printed growth would
    give that growth back). Plans come from ``plan_from_share`` (level ÷ share of plan).
    """
    obs = observations(obs, province)
    years = list(turnover["year"])
    printed = yearly("trade_turnover", obs, province, years, include_estimates, include_derived, "growth_pct").set_index("year")
    plans = yearly("trade_turnover", obs, province, years, include_estimates, False, "plan_pct").set_index("year")
    implied = derive.derive_implied(obs)
    implied = implied[(implied["method"] == "plan_from_share") & (implied["indicator"] == "trade_turnover") & include_derived]
    level = turnover.set_index("year")
    rows = []
    for y in years:
        rec = {"year": y, "level": level.loc[y, "value"], "level_low": level.loc[y, "value_low"],
               "level_high": level.loc[y, "value_high"], "growth": printed.loc[y, "value"], "growth_low": math.nan,
               "growth_high": math.nan, "growth_origin": "printed" if printed.loc[y, "value"] == printed.loc[y, "value"] else "",
               "plan_pct": plans.loc[y, "value"], "plan": math.nan, "plan_low": math.nan, "plan_high": math.nan}
        if math.isnan(rec["growth"]) and y - 1 in level.index and not math.isnan(level.loc[y - 1, "value"] + rec["level"]):
            ratio = iv.div((level.loc[y, "value_low"], level.loc[y, "value_high"]),
                           (level.loc[y - 1, "value_low"], level.loc[y - 1, "value_high"]))
            rec.update(growth=100 * (rec["level"] / level.loc[y - 1, "value"] - 1), growth_low=100 * (ratio[0] - 1),
                       growth_high=100 * (ratio[1] - 1), growth_origin="implied by the two levels")
        plan = implied[implied["period_start"].dt.year == y].sort_values("obs_id").head(1)
        if len(plan):
            rec.update(plan=plan["value"].iloc[0], plan_low=plan["value_low"].iloc[0], plan_high=plan["value_high"].iloc[0])
        rows.append(rec)
    return pd.DataFrame(rows)


def plan_rows(province: str = "Lạng Sơn", start_year: int = 2019, end_year: int = 2023, include_estimates: bool = True,
              obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Printed plan-attainment rows (``plan_pct``) of the declared turnover, exports and imports, for the chart."""
    obs = observations(obs, province)
    rows = obs[obs["indicator"].isin(TRADE) & (obs["measure"] == "plan_pct")]
    return in_window(rows, start_year, end_year, include_estimates)


def exports_imports(province: str = "Lạng Sơn", start_year: int = 2019, end_year: int = 2023,
                    include_estimates: bool = True, include_derived: bool = True,
                    obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Exports and imports of one source and period from 1 January (year-to-date or year), side by side.

    Returns:
        ``period``, ``exports``, ``imports`` (with ``_low``/``_high``), ``total`` (printed or implied,
        NaN if neither), ``export_share`` (% of exports + imports), ``origin`` (reported | derived),
        ``source_id``; sorted by period.
    """
    obs = observations(obs, province)
    pool = in_window(_pool(obs, province, include_derived, include_estimates), start_year, end_year)
    pool = pool[pool["indicator"].isin(TRADE) & (pool["measure"] == "level") & (pool["period_start"].dt.day_of_year == 1)
                & (pool["unit"] == "USD million")]
    rows = []
    for (source, start, end), g in pool.groupby(["source_id", "period_start", "period_end"], sort=True):
        best = {k: g[g["indicator"] == k].sort_values(["origin", "obs_id"], ascending=[False, True]).head(1) for k in TRADE}
        if best["exports"].empty or best["imports"].empty:
            continue
        ex, im = best["exports"].iloc[0], best["imports"].iloc[0]
        total = best["trade_turnover"]["value"].iloc[0] if len(best["trade_turnover"]) else math.nan
        rows.append({"period_start": start, "period_end": end, "period": period_label(start, end),
                     "exports": ex["value"], "exports_low": ex["value_low"], "exports_high": ex["value_high"],
                     "imports": im["value"], "imports_low": im["value_low"], "imports_high": im["value_high"],
                     "total": total, "export_share": 100 * ex["value"] / (ex["value"] + im["value"]),
                     "origin": "derived" if "derived" in (ex["origin"], im["origin"]) else "reported",
                     "status": "estimate" if "estimate" in (ex["status"], im["status"]) else "actual", "source_id": source})
    cols = ["period_start", "period_end", "period", "exports", "exports_low", "exports_high", "imports", "imports_low",
            "imports_high", "total", "export_share", "origin", "status", "source_id"]
    return pd.DataFrame(rows, columns=cols).sort_values(["period_end", "period_start"], kind="stable").reset_index(drop=True)


def _short(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """A tick label: "2022", "Jan–Oct\n2021", "1 Jan–22 Mar\n2023"."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year)
    first = f"{start:%b}" if start.day == 1 and end.is_month_end else f"{start.day} {start:%b}"
    return f"{first}–{end:%b}\n{end.year}" if end.is_month_end else f"{first}–{end.day} {end:%b}\n{end.year}"


def plot_exports_imports(table: pd.DataFrame, province: str):
    """Exports and imports as shares of their sum per period (total written above); hatched = derived; or a note."""
    from matplotlib.patches import Patch

    from lso_analysis.present.plotting import finish, house_rc, new_figure, palette

    if table.empty:
        return nv.missing_note("export and import figures of one period", province)
    import matplotlib as mpl

    fig, ax = new_figure((9.0, 4.5))
    colours = palette(2)
    with mpl.rc_context(house_rc()):
        for x, r in enumerate(table.itertuples()):
            hatch = "//" if r.origin == "derived" else None
            ax.bar(x, r.export_share, color=colours[0], hatch=hatch, edgecolor="white")
            ax.bar(x, 100 - r.export_share, bottom=r.export_share, color=colours[1], hatch=hatch, edgecolor="white")
            ax.text(x, r.export_share / 2, f"{r.export_share:.0f}%", ha="center", va="center", fontsize=8, color="white")
            ax.text(x, 101, nv.fmt_number(r.exports + r.imports, 0), ha="center", va="bottom", fontsize=7)
        ax.set_xticks(range(len(table)), [_short(s, e) for s, e in zip(table["period_start"], table["period_end"])], fontsize=7)
        ax.set_ylim(0, 112)
        ax.set_ylabel("% of exports + imports")
        ax.set_title(f"Exports and imports declared at Lạng Sơn Customs, {province}: periods from 1 January")
        ax.legend(handles=[Patch(color=colours[0], label="exports"), Patch(color=colours[1], label="imports"),
                           Patch(facecolor="white", edgecolor="0.3", hatch="//", label="derived (implied)")],
                  fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return finish(fig, set(table["source_id"]), "Above each bar: exports + imports in USD million.")


def backlog(province: str = "Lạng Sơn", start_year: int = 2019, end_year: int = 2023, include_estimates: bool = True,
            obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Trucks waiting at the gates, the best count per date inside :data:`BACKLOG_WINDOW` and the years.

    Returns:
        Series rows (``date``, ``value``, ``value_low``, ``value_high``, ``origin``, ``source_ids`` …)
        plus ``scope`` (the transcriber's note on which gates or trucks a count covers).
    """
    obs = observations(obs, province)
    lo = max(BACKLOG_WINDOW[0], pd.Timestamp(start_year, 1, 1))
    hi = min(BACKLOG_WINDOW[1], pd.Timestamp(end_year, 12, 31))
    rows = obs[(obs["indicator"] == "trucks_waiting") & (obs["period_start"] >= lo) & (obs["period_end"] <= hi)]
    rows = rows[(rows["status"] != "estimate") | include_estimates]
    if rows.empty:
        return pd.DataFrame(columns=["date", "period", "value", "value_low", "value_high", "origin", "source_ids", "scope",
                                     "value_raw"])
    spans = [({"date": d}, d, d) for d in sorted(set(rows["period_start"]))]
    out = series.period_series("trucks_waiting", spans, rows, province)
    by_id = obs.set_index("obs_id")
    out["scope"], out["value_raw"] = out["obs_id"].map(by_id["note"]).fillna(""), out["obs_id"].map(by_id["value_raw"])
    out["period"] = [period_label(d, d) for d in out["date"]]
    out.attrs.update(window=(lo, hi))
    return out


def plot_backlog(trucks: pd.DataFrame, events: pd.DataFrame, province: str):
    """Trucks waiting above the closures, halts and reopening of the same months, or a note."""
    from lso_analysis.present import plotting

    if trucks.empty:
        return nv.missing_note("count of trucks waiting at the border gates", province)
    lo, hi = trucks.attrs.get("window", BACKLOG_WINDOW)
    ev = key_events(events, ("border", "policy"), BACKLOG_EVENT)
    return plotting.plot_timeline(ev, trucks, title=f"Trucks waiting at the border gates, {province}", window=(lo, hi))


def reopening(events: pd.DataFrame | None, after: str = "2022-12-01") -> pd.Series | None:
    """The first border event after ``after`` whose title says the border reopened, or None."""
    if events is None or events.empty:
        return None
    hits = events[(events["category"] == "border") & (events["date"] >= pd.Timestamp(after))
                  & events["title"].str.contains(r"(?i)reopen")].sort_values(["date", "event_id"])
    return hits.iloc[0] if len(hits) else None


def plot_growth_timeline(yoy: pd.DataFrame, events: pd.DataFrame, province: str):
    """Every year-on-year growth figure of the declared turnover over the border closures and reopenings, or a note."""
    from lso_analysis.present import plotting

    if yoy.empty:
        return nv.missing_note("growth figure of the declared trade", province)
    fig = plotting.plot_timeline(key_events(events, ("border",), BACKLOG_EVENT), yoy,
                                 title=f"Declared trade on the same period a year earlier, {province} (grey bars: period covered)")
    fig.axes[0].axhline(0, color="0.3", linewidth=0.8)
    return fig


def revenue_table(province: str = "Lạng Sơn", start_year: int = 2019, end_year: int = 2023,
                  include_estimates: bool = True, include_derived: bool = True,
                  obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Budget and customs revenue levels from 1 January (year or year-to-date) with the growth and plan share printed beside them."""
    obs = observations(obs, province)
    pool = in_window(_pool(obs, province, include_derived, include_estimates), start_year, end_year)
    pool = pool[pool["indicator"].isin(list(REVENUE)) & (pool["period_start"].dt.day_of_year == 1)
                & (pool["period_start"].dt.year == pool["period_end"].dt.year)]
    rows = []
    for (code, start, end, source), g in pool.groupby(["indicator", "period_start", "period_end", "source_id"]):
        levels = g[g["measure"] == "level"].sort_values(["origin", "obs_id"], ascending=[False, True])
        if levels.empty:
            continue
        lv, first = levels.iloc[0], lambda m: g[g["measure"] == m].sort_values("obs_id").head(1)
        growth, plan = first("growth_pct"), first("plan_pct")
        rows.append({"indicator": code, "name": REVENUE[code], "period_start": start, "period_end": end,
                     "period": period_label(start, end), "value": lv["value"], "value_low": lv["value_low"],
                     "value_high": lv["value_high"], "origin": lv["origin"], "status": lv["status"],
                     "growth": growth["value"].iloc[0] if len(growth) else math.nan,
                     "plan_pct": plan["value"].iloc[0] if len(plan) else math.nan, "source_id": source})
    out = pd.DataFrame(rows, columns=["indicator", "name", "period_start", "period_end", "period", "value", "value_low",
                                      "value_high", "origin", "status", "growth", "plan_pct", "source_id"])
    # a printed level wins over one implied for the same period by another source
    out = out.sort_values(["indicator", "period_start", "period_end", "origin"], ascending=[True, True, True, False])
    out = out.drop_duplicates(["indicator", "period_start", "period_end"])
    return out.sort_values(["period_end", "indicator"], kind="stable").reset_index(drop=True)


def knock_on(province: str = "Lạng Sơn", start_year: int = 2019, end_year: int = 2023, include_estimates: bool = True,
             obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Year-on-year growth of declared turnover and of revenue printed for exactly the same period."""
    obs = observations(obs, province)
    g = in_window(obs[obs["measure"] == "growth_pct"], start_year, end_year, include_estimates)
    g = g[g["base_start"] == g["period_start"] - pd.DateOffset(years=1)]
    trade = g[g["indicator"] == "trade_turnover"].sort_values("obs_id").drop_duplicates(["period_start", "period_end"])
    rev = g[g["indicator"].isin(list(REVENUE))]
    out = trade.merge(rev, on=["period_start", "period_end"], suffixes=("_trade", "_rev"))
    out = out.assign(period=[period_label(s, e) for s, e in zip(out["period_start"], out["period_end"])],
                     revenue=out["indicator_rev"].map(REVENUE))
    return out[["period", "period_start", "value_trade", "revenue", "value_rev", "source_id_trade", "source_id_rev"]]


def magnitudes(province: str = "Lạng Sơn", start_year: int = 2019, end_year: int = 2023,
               obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Periods with both the declared series and the "all goods crossing" series: both values and their ratio."""
    obs = observations(obs, province)
    lv = in_window(obs[(obs["measure"] == "level") & (obs["unit"] == "USD million")], start_year, end_year)
    a = lv[lv["indicator"] == "trade_turnover"]
    b = lv[lv["indicator"] == "trade_turnover_all_goods"]
    out = a.merge(b, on=["period_start", "period_end"], suffixes=("_declared", "_all"))
    out = out.assign(period=[period_label(s, e) for s, e in zip(out["period_start"], out["period_end"])],
                     ratio=out["value_all"] / out["value_declared"])
    return out.sort_values("period_end", ascending=False)[
        ["period", "value_declared", "value_all", "ratio", "source_id_declared", "source_id_all"]].reset_index(drop=True)


def magnitude_check(province: str = "Lạng Sơn", start_year: int = 2019, end_year: int = 2023,
                    obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`lso_analysis.analysis.consistency.check_trade_magnitudes` on the window's trade levels, for readers."""
    obs = in_window(observations(obs, province), start_year, end_year)
    checks = consistency.check_trade_magnitudes(obs)
    per_year = checks["note"].str.extract(r"^([\d,]+) USD")[0].str.replace(",", "").astype(float)
    checks = checks.assign(per_year=per_year)
    rows = []
    for code, g in checks.groupby("indicator", sort=True):
        rows.append({"Series": code, "Figures": len(g), "Fit their band": int(g["overlap"].sum()),
                     "Per year (USD million)": f"{nv.fmt_number(g['per_year'].min(), 0)}–{nv.fmt_number(g['per_year'].max(), 0)}",
                     "Band per year": "–".join("…" if math.isnan(x) else nv.fmt_number(x, 0)
                                               for x in consistency.TRADE_BANDS[code]),
                     "source_ids": ";".join(sorted(set(g["source_a"])))})
    return pd.DataFrame(rows, columns=["Series", "Figures", "Fit their band", "Per year (USD million)", "Band per year",
                                       "source_ids"])


def findings(turnover: pd.DataFrame, growth: pd.DataFrame, yoy: pd.DataFrame, parts: pd.DataFrame,
             knock: pd.DataFrame, revenue: pd.DataFrame, province: str) -> list[nv.Markdown]:
    """The three main findings as Markdown; headings and numbers computed (fewer findings when data are missing).

    Text from the data (periods, names, origins) is escaped with :func:`~lso_analysis.present.narrative.escape_md`.

    Args:
        yoy: year-on-year growth rows of the declared turnover (:func:`lso_analysis.studies.covid.growth_table`).
    """
    E = nv.escape_md  # noqa: N806
    have, out = turnover[turnover["value"].notna()], []
    falls = yoy[yoy["value"] < 0].sort_values("value") if len(yoy) else yoy
    falls = falls[~falls["period_end"].dt.year.duplicated()].head(2) if len(falls) else falls  # the deepest fall of a year
    if len(have) or len(falls):
        g = growth.set_index("year")

        def step(r) -> str:
            y, how = r["year"], g.loc[r["year"], "growth_origin"]
            rate = g.loc[y, "growth"]
            told = f"{nv.fmt_value(rate, '%', signed=True, digits=None if how == 'printed' else 1)}" + (
                "" if how == "printed" else ", implied") if not math.isnan(rate) else r["origin"]
            return E(f"{_fmt(r)} in {y} ({told})")

        head = (f"**Declared trade fell hardest in {E(the(falls.iloc[0]['period']))}** "
                f"({E(nv.fmt_value(falls.iloc[0]['value'], '%', signed=True))} on a year earlier)" if len(falls)
                else "**Declared trade, year by year**")
        text = head + (" and in " + " and ".join(E(f"{the(r['period'])} ({nv.fmt_value(r['value'], '%', signed=True)})")
                                                 for _, r in falls.iloc[1:].iterrows()) if len(falls) > 1 else "")
        out.append(nv.Markdown(text + (f". Year by year it went {', '.join(step(r) for _, r in have.iterrows())}."
                                       if len(have) else ".")))
    if len(parts) > 1:
        def share(r) -> str:
            kind = "" if r["origin"] == "reported" else f" ({r['origin']})"
            return E(f"{nv.fmt_value(r['export_share'], '%', digits=0)} for {the(r['period'])}{kind}")

        lows = [parts.loc[parts["export_share"].idxmin()]]
        printed = parts[parts["origin"] == "reported"]
        if lows[0]["origin"] != "reported" and len(printed):
            lows.append(printed.loc[printed["export_share"].idxmin()])
        head = "Exports bore the closures" if lows[0]["export_share"] < parts["export_share"].iloc[0] else "Exports and imports"
        out.append(nv.Markdown(f"**{head}**: exports' share of declared trade was {share(parts.iloc[0])}, fell to "
                               f"{' and '.join(share(r) for r in lows)}, and was {share(parts.iloc[-1])}."))
    if len(knock):
        same = (knock["value_trade"] * knock["value_rev"] > 0).all()
        pairs = "; ".join(E(f"{r['period']}: turnover {nv.fmt_value(r['value_trade'], '%', signed=True)}, "
                            f"{r['revenue'].lower()} {nv.fmt_value(r['value_rev'], '%', signed=True)}")
                          for _, r in knock.iterrows())
        text = f"**{'Revenue moved with the gates' if same else 'Revenue and trade'}**: {pairs}."
        years = revenue[(revenue["indicator"] == "budget_revenue") & revenue["period"].str.fullmatch(r"\d{4}")]
        if len(years) > 1 and years["value"].idxmax() != years.index[-1]:
            a, b = years.loc[years["value"].idxmax()], years.iloc[-1]
            text += E(f" Budget revenue was {_fmt(b, 'VND billion')} in {b['period']}, below {_fmt(a, 'VND billion')} "
                      f"in {a['period']}.")
        out.append(nv.Markdown(text))
    return out or [nv.md("No declared trade figure for {p} in the window: the collapse and rebound cannot be traced "
                         "here.", p=province)]
