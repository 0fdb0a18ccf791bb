"""Read printed periods ("7 tháng đầu năm 2021", "quý II/2022") and comparison bases ("so với cùng kỳ")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from lso_analysis.errors import LsoParseError
from lso_analysis.cleaning.text import normalize_text

KINDS = ("day", "month", "quarter", "half", "ytd", "year", "multi_year", "other")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_WORD_NUMBERS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "mười một": 11, "mười hai": 12,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}
_EN_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_EN_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_YEAR = r"(?:19|20)\d{2}"


@dataclass(frozen=True)
class PeriodContext:
    """What the document tells about dates: used when a period omits its year.

    Attributes:
        year: the document's year when known from its title or an explicit statement;
            it wins over the publication date.
        published: the publication date (the last day of the month or year when only
            those are known). A period without a year is put in the latest year in
            which it had begun by this date: "tháng 7" in a report of August 2021 is
            July 2021; "tháng 12" in a report of January 2022 is December 2021.
    """

    year: int | None = None
    published: date | None = None

    @classmethod
    def from_published(cls, published: str | date | None, year: int | None = None) -> "PeriodContext":
        """Build a context from an ISO date, ``YYYY-MM`` or ``YYYY`` (the last day is assumed).

        Example:
            >>> PeriodContext.from_published("2021-08").published
            datetime.date(2021, 8, 31)
        """
        if published is None or published == "" or isinstance(published, date):
            return cls(year=year, published=published or None)
        text = str(published).strip()
        m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
        if not m:
            raise LsoParseError("publication date is not YYYY, YYYY-MM or YYYY-MM-DD", text)
        y = int(m.group(1))
        mo = int(m.group(2) or 12)
        d = int(m.group(3) or calendar.monthrange(y, mo)[1])
        return cls(year=year, published=date(y, mo, d))


@dataclass(frozen=True)
class Period:
    """A resolved reporting period: ``start`` and ``end`` are inclusive dates."""

    start: date
    end: date
    kind: str
    text: str = ""

    def shift_years(self, years: int) -> "Period":
        """The same span ``years`` earlier (negative) or later; a month end stays a month end."""
        end = _add_years(self.end, years)
        if self.end == _month_end(self.end.year, self.end.month):
            end = _month_end(end.year, end.month)
        return replace(self, start=_add_years(self.start, years), end=end)


@dataclass(frozen=True)
class Comparison:
    """What a growth, change or plan share is measured against.

    ``kind`` is one of ``same_period`` (cùng kỳ), ``previous_period`` (tháng/quý trước),
    ``explicit`` (a named period: "so với năm 2020", "so với tháng 7"), ``plan``
    (kế hoạch, chỉ tiêu), ``budget_estimate`` (dự toán) or ``none``.
    """

    kind: str
    base_start: date | None = None
    base_end: date | None = None
    text: str = ""


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def kind_for_span(start: date, end: date) -> str:
    """The SPEC §3 ``period_kind`` of the inclusive span [start, end].

    Example:
        >>> kind_for_span(date(2020, 1, 1), date(2020, 6, 30))
        'half'
    """
    if start == end:
        return "day"
    if start.day != 1 or end != _month_end(end.year, end.month):
        return "ytd" if (start.month, start.day) == (1, 1) and start.year == end.year else "other"
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 1:
        return "month"
    if start.year != end.year:
        return "multi_year"
    if months == 12:
        return "year"
    if months == 3 and start.month in (1, 4, 7, 10):
        return "quarter"
    if months == 6 and start.month in (1, 7):
        return "half"
    return "ytd" if start.month == 1 else "other"


def _span(y1: int, m1: int, y2: int, m2: int, text: str, kind: str | None = None) -> Period:
    start, end = date(y1, m1, 1), _month_end(y2, m2)
    return Period(start, end, kind or kind_for_span(start, end), text)


def _resolve_year(explicit: str | None, first_month: int, context: PeriodContext | None, text: str) -> int:
    """The year of a period whose first month is ``first_month``, printed or from the context."""
    if explicit:
        return int(explicit)
    if context is not None and context.year:
        return context.year
    if context is not None and context.published:
        pub = context.published
        return pub.year if (first_month, 1) <= (pub.month, pub.day) else pub.year - 1
    raise LsoParseError("period has no year and no context gives one", text)


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _WORD_NUMBERS[word]


_NUM_WORD = r"(\d{1,2}|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + ")"
_Y = rf"(?:\s*(?:/|-|năm|of|,)?\s*({_YEAR}))?"
_EN_MONTH_ALT = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"(?:giai đoạn|thời kỳ|nhiệm kỳ|period|từ năm)?\s*({_YEAR})\s*(?:-|–|—|đến|to)\s*(?:năm\s*)?({_YEAR})"), "multi"),
    (re.compile(rf"(?:từ ngày|from)\s*(\d{{1,2}})/(\d{{1,2}})(?:/({_YEAR}))?\s*(?:đến|tới|-|–|to)\s*(?:ngày\s*)?(\d{{1,2}})/(\d{{1,2}})(?:/({_YEAR}))?"), "day_range"),
    (re.compile(rf"(?:tính đến|tính tới|đến|tới|as of|by|to)\s*(?:hết\s*)?(?:ngày\s*)?(\d{{1,2}})[/.-](\d{{1,2}})(?:[/.-]({_YEAR}))?"), "to_day"),
    (re.compile(rf"(?:as of|by|to|through|until)\s+(?:the end of\s+)?(?:(\d{{1,2}})\s+({_EN_MONTH_ALT})|({_EN_MONTH_ALT})\s+(\d{{1,2}}))\b,?{_Y}"), "to_day_en"),
    (re.compile(rf"(?:ngày\s*)?(\d{{1,2}})/(\d{{1,2}})/({_YEAR})"), "day"),
    (re.compile(rf"(?:6|sáu) tháng cuối năm{_Y}|nửa cuối năm{_Y}|second half(?: of)?{_Y}|\bh2{_Y}"), "h2"),
    (re.compile(rf"(?:nửa đầu năm|nửa năm đầu){_Y}|first half(?: of)?{_Y}|\bh1{_Y}"), "h1"),
    (re.compile(rf"(?:quý|quí|\bq)\s*([ivx]+|\d+)\b{_Y}"), "quarter"),
    (re.compile(rf"(?:the\s+)?(first|second|third|fourth) quarter(?: of)?{_Y}"), "quarter_en"),
    (re.compile(rf"(?:lũy kế|luỹ kế|trong|sau|first)?\s*{_NUM_WORD}\s*(?:tháng|months)(?:\s*(?:đầu năm|đầu|of))?{_Y}"), "ytd"),
    (re.compile(rf"(?:tính đến|tính tới|đến|tới)\s*(?:hết|cuối)\s*tháng\s*(\d{{1,2}})(?:\s*(?:/|-|năm)\s*({_YEAR}))?"), "to_month_end"),
    (re.compile(rf"tháng\s*(\d{{1,2}})(?:\s*(?:/|-|năm)\s*({_YEAR}))?"), "month"),
    (re.compile(rf"({'|'.join(sorted(_EN_MONTHS, key=len, reverse=True))})\.?(?:\s*,?\s*({_YEAR}))?"), "month_en"),
    (re.compile(rf"(?:vụ\s*)?(?:đông xuân|xuân)\s*(?:năm\s*)?({_YEAR})?"), "spring"),
    (re.compile(rf"(?:cả năm|trong năm|năm|year|hết năm|cuối năm|đến cuối năm|end of|by end of|fy|dti|pci|par index|par|sipas|ict index)?\s*({_YEAR})"), "year"),
    (re.compile(r"(?:cả năm|trong năm|năm nay|this year)"), "this_year"),
    (re.compile(r"(?:đến nay|tới nay|hiện nay|hiện tại|hiện|to date|so far|currently)"), "to_date"),
]


def parse_period(text: str, context: PeriodContext | None = None) -> Period:
    """Read a printed reporting period.

    Args:
        text: the period as printed, e.g. ``"tháng 7"``, ``"tháng 8/2021"``, ``"7 tháng đầu năm 2021"``,
            ``"lũy kế 7 tháng"``, ``"6 tháng cuối năm 2020"``, ``"quý II/2022"``, ``"năm 2021"``,
            ``"tính đến ngày 30/6/2020"``, ``"giai đoạn 2021 - 2025"``. Square brackets marking a
            transcriber's inferred year (``"ten months [2021]"``) are read as printed text.
        context: supplies the year when the text omits it (see :class:`PeriodContext`).

    Returns:
        A :class:`Period` with inclusive ``start`` and ``end`` dates.

    Raises:
        LsoParseError: the text names no period this reader knows, or no year can be found.

    Example:
        >>> p = parse_period("7 tháng đầu năm", PeriodContext.from_published("2021-08"))
        >>> p.start, p.end, p.kind
        (datetime.date(2021, 1, 1), datetime.date(2021, 7, 31), 'ytd')
        >>> parse_period("quý II/2022").kind
        'quarter'
    """
    if not isinstance(text, str) or not text.strip():
        raise LsoParseError("empty period", text if isinstance(text, str) else str(text))
    t = normalize_text(text).lower().replace("[", "").replace("]", "")
    t = re.sub(r"\((?:ước|ước tính|dự ước|estimated?|kế hoạch)\)", "", t).strip()
    for pattern, kind in _PATTERNS:
        m = pattern.search(t)
        if m:
            return _build(kind, m, context, text)
    raise LsoParseError("unknown period", text)


def _first(*values):
    return next((v for v in values if v), None)


def _build(kind: str, m: re.Match, context: PeriodContext | None, text: str) -> Period:
    g = m.groups()
    if kind == "multi":
        y1, y2 = int(g[0]), int(g[1])
        if y2 < y1:
            raise LsoParseError("period ends before it starts", text)
        return _span(y1, 1, y2, 12, text)
    if kind == "day_range":
        d1, m1, y1, d2, m2, y2 = g
        year2 = _resolve_year(y2 or y1, int(m2), context, text)
        year1 = int(y1) if y1 else year2
        start, end = _date(year1, int(m1), int(d1), text), _date(year2, int(m2), int(d2), text)
        return Period(start, end, kind_for_span(start, end), text)
    if kind == "to_day":
        d, mo, y = g
        year = _resolve_year(y, int(mo), context, text)
        end = _date(year, int(mo), int(d), text)
        start = date(year, 1, 1)
        return Period(start, end, kind_for_span(start, end) if end == _month_end(year, end.month) else "ytd", text)
    if kind == "to_day_en":
        d, mo = (g[0], g[1]) if g[0] else (g[3], g[2])
        month = _EN_MONTHS[mo.lower()]
        year = _resolve_year(g[4], month, context, text)
        end = _date(year, month, int(d), text)
        start = date(year, 1, 1)
        return Period(start, end, kind_for_span(start, end) if end == _month_end(year, month) else "ytd", text)
    if kind == "day":
        d, mo, y = g
        day = _date(int(y), int(mo), int(d), text)
        return Period(day, day, "day", text)
    if kind in ("h1", "h2"):
        year = _resolve_year(_first(*g), 1 if kind == "h1" else 7, context, text)
        return _span(year, 1 if kind == "h1" else 7, year, 6 if kind == "h1" else 12, text, "half")
    if kind in ("quarter", "quarter_en"):
        q = g[0].lower()
        n = _ROMAN.get(q) or {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(q) or (int(q) if q.isdigit() else 0)
        if not 1 <= n <= 4:
            raise LsoParseError("a quarter outside I..IV", text)
        year = _resolve_year(g[1], 3 * n - 2, context, text)
        return _span(year, 3 * n - 2, year, 3 * n, text, "quarter")
    if kind in ("ytd", "to_month_end"):
        # "7 tháng đầu năm" and "tính đến hết tháng 7" both run from January to July.
        n = _number(g[0])
        if not 1 <= n <= 12:
            raise LsoParseError("a count of months outside 1..12", text)
        year = _resolve_year(g[1], 1, context, text)
        return _span(year, 1, year, n, text)
    if kind in ("month", "month_en"):
        mo = int(g[0]) if kind == "month" else _EN_MONTHS[g[0].lower()]
        if not 1 <= mo <= 12:
            raise LsoParseError("month outside 1..12", text)
        year = _resolve_year(g[1], mo, context, text)
        return _span(year, mo, year, mo, text, "month")
    if kind == "spring":
        # The winter-spring crop season is reported with the first half of the year.
        year = _resolve_year(g[0], 1, context, text)
        return Period(date(year, 1, 1), date(year, 6, 30), "other", text)
    if kind == "year":
        return _span(int(g[0]), 1, int(g[0]), 12, text, "year")
    if kind == "to_date":
        # "đến nay": a stock on the day the document was published.
        if context is None or context.published is None:
            raise LsoParseError("'đến nay' needs the publication date", text)
        return Period(context.published, context.published, "day", text)
    if kind == "this_year":
        year = _resolve_year(None, 1, context, text)
        return _span(year, 1, year, 12, text, "year")
    raise AssertionError(kind)


def _date(y: int, mo: int, d: int, text: str) -> date:
    try:
        return date(y, mo, d)
    except ValueError:
        raise LsoParseError("not a calendar date", text) from None


def parse_period_iso(text: str) -> Period:
    """Read a curator's ISO reading of a period: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``,
    ``YYYY-H1``, ``YYYY-Q2``, or ``start/end`` of those.

    Example:
        >>> parse_period_iso("2022-01-01/2022-09-20").end
        datetime.date(2022, 9, 20)
        >>> parse_period_iso("2021/2025").kind
        'multi_year'
    """
    t = normalize_text(text)
    if "/" in t:
        a, b = t.split("/", 1)
        start, end = _iso_part(a, text)[0], _iso_part(b, text)[1]
    else:
        start, end = _iso_part(t, text)
    if end < start:
        raise LsoParseError("period ends before it starts", text)
    return Period(start, end, kind_for_span(start, end), text)


def _iso_part(part: str, text: str) -> tuple[date, date]:
    part = part.strip()
    if m := re.fullmatch(r"(\d{4})", part):
        y = int(m.group(1))
        return date(y, 1, 1), date(y, 12, 31)
    if m := re.fullmatch(r"(\d{4})-[Hh]([12])", part):
        y, h = int(m.group(1)), int(m.group(2))
        return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
    if m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", part):
        y, q = int(m.group(1)), int(m.group(2))
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", part):
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            raise LsoParseError("month outside 1..12", text)
        return date(y, mo, 1), _month_end(y, mo)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", part):
        d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)), text)
        return d, d
    raise LsoParseError("not an ISO period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1, YYYY-Q1 or start/end)", text)


_PLAN = re.compile(r"\b(?:kế hoạch|kh|chỉ tiêu|mục tiêu|target|plan)\b")
_BUDGET = re.compile(r"\b(?:dự toán|dt|assigned target|estimate assigned)\b")
_SAME = re.compile(r"cùng kỳ|\bck\b|year[- ]on[- ]year|y/y|yoy|same period|last year|previous year|a year earlier|from a year")
_PREV_MONTH = re.compile(r"tháng trước|previous month|month[- ]on[- ]month|last month|a month earlier")
_PREV_QUARTER = re.compile(r"quý trước|previous quarter|quarter[- ]on[- ]quarter")
_PREV_YEAR = re.compile(r"năm trước|năm ngoái")


def parse_comparison(text: str | None, period: Period, context: PeriodContext | None = None) -> Comparison:
    """Resolve what a figure is compared with into a base period (or a plan).

    Args:
        text: the comparison as printed: ``"so với cùng kỳ"``, ``"so với cùng kỳ năm 2019"``,
            ``"so với tháng trước"``, ``"so với vụ Xuân 2020"``, ``"so với năm 2020"``,
            ``"so với tháng 7"``, ``"kế hoạch"``, ``"dự toán Trung ương giao"``; empty for none.
        period: the figure's own period.
        context: used for a named base period without a year.

    Returns:
        A :class:`Comparison`; ``base_start``/``base_end`` are set for period comparisons.

    Raises:
        LsoParseError: the comparison cannot be resolved.

    Example:
        >>> h1 = parse_period("6 tháng đầu năm 2020")
        >>> c = parse_comparison("so với cùng kỳ năm 2019", h1)
        >>> c.kind, c.base_start, c.base_end
        ('same_period', datetime.date(2019, 1, 1), datetime.date(2019, 6, 30))
    """
    if text is None or not normalize_text(text):
        return Comparison("none")
    t = normalize_text(text).lower()
    body = re.sub(r"^(?:so với|so|bằng|compared (?:to|with)|from|over|against|vs\.?)\s*", "", t)
    if _BUDGET.search(body):
        return Comparison("budget_estimate", text=text)
    if _PLAN.search(body) and not _SAME.search(body):
        return Comparison("plan", text=text)
    if _SAME.search(body):
        year = re.search(rf"({_YEAR})", body)
        shift = int(year.group(1)) - period.end.year if year else -1
        if shift >= 0:
            raise LsoParseError("'cùng kỳ' names a year that is not before the period", text)
        base = period.shift_years(shift)
        return Comparison("same_period", base.start, base.end, text)
    if _PREV_MONTH.search(body):
        y, mo = period.end.year, period.end.month - 1
        if mo == 0:
            y, mo = y - 1, 12
        return Comparison("previous_period", date(y, mo, 1), _month_end(y, mo), text)
    if _PREV_QUARTER.search(body):
        q_start = date(period.end.year, 3 * ((period.end.month - 1) // 3) + 1, 1)
        prev_end = date.fromordinal(q_start.toordinal() - 1)
        return Comparison("previous_period", date(prev_end.year, prev_end.month - 2, 1), prev_end, text)
    if _PREV_YEAR.search(body):
        y = period.end.year - 1
        return Comparison("explicit", date(y, 1, 1), date(y, 12, 31), text)
    try:
        base_context = PeriodContext(year=period.start.year) if context is None or not context.year else context
        base = parse_period(body, base_context)
    except LsoParseError:
        raise LsoParseError("cannot resolve the comparison base", text) from None
    if base.start > period.start and base.kind in ("month", "quarter"):
        base = base.shift_years(-1)
    return Comparison("explicit", base.start, base.end, text)
