"""The phrase → indicator lexicon and the extractor's cue words, read and checked from data/reference."""

from __future__ import annotations

import csv
import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from lso_analysis.extract.matchtext import canon_key, match_key, trie_regex
from lso_analysis.paths import INDICATORS_CSV, LEXICON_CSV, REFERENCE_DIR

CUES_CSV = REFERENCE_DIR / "extract_cues.csv"
ROLES = ("subject", "counted")
HINTS = ("", "growth_pct", "share_pct", "plan_pct")
CUE_KINDS = (
    "status", "plan", "share_before", "share_base", "stock", "plan_period", "duration",
    "label", "date_before", "duration_after", "ordinal",
)


@dataclass(frozen=True)
class Entry:
    """One lexicon row, expanded.

    Attributes:
        phrase: the row's phrase pattern as written.
        indicators: candidate codes; the first whose unit fits the figure is used.
        role: ``subject`` (names the indicator anywhere in the clause) or ``counted``
            (the noun right after the number: "294 doanh nghiệp").
        cues: phrases (match-key form) of which one must occur in the clause chain.
        after: codes of which one must be the indicator in force ("@grdp": grdp or grdp_*).
        priority: higher wins among rows of the same phrase whose cues are met.
        hint: what a bare % means for this indicator (growth_pct, share_pct, plan_pct).
    """

    phrase: str
    indicators: tuple[str, ...]
    role: str
    cues: tuple[str, ...]
    after: tuple[str, ...]
    priority: int
    hint: str


@dataclass(frozen=True)
class Lexicon:
    """The compiled lexicon: one regex for every phrase, and the rows each phrase leads to."""

    pattern: re.Pattern
    entries: dict[str, tuple[Entry, ...]]
    codes: dict[str, dict[str, str]]


def expand_phrase(pattern: str) -> list[str]:
    """Every phrase a pattern stands for: ``[x]`` is optional, ``(a|b)`` and ``[a|b]`` are choices.

    Example:
        >>> expand_phrase("[tổng] thu ngân sách (nhà nước|NSNN)")
        ['tổng thu ngân sách nhà nước', 'tổng thu ngân sách NSNN', 'thu ngân sách nhà nước', 'thu ngân sách NSNN']
    """
    out = [_tidy(p) for p in _expand(pattern)]
    return list(dict.fromkeys(p for p in out if p))


def _expand(text: str) -> list[str]:
    i = 0
    results = [""]
    while i < len(text):
        ch = text[i]
        if ch in "[(":
            close = _matching(text, i)
            options = [o for part in _split_top(text[i + 1 : close]) for o in _expand(part)]
            if ch == "[":
                options.append("")
            results = [r + o for r in results for o in options]
            i = close + 1
        else:
            j = i
            while j < len(text) and text[j] not in "[(":
                j += 1
            results = [r + text[i:j] for r in results]
            i = j
    return results


def _matching(text: str, start: int) -> int:
    depth = 0
    for k in range(start, len(text)):
        if text[k] in "[(":
            depth += 1
        elif text[k] in "])":
            depth -= 1
            if depth == 0:
                return k
    raise ValueError(f"unbalanced brackets in lexicon phrase {text!r}")


def _split_top(text: str) -> list[str]:
    parts, depth, last = [], 0, 0
    for k, ch in enumerate(text):
        depth += ch in "[("
        depth -= ch in "])"
        if ch == "|" and depth == 0:
            parts.append(text[last:k])
            last = k + 1
    parts.append(text[last:])
    return parts


def _tidy(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase).strip()


def _key(phrase: str) -> str:
    """The dictionary form a phrase is stored under (see :func:`canon_key`)."""
    return canon_key(match_key(phrase))


