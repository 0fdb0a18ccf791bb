"""Notebook 30 in Vietnamese: every wording has a vi twin, and every claim, caption and heading reads in Vietnamese."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import fixture_data as fd
from lso_analysis.present import wording
from lso_analysis.present.claims import Claim, Day, Fig, Span
from lso_analysis.studies import digital
from lso_analysis.studies import digital_claims as dc
from lso_analysis.studies import digital_data as dg

try:  # the shared checker of the Vietnamese edition (tests/vi_check.py), when it is there
    from vi_check import english_sentences, number_convention_errors
except ImportError:  # pragma: no cover - a small stand-in with the brief's word list
    _EN = re.compile(r"\b(the|and|of|in|with|from|growth|year|data|figure|province)\b", re.I)

    def english_sentences(text, verbatim=()):
        text = re.sub(r"“[^”]*”|<[^>]+>|\b\w+(?:[_-]\w+)+\b", " ", text)
        return [s for s in re.split(r"(?<=[.;:])\s+", text) if _EN.search(s)]

    def number_convention_errors(text):
        text = re.sub(r"\b\w+(?:[_-]\w+)+\b", " ", text)
        return re.findall(r"\d{1,3}(?:,\d{3})+\.\d+|(?<![\d.,])\d+\.\d{1,2}(?![\d.])\s?%?|\d{4}-\d{2}-\d{2}", text)

LS = "Lạng Sơn"


def _vi_number(x: float, digits: int = 0) -> str:
    """A number written the Vietnamese way, by this test (not the package): 1.234,5."""
    return f"{x:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def all_claims(data: dg.Digital) -> list[Claim]:
    """Every claim the notebook shows, the title included."""
    check = dg.check_accounts(data)
    table = dg.targets_vs_reported(data)
    made = [dc.title(data), dc.milestones(data), dc.eligible_services(data), dc.full_share(data),
            dc.dossier_share(data), dc.border_stages(data), dc.border_share(data), dc.vehicle_periods(data),
            dc.periods_not_printed(data), dc.platform_name(data), dc.accounts_plan(data, check),
            dc.accounts_population(data, check), dc.rank_trend(data, "dti_rank"), dc.rank_trend(data, "pci_rank"),
            dc.rank_jump(data), dc.dti_pillars(data), dc.rank_caveats(data), dc.target_verdicts(data, table),
            dc.targets_unreported(data, table), dc.target_revisions(data)]
    made += [dc.claim(data, "digital.context", "row", {"text": t}, [s]) for t, s in dg.context_rows(
        data, ["digital_border", "digital_citizen_platform"])]
    return made + dc.findings(data)


def captions_and_labels(data: dg.Digital) -> list[str]:
    """Every caption and every table heading or cell word of the study, in the scope's language."""
    out = [dc.caption(data, case, ids=["x-1"]) for case in (
        "milestones", "milestones_other_years", "services", "stages", "border_figures", "judgements",
        "judgements_more", "accounts", "ranks_chart", "ranks", "targets", "later_targets")]
    keys = sorted(k for (cid, k) in wording.cases(data.scope.language) if cid == "digital.label")
    return out + [data.label(k, value="10", raw="x", title="x", kind="x", items="x", index="x", year=2021) for k in keys]


def assert_vietnamese(texts: list[str]) -> None:
    english = [(t, english_sentences(t)) for t in texts if english_sentences(t)]
    numbers = [(t, number_convention_errors(t)) for t in texts if number_convention_errors(t)]
    assert english == [] and numbers == []


def test_every_english_wording_has_a_vietnamese_one():
    wording.template("digital.title", "window")  # loads the study's tables
    en = {k for k in wording.cases("en") if k[0].startswith("digital.")}
    vi = {k for k in wording.cases("vi") if k[0].startswith("digital.")}
    assert len(en) > 100 and en - vi == set() and vi - en == set()


