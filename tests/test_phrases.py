"""Composed indicator phrases: a head noun and modifiers in any order decide the indicator."""

from __future__ import annotations

import pytest

from lso_analysis.extract.matchtext import match_key
from lso_analysis.extract.phrases import compose_phrases, load_grammar
from lso_analysis.extract.pipeline import extract_observations


def _composed(text: str) -> list[tuple[str, str]]:
    key = match_key(text)
    return [(key[a:b], rule.indicator) for a, b, rule in compose_phrases(key, 0, len(key), load_grammar(), {})]


@pytest.mark.parametrize("text, code", [
    ("kim ngạch xuất nhập khẩu hàng hóa chung đạt", "trade_turnover"),
    ("kim ngạch hàng hóa chung xuất nhập khẩu đạt", "trade_turnover"),
    ("trị giá hàng hóa xuất, nhập khẩu qua địa bàn đạt", "trade_turnover"),
    ("kim ngạch tất cả các loại hình xuất nhập khẩu qua địa bàn đạt", "trade_turnover_all_goods"),
    ("giá trị hàng hóa nhập khẩu của tỉnh đạt", "imports"),
    ("kim ngạch xuất khẩu hàng hóa của địa phương đạt", "local_exports"),
    ("số thu nội địa đạt", "budget_revenue_domestic"),
    ("tổng thu ngân sách nhà nước trên địa bàn đạt", "budget_revenue"),
    ("thu ngân sách từ lĩnh vực xuất nhập khẩu đạt", "customs_revenue"),
    ("doanh thu bán lẻ hàng hóa và dịch vụ tiêu dùng đạt", "retail_sales"),
    ("chỉ số phát triển toàn ngành công nghiệp tăng", "iip"),
])
def test_modifiers_in_any_order_name_the_indicator(text, code):
    found = _composed(text)
    assert [c for _, c in found] == [code], found
    assert not found[0][0].endswith(" đạt") and not found[0][0].endswith(" tăng")


@pytest.mark.parametrize("text", [
    "thu cân đối ngân sách địa phương đạt",  # not the revenue collected on the territory
    "chỉ số sản xuất ngành công nghiệp chế biến, chế tạo tăng",  # a branch's index, not the IIP
    "giá trị xuất khẩu nông sản đạt",  # a product group, a part of exports
    "doanh thu bán lẻ hàng hóa đạt",  # goods only: retail sales include consumer services
    "thu hút đầu tư nước ngoài đạt",  # "thu" without a revenue modifier right after it
    "kim ngạch 9 tháng đạt",  # a head without any modifier
])
def test_phrases_outside_a_rule_name_no_indicator(text):
    assert _composed(text) == []


def test_a_period_inside_the_phrase_is_skipped_and_the_figure_tied():
    df = extract_observations("Kim ngạch xuất nhập khẩu năm 2022 qua địa bàn tỉnh đạt 5,8 tỷ USD.", published="2023-01-05")
    assert df[["indicator", "value"]].values.tolist() == [["trade_turnover", 5800.0]]


def test_composed_phrase_wins_over_the_fixed_phrase_inside_it():
    # the fixed lexicon alone reads "kim ngạch xuất nhập khẩu" (trade_turnover) and misses the scope
    text = "Tổng kim ngạch hàng hóa xuất nhập khẩu của tất cả các loại hình qua địa bàn tỉnh 6 tháng đạt 1.950 triệu USD."
    df = extract_observations(text, published="2022-07-05")
    assert df["indicator"].tolist() == ["trade_turnover_all_goods"]


def test_bad_grammar_rows_are_reported_with_file_and_line(tmp_path):
    parts = tmp_path / "parts.csv"
    rules = tmp_path / "rules.csv"
    parts.write_text("kind,phrase,tag,note\nhead,kim ngạch,trade,\nmodifier,xuất khẩu,export,\nprefix,xx,y,\n", encoding="utf-8")
    rules.write_text("head,requires,excludes,indicator,measure_hint,note\ntrade,export;nowhere,,exports,,\n", encoding="utf-8")
    with pytest.raises(ValueError) as exc:
        load_grammar(parts, rules)
    assert "parts.csv line 4" in str(exc.value) and "rules.csv line 2" in str(exc.value) and "nowhere" in str(exc.value)
