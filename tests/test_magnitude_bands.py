"""Magnitude bands are data per province (or derived from the province's own figures), checked as they load."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from lso_analysis.analysis import consistency
from obs_factory import make_obs

HEADER = "province,indicator,unit,low,high,basis\n"


def test_the_recorded_bands_load_and_belong_to_their_province():
    table = consistency.load_magnitude_bands()
    assert set(table["province"]) == {"Lạng Sơn"}
    bands = consistency.magnitude_bands("Lạng Sơn", None, table)
    assert bands["trade_turnover"][:2] == (1000.0, 10000.0) and math.isnan(bands["trade_turnover_all_goods"][1])
    assert consistency.magnitude_bands("Hà Giang", None, table) == {}  # no other province's band by default


@pytest.mark.parametrize("row, message", [
    ("Lạng Sơn,trade_turnover,USD million,abc,10,x", "row 2, column low: 'abc' is not a number"),
    ("Lạng Sơn,trade_turnover,USD million,100,10,x", "row 2, column low: 100 is above high 10"),
    ("Lạng Sơn,grdp,VND billion,1,10,x", "row 2, column indicator: 'grdp' is not a checked trade series"),
    ("Lạng Sơn,exports,USD million,,,x", "row 2, columns low/high: a band needs at least one bound"),
])
def test_bad_band_rows_are_named_by_file_row_and_column(tmp_path, row, message):
    path = tmp_path / "magnitude_bands.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as err:
        consistency.load_magnitude_bands(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_a_second_band_for_one_province_and_series_is_refused(tmp_path):
    path = tmp_path / "magnitude_bands.csv"
    path.write_text(HEADER + "X,exports,USD million,1,10,a\nX,exports,USD million,2,20,b\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 3, column indicator: a second band for X exports"):
        consistency.load_magnitude_bands(path)


def test_a_band_is_derived_from_the_provinces_own_figures():
    empty = pd.DataFrame(columns=list(consistency.BAND_COLUMNS))
    obs = make_obs([{"province": "X", "value": v, "period": p, "source_id": f"s{i}"}
                    for i, (v, p) in enumerate([(400, "2021"), (500, "2022"), (150, "2023-H1")])])
    bands = consistency.magnitude_bands("X", obs, empty)
    median = 400.0  # of 400, 500 and 150 × 2 = 300 a year
    assert bands["trade_turnover"][:2] == (median / 4, median * 4)
    assert "exports" not in bands  # no figure, no band
    two = consistency.magnitude_bands("X", obs.iloc[:2], empty)
    assert "trade_turnover" not in two  # too few figures to derive one
    flagged = consistency.check_trade_magnitudes(pd.concat([obs, make_obs([{"province": "X", "value": 9000,
                                                                             "period": "2023", "obs_id": "big"}])]),
                                                 table=empty)
    assert flagged.set_index("obs_id_a").loc["big", "overlap"] == False  # noqa: E712  (a tenfold figure stands out)


def test_a_series_with_no_band_is_not_judged():
    empty = pd.DataFrame(columns=list(consistency.BAND_COLUMNS))
    out = consistency.check_trade_magnitudes(make_obs([{"province": "X", "value": 812.4, "period": "2022"}]), table=empty)
    assert bool(out.loc[0, "overlap"]) and out.loc[0, "note"].endswith("no band for this series")
