"""The second reading: the research notes' tables against data/raw (transcribed, left out with a reason, agreeing)."""

from __future__ import annotations

import csv

import pytest

from conftest import SOURCES_HEADER, write_csv
from lso_analysis.dataset.research import cross_check, read_research_file, research_dir, url_key

NOTES = """# Test notes

| # | Indicator | Period (as stated) | Value (as printed) | Comparison (as printed) | URL | Publisher |
|---|---|---|---|---|---|---|
| A1 | Trade | lũy kế 7 tháng | ước đạt 2.100 triệu USD | tăng 12,5% so với cùng kỳ; đạt 61,2% dự toán | https://www.example.org/report-7/ | Sở thử |
| A2 | Trucks | sáng 16/12 | 4.550 xe | — | same as A1 | Sở thử |
| A3 | Budget | 2021 | 9.999 tỷ đồng | — | https://example.org/other | Sở thử |
"""


@pytest.fixture
def research(data_dir, tmp_path):
    folder = tmp_path / "research"
    folder.mkdir()
    (folder / "notes.md").write_text(NOTES, encoding="utf-8")
    (folder / "later.md").write_text(NOTES.replace("A1", "Z1").replace("A2", "Z2").replace("A3", "Z3"), encoding="utf-8")
    write_csv(data_dir / "reference" / "research_files.csv", ["file", "status", "note"],
              [["notes.md", "checked", ""], ["later.md", "pending", "another helper"]])
    path = data_dir / "raw" / "sources.csv"
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    rows[0].update(url="http://example.org/report-7", offline="", retrieved="2026-11")
    write_csv(path, SOURCES_HEADER, [[r[c] for c in SOURCES_HEADER] for r in rows])
    return folder


def check(data_dir, folder):
    return cross_check(folder, data_dir / "raw", data_dir / "reference")


def test_rows_are_read_with_their_urls(research):
    rows = {r.row_id: r for r in read_research_file(research / "notes.md")}
    assert rows["A1"].numbers == {"2100"} and rows["A1"].urls == {url_key("https://example.org/report-7")}
    assert rows["A2"].urls == rows["A1"].urls  # "same as A1"
    assert url_key("https://www.Example.org/report-7/") == url_key("http://example.org/report-7")


def test_a_row_neither_transcribed_nor_left_out_fails(data_dir, research):
    reports, problems = check(data_dir, research)
    notes = reports[0]
    assert (notes.rows, notes.transcribed, notes.excluded) == (3, 1, 0)
    assert sorted(notes.missing) == ["A2", "A3"]
    assert {p.column for p in problems} == {"A2", "A3"}
    assert all(p.file == "research/notes.md" and p.row for p in problems)
    later = reports[1]
    assert (later.status, later.rows, later.transcribed) == ("pending", 3, 0)  # reported, not failing


def test_rows_left_out_with_a_reason_pass(data_dir, research):
    write_csv(data_dir / "raw" / "research_exclusions.csv", ["research_file", "row_id", "reason"],
              [["notes.md", "A2", "a count at one gate, kept as an event elsewhere"],
               ["notes.md", "A3", "another page, not transcribed"]])
    reports, problems = check(data_dir, research)
    assert problems == [] and (reports[0].transcribed, reports[0].excluded) == (1, 2)


def test_a_transcribed_value_the_notes_do_not_give_fails(data_dir, research):
    write_csv(data_dir / "raw" / "research_exclusions.csv", ["research_file", "row_id", "reason"],
              [["notes.md", "A2", "x"], ["notes.md", "A3", "y"]])
    path = data_dir / "raw" / "observations" / "test-20210815-monthly.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("tăng 12,5%", "tăng 13,5%"), encoding="utf-8")
    reports, problems = check(data_dir, research)
    assert [p.column for p in problems] == ["test-20210815-monthly#2"]
    assert "135" in problems[0].message and reports[0].disagreeing == ["test-20210815-monthly#2"]


def test_the_project_notes_and_data_agree():
    folder = research_dir()
    if folder is None:
        pytest.skip("no research notes: set LSO_RESEARCH_DIR or keep ../shared/research beside the repository")
    reports, problems = cross_check(folder)
    assert problems == []
    checked = [r for r in reports if r.status == "checked"]
    assert {r.file for r in checked} >= {"lso_figures.md", "lso_digital_covid.md"}
    for r in checked:
        assert r.rows > 50 and r.transcribed + r.excluded == r.rows
