"""The words of the claims: one module per study, one template table per language.

A template is a ``str.format`` string over the claim's values (``{growth}``, ``{period:the}``,
``{gap:range}``) or a function ``(claim, formatter) -> str`` for wordings that need grammar (lists,
plurals). Missing wordings fail loudly, naming the claim, case and language.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Mapping

_TABLES: dict[str, dict[tuple[str, str], Any]] = {"en": {}, "vi": {}}
_LOADED: set[str] = set()


def register(study: str, language: str, templates: Mapping[tuple[str, str], str | Callable]) -> None:
    """Add a study's templates for one language (``{(claim id, case): template}``)."""
    _TABLES.setdefault(language, {}).update(templates)
    _LOADED.add(study)


def template(claim_id: str, case: str, language: str = "en"):
    """The template for a claim's case in ``language``.

    Raises:
        KeyError: naming the claim, case and language when no wording exists.
    """
    study = claim_id.split(".", 1)[0]
    if study not in _LOADED:
        try:
            importlib.import_module(f"{__name__}.{study}")
        except ModuleNotFoundError:
            pass
        _LOADED.add(study)
    table = _TABLES.get(language, {})
    if (claim_id, case) not in table:
        raise KeyError(f"no {language} wording for claim {claim_id!r}, case {case!r}")
    return table[(claim_id, case)]


def cases(language: str = "en") -> set[tuple[str, str]]:
    """Every (claim id, case) with a wording in ``language`` (after importing the study modules)."""
    return set(_TABLES.get(language, {}))
