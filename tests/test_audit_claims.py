"""The audit's claims on the invented province Kỳ Lĩnh and on the real data for a narrow window."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

import fixture_data as fd
from lso_analysis.analysis.scope import Scope
from lso_analysis.present import wording
from lso_analysis.studies import audit
from lso_analysis.studies import audit_claims as ac
from lso_analysis.studies import audit_views as view

_YEAR = re.compile(r"(?<![\d/-])(?:19[5-9]\d|20[0-4]\d)(?![\d/-])")
KL = fd.PROVINCE


def all_claims(a: audit.Audit) -> list:
    return ([ac.heading(a), ac.sources(a), ac.other_geographies(a), ac.dates(a), ac.publication(a), ac.outlets(a),
             ac.window_figures(a), ac.low(a), ac.statuses(a), ac.measures(a), ac.judgements(a), ac.fixes(a)]
            + ac.coverage(a) + ac.checks(a) + ac.attribution(a) + ac.findings(a) + ac.context(a, "data_search"))


@pytest.fixture(scope="module")
def fixture_audit(kylinh_data):
    """The audit of Kỳ Lĩnh from its built tables (observations as the build wrote them)."""
    data = kylinh_data
    return audit.Audit(Scope(KL, 2019, 2023), fd.table(data, "sources"), fd.table(data, "observations"),
                       fd.table(data, "conflicts"), fd.recorded_fixes(data), None), data


def fixture_sources(data) -> list[dict]:
    with open(data / "raw" / "sources.csv", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["province"] == KL]


def test_fixture_sources_dates_and_low_copy(fixture_audit):
    a, data = fixture_audit
    rows = fixture_sources(data)
    src = ac.sources(a)
    assert src.case == "some" and src.values["n"].value == len(rows)
    for rel in ("official", "press", "mirror", "low"):
        assert src.values[rel].value == sum(r["reliability"] == rel for r in rows), rel
    dates = ac.dates(a)
    stated = sum(r["published_basis"].startswith("stated") for r in rows)
    assert dates.case == "mixed" and dates.values["stated"].value == stated
    assert dates.values["inferred"].value == sum(r["published_basis"].startswith("inferred") for r in rows) >= 2
    low = ac.low(a)
    assert low.case == "low_some_lost" and "villages_without_mobile_signal" in low.values["lost"]
    assert low.source_ids == ("kylinhcopy-20230000-ban-sao-song-di-dong",)
    assert ac.other_geographies(a).case == "none"  # the fixture holds no other province
    assert ac.finding_trust(a).case == "with_low"


def test_fixture_figures_outside_the_window_are_context(fixture_audit):
    a, _ = fixture_audit
    obs = a.obs
    inside = ((obs["period_start"].dt.year >= 2019) & (obs["period_end"].dt.year <= 2023)).sum()
    claim = ac.window_figures(a)
    assert claim.case == "some_outside"  # the department's 2018 count
    assert (claim.values["inside"].value, claim.values["outside"].value) == (inside, len(obs) - inside)


def test_fixture_conflict_is_recorded_and_explained(fixture_audit):
    a, _ = fixture_audit
    same = a.checks[(a.checks["check"] == "same_quantity") & (a.checks["indicator"] == "new_enterprises")]
    assert list(same["status"]) == ["explained"]  # 262 against 240 printed for 2021: the recorded judgement
    assert same.iloc[0]["explanation"].startswith("[kylinh-new-enterprises-2021]")
    verdict = ac.checks(a)[0]
    assert verdict.case in ("explained", "conflicts") and verdict.values["explained"].value >= 1
    judged = ac.judgements(a)
    assert judged.case == "some" and judged.values["preferred"].value >= 1 and judged.values["explaining"].value >= 1
    table = view.judgement_table(a)
    assert "kylinh-new-enterprises-2021" in table._repr_html_()


def test_fixture_coverage_has_a_partial_year_only(fixture_audit):
    a, _ = fixture_audit
    cells = a.coverage.set_index(["indicator", "year"])
    assert cells.loc[("new_enterprises", 2021), "status"] == "actual"
    assert (cells.loc[("new_enterprises", 2022), "status"], bool(cells.loc[("new_enterprises", 2022), "has_partial"])) == ("none", True)
    claim = ac.coverage(a)[0]
    assert claim.case == "partial" and claim.values["partial"].value >= 1
    gaps = audit.empty_cells(a.coverage, a.obs, a.scope).set_index("indicator")
    assert gaps.loc["new_enterprises", "what exists instead"] == "2022: H1"


def test_fixture_has_no_corpus_no_fix_and_no_context(fixture_audit):
    a, _ = fixture_audit
    assert [c.case for c in ac.attribution(a)] == ["no_corpus"]
    assert ac.fixes(a).case == "none"
    assert ac.context(a, "data_search") == []


def test_fixture_claims_name_no_other_province(fixture_audit):
    a, _ = fixture_audit
    for c in all_claims(a):
        text = c.text()
        assert "Lạng Sơn" not in text and "Xứ Lạng" not in text, (c.id, text)
    assert KL in ac.sources(a).text()


def test_fixture_narrow_window(fixture_audit):
    a, _ = fixture_audit
    narrow = audit.Audit(Scope(KL, 2021, 2021), a.sources, a.obs_all, a.conflicts, a.fixes, None)
    assert ac.low(narrow).case == "low_outside_window"  # the copy's figure is for 2022
    assert ac.window_figures(narrow).case == "some_outside"
    for c in all_claims(narrow):
        assert c.named_years() <= {2021}, c.id


def test_every_case_has_a_wording():
    decided = {"audit.sources": {"none", "some"}, "audit.low": {"no_low", "low_no_figures", "low_nothing_lost",
                                                                "low_some_lost", "low_outside_window"},
               "audit.corpus": {"absent", "no_corpus", "no_documents", "none_read", "all_agree", "some_disagree"}}
    have = wording.cases("en")
    for cid, cases in decided.items():
        assert {(cid, c) for c in cases} <= have, cid


@pytest.fixture(scope="module")
def narrow_real():
    return audit.load(Scope("Lạng Sơn", 2021, 2022))


def _html(obj) -> str:
    return obj._repr_html_() if hasattr(obj, "_repr_html_") else obj._repr_markdown_()


def test_real_window_2021_2022_names_no_year_outside(narrow_real):
    a = narrow_real
    for c in all_claims(a):
        assert c.named_years() <= {2021, 2022}, c.id
        outside = {int(y) for y in _YEAR.findall(c.text())} - {2021, 2022}
        assert not outside, (c.id, c.text())
    for name in ("reliability_table", "outlet_table", "gaps_table", "checks_tables", "judgement_table",
                 "judgement_context", "attribution_table", "figures_table", "fixes_table", "fixes_context"):
        page = _html(getattr(view, name)(a))
        page = re.sub(r'<span class="lso-ref">.*?</span>', " ", page, flags=re.S)
        outside = {int(y) for y in _YEAR.findall(re.sub(r"<[^>]+>", " ", page))} - {2021, 2022}
        assert not outside, (name, sorted(outside))
    # judgements whose reasoning names other years are kept, apart and marked as context
    context = view.judgement_context(a)._repr_html_()
    assert context.count('<span class="lso-ref">') == context.count("<li>") > 1
    assert "\\_" not in context and "<code>" in context


def test_real_window_counts_follow_the_whole_period_rule(narrow_real):
    a = narrow_real
    obs = a.obs
    inside = (obs["period_start"] >= pd.Timestamp("2021-01-01")) & (obs["period_end"] <= pd.Timestamp("2022-12-31"))
    claim = ac.window_figures(a)
    assert claim.values["inside"].value == inside.sum() and claim.values["outside"].value == (~inside).sum()
    assert (a.checks["period_start"].dt.year >= 2021).all() and (a.checks["period_end"].dt.year <= 2022).all()


def test_a_province_without_any_figure(narrow_real):
    # Bắc Kạn has a 2021 GRDP rate since wave 2; Yên Bái is still without any figure (data/raw/notes/wave2.md)
    assert (narrow_real.obs_all["province"] == "Yên Bái").sum() == 0
    a = audit.Audit(Scope("Yên Bái", 2021, 2022), narrow_real.sources, narrow_real.obs_all, narrow_real.conflicts,
                    narrow_real.fixes, None)
    cases = {c.id: c.case for c in all_claims(a)}
    assert cases["audit.sources"] == "none" and cases["audit.coverage"] == "no_figure"
    assert cases["audit.window_figures"] == "no_figures" and cases["audit.checks"] == "no_pairs"
    assert cases["audit.finding_trust"] == "no_data"
    for c in all_claims(a):
        assert "Lạng Sơn" not in c.text(), c.id
