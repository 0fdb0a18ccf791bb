"""Digital government: milestones, online services, the border platform, accounts, ranks and targets, as claims."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

import lso_analysis as lso
from lso_analysis.analysis.scope import OutOfWindowError
from lso_analysis.present.claims import Day, Span
from lso_analysis.studies import digital
from lso_analysis.studies import digital_claims as dc
from lso_analysis.studies.digital_data import from_frames
from obs_factory import make_obs

LS, HG = "Lạng Sơn", "Hà Giang"


@pytest.fixture(scope="module")
def ls():
    return digital.load(digital.scope(LS, 2019, 2023))


def data_from(obs: pd.DataFrame, events: pd.DataFrame | None = None, province: str = LS, start: int = 2019,
              end: int = 2023, context: pd.DataFrame | None = None, include_derived: bool = True):
    """A bundle from frames built in a test (reference tables from the repository)."""
    obs = obs.copy()
    if "reliability" not in obs:
        obs["reliability"] = "official"
    if "published" not in obs:
        obs["published"] = "2024-01-01"
    obs["province"] = province
    events = events if events is not None else pd.DataFrame(columns=["event_id", "date", "date_end", "category", "kind",
                                                                     "crossing", "title", "source_id"])
    ids = set(obs["source_id"]) | set(events["source_id"])
    sources = pd.DataFrame({"source_id": sorted(ids), "province": province})
    context = context if context is not None else pd.DataFrame(columns=["province", "topic", "text", "source_id"])
    conflicts = pd.DataFrame(columns=["id", "obs_ids", "preferred", "judgement"])
    return from_frames(digital.scope(province, start, end, include_derived=include_derived), obs, events, conflicts,
                       context, lso.load_event_kinds(), lso.load_indicators(), sources)


def events_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame([{"event_id": f"e{i}", "category": "digital", "source_id": "s", "date_end": pd.NaT,
                           "crossing": "", "kind": "plan"} | r for i, r in enumerate(rows)])
    return frame.assign(date=pd.to_datetime(frame["date"]))


def test_fmt_figure_shows_ranges_of_derived_values_only():
    printed = {"obs_id": "a#1", "value": 131.0, "value_low": 130.5, "value_high": 131.5, "unit": "%"}
    assert digital.fmt_figure(printed) == "131%"
    assert digital.fmt_figure(printed | {"obs_id": "derived:x:a#1", "value_low": 129.0, "value_high": 133.0}) == "131% (129–133)"
    # a derived interval no wider than the digits shown adds nothing
    assert digital.fmt_figure(printed | {"obs_id": "derived:x:a#1"}) == "131%"
    assert digital.fmt_figure(printed | {"value": 800000.0, "value_low": 800000.0, "value_high": math.nan,
                                         "unit": "count"}) == "more than 800,000"
    minutes = {"obs_id": "a#3", "value": 3.5, "value_low": 2.0, "value_high": 5.0, "unit": "minutes", "bound": "range"}
    assert digital.fmt_figure(minutes) == "3.5 minutes (2–5)"


def test_milestones_lanes_come_from_coded_kinds_not_titles():
    ev = events_frame([
        {"date": "2022-02-21", "kind": "compulsory", "crossing": "Gate A", "title": "A plan for the index (words mislead)"},
        {"date": "2020-08-10", "kind": "plan", "title": "DTI border pilot"},
        {"date": "2021-10-19", "kind": "index", "title": "Something published"},
        {"date": "2022-05-12", "kind": "launch", "title": "Decision on a border scheme"},
        {"date": "2018-08-29", "kind": "index", "title": "Old index"},
        {"date": "2021-01-01", "kind": "wave", "category": "covid", "title": "A COVID wave"},
    ])
    data = data_from(make_obs([{"value": 1, "source_id": "s"}]), ev)
    got = digital.milestones(data)
    assert list(got["date"].dt.year) == [2020, 2021, 2022, 2022]  # in date order; 2018 and covid left out
    assert list(digital.timeline_lanes(got, data.kinds)["category"]) == ["policy", "indices", "border", "digital"]
    assert list(digital.border_stages(data)["event_id"]) == ["e0"]  # the only digital event at a crossing
    claim = dc.border_stages(data)
    assert claim.case == "compulsory_only" and claim.values["compulsory"] == Day(pd.Timestamp("2022-02-21"))
    table = digital.event_table(got, data)
    assert list(table["kind"]) == ["plan or resolution", "index published", "use made compulsory", "platform launched"]
    milestones = dc.milestones(data)
    assert milestones.case == "dated" and (milestones.values["n"], milestones.values["plans"]) == (4, 1)


def test_online_services_table_on_real_data(ls):
    table = digital.figures_table(digital.service_figures(ls), ls)
    counted = set(table["what is counted"])
    assert {"Eligible public services offered fully online", "Public services offered online",
            "Share of dossiers received online"} <= counted
    assert not table["period"].str.contains("2024").any()  # the 2024 context rows are outside the window
    row = table[table["figure"] == "1,030"].iloc[0]
    assert row["recorded conflict"] == "online-services-different-bases" and "eligible" in row["transcriber's note"]


def test_full_share_check_reads_codes_not_notes(ls):
    pair = digital.full_share_check(ls.reported)
    assert pair.whole["value"] == 1816 and pair.part["value"] == 1049 and pair.printed["value"] == 57.67
    assert pair.computed[0] < 1049 / 1816 * 100 < pair.computed[1] and not pair.agrees  # the recorded slip
    ok = make_obs([
        {"source_id": "s", "indicator": "online_public_services", "unit": "count", "value": 200, "note": "level 4"},
        {"source_id": "s", "indicator": "online_public_services_full", "unit": "count", "value": 50, "note": "all"},
        {"source_id": "s", "indicator": "online_public_services_share", "measure": "share_pct", "value": 25.0, "half": 0.05},
    ])
    pair = digital.full_share_check(ok)
    assert pair.agrees and pair.value == pytest.approx(25.0, abs=0.2) and pair.whole["value"] == 200
    assert digital.full_share_check(ok.iloc[:1]) is None
    assert digital.full_share_check(ok.iloc[:2]).printed is None  # counts only
    assert dc.full_share(data_from(ok.iloc[:2])).case == "counts_only"
    assert dc.full_share(data_from(ok)).case == "agrees"
    slip = ok.assign(value=[200, 50, 30.0], value_low=[200, 50, 29.95], value_high=[200, 50, 30.05])
    assert dc.full_share(data_from(slip)).case == "slip"


def test_services_claims_on_real_data(ls):
    eligible = dc.eligible_services(ls)
    assert eligible.case == "all" and eligible.values["count"].value == 1030
    assert eligible.values["day"].start == pd.Timestamp("2021-06-08")
    share = dc.full_share(ls)
    assert share.case == "slip" and share.values["computed"].value == pytest.approx(1049 / 1816 * 100, abs=0.01)
    dossiers = dc.dossier_share(ls)
    assert dossiers.case == "rose" and (dossiers.values["first"].value, dossiers.values["last"].value) == (19.26, 68.45)
    narrow = digital.load(digital.scope(LS, 2021, 2022))
    assert dc.dossier_share(narrow).case == "single"  # one dossier share only
    assert dc.finding_services(ls).case == "complete_on_eligible_partial_on_catalogue"


def test_eligible_services_cases():
    count = {"source_id": "s", "indicator": "online_public_services_eligible_full", "unit": "count", "value": 600,
             "period": "2021-06-30"}
    share = {"source_id": "s", "indicator": "online_public_services_eligible_share", "measure": "share_pct",
             "half": 0.5, "period": "2021-06-30"}
    assert dc.eligible_services(data_from(make_obs([count]))).case == "count_only"
    assert dc.eligible_services(data_from(make_obs([count, share | {"value": 100}]))).case == "all"
    assert dc.eligible_services(data_from(make_obs([count, share | {"value": 85}]))).case == "part"
    assert dc.eligible_services(data_from(make_obs([{"value": 1}]))).id == "digital.missing"


def test_border_platform_on_real_data(ls):
    stages = dc.border_stages(ls)
    assert stages.case == "pilot_then_compulsory"
    assert (stages.values["pilot"].day, stages.values["compulsory"].day) == (pd.Timestamp("2021-09-30"),
                                                                          pd.Timestamp("2022-02-21"))
    vehicles = dc.vehicle_periods(ls)
    assert [f.value for f, _ in vehicles.values["counts"]] == [29000, 238195]
    # both counts are coded 1 January – 31 December of one year, so the claim cannot say "neither"
    assert vehicles.case == "all_full_years"
    silent = dc.periods_not_printed(ls)  # the 29,000 headline's year is bracketed: not printed
    assert silent.case == "some" and 29000 in [f.value for _, f, _ in silent.values["figures"]]
    share = dc.border_share(ls)
    assert share.values["share"].value == 100 and share.values["period"].end == pd.Timestamp("2023-12-31")
    rows, elsewhere = digital.judgements(ls)
    assert {"digital-border-platform-effectiveness", "digital-border-vehicle-counts"} == set(rows["id"]) and not elsewhere
    narrow = digital.load(digital.scope(LS, 2021, 2022))
    rows, elsewhere = digital.judgements(narrow)  # both weigh a 2023 figure: named, not shown
    assert rows.empty and set(elsewhere) == {"digital-border-platform-effectiveness", "digital-border-vehicle-counts"}
    assert dc.finding_border(ls).case == "no_time_measured"


@pytest.mark.parametrize(("periods", "case"), [(["2022", "2023"], "all_full_years"), (["2022-H1", "2023-H1"], "no_full_year"),
                                               (["2022-H1", "2023"], "some_full_years"), (["2022"], "one_full_year"),
                                               (["2022-H1"], "one_part_year")])
def test_vehicle_periods_cases(periods, case):
    obs = make_obs([{"source_id": f"s{i}", "indicator": "digital_border_vehicles", "unit": "count", "value": 1000 + i,
                     "period": p} for i, p in enumerate(periods)])
    assert dc.vehicle_periods(data_from(obs)).case == case


def test_citizen_accounts_imply_plan_and_population(ls):
    acc = digital.check_accounts(ls)
    assert acc.accounts["value"] == 624405 and acc.plan_pct["value"] == 131 and acc.share_pct["value"] == 80
    plan, pop = acc.implied_plan, acc.implied_population
    assert plan["value"] == pytest.approx(624405 / 1.31) and plan["value_low"] < 476600 < plan["value_high"]
    assert pop["value"] == pytest.approx(624405 / 0.80) and pop["value_high"] < 800000
    # wave 2: the population nearest in time to the count of 30 June 2023 is the aggregator's 2023 value "807.300"
    # (dansoasia-20240000-dan-so-lang-son#5, a year that holds the day), no longer the "more than 800,000" of 2021;
    # it is above the largest population 79.5% allows (624,405.5 / 0.795 < 785,416)
    assert acc.population["obs_id"] == "dansoasia-20240000-dan-so-lang-son#5"
    assert acc.verdict == "printed_above"
    assert acc.share_at_population == pytest.approx((624404.5 / 807350 * 100, 624405.5 / 807250 * 100))
    claim = dc.accounts_population(ls, acc)
    assert claim.case == "printed_above" and claim.values["low_reliability"]
    assert claim.values["at_population"].high == pytest.approx(624405.5 / 807250 * 100)
    assert claim.values["at_population"].low == pytest.approx(624404.5 / 807350 * 100)
    assert dc.accounts_plan(ls, acc).case == "above_plan"
    table = digital.accounts_table(acc)
    assert list(table["how obtained"]).count("derived") == 2 and "low" in set(table["reliability"])
    off = digital.load(digital.scope(LS, 2019, 2023, include_derived=False))
    assert digital.check_accounts(off).verdict == "not_derived" and dc.accounts_population(off, digital.check_accounts(off)).case == "not_derived"
    assert dc.finding_uptake(ls, acc).case == "share_overstated"


def accounts(population: float | None, plan_pct: float | None = None) -> pd.DataFrame:
    rows = [
        {"source_id": "r", "indicator": "digital_citizen_accounts", "unit": "count", "value": 800, "period": "2023-H1"},
        {"source_id": "r", "indicator": "digital_citizen_accounts", "measure": "share_pct", "value": 80, "half": 0.5,
         "period": "2023-H1", "value_raw": "80% dân số"},
    ]
    if plan_pct is not None:
        rows.append({"source_id": "r", "indicator": "digital_citizen_accounts", "measure": "plan_pct",
                     "value": plan_pct, "half": 0.5, "period": "2023-H1", "comparison_raw": "kế hoạch"})
    if population is not None:
        rows.append({"source_id": "p", "indicator": "population", "unit": "count", "value": population, "half": 0.5,
                     "period": "2022"})
    return make_obs(rows)


@pytest.mark.parametrize(("population", "verdict"), [(1000, "agree"), (1200, "printed_above"), (900, "printed_below"),
                                                     (None, "no_population")])
def test_citizen_accounts_verdicts(population, verdict):
    data = data_from(accounts(population))
    acc = digital.check_accounts(data)
    assert acc.verdict == verdict and dc.accounts_population(data, acc).case == verdict
    # 800 accounts as 80% (79.5–80.5) of the population: 800 / 0.8 = 1000 people
    assert acc.implied_population["value"] == pytest.approx(1000) and acc.implied_plan is None
    if population is not None:
        assert acc.share_at_population[0] < 800 / population * 100 < acc.share_at_population[1]


def test_the_population_compared_is_the_one_nearest_in_time():
    """Notebook 30 compared the accounts with whichever population row came first: the nearest in time is meant."""
    rows = accounts(None).to_dict("records")  # 800 accounts, 80% of the population, January–June 2023
    pops = [("2019", 1500, "a"), ("2023", 1000, "b"), ("2024-04-01", 1100, "c"), ("2022", 950, "d")]
    extra = make_obs([{"source_id": sid, "indicator": "population", "unit": "count", "value": v, "half": 0.5, "period": p}
                      for p, v, sid in pops])
    data = data_from(pd.concat([pd.DataFrame(rows), extra], ignore_index=True), end=2024)
    acc = digital.check_accounts(data)
    assert acc.population["source_id"] == "b" and acc.verdict == "agree"  # 2023 holds 30 June 2023
    no_2023 = pd.concat([pd.DataFrame(rows), extra[extra["source_id"] != "b"]], ignore_index=True)
    acc = digital.check_accounts(data_from(no_2023, end=2024))
    assert acc.population["source_id"] == "d" and acc.verdict == "printed_below"  # 181 days before, not 276 after


@pytest.mark.parametrize(("plan_pct", "case"), [(120, "above_plan"), (92, "below_plan"), (100, "at_plan"), (None, "no_plan")])
def test_accounts_against_plan(plan_pct, case):
    data = data_from(accounts(1000, plan_pct))
    claim = dc.accounts_plan(data, digital.check_accounts(data))
    assert claim.case == case
    if plan_pct is not None:
        assert claim.values["plan"].value == pytest.approx(800 / plan_pct * 100)


def test_citizen_accounts_without_any_figure():
    data = data_from(make_obs([{"value": 1}]))
    acc = digital.check_accounts(data)
    assert acc.verdict == "no_data" and digital.accounts_table(acc).empty
    assert dc.accounts_population(data, acc).id == "digital.missing"


def test_platform_name_comes_from_context_only():
    named = pd.DataFrame([{"province": "Tỉnh X", "topic": "digital_citizen_platform", "text": "The app is “X Số”.",
                           "source_id": "c"}])
    data = data_from(make_obs([{"value": 1}]), province="Tỉnh X", context=named)
    claim = dc.platform_name(data)
    assert claim.case == "named" and "X Số" in claim.text() and claim.source_ids == ("c",)
    other = data_from(make_obs([{"value": 1}]), province="Tỉnh Y", context=named)
    assert dc.platform_name(other).case == "unnamed" and "X Số" not in dc.platform_name(other).text()


def test_rank_series_real(ls):
    ranks = ls.ranks
    dti = ranks[ranks["indicator"] == "dti_rank"].set_index("year")
    assert list(dti["value"].loc[2020:2023]) == [16, 5, 6, 4] and math.isnan(dti.loc[2019, "value"])
    assert dti.loc[2023, "caveat"] == "dti-2023-rank-inferred" and dti.loc[2021, "caveat"] == ""
    pci = ranks[ranks["indicator"] == "pci_rank"].set_index("year")
    assert (pci.loc[2022, "value"], pci.loc[2021, "value"], pci.loc[2021, "origin"]) == (15, 36, "derived")
    assert (pci.loc[2021, "value_low"], pci.loc[2021, "value_high"]) == (35, 37)
    assert "rank" in digital.rank_table(ranks).columns
    off = digital.load(digital.scope(LS, 2019, 2023, include_derived=False))
    assert math.isnan(off.ranks[off.ranks["indicator"] == "pci_rank"].set_index("year").loc[2021, "value"])


def test_rank_claims_real(ls):
    dti = dc.rank_trend(ls, "dti_rank")
    assert dti.case == "improved" and dti.values["places"] == 16 - 4
    assert (dti.values["first_year"], dti.values["last_year"]) == (2020, 2023)
    pci = dc.rank_trend(ls, "pci_rank")
    assert pci.case == "improved" and pci.values["places"] == 21 and pci.values["ranks"][0][2]  # 2021 derived
    jump = dc.rank_jump(ls)
    assert jump.case == "jump" and (jump.values["year"], jump.values["from"].value, jump.values["to"].value) == (2021, 16, 5)
    assert "pilot decided" in [kind for kind, _ in jump.values["events"]]
    pillars = dc.dti_pillars(ls)
    assert (pillars.case, pillars.values["best"], pillars.values["worst"]) == ("spread", "dti_rank_economy", "dti_rank_society")
    assert dc.finding_ranks(ls).case == "improved"
    narrow = digital.load(digital.scope(LS, 2021, 2022))  # DTI 5 → 6 while PCI gained 21 places
    assert dc.rank_trend(narrow, "dti_rank").case == "worsened" and dc.finding_ranks(narrow).case == "mixed"
    assert dc.rank_jump(narrow).case == "no_gain"
    one = digital.load(digital.scope(LS, 2020, 2020))
    assert dc.rank_trend(one, "dti_rank").case == "single" and dc.rank_jump(one).case == "too_thin"


def test_rank_series_fills_only_holes():
    obs = make_obs([
        {"source_id": "p", "indicator": "pci_rank", "measure": "rank", "value": 15, "half": 0.5},
        {"source_id": "p", "indicator": "pci_rank", "measure": "change_abs", "unit": "rank", "value": -21, "half": 0.5},
        {"source_id": "q", "indicator": "pci_rank", "measure": "rank", "value": 30, "period": "2020"},
    ])
    ranks = digital.rank_series(obs, digital.scope(LS, 2019, 2021), indicators=("pci_rank",)).set_index("year")
    assert ranks.loc[2020, "value"] == 30 and ranks.loc[2020, "origin"] == "reported"  # a printed rank wins
    assert ranks.loc[2021, "value"] == 15 and math.isnan(ranks.loc[2019, "value"])
    filled = digital.rank_series(obs[obs["source_id"] == "p"], digital.scope(LS, 2019, 2021), indicators=("pci_rank",))
    assert filled.set_index("year").loc[2020, ["value", "origin", "source_ids"]].tolist() == [36, "derived", "p"]


def test_plot_ranks_puts_the_first_place_on_top(ls):
    fig = digital.plot_ranks(ls.ranks, "DTI and PCI")
    low, high = fig.axes[0].get_ylim()
    assert low > high  # inverted: rank 1 at the top
    assert "dti_rank 2023" in fig.axes[0].get_title()
    assert "sttttls-20220800-dti-2021-rank-5" in fig._lso_sources


def targets_obs() -> pd.DataFrame:
    return make_obs([
        {"source_id": "plan", "indicator": "digital_economy_share", "measure": "share_pct", "value": 10,
         "value_high": math.nan, "period": "2022", "status": "target", "published": "2022-06-06"},
        {"source_id": "plan", "indicator": "digital_economy_share", "measure": "share_pct", "value": 20,
         "period": "2025", "status": "target", "published": "2022-06-06"},
        {"source_id": "plan", "indicator": "fibre_households_share", "measure": "share_pct", "value": 75,
         "period": "2022", "status": "target", "published": "2022-06-06"},
        {"source_id": "plan", "indicator": "dti_rank", "measure": "rank", "value": 10, "value_low": math.nan,
         "period": "2023", "status": "target", "published": "2021-07-21"},
        {"source_id": "plan", "indicator": "ehealth_record_share", "measure": "share_pct", "value": 95,
         "period": "2023", "status": "target", "published": "2021-10-14"},
        {"source_id": "plan", "indicator": "e_invoice_share", "measure": "share_pct", "value": 90,
         "period": "2023", "status": "target", "published": "2021-10-14"},
        {"source_id": "old", "indicator": "digital_economy_share", "measure": "share_pct", "value": 25,
         "period": "2025", "status": "target", "published": "2020-08-10"},
        {"source_id": "late", "indicator": "digital_economy_share", "measure": "share_pct", "value": 27.5,
         "period": "2030", "status": "target", "published": "2024-10-30"},
        {"source_id": "r", "indicator": "digital_economy_share", "measure": "share_pct", "value": 9.5, "period": "2022"},
        {"source_id": "r", "indicator": "dti_rank", "measure": "rank", "value": 4, "period": "2023"},
        {"source_id": "r", "indicator": "ehealth_record_share", "measure": "share_pct", "value": 99, "period": "2021"},
        {"source_id": "r", "indicator": "e_invoice_share", "measure": "share_pct", "value": 50, "period": "2021"},
    ])


def test_targets_verdicts():
    data = data_from(targets_obs())
    table = digital.targets_vs_reported(data)
    verdicts = dict(zip(zip(table["indicator"], table["by"]), table["verdict"]))
    assert verdicts == {("digital_economy_share", 2022): "missed", ("fibre_households_share", 2022): "no figure reported",
                        ("dti_rank", 2023): "met", ("ehealth_record_share", 2023): "reached early",
                        ("e_invoice_share", 2023): "not yet due"}  # 2025 targets are later; the 2024 plan is left out
    assert set(table["target"]) >= {"at least 10%", "at most 10"}
    only = digital.targets_vs_reported(data, codes=["dti_rank"])
    assert list(only["indicator"]) == ["dti_rank"] and only.loc[0, "source_ids"] == "plan;r"
    later = digital.later_targets(data)
    assert sorted(zip(later["by"], later["set in"])) == [(2025, "old"), (2025, "plan")]
    claim = dc.target_verdicts(data, table)
    assert (claim.values["n"], claim.values["met"], claim.values["missed"], claim.values["none"]) == (5, 1, 1, 1)
    unreported = dc.targets_unreported(data, table)
    assert unreported.case == "some" and unreported.values["items"] == [("Households with fibre broadband", 2022)]
    revisions = dc.target_revisions(data)  # 25% (2020 plan) then 20% (2022 plan) for 2025: cut
    assert revisions.case == "revised" and [c[0] for c in revisions.values["changes"]] == ["cut"]
    assert revisions.values["changes"][0][2] == Span(pd.Timestamp(2025, 1, 1), pd.Timestamp(2025, 12, 31), reference=True)
    assert revisions.named_years() == set()  # 2025 is named as a yardstick outside the window, not checked


def test_targets_on_real_data(ls):
    table = digital.targets_vs_reported(ls).set_index(["indicator", "by"])
    row = table.loc[("digital_economy_share", 2022)]
    assert (row["verdict"], row["reported"], row["caveat"]) == ("met", "12.52%", "digital-economy-share-undated")
    revisions = dc.target_revisions(ls)
    raised = [c for c in revisions.values["changes"] if c[1] == "Digital economy share of GRDP"]
    assert [(c[0], c[3][1].value, c[4][1].value) for c in raised] == [("raised", 15, 20)]


def test_a_claim_naming_a_year_outside_its_window_fails(ls):
    narrow = digital.load(digital.scope(LS, 2021, 2022))
    with pytest.raises(OutOfWindowError, match="2023"):
        digital.claim(narrow, "digital.border_share", "reported", {"period": Span(pd.Timestamp("2023-01-01"),
                                                                                pd.Timestamp("2023-12-31"))})


def all_claims(data) -> list:
    check = digital.check_accounts(data)
    table = digital.targets_vs_reported(data)
    return [dc.title(data), dc.milestones(data), dc.eligible_services(data), dc.full_share(data), dc.dossier_share(data),
            dc.border_stages(data), dc.border_share(data), dc.vehicle_periods(data), dc.periods_not_printed(data),
            dc.platform_name(data), dc.accounts_plan(data, check), dc.accounts_population(data, check),
            dc.rank_trend(data, "dti_rank"), dc.rank_trend(data, "pci_rank"), dc.rank_jump(data), dc.dti_pillars(data),
            dc.rank_caveats(data), dc.target_verdicts(data, table), dc.targets_unreported(data, table),
            dc.target_revisions(data), *dc.findings(data)]


_YEAR = re.compile(r"(?<![\d/-])(?:19[5-9]\d|20[0-4]\d)(?![\d/-])")


@pytest.mark.parametrize(("start", "end"), [(2021, 2022), (2020, 2020)])
def test_real_data_claims_name_only_years_in_their_window(start, end):
    data = digital.load(digital.scope(LS, start, end))
    for claim in all_claims(data):
        assert claim.named_years() <= set(range(start, end + 1)), claim.id
        text = re.sub(r'<span class="lso-ref">.*?</span>', " ", claim.text())
        text = re.sub(r"<small>.*?</small>", " ", text)  # source ids carry dates
        outside = {int(y) for y in _YEAR.findall(text)} - set(range(start, end + 1))
        assert not outside, (claim.id, claim.case, text)


def test_hà_giang_has_no_digital_figures():
    data = digital.load(digital.scope(HG, 2019, 2023))
    assert digital.milestones(data).empty and digital.service_figures(data).empty
    cases = {c.id: c.case for c in all_claims(data)}
    assert cases["digital.platform_name"] == "unnamed"
    assert {c.id for c in all_claims(data)[1:]} - {"digital.platform_name", "digital.rank_caveats"} == {"digital.missing"}
    assert all(HG in c.text() for c in all_claims(data) if c.id == "digital.missing")


def test_every_case_has_an_english_wording():
    from lso_analysis.present import wording

    dc.title  # noqa: B018  (the study's wording module loads on first use)
    digital.load  # noqa: B018
    wording.template("digital.title", "window")
    ids = {i for i, _ in wording.cases("en") if i.startswith("digital.")}
    assert {"digital.rank_trend", "digital.accounts_population", "digital.vehicle_periods", "digital.finding_ranks"} <= ids


def test_generic_code_names_no_province():
    from pathlib import Path

    root = Path(digital.__file__).parent.parent
    files = [*root.glob("studies/digital*.py"), root / "present" / "wording" / "digital.py"]
    notebook = root.parent / "notebooks" / "30-digital-transformation.ipynb"
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "Lạng Sơn" not in text and "Xứ Lạng" not in text, path.name
    nb = notebook.read_text(encoding="utf-8")
    assert "Xứ Lạng" not in nb and nb.count("Lạng Sơn") == 1  # the parameter's default only


def test_doctests():
    import doctest

    from lso_analysis.studies import digital_data

    result = doctest.testmod(digital_data)
    assert result.attempted > 0 and result.failed == 0
