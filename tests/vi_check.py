"""Checks of Vietnamese text: English left in it, and numbers, percentages and dates in English notation.

Used by the per-study tests (claims rendered in ``vi``) and the report test (the body of every Vietnamese
report). Both functions take plain text or HTML: tags, ``<style>``/``<script>`` blocks and entities are
handled. What is exempt, because it is quoted or is not prose:

- quoted text (``“…”``, ``"…"``, ``«…»``, ``‘…’``) and ``<cite>``/``<q>`` elements: a source title stays as
  published, so quote it or wrap it in ``<cite>``;
- the strings passed as ``verbatim`` (the titles and publishers of ``sources.csv``, which a table may show);
- identifiers (``trade_turnover``, ``vnexpress-20210815-trade``, ``derived:base_from_growth:src#9``), code spans,
  URLs, e-mail addresses.

>>> english_sentences("Kim ngạch xuất nhập khẩu tăng 12,5% so với cùng kỳ năm trước.")
[]
>>> english_sentences("Tổng sản phẩm tăng. The growth rate of the province fell.")
['The growth rate of the province fell.']
>>> number_convention_errors("tăng 2.03% lên 1,234.5 triệu USD; giảm 2,03%; đạt 4.270 triệu USD")
['2.03%', '1,234.5']
"""

from __future__ import annotations

import html as _html
import re
import unicodedata
from collections.abc import Iterable

#: English function words and words of this project's English reports, none of which is a Vietnamese word
#: written without marks. Left out on purpose: "a", "an" (an ninh), "in" (in ấn), "to" (to lớn), "no" (no đủ),
#: "than" (than đá), "may" (may mặc), "do" (do đó), "so" (so với), "can" (can thiệp), "then" (hát then),
#: "ban" (ban hành), "tin" (thông tin), "online".
ENGLISH_WORDS = frozenset("""
the and of with from for on at by is are was were be been being has have had not this that these those
which who whom whose what when where while it its into onto over under between during after before against
per each every only more less most least same other such both either neither about above below since until
there their they them we our you your he she his her will would could should cannot must shall also but
or if because however although though whether within without across through among via
year years month months quarter quarters half first second third fourth data figure figures province
provinces growth rate rates share trade exports imports export import turnover revenue budget customs
million billion thousand percent estimate estimates estimated reported derived implied source sources cited
none shows show shown table chart note period periods total value values compared national country
rank ranked ranks index plan target targets reached achieved rose fell grew declined increased decreased
higher lower highest lowest sector sectors output industry retail services border gate gates crossing
crossings reopened closed closure closures trucks events event timeline missing download
january february march april june july august september october november december
""".split())

#: Multi-word English expressions or markers the words above would miss.
ENGLISH_TERMS = re.compile(r"(?<![\w/])(?:n/a|e\.g\.|i\.e\.|H[12]\s+\d{4}|Q[1-4]\s+\d{4})(?![\w/])", re.I)

