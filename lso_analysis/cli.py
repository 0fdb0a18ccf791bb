"""The ``lso-analysis`` command: data, extract, reports, validate, export (exit 0 ok, 1 check failed, 2 bad input)."""

from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def _cmd_data(args: argparse.Namespace) -> int:
    import json

    from lso_analysis.errors import LsoDataError
    from lso_analysis.dataset.loaders import ensure_built
    from lso_analysis.paths import PROCESSED_DIR

    try:
        ensure_built(force=args.force)
        manifest = json.loads((PROCESSED_DIR / "manifest.json").read_text(encoding="utf-8"))
    except LsoDataError as exc:
        print(f"lso-analysis data: the raw data has problems; {PROCESSED_DIR} was left as it was.", file=sys.stderr)
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    rows = ", ".join(f"{n} {name}" for name, n in manifest["rows"].items())
    print(f"built {PROCESSED_DIR}: {rows}")
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from lso_analysis.dataset.validate import run_validation

    return run_validation(coverage=args.coverage, consistency=not args.no_consistency, out=sys.stdout)


def _cmd_export(args: argparse.Namespace) -> int:
    from lso_analysis.dataset.export import ExportError, export_package
    from lso_analysis.errors import LsoDataError

    try:
        out = export_package(args.dir, force=args.force)
    except (ExportError, LsoDataError) as exc:
        print(f"lso-analysis export: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"wrote the data package {out}/datapackage.json: 6 tables as CSV with Table Schemas, Parquet copies in {out}/parquet")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``lso-analysis`` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="lso-analysis",
        description="Lạng Sơn 2019–2023: build the data, extract figures from report text, run the reports.",
    )
    from lso_analysis import __version__

    parser.add_argument("--version", action="version", version=f"lso-analysis {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    data = sub.add_parser("data", help="build and validate data/processed from data/raw",
                          description="Read every raw transcription, clean it, validate it and write data/processed "
                          "(nothing is written when any check fails; nothing is done when it is up to date). Exit 2 on bad input.")
    data.add_argument("--force", action="store_true", help="rebuild even when the processed data is up to date")
    data.set_defaults(func=_cmd_data)

    validate = sub.add_parser("validate", help="check the raw data, row counts and consistency between sources",
                              description="Report every problem in the raw data (file, row, column), compare row "
                              "counts with data/reference/expected_counts.csv and list figures from different "
                              "sources that disagree. Exit 2 on bad input, 1 on unexplained conflicts.")
    validate.add_argument("--coverage", action="store_true", help="also print the indicator × year coverage table")
    validate.add_argument("--no-consistency", action="store_true", help="skip the cross-source consistency checks")
    validate.set_defaults(func=_cmd_validate)

    export = sub.add_parser("export", help="write the data as a Frictionless data package (CSV + Parquet)",
                            description="Write DIR/datapackage.json and one CSV per table (observations, sources, "
                            "indicators, events, conflicts, annual_series) with Table Schemas (types, descriptions, "
                            "missing values, primary and foreign keys), and Parquet copies in DIR/parquet. A non-empty "
                            "DIR that holds no earlier package is refused (exit 2) unless --force.")
    export.add_argument("dir", metavar="DIR", help="the folder to write (replaced when it holds an earlier package)")
    export.add_argument("--force", action="store_true", help="replace DIR even when it holds something else")
    export.set_defaults(func=_cmd_export)

    # Each subcommand module adds its own parser and sets its handler (func).
    from lso_analysis.extract.cli import add_parser as add_extract
    from lso_analysis.reports import add_parser as add_reports

    add_extract(sub)
    add_reports(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
