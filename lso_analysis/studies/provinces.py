"""A province's GRDP growth against Vietnam's, its peer group's and every province's with a figure (notebook 40)."""

from __future__ import annotations

import inspect
import math
from dataclasses import dataclass, field

import pandas as pd

from lso_analysis.analysis import panel as panel_model
from lso_analysis.analysis import peers
from lso_analysis.analysis.scope import Scope
from lso_analysis.present import labels, wording
from lso_analysis.present import narrative as nv
from lso_analysis.present.claims import Claim, Fig, Span, show
from lso_analysis.present.tables import table_or_note

#: The group a report compares with when the province belongs to none (its GSO region is used then).
DEFAULT_GROUP = "northern_border"
#: The first year whose deviation the panel model estimates (the years before it measure the province's own pace).
FIRST_TREATED = 2020


def _ids(*frames_or_strings) -> tuple[str, ...]:
    out: set[str] = set()
    for item in frames_or_strings:
        values = item if isinstance(item, (list, tuple, pd.Series)) else [item]
        for value in values:
            if isinstance(value, str):
                out.update(s for s in value.split(";") if s)
    return tuple(sorted(out))


@dataclass
class Comparison:
    """Everything notebook 40 shows, computed once for a scope."""

    scope: Scope
    group: str
    members: list[str]
    panel: pd.DataFrame
    panel_low: pd.DataFrame
    national: pd.DataFrame
    national_revised: pd.DataFrame
    gap: pd.DataFrame
    gap_revised: pd.DataFrame
    path: pd.DataFrame
    ranks: pd.DataFrame
    fit: panel_model.PanelResult | None = None
    #: Why the panel model refused (its ``reason`` code and values are worded per language), or None.
    refusal: peers.InsufficientPanelError | None = None
    fit_low: panel_model.PanelResult | None = None
    refusal_low: peers.InsufficientPanelError | None = None
    extra: dict = field(default_factory=dict)

    @property
    def province(self) -> str:
        return self.scope.province

    @property
    def language(self) -> str:
        return self.scope.language


def peer_group(geographies: pd.DataFrame, province: str, group: str = "") -> tuple[str, list[str]]:
    """The group to compare with and its members (the province first).

    ``group`` names a group of ``geographies.groups``; empty means the province's own first group, else its
    GSO region (``region:<name>``). Returns ``("", [province])`` when the province is not in the table.
    """
    rows = geographies[geographies["level"] == "province"]
    me = rows[rows["name"] == province]
    if me.empty:
        return "", [province]
    own = [g for g in str(me.iloc[0]["groups"]).split(";") if g]
    chosen = group or (own[0] if own else "")
    if chosen and not chosen.startswith("region:"):
        members = [n for n, g in zip(rows["name"], rows["groups"]) if chosen in str(g).split(";")]
        return chosen, [province] + [m for m in members if m != province]
    region = chosen.split(":", 1)[1] if chosen else me.iloc[0]["region"]
    members = list(rows.loc[rows["region"] == region, "name"])
    return f"region:{region}", [province] + [m for m in members if m != province]


def compare(obs_all: pd.DataFrame, geographies: pd.DataFrame, scope: Scope, group: str = "") -> Comparison:
    """Compute the panel, the national yardstick, the gap, the path, the ranks and the panel model."""
    w = scope.window
    panel = peers.growth_panel(obs_all, w, scope.include_estimates)
    panel_low = peers.growth_panel(obs_all, w, scope.include_estimates, include_low=True)
    national = peers.national_growth(obs_all, w, "first")
    national_revised = peers.national_growth(obs_all, w, "revised")
    gap = peers.growth_gap(panel, national, scope.province)
    gap_revised = peers.growth_gap(panel, national_revised, scope.province)
    path = peers.national_path(gap) if len(gap) else pd.DataFrame()
    name, members = peer_group(geographies, scope.province, group)
    result = Comparison(scope, name, members, panel, panel_low, national, national_revised, gap, gap_revised, path,
                        peers.ranks(panel, scope.province))
    try:
        result.fit = panel_model.fit_panel(panel, scope.province, FIRST_TREATED)
    except peers.InsufficientPanelError as exc:
        result.refusal = exc
    try:
        result.fit_low = panel_model.fit_panel(panel_low, scope.province, FIRST_TREATED)
    except peers.InsufficientPanelError as exc:
        result.refusal_low = exc
    return result


# ---------------------------------------------------------------- words


def label(c: Comparison, key: str, **values) -> str:
    """A caption, heading, chart text or note in the report's language, with the province and window filled in."""
    window = labels.period_label(c.scope.window.start, c.scope.window.end, "long", c.language)
    return wording.template("provinces.label", key, c.language).format(province=c.province, window=window, **values)


