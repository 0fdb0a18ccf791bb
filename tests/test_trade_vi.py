"""The Vietnamese edition of the trade study: every wording exists in vi, and every claim reads as Vietnamese."""

from __future__ import annotations

import os
import re
import unicodedata

os.environ.setdefault("MPLBACKEND", "Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import lso_analysis  # noqa: E402
from lso_analysis.analysis.scope import Scope  # noqa: E402
from lso_analysis.present import wording  # noqa: E402
from lso_analysis.studies import trade, trade_claims as tc, trade_display as td  # noqa: E402
from obs_factory import make_obs, trade_obs  # noqa: E402

LS = "Lạng Sơn"
NO_EVENTS = pd.DataFrame(columns=["event_id", "date", "date_end", "category", "kind", "crossing", "title", "source_id"])
NO_CONTEXT = pd.DataFrame(columns=["province", "topic", "text", "text_vi", "source_id"])
CLAIMS = ("coverage", "direction", "plans", "export_share", "backlog", "backlog_again", "reopening", "after", "revenue",
          "budget", "magnitudes", "magnitude_fit")

#: English words that must not appear as whole words in a Vietnamese sentence (the brief's list, and more).
_ENGLISH = re.compile(r"\b(the|and|of|in|with|from|growth|year|years|data|figure|figures|province|trade|exports?|"
                      r"imports?|revenue|trucks?|million|billion|border|closure|reopen(?:ed|ing)?|no|not|was|were|"
                      r"rose|fell|period|declared|plan|share)\b", re.I)
_ENGLISH_NUMBER = re.compile(r"\d,\d{3}(?:[.,]\d|\b)|\d\.\d{1,2}(?!\d)\s?(?:%|triệu|tỷ|lần)")


def english_in(text: str) -> list[str]:
    """English words in ``text`` outside quoted source titles («…», “…”) and code (`…`)."""
    text = re.sub(r"«[^»]*»|“[^”]*”|`[^`]*`|<[^>]+>", " ", text)
    return _ENGLISH.findall(text)


def check_vi(text: str) -> None:
    """A Vietnamese sentence: no English word, Vietnamese number conventions, NFC."""
    assert english_in(text) == [], text
    assert _ENGLISH_NUMBER.findall(re.sub(r"«[^»]*»", " ", text)) == [], text
    assert unicodedata.normalize("NFC", text) == text


def ev(rows: list[tuple]) -> pd.DataFrame:
    """Events from (date, kind, title[, crossing]) tuples (English titles, as in the data)."""
    return pd.DataFrame([{"event_id": f"e{i}", "date": pd.Timestamp(r[0]), "date_end": pd.NaT, "category": "border",
                          "kind": r[1], "crossing": r[3] if len(r) > 3 else "", "title": r[2], "source_id": f"ev{i}"}
                         for i, r in enumerate(rows)])


def vi(obs, events=None, scope=None, context=None) -> trade.Trade:
    return trade.Trade(scope or Scope(LS, language="vi"), obs, NO_EVENTS if events is None else events,
                       NO_CONTEXT if context is None else context)


def all_claims(t) -> list:
    return [c for c in (getattr(tc, name)(t) for name in CLAIMS) if c is not None]


# --- the wording tables -------------------------------------------------------------------------------------------

def test_every_english_wording_has_a_vietnamese_one():
    wording.template("trade.title", "title", "en")  # loads the trade tables
    en = {k for k in wording.cases("en") if k[0].startswith("trade.")}
    vi_keys = {k for k in wording.cases("vi") if k[0].startswith("trade.")}
    assert len(en) > 100 and en - vi_keys == set()
    for key in vi_keys:
        value = wording.template(*key, "vi")
        if isinstance(value, str):
            assert unicodedata.normalize("NFC", value) == value, key
            assert english_in(re.sub(r"\{[^}]*\}", " ", value)) == [], key


def test_english_check_catches_english():
    assert english_in("Declared trade fell in the first half of 2020") != []
    assert english_in("Kim ngạch xuất nhập khẩu giảm «xem the source» trong năm 2020") == []
    with pytest.raises(AssertionError):
        check_vi("Kim ngạch đạt 4,270.5 triệu USD")
    with pytest.raises(AssertionError):
        check_vi("Kim ngạch tăng 2.03%")


# --- every case of every claim, on synthetic frames, in Vietnamese --------------------------------------------------

def _scenarios() -> list[trade.Trade]:
    counts = lambda days: make_obs([{"indicator": "trucks_waiting", "unit": "count", "value": v, "period": d,  # noqa: E731
                                     "source_id": f"c{i}"} for i, (d, v) in enumerate(days)])
    peaked = counts([("2022-03-01", 200), ("2022-03-20", 900), ("2022-04-10", 100)])
    rebuilt = counts([("2022-03-20", 900), ("2022-04-10", 100), ("2022-05-10", 400)])
    shut = ev([("2022-03-05", "halt", "Gate shut", "Hữu Nghị")])
    out = [vi(trade_obs()), vi(make_obs([{"value": 500, "period": "2021"}])[0:0]),
           vi(make_obs([{"value": 500, "period": str(y), "source_id": f"s{y}"} for y in range(2019, 2024)])),
           vi(make_obs([{"value": 500, "period": "2021"}, {"measure": "growth_pct", "value": 8.0, "period": "2021"},
                        {"value": 560, "period": "2022", "source_id": "b"},
                        {"measure": "growth_pct", "value": 12.0, "period": "2022", "source_id": "b"}])),
           vi(make_obs([{"value": 500, "period": "2021"}, {"value": 420, "period": "2023", "source_id": "b"}])),
           vi(make_obs([{"value": 500, "period": "2021"}, {"measure": "plan_pct", "value": 125, "period": "2021"}])),
           vi(make_obs([{"value": 500, "period": "2021"}, {"measure": "plan_pct", "value": 125, "period": "2021"},
                        {"value": 600, "period": "2022", "source_id": "b"},
                        {"measure": "plan_pct", "value": 100, "period": "2022", "source_id": "b"}])),
           vi(peaked), vi(peaked, shut), vi(counts([("2022-03-05", 700)])), vi(rebuilt),
           vi(rebuilt, ev([("2022-04-20", "halt", "Gate shut", "auxiliary gates")])),
           vi(counts([("2022-03-05", 900), ("2022-03-20", 100)]), shut),
           vi(peaked, ev([("2022-05-01", "reopening", "Border open")])),
           vi(peaked, ev([("2022-03-05", "closure", "Gate shut", "Tân Thanh; Chi Ma"),
                          ("2022-03-25", "resumption", "Clearance restarts", "Chi Ma")])),
           vi(make_obs([{"province": "X", "value": 500}]), scope=Scope("X", language="vi"))]
    for shares in ([(40, 60), (30, 70), (45, 55)], [(40, 60), (35, 65), (30, 70)], [(40, 60), (45, 55), (50, 50)],
                   [(40, 60), (55, 45), (50, 50)], [(40, 60)]):
        rows = [{"indicator": k, "value": v, "period": ["2021", "2022-H1", "2022"][i], "source_id": f"s{i}"}
                for i, pair in enumerate(shares) for k, v in zip(("exports", "imports"), pair)]
        out += [vi(make_obs(rows)), vi(make_obs(rows), ev([("2022-03-01", "halt", "Gate shut")]))]
    for growth in (((10, -5), (8, -3)), ((10, 5), (-2, -1)), ((10, -5), (3, 4))):
        out.append(vi(make_obs([row for period, g, r in zip(("2021", "2022"), *growth) for row in (
            {"measure": "growth_pct", "value": g, "period": period, "source_id": f"t{period}"},
            {"indicator": "customs_revenue", "measure": "growth_pct", "value": r, "period": period,
             "source_id": f"r{period}"})])))
    for values in ([(2021, 5000), (2022, 4000)], [(2021, 4000), (2022, 5000)], [(2022, 5000)]):
        out.append(vi(make_obs([{"indicator": "budget_revenue", "unit": "VND billion", "value": v, "period": str(y),
                                 "source_id": f"b{y}"} for y, v in values])))
    for rows in ([("trade_turnover", 20), ("exports", 30), ("imports", 10)],
                 [("trade_turnover", 20), ("exports", 10), ("imports", 30)], [("trade_turnover", 20)], []):
        obs = make_obs([{"indicator": i, "measure": "growth_pct", "value": v, "period": "2023"} for i, v in rows]
                       or [{"value": 500, "period": "2023"}])
        out.append(vi(obs, ev([("2022-05-01", "halt", "Gate shut"), ("2023-01-08", "reopening", "Border open")])))
    for pairs in ([("2021", 500, 600), ("2022", 500, 700)], [("2022", 500, 5000)], [("2021", 500, 5000), ("2022", 500, 6000)]):
        out.append(vi(make_obs([row for p, d, a in pairs for row in (
            {"value": d, "period": p, "source_id": p}, {"indicator": "trade_turnover_all_goods", "value": a,
                                                         "period": p, "source_id": p})])))
    return out


def test_every_claim_case_renders_in_vietnamese():
    seen = set()
    for t in _scenarios():
        for claim in all_claims(t):
            seen.add((claim.id, claim.case))
            check_vi(claim.text("vi"))
    misfit = vi(make_obs([{"value": 500, "period": str(y), "source_id": f"s{y}"} for y in (2021, 2022, 2023)]
                         + [{"value": 90000, "period": "2022-H1", "source_id": "x"}]))
    claim = tc.magnitude_fit(misfit)
    seen.add((claim.id, claim.case))
    check_vi(claim.text("vi"))
    cases = {k for k in wording.cases("vi") if k[0].startswith("trade.") and k[0] not in ("trade.words", "trade.title",
                                                                                         "trade.context")}
    assert cases - seen == set(), "cases never rendered"


# --- exact sentences (expected values from the printed figures) -----------------------------------------------------

def test_exact_sentences_on_synthetic_data():
    # trade_obs(): 4,270 (ước) in 2021, up 52%; 4,975 in 2023, up 62.6%; first half of 2020 down 42.9%.
    claim = tc.direction(vi(trade_obs()))
    level_2020, level_2022 = 4270 / 1.52, 4975 / 1.626
    fall_2022 = f"{100 * (level_2022 / 4270 - 1):.1f}".replace("-", "−").replace(".", ",")
    l2020, l2022 = (f"{x:,.0f}".replace(",", ".") for x in (level_2020, level_2022))
    assert claim.text("vi") == (
        "**Kim ngạch xuất nhập khẩu mở tờ khai giảm mạnh nhất trong 6 tháng đầu năm 2020** (−42,9% so với cùng kỳ "
        f"năm trước) và trong 11 tháng năm 2022 (−31,6%). Theo từng năm, kim ngạch đạt {l2020} triệu USD (2.797–2.822) "
        f"năm 2020 (số tính toán), tăng lên 4.270 triệu USD năm 2021 (+52%), giảm xuống {l2022} triệu USD năm 2022 "
        f"({fall_2022}%, tính từ mức kim ngạch hai năm) và tăng lên 4.975 triệu USD năm 2023 (+62,6%).")
    budget = tc.budget(vi(make_obs([{"indicator": "budget_revenue", "unit": "VND billion", "value": v, "period": str(y),
                                     "source_id": f"b{y}"} for y, v in [(2021, 11000), (2023, 7807)]])))
    assert budget.text("vi") == ("Thu ngân sách nhà nước trên địa bàn năm 2023 đạt 7.807 tỷ đồng, thấp hơn mức "
                                 "11.000 tỷ đồng của năm 2021.")


def test_events_are_named_by_kind_and_crossing_in_vietnamese():
    counts = make_obs([{"indicator": "trucks_waiting", "unit": "count", "value": v, "period": d, "source_id": f"c{i}"}
                       for i, (d, v) in enumerate([("2021-12-18", 4800), ("2022-01-17", 1300)])])
    halt = ev([("2021-12-18", "halt", "Clearance at Tân Thanh suspended for a month", "Tân Thanh")])
    claim = tc.backlog(vi(counts, halt))
    assert claim.text("vi") == ("Số xe hàng ùn ứ cao nhất mà số liệu ghi nhận là 4.800 xe vào ngày 18/12/2021, đúng ngày "
                                "tạm dừng thông quan tại cửa khẩu Tân Thanh. Lần đếm cuối cùng trong kỳ là 1.300 xe vào "
                                "ngày 17/1/2022.")
    scope = Scope(LS, language="vi")
    assert trade.event_text(scope, halt.iloc[0]) == "tạm dừng thông quan tại cửa khẩu Tân Thanh"
    many = ev([("2023-02-02", "reopening", "Five crossings back", "Hữu Nghị; Tân Thanh; Chi Ma")]).iloc[0]
    assert trade.event_text(scope, many) == "mở lại các cửa khẩu Hữu Nghị, Tân Thanh và Chi Ma"
    aux = ev([("2020-01-31", "closure", "Auxiliary gates close", "auxiliary gates")]).iloc[0]
    assert trade.event_text(scope, aux) == "đóng các cửa khẩu phụ"
    assert trade.event_text(Scope(LS), aux) == "Auxiliary gates close"  # English keeps the title


# --- context rows: Vietnamese text, or nothing --------------------------------------------------------------------

def test_context_is_shown_in_the_report_language_and_never_in_english_in_vi():
    context = pd.DataFrame([
        {"province": "X", "topic": "border_gates", "text": "Two road gates.", "text_vi": "Hai cửa khẩu đường bộ.",
         "source_id": "a"},
        {"province": "X", "topic": "trade_goods", "text": "Mostly timber.", "text_vi": "", "source_id": "b"}])
    obs = make_obs([{"province": "X", "value": 5}])
    shown_vi = tc.heading(vi(obs, scope=Scope("X", 2021, 2022, language="vi"), context=context))._repr_markdown_()
    assert "Hai cửa khẩu đường bộ." in shown_vi and "timber" not in shown_vi and "Two road" not in shown_vi
    shown_en = tc.heading(vi(obs, scope=Scope("X", 2021, 2022), context=context))._repr_markdown_()
    assert "Two road gates." in shown_en and "Mostly timber." in shown_en and "Hai cửa" not in shown_en
    assert lso_analysis.context_in(context.drop(columns="text_vi"), "vi").empty
    with pytest.raises(ValueError, match="language 'fr'"):
        lso_analysis.context_in(context, "fr")


def test_context_file_has_a_vietnamese_text_for_every_row():
    import csv

    from lso_analysis import paths

    with open(paths.RAW_DIR / "context.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["text_vi"].strip() and unicodedata.normalize("NFC", r["text_vi"]) == r["text_vi"] for r in rows)
    assert all(english_in(r["text_vi"]) == [] for r in rows if r["topic"] != "digital_citizen_platform")


# --- the real data and the Kỳ Lĩnh fixture --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real():
    return trade.Trade(Scope(LS, language="vi"))


def test_real_data_claims_and_tables_are_vietnamese(real):
    for claim in all_claims(real):
        check_vi(claim.text("vi"))
    heading = tc.heading(real)
    for claim in heading.claims:
        check_vi(claim.text("vi"))
    assert heading.claims[0].text("vi").startswith("## Xuất nhập khẩu qua các cửa khẩu biên giới của Lạng Sơn, giai đoạn")
    for name in ("turnover_table", "yoy_table", "plans_table", "parts_table", "trucks_table", "after_table",
                 "revenue_table", "knock_table", "mags_table", "check_table"):
        shown = getattr(td, name)(real)
        if shown is None or not hasattr(shown, "frame"):
            continue
        check_vi(shown.caption)
        for heading_text in shown.frame.columns:
            check_vi(heading_text)
        cells = " ".join(str(x) for col in shown.frame.columns if col not in ("Nguồn", "Cách xác định")
                         for x in shown.frame[col])
        check_vi(cells)


def test_claims_are_shown_in_the_report_language(real):
    shown = tc.say(real, tc.coverage)._repr_markdown_()
    assert shown.startswith("- Trong **5** năm của kỳ phân tích") and "<small>(Nguồn: " in shown
    english = tc.say(trade.Trade(Scope(LS), real.obs, real.events, NO_CONTEXT), tc.coverage)._repr_markdown_()
    assert english.startswith("- Of the **5** years in the window")
    assert tc.say(vi(make_obs([{"value": 500, "period": "2021"}])), tc.after) is None  # no reopening: nothing shown


def test_printed_words_are_quoted_only_from_sources_in_the_report_language():
    sources = lso_analysis.load_sources().set_index("source_id")["language"]
    english, vietnamese = sources[sources == "en"].index[0], sources[sources == "vi"].index[0]
    obs = make_obs([{"value": 500, "period": "2021", "source_id": english, "value_raw": "500 million dollars"},
                    {"value": 600, "period": "2022", "source_id": vietnamese, "value_raw": "đạt 600 triệu USD"}])
    how = vi(obs).turnover.set_index("year")["how"]
    assert how[2021] == "số công bố: «(nguồn tiếng Anh)»" and how[2022] == "số công bố: «đạt 600 triệu USD»"
    assert trade.Trade(Scope(LS), obs, NO_EVENTS, NO_CONTEXT).turnover.set_index("year")["how"][2021] == (
        "printed: «500 million dollars»")


def test_no_data_notes_are_vietnamese():
    empty = vi(make_obs([{"value": 500, "period": "2021"}])[0:0], scope=Scope("Hà Giang", language="vi"))
    notes = [str(getattr(td, name)(empty)) for name in ("turnover_chart", "yoy_chart", "attainment_chart", "parts_chart",
                                                        "trucks_chart", "plans_table", "revenue_table")]
    assert notes[0] == ("> **Không có số liệu.** Bộ dữ liệu không có số liệu cả năm về kim ngạch xuất nhập khẩu mở tờ "
                        "khai của Hà Giang; phần này để trống thay vì vẽ biểu đồ không có số liệu.")
    for note in notes:
        assert note.startswith("> **Không có số liệu.**") and "Hà Giang" in note
        check_vi(note)
    assert [getattr(td, n)(empty) for n in ("turnover_table", "yoy_table", "parts_table", "trucks_table", "after_table",
                                            "knock_table", "mags_table", "check_table")] == [None] * 8


def test_real_data_charts_are_vietnamese(real):
    import matplotlib.text

    for name in ("turnover_chart", "yoy_chart", "attainment_chart", "parts_chart", "trucks_chart"):
        fig = getattr(td, name)(real)
        texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip()]
        for text in texts:
            # the source line lists source ids (names of files, not words)
            check_vi(text.split("Nguồn:")[0])
        assert not any("Sources" in t for t in texts)


@pytest.mark.parametrize("start, end", [(2021, 2022), (2020, 2020)])
def test_real_data_claims_in_shorter_windows_are_vietnamese(start, end):
    t = trade.Trade(Scope(LS, start, end, language="vi"))
    for claim in all_claims(t):
        check_vi(claim.text("vi"))


@pytest.fixture(scope="module")
def kylinh(kylinh_data):
    import fixture_data as fd

    sources, events = fd.table(kylinh_data, "sources"), fd.table(kylinh_data, "events")
    ids = set(sources.loc[sources["province"] == fd.PROVINCE, "source_id"])
    return trade.Trade(Scope(fd.PROVINCE, language="vi"), fd.table(kylinh_data, "observations"),
                       events[events["source_id"].isin(ids)].reset_index(drop=True),
                       fd.table(kylinh_data, "context"))


def test_kylinh_claims_in_vietnamese(kylinh):
    for claim in all_claims(kylinh):
        check_vi(claim.text("vi"))
    # from the fixture's printed figures: 301,0 and 386,3 (2021), 402,5 and 409,9 (2022) million USD; budget
    # 4.120 (2021) and 3.943 (2022) tỷ đồng, down 4,3%; turnover up 18,2%; all goods 1.950 against 812,4.
    assert tc.export_share(kylinh).text("vi") == (
        "**Xuất khẩu tăng tỷ trọng so với nhập khẩu**: tỷ trọng xuất khẩu trong kim ngạch xuất nhập khẩu mở tờ khai "
        f"từ {100 * 301.0 / 687.3:.0f}% trong năm 2021 tăng lên {100 * 402.5 / 812.4:.0f}% trong năm 2022, "
        "không lúc nào thấp hơn mức ban đầu.")
    assert tc.budget(kylinh).text("vi") == ("Thu ngân sách nhà nước trên địa bàn năm 2022 đạt 3.943 tỷ đồng, thấp hơn "
                                            "mức 4.120 tỷ đồng của năm 2021.")
    assert tc.revenue(kylinh).text("vi") == (
        "**Thu ngân sách không biến động theo kim ngạch xuất nhập khẩu mở tờ khai**: năm 2022: kim ngạch +18,2%, "
        "thu ngân sách nhà nước trên địa bàn −4,3%.")
    assert tc.reopening(kylinh).text("vi") == (
        "Số liệu không ghi nhận việc mở lại cửa khẩu sau lần đóng cửa khẩu hoặc tạm dừng thông quan cuối cùng trong "
        "kỳ (tạm dừng thông quan tại cửa khẩu Pò Lùng, ngày 10/3/2022).")
    assert tc.magnitudes(kylinh).text("vi") == (
        f"Trong năm 2022, kỳ duy nhất có cả hai số liệu, kim ngạch hàng hóa qua địa bàn gấp "
        f"{1950 / 812.4:.1f}".replace(".", ",") + " lần kim ngạch mở tờ khai.")
    assert "Lạng Sơn" not in " ".join(c.text("vi") for c in all_claims(kylinh))
