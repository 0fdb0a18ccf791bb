import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lso_analysis import LsoParseError, number_bounds, parse_number, parse_quantity

NAN = float("nan")


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("1.585,0", "vi", 1585.0),
        ("2.390", "vi", 2390.0),
        ("0,47", "vi", 0.47),
        ("02", "vi", 2.0),
        ("39,3", "vi", 39.3),
        ("51.990,563", "vi", 51990.563),
        ("22.994,1", "vi", 22994.1),
        ("11.000", "vi", 11000.0),
        ("3,450", "en", 3450.0),
        ("1,077.6", "en", 1077.6),
        ("7.86", "en", 7.86),
        ("19777", "en", 19777.0),
    ],
)
def test_parse_number(text, lang, expected):
    assert parse_number(text, lang=lang) == expected


@pytest.mark.parametrize(
    "text, lang",
    [
        ("7.86", "vi"),  # English decimal point in a Vietnamese text: refuse, do not guess
        ("2.9", "vi"),  # a holiday date "2.9", not a number
        ("1.2345", "vi"),
        ("1,234.5", "vi"),
        ("1,5", "en"),
        ("1.234,5", "en"),
        ("", "vi"),
        ("abc", "vi"),
        ("12 34", "vi"),
    ],
)
def test_parse_number_refuses_ambiguous_input(text, lang):
    with pytest.raises(LsoParseError) as info:
        parse_number(text, lang=lang)
    assert isinstance(info.value, ValueError)
    assert repr(text) in str(info.value) or text == ""


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("6,67", 6.665, 6.675),
        ("1.585,0", 1584.95, 1585.05),
        ("4.270", 4265, 4275),  # trailing zeros of an integer are not significant
        ("11.000", 10500, 11500),
        ("142", 141.5, 142.5),
        ("0,47", 0.465, 0.475),
    ],
)
def test_number_bounds_follow_the_last_significant_digit(text, low, high):
    assert number_bounds(text) == pytest.approx((low, high))


