"""Notebook 40 in Vietnamese: every claim, caption and refusal of the provinces study has a vi wording that reads as
Vietnamese (no English sentence, Vietnamese number conventions), on invented frames, the Kỳ Lĩnh fixture and the real data."""

from __future__ import annotations

import inspect
import re
import unicodedata

import pandas as pd
import pytest

from lso_analysis.analysis import panel as panel_model
from lso_analysis.analysis.scope import Scope
from lso_analysis.present import narrative as nv
from lso_analysis.present import wording
from lso_analysis.present.wording import provinces as words
from lso_analysis.studies import provinces as pv
from test_peers import obs_row
from test_study_provinces import BASE, GEO

NATION = pv.peers.NATION

#: English words that never occur in Vietnamese prose (whole words, case-insensitive).
_ENGLISH = re.compile(r"\b(the|and|of|in|with|from|growth|year|years|data|figure|figures|province|provinces|"
                      r"Vietnam|rank|ranked|gap|panel|estimate|revised|percentage|points|pp|than|only|none|no|"
                      r"refuses|interval|rounding|group|deviation|model)\b", re.I)


def english_words(text: str) -> list[str]:
    """English words left in a Vietnamese text (markup of yardstick spans removed first)."""
    text = re.sub(r"<[^>]+>", " ", text)
    return _ENGLISH.findall(text)


def number_problems(text: str) -> list[str]:
    """English number conventions in a Vietnamese text: ``1,234.5`` grouping or a decimal point in a rate."""
    return (re.findall(r"\d,\d{3}\.\d", text) + re.findall(r"\d\.\d+\s*(?:%|điểm phần trăm)", text)
            + re.findall(r"\d\.\d{1,2}\b(?!\.\d)", text))


def assert_vietnamese(text: str, where: str = "") -> None:
    assert unicodedata.normalize("NFC", text) == text, where
    assert english_words(text) == [], f"{where}: English left in {text!r}"
    assert number_problems(text) == [], f"{where}: English number convention in {text!r}"


# ------------------------------------------------------------------ the scenarios: every case of every claim

def _compare(rows, province="A", start=2019, end=2021, geo=GEO):
    obs = pd.DataFrame([obs_row(*r) if isinstance(r, tuple) else r for r in rows])
    return pv.compare(obs, geo, Scope(province, start, end, language="vi"))


def _without(rows, province, year):
    return [r for r in rows if not (isinstance(r, tuple) and r[0] == province and r[1] == year)]


def _low(province, year, value):
    return obs_row(province, year, value, reliability="low", obs_id=f"low-{province}-{year}")


SCENARIOS = {
    "base": (BASE, {}),
    "alone_no_national": ([("A", 2020, 1.0), ("A", 2021, 2.0)], {"start": 2020, "end": 2021}),
    "no_own_figure": ([r for r in BASE if r[0] != "A"], {}),
    "some_own_figures_falling": (_without(_without(BASE, "A", 2021), "A", 2020) + [("A", 2020, -1.2)], {}),
    "level_and_tie": (_without(_without(BASE, "A", 2021), "A", 2019) + [("A", 2021, 2.58), ("A", 2019, 7.0)], {}),
    "on_the_path": ([r for r in BASE if r[0] != "A"] + [("A", 2019, 7.02), ("A", 2020, 2.91), ("A", 2021, 2.58)], {}),
    "middle": (_without(BASE, "A", 2019) + [("A", 2019, 7.5)], {}),
    "below_the_path": (_without(BASE, "A", 2021) + [("A", 2021, 1.0)], {}),
    "no_overlap": (_without(_without(_without(BASE, NATION, 2020), NATION, 2021), "A", 2019), {}),
    "vintage_holds": (BASE + [obs_row(NATION, 2019, 7.36, vintage="revised", published="2022-12-29")], {}),
    "vintage_flips": (_without(BASE, NATION, 2019) + [obs_row(NATION, 2019, 5.5, vintage="first"),
                                                      obs_row(NATION, 2019, 6.5, vintage="revised",
                                                              published="2022-12-29")], {}),
    "low_moves": (_without(BASE, "D", 2019) + [_low("D", 2019, 5.5)], {}),
    "low_still_refused": ([("A", 2020, 1.0), ("A", 2021, 2.0), _low("B", 2021, 3.0)], {"start": 2020, "end": 2021}),
    "only_with_low": ([("A", 2019, 6.0), ("A", 2020, 1.0), ("B", 2020, 3.0), ("C", 2020, 4.0),
                       _low("B", 2019, 7.0), _low("C", 2019, 8.0)], {"start": 2019, "end": 2020}),
    "no_treated": ([("A", 2019, 6.0), ("B", 2019, 7.0), ("B", 2020, 3.0)], {"start": 2019, "end": 2020}),
    "no_other_before": ([("A", 2019, 6.0), ("A", 2020, 1.0), ("B", 2020, 3.0)], {"start": 2019, "end": 2020}),
    "alone_in_year": ([("A", 2019, 6.0), ("B", 2019, 7.0), ("A", 2020, 1.0), ("B", 2020, 3.0), ("A", 2021, 2.0)], {}),
    "no_dof": ([("A", 2019, 6.0), ("B", 2019, 7.0), ("A", 2020, 1.0), ("B", 2020, 3.0)], {"start": 2019, "end": 2020}),
}


