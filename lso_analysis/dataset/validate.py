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

    from lso_analysis.paths import check_data_dir

    out = out or sys.stdout
    try:
        check_data_dir()
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=out)
        return 2
    built, problems = collect()
    if not problems:
        from lso_analysis.dataset.schema import frames_from_built, validate_frames

        problems.extend(validate_frames(frames_from_built(built), built.origin))
    problems.extend(expected_count_problems(built.observations))
    _print_foundation(built, problems, out)
    research_status = _print_research(out)
    if problems:
        print(f"{len(problems)} problem(s) in the input data:", file=out)
        for p in problems:
            print(f"  - {p}", file=out)
        return 2
    status = research_status
    print(f"raw data OK: {len(built.sources)} sources, {len(built.observations)} observations, "
          f"{len(built.events)} events, {len(built.conflicts)} recorded conflicts", file=out)
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
    status = max(status, research_status)
    if coverage:
        from lso_analysis.analysis.coverage import coverage_matrix, coverage_table

        matrix = coverage_matrix(coverage_table())
        print("coverage of full-year figures (actual > estimate > derived > none; +partial: part-year figures too):",
              file=out)
        print(matrix.to_string(), file=out)
    return status


def _print_foundation(built, problems: list[Problem], out: TextIO) -> None:
    """Periods read from their words against typed ones, and each source's way back (issue 12)."""
    disagreements = sum("period disagreement" in p.message for p in problems)
    typed = 0
    for path in sorted(paths.OBSERVATIONS_DIR.glob("*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            typed += sum(bool(r.get("period_iso")) for r in csv.DictReader(fh))
    print(f"periods: {len(built.observations) - typed} rows read from their printed words, {typed} typed "
          f"(period_iso) where the grammar cannot read the words, {disagreements} disagreement(s)", file=out)
    no_way = sum(p.column == "offline" and "no way back" in p.message for p in problems)
    web = sum(bool(s.get("url")) and not s.get("corpus_file") for s in built.sources)
    corpus = sum(bool(s.get("corpus_file")) for s in built.sources)
    offline = sum(bool(s.get("offline")) for s in built.sources)
    undated = sum(p.column == "retrieved" for p in problems)
    print(f"provenance: {web} web pages (retrieved date missing or wrong: {undated}), {corpus} corpus files, "
          f"{offline} offline with a reason; {no_way} source(s) without a way back", file=out)


def _print_research(out: TextIO) -> int:
    """The research notes against data/raw: 0 when they agree (or the notes are absent), 1 otherwise."""
    from lso_analysis.dataset.research import cross_check, research_dir

    folder = research_dir()
    if folder is None:
        print("research notes: skipped (no LSO_RESEARCH_DIR and no ../shared/research beside the repository)",
              file=out)
        return 0
    reports, problems = cross_check(folder)
    if not reports:
        print("research notes: no research file in scope (data/reference/research_files.csv)", file=out)
    for r in reports:
        if r.status == "checked":
            print(f"research notes {r.file}: {r.rows} rows, {r.transcribed} transcribed, {r.excluded} left out "
                  f"with a reason, {len(r.missing)} missing", file=out)
        else:
            print(f"research notes {r.file}: {r.rows} rows not yet transcribed ({r.status})", file=out)
    disagreeing = sum(len(r.disagreeing) for r in reports)
    print(f"research notes: {disagreeing} transcribed value(s) disagreeing with the notes", file=out)
    for p in problems:
        print(f"  - {p}", file=out)
    return 1 if problems else 0