def read_codebook(path: Path = INDICATORS_CSV) -> dict[str, dict[str, str]]:
    """code → codebook row, read with the csv module (no pandas)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_CSV, codebook: Path = INDICATORS_CSV) -> Lexicon:
    """Read, check and compile the lexicon.

    Args:
        path: the lexicon CSV (columns phrase, indicator, role, cue, priority, measure_hint, note).
        codebook: the indicators CSV the codes must come from.

    Returns:
        A :class:`Lexicon`.

    Raises:
        ValueError: listing every row with an unknown indicator code, role, hint,
            priority or a malformed phrase.
    """
    codes = read_codebook(codebook)
    problems: list[str] = []
    entries: dict[str, list[Entry]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            indicators = tuple(c.strip() for c in row["indicator"].split("|") if c.strip())
            cue_items = [c.strip() for c in (row.get("cue") or "").split(";") if c.strip()]
            after = tuple(c[1:] for c in cue_items if c.startswith("@"))
            unknown = [c for c in indicators + after if c not in codes]
            if unknown or not indicators:
                problems.append(f"line {line}: unknown indicator code(s) {', '.join(unknown) or '(empty)'}")
            if row["role"] not in ROLES:
                problems.append(f"line {line}: role {row['role']!r} is not one of {ROLES}")
            if (row.get("measure_hint") or "") not in HINTS:
                problems.append(f"line {line}: measure_hint {row['measure_hint']!r} is not one of {HINTS}")
            try:
                priority = int(row.get("priority") or 1)
                phrases = expand_phrase(row["phrase"])
            except ValueError as exc:
                problems.append(f"line {line}: {exc}")
                continue
            entry = Entry(
                phrase=row["phrase"],
                indicators=indicators,
                role=row["role"],
                cues=tuple(_key(c) for c in cue_items if not c.startswith("@")),
                after=after,
                priority=priority,
                hint=row.get("measure_hint") or "",
            )
            for phrase in phrases:
                entries[_key(phrase)].append(entry)
    if problems:
        raise ValueError(f"{path}: {len(problems)} problem(s):\n  " + "\n  ".join(problems))
    regex = rf"(?<!\w)(?:{trie_regex(sorted(entries))})(?!\w)"
    _add_rule_entries(entries, codes)
    frozen = {k: tuple(sorted(v, key=lambda e: -e.priority)) for k, v in entries.items()}
    return Lexicon(re.compile(regex), frozen, codes)


def _add_rule_entries(entries: dict[str, list[Entry]], codes: dict[str, dict[str, str]]) -> None:
    """Add the composed-phrase rules (:mod:`lso_analysis.extract.phrases`) under their ``rule:N`` keys.

    Raises:
        ValueError: a rule names an indicator code that is not in the codebook.
    """
    from lso_analysis.extract.phrases import RULES_CSV, load_grammar

    grammar = load_grammar()
    unknown = [f"{rule.key}: {rule.indicator}" for rule in grammar.rules if rule.indicator not in codes]
    if unknown:
        raise ValueError(f"{RULES_CSV}: unknown indicator code(s): {', '.join(unknown)}")
    for rule in grammar.rules:
        phrase = f"<{rule.head}: {' + '.join(sorted(rule.requires))}>"
        entries[rule.key].append(Entry(phrase, (rule.indicator,), "subject", (), (), 5, rule.hint))


def lexicon_coverage(path: Path = LEXICON_CSV, codebook: Path = INDICATORS_CSV) -> list[str]:
    """Codebook codes that no lexicon row leads to (a new code needs its phrases)."""
    lex = load_lexicon(path, codebook)
    used = {code for rows in lex.entries.values() for e in rows for code in e.indicators}
    return sorted(set(lex.codes) - used)


@dataclass(frozen=True)
class Cues:
    """The cue words of ``extract_cues.csv``, compiled."""

    pattern: re.Pattern  # the cue phrases looked up as spans (status, plan, share, stock)
    kinds: dict[str, frozenset[str]]  # phrase key → kinds
    values: dict[tuple[str, str], str]  # (kind, phrase key) → value
    before: dict[str, re.Pattern]  # kind → regex matching the kind's words at the end of a text
    duration_after: frozenset[str]  # words after a number that make it a duration ("190 năm")
    labels: frozenset[str]  # words before a number that make it a label ("Ảnh 1", "mức độ 4")
    date_words: frozenset[str]  # words before a day/month that make it a date ("Sáng 7/7")


@functools.lru_cache(maxsize=2)
def load_cues(path: Path = CUES_CSV) -> Cues:
    """Read and compile the cue words (status, plan, share, stock, furniture …).

    Raises:
        ValueError: a row has an unknown kind or an empty phrase.
    """
    kinds: dict[str, set[str]] = defaultdict(set)
    values: dict[tuple[str, str], str] = {}
    by_kind: dict[str, list[str]] = defaultdict(list)
    problems = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            kind, phrase = row["kind"].strip(), _key(row["phrase"])
            if kind not in CUE_KINDS or not phrase:
                problems.append(f"line {line}: kind {kind!r} / phrase {row['phrase']!r}")
                continue
            kinds[phrase].add(kind)
            values[(kind, phrase)] = row.get("value") or ""
            by_kind[kind].append(phrase)
    if problems:
        raise ValueError(f"{path}: unknown cue kinds or empty phrases:\n  " + "\n  ".join(problems))
    # Only these kinds are looked up as spans in the text; the others are read just before a number.
    spanned = sorted(k for k, v in kinds.items() if v & {"status", "plan", "share_before", "share_base", "stock"})
    pattern = re.compile(rf"(?<!\w)(?:{trie_regex(spanned)})(?!\w)")
    before = {k: re.compile(rf"(?<!\w)(?:{trie_regex(sorted(set(v)))})\s*[-–]?\s*$") for k, v in by_kind.items()}
    return Cues(pattern, {k: frozenset(v) for k, v in kinds.items()}, values, before, frozenset(by_kind["duration_after"]),
                frozenset(by_kind["label"]), frozenset(by_kind["date_before"]))
