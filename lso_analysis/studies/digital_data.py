"""Notebook 30's data and computations: the window's figures, stages, accounts check, ranks and targets."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from lso_analysis.analysis import intervals as iv
from lso_analysis.analysis.derive import source_of
from lso_analysis.analysis.obs_rows import interval_of
from lso_analysis.analysis.scope import Scope
from lso_analysis.present import labels
from lso_analysis.present.claims import Claim, Day, Span
from lso_analysis.present.narrative import fmt_value

#: Counts and shares of online public services, each code one base and one service level (see the codebook).
SERVICE_INDICATORS = ("online_public_services", "online_public_services_full", "online_public_services_partial",
                      "online_public_services_info", "online_public_services_eligible_full",
                      "online_public_services_share", "online_public_services_eligible_share", "online_dossier_share")
#: The digital border-gate platform's figures (codes of the codebook).
BORDER_INDICATORS = ("digital_border_vehicles", "digital_border_declared_share", "digital_border_declaration_minutes",
                     "digital_border_accounts", "digital_border_enterprises_declared_share",
                     "border_procedure_time_saved_hours")


@dataclass
class Digital:
    """What notebook 30 looks at: the scope and the province's data in its window.

    Attributes:
        scope: province, window and switches.
        obs: the province's figures in the window, targets and low-reliability copies included.
        targets: every target of the province in a plan published by the window's last year (any due year).
        events: the province's events in the window.
        conflicts, context, kinds, indicators: recorded conflicts, the province's context rows, the event and
            indicator codebooks.
    """

    scope: Scope
    obs: pd.DataFrame
    targets: pd.DataFrame
    events: pd.DataFrame
    conflicts: pd.DataFrame
    context: pd.DataFrame
    kinds: pd.DataFrame
    indicators: pd.DataFrame
    #: The sources of the province (``source_id``, ``language``…), when known: their language decides whether a
    #: figure's printed words are quoted in the Vietnamese edition.
    sources: pd.DataFrame | None = None

    @property
    def reported(self) -> pd.DataFrame:
        """Reported figures (no targets, no low-reliability copies)."""
        return self.obs[(self.obs["status"] != "target") & (self.obs["reliability"] != "low")]

    @cached_property
    def ranks(self) -> pd.DataFrame:
        """:func:`lso_analysis.studies.digital_ranks.rank_series` of the window."""
        from lso_analysis.studies.digital_ranks import rank_series

        return rank_series(self.reported, self.scope, self.conflicts)

    def name(self, code: str) -> str:
        """The codebook's name of an indicator in the scope's language (the code when unknown)."""
        return _named(self.indicators, code, self.scope.language)

    def kind_name(self, code: str) -> str:
        """The event codebook's name of a kind in the scope's language."""
        return _named(self.kinds, code, self.scope.language)

    def label(self, key: str, **values) -> str:
        """A table heading, cell word, chart title or axis label (``digital.label``) in the scope's language."""
        return label(self.scope.language, key, **values)

    def source_language(self, source_id: str) -> str:
        """The language a source is written in (``""`` when unknown)."""
        if self.sources is None or "language" not in self.sources:
            return ""
        found = self.sources.loc[self.sources["source_id"] == source_id, "language"]
        return str(found.iloc[0]) if len(found) else ""


def _named(codebook: pd.DataFrame, code: str, language: str) -> str:
    """A code's ``name_<language>`` in a codebook, the English name when that is empty, the code when unknown."""
    rows = codebook[codebook["code"] == code]
    if rows.empty:
        return code
    row = rows.iloc[0]
    name = row.get(f"name_{language}", "")
    return str(name) if isinstance(name, str) and name.strip() else str(row["name_en"])


def label(language: str, key: str, **values) -> str:
    """The ``digital.label`` wording ``key`` in ``language``, formatted with ``values``.

    Plain text: tables and captions escape it when shown, chart titles draw it as it is.
    """
    from lso_analysis.present import wording

    template = wording.template("digital.label", key, language)
    return template.format(**values) if values else template


