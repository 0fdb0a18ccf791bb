"""The report language: set_language, the shared words in Vietnamese, and charts that draw every diacritic."""

from __future__ import annotations

import os
import re
import unicodedata
import warnings

os.environ.setdefault("MPLBACKEND", "Agg")

import matplotlib as mpl  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from lso_analysis.analysis.coverage import coverage_table  # noqa: E402
from lso_analysis.analysis.series import annual_series, half_year_series  # noqa: E402
from lso_analysis.present import (  # noqa: E402
    LANGUAGES, citations, claims, current_language, narrative, plotting, set_language, tables, wording, words,
)
from obs_factory import make_obs, trade_obs  # noqa: E402
from vi_check import english_sentences, number_convention_errors  # noqa: E402

#: Every letter of the Vietnamese alphabet with every tone mark, both cases.
VIETNAMESE_LETTERS = ("aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữự"
                      "vxyỳýỷỹỵ")


def test_set_language_is_process_wide_and_checked():
    assert current_language() == "en"
    set_language("vi")
    assert current_language() == "vi"
    for bad in ("fr", "VI", "", None, 1):
        with pytest.raises(ValueError, match="language must be one of 'en', 'vi'"):
            set_language(bad)
    assert current_language() == "vi"  # a refused value changes nothing
    assert LANGUAGES == ("en", "vi")


def test_every_shared_word_exists_in_every_language_and_the_vietnamese_holds_no_english():
    for key, texts in words.WORDS.items():
        assert set(texts) == set(LANGUAGES), key
        vi = re.sub(r"\{[^}]*\}", "X", texts["vi"])  # the fields are filled with values
        assert vi == unicodedata.normalize("NFC", vi), key
        assert english_sentences(vi) == [] and number_convention_errors(vi) == [], (key, vi)
    with pytest.raises(KeyError, match="no vi text for 'nothing'"):
        words.word("nothing", "vi")


def test_formatting_follows_the_current_language():
    assert narrative.fmt_value(2.03, "%", 2.025, 2.035, signed=True) == "+2.03%"
    set_language("vi")
    assert narrative.fmt_value(2.03, "%", 2.025, 2.035, signed=True) == "+2,03%"
    assert narrative.fmt_value(1234.5, "VND billion", digits=1) == "1.234,5 tỷ đồng"
    assert narrative.fmt_value(142, "USD million", 142, float("nan")) == "hơn 142 triệu USD"
    assert narrative.fmt_value(2.03, "%", language="en") == "2.03%"  # an explicit language wins
    assert str(narrative.missing_note("số liệu tăng trưởng", "Kỳ Lĩnh")).startswith(
        "> **Không có số liệu.** Bộ dữ liệu không có số liệu tăng trưởng của Kỳ Lĩnh;")
    assert narrative.join([]) == "không có" and narrative.bullet_list([]) == "*không có*"
    frame = pd.DataFrame({"value": [2.03], "value_low": [2.025], "value_high": [2.035], "origin": ["estimated"]})
    shown = tables.readable(frame, {"Tốc độ tăng": ("value", "%", True), "Loại số liệu": "origin"})
    assert shown.iloc[0].tolist() == ["+2,03%", "ước tính"]


def test_tables_and_the_sources_list_speak_vietnamese():
    set_language("vi")
    citations.reset()
    table = narrative.show_table(pd.DataFrame({"Năm": [2021]}), "Bảng thử", ["src-a"])
    html = table._repr_html_()
    assert "Nguồn: src-a" in html and "Tải số liệu (CSV)" in html and "Sources" not in html
    assert citations.sources_display().markdown.splitlines()[:3] == ["**Nguồn đã trích dẫn**", "", "- `src-a`"]
    citations.reset()
    assert citations.sources_display().markdown == "**Nguồn đã trích dẫn**: không có."
    note = tables.table_or_note(pd.DataFrame(), "Bảng", [], "số liệu thương mại", "Kỳ Lĩnh")
    assert str(note).startswith("> **Không có số liệu.**")
    set_language("en")
    assert citations.sources_display(language="vi").markdown.startswith("**Nguồn đã trích dẫn**")
    assert citations.sources_display().markdown == "**Sources cited**: none."