@pytest.fixture(scope="module")
def kl(kylinh_data):
    return dg.from_processed(digital.scope(fd.PROVINCE, 2019, 2023, language="vi"), kylinh_data / "processed")


@pytest.fixture(scope="module")
def ls():
    return digital.load(digital.scope(LS, 2019, 2023, language="vi"))


@pytest.mark.parametrize(("province", "start", "end", "derived"), [
    (LS, 2019, 2023, True), (LS, 2021, 2022, True), (LS, 2020, 2020, True), (LS, 2019, 2023, False),
    ("Hà Giang", 2019, 2023, True)])
def test_real_data_reads_in_vietnamese(province, start, end, derived):
    data = digital.load(digital.scope(province, start, end, include_derived=derived, language="vi"))
    texts = [c.text("vi") for c in all_claims(data)] + captions_and_labels(data)
    assert_vietnamese(texts)
    # the same claims in English are English: the check above is not blind
    english = digital.load(digital.scope(province, start, end, include_derived=derived))
    assert any(english_sentences(c.text("en")) for c in all_claims(english))


def test_fixture_reads_in_vietnamese(kl):
    assert_vietnamese([c.text("vi") for c in all_claims(kl)] + captions_and_labels(kl))


def test_tables_read_in_vietnamese(ls):
    """Headings, coded cells and indicator names of every table, and no English note or event title."""
    figures = [digital.localised(digital.quoted(dg.figures_table(rows, ls), rows, ls), ls, ("recorded conflict",))
               for rows in (dg.service_figures(ls), dg.border_figures(ls))]
    frames = [*figures,
              digital.localised(dg.event_table(dg.milestones(ls), ls), ls),
              digital.localised(dg.accounts_table(dg.check_accounts(ls), "vi"), ls,
                                ("figure", "how obtained", "reliability")),
              digital.localised(dg.targets_vs_reported(ls), ls, ("verdict", "caveat")),
              digital.localised(dg.later_targets(ls), ls)]
    for frame in frames:
        cells = [str(c) for c in frame.columns] + [str(v) for col in frame.columns for v in frame[col]]
        assert_vietnamese(cells)
    events = frames[2]
    assert "Loại sự kiện" in events.columns and "event" not in events.columns and "Nội dung" not in events.columns
    assert re.fullmatch(r"\d{1,2}/\d{1,2}/20\d\d", events["Ngày"].iloc[0])
    accounts = frames[3]
    assert {"Số tài khoản", "Số dân suy ra"} <= set(accounts.iloc[:, 0])
    assert "tính suy ra" in set(accounts["Cách có số liệu"]) and "624.405" in set(accounts["Giá trị"])
    # an English source's printed words are not quoted in the Vietnamese edition; a Vietnamese one's are
    border = figures[1].set_index("Số liệu")["Nguyên văn trong nguồn"]
    assert border["hơn 29.000"] == "—" and border["238.195"] == "“238.195 phương tiện”"


def test_context_rows_only_in_their_language(ls):
    import lso_analysis as lso

    context = lso.load_context(LS)
    topics = ["digital_border", "economy"]
    with_vi = [t for t in topics if (context.loc[context["topic"] == t, "text_vi"].fillna("") != "").any()]
    vi = dg.context_rows(ls, topics)
    assert len(vi) == len(with_vi)  # a row with no Vietnamese text is left out of the Vietnamese edition
    assert any("Hữu Nghị" in text for text, _ in vi) and not any(english_sentences(text) for text, _ in vi)
    en = dg.context_rows(digital.load(digital.scope(LS, 2019, 2023)), topics)
    assert len(en) == 2


