"""Read printed periods ("7 tháng đầu năm 2021", "quý II/2022") and comparison bases ("so với cùng kỳ")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from lso_analysis.errors import LsoParseError
from lso_analysis.cleaning.period_grammar import FORMS, TIME_OF_DAY, WEEKDAY, WEEKDAYS
from lso_analysis.cleaning.text import normalize_text

KINDS = ("day", "month", "quarter", "half", "ytd", "year", "multi_year", "other")
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
        precision: ``day``, ``month`` or ``year``: how much of ``published`` the source
            states. "Đến nay" (to the publication date) needs the day.
    """

    year: int | None = None
    published: date | None = None
    precision: str = "day"

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
        precision = "day" if m.group(3) else "month" if m.group(2) else "year"
        try:
            d = int(m.group(3) or calendar.monthrange(y, mo)[1])
            return cls(year=year, published=date(y, mo, d), precision=precision)
        except (ValueError, calendar.IllegalMonthError):
            raise LsoParseError("publication date is not a calendar date", text) from None


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


def _resolve_year(first_month: int, first_day: int, context: PeriodContext | None, text: str) -> int:
    """The year of a period printed without one, from the context (see :class:`PeriodContext`)."""
    if context is not None and context.year:
        return context.year
    if context is not None and context.published:
        pub = context.published
        return pub.year if (first_month, first_day) <= (pub.month, pub.day) else pub.year - 1
    raise LsoParseError("period has no year and no context gives one", text)


def _prepare(text: str) -> tuple[str, int | None]:
    """Lower-case NFC text with brackets opened, estimate marks and times of day dropped; and the weekday."""
    t = normalize_text(text).lower().replace("[", " ").replace("]", " ")
    t = re.sub(r"\((?:ước|ước tính|dự ước|estimated?|kế hoạch|sơ bộ|preliminary)\)", " ", t)
    t = " " + normalize_text(t) + " "
    weekday = None
    m = WEEKDAY.search(t)
    if m:
        weekday = WEEKDAYS[m.group(1)]
        t = t[: m.start()] + " " + t[m.end():]
    t = TIME_OF_DAY.sub(" ", t)
    return normalize_text(t), weekday


def parse_period(text: str, context: PeriodContext | None = None) -> Period:
    """Read a printed reporting period; every word must be accounted for by the grammar.

    Args:
        text: the period as printed, e.g. ``"tháng 7"``, ``"tháng 8/2021"``, ``"7 tháng đầu năm 2021"``,
            ``"lũy kế 7 tháng"``, ``"6 tháng cuối năm 2020"``, ``"quý II/2022"``, ``"năm 2021"``,
            ``"23/4"``, ``"31-1 to 8-2 [2020]"``, ``"tính đến ngày 30/6/2020"`` (a stock on that day),
            ``"lũy kế đến hết tháng 7"`` (January to July), ``"từ ngày 1/1/2023 đến nay"`` (to the
            publication date), ``"2019 to July 2023"``, ``"giai đoạn 2021 - 2025"``. Square brackets
            marking a transcriber's inferred year or context (``"ten months [2021]"``) are read as text.
            The forms are listed in the README ("What the cleaners accept").
        context: supplies the year when the text omits it, and the publication date that
            "đến nay" runs to (see :class:`PeriodContext`).

    Returns:
        A :class:`Period` with inclusive ``start`` and ``end`` dates.

    Raises:
        LsoParseError: a word the grammar cannot place (quoted), an impossible date, or no year.

    Example:
        >>> p = parse_period("7 tháng đầu năm", PeriodContext.from_published("2021-08"))
        >>> p.start, p.end, p.kind
        (datetime.date(2021, 1, 1), datetime.date(2021, 7, 31), 'ytd')
        >>> parse_period("quý II/2022").kind
        'quarter'
        >>> parse_period("banana 2020")
        Traceback (most recent call last):
        ...
        lso_analysis.errors.LsoParseError: cannot place the word 'banana' in a period: 'banana 2020'
    """
    if not isinstance(text, str) or not text.strip():
        raise LsoParseError("empty period", text if isinstance(text, str) else str(text))
    t, weekday = _prepare(text)
    for form in FORMS:
        m = form.regex.fullmatch(t)
        if m is None:
            continue
        try:
            reading = form.read(m.groups())
        except (ValueError, KeyError) as exc:
            raise LsoParseError(str(exc).strip("'"), text) from None
        period = _build(form.meaning, reading, context, text)
        if weekday is not None and (period.kind != "day" or period.start.weekday() != weekday):
            raise LsoParseError("the weekday printed does not fall on the date", text)
        return period
    raise LsoParseError(f"cannot place the word {_unplaced_word(t)!r} in a period", text)


