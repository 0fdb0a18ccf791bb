"""The Vietnamese words of the trade study (``trade`` wordings in ``vi``), in the statistics office's terms."""

from __future__ import annotations

from lso_analysis.present import wording

#: Captions, titles, headings and notes (``trade.words``) in Vietnamese.
WORDS = {
    "and": " và ",
    "how_missing": "không có số liệu cả năm",
    "how_partial": "không có số liệu cả năm; kỳ dài nhất có số liệu ({period}): {value} ({origin})",
    "how_derived_next": "suy ra từ {inputs}, công bố cho năm {next}: {method}",
    "how_derived": "suy ra từ {inputs}: {method}",
    "how_printed": "số công bố: «{raw}»",
    "origin_reported": "số báo cáo",
    "origin_estimated": "ước tính",
    "origin_derived": "số tính toán",
    "origin_missing": "không có số liệu",
    "method_base_from_growth": "mức kim ngạch ÷ (1 + tốc độ tăng)",
    "method_month_from_ytd": "hiệu của hai số lũy kế từ đầu năm",
    "method_whole_from_share": "bộ phận ÷ tỷ trọng",
    "growth_printed": "số công bố",
    "growth_implied": "tính từ mức kim ngạch hai năm",
    "declared_at": "mở tờ khai tại {customs}",
    "declared_here": "mở tờ khai trên địa bàn {province}",
    "turnover_title": "Kim ngạch xuất nhập khẩu {declared}, {window}",
    "turnover_caption": ("Cách xác định kim ngạch xuất nhập khẩu mở tờ khai của {province} từng năm "
                         "(trích nguyên văn số liệu đã công bố)"),
    "turnover_missing": "số liệu cả năm về kim ngạch xuất nhập khẩu mở tờ khai",
    "yoy_title": "Kim ngạch xuất nhập khẩu mở tờ khai so với cùng kỳ năm trước, {province} (vạch xám: thời kỳ của số liệu)",
    "yoy_caption": "Tốc độ tăng kim ngạch xuất nhập khẩu mở tờ khai của {province} so với cùng kỳ năm trước, theo từng kỳ công bố",
    "yoy_missing": "số liệu tốc độ tăng của kim ngạch xuất nhập khẩu mở tờ khai",
    "plans_caption": "Kim ngạch xuất nhập khẩu mở tờ khai của {province}: tốc độ tăng và kế hoạch từng năm",
    "plans_missing": "số liệu kim ngạch xuất nhập khẩu mở tờ khai",
    "attainment_title": "Tỷ lệ thực hiện so với kế hoạch của kim ngạch xuất nhập khẩu mở tờ khai, {province}",
    "attainment_missing": "số liệu tỷ lệ thực hiện kế hoạch kim ngạch xuất nhập khẩu mở tờ khai",
    "parts_title": "Xuất khẩu và nhập khẩu {declared}: lũy kế từ đầu năm",
    "parts_ylabel": "% tổng kim ngạch xuất khẩu và nhập khẩu",
    "ylabel_usd": "triệu USD",
    "raw_other_language": "(nguồn tiếng Anh)",
    "parts_note": "Số trên mỗi cột: tổng kim ngạch xuất khẩu và nhập khẩu, triệu USD.",
    "exports": "xuất khẩu",
    "imports": "nhập khẩu",
    "derived_bar": "số tính toán (suy ra)",
    "parts_caption": "Xuất khẩu và nhập khẩu {declared} (lũy kế từ đầu năm)",
    "parts_missing": "cặp số liệu xuất khẩu và nhập khẩu cùng kỳ",
    "trucks_title": "Xe hàng ùn ứ tại các cửa khẩu của {province}, cùng các lần đóng cửa khẩu, tạm dừng và mở lại thông quan",
    "trucks_caption": "Số xe hàng chờ thông quan tại các cửa khẩu của {province}: số liệu tin cậy nhất cho mỗi ngày",
    "trucks_missing": "số liệu về số xe hàng chờ thông quan tại các cửa khẩu",
    "after_caption": ("Kim ngạch xuất nhập khẩu mở tờ khai của {province} từ tháng mở lại cửa khẩu trở đi, "
                      "so với cùng kỳ năm trước"),
    "revenue_caption": ("Thu ngân sách nhà nước trên địa bàn và thu từ hoạt động xuất nhập khẩu của {province}, "
                        "cả năm và lũy kế từ đầu năm"),
    "revenue_missing": "số liệu thu ngân sách nhà nước hoặc thu từ hoạt động xuất nhập khẩu",
    "knock_caption": "Tốc độ tăng kim ngạch xuất nhập khẩu mở tờ khai và tốc độ tăng thu ngân sách của {province} trong cùng một kỳ",
    "knock_missing": "kỳ có đồng thời tốc độ tăng kim ngạch và tốc độ tăng thu ngân sách",
    "mags_caption": "Hai chuỗi số liệu của {province} ở những kỳ công bố cả hai",
    "mags_missing": "kỳ có đồng thời kim ngạch mở tờ khai và kim ngạch hàng hóa qua địa bàn",
    "check_caption": ("Kiểm tra quy mô, {province}: từng số liệu thương mại quy về cả năm, đối chiếu với "
                      "khoảng quy mô của chuỗi tương ứng"),
    "check_missing": "số liệu thương mại tính bằng USD",
    "band_derived": "tính từ số liệu của chính địa phương",
    "band_recorded": "ghi nhận cho địa phương (magnitude_bands.csv)",
    "band_none": "chưa có khoảng (quá ít số liệu)",
    "trade_turnover": "Kim ngạch xuất nhập khẩu mở tờ khai",
    "exports_name": "Xuất khẩu",
    "imports_name": "Nhập khẩu",
    "trade_turnover_all_goods": "Hàng hóa qua địa bàn (mọi loại hình)",
    "local_exports": "Xuất khẩu hàng hóa địa phương",
    "budget_revenue": "Thu ngân sách nhà nước trên địa bàn",
    "customs_revenue": "Thu ngân sách từ hoạt động xuất nhập khẩu",
    "no_data_note": ("> **Không có số liệu.** Bộ dữ liệu không có {what} của {province}; phần này để trống "
                     "thay vì vẽ biểu đồ không có số liệu."),
    # events in words (the events' titles are English data): by kind, at one or more crossings
    "gate": "cửa khẩu {name}",
    "gates": "các cửa khẩu {names}",
    "auxiliary gates": "các cửa khẩu phụ",
    "event_at": "{kind} tại {gates}",
    "event_at_closure": "đóng {gates}",
    "event_at_reopening": "mở lại {gates}",
    # chart words drawn by the shared plotting functions
    "fig_reported": "số báo cáo",
    "fig_estimated": "ước tính",
    "fig_derived": "số tính toán (suy ra)",
    "fig_open": "khoảng mở một phía (hơn/dưới)",
    "fig_no_data": "không có số liệu",
    "fig_bars": "Vạch dọc: khoảng giá trị mà số liệu công bố cho phép.",
    "fig_sources": "Nguồn: ",
    "fig_no_sources": "Nguồn: không có",
    "fig_plan_ylabel": "% kế hoạch",
    "fig_partial": "chưa đủ năm",
    "fig_plan_line": "Đường nét đứt: 100% kế hoạch.",
    "fig_unlabelled": "{n}/{total} sự kiện không ghi nhãn (quá gần sự kiện khác).",
    "fig_outside": "{n} sự kiện ngoài khoảng {first}–{last} không được vẽ.",
    "fig_usd_million": "triệu USD",
    "fig_count": "số xe",
    "lane_border": "biên giới",
    "lane_covid": "COVID-19",
    "lane_digital": "chuyển đổi số",
    "lane_policy": "chính sách",
    # table headings
    "h_year": "Năm", "h_period": "Kỳ", "h_date": "Ngày", "h_series": "Chỉ tiêu", "h_figure": "Loại số liệu",
    "h_how": "Cách xác định", "h_source": "Nguồn", "h_declared": "Kim ngạch mở tờ khai",
    "h_growth": "So với cùng kỳ năm trước", "h_growth_before": "So với năm trước",
    "h_growth_how": "Cách xác định tốc độ tăng", "h_plan_pct": "Tỷ lệ thực hiện kế hoạch", "h_plan": "Kế hoạch suy ra",
    "h_exports": "Xuất khẩu", "h_imports": "Nhập khẩu", "h_share": "Tỷ trọng xuất khẩu", "h_trucks": "Số xe chờ",
    "h_raw": "Nguyên văn", "h_note": "Ghi chú", "h_revenue": "Khoản thu", "h_amount": "Số thu",
    "h_revenue_growth": "Tốc độ tăng thu", "h_all_goods": "Hàng hóa qua địa bàn",
    "h_ratio": "Hàng hóa qua địa bàn ÷ mở tờ khai", "h_figures": "Số lượng số liệu", "h_fit": "Nằm trong khoảng",
    "h_per_year": "Quy về cả năm (triệu USD)", "h_band": "Khoảng quy mô/năm", "h_basis": "Căn cứ của khoảng",
    "h_share_plan": "Tỷ lệ thực hiện kế hoạch",
}

