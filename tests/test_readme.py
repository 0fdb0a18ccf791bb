"""Every Python example of the README runs, in order, as a reader would type it (issue 10: the API stays)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)

# Written for this test: a short monthly-report paragraph in the style of a provincial statistics office.
REPORT = ("Tổng kim ngạch xuất nhập khẩu qua địa bàn tỉnh 9 tháng năm 2022 ước đạt 2.480 triệu USD, giảm 18,2% so "
          "với cùng kỳ năm trước. Thu ngân sách nhà nước trên địa bàn ước đạt 5.120 tỷ đồng, bằng 71% dự toán.")


def test_the_readme_has_python_examples():
    assert len(BLOCKS) >= 3


def test_every_python_example_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bao-cao-thang-9.txt").write_text(REPORT, encoding="utf-8")
    namespace: dict = {}
    import matplotlib

    matplotlib.use("Agg")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i, block in enumerate(BLOCKS):
            try:
                exec(compile(block, f"README.md python block {i}", "exec"), namespace)
            except Exception as exc:  # noqa: BLE001 - the block and its error are the report
                pytest.fail(f"README python block {i} failed: {exc!r}\n{block}")
    candidates = namespace["candidates"]
    assert {"trade_turnover", "budget_revenue"} <= set(candidates["indicator"])
