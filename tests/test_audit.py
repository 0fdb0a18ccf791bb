"""The data audit: source tables, coverage gaps, checks, attribution and fixes, on real and synthetic data."""

from __future__ import annotations

import pandas as pd
import pytest

import lso_analysis as lso
from lso_analysis.studies import audit
from obs_factory import make_obs

LS, HG = "Lạng Sơn", "Hà Giang"
NO_CONFLICTS = pd.DataFrame(columns=["id", "obs_ids", "preferred", "judgement"])


@pytest.fixture(scope="module")
def real():
    sources = lso.load_sources()
    obs_all = lso.load_observations(province=None, include_targets=True, include_low=True)
    return sources, obs_all


def sources_frame(rows: list[dict]) -> pd.DataFrame:
    base = {"publisher": "P", "published": "2021-05", "published_basis": "stated: x", "province": LS,
            "reliability": "press", "corpus_file": ""}
    return pd.DataFrame([base | r for r in rows])


T = pd.Timestamp


@pytest.mark.parametrize(("start", "end", "label"), [
    ("2022-01-01", "2022-11-30", "Jan–Nov 2022"),
    ("2021-01-01", "2021-12-31", "2021"),
    ("2022-02-01", "2022-02-28", "Feb 2022"),
    ("2021-06-08", "2021-06-08", "8 Jun 2021"),
    ("2021-12-01", "2021-12-15", "1 Dec–15 Dec 2021"),
    ("2021-07-01", "2022-06-30", "Jul 2021–Jun 2022"),
])
def test_period_label(start, end, label):
    assert audit.period_label(T(start), T(end)) == label


def test_period_label_undated():
    assert audit.period_label(pd.NaT, T("2021-01-01")) == "undated"


def test_source_overview_and_reliability_table_on_real_data(real):
    sources, obs_all = real
    overview = audit.source_overview(sources, obs_all, LS)
    about = set(sources.loc[sources["province"] == LS, "source_id"]) | set(obs_all.loc[obs_all["province"] == LS, "source_id"])
    assert set(overview["source_id"]) == about
    # a national list printing Lạng Sơn's rate counts; a Lạng Sơn page's row about Lào Cai does not
    assert "wikiproxy-20200000-vi-grdp-list" in about
    assert set(overview["date_basis"]) <= {"stated", "inferred", "unknown"}
    assert overview["n_figures"].sum() == (obs_all["province"] == LS).sum()
    table = audit.reliability_table(overview, 2019, 2023).set_index("reliability")
    assert table.loc["total", "sources"] == len(overview)
    years = table[["published before 2019", "in 2019–2023", "after 2023"]].sum(axis=1)
    assert (years == table["sources"]).all()  # every source has a publication year
    assert table.loc["total", "figures"] == overview["n_figures"].sum()


def test_hà_giang_sources_and_the_corpus_article_figures(real):
    sources, obs_all = real
    overview = audit.source_overview(sources, obs_all, HG)
    assert "baohagiang-20210831-phien-hop-thang-8" in set(overview["source_id"])
    # wave 2: Hà Giang's GRDP rows, including one printed in Điện Biên's statistics report
    assert "ctkdb-20211225-ktxh-nam-2021" in set(overview["source_id"])
    assert overview["n_figures"].sum() == (obs_all["province"] == HG).sum()
    corpus = overview[overview["source_id"].eq("baohagiang-20210831-phien-hop-thang-8")]
    summary = audit.summarize_sources(corpus, obs_all, 2019, 2023)
    assert (summary.n_sources, summary.n_figures, summary.n_low_figures) == (1, 21, 0)
    assert summary.by_status == {"actual": 18, "estimate": 2, "target": 1}


