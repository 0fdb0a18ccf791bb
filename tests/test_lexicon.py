"""The phrase → indicator lexicon and the cue words: loading, validation, coverage of the codebook."""

from __future__ import annotations

import shutil

import pytest

from lso_analysis import paths
from lso_analysis.extract.lexicon import expand_phrase, lexicon_coverage, load_cues, load_lexicon
from lso_analysis.extract.matchtext import canon_key, match_key


def test_every_codebook_code_has_a_phrase():
    assert lexicon_coverage() == []


def test_unknown_codes_fail_loudly_with_every_offender(tmp_path):
    bad = tmp_path / "lexicon.csv"
    shutil.copy(paths.LEXICON_CSV, bad)
    with open(bad, "a", encoding="utf-8") as fh:
        fh.write("doanh thu bán vé,ticket_revenue,subject,,1,,\n")
        fh.write("số du khách,tourist_arrivals|visitors_total,subject,@nonexistent_code,1,,\n")
    with pytest.raises(ValueError) as err:
        load_lexicon(bad)
    message = str(err.value)
    assert "ticket_revenue" in message and "visitors_total" in message and "nonexistent_code" in message


def test_a_new_row_is_used_without_touching_python(tmp_path):
    from lso_analysis.extract.pipeline import extract_rows  # noqa: F401  (the extractor reads the default lexicon)

    lex = tmp_path / "lexicon.csv"
    shutil.copy(paths.LEXICON_CSV, lex)
    with open(lex, "a", encoding="utf-8") as fh:
        fh.write("doanh thu từ phí tham quan,tourism_revenue,subject,,3,,\n")
    compiled = load_lexicon(lex)
    key = canon_key(match_key("doanh thu từ phí tham quan"))
    assert compiled.entries[key][0].indicators == ("tourism_revenue",)
    assert compiled.pattern.search(match_key("Doanh thu từ phí  tham quan đạt 5 tỷ đồng"))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("kim ngạch (xuất khẩu|XK)", ["kim ngạch xuất khẩu", "kim ngạch XK"]),
        ("[tổng] thu NSNN", ["tổng thu NSNN", "thu NSNN"]),
        ("nông[,] lâm nghiệp", ["nông, lâm nghiệp", "nông lâm nghiệp"]),
        ("a [b [c]] d", ["a b c d", "a b d", "a d"]),
    ],
)
def test_phrase_patterns_expand(pattern, expected):
    assert expand_phrase(pattern) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("tổng kim ngạch XNK qua địa bàn", "trade_turnover"),
        ("thu NSNN trên địa bàn", "budget_revenue"),
        ("tổng mức bán lẻ hàng hoá và doanh thu dịch vụ tiêu dùng", "retail_sales"),
        ("Chỉ số sản xuất công nghiệp (IIP)", "iip"),
        ("giải ngân vốn đầu tư công", "public_investment_disbursed"),
        ("Công dân số Xứ Lạng", "digital_citizen_accounts"),
        ("sản lượng lương thực có hạt", "food_output"),
        ("diện tích gieo trồng", "sown_area"),
    ],
)
def test_common_phrasings_are_found(text, code):
    lex = load_lexicon()
    found = [canon_key(m.group()) for m in lex.pattern.finditer(match_key(text))]
    assert any(code in e.indicators for k in found for e in lex.entries[k]), found


def test_cues_load_with_their_kinds():
    cues = load_cues()
    assert "estimate" == cues.values[("status", "ước")]
    assert "ảnh" in cues.labels and "sáng" in cues.date_words and "năm" in cues.duration_after
