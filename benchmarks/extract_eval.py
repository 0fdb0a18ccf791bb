"""Precision and recall of the extractor: the shared corpus, the development set and the held-out set.

Usage: LSO_CORPUS_DIR=../shared/corpus python benchmarks/extract_eval.py [--quiet] [--show-heldout]

Three scores, reported separately:
- corpus: the curated observations of the shared corpus articles (the lexicon was built from them);
- development: ``tests/data/extract_dev.yml``, sentences the lexicon may be tuned on;
- held-out: ``tests/data/extract_heldout.yml``, sentences the lexicon is never tuned on. Its misses are
  not printed unless ``--show-heldout`` is given, so that tuning on them is a deliberate act.
For the sentence sets: found (a row with the expected value), typed (and its measure), tied (and its
indicator), key tied (tied, among trade, budget and GRDP figures), all fields (and period, base and
status) as shares of the expected figures; precision is the share of claims (rows without a reason)
that are an expected figure tied to its indicator.

A match is a candidate with the same indicator, measure and period (start, end) whose
value interval overlaps the curated one; matching is one-to-one. Candidates with a
``reason`` (no indicator, unreadable figure) are for a curator's eyes and are not
counted as claims.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from lso_analysis.extract.pipeline import extract_observations  # noqa: E402
from lso_analysis.paths import RAW_DIR  # noqa: E402


@dataclass
class SourceScore:
    source_id: str
    province: str
    curated: int = 0
    claimed: int = 0
    matched: int = 0
    misses: list = field(default_factory=list)
    false_positives: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.claimed if self.claimed else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.curated if self.curated else 1.0


def corpus_sources(corpus: Path) -> list[dict]:
    """Rows of sources.csv (or the transcription helper's _sources_corpus.csv) that name a corpus file."""
    rows = {}
    for name in ("_sources_corpus.csv", "sources.csv"):
        path = RAW_DIR / name
        if path.is_file():
            with open(path, encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    if row.get("corpus_file") and (corpus / row["corpus_file"]).is_file():
                        rows[row["source_id"]] = row
    return list(rows.values())


def curated_observations(source_ids: list[str]):
    """The processed curated rows of these sources (the lead's loader, targets included)."""
    from lso_analysis import load_observations

    df = load_observations(province=None, include_targets=True)
    return df[df["source_id"].isin(source_ids)]


def _interval(low, high, value):
    low = -math.inf if low is None or low != low else low
    high = math.inf if high is None or high != high else high
    if low == -math.inf and high == math.inf and value == value:
        return value, value
    return low, high


def _day(x):
    if x is None or x != x:
        return None
    return x.date() if hasattr(x, "date") else x


def _fits(cand: dict, cur: dict) -> bool:
    if cand["indicator"] != cur["indicator"] or cand["measure"] != cur["measure"]:
        return False
    if (_day(cand["period_start"]), _day(cand["period_end"])) != (_day(cur["period_start"]), _day(cur["period_end"])):
        return False
    a = _interval(cand["value_low"], cand["value_high"], cand["value"])
    b = _interval(cur["value_low"], cur["value_high"], cur["value"])
    return a[0] <= b[1] + 1e-9 and b[0] <= a[1] + 1e-9


def score_source(text: str, source: dict, curated) -> SourceScore:
    """Extract one source and match its candidates to its curated rows one to one."""
    df = extract_observations(text, published=source.get("published") or None, source_id=source["source_id"])
    claims = [r for r in df.to_dict("records") if not r["reason"] and r["indicator"]]
    gold = curated.to_dict("records")
    score = SourceScore(source["source_id"], source.get("province", ""), len(gold), len(claims))
    used = set()
    for cur in gold:
        options = [i for i, c in enumerate(claims) if i not in used and _fits(c, cur)]
        if options:
            best = min(options, key=lambda i: abs((claims[i]["value"] or 0) - (cur["value"] or 0)))
            used.add(best)
            score.matched += 1
        else:
            score.misses.append(cur)
    score.false_positives = [c for i, c in enumerate(claims) if i not in used]
    return score


def evaluate(corpus: Path) -> list[SourceScore]:
    """Score every corpus source that has curated observations."""
    sources = corpus_sources(corpus)
    curated = curated_observations([s["source_id"] for s in sources])
    scores = []
    for source in sorted(sources, key=lambda s: s["corpus_file"]):
        text = (corpus / source["corpus_file"]).read_text(encoding="utf-8")
        scores.append(score_source(text, source, curated[curated["source_id"] == source["source_id"]]))
    return scores


def overall(scores: list[SourceScore], province: str | None = "Lạng Sơn") -> tuple[float, float]:
    """Micro-averaged (precision, recall) over the sources of ``province`` (all when None)."""
    chosen = [s for s in scores if province is None or s.province == province]
    claimed = sum(s.claimed for s in chosen)
    curated = sum(s.curated for s in chosen)
    matched = sum(s.matched for s in chosen)
    return (matched / claimed if claimed else 1.0), (matched / curated if curated else 1.0)


def _sentence_sets(quiet: bool, show_heldout: bool) -> None:
    from extract_sets import DEV_SET, HELDOUT_SET, score_set

    for name, path, show in (("dev", DEV_SET, not quiet), ("held-out", HELDOUT_SET, show_heldout)):
        score = score_set(name, path)
        print(score.line())
        if show:
            for expected, why in score.misses:
                print(f"  MISS {expected.item}: {expected.indicator} {expected.measure} {expected.value:g}: {why}")
            for claim in score.wrong_claims:
                print(f"  WRONG {claim}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.environ.get("LSO_CORPUS_DIR"), help="corpus folder (default $LSO_CORPUS_DIR)")
    parser.add_argument("--quiet", action="store_true", help="scores only, no misses or false positives")
    parser.add_argument("--show-heldout", action="store_true", help="also list the held-out set's misses")
    args = parser.parse_args(argv)
    _sentence_sets(args.quiet, args.show_heldout)
    if not args.corpus or not Path(args.corpus).is_dir():
        print("corpus: set LSO_CORPUS_DIR (or --corpus) to the shared corpus folder", file=sys.stderr)
        return 2
    print("corpus:")
    scores = evaluate(Path(args.corpus))
    print(f"{'source':48} {'prov':10} {'curated':>7} {'claimed':>7} {'matched':>7} {'prec':>6} {'recall':>6}")
    for s in scores:
        print(f"{s.source_id:48} {s.province[:10]:10} {s.curated:7} {s.claimed:7} {s.matched:7} {s.precision:6.3f} {s.recall:6.3f}")
    for label, prov in (("overall, Lạng Sơn sources", "Lạng Sơn"), ("overall, all sources", None)):
        p, r = overall(scores, prov)
        print(f"{label:59} {'':7} {'':7} {p:6.3f} {r:6.3f}")
    if not args.quiet:
        for s in scores:
            for m in s.misses:
                print(f"MISS {s.source_id}: {m['indicator']} {m['measure']} {m['value']} {m['value_raw']!r} "
                      f"{m['period_raw']!r} {_day(m['period_start'])}..{_day(m['period_end'])}")
            for c in s.false_positives:
                print(f"FALSE+ {s.source_id}: {c['indicator']} {c['measure']} {c['value']} {c['value_raw']!r} "
                      f"{c['period_raw']!r} {c['period_start']}..{c['period_end']} {c['note']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
