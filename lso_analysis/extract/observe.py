"""Turn the figures of one sentence into observation rows: indicator, measure, period, comparison, status."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lso_analysis.errors import LsoParseError
from lso_analysis.extract.figures import Figure
from lso_analysis.extract.lexicon import Cues, Lexicon
from lso_analysis.cleaning.periods import parse_comparison
from lso_analysis.extract.resolve import Phrase, decide_measure, pick_code, pick_entry, tie_indicator
from lso_analysis.extract.segment import Sentence, Span
from lso_analysis.extract.timeline import DocumentPeriods

ROW_KEYS = (
    "obs_id", "source_id", "province", "indicator", "measure", "value", "value_low", "value_high", "unit",
    "out_of", "period_start", "period_end", "period_kind", "base_start", "base_end", "status", "bound",
    "value_raw", "period_raw", "comparison_raw", "note", "span_start", "span_end", "reason",
)
_NAN = float("nan")
_PART_OF = re.compile(r"(?<!\w)trong đó(?!\w)")


@dataclass
class Doc:
    """Everything found in a document, sorted by position, for range look-ups."""

    norm: str
    key: str
    lex: Lexicon
    cues: Cues
    timeline: DocumentPeriods
    phrases: list[Phrase]
    cue_spans: list[Span]
    comparisons: list[Span]

    def __post_init__(self):
        self.phrase_starts = [p.start for p in self.phrases]
        self.cue_starts = [c.start for c in self.cue_spans]
        self.comp_starts = [c.start for c in self.comparisons]
        kinds = self.cues.kinds
        self.estimates = [c.start for c in self.cue_spans if self._status(c) == "estimate"]
        self.targets = [c.start for c in self.cue_spans if self._status(c) == "target"]
        self.share_before = [c.start for c in self.cue_spans if "share_before" in kinds[c.text]]

    def _status(self, cue: Span) -> str | None:
        return self.cues.values.get(("status", cue.text)) if "status" in self.cues.kinds[cue.text] else None

    def between(self, starts: list[int], lo: int, hi: int) -> tuple[int, int]:
        """Index range of the items of ``starts`` (sorted) that lie in ``[lo, hi)``."""
        return bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)


def _any_between(starts: list[int], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def sentence_rows(doc: Doc, sentence: Sentence, figures: list[Figure]) -> list[dict]:
    """Rows for the figures of one sentence, read left to right.

    The indicator in force is the last subject phrase read (or the last figure's
    indicator); an "ước" governs the rest of its semicolon chain; a comparison printed
    after a growth figure is inherited by the next growth figures of the chain.
    """
    lex, cues, norm = doc.lex, doc.cues, doc.norm
    lo, hi = doc.between(doc.phrase_starts, sentence.start, sentence.end)
    phrases = doc.phrases[lo:hi]
    starts = doc.phrase_starts[lo:hi]
    subjects = [p for p in phrases if lex.entries[p.key][0].role == "subject"]
    current, current_entry, done, set_at = None, None, 0, sentence.start
    parts = [m.start() for m in _PART_OF.finditer(doc.key, sentence.start, sentence.end)]
    rows = []
    bases: set[int] = set()  # where the base of a share starts ("65% dân số"): not a subject
    for fig in figures:
        while done < len(subjects) and subjects[done].end <= fig.num_start:
            p = subjects[done]
            done += 1
            if p.start in bases:
                continue
            entry = pick_entry(lex, p, current, doc.key, (sentence.start, sentence.end), p.start)
            if entry is not None and entry.role == "subject":
                current, current_entry, set_at = entry.indicators[0], entry, p.start
        # "…, trong đó thu nội địa 1.105 tỷ đồng": a part must be named by its own phrase.
        part_since = _any_between(parts, set_at + 1, fig.start)
        clause = sentence.clause_of(fig.num_start)
        chain = sentence.chain_of(fig.num_start)
        row, tie_entry, base_at = _figure_row(doc, sentence, fig, clause, chain, phrases, starts, current,
                                              None if part_since else current_entry)
        if base_at is not None:
            bases.add(base_at)
        if row["indicator"]:
            current, current_entry, set_at = row["indicator"], tie_entry, fig.start
        rows.append(row)
    return rows


def _figure_row(doc, sentence, fig, clause, chain, phrases, starts, current, current_entry):
    lex, cues, norm, q = doc.lex, doc.cues, doc.norm, fig.quantity
    c_start, c_end = clause
    i, j = doc.between(doc.cue_starts, fig.end, fig.end + 3)
    after = doc.cue_spans[i:j]
    plan_cue = next((c for c in after if "plan" in cues.kinds[c.text]), None)
    base_cue = next((c for c in after if "share_base" in cues.kinds[c.text]), None)
    is_percent = bool(q and q.unit == "%")
    tie = tie_indicator(
        lex, doc.key, sentence, phrases, starts, fig, clause, chain,
        base_cue.start if base_cue and is_percent else None, is_percent, current, current_entry,
    )
    row = dict.fromkeys(ROW_KEYS)
    row.update(value=_NAN, value_low=_NAN, value_high=_NAN, comparison_raw="", period_raw="", note="", reason="",
               span_start=fig.start, span_end=fig.end)
    i = bisect.bisect_left(doc.comp_starts, fig.end)
    comparison = doc.comparisons[i] if i < len(doc.comparisons) and doc.comp_starts[i] < c_end else None
    notes: list[str] = []
    if comparison is None and is_percent and q.direction:
        k = bisect.bisect_left(doc.comp_starts, fig.start) - 1
        if k >= 0 and doc.comp_starts[k] >= sentence.start:
            comparison = doc.comparisons[k]
            notes.append("comparison inherited from earlier in the sentence")
    share_cue = bool(base_cue) or _any_between(doc.share_before, c_start, fig.num_start)
    status = _status(doc, q, fig, sentence, clause, chain) if q is not None else None
    period, period_raw, period_notes = doc.timeline.period_for(sentence, fig, clause, chain, status in ("target", "estimate"))
    notes = period_notes + notes
    if q is None:
        row["reason"] = f"cannot read the figure: {fig.error}"
    elif tie.entry is None:
        row["reason"] = ("a part ('trong đó …') that no lexicon phrase names" if current_entry is None and current
                         else "no indicator phrase for this figure in its sentence")
    if q is not None:
        code_unit = lex.codes[tie.entry.indicators[0]]["unit"] if tie.entry else None
        measure = decide_measure(q, tie.entry.hint if tie.entry else "", code_unit, plan_cue is not None, share_cue, comparison)
        row.update(measure=measure, value=q.value, value_low=q.low, value_high=q.high, unit=q.unit,
                   out_of=q.out_of, bound=q.bound, status=status)
        if tie.entry is not None:
            code, why = pick_code(lex, tie.entry, q, measure)
            row["indicator"] = code
            if code is None:
                row["reason"] = why
            elif q.unit is None:
                row["unit"] = lex.codes[code]["unit"] if lex.codes[code]["unit"] in ("count", "rank", "months") else None
        if measure == "plan_pct" and plan_cue is not None:
            row["comparison_raw"] = norm[plan_cue.start : c_end].strip(" .…,;:()")
        elif measure in ("growth_pct", "change_abs", "change_pp", "ratio") and comparison is not None:
            row["comparison_raw"] = norm[comparison.start : comparison.end]
        elif notes and notes[-1].startswith("comparison inherited"):
            notes.pop()
        if q.footnote:
            notes.append(f"footnote marker {q.footnote} glued to the figure")
    if period is not None:
        row.update(period_start=period.start, period_end=period.end, period_kind=period.kind, period_raw=period_raw)
        if row["comparison_raw"] and row["measure"] != "plan_pct":
            try:
                comp = parse_comparison(row["comparison_raw"], period, doc.timeline.context)
                row["base_start"], row["base_end"] = comp.base_start, comp.base_end
            except LsoParseError:
                notes.append("comparison base not resolved")
    row["note"] = "; ".join(notes)
    return row, tie.entry, base_cue.start if base_cue and is_percent else None


def _status(doc: Doc, q, fig: Figure, sentence: Sentence, clause, chain) -> str:
    """estimate / target / actual: the figure's own words, then an "ước" earlier in its chain,
    then a "phấn đấu" in its clause (or before a colon that introduces the figure)."""
    if q.status:
        return q.status
    k = bisect.bisect_left(doc.estimates, fig.start) - 1
    if k >= 0 and doc.estimates[k] >= chain[0]:
        return "estimate"
    if _any_between(doc.targets, clause[0], clause[1]):
        return "target"
    k = bisect.bisect_left(doc.targets, fig.start) - 1
    if k >= 0 and doc.targets[k] >= sentence.start:
        if _any_between(sentence.colon_ends, doc.targets[k], fig.start + 1):
            return "target"
    return "actual"