# value, low, high, unit, bound, status, direction, out_of, footnote
QUANTITIES = [
    ("ước đạt 1.320 triệu USD", "vi", 1320, 1315, 1325, "USD million", "exact", "estimate", 0, None, None),
    ("giảm 42,9%", "vi", -42.9, -42.95, -42.85, "%", "exact", None, -1, None, None),
    ("tăng 0,47%", "vi", 0.47, 0.465, 0.475, "%", "exact", None, 1, None, None),
    ("39,3 %", "vi", 39.3, 39.25, 39.35, "%", "exact", None, 0, None, None),
    ("1.585,0 tỷ đồng", "vi", 1585.0, 1584.95, 1585.05, "VND billion", "exact", None, 0, None, None),
    ("2,5 nghìn tỷ đồng", "vi", 2500, 2450, 2550, "VND billion", "exact", None, 0, None, None),
    ("46,9 triệu đồng", "vi", 46.9, 46.85, 46.95, "VND million", "exact", None, 0, None, None),
    ("1,7 tỷ USD", "vi", 1700, 1650, 1750, "USD million", "exact", None, 0, None, None),
    ("159,1 nghìn tấn", "vi", 159.1, 159.05, 159.15, "thousand tonnes", "exact", None, 0, None, None),
    ("22.994,1 ha", "vi", 22994.1, 22994.05, 22994.15, "ha", "exact", None, 0, None, None),
    ("350 km", "vi", 350, 345, 355, "km", "exact", None, 0, None, None),
    ("258 doanh nghiệp", "vi", 258, 257.5, 258.5, "count", "exact", None, 0, None, None),
    ("06 hợp tác xã", "vi", 6, 5.5, 6.5, "count", "exact", None, 0, None, None),
    ("624.405 tài khoản", "vi", 624405, 624404.5, 624405.5, "count", "exact", None, 0, None, None),
    ("1.454,2 nghìn lượt", "vi", 1454200, 1454150, 1454250, "count", "exact", None, 0, None, None),
    ("khoảng 293 tỷ đồng", "vi", 293, 292.5, 293.5, "VND billion", "approx", None, 0, None, None),
    ("gần 1.900 triệu USD", "vi", 1900, 1850, 1950, "USD million", "approx", None, 0, None, None),
    ("hơn 142 triệu USD", "vi", 142, 142, NAN, "USD million", "lower", None, 0, None, None),
    ("trên 3.100 tỷ đồng", "vi", 3100, 3100, NAN, "VND billion", "lower", None, 0, None, None),
    ("dưới 5%", "vi", 5, NAN, 5, "%", "upper", None, 0, None, None),
    ("top 10", "en", 10, NAN, 10, None, "upper", None, 0, None, None),
    ("~24.2 billion USD", "en", 24200, 24150, 24250, "USD million", "approx", None, 0, None, None),
    ("> 2.000 xe", "vi", 2000, 2000, NAN, "count", "lower", None, 0, None, None),
    ("từ 7 đến 7,5%", "vi", 7.25, 7, 7.5, "%", "range", None, 0, None, None),
    ("13,5 đến 14 tiêu chí/xã", "vi", 13.75, 13.5, 14, "count", "range", None, 0, None, None),
    ("1.100 - 1.350 xe/ngày", "vi", 1225, 1100, 1350, "count", "range", None, 0, None, None),
    ("08/13", "vi", 8, 7.5, 8.5, None, "exact", None, 0, 13, None),
    ("thứ 16/63", "vi", 16, 15.5, 16.5, "rank", "exact", None, 0, 63, None),
    ("đứng thứ hai", "vi", 2, 1.5, 2.5, "rank", "exact", None, 0, None, None),
    ("giảm 54%38", "vi", -54, -54.5, -53.5, "%", "exact", None, -1, None, "38"),
    ("tăng hơn 2 lần", "vi", 2, 2, NAN, "times", "lower", None, 1, None, None),
    ("chiếm từ 10%", "vi", 10, 10, NAN, "%", "lower", None, 0, None, None),
    ("from 80% to less than 90%", "en", 85, 80, 90, "%", "range", None, 0, None, None),
    ("about two to five minutes", "en", 3.5, 2, 5, "minutes", "range", None, 0, None, None),
    ("giảm còn 20,5%", "vi", 20.5, 20.45, 20.55, "%", "exact", None, 0, None, None),
    ("hạ xuống 3%", "vi", 3, 2.5, 3.5, "%", "exact", None, 0, None, None),
    ("tăng lên 1.200 tỷ đồng", "vi", 1200, 1150, 1250, "VND billion", "exact", None, 0, None, None),
    ("xếp thứ 20/63 tỉnh", "vi", 20, 19.5, 20.5, "rank", "exact", None, 0, 63, None),
    ("phấn đấu 7%", "vi", 7, 6.5, 7.5, "%", "exact", "target", 0, None, None),
    ("dự ước 1.906,5 tỷ đồng", "vi", 1906.5, 1906.45, 1906.55, "VND billion", "exact", "estimate", 0, None, None),
    ("US$1,077.6 million", "en", 1077.6, 1077.55, 1077.65, "USD million", "exact", None, 0, None, None),
    ("VND2,270 billion", "en", 2270, 2265, 2275, "VND billion", "exact", None, 0, None, None),
    ("nearly US$1.9 billion", "en", 1900, 1850, 1950, "USD million", "approx", None, 0, None, None),
    ("more than 29,000 vehicles", "en", 29000, 29000, NAN, "count", "lower", None, 0, None, None),
    ("rose 52.7%", "en", 52.7, 52.65, 52.75, "%", "exact", None, 1, None, None),
    ("down 33.2%", "en", -33.2, -33.25, -33.15, "%", "exact", None, -1, None, None),
    ("44.2 million VND", "en", 44.2, 44.15, 44.25, "VND million", "exact", None, 0, None, None),
]


def _same(a, b):
    if b is None:
        return a is None
    if isinstance(b, float) and math.isnan(b):
        return isinstance(a, float) and math.isnan(a)
    if isinstance(b, (int, float)):
        return a == pytest.approx(b)
    return a == b


