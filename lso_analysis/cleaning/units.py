"""Canonical units and conversion between units of the same dimension."""

from __future__ import annotations

# unit → (dimension, size in the dimension's base unit)
CANONICAL_UNITS: dict[str, tuple[str, float]] = {
    "VND billion": ("VND", 1e9),
    "VND million": ("VND", 1e6),
    "USD million": ("USD", 1e6),
    "thousand tonnes": ("mass", 1e3),
    "tonnes": ("mass", 1.0),
    "ha": ("area", 1.0),
    "km": ("length", 1.0),
    "%": ("percent", 1.0),
    "pp": ("percentage_points", 1.0),
    "count": ("count", 1.0),
    "rank": ("rank", 1.0),
    "times": ("times", 1.0),
    "points": ("points", 1.0),
    "months": ("duration_months", 1.0),
    "hours": ("duration", 60.0),
    "minutes": ("duration", 1.0),
    "USD": ("USD", 1.0),
}

MEASURES = ("level", "growth_pct", "plan_pct", "share_pct", "change_abs", "change_pp", "rank", "ratio")
STATUSES = ("actual", "estimate", "target")
#: Release of a figure printed in more than one: first estimate, later revision, yearbook final ("" = not stated).
VINTAGES = ("first", "revised", "final")
BOUNDS = ("exact", "approx", "lower", "upper", "range")
RELIABILITIES = ("official", "press", "mirror", "low")
THEMES = ("economy", "trade", "fiscal", "investment", "enterprise", "production", "covid", "digital", "social")


def conversion_factor(from_unit: str, to_unit: str) -> float:
    """Multiply a value in ``from_unit`` by this to express it in ``to_unit``.

    Raises:
        ValueError: the units are unknown or measure different things.

    Example:
        >>> conversion_factor("VND million", "VND billion")
        0.001
    """
    try:
        dim_a, size_a = CANONICAL_UNITS[from_unit]
        dim_b, size_b = CANONICAL_UNITS[to_unit]
    except KeyError as exc:
        raise ValueError(f"unknown unit {exc.args[0]!r}; known: {', '.join(CANONICAL_UNITS)}") from None
    if dim_a != dim_b:
        raise ValueError(f"cannot convert {from_unit!r} to {to_unit!r}: they measure different things")
    return size_a / size_b
