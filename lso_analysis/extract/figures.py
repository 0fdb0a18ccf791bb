"""Find the printed figures in report text, telling statistics from dates, labels and other furniture."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from lso_analysis.errors import LsoParseError
from lso_analysis.extract.lexicon import Cues
from lso_analysis.cleaning.numbers import Quantity, parse_quantity, quantity_pattern

# A number as printed, with the separators that may chain it ("1.585,0", "08/13", "29/7/2021").
NUMBER_RE = re.compile(r"(?<![\w])\d+(?:[.,/]\d+)*")
_DAY_MONTH = re.compile(r"(\d{1,2})[/.](\d{1,2})")
# Words that belong to a figure when printed just before it: status, direction, bound, rank.
_QUALIFIERS = frozenset(
    "ước|đạt|ước đạt|ước tính|dự ước|ước thực hiện|tăng|giảm|vượt|gấp|hơn|trên|dưới|gần|khoảng|xấp xỉ|"
    "chừng|từ|là|được|thêm|bằng|thực hiện|chỉ|xếp thứ|đứng thứ|thứ|xếp hạng|lên|còn|tăng thêm|giảm còn|tăng hơn|"
    "giảm hơn|ước tăng|ước giảm|đạt khoảng|đạt hơn|đạt trên|vượt hơn|giảm còn|tăng lên|giảm xuống|xuống còn".split("|")
)
_QUALIFIERS_BEFORE = re.compile(
    r"(?<!\w)(?:(?:" + "|".join(sorted((q.replace(" ", r"\s+") for q in _QUALIFIERS), key=len, reverse=True)) + r")\s+){1,3}$"
)
_ORDINAL_RANK = re.compile(r"(?<!\w)(?:xếp|đứng|vị trí)(?: thứ)? (?:thứ )?(nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)(?![\w]| ?\d)")


@dataclass(slots=True)
class Figure:
    """One candidate figure: the printed phrase and its reading.

    ``start``/``end`` delimit ``value_raw`` in the normalised text; ``num_start``/``num_end``
    the number itself; ``quantity`` is None when the cleaner refused the phrase (``error``).
    """

    start: int
    end: int
    num_start: int
    num_end: int
    text: str
    quantity: Quantity | None
    error: str = ""


def _covered(starts: list[int], ends: list[int], pos: int) -> bool:
    """True when ``pos`` falls inside one of the sorted, non-overlapping spans ``starts[i]..ends[i]``."""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


_REFERENCE_AFTER = re.compile(r"/\s*[^\W\d_]|[-–]\s*[A-ZĐ]{2}")
_TIME_BEFORE = re.compile(r"\d:\s*$")
_GLUED_LABEL = re.compile(r"[^\W\d_]\s?[-–]\s?$")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")
_WORD_AFTER = re.compile(r"\s*(?:%|[^\W\d_])")
_DURATION_AFTER = re.compile(r"\s+(năm|tuổi|giờ|phút|giây)(?!\w)(?!\s*(?:19|20)\d\d)")


def furniture_reason(norm: str, key: str, start: int, end: int, cues: Cues, sentence_start: int,
                     tails: list[str] | None = None) -> str:
    """Why the number at ``[start, end)`` is not a statistic, or "" when it may be one.

    Dates ("29/7/2021", "Sáng 31.8", "nghỉ lễ 2.9"), times ("0:00"), reference numbers
    ("128/NQ-CP"), labels ("Ảnh 1", "mức độ 4", "Covid-19"), bare years, durations
    ("190 năm") and numbers that are part of a name ("Hợp Thành 1").
    """
    if tails is None:
        tails = _tails(_prev_words(key, start, max(sentence_start, start - 40), 6))
    token = norm[start:end]
    nxt = norm[end : end + 1]
    before = key[max(0, start - 24) : start]
    if nxt in ("/", "-", "–") and _REFERENCE_AFTER.match(norm, end):
        return "reference number"
    if (nxt == ":" and norm[end + 1 : end + 2].isdigit()) or (before[-2:].strip().endswith(":") and _TIME_BEFORE.search(before)):
        return "time"
    if "/" in token or "." in token:
        if token.count("/") >= 2:
            return "date"
        day_month = _DAY_MONTH.fullmatch(token)
        if day_month and 1 <= int(day_month.group(1)) <= 31 and 1 <= int(day_month.group(2)) <= 12:
            # "31.8" cannot be a Vietnamese number (groups of three after a dot): a date.
            if "." in token or before.endswith("(") or any(t in cues.date_words for t in tails):
                return "date"
    if any(t in cues.labels for t in tails) or _GLUED_LABEL.search(before):
        return "label"
    if len(token) == 4 and _YEAR_TOKEN.fullmatch(token) and not _WORD_AFTER.match(norm, end):
        return "year"
    duration = _DURATION_AFTER.match(key, end)
    if duration and duration.group(1) in cues.duration_after:
        return "duration"
    # A number right after a capitalised word inside a sentence is part of a name ("Hợp Thành 1").
    space = norm.rfind(" ", max(0, start - 30), start - 1)
    word = norm[space + 1 : start].strip()
    if space > sentence_start and word[:1].isupper() and word.isalpha() and not word.isupper() and word.lower() not in _QUALIFIERS:
        return "part of a name"
    return ""


def find_figures(
    norm: str,
    key: str,
    masks: list[tuple[int, int]],
    sentence_starts: list[int],
    cues: Cues,
    lang: str,
    skipped: Counter,
) -> list[Figure]:
    """Every candidate figure of the text, in order.

    Args:
        norm: the NFC text; key: its match key (same length).
        masks: sorted ``(start, end)`` spans whose numbers are not figures (periods,
            comparisons, lexicon phrases that contain a number).
        sentence_starts: sorted sentence start offsets (a qualifier never reaches across).
        cues: the compiled cue words.
        lang: number notation for :func:`parse_quantity`.
        skipped: counts skipped numbers by reason (updated in place).
    """
    figures: list[Figure] = []
    mask_starts, mask_ends = [a for a, _ in masks], [b for _, b in masks]
    unit_re = quantity_pattern()
    last_end = 0
    for m in NUMBER_RE.finditer(norm):
        start, end = m.start(), m.end()
        if start < last_end:
            continue
        if _covered(mask_starts, mask_ends, start):
            skipped["inside a period, comparison or phrase"] += 1
            continue
        s_start = sentence_starts[bisect.bisect_right(sentence_starts, start) - 1] if sentence_starts else 0
        words = _prev_words(key, start, max(s_start, start - 40), 6)
        reason = furniture_reason(norm, key, start, end, cues, s_start, _tails(words))
        if reason:
            skipped[reason] += 1
            continue
        qm = unit_re.match(norm, start)
        stop = qm.end() if qm and qm.end() > end else end
        begin = _extend_left(words, start)
        text = norm[begin:stop]
        try:
            quantity, error = parse_quantity(text, lang=lang), ""
        except LsoParseError as exc:
            quantity, error = None, str(exc)
        except (ArithmeticError, ValueError) as exc:  # e.g. a 5,000-digit number overflows a float
            quantity, error = None, f"{type(exc).__name__}: {exc}"
        figures.append(Figure(begin, stop, start, end, text, quantity, error))
        last_end = stop
    for m in _ORDINAL_RANK.finditer(key):
        value = float(cues.values.get(("ordinal", m.group(1)), "nan") or "nan")
        if value == value and not _covered(mask_starts, mask_ends, m.start(1)):
            q = Quantity(value, value, value, "rank", None, "exact", None, 0, None, None, m.group(1), "", (0, 0))
            figures.append(Figure(m.start(), m.end(), m.start(1), m.end(1), norm[m.start() : m.end()], q))
    figures.sort(key=lambda f: f.start)
    return figures


def _prev_words(key: str, pos: int, limit: int, n: int = 4) -> list[tuple[int, str]]:
    """The last ``n`` words before ``pos`` (separated from it by a space) as ``(start, word)``, nearest first."""
    out: list[tuple[int, str]] = []
    end = pos
    while end > limit and key[end - 1] == " ":
        end -= 1
    if end == pos:
        return out  # glued to the previous character
    while len(out) < n and end > limit:
        i = key.rfind(" ", limit, end)
        word_start = i + 1 if i >= 0 else limit
        out.append((word_start, key[word_start:end]))
        end = word_start
        while end > limit and key[end - 1] == " ":
            end -= 1
    return out


def _tails(words: list[tuple[int, str]]) -> list[str]:
    """"w1", "w2 w1", "w3 w2 w1" from :func:`_prev_words`."""
    return [" ".join(w for _, w in reversed(words[: k + 1])) for k in range(min(3, len(words)))]


def _extend_left(words: list[tuple[int, str]], start: int) -> int:
    """Move ``start`` left over the qualifier words printed before the number ("ước đạt", "tăng hơn")."""
    i = 0
    while i < len(words):
        if i + 2 < len(words) and f"{words[i + 2][1]} {words[i + 1][1]} {words[i][1]}" in _QUALIFIERS:
            i += 3
        elif i + 1 < len(words) and f"{words[i + 1][1]} {words[i][1]}" in _QUALIFIERS:
            i += 2
        elif words[i][1] in _QUALIFIERS:
            i += 1
        else:
            break
        start = words[i - 1][0]
    return start