DECLARED = "kim ngạch xuất nhập khẩu mở tờ khai"


def _list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " và " + items[-1] if items else ""


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _in(f, span, capital: bool = False) -> str:
    """ "trong 6 tháng đầu năm 2020", but "từ ngày 1/1/2022 đến ngày 22/3/2022" as it is."""
    text = f.one(span)
    text = text if text.startswith("từ ") else "trong " + text
    return text[:1].upper() + text[1:] if capital else text


def _coverage(claim, f) -> str:
    v = claim.values
    parts = [f"**{v[k]}** năm {word} ({f.one(v[k + '_years'])})" for k, word in
             (("reported", "có số báo cáo"), ("estimated", "là số ước tính"), ("derived", "là số tính toán"),
              ("missing", "không có số liệu")) if v[k]]
    return f"Trong **{v['n']}** năm của kỳ phân tích, {_list(parts)}."


def _step(f, s: dict) -> str:
    verb = {"rose": "tăng lên ", "fell": "giảm xuống ", "flat": "giữ ở mức ", "": ""}[s["direction"]]
    origin = {"estimated": "ước tính", "derived": "số tính toán", "reported": "số báo cáo"}.get(s["origin"], s["origin"])
    note = (f.one(s["growth"]) + (", tính từ mức kim ngạch hai năm" if s["implied"] else "")
            if s["growth"] is not None else origin)
    return f"{verb}{f.one(s['level'])} {f.one(s['year'])} ({note})"


