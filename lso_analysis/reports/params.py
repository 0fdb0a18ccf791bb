"""Notebook parameters: read the defaults of the `parameters` cell, type `-p KEY=VALUE` by them, slug the sweep."""

from __future__ import annotations

import ast
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class ParameterError(ValueError):
    """A ``-p`` option that cannot be applied to a notebook (exit code 2)."""


#: Marker for a default that is not a Python literal (e.g. ``date(2020, 1, 1)``).
NOT_LITERAL = type("NotLiteral", (), {"__repr__": lambda self: "<not a literal>"})()

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


@dataclass(frozen=True)
class Parameter:
    """One name assigned in the notebook's ``parameters`` cell."""

    name: str
    default: Any
    source: str  # the assigned expression as written, for messages


def read_notebook(path: Path) -> dict:
    """Read a notebook as plain JSON (fast: no nbformat import on the no-op path)."""
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def cell_source(cell: dict) -> str:
    """Return a cell's source as one string (nbformat stores a string or a list of lines)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def notebook_title(nb: dict, fallback: str) -> str:
    """Return the text of the first markdown heading, or ``fallback``."""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        for line in cell_source(cell).splitlines():
            match = re.match(r"\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", line)
            if match:
                return match.group(1)
    return fallback


def parameters_cell(nb: dict) -> dict | None:
    """Return the first cell tagged ``parameters``, or None."""
    for cell in nb.get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return cell
    return None


def read_parameters(nb: dict, notebook: str) -> dict[str, Parameter]:
    """Parse the ``parameters`` cell with ``ast`` and return each name's default.

    Args:
        nb: the notebook as JSON.
        notebook: its name, for messages.

    Returns:
        Parameters by name, in the order of the cell; empty without a parameters cell.

    Raises:
        ParameterError: if the cell is not valid Python.

    Example:
        >>> nb = {"cells": [{"cell_type": "code", "metadata": {"tags": ["parameters"]},
        ...                  "source": "province = '06'  # a code\\nn: int = 3"}]}
        >>> {p.name: p.default for p in read_parameters(nb, "x").values()}
        {'province': '06', 'n': 3}
    """
    cell = parameters_cell(nb)
    if cell is None:
        return {}
    text = cell_source(cell)
    try:
        tree = ast.parse(text)
    except SyntaxError as exc:
        raise ParameterError(f"{notebook}: the parameters cell is not valid Python: {exc}") from exc
    found: dict[str, Parameter] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                try:
                    default = ast.literal_eval(value)
                except ValueError:
                    default = NOT_LITERAL
                found[target.id] = Parameter(target.id, default, ast.get_source_segment(text, value) or "")
    return found


def coerce_value(raw: str, default: Any, name: str, notebook: str) -> Any:
    """Convert the text of ``-p name=raw`` to the type of the parameter's default.

    A string default keeps the text as it is (``06`` stays ``"06"``; matching outer
    quotes are removed). Bools accept true/false/yes/no/on/off/1/0. A default of None
    or a non-literal default takes a Python literal if ``raw`` is one, else the text.

    Raises:
        ParameterError: naming the notebook and parameter when ``raw`` does not fit.

    Example:
        >>> coerce_value("06", "x", "province", "nb"), coerce_value("2", 1.5, "s", "nb")
        ('06', 2.0)
    """
    where = f"{notebook}: parameter {name!r}"
    if isinstance(default, str):
        if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
            return raw[1:-1]
        return raw
    if isinstance(default, bool):
        if raw.strip().lower() in _TRUE:
            return True
        if raw.strip().lower() in _FALSE:
            return False
        raise ParameterError(f"{where} is a bool (default {default!r}); got {raw!r}")
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            raise ParameterError(f"{where} is an int (default {default!r}); got {raw!r}") from None
    if isinstance(default, float):
        try:
            return float(raw)
        except ValueError:
            raise ParameterError(f"{where} is a float (default {default!r}); got {raw!r}") from None
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        value = raw
    if default is None or default is NOT_LITERAL:
        return value
    if type(value) is not type(default):
        kind = type(default).__name__
        raise ParameterError(f"{where} is a {kind} (default {default!r}); got {raw!r}")
    return value


def resolve_overrides(
    assignments: dict[str, str], parameters: dict[str, Parameter], notebook: str
) -> dict[str, Any]:
    """Type each assignment by the notebook's defaults and keep those that differ from them.

    Returns:
        The non-default values, sorted by name (empty means the default report).

    Raises:
        ParameterError: for a name the notebook does not define (listing the known
            names) or a value of the wrong type.
    """
    overrides: dict[str, Any] = {}
    for name in sorted(assignments):
        if name not in parameters:
            known = ", ".join(parameters) or "none (no cell tagged 'parameters')"
            raise ParameterError(f"{notebook}: unknown parameter {name!r}; known parameters: {known}")
        default = parameters[name].default
        value = coerce_value(assignments[name], default, name, notebook)
        if default is NOT_LITERAL or type(value) is not type(default) or value != default:
            overrides[name] = value
    return overrides


def slugify(text: str) -> str:
    """Return an ASCII slug: Vietnamese letters without marks, lower case, words joined by ``-``.

    Example:
        >>> slugify("Hà Giang"), slugify("Đắk Lắk"), slugify(2.5)
        ('ha-giang', 'dak-lak', '2-5')
    """
    text = str(text).replace("Đ", "D").replace("đ", "d")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def output_name(stem: str, overrides: dict[str, Any]) -> str:
    """Return the output name: the stem, plus ``--`` and a slug of the sorted non-default values.

    Example:
        >>> output_name("10-covid-impact", {"province": "Hà Giang"})
        '10-covid-impact--province-ha-giang'
    """
    if not overrides:
        return stem
    slug = "--".join(slugify(f"{key} {value}") for key, value in sorted(overrides.items()))
    return f"{stem}--{slug[:120].strip('-')}"
