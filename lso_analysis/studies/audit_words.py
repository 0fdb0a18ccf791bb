"""The audit's tables and chart in the reader's language: headings, table words and indicator names via the wordings."""

from __future__ import annotations

import csv
import re
from functools import lru_cache

import numpy as np
import pandas as pd

from lso_analysis.analysis.scope import Scope
from lso_analysis.present import narrative as nv
from lso_analysis.present import wording

#: Columns whose cells are words of the tables (mapped through ``audit.label``), by the key prefix of their words.
_CELL_WORDS = {"reliability": "reliability", "status": "verdict", "check": "check", "measure": "measure",
               "column": "field"}
_YES_NO = ("agrees", "in series")
_QUOTED = ("printed", "read as")
_NONE = ("recorded judgement", "preferred", "evidence", "what exists instead", "detected",
         "years without a full-year figure")
_SPECIAL = {"none": "word.none", "nothing": "word.nothing", "every year": "word.every_year",
            "not read": "word.not_read", "undecided": "word.undecided"}
_OTHER_OUTLETS = re.compile(r"^(\d+) other outlets$")
_UNDER = re.compile(r"^\(under (\d+) sources each\)$")
_KIND = re.compile(r"\(([a-z_ ]+)\)")


def label(key: str, language: str, **values) -> str:
    """The table or chart word ``key`` in ``language`` (``audit.label`` wordings), its fields filled in."""
    return wording.template("audit.label", key, language).format(**values)


@lru_cache(maxsize=8)
def _indicator_names(path: str) -> dict[str, str]:
    with open(path, encoding="utf-8") as handle:
        return {r["code"]: r["name_vi"].strip() for r in csv.DictReader(handle) if r.get("name_vi", "").strip()}


def indicator_name(code: str, language: str = "en", lower: bool = False) -> str:
    """An indicator as the reader sees it: its code in English, its Vietnamese name (``indicators.csv``) in ``vi``.

    ``lower`` starts the name with a small letter for use inside a sentence (not an acronym: "GRDP bình quân…"
    stays). A code without a Vietnamese name is shown as the code.
    """
    if language == "en":
        return code
    from lso_analysis import paths

    name = _indicator_names(str(paths.INDICATORS_CSV)).get(code, code)
    if lower and len(name) > 1 and name[1].islower():
        name = name[0].lower() + name[1:]
    return name


def chart_indicator(code: str, language: str) -> str:
    """An indicator on the heat map's axis: a short name of a key indicator, else :func:`indicator_name`."""
    try:
        return label(f"chart.indicator.{code}", language)
    except KeyError:
        return indicator_name(code, language)


def coverage_words(language: str) -> dict[str, str]:
    """The words of the coverage heat map (legend, cell letters, partial mark, note) in ``language``."""
    keys = ("none", "derived", "estimate", "actual", "letter.actual", "letter.estimate", "letter.derived", "partial",
            "note", "empty")
    return {k: label(f"chart.{k}", language) for k in keys}


def _headings(scope: Scope, window: str) -> dict[str, str]:
    """Every column heading of the audit's tables (as the study names them) in the scope's language."""
    w, lang = scope.window, scope.language
    out = {f"published before {w.start_year}": label("col.before", lang, start=w.start_year),
           f"in {w.label()}": label("col.in", lang, window=window),
           f"after {w.end_year}": label("col.after", lang, end=w.end_year),
           f"figures for {w.label()}": label("col.figures_window", lang, window=window)}
    return out


def _cell(value, column: str, language: str):
    """One cell of ``column`` in ``language`` (numbers in its conventions, words through the wordings)."""
    if isinstance(value, (bool, np.bool_)) or value is None or (isinstance(value, float) and pd.isna(value)):
        return value
    if isinstance(value, (int, float)) or hasattr(value, "dtype"):
        if language == "en":
            return value
        return nv.fmt_number(float(value), 2 if column == "confidence" else 0, language)
    text = str(value)
    if column in _QUOTED and language != "en":
        return f"“{text}”"  # the printed words (and our reading of them) are a quotation, kept as printed
    if column in _NONE and text in _SPECIAL:
        return label(_SPECIAL[text], language)
    if column in _YES_NO and text in ("yes", "no"):
        return label(f"word.{text}", language)
    if column in _CELL_WORDS:
        return ", ".join(label(f"{_CELL_WORDS[column]}.{part}", language) for part in text.split(", "))
    if column == "indicator":
        return ", ".join(indicator_name(code, language) for code in text.split(", "))
    if column == "evidence":
        return _KIND.sub(lambda m: f"({label('place.' + m.group(1), language)})", text)
    if column == "outlet" and _OTHER_OUTLETS.match(text):
        return label("outlets.other", language, n=_OTHER_OUTLETS.match(text).group(1))
    if column == "publisher" and _UNDER.match(text):
        return label("outlets.under", language, n=_UNDER.match(text).group(1))
    return value


def localise(frame: pd.DataFrame, scope: Scope, window: str) -> pd.DataFrame:
    """``frame`` (one of the study's tables) with its headings and words in the scope's language.

    The English wordings are the study's own names, so in English the table is unchanged.

    Raises:
        KeyError: a heading or a table word without a wording (naming it and the language).
    """
    lang, dynamic = scope.language, _headings(scope, window)
    out = frame.copy()
    for column in frame.columns:
        out[column] = [_cell(v, column, lang) for v in frame[column]]
    names = {c: dynamic[c] if c in dynamic else label(f"col.{c}", lang) for c in frame.columns}
    return out.rename(columns=names)
