"""Trend-break model and counterfactual paths on synthetic series with known answers."""

from __future__ import annotations

import doctest
import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lso_analysis.analysis import models
from lso_analysis.analysis.models import (
    FewObservationsWarning,
    InsufficientDataError,
    counterfactual_at_rate,
    fit_trend_break,
    growth_to_index,
)

COVID = {2020: -0.25, 2021: -0.15, 2022: -0.10}


def synthetic(years, trend=0.07, shift=0.0, noise=0.005, seed=1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    t = np.array(list(years), dtype=float)
    log_y = math.log(100) + trend * (t - t.min()) + np.array([COVID.get(int(x), 0.0) for x in t])
    log_y += np.where(t >= 2020, shift, 0.0) + rng.normal(0, noise, len(t))
    return pd.DataFrame({"year": t.astype(int), "value": np.exp(log_y)})


def test_doctests():
    assert doctest.testmod(models).failed == 0


def test_recovers_a_known_break():
    result = fit_trend_break(synthetic(range(2005, 2024)))
    coef = result.table.set_index("term")["coef"]
    assert coef["trend"] == pytest.approx(0.07, abs=0.003)
    for year, effect in COVID.items():
        assert coef[f"covid_{year}"] == pytest.approx(effect, abs=0.02)
    ci = result.table.set_index("term").loc["covid_2020", ["ci_low", "ci_high"]]
    assert ci["ci_low"] < -0.25 < ci["ci_high"]
    assert (result.n, result.df_resid) == (19, 14)
    path = result.path.set_index("year")
    assert path.loc[2023, "counterfactual"] == pytest.approx(100 * math.exp(0.07 * 18), rel=0.03)
    assert path.loc[2020, "gap_pct"] == pytest.approx(100 * math.expm1(-0.25), abs=2.5)
    assert (path["cf_low"] <= path["counterfactual"]).all() and (path["counterfactual"] <= path["cf_high"]).all()
    assert "19 annual points, 3 of them COVID years" in result.caveat


def test_recovers_a_persistent_shift_only_with_post_covid_points():
    result = fit_trend_break(synthetic(range(2005, 2027), shift=-0.08), persistent_shift=True)
    assert result.table.set_index("term").loc["shift_2020", "coef"] == pytest.approx(-0.08, abs=0.02)
    short = fit_trend_break(synthetic(range(2005, 2023), shift=-0.08), persistent_shift=True)
    assert "shift_2020" not in set(short.table["term"]) and "no persistent shift" in short.caveat


def test_five_annual_points_refuse_by_default():
    data = synthetic(range(2019, 2024))
    with pytest.raises(InsufficientDataError, match="0 residual degrees of freedom"):
        fit_trend_break(data)
    with pytest.warns(FewObservationsWarning):
        result = fit_trend_break(data, on_few="warn")
    assert result.caveat.startswith("5 annual points, 3 of them COVID years: the break terms are exactly identified; no standard errors are meaningful")
    assert result.df_resid == 0 and result.table["ci_low"].isna().all() and result.table["p_value"].isna().all()
    assert np.allclose(result.path["fitted"], result.path["actual"])  # exactly identified


def test_more_parameters_than_points_always_refuses():
    with pytest.raises(InsufficientDataError, match="cannot be fitted"):
        fit_trend_break(synthetic([2020, 2021, 2022, 2023]), on_few="warn")


def test_missing_rows_are_dropped_and_logs_need_positive_levels():
    data = synthetic(range(2010, 2024))
    data.loc[3, "value"] = np.nan
    assert fit_trend_break(data).n == 13
    data.loc[4, "value"] = -1.0
    with pytest.raises(ValueError, match="positive"):
        fit_trend_break(data)


def test_growth_rates_are_chained_into_an_index():
    levels = synthetic(range(2009, 2024))
    growth = pd.DataFrame({"year": levels["year"][1:], "value": 100 * (levels["value"].to_numpy()[1:] / levels["value"].to_numpy()[:-1] - 1)})
    growth.attrs["measure"] = "growth_pct"
    from_growth = fit_trend_break(growth)
    from_levels = fit_trend_break(levels)
    a = from_growth.table.set_index("term")["coef"].drop("const")
    b = from_levels.table.set_index("term")["coef"].drop("const")
    assert np.allclose(a, b)
    assert "index chained from growth rates (100 in 2009)" in from_growth.caveat.lower()


def test_growth_index_intervals_and_gaps():
    index = growth_to_index(pd.DataFrame({"year": [2020, 2021], "value": [2.0, 5.0], "value_low": [1.5, 4.5], "value_high": [2.5, 5.5]}))
    assert index["value_low"].iloc[-1] == pytest.approx(100 * 1.015 * 1.045)
    assert index["value_high"].iloc[-1] == pytest.approx(100 * 1.025 * 1.055)
    with pytest.raises(InsufficientDataError, match="consecutive"):
        growth_to_index(pd.DataFrame({"year": [2020, 2021, 2022], "value": [2.03, np.nan, 7.22]}))
    # missing years at the ends are fine (annual_series keeps them as NaN rows)
    assert len(growth_to_index(pd.DataFrame({"year": [2019, 2020, 2021], "value": [np.nan, 2.0, 3.0]}))) == 3


def test_counterfactual_hand_worked():
    series = pd.DataFrame({"year": [2019, 2020, 2021], "value": [100.0, 105.0, 130.0]})
    cf = counterfactual_at_rate(series, 10, rate_interval=(9, 11)).set_index("year")
    assert cf.loc[2020, ["counterfactual", "cf_low", "cf_high"]].tolist() == pytest.approx([110, 109, 111])
    assert cf.loc[2020, ["gap", "gap_low", "gap_high"]].tolist() == pytest.approx([-5, -6, -4])
    assert cf.loc[2021, ["cf_low", "cf_high"]].tolist() == pytest.approx([118.81, 123.21])
    assert cf.loc[2021, ["cum_gap", "cum_gap_low", "cum_gap_high"]].tolist() == pytest.approx([4, 0.79, 7.19])
    out = counterfactual_at_rate(series, 10, rate_interval=(9, 11))
    assert out.attrs["n"] == 3 and out.attrs["cumulative_gap"] == pytest.approx((4, 0.79, 7.19))


def test_counterfactual_needs_a_base_and_names_missing_years():
    series = pd.DataFrame({"year": [2019, 2020, 2021, 2022], "value": [np.nan, 2809.2, np.nan, 3059.7],
                           "value_low": [np.nan, 2796.7, np.nan, 3055.6], "value_high": [np.nan, 2821.8, np.nan, 3063.7]})
    with pytest.raises(InsufficientDataError, match="pass base_value"):
        counterfactual_at_rate(series, 7.86)
    cf = counterfactual_at_rate(series, 7.86, base_value=(2311.7, 2301.0, 2322.5))
    assert "No value for 2019, 2021" in cf.attrs["caveat"]
    assert cf.loc[cf["year"] == 2021, "gap"].isna().all()
    assert cf["cum_gap"].iloc[-1] == pytest.approx(cf["gap"].iloc[1] + cf["gap"].iloc[3])


@settings(max_examples=200, deadline=None)
@given(
    st.floats(50, 200), st.floats(0, 5), st.floats(-5, 15), st.floats(0, 2),
    st.lists(st.tuples(st.floats(50, 400), st.floats(0, 10)), min_size=1, max_size=5), st.data(),
)
def test_counterfactual_cumulative_gap_contains_the_truth(base, base_half, rate, rate_half, actuals, data):
    years = list(range(2019, 2020 + len(actuals)))
    values = [base] + [v for v, _ in actuals]
    halves = [base_half] + [h for _, h in actuals]
    series = pd.DataFrame({"year": years, "value": values, "value_low": [v - h for v, h in zip(values, halves)],
                           "value_high": [v + h for v, h in zip(values, halves)]})
    out = counterfactual_at_rate(series, rate, rate_interval=(rate - rate_half, rate + rate_half))
    true_rate = data.draw(st.floats(rate - rate_half, rate + rate_half))
    true_values = [data.draw(st.floats(v - h, v + h)) for v, h in zip(values, halves)]
    true_cum = sum(a - true_values[0] * (1 + true_rate / 100) ** k for k, a in enumerate(true_values))
    low, high = out.attrs["cumulative_gap"][1:]
    assert low - 1e-6 <= true_cum <= high + 1e-6


def test_no_warning_with_enough_points():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fit_trend_break(synthetic(range(2010, 2024)))
