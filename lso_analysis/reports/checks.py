"""Check report parameters against the data before any kernel starts: provinces held, years covered."""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .params import ParameterError, Parameter, slugify

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    except (OSError, csv.Error, UnicodeDecodeError):
        return []


@dataclass(frozen=True)
class DataFacts:
    """What a data folder holds, read from its raw CSV files (no pandas, no build).

    Attributes:
        provinces: every geography named in a ``province`` column (sources, observations,
            events), as the data spell it; empty when the data record none.
        years: the first and last year named by a source's ``published`` date or
            ``period_covered``; None when the data name none.
    """

    provinces: tuple[str, ...]
    years: tuple[int, int] | None

    @classmethod
    def read(cls, raw_dir: Path | None) -> DataFacts:
        """Read the facts of ``raw_dir`` (``data/raw``): sources.csv, observations/*.csv, events.csv."""
        if raw_dir is None:
            return cls((), None)
        sources = _rows(raw_dir / "sources.csv")
        names: set[str] = set()
        years: set[int] = set()
        for row in sources:
            names.add(row.get("province") or "")
            for key in ("published", "period_covered"):
                years.update(int(y) for y in _YEAR.findall(row.get(key) or ""))
        folder = raw_dir / "observations"
        for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
            names.update(row.get("province") or "" for row in _rows(path))
        names.update(row.get("province") or "" for row in _rows(raw_dir / "events.csv"))
        provinces = sorted({unicodedata.normalize("NFC", n.strip()) for n in names if n and n.strip()})
        return cls(tuple(provinces), (min(years), max(years)) if years else None)

    def canonical_province(self, value: str, notebook: str) -> str:
        """Return the data's spelling of ``value`` ("ha giang", "Hà  Giang" → "Hà Giang").

        Spellings are compared without case, marks, spacing or punctuation.

        Raises:
            ParameterError: for a province the data do not hold, listing those they do
                and the closest match.
        """
        by_key: dict[str, list[str]] = {}
        for name in self.provinces:
            by_key.setdefault(slugify(name), []).append(name)
        key = slugify(value)
        found = by_key.get(key, [])
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ParameterError(f"{notebook}: parameter 'province' = {value!r} matches several provinces in the data: "
                                 f"{', '.join(found)}; write one of them exactly")
        close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.0)
        hint = f"; closest match: {by_key[close[0]][0]}" if close else ""
        raise ParameterError(f"{notebook}: parameter 'province' = {value!r} is not a province the data hold{hint}. "
                             f"The data hold: {', '.join(self.provinces)}")


def _check_language(values: dict[str, Any], notebook: str) -> None:
    from lso_analysis.present import LANGUAGES

    if "language" in values and values["language"] not in LANGUAGES:
        raise ParameterError(f"{notebook}: parameter 'language' = {values['language']!r} is not a language the "
                             f"reports are written in; use one of: {', '.join(LANGUAGES)}")


def check_parameters(overrides: dict[str, Any], declared: dict[str, Parameter], notebook: str,
                     facts: DataFacts) -> dict[str, Any]:
    """Validate and normalise the ``-p`` values a report will run with.

    ``province`` is replaced by the data's own spelling (a value equal to the default
    then leaves the default report); ``start_year`` must not exceed ``end_year``, a
    year set with ``-p`` must lie within the years the data cover, and ``language``
    must be one the reports are written in (``en``, ``vi``).

    Args:
        overrides: the non-default values, typed (from ``resolve_overrides``).
        declared: the notebook's parameters with their defaults.
        notebook: its file name, for messages.
        facts: what the data folder holds.

    Returns:
        The overrides, normalised; values equal to the default are dropped.

    Raises:
        ParameterError: naming the notebook, the parameter and what the data allow.
    """
    result = dict(overrides)
    _check_language(result, notebook)
    province = result.get("province")
    if isinstance(province, str) and facts.provinces:
        result["province"] = facts.canonical_province(province, notebook)
    value = {name: result.get(name, p.default) for name, p in declared.items()}
    start, end = value.get("start_year"), value.get("end_year")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        raise ParameterError(f"{notebook}: end_year = {end} is before start_year = {start}")
    for name in ("start_year", "end_year"):
        year = result.get(name)
        if isinstance(year, int) and facts.years and not facts.years[0] <= year <= facts.years[1]:
            raise ParameterError(f"{notebook}: {name} = {year} is outside the years the data cover "
                                 f"({facts.years[0]}–{facts.years[1]})")
    return {name: v for name, v in result.items()
            if not (name in declared and type(v) is type(declared[name].default) and v == declared[name].default)}
