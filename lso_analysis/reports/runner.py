"""Build the reports: plan, lock, run stale notebooks in parallel processes, record state, summarise."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .. import paths
from .checks import DataFacts
from .execute import KERNEL_CONFIG, Job, Result
from .files import KERNEL_SCRATCH_PREFIX, BuildLock, build_lock, remove_leftovers, write_atomic
from .index import write_index
from .manifest import clean_reports, register
from .params import ParameterError
from .sweep import expand_groups, grid, parse_shard, parse_sweep, shard_of
from .plan import Planned, UsageError, discover_notebooks, plan_report, select_notebooks, stale_reports
from .provenance import git_commit
from .state import Fingerprint, fingerprint, read_state, write_state

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


@dataclass
class BuildOptions:
    """What to build and where; the folders default to the project's (``lso_analysis.paths``)."""

    only: list[str] = field(default_factory=list)
    params: list[str] = field(default_factory=list)  # raw "KEY=VALUE" options
    jobs: int | None = None  # default: os.cpu_count()
    force: bool = False
    clean: bool = False
    shard: str | None = None  # "I/N": build only this share of the reports (a CI matrix)
    index_only: bool = False  # rewrite index.html from the reports already in the folder (merges shards)
    notebooks_dir: Path = field(default_factory=lambda: paths.NOTEBOOKS_DIR)
    reports_dir: Path = field(default_factory=paths.reports_dir)
    project_root: Path = field(default_factory=lambda: paths.ROOT)  # git commit, and the prefix scrubbed from outputs
    data_dirs: tuple[Path, ...] = field(default_factory=lambda: (paths.RAW_DIR, paths.REFERENCE_DIR))
    library_dir: Path = field(default_factory=lambda: paths.PACKAGE_DIR)
    progress: bool | None = None  # None: only when stderr is a terminal


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve() == folder.resolve() or folder.resolve() in path.resolve().parents


def check_folders(options: BuildOptions) -> str | None:
    """Return what is wrong with the folders of a build (missing inputs, output inside the package), or None."""
    if not options.notebooks_dir.is_dir():
        return f"the notebooks folder {options.notebooks_dir} does not exist"
    for folder in options.data_dirs:
        if not folder.is_dir():
            return f"the data folder {folder} does not exist (LSO_DATA_DIR names a folder with raw/ and reference/)"
    if _inside(options.reports_dir, options.library_dir):
        return (f"refusing to write reports into the package itself ({options.reports_dir}); "
                "run from another folder or set LSO_REPORTS_DIR")
    return None


def data_folder_label(options: BuildOptions) -> str:
    """The data folder as footers and the index name it: relative to the project when inside it."""
    if not options.data_dirs:
        return ""
    folder = options.data_dirs[0].parent
    try:
        return folder.resolve().relative_to(options.project_root.resolve()).as_posix() or "."
    except ValueError:
        return folder.resolve().as_posix()


def _plan(options: BuildOptions, notebooks: list[Path]) -> tuple[list[Planned], Fingerprint]:
    selected = select_notebooks(notebooks, options.only)
    reference = options.data_dirs[1] if len(options.data_dirs) > 1 else None
    sweep = expand_groups(parse_sweep(options.params), reference / "geographies.csv" if reference else None)
    shard = parse_shard(options.shard)
    facts = DataFacts.read(options.data_dirs[0] if options.data_dirs else None)
    fp = fingerprint(list(options.data_dirs), options.library_dir, code=git_commit(options.project_root),
                     data_folder=data_folder_label(options))  # fmt: skip
    planned: dict[str, Planned] = {}
    for assignments in grid(sweep):
        for notebook in selected:
            p = plan_report(notebook, assignments, fp, facts)
            if shard is None or shard_of(p.output, shard):
                planned.setdefault(p.output, p)
    return list(planned.values()), fp


