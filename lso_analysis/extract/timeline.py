"""The period each figure of a document refers to: printed beside it, earlier in its sentence, or the document's."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from lso_analysis.errors import LsoParseError
from lso_analysis.extract.lexicon import Cues
from lso_analysis.extract.matchtext import trie_regex
from lso_analysis.cleaning.periods import Period, PeriodContext, parse_period
from lso_analysis.extract.segment import Sentence, Span

# Kinds of period phrase that can be a document's reporting period.
# A crop season ("vụ đông xuân") is the period of farm figures only, never the document's.
_REPORTING = frozenset("month ytd half quarter year today thisyear dayrange".split())
_BARE_MONTHS = re.compile(r"\d{1,2} tháng$")
_CAPTION = re.compile(r"(?<!\w)(?:Ảnh|Ảnh minh họa|Nguồn ảnh|Photo)\s*:")


@dataclass(slots=True)
class DatedSpan:
    """A period phrase with its reading and role."""

    span: Span
    period: Period | None
    plan: bool  # a plan's or task's period ("nhiệm vụ tháng 8", a period not over at publication)
    descriptor: bool  # not a reporting period at all ("năm học 2020 – 2021")


@functools.lru_cache(maxsize=8192)
def _read(text: str, context: PeriodContext) -> Period | None:
    try:
        return parse_period(text, context)
    except LsoParseError:
        return None


_PLAN_WORDS: dict[int, re.Pattern] = {}


def _plan_words(cues: Cues) -> re.Pattern:
    """Plan words, up to two words before a period: "nhiệm vụ trọng tâm tháng 8"."""
    if id(cues) not in _PLAN_WORDS:
        words = sorted(k for k, v in cues.kinds.items() if "plan_period" in v)
        _PLAN_WORDS[id(cues)] = re.compile(rf"(?<!\w)(?:{trie_regex(words)})(?:\s+[^\W\d]+){{0,2}}\s*$")
    return _PLAN_WORDS[id(cues)]


class DocumentPeriods:
    """Walks a document sentence by sentence and answers "which period is this figure for?".

    The rule, in order, for a figure:
      1. a period phrase in the figure's clause before it ("tháng 7 ước đạt 380 triệu USD");
      2. one in its clause after it ("đạt 49,5% dự toán (tính đến ngày 30/6/2020)" counts the
         bracket as part of the clause before it);
      3. the last period phrase earlier in the sentence that heads its clause (no figure
         before it in that clause) and is not a plan's period: it applies to the following
         figures until another appears;
      4. a period phrase printed after the sentence's last figure ("… và 02 xã … năm 2022");
      5. the document's period: the last heading period of an earlier sentence that is not
         a plan's period, a date or a descriptor ("tháng 7 và 7 tháng đầu năm 2021" in a lead
         paragraph governs the next sentence's figures).
    A stock word ("hiện có", "lũy kế" without a period, "đến nay", "nâng tổng số") earlier in
    the figure's chain turns the period into its last day: a stock is read at a date.
    """

    def __init__(self, norm: str, key: str, periods: list[Span], cue_spans: list[Span], cues: Cues, context: PeriodContext, debug):
        self.key = key
        self.norm = norm
        self.context = context
        self.cues = cues
        self.current: DatedSpan | None = None
        self._plan_words = _plan_words(cues)
        self._duration = cues.before["duration"]
        self.dated: list[DatedSpan] = []
        self._dropped: list[Span] = []
        for span in periods:
            if span.kind == "ytd" and _BARE_MONTHS.match(span.text) and self._duration.search(key[max(0, span.start - 20) : span.start]):
                self._dropped.append(span)  # "trước thời hạn 7 tháng": a duration
                continue
            descriptor = span.kind in ("descriptor",)
            period = None if descriptor else _read(span.text, context)
            if period is None and not descriptor:
                debug.unread_periods.append(span.text)
            plan = bool(self._plan_words.search(key[max(0, span.start - 40) : span.start]))
            if period is not None and context.published is not None and period.end > context.published:
                plan = True
            self.dated.append(DatedSpan(span, period, plan, descriptor))
        self._dated_starts = [d.span.start for d in self.dated]
        self._stock = [c.start for c in cue_spans if "stock" in cues.kinds[c.text] and not self._period_follows(c)]
        self._stock_text = {c.start: c.text for c in cue_spans}
        self._sentence: Sentence | None = None
        self._in_sentence: list[DatedSpan] = []
        self._heads: list[bool] = []

    def masking_periods(self) -> list[Span]:
        """Period phrases whose numbers are not figures (all but durations)."""
        return [d.span for d in self.dated]

    def enter(self, sentence: Sentence, figures: list) -> None:
        """Start a sentence whose figures are ``figures`` (in order)."""
        self._sentence = sentence
        lo = bisect.bisect_left(self._dated_starts, sentence.start)
        hi = bisect.bisect_left(self._dated_starts, sentence.end)
        self._in_sentence = [d for d in self.dated[lo:hi] if not d.descriptor]
        if not self._in_sentence:
            self._heads, self._carry, self._carry_ends, self._usable_starts = [], [], [], []
            self._carry_plan, self._carry_plan_ends = [], []
            self._last_fig_end = figures[-1].end if figures else sentence.start
            return
        fig_starts = [f.start for f in figures]
        self._fig_starts = fig_starts
        self._last_fig_end = figures[-1].end if figures else sentence.start
        self._heads = []
        for d in self._in_sentence:
            c_start = sentence.clause_of(d.span.start)[0] if fig_starts else sentence.start
            k = bisect.bisect_left(fig_starts, c_start)
            self._heads.append(not (k < len(fig_starts) and fig_starts[k] < d.span.start))
        # Periods that carry forward to the next clauses: heading their clause, not a plan's, not a date.
        self._carry = [d for d, h in zip(self._in_sentence, self._heads)
                       if h and d.period is not None and not d.plan and d.span.kind != "date"]
        self._carry_ends = [d.span.end for d in self._carry]
        # A target's period may be a plan's period ("Năm 2023, tỉnh phấn đấu … đạt 8%").
        self._carry_plan = [d for d, h in zip(self._in_sentence, self._heads)
                            if h and d.period is not None and d.span.kind != "date"]
        self._carry_plan_ends = [d.span.end for d in self._carry_plan]
        self._usable_starts = [d.span.start for d in self._in_sentence]

    def leave(self) -> None:
        """Finish the sentence: its last heading reporting period becomes the document's.

        Photo captions ("… Ảnh: TRÍ DŨNG") and periods in brackets ("cửa khẩu Chi Ma (tháng 4/2021)")
        are asides: they never become the document's period.
        """
        sentence = self._sentence
        if not self._in_sentence or _CAPTION.search(self.norm, sentence.start, sentence.end):
            return
        for d, heads in zip(reversed(self._in_sentence), reversed(self._heads)):
            if self.norm[max(sentence.start, d.span.start - 1) : d.span.start] == "(":
                continue
            if heads and d.period is not None and not d.plan and d.span.kind in _REPORTING:
                self.current = d
                break

    def period_for(self, sentence: Sentence, fig, clause: tuple[int, int], chain: tuple[int, int], target: bool = False):
        """The period of one figure: ``(period, printed phrase, notes on how it was found)``.

        ``target`` admits a plan's period carried from earlier in the sentence.
        """
        c_start, c_end = clause
        spans = self._in_sentence
        chosen, note = None, ""
        k = bisect.bisect_left(self._usable_starts, fig.num_start) - 1
        while k >= 0 and spans[k].span.start >= c_start and (spans[k].period is None or spans[k].span.end > fig.num_start):
            k -= 1
        if k >= 0 and spans[k].span.start >= c_start:
            chosen = spans[k]
        else:
            k = bisect.bisect_left(self._usable_starts, fig.end)
            while k < len(spans) and spans[k].span.start < c_end and spans[k].period is None:
                k += 1
            if k < len(spans) and spans[k].span.start < c_end:
                chosen, note = spans[k], "period printed after the figure"
        if chosen is None:
            carry, ends = (self._carry_plan, self._carry_plan_ends) if target else (self._carry, self._carry_ends)
            k = bisect.bisect_right(ends, c_start) - 1
            if k >= 0:
                chosen, note = carry[k], "period from earlier in the sentence"
            else:
                trailing = next((d for d in spans[bisect.bisect_left(self._usable_starts, self._last_fig_end):]
                                 if d.period is not None and (target or not d.plan) and d.span.kind != "date"), None)
                if trailing is not None:
                    chosen, note = trailing, "period printed at the end of the sentence"
                elif self.current is not None:
                    chosen, note = self.current, "period from the document context"
        if chosen is None:
            return None, "", ["no period found"]
        period, raw = chosen.period, self.norm[chosen.span.start : chosen.span.end]
        notes = [note] if note else []
        k = bisect.bisect_left(self._stock, fig.start) - 1
        if k >= 0 and self._stock[k] >= chain[0]:
            period = replace(period, start=period.end, kind="day")
            notes.append(f"stock ('{self._stock_text[self._stock[k]]}'): read at the end of the period")
        return period, raw, notes

    def _period_follows(self, cue: Span) -> bool:
        """"lũy kế 7 tháng" is a cumulative period, not a stock."""
        k = bisect.bisect_left(self._dated_starts, cue.start)
        return k < len(self.dated) and self.dated[k].span.start <= cue.end + 2

