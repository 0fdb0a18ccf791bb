"""Split report text into sentences and clauses, and find the period and comparison phrases in it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Words after which a full stop does not end a sentence ("TP. Lạng Sơn", "ThS. Nguyễn").
_ABBREVIATIONS = frozenset("tp tx tt ths ts pgs gs bs ks cn th st mr mrs dr ng v.v vv".split())
_SENTENCE_END = re.compile(r"(?=[\n.!?…])(?:\n+|[.!?…]+(?=[\"”’')\]]*(?:\s|$))|(?<=[a-zà-ỹđ)])\.(?=[A-ZÀ-ỸĐ]))")
# Clause separators: a comma that is not a decimal comma, semicolons, colons, brackets, "trong đó".
_LAST_WORD = re.compile(r"([\w.]+)$")
_CLAUSE_SEP = re.compile(r",(?!\d)|[;:()\[\]]|(?<!\w)trong đó(?!\w)")
_CHAIN_SEP = ";"

_Y = r"(?:19|20)\d{2}"
_YS = rf"(?:\s*(?:/|-|năm|,)?\s*{_Y})?"
PERIOD_FINDER = re.compile(
    rf"(?<![\w/.,])(?=\d|giai|thời|nhiệm|từ|năm|niên|kế|tính|đến|tới|ngày|sáu|nửa|quý|lũy|luỹ|trong|tháng|vụ|cả|hết|cuối|cho)(?:"
    rf"(?P<multi>(?:\d{{1,2}} năm |giai đoạn |thời kỳ |nhiệm kỳ |từ năm |năm học |niên vụ |niên khóa |kế hoạch )?"
    rf"(?:năm )?{_Y}\s*(?:-|–|—|đến|tới)\s*(?:năm\s*)?{_Y})"
    rf"|(?P<dayrange>từ ngày\s*\d{{1,2}}/\d{{1,2}}(?:/{_Y})?\s*(?:đến|tới|-|–)\s*(?:ngày\s*)?\d{{1,2}}/\d{{1,2}}(?:/{_Y})?)"
    rf"|(?P<today>(?:tính đến|tính tới|đến|tới)\s*(?:hết\s*)?(?:ngày\s*)?\d{{1,2}}/\d{{1,2}}(?:/{_Y})?)"
    rf"|(?P<date>(?:ngày\s*)?\d{{1,2}}/\d{{1,2}}/{_Y})"
    rf"|(?P<half>(?:6|sáu) tháng (?:đầu|cuối) năm{_YS}|nửa (?:đầu|cuối) năm{_YS}|nửa năm (?:đầu|cuối){_YS})"
    rf"|(?P<quarter>quý\s*(?:iv|iii|ii|i|[1-4])(?!\w){_YS})"
    rf"|(?P<ytd>(?:(?:lũy kế|luỹ kế|trong)\s+)?\d{{1,2}} tháng(?: đầu năm| đầu)?(?!\w){_YS})"
    rf"|(?P<month>tháng\s*\d{{1,2}}(?![\d,.]\d){_YS})"
    rf"|(?P<spring>vụ (?:đông xuân|xuân)(?:\s*(?:năm\s*)?{_Y})?)"
    rf"|(?P<year>(?:cả năm|trong năm|năm|hết năm|cuối năm|đến hết năm|đến cuối năm)\s*{_Y})"
    rf"|(?P<thisyear>(?:cả năm|trong năm|năm nay)(?!\s*\d))"
    rf"|(?P<todate>(?:tính |cho )?(?:đến|tới) nay)"
    rf")(?![\w/])"
)
# "so với cùng kỳ năm 2019": up to eight words, stopping at punctuation or at the next verb.
COMPARISON_FINDER = re.compile(
    r"(?<!\w)so (?:với )?(?:(?!(?:tăng|giảm|đạt|ước|và|nhưng|trong đó|bằng|chiếm)(?!\w))[^\s,;:().]+(?: (?=\S)|(?=[\s,;:().]|$))){1,8}"
)
# Periods that describe something else than the figure: school years, crop years, terms of office.
_DESCRIPTOR = re.compile(r"^(?:năm học|niên vụ|niên khóa|nhiệm kỳ|\d{1,2} năm|kế hoạch)")


@dataclass(slots=True)
class Span:
    """A piece of text found at ``[start, end)`` of the document."""

    start: int
    end: int
    text: str
    kind: str = ""


class Sentence:
    """A sentence at ``[start, end)`` of a text, with its clause boundaries (computed on first use).

    ``clause_starts`` are offsets where a clause begins (the first is ``start``);
    ``chain_starts`` where a semicolon chain begins; ``colon_ends`` just after each colon.
    """

    __slots__ = ("start", "end", "_text", "_clauses", "_chains", "_colons")

    def __init__(self, text: str, start: int, end: int):
        while start < end and text[start].isspace():
            start += 1
        self.start, self.end, self._text = start, end, text
        self._clauses: list[int] | None = None
        self._chains: list[int] = []
        self._colons: list[int] = []

    def _split(self) -> None:
        self._clauses, self._chains = [self.start], [self.start]
        for m in _CLAUSE_SEP.finditer(self._text, self.start, self.end):
            self._clauses.append(m.end() if m.group() != "trong đó" else m.start())
            if m.group() == _CHAIN_SEP:
                self._chains.append(m.end())
            elif m.group() == ":":
                self._colons.append(m.end())

    @property
    def clause_starts(self) -> list[int]:
        if self._clauses is None:
            self._split()
        return self._clauses

    @property
    def chain_starts(self) -> list[int]:
        if self._clauses is None:
            self._split()
        return self._chains

    @property
    def colon_ends(self) -> list[int]:
        if self._clauses is None:
            self._split()
        return self._colons

    def clause_of(self, pos: int) -> tuple[int, int]:
        """The ``(start, end)`` of the clause containing ``pos``."""
        starts = self.clause_starts
        i = bisect.bisect_right(starts, pos) - 1
        end = starts[i + 1] if i + 1 < len(starts) else self.end
        return starts[max(i, 0)], end

    def chain_of(self, pos: int) -> tuple[int, int]:
        """The ``(start, end)`` of the semicolon chain containing ``pos``."""
        starts = self.chain_starts
        i = bisect.bisect_right(starts, pos) - 1
        end = starts[i + 1] if i + 1 < len(starts) else self.end
        return starts[max(i, 0)], end


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences at line breaks and full stops (not decimal points or abbreviations).

    Example:
        >>> [text[s.start:s.end] for text in ["Thu đạt 1.585,0 tỷ đồng. TP. Lạng Sơn tăng 5%"] for s in split_sentences(text)]
        ['Thu đạt 1.585,0 tỷ đồng.', 'TP. Lạng Sơn tăng 5%']
    """
    sentences = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group()[0] == ".":
            word = _LAST_WORD.search(text, max(0, m.start() - 6), m.start())
            if word and (word.group(1).lower() in _ABBREVIATIONS or (len(word.group(1)) == 1 and word.group(1).isupper())):
                continue
        end = m.end() if m.group()[0] != "\n" else m.start()
        if text[start:end].strip():
            sentences.append(Sentence(text, start, end))
        start = m.end()
    if text[start:].strip():
        sentences.append(Sentence(text, start, len(text)))
    return sentences


