"""Content hashes of a report's inputs and the per-output state files that make rebuilds incremental."""

from __future__ import annotations

import hashlib
import json
import os
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from .files import write_atomic

#: Distributions whose versions go into the hash and the footer ("python" is the interpreter).
KEY_PACKAGES = (
    "lso-analysis", "pandas", "numpy", "statsmodels", "seaborn",
    "matplotlib", "papermill", "nbconvert", "python",
)  # fmt: skip

#: Bump when the meaning of a state file changes.
STATE_VERSION = 2


@dataclass(frozen=True)
class Fingerprint:
    """Hashes of the inputs shared by every report of one build."""

    data_hash: str
    data_files: int
    library_hash: str
    versions: dict[str, str]
    code: str = "unknown"  # the git commit shown in the footer, "+ uncommitted changes" when dirty
    data_folder: str = ""  # the data folder named in the footer


def hash_tree(roots: list[Path], pattern: str, base: Path | None = None) -> tuple[str, int]:
    """Hash every file matching ``pattern`` under ``roots``, sorted by relative path.

    Each file contributes its path relative to ``base`` (default: each root's parent)
    and the sha256 of its bytes, so a rename changes the hash as well as an edit.

    Returns:
        The hex sha256 and the number of files hashed.
    """
    entries = []
    for root in roots:
        if not root.is_dir():
            continue
        anchor = base or root.parent
        for path in root.rglob(pattern):
            if path.is_file() and "__pycache__" not in path.parts and ".ipynb_checkpoints" not in path.parts:
                entries.append((path.relative_to(anchor).as_posix(), path))
    digest = hashlib.sha256()
    for relative, path in sorted(entries):
        digest.update(relative.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).hexdigest().encode("ascii") + b"\n")
    return digest.hexdigest(), len(entries)


def package_versions() -> dict[str, str]:
    """Return the installed version of each key package ("not installed" when absent)."""
    versions = {}
    for name in KEY_PACKAGES:
        if name == "python":
            versions[name] = platform.python_version()
            continue
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def fingerprint(data_dirs: list[Path], library_dir: Path, code: str = "unknown", data_folder: str = "") -> Fingerprint:
    """Hash the data files (every file) and the library's Python sources.

    Args:
        data_dirs: the data folders (raw, reference).
        library_dir: the package whose ``*.py`` files are hashed.
        code: the code state the footer shows (:func:`~lso_analysis.reports.provenance.git_commit`).
        data_folder: the data folder's name as the footer shows it.
    """
    data_hash, data_files = hash_tree(list(data_dirs), "*")
    library_hash, _ = hash_tree([library_dir], "*.py")
    return Fingerprint(data_hash, data_files, library_hash, package_versions(), code, data_folder)


def inputs_hash(notebook_bytes: bytes, overrides: dict[str, Any], fp: Fingerprint) -> str:
    """Return the content hash that decides whether one report is up to date."""
    payload = {
        "state_version": STATE_VERSION,
        "notebook": hashlib.sha256(notebook_bytes).hexdigest(),
        "parameters": overrides,
        "data": fp.data_hash,
        "library": fp.library_hash,
        "versions": fp.versions,
        # What the footer says about the code and the data folder: a report whose footer would
        # change (a commit, a tree that is clean again) is not up to date.
        "code": fp.code,
        "data_folder": fp.data_folder,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=True, default=repr)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def state_path(reports_dir: Path, output: str) -> Path:
    """Return the state file of one output name."""
    return reports_dir / ".state" / f"{output}.json"


def read_state(reports_dir: Path, output: str) -> dict | None:
    """Return the recorded state of an output, or None when missing or unreadable."""
    try:
        with open(state_path(reports_dir, output), encoding="utf-8") as handle:
            state = json.load(handle)
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and state.get("state_version") == STATE_VERSION else None


def write_state(reports_dir: Path, output: str, state: dict) -> None:
    """Record an output's state atomically (written last, after its report files)."""
    record = {"state_version": STATE_VERSION, **state}
    text = json.dumps(record, indent=1, ensure_ascii=False, default=repr) + "\n"
    write_atomic(state_path(reports_dir, output), text.encode("utf-8"))


def all_states(reports_dir: Path) -> list[dict]:
    """Return every readable state record, sorted by output name."""
    folder = reports_dir / ".state"
    if not folder.is_dir():
        return []
    states = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            state = read_state(reports_dir, name[: -len(".json")])
            if state is not None:
                states.append(state)
    return states


def output_files(reports_dir: Path, output: str) -> dict[str, Path]:
    """Return the files a successful build of ``output`` leaves, by kind."""
    return {
        "html": reports_dir / f"{output}.html",
        "code": reports_dir / "code" / f"{output}.html",
        "executed": reports_dir / "executed" / f"{output}.ipynb",
    }


def is_up_to_date(reports_dir: Path, output: str, digest: str) -> bool:
    """True when the last build of ``output`` succeeded from these inputs and its files exist."""
    state = read_state(reports_dir, output)
    if state is None or state.get("status") != "ok" or state.get("inputs_hash") != digest:
        return False
    return all(path.is_file() for path in output_files(reports_dir, output).values())
