"""The data audit: source tables, coverage gaps, checks, attribution and fixes, on real and synthetic data."""

from __future__ import annotations

import pandas as pd
import pytest

import lso_analysis as lso
from lso_analysis.analysis.scope import Scope, Window
from lso_analysis.present.labels import period_label
from lso_analysis.studies import audit
from lso_analysis.studies import audit_claims as ac
from obs_factory import make_obs

LS, HG = "Lạng Sơn", "Hà Giang"
NO_CONFLICTS = pd.DataFrame(columns=["id", "obs_ids", "preferred", "judgement"])
T = pd.Timestamp


@pytest.fixture(scope="module")
def real():
    sources = lso.load_sources()
    obs_all = lso.load_observations(province=None, include_targets=True, include_low=True)
    return sources, obs_all


def real_audit(real, province=LS, start=2019, end=2023, texts=None, **switches) -> audit.Audit:
    sources, obs_all = real
    return audit.Audit(Scope(province, start, end, **switches), sources, obs_all, lso.load_conflicts(),
                       audit.load_fixes(), texts)


def sources_frame(rows: list[dict]) -> pd.DataFrame:
    base = {"publisher": "P", "published": "2021-05", "published_basis": "stated: x", "province": LS,
            "reliability": "press", "corpus_file": ""}
    return pd.DataFrame([base | r for r in rows])


def make_audit(sources: list[dict], obs: list[dict], province=LS, start=2019, end=2023, conflicts=NO_CONFLICTS,
               fixes=(), texts=None, **switches) -> audit.Audit:
    return audit.Audit(Scope(province, start, end, **switches), sources_frame(sources), make_obs(obs), conflicts,
                       list(fixes), texts)


@pytest.mark.parametrize(("start", "end", "label"), [
    ("2022-01-01", "2022-11-30", "Jan–Nov 2022"),
    ("2021-01-01", "2021-12-31", "2021"),
    ("2022-02-01", "2022-02-28", "Feb 2022"),
    ("2021-06-08", "2021-06-08", "8 Jun 2021"),
    ("2021-12-01", "2021-12-15", "1 Dec–15 Dec 2021"),
    ("2021-07-01", "2022-06-30", "Jul 2021–Jun 2022"),
])
def test_the_audit_tables_short_period_label(start, end, label):
    """The audit's tables use the package's one period label, short form (it replaced audit.period_label)."""
    assert period_label(T(start), T(end), "short") == label


def test_period_label_undated():
    assert period_label(pd.NaT, T("2021-01-01"), "short") == "undated"


def test_source_overview_and_reliability_table_on_real_data(real):
    sources, obs_all = real
    scope = Scope(LS, 2019, 2023)
    overview = audit.source_overview(sources, obs_all, scope)
    # the province's sources, and the national list that prints its 2019 rate among others (wave 2, a shared page)
    about = (sources["province"] == LS) | sources["source_id"].isin(set(obs_all.loc[obs_all["province"] == LS, "source_id"]))
    assert len(overview) == about.sum() > (sources["province"] == LS).sum()
    # a Lạng Sơn page that also prints Lào Cai's tourist count: only its Lạng Sơn figures count
    cafef = "cafef-20240000-border-province-expressways"
    assert ((obs_all["source_id"] == cafef) & (obs_all["province"] != LS)).any()
    assert overview.set_index("source_id").loc[cafef, "n_figures"] == ((obs_all["source_id"] == cafef)
                                                                        & (obs_all["province"] == LS)).sum()
    assert set(overview["date_basis"]) <= {"stated", "inferred", "unknown"}
    assert overview["n_figures"].sum() == (obs_all["province"] == LS).sum()
    table = audit.reliability_table(overview, scope.window).set_index("reliability")
    assert table.loc["total", "sources"] == len(overview)
    years = table[["published before 2019", "in 2019–2023", "after 2023"]].sum(axis=1)
    assert (years == table["sources"]).all()  # every source has a publication year
    assert table.loc["total", "figures"] == overview["n_figures"].sum()
    mine = obs_all[obs_all["province"] == LS]
    inside = (mine["period_start"] >= T("2019-01-01")) & (mine["period_end"] <= T("2023-12-31"))
    assert table.loc["total", "figures for 2019–2023"] == inside.sum()