_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»|‘[^’]*’|„[^“”]*[“”]")
_ELEMENTS_DROPPED = re.compile(r"<(style|script|cite|q|code|pre)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_BLOCK_TAGS = re.compile(r"</?(?:p|div|li|ul|ol|tr|td|th|table|thead|tbody|h[1-6]|br|dd|dt|dl|figcaption|figure"
                         r"|blockquote|section|nav|footer|header|main|title)\b[^>]*>", re.I)
_ALT = re.compile(r"<img\b[^>]*?\balt=\"([^\"]*)\"[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_IDENTIFIER = re.compile(r"(?<![\w-])[A-Za-z0-9]+(?:[_\-./][A-Za-z0-9]+)*[_\-][A-Za-z0-9]+(?:[_\-./][A-Za-z0-9]+)*(?![\w-])"
                         r"|(?<![\w:#-])[A-Za-z0-9_\-]+(?:[:#][A-Za-z0-9_\-.]+)+(?![\w:#-])")
_CODE_SPAN = re.compile(r"`[^`]*`")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:'[a-z]+)?")


def plain_text(text: str) -> str:
    """Text as a reader sees it: HTML tags gone (block tags become line breaks, image ``alt`` text kept),
    entities decoded, NFC."""
    if "<" in text and ">" in text:
        text = _ELEMENTS_DROPPED.sub(" ", text)
        text = _ALT.sub(lambda m: "\n" + m.group(1) + "\n", text)
        text = _BLOCK_TAGS.sub("\n", text)
        text = _TAG.sub("", text)
    return unicodedata.normalize("NFC", _html.unescape(text))


def _drop_verbatim(text: str, verbatim: Iterable[str]) -> str:
    for item in sorted({unicodedata.normalize("NFC", str(v)).strip() for v in verbatim if v and str(v).strip()},
                       key=len, reverse=True):
        text = text.replace(item, " ")
    return text


def _exempt(text: str, verbatim: Iterable[str]) -> str:
    text = _QUOTED.sub(" ", _drop_verbatim(text, verbatim))
    text = _URL.sub(" ", text)
    text = _CODE_SPAN.sub(" ", text)
    return _IDENTIFIER.sub(" ", text)


def english_words(text: str) -> list[str]:
    """The English words and terms in one piece of text (after the exemptions), in order."""
    found = [m.group(0) for m in ENGLISH_TERMS.finditer(text)]
    found += [w for w in _WORD.findall(text) if w.lower() in ENGLISH_WORDS]
    return found


def english_sentences(text: str, verbatim: Iterable[str] = ()) -> list[str]:
    """The sentences (or table cells, headings, list items) of ``text`` that hold English.

    Args:
        text: plain text or HTML (a claim, a caption, a whole report page).
        verbatim: strings exempt wherever they appear: the source titles and publishers a page may show.

    Returns:
        Each offending sentence as the reader sees it (whitespace collapsed), in order.

    >>> english_sentences("Nguồn: “Lang Son's trade rebounds in the first half”, VnExpress.")
    []
    >>> english_sentences("<td>no data</td><td>không có số liệu</td>")
    ['no data']
    >>> english_sentences("Bộ dữ liệu có 12 nguồn của The Saigon Times.", verbatim=["The Saigon Times"])
    []
    """
    text = _exempt(plain_text(text), verbatim)
    out = []
    for piece in _SENTENCE_END.split(text):
        piece = " ".join(piece.split())
        if piece and english_words(piece):
            out.append(piece)
    return out


# A decimal point: digits, a dot, one or two digits (or four or more), and not part of a longer dotted run
# (a version "3.11.2", a Vietnamese "1.234.567"). Three digits after a dot are Vietnamese grouping.
_DECIMAL_POINT = re.compile(r"(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?![\d.])(?:\s?%)?")
# English grouping: "1,234.5", or two comma groups "1,234,567".
_ENGLISH_GROUPING = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d+(?![\d.])|(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d,])")
# An ISO date: the statistics office writes 8/1/2023.
_ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")


def number_convention_errors(text: str, verbatim: Iterable[str] = ()) -> list[str]:
    """Numbers, percentages and dates written the English way in Vietnamese text.

    Flags a decimal point (``2.03%``, ``42.9``), English thousands grouping (``1,234.5``, ``1,234,567``) and
    ISO dates (``2023-01-08``; Vietnamese: ``8/1/2023``). Vietnamese ``1.234,5``, ``2,03%``, ``4.270`` and
    years pass. Quoted text (a figure quoted as printed: «down 19.5%»), identifiers, URLs and code spans are not
    read.

    Args:
        text: plain text or HTML.
        verbatim: strings exempt wherever they appear (source titles as published: "… down 47.1% …").

    Returns:
        The offending numbers as written, in order.

    >>> number_convention_errors("GRDP tăng 6,67%, đạt 1.234,5 tỷ đồng; ngày 8/1/2023; phiên bản 3.11.2")
    []
    >>> number_convention_errors("ngày 2023-01-08, tăng 6.67 %, 1,234,567 người")
    ['2023-01-08', '6.67 %', '1,234,567']
    """
    text = _QUOTED.sub(" ", _drop_verbatim(plain_text(text), verbatim))
    text = _URL.sub(" ", _CODE_SPAN.sub(" ", text))
    text = _IDENTIFIER.sub(lambda m: m.group(0) if _ISO_DATE.fullmatch(m.group(0)) else " ", text)
    found = [(m.start(), m.group(0)) for m in _DECIMAL_POINT.finditer(text)]
    found += [(m.start(), m.group(0)) for m in _ENGLISH_GROUPING.finditer(text)]
    found += [(m.start(), m.group(0)) for m in _ISO_DATE.finditer(text)]
    return [s for _, s in sorted(found)]