def load(scope: Scope) -> Digital:
    """The province's digital-government data in the scope's window (one call per notebook)."""
    import lso_analysis as lso

    return from_frames(scope, lso.load_observations(province=None, include_targets=True, include_low=True),
                       lso.load_events(province=None), lso.load_conflicts(), lso.load_context(None),
                       lso.load_event_kinds(), lso.load_indicators(), lso.load_sources())


def from_processed(scope: Scope, processed_dir) -> Digital:
    """:func:`load` from a processed-data folder (its ``*.pkl`` tables), e.g. a test fixture's."""
    from pathlib import Path

    read = {n: pd.read_pickle(Path(processed_dir) / f"{n}.pkl") for n in (
        "observations", "events", "conflicts", "context", "event_kinds", "indicators", "sources")}
    return from_frames(scope, read["observations"], read["events"], read["conflicts"], read["context"],
                       read["event_kinds"], read["indicators"], read["sources"])


def from_frames(scope: Scope, observations: pd.DataFrame, events: pd.DataFrame, conflicts: pd.DataFrame,
                context: pd.DataFrame, kinds: pd.DataFrame, indicators: pd.DataFrame,
                sources: pd.DataFrame) -> Digital:
    """The bundle from whole tables (every province): the scope's province and window are selected here.

    Events belong to the province of their source; observations, targets and context to their own ``province``.
    """
    obs = observations[observations["province"] == scope.province]
    window = scope.observations(obs, targets=True)
    published = pd.to_numeric(obs["published"].astype(str).str[:4], errors="coerce")
    targets = obs[(obs["status"] == "target") & (published <= scope.end_year)]
    own = set(sources.loc[sources["province"] == scope.province, "source_id"])
    events = scope.events(events[events["source_id"].isin(own)])
    return Digital(scope, window.reset_index(drop=True), targets.reset_index(drop=True), events.reset_index(drop=True),
                   conflicts, context[context["province"] == scope.province].reset_index(drop=True), kinds,
                   indicators, sources[sources["source_id"].isin(own)].reset_index(drop=True))


def context_rows(data: Digital, topics) -> list[tuple[str, str]]:
    """``(text, source id)`` of the province's context rows on ``topics`` written in the scope's language.

    ``context.csv`` is written in English (``text``); ``text_vi`` holds the Vietnamese text, and a row left
    empty in a language is not shown in that language's edition.
    """
    from lso_analysis.dataset.loaders import context_in

    rows = context_in(data.context[data.context["topic"].isin(list(topics))], data.scope.language)
    return [(str(t), s) for t, s in zip(rows["text"], rows["source_id"]) if isinstance(t, str) and t.strip()]


def fmt_figure(row, language: str = "en") -> str:
    """A figure for tables, with its range when the digits do not imply it.

    The half-unit rounding of a printed figure is implied by its digits; the range of a derived figure
    (``derived:…``), of a printed range ("2–5 minutes") or of an approximate figure ("khoảng") is not.

    >>> fmt_figure({"obs_id": "derived:x", "value": 780506.2, "value_low": 775657.8, "value_high": 785415.7,
    ...             "unit": "count"})
    '780,506 (775,658–785,416)'
    """
    ranged = str(row["obs_id"]).startswith("derived:") or row.get("bound") in ("range", "approx")
    digits = 0 if row["unit"] == "count" and abs(row["value"]) >= 100 else None
    return fmt_value(row["value"], row["unit"], row["value_low"], row["value_high"], digits=digits,
                     show_range=None if ranged else False, language=language)


def when(row, language: str = "en") -> str:
    """The period of an observation row as a short label ("Jan–Jun 2023", "8 Jun 2021")."""
    return labels.period_label(row["period_start"], row["period_end"], "short", language)


def conflict_ids(obs_ids, conflicts: pd.DataFrame | None) -> str:
    """Ids of the recorded conflicts that name any of ``obs_ids``, joined by ", "."""
    ids = {o for o in obs_ids if o}
    return "" if conflicts is None else ", ".join(c.id for c in conflicts.itertuples() if ids & set(c.obs_ids))


