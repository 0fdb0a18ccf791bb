"""Notebook 40's study: claims about a province against Vietnam and its group take every case (studies/provinces.py)."""

import pandas as pd
import pytest

from lso_analysis.analysis.scope import Scope
from lso_analysis.studies import provinces as pv
from test_peers import obs_row

GEO = pd.DataFrame([
    {"name": "Việt Nam", "level": "nation", "region": "", "groups": ""},
    {"name": "A", "level": "province", "region": "R1", "groups": "border"},
    {"name": "B", "level": "province", "region": "R1", "groups": "border"},
    {"name": "C", "level": "province", "region": "R1", "groups": "border"},
    {"name": "D", "level": "province", "region": "R2", "groups": ""},
])


def _obs(rows):
    return pd.DataFrame([obs_row(*r) if isinstance(r, tuple) else r for r in rows])


def _compare(rows, province="A", start=2019, end=2021):
    return pv.compare(_obs(rows), GEO, Scope(province, start, end))


BASE = [("A", 2019, 6.0), ("B", 2019, 7.0), ("C", 2019, 8.0), ("D", 2019, 5.0),
        ("A", 2020, 1.0), ("B", 2020, 3.0), ("C", 2020, 4.0), ("D", 2020, 2.5),
        ("A", 2021, 9.0), ("B", 2021, 5.0), ("C", 2021, 4.0), ("D", 2021, 3.0),
        (pv.peers.NATION, 2019, 7.02), (pv.peers.NATION, 2020, 2.91), (pv.peers.NATION, 2021, 2.58)]


def test_gap_cases_follow_the_data():
    c = _compare(BASE)
    cases = {cl.values["year"]: cl.case for cl in pv.gap_claims(c)}
    assert cases == {2019: "below", 2020: "below", 2021: "above"}
    text = pv.gap_claims(c)[-1].text()
    assert "In 2021, A's GRDP grew +9%" in text and "faster than Vietnam's GDP (+2.58%" in text
    gap = 9.0 - 2.58
    assert f"+{gap:.2f}" in text


def test_gap_level_within_rounding():
    rows = [r for r in BASE if not (r[0] == "A" and r[1] == 2021)] + [("A", 2021, 2.58)]
    claim = pv.gap_claims(_compare(rows))[-1]
    assert claim.case == "level" and "within the rounding" in claim.text()


def test_peer_position_takes_every_case():
    c = _compare(BASE)
    cases = {cl.values["year"]: cl.case for cl in pv.peer_claims(c)}
    assert cases == {2019: "bottom", 2020: "bottom", 2021: "top"}
    assert c.members == ["A", "B", "C"]  # D is not in the group


def test_rank_says_out_of_how_many():
    c = _compare(BASE)
    ranks = {cl.values["year"]: (cl.values["rank"], cl.values["n"]) for cl in pv.rank_claims(c)}
    assert ranks == {2019: (3, 4), 2020: (4, 4), 2021: (1, 4)}
    assert "ranked 1 of the 4 provinces" in pv.rank_claims(c)[-1].text()


def test_path_below_then_above():
    c = _compare(BASE)
    claim = pv.path_claim(c)
    expected = 100 * (1.06 * 1.01 * 1.09 / (1.0702 * 1.0291 * 1.0258) - 1)
    assert claim.case == ("above" if expected > 0.1 else "below" if expected < -0.1 else "level")
    assert claim.values["gap"].value == pytest.approx(expected)
    # the base year (2018) lies outside the window: marked as a reference, not a named year
    assert 2018 not in claim.named_years()


def test_no_other_province_and_no_national():
    c = _compare([("A", 2020, 1.0), ("A", 2021, 2.0)], start=2020, end=2021)
    assert pv.coverage_claim(c).case == "none"
    assert [cl.case for cl in pv.gap_claims(c)] == ["no_national"]
    assert pv.panel_claim(c).case == "refused"
    assert pv.vintage_claim(c).case == "no_revised"


def test_vintage_flip_is_reported():
    rows = BASE + [obs_row(pv.peers.NATION, 2019, 6.5, vintage="revised", published="2022-12-29")]
    rows = [r for r in rows if not (isinstance(r, tuple) and r[0] == pv.peers.NATION and r[1] == 2019)]
    rows.append(obs_row(pv.peers.NATION, 2019, 5.5, vintage="first"))
    claim = pv.vintage_claim(_compare(rows))
    assert claim.case == "flips" and claim.values["flipped"] == [2019]


def test_claims_name_only_window_years():
    c = _compare(BASE, start=2020, end=2021)
    scope = c.scope
    claims = [pv.coverage_claim(c), pv.own_figures_claim(c), pv.path_claim(c), *pv.gap_claims(c),
              *pv.peer_claims(c), *pv.rank_claims(c), pv.panel_claim(c)]
    for claim in claims:
        scope.check_years(claim.named_years(), claim.id)
        claim.text()


def test_low_reliability_sensitivity_shows_its_estimates_when_only_it_can_fit():
    rows = [r for r in BASE if not (r[0] == "A" and r[1] == 2019)]
    rows = [obs_row(*r) for r in rows] + [obs_row("A", 2019, 6.0, reliability="low")]
    c = pv.compare(pd.DataFrame(rows), GEO, Scope("A", 2019, 2021))
    assert pv.panel_claim(c).case == "refused"
    low = pv.panel_low_claim(c)
    assert low.case == "only_with_low" and low.values["n_low"] == 1
    assert low.values["years"] == [2020, 2021]
    text = low.text()
    assert "As a sensitivity, not a finding" in text and "2020:" in text and "2021:" in text


def test_the_estimate_share_is_counted_not_asserted():
    c = _compare(BASE)
    final = [cl for cl in pv.missing_claims(c) if cl.values.get("n_total") is not None][0]
    group = {"A", "B", "C"}
    expected = sum(1 for r in BASE if r[0] in group)  # obs_row marks every figure an estimate
    assert (final.values["n_est"], final.values["n_total"]) == (expected, expected)
    assert final.text().startswith(f"{expected} of the {expected} growth figures")
