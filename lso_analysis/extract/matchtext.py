"""Length-preserving text keys and trie regexes for matching Vietnamese phrases in running text."""

from __future__ import annotations

import functools
import re
import unicodedata

# Tone marks as combining characters (grave, acute, hook, tilde, dot below).
_TONES = "\u0300\u0301\u0309\u0303\u0323"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACE_LIKE = re.compile(r"[^\S ]")  # every Unicode space except the ASCII space itself


def _tone_table() -> dict[str, str]:
    """Old/new tone placement pairs: "oà" ↔ "òa", "oẻ" ↔ "ỏe", "uỷ" ↔ "ủy" (both cases).

    Vietnamese has two accepted places for the tone mark on the open syllables
    -oa, -oe, -uy ("hoá"/"hóa", "khoẻ"/"khỏe", "thuỷ"/"thủy"); 004 prints "hàng hoá"
    where the lexicon says "hàng hóa". We key both to the tone on the first vowel.
    """
    table = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second), (first.upper(), second.upper())):
                new_style = f + unicodedata.normalize("NFC", s + tone)
                old_style = unicodedata.normalize("NFC", f + tone) + s
                table[new_style] = old_style
    return table


_TONE_PAIRS = _tone_table()
# Only at the end of a syllable ("hoán" keeps its mark on "a"), and not after "q"
# ("quý": the "u" belongs to the consonant "qu").
_TONE_RE = re.compile(
    "(?<![qQ])[oOuU][" + "".join(sorted({pair[1] for pair in _TONE_PAIRS})) + r"](?![^\W\d_])"
)


def canon_tones(text: str) -> str:
    """Move tone marks of open -oa/-oe/-uy syllables to the first vowel; same length.

    Example:
        >>> canon_tones("Hàng hoá, sức khoẻ, Thuỷ sản, quý II")
        'Hàng hóa, sức khỏe, Thủy sản, quý II'
    """
    return _TONE_RE.sub(lambda m: _TONE_PAIRS.get(m.group(), m.group()), text)


def lower_same_length(text: str) -> str:
    """``str.lower`` that never changes the length (U+0130 'İ' would grow by one)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def match_key(text: str) -> str:
    """The string phrases are matched against: lower case, tone-canonical, spaces as ' '.

    It has exactly the length of ``text``, so a match's offsets are offsets in ``text``.

    Example:
        >>> match_key("Tổng mức bán lẻ hàng hoá\\nvà")
        'tổng mức bán lẻ hàng hóa và'
    """
    return _SPACE_LIKE.sub(" ", canon_tones(lower_same_length(text)))


_AROUND_PUNCT = re.compile(r"\s*([,/\-–—])\s*")


@functools.lru_cache(maxsize=65536)
def canon_key(text: str) -> str:
    """Collapse a matched phrase to its dictionary form: one space, none around , / - (dashes as -).

    Example:
        >>> canon_key("nông ,  lâm nghiệp, covid - 19")
        'nông,lâm nghiệp,covid-19'
    """
    text = _AROUND_PUNCT.sub(r"\1", re.sub(r"\s+", " ", text.strip()))
    return text.replace("–", "-").replace("—", "-")


def plain_spaces(text: str) -> str:
    """Every Unicode space (no-break, thin, tab, newline) as an ASCII space; same length."""
    return _SPACE_LIKE.sub(" ", text)


def nfc_with_offsets(text: str) -> tuple[str, tuple[list[int], list[int]] | None]:
    """NFC-normalise ``text`` and drop invisible characters, keeping a map back to ``text``.

    Returns:
        ``(normalised, offsets)``; ``offsets`` is None when the text was already clean
        (offsets are then equal), else ``(starts, ends)`` where character ``i`` of the
        normalised text came from ``text[starts[i]:ends[i]]``.

    Example:
        >>> norm, offsets = nfc_with_offsets("La\\u0323ng")
        >>> norm, offsets
        ('Lạng', ([0, 1, 3, 4], [1, 3, 4, 5]))
    """
    if unicodedata.is_normalized("NFC", text) and not any(ch in text for ch in _INVISIBLE):
        return text, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in _INVISIBLE:
            i += 1
            continue
        j = i + 1
        # A base character and the combining marks that follow it form one cluster.
        while j < n and unicodedata.combining(text[j]):
            j += 1
        for ch in unicodedata.normalize("NFC", text[i:j]):
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return "".join(out), (starts, ends)


def original_span(offsets: tuple[list[int], list[int]] | None, start: int, end: int) -> tuple[int, int]:
    """Map a non-empty ``[start, end)`` span of the normalised text back to the original text."""
    if offsets is None:
        return start, end
    starts, ends = offsets
    return starts[start], ends[end - 1]


def trie_regex(phrases: list[str]) -> str:
    """One regex alternation matching any of ``phrases``, trying the longest first.

    Phrases are given in match-key form. A space matches one or more spaces, a
    comma or dash may have spaces around it. Common prefixes are shared, so the
    engine does one pass whatever the number of phrases.

    Example:
        >>> rx = re.compile(trie_regex(["kim ngạch", "kim ngạch xuất khẩu", "kim"]))
        >>> rx.match("kim  ngạch xuất khẩu").group()
        'kim  ngạch xuất khẩu'
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _atom(ch: str) -> str:
    if ch == " ":
        return " +"
    if ch == ",":
        return " *, *"
    if ch in "-–—":
        return " *[-–—] *"
    return re.escape(ch)


def _emit(node: dict) -> str:
    ends = "" in node
    branches = [_atom(ch) + _emit(child) for ch, child in node.items() if ch != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body
