"""Vietnamese-aware text normalisation: NFC, one space, no zero-width characters."""

from __future__ import annotations

import re
import unicodedata

# Zero-width space/joiners, word joiner, BOM, soft hyphen: invisible in a browser,
# fatal to string matching ("Lạng\u200bSơn" != "Lạng Sơn").
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Every Unicode space (no-break, thin, ideographic, tabs, newlines) becomes one ASCII space.
_SPACES = re.compile(r"\s+")


def normalize_text(text: str, *, keep_newlines: bool = False) -> str:
    """Return ``text`` in NFC with one space between words and no invisible characters.

    Composed and decomposed spellings of the same word compare equal afterwards,
    so "Lạng Sơn" typed on a Mac (NFD) matches "Lạng Sơn" from a web page (NFC).

    Args:
        text: any string.
        keep_newlines: keep line breaks (collapsing runs of blank lines to one
            line break) instead of turning them into spaces; used when line
            structure carries meaning (headings, paragraphs).

    Returns:
        The normalised string, stripped at both ends.

    Raises:
        TypeError: if ``text`` is not a string.

    Example:
        >>> normalize_text("La\u0323ng  So\u031bn\u200b ") == "Lạng Sơn"
        True
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize_text expects str, got {type(text).__name__}")
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    if keep_newlines:
        lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
        return "\n".join(line for line in lines if line)
    return _SPACES.sub(" ", text).strip()


def fold_text(text: str) -> str:
    """Return a lower-case, NFC, single-spaced form for matching (diacritics kept).

    Example:
        >>> fold_text("  TỔNG  Kim Ngạch ")
        'tổng kim ngạch'
    """
    return normalize_text(text).lower()