def _note(c: Comparison, key: str):
    """The missing-data note in the report's language (when the note takes one)."""
    if "language" in inspect.signature(nv.missing_note).parameters:
        return nv.missing_note(label(c, key), c.province, language=c.language)
    return nv.missing_note(label(c, key), c.province)


def _why(c: Comparison, exc: peers.InsufficientPanelError | None) -> dict:
    """A refusal as claim values: its reason code and values, a year as a period (marked when outside the window)."""
    if exc is None:
        return {"reason": "other"}
    values = {k: v for k, v in exc.values.items() if k != "year"}
    if "year" in exc.values:
        y = int(exc.values["year"])
        values["year"] = Span(f"{y}-01-01", f"{y}-12-31", reference=not c.scope.window.contains_year(y))
    return {"reason": exc.reason or "other", **values}


# ---------------------------------------------------------------- claims


def title(c: Comparison) -> Claim:
    return Claim("provinces.title", "ok", {"province": c.province, "window": Span(c.scope.window.start, c.scope.window.end)})


def coverage_claim(c: Comparison) -> Claim:
    others = c.panel[c.panel["province"] != c.province]
    if others.empty:
        return Claim("provinces.coverage", "none", {"province": c.province, "window": Span(c.scope.window.start, c.scope.window.end)})
    per_year = others.groupby("year")["province"].nunique()
    return Claim("provinces.coverage", "ok", {
        "n": int(others["province"].nunique()), "province": c.province,
        "counts": [int(n) for n in per_year], "count_years": [int(y) for y in per_year.index],
        "window": Span(c.scope.window.start, c.scope.window.end)},
        _ids(others["source_ids"]), years=tuple(int(y) for y in per_year.index))


def own_figures_claim(c: Comparison) -> Claim:
    mine = c.panel[c.panel["province"] == c.province]
    have = sorted(int(y) for y in mine["year"])
    lack = [y for y in c.scope.window.years if y not in have]
    values = {"province": c.province, "have": have, "lack": lack,
              "n_estimates": int((mine["status"] == "estimate").sum())}
    case = "none" if not have else ("all" if not lack else "some")
    return Claim("provinces.own_figures", case, values, _ids(mine["source_ids"]), years=tuple(have + lack))


def gap_claims(c: Comparison) -> list[Claim]:
    out = []
    for _, r in c.gap.iterrows():
        case = "above" if r["gap_low"] > 0 else "below" if r["gap_high"] < 0 else "level"
        out.append(Claim("provinces.gap", case, {
            "province": c.province, "year": int(r["year"]),
            "growth": Fig(r["province_growth"], r["province_low"], r["province_high"], "%", signed=True),
            "national": Fig(r["national_growth"], r["national_low"], r["national_high"], "%", signed=True),
            "gap": Fig(r["gap_pp"], r["gap_low"], r["gap_high"], "pp", signed=True, show_range=True),
            "estimate": r["status"] == "estimate"}, _ids(r["source_ids"]), years=(int(r["year"]),)))
    if not out:
        have_national = len(c.national) > 0
        out.append(Claim("provinces.gap", "no_national" if not have_national else "no_overlap",
                         {"province": c.province, "window": Span(c.scope.window.start, c.scope.window.end)}))
    return out


def vintage_claim(c: Comparison) -> Claim:
    revised = c.national_revised[c.national_revised["vintage_used"] != "first"]
    if revised.empty or c.gap.empty:
        return Claim("provinces.vintage", "no_revised", {"province": c.province})
    both = c.gap.merge(c.gap_revised, on="year", suffixes=("", "_rev"))
    both = both[both["year"].isin(revised["year"])]
    if both.empty:
        return Claim("provinces.vintage", "no_revised", {"province": c.province})
    flipped = [int(r["year"]) for _, r in both.iterrows() if (r["gap_pp"] > 0) != (r["gap_pp_rev"] > 0)]
    shift = float((both["gap_pp_rev"] - both["gap_pp"]).abs().max())
    values = {"years": [int(y) for y in both["year"]], "flipped": flipped, "shift": Fig(shift, unit="pp", digits=2)}
    return Claim("provinces.vintage", "flips" if flipped else "holds", values, _ids(revised["source_ids"]),
                 years=tuple(int(y) for y in both["year"]))


def path_claim(c: Comparison) -> Claim:
    if c.path.empty:
        return Claim("provinces.path", "no_data", {"province": c.province})
    last = c.path.iloc[-1]
    case = "above" if last["gap_pct_low"] > 0 else "below" if last["gap_pct_high"] < 0 else "level"
    base = int(c.path.attrs["base_year"])
    return Claim("provinces.path", case, {
        "province": c.province, "base": Span(f"{base}-01-01", f"{base}-12-31", reference=not c.scope.window.contains_year(base)),
        "last": int(last["year"]), "gap": Fig(last["gap_pct"], last["gap_pct_low"], last["gap_pct_high"], "%", show_range=True),
        "n": len(c.path)}, _ids(c.gap["source_ids"]), years=tuple(int(y) for y in c.path["year"]))