def test_hà_giang_sources_and_only_its_own_figures(real):
    """Wave 2 added four Hà Giang pages and Điện Biên's 2021 report, which prints Hà Giang's growth beside its own
    (a shared page: only its Hà Giang row counts)."""
    sources, obs_all = real
    a = real_audit(real, HG)
    assert set(a.overview["source_id"]) == {
        "baohagiang-20210831-phien-hop-thang-8",  # the first wave's article: 21 figures (18 actual, 2 estimates, 1 target)
        "investhagiang-20200000-ktxh-6-thang-2020", "nhandan-20221200-ha-giang-ktxh-2022",
        "einpresswire-20230529-ha-giang-tourism", "dcsvn-20231207-ha-giang-3-2-trieu-khach",
        "ctkdb-20211225-ktxh-nam-2021"}
    shared = a.overview.set_index("source_id").loc["ctkdb-20211225-ktxh-nam-2021"]
    assert (obs_all["source_id"] == "ctkdb-20211225-ktxh-nam-2021").sum() > 1 and shared["n_figures"] == 1
    own = obs_all[obs_all["province"] == HG]
    src = ac.sources(a)
    assert (src.case, src.values["n"].value, src.values["figures"].value) == ("some", 6, len(own))
    assert {r: src.values[r].value for r in ("official", "press", "mirror", "low")} == {
        "official": 2, "press": 3, "mirror": 1, "low": 0}
    assert ac.low(a).case == "no_low"
    status = ac.statuses(a)
    assert {k: status.values[k].value for k in ("actual", "estimate", "target")} == own["status"].value_counts().to_dict()
    other = ac.other_geographies(a)
    elsewhere = (set(obs_all["province"]) | set(sources["province"])) - {HG}
    assert other.case == "some" and other.values["places"].value == len(elsewhere)
    assert other.values["figures"].value == (obs_all["province"] != HG).sum()
    texts = [c.text() for c in ac.findings(a) + [src, other, ac.dates(a), ac.publication(a), ac.coverage(a)[0]]]
    assert not any(LS in t for t in texts), texts


def test_outlet_table_pools_small_outlets():
    scope = Scope(LS, 2019, 2023)
    overview = audit.source_overview(sources_frame([
        {"source_id": "ctkls-20210000-a", "publisher": "Cục Thống kê tỉnh Lạng Sơn", "reliability": "official"},
        {"source_id": "ctkls-20220000-b", "publisher": "Cục Thống kê", "reliability": "official", "published": "2022"},
        {"source_id": "x-20210000-c", "reliability": "mirror"},
        {"source_id": "y-20210000-d", "reliability": "low"},
    ]), make_obs([{"source_id": "ctkls-20210000-a", "value": 1}, {"source_id": "y-20210000-d", "value": 2},
                  {"source_id": "y-20210000-d", "value": 3, "period": "2016"}]), scope)
    table = audit.outlet_table(overview, scope.window)
    assert list(table["outlet"]) == ["ctkls", "2 other outlets"]
    assert table.loc[0, "publisher"] == "Cục Thống kê"  # the shortest spelling
    assert table.loc[1, "reliability"] == "mirror, low"
    assert list(table["figures"]) == [1, 2] and list(table["figures for 2019–2023"]) == [1, 1]


