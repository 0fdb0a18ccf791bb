"""Candidate observations from Vietnamese report text, in the observations schema (SPEC §3)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from lso_analysis.errors import LsoParseError
from lso_analysis.extract.figures import find_figures
from lso_analysis.extract.lexicon import load_cues, load_lexicon
from lso_analysis.extract.matchtext import canon_key, match_key, nfc_with_offsets, original_span, plain_spaces
from lso_analysis.cleaning.periods import PeriodContext
from lso_analysis.extract.observe import ROW_KEYS, Doc, sentence_rows
from lso_analysis.extract.phrases import compose_phrases, load_grammar, period_skips
from lso_analysis.extract.resolve import Phrase
from lso_analysis.extract.segment import Span, find_comparisons, find_periods, split_sentences
from lso_analysis.extract.timeline import DocumentPeriods

_HAS_FIGURE = re.compile(r"\d|(?:xếp|đứng) thứ")
_YEAR = re.compile(r"(?:19|20)\d\d")
COLUMNS = list(ROW_KEYS)


@dataclass
class ExtractDebug:
    """What the extractor saw but did not return: skipped numbers by reason, unread periods."""

    skipped: Counter = field(default_factory=Counter)
    unread_periods: list[str] = field(default_factory=list)
    sentences: int = 0


def extract_observations(text, published=None, source_id=None, province=None, lang="vi", debug=None, url=None,
                         publisher=None):
    """Propose the observations a researcher would type from a report.

    Args:
        text: the report text (any Unicode normalisation).
        published: publication date (``date``, ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``);
            it supplies years the text omits.
        source_id: used in ``obs_id`` (``<source_id>#<n>``); ``doc`` when None.
        province: the province; when None it is detected with :func:`detect_province`.
        lang: number notation, ``vi`` or ``en``.
        debug: an :class:`ExtractDebug` to fill with what was skipped.
        url, publisher: the document's metadata, weighed with the text when the province is detected.

    Returns:
        A DataFrame with the columns of ``COLUMNS``: one row per figure. Rows whose
        ``reason`` is set are for a curator (no indicator, unreadable figure); the others
        are candidate observations. ``text[span_start:span_end] == value_raw``.

    Example:
        >>> df = extract_observations("Thu ngân sách tháng 7 đạt 803,6 tỷ đồng.", published="2021-08")
        >>> df[["indicator", "measure", "value", "period_raw"]].values.tolist()
        [['budget_revenue', 'level', 803.6, 'tháng 7']]
        >>> str(df.loc[0, "period_start"].date()), str(df.loc[0, "period_end"].date())
        ('2021-07-01', '2021-07-31')
    """
    import pandas as pd

    rows = extract_rows(text, published=published, source_id=source_id, province=province, lang=lang, debug=debug,
                       url=url, publisher=publisher)
    df = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("period_start", "period_end", "base_start", "base_end"):
        df[column] = pd.to_datetime(df[column]).astype("datetime64[s]")
    for column in ("value", "value_low", "value_high", "out_of"):
        df[column] = df[column].astype("float64")
    for column in ("span_start", "span_end"):
        df[column] = df[column].astype("int64")
    for column in COLUMNS:
        if df[column].dtype == object:
            df[column] = df[column].astype("str")  # one string dtype; missing is NaN, as in load_observations
    return df


def extract_rows(text, published=None, source_id=None, province=None, lang="vi", debug=None, url=None,
                 publisher=None) -> list[dict]:
    """:func:`extract_observations` as a list of dicts (no pandas)."""
    if not isinstance(text, str):
        raise TypeError(f"extract_observations expects str, got {type(text).__name__}")
    debug = debug if debug is not None else ExtractDebug()
    norm, offsets = nfc_with_offsets(text)
    key = match_key(norm)
    lex, cues = load_lexicon(), load_cues()
    sentences = split_sentences(norm)
    debug.sentences = len(sentences)
    comparisons = find_comparisons(key)
    all_periods = find_periods(key)
    skips = period_skips(all_periods)
    grammar = load_grammar()
    # Phrases and cue words matter only where there is a figure: scan those sentences alone.
    phrases: list[Phrase] = []
    cue_spans: list[Span] = []
    for sentence in sentences:
        if _HAS_FIGURE.search(key, sentence.start, sentence.end):
            phrases.extend(_sentence_phrases(key, sentence, lex, grammar, skips))
            cue_spans.extend(Span(m.start(), m.end(), canon_key(m.group())) for m in cues.pattern.finditer(key, sentence.start, sentence.end))
    comparisons = _cut_at_phrases(comparisons, phrases)
    comp_cover = [(c.start, c.end) for c in comparisons]
    phrases = [p for p in phrases if not _covered(comp_cover, p.start)]
    periods = [p for p in all_periods if not _covered(comp_cover, p.start)]
    timeline = DocumentPeriods(norm, key, periods, cue_spans, cues, _context(published, periods), debug)
    masks = _merge(sorted([(p.start, p.end) for p in timeline.masking_periods()] + comp_cover + [(p.start, p.end) for p in phrases]))
    figures = find_figures(plain_spaces(norm), key, masks, [s.start for s in sentences], cues, lang, debug.skipped)
    if province is None and figures:
        from lso_analysis.extract.provinces import detect_province

        province = detect_province(norm, url=url, publisher=publisher).province
    doc = Doc(norm, key, lex, cues, timeline, phrases, cue_spans, comparisons)
    rows: list[dict] = []
    fi = 0
    for sentence in sentences:
        in_sentence = []
        while fi < len(figures) and figures[fi].start < sentence.end:
            if figures[fi].start >= sentence.start:
                in_sentence.append(figures[fi])
            fi += 1
        timeline.enter(sentence, in_sentence)
        if in_sentence:
            rows.extend(sentence_rows(doc, sentence, in_sentence))
        timeline.leave()
    for n, row in enumerate(rows, start=1):
        row["obs_id"] = f"{source_id or 'doc'}#{n}"
        row["source_id"] = source_id
        row["province"] = province
        row["span_start"], row["span_end"] = original_span(offsets, row["span_start"], row["span_end"])
        row["value_raw"] = text[row["span_start"] : row["span_end"]]
    return rows


def _sentence_phrases(key: str, sentence, lex, grammar, skips: dict[int, int]) -> list[Phrase]:
    """The lexicon's fixed phrases and the composed phrases of one sentence, in order.

    A composed phrase (head noun and modifiers, :mod:`lso_analysis.extract.phrases`) reads the whole
    noun phrase, so it replaces the fixed phrases it overlaps.
    """
    composed = [Phrase(a, b, rule.key) for a, b, rule in compose_phrases(key, sentence.start, sentence.end, grammar, skips)]
    fixed = []
    for m in lex.pattern.finditer(key, sentence.start, sentence.end):
        k = canon_key(m.group())
        if k in lex.entries and not (composed and any(c.start < m.end() and m.start() < c.end for c in composed)):
            fixed.append(Phrase(m.start(), m.end(), k))
    if not composed:
        return fixed
    return sorted(fixed + composed, key=lambda p: p.start)


def _covered(spans: list[tuple[int, int]], pos: int) -> bool:
    """True when ``pos`` is inside one of the sorted, non-overlapping ``spans``."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _cut_at_phrases(comparisons: list[Span], phrases: list[Phrase]) -> list[Span]:
    """End a comparison where an indicator phrase begins: "so với cùng kỳ chỉ số sản xuất …" in
    unpunctuated text compares with "cùng kỳ", and the rest is a new subject."""
    starts = [p.start for p in phrases]
    out = []
    for c in comparisons:
        i = bisect.bisect_right(starts, c.start + 6)
        if i < len(starts) and starts[i] < c.end:
            cut = starts[i]
            text = c.text[: cut - c.start].rstrip()
            c = Span(c.start, c.start + len(text), text, c.kind)
        out.append(c)
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _context(published, periods: list[Span]) -> PeriodContext:
    """The year rule: the year the document states most often (ties: the later year), else the
    publication date decides (see :class:`PeriodContext`)."""
    try:
        base = PeriodContext.from_published(published)
    except LsoParseError:
        base = PeriodContext()
    years = Counter()
    for p in periods:
        if p.kind in ("month", "ytd", "half", "quarter", "year", "spring", "today"):
            for y in _YEAR.findall(p.text):
                years[int(y)] += 1
    if years:
        year = max(years, key=lambda y: (years[y], y))
        if base.published is None or base.published.year - 1 <= year <= base.published.year:
            return PeriodContext(year=year, published=base.published)
    return base