def _steps(claim, f) -> str:
    steps = claim.values.get("steps", [])
    if not steps:
        return ""
    if len(steps) == 1:
        return f" Mức cả năm duy nhất trong kỳ là {_step(f, dict(steps[0], direction=''))}."
    lead = "đạt " if not steps[0]["direction"] else ""
    return f" Theo từng năm, kim ngạch {lead}" + _list([_step(f, s) for s in steps]) + "."


def _falls(claim, f) -> str:
    v = claim.values
    others = [f"{_in(f, p)} ({f.one(g)})" for g, p in v["others"]]
    head = (f"**Kim ngạch xuất nhập khẩu mở tờ khai giảm mạnh nhất {_in(f, v['period'])}** "
            f"({f.one(v['growth'])} so với cùng kỳ năm trước)")
    return head + (" và " + _list(others) if others else "") + "." + _steps(claim, f)


def _rose(claim, f) -> str:
    v = claim.values
    return (f"**Kim ngạch xuất nhập khẩu mở tờ khai tăng so với cùng kỳ năm trước ở mọi kỳ có số liệu tốc độ tăng**: "
            f"thấp nhất {f.one(v['low'])} ({f.one(v['low_period'])}), cao nhất {f.one(v['high'])} "
            f"({f.one(v['high_period'])})." + _steps(claim, f))


def _levels(claim, f) -> str:
    return ("**Kim ngạch xuất nhập khẩu mở tờ khai theo từng năm**: trong kỳ không có số liệu tốc độ tăng."
            + _steps(claim, f))


def _plans(claim, f) -> str:
    items = []
    for i, p in enumerate(claim.values["plans"]):
        verb = "là " if i == 0 else {"raised": "nâng lên ", "cut": "hạ xuống ", "kept": "giữ ở mức "}[p["change"]]
        items.append(f"{f.one(p['year'])} {verb}{f.one(p['plan'])}")
    return f"Kế hoạch kim ngạch suy ra từ tỷ lệ thực hiện kế hoạch: {_list(items)}."


