"""The English–Vietnamese glossary and the codebook's names in both languages (data/reference)."""

import csv
import re
import unicodedata

from lso_analysis import paths


def _rows(name):
    with open(paths.REFERENCE_DIR / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_indicator_is_named_in_both_languages():
    rows = _rows("indicators.csv")
    missing = [r["code"] for r in rows if not r["name_en"].strip() or not r["name_vi"].strip()]
    assert missing == []
    # a Vietnamese name is Vietnamese: NFC, and not a copy of the English one
    assert [r["code"] for r in rows if unicodedata.normalize("NFC", r["name_vi"]) != r["name_vi"]] == []
    assert [r["code"] for r in rows if r["name_vi"].strip().lower() == r["name_en"].strip().lower()] == []


def test_glossary_terms_are_unique_and_complete():
    rows = _rows("glossary.csv")
    terms = [r["term"] for r in rows]
    assert len(terms) == len(set(terms))
    assert all(re.fullmatch(r"[a-z0-9_]+", t) for t in terms)
    assert [t for t, r in zip(terms, rows) if not r["en"].strip() or not r["vi"].strip()] == []


def test_glossary_uses_the_statistics_office_terms():
    vi = {r["term"]: r["vi"] for r in _rows("glossary.csv")}
    assert vi["grdp"] == "tổng sản phẩm trên địa bàn (GRDP)"
    assert vi["same_period_last_year"] == "cùng kỳ năm trước"
    assert vi["budget_revenue"] == "thu ngân sách nhà nước trên địa bàn"
    assert vi["iip"] == "chỉ số sản xuất công nghiệp (IIP)"