def _unplaced_word(t: str) -> str:
    """The first word the grammar cannot place: the one after the longest readable beginning
    (or before the longest readable end); the first word when no part reads."""
    words = t.split()

    def reads(part: list[str]) -> bool:
        return any(form.regex.fullmatch(" ".join(part)) for form in FORMS)

    for k in range(len(words) - 1, 0, -1):
        if reads(words[:k]):
            return words[k]
    for k in range(1, len(words)):
        if reads(words[k:]):
            return words[k - 1]
    return words[0] if words else t


def _build(meaning: str, reading, context: PeriodContext | None, text: str) -> Period:
    """Turn a form's reading into a dated :class:`Period` according to its meaning (see ``Form``)."""
    if meaning == "now" and reading is None:
        pub = _publication_day(context, text)
        return Period(pub, pub, "day", text)
    if meaning == "relative":
        y = _relative_year(reading, context, text)
        return Period(date(y, 1, 1), date(y, 12, 31), "year", text)
    start, end = _resolve(reading, context, text)
    if meaning in ("day", "end_of"):
        return Period(end, end, "day", text)
    if meaning == "ytd_to":
        start = date(end.year, 1, 1)
    elif meaning == "from_now":
        end = _publication_day(context, text)
        if end < start:
            raise LsoParseError("the period starts after the publication date", text)
    kind = reading.kind if meaning == "span" and reading.kind and reading.kind != "day" else kind_for_span(start, end)
    return Period(start, end, kind, text)


def _relative_year(reading, context: PeriodContext | None, text: str) -> int:
    """The year "năm nay" / "last year" names: counted from the document's year (else the publication's);
    a year written after the words must be that year."""
    ref = (context.year or (context.published.year if context.published else None)) if context else None
    if ref is None:
        if reading.stated is None:
            raise LsoParseError("a year named relative to the publication ('this year', 'last year') needs the "
                                "publication date or the year in brackets", text)
        return reading.stated
    year = ref + reading.offset
    if reading.stated is not None and reading.stated != year:
        raise LsoParseError(f"the year written ({reading.stated}) is not the one the words name ({year}, counted from "
                            f"the publication in {ref})", text)
    return year


def _publication_day(context: PeriodContext | None, text: str) -> date:
    """The publication date, which "đến nay" and "from X" run to; its day must be known."""
    if context is None or context.published is None:
        raise LsoParseError("'đến nay' (to the publication date) needs the publication date", text)
    if context.precision != "day":
        raise LsoParseError(f"'đến nay' needs the publication day, but the source gives only its {context.precision}; "
                            "write the date meant in brackets", text)
    return context.published


def _resolve(reading, context: PeriodContext | None, text: str) -> tuple[date, date]:
    """Dates of a reading: a missing year comes from the other end, else from the context."""
    (y1, m1, d1), (y2, m2, d2) = reading.start, reading.end
    if y2 is None and y1 is not None:
        y2 = y1 if (m2, d2 or 31) >= (m1, d1 or 1) else y1 + 1
    if y1 is None and y2 is not None:
        y1 = y2 if (m1, d1 or 1) <= (m2, d2 or 31) else y2 - 1
    if y1 is None:
        y1 = _resolve_year(m1, d1 or 1, context, text)
        y2 = y1 if (m2, d2 or 31) >= (m1, d1 or 1) else y1 + 1
    start = _date(y1, m1, d1 or 1, text)
    end = _date(y2, m2, d2, text) if d2 else _month_end(y2, m2)
    if end < start:
        raise LsoParseError("period ends before it starts", text)
    return start, end


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


# The grammar of comparison bases: each regex must read the whole phrase (after "so với" and brackets).
_CMP_PREFIX = re.compile(r"^(?:so với|so|bằng|compared (?:to|with)|from|over|against|vs\.?|of|than|du)\s+")
_BUDGET = re.compile(rf"(?:dự toán|dt|estimate dự toán|(?:the )?estimate|(?:the )?assigned target|estimate assigned)"
                     rf"(?: (?:trung ương|tỉnh|hđnd tỉnh|địa phương|ttg) giao| giao| năm {_YEAR})?")
# "chỉ tiêu pháp lệnh" (the statutory target assigned) and "chỉ tiêu phấn đấu" (the higher target striven for) are
# both plans; French "plan annuel" (after "du").
_PLAN = re.compile(rf"(?:kế hoạch|kh|chỉ tiêu|mục tiêu|target|plan|(?:the |pm-assigned |province |provincial )plan)"
                   rf"(?: (?:năm )?{_YEAR}| năm| giao| đề ra| tỉnh giao| của tỉnh| năm nay| pháp lệnh| phấn đấu| annuel)?")
_SAME = re.compile(rf"(?:bình quân )?(?:cùng kỳ|ck|the same period|same period|year-on-year|year on year|y/y|yoy"
                   rf"|last year|the previous year|previous year|a year earlier|a year ago|sur un an)"
                   rf"(?: (?:năm |of |in )?(?:({_YEAR})|năm trước|năm ngoái|last year))?")
