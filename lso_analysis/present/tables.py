"""Tables for readers: figures formatted with their intervals, captioned with their sources, or a note."""

from __future__ import annotations

import math

import pandas as pd

from lso_analysis.present import narrative as nv
from lso_analysis.present import resolve

_ORIGIN_WORDS = {"en": {"estimated": "estimate (ước)", "reported": "reported", "derived": "derived", "": "—"},
                 "vi": {"estimated": "ước tính", "reported": "số báo cáo", "derived": "tính toán", "": "—"}}


def readable(frame: pd.DataFrame, columns: dict, language: str | None = None) -> pd.DataFrame:
    """A table for readers.

    ``{heading: column}`` copies a column; ``{heading: (column, unit, signed[, digits])}`` formats a figure
    with its ``<column>_low``/``_high`` (``value_low``/``value_high`` for ``value``) as
    :func:`lso_analysis.present.narrative.fmt_value` does, except that a printed figure (``origin`` not
    ``derived``) shows its range only when it is wider than 2% of the value: a narrower one is the rounding
    its digits already imply ("1.17%", not "1.17% (1.17–1.18)"). ``language`` defaults to the current one.

    >>> readable(pd.DataFrame({"value": [4270.0], "value_low": [4265.0], "value_high": [4275.0], "origin": ["estimated"]}),
    ...          {"Turnover": ("value", "USD million", False), "Figure": "origin"}).iloc[0].tolist()
    ['4,270 million USD', 'estimate (ước)']
    """
    language = resolve(language)
    words = _ORIGIN_WORDS[language]
    out = pd.DataFrame(index=frame.index)
    for heading, spec in columns.items():
        if isinstance(spec, str):
            out[heading] = frame[spec].replace(words) if spec in frame else "—"
            continue
        col, unit, signed, digits = (*spec, None)[:4]
        low, high = (f"{col}_low", f"{col}_high") if col != "value" else ("value_low", "value_high")
        cells = []
        for _, r in frame.iterrows():
            lo, hi = r.get(low, math.nan), r.get(high, math.nan)
            wide = None if r.get("origin", "derived") == "derived" else abs(hi - lo) > 0.02 * abs(r[col])
            cells.append(nv.fmt_value(r[col], unit, lo, hi, signed=signed, digits=digits, show_range=wide,
                                      language=language))
        out[heading] = cells
    return out.reset_index(drop=True)


def table_or_note(frame: pd.DataFrame, caption: str, source_ids, what: str, province: str,
                  has_data: bool | None = None, language: str | None = None):
    """:func:`lso_analysis.present.narrative.show_table`, or the missing-data note when there is nothing to show
    (both in ``language``, default the current language)."""
    if not (len(frame) > 0 if has_data is None else has_data):
        return nv.missing_note(what, province, language)
    return nv.show_table(frame, caption, list(source_ids), language=language)


def fmt_growth(row, show_range: bool | None = False, language: str | None = None) -> str:
    """A growth figure with sign and unit; its range only when asked (a printed rate's rounding is implied)."""
    return nv.fmt_value(row["value"], row.get("unit") or "%", row["value_low"], row["value_high"], signed=True,
                        show_range=show_range, language=language)
