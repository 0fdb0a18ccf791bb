"""Every path the package uses, defined once (cookiecutter-data-science's config.py)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_ROOT = PACKAGE_DIR.parent

#: True when running from a checkout (editable install or the repository itself);
#: False for a wheel installed elsewhere, which carries data/ as ``lso_analysis/_data``.
IN_REPO = (_REPO_ROOT / "pyproject.toml").is_file() and (_REPO_ROOT / "data" / "raw").is_dir()

ROOT = _REPO_ROOT if IN_REPO else PACKAGE_DIR
#: ``LSO_DATA_DIR`` points the loaders at another data folder (raw/ and reference/ inside),
#: e.g. a study of another province that keeps its own transcriptions.
_DATA_OVERRIDE = os.environ.get("LSO_DATA_DIR")
DATA_DIR = Path(_DATA_OVERRIDE) if _DATA_OVERRIDE else (_REPO_ROOT / "data" if IN_REPO else PACKAGE_DIR / "_data")
RAW_DIR = DATA_DIR / "raw"
OBSERVATIONS_DIR = RAW_DIR / "observations"
SOURCES_CSV = RAW_DIR / "sources.csv"
EVENTS_CSV = RAW_DIR / "events.csv"
CORRECTIONS_YML = RAW_DIR / "corrections.yml"
REFERENCE_DIR = DATA_DIR / "reference"
INDICATORS_CSV = REFERENCE_DIR / "indicators.csv"
UNITS_CSV = REFERENCE_DIR / "units.csv"
COUNT_NOUNS_CSV = REFERENCE_DIR / "count_nouns.csv"
LEXICON_CSV = REFERENCE_DIR / "lexicon.csv"
GAZETTEER_CSV = REFERENCE_DIR / "gazetteer.csv"
GEOGRAPHIES_CSV = REFERENCE_DIR / "geographies.csv"
EXPECTED_COUNTS_CSV = REFERENCE_DIR / "expected_counts.csv"


def _processed_dir() -> Path:
    # A wheel installed in site-packages must not write into site-packages.
    override = os.environ.get("LSO_PROCESSED_DIR")
    if override:
        return Path(override)
    if _DATA_OVERRIDE or IN_REPO:
        return DATA_DIR / "processed"
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return cache / "lso-analysis" / "processed"


PROCESSED_DIR = _processed_dir()
NOTEBOOKS_DIR = ROOT / "notebooks"
REPORTS_DIR = Path(os.environ.get("LSO_REPORTS_DIR", ROOT / "reports"))


def corpus_dir() -> Path | None:
    """The shared corpus folder named by ``LSO_CORPUS_DIR``, or None when unset or missing."""
    value = os.environ.get("LSO_CORPUS_DIR")
    if not value:
        return None
    path = Path(value)
    return path if path.is_dir() else None
