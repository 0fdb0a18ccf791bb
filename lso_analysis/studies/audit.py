"""The data audit: sources and their reliability, coverage gaps, consistency, province attribution and fixes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from lso_analysis.analysis.derive import source_of
from lso_analysis.analysis.scope import VALUE_MEASURES, Scope, Window
from lso_analysis.cleaning.text import normalize_text
from lso_analysis.present import labels

#: Indicator-years the audit's heat map shows: the headline series of the three reports.
KEY_INDICATORS = (
    "grdp", "grdp_per_capita", "trade_turnover", "trade_turnover_all_goods", "exports", "imports", "local_exports",
    "budget_revenue", "customs_revenue", "retail_sales", "iip", "tourist_arrivals", "new_enterprises",
    "public_investment_disbursed", "poverty_rate", "covid_cases", "dti_rank", "pci_rank", "digital_economy_share",
    "online_public_services", "online_dossier_share", "digital_citizen_accounts",
)
RELIABILITY_ORDER = ("official", "press", "mirror", "low")
_YEAR = re.compile(r"(?<![\d/-])(1[89]\d\d|20\d\d)(?![\d/-])")


def _without_estimates(obs: pd.DataFrame, include_estimates: bool) -> pd.DataFrame:
    return obs if include_estimates else obs[obs["status"] != "estimate"]


def _same_province(column: pd.Series, province: str) -> pd.Series:
    return column.fillna("").map(normalize_text) == normalize_text(province)


def years_outside(text: str, window: Window) -> list[int]:
    """The years ``text`` names that lie outside ``window`` (a free-text judgement or reason).

    >>> years_outside("9,805.5 in 2024 against 7,806.6 for 2023 (src-20240415-x)", Window(2019, 2023))
    [2024]
    """
    return sorted({int(y) for y in _YEAR.findall(str(text)) if not window.contains_year(int(y))})


def source_overview(sources: pd.DataFrame, obs_all: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """One row per source about the province: outlet (the id's first part), date and how it is known, figures held.

    A source is about the province when its ``province`` is the province or when one of its rows is (a shared page:
    a national list printing the province's rate). ``obs_all`` holds every observation (all provinces, targets, low
    sources); ``n_figures`` counts only the source's figures about the province, ``n_window`` those of them whose
    period lies in the window. ``date_basis`` is ``stated``, ``inferred`` or ``unknown`` (the first word of
    ``published_basis``).
    """
    here = obs_all[_same_province(obs_all["province"], scope.province)] if len(obs_all) else obs_all
    keep = _same_province(sources["province"], scope.province) | sources["source_id"].isin(set(here["source_id"]))
    mine = sources[keep].reset_index(drop=True)
    basis = mine["published_basis"].fillna("").str.split(":").str[0].str.strip().str.lower()
    obs_all = here
    in_window = obs_all[scope.window.mask(obs_all)] if len(obs_all) else obs_all
    return mine[["source_id", "publisher", "published", "reliability"]].assign(
        outlet=mine["source_id"].str.split("-").str[0],
        year=pd.to_numeric(mine["published"].astype(str).str[:4], errors="coerce").astype("Int64"),
        date_basis=basis.where(basis.isin(["stated", "inferred"]), "unknown"),
        n_figures=mine["source_id"].map(obs_all.groupby("source_id").size()).fillna(0).astype(int),
        n_window=mine["source_id"].map(in_window.groupby("source_id").size()).fillna(0).astype(int),
        in_corpus=mine["corpus_file"].fillna("").ne(""),
    )


def reliability_table(overview: pd.DataFrame, window: Window) -> pd.DataFrame:
    """Sources by reliability: published before, in or after the window; how the date is known; figures; a total."""
    rows = []
    for rel in RELIABILITY_ORDER:
        part = overview[overview["reliability"] == rel]
        year, basis = part["year"].astype(float), part["date_basis"]
        rows.append({"reliability": rel, "sources": len(part),
                     f"published before {window.start_year}": int((year < window.start_year).sum()),
                     f"in {window.label()}": int(year.between(window.start_year, window.end_year).sum()),
                     f"after {window.end_year}": int((year > window.end_year).sum()),
                     "date stated": int((basis == "stated").sum()), "date inferred": int((basis == "inferred").sum()),
                     "figures": int(part["n_figures"].sum()), f"figures for {window.label()}": int(part["n_window"].sum())})
    table = pd.DataFrame(rows)
    return pd.concat([table, pd.DataFrame([{"reliability": "total", **table.drop(columns="reliability").sum()}])],
                     ignore_index=True)


def outlet_table(overview: pd.DataFrame, window: Window, min_sources: int = 2) -> pd.DataFrame:
    """Outlets with at least ``min_sources`` sources, most first; the other outlets pooled in one last row."""
    in_window = f"figures for {window.label()}"

    def row(name, part, publisher):
        reliability = ", ".join(r for r in RELIABILITY_ORDER if r in set(part["reliability"]))
        return {"outlet": name, "publisher": publisher, "reliability": reliability, "sources": len(part),
                "figures": int(part["n_figures"].sum()), in_window: int(part["n_window"].sum())}

    groups = sorted(overview.groupby("outlet"), key=lambda g: (-len(g[1]), g[0]))
    rows = [row(name, part, min(part["publisher"], key=len)) for name, part in groups if len(part) >= min_sources]
    small = [part for _, part in groups if len(part) < min_sources]
    if len(small) == 1:
        rows.append(row(small[0]["outlet"].iloc[0], small[0], min(small[0]["publisher"], key=len)))
    elif small:
        rows.append(row(f"{len(small)} other outlets", pd.concat(small), f"(under {min_sources} sources each)"))
    return pd.DataFrame(rows, columns=["outlet", "publisher", "reliability", "sources", "figures", in_window])


def figure_counts(obs: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """Figures in the window by measure (rows) and status (columns), with totals; estimates as the scope says."""
    obs = _without_estimates(scope.window.select(obs), scope.include_estimates)
    if obs.empty:
        return pd.DataFrame(columns=["measure", "total"])
    table = pd.crosstab(obs["measure"], obs["status"], margins=True, margins_name="total")
    return table.reset_index().rename_axis(columns=None)


def key_coverage(obs: pd.DataFrame, scope: Scope, indicators=KEY_INDICATORS) -> pd.DataFrame:
    """:func:`lso_analysis.analysis.coverage.coverage_table` of ``indicators`` over the window's years."""
    from lso_analysis.analysis.coverage import coverage_table

    obs, years = _without_estimates(obs, scope.include_estimates), scope.window.years
    if not _same_province(obs["province"], scope.province).any():
        # coverage_table fails on a province without a single figure (its empty bool column turns float).
        return pd.DataFrame([{"indicator": c, "year": y, "status": "none", "has_partial": False, "n_full": 0,
                              "n_partial": 0, "source_ids": ""} for c in indicators for y in years])
    return coverage_table(obs, list(indicators), years, scope.province, scope.include_derived)


def _partial_spans(pool: pd.DataFrame, code: str, year: int, max_listed: int) -> pd.DataFrame:
    part = pool[(pool["indicator"] == code) & (pool["period_end"].dt.year == year)]
    return (part.assign(_len=part["period_end"] - part["period_start"])
            .sort_values(["_len", "period_start", "obs_id"], ascending=[False, True, True])
            .drop_duplicates(["period_start", "period_end"]).head(max_listed))


def empty_cells(cov: pd.DataFrame, obs: pd.DataFrame, scope: Scope, max_listed: int = 3) -> pd.DataFrame:
    """Per indicator, the years without a full-year figure and up to ``max_listed`` partial periods held instead.

    ``cov`` is :func:`key_coverage` of ``obs`` for ``scope``. Indicators with nothing in any year share one last
    row, so a province with little data gets a short table. ``source_ids`` are of the periods named.
    """
    from lso_analysis.analysis.series import candidates

    pool = candidates(_without_estimates(obs, scope.include_estimates), scope.province, scope.include_derived)
    pool = pool[pool["measure"].isin(VALUE_MEASURES) & (pool["period_start"].dt.year == pool["period_end"].dt.year)]
    years, instead = "years without a full-year figure", "what exists instead"
    rows = []
    for code, cells in cov[cov["status"] == "none"].groupby("indicator", sort=False):
        held, ids = [], set()
        for year in cells["year"]:
            spans = _partial_spans(pool, code, year, max_listed)
            ids |= {source_of(o) for chain in spans["derived_from"].fillna("") + ";" + spans["obs_id"]
                    for o in chain.split(";") if o and not o.startswith("derived:")}
            names = [labels.period_label(s, e, "short") for s, e in zip(spans["period_start"], spans["period_end"])]
            held += [f"{year}: " + ", ".join(n.replace(f" {year}", "") for n in names)] if names else []
        rows.append({"indicator": code, years: ", ".join(map(str, cells["year"])),
                     instead: "; ".join(held) or "nothing", "source_ids": ";".join(sorted(ids))})
    table = pd.DataFrame(rows, columns=["indicator", years, instead, "source_ids"])
    blank = (table[years] == ", ".join(map(str, sorted(cov["year"].unique())))) & (table[instead] == "nothing")
    if blank.sum() > 1:
        pooled = {"indicator": ", ".join(table.loc[blank, "indicator"]), years: "every year", instead: "nothing",
                  "source_ids": ""}
        table = pd.concat([table[~blank], pd.DataFrame([pooled])], ignore_index=True)
    return table


def run_checks(obs: pd.DataFrame, scope: Scope, conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`lso_analysis.analysis.consistency.check_consistency` on the province's figures, kept to the window.

    Every figure (all periods) takes part, so a later figure can imply a value for a year of the window; a
    comparison is kept when the quantity compared lies in the window. Estimates and derived values as the scope says.
    """
    from lso_analysis.analysis.consistency import check_consistency
    from lso_analysis.analysis.derive import derive_implied

    obs = _without_estimates(obs, scope.include_estimates)
    checks = check_consistency(obs, conflicts, None if scope.include_derived else derive_implied(obs.iloc[:0]),
                               scope.province)
    return checks[scope.window.mask(checks)].reset_index(drop=True)


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
        "period": [labels.period_label(s, e, "short") for s, e in zip(bad["period_start"], bad["period_end"])],
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


def read_corpus_texts(sources: pd.DataFrame, corpus_dir: Path | None) -> dict[str, str] | None:
    """The text of every source whose ``corpus_file`` is in ``corpus_dir``, by ``source_id`` (None without a folder)."""
    if corpus_dir is None:
        return None
    files = {s: Path(corpus_dir) / f for s, f in zip(sources["source_id"], sources["corpus_file"].fillna("")) if f}
    return {s: path.read_text(encoding="utf-8") for s, path in files.items() if path.is_file()}


def attribute_sources(sources: pd.DataFrame, texts: dict[str, str] | None, province: str,
                      obs_all: pd.DataFrame) -> pd.DataFrame:
    """Which province each corpus source is about: as recorded, as detected in its text (with the names), in series?

    A source missing from ``texts`` is shown as recorded only (``detected`` = "not read"). The recorded province
    decides whether its figures enter ``province``'s series (column ``in series``); ``evidence`` lists the place
    names pointing at the detected province, ``other places`` the provinces named besides.
    """
    from lso_analysis.extract.provinces import detect_province

    texts, counts, rows = texts or {}, obs_all.groupby("source_id").size(), []
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
        rows.append(row | {"in series": "yes" if recorded == normalize_text(province) else "no"})
    return pd.DataFrame(rows, columns=["source_id", "recorded", "detected", "confidence", "evidence", "other places",
                                       "figures", "agrees", "in series"])


def load_fixes(path: Path | None = None) -> list[dict]:
    """The ``fixes`` of ``corrections.yml`` (of ``LSO_DATA_DIR`` when set): printed values we read differently."""
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


@dataclass
class Audit:
    """Everything the audit looks at for one scope: the sources, the figures, the judgements and the corpus.

    ``obs`` holds the province's figures of every period, status and reliability; the window and the switches
    are applied by each table and claim. ``texts`` is None when the corpus folder is not available.
    """

    scope: Scope
    sources: pd.DataFrame
    obs_all: pd.DataFrame
    conflicts: pd.DataFrame
    fixes: list[dict] = field(default_factory=list)
    texts: dict[str, str] | None = None

    @cached_property
    def obs(self) -> pd.DataFrame:
        return self.obs_all[_same_province(self.obs_all["province"], self.scope.province)]

    @cached_property
    def window_obs(self) -> pd.DataFrame:
        """The province's figures whose period lies wholly in the window (every status and reliability)."""
        return self.scope.window.select(self.obs)

    @cached_property
    def overview(self) -> pd.DataFrame:
        return source_overview(self.sources, self.obs_all, self.scope)

    @cached_property
    def coverage(self) -> pd.DataFrame:
        return key_coverage(self.obs, self.scope)

    @cached_property
    def checks(self) -> pd.DataFrame:
        return run_checks(self.obs, self.scope, self.conflicts)

    @cached_property
    def attribution(self) -> pd.DataFrame:
        return attribute_sources(self.sources, self.texts, self.scope.province, self.obs_all)

    @property
    def source_ids(self) -> list[str]:
        return list(self.overview["source_id"])


def load(scope: Scope, corpus_dir: Path | None = None) -> Audit:
    """The audit's data for ``scope`` from the loaders; corpus texts from ``corpus_dir`` (``LSO_CORPUS_DIR``)."""
    import lso_analysis as lso

    sources = lso.load_sources()
    obs_all = lso.load_observations(province=None, include_targets=True, include_low=True)
    corpus = corpus_dir if corpus_dir is not None else lso.paths.corpus_dir()
    return Audit(scope, sources, obs_all, lso.load_conflicts(), load_fixes(), read_corpus_texts(sources, corpus))
