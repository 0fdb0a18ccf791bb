import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lso_analysis import LsoParseError, PeriodContext, parse_comparison, parse_period
from lso_analysis.cleaning.periods import parse_period_iso

AUG_2021 = PeriodContext.from_published("2021-08")


@pytest.mark.parametrize(
    "text, context, start, end, kind",
    [
        ("tháng 7", AUG_2021, date(2021, 7, 1), date(2021, 7, 31), "month"),
        ("Trong tháng 8/2021", None, date(2021, 8, 1), date(2021, 8, 31), "month"),
        ("tháng 02/2022", None, date(2022, 2, 1), date(2022, 2, 28), "month"),
        ("7 tháng đầu năm 2021", None, date(2021, 1, 1), date(2021, 7, 31), "ytd"),
        ("lũy kế 7 tháng", AUG_2021, date(2021, 1, 1), date(2021, 7, 31), "ytd"),
        ("luỹ kế 11 tháng", PeriodContext.from_published("2022-12-05"), date(2022, 1, 1), date(2022, 11, 30), "ytd"),
        ("6 tháng đầu năm", PeriodContext.from_published("2020-07-13"), date(2020, 1, 1), date(2020, 6, 30), "half"),
        ("6 tháng cuối năm 2020", None, date(2020, 7, 1), date(2020, 12, 31), "half"),
        ("quý II/2022", None, date(2022, 4, 1), date(2022, 6, 30), "quarter"),
        ("quý I năm 2023", None, date(2023, 1, 1), date(2023, 3, 31), "quarter"),
        ("9 tháng năm 2023", None, date(2023, 1, 1), date(2023, 9, 30), "ytd"),
        ("năm 2021", None, date(2021, 1, 1), date(2021, 12, 31), "year"),
        # "tính đến" / "đến ngày": a stock on that day (issue 12); a flow to date says so ("lũy kế", "từ đầu năm")
        ("tính đến ngày 30/6/2020", None, date(2020, 6, 30), date(2020, 6, 30), "day"),
        ("đến ngày 24/9/2021", None, date(2021, 9, 24), date(2021, 9, 24), "day"),
        ("lũy kế từ đầu năm tính đến ngày 30/6/2020", None, date(2020, 1, 1), date(2020, 6, 30), "half"),
        ("giai đoạn 2021 - 2025", None, date(2021, 1, 1), date(2025, 12, 31), "multi_year"),
        ("giai đoạn 2016–2020", None, date(2016, 1, 1), date(2020, 12, 31), "multi_year"),
        ("từ ngày 1/1/2023 đến 15/3/2023", None, date(2023, 1, 1), date(2023, 3, 15), "ytd"),
        ("từ ngày 11/12 đến 21/12/2021", None, date(2021, 12, 11), date(2021, 12, 21), "other"),
        ("ten months [2021]", None, date(2021, 1, 1), date(2021, 10, 31), "ytd"),
        ("by September 20 [2022]", None, date(2022, 9, 20), date(2022, 9, 20), "day"),
        ("[year to date] by September 20 [2022]", None, date(2022, 1, 1), date(2022, 9, 20), "ytd"),
        ("năm 2020 (ước)", None, date(2020, 1, 1), date(2020, 12, 31), "year"),
        ("vụ Xuân 2020", None, date(2020, 1, 1), date(2020, 6, 30), "other"),
        ("đến nay", PeriodContext.from_published("2023-07-07"), date(2023, 7, 7), date(2023, 7, 7), "day"),
        ("tính đến hết tháng 6", PeriodContext.from_published("2020-07-13"), date(2020, 6, 30), date(2020, 6, 30), "day"),
        ("lũy kế đến hết tháng 6", PeriodContext.from_published("2020-07-13"), date(2020, 1, 1), date(2020, 6, 30), "half"),
        ("ngày 16/12/2021", None, date(2021, 12, 16), date(2021, 12, 16), "day"),
    ],
)
def test_parse_period(text, context, start, end, kind):
    p = parse_period(text, context)
    assert (p.start, p.end, p.kind) == (start, end, kind)


def test_year_from_publication_date_rule():
    """A period without a year lies in the latest year in which it had begun by publication."""
    jan_2022 = PeriodContext.from_published("2022-01-15")
    assert parse_period("tháng 12", jan_2022).start == date(2021, 12, 1)
    assert parse_period("tháng 1", jan_2022).start == date(2022, 1, 1)
    # an explicit document year wins over the publication date
    assert parse_period("tháng 12", PeriodContext(year=2021, published=date(2022, 1, 15))).start == date(2021, 12, 1)