def every_claim(c: pv.Comparison) -> list:
    return [pv.title(c), pv.coverage_claim(c), pv.own_figures_claim(c), *pv.gap_claims(c), pv.vintage_claim(c),
            pv.path_claim(c), *pv.peer_claims(c), *pv.rank_claims(c), pv.panel_claim(c), pv.panel_low_claim(c),
            *pv.missing_claims(c), *pv.findings(c)]


@pytest.fixture(scope="module")
def comparisons():
    return {name: _compare(rows, **kw) for name, (rows, kw) in SCENARIOS.items()}


def _claim_keys(language: str) -> set[tuple[str, str]]:
    wording.template("provinces.title", "ok", language)  # loads the study's wording module
    return {k for k in wording.cases(language) if k[0].startswith("provinces.")}


# ------------------------------------------------------------------ tests

def test_every_english_key_has_a_vietnamese_one():
    en, vi = _claim_keys("en"), _claim_keys("vi")
    assert en, "no English wording registered"
    assert en - vi == set()
    # captions, headings and refusal reasons are keyed alike
    assert {k for k in en if k[0] == "provinces.label"} and {k for k in en if k[0] == "provinces.refusal"}


def test_the_scenarios_reach_every_case(comparisons):
    reached = {(cl.id, cl.case) for c in comparisons.values() for cl in every_claim(c)}
    wanted = {k for k in _claim_keys("en") if k[0] not in ("provinces.label", "provinces.refusal")}
    assert wanted - reached == set()
    reasons = {pv.panel_claim(c).values.get("reason") for c in comparisons.values()}
    assert {k[1] for k in _claim_keys("en") if k[0] == "provinces.refusal"} - {"other"} <= reasons


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_claim_renders_in_vietnamese(comparisons, name):
    c = comparisons[name]
    for claim in every_claim(c):
        text = claim.text("vi")
        assert_vietnamese(text, f"{name}: {claim.id}/{claim.case}")
        c.scope.check_years(claim.named_years(), claim.id)
        assert claim.text("en") != text


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_tables_and_chart_words_are_vietnamese(comparisons, name):
    c = comparisons[name]
    for table in (pv.gap_table(c), pv.peer_table(c), pv.rank_table(c), pv.panel_table(c)):
        if hasattr(table, "frame"):
            headers = [str(h) for h in table.frame.columns if h not in c.members]
            cells = [str(v) for col in table.frame.columns for v in table.frame[col]]
            for text in [table.caption, *headers, *cells]:
                assert_vietnamese(text, f"{name}: table {table.caption!r}")
        elif hasattr(table, "claims"):  # the panel model refused: its claim
            assert_vietnamese(table.claims[0].text("vi"), f"{name}: panel refusal")
        else:  # the missing-data note names what is missing in Vietnamese (its frame is the note's own)
            text = str(table)
            assert any(pv.label(c, k) in text for k in ("gap_what", "peer_what", "rank_what")), text
            if "language" in inspect.signature(nv.missing_note).parameters:
                assert_vietnamese(re.sub(r"[*>]", " ", text), f"{name}: note")
    for key in ("chart_title", "chart_ylabel", "chart_indicator", "chart_what", "col_national"):
        assert_vietnamese(pv.label(c, key), key)


