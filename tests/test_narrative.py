import math

import pandas as pd
import pytest

from lso_analysis.present import citations
from lso_analysis.present import narrative as nv

NAN = math.nan


@pytest.mark.parametrize(
    "args, kwargs, expected",
    [
        ((2809.2, "USD million", 2796.7, 2821.8), {}, "2,809 million USD (2,797–2,822)"),
        ((4270, "USD million", 4265, 4275), {}, "4,270 million USD"),  # range no wider than 0.5%: not shown
        ((11000, "VND billion", 10500, 11500), {}, "11,000 billion VND (10,500–11,500)"),
        ((142, "USD million", 142, NAN), {}, "more than 142 million USD"),
        ((5, "%", NAN, 5), {}, "less than 5%"),
        ((-42.9, "%", -42.95, -42.85), {"signed": True}, "−42.9%"),
        ((6.67, "%", 6.665, 6.675), {"signed": True}, "+6.67%"),
        ((624405, "count"), {}, "624,405"),
        ((NAN, "%"), {}, "n/a"),
        ((1.17, "%", 1.165, 1.175), {"show_range": True}, "1.17% (1.17–1.18)"),
    ],
)
def test_fmt_value(args, kwargs, expected):
    assert nv.fmt_value(*args, **kwargs) == expected


def test_a_row_as_a_claim_figure_signs_growth_rows_only():
    from lso_analysis.present.claims import Fig, fmt

    growth = {"value": 52.0, "value_low": 51.5, "value_high": 52.5, "unit": "%", "measure": "growth_pct"}
    share = dict(growth, measure="share_pct")
    assert fmt(Fig.of(growth)) == "+52%" and fmt(Fig.of(share)) == "52%"


def test_md_fills_the_template_and_renders_as_markdown():
    text = nv.md("Trade grew **{g}** in {year}.", g=nv.fmt_value(52, "%"), year=2021)
    assert text._repr_markdown_() == "Trade grew **52%** in 2021."


def test_bullet_list_and_missing_note():
    assert nv.bullet_list([]).text == "*none*"
    assert nv.bullet_list(["a", "b"]).text == "- a\n- b"
    assert "Hà Giang" in nv.missing_note("GRDP growth figures", "Hà Giang").text


def test_show_table_cites_its_sources_and_names_them():
    citations.reset()
    df = pd.DataFrame({"year": [2021, 2023], "source_ids": ["b-1;a-1", "c-1"]})
    table = nv.show_table(df, "Turnover")
    assert citations.cited() == ["a-1", "b-1", "c-1"]
    html = table._repr_html_()
    assert "Turnover" in html and "Sources: a-1, b-1, c-1" in html
    citations.reset()
    nv.show_table(df[["year"]], "No sources", source_ids=df["source_ids"])  # a Series works too
    assert citations.cited() == ["a-1", "b-1", "c-1"]
    citations.reset()
