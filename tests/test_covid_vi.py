"""Notebook 10 in Vietnamese: every wording has a vi twin, and the claims, tables and charts read in Vietnamese.

The real data (Lạng Sơn, the default window and 2021–2022) and the Kỳ Lĩnh fixture are rendered in ``vi``; no
English sentence may remain (source titles aside) and numbers follow the Vietnamese conventions (``7,86%``,
``1.234,5``). A few sentences are checked word for word, their figures derived here from the printed ones.
"""

from __future__ import annotations

import csv
import json
import os
import re
import unicodedata

os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402

import fixture_data as fd  # noqa: E402
from lso_analysis import paths  # noqa: E402
from lso_analysis.analysis.scope import Scope  # noqa: E402
from lso_analysis.present import wording  # noqa: E402
from lso_analysis.present.claims import Claim, Day, Fig, Span  # noqa: E402
import lso_analysis.present.wording.covid  # noqa: E402,F401  (loads the study's tables)
from lso_analysis.studies import covid  # noqa: E402

LANG_SON = "Lạng Sơn"
NOTEBOOK = paths.NOTEBOOKS_DIR / "10-covid-impact.ipynb"

#: English words that betray an untranslated sentence (whole words, any case).
_ENGLISH = re.compile(r"\b(the|and|of|in|with|from|growth|year|years|data|figure|figures|province|to|for|by|is|are|"
                      r"not|no|average|benchmark|path|trough|sector|sectors|index|rate|estimate|period|none|gap)\b", re.I)
#: Numbers written the English way: "1,234.5", "7.86%", "119.8".
_ENGLISH_NUMBER = re.compile(r"\d,\d{3}(?:\.\d|\b)|\d\.\d{1,2}(?!\d)")


try:  # the shared checker (tests/vi_check.py), when the infrastructure has landed; this file's own check too
    import vi_check
except ImportError:  # pragma: no cover
    vi_check = None


def english_in(text: str, verbatim=()) -> list[str]:
    """English words and English-style numbers in ``text``, once tags, quoted source titles and ``verbatim``
    strings (publishers) are set aside."""
    plain = re.sub(r"<[^>]+>", " ", text)
    for item in verbatim:
        plain = plain.replace(item, " ")
    plain = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", plain)
    found = [m.group(0) for m in _ENGLISH.finditer(plain)] + [m.group(0) for m in _ENGLISH_NUMBER.finditer(plain)]
    if vi_check is not None:
        found += vi_check.english_sentences(text, verbatim) + vi_check.number_convention_errors(text)
    return found


@pytest.mark.parametrize("text, found", [
    ("GRDP tăng 0,47%, so với mức bình quân 7,86%/năm.", []),
    ("GRDP grew 0.47% in 2020.", ["in", "0.47"]),
    ("Số liệu năm 2021 lấy từ nguồn báo chí: Báo X, “PM asks the province to act”.", []),
    ("tổng 1,234.5 tỷ đồng", ["1,234.5"]),
])
def test_english_detector(text, found):
    assert english_in(text)[:len(found)] == found and bool(english_in(text)) == bool(found)


# --- the tables of words --------------------------------------------------------------------------------------

def test_every_english_wording_has_a_vietnamese_one():
    en = {k for k in wording.cases("en") if k[0].startswith("covid.")}
    vi = {k for k in wording.cases("vi") if k[0].startswith("covid.")}
    assert len(en) > 150
    assert sorted(en - vi) == []


def test_vietnamese_templates_are_nfc_and_english_free():
    for key in wording.cases("vi"):
        if not key[0].startswith("covid."):
            continue
        text = wording.template(*key, language="vi")
        if isinstance(text, str):
            assert unicodedata.is_normalized("NFC", text), key
            assert english_in(re.sub(r"\{[^}]*\}", " ", text)) == [], key


def test_table_names_are_the_codebooks():
    """A sector's or channel's name in a vi table is the codebook's name_vi, word for word."""
    with open(paths.REFERENCE_DIR / "indicators.csv", encoding="utf-8") as fh:
        codebook = {r["code"]: r["name_vi"] for r in csv.DictReader(fh)}
    for (claim_id, code) in wording.cases("vi"):
        if claim_id == "covid.name":
            assert wording.template(claim_id, code, "vi") == codebook[code], code


# --- exact sentences from hand-made claims --------------------------------------------------------------------

H1_2020 = Span("2020-01-01", "2020-06-30")
Y2020 = Span("2020-01-01", "2020-12-31")


