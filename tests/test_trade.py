"""Trade through the border gates: declared series, exports and imports, backlogs, revenue, magnitudes, findings."""

from __future__ import annotations

import math
import os

os.environ.setdefault("MPLBACKEND", "Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import lso_analysis  # noqa: E402
from lso_analysis.studies import covid, trade  # noqa: E402
from lso_analysis.present import narrative, plotting
from obs_factory import make_obs  # noqa: E402

HA_GIANG = "Hà Giang"


@pytest.fixture(scope="module")
def obs():
    return lso_analysis.load_observations()


@pytest.fixture(scope="module")
def turnover(obs):
    return trade.turnover_series(obs=obs).set_index("year")


def test_turnover_series_real(turnover):
    # wave 2: the provincial portal prints 2020 (USD 2,970 million, down 19.5%), so 2020 is reported and 2019 derived
    y2019 = turnover.loc[2019]
    assert (y2019["origin"], y2019["value"]) == ("derived", pytest.approx(2970 / 0.805))
    assert y2019["value_low"] == pytest.approx(2965 / 0.8055) and y2019["value_high"] == pytest.approx(2975 / 0.8045)
    assert "«down 19.5%»" in y2019["how"] and "printed for 2020" in y2019["how"]
    assert (turnover.loc[2020, "origin"], turnover.loc[2020, "value"]) == ("reported", 2970)
    assert (turnover.loc[2021, "origin"], turnover.loc[2021, "value"]) == ("estimated", 4270)
    assert turnover.loc[2022, "value"] == pytest.approx(4975 / 1.626)
    assert (turnover.loc[2023, "origin"], turnover.loc[2023, "value"]) == ("reported", 4975)
    assert turnover.loc[2023, "how"] == "printed: «4.975 triệu USD»"


def test_turnover_series_honours_parameters(obs):
    no_derived = trade.turnover_series(include_derived=False, obs=obs).set_index("year")
    assert list(no_derived["origin"]) == ["missing", "reported", "estimated", "missing", "reported"]
    assert "January–September 2019" in no_derived.loc[2019, "how"]
    assert "January–November 2022" in no_derived.loc[2022, "how"]
    no_est = trade.turnover_series(include_estimates=False, obs=obs).set_index("year")
    assert no_est.loc[2021, "origin"] == "missing" and (no_est["status"] != "estimate").all()
    assert list(trade.turnover_series(start_year=2022, obs=obs)["year"]) == [2022, 2023]


def test_growth_and_plans_real(obs):
    plans = trade.growth_and_plans(trade.turnover_series(obs=obs), obs=obs).set_index("year")
    assert (plans.loc[2021, "growth"], plans.loc[2021, "growth_origin"]) == (52, "printed")
    assert plans.loc[2022, "growth_origin"] == "implied by the two levels"
    assert plans.loc[2022, "growth"] == pytest.approx(100 * (4975 / 1.626 / 4270 - 1))
    assert plans.loc[2022, "growth_low"] < plans.loc[2022, "growth"] < plans.loc[2022, "growth_high"]
    # 2020's growth is printed, so the derived 2019 level never gives it back as "implied"
    assert (plans.loc[2020, "growth"], plans.loc[2020, "growth_origin"]) == (-19.5, "printed")
    assert math.isnan(plans.loc[2019, "growth"])
    assert plans.loc[2019, "plan"] == pytest.approx(3180 / 0.608)  # nine months of 2019 were 60,8% of the plan
    assert plans.loc[2021, "plan_pct"] == pytest.approx(138.6)
    assert plans.loc[2020, "plan"] == pytest.approx(1320 / 0.24)
    assert plans.loc[2023, "plan"] == pytest.approx(4975 / 1.309)
    no_derived = trade.growth_and_plans(trade.turnover_series(include_derived=False, obs=obs), include_derived=False, obs=obs)
    assert no_derived["plan"].isna().all()


def test_plan_rows_window(obs):
    rows = trade.plan_rows(obs=obs)
    assert set(rows["indicator"]) == {"trade_turnover", "exports", "imports"}
    assert (rows["measure"] == "plan_pct").all()
    assert set(trade.plan_rows(start_year=2023, obs=obs)["period_end"].dt.year) == {2023}
    assert trade.plan_rows(include_estimates=False, obs=obs)["status"].ne("estimate").all()


def test_exports_imports_real(obs):
    parts = trade.exports_imports(obs=obs).set_index("period")
    assert parts.loc["2023", "export_share"] == pytest.approx(100 * 2750 / 4975)
    assert parts.loc["first half of 2022", "export_share"] == pytest.approx(100 * 262 / 1077.6)
    assert parts.loc["2022", "origin"] == "derived"
    reported = parts[parts["origin"] == "reported"]
    assert (reported["exports"] + reported["imports"]).round(1).tolist() == reported["total"].round(1).tolist()
    printed_only = trade.exports_imports(include_derived=False, obs=obs)
    assert list(printed_only["period"]) == ["January–October 2021", "first half of 2022", "January–November 2022",
                                            "1 January – 22 March 2023", "2023"]


def test_exports_imports_pairs_within_one_source_and_period():
    obs = make_obs([
        {"source_id": "a", "indicator": "exports", "value": 100, "period": "2022-H1"},
        {"source_id": "a", "indicator": "imports", "value": 300, "period": "2022-H1"},
        {"source_id": "b", "indicator": "imports", "value": 999, "period": "2022-YTD11"},
        {"source_id": "c", "indicator": "exports", "value": 50, "period": "2022-YTD11"},
        {"source_id": "a", "indicator": "exports", "value": 60, "period": "2022-M11"},
        {"source_id": "a", "indicator": "imports", "value": 30, "period": "2022-M11"},
    ])
    parts = trade.exports_imports(obs=obs)
    assert list(parts["period"]) == ["first half of 2022"]  # months are not from 1 January; b and c are apart
    assert parts.loc[0, "export_share"] == pytest.approx(25.0) and math.isnan(parts.loc[0, "total"])


def test_backlog_real(obs):
    trucks = trade.backlog(obs=obs)
    assert trucks["date"].is_unique and trucks["date"].min() == pd.Timestamp("2021-12-16")
    first = trucks.iloc[0]
    assert (first["value"], first["period"], first["value_raw"]) == (4550, "16 December 2021", "4,550 trucks")
    assert first["source_ids"] != "otofun-20211200-trucks-by-gate"  # press before a mirror copy
    assert pd.Timestamp("2020-02-05") not in set(trucks["date"])  # outside the window
    assert list(trade.backlog(start_year=2023, obs=obs)["period"]) == ["31 May 2023"]
    late = trucks.set_index("period").loc["17 January 2022"]
    assert late["value_low"] == 1300 and math.isnan(late["value_high"])  # "hơn 1.300 xe"


def test_reopening():
    events = lso_analysis.load_events()
    assert trade.reopening(events)["date"] == pd.Timestamp("2023-01-08")
    assert trade.reopening(events, after="2024-01-01") is None
    assert trade.reopening(None) is None


def test_revenue_table_real(obs):
    rev = trade.revenue_table(obs=obs)
    y2023 = rev[(rev["indicator"] == "budget_revenue") & (rev["period"] == "2023")]
    assert len(y2023) == 1 and y2023.iloc[0]["origin"] == "reported" and y2023.iloc[0]["value"] == pytest.approx(7806.6)
    y2021 = rev[(rev["indicator"] == "budget_revenue") & (rev["period"] == "2021")].iloc[0]
    assert (y2021["value"], y2021["growth"], y2021["plan_pct"]) == (11000, 53, 195)
    assert not rev["period"].str.contains("2019–2023").any()  # the 2019–2023 customs total is not a year
    y2019 = rev[rev["period"] == "January–September 2019"].iloc[0]
    assert (y2019["indicator"], y2019["value"], y2019["growth"], y2019["plan_pct"]) == ("budget_revenue", 5056, 37, 92.8)
    h1 = rev[(rev["indicator"] == "customs_revenue") & (rev["period"] == "first half of 2022")].iloc[0]
    assert (h1["value"], h1["growth"]) == (2270, pytest.approx(-47.1))


def test_knock_on_real(obs):
    k = trade.knock_on(obs=obs).set_index("period")
    assert set(k.index) == {"2021", "first half of 2022", "1 January – 20 September 2022", "first quarter of 2021",
                            "January–September 2019"}
    assert (k.loc["first quarter of 2021", "value_trade"], k.loc["first quarter of 2021", "value_rev"]) == (53.6, 128.4)
    assert (k.loc["2021", "value_trade"], k.loc["2021", "value_rev"]) == (52, 53)
    assert (k.loc["first half of 2022", "value_trade"], k.loc["first half of 2022", "value_rev"]) == (
        pytest.approx(-49.3), pytest.approx(-47.1))
    assert set(trade.knock_on(include_estimates=False, obs=obs)["period"]) == {
        "first quarter of 2021", "first half of 2022", "1 January – 20 September 2022"}


def test_magnitudes_real(obs):
    m = trade.magnitudes(obs=obs)
    # 2023 has two declared figures (4.975 million; 'over 5 billion USD' from the provincial report), one row each
    assert sorted(m.loc[m["period"] == "2023", "value_declared"]) == [4975, 5000]
    m = m[m["value_declared"] != 5000].set_index("period")
    assert m.loc["2023", "ratio"] == pytest.approx(51990.563 / 4975)
    assert m.loc["first half of 2022", "ratio"] == pytest.approx(10490 / 1077.6)
    assert (m["ratio"] > 5).all()


def test_magnitude_check_flags_a_misfiled_figure():
    obs = make_obs([{"value": 51990.563, "period": "2023", "source_id": "dv"},
                    {"value": 4975, "period": "2023", "source_id": "dv"}])
    check = trade.magnitude_check(obs=obs).set_index("Series")
    assert (check.loc["trade_turnover", "Figures"], check.loc["trade_turnover", "Fit their band"]) == (2, 1)
    assert check.loc["trade_turnover", "Per year (USD million)"] == "4,975–51,991"
    real = trade.magnitude_check(obs=lso_analysis.load_observations())
    assert (real["Figures"] == real["Fit their band"]).all()


def test_findings_real(obs):
    turnover = trade.turnover_series(obs=obs)
    yoy = covid.growth_table({"trade_turnover": "Declared turnover"}, obs=obs)
    f = trade.findings(turnover, trade.growth_and_plans(turnover, obs=obs), yoy, trade.exports_imports(obs=obs),
                       trade.knock_on(obs=obs), trade.revenue_table(obs=obs), "Lạng Sơn")
    assert len(f) == 3
    # wave 2: Customs News printed −58.2% for January–February 2020, the steepest fall now in the data
    assert f[0].startswith("**Declared trade fell hardest in January–February 2020** (−58.2%")
    assert "first half of 2022 (−49.3%)" in f[0] and "3,060 million USD in 2022 (−28.3%, implied)" in f[0]
    assert "2,970 million USD in 2020 (−19.5%)" in f[0]
    assert f[1].startswith("**Exports bore the closures**") and "17% for 1 January – 22 March 2022 (derived)" in f[1]
    assert "55% for 2023" in f[1]
    # the first quarter of 2021 (+53.6% trade, +128.4% customs revenue) and 2019 no longer move together
    assert f[2].startswith("**Revenue and trade**") and "customs revenue −47.1%" in f[2]
    assert "January–September 2019: turnover −8.4%, state budget revenue +37%" in f[2]
    assert "7,807 billion VND in 2023, below 11,000 billion VND" in f[2]


def test_ha_giang_has_no_trade_and_says_so():
    obs = lso_analysis.load_observations(province=HA_GIANG)
    events = lso_analysis.load_events(HA_GIANG)
    turnover = trade.turnover_series(HA_GIANG, obs=obs)
    assert turnover["value"].isna().all() and set(turnover["how"]) == {"no figure for the year"}
    parts, trucks = trade.exports_imports(HA_GIANG, obs=obs), trade.backlog(HA_GIANG, obs=obs)
    knock, rev = trade.knock_on(HA_GIANG, obs=obs), trade.revenue_table(HA_GIANG, obs=obs)
    assert parts.empty and trucks.empty and knock.empty and trade.magnitudes(HA_GIANG, obs=obs).empty
    assert rev.empty  # a monthly revenue figure is not a year or a year to date from January
    assert trade.magnitude_check(HA_GIANG, obs=obs).empty and trade.plan_rows(HA_GIANG, obs=obs).empty
    yoy = covid.growth_table({"trade_turnover": "Declared turnover"}, HA_GIANG, obs=obs)
    f = trade.findings(turnover, trade.growth_and_plans(turnover, HA_GIANG, obs=obs), yoy, parts, knock, rev, HA_GIANG)
    assert f == ["No declared trade figure for Hà Giang in the window: the collapse and rebound cannot be traced here."]
    for note in (trade.plot_exports_imports(parts, HA_GIANG), trade.plot_backlog(trucks, events, HA_GIANG),
                 trade.plot_growth_timeline(yoy, events, HA_GIANG)):
        assert isinstance(note, narrative.Markdown) and "Hà Giang" in note.text


def test_figures_name_their_sources_and_are_stable(obs):
    events = lso_analysis.load_events()
    parts = trade.exports_imports(obs=obs)
    fig = trade.plot_exports_imports(parts, "Lạng Sơn")
    assert set(plotting.figure_sources(fig)) == set(parts["source_id"])
    assert plotting.figure_to_png_bytes(fig) == plotting.figure_to_png_bytes(trade.plot_exports_imports(parts, "Lạng Sơn"))
    fig = trade.plot_backlog(trade.backlog(obs=obs), events, "Lạng Sơn")
    assert "plo-20211200-6200-trucks-stuck" in plotting.figure_sources(fig)
    assert "vietnamplus-20230108-huu-nghi-full-reopening" not in plotting.figure_sources(fig)  # no "reopen" in its title
    assert "bhqennew-20230300-turnover-grow-71" in plotting.figure_sources(fig)  # the reopening event


@pytest.mark.parametrize(("start", "end", "label"), [
    ("2022-01-01", "2022-12-31", "2022"), ("2021-01-01", "2021-10-31", "Jan–Oct\n2021"),
    ("2023-01-01", "2023-03-22", "1 Jan–22 Mar\n2023"),
])
def test_short_tick_labels(start, end, label):
    assert trade._short(pd.Timestamp(start), pd.Timestamp(end)) == label


def test_findings_on_synthetic_trade_data():
    from obs_factory import trade_obs

    obs = trade_obs()
    turnover = trade.turnover_series(obs=obs)
    assert list(turnover["origin"]) == ["missing", "derived", "estimated", "derived", "reported"]
    yoy = covid.growth_table({"trade_turnover": "Declared turnover"}, obs=obs)
    f = trade.findings(turnover, trade.growth_and_plans(turnover, obs=obs), yoy, trade.exports_imports(obs=obs),
                       trade.knock_on(obs=obs), trade.revenue_table(obs=obs), "Lạng Sơn")
    assert f == ["**Declared trade fell hardest in the first half of 2020** (−42.9% on a year earlier) and in "
                 "January–November 2022 (−31.6%). Year by year it went 2,809 million USD (2,797–2,822) in 2020 (derived), "
                 "4,270 million USD in 2021 (+52%), 3,060 million USD in 2022 (−28.3%, implied), "
                 "4,975 million USD in 2023 (+62.6%)."]