def test_exact_sentences():
    base = _compare(BASE)
    # A 9.0 and Vietnam 2.58, each ±0.005: a gap of 6.42 points, 6.41 to 6.43 with both roundings
    assert pv.gap_claims(base)[-1].text("vi") == (
        "Năm 2021, tốc độ tăng trưởng GRDP của A đạt 9%, cao hơn 6,42 điểm phần trăm (6,41–6,43) so với tốc độ tăng "
        "GDP cả nước (2,58%, số ước tính lần đầu).")
    assert pv.rank_claims(base)[-1].text("vi") == (
        "Năm 2021, tốc độ tăng trưởng GRDP của A xếp thứ 1 trong số 4 tỉnh có số liệu cả năm.")
    assert pv.coverage_claim(base).text("vi") == (
        "Ngoài A, bộ số liệu có tốc độ tăng trưởng GRDP cả năm của 3 tỉnh khác trong giai đoạn 2019–2021; số tỉnh có "
        "số liệu theo từng năm: năm 2019 có 3 tỉnh, năm 2020 có 3 tỉnh và năm 2021 có 3 tỉnh.")
    assert pv.peer_claims(base)[0].text("vi") == (
        "Năm 2019, tốc độ tăng trưởng GRDP của A (6%) thấp hơn tất cả các tỉnh khác trong số các tỉnh thuộc nhóm "
        "border có số liệu (C: 8%, B: 7%).")
    # a fall is said in words: −1.2 against 2.91 is 4.11 points lower (4.10 to 4.12)
    falling = _compare(SCENARIOS["some_own_figures_falling"][0])
    assert [cl.text("vi") for cl in pv.gap_claims(falling) if cl.values["year"] == 2020] == [
        "Năm 2020, GRDP của A giảm 1,2%, thấp hơn 4,11 điểm phần trăm (4,1–4,12) so với tốc độ tăng GDP cả nước "
        "(2,91%, số ước tính lần đầu)."]
    assert pv.own_figures_claim(falling).text("vi") == (
        "Bộ số liệu có tốc độ tăng trưởng GRDP cả năm của A cho các năm 2019 và 2020; không có số liệu năm 2021. "
        "Tất cả đều là số ước tính (ước) công bố trước khi kết thúc năm.")
    thin = _compare(SCENARIOS["alone_no_national"][0], start=2020, end=2021)
    assert [cl.text("vi") for cl in pv.missing_claims(thin)][0] == (
        "Không có tốc độ tăng GDP cả nước của các năm 2020 và 2021: không tính được mức chênh lệch cho các năm này.")
    assert pv.panel_claim(thin).text("vi") == (
        "Mô hình dữ liệu bảng không ước lượng được: A không có tốc độ tăng trưởng GRDP cả năm trước năm 2020, nên "
        "không tách được mức tăng trưởng thông thường của tỉnh khỏi các độ lệch.")
    assert pv.title(thin).text("vi") == "A so với cả nước và các tỉnh khác, giai đoạn 2020–2021"


def test_table_headings_and_captions_follow_the_language():
    c = _compare(BASE)
    table = pv.gap_table(c)
    assert list(table.frame.columns) == ["Năm", "A", "Cả nước (số ước tính lần đầu)", "Chênh lệch (điểm phần trăm)"]
    assert table.caption == "Tốc độ tăng trưởng GRDP của A và tốc độ tăng GDP cả nước, giai đoạn 2019–2021"
    assert table.frame.iloc[0, 2] == "+7,02%"
    ranks = pv.rank_table(c)
    assert list(ranks.frame.columns) == ["Năm", "Xếp hạng", "Thứ hạng có thể (do làm tròn)", "Số tỉnh có số liệu"]
    intervals = pv.panel_table(c).frame["Khoảng tin cậy 95%"]
    assert all(re.fullmatch(r"từ −?\d+,\d+ đến −?\d+,\d+", v) for v in intervals), list(intervals)
    english = pv.gap_table(_compare_en(BASE))
    assert list(english.frame.columns) == ["Year", "A", "Vietnam (first estimate)", "Gap (pp)"]
    assert list(pv.peer_table(c).frame.columns) == ["Năm", "A", "B", "C"]


def _compare_en(rows):
    obs = pd.DataFrame([obs_row(*r) for r in rows])
    return pv.compare(obs, GEO, Scope("A", 2019, 2021))


def test_groups_in_vietnamese():
    assert words.group_vi("northern_border") == "các tỉnh biên giới phía Bắc"
    assert words.group_vi("region:Tây Nguyên") == "các tỉnh vùng Tây Nguyên"
    assert words.group_vi("region:Vùng giả lập") == "các tỉnh vùng giả lập"  # a region named "Vùng …" once
    geo = GEO.assign(groups=GEO["groups"].replace("border", "northern_border"))
    c = _compare([("A", 2020, 1.0), ("A", 2021, 2.0)], start=2020, end=2021, geo=geo)
    assert pv.peer_claims(c)[0].text("vi") == (
        "Năm 2020, A (1%) là tỉnh duy nhất trong số các tỉnh biên giới phía Bắc có số liệu.")
    assert pv.missing_claims(c)[1].text("vi").endswith("của B và C (các tỉnh biên giới phía Bắc).")


