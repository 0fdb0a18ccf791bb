"""The Vietnamese edition of the data audit: every wording exists, reads as Vietnamese and follows its conventions."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pytest

import fixture_data as fd
import lso_analysis as lso
from lso_analysis.analysis.scope import Scope
from lso_analysis.present import wording
from lso_analysis.present.claims import Claim, Fig, Span
from lso_analysis.studies import audit
from lso_analysis.studies import audit_claims as ac
from lso_analysis.studies import audit_views as view
from lso_analysis.studies import audit_words as aw
from obs_factory import make_obs

X = "Tỉnh X"
NO_CONFLICTS = pd.DataFrame(columns=["id", "obs_ids", "preferred", "judgement"])

# -- the check: no English sentence, Vietnamese number conventions ----------------------------------------------------
_ENGLISH = re.compile(r"\b(the|and|of|in|with|from|growth|year|years|data|figure|figures|province|source|sources|"
                      r"none|total|read|printed|comparison|comparisons)\b", re.I)
_EN_GROUPING = re.compile(r"\d,\d{3}(?:\.\d|\b)")
_EN_DECIMAL_PERCENT = re.compile(r"\d\.\d+\s?%")


def english_words(text: str, exempt=()) -> list[str]:
    """English words left in ``text`` once code spans, tags and ``exempt`` strings (names as published) are out."""
    for name in exempt:
        text = text.replace(name, " ")
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return [m.group(0) for m in _ENGLISH.finditer(text)]


def english_numbers(text: str) -> list[str]:
    text = re.sub(r"`[^`]*`", " ", text)
    return _EN_GROUPING.findall(text) + _EN_DECIMAL_PERCENT.findall(text)


def test_the_check_finds_english_and_english_numbers():
    assert english_words("The dataset holds 134 sources about X.") == ["The", "sources"]
    assert english_words("Bộ dữ liệu có 134 nguồn (`the-source-id`).") == []
    assert english_words("Hai đơn vị: Customs News (VCN, General Department of Customs).",
                         exempt=["Customs News (VCN, General Department of Customs)"]) == []
    assert english_numbers("1,234 nguồn; 2.03%") == ["1,234", "2.03%"]
    assert english_numbers("1.234 nguồn; 2,03%; năm 2021") == []


def _published_names(claim: Claim) -> list[str]:
    """Publisher names a claim quotes as published (exempt, like source titles)."""
    v = claim.values
    names = list(v.get("publishers", [])) + ([v["publisher"]] if "publisher" in v else [])
    return [str(n) for n in names]


try:  # the shared check of the Vietnamese edition, once the infrastructure has it
    import vi_check
except ImportError:  # pragma: no cover - until then, the small check above
    vi_check = None


def assert_vietnamese(claims: list[Claim]) -> None:
    bad = {}
    for c in claims:
        text = c.text("vi")
        problems = english_words(text, _published_names(c)) + english_numbers(text)
        if vi_check is not None:
            problems += (vi_check.english_sentences(text, _published_names(c))
                         + vi_check.number_convention_errors(text, _published_names(c)))
        if problems or unicodedata.normalize("NFC", text) != text or not text.strip():
            bad[(c.id, c.case)] = (problems, text)
    assert bad == {}


# -- the wording tables ---------------------------------------------------------------------------------------------------
def _audit_keys(language: str) -> set:
    wording.template("audit.heading", "default", language)  # loads the study's tables
    return {k for k in wording.cases(language) if k[0].startswith("audit.")}


def test_every_english_wording_has_a_vietnamese_one():
    en, vi = _audit_keys("en"), _audit_keys("vi")
    assert len(en) > 150
    assert sorted(en - vi) == [] and sorted(vi - en) == []


def test_vietnamese_wordings_are_nfc_and_not_english():
    vi = _audit_keys("vi")
    for key in vi:
        template = wording.template(*key, "vi")
        if isinstance(template, str):
            assert unicodedata.normalize("NFC", template) == template, key
            assert english_words(re.sub(r"\{[^}]*\}", " ", template)) == [], key


def test_table_words_of_both_languages():
    """The English words are the study's own names (the edition is unchanged); the Vietnamese ones are translations."""
    assert aw.label("col.what exists instead", "en") == "what exists instead"
    assert aw.label("reliability.mirror", "vi") == "bản sao"
    assert aw.label("verdict.conflict", "vi") == "xung đột số liệu"
    assert aw.label("col.before", "vi", start=2021) == "Công bố trước năm 2021"
    assert aw.coverage_words("en")["letter.actual"] == "A" and aw.coverage_words("vi")["letter.estimate"] == "ƯT"
    assert aw.chart_indicator("retail_sales", "en") == "retail_sales"
    assert aw.indicator_name("retail_sales", "vi", lower=True) == "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng"
    assert aw.indicator_name("grdp_per_capita", "vi", lower=True) == "GRDP bình quân đầu người"