def test_source_claims_count_low_figures_and_low_only_indicators():
    a = make_audit([{"source_id": "a"}, {"source_id": "spam", "reliability": "low", "published_basis": "inferred: no date"}], [
        {"source_id": "a", "value": 1, "period": "2021"},
        {"source_id": "spam", "indicator": "population", "unit": "count", "value": 800000, "reliability": "low"},
        {"source_id": "spam", "value": 2, "reliability": "low"},
        {"source_id": "a", "value": 3, "period": "2016"},
    ])
    figures = ac.window_figures(a)
    assert (figures.case, figures.values["inside"].value, figures.values["outside"].value) == ("some_outside", 3, 1)
    low = ac.low(a)
    assert low.case == "low_some_lost" and low.values["lost"] == ["population"]
    assert (low.values["figures"].value, low.values["in_window"].value) == (2, 2)
    dates = ac.dates(a)
    assert (dates.case, dates.values["stated"].value, dates.values["inferred"].value) == ("mixed", 1, 1)
    assert "`population`" in low.text() and low.source_ids == ("spam",)


def test_low_copies_outside_the_window_and_none_at_all():
    a = make_audit([{"source_id": "a"}, {"source_id": "spam", "reliability": "low"}],
                   [{"source_id": "a", "value": 1}, {"source_id": "spam", "value": 2, "period": "2018", "reliability": "low"}],
                   start=2020, end=2022)
    assert ac.low(a).case == "low_outside_window"
    assert ac.low(a).text().endswith("none of them for 2020–2022.")
    assert ac.low(make_audit([{"source_id": "a"}], [{"source_id": "a", "value": 1}])).case == "no_low"


def test_the_window_rule_is_whole_periods_inside():
    """A figure for 2018–2019 touches 2019–2023 but lies outside it: it no longer counts (audit.in_years is gone)."""
    a = make_audit([{"source_id": "a"}], [{"source_id": "a", "value": 1, "period": "2018/2019"},
                                          {"source_id": "a", "value": 2, "period": "2021-Q3"}])
    assert ac.window_figures(a).values["inside"].value == 1
    assert not hasattr(audit, "in_years") and not hasattr(audit, "period_label")


def test_figure_counts_honours_years_and_estimates():
    obs = make_obs([{"value": 1}, {"value": 2, "status": "estimate"}, {"value": 3, "period": "2030", "status": "target"},
                    {"measure": "growth_pct", "value": 5}])
    table = audit.figure_counts(obs, Scope(LS, 2019, 2023)).set_index("measure")
    assert table.loc["total", "total"] == 3 and table.loc["level", "estimate"] == 1
    without = audit.figure_counts(obs, Scope(LS, 2019, 2023, include_estimates=False))
    assert "estimate" not in without.columns


def test_coverage_claims_and_empty_cells():
    obs = make_obs([
        {"value": 4975, "period": "2023", "source_id": "dv"},
        {"value": 4270, "period": "2021", "status": "estimate", "source_id": "lso"},
        {"value": 3450, "period": "2021-YTD10", "source_id": "vcn"},
        {"value": 2695, "period": "2022-YTD11", "source_id": "sk"},
    ])
    scope = Scope(LS, 2021, 2023)
    a = audit.Audit(scope, sources_frame([]), obs, NO_CONFLICTS)
    a.__dict__["coverage"] = audit.key_coverage(obs, scope, indicators=["trade_turnover", "budget_revenue", "iip"])
    cov, extremes = ac.coverage(a)
    got = {k: cov.values[k].value for k in ("cells", "actual", "estimate", "none", "partial")}
    assert cov.case == "partial" and got == {"cells": 9, "actual": 1, "estimate": 1, "none": 7, "partial": 1}
    assert (extremes.case, extremes.values["complete"], extremes.values["empty"]) == ("empty_only", [], ["budget_revenue", "iip"])
    gaps = audit.empty_cells(a.coverage, obs, scope).set_index("indicator")
    assert gaps.loc["trade_turnover", "what exists instead"] == "2022: Jan–Nov"
    assert gaps.loc["trade_turnover", "source_ids"] == "sk"
    assert gaps.loc["budget_revenue, iip", "years without a full-year figure"] == "every year"  # pooled
    no_estimates = audit.key_coverage(obs, Scope(LS, 2021, 2023, include_estimates=False), indicators=["trade_turnover"])
    assert (no_estimates["status"] == "estimate").sum() == 0


