"""Digital government in numbers: milestones, online services, the digital border gate, accounts, ranks and targets."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from lso_analysis.analysis import intervals as iv
from lso_analysis.studies.audit import in_years, period_label, recorded_conflicts
from lso_analysis.analysis.derive import derive_implied, source_of
from lso_analysis.present.narrative import fmt_value
from lso_analysis.analysis.obs_rows import interval_of, make_derived_row

SERVICE_INDICATORS = ("online_public_services", "online_public_services_share", "online_dossier_share")
RANK_INDICATORS = ("dti_rank", "dti_rank_economy", "dti_rank_government", "dti_rank_society", "pci_rank")
_LABELS = {"online_public_services": "services online", "online_public_services_share": "share of services online",
           "online_dossier_share": "share of dossiers filed online"}
#: Timeline lanes by words of an event's title, first match wins (the rest are "digital").
_LANES = (("indices", ("dti", "pci", "ict index")), ("policy", ("plan ", "resolution", "decision", "scheme")),
          ("border", ("border",)))


def fmt_figure(row) -> str:
    """A figure for prose and tables, with its range when the digits do not imply it.

    The half-unit rounding of a printed figure is implied by its digits; the range of a derived figure
    (``derived:…``), of a printed range ("2–5 minutes") or of an approximate figure ("khoảng") is not.

    >>> fmt_figure({"obs_id": "derived:x", "value": 780506.2, "value_low": 775657.8, "value_high": 785415.7,
    ...             "unit": "count"})
    '780,506 (775,658–785,416)'
    """
    ranged = str(row["obs_id"]).startswith("derived:") or row.get("bound") in ("range", "approx")
    digits = 0 if row["unit"] == "count" and abs(row["value"]) >= 100 else None
    return fmt_value(row["value"], row["unit"], row["value_low"], row["value_high"], digits=digits,
                     show_range=None if ranged else False)


def when(row) -> str:
    """The period of an observation row as a short label ("Jan–Jun 2023", "8 Jun 2021")."""
    return period_label(row["period_start"], row["period_end"])


def _window(obs: pd.DataFrame, start_year: int, end_year: int, actual_only: bool = False) -> pd.DataFrame:
    """Reported figures (no targets, no low-reliability copies) about the years."""
    out = obs[in_years(obs, start_year, end_year) & (obs["status"] != "target") & (obs["reliability"] != "low")]
    return out[out["status"] == "actual"] if actual_only else out


def _base(note: str) -> str:
    """The first clause of a row's note, which says what the figure counts."""
    return str(note or "").split(";")[0].split(" (printed")[0].strip() or "not stated"


def _conflict_ids(obs_ids, conflicts: pd.DataFrame | None) -> str:
    ids = set(obs_ids)
    return "" if conflicts is None else ", ".join(c.id for c in conflicts.itertuples() if ids & set(c.obs_ids))


def digital_milestones(events: pd.DataFrame, start_year: int, end_year: int, category: str = "digital") -> pd.DataFrame:
    """Dated events of one category within the years, in date order (the ``load_events()`` columns)."""
    keep = (events["category"] == category) & events["date"].dt.year.between(start_year, end_year)
    return events[keep].sort_values(["date", "event_id"]).reset_index(drop=True)


def timeline_lanes(events: pd.DataFrame) -> pd.DataFrame:
    """Events with ``category`` split into lanes (indices, policy, border, digital): room for a timeline's labels."""
    lane = events["title"].str.lower().map(
        lambda t: next((name for name, words in _LANES if any(w in t for w in words)), "digital"))
    return events.assign(category=lane)


def event_table(events: pd.DataFrame) -> pd.DataFrame:
    """Events for display: date, what happened, source."""
    return pd.DataFrame({"date": events["date"].dt.strftime("%Y-%m-%d"), "event": events["title"],
                         "source_id": events["source_id"]})


