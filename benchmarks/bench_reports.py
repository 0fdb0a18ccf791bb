"""Time the report build against the plain papermill + nbconvert route, and a no-op rebuild.

Usage:
    .venv/bin/python benchmarks/bench_reports.py [--notebooks DIR] [--copies N] [--jobs N] [-p KEY=VALUE ...]

``-p`` is passed to (b) and (c): ``-p language=en -p language=vi`` times both editions, as ``make reports``
builds them.

(a) plain route: for each notebook, the `papermill` CLI, then `jupyter nbconvert --to html`
    (one process each, one after the other, as a Makefile loop would run them);
(b) `python -m lso_analysis.reports --force` into a temporary reports folder;
(c) the same command again, with nothing to do.

Notebooks: --notebooks DIR, else the project's notebooks/ when it has NN-*.ipynb, else the
passing fixture notebook of tests/data/notebooks copied --copies times (default 4), since
one notebook alone cannot show the gain from parallel processes.
Aim (issue 6): b/a <= 0.4 on 2 cores, c <= 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lso_analysis import paths  # noqa: E402

BIN = Path(sys.executable).parent
FIXTURES = REPO / "tests" / "data" / "notebooks"
NOTEBOOK = re.compile(r"^\d{2}-.+\.ipynb$")


def notebooks_to_run(args: argparse.Namespace, scratch: Path) -> Path:
    """Return a folder of notebooks for both routes."""
    if args.notebooks:
        return args.notebooks.resolve()
    if any(NOTEBOOK.match(p.name) for p in paths.NOTEBOOKS_DIR.glob("*.ipynb")):
        return paths.NOTEBOOKS_DIR
    folder = scratch / "notebooks"
    folder.mkdir()
    for i in range(1, args.copies + 1):
        shutil.copy(FIXTURES / "01-fixture-report.ipynb", folder / f"{i:02d}-fixture-copy.ipynb")
    return folder


def timed(commands: list[list[str]], env: dict[str, str]) -> tuple[float, str]:
    """Run the commands one after the other; return the seconds and the last one's stdout."""
    started = time.perf_counter()
    stdout = ""
    for command in commands:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode not in (0, 1):
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
        stdout = result.stdout
    return time.perf_counter() - started, stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notebooks", type=Path, help="folder of NN-*.ipynb notebooks to run")
    parser.add_argument("--copies", type=int, default=4, help="copies of the fixture notebook (default 4)")
    parser.add_argument("--jobs", type=int, default=None, help="--jobs for (b) (default: CPU count)")
    parser.add_argument("-p", "--param", action="append", default=[], metavar="KEY=VALUE",
                        help="a parameter for (b) and (c), repeatable (a repeated key sweeps its values)")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as tmp:
        scratch = Path(tmp)
        source = notebooks_to_run(args, scratch)
        notebooks = sorted(p for p in source.iterdir() if NOTEBOOK.match(p.name))
        plain_out = scratch / "plain"
        plain_out.mkdir()
        print(f"{len(notebooks)} notebooks from {source}; {os.cpu_count()} CPUs", flush=True)

        # Warm the OS file cache and matplotlib's font cache so that (a) does not pay for them alone.
        timed([[str(BIN / "papermill"), str(notebooks[0]), str(scratch / "warmup.ipynb"), "--cwd", str(source)]], env)

        plain = []
        for nb in notebooks:
            executed = plain_out / nb.name
            plain.append([str(BIN / "papermill"), str(nb), str(executed), "--cwd", str(source)])
            plain.append([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed),
                          "--output-dir", str(plain_out)])
        build = [sys.executable, "-m", "lso_analysis.reports", "--notebooks-dir", str(source),
                 "--reports-dir", str(scratch / "reports")]  # fmt: skip
        if args.jobs:
            build += ["--jobs", str(args.jobs)]
        for item in args.param:
            build += ["-p", item]

        a, _ = timed(plain, env)
        b, _ = timed([[*build, "--force"]], env)
        c, noop = timed([build], env)
    reran = [line.split()[0] for line in noop.splitlines()[1:] if "up to date" not in line]
    if reran:  # the library and data are the project's: someone may have edited them meanwhile
        print(f"warning: (c) re-ran {', '.join(reran)}: its inputs changed after (b); run again")
    print(f"(a) papermill CLI + nbconvert loop : {a:7.2f} s")
    print(f"(b) lso-analysis reports --force   : {b:7.2f} s")
    print(f"(c) lso-analysis reports (no-op)   : {c:7.2f} s")
    print(f"b/a = {b / a:.2f}   (aim <= 0.4)")
    print(f"c/b = {c / b:.3f}  (c aim <= 1.5 s)")


if __name__ == "__main__":
    main()