def test_coverage_of_a_province_without_any_figure():
    obs = make_obs([{"value": 1}])
    cov = audit.key_coverage(obs, Scope("Bắc Kạn", 2019, 2020), indicators=["grdp", "iip"])
    assert len(cov) == 4 and set(cov["status"]) == {"none"}
    a = audit.Audit(Scope("Bắc Kạn", 2019, 2020), sources_frame([]), obs, NO_CONFLICTS)
    a.__dict__["coverage"] = cov
    claims = ac.coverage(a)
    assert [c.case for c in claims] == ["no_figure"] and ac.finding_coverage(a).case == "no_figure"


def test_complete_coverage_says_so():
    obs = make_obs([{"value": 10, "period": "2021", "source_id": "a"}, {"value": 11, "period": "2022", "source_id": "a"}])
    scope = Scope(LS, 2021, 2022)
    a = audit.Audit(scope, sources_frame([{"source_id": "a"}]), obs, NO_CONFLICTS)
    a.__dict__["coverage"] = audit.key_coverage(obs, scope, indicators=["trade_turnover"])
    assert [c.case for c in ac.coverage(a)] == ["complete"]


def test_run_checks_flags_and_explains():
    scope = Scope(LS, 2019, 2023)
    obs = make_obs([{"source_id": "a", "value": 4270, "half": 5}, {"source_id": "b", "value": 4400, "half": 5}])
    checks = audit.run_checks(obs, scope, NO_CONFLICTS)
    assert list(checks["status"]).count("conflict") == 1
    assert audit.flagged_checks(checks).loc[0, "recorded judgement"] == "none"
    recorded = pd.DataFrame([{"id": "c1", "obs_ids": ["a#1", "b#1"], "preferred": "", "judgement": "Different bases."}])
    checks = audit.run_checks(obs, scope, recorded)
    flagged = audit.flagged_checks(checks)
    assert (flagged.loc[0, "status"], flagged.loc[0, "recorded judgement"]) == ("explained", "[c1]")
    overview = audit.consistency_overview(checks).set_index("check")
    assert (overview["total"] == overview[["ok", "explained", "conflict"]].sum(axis=1)).all()
    assert overview.loc["same_quantity", "explained"] == 1
    a = make_audit([{"source_id": "a"}, {"source_id": "b"}], [{"source_id": "a", "value": 4270, "half": 5},
                                                              {"source_id": "b", "value": 4400, "half": 5}], conflicts=recorded)
    verdict, share = ac.checks(a)
    assert (verdict.case, verdict.values["explained"].value, verdict.values["conflict"].value) == ("explained", 1, 0)
    assert (share.case, share.values["checked"].value) == ("all_checked", 2)
    judged = ac.judgements(a)
    assert (judged.case, judged.values["explaining"].value, judged.values["both_kept"].value) == ("some", 1, 1)


def test_checks_are_kept_to_the_window():
    obs = [{"source_id": "a", "value": 4270, "half": 5, "period": "2018"}, {"source_id": "b", "value": 4400, "half": 5, "period": "2018"},
           {"source_id": "a", "value": 10, "period": "2021"}]
    obs = [r | {"indicator": "budget_revenue", "unit": "VND billion"} for r in obs]
    a = make_audit([{"source_id": "a"}, {"source_id": "b"}], obs)
    assert a.checks.empty and ac.checks(a)[0].case == "no_pairs"
    assert ac.checks(a)[1].case == "none_checked"
    assert ac.checks(make_audit([{"source_id": "a"}, {"source_id": "b"}], obs, start=2018, end=2018))[0].case == "conflicts"


