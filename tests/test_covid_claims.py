"""Notebook 10's claims take the case their data imply: the Kỳ Lĩnh fixture, hand-made frames and other windows."""

from __future__ import annotations

import math
import os
import re

os.environ.setdefault("MPLBACKEND", "Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import fixture_data as fd  # noqa: E402
from lso_analysis.analysis.scope import Scope  # noqa: E402
from lso_analysis.present import wording  # noqa: E402
import lso_analysis.present.wording.covid  # noqa: E402,F401  (loads the English table)
from lso_analysis.studies import covid, covid_calc, covid_claims, covid_more  # noqa: E402

LANG_SON = "Lạng Sơn"


@pytest.fixture(scope="module")
def kylinh(kylinh_data):
    """Notebook 10 on the invented province, from its built tables (not the repository's data)."""
    return fd.covid_study(kylinh_data, Scope(fd.PROVINCE))


def by_id(claims, claim_id):
    hits = [c for c in claims if c.id == claim_id]
    assert len(hits) == 1, [c.id for c in claims]
    return hits[0]


# --- Kỳ Lĩnh: the full year 2020 is the trough (its first half grew), services grew most, agriculture least -----

def test_fixture_trough_is_the_full_year(kylinh):
    trough = kylinh.claims()["timeline"][0]
    assert trough.case == "full_year"
    assert trough.values["growth"].value == pytest.approx(-1.85)  # "giảm 1,85%"
    assert trough.values["other"].value == pytest.approx(0.62)  # "tăng 0,62%" in the first half
    text = trough.text()
    assert text.startswith("**The trough came in 2020 as a whole**") and "shrank 1.85%" in text and "+0.62%" in text


def test_fixture_second_half_was_weaker(kylinh):
    claim = kylinh.claims()["timeline"][1]
    assert claim.case == "slower" and "weaker" in claim.text()


def test_fixture_first_case_falls_within_the_trough(kylinh):
    claim = kylinh.claims()["timeline"][2]
    assert claim.case == "case_in_trough"
    assert claim.values["first"].day == pd.Timestamp("2020-03-10")
    assert [m[0] for m in claim.values["measures"]] == ["social distancing"]


def test_fixture_sectors_services_most_agriculture_least(kylinh):
    sectors = kylinh.claims()["sectors"]
    order = sectors[0]
    assert order.case == "ordered"
    assert (order.values["least_name"], order.values["least"].value) == ("agriculture, forestry and fishery", -3.10)
    assert (order.values["most_name"], order.values["most"].value) == ("services", 1.95)
    assert "services the highest, +1.95%" in order.text()
    later = sectors[1]  # 2023 against 2020: services 1.50 < 1.95, agriculture 3.50 > −3.10, industry 8.20 > −2.40
    assert later.case == "mixed" and later.values["slower"] == ["services"]
    assert set(later.values["faster"]) == {"agriculture, forestry and fishery", "industry and construction"}


def test_fixture_gap_and_its_spread(kylinh):
    gap = kylinh.claims()["path"][0]
    index = (1 - 0.0185) * 1.042 * 1.054 * 1.061  # 2020–2023 as printed, base 2019
    expected = {r: 100 * (index / (1 + r / 100) ** 4 - 1) for r in (6.80, 6.5, 6.30)}  # average, 2021 target, 2021–2025
    assert gap.case == "below" and gap.values["n_bench"] == 3
    assert gap.values["gap"].value == pytest.approx(expected[6.80], abs=1e-6)
    assert gap.values["spread_low"].value == pytest.approx(min(expected.values()), abs=1e-6)
    assert gap.values["spread_high"].value == pytest.approx(max(expected.values()), abs=1e-6)
    assert f"{abs(expected[6.80]):.2f}%" in gap.text() and "the 3 benchmarks" in gap.text()


def test_later_shocks_are_counted_by_kind():
    g = growth([(2020, "year", 0.0), (2021, "year", 5.0), (2022, "year", 6.0)])
    events = pd.DataFrame({"date": pd.to_datetime(["2020-03-01", "2021-05-06", "2021-08-17", "2022-01-17", "2022-05-01"]),
                           "date_end": pd.NaT, "kind": ["wave", "wave", "closure", "halt", "backlog"],
                           "source_id": list("abcde")})
    claim = covid_claims.later_shocks(SCOPE, g, events)
    assert claim.case == "some" and (claim.values["waves"], claim.values["shut"]) == (1, 2)
    assert claim.values["first"].day == pd.Timestamp("2021-05-06") and claim.values["last"].day == pd.Timestamp("2022-01-17")
    assert covid_claims.later_shocks(SCOPE, g, events.iloc[:1]).case == "none"
    assert covid_claims.later_shocks(Scope("X", 2020, 2020), g.iloc[:1], events).case == "window_ends"


def test_fixture_recovery_and_channels(kylinh):
    rec = kylinh.claims()["timeline"][3]
    assert rec.case == "below"  # 4.2, 5.4 and 6.1 all under the 6.80 average
    assert (rec.values["low"].value, rec.values["high"].value) == (4.2, 6.1)
    channels = kylinh.claims()["channels"]
    trough = {c.values["name"]: c for c in channels if c.id == "covid.channel_trough"}
    assert trough["the industrial production index"].case == "fell"  # "giảm 4,20%"
    assert trough["retail sales"].case == "grew"  # no average for retail in the fixture
    assert trough["declared trade turnover"].case == "no_figure"
    assert by_id(channels, "covid.channel_yardstick").case == "pre_pandemic"  # 2016–2019 ends before 2020
    assert by_id(channels, "covid.reopening").case == "no_reopening"


def test_fixture_reports_name_no_other_province(kylinh):
    every = [c for cs in kylinh.claims().values() for c in cs]
    text = " ".join(c.text() for c in every) + " ".join(str(kylinh.label(k)) for k in ("growth_caption", "timeline_title"))
    assert "Lạng Sơn" not in text and "Kỳ Lĩnh" in text


# --- every case, on frames made by hand ------------------------------------------------------------------------

def growth(rows) -> pd.DataFrame:
    """GRDP growth rows: (year, span, value[, status])."""
    out = []
    for r in rows:
        year, span, value, status = (*r, "actual")[:4]
        end = pd.Timestamp(year, 6, 30) if span == "first half" else pd.Timestamp(year, 12, 31)
        if span == "quarter":
            end = pd.Timestamp(year, 3, 31)
        out.append({"year": year, "span": span, "period_start": pd.Timestamp(year, 1, 1), "period_end": end,
                    "value": value, "value_low": value - 0.005, "value_high": value + 0.005, "unit": "%",
                    "status": status, "source_ids": "s", "origin": "reported"})
    return pd.DataFrame(out)


BENCH = pd.Series({"kind": "pre-2020 average", "value": 7.0, "value_low": 6.995, "value_high": 7.005,
                   "period": "2010–2018", "period_start": pd.Timestamp(2010, 1, 1),
                   "period_end": pd.Timestamp(2018, 12, 31), "source_id": "b"})
SCOPE = Scope("X", 2019, 2023)


@pytest.mark.parametrize("rows, case", [
    ([(2020, "first half", 0.5), (2020, "year", 2.0), (2021, "year", 6.0)], "first_half"),
    ([(2020, "first half", 0.5), (2021, "year", 6.0)], "first_half_alone"),
    ([(2020, "first half", 1.0), (2020, "year", -1.0), (2021, "year", 6.0)], "full_year"),
    ([(2020, "year", -1.0), (2021, "year", 6.0)], "full_year_alone"),
    ([(2020, "quarter", -3.0), (2020, "year", 2.0)], "other_period"),
    ([(2020, "year", 6.0), (2021, "year", 5.0)], "lowest_at_edge"),  # the last figure is the lowest
    ([(2020, "year", 2.0)], "too_thin"),
    ([], "no_data"),
])
def test_trough_cases(rows, case):
    g = growth(rows) if rows else growth([(2020, "year", 0.0)]).iloc[0:0]
    assert covid_claims.trough(SCOPE, g, BENCH).case == case


def test_trough_needs_the_window_to_reach_the_pandemic_for_the_benchmark_to_count():
    g = growth([(2021, "year", 5.0), (2022, "year", 6.0)])
    assert covid_claims.trough(Scope("X", 2021, 2022), g, BENCH).case == "lowest_at_edge"
    assert covid_claims.trough(Scope("X", 2019, 2022), g, BENCH).case == "full_year_alone"


@pytest.mark.parametrize("half, year, case", [(0.5, 2.0, "faster"), (2.0, 0.5, "slower"), (1.0, 1.0, "same")])
def test_second_half_cases(half, year, case):
    g = growth([(2020, "first half", half), (2020, "year", year), (2021, "year", 9.0)])
    assert covid_claims.second_half(SCOPE, g).case == case


def cf_for(g, bench=BENCH):
    return covid_calc.counterfactual_gap(g, bench)


@pytest.mark.parametrize("later, case", [((5.0, 6.0), "below"), ((7.5, 8.0), "above"), ((5.0, 8.0), "mixed")])
def test_recovery_cases(later, case):
    g = growth([(2020, "year", 0.0), (2021, "year", later[0]), (2022, "year", later[1])])
    assert covid_claims.recovery(SCOPE, g, cf_for(g)).case == case
    assert covid_claims.recovery(SCOPE, g, cf_for(g, None)).case == "no_benchmark"
    assert covid_claims.recovery(SCOPE, g.iloc[:1], cf_for(g.iloc[:1])).case == "no_later_year"


@pytest.mark.parametrize("values, case", [((0.0, 5.0), "below"), ((14.0, 14.0), "above"), ((7.0, 7.0), "on_path")])
def test_gap_cases(values, case):
    g = growth([(2020, "year", values[0]), (2021, "year", values[1])])
    cf = cf_for(g)
    claim = covid_claims.gap(SCOPE, g, cf, covid_calc.sensitivity(g, BENCH.to_frame().T))
    assert claim.case == case and claim.values["n_bench"] == 1
    assert "no other benchmark" in claim.text()


def test_gap_says_what_is_missing():
    holed = growth([(2020, "year", 1.0), (2022, "year", 2.0)])
    missing = holed.assign(year=[2020, 2022])
    full = pd.concat([missing, growth([(2021, "year", 0.0)]).assign(value=math.nan)]).sort_values("year")
    claim = covid_claims.gap(SCOPE, full, cf_for(full), pd.DataFrame(columns=["gap_pct", "source_id"]))
    assert claim.case == "broken_chain" and claim.values["missing"] == [2021] and "2021" in claim.text()
    assert covid_claims.gap(SCOPE, full, cf_for(full, None), pd.DataFrame(columns=["source_id"])).case == "no_benchmark"


def sector_table(values: dict, year=2020) -> pd.DataFrame:
    return pd.DataFrame([{"indicator": k, "period_start": pd.Timestamp(year, 1, 1),
                          "period_end": pd.Timestamp(year, 12, 31), "value": v, "value_low": v - 0.005,
                          "value_high": v + 0.005, "unit": "%", "status": "actual", "source_ids": "s"}
                         for k, v in values.items()])


@pytest.mark.parametrize("values, case, least, most", [
    ({"grdp_services": 1.0, "grdp_agriculture": 3.0, "grdp_industry_construction": 2.0}, "ordered", "services",
     "agriculture, forestry and fishery"),
    ({"grdp_services": 3.0, "grdp_agriculture": 1.0, "grdp_industry_construction": 2.0}, "ordered",
     "agriculture, forestry and fishery", "services"),
    ({"grdp_services": 2.0, "grdp_agriculture": 3.0, "grdp_industry_construction": 1.0}, "ordered",
     "industry and construction", "agriculture, forestry and fishery"),
    ({"grdp_services": 2.0, "grdp_agriculture": 2.0}, "tied", None, None),
    ({"grdp_services": 2.0}, "one_sector", "services", "services"),
])
def test_sector_orderings(values, case, least, most):
    g = growth([(2020, "year", 0.0), (2021, "year", 5.0)])
    claim = covid_claims.sectors(SCOPE, g, sector_table(values))
    assert claim.case == case
    if least:
        assert (claim.values["least_name"], claim.values["most_name"]) == (least, most)
        if case == "ordered":
            assert claim.text().startswith(f"**In 2020 {least} had the lowest growth")


def test_sectors_without_a_breakdown_for_the_trough_year():
    g = growth([(2020, "year", 0.0), (2021, "year", 5.0)])
    assert covid_claims.sectors(SCOPE, g, sector_table({"grdp_services": 1.0}, 2021)).case == "no_breakdown"


@pytest.mark.parametrize("later, case", [({"grdp_services": 5.0, "grdp_agriculture": 5.0}, "all_faster"),
                                         ({"grdp_services": 0.0, "grdp_agriculture": 0.0}, "all_slower"),
                                         ({"grdp_services": 0.0, "grdp_agriculture": 5.0}, "mixed")])
def test_sectors_later_cases(later, case):
    g = growth([(2020, "year", 0.0), (2021, "year", 5.0)])
    table = pd.concat([sector_table({"grdp_services": 1.0, "grdp_agriculture": 2.0}), sector_table(later, 2021)])
    assert covid_claims.sectors_later(SCOPE, g, table).case == case


@pytest.mark.parametrize("value, avg, case", [(-2.0, 5.0, "fell"), (2.0, 5.0, "slowed"), (6.0, 5.0, "held"),
                                              (2.0, None, "grew")])
def test_channel_in_trough_cases(value, avg, case):
    g = growth([(2020, "year", 0.0), (2021, "year", 5.0)])
    channels = sector_table({"iip": value}).assign(period="2020")
    averages = pd.DataFrame([{"indicator": "iip", "kind": "pre-2020 average", "value": avg, "value_low": avg - 0.05,
                              "value_high": avg + 0.05, "period_start": pd.Timestamp(2016, 1, 1),
                              "period_end": pd.Timestamp(2019, 12, 31), "source_id": "a"}] if avg else [],
                            columns=["indicator", "kind", "value", "value_low", "value_high", "period_start",
                                     "period_end", "source_id"])
    assert covid_more.channel_in_trough(SCOPE, g, channels, averages, "iip").case == case
    assert covid_more.channel_in_trough(SCOPE, g, channels, averages, "retail_sales").case == "no_figure"


def test_every_case_has_an_english_wording():
    """Every (claim id, case) the study modules can return has a wording (literal cases read from the code)."""
    import inspect

    source = "".join(inspect.getsource(m) for m in (covid, covid_claims, covid_more))
    used = set(re.findall(r'Claim\("(covid\.[a-z_]+)", "([a-z_]+)"', source))
    used |= {("covid.trough", c) for c in ("first_half", "first_half_alone", "full_year", "full_year_alone",
                                           "other_period")}
    used |= {("covid.second_half", c) for c in ("faster", "slower", "same")}
    used |= {("covid.gap", c) for c in ("below", "above", "on_path", "no_benchmark", "broken_chain", "no_full_year",
                                        "too_thin")}
    used |= {("covid.missing_grdp", c) for c in ("year", "first_half")}
    assert len(used) > 40
    assert sorted(used - wording.cases("en")) == []


# --- other windows on the real data: no claim names a year outside ----------------------------------------------

_YEAR = re.compile(r"(?<![\d/-])(?:19[5-9]\d|20[0-4]\d)(?![\d/-])")


@pytest.mark.parametrize("start, end", [(2021, 2022), (2020, 2020)])
def test_claims_name_only_years_in_the_window(start, end):
    study = covid.Study(Scope(LANG_SON, start, end))
    every = [c for cs in study.claims().values() for c in cs] + list(study.findings().claims)
    for claim in every:
        assert all(start <= y <= end for y in claim.named_years()), claim
        shown = re.sub(r'<span class="lso-ref">.*?</span>', " ", claim.text())
        assert all(start <= int(y) <= end for y in _YEAR.findall(shown)), (claim.id, shown)
    assert study.claims()["timeline"][0].case == ("lowest_at_edge" if start == 2021 else "first_half")
