"""Time `import lso_analysis` (cold, fresh interpreter) and `load_observations()` (warm, in-process).

Run: .venv/bin/python benchmarks/bench_import.py [--repeat N]
Aims (issue 2): import < 0.3 s; load_observations() < 0.1 s warm.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def time_import(repeat: int) -> list[float]:
    code = "import time; t = time.perf_counter(); import lso_analysis; print(time.perf_counter() - t)"
    return [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(repeat)]


def time_first_load() -> float:
    code = ("import time; t = time.perf_counter(); import lso_analysis as l; l.load_observations(); "
            "print(time.perf_counter() - t)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    import lso_analysis

    lso_analysis.load_observations()  # make sure the processed data is built
    imports = time_import(args.repeat)
    first = time_first_load()
    warm = []
    for _ in range(args.repeat * 5):
        t = time.perf_counter()
        df = lso_analysis.load_observations()
        warm.append(time.perf_counter() - t)
    print(f"import lso_analysis           median {statistics.median(imports) * 1000:7.1f} ms  (aim < 300 ms)")
    print(f"first load (new process)      {first * 1000:7.1f} ms  (includes importing pandas)")
    print(f"load_observations() warm      median {statistics.median(warm) * 1000:7.1f} ms  (aim < 100 ms), "
          f"{len(df)} rows")


if __name__ == "__main__":
    main()