def test_run_checks_without_derived_values_drops_implied_comparisons():
    obs = make_obs([{"source_id": "a", "value": 4270, "half": 5}, {"source_id": "a", "measure": "growth_pct", "value": 52},
                    {"source_id": "b", "value": 2000, "period": "2020", "half": 5}])
    assert "implied" in set(audit.run_checks(obs, Scope(LS), NO_CONFLICTS)["check"])
    assert "implied" not in set(audit.run_checks(obs, Scope(LS, include_derived=False), NO_CONFLICTS)["check"])


def test_flagged_checks_of_no_checks_is_empty():
    checks = audit.run_checks(make_obs([{"value": 1}]).iloc[:0], Scope(HG), NO_CONFLICTS)
    assert audit.flagged_checks(checks).empty and audit.consistency_overview(checks).empty


def test_real_checks_have_no_unexplained_conflict(real):
    checks = real_audit(real).checks
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


def test_years_outside():
    assert audit.years_outside("printed 9,805.5 for 2024 and 7,806.6 for 2023", Window(2021, 2022)) == [2023, 2024]
    assert audit.years_outside("source ctkls-20230928-ktxh-9-thang-2023, 1/2023", Window(2021, 2022)) == []


HG_TEXT = ("Sáng 31.8, UBND tỉnh tổ chức phiên họp thường kỳ. Trong tháng 8, tỉnh ta tiếp tục phòng, chống dịch. "
           "Huyện Yên Minh và huyện Mèo Vạc báo cáo kết quả.")
LS_TEXT = "UBND tỉnh Lạng Sơn họp; huyện Cao Lộc và huyện Lộc Bình báo cáo; tỉnh ta tiếp tục…"


def test_attribute_sources_detects_the_hà_giang_article():
    sources = sources_frame([{"source_id": "hg", "province": HG, "corpus_file": "003.txt"},
                             {"source_id": "ls", "corpus_file": "001.txt"}, {"source_id": "web"}])
    obs = make_obs([{"source_id": "hg", "value": 1, "province": HG}, {"source_id": "hg", "value": 2, "province": HG}])
    att = audit.attribute_sources(sources, {"hg": HG_TEXT, "ls": LS_TEXT}, LS, obs).set_index("source_id")
    assert list(att.index) == ["hg", "ls"]  # corpus sources only
    assert (att.loc["hg", "detected"], att.loc["hg", "agrees"], att.loc["hg", "in series"]) == (HG, "yes", "no")
    assert "Mèo Vạc (district)" in att.loc["hg", "evidence"] and "Yên Minh (district)" in att.loc["hg", "evidence"]
    assert (att.loc["ls", "detected"], att.loc["ls", "in series"], att.loc["hg", "figures"]) == (LS, "yes", 2)
    a = audit.Audit(Scope(LS), sources, obs, NO_CONFLICTS, [], {"hg": HG_TEXT, "ls": LS_TEXT})
    corpus, out = ac.attribution(a)
    assert (corpus.case, corpus.values["read"].value, corpus.values["agree"].value) == ("all_agree", 1, 1)
    assert (out.case, out.values["n"].value, out.values["figures"].value) == ("few", 1, 2)
    assert set(out.values["docs"][0]["terms"]) == {"Mèo Vạc", "Yên Minh"}
    assert "Hà Giang" in out.text() and "Mèo Vạc" in out.text()


def test_attribution_without_texts_is_as_recorded():
    sources = sources_frame([{"source_id": "hg", "province": HG, "corpus_file": "003.txt"}])
    a = audit.Audit(Scope(LS), sources, make_obs([{"value": 1}]), NO_CONFLICTS, [], None)
    att = a.attribution
    assert (att.loc[0, "detected"], att.loc[0, "evidence"], att.loc[0, "in series"]) == ("not read", "", "no")
    corpus, out = ac.attribution(a)
    assert corpus.case == "absent" and "`LSO_CORPUS_DIR`" in corpus.text()
    assert out.case == "few" and "(its text was not read)" in out.text()
    hg = audit.Audit(Scope(HG), sources, make_obs([{"value": 1}]), NO_CONFLICTS, [], None)
    assert ac.kept_out(hg).case == "none"


