"""The province against Vietnam and other provinces: panel, national gap, ranks, panel model (analysis/peers.py, panel.py)."""

import math

import numpy as np
import pandas as pd
import pytest

from lso_analysis.analysis import panel as pm
from lso_analysis.analysis import peers
from lso_analysis.analysis.scope import Window


def obs_row(province, year, value, half=0.005, vintage="", status="estimate", reliability="official", obs_id=None,
            published=None, indicator="grdp"):
    return {"obs_id": obs_id or f"s-{province}-{year}-{value}#1", "source_id": obs_id or f"s-{province}-{year}-{value}",
            "province": province, "indicator": indicator, "measure": "growth_pct", "value": value,
            "value_low": value - half, "value_high": value + half, "unit": "%",
            "period_start": pd.Timestamp(year, 1, 1), "period_end": pd.Timestamp(year, 12, 31),
            "base_start": pd.Timestamp(year - 1, 1, 1), "base_end": pd.Timestamp(year - 1, 12, 31),
            "status": status, "reliability": reliability, "published": published or f"{year}-12-28",
            "vintage": vintage, "bound": "exact"}


def frame(rows):
    return pd.DataFrame(rows)


def test_national_first_and_revised_vintages():
    obs = frame([obs_row(peers.NATION, 2019, 7.02, vintage="first", published="2019-12-27"),
                 obs_row(peers.NATION, 2019, 7.36, vintage="revised", published="2022-12-29"),
                 obs_row(peers.NATION, 2020, 2.91, vintage="first")])
    first = peers.national_growth(obs, Window(2019, 2020), "first")
    revised = peers.national_growth(obs, Window(2019, 2020), "revised")
    assert first["value"].tolist() == [7.02, 2.91]
    assert revised["value"].tolist() == [7.36, 2.91]
    assert revised["vintage_used"].tolist() == ["revised", "first"]


def test_panel_keeps_the_nation_and_low_sources_out():
    obs = frame([obs_row("A", 2020, 2.0), obs_row("B", 2020, 3.0, reliability="low"), obs_row(peers.NATION, 2020, 2.91)])
    panel = peers.growth_panel(obs, Window(2020, 2020))
    assert panel["province"].tolist() == ["A"]
    assert set(peers.growth_panel(obs, Window(2020, 2020), include_low=True)["province"]) == {"A", "B"}


def test_gap_interval_pairs_opposite_ends():
    panel = peers.growth_panel(frame([obs_row("A", 2020, 2.03)]), Window(2020, 2020))
    nat = peers.national_growth(frame([obs_row(peers.NATION, 2020, 2.91)]), Window(2020, 2020))
    gap = peers.growth_gap(panel, nat, "A").iloc[0]
    assert gap["gap_pp"] == pytest.approx(2.03 - 2.91)
    assert gap["gap_low"] == pytest.approx(2.025 - 2.915) and gap["gap_high"] == pytest.approx(2.035 - 2.905)


def test_national_path_chains_both_rates():
    rows = [obs_row("A", 2020, 2.0), obs_row("A", 2021, 6.0)]
    nat_rows = [obs_row(peers.NATION, 2020, 3.0), obs_row(peers.NATION, 2021, 2.0)]
    gap = peers.growth_gap(peers.growth_panel(frame(rows), Window(2020, 2021)),
                           peers.national_growth(frame(nat_rows), Window(2020, 2021)), "A")
    path = peers.national_path(gap)
    assert path.attrs["base_year"] == 2019
    assert path["actual"].iloc[-1] == pytest.approx(100 * 1.02 * 1.06)
    assert path["gap_pct"].iloc[-1] == pytest.approx(100 * (1.02 * 1.06 / (1.03 * 1.02) - 1))
    assert path["gap_pct_low"].iloc[-1] < path["gap_pct"].iloc[-1] < path["gap_pct_high"].iloc[-1]


def test_ranks_say_out_of_how_many_and_widen_for_rounding():
    rows = [obs_row("A", 2022, 7.22), obs_row("B", 2022, 9.0), obs_row("C", 2022, 7.22), obs_row("D", 2022, 3.0)]
    r = peers.ranks(peers.growth_panel(frame(rows), Window(2022, 2022)), "A").iloc[0]
    assert (r["rank"], r["out_of"]) == (2, 4)
    assert (r["rank_best"], r["rank_worst"]) == (2, 3)  # C's 7.22 could be above or below


def _synthetic_panel(n_prov=8, years=range(2016, 2024), shock=-3.0, seed=1):
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n_prov):
        level = 6 + i * 0.3
        for y in years:
            common = {2020: -4.0, 2021: -2.0}.get(y, 0.0)
            extra = shock if (i == 0 and y >= 2020) else 0.0
            value = round(level + common + extra + rng.normal(0, 0.2), 2)
            rows.append({"province": f"P{i}", "year": y, "value": value, "value_low": value - 0.005,
                         "value_high": value + 0.005})
    return pd.DataFrame(rows)


def test_panel_model_recovers_a_known_deviation():
    result = pm.fit_panel(_synthetic_panel(), "P0")
    assert result.effects["year"].tolist() == [2020, 2021, 2022, 2023]
    assert np.allclose(result.effects["delta"], -3.0, atol=0.6)
    assert (result.effects["ci_low"] < -3.0).all() and (result.effects["ci_high"] > -3.0).all()
    assert result.provinces_per_year[2020] == 8 and result.n_clusters == 8
    assert result.effects["rounding"].iloc[0] == pytest.approx(0.005)


def test_panel_model_refuses_without_a_pre_2020_figure():
    data = _synthetic_panel()
    data = data[~((data["province"] == "P0") & (data["year"] < 2020))]
    with pytest.raises(peers.InsufficientPanelError, match="before 2020"):
        pm.fit_panel(data, "P0")


def test_panel_model_refuses_when_alone_in_a_year():
    data = _synthetic_panel()
    data = data[~((data["province"] != "P0") & (data["year"] == 2022))]
    with pytest.raises(peers.InsufficientPanelError, match="2022"):
        pm.fit_panel(data, "P0")


def test_panel_model_refuses_with_no_degrees_of_freedom():
    data = _synthetic_panel(n_prov=2, years=[2019, 2020])
    with pytest.raises(peers.InsufficientPanelError, match="degree of freedom"):
        pm.fit_panel(data, "P0")
