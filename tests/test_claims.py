"""The claims layer: wording apart from logic, values formatted and escaped, years checked (present/claims.py)."""

import math

import pandas as pd
import pytest

from lso_analysis.analysis.scope import OutOfWindowError, Scope, Window
from lso_analysis.present import wording
from lso_analysis.present.claims import Claim, Day, Fig, Span, fmt, show

wording.register("t", "en", {
    ("t.trough", "half"): "The trough came in {period:the}: {growth}.",
    ("t.trough", "year"): "The trough came in {period}: {growth}.",
    ("t.list", "ok"): "Sectors: {names}.",
})
wording.register("t", "vi", {("t.trough", "half"): "Đáy suy giảm là {period}: {growth}."})


def test_case_picks_the_wording_and_values_are_formatted():
    half = Claim("t.trough", "half", {"period": Span("2020-01-01", "2020-06-30"),
                                      "growth": Fig(0.47, 0.465, 0.475, "%", signed=True)})
    year = Claim("t.trough", "year", {"period": Span("2020-01-01", "2020-12-31"),
                                      "growth": Fig(-1.85, -1.855, -1.845, "%", signed=True)})
    assert half.text() == "The trough came in the first half of 2020: +0.47%."
    assert year.text() == "The trough came in 2020: −1.85%."
    assert half.text("vi") == "Đáy suy giảm là 6 tháng đầu năm 2020: +0,47%."


def test_missing_wording_names_claim_case_and_language():
    with pytest.raises(KeyError, match="no vi wording for claim 't.trough', case 'year'"):
        Claim("t.trough", "year", {}).text("vi")


def test_strings_are_escaped_and_lists_joined():
    claim = Claim("t.list", "ok", {"names": ["<img src=x onerror=alert(1)>", "Dịch vụ", "[x](javascript:y)"]})
    text = claim.text()
    assert "<img" not in text and "&lt;img" in text
    assert "\\[x\\]" in text
    assert text.endswith("Dịch vụ and \\[x\\](javascript:y).")


def test_named_years_skip_reference_spans():
    claim = Claim("t.trough", "half", {"period": Span("2021-01-01", "2022-06-30"), "bench": Span("2004-01-01", "2018-12-31", reference=True),
                                       "day": Day("2023-01-08")}, years=(2019,))
    assert claim.named_years() == {2019, 2021, 2022, 2023}
    assert fmt(Span("2004-01-01", "2018-12-31", reference=True)) == '<span class="lso-ref">2004–2018</span>'


def test_fig_of_row_and_open_bounds():
    row = pd.Series({"value": 142.0, "value_low": 142.0, "value_high": math.nan, "unit": "USD million", "measure": "level"})
    assert fmt(Fig.of(row)) == "more than 142 million USD"
    assert fmt(Fig.of(row), "vi") == "hơn 142 triệu USD"


def test_show_lists_sources_and_cites_them():
    from lso_analysis.present import citations

    citations.reset()
    out = show([Claim("t.list", "ok", {"names": ["A"]}, ("src-b", "src-a"))])._repr_markdown_()
    assert out == "- Sectors: A. <small>(Sources: src-a, src-b)</small>"
    assert citations.cited() == ["src-a", "src-b"]


def test_window_rule_is_whole_period_inside():
    w = Window(2021, 2022)
    frame = pd.DataFrame({"period_start": pd.to_datetime(["2021-01-01", "2020-07-01", "2022-12-31", "2019-01-01"]),
                          "period_end": pd.to_datetime(["2021-07-31", "2021-06-30", "2022-12-31", "2023-12-31"])})
    assert w.mask(frame).tolist() == [True, False, True, False]
    with pytest.raises(ValueError, match="before start_year"):
        Window(2023, 2020)


def test_scope_checks_years_and_language():
    scope = Scope("Kỳ Lĩnh", 2021, 2022)
    scope.check_years([2021, 2022])
    with pytest.raises(OutOfWindowError, match="2023"):
        scope.check_years([2021, 2023], "covid.trough")
    with pytest.raises(ValueError, match="language"):
        Scope("Kỳ Lĩnh", language="fr")


def test_claims_render_their_own_html_keeping_reference_spans():
    claim = Claim("t.trough", "half", {"period": Span("2004-01-01", "2004-06-30", reference=True),
                                       "growth": Fig(1.0, 0.95, 1.05, "%")}, ("s1",))
    page = show([claim])._repr_html_()
    assert '<span class="lso-ref">the first half of 2004</span>' in page
    assert "<small>(Sources: s1)</small>" in page and page.startswith('<div class="lso-claims"><ul>')
