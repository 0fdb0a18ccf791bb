"""Presentation: tables, series and claims in, what a report shows out, in the report's language.

``plotstyle`` is the house style and byte-stable figure export, ``plotting`` draws the charts
(every one captioned with its sources), ``narrative`` formats figures with their intervals and
shows Markdown and tables, ``citations`` collects the source ids a report cites for its footer, and
``words`` holds the few words the shared code writes itself, in every language.

The language is process-wide, like the citations registry: a notebook calls
``set_language(language)`` once, and every function of this package that takes a ``language``
uses :func:`current_language` when none is passed.

>>> set_language("vi"); current_language()
'vi'
>>> resolve(None), resolve("en")
('vi', 'en')
>>> set_language("en")
"""

from __future__ import annotations

#: The languages a report can be written in (the ``language`` parameter of every notebook).
LANGUAGES = ("en", "vi")
DEFAULT_LANGUAGE = "en"

_state = {"language": DEFAULT_LANGUAGE}


def check_language(language: object) -> str:
    """Return ``language`` if it is one of :data:`LANGUAGES`.

    Raises:
        ValueError: naming the value and the languages there are.
    """
    if not isinstance(language, str) or language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(map(repr, LANGUAGES))}; got {language!r}")
    return language


def set_language(language: str) -> None:
    """Make ``language`` ("en" or "vi") the language of everything shown from now on in this process.

    Raises:
        ValueError: for any other value.
    """
    _state["language"] = check_language(language)


def current_language() -> str:
    """The language set by :func:`set_language` ("en" until then)."""
    return _state["language"]


def resolve(language: str | None) -> str:
    """``language`` when given (checked), else :func:`current_language`."""
    return current_language() if language is None else check_language(language)


__all__ = ["LANGUAGES", "DEFAULT_LANGUAGE", "check_language", "current_language", "resolve", "set_language"]