# -- exact sentences (written by hand) -------------------------------------------------------------------------------------
def _claim(cid: str, case: str, window=("2019-01-01", "2023-12-31"), **values) -> Claim:
    return Claim(cid, case, {"province": X, "window": Span(*window), **values})


def n(x) -> Fig:
    return Fig(float(x), unit="count")


def test_sources_sentence_groups_thousands_with_dots():
    c = _claim("audit.sources", "some", n=n(1234), figures=n(12345), official=n(1000), press=n(200), mirror=n(30),
               low=n(4))
    assert c.text("vi") == ("Bộ dữ liệu có **1.234 nguồn** về Tỉnh X, với **12.345 số liệu**: 1.000 nguồn chính thức, "
                            "200 nguồn báo chí, 30 bản sao và 4 bản sao có độ tin cậy thấp.")


def test_heading_names_a_single_year_as_the_office_does():
    c = _claim("audit.heading", "no_estimates", window=("2020-01-01", "2020-12-31"))
    assert c.text("vi") == "**Tỉnh X, năm 2020**: không tính số ước tính; có tính số tính toán."
    c = _claim("audit.heading", "default")
    assert c.text("vi") == "**Tỉnh X, giai đoạn 2019–2023**: tính cả số ước tính và số tính toán."


def test_outlets_share_has_a_decimal_comma():
    c = _claim("audit.outlets", "two_carry_most", outlets=["a", "b"], publishers=["Báo A", "Báo B"],
               counts=[n(1200), n(30)], share=Fig(57.8, unit="%", digits=1), n_outlets=n(5), figures=n(2128))
    assert c.text("vi") == ("Hai đơn vị đăng tải cung cấp phần lớn số liệu, chiếm 57,8% tổng số: Báo A (`a`, 1.200 số "
                            "liệu) và Báo B (`b`, 30 số liệu).")


def test_checks_with_a_conflict():
    c = _claim("audit.checks", "conflicts", n=n(1500), ok=n(1400), explained=n(99), conflict=n(1))
    assert c.text("vi") == ("**1.500 phép đối chiếu**: **1.400** phép khớp trong khoảng giá trị mà cách ghi số cho phép, "
                            "**99** phép không khớp nhưng đã được giải thích bằng nhận định đã ghi, và **1** phép là xung "
                            "đột số liệu chưa được giải thích.")


def test_indicators_are_named_with_the_statistics_office_terms():
    c = _claim("audit.coverage_extremes", "both", complete=["grdp", "iip"], empty=["retail_sales"])
    assert c.text("vi") == ("Chỉ tiêu có số liệu cả năm ở mọi năm: tổng sản phẩm trên địa bàn (GRDP) và chỉ số sản xuất "
                            "công nghiệp (IIP). Chỉ tiêu không có số liệu cả năm ở năm nào: tổng mức bán lẻ hàng hóa và "
                            "doanh thu dịch vụ tiêu dùng.")


def test_consistency_finding_without_conflicts_says_so_in_words():
    c = _claim("audit.finding_consistency", "explained", n=n(12), ok=n(10), explained=n(2), conflict=n(0), fixes=n(0),
               kept_out=n(0), kept_out_figures=n(0))
    assert c.text("vi") == ("**Tính nhất quán.** 12 phép đối chiếu giữa các số liệu về cùng một đại lượng cho thấy "
                            "**không có xung đột số liệu nào chưa được giải thích**; **2** chênh lệch đã được giải thích. "
                            "Không có hiệu chỉnh nào áp dụng cho các số liệu này.")


def test_a_kind_without_figures_is_said_in_words_not_as_zero():
    c = _claim("audit.statuses", "default", n=n(61), actual=n(58), estimate=n(0), target=n(3))
    assert c.text("vi") == ("**61** số liệu thuộc giai đoạn 2019–2023: **58 số liệu thực hiện**, không có số ước tính và "
                            "**3 chỉ tiêu kế hoạch**.")
    c = _claim("audit.finding_coverage", "partial", cells=n(110), actual=n(0), estimate=n(2), derived=n(0), none=n(108),
               partial=n(6))
    assert c.text("vi") == ("**Mức độ bao phủ.** Không cặp nào trong **110** cặp chỉ tiêu – năm chủ yếu có số liệu thực "
                            "hiện cả năm; **2** cặp có số ước tính và không cặp nào có số tính toán. **108** cặp còn "
                            "trống, trong đó **6** cặp chỉ có số liệu của một phần năm.")