def peer_claims(c: Comparison) -> list[Claim]:
    group_panel = c.panel[c.panel["province"].isin(c.members)]
    out = []
    for year, rows in group_panel.groupby("year"):
        mine = rows[rows["province"] == c.province]
        if mine.empty:
            continue
        me = mine.iloc[0]
        others = rows[rows["province"] != c.province].sort_values(["value", "province"], ascending=[False, True])
        if others.empty:
            case = "alone"
        elif (others["value_high"] < me["value_low"]).all():
            case = "top"
        elif (others["value_low"] > me["value_high"]).all():
            case = "bottom"
        else:
            case = "middle"
        out.append(Claim("provinces.peers", case, {
            "province": c.province, "year": int(year), "group": c.group, "n": len(rows),
            "growth": Fig(me["value"], me["value_low"], me["value_high"], "%", signed=True),
            "other_names": list(others["province"]),
            "other_growth": [Fig(float(v), unit="%", signed=True) for v in others["value"]]},
            _ids(rows["source_ids"]), years=(int(year),)))
    if not out:
        out.append(Claim("provinces.peers", "no_data", {"province": c.province, "group": c.group}))
    return out


def rank_claims(c: Comparison) -> list[Claim]:
    out = []
    for _, r in c.ranks.iterrows():
        case = "alone" if r["out_of"] == 1 else "exact" if r["rank_best"] == r["rank_worst"] else "range"
        out.append(Claim("provinces.rank", case, {
            "province": c.province, "year": int(r["year"]), "rank": int(r["rank"]), "best": int(r["rank_best"]),
            "worst": int(r["rank_worst"]), "n": int(r["out_of"])}, _ids(r["source_ids"]), years=(int(r["year"]),)))
    if not out:
        out.append(Claim("provinces.rank", "no_data", {"province": c.province}))
    return out


def panel_claim(c: Comparison) -> Claim:
    if c.fit is None:
        return Claim("provinces.panel", "refused", {"province": c.province, **_why(c, c.refusal)})
    e = c.fit.effects
    years = [int(y) for y in e["year"]]
    deltas = [Fig(r["delta"], r["ci_low"], r["ci_high"], "pp", signed=True, show_range=True) for _, r in e.iterrows()]
    significant = [y for y, f in zip(years, deltas) if f.low > 0 or f.high < 0]
    return Claim("provinces.panel", "estimated", {
        "province": c.province, "years": years, "deltas": deltas, "first": FIRST_TREATED,
        "significant": significant, "n_provinces": c.fit.n_provinces, "n_obs": c.fit.n_obs},
        _ids(c.panel["source_ids"]), years=tuple(years))


def panel_low_claim(c: Comparison) -> Claim:
    n_low = len(c.panel_low) - len(c.panel)
    if n_low == 0:
        return Claim("provinces.panel_low", "no_low", {})
    if c.fit_low is None:
        return Claim("provinces.panel_low", "refused", {"n_low": n_low, **_why(c, c.refusal_low)})
    if c.fit is None:
        # A sensitivity, not a finding: the estimates exist only with the low-reliability copies, so they are
        # shown with that label rather than hidden.
        e = c.fit_low.effects
        years = [int(y) for y in e["year"]]
        deltas = [Fig(r["delta"], r["ci_low"], r["ci_high"], "pp", signed=True, show_range=True) for _, r in e.iterrows()]
        return Claim("provinces.panel_low", "only_with_low", {
            "n_low": n_low, "province": c.province, "years": years, "deltas": deltas,
            "n_provinces": c.fit_low.n_provinces, "n_obs": c.fit_low.n_obs},
            _ids(c.panel_low["source_ids"]), years=tuple(years))
    both = c.fit.effects.merge(c.fit_low.effects, on="year", suffixes=("", "_low"))
    shift = float((both["delta_low"] - both["delta"]).abs().max()) if len(both) else math.nan
    return Claim("provinces.panel_low", "moves", {"n_low": n_low, "shift": Fig(shift, unit="pp", digits=2)},
                 years=tuple(int(y) for y in both["year"]))


def missing_claims(c: Comparison) -> list[Claim]:
    out = []
    nat_years = set(int(y) for y in c.national["year"])
    lack_nat = [y for y in c.scope.window.years if y not in nat_years]
    if lack_nat:
        out.append(Claim("provinces.missing", "national", {"years": lack_nat}, years=tuple(lack_nat)))
    have = set(c.panel["province"])
    silent = [m for m in c.members[1:] if m not in have]
    if silent:
        out.append(Claim("provinces.missing", "peers", {"names": silent, "group": c.group}))
    compared = c.panel[c.panel["province"].isin([c.province, *c.members])]
    n_est = int((compared["status"] == "estimate").sum())
    out.append(Claim("provinces.missing", "final", {"n_est": n_est, "n_total": len(compared)}))
    return out