@pytest.mark.parametrize("text", ["", "tháng 13", "quý V/2022", "sau đó", "giai đoạn 2025 - 2021", "32/1/2021", "7 tháng"])
def test_parse_period_fails_closed(text):
    with pytest.raises(LsoParseError):
        parse_period(text)  # no context: a period without a year cannot be placed


@pytest.mark.parametrize(
    "text, period_text, kind, base_start, base_end",
    [
        ("so với cùng kỳ", "tháng 8/2021", "same_period", date(2020, 8, 1), date(2020, 8, 31)),
        ("so với cùng kỳ năm 2019", "6 tháng đầu năm 2020", "same_period", date(2019, 1, 1), date(2019, 6, 30)),
        ("so với cùng kỳ năm trước", "năm 2021", "same_period", date(2020, 1, 1), date(2020, 12, 31)),
        ("so với tháng trước", "tháng 8/2021", "previous_period", date(2021, 7, 1), date(2021, 7, 31)),
        ("so với tháng trước", "tháng 1/2022", "previous_period", date(2021, 12, 1), date(2021, 12, 31)),
        ("so với vụ Xuân 2020", "7 tháng đầu năm 2021", "explicit", date(2020, 1, 1), date(2020, 6, 30)),
        ("so với năm 2020", "năm 2021", "explicit", date(2020, 1, 1), date(2020, 12, 31)),
        ("so với tháng 7", "tháng 8/2021", "explicit", date(2021, 7, 1), date(2021, 7, 31)),
        ("year-on-year", "6 tháng đầu năm 2022", "same_period", date(2021, 1, 1), date(2021, 6, 30)),
        ("kế hoạch", "năm 2021", "plan", None, None),
        ("dự toán Trung ương giao", "năm 2021", "budget_estimate", None, None),
        ("", "năm 2021", "none", None, None),
    ],
)
def test_parse_comparison(text, period_text, kind, base_start, base_end):
    c = parse_comparison(text, parse_period(period_text))
    assert (c.kind, c.base_start, c.base_end) == (kind, base_start, base_end)


@pytest.mark.parametrize("text", ["so với cùng kỳ năm 2022", "so với điều gì đó"])
def test_parse_comparison_fails_closed(text):
    with pytest.raises(LsoParseError):
        parse_comparison(text, parse_period("năm 2021"))


@pytest.mark.parametrize(
    "text, start, end, kind",
    [
        ("2022", date(2022, 1, 1), date(2022, 12, 31), "year"),
        ("2022-H1", date(2022, 1, 1), date(2022, 6, 30), "half"),
        ("2023-Q1", date(2023, 1, 1), date(2023, 3, 31), "quarter"),
        ("2021-12-16", date(2021, 12, 16), date(2021, 12, 16), "day"),
        ("2019-01/2023-07", date(2019, 1, 1), date(2023, 7, 31), "multi_year"),
        ("2022-01-01/2022-09-20", date(2022, 1, 1), date(2022, 9, 20), "ytd"),
    ],
)
def test_parse_period_iso(text, start, end, kind):
    p = parse_period_iso(text)
    assert (p.start, p.end, p.kind) == (start, end, kind)


@pytest.mark.parametrize("text", ["2022-13", "2022/2021", "June 2022", ""])
def test_parse_period_iso_fails_closed(text):
    with pytest.raises(LsoParseError):
        parse_period_iso(text)


@given(st.integers(2000, 2030), st.integers(1, 12))
def test_month_and_ytd_are_consistent(year, month):
    m = parse_period(f"tháng {month}/{year}")
    ytd = parse_period(f"{month} tháng đầu năm {year}")
    assert m.end == ytd.end and ytd.start == date(year, 1, 1) and m.start.month == month
    same = parse_comparison("so với cùng kỳ", ytd)
    last_day = calendar.monthrange(year - 1, month)[1]
    assert (same.base_start, same.base_end) == (date(year - 1, 1, 1), date(year - 1, month, last_day))


@given(st.text(max_size=40))
def test_any_text_is_refused_or_read_as_a_real_span(text):
    """Random text is refused with LsoParseError (never another exception), or read as a span that round-trips
    through ISO and, without a printed year, lies within a year before publication."""
    import re
    from datetime import timedelta

    try:
        p = parse_period(text, AUG_2021)
    except LsoParseError:
        return
    assert p.start <= p.end
    again = parse_period_iso(f"{p.start.isoformat()}/{p.end.isoformat()}")
    assert (again.start, again.end) == (p.start, p.end)
    if not re.search(r"(?:19|20)\d\d", text):
        assert AUG_2021.published - timedelta(days=366) < p.start <= AUG_2021.published
