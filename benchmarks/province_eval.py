"""Province detection with and without metadata, against the province recorded for each source.

Usage: LSO_CORPUS_DIR=../shared/corpus python benchmarks/province_eval.py [--list]

Three views: the corpus articles (full text) alone and with their publisher; every source of
data/raw/sources.csv by its title alone, by its title with URL and publisher, and by URL and
publisher alone (no text at all). Each line counts answers that are right, wrong, or none.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lso_analysis.extract.provinces import detect_province  # noqa: E402
from lso_analysis.paths import SOURCES_CSV  # noqa: E402


def _verdict(found, want: str) -> str:
    return "none" if found.province is None else ("right" if found.province == want else "wrong")


def _line(label: str, tally: Counter, total: int, extra: str = "") -> str:
    return (f"{label:44} right {tally['right']:3}/{total}  wrong {tally['wrong']:3}  none {tally['none']:3}"
            + (f"  {extra}" if extra else ""))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.environ.get("LSO_CORPUS_DIR"))
    parser.add_argument("--list", action="store_true", help="list every wrong or missing answer")
    args = parser.parse_args(argv)
    with open(SOURCES_CSV, encoding="utf-8", newline="") as fh:
        sources = list(csv.DictReader(fh))
    views = {"corpus text alone": Counter(), "corpus text + publisher": Counter(),
             "title alone": Counter(), "title + url + publisher": Counter(), "url + publisher, no text": Counter()}
    basis: Counter = Counter()
    corpus = Path(args.corpus) if args.corpus else None
    n_corpus = 0
    for s in sources:
        want, title, url, pub = s["province"], s["title"], s.get("url") or None, s.get("publisher") or None
        runs = {"title alone": detect_province(title), "title + url + publisher": detect_province(title, url, pub),
                "url + publisher, no text": detect_province("", url, pub)}
        if corpus and s.get("corpus_file") and (corpus / s["corpus_file"]).is_file():
            text = (corpus / s["corpus_file"]).read_text(encoding="utf-8")
            runs["corpus text alone"] = detect_province(text)
            runs["corpus text + publisher"] = detect_province(text, url, pub)
            n_corpus += 1
        for view, found in runs.items():
            views[view][_verdict(found, want)] += 1
            if args.list and _verdict(found, want) != "right":
                print(f"  {view:26} {s['source_id']:48} want {want:10} got {found.province} "
                      f"({'; '.join(f'{e.where}:{e.term}' for e in found.evidence[:4])})")
        basis[runs["title + url + publisher"].basis or "no answer"] += 1
    for view, tally in views.items():
        total = n_corpus if view.startswith("corpus") else len(sources)
        extra = ("basis: " + ", ".join(f"{k} {v}" for k, v in sorted(basis.items()))) if view == "title + url + publisher" else ""
        print(_line(view, tally, total, extra))
    return 0


if __name__ == "__main__":
    sys.exit(main())
