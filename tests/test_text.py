import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lso_analysis import normalize_text
from lso_analysis.cleaning.text import fold_text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Lạng Sơn", "Lạng Sơn"),
        (unicodedata.normalize("NFD", "Lạng Sơn"), "Lạng Sơn"),
        ("  Tổng   kim\tngạch\n xuất khẩu ", "Tổng kim ngạch xuất khẩu"),
        ("Lạng\u200b Sơn\ufeff", "Lạng Sơn"),
        ("1.585,0\u00a0tỷ đồng", "1.585,0 tỷ đồng"),  # no-break space from a web page
        ("so\u00advới", "sovới"),
        ("", ""),
    ],
)
def test_normalize_text_cases(raw, expected):
    assert normalize_text(raw) == expected


def test_composed_and_decomposed_compare_equal_after_normalising():
    composed = unicodedata.normalize("NFC", "Lạng Sơn")
    decomposed = unicodedata.normalize("NFD", "Lạng Sơn")
    assert composed != decomposed
    assert normalize_text(composed) == normalize_text(decomposed)


def test_keep_newlines_collapses_blank_lines():
    assert normalize_text("Dòng một  \n\n\n  dòng hai", keep_newlines=True) == "Dòng một\ndòng hai"


def test_rejects_non_text():
    with pytest.raises(TypeError):
        normalize_text(None)


def test_fold_text_lowercases_and_keeps_diacritics():
    assert fold_text(" TỔNG  Kim ") == "tổng kim"


@given(st.text())
def test_normalize_is_idempotent_nfc_and_single_spaced(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "  " not in once
    assert once == once.strip()
