"""detect_province: province attribution from place names, on sentences written for these tests and on the corpus."""

from __future__ import annotations

import unicodedata

import pytest

from lso_analysis.extract.provinces import detect_province


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UBND tỉnh Lạng Sơn họp phiên thường kỳ tháng 9.", "Lạng Sơn"),
        ("Nông dân huyện Bắc Sơn và huyện Chi Lăng thu hoạch na; tỉnh ta xuất khẩu qua cửa khẩu.", "Lạng Sơn"),
        ("Người dân xứ Lạng đón Tết.", "Lạng Sơn"),
        # A provincial paper that never names its province, only its districts and "tỉnh ta".
        ("Chủ tịch UBND tỉnh kiểm tra thị trấn Đồng Văn và huyện Quản Bạ; tỉnh ta hỗ trợ Hà Nội.", "Hà Giang"),
        ("Thành phố Hồ Chí Minh dẫn đầu cả nước về thu hút đầu tư.", "Hồ Chí Minh"),
        ("Tỉnh Thanh Hoá tổ chức hội nghị.", "Thanh Hóa"),  # the other tone placement
        ("Tỉnh Hoà Bình và tỉnh Hòa Bình là một.", "Hòa Bình"),
    ],
)
def test_detects_the_province(text, expected):
    assert detect_province(text).province == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ông Nguyễn Văn Yên phát biểu tại hội nghị.",  # Văn Yên is a district of Yên Bái
        "Đồng chí Lê Văn Lãng chủ trì.",  # Văn Lãng is a district of Lạng Sơn
        "Học tập và làm theo tư tưởng Hồ Chí Minh.",  # the president, not the city
        "Khát vọng hòa bình và thống nhất đất nước.",  # lower-case common words, not Hòa Bình / Thống Nhất
        "",
        "Không có địa danh nào.",
    ],
)
def test_no_province_from_names_of_people_or_common_words(text):
    result = detect_province(text)
    assert result.province is None, result.evidence


def test_evidence_lists_terms_kinds_counts_and_provinces():
    result = detect_province("Huyện Cao Lộc, huyện Cao Lộc và thành phố Lạng Sơn; tỉnh Cao Bằng cũng dự.")
    assert result.province == "Lạng Sơn"
    terms = {(e.term, e.kind, e.count, e.province) for e in result.evidence}
    assert ("Cao Lộc", "district", 2, "Lạng Sơn") in terms
    assert ("Cao Bằng", "province", 1, "Cao Bằng") in terms
    assert result.runners_up[0][0] == "Cao Bằng"
    assert 0 < result.confidence <= 1


def test_a_person_name_is_reported_as_rejected():
    result = detect_province("Ông Nguyễn Văn Yên, huyện Văn Yên, tỉnh Yên Bái.")
    assert result.province == "Yên Bái"
    assert ("Văn Yên", "part of a person's name") in result.rejected


def test_decomposed_unicode_is_read_like_composed():
    text = "Huyện Hữu Lũng và huyện Lộc Bình, tỉnh Lạng Sơn."
    assert detect_province(unicodedata.normalize("NFD", text)).province == "Lạng Sơn"


def test_a_tie_gives_no_province():
    result = detect_province("Tỉnh Cao Bằng và tỉnh Bắc Kạn.")
    assert result.province is None and result.score > 0


@pytest.mark.corpus
def test_corpus_articles(corpus_dir):
    expected = {"000": "Lạng Sơn", "001": "Lạng Sơn", "002": "Lạng Sơn", "003": "Hà Giang", "004": "Lạng Sơn"}
    for path in sorted(corpus_dir.glob("*.txt")):
        prefix = path.name[:3]
        if prefix in expected:
            result = detect_province(path.read_text(encoding="utf-8"))
            assert result.province == expected[prefix], (path.name, result)
    hagiang = detect_province(next(corpus_dir.glob("003_*.txt")).read_text(encoding="utf-8"))
    assert {e.term for e in hagiang.evidence if e.province == "Hà Giang"} >= {"Yên Minh", "Mèo Vạc"}
    assert hagiang.self_references > 0
