"""Coverage table: best status per indicator-year, partial-year data flagged apart."""

from __future__ import annotations

from lso_analysis.analysis.coverage import coverage_matrix, coverage_table
from obs_factory import make_obs


def test_coverage_levels_and_partial_flag():
    obs = make_obs([
        {"value": 4975, "period": "2023", "source_id": "dv"},
        {"value": 4270, "period": "2021", "status": "estimate", "source_id": "lso"},
        {"value": 4900, "period": "2023", "status": "estimate", "source_id": "x"},
        {"value": 3450, "period": "2021-YTD10", "source_id": "vcn"},
        {"value": 2695, "period": "2022-YTD11", "source_id": "sk"},
        {"measure": "growth_pct", "value": 62.6, "period": "2023", "source_id": "dv"},
        {"measure": "plan_pct", "value": 130.9, "period": "2020", "source_id": "p"},  # plan shares are not coverage
        {"indicator": "dti_rank", "measure": "rank", "unit": "rank", "value": 16, "out_of": 63, "period": "2020", "source_id": "d"},
    ])
    cov = coverage_table(obs, indicators=["trade_turnover", "dti_rank", "budget_revenue"], years=range(2020, 2024))
    cells = cov.set_index(["indicator", "year"])
    assert list(cells.loc["trade_turnover", "status"]) == ["none", "estimate", "derived", "actual"]
    assert list(cells.loc["trade_turnover", "has_partial"]) == [False, True, True, False]
    assert cells.loc[("trade_turnover", 2023), "source_ids"] == "dv"
    assert cells.loc[("trade_turnover", 2022), "source_ids"] == "dv"  # 2022 derived from the 2023 growth
    assert cells.loc[("dti_rank", 2020), "status"] == "actual"
    assert set(cells.loc["budget_revenue", "status"]) == {"none"}
    matrix = coverage_matrix(cov)
    assert matrix.loc["trade_turnover", 2021] == "estimate+partial"
    without = coverage_table(obs, indicators=["trade_turnover"], years=[2022], include_derived=False)
    assert list(without["status"]) == ["none"]


def test_default_indicators_are_those_with_data():
    cov = coverage_table(make_obs([{"value": 1, "indicator": "budget_revenue", "unit": "VND billion"}]), years=[2021])
    assert list(cov["indicator"]) == ["budget_revenue"]


def test_doctests():
    import doctest

    from lso_analysis.analysis import coverage

    assert doctest.testmod(coverage).attempted > 0 and doctest.testmod(coverage).failed == 0
