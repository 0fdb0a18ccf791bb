"""Consistency checks: same quantity, implied values, parts and totals, sub-periods, magnitudes."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import lso_analysis
from lso_analysis.analysis.consistency import CHECK_COLUMNS, check_consistency, check_trade_magnitudes
from obs_factory import make_obs

NO_CONFLICTS = pd.DataFrame(columns=["id", "obs_ids", "preferred", "judgement"])


def run(rows, conflicts=NO_CONFLICTS, check=None):
    table = check_consistency(make_obs(rows), conflicts=conflicts)
    assert tuple(table.columns) == CHECK_COLUMNS
    return table if check is None else table[table["check"] == check].reset_index(drop=True)


@pytest.mark.parametrize(("other", "status"), [(4272, "ok"), (4400, "conflict")])
def test_same_quantity_from_two_sources(other, status):
    table = run([{"source_id": "a", "value": 4270, "half": 5}, {"source_id": "b", "value": other, "half": 5}], check="same_quantity")
    assert len(table) == 1
    assert (table.loc[0, "obs_id_a"], table.loc[0, "obs_id_b"], table.loc[0, "status"]) == ("a#1", "b#1", status)
    assert table.loc[0, "overlap"] == (status == "ok")


def test_recorded_conflict_is_explained():
    conflicts = pd.DataFrame([{"id": "c1", "obs_ids": ["a#1", "b#1"], "preferred": "a#1", "judgement": "b counts all goods"}])
    table = run([{"source_id": "a", "value": 4270}, {"source_id": "b", "value": 4400}], conflicts, "same_quantity")
    assert table.loc[0, "status"] == "explained"
    assert table.loc[0, "explanation"] == "[c1] b counts all goods (preferred: a#1)"


def test_not_compared_same_source_or_target_or_another_plan():
    rows = [
        {"source_id": "a", "value": 100}, {"source_id": "a", "value": 200},  # one source repeating itself
        {"source_id": "b", "value": 300, "status": "target"},  # a target is not an outturn
        {"source_id": "c", "measure": "plan_pct", "value": 70.1, "comparison_raw": "dự toán Trung ương giao"},
        {"source_id": "d", "measure": "plan_pct", "value": 69.2, "comparison_raw": "dự toán tỉnh giao"},
    ]
    assert run(rows, check="same_quantity").empty
    rows[-1]["comparison_raw"] = "dự toán Trung ương giao"  # the same plan: now compared
    table = run(rows, check="same_quantity")
    assert list(zip(table["obs_id_a"], table["obs_id_b"], table["status"])) == [("c#1", "d#1", "conflict")]


@pytest.mark.parametrize(("reported_2020", "status"), [(2810, "ok"), (2500, "conflict")])
def test_implied_against_reported(reported_2020, status):
    rows = [
        {"source_id": "lso", "value": 4270, "half": 5},
        {"source_id": "lso", "measure": "growth_pct", "value": 52, "half": 0.5},
        {"source_id": "ctk", "value": reported_2020, "half": 5, "period": "2020"},
    ]
    table = run(rows, check="implied")
    assert len(table) == 1
    assert table.loc[0, "obs_id_a"] == "derived:base_from_growth:lso#2" and table.loc[0, "obs_id_b"] == "ctk#1"
    assert table.loc[0, "status"] == status


def test_implied_conflict_explained_through_its_reported_inputs():
    rows = [
        {"source_id": "lso", "value": 4270}, {"source_id": "lso", "measure": "growth_pct", "value": 52},
        {"source_id": "ctk", "value": 2500, "period": "2020"},
    ]
    conflicts = pd.DataFrame([{"id": "c2", "obs_ids": "lso#2;ctk#1", "preferred": "", "judgement": "different aggregate"}])
    assert run(rows, conflicts, "implied").loc[0, "status"] == "explained"


def test_two_implied_plans_agree():
    rows = [
        {"source_id": "jul", "value": 2390, "half": 5, "period": "2021-YTD07"},
        {"source_id": "jul", "measure": "plan_pct", "value": 77.6, "half": 0.05, "period": "2021-YTD07"},
        {"source_id": "year", "value": 4270, "half": 5},
        {"source_id": "year", "measure": "plan_pct", "value": 138.6, "half": 0.05},
    ]
    table = run(rows, check="implied")
    plans = table[table["obs_id_a"].str.contains("plan_from_share") & table["obs_id_b"].str.contains("plan_from_share")]
    assert len(plans) == 1 and plans.iloc[0]["status"] == "ok"


@pytest.mark.parametrize(("imports", "status"), [(2225, "ok"), (2100, "conflict")])
def test_parts_total(imports, status):
    rows = [
        {"source_id": "dv", "value": 4975, "half": 0.5},
        {"source_id": "dv", "indicator": "exports", "value": 2750, "half": 0.5},
        {"source_id": "dv", "indicator": "imports", "value": imports, "half": 0.5},
        {"source_id": "other", "indicator": "exports", "value": 1},  # another source is not a part
    ]
    table = run(rows, check="parts_total")
    assert len(table) == 1
    assert (table.loc[0, "obs_id_b"], table.loc[0, "value_b"], table.loc[0, "status"]) == ("dv#2+dv#3", 2750 + imports, status)
    assert (table.loc[0, "low_b"], table.loc[0, "high_b"]) == (2749.5 + imports - 0.5, 2750.5 + imports + 0.5)


@pytest.mark.parametrize(("month", "status"), [(380, "ok"), (2500, "conflict")])
def test_month_against_year_to_date(month, status):
    rows = [
        {"source_id": "a", "value": month, "half": 5, "period": "2021-M07"},
        {"source_id": "a", "value": 2390, "half": 5, "period": "2021-YTD07"},
        {"source_id": "b", "indicator": "trucks_waiting", "unit": "count", "value": 4000, "period": "2021-M12"},
        {"source_id": "b", "indicator": "trucks_waiting", "unit": "count", "value": 1000, "period": "2021"},  # a stock
    ]
    table = run(rows, check="sub_period")
    assert len(table) == 1 and table.loc[0, "status"] == status
    assert (table.loc[0, "obs_id_a"], table.loc[0, "obs_id_b"]) == ("a#1", "a#2")


def test_magnitudes_catch_a_misfiled_aggregate():
    obs = make_obs([
        {"source_id": "dv", "value": 51990.563, "period": "2023"},  # all goods filed as trade_turnover
        {"source_id": "vcn", "value": 727931, "period": "2023-Q1"},  # misprinted thousands separator
        {"source_id": "vcn", "value": 727.9, "period": "2023-Q1", "obs_id": "vcn#9"},
        {"source_id": "x", "indicator": "local_exports", "value": 142, "value_high": math.nan, "period": "2022"},
        {"source_id": "x", "indicator": "trade_turnover_all_goods", "value": 10490, "period": "2022-H1"},
    ])
    table = check_trade_magnitudes(obs).set_index("obs_id_a")
    assert list(table["overlap"]) == [False, False, True, True, True]
    assert "fits: trade_turnover_all_goods" in table.loc["dv#1", "note"]
    assert table.loc["vcn#1", "high_b"] == pytest.approx(10_000 / 4)
    conflicts = pd.DataFrame([{"id": "c3", "obs_ids": ["dv#1"], "preferred": "", "judgement": "all goods"}])
    full = check_consistency(obs, conflicts=conflicts)
    magnitude = full[full["check"] == "magnitude"].set_index("obs_id_a")["status"]
    assert magnitude.to_dict() == {"vcn#1": "conflict", "dv#1": "explained", "vcn#9": "ok", "x#1": "ok", "x#2": "ok"}
    assert full.loc[0, "status"] == "conflict"  # conflicts first


def test_loads_data_lazily_with_targets(monkeypatch):
    seen = {}

    def fake_obs(**kwargs):
        seen.update(kwargs)
        return make_obs([{"source_id": "a", "value": 4000}, {"source_id": "b", "value": 5000}])

    monkeypatch.setattr(lso_analysis, "load_observations", fake_obs, raising=False)
    monkeypatch.setattr(lso_analysis, "load_conflicts", lambda: NO_CONFLICTS, raising=False)
    table = check_consistency()
    assert seen["include_targets"] is True
    assert list(zip(table["check"], table["status"])) == [("same_quantity", "conflict"), ("magnitude", "ok"), ("magnitude", "ok")]


def test_doctests():
    import doctest

    from lso_analysis.analysis import consistency

    assert doctest.testmod(consistency).attempted > 0 and doctest.testmod(consistency).failed == 0
