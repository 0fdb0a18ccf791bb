"""``lso-analysis extract``: CSV/JSON output and a clear exit 2 on files that are not UTF-8 text."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import unicodedata

import pytest

from lso_analysis.extract.cli import main

def _cp1258(text: str) -> bytes:
    """Vietnamese in Windows-1258: base letters precomposed, tone marks as combining characters."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


TEXT = "Kim ngạch xuất khẩu tháng 9 đạt 120,5 triệu USD, tăng 6% so với cùng kỳ.\n"


def test_csv_output(tmp_path, capsys):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main([str(path), "--published", "2022-10", "--province", "Lạng Sơn"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["indicator"], r["measure"], r["value"], r["period_start"]) for r in rows] == [
        ("exports", "level", "120.5", "2022-09-01"), ("exports", "growth_pct", "6.0", "2022-09-01"),
    ]
    assert rows[0]["obs_id"] == "report#1" and rows[0]["province"] == "Lạng Sơn"


def test_json_output(tmp_path, capsys):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main([str(path), "--published", "2022-10", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[1]["base_start"] == "2021-09-01" and data[0]["value_raw"] == "đạt 120,5 triệu USD"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_cp1258("Kim ngạch xuất khẩu đạt 5 triệu USD"), "is not UTF-8 text"),
        ("Thu ngân sách đạt 5 tỷ".encode("latin-1", errors="replace"), "is not UTF-8 text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_non_utf8_files_exit_2_naming_the_file(tmp_path, capsys, content, message):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    assert main([str(good), str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and message in err


def test_missing_file_and_bad_date_exit_2(tmp_path, capsys):
    assert main([str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err
    path = tmp_path / "r.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main([str(path), "--published", "July"]) == 2


def test_runs_as_a_module(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "lso_analysis.extract.cli", str(path), "--published", "2022-10"],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "exports" in out.stdout
