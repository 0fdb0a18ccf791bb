"""Time a sweep of every notebook over the seven northern border provinces, and extrapolate to 63 provinces.

Run by hand (never part of ``make test``):

    python benchmarks/bench_sweep.py [--jobs 2] [--group northern_border]

It builds into a temporary folder with ``--force`` (so nothing is "up to date"), then prints the wall time,
the number of reports, seconds per report, and the time a 63-province sweep would take on one machine with
the same number of jobs and on N machines (``--shard I/N``, each building a share).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--group", default="northern_border")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "lso_analysis.reports", "--reports-dir", tmp, "--force",
                                 "--jobs", str(args.jobs), "-p", f"province=@{args.group}"],
                                capture_output=True, text=True)
        wall = time.perf_counter() - started
        reports = [p for p in Path(tmp).glob("*.html") if p.name != "index.html"]
    if result.returncode not in (0, 1):
        print(result.stderr[-3000:], file=sys.stderr)
        return result.returncode
    per_report = wall / max(len(reports), 1)
    notebooks = len({p.stem.split("--", 1)[0] for p in reports})
    full = 63 * notebooks * per_report
    print(f"sweep of @{args.group}: {len(reports)} reports ({notebooks} notebooks) in {wall:.1f} s "
          f"with --jobs {args.jobs}: {per_report:.2f} s per report")
    print(f"63 provinces x {notebooks} notebooks: about {full / 60:.1f} min on one such machine; "
          + ", ".join(f"{full / n / 60:.1f} min on {n}" for n in (2, 4, 8, 16)) + " (--shard I/N, then --index-only)")
    if result.returncode != 0:
        print("some reports failed:\n" + result.stderr[-2000:], file=sys.stderr)
    return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
