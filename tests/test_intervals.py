"""Interval arithmetic: hand-worked cases and the containment property."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lso_analysis.analysis import intervals as iv

NAN = math.nan


def same(a, b, places=6):
    return all((math.isnan(x) and math.isnan(y)) or round(x, places) == round(y, places) for x, y in zip(a, b))


@pytest.mark.parametrize(
    ("func", "a", "b", "expected"),
    [
        (iv.add, (1, 2), (10, 20), (11, 22)),
        (iv.add, (1, NAN), (10, 20), (11, NAN)),
        (iv.sub, (10, 12), (1, 2), (8, 11)),
        (iv.sub, (10, 12), (1, NAN), (NAN, 11)),
        (iv.mul, (-2, 3), (4, 5), (-10, 15)),
        (iv.mul, (-2, -1), (-5, -4), (4, 10)),
        (iv.mul, (0, 1), (1, NAN), (0, NAN)),  # 0 × unbounded stays 0
        (iv.div, (10, 20), (2, 4), (2.5, 10)),
        (iv.div, (-20, -10), (2, 4), (-10, -2.5)),
        (iv.div, (10, 20), (-4, -2), (-10, -2.5)),
        (iv.div, (1, 2), (0, 4), (0.25, NAN)),  # divisor (0, 4]: no upper bound
        (iv.div, (1, 2), (-1, 1), (NAN, NAN)),  # straddles zero
        (iv.div, (10, 20), (2, NAN), (0, 10)),
    ],
)
def test_hand_worked_arithmetic(func, a, b, expected):
    assert same(func(a, b), expected)


def test_division_by_zero_interval_raises():
    with pytest.raises(ZeroDivisionError):
        iv.div((1, 2), (0, 0))


def test_empty_interval_raises():
    with pytest.raises(ValueError, match="empty interval"):
        iv.add((3, 1), (0, 0))


@pytest.mark.parametrize(
    ("level", "growth", "expected"),
    [
        # issue 5: "4.270 triệu USD, tăng 52%" read with half-unit bounds on the last digit
        ((4269.5, 4270.5), (51.5, 52.5), (2799.7, 2818.8)),
        # SPEC §3: trailing zeros of an integer are not significant, 4.270 → 4265..4275
        ((4265.0, 4275.0), (51.5, 52.5), (2796.7, 2821.8)),
        # "1.320 triệu USD, giảm 42,9% so với cùng kỳ năm 2019" → H1 2019
        ((1315.0, 1325.0), (-42.95, -42.85), (2301.0, 2322.5)),
        # "hơn 142 triệu USD, tăng 9,23%" → 2021 only bounded below
        ((142.0, NAN), (9.225, 9.235), (130.0, NAN)),
    ],
)
def test_base_from_growth_hand_worked(level, growth, expected):
    low, high = iv.base_from_growth(level, growth)
    assert round(low, 1) == expected[0]
    assert (math.isnan(high) and math.isnan(expected[1])) or round(high, 1) == expected[1]


def test_growth_unbounded_below_is_capped_at_minus_100():
    # "giảm hơn 40%": g ≤ -40, and g ≥ -100 by nature, so the base is ≥ level / 0.6
    low, high = iv.base_from_growth((60, 60), (NAN, -40))
    assert round(low, 6) == 100 and math.isnan(high)


def test_plan_and_whole_from_share():
    # "1.320, đạt 24% kế hoạch": 24 % → [23.5, 24.5]
    low, high = iv.plan_from_share((1315, 1325), (23.5, 24.5))
    assert (round(low), round(high)) == (5367, 5638)
    # "624.405 tài khoản … 80% dân số"
    low, high = iv.whole_from_share((624404.5, 624405.5), (79.5, 80.5))
    assert (round(low), round(high)) == (775658, 785416)


def test_month_from_ytd_clips_at_zero():
    assert iv.month_from_ytd((100, 110), (105, 120)) == (0.0, 5.0)
    assert iv.month_from_ytd((100, 110), (105, 120), nonneg=False) == (-20.0, 5.0)


@pytest.mark.parametrize(
    ("reading", "expected"),
    [("times", (6.665 / 2.5, 6.675 / 1.5)), ("plus", (6.665 / 3.5, 6.675 / 2.5)), ("either", (6.665 / 3.5, 6.675 / 1.5))],
)
def test_ratio_readings_for_an_exact_ratio(reading, expected):
    assert same(iv.before_from_ratio((6.665, 6.675), (1.5, 2.5), reading), expected)


def test_ratio_lower_bound_caps_the_earlier_value_under_every_reading():
    # "GRDP 2021 đạt 6,67%, tăng hơn 2 lần so với năm 2020": 2020 ≤ 3.3375 (2,03 % fits)
    for reading in ("times", "plus", "either"):
        low, high = iv.before_from_ratio((6.665, 6.675), (2.0, NAN), reading)
        assert low == 0.0 and high <= 3.3375 and iv.contains((low, high), 2.03)
    with pytest.raises(ValueError, match="unknown ratio reading"):
        iv.ratio_factor((2, 2), "double")


def test_helpers():
    assert iv.width((1, NAN)) == math.inf
    assert iv.overlaps((1, 2), (2, 3)) and not iv.overlaps((1, 2), (2.5, NAN))
    assert iv.overlaps((NAN, 0), (-5, -4))
    assert same(iv.hull((1, 2), (0, 1.5), (3, NAN)), (0, NAN))
    assert iv.contains((NAN, NAN), 1e300)


# --- property: true values inside the inputs give a true result inside the output ---

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def interval_and_value(draw, low=-1e6, high=1e6):
    """An interval (NaN sides allowed) and a true value inside it."""
    a = draw(st.floats(min_value=low, max_value=high))
    b = draw(st.floats(min_value=low, max_value=high))
    lo, hi = min(a, b), max(a, b)
    x = draw(st.floats(min_value=lo, max_value=hi))
    open_low, open_high = draw(st.booleans()), draw(st.booleans())
    if open_low:
        x = draw(st.floats(min_value=low - 1e6, max_value=x))
    if open_high:
        x = draw(st.floats(min_value=x, max_value=high + 1e6)) if not open_low else x
    return (NAN if open_low else lo, NAN if open_high else hi), x


@settings(max_examples=300, deadline=None)
@given(interval_and_value(), interval_and_value())
def test_add_sub_mul_contain_the_truth(a, b):
    (ia, x), (ib, y) = a, b
    assert iv.contains(iv.add(ia, ib), x + y)
    assert iv.contains(iv.sub(ia, ib), x - y)
    assert iv.contains(iv.mul(ia, ib), x * y)


@settings(max_examples=300, deadline=None)
@given(interval_and_value(), interval_and_value())
def test_div_contains_the_truth(a, b):
    (ia, x), (ib, y) = a, b
    assume(y != 0.0)
    lo, hi = iv._open(ib)
    assume(not (lo == 0.0 and hi == 0.0))
    assert iv.contains(iv.div(ia, ib), x / y)


@settings(max_examples=300, deadline=None)
@given(interval_and_value(0, 1e5), interval_and_value(-99.9, 500))
def test_base_from_growth_contains_the_truth(level, growth):
    (il, x), (ig, g) = level, growth
    assume(1.0 + g / 100.0 > 0)
    assert iv.contains(iv.base_from_growth(il, ig), x / (1.0 + g / 100.0))


@settings(max_examples=300, deadline=None)
@given(interval_and_value(0, 1e7), interval_and_value(0.01, 400))
def test_whole_from_share_contains_the_truth(part, share):
    (ip, x), (is_, s) = part, share
    assume(s / 100.0 > 0)
    assert iv.contains(iv.whole_from_share(ip, is_), x / (s / 100.0))


@settings(max_examples=300, deadline=None)
@given(interval_and_value(0, 1e5), interval_and_value(0, 1e5))
def test_month_from_ytd_contains_the_truth(ytd, prev):
    (im, x), (ip, y) = ytd, prev
    assume(x >= y)  # a flow: January–M is never below January–(M-1)
    assert iv.contains(iv.month_from_ytd(im, ip), x - y)


@settings(max_examples=300, deadline=None)
@given(interval_and_value(0, 1e5), interval_and_value(0.01, 50), st.sampled_from(["times", "plus"]))
def test_before_from_ratio_contains_the_truth(now, ratio, reading):
    (in_, x), (ir, r) = now, ratio
    assume(r > 0)
    factor = r if reading == "times" else r + 1.0
    assert iv.contains(iv.before_from_ratio(in_, ir, reading), x / factor)
    assert iv.contains(iv.before_from_ratio(in_, ir, "either"), x / factor)


def test_doctests():
    import doctest

    from lso_analysis.analysis import intervals

    assert doctest.testmod(intervals).attempted > 0 and doctest.testmod(intervals).failed == 0
