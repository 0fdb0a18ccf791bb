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


def _built_rows(data_dir):
    run_build(data_dir)
    obs = pd.read_pickle(data_dir / "processed" / "observations.pkl")
    return obs[["obs_id", "value", "value_raw", "period_start"]].to_dict("records")


def test_byte_order_mark_is_dropped(data_dir, tmp_path):
    plain = _built_rows(data_dir)
    for name in (OBS_FILE, "raw/sources.csv"):
        data = (data_dir / name).read_bytes()
        (data_dir / name).write_bytes(b"\xef\xbb\xbf" + data)  # what Excel's "CSV UTF-8" writes
    assert _built_rows(data_dir) == plain


def test_decomposed_unicode_is_composed(data_dir):
    plain = _built_rows(data_dir)
    set_cell(data_dir, "1", "value_raw", unicodedata.normalize("NFD", "ước đạt 2.100 triệu USD"))
    rows = _built_rows(data_dir)
    assert rows == plain
    assert unicodedata.is_normalized("NFC", rows[0]["value_raw"])


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


def set_source(data_dir: Path, **cells) -> None:
    from conftest import SOURCES_HEADER

    path = data_dir / "raw" / "sources.csv"
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    rows[0].update(cells)
    write_csv(path, SOURCES_HEADER, [[r[c] for c in SOURCES_HEADER] for r in rows])


# (cells to set on the one source, expected column, words in the message)
BAD_SOURCES = [
    ({"published": "2021-13"}, "published", "not a calendar date"),
    ({"published": "2021-02-30"}, "published", "not a calendar date"),
    ({"published": "2031"}, "published", "after the build date"),
    ({"published": "2021-09-15"}, "source_id", "disagrees with published"),
    ({"published": "2020-08-15"}, "source_id", "disagrees with published"),
    ({"offline": ""}, "offline", "no way back"),
    ({"url": "https://example.org/page", "offline": ""}, "retrieved", "retrieved is empty"),
    ({"url": "https://example.org/page", "offline": "", "retrieved": "2021-07"}, "retrieved", "before published"),
    ({"url": "https://example.org/page", "offline": "", "retrieved": "2099-01"}, "retrieved", "after the build date"),
    ({"url": "https://example.org/page", "retrieved": "2026-11"}, "offline", "leave it empty"),
]


@pytest.mark.parametrize("cells, column, words", BAD_SOURCES)
def test_source_dates_and_provenance_are_checked(data_dir, monkeypatch, cells, column, words):
    monkeypatch.setenv("LSO_BUILD_DATE", "2026-11-29")
    set_source(data_dir, **cells)
    problems = problems_of(data_dir)
    found = [p for p in problems if p.column == column]
    assert found, problems
    assert found[0].file.endswith("sources.csv") and found[0].row == 2 and words in found[0].message


def test_source_id_date_may_differ_when_the_basis_says_why(data_dir, monkeypatch):
    monkeypatch.setenv("LSO_BUILD_DATE", "2026-11-29")
    set_source(data_dir, published="2021-09-15",
               published_basis="stated: 15/9/2021; the source_id keeps the date of the first version we read")
    run_build(data_dir)


def test_a_web_source_with_its_reading_date_builds(data_dir, monkeypatch):
    monkeypatch.setenv("LSO_BUILD_DATE", "2026-11-29")
    set_source(data_dir, url="https://example.org/page", offline="", retrieved="2026-11")
    assert run_build(data_dir)["rows"]["observations"] == 3


def test_an_event_after_the_build_date_is_refused(data_dir, monkeypatch):
    from lso_analysis.dataset.build import EVENT_COLUMNS

    monkeypatch.setenv("LSO_BUILD_DATE", "2026-11-29")
    event = {"event_id": "e1", "date": "2099-01-01", "date_raw": "1/1/2099", "category": "covid", "kind": "wave",
             "title": "a made-up event", "source_id": "test-20210815-monthly"}
    write_csv(data_dir / "raw" / "events.csv", list(EVENT_COLUMNS), [[event.get(c, "") for c in EVENT_COLUMNS]])
    problems = problems_of(data_dir)
    assert [(p.file.endswith("events.csv"), p.row, p.column) for p in problems] == [(True, 2, "date")]


def test_a_figure_for_a_period_not_yet_begun_must_be_a_target(data_dir, monkeypatch):
    monkeypatch.setenv("LSO_BUILD_DATE", "2026-11-29")
    set_cell(data_dir, "1", "period_raw", "năm 2030")
    problems = problems_of(data_dir)
    assert [(p.row, p.column) for p in problems] == [(2, "period_raw")] and "target" in problems[0].message
    set_cell(data_dir, "1", "status", "target")
    run_build(data_dir)


def test_a_typed_period_must_agree_with_the_printed_words(data_dir):
    set_cell(data_dir, "1", "period_iso", "2021-06")  # the words say January–July 2021
    problems = problems_of(data_dir)
    assert [(p.row, p.column) for p in problems] == [(2, "period_iso")]
    assert "period disagreement" in problems[0].message
    set_cell(data_dir, "1", "period_iso", "2021-01/2021-07")  # agreeing: accepted
    run_build(data_dir)


def test_a_typed_period_stands_in_for_words_the_grammar_cannot_read(data_dir):
    set_cell(data_dir, "1", "period_raw", "[early 2021]")
    assert [p.column for p in problems_of(data_dir)] == ["period_raw"]
    set_cell(data_dir, "1", "period_iso", "2021-01/2021-07")
    run_build(data_dir)


def test_corrections_typed_with_a_bom_and_decomposed_letters_still_apply(data_dir):
    yml = ("fixes:\n  - obs_id: test-20210815-monthly#1\n    column: value_raw\n"
           f"    printed: {unicodedata.normalize('NFD', 'ước đạt 2.100 triệu USD')}\n"
           "    corrected: ước đạt 2.200 triệu USD\n    reason: a test fix\n")
    (data_dir / "raw" / "corrections.yml").write_bytes(b"\xef\xbb\xbf" + yml.encode("utf-8"))
    rows = {r["obs_id"]: r for r in _built_rows(data_dir)}
    assert rows["test-20210815-monthly#1"]["value"] == 2200
