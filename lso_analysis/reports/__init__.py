"""`lso-analysis reports`: run the notebooks into offline, reproducible HTML reports, incrementally."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .runner import EXIT_USAGE, BuildOptions, build

DESCRIPTION = """\
Execute every notebooks/NN-*.ipynb with papermill (a fresh kernel each, several in
parallel) into reports/<name>.html (reader view, code hidden), reports/code/<name>.html,
reports/executed/<name>.ipynb and reports/index.html. Reports whose notebook,
parameters, data files, library code, code version and key package versions are
unchanged are not re-run. Non-default parameters write to <name>--<slug-of-parameters>,
so the default reports stay. A second build started meanwhile waits for the first
(reports/.lock); a lock left by a killed build is taken over.

Languages: -p language=vi writes the Vietnamese edition, <name>--language-vi.html
(Markdown cells tagged lang-en are left out, those tagged lang-vi kept);
-p language=en -p language=vi builds both, as `make reports` does. Every page links
to its twin in the other language, and the index shows both on one row.

Where reports go: $LSO_REPORTS_DIR when set; else <data folder>/reports when
$LSO_DATA_DIR names another data folder; else the checkout's reports/; else (an
installed package) ./reports in the current folder.

exit codes: 0 success, 1 a notebook failed (its previous report is kept),
2 bad input (unknown notebook, parameter or province, years outside the data,
bad -p syntax, a missing folder)."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``reports`` subcommand to an argparse subparsers object.

    Args:
        subparsers: the object returned by ``ArgumentParser.add_subparsers()``.

    Returns:
        The new subparser (its ``func`` default is :func:`run`).
    """
    parser = subparsers.add_parser(
        "reports",
        help="build the HTML reports from the notebooks",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_arguments(parser)
    parser.set_defaults(func=run)
    return parser


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--only", nargs="+", action="extend", metavar="NAME", default=[],
                        help="build only these notebooks (stem like 10-covid-impact, file name, or number 10); "
                             "repeatable")
    parser.add_argument("-p", "--parameter", dest="params", action="append", default=[], metavar="KEY=VALUE",
                        help="set a notebook parameter, typed by its default in the 'parameters' cell "
                             "(a string default keeps the text: -p province=06 gives '06'); a key given again "
                             "sweeps its values (-p province=A -p province=B), and province=@GROUP sweeps a "
                             "group of the reference geographies (@northern_border)")
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help="notebooks run in parallel (default: the number of CPUs)")
    parser.add_argument("--force", action="store_true", help="rebuild even the reports that are up to date")
    parser.add_argument("--clean", action="store_true",
                        help="remove files earlier builds wrote first: all of them, the selected notebooks' "
                             "with --only, only this variant with -p; nothing a build did not write")
    parser.add_argument("--shard", metavar="I/N", default=None,
                        help="build only the I-th of N deterministic shares of the reports (spread a sweep over a "
                             "CI matrix; gather the folders and run --index-only to merge)")
    parser.add_argument("--index-only", action="store_true",
                        help="only rewrite index.html from the reports in the folder (after gathering shards)")
    parser.add_argument("--notebooks-dir", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--reports-dir", type=Path, default=None, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    """Run the ``reports`` subcommand from parsed arguments and return the exit code."""
    if args.jobs is not None and args.jobs < 1:
        print("error: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    options = BuildOptions(only=list(args.only), params=list(args.params), jobs=args.jobs,
                           force=args.force, clean=args.clean, shard=args.shard,
                           index_only=args.index_only)  # fmt: skip
    if getattr(args, "notebooks_dir", None):
        options.notebooks_dir = args.notebooks_dir
    if getattr(args, "reports_dir", None):
        options.reports_dir = args.reports_dir
    return build(options)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m lso_analysis.reports`` (same options as ``lso-analysis reports``)."""
    parser = argparse.ArgumentParser(
        prog="lso-analysis reports", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    _add_arguments(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    return run(args)


__all__ = ["BuildOptions", "add_parser", "build", "main", "run"]
