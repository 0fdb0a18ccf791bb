"""`lso-analysis validate`: exit codes and the expected-row-count check."""

from __future__ import annotations

import io
import subprocess
import sys

from lso_analysis.dataset.validate import expected_count_problems, run_validation


def test_expected_counts_flag_a_silent_drop(tmp_path, monkeypatch):
    from lso_analysis import paths

    counts = tmp_path / "expected_counts.csv"
    counts.write_text("source_id,rows\na-20200101-x,3\nb-20200101-y,1\n", encoding="utf-8")
    monkeypatch.setattr(paths, "EXPECTED_COUNTS_CSV", counts)
    rows = [{"source_id": "a-20200101-x"}] * 2 + [{"source_id": "c-20200101-z"}]
    problems = expected_count_problems(rows)
    messages = [p.message for p in problems]
    assert "a-20200101-x: expected 3 rows, the build has 2" in messages
    assert "b-20200101-y: expected 1 rows, the build has 0" in messages
    assert any("c-20200101-z has 1 rows but no expected count" in m for m in messages)
    assert problems[0].row == 2  # the line of the expected count in the file


def test_validate_passes_on_the_shipped_data():
    out = io.StringIO()
    assert run_validation(coverage=True, out=out) == 0
    text = out.getvalue()
    assert "raw data OK" in text and "0 unexplained conflict(s)" in text and "trade_turnover" in text
    assert "0 disagreement(s)" in text and "0 source(s) without a way back" in text


def test_validate_reads_the_research_notes_a_second_time():
    from lso_analysis.dataset.research import research_dir

    out = io.StringIO()
    run_validation(consistency=False, out=out)
    text = out.getvalue()
    if research_dir() is None:
        assert "research notes: skipped" in text
        return
    assert "research notes lso_figures.md: 130 rows" in text and ", 0 missing" in text
    # both wave-2 files are checked since their transcription was merged: every row transcribed or left out
    for name in ("lso_figures.md", "lso_digital_covid.md", "wave2_figures.md", "wave2_grdp_panel.md"):
        line = next(x for x in text.splitlines() if x.startswith(f"research notes {name}:"))
        assert line.endswith(", 0 missing") and "not yet transcribed" not in line
    assert "0 transcribed value(s) disagreeing" in text


def test_validate_fails_on_a_period_disagreement(data_dir):
    path = data_dir / "raw/observations/test-20210815-monthly.csv"
    text = path.read_text(encoding="utf-8").replace("lũy kế 7 tháng,,,,", "lũy kế 7 tháng,,,2021-06,", 1)
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lso_analysis.cli", "validate", "--no-consistency"],
                            capture_output=True, text=True, env={"LSO_DATA_DIR": str(data_dir), "PATH": ""},
                            timeout=120)
    assert result.returncode == 2
    assert "1 disagreement(s)" in result.stdout and "[period_iso]: period disagreement" in result.stdout


def test_validate_exits_2_on_bad_input(data_dir):
    path = data_dir / "raw/observations/test-20210815-monthly.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("trade_turnover", "trade_tunrover", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lso_analysis.cli", "validate", "--no-consistency"],
                            capture_output=True, text=True, env={"LSO_DATA_DIR": str(data_dir), "PATH": ""},
                            timeout=120)
    assert result.returncode == 2
    assert "test-20210815-monthly.csv:2 [indicator]: unknown indicator 'trade_tunrover'" in result.stdout
