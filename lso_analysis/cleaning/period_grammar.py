"""The grammar of printed periods: every form a period phrase may take, each read in full or not at all."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Callable


YEAR = r"(?:19|20)\d{2}"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
WORD_NUMBERS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "mười một": 11, "mười hai": 12,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}
EN_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
EN_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
EN_MONTHS["sept"] = 9
_EN_MONTH = "(?:" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")\.?"
_NUM = "(?:" + r"\d{1,2}|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + ")"
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "thứ hai": 0, "thứ ba": 1, "thứ tư": 2, "thứ năm": 3, "thứ sáu": 4, "thứ bảy": 5, "chủ nhật": 6,
}

# Words that say when in the day a count was taken ("sáng 16/12", "16h 11/2", "20 giờ ngày 28-5",
# "by the evening of 6.3"): they place nothing beyond the date they stand before.
_TIME_OF_DAY = re.compile(
    r"\b(?:\d{1,2}(?::\d{2}|h\d{0,2})|\d{1,2} giờ(?: \d{1,2} phút)?)(?= )"
    r"|\b(?:sáng|chiều|trưa|tối|đêm)(?= )"
    r"|\b(?:the )?(?:morning|evening|afternoon|night|noon)(?: of)?(?= )"
    r"|(?<= )(?:morning|evening|afternoon|night|noon)(?= )"
)
_WEEKDAY = re.compile(r"\b(?:that )?(" + "|".join(WEEKDAYS) + r")\b")

# A date: "23/4", "31-1", "18.1", "30/6/2020", "28-5 2022" (a bracketed year after it), "24 january 2023",
# "january 24, 2023". Groups: day, month, year.
_VI_DATE = rf"(?:ngày )?(\d{{1,2}}) ?[/.-] ?(\d{{1,2}})(?: ?[/.-] ?({YEAR})| (?:năm )?({YEAR}))?"
_EN_DATE_DM = rf"(\d{{1,2}}) ({_EN_MONTH}),?(?: ({YEAR}))?"
_EN_DATE_MD = rf"({_EN_MONTH}) (\d{{1,2}}),?(?: ({YEAR}))?"
_TO = r"(?:tính đến|tính tới|đến|tới|as of|by|until|till|to|through|up to)"
_FROM = r"(?:từ|kể từ|from|since|starting)"
_YTD = r"(?:lũy kế|luỹ kế|cộng dồn|year to date|year-to-date|ytd|từ đầu năm|since the start of the year)"
_NOW = r"(?:đến nay|tới nay|đến thời điểm này|hiện nay|hiện tại|hiện|to date|so far|currently|now)"
_SPAN_SEP = r" ?(?:-|–|—|đến|tới|to|until|and) ?"
_END_OF = r"(?:hết|cuối đợt|cuối|the end of|end of|end-)"
# An average over the span ("bình quân giai đoạn 2016-2019"): the span is the period; the figure's words say average.
_AVERAGE = r"(?:bình quân|trung bình|average|annual average)"


@dataclass(frozen=True)
class Reading:
    """What a form read: a span of (y, m, d) bounds before the year is resolved.

    ``start``/``end`` hold (year or None, month, day or None); a None day means the first
    (start) or last (end) day of the month; a None year is resolved later (from the other end
    or the document's context). ``kind`` is the SPEC period kind when the form names one.
    """

    start: tuple
    end: tuple
    kind: str | None = None


def number(word: str) -> int:
    """A count printed in digits or words ("7", "bảy", "ten")."""
    word = word.lower()
    return int(word) if word.isdigit() else WORD_NUMBERS[word]


def en_month(word: str) -> int:
    """The month number of an English month name or abbreviation."""
    return EN_MONTHS[word.rstrip(".").lower()]


def quarter_number(word: str) -> int:
    """I..IV, 1..4 or first..fourth."""
    q = word.lower()
    n = _ROMAN.get(q) or {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(q) or (int(q) if q.isdigit() else 0)
    if not 1 <= n <= 4:
        raise ValueError("a quarter outside I..IV")
    return n


def _point(y, m: int, d: int) -> "Reading":
    if not 1 <= m <= 12:
        raise ValueError("month outside 1..12")
    return Reading((y, m, d), (y, m, d), "day")


def vi_date(g: tuple) -> "Reading":
    """The day read from the groups of a Vietnamese-style date (day, month, year, bracketed year)."""
    d, m, y1, y2 = g
    y = y1 or y2
    return _point(int(y) if y else None, int(m), int(d))


def en_date(g: tuple, day_first: bool) -> "Reading":
    """The day read from an English date's groups."""
    d, m, y = (g[0], g[1], g[2]) if day_first else (g[1], g[0], g[2])
    return _point(int(y) if y else None, en_month(m), int(d))


def _single() -> list[tuple[str, Callable]]:
    """A point in time (a date) written Vietnamese or English style, with its reader."""
    return [
        (_VI_DATE, vi_date),
        (_EN_DATE_DM, lambda g: en_date(g, True)),
        (_EN_DATE_MD, lambda g: en_date(g, False)),
    ]


# Span-valued phrases: each returns (start, end, kind) with None years left for the resolver.
def _month_phrase() -> list[tuple[str, Callable]]:
    return [
        (rf"(?:trong |in |during )?tháng (\d{{1,2}})(?: ?(?:/|-|,) ?| năm | )?({YEAR})?",
         lambda g: _month(int(g[0]), g[1])),
        (rf"(?:in |during )?({_EN_MONTH}),?(?: (?:of )?({YEAR}))?", lambda g: _month(en_month(g[0]), g[1])),
    ]


def _month(m: int, y: str | None) -> Reading:
    if not 1 <= m <= 12:
        raise ValueError("month outside 1..12")
    yy = int(y) if y else None
    return Reading((yy, m, None), (yy, m, None), "month")


def _ytd(n: int, y: str | None) -> Reading:
    if not 1 <= n <= 12:
        raise ValueError("a count of months outside 1..12")
    yy = int(y) if y else None
    return Reading((yy, 1, None), (yy, n, None), None)


def _half(h: int, y: str | None) -> Reading:
    yy = int(y) if y else None
    return Reading((yy, 6 * h - 5, None), (yy, 6 * h, None), "half")


def _quarter(q: str, y: str | None) -> Reading:
    n = quarter_number(q)
    yy = int(y) if y else None
    return Reading((yy, 3 * n - 2, None), (yy, 3 * n, None), "quarter")


def _year(y: str) -> Reading:
    return Reading((int(y), 1, None), (int(y), 12, None), "year")


_Y = rf"(?: ?(?:/|-|,) ?| năm | of | )?({YEAR})?"
_INDEX = r"(?:cả năm|trong năm|năm|year|in|during|fy|dti|pci|pgi|papi|par index|par|sipas|ict index|chỉ số [\w ]+? năm)"


def span_forms() -> list[tuple[str, Callable]]:
    """Phrases that name a span: year, half, quarter, months to date, one month, a crop season."""
    return [
        (rf"(?:{_INDEX} )?({YEAR})", lambda g: _year(g[0])),
        (rf"(?:6|sáu) tháng cuối năm{_Y}|nửa cuối năm{_Y}|(?:the )?second half(?: of)?{_Y}|h2{_Y}",
         lambda g: _half(2, _first(g))),
        (rf"(?:6|sáu) tháng đầu năm{_Y}|nửa đầu năm{_Y}|nửa năm đầu{_Y}|(?:the )?first half(?: of)?{_Y}|h1{_Y}"
         rf"|(?:lũy kế |luỹ kế )?(?:6|sáu) tháng(?: năm)?{_Y}",
         lambda g: _half(1, _first(g))),
        (rf"(?:quý|quí|q) ?([ivx]+|\d)(?: ?(?:/|-) ?| năm | )?({YEAR})?", lambda g: _quarter(g[0], g[1])),
        (rf"(?:the )?(first|second|third|fourth) quarter(?: of)?(?: ({YEAR}))?", lambda g: _quarter(g[0], g[1])),
        (rf"(?:lũy kế |luỹ kế |bình quân |trong |sau |the first |first |the )?({_NUM}) (?:tháng|months)"
         rf"(?: đầu năm| đầu| of the year| of)?{_Y}", lambda g: _ytd(number(g[0]), g[1])),
        *_month_phrase(),
        (rf"(?:vụ )?(?:đông xuân|xuân)(?: năm)?(?: ({YEAR}))?",
         lambda g: Reading((int(g[0]) if g[0] else None, 1, None), (int(g[0]) if g[0] else None, 6, None), "other")),
    ]


def _first(groups: tuple) -> str | None:
    return next((v for v in groups if v), None)


def _years(y1: str, y2: str) -> Reading:
    a = int(y1)
    b = int(y2) if len(y2) == 4 else (a // 100) * 100 + int(y2)
    if b < a:
        raise ValueError("period ends before it starts")
    return Reading((a, 1, None), (b, 12, None), None)


def _day_range(g: tuple) -> Reading:
    d1, m1, y1, d2, m2, y2a, y2b = g
    y2 = int(y2a or y2b) if (y2a or y2b) else None
    return Reading((int(y1) if y1 else None, int(m1) if m1 else int(m2), int(d1)), (y2, int(m2), int(d2)), None)


_DATE_OPEN = rf"(?:ngày )?(\d{{1,2}})(?: ?[/.-] ?(\d{{1,2}}))?(?: ?[/.-] ?({YEAR}))?"
_DATE_CLOSE = rf"(?:hết )?(?:ngày )?(\d{{1,2}}) ?[/.-] ?(\d{{1,2}})(?: ?[/.-] ?({YEAR})| (?:năm )?({YEAR}))?"


@dataclass(frozen=True)
class Form:
    """One form of the grammar: a whole-phrase regex and what it means.

    ``meaning`` is ``span`` (the reading as is), ``day`` (the one day read, also a stock "tính
    đến" that day), ``end_of`` (a stock on the last day of the span read), ``ytd_to`` (1 January
    to the day or month read), ``from_now`` (from the start read to the publication date), ``now``
    (the publication date, or the bracketed date after the word), ``relative`` (a whole year
    counted from the publication's year: a :class:`RelativeYear`).
    """

    regex: re.Pattern
    read: Callable[[tuple], object]
    meaning: str


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def build_forms() -> list[Form]:
    """Every form of the grammar, tried in order; the first whose regex matches the whole phrase wins."""
    forms: list[Form] = []
    # "hết năm 2021" on its own heads a year's results (a flow for the whole year); with "tính đến",
    # "đến" or "cuối" it is a stock on 31 December (below).
    forms.append(Form(_compile(rf"(?:trong |cả )?hết năm ({YEAR})"), lambda g: _year(g[0]), "span"))
    forms.append(Form(_compile(rf"(?:{_AVERAGE} )?(?:(?:giai đoạn|thời kỳ|nhiệm kỳ|period|từ năm|từ|from|between|năm) )?"
                               rf"({YEAR}){_SPAN_SEP}(?:năm )?({YEAR}|\d{{2}})"), lambda g: _years(*g), "span"))
    # "5 năm [2021–2025]", "giai đoạn 5 năm 2016-2020": a count of years with the years it names (they must agree)
    forms.append(Form(_compile(rf"(?:(?:giai đoạn|thời kỳ|the) )?({_NUM}) (?:năm|years)(?: (?:giai đoạn|period))?"
                               rf" ({YEAR}){_SPAN_SEP}(?:năm )?({YEAR}|\d{{2}})"), _counted_years, "span"))
    # "2019 to July 2023", "từ năm 2019 đến tháng 7/2023"
    for pattern, read in _month_phrase():
        forms.append(Form(_compile(rf"(?:(?:từ năm|từ|from|since) )?({YEAR}){_SPAN_SEP}(?:{pattern})"),
                          lambda g, read=read: _years_to(g[0], read(g[1:])), "span"))
    forms.append(Form(_compile(rf"(?:(?:từ|from|between) )?{_DATE_OPEN}{_SPAN_SEP}{_DATE_CLOSE}"), _day_range, "span"))
    forms.append(Form(_compile(rf"{_END_OF} (?:(?:từ|from|between) )?{_DATE_OPEN}{_SPAN_SEP}{_DATE_CLOSE}"), _day_range, "end_of"))
    forms.append(Form(_compile(rf"(?:(?:from|between) )?(\d{{1,2}}){_SPAN_SEP}(\d{{1,2}}) ({_EN_MONTH}),?(?: ({YEAR}))?"),
                      lambda g: _en_day_range(g), "span"))
    for pattern, read in _single():
        forms.append(Form(_compile(rf"{_YTD}(?: từ đầu năm)?(?: {_TO})? (?:{_END_OF} ?)?{pattern}"), read, "ytd_to"))
        forms.append(Form(_compile(rf"{_TO} (?:hết )?{pattern}"), read, "day"))
        forms.append(Form(_compile(rf"{_NOW} {pattern}"), read, "day"))
        forms.append(Form(_compile(rf"{_FROM} {pattern}(?: {_NOW})?"), read, "from_now"))
        forms.append(Form(_compile(rf"(?:(?:{_TO}) )?{_END_OF} ?{pattern}"), read, "day"))
        forms.append(Form(_compile(pattern), read, "day"))
    for pattern, read in span_forms():
        forms.append(Form(_compile(rf"{_YTD}(?: từ đầu năm)?(?: {_TO})? (?:hết )?(?:{pattern})"), read, "ytd_to"))
        forms.append(Form(_compile(rf"(?:{_TO} )?{_END_OF} ?(?:{pattern})|{_TO} hết (?:{pattern})"), read, "end_of"))
        forms.append(Form(_compile(rf"{_FROM} (?:{pattern})(?: {_NOW})?"), read, "from_now"))
        forms.append(Form(_compile(rf"(?:(?:đến|tới|by|to) )?(?:{pattern})"), read, "span"))
    forms.append(Form(_compile(r"cả năm|trong năm|the whole year"),
                      lambda g: Reading((None, 1, None), (None, 12, None), "year"), "span"))
    # "năm nay", "this year [2020]", "last year [2018]": a year counted from the publication; a year written
    # after the words (the transcriber's bracket) must be the one they name.
    forms.append(Form(_compile(rf"(?:năm nay|this year)(?: ({YEAR}))?"), lambda g: _relative_year(0, g[0]), "relative"))
    forms.append(Form(_compile(rf"(?:năm ngoái|năm trước|last year|the previous year)(?: ({YEAR}))?"),
                      lambda g: _relative_year(-1, g[0]), "relative"))
    forms.append(Form(_compile(_NOW), lambda g: None, "now"))
    return forms


def _counted_years(g: tuple) -> Reading:
    """"5 năm [2021–2025]": the count printed must be the number of years named."""
    count, y1, y2 = g
    reading = _years(y1, y2)
    if number(count) != reading.end[0] - reading.start[0] + 1:
        raise ValueError(f"{count} years printed, but {reading.start[0]}–{reading.end[0]} "
                         f"is {reading.end[0] - reading.start[0] + 1}")
    return reading


@dataclass(frozen=True)
class RelativeYear:
    """A year named relative to the publication ("năm nay" 0, "last year" -1), with the year written after it."""

    offset: int
    stated: int | None


def _relative_year(offset: int, stated: str | None) -> RelativeYear:
    return RelativeYear(offset, int(stated) if stated else None)


def _years_to(y1: str, month: Reading) -> Reading:
    if month.end[0] is None:
        raise ValueError("the end of a span across years needs its year")
    return Reading((int(y1), 1, None), month.end, None)


def _en_day_range(g: tuple) -> Reading:
    d1, d2, m, y = g
    mo = en_month(m)
    yy = int(y) if y else None
    return Reading((yy, mo, int(d1)), (yy, mo, int(d2)), None)


FORMS = build_forms()
TIME_OF_DAY = _TIME_OF_DAY
WEEKDAY = _WEEKDAY
