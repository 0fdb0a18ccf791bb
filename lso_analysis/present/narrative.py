"""Numbers in prose: format figures with their intervals and show Markdown computed from the data.

Notebooks never type a figure into a Markdown cell; they call :func:`md` with values taken
from the data, so the text and the data cannot drift apart.
"""

from __future__ import annotations

import math
import re
import string
from typing import Any

from lso_analysis.present import resolve

_UNIT_SUFFIX = {
    "%": "%",
    "pp": " pp",
    "USD million": " million USD",
    "VND billion": " billion VND",
    "VND million": " million VND",
    "thousand tonnes": " thousand tonnes",
    "tonnes": " tonnes",
    "ha": " ha",
    "km": " km",
    "count": "",
    "rank": "",
    "times": "×",
    "points": " points",
    "months": " months",
    "USD": " USD",
}


#: Vietnamese unit words (the statistics office's).
_UNIT_SUFFIX_VI = {
    "%": "%",
    "pp": " điểm phần trăm",
    "USD million": " triệu USD",
    "VND billion": " tỷ đồng",
    "VND million": " triệu đồng",
    "thousand tonnes": " nghìn tấn",
    "tonnes": " tấn",
    "ha": " ha",
    "km": " km",
    "count": "",
    "rank": "",
    "times": " lần",
    "points": " điểm",
    "months": " tháng",
    "USD": " USD",
    "minutes": " phút",
    "hours": " giờ",
}


def _isnan(x: Any) -> bool:
    try:
        return x is None or math.isnan(float(x))
    except (TypeError, ValueError):
        return True


def fmt_number(x: float, digits: int | None = None, language: str | None = None) -> str:
    """Format a number for prose: thousands grouped, sensible decimals; ``vi`` writes ``1.234,5``.

    ``language`` defaults to the current language (:func:`lso_analysis.present.set_language`).

    Example:
        >>> fmt_number(4270.0), fmt_number(6.67), fmt_number(2809.234), fmt_number(float("nan"))
        ('4,270', '6.67', '2,809.2', 'n/a')
        >>> fmt_number(4270.0, language="vi"), fmt_number(2.03, language="vi"), fmt_number(1234.5, 1, "vi")
        ('4.270', '2,03', '1.234,5')
    """
    language = resolve(language)
    if _isnan(x):
        return "n/a" if language == "en" else "không có số liệu"
    x = float(x)
    if digits is not None:
        text = f"{x:,.{digits}f}"
    else:
        text = f"{x:,.{1 if abs(x) >= 100 else 2}f}"
        text = text.rstrip("0").rstrip(".") if "." in text else text
    if language == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_value(value: float, unit: str = "", low: float = math.nan, high: float = math.nan,
              digits: int | None = None, signed: bool = False, show_range: bool | None = None,
              language: str | None = None) -> str:
    """A figure with its unit and, when the interval is informative, its range.

    Args:
        value: the best value.
        unit: a canonical unit (``USD million``, ``%``, ``count`` …).
        low, high: the interval; a NaN side is open ("at least …").
        digits: decimals (default: chosen from the size of the number).
        signed: show "+" on positive values (growth rates).
        language: ``en`` or ``vi`` (default: the current language).

    Example:
        >>> fmt_value(2809.2, "USD million", 2796.7, 2821.8)
        '2,809 million USD (2,797–2,822)'
        >>> fmt_value(142, "USD million", 142, float("nan"))
        'more than 142 million USD'
        >>> fmt_value(-42.9, "%", -42.95, -42.85, signed=True)
        '−42.9%'
        >>> fmt_value(11000, "VND billion", 10500, 11500)
        '11,000 billion VND (10,500–11,500)'

    The range is shown when it is wider than the rounding of the digits shown and than 0.5% of the
    value (or when ``show_range`` says so): a narrower one adds nothing a reader can use.

        >>> fmt_value(1.17, "%", 1.165, 1.175)
        '1.17%'
        >>> fmt_value(4270, "USD million", 4265, 4275)
        '4,270 million USD'

    ``language="vi"`` follows the Vietnamese conventions:

        >>> fmt_value(2.03, "%", 2.025, 2.035, signed=True, language="vi"), fmt_value(142, "USD million", 142, float("nan"), language="vi")
        ('+2,03%', 'hơn 142 triệu USD')
    """
    language = resolve(language)
    if _isnan(value):
        return "n/a" if language == "en" else "không có số liệu"
    suffixes = _UNIT_SUFFIX_VI if language == "vi" else _UNIT_SUFFIX
    suffix = suffixes.get(unit, f" {unit}" if unit else "")
    if digits is None and unit in ("USD million", "VND billion") and abs(float(value)) >= 100:
        digits = 0

    def one(x: float) -> str:
        text = fmt_number(x, digits, language)
        if x < 0:
            text = "−" + text.lstrip("-")
        elif signed and x > 0:
            text = "+" + text
        return text

    low_open, high_open = _isnan(low), _isnan(high)
    more, less = ("more than", "less than") if language == "en" else ("hơn", "dưới")
    if not low_open and high_open and float(low) == float(value):
        return f"{more} {one(value)}{suffix}"
    if low_open and not high_open and float(high) == float(value):
        return f"{less} {one(value)}{suffix}"
    main = f"{one(value)}{suffix}"
    if low_open or high_open:
        return main
    lo, hi = one(float(low)), one(float(high))
    if lo == hi == one(value):
        return main
    if show_range is None:
        # Show the range only when it says more than the digits shown do (their own rounding).
        shown = one(value).split("." if language == "en" else ",")
        decimals = len(shown[1]) if len(shown) > 1 else 0
        width = float(high) - float(low)
        show_range = width > 1.5 * 10.0 ** (-decimals) and width > 0.005 * abs(float(value))
    if not show_range:
        return main
    return f"{main} ({lo}–{hi})"


