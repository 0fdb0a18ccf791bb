"""Every path the package uses, defined once (cookiecutter-data-science's config.py)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_ROOT = PACKAGE_DIR.parent

#: True when running from a checkout (editable install or the repository itself);
#: False for a wheel installed elsewhere, which carries data/ as ``lso_analysis/_data``
#: and notebooks/ as ``lso_analysis/_notebooks``.
IN_REPO = (_REPO_ROOT / "pyproject.toml").is_file() and (_REPO_ROOT / "data" / "raw").is_dir()

ROOT = _REPO_ROOT if IN_REPO else PACKAGE_DIR

#: The folders that environment variables may name. Each is made absolute once, here, and written
#: back to the environment, so kernels and worker processes (which run in other folders) see the
#: same folder as the process that started them.
ENV_FOLDERS = ("LSO_DATA_DIR", "LSO_PROCESSED_DIR", "LSO_REPORTS_DIR", "LSO_CORPUS_DIR")


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    path = Path(value).expanduser().absolute()
    os.environ[name] = str(path)
    return path


for _name in ENV_FOLDERS:
    _env_path(_name)

#: ``LSO_DATA_DIR`` points the loaders at another data folder (raw/ and reference/ inside),
#: e.g. a study of another province that keeps its own transcriptions. It must exist: a
#: missing folder is an error (:func:`check_data_dir`), never created.
_DATA_OVERRIDE = _env_path("LSO_DATA_DIR")
DATA_DIR = _DATA_OVERRIDE or (_REPO_ROOT / "data" if IN_REPO else PACKAGE_DIR / "_data")
RAW_DIR = DATA_DIR / "raw"
OBSERVATIONS_DIR = RAW_DIR / "observations"
SOURCES_CSV = RAW_DIR / "sources.csv"
EVENTS_CSV = RAW_DIR / "events.csv"
CORRECTIONS_YML = RAW_DIR / "corrections.yml"
REFERENCE_DIR = DATA_DIR / "reference"
INDICATORS_CSV = REFERENCE_DIR / "indicators.csv"
UNITS_CSV = REFERENCE_DIR / "units.csv"
COUNT_NOUNS_CSV = REFERENCE_DIR / "count_nouns.csv"
FIGURE_WORDS_CSV = REFERENCE_DIR / "figure_words.csv"
LEXICON_CSV = REFERENCE_DIR / "lexicon.csv"
GAZETTEER_CSV = REFERENCE_DIR / "gazetteer.csv"
GEOGRAPHIES_CSV = REFERENCE_DIR / "geographies.csv"
EXPECTED_COUNTS_CSV = REFERENCE_DIR / "expected_counts.csv"


def _processed_dir() -> Path:
    # A wheel installed in site-packages must not write into site-packages.
    override = _env_path("LSO_PROCESSED_DIR")
    if override:
        return override
    if _DATA_OVERRIDE or IN_REPO:
        return DATA_DIR / "processed"
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return cache / "lso-analysis" / "processed"


PROCESSED_DIR = _processed_dir()
#: The report notebooks: ``notebooks/`` of the checkout, or the copy the wheel carries.
NOTEBOOKS_DIR = _REPO_ROOT / "notebooks" if IN_REPO else PACKAGE_DIR / "_notebooks"


def reports_dir() -> Path:
    """Where ``lso-analysis reports`` writes, decided by the data it reads.

    ``LSO_REPORTS_DIR`` when set; else ``reports/`` inside the data folder named by
    ``LSO_DATA_DIR`` (reports of another dataset never replace the project's); else the
    checkout's ``reports/``; else, for an installed package, ``./reports`` in the current
    folder (never inside the package).
    """
    override = _env_path("LSO_REPORTS_DIR")
    if override:
        return override
    if _DATA_OVERRIDE:
        return DATA_DIR / "reports"
    if IN_REPO:
        return _REPO_ROOT / "reports"
    return Path.cwd().absolute() / "reports"


REPORTS_DIR = reports_dir()


def check_data_dir() -> Path:
    """Return the data folder, or raise if it (or its ``raw/`` and ``reference/``) does not exist.

    Raises:
        FileNotFoundError: naming the folder and where it came from (nothing is created).
    """
    origin = "LSO_DATA_DIR" if _DATA_OVERRIDE else "the package's data folder"
    for folder in (DATA_DIR, RAW_DIR, REFERENCE_DIR):
        if not folder.is_dir():
            raise FileNotFoundError(f"the data folder {folder} ({origin}) does not exist; "
                                    "a data folder holds raw/ and reference/")
    return DATA_DIR


def corpus_dir() -> Path | None:
    """The shared corpus folder named by ``LSO_CORPUS_DIR``, or None when unset or missing."""
    path = _env_path("LSO_CORPUS_DIR")
    return path if path is not None and path.is_dir() else None
