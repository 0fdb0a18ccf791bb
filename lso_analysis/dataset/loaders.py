"""Load the processed tables (rebuilt automatically when raw data or cleaner code changed)."""

from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path

from lso_analysis import paths
from lso_analysis.cleaning.text import normalize_text

_LOCK = threading.Lock()
_MEMO: dict[str, object] = {}


def _signature() -> list:
    from lso_analysis.dataset.build import cleaner_files, input_files

    files = input_files() + cleaner_files()
    out = []
    for p in files:
        st = p.stat()
        out.append([str(p), st.st_size, st.st_mtime_ns])
    return out


@contextlib.contextmanager
def _process_lock(processed: Path):
    """Serialise rebuilds across processes (notebooks run in parallel kernels share one folder)."""
    processed.parent.mkdir(parents=True, exist_ok=True)
    with open(processed.parent / ".processed.lock", "a") as handle:
        try:
            import fcntl
        except ImportError:  # not on POSIX: the atomic folder swap is the only guard
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_built(force: bool = False) -> Path:
    """Make sure ``data/processed`` matches the raw data; rebuild it if not.

    A cheap check (file sizes and modification times) runs first; only when it differs
    is the content hash computed, and only when that differs is the data rebuilt.

    Returns:
        The processed folder.

    Raises:
        LsoDataError: the raw data has problems (the previous processed data is kept).
    """
    from lso_analysis.dataset.build import build, input_hash
    from lso_analysis.errors import LsoDataError, Problem

    try:
        paths.check_data_dir()  # a missing LSO_DATA_DIR is an error, never created by the lock below
    except FileNotFoundError as exc:
        raise LsoDataError([Problem(str(paths.DATA_DIR), None, None, str(exc))]) from None
    processed = paths.PROCESSED_DIR
    with _LOCK, _process_lock(processed):
        signature = _signature()
        sig_file = processed / ".signature.json"
        manifest_file = processed / "manifest.json"
        if not force and manifest_file.exists() and sig_file.exists():
            try:
                if json.loads(sig_file.read_text(encoding="utf-8")) == signature:
                    return processed
            except (OSError, ValueError):
                pass
        digest = input_hash()
        fresh = False
        if not force and manifest_file.exists():
            try:
                fresh = json.loads(manifest_file.read_text(encoding="utf-8")).get("input_hash") == digest
            except (OSError, ValueError):
                fresh = False
        if not fresh:
            build(processed)
            _MEMO.clear()
        sig_file.write_text(json.dumps(signature), encoding="utf-8")
        return processed


def _frame(name: str):
    import pandas as pd

    processed = ensure_built()
    manifest = (processed / "manifest.json").read_text(encoding="utf-8")
    key = f"{name}:{hash(manifest)}"
    df = _MEMO.get(key)
    if df is None:
        try:
            df = pd.read_pickle(processed / f"{name}.pkl")
        except Exception:  # noqa: BLE001
            # A cache written by another environment (pandas with pyarrow stores text as Arrow
            # arrays, unreadable without it) or damaged on disk: rebuild it rather than fail.
            processed = ensure_built(force=True)
            df = pd.read_pickle(processed / f"{name}.pkl")
        _MEMO[f"{name}:{hash((processed / 'manifest.json').read_text(encoding='utf-8'))}"] = df
    return df.copy()


def load_observations(province: str | None = "Lạng Sơn", indicators=None, include_targets: bool = False,
                      include_low: bool = False):
    """The processed observations (SPEC §3), one row per printed figure.

    Args:
        province: keep this geography only (default Lạng Sơn; another province's figures
            never enter its series; ``"Việt Nam"`` is the country as a whole); ``None``
            returns every geography. A name not in ``reference/geographies.csv`` raises ``ValueError``.
        indicators: a code or list of codes to keep; ``None`` keeps all.
        include_targets: also return plans and targets (``status == "target"``).
        include_low: also return figures from ``low``-reliability hosts (spam or
            aggregator copies); they are left out of series unless asked for.

    Returns:
        A new DataFrame (safe to modify).
    """
    df = _frame("observations")
    mask = df["status"].ne("target") if not include_targets else df["status"].notna()
    if not include_low:
        mask &= df["reliability"].ne("low")
    if province is not None:
        province = normalize_text(province)
        known = set(load_geographies()["name"])
        if province not in known:
            raise ValueError(f"unknown geography {province!r}: not in reference/geographies.csv")
        mask &= df["province"].eq(province)
    if indicators is not None:
        codes = [indicators] if isinstance(indicators, str) else list(indicators)
        unknown = sorted(set(codes) - set(_frame("indicators")["code"]))
        if unknown:
            raise ValueError(f"unknown indicator code(s): {', '.join(unknown)}")
        mask &= df["indicator"].isin(codes)
    return df[mask].reset_index(drop=True)


def load_geographies(group: str | None = None):
    """The geographies the data may use: ``name``, ``level`` (province or nation), GSO ``region``, ``groups``.

    Args:
        group: keep the members of this named group only (e.g. ``"northern_border"``).

    Returns:
        A DataFrame in the file's order; ``groups`` is the ``;``-separated text.

    Raises:
        LsoDataError: the file is missing or malformed (file, row, column).
        ValueError: ``group`` names no group of the file.
    """
    import pandas as pd

    from lso_analysis.dataset.geographies import GEOGRAPHY_COLUMNS, read_geographies, split_groups
    from lso_analysis.errors import LsoDataError

    problems: list = []
    rows = read_geographies(paths.GEOGRAPHIES_CSV, problems)
    if problems:
        raise LsoDataError(problems)
    df = pd.DataFrame(list(rows.values()), columns=list(GEOGRAPHY_COLUMNS))
    if group is None:
        return df
    members = df["groups"].map(lambda text: group in split_groups(text))
    if not members.any():
        raise ValueError(f"unknown group {group!r}: no geography in reference/geographies.csv belongs to it")
    return df[members].reset_index(drop=True)


def load_sources():
    """Every document the data comes from: publisher, date and how it is known, URL, reliability."""
    return _frame("sources")


def load_indicators():
    """The codebook: code, names in English and Vietnamese, theme, unit, description."""
    return _frame("indicators")


def load_events(province: str | None = "Lạng Sơn"):
    """Dated events (border closures, backlogs, COVID waves, digital milestones) with their source."""
    events = _frame("events")
    if province is None:
        return events
    sources = _frame("sources")
    keep = set(sources.loc[sources["province"].eq(normalize_text(province)), "source_id"])
    return events[events["source_id"].isin(keep)].reset_index(drop=True)


def load_event_kinds():
    """The event codebook: kind code, names in English and Vietnamese, group (``border_shut``, ``border_open``,
    ``backlog``, ``covid``, ``digital``, ``index`` …) and description."""
    return _frame("event_kinds")


def load_context(province: str | None = "Lạng Sơn"):
    """Context about a province in the project's own words (``topic``, ``text``, ``source_id``, and ``text_vi``,
    its Vietnamese text or empty), from ``data/raw/context.csv``: reports show it only for the province it
    describes, and in Vietnamese only when ``text_vi`` is given."""
    context = _frame("context")
    if province is None:
        return context
    return context[context["province"].eq(normalize_text(province))].reset_index(drop=True)


def load_conflicts():
    """Recorded disagreements between sources, with the curators' judgement (from corrections.yml)."""
    return _frame("conflicts")
