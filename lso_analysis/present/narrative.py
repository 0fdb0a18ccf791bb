"""Numbers in prose: format figures with their intervals and show Markdown computed from the data.

Notebooks never type a figure into a Markdown cell; they call :func:`md` with values taken
from the data, so the text and the data cannot drift apart.
"""

from __future__ import annotations

import math
from typing import Any

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


def _isnan(x: Any) -> bool:
    try:
        return x is None or math.isnan(float(x))
    except (TypeError, ValueError):
        return True


def fmt_number(x: float, digits: int | None = None) -> str:
    """Format a number for English prose: thousands with commas, sensible decimals.

    Example:
        >>> fmt_number(4270.0), fmt_number(6.67), fmt_number(2809.234), fmt_number(float("nan"))
        ('4,270', '6.67', '2,809.2', 'n/a')
    """
    if _isnan(x):
        return "n/a"
    x = float(x)
    if digits is not None:
        return f"{x:,.{digits}f}"
    text = f"{x:,.{1 if abs(x) >= 100 else 2}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_value(value: float, unit: str = "", low: float = math.nan, high: float = math.nan,
              digits: int | None = None, signed: bool = False, show_range: bool | None = None) -> str:
    """A figure with its unit and, when the interval is informative, its range.

    Args:
        value: the best value.
        unit: a canonical unit (``USD million``, ``%``, ``count`` …).
        low, high: the interval; a NaN side is open ("at least …").
        digits: decimals (default: chosen from the size of the number).
        signed: show "+" on positive values (growth rates).

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
    """
    if _isnan(value):
        return "n/a"
    suffix = _UNIT_SUFFIX.get(unit, f" {unit}" if unit else "")
    if digits is None and unit in ("USD million", "VND billion") and abs(float(value)) >= 100:
        digits = 0

    def one(x: float) -> str:
        text = fmt_number(x, digits)
        if x < 0:
            text = "−" + text.lstrip("-")
        elif signed and x > 0:
            text = "+" + text
        return text

    low_open, high_open = _isnan(low), _isnan(high)
    if not low_open and high_open and float(low) == float(value):
        return f"more than {one(value)}{suffix}"
    if low_open and not high_open and float(high) == float(value):
        return f"less than {one(value)}{suffix}"
    main = f"{one(value)}{suffix}"
    if low_open or high_open:
        return main
    lo, hi = one(float(low)), one(float(high))
    if lo == hi == one(value):
        return main
    if show_range is None:
        # Show the range only when it says more than the digits shown do (their own rounding).
        shown = one(value).split(".")
        decimals = len(shown[1]) if len(shown) > 1 else 0
        width = float(high) - float(low)
        show_range = width > 1.5 * 10.0 ** (-decimals) and width > 0.005 * abs(float(value))
    if not show_range:
        return main
    return f"{main} ({lo}–{hi})"


def fmt_row(row: Any, signed: bool | None = None) -> str:
    """:func:`fmt_value` for a row of observations or of a series (value, value_low, value_high, unit)."""
    get = row.get if hasattr(row, "get") else lambda k, d=None: getattr(row, k, d)
    unit = get("unit", "") or ""
    if signed is None:
        signed = get("measure", "") in ("growth_pct", "change_abs", "change_pp")
    return fmt_value(get("value"), unit, get("value_low", math.nan), get("value_high", math.nan), signed=signed)


class Markdown:
    """Markdown that Jupyter renders (``_repr_markdown_``) and prints as plain text elsewhere."""

    def __init__(self, text: str):
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def md(template: str, **values: Any) -> Markdown:
    """Markdown built from a template and values computed from the data.

    Example:
        >>> md("GRDP grew **{g}** in {year}.", g=fmt_value(6.67, "%"), year=2021).text
        'GRDP grew **6.67%** in 2021.'
    """
    return Markdown(template.format(**values))


def bullet_list(items: list[str], empty: str = "none") -> Markdown:
    """A Markdown bullet list, or ``empty`` in italics when there is nothing to list."""
    if not items:
        return Markdown(f"*{empty}*")
    return Markdown("\n".join(f"- {item}" for item in items))


def missing_note(what: str, province: str) -> Markdown:
    """The sentence a report shows instead of an empty chart."""
    return Markdown(f"> **No data.** The dataset holds no {what} for {province}; this section is left empty "
                    "rather than drawn on empty axes.")


class Table:
    """A table with a caption naming its sources; renders as HTML in Jupyter (with its data as a CSV
    download underneath) and as text elsewhere."""

    def __init__(self, frame, caption: str, source_ids: list[str]):
        self.frame = frame
        self.caption = caption
        self.source_ids = sorted(set(source_ids))

    def _sources_line(self) -> str:
        return "Sources: " + (", ".join(self.source_ids) if self.source_ids else "none")

    def _repr_html_(self) -> str:
        from html import escape

        from lso_analysis.present.datalinks import download_link

        body = self.frame.to_html(index=False, border=0, na_rep="—", escape=True)
        return (f"<figure class='lso-table'><figcaption><strong>{escape(self.caption)}</strong></figcaption>{body}"
                f"<p class='lso-sources'><small>{escape(self._sources_line())}</small></p>"
                f"{download_link(self.frame, self.caption, self.source_ids)}</figure>")

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.frame.to_string(index=False)}\n{self._sources_line()}"


def show_table(frame, caption: str, source_ids=None) -> Table:
    """A table to display, captioned with the ``source_id``s it rests on (which are also cited).

    Args:
        frame: the DataFrame to show (formatted as the reader should see it).
        caption: what the table shows.
        source_ids: ids, or strings of ids joined by ";" (as series' ``source_ids`` column holds);
            defaults to a ``source_id``/``source_ids`` column of ``frame``.
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
    return Table(frame, caption, sorted(ids))