def test_channel_fell_in_words():
    claim = Claim("covid.channel_trough", "fell", {
        "name": "kim ngạch xuất nhập khẩu", "period": H1_2020,
        "growth": Fig(-42.9, -42.95, -42.85, "%", signed=True, show_range=False)})
    assert claim.text("vi") == "Trong 6 tháng đầu năm 2020, kim ngạch xuất nhập khẩu giảm 42,9%."


def test_trough_first_half_in_words():
    """Printed: "tăng 0,47%" in the first half, "ước tăng 2,03%" for the year, average 7,86%/năm over 2004–2018."""
    claim = Claim("covid.trough", "first_half", {
        "period": H1_2020, "growth": Fig(0.47, 0.465, 0.475, "%", signed=True, show_range=False),
        "bench": Fig(7.86, 7.855, 7.865, "%"), "bench_period": Span("2004-01-01", "2018-12-31", reference=True),
        "other": Fig(2.03, 2.025, 2.035, "%", signed=True, show_range=False), "other_period": Y2020,
        "other_estimate": True})
    assert claim.text("vi") == (
        "**Tăng trưởng xuống thấp nhất vào 6 tháng đầu năm 2020**: GRDP tăng 0,47%, so với mức bình quân 7,86%/năm "
        '<span class="lso-ref">giai đoạn 2004–2018</span>. Tính chung cả năm 2020: tăng 2,03% (ước tính).')


def test_shared_shortfall_in_words():
    claim = Claim("covid.shared", "part_shared", {
        "year": 2023, "shortfall": Fig(10.5, digits=1), "national_part": Fig(6.3, digits=1),
        "share": Fig(60.0, unit="%", digits=0), "own": Fig(4.2, digits=1)})
    assert claim.text("vi") == (
        "Trong 10,5 điểm chỉ số mà sản lượng năm 2023 hụt so với quỹ đạo mốc, 6,3 điểm (60%) cũng sẽ mất nếu tăng "
        "theo tốc độ của cả nước (theo số ước tính lần đầu); 4,2 điểm còn lại là phần riêng của địa phương.")


def test_first_case_names_the_measures_and_the_crossing():
    scope = Scope(LANG_SON, language="vi")
    from lso_analysis.studies import covid_claims as cc

    where = cc.crossing("auxiliary gates", scope)
    claim = Claim("covid.first_case", "no_case_before", {
        "period": H1_2020, "first": Day("2021-05-06"),
        "measures": [("đóng cửa khẩu", where, Day("2020-01-31")), ("giãn cách xã hội", "", Day("2020-04-01"))]})
    text = claim.text("vi")
    assert text.startswith("Trong 6 tháng đầu năm 2020, dữ liệu ghi nhận: đóng cửa khẩu (các cửa khẩu phụ, 31/1/2020) "
                           "và giãn cách xã hội (1/4/2020). Dữ liệu không ghi nhận ca mắc COVID-19 nào trên địa bàn "
                           "trước ngày 6/5/2021")
    assert cc.crossing("Hữu Nghị; Tân Thanh", scope) == "Hữu Nghị, Tân Thanh"
    assert cc.crossing("Hữu Nghị; Tân Thanh", Scope(LANG_SON)) == "Hữu Nghị; Tân Thanh"


# --- the Kỳ Lĩnh fixture and the real data, rendered in vi ----------------------------------------------------

@pytest.fixture(scope="module")
def kylinh(kylinh_data):
    return fd.covid_study(kylinh_data, Scope(fd.PROVINCE, language="vi"))


@pytest.fixture(scope="module")
def lang_son():
    return covid.Study(Scope(LANG_SON, language="vi"))


@pytest.fixture(scope="module")
def lang_son_2021_2022():
    return covid.Study(Scope(LANG_SON, 2021, 2022, language="vi"))


def _all_claims(study) -> list[Claim]:
    return [c for claims in study.claims().values() for c in claims]


def _table_text(table) -> str:
    """A table's caption, headings and cells, the source column aside (source ids are not words)."""
    if table is None or not hasattr(table, "frame"):
        return str(table or "")
    frame = table.frame.drop(columns=[c for c in table.frame.columns if c == "Nguồn"])
    return " ".join([table.caption, *map(str, frame.columns), *(str(v) for v in frame.to_numpy().ravel())])


def _check_study(study):
    publishers = [str(p) for p in study.sources["publisher"].dropna()]
    for claim in _all_claims(study):
        text = claim.text("vi")
        assert unicodedata.is_normalized("NFC", text), claim
        assert english_in(text, publishers) == [], (claim.id, claim.case, text)
    for name in ("growth_table", "path_table", "sensitivity_table", "sector_table", "channel_table", "averages_table",
                 "trend_break_table"):
        table = getattr(study, name)()
        if hasattr(table, "frame"):
            assert english_in(_table_text(table)) == [], (name, _table_text(table))


