"""The list of files a build wrote (``reports/.manifest.json``): ``--clean`` removes these and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from .files import write_atomic
from .state import all_states

MANIFEST = ".manifest.json"
#: Files of the whole folder, not of one report.
SHARED_FILES = ("index.html", "_build-log.json")
#: Sub-folders a build creates; removed by a clean only when nothing else is left in them.
FOLDERS = ("code", "executed", ".state")


def output_paths(output: str) -> list[str]:
    """Every file a build may write for one output name, relative to the reports folder."""
    return [f"{output}.html", f"code/{output}.html", f"executed/{output}.ipynb",
            f"executed/{output}.FAILED.ipynb", f".state/{output}.json"]  # fmt: skip


def read_outputs(reports_dir: Path) -> set[str]:
    """The output names builds have written here: the manifest's, and those of state files of older builds."""
    names: set[str] = set()
    try:
        record = json.loads((reports_dir / MANIFEST).read_text(encoding="utf-8"))
        names.update(str(name) for name in record.get("outputs", []))
    except (OSError, ValueError, AttributeError):
        pass
    names.update(str(state["output"]) for state in all_states(reports_dir) if state.get("output"))
    return names


def register(reports_dir: Path, outputs: list[str]) -> None:
    """Record output names before their files are written (an interrupted build's files stay known)."""
    known = read_outputs(reports_dir)
    if set(outputs) <= known and (reports_dir / MANIFEST).is_file():
        return
    text = json.dumps({"outputs": sorted(known | set(outputs))}, indent=1, ensure_ascii=False) + "\n"
    write_atomic(reports_dir / MANIFEST, text.encode("utf-8"))


def _matches(output: str, stems: list[str] | None, outputs: list[str] | None) -> bool:
    if outputs is not None:
        return output in outputs
    if stems is not None:
        return any(output == stem or output.startswith(f"{stem}--") for stem in stems)
    return True


def clean_reports(reports_dir: Path, stems: list[str] | None = None, outputs: list[str] | None = None) -> list[Path]:
    """Remove files earlier builds wrote, and only those.

    Args:
        reports_dir: the reports folder.
        stems: only the outputs of these notebooks (the default report and its parameter sweeps).
        outputs: only these exact output names (one parameter variant); wins over ``stems``.
            With neither, every output, the index, the build log and the manifest go.

    Returns:
        The files removed. Anything a build did not write (a README, notes, the lock) stays.
    """
    known = read_outputs(reports_dir)
    chosen = sorted(name for name in known if _matches(name, stems, outputs))
    removed = []
    for output in chosen:
        for relative in output_paths(output):
            path = reports_dir / relative
            if path.is_file():
                path.unlink()
                removed.append(path)
    everything = stems is None and outputs is None
    for relative in SHARED_FILES + ((MANIFEST,) if everything else ()):
        path = reports_dir / relative
        if everything and path.is_file():
            path.unlink()
            removed.append(path)
    if not everything:
        text = json.dumps({"outputs": sorted(set(known) - set(chosen))}, indent=1, ensure_ascii=False) + "\n"
        write_atomic(reports_dir / MANIFEST, text.encode("utf-8"))
    for folder in FOLDERS:
        path = reports_dir / folder
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed
