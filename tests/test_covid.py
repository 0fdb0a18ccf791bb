"""COVID-19 impact analysis: GRDP growth, benchmarks, counterfactual gap, channels and findings."""

from __future__ import annotations

import doctest
import math
import os

os.environ.setdefault("MPLBACKEND", "Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import lso_analysis  # noqa: E402
from lso_analysis.analysis.scope import Scope  # noqa: E402
from lso_analysis.present import labels, narrative, plotting, tables  # noqa: E402
from lso_analysis.studies import covid, covid_claims, covid_more  # noqa: E402
from obs_factory import make_obs  # noqa: E402

NAN = math.nan
HA_GIANG = "Hà Giang"
LANG_SON = "Lạng Sơn"
DEFAULT = Scope(LANG_SON)


@pytest.fixture(scope="module")
def study():
    """Notebook 10 for Lạng Sơn with the default parameters."""
    return covid.Study(DEFAULT)


@pytest.fixture(scope="module")
def real(study):
    """Everything the notebook computes for Lạng Sơn with the default parameters."""
    return {"obs": study.obs, "growth": study.growth, "bench": study.bench, "cf": study.cf, "sens": study.sens,
            "sectors": study.sectors, "channels": study.channels}


def row(frame: pd.DataFrame, period: str) -> pd.Series:
    hits = frame[frame["period"] == period]
    assert len(hits) == 1, hits
    return hits.iloc[0]


@pytest.mark.parametrize(("start", "end", "label"), [
    ("2020-01-01", "2020-06-30", "first half of 2020"),
    ("2020-07-01", "2020-12-31", "second half of 2020"),
    ("2022-07-01", "2022-09-30", "third quarter of 2022"),
    ("2021-01-01", "2021-10-31", "January–October 2021"),
    ("2022-11-01", "2022-11-30", "November 2022"),
    ("2021-12-21", "2021-12-21", "21 December 2021"),
    ("2022-01-01", "2022-09-20", "1 January – 20 September 2022"),
    ("2019-01-01", "2023-07-31", "January 2019 – July 2023"),
    ("2023-01-01", "2024-02-10", "1 January 2023 – 10 February 2024"),
    ("2016-01-01", "2020-12-31", "2016–2020"),
])
def test_period_label(start, end, label):
    """The study's periods are named by the one period label (present.labels)."""
    assert labels.period_label(pd.Timestamp(start), pd.Timestamp(end)) == label


def test_scope_filters_years_and_estimates():
    """The study keeps a figure only when its whole period lies in the window (Scope), estimates on request."""
    obs = make_obs([{"value": 1, "period": "2018"}, {"value": 2, "period": "2020-H1", "status": "estimate"},
                    {"value": 3, "period": "2021"}, {"value": 4, "period": "2019/2023"}])
    assert list(Scope(LANG_SON, 2019, 2023).observations(obs)["value"]) == [2, 3, 4]
    assert list(Scope(LANG_SON, 2019, 2023, include_estimates=False).observations(obs)["value"]) == [3, 4]
    assert list(Scope(LANG_SON, 2020, 2022).observations(obs)["value"]) == [2, 3]


def test_grdp_growth_real_figures(real):
    g = real["growth"]
    assert len(g) == 10 and list(g["span"][:2]) == ["first half", "year"]
    assert row(g, "first half of 2020")["value"] == pytest.approx(0.47)
    assert (row(g, "2020")["value"], row(g, "2020")["status"]) == (pytest.approx(2.03), "estimate")
    assert row(g, "2021")["value"] == pytest.approx(6.67)
    assert row(g, "2022")["value"] == pytest.approx(7.22)
    assert row(g, "2023")["value"] == pytest.approx(7.0)
    assert row(g, "2023")["source_ids"] == "vbf-20240415-growth-pole-interview"
    assert g.loc[g["year"] == 2019, "origin"].eq("missing").all()


def test_grdp_growth_honours_parameters():
    obs = lso_analysis.load_observations()
    no_est = covid.grdp_growth(Scope(LANG_SON, include_estimates=False), obs)
    assert (no_est["status"] != "estimate").all()
    assert math.isnan(row(no_est, "2022")["value"])
    window = covid.grdp_growth(Scope(LANG_SON, 2021, 2022), obs)
    assert set(window["year"]) == {2021, 2022}


def test_a_ratio_bound_is_not_taken_as_a_value():
    # "hơn 2 lần" says 2020 growth was at most half of 2021's: a bound, not the 2020 figure.
    obs = make_obs([
        {"indicator": "grdp", "measure": "growth_pct", "value": 6.67, "half": 0.005, "period": "2021", "source_id": "s"},
        {"indicator": "grdp", "measure": "ratio", "value": 2, "value_low": 2, "value_high": NAN, "unit": "times",
         "period": "2021", "base": "2020", "source_id": "s", "value_raw": "hơn 2 lần"},
    ])
    g = covid.grdp_growth(DEFAULT, obs)
    assert math.isnan(row(g, "2020")["value"])
    assert row(g, "2021")["value"] == pytest.approx(6.67)


def bench_obs() -> pd.DataFrame:
    return make_obs([
        {"indicator": "grdp", "measure": "growth_pct", "value": 7.86, "half": 0.005, "period": "2004/2018", "source_id": "old"},
        {"indicator": "grdp", "measure": "growth_pct", "value": 7.1, "half": 0.05, "period": "2021/2025", "source_id": "new",
         "status": "estimate"},
        {"indicator": "grdp", "measure": "growth_pct", "value": 7.25, "value_low": 7.0, "value_high": 7.5, "period": "2022",
         "source_id": "plan", "status": "target"},
        {"indicator": "grdp", "measure": "growth_pct", "value": 6.67, "period": "2021", "source_id": "plan"},
    ])


def test_benchmarks_kinds_and_order():
    b = covid.benchmarks(DEFAULT, bench_obs())
    assert list(b["kind"]) == ["pre-2020 average", "target", "average from 2020 on"]
    assert list(b["period"]) == ["2004–2018", "2022", "2021–2025"]
    assert covid.pre_covid(b)["value"] == pytest.approx(7.86)
    no_est = covid.benchmarks(Scope(LANG_SON, include_estimates=False), bench_obs())
    assert list(no_est["kind"]) == ["pre-2020 average", "target"]
    # benchmarks are yardsticks: a window that excludes their years still holds them
    assert len(covid.benchmarks(Scope(LANG_SON, 2021, 2022), bench_obs())) == 3
    assert covid.pre_covid(b[b["kind"] == "target"]) is None


def test_counterfactual_gap_known_answer():
    growth = pd.DataFrame({"year": [2019, 2020, 2021], "value": [NAN, 0.0, 10.0], "value_low": [NAN, 0.0, 10.0],
                           "value_high": [NAN, 0.0, 10.0]})
    bench = pd.Series({"value": 10.0, "value_low": 10.0, "value_high": 10.0, "period": "2010–2018", "source_id": "b"})
    cf = covid.counterfactual_gap(growth, bench)
    assert not cf.error
    assert list(cf.path["actual"].round(6)) == [100.0, 100.0, 110.0]
    assert list(cf.path["counterfactual"].round(6)) == [100.0, 110.0, 121.0]
    assert cf.final["gap_pct"] == pytest.approx(100 * (110 / 121 - 1))
    assert cf.final["cum_gap"] == pytest.approx(-21.0)
    assert cf.final["gap_pct_low"] <= cf.final["gap_pct"] <= cf.final["gap_pct_high"]


def test_counterfactual_gap_says_why_it_cannot():
    bench = pd.Series({"value": 7.0, "value_low": 7.0, "value_high": 7.0, "period": "x", "source_id": "b"})
    holed = pd.DataFrame({"year": [2020, 2021, 2022], "value": [1.0, NAN, 2.0], "value_low": [1.0, NAN, 2.0],
                          "value_high": [1.0, NAN, 2.0]})
    assert "consecutive" in covid.counterfactual_gap(holed, bench).error
    assert "2021" in covid.counterfactual_gap(holed, bench).error
    assert covid.counterfactual_gap(holed, None).error == "no benchmark growth rate"
    empty = holed.assign(value=NAN)
    assert "no full-year" in covid.counterfactual_gap(empty, bench).error


# The printed full-year GRDP growth rates the chain is built from (research notes G2, G13, G16 and the
# corpus review of 2021), and the benchmark rates (G0a; the 2022 target; G22). Each expectation below is
# computed from these printed figures, not copied from the code's output.
PRINTED_GROWTH = {
    2020: (2.03, "vpubndls-20200000-nq01-results-2020"),  # "ước đạt 2,03%"
    2021: (6.67, "baolangson-20220100-tong-ket-nam-2021"),  # "6,67%"
    2022: (7.22, "ctkls-20221228-ktxh-nam-2022"),  # "7,22%"
    2023: (7.0, "vbf-20240415-growth-pole-interview"),  # "GRDP growth of 7.0%"
}
PRE_2020_RATE, TARGET_RATE, LATER_AVERAGE = 7.86, 7.25, 7.1  # "7.86% a year", "7,25%", "estimated at 7.1%"
# wave 2: the 2018 target "từ 8 – 8,5%" (dspl-20190000-lang-son-buc-tranh-ktxh#2), midpoint 8.25; and the same
# 2021–2025 average "tăng bình quân 7,1%" printed again by vtc-20250925-hoang-van-nghiem-bi-thu#1
TARGET_2018 = (8 + 8.5) / 2


def _chained(rates: list[float]) -> list[float]:
    """The index (2019 = 100) chained from yearly growth rates in %."""
    out = [100.0]
    for r in rates:
        out.append(out[-1] * (1 + r / 100))
    return out[1:]


def test_the_chain_uses_the_printed_rates(real):
    yearly = real["growth"][real["growth"]["span"] == "year"].set_index("year")
    for year, (rate, source) in PRINTED_GROWTH.items():
        assert yearly.loc[year, "value"] == pytest.approx(rate) and yearly.loc[year, "source_ids"] == source


def test_counterfactual_real(real):
    cf = real["cf"]
    assert cf.rate == pytest.approx(PRE_2020_RATE) and cf.label == "2004–2018"
    actual = _chained([PRINTED_GROWTH[y][0] for y in sorted(PRINTED_GROWTH)])
    path = _chained([PRE_2020_RATE] * 4)
    last = cf.final
    assert int(last["year"]) == 2023
    assert last["gap_pct"] == pytest.approx(100 * (actual[-1] / path[-1] - 1), abs=1e-6)
    assert last["gap_pct_low"] < last["gap_pct"] < last["gap_pct_high"] < 0
    assert last["cum_gap"] == pytest.approx(sum(a - c for a, c in zip(actual, path)), abs=1e-6)
    assert "not a forecast" in cf.caveat


def test_sensitivity_real(real):
    s = real["sens"]
    assert list(s["kind"]) == ["pre-2020 average", "target", "target", "average from 2020 on", "average from 2020 on"]
    actual = _chained([PRINTED_GROWTH[y][0] for y in sorted(PRINTED_GROWTH)])[-1]
    for i, rate in enumerate([PRE_2020_RATE, TARGET_RATE, TARGET_2018, LATER_AVERAGE, LATER_AVERAGE]):
        assert s.loc[i, "rate"] == pytest.approx(rate)
        assert s.loc[i, "gap_pct"] == pytest.approx(100 * (actual / (100 * (1 + rate / 100) ** 4) - 1), abs=1e-6)
    assert set(s.loc[s["kind"] == "average from 2020 on", "source_id"]) == {
        "nhandanen-20250000-party-tenure-2020-2025", "vtc-20250925-hoang-van-nghiem-bi-thu"}
    assert (s["gap_pct"] < 0).all()


def test_growth_table_real(real):
    sectors, channels = real["sectors"], real["channels"]
    in_2020 = sectors[(sectors["period"] == "2020") & (sectors["indicator"] != "grdp")].sort_values("value")
    assert list(in_2020["indicator"]) == ["grdp_services", "grdp_product_taxes", "grdp_industry_construction",
                                          "grdp_agriculture"]
    h1 = channels[channels["period"] == "first half of 2020"].set_index("indicator")["value"]
    assert h1.to_dict() == {"iip": pytest.approx(2.83), "trade_turnover": pytest.approx(-42.9)}
    # month-on-month changes are not year-on-year growth
    assert not channels["period"].isin(["August 2023", "October 2023"]).any()


def test_trend_break_refuses_and_shows_the_exact_fit(study):
    tb = study.tb
    assert "residual degrees of freedom" in tb.refusal
    assert tb.result is not None and tb.result.df_resid == 0
    table = study.trend_break_table().frame
    assert list(table["Term"]) == ["trend growth per year", "2020 against the trend", "2021 against the trend",
                                   "2022 against the trend"]
    assert set(table["95% interval"]) == {"none: no residual degrees of freedom"}
    # Exactly identified: the trend is the straight line (in logs) from 2019 to 2023, and each COVID term is
    # its year's distance from that line, both from the printed growth rates.
    index = [100.0] + _chained([PRINTED_GROWTH[y][0] for y in sorted(PRINTED_GROWTH)])
    trend = (math.log(index[4]) - math.log(index[0])) / 4
    effects = {f"covid_{2019 + t}": 100 * math.expm1(math.log(index[t]) - math.log(index[0]) - trend * t) for t in (1, 2, 3)}
    fitted = tb.result.table.set_index("term")["effect_pct"]
    assert fitted["trend"] == pytest.approx(100 * math.expm1(trend), abs=1e-6)
    for term, effect in effects.items():
        assert fitted[term] == pytest.approx(effect, abs=1e-6)
    assert table.loc[1, "Effect"] == f"−{abs(effects['covid_2020']):.2f}%"  # shown to two decimals, minus sign
    claim = study.claims()["trend_break"][0]
    assert claim.case == "exact" and claim.values["n"] == 5
    assert [s.start.year for s in claim.values["trend"]] == [2019, 2023]
    assert [s.start.year for s in claim.values["terms"]] == [2020, 2021, 2022]


def test_trend_break_fits_with_enough_points():
    years = range(2010, 2024)
    growth = pd.DataFrame({"year": list(years), "value": [7.0 + 0.1 * (y % 3) - (5 if y == 2020 else 0) for y in years]})
    growth = growth.assign(value_low=growth["value"] - 0.005, value_high=growth["value"] + 0.005)
    tb = covid.trend_break(growth)
    assert not tb.refusal and tb.result.df_resid > 2
    assert tb.result.table["ci_low"].notna().all()  # a real fit has intervals
    assert covid_more.trend_break(Scope(LANG_SON, 2009, 2023), tb).case == "fitted"


def texts(claims) -> list[str]:
    return [c.text() for c in claims]


def test_data_gaps_real(study):
    gaps = texts(study.claims()["gaps"])
    assert "No full-year GRDP growth figure for 2019." in gaps
    assert "No first-half GRDP growth figure for 2019 and 2022." in gaps
    assert any(g.startswith("No quarterly GRDP") for g in gaps)
    assert any(g.startswith("4 of the 7 GRDP growth figures are estimates") for g in gaps)
    assert any(g.startswith("The 2023 figure comes from a press source") for g in gaps)


def test_findings_real(study):
    f = study.findings()
    ids = [c.id for c in f.claims]
    assert ids == ["covid.trough", "covid.recovery", "covid.gap", "covid.sectors", "covid.trough_channels"]
    text = f.lines()
    assert text[0].startswith("**The trough came in the first half of 2020**") and "+0.47%" in text[0] and "+2.03%" in text[0]
    assert "not made up" in text[2] and "7.75% (7.67–7.82) below" in text[2] and "32.6%" in text[2]
    assert text[3].startswith("**In 2020 services had the lowest growth of the sectors**")
    assert "−42.9%" in text[4]


def test_headline_gap_states_the_spread_across_benchmarks(study, real):
    """Issue 11 item 6: next to the rounding interval, the range of the gap over every benchmark the data hold."""
    gap = study.claims()["path"][0]
    assert gap.case == "below" and gap.values["n_bench"] == 5
    # the five benchmarks the data hold: 7.86 (2004–2018), 7.25 (2022 target), 8–8,5 (2018 target, wave 2), 7.1
    # (2021–2025, printed by two pages); chained 2020–2023
    index = 1.0203 * 1.0667 * 1.0722 * 1.07
    gaps = [100 * (index / (1 + r / 100) ** 4 - 1) for r in (7.86, 7.25, TARGET_2018, 7.1, 7.1)]
    assert gap.values["spread_low"].value == pytest.approx(min(gaps), abs=1e-6)
    assert gap.values["spread_high"].value == pytest.approx(max(gaps), abs=1e-6)
    low, high = sorted(gaps)[0], sorted(gaps)[-1]
    assert "7.75% (7.67–7.82) below" in gap.text() and f"runs from −{abs(low):.2f}% to −{abs(high):.1f}%" in gap.text()
    assert "5 benchmarks" in gap.text()


def test_ha_giang_has_its_own_grdp_but_no_average_to_measure_it_against():
    """Wave 2 brought Hà Giang's own GRDP growth: "5,06" for 2021 (Điện Biên's 2021 report, ctkdb-20211225-ktxh-nam-2021,
    prints it beside its own), "7.62%" for 2022 (einpresswire-20230529-ha-giang-tourism), "5-5,5%" estimated for 2023
    (dcsvn-20231207-ha-giang-3-2-trieu-khach) and the first halves of 2019 (5,03) and 2020 (0,43, estimated) from
    investhagiang-20200000-ktxh-6-thang-2020; but no multi-year average, only two year targets."""
    s = covid.Study(Scope(HA_GIANG))
    g = s.growth.set_index("period")
    assert g.loc["2021", "value"] == pytest.approx(5.06) and g.loc["2022", "value"] == pytest.approx(7.62)
    assert (g.loc["2023", "value_low"], g.loc["2023", "value_high"], g.loc["2023", "status"]) == (5.0, 5.5, "estimate")
    assert g.loc["first half of 2020", "value"] == pytest.approx(0.43) and g.loc[["2019", "2020"], "value"].isna().all()
    lang_son = set(lso_analysis.load_observations(include_low=True)["obs_id"])
    assert not set(g["obs_id"]) & lang_son
    assert set(s.bench["kind"]) == {"target"} and s.pre is None  # 7,5% for 2022 and 7% for 2020: targets only
    assert s.cf.error and s.cf.final is None
    # each target as a yardstick: the index chained from the printed 2021–2023 rates (2020 = 100) against the path
    index = 100 * (1 + 5.06 / 100) * (1 + 7.62 / 100) * (1 + 5.25 / 100)
    sens = s.sens.set_index("period")
    for period, rate in (("2022", 7.5), ("2020", 7.0)):
        assert sens.loc[period, "gap_pct"] == pytest.approx(100 * (index / (100 * (1 + rate / 100) ** 3) - 1), abs=1e-6)
    assert set(s.channels["period"]) == {"August 2021"}  # year-on-year only: the month-on-month rows are left out
    claims = s.claims()
    found = {c.id: c for c in s.findings().claims}
    assert found["covid.trough"].case == "first_half_alone" and "+0.43%" in found["covid.trough"].text()
    assert found["covid.recovery"].case == "no_benchmark" and "+5.06% to +7.62%" in found["covid.recovery"].text()
    assert found["covid.gap"].case == "no_benchmark"
    assert claims["path"][0].case == "no_benchmark"
    # a province with GRDP figures but no events still gets its chart, citing its own sources only
    assert lso_analysis.load_events(HA_GIANG).empty
    fig = s.growth_chart()
    assert not isinstance(fig, narrative.Markdown)
    assert "einpresswire-20230529-ha-giang-tourism" in plotting.figure_sources(fig)
    assert not set(plotting.figure_sources(fig)) & set(lso_analysis.load_observations(include_low=True)["source_id"])
    assert isinstance(s.path_chart(), narrative.Markdown)
    assert s.tb.result is None and s.trend_break_table() is None
    assert "Hà Giang" in claims["overview"][0].text() and claims["overview"][0].case == "no_benchmark"
    every = [c for cs in claims.values() for c in cs]
    assert not any("Lạng Sơn" in c.text() for c in every)


def test_figures_name_their_sources(study):
    fig = study.growth_chart()
    assert "vbf-20190927-economy-culture" in plotting.figure_sources(fig)  # the benchmark line
    assert "ctkls-20221228-ktxh-nam-2022" in plotting.figure_sources(fig)
    fig = study.path_chart()
    assert "vbf-20190927-economy-culture" in plotting.figure_sources(fig)
    again = study.path_chart()
    assert plotting.figure_to_png_bytes(fig) == plotting.figure_to_png_bytes(again)


def test_timeline_events_are_chosen_by_kind_not_title():
    events = pd.DataFrame({"date": pd.to_datetime(["2020-02-01", "2020-04-01", "2021-06-08", "2022-03-06"]),
                           "category": ["border", "covid", "digital", "border"],
                           "kind": ["closure", "distancing", "milestone", "backlog"],
                           # titles that would fool a word match: the kind decides
                           "title": ["Markets stay open in name only", "Province-wide measures", "Services closed online",
                                     "921 trucks waiting at the closure"], "source_id": list("abcd")})
    assert list(covid.timeline_events(events)["source_id"]) == ["a", "b"]
    assert covid.timeline_events(None).empty
    assert list(plotting.select_events(events, groups=["border_shut", "covid"])["source_id"]) == ["a", "b"]


def test_sector_table_and_readable(study):
    wide = study.sector_table().frame
    assert list(wide.columns)[:3] == ["Sector", "first half of 2020", "2020"]
    assert list(wide["Sector"])[:2] == ["GRDP (all sectors)", "Agriculture, forestry and fishery"]
    services = wide.set_index("Sector").loc["Services"]
    assert services["2020"] == "+1.17% (est.)" and pd.isna(services["first half of 2020"])
    table = pd.DataFrame({"value": [1.17, 7.2], "value_low": [1.0, 7.15], "value_high": [1.175, 7.25],
                          "origin": ["derived", "reported"]})
    shown = tables.readable(table, {"Growth": ("value", "%", True), "Missing": "nope"})
    assert list(shown["Growth"]) == ["+1.17% (+1–+1.18)", "+7.2%"] and set(shown["Missing"]) == {"—"}


def test_benchmark_tables_are_marked_as_yardsticks(study):
    assert study.sensitivity_table().reference and study.averages_table().reference
    assert not study.path_table().reference  # base year 2019 lies in the default window
    assert covid.Study(Scope(LANG_SON, 2021, 2022)).path_table().reference  # base year 2020 does not


def test_province_name_is_matched_in_any_unicode_form():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Lạng Sơn")
    assert decomposed != "Lạng Sơn"
    s = covid.Study(Scope(decomposed))
    assert len(s.obs) == len(lso_analysis.load_observations()) and s.growth["value"].notna().sum() == 7