@pytest.mark.parametrize("which", ["kylinh", "lang_son", "lang_son_2021_2022"])
def test_every_claim_and_table_reads_in_vietnamese(which, request):
    _check_study(request.getfixturevalue(which))


def test_kylinh_sentences(kylinh):
    claims = kylinh.claims()
    trough = claims["timeline"][0]
    assert trough.text("vi") == (
        "**Tăng trưởng xuống thấp nhất vào cả năm 2020**: GRDP giảm 1,85%, so với mức bình quân 6,8%/năm "
        '<span class="lso-ref">giai đoạn 2016–2019</span>. Riêng 6 tháng đầu năm 2020: tăng 0,62%.')
    assert claims["sectors"][0].text("vi") == (
        "**Năm 2020, khu vực nông, lâm nghiệp và thủy sản có tốc độ tăng thấp nhất**, −3,1%; "
        "khu vực dịch vụ cao nhất, +1,95%.")
    assert claims["timeline"][4].text("vi") == (  # the fixture's one closure after 2020, dated 10 March 2022
        "Sau năm 2020, dữ liệu ghi nhận 1 lần đóng cửa khẩu hoặc tạm dừng thông quan, vào ngày 10/3/2022: quá trình "
        "phục hồi diễn ra xen giữa các sự kiện đó.")
    index = (1 - 0.0185) * 1.042 * 1.054 * 1.061  # 2020–2023 as printed, base 2019
    gap = 100 * (index / 1.068 ** 4 - 1)  # against "tăng bình quân 6,80%/năm" over 2016–2019
    text = claims["path"][0].text("vi")
    assert text.startswith("**Phần sản lượng bị mất chưa được bù đắp**: đến năm 2023, GRDP thấp hơn "
                           + f"{abs(gap):.2f}".replace(".", ",") + "% (")
    assert "so với quỹ đạo tăng 6,8%/năm" in text


def test_lang_son_sentences(lang_son):
    """The overview and trough as printed: 7 GRDP growth figures; "tăng 0,47%" in the first half of 2020."""
    text = lang_son.claims()["timeline"][0].text("vi")
    assert text.startswith("**Tăng trưởng xuống thấp nhất vào 6 tháng đầu năm 2020**: GRDP tăng 0,47%")
    assert "Tính chung cả năm 2020: tăng 2,03% (ước tính)." in text


def test_chart_words_are_vietnamese(lang_son):
    """Titles, lanes, event labels, the benchmark line and the path's series: no English."""
    fig = lang_son.growth_chart()
    words = [fig.axes[0].get_title(), *[t.get_text() for ax in fig.axes for t in ax.get_yticklabels()],
             *[t.get_text() for ax in fig.axes for t in ax.texts]]
    lanes = [t.get_text() for t in fig.axes[-1].get_yticklabels()]
    assert lanes and not {"covid", "border", "digital", "policy"} & set(lanes)  # the category codes, named
    assert "Đóng cửa khẩu: các cửa khẩu phụ" in words  # kind "closure", crossing "auxiliary gates"
    assert any(w.startswith("bình quân giai đoạn 2004–2018: 7,86%") for w in words)
    assert [w for w in words if english_in(w)] == []
    frame = lang_son.path_frame()
    assert english_in(" ".join([*frame["path"].unique(), *frame["unit"].unique()])) == []


def test_english_edition_unchanged_by_the_vietnamese_names(lang_son):
    """The English edition keeps the sources' own reliability word and crossings."""
    en = covid.Study(Scope(LANG_SON))
    texts = [c.text() for c in en.claims()["gaps"] if c.id == "covid.unofficial"]
    assert texts and all(" press source" in t for t in texts)


# --- the notebook's Markdown twins ----------------------------------------------------------------------------

def _cells():
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def test_every_markdown_cell_has_a_vietnamese_twin():
    cells = _cells()
    md = [(i, c) for i, c in enumerate(cells) if c["cell_type"] == "markdown"]
    en = [(i, c) for i, c in md if "lang-en" in c.get("metadata", {}).get("tags", [])]
    assert len(en) * 2 == len(md)
    for i, c in en:
        twin = cells[i + 1]
        assert "lang-vi" in twin["metadata"].get("tags", []) and twin["metadata"]["jupyter"]["source_hidden"]
        en_text, vi_text = "".join(c["source"]), "".join(twin["source"])
        assert en_text.startswith("#") == vi_text.startswith("#")
        assert re.match(r"#+ ", en_text) is None or re.match(r"#+ ", en_text).group(0) == re.match(r"#+ ", vi_text).group(0)
        assert unicodedata.is_normalized("NFC", vi_text)
        assert english_in(vi_text) == [], vi_text


