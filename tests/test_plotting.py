"""Figures: Vietnamese glyphs, byte-identical output, source captions, honest empty states."""

from __future__ import annotations

import os
import warnings

os.environ.setdefault("MPLBACKEND", "Agg")

import matplotlib as mpl  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from lso_analysis.present import citations, plotting  # noqa: E402
from lso_analysis.analysis.coverage import coverage_table  # noqa: E402
from lso_analysis.analysis.series import annual_series, half_year_series  # noqa: E402
from obs_factory import make_obs, trade_obs  # noqa: E402

VIETNAMESE = "Lạng Sơn, tăng trưởng, Hữu Nghị, Đồng Đăng, cửa khẩu, ước đạt, kế hoạch"


def events() -> pd.DataFrame:
    return pd.DataFrame({
        "event_id": ["e1", "e2", "e3"],
        "date": pd.to_datetime(["2021-12-16", "2022-01-17", "2023-01-08"]),
        "date_end": pd.to_datetime(["2022-01-18", None, None]),
        "category": ["border", "border", "policy"],
        "title": ["Tân Thanh tạm dừng thông quan; 4.550 xe tồn", "Trung Quốc dừng thông quan Chi Ma", "China reopens"],
        "source_id": ["thanhnien-x", "thoidai-y", "vcn-z"],
    })


def plans() -> pd.DataFrame:
    return make_obs([
        {"source_id": "lso-2020", "measure": "plan_pct", "value": 24, "half": 0.5, "period": "2020-H1"},
        {"source_id": "lso-2021", "measure": "plan_pct", "value": 138.6, "half": 0.05},
        {"source_id": "lso-2021", "indicator": "budget_revenue", "measure": "plan_pct", "value": 195, "half": 0.5},
    ])


def figures():
    """Every plot function on small data, as (name, zero-argument builder)."""
    series = annual_series("trade_turnover", trade_obs())
    return [
        ("series", lambda: plotting.plot_series_with_intervals(series)),
        ("plans", lambda: plotting.plot_plan_attainment(plans())),
        ("timeline", lambda: plotting.plot_timeline(events(), series)),
        ("coverage", lambda: plotting.plot_coverage(coverage_table(trade_obs(), years=range(2019, 2024)))),
    ]


def test_vietnamese_renders_without_missing_glyphs():
    fig, ax = plotting.new_figure((6, 2))
    ax.set_title(VIETNAMESE)
    ax.text(0.1, 0.5, VIETNAMESE)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plotting.figure_to_png_bytes(fig)
        plotting.figure_to_svg_bytes(fig)
    assert not [w for w in caught if "missing from font" in str(w.message) or "Glyph" in str(w.message)]
    font = mpl.font_manager.findfont(mpl.font_manager.FontProperties(family=ax.title.get_fontfamily()))
    assert os.path.basename(font) == "DejaVuSans.ttf"


def test_house_style_palette_and_font():
    with mpl.rc_context():
        plotting.set_theme()
        assert mpl.rcParams["axes.prop_cycle"].by_key()["color"][:3] == ["#0173b2", "#de8f05", "#029e73"]
        assert mpl.rcParams["font.sans-serif"][0] == "DejaVu Sans"
    # figures carry the style even when the global state is different
    with mpl.rc_context({"font.sans-serif": ["Arial"], "axes.prop_cycle": mpl.cycler(color=["#000000"])}):
        fig, ax = plotting.new_figure()
        line, = ax.plot([0, 1], [0, 1])
        assert line.get_color() == "#0173b2"


