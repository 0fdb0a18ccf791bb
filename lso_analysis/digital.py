"""Digital government in numbers: milestones, online services, the digital border gate, accounts, ranks and targets."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from lso_analysis import intervals as iv
from lso_analysis.audit import in_years, period_label
from lso_analysis.derive import derive_implied, source_of
from lso_analysis.narrative import fmt_row, fmt_value
from lso_analysis.obs_rows import interval_of, make_derived_row

SERVICE_INDICATORS = ("online_public_services", "online_public_services_share", "online_dossier_share")
RANK_INDICATORS = ("dti_rank", "dti_rank_economy", "dti_rank_government", "dti_rank_society", "pci_rank")
_LABELS = {"online_public_services": "services online", "online_public_services_share": "share of services online",
           "online_dossier_share": "share of dossiers filed online"}


def _window(obs: pd.DataFrame, start_year: int, end_year: int, actual_only: bool = False) -> pd.DataFrame:
    out = obs[in_years(obs, start_year, end_year) & (obs["status"] != "target")]
    return out[out["status"] == "actual"] if actual_only else out


def _base(note: str) -> str:
    """The first clause of a row's note, which says what the figure counts."""
    return str(note or "").split(";")[0].split(" (printed")[0].strip() or "not stated"


def _conflict_ids(obs_ids, conflicts: pd.DataFrame | None) -> str:
    if conflicts is None or not len(conflicts):
        return ""
    ids = set(obs_ids)
    return ", ".join(c.id for c in conflicts.itertuples() if ids & set(c.obs_ids))


def digital_milestones(events: pd.DataFrame, start_year: int, end_year: int, category: str = "digital") -> pd.DataFrame:
    """Dated events of one category within the years, in date order (the ``load_events()`` columns)."""
    keep = (events["category"] == category) & events["date"].dt.year.between(start_year, end_year)
    return events[keep].sort_values(["date", "event_id"]).reset_index(drop=True)


def event_table(events: pd.DataFrame) -> pd.DataFrame:
    """Events for display: date, what happened, source."""
    return pd.DataFrame({"date": events["date"].dt.strftime("%Y-%m-%d"), "event": events["title"],
                         "source_id": events["source_id"]})


