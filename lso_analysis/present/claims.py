"""Claims: every sentence a report says about the data, decided by code and worded apart from its logic.

A study function tests a condition on the data in scope and returns a :class:`Claim`: which case held
(``case``), the values it rests on, their source ids and the years it names. The words live in
``lso_analysis/present/wording/<study>.py`` as templates keyed by ``(claim id, case)`` and language, so a
second language is a second set of templates, not a second set of logic.

>>> from lso_analysis.present import wording
>>> wording.register("doc", "en", {("doc.growth", "rose"): "Output grew {growth} in {period}.",
...                                 ("doc.growth", "no_data"): "No growth figure for {province}."})
>>> c = Claim("doc.growth", "rose", {"growth": Fig(6.67, 6.665, 6.675, "%", signed=True),
...           "period": Span("2021-01-01", "2021-12-31")}, ("src-a",), years=(2021,))
>>> c.text()
'Output grew +6.67% in 2021.'
>>> Claim("doc.growth", "no_data", {"province": "<b>X</b>"}).text()
'No growth figure for &lt;b&gt;X&lt;/b&gt;.'
"""

from __future__ import annotations

import html
import math
import string
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import pandas as pd

from lso_analysis.present import labels


@dataclass(frozen=True)
class Fig:
    """A figure a claim names: value, interval and unit (``signed`` shows "+" on a rise).

    ``show_range``: ``None`` lets the formatter decide (range shown when wider than the digits imply),
    ``True``/``False`` force it.
    """

    value: float
    low: float = math.nan
    high: float = math.nan
    unit: str = ""
    signed: bool = False
    show_range: bool | None = None
    digits: int | None = None

    @classmethod
    def of(cls, row: Any, signed: bool | None = None, show_range: bool | None = None, unit: str | None = None) -> "Fig":
        """From a row with ``value``, ``value_low``, ``value_high`` and ``unit`` (observation or series row)."""
        get = row.get if hasattr(row, "get") else lambda k, d=None: getattr(row, k, d)
        if signed is None:
            signed = get("measure", "") in ("growth_pct", "change_abs", "change_pp")
        return cls(float(get("value")), float(get("value_low", math.nan)), float(get("value_high", math.nan)),
                   unit if unit is not None else (get("unit", "") or ""), signed, show_range)


@dataclass(frozen=True)
class Span:
    """A period a claim names (first and last day); ``form`` ``long`` or ``short``."""

    start: Any
    end: Any = None
    form: str = "long"
    #: A yardstick outside the window (a benchmark's years, an index's base year): shown marked, not checked.
    reference: bool = False

    @property
    def years(self) -> tuple[int, ...]:
        if self.reference:
            return ()
        s = pd.Timestamp(self.start)
        e = pd.Timestamp(self.end) if self.end is not None and not pd.isna(self.end) else s
        return tuple(range(s.year, e.year + 1))


@dataclass(frozen=True)
class Day:
    """A date a claim names."""

    day: Any

    @property
    def years(self) -> tuple[int, ...]:
        return (pd.Timestamp(self.day).year,)


@dataclass(frozen=True)
class Claim:
    """One statement about the data.

    Attributes:
        id: stable name, ``<study>.<what>`` (``covid.trough``).
        case: which case the data support (``first_half``, ``full_year``, ``no_data`` …): picks the wording.
        values: the named values the wording uses: :class:`Fig`, :class:`Span`, :class:`Day`, numbers,
            strings (escaped when shown), or lists of those.
        source_ids: the sources the values rest on.
        years: the years the claim names besides those of its spans and days (checked against the window).
    """

    id: str
    case: str
    values: Mapping[str, Any] = field(default_factory=dict)
    source_ids: tuple[str, ...] = ()
    years: tuple[int, ...] = ()

    @property
    def holds(self) -> bool:
        """False for the "the data cannot tell" cases (``no_data``, ``too_thin`` …)."""
        return self.case not in ("no_data", "too_thin", "not_applicable")

    def named_years(self) -> set[int]:
        """Every year the claim names: its ``years`` and those of the spans and days among its values."""
        out = {int(y) for y in self.years}
        for value in self.values.values():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, (Span, Day)):
                    out.update(item.years)
        return out

    def text(self, language: str | None = None) -> str:
        """The sentence in ``language`` (default: the current language), values formatted and escaped."""
        from lso_analysis.present import resolve, wording

        language = resolve(language)
        template = wording.template(self.id, self.case, language)
        if callable(template):
            return template(self, _Formatter(language))
        return _Formatter(language).format(template, **self.values)

    def _repr_markdown_(self) -> str:
        return show([self])._repr_markdown_()


def _sep(language: str) -> tuple[str, str]:
    return (", ", " and ") if language == "en" else (", ", " và ")


