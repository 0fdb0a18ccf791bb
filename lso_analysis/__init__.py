"""lso-analysis: loaders, cleaners and reports for Lạng Sơn's economy, border trade and digital government, 2019–2023.

Names are imported on first use, so ``import lso_analysis`` stays fast and does not
load pandas until a loader is called.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "normalize_text": "cleaning.text",
    "parse_number": "cleaning.numbers",
    "parse_quantity": "cleaning.numbers",
    "number_bounds": "cleaning.numbers",
    "Quantity": "cleaning.numbers",
    "parse_period": "cleaning.periods",
    "parse_comparison": "cleaning.periods",
    "PeriodContext": "cleaning.periods",
    "Period": "cleaning.periods",
    "LsoParseError": "errors",
    "LsoDataError": "errors",
    "load_observations": "dataset.loaders",
    "load_sources": "dataset.loaders",
    "load_indicators": "dataset.loaders",
    "load_events": "dataset.loaders",
    "load_conflicts": "dataset.loaders",
    "load_event_kinds": "dataset.loaders",
    "load_context": "dataset.loaders",
    "context_in": "dataset.loaders",
    "load_geographies": "dataset.loaders",
    "detect_province": "extract.provinces",
    "extract_observations": "extract.pipeline",
    "cite": "present.citations",
}
#: ``lso.series``, ``from lso_analysis import covid``: the short names the README shows, by stage.
_SUBMODULES = {
    "series": "analysis.series", "derive": "analysis.derive", "models": "analysis.models",
    "consistency": "analysis.consistency", "intervals": "analysis.intervals", "coverage": "analysis.coverage",
    "plotting": "present.plotting", "narrative": "present.narrative", "citations": "present.citations",
    "audit": "studies.audit", "covid": "studies.covid", "trade": "studies.trade", "digital": "studies.digital",
    "build": "dataset.build", "provinces": "extract.provinces",
    "paths": "paths", "reports": "reports", "cleaning": "cleaning", "dataset": "dataset", "extract": "extract",
    "analysis": "analysis", "present": "present", "studies": "studies",
}

__all__ = sorted(_EXPORTS) + ["__version__"]

from lso_analysis import _compat  # noqa: E402  (old module paths, with a DeprecationWarning)

_compat.install()


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        module = importlib.import_module(f".{_SUBMODULES[name]}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module 'lso_analysis' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS) | set(_SUBMODULES))