class Markdown(str):
    """Markdown that Jupyter renders (``_repr_markdown_``) and prints as plain text elsewhere.

    A ``Markdown`` is *trusted* text: :func:`md`, :func:`bullet_list` and :func:`join` insert it as
    it is, while any other value is passed through :func:`escape_md` first. Build it with :func:`md`
    (or :func:`code`, :func:`join`), never by wrapping text that holds data or parameters.
    """

    @property
    def text(self) -> "Markdown":
        """The Markdown source (still trusted: it can be passed on to :func:`md` or :func:`bullet_list`)."""
        return self

    def _repr_markdown_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return str(self)


# Characters that start Markdown or HTML syntax (tags, entities, links, images, emphasis, code,
# tables, headings, math, autolinks through "scheme:"). Each is backslash-escaped (CommonMark).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&!|~#:$])")


def escape_md(value: Any) -> str:
    """Text from data or parameters, escaped so that Markdown and HTML show it as written.

    Every character that could open a tag, an entity, a link, an image, an autolink, emphasis or
    a code span is backslash-escaped, and line breaks become spaces (a value stays inside its
    sentence). The result renders as the original text, never as markup. A :class:`Markdown`
    value is escaped too: :func:`md` is where trusted Markdown is let through.

    Example:
        >>> escape_md("<img src=x onerror=alert(1)>")
        '\\\\<img src=x onerror=alert(1)\\\\>'
        >>> escape_md("[x](javascript:alert(1))")
        '\\\\[x\\\\](javascript\\\\:alert(1))'
        >>> escape_md("Hà Giang"), escape_md(2021)
        ('Hà Giang', '2021')
    """
    text = re.sub(r"\s*[\r\n\u2028\u2029]+\s*", " ", str(value))
    return _MD_SPECIAL.sub(r"\\\1", text)