def test_outlet_table_pools_small_outlets():
    overview = audit.source_overview(sources_frame([
        {"source_id": "ctkls-20210000-a", "publisher": "Cục Thống kê tỉnh Lạng Sơn", "reliability": "official"},
        {"source_id": "ctkls-20220000-b", "publisher": "Cục Thống kê", "reliability": "official", "published": "2022"},
        {"source_id": "x-20210000-c", "reliability": "mirror"},
        {"source_id": "y-20210000-d", "reliability": "low"},
    ]), make_obs([{"source_id": "ctkls-20210000-a", "value": 1}, {"source_id": "y-20210000-d", "value": 2}]), LS)
    table = audit.outlet_table(overview)
    assert list(table["outlet"]) == ["ctkls", "2 other outlets"]
    assert table.loc[0, "publisher"] == "Cục Thống kê"  # the shortest spelling
    assert (table.loc[0, "published"], table.loc[1, "reliability"]) == ("2021–2022", "mirror, low")
    assert list(table["figures"]) == [1, 1]


def test_summarize_sources_counts_low_figures_and_low_only_indicators():
    obs = make_obs([
        {"source_id": "a", "value": 1, "period": "2021"},
        {"source_id": "spam", "indicator": "population", "unit": "count", "value": 800000, "reliability": "low"},
        {"source_id": "spam", "value": 2, "reliability": "low"},
        {"source_id": "a", "value": 3, "period": "2016"},
    ])
    overview = audit.source_overview(sources_frame([{"source_id": "a"}, {"source_id": "spam", "reliability": "low",
                                                                         "published_basis": "inferred: no date"}]), obs, LS)
    s = audit.summarize_sources(overview, obs, 2019, 2023)
    assert (s.n_figures, s.n_low_figures, s.n_outside_years) == (4, 2, 1)
    assert s.low_only_indicators == ["population"]
    assert (s.n_stated, s.n_inferred, s.by_reliability["low"]) == (1, 1, 1)


def test_figure_counts_honours_years_and_estimates():
    obs = make_obs([{"value": 1}, {"value": 2, "status": "estimate"}, {"value": 3, "period": "2030", "status": "target"},
                    {"measure": "growth_pct", "value": 5}])
    table = audit.figure_counts(obs, 2019, 2023).set_index("measure")
    assert table.loc["total", "total"] == 3 and table.loc["level", "estimate"] == 1
    without = audit.figure_counts(obs, 2019, 2023, include_estimates=False)
    assert "estimate" not in without.columns


def test_coverage_summary_and_empty_cells():
    obs = make_obs([
        {"value": 4975, "period": "2023", "source_id": "dv"},
        {"value": 4270, "period": "2021", "status": "estimate", "source_id": "lso"},
        {"value": 3450, "period": "2021-YTD10", "source_id": "vcn"},
        {"value": 2695, "period": "2022-YTD11", "source_id": "sk"},
    ])
    cov = audit.key_coverage(obs, LS, 2021, 2023, indicators=["trade_turnover", "budget_revenue", "iip"])
    s = audit.summarize_coverage(cov)
    assert (s.n_cells, s.by_status["actual"], s.by_status["estimate"], s.by_status["none"]) == (9, 1, 1, 7)
    assert (s.n_covered, s.n_empty_with_partial, s.complete, s.empty) == (2, 1, [], ["budget_revenue", "iip"])
    gaps = audit.empty_cells(cov, obs, LS).set_index("indicator")
    assert gaps.loc["trade_turnover", "what exists instead"] == "2022: Jan–Nov"
    assert gaps.loc["trade_turnover", "source_ids"] == "sk"
    assert gaps.loc["budget_revenue, iip", "years without a full-year figure"] == "every year"  # pooled
    no_estimates = audit.summarize_coverage(audit.key_coverage(obs, LS, 2021, 2023, include_estimates=False,
                                                               indicators=["trade_turnover"]))
    assert no_estimates.by_status["estimate"] == 0


def test_key_coverage_of_a_province_without_any_figure():
    cov = audit.key_coverage(make_obs([{"value": 1}]), "Bắc Kạn", 2019, 2020, indicators=["grdp", "iip"])
    assert len(cov) == 4 and set(cov["status"]) == {"none"}
    assert audit.summarize_coverage(cov).n_covered == 0


