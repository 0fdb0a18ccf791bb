"""Interval arithmetic on (low, high) pairs where NaN marks an unbounded side."""

from __future__ import annotations

import math
from typing import Literal

Interval = tuple[float, float]
RatioReading = Literal["times", "plus", "either"]

_INF = math.inf


def _open(iv: Interval) -> tuple[float, float]:
    """NaN sides to -inf/+inf, checked: low must not exceed high."""
    low, high = (float(iv[0]), float(iv[1]))
    low = -_INF if math.isnan(low) else low
    high = _INF if math.isnan(high) else high
    if low > high:
        raise ValueError(f"empty interval: low {low} > high {high}")
    return low, high


def _close(low: float, high: float) -> Interval:
    """Infinite sides back to NaN (the observations table's convention)."""
    return (math.nan if math.isinf(low) else low, math.nan if math.isinf(high) else high)


def _mul0(a: float, b: float) -> float:
    # On intervals of real numbers 0 * inf is 0: the infinite side is never attained.
    return 0.0 if a == 0.0 or b == 0.0 else a * b


def point(x: float) -> Interval:
    """The degenerate interval [x, x]."""
    return (float(x), float(x))


def width(iv: Interval) -> float:
    """High minus low; ``inf`` when a side is unbounded."""
    low, high = _open(iv)
    return high - low


def contains(iv: Interval, x: float) -> bool:
    """True when ``x`` lies in the closed interval (NaN sides unbounded)."""
    low, high = _open(iv)
    return bool(low <= x <= high)


def overlaps(a: Interval, b: Interval) -> bool:
    """True when the two closed intervals share at least one point."""
    a_low, a_high = _open(a)
    b_low, b_high = _open(b)
    return bool(a_low <= b_high and b_low <= a_high)


def hull(*ivs: Interval) -> Interval:
    """The smallest interval containing all of ``ivs``."""
    opened = [_open(iv) for iv in ivs]
    return _close(min(lo for lo, _ in opened), max(hi for _, hi in opened))


def add(a: Interval, b: Interval) -> Interval:
    """[a] + [b].

    >>> add((1, 2), (10, float("nan")))
    (11.0, nan)
    """
    a_low, a_high = _open(a)
    b_low, b_high = _open(b)
    return _close(a_low + b_low, a_high + b_high)


def sub(a: Interval, b: Interval) -> Interval:
    """[a] - [b] = [a_low - b_high, a_high - b_low].

    >>> sub((10, 12), (1, 2))
    (8.0, 11.0)
    """
    a_low, a_high = _open(a)
    b_low, b_high = _open(b)
    return _close(a_low - b_high, a_high - b_low)


def mul(a: Interval, b: Interval) -> Interval:
    """[a] × [b] for any signs.

    >>> mul((-2, 3), (4, 5))
    (-10.0, 15.0)
    """
    a_low, a_high = _open(a)
    b_low, b_high = _open(b)
    products = [_mul0(x, y) for x in (a_low, a_high) for y in (b_low, b_high)]
    return _close(min(products), max(products))


def reciprocal(b: Interval) -> Interval:
    """1 / [b]; unbounded on both sides when [b] straddles zero.

    Raises:
        ZeroDivisionError: when [b] is exactly [0, 0].
    """
    low, high = _open(b)
    if low == 0.0 and high == 0.0:
        raise ZeroDivisionError("interval [0, 0] has no reciprocal")
    if low > 0.0 or high < 0.0:
        return _close(1.0 / high if not math.isinf(high) else 0.0, 1.0 / low if not math.isinf(low) else 0.0)
    if low == 0.0:  # (0, high]: the true divisor is positive
        return _close(1.0 / high if not math.isinf(high) else 0.0, _INF)
    if high == 0.0:  # [low, 0): negative
        return _close(-_INF, 1.0 / low if not math.isinf(low) else 0.0)
    return _close(-_INF, _INF)


def _quotient(x: float, y: float, zero_side: float) -> float:
    """x / y at a corner; y == 0 stands for the limit from ``zero_side`` (+1 or -1)."""
    if y == 0.0:
        return 0.0 if x == 0.0 else math.copysign(_INF, x) * zero_side
    if math.isinf(y):
        return math.nan if math.isinf(x) else 0.0  # inf/inf: bounded by the other corners
    return x / y


