"""Shared fixtures: a throw-away data folder with a small valid dataset."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from lso_analysis import paths

SOURCES_HEADER = ["source_id", "title", "publisher", "author", "url", "published", "published_basis", "province",
                  "language", "reliability", "period_covered", "sha256", "corpus_file", "note", "retrieved", "offline"]
OBS_HEADER = ["obs_no", "indicator", "measure", "value_raw", "period_raw", "comparison_raw", "status", "period_iso", "note"]


def write_csv(path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder (raw/ + reference/) with one valid source of three figures we wrote ourselves."""
    root = tmp_path / "data"
    shutil.copytree(paths.REFERENCE_DIR, root / "reference")
    write_csv(root / "raw" / "sources.csv", SOURCES_HEADER, [
        ["test-20210815-monthly", "Báo cáo thử", "Sở thử nghiệm", "", "", "2021-08-15", "stated: test",
         "Lạng Sơn", "vi", "official", "2021-01..2021-07", "", "", "", "", "a test fixture written by hand"],
    ])
    write_csv(root / "raw" / "observations" / "test-20210815-monthly.csv", OBS_HEADER, [
        ["1", "trade_turnover", "level", "ước đạt 2.100 triệu USD", "lũy kế 7 tháng", "", "", "", ""],
        ["2", "trade_turnover", "growth_pct", "tăng 12,5%", "lũy kế 7 tháng", "so với cùng kỳ", "estimate", "", ""],
        ["3", "budget_revenue", "plan_pct", "đạt 61,2%", "7 tháng đầu năm", "dự toán", "", "", ""],
    ])
    return root


@pytest.fixture
def corpus_dir() -> Path:
    """The shared corpus named by LSO_CORPUS_DIR; tests that need it skip with a reason when absent."""
    found = paths.corpus_dir()
    if found is None:
        pytest.skip("LSO_CORPUS_DIR is not set or is not a folder (CI sets it to ../shared/corpus)")
    return found


@pytest.fixture(autouse=True)
def _english_unless_set():
    """Every test starts and ends in English: ``set_language`` is process-wide, like the citations registry."""
    from lso_analysis.present import set_language

    set_language("en")
    yield
    set_language("en")


@pytest.fixture(scope="session")
def kylinh_data(tmp_path_factory) -> Path:
    """The invented province Kỳ Lĩnh, built once for the whole session (tests read it, never write to it)."""
    import fixture_data

    data = fixture_data.make_data_dir(tmp_path_factory.mktemp("kylinh"))
    fixture_data.build(data)
    return data
