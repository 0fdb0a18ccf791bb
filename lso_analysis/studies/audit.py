"""The data audit: sources and their reliability, coverage gaps, consistency, province attribution and fixes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lso_analysis.analysis.derive import source_of
from lso_analysis.cleaning.text import normalize_text

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


def _without_estimates(obs: pd.DataFrame, include_estimates: bool) -> pd.DataFrame:
    return obs if include_estimates else obs[obs["status"] != "estimate"]


def source_overview(sources: pd.DataFrame, obs_all: pd.DataFrame, province: str) -> pd.DataFrame:
    """One row per source about ``province``: outlet (the id's first part), date and how it is known, figures held.

    A source is about the province when its ``province`` is that province or when it holds a figure about it
    (a national list printing the province's rate); ``n_figures`` counts only the figures about the province.
    ``obs_all`` holds every observation (all provinces, targets, low sources).
    ``date_basis`` is ``stated``, ``inferred`` or ``unknown`` (the first word of ``published_basis``).
    """
    name = normalize_text(province)
    here = obs_all[obs_all["province"].map(normalize_text) == name]
    keep = (sources["province"].map(normalize_text) == name) | sources["source_id"].isin(set(here["source_id"]))
    mine = sources[keep].reset_index(drop=True)
    basis = mine["published_basis"].fillna("").str.split(":").str[0].str.strip().str.lower()
    return mine[["source_id", "publisher", "published", "reliability"]].assign(
        outlet=mine["source_id"].str.split("-").str[0],
        year=pd.to_numeric(mine["published"].str[:4], errors="coerce").astype("Int64"),
        date_basis=basis.where(basis.isin(["stated", "inferred"]), "unknown"),
        n_figures=mine["source_id"].map(here.groupby("source_id").size()).fillna(0).astype(int),
        in_corpus=mine["corpus_file"].fillna("").ne(""),
    )


def reliability_table(overview: pd.DataFrame, start_year: int, end_year: int) -> pd.DataFrame:
    """Sources by reliability: published before, in or after the years; how the date is known; figures; a total row."""
    rows = []
    for rel in RELIABILITY_ORDER:
        part = overview[overview["reliability"] == rel]
        year, basis = part["year"].astype(float), part["date_basis"]
        rows.append({"reliability": rel, "sources": len(part),
                     f"published before {start_year}": int((year < start_year).sum()),
                     f"in {start_year}–{end_year}": int(year.between(start_year, end_year).sum()),
                     f"after {end_year}": int((year > end_year).sum()), "date stated": int((basis == "stated").sum()),
                     "date inferred": int((basis == "inferred").sum()), "figures": int(part["n_figures"].sum())})
    table = pd.DataFrame(rows)
    return pd.concat([table, pd.DataFrame([{"reliability": "total", **table.drop(columns="reliability").sum()}])],
                     ignore_index=True)


def outlet_table(overview: pd.DataFrame, min_sources: int = 2) -> pd.DataFrame:
    """Outlets with at least ``min_sources`` sources, most first; the other outlets pooled in one last row."""
    def row(name, part, publisher, years):
        reliability = ", ".join(r for r in RELIABILITY_ORDER if r in set(part["reliability"]))
        return {"outlet": name, "publisher": publisher, "reliability": reliability, "sources": len(part),
                "figures": int(part["n_figures"].sum()), "published": years}

    groups = sorted(overview.groupby("outlet"), key=lambda g: (-len(g[1]), g[0]))
    rows = [row(name, part, min(part["publisher"], key=len), "–".join(sorted({str(part["year"].min()),
                                                                              str(part["year"].max())})))
            for name, part in groups if len(part) >= min_sources]
    small = [part for _, part in groups if len(part) < min_sources]
    if small:
        rows.append(row(f"{len(small)} other outlets", pd.concat(small), f"(under {min_sources} sources each)", ""))
    return pd.DataFrame(rows, columns=["outlet", "publisher", "reliability", "sources", "figures", "published"])


@dataclass
class SourceSummary:
    """Counts for the prose about the sources of one province (figures by status: those about the years)."""

    n_sources: int
    by_reliability: dict[str, int]
    n_stated: int
    n_inferred: int
    n_figures: int
    n_low_figures: int
    n_outside_years: int
    low_only_indicators: list[str] = field(default_factory=list)
    by_status: dict[str, int] = field(default_factory=dict)


def summarize_sources(overview: pd.DataFrame, obs_all: pd.DataFrame, start_year: int, end_year: int,
                      province: str | None = None) -> SourceSummary:
    """The numbers behind the sources section; ``n_low_figures`` is what leaving out ``low`` sources removes.

    ``low_only_indicators`` have figures about the years from ``low`` sources only. With ``province``, only the
    figures about that province count (a source may also print other geographies' figures).
    """
    obs = obs_all[obs_all["source_id"].isin(set(overview["source_id"]))]
    if province is not None:
        obs = obs[obs["province"].map(normalize_text) == normalize_text(province)]
    window = obs[in_years(obs, start_year, end_year)]
    low, basis = window["reliability"] == "low", overview["date_basis"]
    return SourceSummary(
        n_sources=len(overview),
        by_reliability={r: int((overview["reliability"] == r).sum()) for r in RELIABILITY_ORDER},
        n_stated=int((basis == "stated").sum()), n_inferred=int((basis == "inferred").sum()), n_figures=len(obs),
        n_low_figures=int((obs["reliability"] == "low").sum()), n_outside_years=len(obs) - len(window),
        low_only_indicators=sorted(set(window.loc[low, "indicator"]) - set(window.loc[~low, "indicator"])),
        by_status={k: int((window["status"] == k).sum()) for k in ("actual", "estimate", "target")},
    )


def figure_counts(obs: pd.DataFrame, start_year: int, end_year: int, include_estimates: bool = True) -> pd.DataFrame:
    """Figures about the years by measure (rows) and status (columns), with totals; estimates optional."""
    obs = _without_estimates(obs[in_years(obs, start_year, end_year)], include_estimates)
    table = pd.crosstab(obs["measure"], obs["status"], margins=True, margins_name="total")
    return table.reset_index().rename_axis(columns=None)


@dataclass
class CoverageSummary:
    """Counts of the cells of a coverage table, and the indicators covered in every year or in none."""

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
    covered = cov.assign(ok=cov["status"] != "none").groupby("indicator")["ok"]
    status = {s: int((cov["status"] == s).sum()) for s in ("actual", "estimate", "derived", "none")}
    return CoverageSummary(
        n_cells=len(cov), by_status=status,
        n_empty_with_partial=int(((cov["status"] == "none") & cov["has_partial"]).sum()),
        complete=sorted(covered.all()[lambda s: s].index), empty=sorted((~covered.any())[lambda s: s].index),
    )


def key_coverage(obs: pd.DataFrame, province: str, start_year: int, end_year: int, include_estimates: bool = True,
                 include_derived: bool = True, indicators=KEY_INDICATORS) -> pd.DataFrame:
    """:func:`lso_analysis.analysis.coverage.coverage_table` of ``indicators`` over the years, estimates optional."""
    from lso_analysis.analysis.coverage import coverage_table

    obs, years = _without_estimates(obs, include_estimates), range(start_year, end_year + 1)
    if not (obs["province"].map(normalize_text) == normalize_text(province)).any():
        # coverage_table fails on a province without a single figure (its empty bool column turns float).
        return pd.DataFrame([{"indicator": c, "year": y, "status": "none", "has_partial": False, "n_full": 0,
                              "n_partial": 0, "source_ids": ""} for c in indicators for y in years])
    return coverage_table(obs, list(indicators), years, province, include_derived)


def empty_cells(cov: pd.DataFrame, obs: pd.DataFrame, province: str, include_estimates: bool = True,
                include_derived: bool = True, max_listed: int = 3) -> pd.DataFrame:
    """Per indicator, the years without a full-year figure and up to ``max_listed`` partial periods held instead.

    ``cov`` is :func:`key_coverage` of ``obs`` with the same options. Indicators with nothing in any year share
    one last row, so a province with little data gets a short table. ``source_ids`` are of the periods named.
    """
    from lso_analysis.analysis.series import candidates

    pool = candidates(_without_estimates(obs, include_estimates), province, include_derived)
    pool = pool[pool["measure"].isin(_VALUE_MEASURES) & (pool["period_start"].dt.year == pool["period_end"].dt.year)]
    rows = []
    for code, cells in cov[cov["status"] == "none"].groupby("indicator", sort=False):
        instead, ids = [], set()
        for year in cells["year"]:
            part = pool[(pool["indicator"] == code) & (pool["period_end"].dt.year == year)]
            spans = (part.assign(_len=part["period_end"] - part["period_start"])
                     .sort_values(["_len", "period_start", "obs_id"], ascending=[False, True, True])
                     .drop_duplicates(["period_start", "period_end"]).head(max_listed))
            ids |= {source_of(o) for chain in spans["derived_from"].fillna("") + ";" + spans["obs_id"]
                    for o in chain.split(";") if o and not o.startswith("derived:")}
            labels = [period_label(s, e).replace(f" {year}", "")
                      for s, e in zip(spans["period_start"], spans["period_end"])]
            instead += [f"{year}: " + ", ".join(labels)] if labels else []
        rows.append({"indicator": code, "years without a full-year figure": ", ".join(map(str, cells["year"])),
                     "what exists instead": "; ".join(instead) or "nothing", "source_ids": ";".join(sorted(ids))})
    years, instead = "years without a full-year figure", "what exists instead"
    table = pd.DataFrame(rows, columns=["indicator", years, instead, "source_ids"])
    blank = (table[years] == ", ".join(map(str, sorted(cov["year"].unique())))) & (table[instead] == "nothing")
    if blank.sum() > 1:
        pooled = {"indicator": ", ".join(table.loc[blank, "indicator"]), years: "every year", instead: "nothing",
                  "source_ids": ""}
        table = pd.concat([table[~blank], pd.DataFrame([pooled])], ignore_index=True)
    return table


def run_checks(obs: pd.DataFrame, province: str, include_estimates: bool = True, include_derived: bool = True,
               conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`lso_analysis.analysis.consistency.check_consistency` on ``obs``, without estimates or derived values if asked."""
    from lso_analysis.analysis.consistency import check_consistency
    from lso_analysis.analysis.derive import derive_implied

    obs = _without_estimates(obs, include_estimates)
    return check_consistency(obs, conflicts, None if include_derived else derive_implied(obs.iloc[:0]), province)


def consistency_overview(checks: pd.DataFrame) -> pd.DataFrame:
    """Comparisons by kind of check (rows) and verdict (columns: ok, explained, conflict, total)."""
    table = pd.crosstab(checks["check"], checks["status"])
    table = table.reindex(columns=["ok", "explained", "conflict"], fill_value=0)
    return table.assign(total=table.sum(axis=1)).reset_index().rename_axis(columns=None)


def flagged_checks(checks: pd.DataFrame) -> pd.DataFrame:
    """The comparisons whose intervals do not overlap, with the id of the recorded judgement that explains each."""
    bad = checks[checks["status"] != "ok"]

    def side(oid, value, low, high):
        return f"{value:,.6g} [{low:,.6g}–{high:,.6g}] ({oid})".replace("[nan", "[").replace("–nan]", "–]")

    judgement = bad["explanation"].fillna("").astype(str).str.extract(r"^(\[[^\]]+\])", expand=False).fillna("none")
    return pd.DataFrame({
        "status": bad["status"], "check": bad["check"], "indicator": bad["indicator"],
        "period": [period_label(s, e) for s, e in zip(bad["period_start"], bad["period_end"])],
        "figure a": [side(*v) for v in zip(bad["obs_id_a"], bad["value_a"], bad["low_a"], bad["high_a"])],
        "figure b": [side(*v) for v in zip(bad["obs_id_b"], bad["value_b"], bad["low_b"], bad["high_b"])],
        "recorded judgement": judgement,
    }).reset_index(drop=True)


def _gist(text: str, least: int = 80, most: int = 320) -> str:
    """Whole sentences from the start of ``text`` until at least ``least`` characters (cut at ``most``)."""
    out = ""
    for sentence in re.split(r"(?<=\.)\s+(?=[A-Z0-9'])", text.strip()):
        out = f"{out} {sentence}".strip()
        if len(out) >= least:
            break
    return out if len(out) <= most else out[: most - 1].rstrip() + "…"


def recorded_conflicts(conflicts: pd.DataFrame, source_ids=(), obs_ids=(), gist: bool = True) -> pd.DataFrame:
    """The curators' recorded conflicts that name a figure of ``source_ids`` or one of ``obs_ids``.

    With ``gist`` the judgement is cut to its first sentences (column ``judgement (gist)``), else given whole.
    """
    keep_sources, keep_obs, name = set(source_ids), set(obs_ids), "judgement (gist)" if gist else "judgement"
    rows = []
    for c in conflicts.itertuples():
        sources = sorted({source_of(o) for o in c.obs_ids})
        if keep_sources & set(sources) or keep_obs & set(c.obs_ids):
            rows.append({"id": c.id, "figures": len(c.obs_ids), "sources": len(sources),
                         "preferred": c.preferred or "none", name: _gist(c.judgement) if gist else c.judgement,
                         "source_ids": ";".join(sources)})
    return pd.DataFrame(rows, columns=["id", "figures", "sources", "preferred", name, "source_ids"])


def read_corpus_texts(sources: pd.DataFrame, corpus_dir: Path | None) -> dict[str, str]:
    """The text of every source whose ``corpus_file`` is in ``corpus_dir``, by ``source_id`` ({} without a folder)."""
    if corpus_dir is None:
        return {}
    files = {s: Path(corpus_dir) / f for s, f in zip(sources["source_id"], sources["corpus_file"].fillna("")) if f}
    return {s: path.read_text(encoding="utf-8") for s, path in files.items() if path.is_file()}


def attribute_sources(sources: pd.DataFrame, texts: dict[str, str], province: str,
                      obs_all: pd.DataFrame) -> pd.DataFrame:
    """Which province each corpus source is about: as recorded, as detected in its text (with the names), in series?

    A source missing from ``texts`` is shown as recorded only (``detected`` = "not read"). The recorded province
    decides whether its figures enter ``province``'s series (column ``in series``); ``evidence`` lists the place
    names pointing at the detected province, ``other places`` the provinces named besides.
    """
    from lso_analysis.extract.provinces import detect_province

    counts, rows = obs_all.groupby("source_id").size(), []
    for s in sources[sources["corpus_file"].fillna("") != ""].itertuples():
        recorded = normalize_text(s.province)
        row = {"source_id": s.source_id, "recorded": recorded, "detected": "not read", "confidence": float("nan"),
               "evidence": "", "other places": "", "figures": int(counts.get(s.source_id, 0)), "agrees": ""}
        if s.source_id in texts:
            found = detect_province(texts[s.source_id])
            row.update({"detected": found.province or "undecided", "confidence": found.confidence,
                        "evidence": "; ".join(f"{e.term} ({e.kind}) ×{e.count}" for e in found.evidence
                                              if e.province == found.province) or "none",
                        "other places": ", ".join(sorted({e.province for e in found.evidence} - {found.province})),
                        "agrees": "yes" if found.province == recorded else "no"})
        rows.append(row | {"in series": "yes" if recorded == normalize_text(province) else f"no: about {recorded}"})
    return pd.DataFrame(rows, columns=["source_id", "recorded", "detected", "confidence", "evidence", "other places",
                                       "figures", "agrees", "in series"])


@dataclass
class AttributionSummary:
    """What :func:`attribute_sources` found: texts read, agreements, and the sources about another province."""

    text_available: bool
    n_sources: int
    n_read: int
    n_agree: int
    n_excluded: int
    n_excluded_figures: int


def summarize_attribution(att: pd.DataFrame) -> AttributionSummary:
    """Counts of an attribution table."""
    read, out = att[att["detected"] != "not read"], att[att["in series"] != "yes"]
    return AttributionSummary(bool(len(read)), len(att), len(read), int((read["agrees"] == "yes").sum()), len(out),
                              int(out["figures"].sum()))


def exclusion_notes(att: pd.DataFrame, province: str) -> list[str]:
    """One Markdown sentence per corpus source whose figures stay out of ``province``'s series."""
    return [f"`{r.source_id}` is about **{r.recorded}** ("
            + (f"evidence: {r.evidence}" if r.evidence else "as recorded")
            + f"); its **{r.figures}** figures stay out of the {province} series."
            for r in att.itertuples() if r.recorded != normalize_text(province)]


def load_fixes(path: Path | None = None) -> list[dict]:
    """The ``fixes`` of ``data/raw/corrections.yml``: printed values we read differently, with the reason."""
    import yaml

    from lso_analysis import paths

    data = yaml.safe_load(Path(path or paths.CORRECTIONS_YML).read_text(encoding="utf-8")) or {}
    return list(data.get("fixes") or [])


def fixes_table(fixes: list[dict], source_ids=None) -> pd.DataFrame:
    """One row per recorded fix (optionally only for ``source_ids``): what was printed, what we read, why."""
    rows = [{"obs_id": f["obs_id"], "printed": f["printed"], "read as": f["corrected"], "column": f["column"],
             "reason": f["reason"], "source_id": source_of(f["obs_id"])} for f in fixes]
    table = pd.DataFrame(rows, columns=["obs_id", "printed", "read as", "column", "reason", "source_id"])
    return table if source_ids is None else table[table["source_id"].isin(set(source_ids))].reset_index(drop=True)