def _share(item, f) -> str:
    fig, span, derived = item
    return f"{f.one(fig)} {_in(f, span)}" + (" (số tính toán)" if derived else "")


def _export_share(head: str, shape: str):
    def render(claim, f) -> str:
        v = claim.values
        first, lows, last = _share(v["first"], f), [_share(x, f) for x in v["lows"]], _share(v["last"], f)
        lead = f"tỷ trọng xuất khẩu trong {DECLARED}"
        if shape == "dipped":
            body = f"{lead} là {first}, giảm xuống {_list(lows)}, sau đó đạt {last}."
        elif shape == "fell":
            body = f"{lead} là {first}, rồi giảm xuống {_list(lows)}, mức thấp nhất, vào cuối kỳ."
        elif shape == "rose":
            body = f"{lead} từ {first} tăng lên {last}, không lúc nào thấp hơn mức ban đầu."
        else:
            body = (f"{lead} không lúc nào thấp hơn mức ban đầu ({first}); cao nhất đạt "
                    f"{_share(v['high'], f)}, cuối kỳ là {last}.")
        return f"**{head}**: {body}"
    return render


def _pairs(claim, f) -> str:
    return "; ".join(f"{f.one(p)}: kim ngạch {f.one(t)}, {_lower(n)} {f.one(r)}" for p, t, n, r in claim.values["pairs"])


def _revenue(head: str):
    return lambda claim, f: f"**{head}**: {_pairs(claim, f)}."


def _after(claim, f) -> str:
    v = claim.values
    items = [f"{_lower(n)} {f.one(g)}" for n, g in v["growth"]]
    lead = {"exports_led": " Xuất khẩu tăng nhanh hơn nhập khẩu.", "imports_led": " Nhập khẩu tăng nhanh hơn xuất khẩu.",
            "turnover_only": ""}[claim.case]
    return f"{_in(f, v['period'], True)}, sau khi mở lại cửa khẩu, so với cùng kỳ năm trước: {_list(items)}.{lead}"


def _fit(claim, f) -> str:
    v = claim.values
    rest = f" Còn {v['unjudged']} số liệu chưa có khoảng quy mô để đối chiếu." if v["unjudged"] else ""
    if claim.case == "all_fit" and v["n"] == 1:
        return f"Số liệu thương mại duy nhất có khoảng quy mô trong kỳ nằm trong khoảng quy mô của chuỗi tương ứng.{rest}"
    if claim.case == "all_fit":
        return (f"Cả **{v['n']}** số liệu thương mại có khoảng quy mô trong kỳ đều nằm trong khoảng quy mô của chuỗi "
                f"tương ứng.{rest}")
    series = _list([f"{_lower(name)} ({k}/{n})" for name, k, n in v["misfit"]])
    return (f"**{v['fit']}**/**{v['n']}** số liệu thương mại có khoảng quy mô trong kỳ nằm trong khoảng quy mô của chuỗi "
            f"tương ứng; các số liệu nằm ngoài khoảng: {series}. Các số liệu này có thể đã bị xếp nhầm chuỗi.{rest}")


def _again(claim, f) -> str:
    v = claim.values
    text = (f"Sau đó số xe giảm xuống {f.one(v['low'])} xe vào ngày {f.one(v['low_day'])}, rồi tăng trở lại "
            f"{f.one(v['again'])} xe vào ngày {f.one(v['again_day'])}")
    if claim.case == "again":
        return text + ", trong khi tháng trước đó không ghi nhận lần đóng cửa khẩu hay tạm dừng thông quan nào."
    when = {0: "cùng ngày", 1: "một ngày sau khi"}.get(v["days"], f"{v['days']} ngày sau khi")
    return text + f", {when} {f.one(v['closure'])}."


def _resumed(c, f) -> str:
    v = c.values
    return ("Số liệu không ghi nhận việc mở lại cửa khẩu sau lần đóng cửa khẩu hoặc tạm dừng thông quan cuối cùng trong "
            f"kỳ ({f.one(v['closure'])}, ngày {f.one(v['closure_day'])}); thông quan được khôi phục tại từng cửa khẩu: "
            + "; ".join(f"{f.one(title)} (ngày {f.one(day)})" for title, day in v["resumed"]) + ".")