def test_claims_are_shown_in_the_current_language():
    wording.register("langtest", "en", {("langtest.rise", "rose"): "Output grew {growth} in {period}."})
    wording.register("langtest", "vi", {("langtest.rise", "rose"): "Tổng sản phẩm {period} tăng {growth}."})
    claim = claims.Claim("langtest.rise", "rose", {"growth": claims.Fig(6.67, 6.665, 6.675, "%", signed=True),
                                                    "period": claims.Span("2020-01-01", "2020-06-30")}, ("src-b",))
    assert claim.text() == "Output grew +6.67% in first half of 2020."
    set_language("vi")
    assert claim.text() == "Tổng sản phẩm 6 tháng đầu năm 2020 tăng +6,67%."
    assert repr(claims.show(claim)) == "Tổng sản phẩm 6 tháng đầu năm 2020 tăng +6,67%. <small>(Nguồn: src-b)</small>"


def _texts(fig) -> list[str]:
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [ax.get_title(), ax.get_ylabel(), *(t.get_text() for t in ax.texts)]
        out += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        if ax.get_legend() is not None:
            out += [t.get_text() for t in ax.get_legend().get_texts()]
    return [t for t in out if t]


def test_series_chart_in_vietnamese():
    set_language("vi")
    rows = make_obs([
        {"source_id": "vhpt", "indicator": "local_exports", "value": 142, "value_high": float("nan"), "period": "2022"},
        {"source_id": "dv", "indicator": "local_exports", "value": 156, "half": 0.5, "period": "2023", "status": "estimate"},
    ])
    fig = plotting.plot_series_with_intervals(annual_series("local_exports", rows, years=[2021, 2022, 2023]),
                                              title="Kim ngạch xuất khẩu")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["số báo cáo", "số ước tính", "khoảng chỉ có một cận"]
    assert [t.get_text() for t in ax.texts if t.get_text() == "không có số liệu"] == ["không có số liệu"]  # 2021
    assert ax.get_ylabel() == "triệu USD"
    assert fig.texts[-1].get_text().startswith("Thanh dọc: khoảng giá trị mà số liệu công bố cho phép. Nguồn: dv; vhpt")
    for text in _texts(fig):
        assert english_sentences(text) == [] and number_convention_errors(text) == [], text


def test_vietnamese_axes_write_a_decimal_comma():
    obs = make_obs([{"indicator": "grdp", "measure": "growth_pct", "value": v, "period": str(y)}
                    for v, y in [(0.21, 2020), (0.47, 2021), (0.93, 2022)]])
    series = annual_series("grdp", measure="growth_pct", obs=obs, years=range(2020, 2023))

    def ticks(fig):
        fig.canvas.draw()
        return [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]

    english = ticks(plotting.plot_series_with_intervals(series, title="GRDP"))
    vietnamese = ticks(plotting.plot_series_with_intervals(series, title="GRDP", language="vi"))
    assert any("." in t for t in english) and not any("," in t for t in english)
    assert vietnamese == [t.replace(".", ",") for t in english]
    assert all(number_convention_errors(t) == [] for t in vietnamese)
    events = pd.DataFrame({"date": pd.to_datetime(["2021-12-16"]), "date_end": [pd.NaT], "category": ["border"],
                           "kind": ["closure"], "crossing": ["Hữu Nghị; auxiliary gates"], "title": ["x"],
                           "source_id": ["s"]})
    assert plotting.event_labels(events, "vi") == ["Đóng cửa khẩu: Hữu Nghị, cửa khẩu phụ"]  # glossary noun
    assert plotting.event_labels(events, "en") == ["x"]
    fig = plotting.plot_timeline(events, language="vi")
    fig.canvas.draw()
    assert all(t.get_text().isdigit() for t in fig.axes[0].get_xticklabels() if t.get_text())  # years stay years