def findings(c: Comparison) -> list[Claim]:
    """The headline claims: the latest gap, the path, the latest rank and the panel estimate."""
    out = []
    gaps = gap_claims(c)
    out.append(gaps[-1])
    out.append(path_claim(c))
    out.append(rank_claims(c)[-1])
    out.append(panel_claim(c))
    return out


# ---------------------------------------------------------------- displays


def gap_table(c: Comparison):
    """Growth of the province and of Vietnam by year, and the gap, or the missing-data note."""
    g, L, lang = c.gap, (lambda key: label(c, key)), c.language
    if g.empty:
        return _note(c, "gap_what")
    frame = pd.DataFrame({
        L("col_year"): g["year"],
        c.province: [nv.fmt_value(v, "%", lo, hi, signed=True, language=lang) for v, lo, hi in zip(g["province_growth"], g["province_low"], g["province_high"])],
        L("col_national"): [nv.fmt_value(v, "%", lo, hi, signed=True, language=lang) for v, lo, hi in zip(g["national_growth"], g["national_low"], g["national_high"])],
        L("col_gap"): [nv.fmt_value(v, "pp", lo, hi, signed=True, show_range=True, language=lang) for v, lo, hi in zip(g["gap_pp"], g["gap_low"], g["gap_high"])],
    })
    return table_or_note(frame, L("gap_caption"), g["source_ids"], L("gap_what"), c.province)


def peer_table(c: Comparison):
    """The group's growth by year, one column per province with a figure."""
    wide = peers.peers(c.panel, c.members, c.province)
    if wide.empty:
        return _note(c, "peer_what")
    shown = wide.map(lambda v: nv.fmt_value(v, "%", signed=True, language=c.language) if not pd.isna(v) else "—")
    shown = shown.reset_index().rename(columns={"year": label(c, "col_year")})
    shown.columns.name = None
    ids = c.panel.loc[c.panel["province"].isin(wide.columns), "source_ids"]
    return nv.show_table(shown, label(c, "peer_caption"), list(ids))


def rank_table(c: Comparison):
    """The province's rank by year, its range given rounding, and out of how many."""
    r, L = c.ranks, (lambda key: label(c, key))
    if r.empty:
        return _note(c, "rank_what")
    frame = pd.DataFrame({L("col_year"): r["year"], L("col_rank"): r["rank"],
                          L("col_rank_range"): [f"{b}–{w}" if b != w else str(b) for b, w in zip(r["rank_best"], r["rank_worst"])],
                          L("col_out_of"): r["out_of"]})
    return table_or_note(frame, L("rank_caption"), r["source_ids"], L("rank_what"), c.province)


def panel_table(c: Comparison):
    """The panel model's yearly deviations with their intervals, or why the model refused."""
    if c.fit is None:
        return show(panel_claim(c), c.language)
    e, lang, L = c.fit.effects, c.language, (lambda key, **v: label(c, key, **v))
    frame = pd.DataFrame({L("col_year"): e["year"],
                          L("col_delta"): [nv.fmt_value(d, "pp", signed=True, language=lang) for d in e["delta"]],
                          L("col_ci"): [L("ci_range", low=nv.fmt_value(lo, digits=2, language=lang),
                                                                high=nv.fmt_value(hi, digits=2, language=lang))
                                        for lo, hi in zip(e["ci_low"], e["ci_high"])],
                          L("col_rounding"): [nv.fmt_number(x, 3, lang) for x in e["rounding"]],
                          L("col_n"): e["n_provinces"]})
    return nv.show_table(frame, L("panel_caption"), list(c.panel["source_ids"]))


def growth_chart(c: Comparison):
    """The province's growth, Vietnam's and the group's by year, with their intervals."""
    from lso_analysis.present import plotting

    mine = c.panel[c.panel["province"].isin(c.members)].assign(unit="%", origin=lambda d: d["origin"])
    nat = c.national.assign(province=label(c, "col_national"), unit="%", origin="reported", status="estimate")
    stacked = pd.concat([mine, nat], ignore_index=True)
    if stacked.empty:
        return _note(c, "chart_what")
    stacked.attrs.update(indicator=label(c, "chart_indicator"), province=c.province)
    return plotting.plot_series_with_intervals(stacked, title=label(c, "chart_title"),
                                               ylabel=label(c, "chart_ylabel"), group_col="province")


def heading(c: Comparison):
    """The report's computed subtitle: the province and the window."""
    return nv.Markdown("## " + title(c).text(c.language))


def say(claims: Claim | list[Claim], c: Comparison):
    """Display claims in the report's language (one as a paragraph, several as bullets)."""
    return show(claims, c.language)
