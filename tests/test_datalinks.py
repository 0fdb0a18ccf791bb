"""The data behind every chart and table: a CSV download embedded in the page, offline, same bytes every run."""

from __future__ import annotations

import base64
import io
import re

import pandas as pd
import pytest

from lso_analysis.present import narrative as nv
from lso_analysis.present import plotting
from lso_analysis.present.datalinks import csv_bytes, figure_data

_LINK = re.compile(r'<a download="([^"]+)" href="data:text/csv;base64,([A-Za-z0-9+/=]+)">')


def _links(html: str) -> list[tuple[str, pd.DataFrame]]:
    return [(name, pd.read_csv(io.BytesIO(base64.b64decode(data)), dtype=str, keep_default_na=False))
            for name, data in _LINK.findall(html)]


def _no_fetches(html: str) -> None:
    for attr in re.findall(r'\b(?:src|href)="([^"]*)"', html):
        assert attr.startswith("data:"), attr[:60]


def _series() -> pd.DataFrame:
    df = pd.DataFrame({
        "year": [2020, 2021, 2022], "value": [2500.0, 3450.0, float("nan")], "value_low": [2495.0, 3445.0, float("nan")],
        "value_high": [2505.0, 3455.0, float("nan")], "origin": ["reported", "estimated", "missing"],
        "source_ids": ["a-20210101-x", "b-20220101-y;a-20210101-x", ""], "unit": ["USD million"] * 3,
    })
    df.attrs.update(indicator="trade_turnover", province="Lạng Sơn")
    return df


def test_a_table_carries_its_rows_and_sources_as_csv():
    frame = pd.DataFrame({"Year": [2021, 2022], "Turnover": ["3,450 million USD", "2,695 million USD"]})
    html = nv.show_table(frame, "Trade declared at Lạng Sơn Customs", ["b-2", "a-1"])._repr_html_()
    ((name, data),) = _links(html)
    assert name == "trade-declared-at-lang-son-customs.csv"
    assert data.to_dict("list") == {"Year": ["2021", "2022"], "Turnover": ["3,450 million USD", "2,695 million USD"],
                                    "table_source_ids": ["a-1;b-2", "a-1;b-2"]}
    assert html == nv.show_table(frame, "Trade declared at Lạng Sơn Customs", ["b-2", "a-1"])._repr_html_()
    _no_fetches(html)


@pytest.mark.parametrize("column", ["source_id", "source_ids", "Source"])
def test_a_table_with_its_own_source_column_keeps_it(column):
    frame = pd.DataFrame({"value": [1.5], column: ["a-1"]})
    assert csv_bytes(frame, ["a-1", "b-2"]).decode() == f"value,{column}\n1.5,a-1\n"


def test_a_series_chart_shows_its_png_and_the_series_as_csv():
    fig = plotting.plot_series_with_intervals(_series(), title="Trade")
    bundle = fig._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    html = bundle["text/html"]
    assert f'src="data:image/png;base64,{bundle["image/png"]}"' in html
    ((name, data),) = _links(html)
    assert name == "trade.csv"
    assert data["year"].tolist() == ["2020", "2021", "2022"] and data["value"].tolist() == ["2500.0", "3450.0", ""]
    assert data["source_ids"].tolist()[1] == "b-20220101-y;a-20210101-x"
    assert html == plotting.plot_series_with_intervals(_series(), title="Trade")._repr_mimebundle_()["text/html"]
    _no_fetches(html)


def test_a_chart_drawn_by_hand_still_offers_the_points_it_plots():
    fig, ax = plotting.new_figure()
    ax.bar([2021, 2022], [262.0, 815.6], label="exports")
    ax.plot([2021, 2022], [1.0, 2.0], label="ratio")
    ax.set_title("Exports and imports")
    plotting.finish(fig, ["c-3"])
    data = figure_data(fig)
    assert data[data["series"] == "exports"]["y"].tolist() == [262.0, 815.6]
    assert data[data["series"] == "ratio"]["x"].tolist() == [2021, 2022]
    ((name, rows),) = _links(fig._repr_mimebundle_()["text/html"])
    assert name == "exports-and-imports.csv" and set(rows["table_source_ids"]) == {"c-3"}


@pytest.mark.parametrize("make", [
    lambda: plotting.plot_timeline(pd.DataFrame({"date": pd.to_datetime(["2021-12-20"]), "date_end": [pd.NaT],
                                                 "category": ["border"], "title": ["Trucks queue"], "source_id": ["e-1"]})),
    lambda: plotting.plot_coverage(pd.DataFrame({"indicator": ["grdp"], "year": [2021], "status": ["actual"],
                                                 "has_partial": [False], "source_ids": ["f-1"]})),
])
def test_timelines_and_coverage_maps_carry_their_rows(make):
    ((_, rows),) = _links(make()._repr_mimebundle_()["text/html"])
    assert len(rows) == 1


def test_a_no_data_chart_offers_no_empty_download():
    html = plotting.empty_figure("no data for grdp", "GRDP")._repr_mimebundle_()["text/html"]
    assert _links(html) == [] and "data:image/png;base64," in html and "No data to download." in html