@pytest.mark.parametrize("text, lang, value, low, high, unit, bound, status, direction, out_of, footnote", QUANTITIES)
def test_parse_quantity(text, lang, value, low, high, unit, bound, status, direction, out_of, footnote):
    q = parse_quantity(text, lang=lang)
    got = (q.value, q.low, q.high, q.unit, q.bound, q.status, q.direction, q.out_of, q.footnote)
    want = (value, low, high, unit, bound, status, direction, out_of, footnote)
    for g, w in zip(got, want):
        assert _same(g, w), (text, got, want)


@pytest.mark.parametrize(
    "text",
    ["", "1" * 5000, "tăng mạnh", "1.5 tỷ đồng", "tăng 3% và 5%", "từ 9 đến 7%", "3,450 triệu USD và 2 xe"],
)
def test_parse_quantity_fails_closed(text):
    with pytest.raises(LsoParseError):
        parse_quantity(text)


def test_parse_quantity_keeps_unknown_words_as_tail_without_a_unit():
    q = parse_quantity("12 con trâu")
    assert q.unit is None and q.tail == "12 con trâu"[3:]


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=3))
def test_vietnamese_notation_round_trips(n, decimals):
    """Any number written in Vietnamese notation reads back to itself, inside its bounds."""
    value = n / 10**decimals
    integer, _, frac = f"{value:.{decimals}f}".partition(".")
    grouped = f"{int(integer):,}".replace(",", ".")
    printed = grouped + ("," + frac if decimals else "")
    assert parse_number(printed) == pytest.approx(value)
    low, high = number_bounds(printed)
    assert low <= value <= high
    assert parse_number(f"{int(integer):,}" + ("." + frac if decimals else ""), lang="en") == pytest.approx(value)


@given(st.text(max_size=60))
def test_parse_quantity_never_crashes_on_text(text):
    try:
        q = parse_quantity(text)
    except LsoParseError:
        return
    assert math.isnan(q.low) or math.isnan(q.high) or q.low <= q.high
    assert math.isnan(q.low) or q.low <= q.value + 1e-9
    assert math.isnan(q.high) or q.value <= q.high + 1e-9


@pytest.mark.parametrize(
    "text, word",
    [
        ("banana 12 tỷ đồng", "banana"),
        ("ước đạt chừng như 5%", "như"),
        ("tăng vọt 5%", "vọt"),
    ],
)
def test_a_word_before_the_figure_must_be_placed(text, word):
    with pytest.raises(LsoParseError) as err:
        parse_quantity(text)
    assert repr(word) in str(err.value) and repr(text) in str(err.value)


@pytest.mark.parametrize("text", ["100 xe trở lên", "5% trở xuống", "1,000 trucks or more", "3 ha at least"])
def test_a_qualifier_after_the_figure_is_refused_not_ignored(text):
    with pytest.raises(LsoParseError):
        parse_quantity(text, lang="en" if "trucks" in text or "at least" in text else "vi")


@pytest.mark.parametrize(
    "text, kept",
    [("372 xe tồn", "tồn"), ("680 more", "more"), ("300-400 vehicles per day", "per day")],
)
def test_words_after_the_unit_are_kept_as_the_tail(text, kept):
    assert parse_quantity(text, lang="en" if "vehicles" in text or "more" in text else "vi").tail == kept