def online_services_table(obs: pd.DataFrame, start_year: int, end_year: int,
                          conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Online public services and dossiers filed online, each figure with the base its source counts.

    Returns:
        Columns ``period``, ``measure``, ``figure``, ``base (from the notes)``, ``recorded conflict``, ``source_id``.
    """
    rows = _window(obs[obs["indicator"].isin(SERVICE_INDICATORS)], start_year, end_year)
    rows = rows.sort_values(["period_end", "indicator", "obs_id"])
    return pd.DataFrame({
        "period": [period_label(s, e) for s, e in zip(rows["period_start"], rows["period_end"])],
        "measure": rows["indicator"].map(_LABELS), "figure": [fmt_row(r) for _, r in rows.iterrows()],
        "base (from the notes)": rows["note"].map(_base),
        "recorded conflict": [_conflict_ids([o], conflicts) for o in rows["obs_id"]], "source_id": rows["source_id"],
    }).reset_index(drop=True)


@dataclass
class SharePair:
    """A share printed beside the counts it should follow from, and the share the counts give."""

    part: pd.Series
    whole: pd.Series
    printed: pd.Series
    computed: iv.Interval

    @property
    def agrees(self) -> bool:
        """Whether the printed share fits the counts (intervals overlap)."""
        return iv.overlaps(self.computed, interval_of(self.printed))


def level4_share_check(obs: pd.DataFrame) -> SharePair | None:
    """The printed share of services at level 4 against level-4 count ÷ catalogue count of the same source."""
    shares = obs[(obs["indicator"] == "online_public_services_share") & (obs["status"] == "actual")]
    for printed in shares.itertuples():
        same = obs[(obs["source_id"] == printed.source_id) & (obs["indicator"] == "online_public_services")]
        part = same[same["note"].str.contains("level 4", case=False, na=False)]
        if len(same) >= 2 and len(part):
            whole, part = same.loc[same["value"].idxmax()], part.iloc[0]
            computed = iv.mul(iv.div(interval_of(part), interval_of(whole)), iv.point(100.0))
            return SharePair(part, whole, shares.loc[printed.Index], computed)
    return None


def border_platform_stages(events: pd.DataFrame, start_year: int, end_year: int) -> pd.DataFrame:
    """The events that name the digital border-gate platform, in date order."""
    named = events["title"].str.contains("digital border", case=False, na=False)
    return events[named & events["date"].dt.year.between(start_year, end_year)].sort_values("date").reset_index(drop=True)


def border_platform_figures(obs: pd.DataFrame, start_year: int, end_year: int) -> pd.DataFrame:
    """Figures on the digital border-gate platform (indicators ``digital_border_*``) in the years."""
    rows = _window(obs[obs["indicator"].str.startswith("digital_border_")], start_year, end_year)
    rows = rows.sort_values(["period_end", "indicator", "obs_id"])
    return pd.DataFrame({
        "period": [period_label(s, e) for s, e in zip(rows["period_start"], rows["period_end"])],
        "indicator": rows["indicator"], "figure": [fmt_row(r) for _, r in rows.iterrows()],
        "as printed": rows["value_raw"], "base (from the notes)": rows["note"].map(_base), "source_id": rows["source_id"],
    }).reset_index(drop=True)


def judgements_about(conflicts: pd.DataFrame, obs: pd.DataFrame, prefix: str) -> pd.DataFrame:
    """Recorded conflicts that involve a figure of an indicator starting with ``prefix``, with their judgement."""
    ids = set(obs.loc[obs["indicator"].str.startswith(prefix), "obs_id"])
    rows = [{"id": c.id, "judgement": c.judgement, "source_ids": ";".join(sorted({source_of(o) for o in c.obs_ids}))}
            for c in conflicts.itertuples() if ids & set(c.obs_ids)]
    return pd.DataFrame(rows, columns=["id", "judgement", "source_ids"])


@dataclass
class AccountsCheck:
    """Công dân số Xứ Lạng accounts, the plan and population they imply, and the population printed elsewhere."""

    accounts: pd.Series | None = None
    plan_pct: pd.Series | None = None
    share_pct: pd.Series | None = None
    implied_plan: pd.Series | None = None
    implied_population: pd.Series | None = None
    population: pd.DataFrame = field(default_factory=pd.DataFrame)
    share_at_population: iv.Interval | None = None
    verdict: str = "no account figures"


def check_citizen_accounts(obs: pd.DataFrame, start_year: int, end_year: int, include_derived: bool = True) -> AccountsCheck:
    """Accounts against plan, and the population the "80% of the population" implies, against printed population.

    Args:
        obs: the province's observations with targets and low-reliability sources (the only population
            figure comes from one).
        include_derived: compute the implied plan and population (off: reported figures only).

    Returns:
        An :class:`AccountsCheck`; ``verdict`` is ``agree``, ``disagree``, ``no population figure``,
        ``not derived`` or ``no account figures``.
    """
    rows = _window(obs[obs["indicator"] == "digital_citizen_accounts"], start_year, end_year)
    levels = rows[rows["measure"] == "level"].sort_values("period_end")
    if levels.empty:
        return AccountsCheck()
    level = levels.iloc[-1]
    same = rows[(rows["source_id"] == level["source_id"]) & (rows["period_end"] == level["period_end"])]
    pick = {m: (same[same["measure"] == m].iloc[0] if (same["measure"] == m).any() else None) for m in ("plan_pct", "share_pct")}
    population = obs[obs["indicator"].isin(["population", "population_density"]) & (obs["status"] != "target")]
    out = AccountsCheck(level, pick["plan_pct"], pick["share_pct"], population=population.sort_values("obs_id"),
                        verdict="not derived")
    if not include_derived:
        return out
    derived = derive_implied(same)
    by_method = {m: derived[derived["method"] == m] for m in ("plan_from_share", "whole_from_share")}
    out.implied_plan = by_method["plan_from_share"].iloc[0] if len(by_method["plan_from_share"]) else None
    out.implied_population = by_method["whole_from_share"].iloc[0] if len(by_method["whole_from_share"]) else None
    heads = population[(population["indicator"] == "population") & (population["measure"] == "level")]
    if out.implied_population is None or heads.empty:
        out.verdict = "no population figure" if out.implied_population is not None else "not derived"
        return out
    printed = interval_of(heads.iloc[0])
    out.share_at_population = iv.mul(iv.div(interval_of(level), printed), iv.point(100.0))
    out.verdict = "agree" if iv.overlaps(interval_of(out.implied_population), printed) else "disagree"
    return out


def rank_series(obs: pd.DataFrame, province: str, start_year: int, end_year: int, include_estimates: bool = True,
                include_derived: bool = True, conflicts: pd.DataFrame | None = None,
                indicators=RANK_INDICATORS) -> pd.DataFrame:
    """Yearly ranks (1 = best of 63), stacked with an ``indicator`` column, and the caveats recorded on each.

    A year without a printed rank is filled, when ``include_derived``, from the next year's rank and its
    printed change ("tăng 21 bậc": 15 + 21 = 36), as ``derive_implied`` does for levels. ``caveat`` names the
    recorded conflicts about the figure (e.g. a rank read from listing order).
    """
    from lso_analysis.series import annual_series

    years = range(start_year, end_year + 1)
    parts = []
    for code in indicators:
        s = annual_series(code, obs, province, years, include_estimates, include_derived, measure="rank")
        if include_derived:
            s = _fill_from_change(s, obs[obs["indicator"] == code], include_estimates)
        if s["value"].notna().any():
            parts.append(s.assign(indicator=code))
    if not parts:
        return pd.DataFrame(columns=["indicator", "year", "value", "value_low", "value_high", "origin", "source_ids", "caveat"])
    out = pd.concat(parts, ignore_index=True)
    out["caveat"] = [_conflict_ids(str(o).split(";"), conflicts) for o in out["obs_ids"]]
    out.attrs.update(indicator="rank", province=province, unit="rank")
    return out


def _fill_from_change(series: pd.DataFrame, obs: pd.DataFrame, include_estimates: bool) -> pd.DataFrame:
    series = series.copy()
    changes = obs[(obs["measure"] == "change_abs") & (obs["unit"] == "rank")]
    for ch in changes.to_dict("records"):
        ranks = obs[(obs["measure"] == "rank") & (obs["source_id"] == ch["source_id"])
                    & (obs["period_end"] == ch["period_end"])].to_dict("records")
        year = ch["period_end"].year - 1
        hole = series.index[(series["year"] == year) & series["value"].isna()]
        if not ranks or not len(hole) or (not include_estimates and ch["status"] != "actual"):
            continue
        rank = ranks[0]
        row = make_derived_row("base_from_change", ch["obs_id"], [rank, ch], rank, iv.sub(interval_of(rank), interval_of(ch)),
                               rank["value"] - ch["value"], status="actual")
        series.loc[hole[0], ["value", "value_low", "value_high", "origin", "status", "obs_id", "obs_ids", "source_ids",
                             "method"]] = [row["value"], row["value_low"], row["value_high"], "derived", "actual",
                                           row["obs_id"], row["derived_from"], ch["source_id"], "base_from_change"]
    return series


def rank_table(series: pd.DataFrame) -> pd.DataFrame:
    """The ranks for display: one row per indicator-year that has a value."""
    rows = series[series["value"].notna()]
    return pd.DataFrame({"indicator": rows["indicator"], "year": rows["year"],
                         "rank": [fmt_value(v, "rank") for v in rows["value"]], "how obtained": rows["origin"],
                         "caveat": rows["caveat"].replace("", "none"), "source_ids": rows["source_ids"]}).reset_index(drop=True)


def plot_ranks(series: pd.DataFrame, indicators=("dti_rank", "pci_rank"), title: str = "DTI and PCI rank (1 = best of 63)"):
    """The headline ranks by year with the best rank at the top."""
    from lso_analysis import plotting

    fig = plotting.plot_series_with_intervals(series[series["indicator"].isin(indicators)], title=title, ylabel="rank",
                                              group_col="indicator")
    if fig.axes and fig.axes[0].lines:
        fig.axes[0].invert_yaxis()
    return fig


def targets_vs_reported(obs: pd.DataFrame, start_year: int, end_year: int, include_estimates: bool = True,
                        conflicts: pd.DataFrame | None = None, themes_codes=None) -> pd.DataFrame:
    """Each target of a plan published by ``end_year`` against the latest figure reported by its year.

    A target is met when the figure reaches it (a rank at or below it). Targets due after the last
    reported year are judged "not yet due" with the latest figure as progress.

    Args:
        obs: observations with targets (``include_targets=True``).
        themes_codes: indicator codes to keep (None: all).
    """
    obs = obs if themes_codes is None else obs[obs["indicator"].isin(list(themes_codes))]
    published = pd.to_numeric(obs["published"].astype(str).str[:4], errors="coerce")
    targets = obs[(obs["status"] == "target") & (published <= end_year) & (obs["period_end"].dt.year >= start_year)]
    reported = _window(obs, start_year, end_year, actual_only=not include_estimates)
    rows = []
    for t in targets.sort_values(["indicator", "period_end", "obs_id"]).to_dict("records"):
        due = t["period_end"].year
        pool = reported[(reported["indicator"] == t["indicator"]) & (reported["measure"] == t["measure"])
                        & (reported["period_end"].dt.year <= due)].sort_values(["period_end", "obs_id"])
        lower_better = t["unit"] == "rank"
        verdict, figure, when, rid = "no figure reported", "", "", None
        if len(pool):
            r = pool.iloc[-1]
            rid, figure, when = r["obs_id"], fmt_row(r), period_label(r["period_start"], r["period_end"])
            reached = r["value"] <= t["value"] if lower_better else r["value"] >= t["value"]
            verdict = ("met" if reached else "not met") if r["period_end"].year >= due else (
                "reached early" if reached else f"not yet due (target year {due})")
        bound = "at most " if lower_better else "at least " if math.isnan(t["value_high"]) else ""
        rows.append({"indicator": t["indicator"], "target": bound + fmt_value(t["value"], t["unit"]),
                     "by": due, "set in": t["source_id"], "reported": figure or "—", "reported for": when or "—",
                     "verdict": verdict, "caveat": _conflict_ids([t["obs_id"], rid], conflicts) or "none",
                     "source_ids": ";".join(x for x in (t["source_id"], source_of(rid) if rid else "") if x)})
    return pd.DataFrame(rows, columns=["indicator", "target", "by", "set in", "reported", "reported for", "verdict",
                                       "caveat", "source_ids"])
