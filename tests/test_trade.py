"""Trade through the border gates: declared series, exports and imports, backlogs, revenue, magnitudes, claims."""

from __future__ import annotations

import math
import os
import re

os.environ.setdefault("MPLBACKEND", "Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import lso_analysis  # noqa: E402
from lso_analysis.analysis.scope import OutOfWindowError, Scope  # noqa: E402
from lso_analysis.present import narrative, plotting  # noqa: E402
from lso_analysis.present.claims import Span  # noqa: E402
from lso_analysis.studies import trade, trade_claims as tc, trade_display as td  # noqa: E402
from obs_factory import make_obs, trade_obs  # noqa: E402

LS, HA_GIANG = "Lạng Sơn", "Hà Giang"
NO_EVENTS = pd.DataFrame(columns=["event_id", "date", "date_end", "category", "kind", "crossing", "title", "source_id"])
NO_CONTEXT = pd.DataFrame(columns=["province", "topic", "text", "source_id"])
_YEAR = re.compile(r"(?<![\d/-])(?:19[5-9]\d|20[0-4]\d)(?![\d/-])")


@pytest.fixture(scope="module")
def obs():
    return lso_analysis.load_observations()


@pytest.fixture(scope="module")
def events():
    return lso_analysis.load_events()


@pytest.fixture(scope="module")
def study(obs, events):
    return trade.Trade(Scope(LS), obs, events)


def make(obs, events=None, scope=None, context=None) -> trade.Trade:
    return trade.Trade(scope or Scope(LS), obs, NO_EVENTS if events is None else events,
                       NO_CONTEXT if context is None else context)


def ev(rows: list[tuple]) -> pd.DataFrame:
    """Events from (date, kind, title[, crossing[, date_end]]) tuples, all from source "ev"."""
    out = []
    for i, r in enumerate(rows):
        date, kind, title, crossing, end = (*r, "", None)[:5] if len(r) < 5 else r
        out.append({"event_id": f"e{i}", "date": pd.Timestamp(date), "date_end": pd.Timestamp(end) if end else pd.NaT,
                    "category": "border", "kind": kind, "crossing": crossing, "title": title, "source_id": f"ev{i}"})
    return pd.DataFrame(out)


# --- frames on the real data ---------------------------------------------------------------------------------

def test_turnover_series_real(study):
    turnover = study.turnover.set_index("year")
    # wave 2: the provincial portal prints 2020 ("USD 2,970 million", "down 19.5%";
    # langsongoven-20210400-xnk-dialogue-2021), so 2020 is reported and 2019 derived from it
    y2019 = turnover.loc[2019]
    assert (y2019["origin"], y2019["value"]) == ("derived", pytest.approx(2970 / (1 - 0.195)))
    assert y2019["value_low"] == pytest.approx(2965 / (1 - 0.1945))
    assert y2019["value_high"] == pytest.approx(2975 / (1 - 0.1955))
    assert "«down 19.5%»" in y2019["how"] and "printed for 2020" in y2019["how"]
    assert (turnover.loc[2020, "origin"], turnover.loc[2020, "value"]) == ("reported", 2970)
    assert (turnover.loc[2021, "origin"], turnover.loc[2021, "value"]) == ("estimated", 4270)
    assert turnover.loc[2022, "value"] == pytest.approx(4975 / 1.626)
    assert (turnover.loc[2023, "origin"], turnover.loc[2023, "value"]) == ("reported", 4975)
    assert turnover.loc[2023, "how"] == "printed: «4.975 triệu USD»"


def test_turnover_series_honours_parameters(obs):
    no_derived = trade.turnover_series(Scope(LS, include_derived=False), obs).set_index("year")
    assert list(no_derived["origin"]) == ["missing", "reported", "estimated", "missing", "reported"]
    # 2019's longest part: "ước đạt 3.180 triệu USD" for nine months (vpubndls-20190000-ktxh-9-thang-2019, wave 2)
    assert "3,180 million USD for January–September 2019" in no_derived.loc[2019, "how"]
    assert "January–November 2022" in no_derived.loc[2022, "how"]
    no_est = trade.turnover_series(Scope(LS, include_estimates=False), obs).set_index("year")
    assert no_est.loc[2021, "origin"] == "missing" and (no_est["status"] != "estimate").all()
    assert list(trade.turnover_series(Scope(LS, 2022), obs)["year"]) == [2022, 2023]


def test_nothing_is_derived_from_outside_the_window(obs):
    """2022 is implied by 2023's level and growth: in the window 2021–2022 it is missing, not derived."""
    s = trade.turnover_series(Scope(LS, 2021, 2022), obs).set_index("year")
    assert s.loc[2022, "origin"] == "missing" and "2023" not in s.loc[2022, "how"]
    parts = trade.exports_imports(Scope(LS, 2021, 2022), obs)
    assert (parts["period_start"].dt.year >= 2021).all()  # no January–October 2020 implied from 2021's growth


def test_growth_and_plans_real(study, obs):
    plans = study.plans.set_index("year")
    assert (plans.loc[2021, "growth"], plans.loc[2021, "growth_origin"]) == (52, "printed")
    assert plans.loc[2022, "growth_origin"] == "implied"
    assert plans.loc[2022, "growth"] == pytest.approx(100 * (4975 / 1.626 / 4270 - 1))
    assert plans.loc[2022, "growth_low"] < plans.loc[2022, "growth"] < plans.loc[2022, "growth_high"]
    # 2020's growth is printed (wave 2: "down 19.5%"), so the derived 2019 level never gives it back as "implied"
    assert (plans.loc[2020, "growth"], plans.loc[2020, "growth_origin"]) == (-19.5, "printed")
    assert math.isnan(plans.loc[2019, "growth"])
    assert plans.loc[2019, "plan"] == pytest.approx(3180 / 0.608)  # nine months of 2019 were "60,8%" of the plan
    assert plans.loc[2021, "plan_pct"] == pytest.approx(138.6)
    assert plans.loc[2020, "plan"] == pytest.approx(1320 / 0.24)
    assert plans.loc[2023, "plan"] == pytest.approx(4975 / 1.309)
    scope = Scope(LS, include_derived=False)
    assert trade.growth_and_plans(scope, trade.turnover_series(scope, obs), obs)["plan"].isna().all()


def test_plan_rows_window(obs):
    rows = trade.plan_rows(Scope(LS), obs)
    assert set(rows["indicator"]) == {"trade_turnover", "exports", "imports"}
    assert (rows["measure"] == "plan_pct").all()
    assert set(trade.plan_rows(Scope(LS, 2023), obs)["period_end"].dt.year) == {2023}
    assert trade.plan_rows(Scope(LS, include_estimates=False), obs)["status"].ne("estimate").all()


def test_exports_imports_real(study, obs):
    parts = study.parts.set_index("period")
    assert parts.loc["2023", "export_share"] == pytest.approx(100 * 2750 / 4975)
    assert parts.loc["first half of 2022", "export_share"] == pytest.approx(100 * 262 / 1077.6)
    assert parts.loc["2022", "origin"] == "derived"
    reported = parts[parts["origin"] == "reported"]
    assert (reported["exports"] + reported["imports"]).round(1).tolist() == reported["total"].round(1).tolist()
    printed_only = trade.exports_imports(Scope(LS, include_derived=False), obs)
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
    parts = trade.exports_imports(Scope(LS), obs)
    assert list(parts["period"]) == ["first half of 2022"]  # months are not from 1 January; b and c are apart
    assert parts.loc[0, "export_share"] == pytest.approx(25.0) and math.isnan(parts.loc[0, "total"])


def test_backlog_real(study, obs):
    trucks = study.trucks
    assert trucks["date"].is_unique and trucks["date"].min() == pd.Timestamp("2020-02-05")  # the window decides
    later = trade.backlog(Scope(LS, 2021, 2023), obs)
    first = later.iloc[0]
    assert (first["value"], first["period"], first["value_raw"]) == (4550, "16 December 2021", "4,550 trucks")
    assert first["source_ids"] != "otofun-20211200-trucks-by-gate"  # press before a mirror copy
    assert pd.Timestamp("2020-02-05") not in set(later["date"])  # outside that window
    assert list(trade.backlog(Scope(LS, 2023), obs)["period"]) == ["31 May 2023"]
    late = trucks.set_index("period").loc["17 January 2022"]
    assert late["value_low"] == 1300 and math.isnan(late["value_high"])  # "hơn 1.300 xe"


def test_reopening_is_read_from_event_kinds(events):
    opened = trade.reopening(Scope(LS), events)
    assert opened["date"] == pd.Timestamp("2023-01-08")
    assert opened["source_id"] == "bhqennew-20230300-turnover-grow-71"  # the whole border before one crossing
    assert trade.reopening(Scope(LS, 2021, 2022), events) is None  # no reopening after May 2022's halt inside
    assert trade.reopening(Scope(LS), None) is None
    # a reopening worded without "reopen" counts; a title saying "reopen" with another kind does not
    odd = ev([("2022-03-01", "halt", "Gate shut"), ("2022-04-01", "reopening", "Trucks roll again"),
              ("2022-05-01", "request", "Province asks to reopen the gate")])
    assert trade.reopening(Scope(LS), odd)["title"] == "Trucks roll again"
    with pytest.raises(ValueError, match="unknown kind"):
        trade.border_events(Scope(LS), ev([("2022-03-01", "reopened_maybe", "x")]))


def test_revenue_table_real(study):
    rev = study.revenue
    y2023 = rev[(rev["indicator"] == "budget_revenue") & (rev["period"] == "2023")]
    assert len(y2023) == 1 and y2023.iloc[0]["origin"] == "reported" and y2023.iloc[0]["value"] == pytest.approx(7806.6)
    y2021 = rev[(rev["indicator"] == "budget_revenue") & (rev["period"] == "2021")].iloc[0]
    assert (y2021["value"], y2021["growth"], y2021["plan_pct"]) == (11000, 53, 195)
    assert not rev["period"].str.contains("2019–2023").any()  # the 2019–2023 customs total is not a year
    # wave 2: nine months of 2019, "ước đạt 5.056 tỷ đồng", "đạt 92,8%" of the estimate, "tăng 37%"
    y2019 = rev[rev["period"] == "January–September 2019"].iloc[0]
    assert (y2019["indicator"], y2019["value"], y2019["growth"], y2019["plan_pct"]) == ("budget_revenue", 5056, 37, 92.8)
    h1 = rev[(rev["indicator"] == "customs_revenue") & (rev["period"] == "first half of 2022")].iloc[0]
    assert (h1["value"], h1["growth"]) == (2270, pytest.approx(-47.1))


def test_knock_on_real(study, obs):
    k = study.knock.set_index("period")
    # wave 2 adds nine months of 2019 ("giảm 8,4%" trade, "tăng 37%" budget revenue) and the first quarter of 2021
    # ("up 53.6%" trade, "up128.4%" customs revenue)
    assert list(k.index) == ["January–September 2019", "first quarter of 2021", "2021", "first half of 2022",
                             "1 January – 20 September 2022"]
    assert (k.loc["January–September 2019", "value_trade"], k.loc["January–September 2019", "value_rev"]) == (-8.4, 37)
    assert (k.loc["first quarter of 2021", "value_trade"], k.loc["first quarter of 2021", "value_rev"]) == (53.6, 128.4)
    assert (k.loc["2021", "value_trade"], k.loc["2021", "value_rev"]) == (52, 53)
    assert (k.loc["first half of 2022", "value_trade"], k.loc["first half of 2022", "value_rev"]) == (
        pytest.approx(-49.3), pytest.approx(-47.1))
    assert list(trade.knock_on(Scope(LS, include_estimates=False), obs)["period"]) == [
        "first quarter of 2021", "first half of 2022", "1 January – 20 September 2022"]


def test_magnitudes_real(study):
    m = study.mags
    # 2023 has two declared figures: "4.975 triệu USD" and, from wave 2, "over 5 billion USD" (a lower bound): one
    # row each against the same all-goods figure
    assert sorted(m.loc[m["period"] == "2023", "value_declared"]) == [4975, 5000]
    m = m[m["value_declared"] != 5000].set_index("period")
    assert m.loc["2023", "ratio"] == pytest.approx(51990.563 / 4975)
    assert m.loc["first half of 2022", "ratio"] == pytest.approx(10490 / 1077.6)
    assert (m["ratio"] > 5).all()


def test_magnitude_check_flags_a_misfiled_figure(study):
    obs = make_obs([{"value": 51990.563, "period": "2023", "source_id": "dv"},
                    {"value": 4975, "period": "2023", "source_id": "dv"}])
    check = trade.magnitude_check(Scope(LS), obs).set_index("indicator")
    assert (check.loc["trade_turnover", "figures"], check.loc["trade_turnover", "fit"]) == (2, 1)
    assert (check.loc["trade_turnover", "per_year_low"], check.loc["trade_turnover", "per_year_high"]) == (4975, 51990.563)
    assert check.loc["trade_turnover", "misfit"] == "dv#1"
    assert (study.checks["figures"] == study.checks["fit"]).all() and study.checks["judged"].all()
    claim = tc.magnitude_fit(make(obs))
    assert claim.case == "misfit" and "**1** of the **2**" in claim.text()


# --- claims on the real data ----------------------------------------------------------------------------------

def test_findings_real(study):
    direction, share, revenue, budget = tc.findings(study).claims
    assert direction.case == "fell"
    text = direction.text()
    # wave 2: Customs News printed "down 58.2%" for January–February 2020, now the steepest fall in the data
    assert text.startswith("**Declared trade fell hardest in January–February 2020** (−58.2%")
    assert "first half of 2022 (−49.3%)" in text and "fell to 3,060 million USD in 2022 (−28.3%, implied)" in text
    assert "fell to 2,970 million USD in 2020 (−19.5%)" in text
    assert f"{2970 / (1 - 0.195):,.0f} million USD in 2019 (derived)" in text
    assert "rose to 4,975 million USD in 2023 (+62.6%)" in text
    assert share.case == "dipped_closures" and share.text().startswith("**Exports bore the closures**")
    assert "17% for 1 January – 22 March 2022 (derived)" in share.text() and "55% for 2023" in share.text()
    # wave 2's nine months of 2019 (trade −8.4%, budget +37%) do not move together: 'some periods only'
    assert revenue.case == "mixed" and "customs revenue −47.1%" in revenue.text()
    assert "January–September 2019: turnover −8.4%, state budget revenue +37%" in revenue.text()
    assert budget.case == "below_peak"
    assert "7,807 billion VND in 2023, below the 11,000 billion VND (10,500–11,500) of 2021" in budget.text()


def test_section_claims_real(study):
    assert tc.coverage(study).case == "gaps"
    # wave 2: 2020 is printed, 2019 derived from it
    assert "**2** reported (2020 and 2023)" in tc.coverage(study).text()
    assert "**2** derived (2019 and 2022)" in tc.coverage(study).text()
    plans = tc.plans(study)
    # wave 2 adds 2019's plan (3,180 / 60,8% = 5,230 million USD), below 2020's (1,320 / 24%), so 2020 'raised' it
    assert plans.case == "changed" and [p["change"] for p in plans.values["plans"]] == ["", "raised", "cut", "raised", "cut"]
    assert plans.values["plans"][0]["plan"].value == pytest.approx(3180 / 0.608)
    backlog = tc.backlog(study)
    assert backlog.case == "peak_on_closure" and backlog.values["peak"].value == 4800
    assert "Tân Thanh" in backlog.values["closure"]
    again = tc.backlog_again(study)  # eased in January 2022, built up again when Hữu Nghị shut in March
    assert again.case == "again_after_closure" and (again.values["low"].value, again.values["again"].value) == (1300, 1700)
    assert "Hữu Nghị" in again.values["closure"] and again.values["days"] == 1
    opened = tc.reopening(study)
    assert opened.case == "reopened" and "8 January 2023" in opened.text()
    after = tc.after(study)
    assert after.case == "exports_led" and [n for n, _ in after.values["growth"]] == ["Declared turnover", "Exports",
                                                                                     "Imports"]
    assert tc.magnitudes(study).case == "apart"


@pytest.mark.parametrize("start, end", [(2021, 2022), (2020, 2020)])
def test_no_claim_or_table_names_a_year_outside_the_window(obs, events, start, end):
    t = trade.Trade(Scope(LS, start, end), obs, events)
    claims = [f(t) for f in (tc.coverage, tc.direction, tc.plans, tc.export_share, tc.backlog, tc.reopening, tc.after,
                             tc.revenue, tc.budget, tc.magnitudes, tc.magnitude_fit)]
    for claim in filter(None, claims):
        assert claim.named_years() <= set(range(start, end + 1)), claim.id
        assert {int(y) for y in _YEAR.findall(claim.text())} <= set(range(start, end + 1)), claim.text()
    assert t.reopened is None and tc.after(t) is None and td.after_table(t) is None  # no January 2023, no empty table
    for show in (td.turnover_table, td.yoy_table, td.plans_table, td.parts_table, td.trucks_table, td.revenue_table,
                 td.knock_table, td.mags_table, td.check_table):
        years = {int(y) for y in _YEAR.findall(repr(show(t)).split("\nSources:")[0])}
        assert years <= set(range(start, end + 1)), (show.__name__, years)


def test_a_claim_naming_a_year_outside_its_window_fails(obs):
    t = make(obs, scope=Scope(LS, 2021, 2022))
    with pytest.raises(OutOfWindowError, match="2023"):
        tc._claim(t, "trade.after", "no_data", {"period": Span("2023-01-01", "2023-12-31")})
    with pytest.raises(OutOfWindowError, match="2019"):
        tc._claim(t, "trade.reopening", "not_reopened", {"closure": "Gate shut in 2019", "closure_day": None})


def test_ha_giang_has_no_trade_and_says_so():
    t = trade.Trade(Scope(HA_GIANG))
    assert t.turnover["value"].isna().all() and set(t.turnover["how"]) == {"no figure for the year"}
    assert t.parts.empty and t.trucks.empty and t.knock.empty and t.mags.empty and t.revenue.empty
    assert t.checks.empty and t.attainment.empty
    cases = {f.__name__: f(t).case for f in (tc.coverage, tc.direction, tc.plans, tc.export_share, tc.backlog,
                                             tc.revenue, tc.budget, tc.magnitudes, tc.magnitude_fit)}
    assert set(cases.values()) == {"no_data"}, cases
    assert tc.reopening(t).case == "no_events" and tc.after(t) is None
    assert tc.direction(t).text() == "No declared trade figure for Hà Giang in 2019–2023: the direction of trade cannot be traced here."
    for note in (td.parts_chart(t), td.trucks_chart(t), td.yoy_chart(t), td.turnover_chart(t), td.revenue_table(t)):
        assert isinstance(note, narrative.Markdown) and "Hà Giang" in note.text and LS not in note.text
    # a table beside a chart's note (or a claim saying the same) shows nothing rather than a second note
    assert [td.turnover_table(t), td.parts_table(t), td.knock_table(t), td.mags_table(t), td.check_table(t)] == [None] * 5
    assert LS not in tc.heading(t)._repr_markdown_()


def test_titles_come_from_the_parameters_and_context(study):
    assert td.declared(study) == "declared at Lạng Sơn Customs"  # from data/raw/context.csv
    other = make(make_obs([{"province": "Kỳ Lĩnh", "value": 500}]), scope=Scope("Kỳ Lĩnh"))
    assert td.declared(other) == "declared in Kỳ Lĩnh"
    assert td.parts_chart(other).text.count("Kỳ Lĩnh") == 1  # the no-data note names the province
    heading = tc.heading(study)._repr_markdown_()
    assert heading.startswith("## Trade through the border gates of Lạng Sơn, 2019–2023")


def test_figures_name_their_sources_and_are_stable(study):
    fig = td.parts_chart(study)
    assert set(plotting.figure_sources(fig)) == set(study.parts["source_id"])
    assert plotting.figure_to_png_bytes(fig) == plotting.figure_to_png_bytes(td.parts_chart(study))
    fig = td.trucks_chart(study)
    sources = plotting.figure_sources(fig)
    assert "plo-20211200-6200-trucks-stuck" in sources
    assert "vietnamplus-20230108-huu-nghi-full-reopening" in sources  # a reopening by its kind, whatever its title
    assert "bhqennew-20230300-turnover-grow-71" in sources
    assert "moitruong-20211200-farm-produce-backlog-tag" not in sources  # a backlog event is not a closure or reopening


@pytest.mark.parametrize(("start", "end", "label"), [
    ("2022-01-01", "2022-12-31", "2022"), ("2021-01-01", "2021-10-31", "Jan–Oct\n2021"),
    ("2023-01-01", "2023-03-22", "1 Jan–22 Mar\n2023"),
])
def test_short_tick_labels(start, end, label):
    assert td._tick(pd.Timestamp(start), pd.Timestamp(end), "en") == label


def test_findings_on_synthetic_trade_data():
    t = make(trade_obs())
    assert list(t.turnover["origin"]) == ["missing", "derived", "estimated", "derived", "reported"]
    claims = tc.findings(t).claims
    level_2020, level_2022 = 4270 / 1.52, 4975 / 1.626
    assert claims[0].text() == (
        "**Declared trade fell hardest in the first half of 2020** (−42.9% on a year earlier) and in "
        f"January–November 2022 (−31.6%). Year by year it was {level_2020:,.0f} million USD (2,797–2,822) in 2020 "
        "(derived), rose to 4,270 million USD in 2021 (+52%), "
        f"fell to {level_2022:,.0f} million USD in 2022 ({100 * (level_2022 / 4270 - 1):.1f}%, implied) ".replace("-", "−")
        + "and rose to 4,975 million USD in 2023 (+62.6%).")
    assert [c.case for c in claims[1:]] == ["no_data", "no_data", "no_data"]


# --- the cases a province unlike Lạng Sơn takes (synthetic frames) --------------------------------------------

def test_direction_rose_and_levels_only():
    rising = make(make_obs([{"value": 500, "period": "2021"}, {"measure": "growth_pct", "value": 8.0, "period": "2021"},
                            {"value": 560, "period": "2022", "source_id": "b"},
                            {"measure": "growth_pct", "value": 12.0, "period": "2022", "source_id": "b"}]))
    claim = tc.direction(rising)
    assert claim.case == "rose" and claim.values["low"].value == 8.0 and claim.values["high"].value == 12.0
    assert "rose to 560 million USD in 2022 (+12%)" in claim.text()
    flat = tc.direction(make(make_obs([{"value": 500, "period": "2021"}, {"value": 420, "period": "2023", "source_id": "b"}])))
    assert flat.case == "levels_only" and "500 million USD in 2021" in flat.text()


@pytest.mark.parametrize("shares, case", [
    ([(40, 60), (30, 70), (45, 55)], "dipped"),
    ([(40, 60), (35, 65), (30, 70)], "fell"),
    ([(40, 60), (45, 55), (50, 50)], "rose"),
    ([(40, 60), (55, 45), (50, 50)], "held"),
    ([(40, 60)], "too_thin"),
])
def test_export_share_cases(shares, case):
    rows = []
    for i, (ex, im) in enumerate(shares):
        period = ["2021", "2022-H1", "2022"][i]
        rows += [{"indicator": "exports", "value": ex, "period": period, "source_id": f"s{i}"},
                 {"indicator": "imports", "value": im, "period": period, "source_id": f"s{i}"}]
    claim = tc.export_share(make(make_obs(rows)))
    assert claim.case == case
    if case != "too_thin":
        assert claim.values["first"][0].value == pytest.approx(shares[0][0])
        assert claim.values["last"][0].value == pytest.approx(shares[-1][0])
    shut = ev([("2022-03-01", "halt", "Gate shut")])
    if case in ("dipped", "fell"):
        assert tc.export_share(make(make_obs(rows), shut)).case == case + "_closures"


@pytest.mark.parametrize("trade_growth, revenue_growth, case", [
    ((10, -5), (8, -3), "together"), ((10, 5), (-2, -1), "apart"), ((10, -5), (3, 4), "mixed"),
])
def test_revenue_cases(trade_growth, revenue_growth, case):
    rows = []
    for period, g, r in zip(("2021", "2022"), trade_growth, revenue_growth):
        rows += [{"measure": "growth_pct", "value": g, "period": period, "source_id": f"t{period}"},
                 {"indicator": "budget_revenue", "measure": "growth_pct", "value": r, "period": period,
                  "source_id": f"r{period}"}]
    claim = tc.revenue(make(make_obs(rows)))
    assert claim.case == case and len(claim.values["pairs"]) == 2


def test_budget_cases():
    rev = lambda values: make(make_obs([{"indicator": "budget_revenue", "unit": "VND billion", "value": v, "period": str(y),  # noqa: E731
                                         "source_id": f"b{y}"} for y, v in values]))
    assert tc.budget(rev([(2021, 5000), (2022, 4000)])).case == "below_peak"
    assert tc.budget(rev([(2021, 4000), (2022, 5000)])).case == "at_peak"
    assert tc.budget(rev([(2022, 5000)])).case == "one_year"


def test_backlog_and_reopening_cases():
    counts = make_obs([{"indicator": "trucks_waiting", "unit": "count", "value": v, "period": d, "source_id": f"c{i}"}
                       for i, (d, v) in enumerate([("2022-03-01", 200), ("2022-03-20", 900), ("2022-04-10", 100)])])
    assert tc.backlog(make(counts)).case == "peak"
    assert tc.backlog_again(make(counts)) is None  # the counts only eased after the longest queue
    rebuilt = make_obs([{"indicator": "trucks_waiting", "unit": "count", "value": v, "period": d, "source_id": f"c{i}"}
                        for i, (d, v) in enumerate([("2022-03-20", 900), ("2022-04-10", 100), ("2022-05-10", 400)])])
    claim = tc.backlog_again(make(rebuilt, ev([("2022-05-01", "goods_ban", "Fruit held back"),
                                                 ("2022-04-20", "halt", "Gate shut")])))
    assert claim.case == "again_after_closure" and claim.values["closure"] == "Gate shut"  # a crossing shut first
    assert claim.values["days"] == 20 and tc.backlog_again(make(rebuilt)).case == "again"
    shut = ev([("2022-03-05", "halt", "Gate shut")])
    claim = tc.backlog(make(counts, shut))
    assert claim.case == "peak_after_closure" and claim.values["days"] == 15
    assert tc.reopening(make(counts, shut)).case == "not_reopened"
    assert tc.reopening(make(counts)).case == "no_events"
    assert tc.reopening(make(counts, ev([("2022-05-01", "reopening", "Border open")]))).case == "reopened_no_closure"
    resumed = ev([("2022-03-05", "halt", "Gate shut"), ("2022-03-25", "resumption", "Clearance restarts", "Gate A")])
    assert tc.reopening(make(counts, resumed)).case == "resumed"


# --- Kỳ Lĩnh: the invented province whose trade is small and rose in 2022, with no reopening --------------------

@pytest.fixture(scope="module")
def kylinh(kylinh_data):
    import fixture_data as fd

    sources, events = fd.table(kylinh_data, "sources"), fd.table(kylinh_data, "events")
    ids = set(sources.loc[sources["province"] == fd.PROVINCE, "source_id"])
    return trade.Trade(Scope(fd.PROVINCE), fd.table(kylinh_data, "observations"),
                       events[events["source_id"].isin(ids)].reset_index(drop=True), NO_CONTEXT)


def test_kylinh_trade_rose(kylinh):
    claim = tc.direction(kylinh)
    assert claim.case == "rose"
    assert (claim.values["low"].value, claim.values["high"].value) == (6.5, 18.2)
    text = claim.text()
    assert f"was {687.3 / 1.065:,.0f} million USD in 2020 (derived)" in text
    assert "rose to 687 million USD in 2021 (+6.5%)" in text and "rose to 812 million USD in 2022 (+18.2%)" in text
    assert "fell" not in text and "Lạng Sơn" not in text


def test_kylinh_exports_share_rose_and_revenue_did_not_follow(kylinh):
    share = tc.export_share(kylinh)
    assert share.case == "rose"
    assert share.values["first"][0].value == pytest.approx(100 * 301.0 / (301.0 + 386.3))
    assert share.values["last"][0].value == pytest.approx(100 * 402.5 / (402.5 + 409.9))
    assert "was 44% for 2021 and rose to 50% for 2022" in share.text()
    revenue = tc.revenue(kylinh)
    assert revenue.case == "apart" and "turnover +18.2%, state budget revenue −4.3%" in revenue.text()
    budget = tc.budget(kylinh)
    assert budget.case == "below_peak" and "3,943 billion VND in 2022, below the 4,120 billion VND of 2021" in budget.text()


def test_kylinh_records_no_reopening(kylinh):
    claim = tc.reopening(kylinh)
    assert claim.case == "not_reopened" and "10 March 2022" in claim.text()
    assert kylinh.reopened is None and tc.after(kylinh) is None and td.after_table(kylinh) is None
    assert tc.backlog(kylinh).case == "one_count" and tc.backlog(kylinh).values["peak"].value == 140
    plans = tc.plans(kylinh)
    assert [p["change"] for p in plans.values["plans"]] == ["", "raised"]
    assert plans.values["plans"][1]["plan"].value == pytest.approx(812.4 / 1.042)


def test_kylinh_small_trade_is_not_flagged_as_misfiled(kylinh):
    from lso_analysis.analysis import consistency

    bands = consistency.load_magnitude_bands()
    lang_son = consistency.magnitude_bands(LS, None, bands)
    wrong = consistency.check_trade_magnitudes(kylinh.obs, bands=lang_son)
    declared = wrong[wrong["indicator"] == "trade_turnover"]
    assert len(declared) == 3 and not declared["overlap"].any()  # Lạng Sơn's band would flag every figure
    own = consistency.check_trade_magnitudes(kylinh.obs)
    assert own["overlap"].all()  # its own (derived) bands flag none
    fit = tc.magnitude_fit(kylinh)
    assert fit.case == "all_fit" and (fit.values["n"], fit.values["unjudged"]) == (9, 1)
    assert tc.magnitudes(kylinh).case == "one_apart"
    assert tc.magnitudes(kylinh).values["ratio"].value == pytest.approx(1950 / 812.4)


def test_remaining_cases_have_their_own_wording():
    complete = make(make_obs([{"value": 500, "period": str(y), "source_id": f"s{y}"} for y in range(2019, 2024)]))
    assert tc.coverage(complete).case == "complete" and "**5** reported" in tc.coverage(complete).text()
    one_plan = make(make_obs([{"value": 500, "period": "2021"}, {"measure": "plan_pct", "value": 125, "period": "2021"}]))
    claim = tc.plans(one_plan)
    assert claim.case == "one" and claim.values["plan"].value == pytest.approx(400)
    close = make(make_obs([{"value": v, "period": p, "indicator": i, "source_id": p} for p, v, i in [
        ("2021", 500, "trade_turnover"), ("2021", 600, "trade_turnover_all_goods"),
        ("2022", 500, "trade_turnover"), ("2022", 700, "trade_turnover_all_goods")]]))
    assert tc.magnitudes(close).case == "close" and "1.2 to 1.4 times" in tc.magnitudes(close).text()
    unjudged = make(make_obs([{"province": "X", "value": 500}]), scope=Scope("X"))
    assert tc.magnitude_fit(unjudged).case == "unjudged"


@pytest.mark.parametrize("rows, case", [
    ([("trade_turnover", 20), ("exports", 10), ("imports", 30)], "imports_led"),
    ([("trade_turnover", 20)], "turnover_only"),
    ([], "no_data"),
])
def test_after_reopening_cases(rows, case):
    obs = make_obs([{"indicator": i, "measure": "growth_pct", "value": v, "period": "2023"} for i, v in rows]
                   or [{"value": 500, "period": "2023"}])
    opened = ev([("2022-05-01", "halt", "Gate shut"), ("2023-01-08", "reopening", "Border open")])
    claim = tc.after(make(obs, opened))
    assert claim.case == case
    if rows:
        assert [g.value for _, g in claim.values["growth"]] == [v for _, v in rows]


def test_context_is_shown_for_its_province_and_never_names_a_year_outside_the_window():
    context = pd.DataFrame([{"province": "X", "topic": "border_gates", "text": "Two road gates.", "source_id": "a"},
                            {"province": "X", "topic": "trade_goods", "text": "Timber since 2019.", "source_id": "b"},
                            {"province": "X", "topic": "economy", "text": "Not a trade topic.", "source_id": "c"}])
    shown = tc.heading(make(make_obs([{"province": "X", "value": 5}]), scope=Scope("X", 2021, 2022), context=context))
    text = shown._repr_markdown_()
    assert "Two road gates." in text and "Timber" not in text and "Not a trade topic" not in text
