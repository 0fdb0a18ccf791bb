"""Run one notebook with papermill in a fresh kernel and write its reports atomically."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .files import temp_path
from .language import for_language, switch_html
from .normalize import PathScrubber, normalize_notebook
from .provenance import Provenance, cited_sources, footer_html, view_links
from .state import output_files

KERNEL_NAME = "python3"

# Loaded by the kernel through `--config=…`: settings that must hold before the first
# cell runs, without a visible setup cell that would shift execution counts.
# - PNGs carry no "Software: Matplotlib x.y" text chunk (bytes depend only on the plot);
# - no IPython history database, and the kernel's own start-up chatter is silenced.
KERNEL_CONFIG = """\
c = get_config()  # noqa: F821
c.InlineBackend.figure_formats = {"png"}
c.InlineBackend.print_figure_kwargs = {"bbox_inches": "tight", "metadata": {"Software": None}}
c.HistoryManager.enabled = False
c.Application.log_level = "ERROR"
"""


def import_notebook_tools() -> None:
    """Import papermill and nbconvert without jsonschema's optional IRI checker.

    Importing jsonschema (through nbformat) loads ``rfc3987_syntax`` when installed, which
    builds a parser at import time: about 1.3 s of a 2 s import. nbformat's schemas use no
    "iri" format, so the import is refused while jsonschema loads and allowed again after,
    so only jsonschema's (unused here) IRI format check is left out. No-op when loaded.
    """
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # makes the import fail
        try:
            import jsonschema  # noqa: F401
        finally:
            del sys.modules["rfc3987_syntax"]
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401


@dataclass(frozen=True)
class Job:
    """Everything a worker process needs to build one report (picklable)."""

    notebook: Path
    output: str
    title: str
    parameters: dict[str, str]  # every parameter, with the Python text of the value used
    overrides: dict[str, Any]  # the non-default ones, injected by papermill
    notebooks_dir: Path
    reports_dir: Path
    project_root: Path
    library_root: Path  # the folder holding this lso_analysis: first on the kernel's PYTHONPATH
    kernel_config: Path
    provenance: Provenance
    cell_progress: bool = False
    data_dir: Path | None = None  # the data folder the build hashed: the kernel loads this one
    language: str = "en"  # the edition: cells tagged for another language are left out before the run
    twins: dict[str, str] = field(default_factory=dict)  # output name by language, for the language switch


@dataclass
class Result:
    """The outcome of one job."""

    output: str
    notebook: str
    status: str  # "ok" or "failed"
    seconds: float
    error: dict[str, Any] = field(default_factory=dict)
    cited: list[str] = field(default_factory=list)


#: The kernel's matplotlib backend: inline, whatever the builder's own environment says
#: (MPLBACKEND=Agg, common in tests and CI, would make plt.show() display nothing).
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


@contextlib.contextmanager
def kernel_environment(library_root: Path, data_dir: Path | None = None) -> Iterator[None]:
    """Set the variables the kernel inherits, restoring them afterwards.

    Our library goes first on PYTHONPATH (the notebooks import the code whose hash
    decided the rebuild), str hashing is fixed (set and dict-of-set output order is
    reproducible), and matplotlib uses the inline backend (plots embedded as PNG).
    A data folder other than the package's default is passed as an absolute
    ``LSO_DATA_DIR`` (kernels run in the notebooks folder).
    """
    from lso_analysis import paths

    saved = {key: os.environ.get(key) for key in ("PYTHONPATH", "PYTHONHASHSEED", "MPLBACKEND", "LSO_DATA_DIR")}
    path = [str(library_root), *filter(None, (saved["PYTHONPATH"] or "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(path))
    os.environ["PYTHONHASHSEED"] = "0"
    os.environ["MPLBACKEND"] = INLINE_BACKEND
    if data_dir is not None and data_dir.resolve() != paths.DATA_DIR.resolve():
        os.environ["LSO_DATA_DIR"] = str(data_dir.resolve())
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def _source_cell_index(source: dict, overrides: dict[str, Any], executed_index: int,
                       kept: list[int] | None = None) -> int | None:
    """Map a cell index of the executed notebook to the source notebook (None: the injected cell).

    papermill injects its parameters cell right after the cell tagged ``parameters``
    (at the top without one) when there are parameters to inject. ``source`` is the notebook
    that ran and ``kept`` the index in the file of each of its cells (cells of other
    languages are left out before the run); ``None`` means every cell ran.
    """
    index = executed_index
    if overrides:
        tags = [cell.get("metadata", {}).get("tags", []) for cell in source.get("cells", [])]
        injected_at = next((i for i, t in enumerate(tags) if "parameters" in t), -1) + 1
        if executed_index == injected_at:
            return None
        index = executed_index - 1 if executed_index > injected_at else executed_index
    if kept is None:
        return index
    return kept[index] if 0 <= index < len(kept) else index


def run_job(job: Job) -> Result:
    """Execute a notebook and, only if every cell succeeded, replace its three report files.

    On a failing cell the partial notebook is kept as ``executed/<output>.FAILED.ipynb``
    and the previous good reports are left untouched.
    """
    started = time.perf_counter()
    import_notebook_tools()
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    files = output_files(job.reports_dir, job.output)
    source = json.loads(job.notebook.read_text(encoding="utf-8"))
    source_ids = {cell.get("id") for cell in source.get("cells", []) if cell.get("id")}
    runnable, kept = for_language(source, job.language)
    scrubber = PathScrubber(
        [(job.project_root, ""), (job.project_root.resolve(), ""),
         (job.notebooks_dir, _relative(job.notebooks_dir, job.project_root)),
         (job.reports_dir, _relative(job.reports_dir, job.project_root))]
    )  # fmt: skip
    rel_in = _relative(job.notebook, job.project_root)
    rel_out = _relative(files["executed"], job.project_root)
    failed_path = files["executed"].with_name(f"{job.output}.FAILED.ipynb")
    scratch = temp_path(files["executed"])
    result = Result(job.output, job.notebook.name, "failed", 0.0)
    try:
        with kernel_environment(job.library_root, job.data_dir):
            executed = papermill.execute_notebook(
                nbformat.from_dict(runnable), str(scratch), parameters=dict(job.overrides) or None,
                kernel_name=KERNEL_NAME, progress_bar=job.cell_progress, log_output=False,
                request_save_on_cell_execute=False, cwd=str(job.notebooks_dir),
                record_timing=False, shutdown_kernel="immediate",
                extra_arguments=[f"--config={job.kernel_config}"],
            )  # fmt: skip
        nb = normalize_notebook(executed, source_ids, scrubber, rel_in, rel_out)
        result.cited = cited_sources(nb)
        _write_reports(job, nb, result.cited, files, scratch)
        failed_path.unlink(missing_ok=True)
        result.status = "ok"
    except PapermillExecutionError as exc:
        result.error = {
            "cell_index": _source_cell_index(runnable, job.overrides, exc.cell_index, kept),
            "execution_count": exc.exec_count,
            "ename": exc.ename,
            "evalue": scrubber(str(exc.evalue)),
        }
        if scratch.is_file() and scratch.stat().st_size:
            nb = normalize_notebook(json.loads(scratch.read_text(encoding="utf-8")), source_ids, scrubber, rel_in,
                                    _relative(failed_path, job.project_root))  # fmt: skip
            scratch.write_text(nbformat.writes(nbformat.from_dict(nb)) + "\n", encoding="utf-8")
            os.chmod(scratch, 0o644)
            os.replace(scratch, failed_path)
    except Exception as exc:  # kernel died, bad notebook JSON, rendering error…
        failed_path.unlink(missing_ok=True)  # no partial notebook this time: drop an older one
        result.error = {"cell_index": None, "execution_count": None, "ename": type(exc).__name__,
                        "evalue": scrubber(str(exc))}  # fmt: skip
    finally:
        scratch.unlink(missing_ok=True)
        result.seconds = time.perf_counter() - started
    return result


def _write_reports(job: Job, nb: dict, cited: list[str], files: dict[str, Path], scratch: Path) -> None:
    """Render both views, then move all three files into place (each by an atomic rename)."""
    import nbformat

    from .render import render_html

    folder = str(job.notebooks_dir)
    views = {}
    for kind, with_code in (("html", False), ("code", True)):
        links = view_links(job.output, with_code, job.language)
        views[kind] = render_html(nb, job.title, _footer(job, cited, links), with_code=with_code, folder=folder,
                                  language=job.language, header=switch_html(job.language, job.twins))
    staged = {"executed": scratch}
    scratch.write_text(nbformat.writes(nbformat.from_dict(nb)) + "\n", encoding="utf-8")
    try:
        for kind, html in views.items():
            staged[kind] = temp_path(files[kind])
            staged[kind].write_text(html, encoding="utf-8")
        for kind, path in staged.items():
            os.chmod(path, 0o644)
            os.replace(path, files[kind])
    finally:
        for kind, path in staged.items():
            if kind != "executed":
                path.unlink(missing_ok=True)


def _footer(job: Job, cited: list[str], links: dict[str, str]) -> str:
    return footer_html(job.provenance, job.parameters, job.overrides, cited, links, job.language)
