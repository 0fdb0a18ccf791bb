"""Read printed figures: Vietnamese/English number notation, units, qualifiers and rounding bounds."""

from __future__ import annotations

import csv
import functools
import math
import re
from dataclasses import dataclass

from lso_analysis.errors import LsoParseError
from lso_analysis import paths
from lso_analysis.cleaning.text import normalize_text

NAN = float("nan")

# One number token as it can appear on a page: digits with "." and "," between them.
# Whether "." groups thousands or marks decimals depends on the language (decided later).
_TOKEN = r"\d+(?:[.,]\d+)*"
NUMBER_TOKEN = re.compile(_TOKEN)
# Vietnamese: "." groups thousands, "," marks decimals: 1.585,0  2.390  0,47  22.994,1
_VI_NUMBER = re.compile(r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")
# English: "," groups thousands, "." marks decimals: 3,450  1,077.6  7.86
_EN_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")

# Units whose digits are already the unit of measure: trailing zeros are significant.
_EXACT_UNITS = {"%", "pp", "rank", "points", "times"}

_ESTIMATE = re.compile(r"\b(?:dự ước|ước tính|ước thực hiện|ước đạt|ước|estimated|estimate|expected to reach)\b", re.I)
_TARGET = re.compile(r"\b(?:phấn đấu|mục tiêu|chỉ tiêu|kế hoạch đề ra|target(?:ed)?|planned|aims? (?:at|for|to))\b", re.I)
_APPROX = re.compile(r"(?:~|≈|±|\b(?:khoảng|gần|xấp xỉ|chừng|about|around|nearly|almost|approximately|approximated|roughly|some))\s*$", re.I)
_LOWER = re.compile(r"(?:>|≥|\b(?:hơn|trên|ngoài|more than|over|above|exceeding|in excess of|at least|tối thiểu|ít nhất))\s*$", re.I)
_UPPER = re.compile(r"(?:<|≤|\b(?:dưới|chưa đến|chưa tới|less than|under|below|fewer than|top|nhóm|tối đa|at most|within))\s*$", re.I)
# Verbs of rising and falling, with an adverb of degree that leaves the figure as printed ("tăng nhẹ 0,18%").
# "tăng trưởng" (growth) is not a rise: it is a label word (figure_words.csv), signed only by "âm" or a minus.
_DEGREE = r"(?:\s+(?:nhẹ|slightly))?"
_UP = re.compile(r"\b(?:(?:tăng(?!\s+trưởng)|vượt)" + _DEGREE + r"|rose|rise|rises|risen|up|increased?|increasing"
                 r"|grew|grow|grows|growing|gained|higher|expanded|expands?|expanding|surged?|surges|surging"
                 r"|en hausse(?:\s+de)?)\b", re.I)
_DOWN = re.compile(r"\b(?:(?:suy giảm|giảm|sụt)" + _DEGREE + r"|âm(?!\s*lịch)|fell|fall|falls|down|reduced|reduces"
                   r"|reduction|decreased?|decreasing|declined?|dropped|lower|en baisse(?:\s+de)?)\b", re.I)
_MINUS_BEFORE = re.compile(r"(?:^|[\s(])[-−]$")
_EN_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_EN_WORD = re.compile(r"\b(" + "|".join(_EN_NUMBER_WORDS) + r")\b", re.I)
# "đứng thứ hai": ordinals written as words.
_ORDINAL_WORDS = {"nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_ORDINAL = re.compile(r"\b(thứ)\s+(" + "|".join(_ORDINAL_WORDS) + r")\b", re.I)
_RANGE_START = re.compile(r"\b(?:từ|from|between)\s*$", re.I)
_CURRENCY_BEFORE = re.compile(r"(US\$|USD|VND|\$)\s*$")
_PERCENT = re.compile(r"\s*%(\d{1,3}(?![\d.,]))?")
_REACHED = re.compile(
    r"\b(?:tăng|giảm|hạ|vượt|rose|fell|increased|decreased|dropped|grew)\s+(?:xuống\s+|lên\s+)?(?:lên|còn|xuống|to)"
    r"(?:\s+mức)?\s*$|\b(?:chỉ còn|còn lại)\s*$", re.I)
_RANK_BEFORE = re.compile(r"\b(?:thứ|xếp hạng|hạng|vị trí|ranked|rank|no\.)\s*$", re.I)


@dataclass(frozen=True)
class Quantity:
    """One printed figure, read.

    Attributes:
        value: the figure in ``unit`` (midpoint for a range), signed by tăng/giảm.
        low, high: the interval the printed figure allows (NaN = unbounded side).
        unit: canonical unit (``VND billion``, ``USD million``, ``%``, ``count`` …) or None.
        unit_raw: the unit words as printed.
        bound: ``exact``, ``approx``, ``lower``, ``upper`` or ``range``.
        status: ``estimate``, ``target`` or None when the text does not say.
        direction: +1 (tăng), -1 (giảm) or 0.
        out_of: denominator of a fraction or rank ("08/13", "16/63"), else None.
        footnote: a footnote marker glued to the figure ("54%38" → "38"), else None.
        number_raw: the number as printed ("1.585,0", "7 đến 7,5").
        tail: the words after the figure that are not its unit.
        span: (start, end) of the figure (number and unit) within the normalised text.
    """

    value: float
    low: float
    high: float
    unit: str | None
    unit_raw: str | None
    bound: str
    status: str | None
    direction: int
    out_of: float | None
    footnote: str | None
    number_raw: str
    tail: str
    span: tuple[int, int]


def _split_number(token: str, lang: str) -> tuple[float, int]:
    """Return (value, decimals) of one number token, or raise when the notation is ambiguous."""
    pattern = _EN_NUMBER if lang == "en" else _VI_NUMBER
    match = pattern.fullmatch(token)
    if match is None:
        other = "en" if lang != "en" else "vi"
        hint = ""
        if (_EN_NUMBER if other == "en" else _VI_NUMBER).fullmatch(token):
            hint = f" (it reads only in {other} notation)"
        raise LsoParseError(f"ambiguous or malformed number for language {lang!r}{hint}", token)
    decimals = match.group(1) or ""
    if lang == "en":
        integer = token[: len(token) - len(decimals) - (1 if decimals else 0)].replace(",", "")
    else:
        integer = token[: len(token) - len(decimals) - (1 if decimals else 0)].replace(".", "")
    value = float(f"{integer}.{decimals}") if decimals else float(integer)
    if not math.isfinite(value) or len(integer) > 15:
        raise LsoParseError("number too long to be a printed figure", token[:40])
    return value, len(decimals)


def parse_number(text: str, *, lang: str = "vi") -> float:
    """Read one bare number in Vietnamese (default) or English notation.

    Args:
        text: a number as printed, e.g. ``"1.585,0"``, ``"2.390"``, ``"0,47"``, ``"02"``.
        lang: ``"vi"`` (``.`` groups thousands, ``,`` marks decimals) or ``"en"``.

    Returns:
        The value as a float.

    Raises:
        LsoParseError: if the text is not exactly one number, or its notation is
            ambiguous in ``lang`` (``"7.86"`` in Vietnamese, ``"1,5"`` in English).

    Example:
        >>> parse_number("1.585,0"), parse_number("2.390"), parse_number("0,47")
        (1585.0, 2390.0, 0.47)
        >>> parse_number("3,450", lang="en")
        3450.0
    """
    token = normalize_text(text) if isinstance(text, str) else text
    if not isinstance(token, str) or not NUMBER_TOKEN.fullmatch(token):
        raise LsoParseError("not a number", text)
    return _split_number(token, lang)[0]


def number_bounds(text: str, *, lang: str = "vi", trailing_zeros_significant: bool = False) -> tuple[float, float]:
    """Return the interval a printed number allows: half a unit of its last significant digit.

    Trailing zeros of an integer are not significant (SPEC §3) unless
    ``trailing_zeros_significant`` is set (percentages, ranks, small counts).

    Example:
        >>> number_bounds("6,67")
        (6.665, 6.675)
        >>> number_bounds("4.270")
        (4265.0, 4275.0)
        >>> number_bounds("11.000")
        (10500.0, 11500.0)
    """
    return _bounds(normalize_text(text), lang, trailing_zeros_significant)


def _bounds(token: str, lang: str, trailing_zeros_significant: bool) -> tuple[float, float]:
    """:func:`number_bounds` of a token that is already normalised (the parser's hot path)."""
    value, decimals = _split_number(token, lang)
    if decimals:
        half = 0.5 * 10.0 ** (-decimals)
    else:
        digits = token.replace(".", "").replace(",", "")
        zeros = 0 if trailing_zeros_significant or value == 0 else len(digits) - len(digits.rstrip("0"))
        half = 0.5 * 10.0**zeros
    return _round(value - half, decimals + 1), _round(value + half, decimals + 1)


def _round(x: float, places: int = 0) -> float:
    # Float noise (6.675000000000001, 1.7 * 1000) would make an exact bound look like a conflict.
    if math.isnan(x) or x == 0:
        return x
    return round(x, max(11 - int(math.floor(math.log10(abs(x)))), places))


@functools.lru_cache(maxsize=1)
def _unit_table() -> tuple[re.Pattern, dict[str, tuple[str, float]]]:
    """Unit phrases from data/reference (units.csv, count_nouns.csv) as one regex, longest first."""
    table: dict[str, tuple[str, float]] = {}
    with open(paths.UNITS_CSV, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            table[normalize_text(row["phrase"]).lower()] = (row["unit"], float(row["factor"]))
    with open(paths.COUNT_NOUNS_CSV, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            table.setdefault(normalize_text(row["noun"]).lower(), ("count", 1.0))
    phrases = sorted(table, key=len, reverse=True)
    alternation = "|".join(re.escape(p) for p in phrases if p != "%")
    pattern = re.compile(rf"\s*({alternation})(?![\w])(?:\s*/\s*\w+)?", re.I)
    return pattern, table


_SCALE_EN = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_SCALE_AFTER = re.compile(r"\s*(thousand|million|billion|trillion)\b", re.I)


def _english_currency(prefix: str, after: str) -> tuple[str, float, int] | None:
    """US$1,077.6 million / VND2,270 billion: currency printed before the number."""
    currency = "VND" if prefix.upper() == "VND" else "USD"
    scale_match = _EN_SCALE_AFTER.match(after)
    factor = _SCALE_EN[scale_match.group(1).lower()] if scale_match else 1.0
    if currency == "USD":
        return "USD million", factor / 1e6, scale_match.end() if scale_match else 0
    unit = "VND billion" if factor >= 1e9 else "VND million"
    return unit, factor / (1e9 if unit == "VND billion" else 1e6), scale_match.end() if scale_match else 0


def parse_quantity(text: str, *, lang: str = "vi") -> Quantity:
    """Read one printed figure with its unit, qualifiers, direction and rounding bounds.

    The grammar: ``[words before] NUMBER [/ OUT_OF | SEP NUMBER] [UNIT] [tail]``. Every word before
    the number must be a qualifier the cleaner reads (``ước``, ``hơn``, ``khoảng``, ``tăng``, ``giảm``,
    ``thứ`` …) or a label word of ``data/reference/figure_words.csv`` (what is counted: ``đóng góp``,
    ``xuất khẩu`` …); the words after the unit are kept as ``tail`` and must not hold a qualifier
    that would change the reading (``trở lên``, ``or more``). The README lists what is accepted.

    Args:
        text: the figure as printed with its adjacent words, e.g. ``"ước đạt 1.320 triệu USD"``,
            ``"giảm 42,9%"``, ``"hơn 142 triệu USD"``, ``"từ 7 đến 7,5%"``, ``"08/13"``,
            ``"giảm 54%38"`` (footnote marker 38), ``"US$1,077.6 million"`` (with ``lang="en"``).
        lang: number notation, ``"vi"`` or ``"en"``.

    Returns:
        A :class:`Quantity`; ``value`` is signed by tăng/giảm and scaled to the canonical unit.

    Raises:
        LsoParseError: no number, more than one figure, an ambiguous number, or a word the
            grammar cannot place (quoted).

    Example:
        >>> q = parse_quantity("ước đạt 1.320 triệu USD")
        >>> q.value, q.low, q.high, q.unit, q.status
        (1320.0, 1315.0, 1325.0, 'USD million', 'estimate')
        >>> q = parse_quantity("giảm 42,9%")
        >>> q.value, q.low, q.high
        (-42.9, -42.95, -42.85)
    """
    if not isinstance(text, str):
        raise LsoParseError("not text", str(text))
    t = _words_as_digits(normalize_text(text), lang)
    number = _number_phrase(t, text)
    unit = _unit_after(t, number, lang)
    _refuse_further_figures(number.tokens, unit.end, text)
    head = _head(unit.before, number.bound, text)
    tail = t[unit.end :].strip()
    _check_tail(tail, text)
    value, low, high = _interval(number, unit, head.bound, lang, text)
    if head.direction < 0:
        value, low, high = -value, -high, -low
    return Quantity(value=value, low=low, high=high, unit=unit.unit, unit_raw=unit.unit_raw, bound=head.bound,
                    status=head.status, direction=head.direction, out_of=number.out_of, footnote=unit.footnote,
                    number_raw=number.raw, tail=tail, span=(number.first.start(), unit.end))


@dataclass(frozen=True)
class _NumberPhrase:
    """The number read: one token, a fraction/rank "08/13" or a range "7 đến 7,5"."""

    first: re.Match
    second: re.Match | None
    out_of: float | None
    bound: str
    raw: str
    end: int
    tokens: list


@dataclass(frozen=True)
class _UnitReading:
    """The unit after (or currency before) the number, and the words before the number."""

    unit: str | None
    unit_raw: str | None
    factor: float
    footnote: str | None
    end: int
    before: str


@dataclass(frozen=True)
class _Head:
    """What the words before the number say: status, direction and kind of bound."""

    status: str | None
    direction: int
    bound: str


def _words_as_digits(t: str, lang: str) -> str:
    """Ordinals written as words ("thứ hai") and, in English, small numbers ("two") become digits."""
    if NUMBER_TOKEN.search(t):
        return t
    t = _ORDINAL.sub(lambda m: f"{m.group(1)} {_ORDINAL_WORDS[m.group(2).lower()]}", t)
    if lang == "en":  # "about two to five minutes"
        t = _EN_WORD.sub(lambda m: str(_EN_NUMBER_WORDS[m.group(1).lower()]), t)
    return t


_RANGE_MID = re.compile(r"\s*%?\s*(?:-|–|—|đến|tới|to|hoặc|or)(?:\s+(?:less than|under|dưới))?\s*", re.I)


def _number_phrase(t: str, text: str) -> _NumberPhrase:
    """NUMBER, NUMBER / OUT_OF ("16/63"), or NUMBER SEP NUMBER ("7 đến 7,5%", "1.100 - 1.350")."""
    tokens = list(NUMBER_TOKEN.finditer(t))
    if not tokens:
        raise LsoParseError("no number", text)
    first = tokens[0]
    slash = re.match(r"\s*/\s*(\d+)(?![\d.,/])", t[first.end() :])
    if slash and len(tokens) > 1:
        end = first.end() + slash.end()
        rest = [tk for tk in tokens[1:] if tk.start() >= end]
        return _NumberPhrase(first, None, float(slash.group(1)), "exact", t[first.start() : end], end, [first] + rest)
    if len(tokens) > 1 and _RANGE_MID.fullmatch(t[first.end() : tokens[1].start()]):
        second = tokens[1]
        return _NumberPhrase(first, second, None, "range", t[first.start() : second.end()], second.end(), tokens)
    return _NumberPhrase(first, None, None, "exact", first.group(), first.end(), tokens)


def _unit_after(t: str, number: _NumberPhrase, lang: str) -> _UnitReading:
    """"%" (with a glued footnote marker), a currency printed before the number, or a unit phrase."""
    before, rest, end = t[: number.first.start()], t[number.end :], number.end
    unit, unit_raw, factor, footnote = None, None, 1.0, None
    pct = _PERCENT.match(rest)
    currency = _CURRENCY_BEFORE.search(before)
    if pct:
        unit, unit_raw, footnote = "%", "%", pct.group(1)
        end += pct.end()
    elif currency:
        unit, factor, used = _english_currency(currency.group(1), rest)
        unit_raw = (currency.group(1) + " " + rest[:used].strip()).strip()
        end += used
        before = before[: currency.start()]
    else:
        pattern, table = _unit_table()
        m = pattern.match(rest)
        if m:
            unit, factor = table[m.group(1).lower()]
            unit_raw = m.group(0).strip()
            end += m.end()
    if _RANK_BEFORE.search(before) is not None and unit != "%":
        unit = "rank"  # "xếp thứ 20/63 tỉnh": the rank wins over the noun after it
    if number.second is not None and t[number.second.end() : number.second.end() + 1] == "%" and unit is None:
        unit, unit_raw = "%", "%"
    return _UnitReading(unit, unit_raw, factor, footnote, end, before)


def _refuse_further_figures(tokens: list, tail_start: int, text: str) -> None:
    """Any number after the figure and its unit is another figure: refuse to guess which one is meant."""
    if any(tk.start() >= tail_start for tk in tokens):
        raise LsoParseError("more than one figure; transcribe one number per row", text)


# "đạt tới", "reaching", "as much as": emphasis on the figure reached; the figure is read as printed (no bound).
_FILLER = r"đạt tới|as much as|reaching|đạt|là|có|được|chỉ|thực hiện|chiếm|bằng|gấp|reached|reach|of|at|with|by|to|the|a|an|only|is|was|were|totalling|totaled"


@functools.lru_cache(maxsize=1)
def _head_words() -> re.Pattern:
    """Every word the grammar places before a number: qualifiers, verbs, ranks and the label words."""
    labels = []
    with open(paths.FIGURE_WORDS_CSV, encoding="utf-8", newline="") as fh:
        labels = [normalize_text(row["phrase"]).lower() for row in csv.DictReader(fh)]
    readers = [_ESTIMATE, _TARGET, _UP, _DOWN, _REACHED_WORDS, _RANK_BEFORE, _RANGE_START, _APPROX, _LOWER, _UPPER]
    alternation = "|".join([r.pattern.replace("\\s*$", "").replace("$", "") for r in readers] + [_FILLER]
                           + [re.escape(w) for w in sorted(labels, key=len, reverse=True)])
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I)


_REACHED_WORDS = re.compile(r"\b(?:lên|còn|xuống|hạ|mức|chỉ còn|còn lại)\b", re.I)
_SYMBOLS = re.compile(r"[~≈±><≥≤+:]")


def _head(before: str, bound: str, text: str) -> _Head:
    """Read the words before the number; refuse a word the grammar cannot place."""
    _check_head_words(before, text)
    head = before.lower()
    status = "estimate" if _ESTIMATE.search(head) else "target" if _TARGET.search(head) else None
    # "giảm còn 20,5%", "tăng lên 5%", "fell to 20%": the level reached, not a change.
    reached = _REACHED.search(head)
    direction = 0 if reached else -1 if _DOWN.search(head) else 1 if _UP.search(head) else 0
    if direction == 0 and _MINUS_BEFORE.search(before):
        direction = -1  # "-9,77" in a table column of growth rates
    qualifier = re.sub(r"\b(?:đạt|tăng|giảm|ước|thực hiện|là|có|được|chỉ|rose|fell|by|to|reached|reach|of|at|with)\b",
                       " ", head)
    qualifier = re.sub(r"\s+", " ", qualifier).rstrip()
    if bound != "range":
        if _RANGE_START.search(qualifier):
            bound = "lower"  # "chiếm từ 10% GRDP": from 10% up, i.e. at least 10%
        elif _APPROX.search(qualifier):
            bound = "approx"
        elif _LOWER.search(qualifier):
            bound = "lower"
        elif _UPPER.search(qualifier):
            bound = "upper"
    return _Head(status, direction, bound)


def _check_head_words(before: str, text: str) -> None:
    """Refuse the first word before the figure that is neither a qualifier nor a label word."""
    before = _MINUS_BEFORE.sub(" ", before)  # a minus sign glued before the number is the sign, read in _head
    covered = _SYMBOLS.sub(" ", _head_words().sub(" ", before))
    leftover = [w for w in re.split(r"[\s,;()]+", covered) if w]
    if leftover:
        raise LsoParseError(f"cannot place the word {leftover[0]!r} before the figure (add a label word to "
                            "data/reference/figure_words.csv if it only names what is counted)", text)


# Words after a figure that would change its reading if they were read: refused, not ignored.
_TAIL_QUALIFIER = re.compile(r"(?<!\w)(?:trở lên|trở xuống|or more|or above|and above|or over|and over"
                             r"|or less|or fewer|and below|at least|at most)(?!\w)", re.I)


def _check_tail(tail: str, text: str) -> None:
    """Refuse a bound word after the figure ("100 xe trở lên"): read, it would change the interval."""
    m = _TAIL_QUALIFIER.search(tail)
    if m:
        raise LsoParseError(f"a qualifier after the figure ({m.group()!r}) is not read; write it before the number", text)


def _interval(number: _NumberPhrase, unit: _UnitReading, bound: str, lang: str, text: str) -> tuple[float, float, float]:
    """Value and bounds in the canonical unit: rounding half-unit, range ends, or an open side."""
    value, _ = _split_number(number.first.group(), lang)
    significant = (unit.unit in _EXACT_UNITS or number.out_of is not None
                   or (unit.unit in (None, "count") and unit.factor == 1 and value < 1000))
    low, high = _bounds(number.first.group(), lang, significant)
    if bound == "range":
        high_value, _ = _split_number(number.second.group(), lang)
        if high_value < value:
            raise LsoParseError("a range whose end is below its start", text)
        low, high = value, high_value
        value = (value + high_value) / 2
    elif bound == "lower":
        low, high = value, NAN
    elif bound == "upper":
        low, high = NAN, value
    f = unit.factor
    return _round(value * f), _round(low * f), _round(high * f)


def quantity_pattern() -> re.Pattern:
    """A regex that finds candidate figure phrases in running text: a number or range,
    then ``%`` (with a glued footnote marker) or a unit phrase from ``data/reference``.

    Group ``num`` holds the number (or range), ``unit`` the unit words if any.
    """
    return _quantity_pattern()


@functools.lru_cache(maxsize=1)
def _quantity_pattern() -> re.Pattern:
    unit_alt = "|".join(re.escape(p) for p in sorted(_unit_table()[1], key=len, reverse=True) if p != "%")
    return re.compile(
        rf"(?<![\w.,/])(?P<num>{_TOKEN}(?:\s*/\s*\d+)?(?:\s*%?\s*(?:-|–|đến|tới|hoặc)\s*{_TOKEN})?)"
        rf"(?P<unit>\s*%(?:\d{{1,3}}(?![\d.,]))?|\s*(?:{unit_alt})(?![\w])(?:\s*/\s*\w+)?)?",
        re.I,
    )


def __getattr__(name: str):
    if name == "QUANTITY_PATTERN":
        return _quantity_pattern()
    raise AttributeError(name)