_SHUT = "lần đóng cửa khẩu hoặc tạm dừng thông quan"
_PEAK = "Số xe hàng ùn ứ cao nhất mà số liệu ghi nhận là {peak} xe vào ngày {day}"
_LAST = " Lần đếm cuối cùng trong kỳ là {last} xe vào ngày {last_day}."

CLAIMS = {
    ("trade.title", "title"): "## Xuất nhập khẩu qua các cửa khẩu biên giới của {province}, {window}",
    ("trade.context", "text"): "{text}",
    ("trade.coverage", "complete"): _coverage,
    ("trade.coverage", "gaps"): _coverage,
    ("trade.coverage", "no_data"): f"Không có số liệu cả năm về {DECLARED} của {{province}} trong {{window}}.",
    ("trade.direction", "fell"): _falls,
    ("trade.direction", "rose"): _rose,
    ("trade.direction", "levels_only"): _levels,
    ("trade.direction", "no_data"): (f"Không có số liệu {DECLARED} của {{province}} trong {{window}}: chưa thể xác "
                                     "định xu hướng của hoạt động xuất nhập khẩu."),
    ("trade.plans", "changed"): _plans,
    ("trade.plans", "one"): ("Tỷ lệ thực hiện kế hoạch chỉ cho phép suy ra một kế hoạch: {plan} cho {year}; một kế "
                             "hoạch không cho thấy việc điều chỉnh kế hoạch."),
    ("trade.plans", "no_data"): "Không có số liệu tỷ lệ thực hiện kế hoạch đi kèm mức kim ngạch cả năm để suy ra kế hoạch.",
    ("trade.export_share", "dipped_closures"): _export_share("Xuất khẩu chịu tác động chính của các đợt đóng cửa khẩu",
                                                             "dipped"),
    ("trade.export_share", "dipped"): _export_share("Tỷ trọng xuất khẩu giảm rồi phục hồi", "dipped"),
    ("trade.export_share", "fell_closures"): _export_share("Xuất khẩu chịu tác động chính của các đợt đóng cửa khẩu",
                                                           "fell"),
    ("trade.export_share", "fell"): _export_share("Xuất khẩu mất dần tỷ trọng so với nhập khẩu", "fell"),
    ("trade.export_share", "rose"): _export_share("Xuất khẩu tăng tỷ trọng so với nhập khẩu", "rose"),
    ("trade.export_share", "held"): _export_share("Xuất khẩu giữ vững tỷ trọng", "held"),
    ("trade.export_share", "too_thin"): lambda c, f: (
        f"Xuất khẩu chiếm {f.one(c.values['share'])} {DECLARED} {_in(f, c.values['period'])}, kỳ duy nhất có cả số "
        "liệu xuất khẩu và nhập khẩu: một kỳ không cho thấy sự dịch chuyển."),
    ("trade.export_share", "no_data"): ("Không có kỳ nào có cả số liệu xuất khẩu và nhập khẩu của {province} trong "
                                        "{window}: chưa thể xác định bên nào chịu tác động khi kim ngạch giảm."),
    ("trade.backlog", "peak_after_closure"): (_PEAK + ", {days} ngày sau " + _SHUT + " gần nhất trước đó ({closure}, "
                                              "ngày {closure_day})." + _LAST),
    ("trade.backlog", "peak_on_closure"): _PEAK + ", đúng ngày {closure}." + _LAST,
    ("trade.backlog", "peak"): (_PEAK + "; trong tháng trước đó không ghi nhận " + _SHUT + " nào." + _LAST),
    ("trade.backlog", "one_count"): ("Số liệu chỉ có một lần đếm xe hàng chờ thông quan: {peak} xe vào ngày {day}; một "
                                     "lần đếm không cho thấy tình trạng ùn ứ tăng lên hay được giải tỏa."),
    ("trade.backlog", "no_data"): "Không có số liệu về số xe hàng ùn ứ tại các cửa khẩu của {province} trong {window}.",
    ("trade.backlog_again", "again"): _again,
    ("trade.backlog_again", "again_after_closure"): _again,
    ("trade.reopening", "reopened"): ("Sau " + _SHUT + " cuối cùng được ghi nhận trong kỳ ({closure}, ngày "
                                      "{closure_day}), ngày **{day}** ghi nhận việc {title}."),
    ("trade.reopening", "reopened_no_closure"): ("Số liệu ghi nhận việc {title} vào ngày **{day}**; trong kỳ không ghi "
                                                 "nhận lần đóng cửa khẩu nào trước đó."),
    ("trade.reopening", "resumed"): _resumed,
    ("trade.reopening", "not_reopened"): ("Số liệu không ghi nhận việc mở lại cửa khẩu sau " + _SHUT + " cuối cùng "
                                          "trong kỳ ({closure}, ngày {closure_day})."),
    ("trade.reopening", "no_events"): ("Số liệu không ghi nhận lần đóng cửa khẩu hay mở lại cửa khẩu nào của {province} "
                                       "trong {window}."),
    ("trade.after", "exports_led"): _after,
    ("trade.after", "imports_led"): _after,
    ("trade.after", "turnover_only"): _after,
    ("trade.after", "no_data"): "Không có số liệu tốc độ tăng cho kỳ nào sau khi mở lại cửa khẩu.",
    ("trade.revenue", "together"): _revenue(f"Thu ngân sách biến động cùng chiều với {DECLARED}"),
    ("trade.revenue", "apart"): _revenue(f"Thu ngân sách không biến động theo {DECLARED}"),
    ("trade.revenue", "mixed"): _revenue(f"Thu ngân sách chỉ cùng chiều với {DECLARED} ở một số kỳ"),
    ("trade.revenue", "no_data"): (f"Không có kỳ nào có đồng thời tốc độ tăng của {DECLARED} và của thu ngân sách của "
                                   "{province} trong {window}: chưa thể đánh giá thu ngân sách có biến động theo kim "
                                   "ngạch hay không."),
    ("trade.budget", "below_peak"): ("Thu ngân sách nhà nước trên địa bàn {last_year} đạt {last}, thấp hơn mức {peak} "
                                     "của {peak_year}."),
    ("trade.budget", "at_peak"): ("Thu ngân sách nhà nước trên địa bàn {last_year} đạt {last}, mức cao nhất trong các "
                                  "năm có số liệu cả năm của kỳ."),
    ("trade.budget", "one_year"): ("Thu ngân sách nhà nước trên địa bàn chỉ có một số liệu cả năm trong kỳ: {last} "
                                   "{last_year}; chưa thể so sánh."),
    ("trade.budget", "no_data"): "Không có số liệu cả năm về thu ngân sách nhà nước trên địa bàn {province} trong {window}.",
    ("trade.magnitudes", "apart"): ("Ở những kỳ công bố cả hai số liệu, kim ngạch hàng hóa qua địa bàn (mọi loại hình) "
                                    "gấp {low} đến {high} lần kim ngạch mở tờ khai ({n} kỳ)."),
    ("trade.magnitudes", "one_apart"): lambda c, f: (
        f"{_in(f, c.values['period'], True)}, kỳ duy nhất có cả hai số liệu, kim ngạch hàng hóa qua địa bàn gấp "
        f"{f.one(c.values['ratio'])} lần kim ngạch mở tờ khai."),
    ("trade.magnitudes", "close"): ("Ở những kỳ công bố cả hai số liệu, kim ngạch hàng hóa qua địa bàn chỉ gấp {low} đến "
                                    "{high} lần kim ngạch mở tờ khai: chênh lệch không đủ lớn để nhận ra một số liệu "
                                    "bị xếp nhầm chuỗi chỉ qua quy mô."),
    ("trade.magnitudes", "no_data"): ("Không có kỳ nào có đồng thời kim ngạch mở tờ khai và kim ngạch hàng hóa qua địa "
                                      "bàn của {province} trong {window}."),
    ("trade.magnitude_fit", "all_fit"): _fit,
    ("trade.magnitude_fit", "misfit"): _fit,
    ("trade.magnitude_fit", "unjudged"): ("Cả {n} số liệu thương mại trong kỳ đều chưa có khoảng quy mô để đối chiếu: "
                                          "địa phương chưa có khoảng quy mô được ghi nhận và có quá ít số liệu để tự "
                                          "xác định."),
    ("trade.magnitude_fit", "no_data"): "Không có số liệu thương mại tính bằng USD của {province} trong {window}.",
}

wording.register("trade", "vi", {**{("trade.words", k): v for k, v in WORDS.items()}, **CLAIMS})