def period_not_printed(row) -> bool:
    """Whether a figure's period was supplied by the transcriber: ``period_raw`` wholly in square brackets.

    The raw-data convention (``data/raw/README.md``): a year the page does not print is added in brackets.

    >>> period_not_printed({"period_raw": "[2022]"}), period_not_printed({"period_raw": "6 tháng đầu năm"})
    (True, False)
    """
    text = str(row.get("period_raw") or "").strip()
    return text.startswith("[") and text.endswith("]")


def full_calendar_year(row) -> bool:
    """Whether a figure's period is one whole calendar year (1 January to 31 December of one year)."""
    s, e = pd.Timestamp(row["period_start"]), pd.Timestamp(row["period_end"])
    return (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year


# --- milestones -------------------------------------------------------------------------------------------------

def milestones(data: Digital) -> pd.DataFrame:
    """Digital-government events in the window, in date order."""
    ev = data.events
    return ev[ev["category"] == "digital"].sort_values(["date", "event_id"]).reset_index(drop=True)


def timeline_lanes(events: pd.DataFrame, kinds: pd.DataFrame) -> pd.DataFrame:
    """Events with ``category`` set to a timeline lane from their coded kind and crossing.

    Lanes: ``indices`` (kinds of the ``index`` group), ``policy`` (kind ``plan``), ``border`` (an event at a
    border crossing), ``digital`` (the rest).
    """
    group = dict(zip(kinds["code"], kinds["group"]))
    crossing = events["crossing"].fillna("").astype(str).str.strip() != ""
    lane = ["indices" if group.get(k) == "index" else "policy" if k == "plan" else "border" if c else "digital"
            for k, c in zip(events["kind"], crossing)]
    return events.assign(category=lane)


def event_table(events: pd.DataFrame, data: Digital) -> pd.DataFrame:
    """Events for display: date, kind (codebook name), what happened, crossing, source."""
    dates = (events["date"].dt.strftime("%Y-%m-%d") if data.scope.language == "en"
             else events["date"].map(lambda d: labels.date_label(d, data.scope.language)))
    return pd.DataFrame({"date": dates,
                         "kind": [data.kind_name(k) for k in events["kind"]], "event": events["title"],
                         "crossing": events["crossing"].fillna("").replace("", "—"),
                         "source_id": events["source_id"]}).reset_index(drop=True)


def names_other_years(text: str, scope: Scope) -> bool:
    """Whether a text (an event title) names a year outside the window, as an index year or a plan horizon does."""
    import re

    years = re.findall(r"(?<![\d/-])(?:19[5-9]\d|20[0-4]\d)(?![\d/-])", str(text))
    return any(not scope.window.contains_year(int(y)) for y in years)


# --- online services --------------------------------------------------------------------------------------------

def service_figures(data: Digital) -> pd.DataFrame:
    """Reported figures on online public services and dossiers filed online, oldest first."""
    rows = data.reported[data.reported["indicator"].isin(SERVICE_INDICATORS)]
    return rows.sort_values(["period_end", "indicator", "obs_id"]).reset_index(drop=True)


def figures_table(rows: pd.DataFrame, data: Digital) -> pd.DataFrame:
    """Figures for display: period, what is counted (the codebook's name: it carries base and level), figure."""
    language = data.scope.language
    return pd.DataFrame({
        "period": [when(r, language) for _, r in rows.iterrows()], "what is counted": [data.name(c) for c in rows["indicator"]],
        "figure": [fmt_figure(r, language) for _, r in rows.iterrows()], "as printed": rows["value_raw"],
        "transcriber's note": rows["note"].map(_first_clause),
        "recorded conflict": [conflict_ids([o], data.conflicts) or "none" for o in rows["obs_id"]],
        "source_id": rows["source_id"],
    }).reset_index(drop=True)


def _first_clause(note) -> str:
    """The first clause of a transcriber's note (what the figure covers), shown beside it; never read by code."""
    text = "" if note is None or (isinstance(note, float) and math.isnan(note)) else str(note)
    return text.split(";")[0].strip() or "—"


@dataclass
class SharePair:
    """A printed share of services fully online beside the counts it should follow from, and the share they give."""

    part: pd.Series
    whole: pd.Series
    printed: pd.Series | None
    computed: iv.Interval

    @property
    def value(self) -> float:
        """The middle of :attr:`computed`."""
        return (self.computed[0] + self.computed[1]) / 2

    @property
    def agrees(self) -> bool:
        """Whether the printed share fits the counts (intervals overlap); True when no share is printed."""
        return self.printed is None or iv.overlaps(self.computed, interval_of(self.printed))


def full_share_check(obs: pd.DataFrame) -> SharePair | None:
    """The latest source that counts both its catalogue and the services fully online: the share they give.

    The part is ``online_public_services_full`` and the whole ``online_public_services`` of the same source and
    period; the printed ``online_public_services_share`` of that source, when there is one, is set beside.
    """
    actual = obs[obs["status"] == "actual"].sort_values(["period_end", "obs_id"])
    parts = actual[actual["indicator"] == "online_public_services_full"]
    for part in reversed(list(parts.to_dict("records"))):
        same = actual[(actual["source_id"] == part["source_id"]) & (actual["period_end"] == part["period_end"])]
        wholes = same[same["indicator"] == "online_public_services"]
        if wholes.empty:
            continue
        whole = wholes.iloc[0]
        printed = same[same["indicator"] == "online_public_services_share"]
        computed = iv.mul(iv.div(interval_of(part), interval_of(whole)), iv.point(100.0))
        return SharePair(pd.Series(part), whole, printed.iloc[0] if len(printed) else None, computed)
    return None


# --- the digital border gate -------------------------------------------------------------------------------------

def border_stages(data: Digital) -> pd.DataFrame:
    """Digital-government events at a border crossing (the platform's stages), in date order."""
    ev = milestones(data)
    return ev[ev["crossing"].fillna("").astype(str).str.strip() != ""].reset_index(drop=True)


def border_figures(data: Digital) -> pd.DataFrame:
    """Reported figures on the digital border-gate platform, oldest first."""
    rows = data.reported[data.reported["indicator"].isin(BORDER_INDICATORS)]
    return rows.sort_values(["period_end", "indicator", "obs_id"]).reset_index(drop=True)


def judgements(data: Digital, indicators=BORDER_INDICATORS) -> tuple[pd.DataFrame, list[str]]:
    """Recorded conflicts naming a figure of ``indicators`` in the window.

    Returns:
        The judgements whose figures all lie in the window (columns ``id``, ``judgement``, ``source_ids``), and the
        ids of those that also weigh figures outside it (their text speaks of other years: named, not shown).
    """
    mine = set(data.obs.loc[data.obs["indicator"].isin(list(indicators)), "obs_id"])
    inside = set(data.obs["obs_id"])
    rows, elsewhere = [], []
    for c in data.conflicts.itertuples():
        if not mine & set(c.obs_ids):
            continue
        if set(c.obs_ids) <= inside:
            rows.append({"id": c.id, "judgement": c.judgement,
                         "source_ids": ";".join(sorted({source_of(o) for o in c.obs_ids}))})
        else:
            elsewhere.append(c.id)
    return pd.DataFrame(rows, columns=["id", "judgement", "source_ids"]), elsewhere


# --- citizen accounts --------------------------------------------------------------------------------------------

@dataclass
class AccountsCheck:
    """The latest count of citizen-platform accounts, the plan and population it implies, the printed population
    nearest in time to the count (:func:`nearest_in_time`).

    ``verdict``: ``agree``, ``printed_above`` or ``printed_below`` (printed population against the implied
    range), ``no_population`` (no population figure in the window), ``not_derived`` (derived values off),
    ``no_share`` (no share of the population printed beside the count) or ``no_data`` (no account figure).
    """

    accounts: pd.Series | None = None
    plan_pct: pd.Series | None = None
    share_pct: pd.Series | None = None
    implied_plan: pd.Series | None = None
    implied_population: pd.Series | None = None
    population: pd.Series | None = None
    share_at_population: iv.Interval | None = None
    verdict: str = "no_data"


def nearest_in_time(rows: pd.DataFrame, when: pd.Timestamp) -> pd.Series | None:
    """The row whose period is nearest to the day ``when``: one whose period holds the day first, else the least
    days to its nearer end; then the nearer middle of the period, a source that is not ``low``, the obs_id."""
    if rows.empty:
        return None
    start, end = rows["period_start"], rows["period_end"]
    gap = (start - when).clip(lower=pd.Timedelta(0)) + (when - end).clip(lower=pd.Timedelta(0))
    middle = (start + (end - start) / 2 - when).abs()
    keyed = rows.assign(_gap=gap, _mid=middle, _low=rows["reliability"].eq("low"))
    return keyed.sort_values(["_gap", "_mid", "_low", "obs_id"]).iloc[0].drop(["_gap", "_mid", "_low"])


def check_accounts(data: Digital) -> AccountsCheck:
    """Accounts against plan, and the population their printed share implies against the population printed."""
    from lso_analysis.analysis.derive import derive_implied

    rows = data.obs[(data.obs["indicator"] == "digital_citizen_accounts") & (data.obs["status"] != "target")]
    levels = rows[rows["measure"] == "level"].sort_values(["period_end", "obs_id"])
    if levels.empty:
        return AccountsCheck()
    level = levels.iloc[-1]
    same = rows[(rows["source_id"] == level["source_id"]) & (rows["period_end"] == level["period_end"])]
    pick = {m: same[same["measure"] == m].iloc[0] if (same["measure"] == m).any() else None
            for m in ("plan_pct", "share_pct")}
    heads = data.obs[(data.obs["indicator"] == "population") & (data.obs["measure"] == "level")
                     & (data.obs["status"] != "target")].sort_values(["period_end", "obs_id"])
    out = AccountsCheck(level, pick["plan_pct"], pick["share_pct"], population=nearest_in_time(heads, level["period_end"]),
                        verdict="not_derived")
    if not data.scope.include_derived:
        return out
    derived = {m: d for m, d in derive_implied(same).groupby("method")}
    out.implied_plan = derived["plan_from_share"].iloc[0] if "plan_from_share" in derived else None
    out.implied_population = derived["whole_from_share"].iloc[0] if "whole_from_share" in derived else None
    if out.implied_population is None:
        out.verdict = "no_share"
        return out
    if out.population is None:
        out.verdict = "no_population"
        return out
    printed, implied = interval_of(out.population), interval_of(out.implied_population)
    out.share_at_population = iv.mul(iv.div(interval_of(level), printed), iv.point(100.0))
    out.verdict = ("agree" if iv.overlaps(implied, printed)
                   else "printed_above" if printed[0] > implied[1] else "printed_below")
    return out


def accounts_table(check: AccountsCheck, language: str = "en") -> pd.DataFrame:
    """The figures of :func:`check_accounts`, printed and implied, with their period and source."""
    parts = [("accounts", check.accounts), ("share of plan", check.plan_pct), ("share of population", check.share_pct),
             ("plan implied", check.implied_plan), ("population implied", check.implied_population),
             ("population printed", check.population)]
    rows = [{"figure": name, "value": fmt_figure(r, language), "period": when(r, language),
             "how obtained": "derived" if str(r["obs_id"]).startswith("derived:") else "printed",
             "reliability": r["reliability"], "source_id": source_of(str(r["obs_id"]).split(":")[-1])}
            for name, r in parts if r is not None]
    return pd.DataFrame(rows, columns=["figure", "value", "period", "how obtained", "reliability", "source_id"])


# --- targets -----------------------------------------------------------------------------------------------------

def targets_vs_reported(data: Digital, codes=None) -> pd.DataFrame:
    """Each target due in the window, set in a plan published by its last year, against the latest figure reported.

    Verdicts: ``met`` (the figure of its year reaches it; for ranks, at or above that place), ``missed``,
    ``reached early`` (an earlier figure already does), ``not yet due`` (its year lies beyond the last figure)
    or ``no figure reported``. Targets due after the window are :func:`later_targets`.

    Args:
        codes: indicator codes to keep (None: the codebook's ``digital`` theme).
    """
    codes = _digital_codes(data) if codes is None else list(codes)
    targets = data.targets[data.targets["indicator"].isin(codes)
                           & data.scope.window.mask(data.targets)]
    reported = data.reported if data.scope.include_estimates else data.reported[data.reported["status"] == "actual"]
    rows = []
    for t in targets.sort_values(["indicator", "period_end", "obs_id"]).to_dict("records"):
        rows.append(_target_row(t, reported, data))
    return pd.DataFrame(rows, columns=["indicator", "target", "by", "set in", "reported", "reported for", "verdict",
                                       "caveat", "source_ids"])


def _target_row(t: dict, reported: pd.DataFrame, data: Digital) -> dict:
    due, lower_better, r = t["period_end"].year, t["unit"] == "rank", None
    pool = reported[(reported["indicator"] == t["indicator"]) & (reported["measure"] == t["measure"])
                    & (reported["period_end"].dt.year <= due)].sort_values(["period_end", "obs_id"])
    verdict = "no figure reported"
    if len(pool):
        r = pool.iloc[-1]
        reached = r["value"] <= t["value"] if lower_better else r["value"] >= t["value"]
        on_time = r["period_end"].year >= due
        verdict = ("met" if reached else "missed") if on_time else ("reached early" if reached else "not yet due")
    language = data.scope.language
    return {"indicator": t["indicator"], "target": target_text(t, language), "by": due, "set in": t["source_id"],
            "reported": "—" if r is None else fmt_figure(r, language),
            "reported for": "—" if r is None else when(r, language), "verdict": verdict,
            "caveat": conflict_ids([t["obs_id"], None if r is None else r["obs_id"]], data.conflicts) or "none",
            "source_ids": t["source_id"] + ("" if r is None else ";" + r["source_id"])}


def target_text(t, language: str = "en") -> str:
    """A target as a bound: "at most 10" for a rank, "at least 10%" for an open-ended goal, else the figure."""
    bound = "bound_top" if t["unit"] == "rank" else "bound_at_least" if math.isnan(t["value_high"]) else "bound_exact"
    return label(language, bound, value=fmt_value(t["value"], t["unit"], language=language))


def later_targets(data: Digital, codes=None) -> pd.DataFrame:
    """Targets set in the window's plans for years after it: yardsticks, not assessed."""
    codes = _digital_codes(data) if codes is None else list(codes)
    rows = data.targets[data.targets["indicator"].isin(codes) & (data.targets["period_end"] > data.scope.window.end)]
    rows = rows.sort_values(["indicator", "period_end", "obs_id"])
    return pd.DataFrame({"indicator": rows["indicator"], "target": [target_text(r, data.scope.language)
                                                                    for _, r in rows.iterrows()],
                         "by": rows["period_end"].dt.year, "set in": rows["source_id"],
                         "source_ids": rows["source_id"]}).reset_index(drop=True)


def _digital_codes(data: Digital) -> list[str]:
    return list(data.indicators.loc[data.indicators["theme"] == "digital", "code"])


def claim(data: Digital, claim_id: str, case: str, values: dict | None = None, source_ids=(), years=()) -> Claim:
    """A claim checked against the window: every year it names, nested values included, must lie in it.

    Raises:
        OutOfWindowError: naming the claim and the years outside the window.
    """
    values = dict(values or {})
    named = set(int(y) for y in years) | _years_in(list(values.values()))
    made = Claim(claim_id, case, values, tuple(sorted({s for s in source_ids if s})), tuple(sorted(named)))
    data.scope.check_years(made.named_years(), claim_id)
    return made


def _years_in(value) -> set[int]:
    if isinstance(value, (Span, Day)):
        return set(value.years)
    if isinstance(value, (list, tuple)):
        return set().union(*(_years_in(v) for v in value)) if value else set()
    return set()