def test_exact_sentences_lang_son(ls):
    # printed: 19,26% of dossiers online in Q1 2020, 68,45% in February 2022 (each for the provincial centre)
    assert dc.dossier_share(ls).text("vi") == (
        "Tỷ lệ hồ sơ tiếp nhận trực tuyến tăng từ 19,26% (quý I/2020) lên 68,45% (tháng 2/2022). Mỗi số liệu chỉ "
        "phản ánh phạm vi mà nguồn của nó thống kê (xem bảng).")
    # the pilot decided on 30/9/2021, declaring compulsory from 21/2/2022
    assert dc.border_stages(ls).text("vi") == (
        "Việc thí điểm nền tảng cửa khẩu số được quyết định ngày 30/9/2021; khai báo trên nền tảng trở thành bắt "
        "buộc từ ngày 21/2/2022.")
    # 624.405 accounts in the first half of 2023 are 131% of the plan: the plan is 624.405 / 1,31, within the
    # rounding of the count (±0,5) and of the share (130,5–131,5%)
    plan, low, high = 624405 / 1.31, 624404.5 / 1.315, 624405.5 / 1.305
    assert dc.accounts_plan(ls, dg.check_accounts(ls)).text("vi") == (
        f"Số tài khoản nền tảng công dân số được báo cáo cho 6 tháng đầu năm 2023 là 624.405, đạt 131% kế hoạch, "
        f"tức kế hoạch vào khoảng {_vi_number(plan)} ({_vi_number(low)}–{_vi_number(high)}) tài khoản: đã vượt "
        "kế hoạch.")
    # DTI 16 (2020) → 4 (2023): up 12 places; the 2023 rank carries its recorded caveat
    assert dc.rank_trend(ls, "dti_rank").text("vi").endswith("từ năm 2020 đến năm 2023, tỉnh tăng 12 bậc.")


def test_exact_sentences_ky_linh(kl):
    # printed: 15.400 vehicles in the first half of 2022, 41.000 in 2023
    assert dc.vehicle_periods(kl).text("vi") == (
        "Trong các số liệu về phương tiện khai báo, 41.000 (năm 2023) bao trùm trọn năm dương lịch, còn 15.400 "
        "(6 tháng đầu năm 2022) thì không, nên không thể so sánh với nhau như tổng số cả năm.")
    # printed: 45,5% (2021) then 38,2% (2022)
    assert dc.dossier_share(kl).text("vi").startswith(
        "Tỷ lệ hồ sơ tiếp nhận trực tuyến giảm từ 45,5% (năm 2021) xuống 38,2% (năm 2022).")
    # DTI 12 (2020), 25 (2021), 31 (2022): down 31 − 12 = 19 places
    assert dc.rank_trend(kl, "dti_rank").text("vi") == (
        "Xếp hạng Chỉ số chuyển đổi số (DTI): 12 (năm 2020), 25 (năm 2021), 31 (năm 2022); từ năm 2020 đến năm "
        f"2022, tỉnh giảm {31 - 12} bậc.")
    assert dc.platform_name(kl).text("vi").startswith("Dữ liệu không có tên nền tảng công dân số của Kỳ Lĩnh")


@pytest.mark.parametrize(("case", "values", "expected"), [
    ("pilot_only", {"pilot": Day("2021-09-30")},
     "Việc thí điểm nền tảng cửa khẩu số được quyết định ngày 30/9/2021; dữ liệu không có ngày bắt buộc khai báo "
     "trên nền tảng."),
])
def test_cases_the_data_do_not_reach(case, values, expected):
    assert Claim("digital.border_stages", case, values).text("vi") == expected


