"""Report editions by language: cells tagged ``lang-xx`` kept or dropped, twin reports, the language switch.

A notebook is the single source of every edition. Its ``language`` parameter (default ``"en"``) picks the
edition; a Markdown cell tagged ``lang-en`` or ``lang-vi`` belongs to that language only, and the builder
drops the cells of every other language before the notebook runs (cells without a ``lang-*`` tag stay).
The twin of a report is the report with the same parameters in the other language; its file name follows
the usual naming rule (``<name>--language-vi.html``), so every page can link to it with a plain link.

>>> nb = {"cells": [{"cell_type": "markdown", "metadata": {"tags": ["lang-en"]}, "source": "# Title"},
...                 {"cell_type": "markdown", "metadata": {"tags": ["lang-vi"]}, "source": "# Tiêu đề"},
...                 {"cell_type": "code", "metadata": {}, "source": "x = 1"}]}
>>> [c["source"] for c in for_language(nb, "vi")[0]["cells"]], for_language(nb, "vi")[1]
(['# Tiêu đề', 'x = 1'], [1, 2])
"""

from __future__ import annotations

import ast
import re
from html import escape
from typing import Any

from lso_analysis.present import DEFAULT_LANGUAGE, LANGUAGES

from .params import output_name

#: The parameter every bilingual notebook declares.
PARAMETER = "language"
#: A cell tag naming the only language a cell belongs to.
TAG = re.compile(r"^lang-([a-z]{2,3})$")
#: Each language's own name, as the language switch and the index write it.
NAMES = {"en": "English", "vi": "Tiếng Việt"}


def cell_languages(cell: dict) -> set[str]:
    """The languages a cell is tagged for (``lang-en`` → ``{"en"}``); empty for a cell of every language."""
    tags = cell.get("metadata", {}).get("tags", []) or []
    return {m.group(1) for m in map(TAG.match, tags) if m}


def _belongs(languages: set[str], language: str) -> bool:
    return not languages or language in languages


def for_language(nb: dict, language: str) -> tuple[dict, list[int]]:
    """The notebook with the cells of other languages left out, and the source index of each cell kept.

    A cell without a ``lang-*`` tag belongs to every language; one with several such tags to each of them.

    The notebook is not modified; the cells kept are the same objects.
    """
    kept = [i for i, cell in enumerate(nb.get("cells", [])) if _belongs(cell_languages(cell), language)]
    cells = nb.get("cells", [])
    return {**nb, "cells": [cells[i] for i in kept]}, kept


def language_of(parameters: dict[str, str]) -> str:
    """The language a report runs in, from its parameters (name → Python text of the value); default ``en``."""
    text = parameters.get(PARAMETER)
    if not text:
        return DEFAULT_LANGUAGE
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return DEFAULT_LANGUAGE
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def twins(stem: str, overrides: dict[str, Any], default: Any) -> dict[str, str]:
    """The output name of this report in every language (by the naming rule, ``language`` toggled).

    Args:
        stem: the notebook's file name without ``.ipynb``.
        overrides: the report's non-default parameters.
        default: the notebook's default ``language``.

    >>> twins("10-covid", {"province": "Hà Giang"}, "en")
    {'en': '10-covid--province-ha-giang', 'vi': '10-covid--language-vi--province-ha-giang'}
    """
    out = {}
    for language in LANGUAGES:
        changed = {k: v for k, v in overrides.items() if k != PARAMETER}
        if language != default:
            changed[PARAMETER] = language
        out[language] = output_name(stem, changed)
    return out


def switch_html(language: str, outputs: dict[str, str], prefix: str = "") -> str:
    """The language switch at the top of a page: this language in bold, plain links to the others.

    Args:
        language: the page's language.
        outputs: output name by language (:func:`twins`); empty for a notebook with one language.
        prefix: folder of the linked pages relative to this one (``""`` for the reader view and for the
            code view, which links to the code view of its twin).
    """
    if not outputs:
        return ""
    items = []
    for other in LANGUAGES:
        name = escape(NAMES.get(other, other))
        if other == language:
            items.append(f'<strong lang="{other}">{name}</strong>')
        elif other in outputs:
            items.append(f'<a href="{escape(prefix + outputs[other])}.html" hreflang="{other}" lang="{other}">{name}</a>')
    # Attributes in alphabetical order, as nbconvert writes them back when it embeds the page's images.
    return f'<nav aria-label="Language / Ngôn ngữ" class="lso-lang">{" · ".join(items)}</nav>\n'


SWITCH_CSS = """
.lso-lang { max-width: 1100px; margin: 0 auto; padding: 0.6em 1.5em 0; text-align: right; font-size: 13px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.lso-lang a { color: #1a5fb4; }
"""
