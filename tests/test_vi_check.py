"""The checks of Vietnamese text (tests/vi_check.py): English sentences and English number notation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lso_analysis.present.narrative import fmt_value
from vi_check import english_sentences, number_convention_errors

# Sentences written for these tests, in the statistics office's Vietnamese.
VIETNAMESE = [
    "Tổng sản phẩm trên địa bàn (GRDP) 6 tháng đầu năm 2020 ước tính tăng 1,17% so với cùng kỳ năm trước.",
    "Kim ngạch xuất nhập khẩu qua các cửa khẩu trên địa bàn năm 2021 đạt 4.270 triệu USD, giảm 42,9%.",
    "Chỉ số sản xuất công nghiệp (IIP) quý II/2022 tăng 8,5%; thu ngân sách nhà nước trên địa bàn đạt hơn 142 tỷ đồng.",
    "Ngày 8/1/2023, các cửa khẩu mở lại; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tăng.",
    # Vietnamese syllables that are also English words, or look like them: never flagged.
    "Do đó, an ninh biên giới được bảo đảm; xe chở than đá, hàng may mặc, hàng in ấn và máy móc to lớn.",
    "So với kế hoạch, việc can thiệp kịp thời và thông tin trực tuyến (online) đã ban hành; hát then ở Lạng Sơn.",
    "Không có số liệu về COVID-19 trong bộ dữ liệu; chỉ số PCI và DTI xếp hạng 5/63.",
]


@pytest.mark.parametrize("text", VIETNAMESE)
def test_vietnamese_passes_both_checks(text):
    assert english_sentences(text) == []
    assert number_convention_errors(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("GRDP tăng 6,67%. The growth rate fell in the first half.", ["The growth rate fell in the first half."]),
        ("Kim ngạch đạt 4.270 triệu USD for 2021.", ["Kim ngạch đạt 4.270 triệu USD for 2021."]),  # one word is enough
        ("Tăng trưởng: n/a", ["Tăng trưởng: n/a"]),
        ("Trục hoành: H1 2020, Q2 2021", ["Trục hoành: H1 2020, Q2 2021"]),
        ("Nguồn: sources cited", ["Nguồn: sources cited"]),
        ("<table><tr><td>Năm</td><td>no data</td></tr></table>", ["no data"]),
        ('<p>Biểu đồ</p><img alt="Trade turnover by year" src="x.png">', ["Trade turnover by year"]),
        ("<h2>Sources</h2><p>Danh sách nguồn</p>", ["Sources"]),
        ("Published in March 2021.", ["Published in March 2021."]),
    ],
)
def test_english_is_found_sentence_by_sentence(text, flagged):
    assert english_sentences(text) == flagged


@pytest.mark.parametrize(
    "text",
    [
        "Theo bài “Lang Son's border trade rebounds in the first half” của VnExpress, kim ngạch tăng.",
        'Tiêu đề "Trade through the gates" được giữ như bản gốc.',
        "Nguồn: <cite>Border trade in the year of the pandemic</cite>.",
        "<small>(Nguồn: vnexpress-20210815-trade-rebound, customs-2022-annual)</small>",
        "7.794,52 (derived:base_from_growth:laodongen-20241200-budget#9)",
        "Mã chỉ tiêu `trade_turnover` và <code>the_value</code>; xem https://example.org/the-report-of-the-year.",
        "<style>.the { color: red }</style><p>Bảng số liệu</p>",
    ],
)
def test_quoted_titles_identifiers_code_and_urls_are_exempt(text):
    assert english_sentences(text) == []


def test_verbatim_source_titles_and_publishers_are_exempt():
    text = "<td>The Saigon Times</td><td>12 nguồn</td><td>Vietnam News Agency &amp; The Voice</td>"
    assert english_sentences(text) == ["The Saigon Times", "Vietnam News Agency & The Voice"]
    assert english_sentences(text, verbatim=["The Saigon Times", "Vietnam News Agency & The Voice"]) == []


def test_numbers_in_verbatim_titles_are_exempt():
    text = "Nguồn: Customs revenue down 47.1% in the first half, Customs News; thu giảm 47,1%."
    assert number_convention_errors(text) == ["47.1%"]
    assert number_convention_errors(text, verbatim=["Customs revenue down 47.1% in the first half"]) == []


def test_text_is_compared_in_nfc():
    decomposed = "Tha\u0302m the data"  # "Thâm" decomposed, then English
    assert english_sentences(decomposed) == ["Thâm the data"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("tăng 2.03%", ["2.03%"]),
        ("giảm −42.9% so với cùng kỳ", ["42.9%"]),
        ("đạt 1,234.5 tỷ đồng", ["1,234.5"]),
        ("1,234,567 lượt", ["1,234,567"]),
        ("tỷ lệ 0.5", ["0.5"]),
        ("tăng 6.67 %", ["6.67 %"]),
        ("ngày 2023-01-08", ["2023-01-08"]),
        ("hệ số 1.23456", ["1.23456"]),
        ("tăng 2,03%, 1.234,5 tỷ đồng, 4.270 triệu USD, 1.234.567 lượt, năm 2023, ngày 8/1/2023", []),
        ("phiên bản pandas 3.1.1, python 3.11.7; COVID-19; quý II/2022; 2019–2023", []),
        ("(Nguồn: vcn-2023-01-08-reopening)", []),  # a date inside an identifier is not a date in prose
        ("suy ra từ «USD 2,970 million» và «down 19.5%»", []),  # figures quoted as printed
        ("1,234 tấn", []),  # a Vietnamese decimal with three places: not English grouping
    ],
)
def test_number_conventions(text, found):
    assert number_convention_errors(text) == found


UNITS = ["%", "USD million", "VND billion", "count", "thousand tonnes", "pp"]


@given(x=st.floats(-1e7, 1e7, allow_nan=False), unit=st.sampled_from(UNITS), signed=st.booleans())
def test_every_vietnamese_figure_passes_and_every_english_decimal_is_caught(x, unit, signed):
    vi = fmt_value(x, unit, x - abs(x) * 0.05, x + abs(x) * 0.05, signed=signed, language="vi")
    assert number_convention_errors(vi) == [], vi
    en = fmt_value(x, unit, x - abs(x) * 0.05, x + abs(x) * 0.05, signed=signed, language="en")
    if "." in en:  # the English formatter wrote a decimal point: the check must see it
        assert number_convention_errors(en), en