@pytest.mark.parametrize(("name", "build"), figures())
def test_same_data_gives_identical_bytes(name, build):
    first, second = build(), build()
    assert plotting.figure_to_png_bytes(first) == plotting.figure_to_png_bytes(second)
    svg = plotting.figure_to_svg_bytes(first)
    assert svg == plotting.figure_to_svg_bytes(second)
    assert b"<dc:date>" not in svg


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("series", ["danviet-2023", "lso-2021"]),
        ("plans", ["lso-2020", "lso-2021"]),
        ("timeline", ["danviet-2023", "lso-2021", "thanhnien-x", "thoidai-y", "vcn-z"]),
        ("coverage", ["danviet-2023", "lso-2021"]),
    ],
)
def test_figures_carry_and_cite_their_sources(name, expected):
    citations.reset()
    fig = dict(figures())[name]()
    assert plotting.figure_sources(fig) == expected
    caption = fig.texts[-1].get_text()
    assert all(s in caption for s in expected) and "Sources:" in caption
    assert citations.cited() == expected


def test_series_markers_and_open_intervals():
    rows = make_obs([
        {"source_id": "vhpt", "indicator": "local_exports", "value": 142, "value_high": float("nan"), "period": "2022"},
        {"source_id": "dv", "indicator": "local_exports", "value": 156, "half": 0.5, "period": "2023", "status": "estimate"},
    ])
    series = annual_series("local_exports", rows, years=[2021, 2022, 2023])
    fig = plotting.plot_series_with_intervals(series)
    ax = fig.axes[0]
    markers = [line.get_marker() for line in ax.get_lines() if line.get_linestyle() == "None"]
    assert "o" in markers and "s" in markers
    assert any(t.arrow_patch is not None for t in ax.texts if hasattr(t, "arrow_patch"))  # "hơn 142" → arrow up
    assert [t.get_text() for t in ax.texts if t.get_text() == "no data"] == ["no data"]  # 2021
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["reported", "estimate (ước)", "open-ended interval"]


def test_half_year_series_labels():
    obs = make_obs([{"indicator": "grdp", "measure": "growth_pct", "value": v, "period": p}
                    for v, p in [(0.47, "2020-H1"), (6.72, "2021-H1"), (5.32, "2023-H1")]])
    fig = plotting.plot_series_with_intervals(half_year_series("grdp", obs=obs, years=range(2020, 2024)))
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["H1 2020", "H1 2021", "H1 2022", "H1 2023"]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: plotting.plot_series_with_intervals(annual_series("trade_turnover", make_obs([{"value": 1, "period": "2030"}]))), "no data for trade_turnover"),
        (lambda: plotting.plot_plan_attainment(make_obs([{"value": 1}])), "no plan-attainment figures"),
        (lambda: plotting.plot_timeline(events().iloc[0:0], None), "no events and no series"),
        (lambda: plotting.plot_coverage(pd.DataFrame()), "no coverage data"),
    ],
)
def test_empty_data_says_so(build, message):
    fig = build()
    ax = fig.axes[0]
    assert not ax.axison and not ax.get_lines()
    assert any(message in t.get_text() for t in ax.texts)
    assert plotting.figure_sources(fig) == []


def test_timeline_without_series_and_figure_sources_of_foreign_figures():
    fig = plotting.plot_timeline(events())
    assert len(fig.axes) == 1 and [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["border", "policy"]
    assert plotting.figure_sources(mpl.figure.Figure()) == []


def test_timeline_window_and_captions_that_grow_the_figure():
    series = annual_series("trade_turnover", trade_obs())
    late = pd.concat([events(), pd.DataFrame({"event_id": ["e9"], "date": pd.to_datetime(["2025-03-01"]), "date_end": [pd.NaT],
                                              "category": ["policy"], "title": ["later"], "source_id": ["late-src"]})])
    fig = plotting.plot_timeline(late, series)
    assert "1 events outside 2019-01-01..2023-12-31 not shown" in fig.texts[-1].get_text()
    assert "late-src" not in plotting.figure_sources(fig)
    many = series.assign(source_ids=";".join(f"source-{i:03d}-with-a-long-slug" for i in range(60)))
    short_fig, long_fig = plotting.plot_series_with_intervals(series), plotting.plot_series_with_intervals(many)
    assert long_fig.get_size_inches()[1] > short_fig.get_size_inches()[1] + 0.5
    assert len(plotting.figure_sources(long_fig)) == 60