def test_half_years_plans_timelines_and_coverage_in_vietnamese():
    set_language("vi")
    obs = make_obs([{"indicator": "grdp", "measure": "growth_pct", "value": v, "period": p}
                    for v, p in [(0.47, "2020-H1"), (6.72, "2021-H2")]])
    fig = plotting.plot_series_with_intervals(half_year_series("grdp", obs=obs, years=range(2020, 2022), halves=(1, 2)),
                                              title="GRDP")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["6T đầu/2020", "6T cuối/2020", "6T đầu/2021",
                                                                      "6T cuối/2021"]
    plans = make_obs([{"source_id": "lso-2021", "measure": "plan_pct", "value": 77.6, "half": 0.05}])
    fig = plotting.plot_plan_attainment(plans)
    assert fig.axes[0].get_title() == "Mức độ hoàn thành kế hoạch"
    assert "77,6%" in [t.get_text() for t in fig.axes[0].texts]
    events = pd.DataFrame({
        "date": pd.to_datetime(["2021-12-16", "2022-03-01", "2025-01-01"]), "date_end": [pd.NaT] * 3,
        "category": ["border", "covid", "border"], "kind": ["halt", "halt", "reopening"],
        "crossing": ["Tân Thanh", "", ""], "title": ["Clearance halted at Tân Thanh", "x", "later"],
        "title_vi": ["", "Tạm dừng thông quan do dịch", ""], "source_id": ["s1", "s2", "s3"],
    })
    fig = plotting.plot_timeline(events, window=("2021-01-01", "2023-12-31"))
    texts = _texts(fig)
    assert {"Tạm dừng thông quan: Tân Thanh", "Tạm dừng thông quan do dịch", "COVID-19", "biên giới"} <= set(texts)
    assert fig.axes[0].get_title() == "Sự kiện"
    assert "Không thể hiện 1 sự kiện ngoài khoảng 1/1/2021–31/12/2023." in fig.texts[-1].get_text()
    fig = plotting.plot_coverage(coverage_table(trade_obs(), years=range(2019, 2024)))
    texts = _texts(fig)
    assert "TH" in texts and "A" not in texts and "số thực hiện" in texts and "số ước tính" in texts
    fig = plotting.plot_coverage(coverage_table(trade_obs(), years=range(2019, 2024)), words={"letter.actual": "X"})
    assert "X" in _texts(fig) and "TH" not in _texts(fig)
    for text in texts:
        assert english_sentences(text) == [] and number_convention_errors(text) == [], text


def test_figure_without_data_says_so_in_vietnamese():
    set_language("vi")
    fig = plotting.plot_plan_attainment(make_obs([{"value": 1}]))
    bundle = fig._repr_mimebundle_()
    assert "Không có số liệu để tải xuống." in bundle["text/html"]
    assert "không có số liệu về mức độ hoàn thành kế hoạch" in _texts(fig)[-1] or any(
        "không có số liệu về mức độ hoàn thành kế hoạch" in t for t in _texts(fig))
    assert fig.texts[-1].get_text() == "Nguồn: không có"


def test_charts_draw_every_vietnamese_diacritic():
    """DejaVu Sans (the house font) has a glyph for every Vietnamese letter; drawing one warns of none missing."""
    from matplotlib.ft2font import FT2Font

    text = "Tổng sản phẩm trên địa bàn, quý II/2022, ước tính"
    fig, ax = plotting.new_figure((8, 2))
    ax.set_title(text)
    ax.set_xlabel(VIETNAMESE_LETTERS.upper())
    ax.text(0.02, 0.5, VIETNAMESE_LETTERS, transform=ax.transAxes)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plotting.figure_to_png_bytes(fig)
        plotting.figure_to_svg_bytes(fig)
    assert [str(w.message) for w in caught if "Glyph" in str(w.message) or "missing from" in str(w.message)] == []
    path = mpl.font_manager.findfont(mpl.font_manager.FontProperties(family=ax.title.get_fontfamily()),
                                     fallback_to_default=False)
    assert os.path.basename(path) == "DejaVuSans.ttf"
    font = FT2Font(path)
    letters = set(unicodedata.normalize("NFC", text + VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper())) - {" "}
    assert sorted(c for c in letters if font.get_char_index(ord(c)) == 0) == []
