"""Periods and dates in words: the one period label of the package, long or short, English or Vietnamese."""

from __future__ import annotations

import pandas as pd

from lso_analysis.present import resolve

_MONTHS = "January February March April May June July August September October November December".split()
_ORDINAL = ("first", "second", "third", "fourth")
_ROMAN = ("I", "II", "III", "IV")


def _span(start, end) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    s = pd.Timestamp(start) if start is not None else pd.NaT
    e = pd.Timestamp(end) if end is not None and not pd.isna(end) else s
    if pd.isna(s):
        return None
    return s, e


def period_label(start, end=None, form: str = "long", language: str | None = None) -> str:
    """A period in words.

    Args:
        start, end: the first and last day (``end`` defaults to ``start``: one day).
        form: ``long`` for prose ("first half of 2020", "January–July 2021"), ``short`` for tables and
            axes ("H1 2020", "Jan–Jul 2021").
        language: ``en`` or ``vi`` (the statistics office's wording: "6 tháng đầu năm 2020",
            "quý II/2022", "7 tháng năm 2021", "tháng 12/2021"); default: the current language.

    >>> T = pd.Timestamp
    >>> [period_label(T(a), T(b)) for a, b in [("2020-01-01", "2020-06-30"), ("2022-01-01", "2022-03-31"),
    ...  ("2021-01-01", "2021-07-31"), ("2004-01-01", "2018-12-31"), ("2021-12-01", "2021-12-15"),
    ...  ("2023-01-01", "2023-12-31"), ("2023-01-01", "2023-03-22")]]
    ['first half of 2020', 'first quarter of 2022', 'January–July 2021', '2004–2018', '1–15 December 2021', '2023', '1 January – 22 March 2023']
    >>> period_label(T("2022-01-01"), T("2022-11-30"), "short"), period_label(T("2021-06-08"), form="short")
    ('Jan–Nov 2022', '8 Jun 2021')
    >>> [period_label(T(a), T(b), language="vi") for a, b in [("2020-01-01", "2020-06-30"), ("2022-04-01", "2022-06-30"),
    ...  ("2021-01-01", "2021-07-31"), ("2021-12-01", "2021-12-31"), ("2023-01-01", "2023-12-31"), ("2023-01-08", "2023-01-08")]]
    ['6 tháng đầu năm 2020', 'quý II/2022', '7 tháng năm 2021', 'tháng 12/2021', 'năm 2023', 'ngày 8/1/2023']
    """
    language = resolve(language)
    span = _span(start, end)
    if span is None:
        return "undated" if language == "en" else "không rõ thời gian"
    s, e = span
    if language == "vi":
        return _label_vi(s, e)
    return _label_en_short(s, e) if form == "short" else _label_en_long(s, e)


def _whole_months(s: pd.Timestamp, e: pd.Timestamp) -> bool:
    return s.day == 1 and e.is_month_end


def _label_en_long(s: pd.Timestamp, e: pd.Timestamp) -> str:
    m1, m2 = _MONTHS[s.month - 1], _MONTHS[e.month - 1]
    if _whole_months(s, e):
        if (s.month, e.month) == (1, 12):
            return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
        if s.year != e.year:
            return f"{m1} {s.year} – {m2} {e.year}"
        months = e.month - s.month + 1
        if months == 6 and s.month in (1, 7):
            return f"{'first' if s.month == 1 else 'second'} half of {s.year}"
        if months == 3 and s.month % 3 == 1:
            return f"{_ORDINAL[s.month // 3]} quarter of {s.year}"
        return f"{m1} {s.year}" if months == 1 else f"{m1}–{m2} {s.year}"
    if s == e:
        return f"{s.day} {m1} {s.year}"
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{e.day} {m1} {s.year}"
    return f"{s.day} {m1}{'' if s.year == e.year else f' {s.year}'} – {e.day} {m2} {e.year}"


def _label_en_short(s: pd.Timestamp, e: pd.Timestamp) -> str:
    if _whole_months(s, e):
        if (s.month, e.month) == (1, 12):
            return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
        if s.year != e.year:
            return f"{s:%b %Y}–{e:%b %Y}"
        months = e.month - s.month + 1
        if months == 6 and s.month in (1, 7):
            return f"H{1 if s.month == 1 else 2} {s.year}"
        if months == 3 and s.month % 3 == 1:
            return f"Q{s.month // 3 + 1} {s.year}"
        return f"{s:%b %Y}" if months == 1 else f"{s:%b}–{e:%b %Y}"
    if s == e:
        return f"{s.day} {s:%b %Y}"
    if s.year != e.year:
        return f"{s.day} {s:%b %Y}–{e.day} {e:%b %Y}"
    return f"{s.day} {s:%b}–{e.day} {e:%b %Y}"


def _label_vi(s: pd.Timestamp, e: pd.Timestamp) -> str:
    if _whole_months(s, e):
        if (s.month, e.month) == (1, 12):
            return f"năm {s.year}" if s.year == e.year else f"giai đoạn {s.year}–{e.year}"
        if s.year != e.year:
            return f"từ tháng {s.month}/{s.year} đến tháng {e.month}/{e.year}"
        months = e.month - s.month + 1
        if s.month == 1 and months == 6:
            return f"6 tháng đầu năm {s.year}"
        if s.month == 7 and months == 6:
            return f"6 tháng cuối năm {s.year}"
        if months == 3 and s.month % 3 == 1:
            return f"quý {_ROMAN[s.month // 3]}/{s.year}"
        if months == 1:
            return f"tháng {s.month}/{s.year}"
        if s.month == 1:
            return f"{months} tháng năm {s.year}"
        return f"từ tháng {s.month} đến tháng {e.month}/{s.year}"
    if s == e:
        return f"ngày {date_label(s, 'vi')}"
    return f"từ ngày {date_label(s, 'vi')} đến ngày {date_label(e, 'vi')}"


def date_label(day, language: str | None = None) -> str:
    """One day: "8 January 2023" / "8/1/2023" (``language`` default: the current language).

    >>> date_label(pd.Timestamp("2023-01-08")), date_label(pd.Timestamp("2023-01-08"), "vi")
    ('8 January 2023', '8/1/2023')
    """
    language = resolve(language)
    d = pd.Timestamp(day)
    if pd.isna(d):
        return "undated" if language == "en" else "không rõ ngày"
    if language == "vi":
        return f"{d.day}/{d.month}/{d.year}"
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def with_article(label: str) -> str:
    """A long English label ready to follow "in" or "for": "the first half of 2020", but "2020".

    >>> with_article("first half of 2020"), with_article("2020")
    ('the first half of 2020', '2020')
    """
    return f"the {label}" if label.split(" ", 1)[0] in _ORDINAL else label