# -- synthetic audits: tables and views --------------------------------------------------------------------------------
def _sources(rows: list[dict]) -> pd.DataFrame:
    base = {"publisher": "P", "published": "2021-05", "published_basis": "stated: x", "province": X,
            "reliability": "press", "corpus_file": ""}
    return pd.DataFrame([base | r for r in rows])


def _audit(language: str, start=2021, end=2022, conflicts=NO_CONFLICTS, fixes=()) -> audit.Audit:
    obs = make_obs([{"source_id": "a", "value": 4270, "half": 5, "province": X, "period": "2021"},
                    {"source_id": "b", "value": 4400, "half": 5, "province": X, "period": "2021"},
                    {"source_id": "a", "value": 3450, "province": X, "period": "2022-YTD11"}])
    return audit.Audit(Scope(X, start, end, language=language), _sources([{"source_id": "a", "reliability": "official"},
                                                                          {"source_id": "b"}]),
                       obs, conflicts, list(fixes), None)


def test_tables_are_unchanged_in_english_and_translated_in_vietnamese():
    en, vi = _audit("en"), _audit("vi")
    table = audit.reliability_table(en.overview, en.scope.window)
    assert aw.localise(table, en.scope, "2021–2022").equals(table)
    shown = aw.localise(table, vi.scope, "giai đoạn 2021–2022")
    assert list(shown.columns) == ["Độ tin cậy", "Số nguồn", "Công bố trước năm 2021", "Công bố trong giai đoạn 2021–2022",
                                   "Công bố sau năm 2022", "Ngày công bố ghi trên trang",
                                   "Ngày công bố suy ra từ nội dung", "Số lượng số liệu",
                                   "Số liệu thuộc giai đoạn 2021–2022"]
    assert list(shown["Độ tin cậy"]) == ["chính thức", "báo chí", "bản sao", "độ tin cậy thấp", "Tổng số"]
    big = pd.DataFrame({"measure": ["level", "total"], "actual": [1234, 1234], "total": [1234, 1234]})
    assert aw.localise(big, vi.scope, "giai đoạn 2021–2022").iloc[1].tolist() == ["Tổng số", "1.234", "1.234"]


def test_a_heading_without_a_wording_fails_loudly():
    with pytest.raises(KeyError, match="no vi wording"):
        aw.localise(pd.DataFrame({"unheard of": [1]}), _audit("vi").scope, "giai đoạn 2021–2022")


def test_partial_periods_and_flagged_figures_in_vietnamese():
    a = _audit("vi")
    a.__dict__["coverage"] = audit.key_coverage(a.obs, a.scope, indicators=["trade_turnover"])
    gaps = audit.empty_cells(a.coverage, a.obs, a.scope).set_index("indicator")
    assert gaps.loc["trade_turnover", "what exists instead"] == "2022: 11 tháng"
    flagged = audit.flagged_checks(a.checks, "vi")
    assert flagged.loc[0, "period"] == "năm 2021"
    assert flagged.loc[0, "figure a"].startswith("4.270 [4.265–4.275]")


def test_curators_english_notes_are_counted_not_shown_in_vietnamese():
    recorded = pd.DataFrame([{"id": "c1", "obs_ids": ["a#1", "b#1"], "preferred": "",
                              "judgement": "Different bases, both kept as printed."}])
    fixes = [{"obs_id": "a#1", "column": "value_raw", "printed": "4.270,0", "corrected": "4.270", "reason": "A typo."}]
    vi, en = _audit("vi", conflicts=recorded, fixes=fixes), _audit("en", conflicts=recorded, fixes=fixes)
    assert "Different bases" in view.judgement_table(en)._repr_html_()
    table = view.judgement_table(vi)
    assert "Different bases" not in table._repr_html_() and "Mã nhận định" in table._repr_html_()
    assert repr(view.judgement_context(vi)).startswith("Lập luận của nhóm biên soạn cho nhận định này được viết bằng "
                                                       "tiếng Anh")
    assert "A typo" not in view.fixes_table(vi)._repr_html_() and "A typo" in view.fixes_table(en)._repr_html_()
    assert "<td>“4.270,0”</td>" in view.fixes_table(vi)._repr_html_()  # the printed words, quoted as printed
    assert "<td>4.270,0</td>" in view.fixes_table(en)._repr_html_()
    assert repr(view.fixes_context(vi)).startswith("Lý do của hiệu chỉnh này được nhóm biên soạn ghi bằng tiếng Anh")


