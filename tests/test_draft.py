"""The curator's route: draft a new source from report text, settle what it flags, and validate it."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lso_analysis import paths
from lso_analysis.cli import main
from lso_analysis.extract.draft import make_source_id

# Written for this test in the style of a provincial statistics office's monthly report.
REPORT = """BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 9 VÀ 9 THÁNG NĂM 2023

Tổng sản phẩm trên địa bàn 9 tháng ước tăng 5,1% so với cùng kỳ năm trước.
Kim ngạch xuất nhập khẩu hàng hóa qua địa bàn 9 tháng ước đạt 2.480 triệu USD, tăng 41,3% so với cùng kỳ; trong đó xuất khẩu đạt 1.190 triệu USD.
Thu ngân sách nhà nước trên địa bàn 9 tháng đạt 6.120 tỷ đồng, bằng 85,0% dự toán, trong đó thu nội địa 2.210 tỷ đồng.
Toàn tỉnh có 15.400 hộ được hỗ trợ.
"""
URL = "https://thongkelangson.gov.vn/tin/ktxh-9-thang-2023.html"


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _validate(folder: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "LSO_DATA_DIR": str(folder), "PYTHONPATH": str(paths.PACKAGE_DIR.parent)}
    env.pop("LSO_PROCESSED_DIR", None)
    return subprocess.run([sys.executable, "-m", "lso_analysis.cli", "validate"], env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture()
def drafted(tmp_path):
    report = tmp_path / "bao-cao-9-thang.txt"
    report.write_text(REPORT, encoding="utf-8")
    folder = tmp_path / "draft"
    code = main(["extract", str(report), "--draft", str(folder), "--url", URL,
                 "--publisher", "Cục Thống kê tỉnh Lạng Sơn", "--published", "2023-10-05"])
    assert code == 0
    return folder, "thongkelangson-20231005-bao-cao-9-thang"


def test_draft_holds_printed_text_and_flags_what_to_check(drafted):
    folder, sid = drafted
    rows = _read(folder / "raw" / "observations" / f"{sid}.csv")
    by_raw = {r["value_raw"]: r for r in rows}
    assert by_raw["ước đạt 2.480 triệu USD"]["indicator"] == "trade_turnover"
    assert by_raw["ước đạt 2.480 triệu USD"]["period_raw"] == "9 tháng"
    assert by_raw["tăng 41,3%"]["comparison_raw"] == "so với cùng kỳ"
    # "ước" governs the chain but is not in "tăng 41,3%": the status column says so
    assert by_raw["tăng 41,3%"]["status"] == "estimate"
    assert by_raw["2.210 tỷ đồng"]["indicator"] == "budget_revenue_domestic"
    assert "2480" not in " ".join(r["value_raw"] for r in rows)  # never a normalised number
    flagged = [r for r in rows if r["check"]]
    assert [r["value_raw"] for r in flagged] == ["15.400 hộ"]
    assert "choose a code" in flagged[0]["check"]
    (source,) = _read(folder / "raw" / "sources.csv")
    assert (source["source_id"], source["province"], source["reliability"]) == (sid, "Lạng Sơn", "official")
    assert list(source)[-3:] == ["retrieved", "offline", "check"] and source["retrieved"] and not source["offline"]
    assert "published_basis" in source["check"]
    assert _read(folder / "reference" / "expected_counts.csv") == [{"source_id": sid, "rows": str(len(rows))}]


def test_validate_lists_the_pending_decisions_then_passes_once_settled(drafted):
    folder, sid = drafted
    result = _validate(folder)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "sources.csv:2 [check]: needs a decision: published_basis" in result.stdout
    assert f"{sid}.csv:9 [check]" in result.stdout  # the unnamed "15.400 hộ" (line 9: obs 8)
    # the curator settles each flag: the unnamed count goes, the date's basis is written down
    obs_path = folder / "raw" / "observations" / f"{sid}.csv"
    rows = [r for r in _read(obs_path) if r["indicator"]]
    for r in rows:
        r["check"] = ""
    _write(obs_path, rows)
    sources = _read(folder / "raw" / "sources.csv")
    sources[0].update(published_basis="stated: date line of the report", check="")
    _write(folder / "raw" / "sources.csv", sources)
    _write(folder / "reference" / "expected_counts.csv", [{"source_id": sid, "rows": str(len(rows))}])
    result = _validate(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"raw data OK: 1 sources, {len(rows)} observations" in result.stdout


def test_a_second_draft_never_overwrites(drafted, tmp_path, capsys):
    folder, sid = drafted
    before = (folder / "raw" / "observations" / f"{sid}.csv").read_bytes()
    report = tmp_path / "bao-cao-9-thang.txt"
    code = main(["extract", str(report), "--draft", str(folder), "--url", URL, "--published", "2023-10-05"])
    assert code == 2 and "exists already" in capsys.readouterr().err
    assert (folder / "raw" / "observations" / f"{sid}.csv").read_bytes() == before
    assert len(_read(folder / "raw" / "sources.csv")) == 1


def test_a_province_known_only_from_metadata_is_flagged(tmp_path):
    report = tmp_path / "tin.txt"
    report.write_text("Kim ngạch xuất khẩu 9 tháng đạt 512 triệu USD.\n", encoding="utf-8")
    assert main(["extract", str(report), "--draft", str(tmp_path / "d"), "--publisher", "Báo Cao Bằng",
                 "--published", "2023-10-05"]) == 0
    (source,) = _read(tmp_path / "d" / "raw" / "sources.csv")
    assert source["province"] == "Cao Bằng" and source["reliability"] == "press"
    assert "from the URL or publisher only" in source["check"] and "offline: no URL" in source["check"]


def test_a_draft_without_a_date_asks_for_one(tmp_path):
    report = tmp_path / "tin.txt"
    report.write_text("Thu ngân sách nhà nước trên địa bàn tỉnh Lạng Sơn 9 tháng đạt 6.120 tỷ đồng.\n", encoding="utf-8")
    assert main(["extract", str(report), "--draft", str(tmp_path / "d"), "--url", URL]) == 0
    (source,) = _read(tmp_path / "d" / "raw" / "sources.csv")
    assert source["published"] == "" and source["check"].startswith("published: give the publication date")


def test_source_ids_follow_the_naming_rule():
    assert make_source_id(None, "2021", "Tổng kết năm") == "draft-20210000-tong-ket-nam"
    assert make_source_id("http://m.baohagiang.vn/a", "2021-08-31", "x") == "baohagiang-20210831-x"