def find_periods(key: str) -> list[Span]:
    """Period phrases in a match key (lower-case text), with their kind of pattern.

    Kinds: the named groups of ``PERIOD_FINDER`` (``month``, ``ytd``, ``year`` …), or
    ``descriptor`` for spans that are not reporting periods ("năm học 2020 – 2021").

    Example:
        >>> [(p.text, p.kind) for p in find_periods("tháng 7 ước đạt 380, lũy kế 7 tháng ước 2.390")]
        [('tháng 7', 'month'), ('lũy kế 7 tháng', 'ytd')]
    """
    spans = []
    for m in PERIOD_FINDER.finditer(key):
        kind = m.lastgroup or ""
        text = m.group()
        if kind == "multi" and _DESCRIPTOR.match(text):
            kind = "descriptor"
        spans.append(Span(m.start(), m.end(), text, kind))
    return spans


def find_comparisons(key: str) -> list[Span]:
    """"so với …" phrases up to the end of their clause.

    Example:
        >>> [c.text for c in find_comparisons("tăng 53,2% so với cùng kỳ, đạt 77,6% kế hoạch")]
        ['so với cùng kỳ']
    """
    spans = []
    for m in COMPARISON_FINDER.finditer(key):
        text = m.group().rstrip()
        spans.append(Span(m.start(), m.start() + len(text), text, "comparison"))
    return spans