def test_run_checks_flags_and_explains():
    obs = make_obs([{"source_id": "a", "value": 4270, "half": 5}, {"source_id": "b", "value": 4400, "half": 5}])
    checks = audit.run_checks(obs, LS, conflicts=NO_CONFLICTS)
    assert list(checks["status"]).count("conflict") == 1
    assert audit.flagged_checks(checks).loc[0, "recorded judgement"] == "none"
    recorded = pd.DataFrame([{"id": "c1", "obs_ids": ["a#1", "b#1"], "preferred": "", "judgement": "Different bases."}])
    checks = audit.run_checks(obs, LS, conflicts=recorded)
    flagged = audit.flagged_checks(checks)
    assert (flagged.loc[0, "status"], flagged.loc[0, "recorded judgement"]) == ("explained", "[c1]")
    overview = audit.consistency_overview(checks).set_index("check")
    assert (overview["total"] == overview[["ok", "explained", "conflict"]].sum(axis=1)).all()
    assert overview.loc["same_quantity", "explained"] == 1


def test_run_checks_without_derived_values_drops_implied_comparisons():
    obs = make_obs([{"source_id": "a", "value": 4270, "half": 5}, {"source_id": "a", "measure": "growth_pct", "value": 52},
                    {"source_id": "b", "value": 2000, "period": "2020", "half": 5}])
    assert "implied" in set(audit.run_checks(obs, LS, conflicts=NO_CONFLICTS)["check"])
    assert "implied" not in set(audit.run_checks(obs, LS, include_derived=False, conflicts=NO_CONFLICTS)["check"])


def test_flagged_checks_of_no_checks_is_empty():
    checks = audit.run_checks(make_obs([{"value": 1}]).iloc[:0], HG, conflicts=NO_CONFLICTS)
    assert audit.flagged_checks(checks).empty and audit.consistency_overview(checks).empty


def test_real_checks_have_no_unexplained_conflict():
    checks = audit.run_checks(lso.load_observations(LS, include_targets=True, include_low=True), LS)
    assert len(checks) > 100
    assert not (checks["status"] == "conflict").any(), audit.flagged_checks(checks)


def test_recorded_conflicts_by_source_or_figure():
    conflicts = pd.DataFrame([
        {"id": "c1", "obs_ids": ["a#1", "b#2"], "preferred": "a#1",
         "judgement": "Short. Then a long second sentence that carries the substance of the judgement, well past eighty."},
        {"id": "c2", "obs_ids": ["z#1"], "preferred": "", "judgement": "Other."},
    ])
    by_source = audit.recorded_conflicts(conflicts, ["b"])
    assert list(by_source["id"]) == ["c1"] and by_source.loc[0, "source_ids"] == "a;b"
    assert by_source.loc[0, "judgement (gist)"].startswith("Short. Then a long")
    whole = audit.recorded_conflicts(conflicts, obs_ids=["z#1"], gist=False)
    assert list(whole["id"]) == ["c2"] and whole.loc[0, "judgement"] == "Other."
    assert audit.recorded_conflicts(conflicts, ["nobody"]).empty


HG_TEXT = ("Sáng 31.8, UBND tỉnh tổ chức phiên họp thường kỳ. Trong tháng 8, tỉnh ta tiếp tục phòng, chống dịch. "
           "Huyện Yên Minh và huyện Mèo Vạc báo cáo kết quả.")
LS_TEXT = "UBND tỉnh Lạng Sơn họp; huyện Cao Lộc và huyện Lộc Bình báo cáo; tỉnh ta tiếp tục…"