def test_every_case_renders_in_vietnamese():
    """Each vi wording, fed the values its case carries, gives Vietnamese text (cases no dataset reaches included)."""
    rank = Fig(5, unit="rank")
    fig = Fig(1234.5, 1234.45, 1234.55, "count")
    pct = Fig(57.76, 57.72, 57.81, "%", digits=2)
    half = Span("2022-01-01", "2022-06-30")
    values = {
        "province": "Tỉnh X", "period": half, "n": 2, "plans": 0, "first": Day("2021-06-08"), "last": Day("2022-02-21"),
        "count": fig, "day": Span("2021-06-08", "2021-06-08"), "share": pct, "share_period": half, "part": fig,
        "whole": Fig(2000, unit="count"), "computed": pct, "printed": Fig(1234567.0, unit="count"),
        "first_period": half, "last_period": half, "pilot": Day("2021-09-30"), "compulsory": Day("2022-02-21"),
        "counts": [(fig, half)], "full": [(fig, half)], "figures": [("Tỷ lệ X", pct, half)], "accounts": fig,
        "plan_pct": Fig(92.5, unit="%"), "plan": fig, "implied": fig, "printed_period": half, "at_population": pct,
        "index": "Xếp hạng Chỉ số chuyển đổi số (DTI)", "ranks": [(rank, 2021, True, "c-1")], "first_year": 2021,
        "last_year": 2022, "places": 3, "year": 2021, "from": rank, "to": rank, "events": [("kế hoạch", Day("2021-07-21"))],
        "years": [2020, 2021], "best": "dti_rank_economy", "best_rank": rank, "worst": "dti_rank_society",
        "worst_rank": rank, "flagged": [("Xếp hạng X", 2021, "c-1")], "derived": [("Xếp hạng Y", 2022)],
        "met": 1, "early": 0, "missed": 1, "due": 0, "none": 0, "items": [("Tỷ lệ Z", 2022)],
        "changes": [("raised", "Tỷ lệ Z", Span("2025-01-01", "2025-12-31"), ("exact", Fig(15, unit="%")),
                     ("top", Fig(10, unit="rank")), "a", "b")], "dti": [(rank, 2021, False, "")], "pci": [],
        "saved": Fig(2.5, unit="hours"), "text": "Văn bản.", "ids": ["c-1"],
    }
    wording.template("digital.title", "window")
    cases = sorted(k for k in wording.cases("vi") if k[0].startswith("digital.") and k[0] != "digital.label")
    own = {"digital.vehicle_periods": {"part": [(fig, half)]}}  # "part" is a figure elsewhere, a list here
    texts = [Claim(cid, case, values | own.get(cid, {})).text("vi") for cid, case in cases]
    assert len(texts) == len(cases) > 90
    assert_vietnamese(texts)
    assert any("1.234,5" in t for t in texts) and any("57,76%" in t for t in texts)
    assert any("2,5 giờ" in t for t in texts)


def test_context_text_vi_is_an_optional_column(data_dir):
    """``context.csv`` may carry ``text_vi`` (empty allowed); without it the column is empty; another one fails."""
    from conftest import write_csv
    from lso_analysis.dataset.build import build
    from lso_analysis.errors import LsoDataError

    header = ["province", "topic", "text", "source_id"]
    rows = [["Lạng Sơn", "digital_border", "A platform.", "test-20210815-monthly"],
            ["Lạng Sơn", "economy", "An economy.", "test-20210815-monthly"]]
    write_csv(data_dir / "raw" / "context.csv", header, rows)
    build(data_dir / "processed", data_dir / "raw", data_dir / "reference")
    assert list(pd.read_pickle(data_dir / "processed" / "context.pkl")["text_vi"]) == ["", ""]
    write_csv(data_dir / "raw" / "context.csv", header + ["text_vi"], [rows[0] + ["Một nền tảng."], rows[1] + [""]])
    build(data_dir / "processed", data_dir / "raw", data_dir / "reference")
    assert list(pd.read_pickle(data_dir / "processed" / "context.pkl")["text_vi"]) == ["Một nền tảng.", ""]
    write_csv(data_dir / "raw" / "context.csv", header + ["text_fr"], [r + [""] for r in rows])
    with pytest.raises(LsoDataError) as info:
        build(data_dir / "processed", data_dir / "raw", data_dir / "reference")
    assert any("text_fr" in str(p) for p in info.value.problems)
