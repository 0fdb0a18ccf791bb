"""lso-analysis: loaders, cleaners and reports for Lạng Sơn's economy, border trade and digital government, 2019–2023.

Names are imported on first use, so ``import lso_analysis`` stays fast and does not
load pandas until a loader is called.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "normalize_text": "text",
    "parse_number": "numbers",
    "parse_quantity": "numbers",
    "number_bounds": "numbers",
    "Quantity": "numbers",
    "parse_period": "periods",
    "parse_comparison": "periods",
    "PeriodContext": "periods",
    "Period": "periods",
    "LsoParseError": "errors",
    "LsoDataError": "errors",
    "load_observations": "loaders",
    "load_sources": "loaders",
    "load_indicators": "loaders",
    "load_events": "loaders",
    "load_conflicts": "loaders",
    "detect_province": "provinces",
    "extract_observations": "extract",
    "cite": "citations",
}
_SUBMODULES = {"series", "derive", "models", "plotting", "consistency", "intervals", "coverage", "citations", "paths", "build",
               "extract", "provinces", "reports", "narrative", "audit", "covid", "trade", "digital"}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module 'lso_analysis' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS) | _SUBMODULES)