class _EscapingFormatter(string.Formatter):
    """``str.format`` that escapes every interpolated value except :class:`Markdown`."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Markdown):
            return format(str(value), format_spec)
        return escape_md(format(value, format_spec))


_FORMATTER = _EscapingFormatter()


def md(template: str, **values: Any) -> Markdown:
    """Markdown built from a template written in code and values computed from the data.

    Every value is formatted (format specs work: ``{day:%d %B %Y}``) and then escaped with
    :func:`escape_md`, so a title, a note or a parameter shows as text and never becomes markup;
    a :class:`Markdown` value (from :func:`md`, :func:`code`, :func:`join`) is inserted as it is.
    Put data into the template only through ``values``, never with an f-string.

    Example:
        >>> str(md("GRDP grew **{g}** in {year}.", g=fmt_value(6.67, "%"), year=2021))
        'GRDP grew **6.67%** in 2021.'
        >>> md("Event: {t}", t="<b>x</b>")
        Event: \\<b\\>x\\</b\\>
    """
    return Markdown(_FORMATTER.vformat(template, (), values))


def code(value: Any) -> Markdown:
    """A Markdown code span holding ``value`` as written (a fence longer than any backtick run in it).

    Example:
        >>> code("trade_turnover"), code("a`b")
        (`trade_turnover`, ``a`b``)
    """
    text = re.sub(r"\s+", " ", str(value)).strip()
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markdown(f"{fence}{pad}{text}{pad}{fence}")


def join(items: Any, sep: str = ", ", empty: str | None = None) -> Markdown:
    """Join values into one Markdown piece, escaping all but :class:`Markdown` items (``empty``: "none" in the
    current language).

    Example:
        >>> join([code("grdp"), "a*b"]), join([])
        (`grdp`, a\\*b, none)
    """
    from lso_analysis.present.words import word

    parts = [item if isinstance(item, Markdown) else escape_md(item) for item in items]
    return Markdown(sep.join(parts) if parts else escape_md(word("none") if empty is None else empty))


def _trusted(value: Any) -> str:
    return str(value) if isinstance(value, Markdown) else escape_md(value)


def bullet_list(items: list[Any], empty: Any = None) -> Markdown:
    """A Markdown bullet list, or ``empty`` (default "none" in the current language) in italics when there is
    nothing to list.

    Items that are :class:`Markdown` (built with :func:`md`) are kept; anything else is escaped.
    """
    if not items:
        from lso_analysis.present.words import word

        return Markdown(f"*{_trusted(word('none') if empty is None else empty)}*")
    return Markdown("\n".join(f"- {_trusted(item)}" for item in items))


def missing_note(what: Any, province: Any, language: str | None = None) -> Markdown:
    """The sentence a report shows instead of an empty chart, in ``language`` (default: the current language).

    ``what`` names the missing figures in that language (``"growth figure"``, ``"số liệu tăng trưởng"``).

    >>> print(missing_note("số liệu tăng trưởng", "Kỳ Lĩnh", "vi"))
    > **Không có số liệu.** Bộ dữ liệu không có số liệu tăng trưởng của Kỳ Lĩnh; phần này để trống thay vì vẽ biểu đồ không có số liệu.
    """
    from lso_analysis.present.words import word

    return md(word("missing_note", language), what=what, province=province)


class Table:
    """A table with a caption naming its sources; renders as HTML in Jupyter (with its data as a CSV
    download underneath) and as text elsewhere."""

    def __init__(self, frame, caption: str, source_ids: list[str], reference: bool = False,
                 language: str | None = None):
        self.frame = frame
        #: The language of the sources line and the download link (default: the current one, when made).
        self.language = resolve(language)
        self.caption = caption
        self.source_ids = sorted(set(source_ids))
        #: The table shows yardsticks from outside the report's window (benchmarks): marked ``lso-ref``.
        self.reference = reference

    def _sources_line(self) -> str:
        from lso_analysis.present.words import word

        if not self.source_ids:
            return word("sources_none", self.language)
        return word("sources_line", self.language, ids=", ".join(self.source_ids))

    def _repr_html_(self) -> str:
        from html import escape

        from lso_analysis.present.datalinks import download_link

        body = self.frame.to_html(index=False, border=0, na_rep="—", escape=True)
        css = "lso-table lso-ref" if self.reference else "lso-table"
        return (f"<figure class='{css}'><figcaption><strong>{escape(self.caption)}</strong></figcaption>{body}"
                f"<p class='lso-sources'><small>{escape(self._sources_line())}</small></p>"
                f"{download_link(self.frame, self.caption, self.source_ids, self.language)}</figure>")

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.frame.to_string(index=False)}\n{self._sources_line()}"


def show_table(frame, caption: str, source_ids=None, reference: bool = False, language: str | None = None) -> Table:
    """A table to display, captioned with the ``source_id``s it rests on (which are also cited).

    Args:
        frame: the DataFrame to show (formatted as the reader should see it).
        caption: what the table shows.
        source_ids: ids, or strings of ids joined by ";" (as series' ``source_ids`` column holds);
            defaults to a ``source_id``/``source_ids`` column of ``frame``.
        reference: the table shows yardsticks from outside the report's window (benchmark averages):
            marked so, and exempt from the check that a report names only years in its window.
        language: of the sources line and the download link (default: the current language).
    """
    ids: set[str] = set()
    if source_ids is None:
        for column in ("source_ids", "source_id"):
            if column in getattr(frame, "columns", []):
                source_ids = list(frame[column].dropna())
                break
    for item in ([] if source_ids is None else list(source_ids)):
        if isinstance(item, str):
            ids.update(x.strip() for x in item.split(";") if x.strip())
    if ids:
        from lso_analysis.present.citations import cite

        cite(*sorted(ids))
    return Table(frame, caption, sorted(ids), reference=reference, language=language)
