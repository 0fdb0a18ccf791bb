"""Indicator phrases read as a head noun and modifiers in any order (data: phrase_parts.csv, phrase_rules.csv)."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from lso_analysis.extract.matchtext import canon_key, match_key, trie_regex
from lso_analysis.paths import REFERENCE_DIR

PARTS_CSV = REFERENCE_DIR / "phrase_parts.csv"
RULES_CSV = REFERENCE_DIR / "phrase_rules.csv"
#: Words that end a phrase: the figure's verb or qualifier, a comparison, a part.
STOP_WORDS = frozenset("đạt ước tăng giảm bằng chiếm là có vượt so trong gồm với như được thực dự đến tính lũy "
                       "còn chỉ xếp đứng hơn khoảng gần trên dưới".split())
#: Words that may sit between modifiers without ending the phrase, at most this many in a row.
MAX_FILLERS = 3
_WORD = re.compile(r"[^\W\d_]+")
_JOINER = re.compile(r" *(?:,|và|-|–) *")


@dataclass(frozen=True)
class Rule:
    """One row of ``phrase_rules.csv``: a head class and the modifier tags it needs and refuses."""

    key: str  # the dictionary key the lexicon stores the rule's entry under ("rule:3")
    head: str
    requires: frozenset[str]
    excludes: frozenset[str]
    indicator: str
    hint: str


@dataclass(frozen=True)
class Grammar:
    """The compiled heads, modifiers and rules."""

    heads: re.Pattern
    head_tags: dict[str, str]
    modifiers: re.Pattern
    modifier_tags: dict[str, str]
    rules: tuple[Rule, ...]

    def pick(self, head: str, tags: set[str]) -> Rule | None:
        """The first rule for ``head`` whose required tags are all in ``tags`` and excluded ones absent."""
        for rule in self.rules:
            if rule.head == head and rule.requires <= tags and not rule.excludes & tags:
                return rule
        return None


@functools.lru_cache(maxsize=4)
def load_grammar(parts_csv: Path = PARTS_CSV, rules_csv: Path = RULES_CSV) -> Grammar:
    """Read and compile the phrase parts and rules.

    The fixed phrases of ``lexicon.csv`` name an indicator by a whole string; reports vary the wording
    ("kim ngạch chung xuất nhập khẩu", "tổng kim ngạch hàng hóa xuất nhập khẩu của tất cả các loại hình
    qua địa bàn tỉnh"). Here a phrase is a head noun (``kim ngạch``, ``thu``, ``tổng mức`` …) followed by
    modifiers in any order (``xuất khẩu``, ``qua địa bàn``, ``tất cả các loại hình``, ``nội địa`` …); the
    set of modifier tags decides the indicator through the rules (first matching rule wins).

    Args:
        parts_csv: heads and modifiers with their tags (``kind,phrase,tag,note``).
        rules_csv: ``head,requires,excludes,indicator,measure_hint,note``.

    Raises:
        ValueError: listing every row (file and line) with an unknown kind, an empty phrase,
            a rule naming a head class or tag that no part row defines.
    """
    heads, modifiers, problems = {}, {}, []
    with open(parts_csv, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            phrase, tag = canon_key(match_key(row["phrase"].strip())), row["tag"].strip()
            if row["kind"] not in ("head", "modifier") or not phrase or not tag:
                problems.append(f"{parts_csv.name} line {line}: kind {row['kind']!r}, phrase {row['phrase']!r}, tag {tag!r}")
                continue
            (heads if row["kind"] == "head" else modifiers)[phrase] = tag
    rules = []
    with open(rules_csv, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            requires = frozenset(t.strip() for t in row["requires"].split(";") if t.strip())
            excludes = frozenset(t.strip() for t in (row["excludes"] or "").split(";") if t.strip())
            unknown = sorted((requires | excludes) - set(modifiers.values()))
            if row["head"] not in set(heads.values()) or unknown or not requires or not row["indicator"].strip():
                problems.append(f"{rules_csv.name} line {line}: head {row['head']!r}, unknown or missing tags {unknown}, "
                                f"indicator {row['indicator']!r}")
                continue
            rules.append(Rule(f"rule:{line}", row["head"], requires, excludes, row["indicator"].strip(),
                              (row.get("measure_hint") or "").strip()))
    if problems:
        raise ValueError("indicator phrase grammar: " + "\n  ".join(problems))
    return Grammar(
        re.compile(rf"(?<!\w)(?:{trie_regex(sorted(heads))})(?!\w)"), heads,
        re.compile(rf"(?:{trie_regex(sorted(modifiers))})(?!\w)"), modifiers, tuple(rules),
    )


def compose_phrases(key: str, start: int, end: int, grammar: Grammar, skips: dict[int, int]) -> list[tuple[int, int, Rule]]:
    """The composed indicator phrases in ``key[start:end]``: ``(start, end, rule)``, in order.

    A phrase is a head followed at once by a modifier, then more modifiers joined by spaces,
    commas, "và" or dashes, with brackets, period phrases (``skips``: start → end) and up to
    ``MAX_FILLERS`` other words between them; a stop word, a digit or other punctuation ends it.

    Example:
        >>> g = load_grammar()
        >>> t = "kim ngạch chung xuất nhập khẩu 9 tháng đạt 512 triệu usd"
        >>> [(t[a:b], r.indicator) for a, b, r in compose_phrases(t, 0, len(t), g, {})]
        [('kim ngạch chung xuất nhập khẩu', 'trade_turnover')]
    """
    out: list[tuple[int, int, Rule]] = []
    consumed = start
    for m in grammar.heads.finditer(key, start, end):
        if m.start() < consumed:
            continue
        tags, last = _modifiers(key, m.end(), end, grammar, skips)
        if last is None:
            continue
        rule = grammar.pick(grammar.head_tags[canon_key(m.group())], tags)
        if rule is not None:
            out.append((m.start(), last, rule))
            consumed = last
    return out


def _modifiers(key: str, pos: int, end: int, grammar: Grammar, skips: dict[int, int]) -> tuple[set[str], int | None]:
    """The modifier tags after a head ending at ``pos`` and where the last modifier ends."""
    tags: set[str] = set()
    last, fillers = None, 0
    while pos < end:
        while pos < end and key[pos] == " ":
            pos += 1
        if pos in skips:
            pos = skips[pos]
            continue
        mm = grammar.modifiers.match(key, pos, end)
        if mm:
            tags.add(grammar.modifier_tags[canon_key(mm.group())])
            last, pos, fillers = mm.end(), mm.end(), 0
            continue
        if last is None:
            break  # a head must be followed at once by a modifier
        joiner = _JOINER.match(key, pos, end)
        if joiner and joiner.end() > pos:
            after = grammar.modifiers.match(key, joiner.end(), end)
            if not after:
                break
            pos = joiner.end()
            continue
        if key[pos] in "()":
            pos += 1
            continue
        word = _WORD.match(key, pos, end)
        if not word or word.group() in STOP_WORDS or fillers >= MAX_FILLERS:
            break
        fillers += 1
        pos = word.end()
    return tags, last


def period_skips(periods) -> dict[int, int]:
    """``start → end`` of period phrases, which may sit inside an indicator phrase."""
    return {p.start: p.end for p in periods}
