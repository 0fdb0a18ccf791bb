"""The build refuses bad input with a problem naming file, row and column, and never half-writes."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from conftest import OBS_HEADER, write_csv
from lso_analysis.dataset.build import build, collect
from lso_analysis.errors import LsoDataError

OBS_FILE = "raw/observations/test-20210815-monthly.csv"


def run_build(data_dir: Path):
    return build(data_dir / "processed", data_dir / "raw", data_dir / "reference")


def problems_of(data_dir: Path):
    with pytest.raises(LsoDataError) as info:
        run_build(data_dir)
    return info.value.problems


def set_cell(data_dir: Path, obs_no: str, column: str, value: str) -> None:
    path = data_dir / OBS_FILE
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    for row in rows:
        if row["obs_no"] == obs_no:
            row[column] = value
    write_csv(path, OBS_HEADER, [[r[c] for c in OBS_HEADER] for r in rows])


def test_valid_dataset_builds(data_dir):
    manifest = run_build(data_dir)
    assert manifest["rows"]["observations"] == 3
    obs = pd.read_pickle(data_dir / "processed" / "observations.pkl")
    growth = obs.set_index("obs_id").loc["test-20210815-monthly#2"]
    assert growth["value"] == 12.5 and growth["base_start"] == pd.Timestamp("2020-01-01")
    assert growth["base_end"] == pd.Timestamp("2020-07-31") and growth["status"] == "estimate"


# (what to break, expected column in the problem, words expected in the message)
BAD_CELLS = [
    ("1", "value_raw", "ước đạt 2.1 triệu USD", "value_raw", "ambiguous"),  # unparseable number
    ("1", "value_raw", "ước đạt 2.100 con voi", "value_raw", "unknown unit"),  # unknown unit
    ("1", "indicator", "kim_ngach_la", "indicator", "unknown indicator"),
    ("2", "comparison_raw", "", "comparison_raw", "needs a comparison base"),  # growth without base
    ("1", "period_raw", "dạo gần đây", "period_raw", "cannot resolve the period"),
    ("3", "comparison_raw", "", "comparison_raw", "plan"),
    ("1", "measure", "level_pct", "measure", "unknown measure"),
    ("1", "value_raw", "ước đạt 2.100 tỷ đồng", "value_raw", "does not agree"),  # VND for a USD series
    ("1", "status", "maybe", "status", "unknown status"),
    ("1", "period_iso", "2021-07/2021-01", "period_iso", "cannot resolve"),
]


@pytest.mark.parametrize("obs_no, column, value, where, words", BAD_CELLS)
def test_bad_cell_is_named_by_file_row_and_column(data_dir, obs_no, column, value, where, words):
    set_cell(data_dir, obs_no, column, value)
    problems = problems_of(data_dir)
    assert len(problems) == 1, problems
    p = problems[0]
    assert p.file.endswith("test-20210815-monthly.csv")
    assert p.row == int(obs_no) + 1  # line number in the file, header is line 1
    assert p.column == where
    assert words in p.message


def test_unknown_source(data_dir):
    shutil.copy(data_dir / OBS_FILE, data_dir / "raw/observations/nobody-20210101-ghost.csv")
    problems = problems_of(data_dir)
    assert any("unknown source 'nobody-20210101-ghost'" in p.message for p in problems)


def test_duplicate_id(data_dir):
    set_cell(data_dir, "2", "obs_no", "1")
    problems = problems_of(data_dir)
    assert [(p.row, p.column) for p in problems] == [(3, "obs_no")]
    assert "duplicate obs_id" in problems[0].message


def test_missing_column(data_dir):
    df = pd.read_csv(data_dir / OBS_FILE, dtype=str, keep_default_na=False).drop(columns=["period_raw"])
    df.to_csv(data_dir / OBS_FILE, index=False)
    problems = problems_of(data_dir)
    assert problems[0].row == 1 and "missing column(s): period_raw" in problems[0].message


@pytest.mark.parametrize("encoding", ["cp1258", "latin-1"])
def test_wrong_encoding(data_dir, encoding):
    text = (data_dir / OBS_FILE).read_text(encoding="utf-8")
    if encoding == "latin-1":
        text = text.replace("ước đạt", "ca\u00f1o")  # latin-1 has no Vietnamese letters: keep it encodable
        text = text.replace("tăng", "tang")
    (data_dir / OBS_FILE).write_bytes(text.encode(encoding, errors="replace"))
    problems = problems_of(data_dir)
    assert "not UTF-8" in problems[0].message and problems[0].row == 2


def test_byte_order_mark(data_dir):
    data = (data_dir / OBS_FILE).read_bytes()
    (data_dir / OBS_FILE).write_bytes(b"\xef\xbb\xbf" + data)
    problems = problems_of(data_dir)
    assert any("byte-order mark" in p.message for p in problems)


def test_decomposed_unicode(data_dir):
    set_cell(data_dir, "1", "value_raw", unicodedata.normalize("NFD", "ước đạt 2.100 triệu USD"))
    problems = problems_of(data_dir)
    assert (problems[0].row, problems[0].column) == (2, "value_raw")
    assert "not NFC" in problems[0].message


def test_empty_file(data_dir):
    (data_dir / OBS_FILE).write_bytes(b"")
    problems = problems_of(data_dir)
    assert any("file is empty" in p.message for p in problems)


def test_header_only_file(data_dir):
    write_csv(data_dir / OBS_FILE, OBS_HEADER, [])
    assert any("no rows" in p.message for p in problems_of(data_dir))


def test_bad_source_row(data_dir):
    path = data_dir / "raw/sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",official,", ",blog,"), encoding="utf-8")
    problems = problems_of(data_dir)
    assert [(p.row, p.column) for p in problems] == [(2, "reliability")]


def test_every_problem_is_reported_at_once(data_dir):
    set_cell(data_dir, "1", "indicator", "nope")
    set_cell(data_dir, "2", "value_raw", "tăng 1.5%")
    set_cell(data_dir, "3", "period_raw", "")
    assert {p.row for p in problems_of(data_dir)} == {2, 3, 4}


def test_failed_build_keeps_previous_processed_data(data_dir):
    run_build(data_dir)
    before = {p.name: p.read_bytes() for p in (data_dir / "processed").iterdir()}
    set_cell(data_dir, "1", "value_raw", "ước đạt 2.1 triệu USD")
    problems_of(data_dir)
    after = {p.name: p.read_bytes() for p in (data_dir / "processed").iterdir()}
    assert after == before


def test_recorded_correction_is_applied_and_guarded(data_dir):
    (data_dir / "raw/corrections.yml").write_text(
        "fixes:\n  - obs_id: test-20210815-monthly#1\n    column: value_raw\n"
        "    printed: 'ước đạt 2.100 triệu USD'\n    corrected: 'ước đạt 2.150 triệu USD'\n"
        "    reason: 'test: the table beside the text prints 2.150'\n", encoding="utf-8")
    run_build(data_dir)
    obs = pd.read_pickle(data_dir / "processed" / "observations.pkl")
    assert obs.loc[0, "value"] == 2150 and "corrected" in obs.loc[0, "note"]
    assert obs.loc[0, "value_raw"] == "ước đạt 2.150 triệu USD"
    # once the source text changes, the correction no longer matches and the build says so
    set_cell(data_dir, "1", "value_raw", "ước đạt 2.120 triệu USD")
    assert any("was the source fixed" in p.message for p in problems_of(data_dir))


def test_conflict_naming_unknown_observation_is_a_problem(data_dir):
    (data_dir / "raw/corrections.yml").write_text(
        "conflicts:\n  - id: x\n    obs_ids: [test-20210815-monthly#1, test-20210815-monthly#9]\n"
        "    judgement: 'test'\n", encoding="utf-8")
    assert any("unknown obs_id(s): test-20210815-monthly#9" in p.message for p in problems_of(data_dir))


def test_cli_data_exits_2_and_names_the_problem(data_dir):
    set_cell(data_dir, "1", "indicator", "nope")
    env = {"LSO_DATA_DIR": str(data_dir), "PATH": ""}
    result = subprocess.run([sys.executable, "-m", "lso_analysis.cli", "data"], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 2
    assert "test-20210815-monthly.csv:2 [indicator]: unknown indicator 'nope'" in result.stderr
    assert not (data_dir / "processed").exists()


def test_cli_data_builds(data_dir):
    env = {"LSO_DATA_DIR": str(data_dir), "PATH": ""}
    result = subprocess.run([sys.executable, "-m", "lso_analysis.cli", "data"], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((data_dir / "processed" / "manifest.json").read_text())
    assert manifest["rows"]["observations"] == 3


def test_collect_without_problems_on_valid_data(data_dir):
    built, problems = collect(data_dir / "raw", data_dir / "reference")
    assert problems == [] and len(built.observations) == 3
