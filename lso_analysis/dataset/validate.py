"""`lso-analysis validate`: every problem in the raw data, row counts against expectations, cross-source consistency."""

from __future__ import annotations

import csv
from typing import TextIO

from lso_analysis import paths
from lso_analysis.errors import Problem


def expected_count_problems(observations: list[dict]) -> list[Problem]:
    """Compare rows per source with data/reference/expected_counts.csv, so that a silent drop shows up."""
    path = paths.EXPECTED_COUNTS_CSV
    from lso_analysis.dataset.rawio import display_path

    name = display_path(path)
    if not path.exists():
        return [Problem(name, None, None, "file missing: keep the expected number of rows per source")]
    counts: dict[str, int] = {}
    for row in observations:
        counts[row["source_id"]] = counts.get(row["source_id"], 0) + 1
    problems = []
    with open(path, encoding="utf-8", newline="") as fh:
        expected = {r["source_id"]: (int(r["rows"]), line) for line, r in enumerate(csv.DictReader(fh), start=2)}
    for source_id, (n, line) in expected.items():
        got = counts.get(source_id, 0)
        if got != n:
            problems.append(Problem(name, line, "rows", f"{source_id}: expected {n} rows, the build has {got}"))
    for source_id in sorted(set(counts) - set(expected)):
        problems.append(Problem(name, None, "source_id", f"{source_id} has {counts[source_id]} rows but no expected count"))
    return problems


def run_validation(coverage: bool = False, consistency: bool = True, out: TextIO | None = None) -> int:
    """Print every problem found; return 0 (clean), 1 (unexplained conflicts) or 2 (bad input)."""
    import sys

    from lso_analysis.dataset.build import collect

    out = out or sys.stdout
    built, problems = collect()
    if not problems:
        from lso_analysis.dataset.schema import frames_from_built, validate_frames

        problems.extend(validate_frames(frames_from_built(built), built.origin))
    problems.extend(expected_count_problems(built.observations))
    if problems:
        print(f"{len(problems)} problem(s) in the input data:", file=out)
        for p in problems:
            print(f"  - {p}", file=out)
        return 2
    print(f"raw data OK: {len(built.sources)} sources, {len(built.observations)} observations, "
          f"{len(built.events)} events, {len(built.conflicts)} recorded conflicts", file=out)
    status = 0
    if consistency:
        from lso_analysis.analysis.consistency import check_consistency

        table = check_consistency()
        conflicts = table[table["status"].eq("conflict")]
        explained = table[table["status"].eq("explained")]
        print(f"consistency: {len(table)} comparisons, {len(conflicts)} unexplained conflict(s), "
              f"{len(explained)} explained", file=out)
        if len(conflicts) or len(explained):
            cols = [c for c in ("check", "indicator", "obs_id_a", "value_a", "obs_id_b", "value_b", "status",
                                "explanation") if c in table.columns]
            print(table.loc[table["status"].ne("ok"), cols].to_string(index=False, max_colwidth=60), file=out)
        status = 1 if len(conflicts) else 0
    if coverage:
        from lso_analysis.analysis.coverage import coverage_matrix, coverage_table

        matrix = coverage_matrix(coverage_table())
        print("coverage of full-year figures (actual > estimate > derived > none; +partial: part-year figures too):",
              file=out)
        print(matrix.to_string(), file=out)
    return status
