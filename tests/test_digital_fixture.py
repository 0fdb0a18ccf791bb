"""Notebook 30's claims on the invented province Kỳ Lĩnh, whose digital facts contradict Lạng Sơn's."""

from __future__ import annotations

import pytest

import fixture_data as fd
from lso_analysis.studies import digital
from lso_analysis.studies import digital_claims as dc
from lso_analysis.studies.digital_data import from_processed


@pytest.fixture(scope="module")
def processed(kylinh_data):
    return kylinh_data / "processed"


@pytest.fixture(scope="module")
def kl(processed):
    return from_processed(digital.scope(fd.PROVINCE, 2019, 2023), processed)


def test_ranks_fall(kl):
    # printed: DTI 12 (2020), 25 (2021), 31 (2022); PCI 34 (2022) after "giảm 14 bậc"
    dti = dc.rank_trend(kl, "dti_rank")
    assert dti.case == "worsened" and dti.values["places"] == 31 - 12
    assert [r[0].value for r in dti.values["ranks"]] == [12, 25, 31]
    pci = dc.rank_trend(kl, "pci_rank")
    assert pci.case == "worsened" and [r[0].value for r in pci.values["ranks"]] == [34 - 14, 34]
    assert pci.values["ranks"][0][2]  # the 2021 rank is derived from the printed fall of places
    assert dc.rank_jump(kl).case == "no_gain"
    finding = dc.finding_ranks(kl)
    assert finding.case == "worsened" and finding.text().startswith("**Ranks worsened.**")
    pillars = dc.dti_pillars(kl)
    assert (pillars.values["best"], pillars.values["worst"]) == ("dti_rank_government", "dti_rank_economy")


def test_printed_population_lies_below_the_implied_one(kl):
    check = digital.check_accounts(kl)
    assert check.verdict == "printed_below"
    implied = check.implied_population
    # 512.300 accounts as 65% (64.5–65.5) of the population: 512,300 / 0.65 people
    assert implied["value"] == pytest.approx(512300 / 0.65)
    # "512.300": trailing zeros are not significant, so 512,250–512,350 (SPEC §3)
    assert implied["value_low"] == pytest.approx(512250 / 0.655) and 701500 < implied["value_low"]
    claim = dc.accounts_population(kl, check)
    assert claim.case == "printed_below" and "below the smallest population" in claim.text()
    assert claim.values["at_population"].value == pytest.approx(512300 / 701500 * 100, abs=0.01)
    assert dc.finding_uptake(kl, check).case == "share_understated"
    plan = dc.accounts_plan(kl, check)
    assert plan.case == "below_plan" and plan.values["plan"].value == pytest.approx(512300 / 0.92)


def test_no_platform_name_and_no_other_province(kl):
    claim = dc.platform_name(kl)
    assert claim.case == "unnamed" and fd.PROVINCE in claim.text()
    for made in [claim, *dc.findings(kl), dc.border_stages(kl), dc.eligible_services(kl)]:
        assert "Lạng Sơn" not in made.text() and "Xứ Lạng" not in made.text()


def test_services_and_border(kl):
    eligible = dc.eligible_services(kl)
    assert eligible.case == "part" and eligible.values["share"].value == 85  # not all eligible services
    share = dc.full_share(kl)
    assert share.case == "agrees" and share.values["computed"].value == pytest.approx(780 / 1200 * 100, abs=0.2)
    assert dc.finding_services(kl).case == "partial_on_catalogue"
    dossiers = dc.dossier_share(kl)
    assert dossiers.case == "fell" and (dossiers.values["first"].value, dossiers.values["last"].value) == (45.5, 38.2)
    stages = dc.border_stages(kl)
    assert stages.case == "compulsory_only" and "no date of a pilot decision" in stages.text()
    vehicles = dc.vehicle_periods(kl)  # 15.400 for six months of 2022, 41.000 for the year 2023
    assert vehicles.case == "some_full_years"
    assert [f.value for f, _ in vehicles.values["full"]] == [41000] and [f.value for f, _ in vehicles.values["part"]] == [15400]
    assert dc.periods_not_printed(kl).case == "none"
    assert dc.border_share(kl).values["share"].value == 92


def test_targets_missed_and_cut(kl):
    table = digital.targets_vs_reported(kl)
    assert dict(zip(table["indicator"], table["verdict"])) == {"dti_rank": "missed", "online_dossier_share": "missed"}
    revisions = dc.target_revisions(kl)  # 12% for 2025 in the 2021 plan, 10% in the 2023 report
    assert revisions.case == "revised"
    change = revisions.values["changes"][0]
    assert (change[0], change[3][1].value, change[4][1].value) == ("cut", 12, 10)
    assert "was cut from 12% to 10%" in revisions.text()


def test_a_narrow_window_drops_what_lies_outside(processed):
    narrow = from_processed(digital.scope(fd.PROVINCE, 2021, 2022), processed)
    assert dc.accounts_population(narrow, digital.check_accounts(narrow)).id == "digital.missing"  # accounts are 2023
    assert dc.vehicle_periods(narrow).case == "one_part_year"
    assert dc.rank_trend(narrow, "dti_rank").values["places"] == 31 - 25