def div(a: Interval, b: Interval) -> Interval:
    """[a] / [b]; unbounded on both sides when [b] straddles zero.

    Corner quotients are computed directly (not as a × 1/b) so that, for true values
    inside the inputs, ``x / y`` rounds into the result.

    >>> div((10, 20), (2, 4))
    (2.5, 10.0)
    >>> div((1, 2), (0, 4))
    (0.25, nan)

    Raises:
        ZeroDivisionError: when [b] is exactly [0, 0].
    """
    a_low, a_high = _open(a)
    b_low, b_high = _open(b)
    if b_low == 0.0 and b_high == 0.0:
        raise ZeroDivisionError("division by the interval [0, 0]")
    if b_low < 0.0 < b_high:
        return _close(-_INF, _INF)
    zero_side = 1.0 if b_low >= 0.0 else -1.0
    quotients = [_quotient(x, y, zero_side) for x in (a_low, a_high) for y in (b_low, b_high)]
    quotients = [q for q in quotients if not math.isnan(q)]
    return _close(min(quotients), max(quotients))


def clip_nonneg(iv: Interval) -> Interval:
    """Intersect with [0, inf): for quantities that cannot be negative (flows, counts)."""
    low, high = _open(iv)
    return _close(max(low, 0.0), max(high, 0.0))


def growth_factor(growth_pct: Interval) -> Interval:
    """1 + g/100, with g not below -100 % (a quantity cannot fall by more than all of it)."""
    g_low, g_high = _open(growth_pct)
    g_low = max(g_low, -100.0)
    if g_high < -100.0:
        raise ValueError(f"growth below -100 %: {growth_pct}")
    return _close(1.0 + g_low / 100.0, 1.0 + g_high / 100.0)


def base_from_growth(level: Interval, growth_pct: Interval) -> Interval:
    """The base-period level implied by a level and its growth: level / (1 + g/100).

    Args:
        level: the current level's interval, in its unit.
        growth_pct: the growth interval in percent ("giảm 42,9%" → (-42.95, -42.85)).

    Returns:
        The base level's interval, in the level's unit.

    >>> low, high = base_from_growth((4269.5, 4270.5), (51.5, 52.5))
    >>> round(low, 1), round(high, 1)
    (2799.7, 2818.8)
    """
    return div(level, growth_factor(growth_pct))


def whole_from_share(part: Interval, share_pct: Interval) -> Interval:
    """The whole implied by a part and its share in percent: part / (share/100).

    Used both for plans ("1.320, đạt 24% kế hoạch" → the plan) and for wholes
    ("624.405 tài khoản … 80% dân số" → the population).

    >>> whole_from_share((99.5, 100.5), (49.95, 50.05))[1] > 200
    True
    """
    s_low, s_high = _open(share_pct)
    return div(part, _close(max(s_low, 0.0) / 100.0, s_high / 100.0))


plan_from_share = whole_from_share


def month_from_ytd(ytd_m: Interval, ytd_prev: Interval, nonneg: bool = True) -> Interval:
    """Month M from the January–M and January–(M-1) totals: ytd_M - ytd_{M-1}.

    Args:
        ytd_m: total for January to month M.
        ytd_prev: total for January to month M-1.
        nonneg: clip at zero (true for flows such as turnover or revenue).

    >>> month_from_ytd((2389.5, 2390.5), (2009.5, 2010.5))
    (379.0, 381.0)
    """
    iv = sub(ytd_m, ytd_prev)
    return clip_nonneg(iv) if nonneg else iv


def ratio_factor(ratio: Interval, reading: RatioReading = "times") -> Interval:
    """The multiplier now/before that a "… r lần" statement allows.

    ``times`` (default): "gấp r lần" and, in ordinary Vietnamese usage, "tăng r lần"
    mean now = r × before. ``plus`` is the literal reading of "tăng (thêm) r lần":
    now = (1 + r) × before. ``either`` is the hull of both, for text where the
    reading cannot be decided.
    """
    r_low, r_high = _open(ratio)
    if reading == "times":
        return _close(r_low, r_high)
    if reading == "plus":
        return _close(r_low + 1.0, r_high + 1.0)
    if reading == "either":
        return _close(r_low, r_high + 1.0)
    raise ValueError(f"unknown ratio reading {reading!r}; use 'times', 'plus' or 'either'")


def before_from_ratio(now: Interval, ratio: Interval, reading: RatioReading = "times") -> Interval:
    """The earlier value implied by "now is r times before": before = now / factor.

    "6,67%, tăng hơn 2 lần so với năm 2020" gives ratio (2, NaN), so the 2020 value
    is at most 6.675 / 2 under either reading: a lower-bounded ratio only ever
    caps the earlier value, and the ``times`` reading gives the weaker (safer) cap.

    >>> before_from_ratio((6.665, 6.675), (2.0, float("nan")))
    (0.0, 3.3375)
    """
    return div(now, ratio_factor(ratio, reading))