def test_attribute_sources_detects_the_hà_giang_article():
    sources = sources_frame([{"source_id": "hg", "province": HG, "corpus_file": "003.txt"},
                             {"source_id": "ls", "corpus_file": "001.txt"}, {"source_id": "web"}])
    obs = make_obs([{"source_id": "hg", "value": 1, "province": HG}, {"source_id": "hg", "value": 2, "province": HG}])
    att = audit.attribute_sources(sources, {"hg": HG_TEXT, "ls": LS_TEXT}, LS, obs).set_index("source_id")
    assert list(att.index) == ["hg", "ls"]  # corpus sources only
    assert (att.loc["hg", "detected"], att.loc["hg", "agrees"], att.loc["hg", "in series"]) == (HG, "yes", "no: about Hà Giang")
    assert "Mèo Vạc (district)" in att.loc["hg", "evidence"] and "Yên Minh (district)" in att.loc["hg", "evidence"]
    assert (att.loc["ls", "detected"], att.loc["ls", "in series"], att.loc["hg", "figures"]) == (LS, "yes", 2)
    summary = audit.summarize_attribution(att.reset_index())
    assert (summary.text_available, summary.n_read, summary.n_agree, summary.n_excluded, summary.n_excluded_figures) \
        == (True, 2, 2, 1, 2)
    notes = audit.exclusion_notes(att.reset_index(), LS)
    assert len(notes) == 1 and notes[0].startswith("`hg` is about **Hà Giang** (evidence: ")


def test_attribute_sources_without_texts_shows_the_recorded_province():
    sources = sources_frame([{"source_id": "hg", "province": HG, "corpus_file": "003.txt"}])
    att = audit.attribute_sources(sources, {}, LS, make_obs([{"value": 1}]))
    assert (att.loc[0, "detected"], att.loc[0, "evidence"], att.loc[0, "in series"]) == ("not read", "", "no: about Hà Giang")
    summary = audit.summarize_attribution(att)
    assert not summary.text_available and summary.n_excluded == 1
    assert "(as recorded)" in audit.exclusion_notes(att, LS)[0]
    assert audit.exclusion_notes(att, HG) == []


def test_read_corpus_texts(tmp_path):
    (tmp_path / "a.txt").write_text("văn bản", encoding="utf-8")
    sources = sources_frame([{"source_id": "a", "corpus_file": "a.txt"}, {"source_id": "b", "corpus_file": "gone.txt"},
                             {"source_id": "c"}])
    assert audit.read_corpus_texts(sources, tmp_path) == {"a": "văn bản"}
    assert audit.read_corpus_texts(sources, None) == {}


@pytest.mark.corpus
def test_corpus_attribution_matches_the_record(corpus_dir, real):
    sources, obs_all = real
    att = audit.attribute_sources(sources, audit.read_corpus_texts(sources, corpus_dir), LS, obs_all)
    assert (att["agrees"] == "yes").all(), att
    hg = att[att["recorded"] == HG].iloc[0]
    assert hg["source_id"] == "baohagiang-20210831-phien-hop-thang-8" and hg["figures"] == 21
    assert "Mèo Vạc" in hg["evidence"] and "Yên Minh" in hg["evidence"]


def test_fixes_table_real_and_filtered():
    fixes = audit.load_fixes()
    table = audit.fixes_table(fixes)
    assert len(table) == len(fixes) > 0
    row = table.set_index("obs_id").loc["bhqennew-20230300-turnover-grow-71#1"]
    assert (row["printed"], row["read as"]) == ("US$727,931 million", "US$727.931 million")
    assert audit.fixes_table(fixes, ["bhqennew-20230300-turnover-grow-71"])["obs_id"].str.startswith("bhqennew").all()
    assert audit.fixes_table(fixes, ["baohagiang-20210831-phien-hop-thang-8"]).empty


def test_doctests():
    import doctest

    result = doctest.testmod(audit)
    assert result.attempted > 0 and result.failed == 0


def test_key_indicators_are_in_the_codebook():
    assert set(audit.KEY_INDICATORS) <= set(lso.load_indicators()["code"])


def test_summary_counts_only_the_province_figures_of_a_shared_page(real):
    sources, obs_all = real
    overview = audit.source_overview(sources, obs_all, LS)
    page = overview[overview["source_id"].eq("cafef-20240000-border-province-expressways")]
    assert page["n_figures"].tolist() == [2]  # its third row is Lào Cai's tourist count
    assert audit.summarize_sources(page, obs_all, 2019, 2023, LS).n_figures == 2
    assert audit.summarize_sources(page, obs_all, 2019, 2023).n_figures == 3