def test_context_rows_show_in_their_own_language_only(monkeypatch):
    rows = pd.DataFrame([{"province": X, "topic": "data_search", "text": "Searched and not found.", "source_id": "a",
                          "text_vi": "Đã tìm nhưng không thấy."},
                         {"province": X, "topic": "data_search", "text": "Only in English.", "source_id": "b",
                          "text_vi": ""}])
    from lso_analysis.dataset.loaders import context_in

    monkeypatch.setattr(lso, "load_context",
                        lambda province, language=None: rows if language is None else context_in(rows, language))
    assert [c.text("en") for c in ac.context(_audit("en"), "data_search")] == ["Searched and not found.",
                                                                             "Only in English."]
    assert [c.text("vi") for c in ac.context(_audit("vi"), "data_search")] == ["Đã tìm nhưng không thấy."]


def test_the_context_file_holds_a_vietnamese_text_for_the_data_search():
    import csv

    from lso_analysis import paths

    with open(paths.RAW_DIR / "context.csv", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert "text_vi" in reader.fieldnames  # its position in the file does not matter to the build
        rows = [r for r in reader if r["topic"] == "data_search"]
    assert rows and all(r["text_vi"].strip() for r in rows)
    assert all(english_words(r["text_vi"]) == [] for r in rows)


# -- every claim on the real data and on Kỳ Lĩnh -------------------------------------------------------------------------
def all_claims(a: audit.Audit) -> list[Claim]:
    out = [ac.heading(a), ac.sources(a), ac.other_geographies(a), ac.dates(a), ac.publication(a), ac.outlets(a),
           ac.window_figures(a), ac.low(a), ac.statuses(a), ac.measures(a), ac.judgements(a), ac.fixes(a)]
    out += ac.coverage(a) + ac.checks(a) + ac.attribution(a) + ac.findings(a) + ac.context(a, "data_search")
    return out + ac.english_notes(a, 3, 1)


def test_every_claim_on_the_real_data_reads_as_vietnamese():
    sources = lso.load_sources()
    obs_all = lso.load_observations(province=None, include_targets=True, include_low=True)
    for start, end in ((2019, 2023), (2021, 2022), (2020, 2020)):
        for province in ("Lạng Sơn", "Hà Giang"):
            a = audit.Audit(Scope(province, start, end, language="vi"), sources, obs_all, lso.load_conflicts(),
                            audit.load_fixes(), None)
            assert_vietnamese(all_claims(a))
    a = audit.Audit(Scope("Lạng Sơn", language="vi"), sources, obs_all, lso.load_conflicts(), audit.load_fixes(), None)
    assert [c.case for c in ac.context(a, "data_search")] == ["note"]  # the Vietnamese text of the data search


def test_every_claim_and_table_on_kylinh_reads_as_vietnamese(kylinh_data):
    data = kylinh_data
    a = audit.Audit(Scope(fd.PROVINCE, 2019, 2023, language="vi"), fd.table(data, "sources"),
                    fd.table(data, "observations"), fd.table(data, "conflicts"), fd.recorded_fixes(data), None)
    assert_vietnamese(all_claims(a))
    for name in ("reliability_table", "outlet_table", "gaps_table", "checks_tables", "judgement_table",
                 "figures_table", "fixes_table"):
        shown = getattr(view, name)(a)
        for table in getattr(shown, "tables", [shown]):
            if hasattr(table, "frame"):
                assert english_words(" ".join(map(str, table.frame.columns))) == [], (name, list(table.frame.columns))
                assert english_words(table.caption) == [], (name, table.caption)


def test_context_file_takes_an_optional_vietnamese_column_and_nothing_else(tmp_path):
    from lso_analysis.dataset.build import CONTEXT_COLUMNS, CONTEXT_OPTIONAL, _check_context
    from lso_analysis.dataset.rawio import read_table

    without = tmp_path / "without.csv"
    without.write_text("province,topic,text,source_id\nTỉnh X,data_search,Searched.,a\n", encoding="utf-8")
    problems = []
    rows = _check_context(read_table(without, CONTEXT_COLUMNS, problems, optional=CONTEXT_OPTIONAL), {"a"}, problems)
    assert problems == [] and rows[0]["text_vi"] == ""
    other = tmp_path / "other.csv"
    other.write_text("province,topic,text,source_id,text_fr\nTỉnh X,data_search,Searched.,a,Cherché.\n",
                     encoding="utf-8")
    read_table(other, CONTEXT_COLUMNS, problems, optional=CONTEXT_OPTIONAL)
    assert [p.column for p in problems] == ["text_fr"]
