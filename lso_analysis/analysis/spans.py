"""Date-span helpers for derived rows: period kind from dates, shifted bases, annualising factors."""

from __future__ import annotations

import pandas as pd

from lso_analysis.cleaning.periods import kind_for_span

DAYS_PER_YEAR = 365.25


def months_spanned(start: pd.Timestamp, end: pd.Timestamp) -> int | None:
    """Whole calendar months from ``start`` (a 1st) to ``end`` (a month end), else None.

    >>> months_spanned(pd.Timestamp("2021-01-01"), pd.Timestamp("2021-07-31"))
    7
    """
    if pd.isna(start) or pd.isna(end) or start.day != 1 or not end.is_month_end:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def period_kind(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """The SPEC §3 ``period_kind`` of a span given by its dates (the cleaner's own rule).

    >>> period_kind(pd.Timestamp("2020-01-01"), pd.Timestamp("2020-06-30"))
    'half'
    """
    if pd.isna(start) or pd.isna(end):
        return "other"
    return kind_for_span(pd.Timestamp(start).date(), pd.Timestamp(end).date())


def is_full_year(start: pd.Timestamp, end: pd.Timestamp) -> bool:
    """True for 1 January to 31 December of one year."""
    if pd.isna(start) or pd.isna(end):
        return False
    return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year


def shift_like(template: dict, start: pd.Timestamp, end: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The base a derived growth-like row gets: the template's period→base offset applied to [start, end].

    A 2021 growth "so với năm 2020" used to derive a 2020 growth gives that 2020 growth a 2019 base.
    Rows whose template has no base get (NaT, NaT).
    """
    if pd.isna(template.get("base_start")) or pd.isna(template.get("period_start")):
        return pd.NaT, pd.NaT
    p, b = pd.Timestamp(template["period_start"]), pd.Timestamp(template["base_start"])
    months = (p.year - b.year) * 12 + p.month - b.month
    base_start = pd.Timestamp(start) - pd.DateOffset(months=months)
    base_end = pd.Timestamp(end) - pd.DateOffset(months=months)
    if pd.Timestamp(template["base_end"]).is_month_end:
        base_end = base_end + pd.offsets.MonthEnd(0)
    return base_start, base_end


def annual_factor(start: pd.Timestamp, end: pd.Timestamp) -> float:
    """Multiply a flow over [start, end] by this to put it on a per-year scale (12/months or days).

    >>> annual_factor(pd.Timestamp("2022-01-01"), pd.Timestamp("2022-06-30"))
    2.0
    """
    months = months_spanned(start, end)
    if months:
        return 12.0 / months
    days = (pd.Timestamp(end) - pd.Timestamp(start)).days + 1
    return DAYS_PER_YEAR / days
