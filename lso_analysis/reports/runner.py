"""Build the reports: plan, lock, run stale notebooks in parallel processes, record state, summarise."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .. import paths
from .execute import KERNEL_CONFIG, Job, Result
from .files import build_lock, write_atomic
from .index import write_index
from .params import ParameterError, parse_assignments
from .plan import Planned, UsageError, discover_notebooks, plan_report, select_notebooks, stale_reports
from .state import fingerprint, read_state, write_state

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


@dataclass
class BuildOptions:
    """What to build and where; the folders default to the project's (``lso_analysis.paths``)."""

    only: list[str] = field(default_factory=list)
    params: list[str] = field(default_factory=list)  # raw "KEY=VALUE" options
    jobs: int | None = None  # default: os.cpu_count()
    force: bool = False
    clean: bool = False
    notebooks_dir: Path = paths.NOTEBOOKS_DIR
    reports_dir: Path = paths.REPORTS_DIR
    project_root: Path = paths.ROOT  # git commit, and the prefix scrubbed from outputs
    data_dirs: tuple[Path, ...] = (paths.RAW_DIR, paths.REFERENCE_DIR)
    library_dir: Path = paths.PACKAGE_DIR
    progress: bool | None = None  # None: only when stderr is a terminal


def build(options: BuildOptions, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Build the reports and return the exit code (0 ok, 1 a notebook failed, 2 bad input).

    Only the no-op path runs before anything heavy is imported: papermill and nbconvert
    are loaded when at least one report is stale.
    """
    out, err = out or sys.stdout, err or sys.stderr
    notebooks = discover_notebooks(options.notebooks_dir)
    if not notebooks:
        print("no notebooks yet", file=out)
        return EXIT_OK
    try:
        selected = select_notebooks(notebooks, options.only)
        assignments = parse_assignments(options.params)
        fp = fingerprint(list(options.data_dirs), options.library_dir)
        planned = [plan_report(notebook, assignments, fp) for notebook in selected]
    except (UsageError, ParameterError) as exc:
        print(f"error: {exc}", file=err)
        return EXIT_USAGE
    started = time.perf_counter()
    reports_dir = options.reports_dir
    with build_lock(reports_dir):
        if options.clean:
            clean_reports(reports_dir, [p.stem for p in planned] if options.only else None)
        todo = stale_reports(planned, reports_dir, options.force)
        results = _run(todo, options, fp, err) if todo else []
        for result in results:
            _record(reports_dir, next(p for p in todo if p.output == result.output), result)
        write_index(notebooks, reports_dir)
        _write_build_log(reports_dir, results, time.perf_counter() - started)
    _print_summary(planned, results, reports_dir, out, err)
    return EXIT_FAILED if any(r.status != "ok" for r in results) else EXIT_OK


def _run(todo: list[Planned], options: BuildOptions, fp, err: TextIO) -> list[Result]:
    from .provenance import Provenance, git_commit, read_sources

    provenance = Provenance(
        commit=git_commit(options.project_root),
        data_hash=fp.data_hash,
        data_files=fp.data_files,
        versions=fp.versions,
        sources=read_sources(options.data_dirs[0] if options.data_dirs else None),
    )
    show = err.isatty() if options.progress is None else options.progress
    jobs = max(1, min(options.jobs or os.cpu_count() or 1, len(todo)))
    with tempfile.TemporaryDirectory(prefix="lso-kernel-") as scratch:
        config = Path(scratch) / "ipython_kernel_config.py"
        config.write_text(KERNEL_CONFIG, encoding="utf-8")
        batch = [
            Job(
                notebook=p.notebook, output=p.output, title=p.title, parameters=p.parameters,
                overrides=p.overrides, notebooks_dir=options.notebooks_dir, reports_dir=options.reports_dir,
                project_root=options.project_root, library_root=paths.PACKAGE_DIR.parent,
                kernel_config=config, provenance=provenance, cell_progress=show and len(todo) == 1,
            )  # fmt: skip
            for p in todo
        ]
        return _dispatch(batch, jobs, show, err)


def _dispatch(batch: list[Job], jobs: int, show: bool, err: TextIO) -> list[Result]:
    """Run the jobs, in this process when one worker suffices, else in a pool of processes."""
    from .execute import import_notebook_tools, run_job

    # A bar over notebooks on a terminal (papermill draws one over cells when a single
    # notebook runs); plain lines otherwise, which read well in CI logs.
    progress = _Progress(len(batch), err, bar=show and not batch[0].cell_progress)
    if jobs == 1:
        results = []
        for job in batch:
            results.append(run_job(job))
            progress.done(results[-1])
        progress.close()
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # Import the heavy modules once here: forked workers inherit them instead of each paying the import.
    import_notebook_tools()

    # fork on Linux: workers start at once with the modules above loaded (macOS and Windows: spawn).
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    print(f"building {len(batch)} reports with {jobs} processes", file=err, flush=True)
    results = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = {pool.submit(run_job, job): job for job in batch}
        for future in as_completed(futures):
            job = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # the worker process itself died
                result = Result(job.output, job.notebook.name, "failed", 0.0,
                                {"cell_index": None, "execution_count": None, "ename": type(exc).__name__,
                                 "evalue": str(exc)})  # fmt: skip
            results.append(result)
            progress.done(result)
    progress.close()
    return sorted(results, key=lambda r: r.output)


class _Progress:
    """Report each finished notebook on stderr, above a tqdm bar when ``bar`` is set."""

    def __init__(self, total: int, err: TextIO, bar: bool):
        self.total, self.finished, self.err = total, 0, err
        self.bar = None
        if bar:
            from tqdm import tqdm

            self.bar = tqdm(total=total, file=err, unit="notebook", desc="reports", leave=False)

    def done(self, result: Result) -> None:
        self.finished += 1
        mark = "ok" if result.status == "ok" else "FAILED"
        line = f"[{self.finished}/{self.total}] {mark:6} {result.output} ({result.seconds:.1f} s)"
        if self.bar is None:
            print(line, file=self.err, flush=True)
        else:
            self.bar.write(line, file=self.err)
            self.bar.update()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def describe_error(error: dict) -> str:
    """Format a failure as ``cell N (In [k]): Name: message``."""
    cell = error.get("cell_index")
    count = error.get("execution_count")
    if cell is None and count is not None:
        where = f"the injected parameters cell (In [{count}]): "
    elif cell is not None:
        where = f"cell {cell} (In [{count}]): " if count is not None else f"cell {cell}: "
    else:
        where = ""
    return f"{where}{error.get('ename', 'Error')}: {error.get('evalue', '')}"


def _record(reports_dir: Path, planned: Planned, result: Result) -> None:
    previous = read_state(reports_dir, planned.output) or {}
    state = {
        "output": planned.output,
        "notebook": planned.notebook.name,
        "title": planned.title,
        "parameters": planned.parameters,
        "overrides": planned.overrides,
        "status": result.status,
        "cited_sources": result.cited,
        # The hash of the inputs of the report files on disk: kept from the last good build on failure.
        "inputs_hash": planned.digest if result.status == "ok" else previous.get("inputs_hash"),
    }
    if result.status != "ok":
        state["error"] = result.error
    write_state(reports_dir, planned.output, state)


def _write_build_log(reports_dir: Path, results: list[Result], seconds: float) -> None:
    """Timings live here and on the console only, never in reports (they would break byte-identity)."""
    log = {
        "seconds": round(seconds, 3),
        "ran": [
            {"output": r.output, "notebook": r.notebook, "status": r.status, "seconds": round(r.seconds, 3)}
            for r in results
        ],
    }
    write_atomic(reports_dir / "_build-log.json", (json.dumps(log, indent=1) + "\n").encode("utf-8"))


def _print_summary(planned: list[Planned], results: list[Result], reports_dir: Path, out: TextIO, err: TextIO):
    by_output = {r.output: r for r in results}
    rows = [("notebook", "status", "seconds", "output")]
    for p in planned:
        result = by_output.get(p.output)
        if result is None:
            rows.append((p.output, "up to date", "-", _shown(reports_dir / f"{p.output}.html")))
        elif result.status == "ok":
            rows.append((p.output, "ok", f"{result.seconds:.1f}", _shown(reports_dir / f"{p.output}.html")))
        else:
            failed = reports_dir / "executed" / f"{p.output}.FAILED.ipynb"
            rows.append((p.output, "FAILED", f"{result.seconds:.1f}", _shown(failed) if failed.is_file() else "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip(), file=out)
    for result in results:
        if result.status != "ok":
            kept = "previous report kept" if (reports_dir / f"{result.output}.html").is_file() else "no report"
            print(f"error: {result.notebook} failed at {describe_error(result.error)} ({kept})", file=err)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def clean_reports(reports_dir: Path, stems: list[str] | None) -> None:
    """Remove generated reports: all of them, or only those of the given notebook stems.

    ``README.md`` and the lock file stay.
    """
    if stems is None:
        for entry in reports_dir.iterdir():
            if entry.name in ("README.md", ".lock"):
                continue
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        return
    for folder in (reports_dir, reports_dir / "code", reports_dir / "executed", reports_dir / ".state"):
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            base = entry.name.split(".", 1)[0]
            if entry.is_file() and any(base == s or base.startswith(f"{s}--") for s in stems):
                entry.unlink()