_QUALIFIED = st.sampled_from(["", "ước đạt ", "khoảng ", "gần ", "hơn ", "trên ", "dưới ", "tăng ", "giảm ", "đạt "])
_UNITS = st.sampled_from(["%", " tỷ đồng", " triệu USD", " xe", " ha", ""])


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=3), _QUALIFIED, _UNITS)
def test_the_interval_contains_the_printed_value(n, decimals, qualifier, unit):
    """Whatever the qualifier, the interval holds the figure as printed (signed, in the canonical unit)."""
    value = n / 10**decimals
    integer, _, frac = f"{value:.{decimals}f}".partition(".")
    printed = f"{int(integer):,}".replace(",", ".") + ("," + frac if decimals else "")
    q = parse_quantity(f"{qualifier}{printed}{unit}")
    scale = {" tỷ đồng": 1, " triệu USD": 1}.get(unit, 1)
    signed = -value * scale if qualifier == "giảm " else value * scale
    assert q.value == pytest.approx(signed)
    assert math.isnan(q.low) or q.low <= signed + 1e-9
    assert math.isnan(q.high) or signed <= q.high + 1e-9
    if qualifier in ("hơn ", "trên "):
        assert q.low == pytest.approx(value) and math.isnan(q.high)
    if qualifier == "dưới ":
        assert math.isnan(q.low) and q.high == pytest.approx(value)


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_a_printed_range_is_its_own_interval(a, width):
    b = a + width
    fmt = lambda x: f"{x:,}".replace(",", ".")
    q = parse_quantity(f"từ {fmt(a)} đến {fmt(b)} xe")
    assert (q.low, q.high, q.bound) == (a, b, "range") and q.low <= q.value <= q.high


def test_every_qualifier_the_extractor_extends_over_is_placed():
    from lso_analysis.extract.figures import _QUALIFIERS

    for word in sorted(_QUALIFIERS):
        parse_quantity(f"{word} 12 tỷ đồng")  # raises if the word is not in the grammar


@pytest.mark.parametrize("text, value, low, high", [
    ("-9,77", -9.77, -9.775, -9.765),          # a minus sign in a table column of growth rates
    ("âm 6,18%", -6.18, -6.185, -6.175),       # "âm": negative growth
    ("suy giảm -6,78%", -6.78, -6.785, -6.775),  # the word and the sign say the same once, not twice
    ("1.100 - 1.350", 1225.0, 1100.0, 1350.0),  # a dash between two numbers is still a range
])
def test_negative_figures(text, value, low, high):
    q = parse_quantity(text)
    assert (q.value, q.low, q.high) == pytest.approx((value, low, high))


@pytest.mark.parametrize(
    "text, lang, value, direction",
    [
        ("đạt tới 12,4%", "vi", 12.4, 0),  # emphasis on the level reached: read as printed, no bound
        ("tăng nhẹ 0,35%", "vi", 0.35, 1),
        ("giảm nhẹ 1,2%", "vi", -1.2, -1),
        ("suy giảm 3,5%", "vi", -3.5, -1),
        ("tăng trưởng 6,4%", "vi", 6.4, 0),  # growth, named: not a rise
        ("tăng trưởng -2,15%", "vi", -2.15, -1),  # signed by the minus printed
        ("tăng trưởng âm 2,15%", "vi", -2.15, -1),
        ("tăng bình quân 6,9%", "vi", 6.9, 1),
        ("bình quân 8%", "vi", 8.0, 0),
        ("en hausse de 7,5%", "vi", 7.5, 1),  # French: ',' marks decimals, as in Vietnamese
        ("en baisse de 2,1%", "vi", -2.1, -1),
        ("expanded 5.6 percent", "en", 5.6, 1),
        ("surge of 4.25 percent", "en", 4.25, 1),
        ("surged 12%", "en", 12.0, 1),
        ("reaching 96%", "en", 96.0, 0),
        ("as much as 2.5 times higher", "en", 2.5, 0),
    ],
)
def test_verbs_of_rising_and_falling_and_emphasis(text, lang, value, direction):
    q = parse_quantity(text, lang=lang)
    assert (q.value, q.direction, q.bound) == (pytest.approx(value), direction, "exact")
    assert q.low < q.value < q.high


@pytest.mark.parametrize("text, word", [
    ("tăng vọt nhẹ 5%", "vọt"),  # the adverb of degree belongs to the verb; an unknown word is still named
    ("nhẹ tăng 5%", "nhẹ"),  # 'nhẹ' alone (not after a verb) is not placed
    ("tới 5%", "tới"),  # 'tới' is placed only in 'đạt tới'
    ("as much 5%", "as"),
    ("en 5%", "en"),
])
def test_new_words_are_placed_only_in_their_phrase(text, word):
    with pytest.raises(LsoParseError) as err:
        parse_quantity(text, lang="en" if text.startswith("as") else "vi")
    assert repr(word) in str(err.value)