_PREV_MONTH = re.compile(r"tháng trước|(?:the )?previous month|month-on-month|month on month|last month|a month earlier")
_PREV_QUARTER = re.compile(r"quý trước|(?:the )?previous quarter|quarter-on-quarter|quarter on quarter")
_PREV_YEAR = re.compile(r"năm trước|năm ngoái")
# "so với giai đoạn trước": the span of as many whole years just before the figure's own
_PREV_SPAN = re.compile(r"giai đoạn trước|thời kỳ trước|the previous period")
# "sur un an [so với cùng kỳ]": printed words, then the transcriber's gloss in brackets at the end
_GLOSS = re.compile(r"(.*[^\s\[])\s*\[([^\[\]]+)\]")
_BASE_YEAR = re.compile(rf"kỳ gốc (?:năm )?({_YEAR})|(?:the )?base year ({_YEAR})")


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
    try:
        return _read_comparison(normalize_text(text), period, context, text)
    except LsoParseError:
        gloss = _GLOSS.fullmatch(normalize_text(text))
        if gloss is None:
            raise
    return _glossed(gloss.group(1), gloss.group(2), period, context, text)


def _glossed(printed: str, gloss: str, period: Period, context: PeriodContext | None, text: str) -> Comparison:
    """Printed words with a transcriber's gloss in brackets ("sur un an [so với cùng kỳ]"): each must read on
    its own and both must name the same base (or, without a base, the same kind); the printed reading is kept."""
    try:
        a = _read_comparison(printed, period, context, text)
        b = _read_comparison(gloss, period, context, text)
    except LsoParseError as exc:
        raise LsoParseError(f"cannot resolve the comparison base ({exc.args[0] if exc.args else exc})", text) from None
    same = (a.base_start, a.base_end) == (b.base_start, b.base_end) and (a.base_start is not None or a.kind == b.kind)
    if not same:
        raise LsoParseError(f"the bracketed gloss reads {b.kind} {b.base_start}…{b.base_end}, the printed words "
                            f"{a.kind} {a.base_start}…{a.base_end}", text)
    return a


def _read_comparison(t: str, period: Period, context: PeriodContext | None, text: str) -> Comparison:
    """:func:`parse_comparison` of normalised text, brackets read as words."""
    t = t.lower().replace("[", " ").replace("]", " ")
    body = _CMP_PREFIX.sub("", normalize_text(t))
    if _BUDGET.fullmatch(body):
        return Comparison("budget_estimate", text=text)
    if _PLAN.fullmatch(body):
        return Comparison("plan", text=text)
    if m := _SAME.fullmatch(body):
        shift = int(m.group(1)) - period.end.year if m.group(1) else -1
        if shift >= 0:
            raise LsoParseError("'cùng kỳ' names a year that is not before the period", text)
        base = period.shift_years(shift)
        return Comparison("same_period", base.start, base.end, text)
    if _PREV_MONTH.fullmatch(body):
        y, mo = period.end.year, period.end.month - 1
        if mo == 0:
            y, mo = y - 1, 12
        return Comparison("previous_period", date(y, mo, 1), _month_end(y, mo), text)
    if _PREV_QUARTER.fullmatch(body):
        q_start = date(period.end.year, 3 * ((period.end.month - 1) // 3) + 1, 1)
        prev_end = date.fromordinal(q_start.toordinal() - 1)
        return Comparison("previous_period", date(prev_end.year, prev_end.month - 2, 1), prev_end, text)
    if _PREV_YEAR.fullmatch(body):
        y = period.end.year - 1
        return Comparison("explicit", date(y, 1, 1), date(y, 12, 31), text)
    if _PREV_SPAN.fullmatch(body):
        n = period.end.year - period.start.year + 1
        if (period.start, period.end) != (date(period.start.year, 1, 1), date(period.end.year, 12, 31)):
            raise LsoParseError("'giai đoạn trước' is read only for a period of whole years", text)
        return Comparison("previous_period", date(period.start.year - n, 1, 1), date(period.start.year - 1, 12, 31), text)
    if m := _BASE_YEAR.fullmatch(body):
        y = int(m.group(1) or m.group(2))
        return Comparison("explicit", date(y, 1, 1), date(y, 12, 31), text)
    try:
        base_context = PeriodContext(year=period.start.year) if context is None or not context.year else context
        base = parse_period(body, base_context)
    except LsoParseError as exc:
        raise LsoParseError(f"cannot resolve the comparison base ({exc})", text) from None
    if base.start > period.start and base.kind in ("month", "quarter"):
        base = base.shift_years(-1)
    return Comparison("explicit", base.start, base.end, text)

