"""Derived observations and best-value series on small synthetic tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lso_analysis
from lso_analysis.analysis.derive import DERIVED_COLUMNS, derive_implied, reported_chain
from lso_analysis.analysis.series import annual_series, half_year_series
from obs_factory import make_obs, trade_obs

NAN = math.nan


def one(derived: pd.DataFrame, method: str) -> pd.Series:
    rows = derived[derived["method"] == method]
    assert len(rows) == 1, rows
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("level_bounds", "expected"),
    [
        # issue 5's hand-worked case: 4.270 read as 4269.5..4270.5
        ((4269.5, 4270.5), (2799.7, 2818.8)),
        # SPEC §3: trailing zeros of an integer are not significant → 4265..4275
        ((4265.0, 4275.0), (2796.7, 2821.8)),
    ],
)
def test_base_from_growth_hand_worked(level_bounds, expected):
    obs = make_obs([
        {"source_id": "lso-2021", "value": 4270, "value_low": level_bounds[0], "value_high": level_bounds[1], "status": "estimate"},
        {"source_id": "lso-2021", "measure": "growth_pct", "value": 52, "half": 0.5, "comparison_raw": "so với cùng kỳ năm trước"},
    ])
    row = one(derive_implied(obs), "base_from_growth")
    assert (round(row["value_low"], 1), round(row["value_high"], 1)) == expected
    assert row["value"] == pytest.approx(4270 / 1.52)
    assert row["obs_id"] == "derived:base_from_growth:lso-2021#2"
    assert row["derived_from"] == "lso-2021#1;lso-2021#2"
    assert (row["period_start"], row["period_end"], row["period_kind"]) == (pd.Timestamp("2020-01-01"), pd.Timestamp("2020-12-31"), "year")
    assert (row["status"], row["origin"], row["unit"], row["measure"]) == ("estimate", "derived", "USD million", "level")
    assert pd.isna(row["base_start"])


def test_h1_2020_gives_h1_2019_and_the_2020_plan():
    obs = make_obs([
        {"source_id": "lso-2020", "value": 1320, "half": 5, "period": "2020-H1", "status": "estimate"},
        {"source_id": "lso-2020", "measure": "plan_pct", "value": 24, "half": 0.5, "period": "2020-H1"},
        {"source_id": "lso-2020", "measure": "growth_pct", "value": -42.9, "half": 0.05, "period": "2020-H1"},
    ])
    derived = derive_implied(obs)
    base = one(derived, "base_from_growth")
    assert (base["period_start"], base["period_end"], base["period_kind"]) == (pd.Timestamp("2019-01-01"), pd.Timestamp("2019-06-30"), "half")
    assert (round(base["value_low"], 1), round(base["value_high"], 1)) == (2301.0, 2322.5)
    plan = one(derived, "plan_from_share")
    assert plan["status"] == "target" and plan["comparison_raw"] == "kế hoạch"
    assert (plan["period_start"], plan["period_end"]) == (pd.Timestamp("2020-01-01"), pd.Timestamp("2020-12-31"))
    assert plan["value"] == pytest.approx(5500)
    assert (round(plan["value_low"]), round(plan["value_high"])) == (5367, 5638)


@pytest.mark.parametrize(
    ("share_text", "indicator", "expected_population"),
    [
        ("80% dân số của tỉnh", "digital_citizen_accounts", True),
        ("80% dân số trưởng thành", "digital_citizen_accounts", False),  # another base
        ("80%", "digital_citizen_accounts", False),  # base not named
        ("80% dân số", "online_dossier_share", False),  # no share_bases row
    ],
)
def test_whole_from_share_needs_a_named_base(share_text, indicator, expected_population):
    obs = make_obs([
        {"source_id": "plvn", "indicator": indicator, "unit": "count", "value": 624405, "half": 0.5, "period": "2023-H1"},
        {"source_id": "plvn", "indicator": indicator, "measure": "share_pct", "value": 80, "half": 0.5, "value_raw": share_text, "period": "2023-H1"},
    ])
    derived = derive_implied(obs)
    populations = derived[derived["method"] == "whole_from_share"]
    assert len(populations) == int(expected_population)
    if expected_population:
        row = populations.iloc[0]
        assert row["indicator"] == "population" and row["unit"] == "count"
        assert (round(row["value_low"]), round(row["value_high"])) == (775658, 785416)


def test_month_from_ytd_across_sources_and_only_for_consecutive_months():
    obs = make_obs([
        {"source_id": "jul", "value": 2390, "half": 5, "period": "2021-YTD07"},
        {"source_id": "jun", "value": 2010, "half": 5, "period": "2021-H1"},
        {"source_id": "apr", "value": 1300, "half": 5, "period": "2021-YTD04"},
    ])
    row = one(derive_implied(obs), "month_from_ytd")
    assert (row["period_start"], row["period_end"], row["period_kind"]) == (pd.Timestamp("2021-07-01"), pd.Timestamp("2021-07-31"), "month")
    assert (row["value"], row["value_low"], row["value_high"]) == (380, 370, 390)
    assert row["derived_from"] == "jul#1;jun#1"


def test_month_from_ytd_skips_a_falling_cumulative_total():
    obs = make_obs([
        {"source_id": "a", "value": 2000, "period": "2021-YTD07"},
        {"source_id": "b", "value": 2100, "period": "2021-H1"},
    ])
    assert not (derive_implied(obs)["method"] == "month_from_ytd").any()


@pytest.mark.parametrize(
    ("value_raw", "ratio", "expected"),
    [
        ("tăng hơn 2 lần", (2.0, NAN), (0.0, 6.675 / 2)),  # lower-bounded ratio: an upper bound on 2020
        ("gấp 2 lần", (1.5, 2.5), (6.665 / 2.5, 6.675 / 1.5)),  # "gấp": ×2 only
        ("tăng 2 lần", (1.5, 2.5), (6.665 / 3.5, 6.675 / 1.5)),  # "tăng … lần": ×2 or ×3
    ],
)
def test_bound_from_ratio_on_a_growth_rate(value_raw, ratio, expected):
    obs = make_obs([
        {"source_id": "lso", "indicator": "grdp", "measure": "growth_pct", "value": 6.67, "half": 0.005},
        {"source_id": "lso", "indicator": "grdp", "measure": "ratio", "value": 2, "value_low": ratio[0],
         "value_high": ratio[1], "value_raw": value_raw, "comparison_raw": "so với năm 2020", "base": "2020"},
        {"source_id": "lso", "indicator": "grdp", "measure": "rank", "value": 15},
    ])
    row = one(derive_implied(obs), "bound_from_ratio")
    assert (row["value_low"], row["value_high"]) == pytest.approx(expected)
    assert (row["measure"], row["period_start"], row["base_start"]) == ("growth_pct", pd.Timestamp("2020-01-01"), pd.Timestamp("2019-01-01"))
    assert math.isnan(ratio[1]) == (row["bound"] == "upper")


def test_base_from_change_and_change_pp():
    obs = make_obs([
        {"source_id": "s", "indicator": "grdp_per_capita", "unit": "VND million", "value": 46.9, "half": 0.05},
        {"source_id": "s", "indicator": "grdp_per_capita", "measure": "change_abs", "unit": "VND million", "value": 2.6, "half": 0.05},
        {"source_id": "s", "indicator": "poverty_rate", "measure": "level", "unit": "%", "value": 10.5, "half": 0.05},
        {"source_id": "s", "indicator": "poverty_rate", "measure": "change_pp", "value": -2.12, "half": 0.005},
    ])
    derived = derive_implied(obs).set_index("indicator")
    assert (derived.loc["grdp_per_capita", "value_low"], derived.loc["grdp_per_capita", "value_high"]) == pytest.approx((44.2, 44.4))
    assert derived.loc["poverty_rate", "value"] == pytest.approx(12.62)
    assert derived.loc["poverty_rate", "period_start"] == pd.Timestamp("2020-01-01")


def test_pairing_stays_within_one_source_period_and_target_class():
    obs = make_obs([
        {"source_id": "a", "value": 100},
        {"source_id": "b", "measure": "growth_pct", "value": 10},  # other source
        {"source_id": "a", "measure": "growth_pct", "value": 10, "period": "2022"},  # other period
        {"source_id": "c", "value": 100, "status": "target"},
        {"source_id": "c", "measure": "growth_pct", "value": 10},  # actual growth, target level
    ])
    assert derive_implied(obs).empty


def test_status_reliability_and_published_of_a_derived_row():
    obs = make_obs([
        {"source_id": "a", "value": 110, "status": "estimate", "reliability": "mirror", "published": pd.Timestamp("2022-02-01")},
        {"source_id": "a", "measure": "growth_pct", "value": 10, "reliability": "official", "published": pd.Timestamp("2021-01-01")},
    ])
    row = derive_implied(obs).iloc[0]
    assert (row["status"], row["reliability"], row["published"]) == ("estimate", "mirror", pd.Timestamp("2022-02-01"))
    assert row["value"] == pytest.approx(100)


def test_depth_two_chains_a_derived_ytd_into_a_month():
    obs = make_obs([
        {"source_id": "s2021", "value": 2390, "half": 5, "period": "2021-YTD07"},
        {"source_id": "s2021", "measure": "growth_pct", "value": 53.2, "half": 0.05, "period": "2021-YTD07"},
        {"source_id": "s2020", "value": 1320, "half": 5, "period": "2020-H1"},
    ])
    assert not (derive_implied(obs, max_depth=1)["method"] == "month_from_ytd").any()
    derived = derive_implied(obs, max_depth=2)
    month = one(derived, "month_from_ytd")
    assert month["period_start"] == pd.Timestamp("2020-07-01")
    assert month["value"] == pytest.approx(2390 / 1.532 - 1320)
    assert reported_chain(month["obs_id"], derived) == ["s2020#1", "s2021#1", "s2021#2"]
    assert derived["obs_id"].is_unique


def test_empty_and_schema():
    derived = derive_implied(make_obs([{"value": 1}]))
    assert derived.empty and tuple(derived.columns) == DERIVED_COLUMNS
    implied = derive_implied(make_obs([{"value": 110}, {"measure": "growth_pct", "value": 10}]))
    assert list(implied["origin"]) == ["derived"] and implied["value"].iloc[0] == pytest.approx(100)


@settings(max_examples=100, deadline=None)
@given(
    st.floats(1, 1e5), st.floats(0, 50), st.floats(-90, 300), st.floats(0, 5),
)
def test_derived_interval_holds_the_point_value(level, level_half, growth, growth_half):
    obs = make_obs([{"value": level, "half": level_half}, {"measure": "growth_pct", "value": growth, "half": growth_half}])
    row = derive_implied(obs).iloc[0]
    assert row["value_low"] <= row["value"] <= row["value_high"]


# --- annual_series --------------------------------------------------------------------------

def test_annual_series_reconstructs_trade_turnover():
    s = annual_series("trade_turnover", trade_obs())
    assert list(s["year"]) == [2019, 2020, 2021, 2022, 2023]
    assert list(s["origin"]) == ["missing", "derived", "estimated", "derived", "reported"]
    assert math.isnan(s.loc[0, "value"]) and "2019-01-01..2019-06-30" in s.loc[0, "note"]
    assert (round(s.loc[1, "value_low"], 1), round(s.loc[1, "value_high"], 1)) == (2796.7, 2821.8)
    assert s.loc[3, "value"] == pytest.approx(4975 / 1.626)
    assert s.loc[3, "obs_ids"] == "danviet-2023#1;danviet-2023#2" and s.loc[3, "source_ids"] == "danviet-2023"
    assert s.loc[1, "method"] == "base_from_growth" and s.loc[2, "method"] == ""
    assert set(s["unit"]) == {"USD million"}
    # the collapse, rebound, fall and rebound the reports describe
    v = s.set_index("year")["value"]
    assert v[2020] < v[2021] > v[2022] < v[2023]


def test_annual_series_switches():
    obs = trade_obs()
    assert list(annual_series("trade_turnover", obs, include_derived=False)["origin"]) == ["missing", "missing", "estimated", "missing", "reported"]
    assert list(annual_series("trade_turnover", obs, include_estimates=False)["origin"]) == ["missing", "missing", "missing", "derived", "reported"]


@pytest.mark.parametrize(
    ("rows", "winner"),
    [
        # an actual beats an estimate, whatever the estimate's source or date
        ([{"value": 100, "status": "estimate", "published": pd.Timestamp("2023-01-01")},
          {"value": 101, "reliability": "mirror", "published": pd.Timestamp("2022-01-01")}], "src-a#2"),
        # official before press
        ([{"value": 100, "reliability": "press"}, {"value": 101}], "src-a#2"),
        # same tier: the later publication (a revised figure)
        ([{"value": 100, "status": "estimate", "published": pd.Timestamp("2022-01-10")},
          {"value": 101, "status": "estimate", "published": pd.Timestamp("2022-03-01")}], "src-a#2"),
        # a reported estimate before any derived value
        ([{"value": 100, "status": "estimate"},
          {"value": 110, "period": "2022", "source_id": "b"}, {"measure": "growth_pct", "value": 10, "period": "2022", "source_id": "b"}], "src-a#1"),
        # derived only: the narrowest interval
        ([{"value": 110, "half": 5, "period": "2022", "source_id": "b"}, {"measure": "growth_pct", "value": 10, "period": "2022", "source_id": "b"},
          {"value": 121, "half": 0.5, "period": "2022", "source_id": "c"}, {"measure": "growth_pct", "value": 21, "period": "2022", "source_id": "c"}],
         "derived:base_from_growth:c#2"),
    ],
)
def test_best_value_rule(rows, winner):
    s = annual_series("trade_turnover", make_obs(rows), years=[2021])
    assert s.loc[0, "obs_id"] == winner


_EARLY, _LATE = pd.Timestamp("2024-01-15"), pd.Timestamp("2024-04-21")


@pytest.mark.parametrize(
    ("rows", "winner"),
    [
        # "7,0" then a later "7": they agree within both intervals, so the more precise printing wins
        ([{"value": 7.0, "half": 0.05, "reliability": "press", "published": _EARLY},
          {"value": 7.0, "half": 0.5, "reliability": "press", "published": _LATE}], "src-a#1"),
        # the same with estimates: 7,3 lies within the later "7" (6,5–7,5), so it is the more precise reading
        ([{"value": 7.3, "half": 0.05, "status": "estimate", "published": _EARLY},
          {"value": 7.0, "half": 0.5, "status": "estimate", "published": _LATE}], "src-a#1"),
        # a later figure that disagrees (6,95–7,05 and 7,1–8,1 do not meet) is a revision: recency still wins
        ([{"value": 7.0, "half": 0.05, "published": _EARLY}, {"value": 7.6, "half": 0.5, "published": _LATE}], "src-a#2"),
        # the later figure is the more precise one: it wins on both counts
        ([{"value": 7.0, "half": 0.5, "published": _EARLY}, {"value": 7.04, "half": 0.005, "published": _LATE}], "src-a#2"),
        # of three that agree with the latest, the narrowest
        ([{"value": 7.0, "half": 0.05, "published": _EARLY}, {"value": 7.02, "half": 0.005, "published": _EARLY},
          {"value": 7.0, "half": 0.5, "published": _LATE}], "src-a#2"),
        # precision never crosses a rank: a wide official figure beats a precise press one that agrees with it
        ([{"value": 7.0, "half": 0.05, "reliability": "press"}, {"value": 7.0, "half": 0.5}], "src-a#2"),
        # nor beats an actual with an estimate
        ([{"value": 7.0, "half": 0.05, "status": "estimate"}, {"value": 7.0, "half": 0.5}], "src-a#2"),
    ],
)
def test_a_more_precise_figure_that_agrees_wins(rows, winner):
    s = annual_series("trade_turnover", make_obs(rows), years=[2021])
    assert s.loc[0, "obs_id"] == winner


def test_low_sources_and_other_provinces_stay_out_unless_asked():
    obs = make_obs([
        {"value": 100, "reliability": "low"},
        {"value": 999, "province": "Hà Giang", "source_id": "hg"},
    ])
    assert annual_series("trade_turnover", obs, years=[2021]).loc[0, "origin"] == "missing"
    assert annual_series("trade_turnover", obs, years=[2021], include_low=True).loc[0, "value"] == 100
    assert annual_series("trade_turnover", obs, years=[2021], province="Hà Giang").loc[0, "value"] == 999


def test_growth_series_counts_only_growth_against_the_previous_year():
    obs = make_obs([
        {"indicator": "grdp", "measure": "growth_pct", "value": 2.03, "period": "2020", "status": "estimate"},
        {"indicator": "grdp", "measure": "growth_pct", "value": 6.67, "period": "2021"},
        {"indicator": "grdp", "measure": "growth_pct", "value": 9.0, "period": "2021", "base": "2019", "source_id": "b"},
        {"indicator": "grdp", "measure": "growth_pct", "value": 0.47, "period": "2020-H1"},
        {"indicator": "grdp", "measure": "growth_pct", "value": 6.72, "period": "2021-H1"},
        {"indicator": "grdp", "measure": "growth_pct", "value": 5.32, "period": "2023-H1"},
    ])
    s = annual_series("grdp", obs, measure="growth_pct", years=[2020, 2021])
    assert list(s["value"]) == [2.03, 6.67] and list(s["n_candidates"]) == [1, 1]
    h = half_year_series("grdp", obs=obs)
    assert list(h["year"]) == [2019, 2020, 2021, 2022, 2023] and set(h["half"]) == {1}
    assert h["value"].tolist()[1:3] == [0.47, 6.72] and list(h["origin"]) == ["missing", "reported", "reported", "missing", "reported"]


def test_unit_mismatch_warns_and_drops():
    obs = make_obs([{"value": 100}, {"value": 5, "unit": "VND billion", "source_id": "b"}])
    with pytest.warns(UserWarning, match="units other than"):
        s = annual_series("trade_turnover", obs, years=[2021])
    assert s.loc[0, "value"] == 100


def test_loads_observations_lazily(monkeypatch):
    calls = []

    def fake_load(**kwargs):
        calls.append(kwargs)
        return trade_obs()

    monkeypatch.setattr(lso_analysis, "load_observations", fake_load, raising=False)
    s = annual_series("trade_turnover")
    assert calls and calls[0]["province"] == "Lạng Sơn"
    assert s.loc[4, "value"] == 4975


@pytest.mark.parametrize("module", ["derive", "series", "spans", "obs_rows"])
def test_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"lso_analysis.{module}"))
    assert result.failed == 0


def test_derived_rows_keep_a_shared_vintage():
    """A base implied by a revised national growth rate is itself revised; mixing vintages gives none."""
    obs = make_obs([
        {"source_id": "a", "province": "Việt Nam", "indicator": "grdp", "unit": "VND billion", "value": 1000,
         "half": 0.5, "period": "2021", "vintage": "revised"},
        {"source_id": "a", "province": "Việt Nam", "indicator": "grdp", "measure": "growth_pct", "value": 2.56,
         "half": 0.005, "period": "2021", "vintage": "revised"},
    ])
    derived = derive_implied(obs)
    base = derived[derived["method"] == "base_from_growth"]
    assert len(base) == 1 and base.iloc[0]["vintage"] == "revised"
    mixed = obs.assign(vintage=["revised", "first"])
    assert set(derive_implied(mixed)["vintage"]) == {""}