class _Formatter(string.Formatter):
    """Formats claim values: figures with intervals, periods in words, strings escaped, lists joined."""

    def __init__(self, language: str | None = None):
        super().__init__()
        from lso_analysis.present import resolve

        self.language = resolve(language)

    def format_field(self, value: Any, spec: str) -> str:
        return self.one(value, spec)

    def one(self, value: Any, spec: str = "") -> str:
        from lso_analysis.present import narrative as nv

        if isinstance(value, (list, tuple)):
            parts = [self.one(v, spec) for v in value]
            comma, last = _sep(self.language)
            return parts[0] if len(parts) == 1 else comma.join(parts[:-1]) + last + parts[-1] if parts else ""
        if isinstance(value, Fig):
            show = True if spec == "range" else (False if spec == "norange" else value.show_range)
            return nv.fmt_value(value.value, value.unit, value.low, value.high, digits=value.digits,
                                signed=value.signed and spec != "abs", show_range=show, language=self.language) \
                if spec != "abs" else nv.fmt_value(abs(value.value), value.unit, *sorted((abs(value.low), abs(value.high))),
                                                   digits=value.digits, show_range=value.show_range, language=self.language)
        if isinstance(value, Span):
            form = value.form if spec in ("", "the") else spec
            text = labels.period_label(value.start, value.end, form, self.language)
            text = labels.with_article(text) if spec == "the" and self.language == "en" else text
            return f'<span class="lso-ref">{text}</span>' if value.reference else text
        if isinstance(value, Day):
            return labels.date_label(value.day, self.language)
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return str(value) if 1800 <= value <= 2100 or spec == "plain" else nv.fmt_number(value, 0, self.language)
        if isinstance(value, float):
            return nv.fmt_number(value, None if not spec.isdigit() else int(spec), self.language)
        return escape_text(str(value))


def _markdown_renderer():
    import mistune

    return mistune.create_markdown(escape=False)


class _LazyMarkdown:
    def __call__(self, text: str) -> str:
        if not hasattr(self, "_render"):
            self._render = _markdown_renderer()
        return f'<div class="lso-claims">{self._render(text)}</div>'


_MARKDOWN = _LazyMarkdown()

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]"})


def escape_text(text: str) -> str:
    r"""Text from data made inert in Markdown and HTML: ``<``/``>``/``&`` escaped, Markdown markup backslashed.

    >>> escape_text("<b>x</b> [a](b) *c*")
    '&lt;b&gt;x&lt;/b&gt; \\[a\\](b) \\*c\\*'
    """
    return html.escape(text, quote=False).translate(_MD_SPECIAL)


def fmt(value: Any, language: str | None = None, spec: str = "") -> str:
    """Format one claim value (a :class:`Fig`, :class:`Span`, :class:`Day`, number or string) for ``language``
    (default: the current language)."""
    return _Formatter(language).one(value, spec)


class ClaimList:
    """Claims shown as Markdown bullets (or one paragraph), each followed by its sources; cites them."""

    def __init__(self, claims: list[Claim], language: str | None = None, bullets: bool = True):
        from lso_analysis.present import resolve

        self.claims = list(claims)
        #: The language of the sentences (default: the current one when the list is made).
        self.language = resolve(language)
        self.bullets = bullets

    def lines(self) -> list[str]:
        out = []
        for claim in self.claims:
            text = claim.text(self.language)
            if claim.source_ids:
                from lso_analysis.present.words import word

                label = word("sources", self.language)
                text += f" <small>({label}: {html.escape(', '.join(sorted(set(claim.source_ids))))})</small>"
            out.append(text)
        return out

    def _repr_markdown_(self) -> str:
        from lso_analysis.present.citations import cite

        ids = sorted({s for c in self.claims for s in c.source_ids})
        if ids:
            cite(*ids)
        lines = self.lines()
        return "\n".join(f"- {line}" for line in lines) if self.bullets else "\n\n".join(lines)

    def _repr_html_(self) -> str:
        # Rendered here rather than by nbconvert: its Markdown renderer splits inline tags (the
        # ``lso-ref`` spans that mark yardsticks outside the window, the sources in ``<small>``).
        # Values are already escaped (``escape_text``); the templates' own markup is trusted.
        return _MARKDOWN(self._repr_markdown_())

    def __repr__(self) -> str:
        return "\n".join(self.lines())


def show(claims: Claim | Iterable[Claim], language: str | None = None, bullets: bool | None = None) -> ClaimList:
    """Display one claim (a paragraph) or several (bullets), with their sources cited, in ``language`` (default:
    the current language, :func:`lso_analysis.present.set_language`)."""
    if isinstance(claims, Claim):
        return ClaimList([claims], language, bullets=False if bullets is None else bullets)
    items = list(claims)
    return ClaimList(items, language, bullets=True if bullets is None else bullets)
