"""Tie a figure to its indicator and measure from the phrases around it in its sentence."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from lso_analysis.extract.lexicon import Entry, Lexicon
from lso_analysis.extract.matchtext import trie_regex
from lso_analysis.cleaning.numbers import Quantity
from lso_analysis.extract.segment import Sentence, Span
from lso_analysis.cleaning.units import CANONICAL_UNITS


# How far from a figure its cue words are looked for (characters each side).
_WINDOW = 400


@dataclass(slots=True)
class Phrase:
    """A lexicon phrase found in a sentence (``key`` is its dictionary form)."""

    start: int
    end: int
    key: str


@dataclass(slots=True)
class Tie:
    """The indicator a figure was tied to, and how."""

    entry: Entry | None
    how: str  # "subject", "counted", "subject after", "inherited" or "" (none)
    phrase: str = ""


@functools.lru_cache(maxsize=4096)
def _cue_regex(cue: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){trie_regex([cue])}(?!\w)")


def in_force(code: str | None, wanted: tuple[str, ...]) -> bool:
    """True when ``code`` is one of ``wanted`` or a sub-code of one ("@grdp" admits grdp_services)."""
    return bool(code) and any(code == w or code.startswith(w + "_") for w in wanted)


def pick_entry(
    lex: Lexicon, phrase: Phrase, current: str | None, key: str, scope: tuple[int, int], anchor: int,
    clause: tuple[int, int] | None = None,
) -> Entry | None:
    """The lexicon row a phrase stands for here: its ``@code`` and cue conditions met.

    Rows whose cue words occur in ``scope`` beat rows without cues; among those a cue in
    the figure's own ``clause`` wins, then the cue nearest to ``anchor``, then priority.
    """
    best: tuple | None = None
    fallback: Entry | None = None
    for entry in lex.entries.get(phrase.key, ()):
        if entry.after and not in_force(current, entry.after):
            continue
        if not entry.cues:
            if fallback is None:
                fallback = entry
            continue
        for cue in entry.cues:
            for m in _cue_regex(cue).finditer(key, scope[0], scope[1]):
                near = clause is not None and clause[0] <= m.start() < clause[1]
                rank = (near, -abs(m.start() - anchor), entry.priority)
                if best is None or rank > best[0]:
                    best = (rank, entry)
    if best is not None and (fallback is None or best[0][0] or best[1].priority >= fallback.priority):
        return best[1]
    return fallback


def tie_indicator(
    lex: Lexicon,
    key: str,
    sentence: Sentence,
    phrases: list[Phrase],
    starts: list[int],
    fig,
    clause: tuple[int, int],
    chain: tuple[int, int],
    base_at: int | None,
    is_percent: bool,
    current: str | None,
    current_entry: Entry | None,
) -> Tie:
    """Tie one figure to an indicator.

    In order: a subject phrase earlier in the figure's clause (read left to right, the
    last one wins); the noun right after the number ("294 doanh nghiệp"); a subject phrase
    later in the clause ("100% cơ quan … sử dụng chữ ký số"); the indicator in force in the
    sentence. ``phrases`` are the sentence's phrases and ``starts`` their start offsets;
    ``base_at`` is where the base of a share starts ("80% dân số"): a phrase there is not a subject.
    """
    c_start, c_end = clause
    num_start, num_end = fig.num_start, fig.num_end
    near = (max(sentence.start, num_start - _WINDOW), min(sentence.end, num_start + _WINDOW))
    lo = bisect.bisect_left(starts, max(c_start, num_start - _WINDOW) - 60)
    hi = bisect.bisect_left(starts, num_start)
    cur, cur_entry = current, None
    for p in phrases[lo:hi]:
        if p.end > c_start and lex.entries[p.key][0].role == "subject":
            entry = pick_entry(lex, p, cur, key, near, num_start)
            if entry and entry.role == "subject":
                cur, cur_entry = entry.indicators[0], entry
    if cur_entry is not None:
        return Tie(cur_entry, "subject")
    chain_near = (max(chain[0], num_start - _WINDOW), min(chain[1], num_start + _WINDOW))
    hi = bisect.bisect_right(starts, fig.end + 1)
    for p in phrases[bisect.bisect_left(starts, num_end) : hi]:
        # The noun right after the number names what is counted ("294 doanh nghiệp",
        # "5.030 hộ gia đình triển khai xây dựng nhà ở"), whatever the row's role.
        entry = pick_entry(lex, p, current, key, chain_near, num_start, clause)
        if entry and (not is_percent or _has_percent_code(lex, entry)):
            return Tie(entry, "counted", p.key)
    for p in phrases[bisect.bisect_left(starts, fig.end) : bisect.bisect_left(starts, c_end)]:
        if base_at is not None and p.start == base_at and not _has_percent_code(lex, lex.entries[p.key][0]):
            continue
        entry = pick_entry(lex, p, current, key, near, num_start)
        if entry and entry.role == "subject":
            return Tie(entry, "subject after", p.key)
    if current_entry is not None:
        return Tie(current_entry, "inherited")
    return Tie(None, "")


def _has_percent_code(lex: Lexicon, entry: Entry) -> bool:
    return any(lex.codes[c]["unit"] == "%" for c in entry.indicators)


def pick_code(lex: Lexicon, entry: Entry, quantity: Quantity | None, measure: str) -> tuple[str | None, str]:
    """The code among ``entry.indicators`` that fits the figure, or (None, reason).

    Ranks go to a rank code, points to a score, shares to a % code; levels and
    absolute changes must be in the indicator's dimension (USD is not tonnes).
    """
    unit = quantity.unit if quantity else None
    codes = entry.indicators
    units = {c: lex.codes[c]["unit"] for c in codes}
    if measure == "rank":
        ranked = [c for c in codes if units[c] == "rank"]
        return (ranked[0], "") if ranked else (None, f"a rank, but {codes[0]} is not ranked")
    if unit == "points":
        scored = [c for c in codes if units[c] == "points"]
        return (scored[0], "") if scored else (None, f"points, but {codes[0]} is not a score")
    if measure == "share_pct":
        shares = [c for c in codes if units[c] == "%"]
        return (shares or list(codes))[0], ""
    if measure in ("level", "change_abs"):
        for code in codes:
            if _fits(unit, units[code]):
                return code, ""
        return None, f"a figure in {unit or 'no unit'} does not fit {codes[0]} ({units[codes[0]]})"
    non_rank = [c for c in codes if units[c] not in ("rank", "points")]
    return (non_rank or list(codes))[0], ""


def _fits(unit: str | None, code_unit: str) -> bool:
    if unit is None:
        # A bare number is a count (or a rank, or months): never money, mass, area or a share.
        return CANONICAL_UNITS.get(code_unit, ("",))[0] not in ("VND", "USD", "mass", "area", "length", "percent", "percentage_points")
    if unit == "%":
        return code_unit == "%"
    if code_unit not in CANONICAL_UNITS or unit not in CANONICAL_UNITS:
        return False
    return CANONICAL_UNITS[unit][0] == CANONICAL_UNITS[code_unit][0]


def decide_measure(
    quantity: Quantity,
    hint: str,
    code_unit: str | None,
    plan_after: bool,
    share_cue: bool,
    comparison: Span | None,
) -> str:
    """The measure of a read figure from its unit, direction and the words around it.

    Example:
        >>> from lso_analysis.cleaning.numbers import parse_quantity
        >>> decide_measure(parse_quantity("tăng 30 tỷ đồng"), "", "VND billion", False, False, None)
        'change_abs'
    """
    if quantity.unit == "rank":
        return "rank"
    if quantity.unit == "times":
        return "ratio"
    if quantity.unit == "pp":
        return "change_pp"
    if quantity.unit == "%":
        if plan_after:
            return "plan_pct"
        if quantity.direction:
            rate = code_unit == "%" and hint != "growth_pct"
            return "change_pp" if rate else "growth_pct"
        if share_cue:
            return "share_pct"
        return hint if hint in ("growth_pct", "plan_pct") else "share_pct"
    if quantity.direction and (comparison is not None or quantity.direction < 0 or quantity.status is None):
        return "change_abs"
    return "level"
