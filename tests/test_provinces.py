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


# --- metadata, communes and landmarks (issue 15) ---

_NAMELESS = "Kim ngạch xuất nhập khẩu 9 tháng đạt 1.735 triệu USD. Thu ngân sách đạt 6.245 tỷ đồng."


def test_a_text_without_place_names_gets_its_province_from_the_url_host_and_says_so():
    from lso_analysis.extract.provinces import detect_province

    assert detect_province(_NAMELESS).province is None
    found = detect_province(_NAMELESS, url="https://thongkelangson.gov.vn/tin-tuc/ktxh-9-thang.html")
    assert (found.province, found.basis, found.metadata_only) == ("Lạng Sơn", "metadata only", True)
    assert [(e.where, e.term) for e in found.evidence] == [("url host", "langson")]


def test_publisher_and_slug_count_and_are_kept_as_evidence():
    from lso_analysis.extract.provinces import detect_province

    found = detect_province(_NAMELESS, publisher="Cục Thống kê tỉnh Cao Bằng")
    assert (found.province, found.basis) == ("Cao Bằng", "metadata only")
    found = detect_province(_NAMELESS, url="https://news.example.vn/kinh-te/ha-giang-tang-truong-6-05-phan-tram.html")
    assert found.province == "Hà Giang" and found.evidence[0].where == "url slug"


def test_the_text_outweighs_the_outlet_that_writes_about_another_province():
    from lso_analysis.extract.provinces import detect_province

    text = ("Tại cửa khẩu Tân Thanh và cửa khẩu Hữu Nghị, hàng nghìn xe nông sản chờ thông quan; "
            "UBND tỉnh Lạng Sơn đề nghị các địa phương điều tiết xe về huyện Cao Lộc.")
    found = detect_province(text, url="https://baohatinh.vn/thuong-mai/xe-nong-san-cho-thong-quan.htm", publisher="Báo Hà Tĩnh")
    assert (found.province, found.basis, found.text_province) == ("Lạng Sơn", "text", "Lạng Sơn")
    assert ("Hà Tĩnh", 6.0) in found.runners_up


def test_border_gates_and_communes_point_at_their_province_only_in_context():
    from lso_analysis.extract.provinces import detect_province

    found = detect_province("Lượng xe qua cửa khẩu Chi Ma và cửa khẩu Tân Thanh tăng; thị trấn Đồng Đăng đông đúc.")
    assert found.province == "Lạng Sơn"
    assert {(e.term, e.kind) for e in found.evidence} >= {("Chi Ma", "border_gate"), ("Tân Thanh", "border_gate"),
                                                          ("Đồng Đăng", "commune")}
    # the same words without their context, or in lower case, are no evidence
    assert detect_province("Tình hữu nghị giữa hai nước; chi ma túy.").evidence == []


def test_a_commune_name_shared_by_provinces_splits_its_weight():
    from lso_analysis.extract.provinces import detect_province

    found = detect_province("Đoàn công tác làm việc tại xã Tân Thanh.")
    assert found.province is None
    assert len({e.province for e in found.evidence}) > 3


def test_landmarks_need_a_source_and_a_known_kind(tmp_path):
    from lso_analysis.extract.localities import load_localities

    bad = tmp_path / "landmarks.csv"
    bad.write_text("name,province,kind,context,source,note\nChi Ma,Lạng Sơn,gate,cửa khẩu,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        load_localities(tmp_path / "none.csv", bad)


def test_extract_observations_uses_the_metadata_when_the_text_names_no_province():
    from lso_analysis.extract.pipeline import extract_observations

    df = extract_observations(_NAMELESS, published="2023-10-05", url="https://baohagiang.vn/kinh-te/x.html")
    assert set(df["province"]) == {"Hà Giang"}
    assert extract_observations(_NAMELESS, published="2023-10-05")["province"].isna().all()