def test_many_kept_out_documents_are_counted_not_named():
    places = ["Cao Bằng", "Bắc Kạn", "Việt Nam", "Quảng Ninh"]
    sources = sources_frame([{"source_id": f"s{i}", "province": p, "corpus_file": f"{i}.txt"} for i, p in enumerate(places)])
    a = audit.Audit(Scope(LS), sources, make_obs([{"value": 1}]), NO_CONFLICTS, [], {})
    out = ac.kept_out(a)
    assert (out.case, out.values["n"].value, out.values["places"].value) == ("many", 4, 4)
    other = ac.other_geographies(a)
    assert (other.case, other.values["places"].value) == ("some", 4)
    assert not any(p in out.text() + other.text() for p in places)
    assert ac.corpus(a).case == "no_documents"


def test_no_corpus_source_at_all():
    a = make_audit([{"source_id": "a"}], [{"source_id": "a", "value": 1}], texts={})
    assert [c.case for c in ac.attribution(a)] == ["no_corpus"]
    assert ac.finding_consistency(a).values["kept_out"].value == 0


def test_read_corpus_texts(tmp_path):
    (tmp_path / "a.txt").write_text("văn bản", encoding="utf-8")
    sources = sources_frame([{"source_id": "a", "corpus_file": "a.txt"}, {"source_id": "b", "corpus_file": "gone.txt"},
                             {"source_id": "c"}])
    assert audit.read_corpus_texts(sources, tmp_path) == {"a": "văn bản"}
    assert audit.read_corpus_texts(sources, None) is None


@pytest.mark.corpus
def test_corpus_attribution_matches_the_record(corpus_dir, real):
    sources, _ = real
    a = real_audit(real, texts=audit.read_corpus_texts(sources, corpus_dir))
    att = a.attribution
    assert (att["agrees"] == "yes").all(), att
    hg = att[att["recorded"] == HG].iloc[0]
    assert hg["source_id"] == "baohagiang-20210831-phien-hop-thang-8" and hg["figures"] == 21
    assert "Mèo Vạc" in hg["evidence"] and "Yên Minh" in hg["evidence"]
    assert ac.corpus(a).case == "all_agree" and ac.kept_out(a).case == "few"


def test_fixes_table_real_and_filtered():
    fixes = audit.load_fixes()
    table = audit.fixes_table(fixes)
    assert len(table) == len(fixes) > 0
    row = table.set_index("obs_id").loc["bhqennew-20230300-turnover-grow-71#1"]
    assert (row["printed"], row["read as"]) == ("US$727,931 million", "US$727.931 million")
    assert audit.fixes_table(fixes, ["bhqennew-20230300-turnover-grow-71"])["obs_id"].str.startswith("bhqennew").all()
    assert audit.fixes_table(fixes, ["baohagiang-20210831-phien-hop-thang-8"]).empty


def test_fix_claims_by_window(real):
    fixes = audit.load_fixes()
    a = real_audit(real)
    inside = [f for f in fixes if f["obs_id"] in set(a.window_obs["obs_id"])]
    claim = ac.fixes(a)
    assert claim.case == "some" and claim.values["n"].value == len(inside) > 0
    assert ac.fixes(real_audit(real, HG)).case == "none"


def test_doctests():
    import doctest

    result = doctest.testmod(audit)
    assert result.attempted > 0 and result.failed == 0


def test_key_indicators_are_in_the_codebook():
    assert set(audit.KEY_INDICATORS) <= set(lso.load_indicators()["code"])
