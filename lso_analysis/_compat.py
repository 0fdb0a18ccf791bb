"""Old module paths (``lso_analysis.numbers``, ``lso_analysis.covid`` …) kept for one release.

Before the stage subpackages every module sat directly in ``lso_analysis/``. Other studies may
still ``import lso_analysis.numbers``; a finder maps each old name to its new home and warns
with a :class:`DeprecationWarning` naming it. Remove after version 0.2.
"""

from __future__ import annotations

import importlib
import sys

#: old module name → new dotted path under ``lso_analysis``.
MOVED = {
    "text": "cleaning.text", "numbers": "cleaning.numbers", "units": "cleaning.units", "periods": "cleaning.periods",
    "rawio": "dataset.rawio", "clean": "dataset.clean", "schema": "dataset.schema", "build": "dataset.build",
    "loaders": "dataset.loaders", "validate": "dataset.validate",
    "extract_cli": "extract.cli", "segment": "extract.segment", "figures": "extract.figures",
    "timeline": "extract.timeline", "resolve": "extract.resolve", "observe": "extract.observe",
    "matchtext": "extract.matchtext", "lexicon": "extract.lexicon", "gazetteer": "extract.gazetteer",
    "provinces": "extract.provinces",
    "intervals": "analysis.intervals", "derive": "analysis.derive", "series": "analysis.series",
    "consistency": "analysis.consistency", "coverage": "analysis.coverage", "models": "analysis.models",
    "obs_rows": "analysis.obs_rows", "spans": "analysis.spans",
    "plotstyle": "present.plotstyle", "plotting": "present.plotting", "narrative": "present.narrative",
    "citations": "present.citations",
    "audit": "studies.audit", "covid": "studies.covid", "trade": "studies.trade", "digital": "studies.digital",
}


class _AliasLoader:
    # Plain classes, not importlib.abc ones: importing importlib.abc costs ~14 ms on every `import lso_analysis`.
    def __init__(self, old: str, new: str):
        self.old, self.new = old, new

    def create_module(self, spec):
        import warnings

        warnings.warn(f"{self.old} moved to {self.new}; the old path goes in lso-analysis 0.2",
                      DeprecationWarning, stacklevel=3)
        return importlib.import_module(self.new)

    def exec_module(self, module):
        # The new module is already executed; keep the old name pointing at it.
        sys.modules[self.old] = module


class _MovedFinder:
    def find_spec(self, fullname, path=None, target=None):
        prefix, _, name = fullname.rpartition(".")
        if prefix != "lso_analysis" or name not in MOVED:
            return None
        import importlib.util

        new = f"lso_analysis.{MOVED[name]}"
        return importlib.util.spec_from_loader(fullname, _AliasLoader(fullname, new))


def install() -> None:
    """Put the finder on ``sys.meta_path`` once."""
    if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
        sys.meta_path.append(_MovedFinder())