def figures_table(obs: pd.DataFrame, indicators, start_year: int, end_year: int,
                  conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Reported figures of ``indicators`` about the years, each with the base its source counts (from the notes).

    Returns:
        Columns ``period``, ``measure``, ``figure``, ``as printed``, ``base (from the notes)``, ``recorded conflict``
        (ids of the curators' judgements naming the figure) and ``source_id``, oldest first.
    """
    rows = _window(obs[obs["indicator"].isin(list(indicators))], start_year, end_year)
    rows = rows.sort_values(["period_end", "indicator", "obs_id"])
    return pd.DataFrame({
        "period": [when(r) for _, r in rows.iterrows()], "measure": rows["indicator"].map(lambda c: _LABELS.get(c, c)),
        "figure": [fmt_figure(r) for _, r in rows.iterrows()], "as printed": rows["value_raw"],
        "base (from the notes)": rows["note"].map(_base),
        "recorded conflict": [_conflict_ids([o], conflicts) for o in rows["obs_id"]], "source_id": rows["source_id"],
    }).reset_index(drop=True)


def online_services_table(obs: pd.DataFrame, start_year: int, end_year: int,
                          conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`figures_table` of online public services and dossiers filed online."""
    return figures_table(obs, SERVICE_INDICATORS, start_year, end_year, conflicts)


@dataclass
class SharePair:
    """A share printed beside the counts it should follow from, and the share (%) the counts give."""

    part: pd.Series
    whole: pd.Series
    printed: pd.Series
    computed: iv.Interval

    @property
    def value(self) -> float:
        """The middle of :attr:`computed`."""
        return (self.computed[0] + self.computed[1]) / 2

    @property
    def agrees(self) -> bool:
        """Whether the printed share fits the counts (intervals overlap)."""
        return iv.overlaps(self.computed, interval_of(self.printed))


def level4_share_check(obs: pd.DataFrame) -> SharePair | None:
    """The first printed share of services at level 4 against level-4 count ÷ catalogue count of the same source."""
    shares = obs[(obs["indicator"] == "online_public_services_share") & (obs["status"] == "actual")]
    for printed in shares.itertuples():
        same = obs[(obs["source_id"] == printed.source_id) & (obs["indicator"] == "online_public_services")]
        part = same[same["note"].str.contains("level 4", case=False, na=False)]
        if len(same) >= 2 and len(part):
            whole, part = same.loc[same["value"].idxmax()], part.iloc[0]
            computed = iv.mul(iv.div(interval_of(part), interval_of(whole)), iv.point(100.0))
            return SharePair(part, whole, shares.loc[printed.Index], computed)
    return None


@dataclass
class ServicesSummary:
    """What the prose compares: services eligible for level 4, the catalogue's level-4 share, dossier shares."""

    eligible: pd.Series | None
    level4: SharePair | None
    dossiers: pd.DataFrame

    @property
    def complete(self) -> bool:
        """Whether every figure the comparison needs is in the data."""
        return self.eligible is not None and self.level4 is not None and len(self.dossiers) >= 2


def summarize_services(obs: pd.DataFrame, start_year: int, end_year: int) -> ServicesSummary:
    """The largest count of services eligible for level 4, the level-4 share check, dossier shares (oldest first)."""
    rows = _window(obs, start_year, end_year)
    counts = rows[(rows["indicator"] == "online_public_services") & rows["note"].str.contains("eligible", na=False)]
    dossiers = rows[rows["indicator"] == "online_dossier_share"].sort_values("period_end").reset_index(drop=True)
    eligible = counts.loc[counts["value"].idxmax()] if len(counts) else None
    return ServicesSummary(eligible, level4_share_check(rows), dossiers)


def border_platform_stages(events: pd.DataFrame, start_year: int, end_year: int) -> pd.DataFrame:
    """The events that name the digital border-gate platform, in date order."""
    named = events["title"].str.contains("digital border", case=False, na=False)
    stages = events[named & events["date"].dt.year.between(start_year, end_year)]
    return stages.sort_values("date").reset_index(drop=True)


def border_platform_figures(obs: pd.DataFrame, start_year: int, end_year: int,
                            conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`figures_table` of the digital border-gate platform (indicators ``digital_border_*``)."""
    codes = sorted({c for c in obs["indicator"] if c.startswith("digital_border_")})
    return figures_table(obs, codes, start_year, end_year, conflicts)


@dataclass
class BorderSummary:
    """Dates of the pilot decision and of compulsory use; vehicles declared; the latest share of trucks declared."""

    pilot: pd.Timestamp | None
    compulsory: pd.Timestamp | None
    vehicles: pd.DataFrame
    declared_share: pd.Series | None

    @property
    def complete(self) -> bool:
        """Whether the stages and the figures the prose needs are all in the data."""
        dates_and_share = (self.pilot, self.compulsory, self.declared_share)
        return all(x is not None for x in dates_and_share) and len(self.vehicles) > 0


def summarize_border_platform(events: pd.DataFrame, obs: pd.DataFrame, start_year: int,
                              end_year: int) -> BorderSummary:
    """The platform's stages (first event naming a pilot, then compulsory use) and headline figures."""
    stages = border_platform_stages(events, start_year, end_year)
    first = {w: stages.loc[stages["title"].str.contains(w, case=False), "date"] for w in ("pilot", "compulsory")}
    rows = _window(obs, start_year, end_year).sort_values(["period_end", "obs_id"])
    shares = rows[rows["indicator"] == "digital_border_declared_share"]
    return BorderSummary(*(d.iloc[0] if len(d) else None for d in first.values()),
                         rows[rows["indicator"] == "digital_border_vehicles"].reset_index(drop=True),
                         shares.iloc[-1] if len(shares) else None)


def judgements_about(conflicts: pd.DataFrame, obs: pd.DataFrame, prefix: str) -> pd.DataFrame:
    """Recorded conflicts that involve a figure of an indicator starting with ``prefix``, with the whole judgement."""
    ids = obs.loc[obs["indicator"].str.startswith(prefix), "obs_id"]
    return recorded_conflicts(conflicts, obs_ids=ids, gist=False)[["id", "judgement", "source_ids"]]


@dataclass
class AccountsCheck:
    """Công dân số Xứ Lạng accounts, the plan and population they imply, and the population printed elsewhere.

    ``verdict``: ``agree`` or ``disagree`` (implied against printed population), ``no population figure``,
    ``not derived`` (derived values off, or no share printed) or ``no account figures``.
    """

    accounts: pd.Series | None = None
    plan_pct: pd.Series | None = None
    share_pct: pd.Series | None = None
    implied_plan: pd.Series | None = None
    implied_population: pd.Series | None = None
    population: pd.DataFrame = field(default_factory=pd.DataFrame)
    share_at_population: iv.Interval | None = None
    verdict: str = "no account figures"


def check_citizen_accounts(obs: pd.DataFrame, start_year: int, end_year: int,
                           include_derived: bool = True) -> AccountsCheck:
    """Accounts against plan, and the population their printed share implies against the population printed elsewhere.

    Args:
        obs: the province's observations with low-reliability sources (most population figures are in them); the
            population compared is the one nearest in time to the accounts.
        include_derived: compute the implied plan and population (off: reported figures only).
    """
    rows = _window(obs[obs["indicator"] == "digital_citizen_accounts"], start_year, end_year)
    levels = rows[rows["measure"] == "level"].sort_values("period_end")
    if levels.empty:
        return AccountsCheck()
    level = levels.iloc[-1]
    same = rows[(rows["source_id"] == level["source_id"]) & (rows["period_end"] == level["period_end"])]
    pick = {m: same[same["measure"] == m].iloc[0] if (same["measure"] == m).any() else None
            for m in ("plan_pct", "share_pct")}
    population = obs[obs["indicator"].isin(["population", "population_density"]) & (obs["status"] != "target")]
    out = AccountsCheck(level, pick["plan_pct"], pick["share_pct"], population=population.sort_values("obs_id"),
                        verdict="not derived")
    if not include_derived:
        return out
    derived = {m: d for m, d in derive_implied(same).groupby("method")}
    out.implied_plan = derived["plan_from_share"].iloc[0] if "plan_from_share" in derived else None
    out.implied_population = derived["whole_from_share"].iloc[0] if "whole_from_share" in derived else None
    heads = population[(population["indicator"] == "population") & (population["measure"] == "level")]
    if out.implied_population is None or heads.empty:
        out.verdict = "not derived" if out.implied_population is None else "no population figure"
        return out
    # the population figure nearest in time to the accounts (a non-low source first on a tie)
    nearest = heads.assign(_gap=(heads["period_end"] - level["period_end"]).abs(), _low=heads["reliability"].eq("low"))
    printed = interval_of(nearest.sort_values(["_gap", "_low", "obs_id"]).iloc[0])
    out.share_at_population = iv.mul(iv.div(interval_of(level), printed), iv.point(100.0))
    out.verdict = "agree" if iv.overlaps(interval_of(out.implied_population), printed) else "disagree"
    return out


def accounts_table(check: AccountsCheck) -> pd.DataFrame:
    """The figures of :func:`check_citizen_accounts`, printed and implied, with their period and source."""
    parts = [("accounts", check.accounts), ("share of plan", check.plan_pct), ("share of population", check.share_pct),
             ("plan implied", check.implied_plan), ("population implied", check.implied_population)]
    parts += [(r["indicator"], r) for _, r in check.population.iterrows()]
    rows = [{"figure": name, "value": fmt_figure(r), "period": when(r),
             "how obtained": "derived" if str(r["obs_id"]).startswith("derived:") else "printed",
             "reliability": r["reliability"], "source_id": source_of(str(r["obs_id"]).split(":")[-1])}
            for name, r in parts if r is not None]
    return pd.DataFrame(rows, columns=["figure", "value", "period", "how obtained", "reliability", "source_id"])


def rank_series(obs: pd.DataFrame, province: str, start_year: int, end_year: int, include_estimates: bool = True,
                include_derived: bool = True, conflicts: pd.DataFrame | None = None,
                indicators=RANK_INDICATORS) -> pd.DataFrame:
    """Yearly ranks (1 = best), stacked with an ``indicator`` column and the recorded conflicts on each (``caveat``).

    When ``include_derived``, a year without a printed rank is filled from the next year's rank and its printed
    change of places ("tăng 21 bậc": 15 + 21 = 36), which ``derive_implied`` does for levels only.
    """
    from lso_analysis.analysis.series import annual_series

    parts = []
    for code in indicators:
        s = annual_series(code, obs, province, range(start_year, end_year + 1), include_estimates, include_derived,
                          measure="rank")
        s = _fill_from_change(s, obs[obs["indicator"] == code], include_estimates) if include_derived else s
        if s["value"].notna().any():
            parts.append(s.assign(indicator=code))
    if not parts:
        return pd.DataFrame(columns=["indicator", "year", "value", "value_low", "value_high", "origin", "obs_ids",
                                     "source_ids", "caveat"])
    out = pd.concat(parts, ignore_index=True)
    out["caveat"] = [_conflict_ids(str(o).split(";"), conflicts) for o in out["obs_ids"]]
    out.attrs.update(indicator="rank", province=province, unit="rank")
    return out


def _fill_from_change(series: pd.DataFrame, obs: pd.DataFrame, include_estimates: bool) -> pd.DataFrame:
    series = series.copy()
    for ch in obs[(obs["measure"] == "change_abs") & (obs["unit"] == "rank")].to_dict("records"):
        ranks = obs[(obs["measure"] == "rank") & (obs["source_id"] == ch["source_id"])
                    & (obs["period_end"] == ch["period_end"])].to_dict("records")
        hole = series.index[(series["year"] == ch["period_end"].year - 1) & series["value"].isna()]
        if not ranks or not len(hole) or (not include_estimates and ch["status"] != "actual"):
            continue
        row = make_derived_row("base_from_change", ch["obs_id"], [ranks[0], ch], ranks[0],
                               iv.sub(interval_of(ranks[0]), interval_of(ch)), ranks[0]["value"] - ch["value"])
        series.loc[hole[0], ["value", "value_low", "value_high", "origin", "status", "obs_id", "obs_ids", "source_ids",
                             "method"]] = [row["value"], row["value_low"], row["value_high"], "derived", row["status"],
                                           row["obs_id"], row["derived_from"], ch["source_id"], "base_from_change"]
    return series


def rank_table(series: pd.DataFrame) -> pd.DataFrame:
    """The ranks for display: one row per indicator-year that has a value."""
    rows = series[series["value"].notna()]
    return pd.DataFrame({"indicator": rows["indicator"], "year": rows["year"],
                         "rank": [fmt_value(v, "rank") for v in rows["value"]], "how obtained": rows["origin"],
                         "caveat": rows["caveat"].replace("", "none"), "source_ids": rows["source_ids"]},
                        ).reset_index(drop=True)


def describe_ranks(series: pd.DataFrame, indicator: str) -> str:
    """"16 (2020), 5 (2021) …" for one rank indicator, saying how a value was obtained when it was not printed."""
    rows = series[(series["indicator"] == indicator) & series["value"].notna()]
    return ", ".join(f"{fmt_value(r.value, 'rank')} ({r.year}" + (", derived" if r.origin == "derived" else "")
                     + (f", see `{r.caveat}`" if r.caveat else "") + ")" for r in rows.itertuples()) or "none"


def plot_ranks(series: pd.DataFrame, indicators=("dti_rank", "pci_rank"),
               title: str = "DTI and PCI rank (1 = best of 63)"):
    """The headline ranks by year, best rank at the top; ranks with a recorded caveat are named in the title."""
    from lso_analysis.present import plotting

    rows = series[series["indicator"].isin(indicators)]
    # One "no data" row per year without any rank, none where another index has a value.
    empty_year = rows.groupby("year")["value"].transform(lambda v: v.isna().all())
    rows = rows[rows["value"].notna() | (empty_year & ~rows.duplicated("year"))]
    flagged = [f"{r.indicator} {r.year}" for r in rows.itertuples() if r.caveat]
    title += f"\nflagged in the table: {', '.join(flagged)}" if flagged else ""
    fig = plotting.plot_series_with_intervals(rows, title=title, ylabel="rank", group_col="indicator")
    if fig.axes and fig.axes[0].lines:
        fig.axes[0].invert_yaxis()
    return fig


def targets_vs_reported(obs: pd.DataFrame, start_year: int, end_year: int, include_estimates: bool = True,
                        conflicts: pd.DataFrame | None = None, codes=None) -> pd.DataFrame:
    """Each target of a plan published by ``end_year`` against the latest figure reported up to its year.

    Verdicts: ``met`` (the figure of its year reaches it; for ranks, at or below it), ``missed``, ``reached early``
    (an earlier figure already does), ``not yet due`` (its year lies beyond the last figure) or ``no figure reported``.

    Args:
        obs: observations with targets (``include_targets=True``).
        codes: indicator codes to keep (None: all).
    """
    obs = obs if codes is None else obs[obs["indicator"].isin(list(codes))]
    published = pd.to_numeric(obs["published"].astype(str).str[:4], errors="coerce")
    targets = obs[(obs["status"] == "target") & (published <= end_year) & (obs["period_end"].dt.year >= start_year)]
    reported = _window(obs, start_year, end_year, actual_only=not include_estimates)
    rows = []
    for t in targets.sort_values(["indicator", "period_end", "obs_id"]).to_dict("records"):
        due, lower_better, r = t["period_end"].year, t["unit"] == "rank", None
        pool = reported[(reported["indicator"] == t["indicator"]) & (reported["measure"] == t["measure"])
                        & (reported["period_end"].dt.year <= due)].sort_values(["period_end", "obs_id"])
        verdict = "no figure reported"
        if len(pool):
            r = pool.iloc[-1]
            reached = r["value"] <= t["value"] if lower_better else r["value"] >= t["value"]
            on_time = r["period_end"].year >= due
            verdict = ("met" if reached else "missed") if on_time else ("reached early" if reached else "not yet due")
        bound = "at most " if lower_better else "at least " if math.isnan(t["value_high"]) else ""
        rows.append({"indicator": t["indicator"], "target": bound + fmt_value(t["value"], t["unit"]), "by": due,
                     "set in": t["source_id"], "reported": "—" if r is None else fmt_figure(r),
                     "reported for": "—" if r is None else when(r), "verdict": verdict,
                     "caveat": _conflict_ids([t["obs_id"], None if r is None else r["obs_id"]], conflicts) or "none",
                     "source_ids": t["source_id"] + ("" if r is None else ";" + r["source_id"])})
    return pd.DataFrame(rows, columns=["indicator", "target", "by", "set in", "reported", "reported for", "verdict",
                                       "caveat", "source_ids"])