@pytest.mark.parametrize("name, reason", [("alone_no_national", "no_before"), ("no_treated", "no_treated"),
                                          ("no_other_before", "no_other_before"), ("alone_in_year", "alone_in_year"),
                                          ("no_dof", "no_dof")])
def test_panel_refusals_carry_a_code(comparisons, name, reason):
    c = comparisons[name]
    assert c.fit is None and c.refusal.reason == reason
    claim = pv.panel_claim(c)
    assert claim.case == "refused" and claim.values["reason"] == reason
    assert claim.text("en").startswith("The panel model refuses: ")
    assert claim.text("vi").startswith("Mô hình dữ liệu bảng không ước lượng được: ")
    # the English refusal is the exception's own message
    assert claim.text("en") == f"The panel model refuses: {c.refusal}."


def test_refusal_year_outside_the_window_is_a_marked_yardstick():
    # the window ends in 2019: the panel model asks for figures from 2020 on, a year the report does not cover
    c = _compare([("A", 2019, 6.0), ("B", 2019, 7.0)], start=2019, end=2019)
    claim = pv.panel_claim(c)
    assert claim.values["reason"] == "no_treated"
    assert 2020 not in claim.named_years()
    assert '<span class="lso-ref">năm 2020</span>' in claim.text("vi")


def test_panel_model_raises_with_codes_directly():
    data = pd.DataFrame({"province": ["A", "B"], "year": [2020, 2020], "value": [1.0, 2.0],
                         "value_low": [0.95, 1.95], "value_high": [1.05, 2.05]})
    with pytest.raises(pv.peers.InsufficientPanelError) as err:
        panel_model.fit_panel(data, "A")
    assert err.value.reason == "no_before" and err.value.values == {"province": "A", "year": 2020}


# ------------------------------------------------------------------ the Kỳ Lĩnh fixture and the real data

def _render_all(c: pv.Comparison, where: str) -> list[str]:
    texts = []
    for claim in every_claim(c):
        text = claim.text("vi")
        assert_vietnamese(text, f"{where}: {claim.id}/{claim.case}")
        c.scope.check_years(claim.named_years(), claim.id)
        texts.append(text)
    for table in (pv.gap_table(c), pv.peer_table(c), pv.rank_table(c), pv.panel_table(c)):
        if hasattr(table, "frame"):
            for text in [table.caption, *[str(h) for h in table.frame.columns if h not in c.members]]:
                assert_vietnamese(text, f"{where}: table")
    return texts


@pytest.fixture(scope="module")
def fixture_tables(kylinh_data):
    import fixture_data

    return fixture_data.table(kylinh_data, "observations"), pd.read_csv(kylinh_data / "reference" / "geographies.csv",
                                                                        keep_default_na=False)


def test_kylinh_renders_in_vietnamese(fixture_tables):
    import fixture_data

    obs, geo = fixture_tables
    c = pv.compare(obs, geo, Scope(fixture_data.PROVINCE, 2019, 2023, language="vi"))
    texts = _render_all(c, "Kỳ Lĩnh")
    assert not any("Lạng Sơn" in t for t in texts)


@pytest.fixture(scope="module")
def real_tables():
    import lso_analysis as lso

    try:
        return lso.load_observations(province=None, include_low=True), lso.load_geographies()
    except Exception as exc:  # the dataset does not build on this branch (wave-2 data being reconciled)
        pytest.skip(f"the real dataset does not build: {type(exc).__name__}: {str(exc)[:200]}")


@pytest.mark.parametrize("province, start, end", [("Lạng Sơn", 2019, 2023), ("Lạng Sơn", 2021, 2022),
                                                  ("Lạng Sơn", 2020, 2020), ("Hà Giang", 2019, 2023)])
def test_real_data_renders_in_vietnamese(real_tables, province, start, end):
    obs, geo = real_tables
    c = pv.compare(obs, geo, Scope(province, start, end, language="vi"))
    texts = _render_all(c, f"{province} {start}–{end}")
    assert any(re.search(r"\d,\d", t) for t in texts)  # decimal commas are used


def test_one_other_province_is_not_every_other():
    # A 1.0 against B 3.0 alone in the group in 2020: "the other province", not "all the others"
    c = _compare([("A", 2020, 1.0), ("B", 2020, 3.0)], start=2020, end=2020)
    assert pv.peer_claims(c)[0].text("vi") == (
        "Năm 2020, tốc độ tăng trưởng GRDP của A (1%) thấp hơn tỉnh còn lại trong số các tỉnh thuộc nhóm border có "
        "số liệu (B: 3%).")
    assert "slower than the only other of the provinces" in pv.peer_claims(c)[0].text("en")
