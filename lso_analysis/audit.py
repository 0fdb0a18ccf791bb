"""The data audit: sources and their reliability, coverage gaps, consistency, province attribution and fixes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lso_analysis.derive import source_of
from lso_analysis.text import normalize_text

#: Indicator-years the audit's heat map shows: the headline series of the three reports.
KEY_INDICATORS = (
    "grdp", "grdp_per_capita", "trade_turnover", "trade_turnover_all_goods", "exports", "imports", "local_exports",
    "budget_revenue", "customs_revenue", "retail_sales", "iip", "tourist_arrivals", "new_enterprises",
    "public_investment_disbursed", "poverty_rate", "covid_cases", "dti_rank", "pci_rank", "digital_economy_share",
    "online_public_services", "online_dossier_share", "digital_citizen_accounts",
)
RELIABILITY_ORDER = ("official", "press", "mirror", "low")
_VALUE_MEASURES = ("level", "growth_pct", "share_pct", "change_abs", "change_pp", "rank")


def in_years(frame: pd.DataFrame, start_year: int, end_year: int) -> pd.Series:
    """True for rows whose period touches the years ``start_year``..``end_year``."""
    return (frame["period_start"].dt.year <= end_year) & (frame["period_end"].dt.year >= start_year)


def period_label(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """A short English label for a span of dates.

    >>> T = pd.Timestamp
    >>> period_label(T("2022-01-01"), T("2022-11-30")), period_label(T("2021-06-08"), T("2021-06-08"))
    ('Jan–Nov 2022', '8 Jun 2021')
    """
    if pd.isna(start) or pd.isna(end):
        return "undated"
    if start.year != end.year:
        return f"{start:%b %Y}–{end:%b %Y}"
    if start.day == 1 and end.is_month_end:
        if (start.month, end.month) == (1, 12):
            return f"{start:%Y}"
        return f"{start:%b %Y}" if start.month == end.month else f"{start:%b}–{end:%b %Y}"
    return f"{start.day} {start:%b %Y}" if start == end else f"{start.day} {start:%b}–{end.day} {end:%b %Y}"


def _date_basis(text: str) -> str:
    word = str(text or "").split(":")[0].strip().lower()
    return word if word in ("stated", "inferred") else "unknown"


def source_overview(sources: pd.DataFrame, obs_all: pd.DataFrame, province: str) -> pd.DataFrame:
    """One row per source about ``province``: outlet, date and how it is known, reliability, figures held.

    Args:
        sources: ``load_sources()``.
        obs_all: every observation (``load_observations(None, include_targets=True, include_low=True)``).
        province: NFC province name.

    Returns:
        Columns ``source_id``, ``outlet`` (the id's first part), ``publisher``, ``published``, ``year``,
        ``date_basis`` (stated | inferred | unknown), ``reliability``, ``n_figures``, ``in_corpus``.
    """
    mine = sources[sources["province"].map(normalize_text) == normalize_text(province)].reset_index(drop=True)
    counts = obs_all.groupby("source_id").size()
    return mine[["source_id", "publisher", "published", "reliability"]].assign(
        outlet=mine["source_id"].str.split("-").str[0],
        year=pd.to_numeric(mine["published"].str[:4], errors="coerce").astype("Int64"),
        date_basis=mine["published_basis"].map(_date_basis),
        n_figures=mine["source_id"].map(counts).fillna(0).astype(int), in_corpus=mine["corpus_file"].fillna("").ne(""),
    )


def reliability_table(overview: pd.DataFrame, start_year: int, end_year: int) -> pd.DataFrame:
    """Sources by reliability: when they were published (before, in, after the years), how the date is known, figures."""
    rows = []
    for rel in RELIABILITY_ORDER:
        part = overview[overview["reliability"] == rel]
        year = part["year"].astype(float)
        rows.append({"reliability": rel, "sources": len(part), f"published before {start_year}": int((year < start_year).sum()),
                     f"in {start_year}–{end_year}": int(year.between(start_year, end_year).sum()),
                     f"after {end_year}": int((year > end_year).sum()),
                     "date stated": int((part["date_basis"] == "stated").sum()),
                     "date inferred": int((part["date_basis"] == "inferred").sum()), "figures": int(part["n_figures"].sum())})
    table = pd.DataFrame(rows)
    return pd.concat([table, pd.DataFrame([{"reliability": "total", **table.drop(columns="reliability").sum()}])],
                     ignore_index=True)


def outlet_table(overview: pd.DataFrame, min_sources: int = 2) -> pd.DataFrame:
    """Outlets with at least ``min_sources`` sources, the rest pooled in one last row."""
    rows = []
    for outlet, part in overview.groupby("outlet", sort=True):
        rows.append({"outlet": outlet, "publisher": min(part["publisher"], key=len),
                     "reliability": ", ".join(r for r in RELIABILITY_ORDER if r in set(part["reliability"])),
                     "sources": len(part), "figures": int(part["n_figures"].sum()),
                     "published": f"{part['year'].min()}–{part['year'].max()}" if part["year"].nunique() > 1
                     else str(part["year"].min())})
    table = pd.DataFrame(rows, columns=["outlet", "publisher", "reliability", "sources", "figures", "published"])
    big = table[table["sources"] >= min_sources].sort_values(["sources", "outlet"], ascending=[False, True])
    small = table[table["sources"] < min_sources]
    rest = {"outlet": f"{len(small)} other outlets", "publisher": f"(fewer than {min_sources} sources each)",
            "reliability": ", ".join(r for r in RELIABILITY_ORDER if small["reliability"].str.contains(r).any()),
            "sources": int(small["sources"].sum()), "figures": int(small["figures"].sum()), "published": ""}
    return pd.concat([big, pd.DataFrame([rest])] if len(small) else [big], ignore_index=True)


@dataclass
class SourceSummary:
    """Counts for the prose about the sources of one province."""

    n_sources: int
    by_reliability: dict[str, int]
    n_stated: int
    n_inferred: int
    n_figures: int
    n_low_figures: int
    n_outside_years: int
    low_only_indicators: list[str] = field(default_factory=list)
    by_status: dict[str, int] = field(default_factory=dict)


def summarize_sources(overview: pd.DataFrame, obs_all: pd.DataFrame, start_year: int, end_year: int) -> SourceSummary:
    """The numbers behind the sources section; ``obs_all`` must include low sources and targets.

    ``n_low_figures`` counts the figures that leaving out ``low`` sources removes; ``low_only_indicators``
    are indicators with figures in the years only from such sources.
    """
    obs = obs_all[obs_all["source_id"].isin(set(overview["source_id"]))]
    window = obs[in_years(obs, start_year, end_year)]
    low = window["reliability"] == "low"
    only_low = sorted(set(window.loc[low, "indicator"]) - set(window.loc[~low, "indicator"]))
    return SourceSummary(
        n_sources=len(overview),
        by_reliability={r: int((overview["reliability"] == r).sum()) for r in RELIABILITY_ORDER},
        n_stated=int((overview["date_basis"] == "stated").sum()),
        n_inferred=int((overview["date_basis"] == "inferred").sum()),
        n_figures=len(obs), n_low_figures=int((obs["reliability"] == "low").sum()),
        n_outside_years=int(len(obs) - len(window)), low_only_indicators=only_low,
        by_status={k: int((window["status"] == k).sum()) for k in ("actual", "estimate", "target")},
    )


def figure_counts(obs: pd.DataFrame, start_year: int, end_year: int, include_estimates: bool = True) -> pd.DataFrame:
    """Figures in the years by measure (rows) and status (columns), with totals.

    Estimates are left out when ``include_estimates`` is False.
    """
    obs = obs[in_years(obs, start_year, end_year)]
    if not include_estimates:
        obs = obs[obs["status"] != "estimate"]
    table = pd.crosstab(obs["measure"], obs["status"], margins=True, margins_name="total")
    return table.reset_index().rename_axis(columns=None)


@dataclass
class CoverageSummary:
    """Counts of indicator-year cells of a :func:`lso_analysis.coverage.coverage_table`."""

    n_cells: int
    by_status: dict[str, int]
    n_empty_with_partial: int
    complete: list[str]
    empty: list[str]

    @property
    def n_covered(self) -> int:
        """Cells with a full-year figure of any kind."""
        return self.n_cells - self.by_status.get("none", 0)


def summarize_coverage(cov: pd.DataFrame) -> CoverageSummary:
    """Cells by status, empty cells that hold partial-year figures, and fully covered or empty indicators."""
    status = {s: int((cov["status"] == s).sum()) for s in ("actual", "estimate", "derived", "none")}
    covered = cov.assign(ok=cov["status"] != "none").groupby("indicator")["ok"]
    return CoverageSummary(
        n_cells=len(cov), by_status=status,
        n_empty_with_partial=int(((cov["status"] == "none") & cov["has_partial"]).sum()),
        complete=sorted(covered.all()[lambda s: s].index), empty=sorted((~covered.any())[lambda s: s].index),
    )


def key_coverage(obs: pd.DataFrame, province: str, start_year: int, end_year: int, include_estimates: bool = True,
                 include_derived: bool = True, indicators=KEY_INDICATORS) -> pd.DataFrame:
    """:func:`lso_analysis.coverage.coverage_table` of ``indicators`` over the years, estimates optional."""
    from lso_analysis.coverage import coverage_table

    obs = obs if include_estimates else obs[obs["status"] != "estimate"]
    return coverage_table(obs, list(indicators), range(start_year, end_year + 1), province, include_derived)


def empty_cells(cov: pd.DataFrame, obs: pd.DataFrame, province: str, include_estimates: bool = True,
                include_derived: bool = True, max_listed: int = 3) -> pd.DataFrame:
    """Per indicator, the years without a full-year figure and the partial-year figures held instead.

    Args:
        cov: a coverage table (:func:`key_coverage`) built from ``obs`` with the same options.
        max_listed: partial periods named per year (the longest first).

    Returns:
        Columns ``indicator``, ``years without a full-year figure``, ``what exists instead`` and
        ``source_ids`` (of the partial figures named).
    """
    from lso_analysis.series import candidates

    obs = obs if include_estimates else obs[obs["status"] != "estimate"]
    pool = candidates(obs, province, include_derived)
    pool = pool[pool["measure"].isin(_VALUE_MEASURES) & (pool["period_start"].dt.year == pool["period_end"].dt.year)]
    rows = []
    for code, cells in cov[cov["status"] == "none"].groupby("indicator", sort=False):
        instead, ids = [], set()
        for year in cells["year"]:
            part = pool[(pool["indicator"] == code) & (pool["period_end"].dt.year == year)]
            spans = (part.assign(_len=part["period_end"] - part["period_start"])
                     .sort_values(["_len", "period_start", "obs_id"], ascending=[False, True, True])
                     .drop_duplicates(["period_start", "period_end"]).head(max_listed))
            if len(spans):
                ids |= {source_of(o) for chain in spans["derived_from"].fillna("") + ";" + spans["obs_id"]
                        for o in chain.split(";") if o and not o.startswith("derived:")}
                instead.append(f"{year}: " + ", ".join(period_label(s, e).replace(f" {year}", "")
                                                      for s, e in zip(spans["period_start"], spans["period_end"])))
        rows.append({"indicator": code, "years without a full-year figure": ", ".join(map(str, cells["year"])),
                     "what exists instead": "; ".join(instead) or "nothing", "source_ids": ";".join(sorted(ids))})
    return pd.DataFrame(rows, columns=["indicator", "years without a full-year figure", "what exists instead", "source_ids"])


def run_checks(obs: pd.DataFrame, province: str, include_estimates: bool = True, include_derived: bool = True,
               conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`lso_analysis.consistency.check_consistency` on ``obs``, without estimates or derived values if asked."""
    from lso_analysis.consistency import check_consistency
    from lso_analysis.derive import derive_implied

    obs = obs if include_estimates else obs[obs["status"] != "estimate"]
    derived = None if include_derived else derive_implied(obs.iloc[:0])
    return check_consistency(obs, conflicts, derived, province)


def consistency_overview(checks: pd.DataFrame) -> pd.DataFrame:
    """Comparisons by kind of check (rows) and verdict (columns: ok, explained, conflict, total)."""
    table = pd.crosstab(checks["check"], checks["status"]).reindex(columns=["ok", "explained", "conflict"], fill_value=0)
    table["total"] = table.sum(axis=1)
    return table.reset_index().rename_axis(columns=None)


def flagged_checks(checks: pd.DataFrame) -> pd.DataFrame:
    """The comparisons whose intervals do not overlap, with the recorded judgement that explains them (if any)."""
    bad = checks[checks["status"] != "ok"]

    def side(oid, value, low, high):
        return f"{value:,.6g} [{low:,.6g}–{high:,.6g}] ({oid})".replace("[nan", "[").replace("–nan]", "–]")

    return pd.DataFrame({
        "status": bad["status"], "check": bad["check"], "indicator": bad["indicator"],
        "period": [period_label(s, e) for s, e in zip(bad["period_start"], bad["period_end"])],
        "figure a": [side(*v) for v in zip(bad["obs_id_a"], bad["value_a"], bad["low_a"], bad["high_a"])],
        "figure b": [side(*v) for v in zip(bad["obs_id_b"], bad["value_b"], bad["low_b"], bad["high_b"])],
        "recorded judgement": bad["explanation"].str.extract(r"^(\[[^\]]+\])", expand=False).fillna("none"),
    }).reset_index(drop=True)


def _gist(text: str, least: int = 80, most: int = 320) -> str:
    """Whole sentences from the start of ``text`` until at least ``least`` characters (cut at ``most``)."""
    out = ""
    for sentence in re.split(r"(?<=\.)\s+(?=[A-Z0-9'])", text.strip()):
        out = f"{out} {sentence}".strip()
        if len(out) >= least:
            break
    return out if len(out) <= most else out[: most - 1].rstrip() + "…"


def recorded_conflicts(conflicts: pd.DataFrame, source_ids) -> pd.DataFrame:
    """The curators' recorded conflicts that involve at least one of ``source_ids``, judgement shortened."""
    keep = set(source_ids)
    rows = []
    for c in conflicts.itertuples():
        sources = sorted({source_of(o) for o in c.obs_ids})
        if keep & set(sources):
            rows.append({"id": c.id, "figures": len(c.obs_ids), "sources": len(sources),
                         "preferred": c.preferred or "none", "judgement (gist)": _gist(c.judgement),
                         "source_ids": ";".join(sources)})
    return pd.DataFrame(rows, columns=["id", "figures", "sources", "preferred", "judgement (gist)", "source_ids"])


def read_corpus_texts(sources: pd.DataFrame, corpus_dir: Path | None) -> dict[str, str]:
    """The text of every source whose ``corpus_file`` is in ``corpus_dir``, by ``source_id`` ({} without a folder)."""
    if corpus_dir is None:
        return {}
    found = {}
    for source_id, name in zip(sources["source_id"], sources["corpus_file"].fillna("")):
        if name and (Path(corpus_dir) / name).is_file():
            found[source_id] = (Path(corpus_dir) / name).read_text(encoding="utf-8")
    return found


def attribute_sources(sources: pd.DataFrame, texts: dict[str, str], province: str, obs_all: pd.DataFrame) -> pd.DataFrame:
    """Which province each corpus source is about: as recorded, as detected from its text, and the evidence.

    Args:
        sources: ``load_sources()`` (rows with a ``corpus_file`` are attributed).
        texts: source_id → text (:func:`read_corpus_texts`); a source without text is shown as recorded only.
        province: the province whose series the report builds.
        obs_all: every observation, to count the figures each source holds.

    Returns:
        Columns ``source_id``, ``recorded``, ``detected`` (None without text or evidence), ``confidence``,
        ``evidence`` (names pointing at the detected province), ``other places``, ``figures``, ``agrees``,
        ``in series`` (whether its figures enter ``province``'s series: the recorded province decides).
    """
    from lso_analysis.provinces import detect_province

    counts = obs_all.groupby("source_id").size()
    rows = []
    for s in sources[sources["corpus_file"].fillna("") != ""].itertuples():
        recorded = normalize_text(s.province)
        row = {"source_id": s.source_id, "recorded": recorded, "detected": "not read", "confidence": float("nan"),
               "evidence": "", "other places": "", "figures": int(counts.get(s.source_id, 0)), "agrees": ""}
        if s.source_id in texts:
            found = detect_province(texts[s.source_id])
            names = [f"{e.term} ({e.kind}) ×{e.count}" for e in found.evidence if e.province == found.province]
            row.update(detected=found.province or "undecided", confidence=found.confidence,
                       evidence="; ".join(names) or "none", agrees="yes" if found.province == recorded else "no",
                       **{"other places": ", ".join(sorted({e.province for e in found.evidence
                                                            if e.province != found.province}))})
        row["in series"] = "yes" if recorded == normalize_text(province) else f"no: about {recorded}"
        rows.append(row)
    return pd.DataFrame(rows, columns=["source_id", "recorded", "detected", "confidence", "evidence", "other places",
                                       "figures", "agrees", "in series"])


@dataclass
class AttributionSummary:
    """What :func:`attribute_sources` found: how many texts were read and which sources stay out."""

    text_available: bool
    n_sources: int
    n_read: int
    n_agree: int
    excluded: pd.DataFrame

    @property
    def n_excluded_figures(self) -> int:
        """Figures held by the sources about another province."""
        return int(self.excluded["figures"].sum())


def summarize_attribution(att: pd.DataFrame) -> AttributionSummary:
    """Counts of an attribution table and its rows whose figures stay out of the province's series."""
    read = att[att["detected"] != "not read"]
    return AttributionSummary(bool(len(read)), len(att), len(read), int((read["agrees"] == "yes").sum()),
                              att[att["in series"] != "yes"].reset_index(drop=True))


def exclusion_notes(att: pd.DataFrame, province: str) -> list[str]:
    """One Markdown sentence per corpus source whose figures stay out of ``province``'s series."""
    return [f"`{r.source_id}` is about **{r.recorded}** ({'evidence: ' + r.evidence if r.evidence else 'as recorded'}); "
            f"its **{r.figures}** figures stay out of the {province} series." for r in att.itertuples()
            if r.recorded != normalize_text(province)]


def load_fixes(path: Path | None = None) -> list[dict]:
    """The ``fixes`` of ``data/raw/corrections.yml``: printed values we read differently, with the reason."""
    import yaml

    from lso_analysis import paths

    path = Path(path or paths.CORRECTIONS_YML)
    return list((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("fixes") or [])


def fixes_table(fixes: list[dict], source_ids=None) -> pd.DataFrame:
    """One row per recorded fix (optionally only for ``source_ids``): what was printed, what we read, why."""
    rows = [{"obs_id": f["obs_id"], "printed": f["printed"], "read as": f["corrected"], "column": f["column"],
             "reason": f["reason"], "source_id": source_of(f["obs_id"])} for f in fixes]
    table = pd.DataFrame(rows, columns=["obs_id", "printed", "read as", "column", "reason", "source_id"])
    return table if source_ids is None else table[table["source_id"].isin(set(source_ids))].reset_index(drop=True)