def test_language_parameter_reaches_the_scope():
    code = [("".join(c["source"]), c["metadata"]) for c in _cells() if c["cell_type"] == "code"]
    assert 'language = "en"' in code[0][0] and "parameters" in code[0][1]["tags"]
    assert "include_derived, language)" in code[1][0]


# --- every wording renders: one set of values for all cases, in both languages --------------------------------

def _values() -> dict:
    pct = lambda v, **kw: Fig(v, v - 0.005, v + 0.005, "%", signed=True, show_range=False, **kw)  # noqa: E731
    y = lambda year: Span(f"{year}-01-01", f"{year}-12-31")  # noqa: E731
    return {
        "province": "Kỳ Lĩnh", "window": Span("2019-01-01", "2023-12-31"), "n": 2, "n_years": 4, "n_halves": 1,
        "n_est": 2, "bench": Fig(6.8, 6.795, 6.805, "%"), "bench_period": Span("2016-01-01", "2019-12-31", reference=True),
        "bench_kind": "tốc độ tăng bình quân trước đại dịch", "period": H1_2020, "growth": pct(-1.85),
        "other": pct(0.62), "other_period": Y2020, "other_estimate": True, "year": Y2020, "full": pct(-1.85),
        "half": pct(0.62), "full_estimate": False, "measures": [("giãn cách xã hội", "Hữu Nghị", Day("2020-04-15"))],
        "first": Day("2020-03-10"), "last": Day("2022-03-10"), "after": Y2020, "years": y(2021), "low": pct(4.2),
        "high": pct(6.1), "waves": 2, "shut": 1, "gap": Fig(-12.09, -12.13, -12.06, "%", show_range=True),
        "rate": Fig(6.8, 6.795, 6.805, "%"), "cum": Fig(-50.2, -50.3, -50.1, "%", show_range=False), "base": y(2019),
        "n_bench": 3, "spread_low": Fig(-12.09, unit="%", signed=True), "spread_high": Fig(-10.43, unit="%", signed=True),
        "missing": [2021], "least_name": "khu vực dịch vụ", "least": pct(1.17), "most_name": "khu vực công nghiệp và xây dựng",
        "most": pct(3.18), "estimate": True, "later": Span("2021-01-01", "2021-06-30"), "faster": ["khu vực dịch vụ"],
        "slower": [], "n_common": 3, "estimated": [2020], "n_missing": 1, "name": "chỉ số sản xuất công nghiệp (IIP)",
        "avg": Fig(9.0, 8.95, 9.05, "%"), "avg_period": Span("2016-01-01", "2019-12-31", reference=True),
        "steps": [(pct(-4.2), Y2020), (pct(6.5), y(2021))], "full_years": [2020, 2021], "day": Day("2023-01-08"),
        "items": [("chỉ số sản xuất công nghiệp (IIP)", pct(2.83))], "df": 0, "trend": [y(2019), y(2023)],
        "terms": [Y2020, y(2021), y(2022)], "term": Fig(5.09, unit="%"), "of": 7, "periods": [Y2020, H1_2020],
        "reliability": "báo chí", "publisher": "Báo Kỳ Lĩnh", "title": "Tiêu đề của bài báo", "shortfall": Fig(10.5, digits=1),
        "own": Fig(4.2, digits=1), "national_part": Fig(6.3, digits=1), "at_national": Fig(119.8, digits=1),
        "actual": Fig(1234.5, digits=1), "share": Fig(60.0, unit="%", digits=0), "text": "Kỳ Lĩnh giáp biên giới.",
    }


_OVERRIDES = {"covid.missing_grdp": {"years": [2019, 2022]}, "covid.shared": {"year": 2023, "years": [2020, 2021]},
              "covid.path_caveat": {"missing": [Span("2021-01-01", "2021-12-31")]},
              "covid.recovery": {"years": Span("2021-01-01", "2023-12-31")}}


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_case_renders(language):
    """Each (claim id, case) renders from the values its study gives (numbers in vi the Vietnamese way)."""
    keys = sorted(k for k in wording.cases("en") if k[0].startswith("covid.") and k[0] not in (
        "covid.word", "covid.name", "covid.label", "covid.lane"))
    assert len(keys) > 80
    for claim_id, case in keys:
        claim = Claim(claim_id, case, _values() | _OVERRIDES.get(claim_id, {}))
        text = claim.text(language)
        assert text.strip(), (claim_id, case)
        if language == "vi":
            assert english_in(text) == [], (claim_id, case, text)
    vi = Claim("covid.shared", "no_shortfall", _values() | _OVERRIDES["covid.shared"]).text("vi")
    assert "(1.234,5 so với 6,8%)" in vi  # thousands with a dot, decimals with a comma
