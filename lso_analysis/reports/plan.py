"""Decide what a build must do: find the notebooks, type their parameters, hash their inputs."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .params import NOT_LITERAL, ParameterError, notebook_title, read_notebook, read_parameters, resolve_overrides
from .params import output_name as make_output_name
from .checks import DataFacts, check_parameters
from .language import PARAMETER as LANGUAGE, for_language, language_of, twins
from .state import Fingerprint, inputs_hash, is_up_to_date

NOTEBOOK_NAME = re.compile(r"^\d{2}-.+\.ipynb$")


class UsageError(ValueError):
    """Bad command-line input: unknown notebook or parameter, bad ``-p`` syntax (exit code 2)."""


@dataclass(frozen=True)
class Planned:
    """One report the build is asked for."""

    notebook: Path
    output: str
    title: str
    parameters: dict[str, str]  # name -> Python repr of the value used (for footer, index, state)
    overrides: dict[str, Any]  # non-default values, injected by papermill
    digest: str  # content hash of the inputs
    language: str = "en"  # the edition: cells tagged for other languages are left out
    #: Output name of this report in each language (the language switch); empty without a language parameter.
    twins: dict[str, str] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        """The notebook's file name without ``.ipynb``."""
        return self.notebook.stem


def discover_notebooks(notebooks_dir: Path) -> list[Path]:
    """Return the ``NN-*.ipynb`` notebooks of a folder, sorted by name."""
    if not notebooks_dir.is_dir():
        return []
    return sorted(path for path in notebooks_dir.iterdir() if NOTEBOOK_NAME.match(path.name) and path.is_file())


def select_notebooks(notebooks: list[Path], only: list[str] | None) -> list[Path]:
    """Keep the notebooks named in ``--only`` (stem, file name, or the ``NN`` number).

    Raises:
        UsageError: for a name that matches no notebook, listing the available ones.
    """
    if not only:
        return list(notebooks)
    chosen: list[Path] = []
    for name in only:
        matches = [p for p in notebooks if name in (p.stem, p.name, p.name.split("-", 1)[0])]
        if not matches:
            available = ", ".join(p.stem for p in notebooks)
            raise UsageError(f"no notebook named {name!r}; available: {available}")
        chosen.extend(match for match in matches if match not in chosen)
    return sorted(chosen)


def plan_report(notebook: Path, assignments: dict[str, str], fp: Fingerprint, facts: DataFacts | None = None) -> Planned:
    """Type the ``-p`` values for one notebook, check them against the data and hash its inputs.

    Raises:
        UsageError: for an unknown parameter, a value of the wrong type, a province the
            data do not hold or years outside the data (:func:`~.checks.check_parameters`).
    """
    raw = notebook.read_bytes()
    try:
        nb = json.loads(raw)
    except ValueError as exc:
        raise UsageError(f"{notebook.name} is not a readable notebook: {exc}") from exc
    try:
        declared = read_parameters(nb, notebook.name)
        overrides = resolve_overrides(assignments, declared, notebook.name)
        overrides = check_parameters(overrides, declared, notebook.name, facts or DataFacts((), None))
    except ParameterError as exc:
        raise UsageError(str(exc)) from exc
    parameters = {}
    for name, parameter in declared.items():
        if name in overrides:
            parameters[name] = repr(overrides[name])
        else:
            parameters[name] = parameter.source if parameter.default is NOT_LITERAL else repr(parameter.default)
    language = language_of(parameters)
    return Planned(
        notebook=notebook,
        output=make_output_name(notebook.stem, overrides),
        title=notebook_title(for_language(nb, language)[0], notebook.stem),
        parameters=parameters,
        overrides=overrides,
        digest=inputs_hash(raw, overrides, fp),
        language=language,
        twins=twins(notebook.stem, overrides, declared[LANGUAGE].default) if LANGUAGE in declared else {},
    )


def stale_reports(planned: list[Planned], reports_dir: Path, force: bool) -> list[Planned]:
    """Return the reports that must run: all with ``force``, else those not up to date."""
    return [p for p in planned if force or not is_up_to_date(reports_dir, p.output, p.digest)]


def title_of(notebook: Path, language: str = "en") -> str:
    """Return a notebook's first heading in ``language`` (cells of other languages left out), or its stem."""
    try:
        return notebook_title(for_language(read_notebook(notebook), language)[0], notebook.stem)
    except (OSError, ValueError):
        return notebook.stem