def build(options: BuildOptions, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Build the reports and return the exit code (0 ok, 1 a notebook failed, 2 bad input).

    Every input is checked before anything is written or any kernel starts. Only the
    no-op path runs before anything heavy is imported: papermill and nbconvert are
    loaded when at least one report is stale.
    """
    out, err = out or sys.stdout, err or sys.stderr
    problem = check_folders(options)
    if problem:
        print(f"error: {problem}", file=err)
        return EXIT_USAGE
    notebooks = discover_notebooks(options.notebooks_dir)
    if not notebooks:
        print("no notebooks yet", file=out)
        return EXIT_OK
    if options.index_only:
        with build_lock(options.reports_dir, err=err):
            path = write_index(notebooks, options.reports_dir, data_folder_label(options))
        print(f"wrote {_shown(path)}", file=out)
        return EXIT_OK
    try:
        planned, fp = _plan(options, notebooks)
    except (UsageError, ParameterError) as exc:
        print(f"error: {exc}", file=err)
        return EXIT_USAGE
    started = time.perf_counter()
    reports_dir = options.reports_dir
    with _sigterm_as_exit(), build_lock(reports_dir, err=err) as lock:
        remove_leftovers(reports_dir)
        if options.clean:
            if options.params:  # -p: only this variant
                clean_reports(reports_dir, outputs=[p.output for p in planned])
            else:
                clean_reports(reports_dir, stems=[p.stem for p in planned] if options.only else None)
        todo = stale_reports(planned, reports_dir, options.force)
        register(reports_dir, [p.output for p in todo])
        results = _run(todo, options, fp, err, lock) if todo else []
        for result in results:
            _record(reports_dir, next(p for p in todo if p.output == result.output), result)
        write_index(notebooks, reports_dir, fp.data_folder)
        _write_build_log(reports_dir, results, time.perf_counter() - started)
    _print_summary(planned, results, reports_dir, out, err)
    return EXIT_FAILED if any(r.status != "ok" for r in results) else EXIT_OK


@contextlib.contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    """Turn SIGTERM into SystemExit during a build, so the lock, workers and temp files are cleaned up."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def _exit_on_signal(signum, frame):
    raise SystemExit(128 + signum)


def _run(todo: list[Planned], options: BuildOptions, fp, err: TextIO, lock: BuildLock | None = None) -> list[Result]:
    from .provenance import Provenance, read_sources

    provenance = Provenance(
        commit=fp.code,
        data_hash=fp.data_hash,
        data_files=fp.data_files,
        versions=fp.versions,
        sources=read_sources(options.data_dirs[0] if options.data_dirs else None),
        data_folder=fp.data_folder,
    )
    show = err.isatty() if options.progress is None else options.progress
    jobs = max(1, min(options.jobs or os.cpu_count() or 1, len(todo)))
    # Inside the reports folder, so that a killed build's scratch folder is removed by the next build.
    with tempfile.TemporaryDirectory(prefix=KERNEL_SCRATCH_PREFIX, suffix=".tmp", dir=options.reports_dir) as scratch:
        config = Path(scratch) / "ipython_kernel_config.py"
        config.write_text(KERNEL_CONFIG, encoding="utf-8")
        batch = [
            Job(
                notebook=p.notebook, output=p.output, title=p.title, parameters=p.parameters,
                overrides=p.overrides, notebooks_dir=options.notebooks_dir, reports_dir=options.reports_dir,
                project_root=options.project_root, library_root=paths.PACKAGE_DIR.parent,
                kernel_config=config, provenance=provenance, cell_progress=show and len(todo) == 1,
                data_dir=options.data_dirs[0].parent if options.data_dirs else None,
                language=p.language, twins=dict(p.twins),
            )  # fmt: skip
            for p in todo
        ]
        return _dispatch(batch, jobs, show, err, lock)


def _worker_init(parent: int, lock_fd: int | None) -> None:
    """Start a pool worker: drop its copy of the lock, and exit as soon as the build process is gone.

    A forked worker shares the build's lock file; closing it leaves the lock with the build
    alone, so a killed build frees it. A watcher thread exits the worker when its parent
    changes (killed with SIGKILL or SIGTERM); its kernel follows (ipykernel polls its parent).
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if lock_fd is not None:
        try:
            os.close(lock_fd)
        except OSError:
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="lso-parent-watch", daemon=True).start()


def _dispatch(batch: list[Job], jobs: int, show: bool, err: TextIO, lock: BuildLock | None = None) -> list[Result]:
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
    lock_fd = lock.fileno() if lock is not None and context.get_start_method() == "fork" else None
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_init,
                               initargs=(os.getpid(), lock_fd))  # fmt: skip
    try:
        futures = {pool.submit(run_job, job): job for job in batch}
        if lock is not None:
            lock.add_workers(list(getattr(pool, "_processes", None) or {}))
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
    except BaseException:  # interrupted (Ctrl-C, SIGTERM): stop the workers now rather than wait for them
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
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
        "language": planned.language,
        "twins": planned.twins,
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
