"""``lso-analysis extract FILE…``: print the candidate observations found in report text files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_BAD_INPUT = 0, 2


class InputError(Exception):
    """A file that cannot be read as UTF-8 text; the message names the file."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``extract`` on the ``lso-analysis`` sub-command parsers and return its parser."""
    parser = subparsers.add_parser(
        "extract",
        help="print candidate observations found in report text (CSV or JSON)",
        description="Find the statistical figures in Vietnamese report text files and print them as "
        "candidate observations (SPEC §3 columns, plus span_start/span_end and reason).",
    )
    _arguments(parser)
    parser.set_defaults(func=run)
    return parser


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files ('-' reads standard input)")
    parser.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD, YYYY-MM or YYYY) for years the text omits")
    parser.add_argument("--province", metavar="NAME", help="the province (default: detected from the text)")
    parser.add_argument("--format", choices=("csv", "json"), default="csv", help="output format (default csv)")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="number notation (default vi)")
    parser.add_argument("--all", action="store_true", help="also print figures with a reason (no indicator, unreadable)")
    draft = parser.add_argument_group("curator's draft", "write the raw files of a new source instead of printing "
                                      "(see README, 'Adding a source')")
    draft.add_argument("--draft", metavar="DIR", help="write DIR/raw/observations/<source_id>.csv, a DIR/raw/sources.csv "
                       "row and DIR/reference/expected_counts.csv (reference tables copied when DIR/reference is missing)")
    draft.add_argument("--url", help="the page's address (also evidence of the province)")
    draft.add_argument("--publisher", help="the outlet or office (also evidence of the province)")
    draft.add_argument("--source-id", metavar="ID", help="default: <outlet>-<yyyymmdd>-<file name>")
    draft.add_argument("--title", help="default: the first line of the text")
    draft.add_argument("--reliability", choices=("official", "press", "mirror", "low"), help="default: guessed from the publisher")
    draft.add_argument("--retrieved", metavar="DATE", help="when the page was read (default: today, when --url is given)")


def read_text(path: str) -> str:
    """The content of ``path`` as text, or :class:`InputError` when it is not UTF-8 text.

    Raises:
        InputError: the file is missing, unreadable, binary, or in another encoding (cp1258, latin-1 …).
    """
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in data:
        raise InputError(f"{path}: is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f CP1258 -t UTF-8"
        ) from None


def run(args: argparse.Namespace) -> int:
    """Extract every file and print the candidates; exit 2 (naming the file) on unreadable input."""
    from lso_analysis.errors import LsoParseError
    from lso_analysis.extract.pipeline import extract_observations
    from lso_analysis.cleaning.periods import PeriodContext

    if args.published:
        try:
            PeriodContext.from_published(args.published)
        except LsoParseError as exc:
            print(f"lso-analysis extract: --published: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        texts = [(path, read_text(path)) for path in args.files]
    except InputError as exc:
        print(f"lso-analysis extract: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.draft:
        return _draft(args, texts)
    import pandas as pd

    frames = []
    for path, text in texts:
        source_id = "stdin" if path == "-" else Path(path).stem
        df = extract_observations(text, published=args.published, source_id=source_id, province=args.province, lang=args.lang,
                                  url=args.url, publisher=args.publisher)
        if not args.all:
            df = df[df["reason"] == ""]
        frames.append(df)
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    for column in ("period_start", "period_end", "base_start", "base_end"):
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    try:
        if args.format == "json":
            sys.stdout.write(out.to_json(orient="records", force_ascii=False, indent=1) + "\n")
        else:
            out.to_csv(sys.stdout, index=False, lineterminator="\n")
        sys.stdout.flush()
    except BrokenPipeError:  # "| head": the reader has what it wanted
        sys.stderr.close()
    return EXIT_OK


def _draft(args: argparse.Namespace, texts: list[tuple[str, str]]) -> int:
    """``--draft DIR``: write the raw files of one source and say what the curator must check."""
    from lso_analysis.extract.draft import DraftError, write_draft

    if len(texts) != 1 or texts[0][0] == "-":
        print("lso-analysis extract: --draft takes exactly one FILE (a source is one document)", file=sys.stderr)
        return EXIT_BAD_INPUT
    path, text = texts[0]
    try:
        draft = write_draft(text, Path(path), Path(args.draft), url=args.url, publisher=args.publisher,
                            published=args.published, source_id=args.source_id, title=args.title, province=args.province,
                            reliability=args.reliability, retrieved=args.retrieved, lang=args.lang)
    except DraftError as exc:
        print(f"lso-analysis extract: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"wrote {draft.observations}: {draft.rows} rows, {draft.to_check} with a 'check' comment to settle")
    print(f"wrote the {draft.source_id} row of {draft.sources}" + (":" if draft.source_checks else ""))
    for item in draft.source_checks:
        print(f"  - {item}")
    print(f"next: settle every 'check' cell (then empty it), then: LSO_DATA_DIR={args.draft} lso-analysis validate")
    return EXIT_OK


def main(argv=None) -> int:
    """``python -m lso_analysis.extract.cli FILE…``."""
    parser = argparse.ArgumentParser(prog="lso-analysis extract", description=add_parser.__doc__)
    _arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
