"""The Vietnamese words of the COVID-19 study (notebook 10): claims, names, captions and headings."""

from __future__ import annotations

from lso_analysis.present import wording

_VI: dict = {}

# Names used inside a sentence: sectors, channels (the codebook's name_vi), benchmark kinds, source kinds.
_VI |= {("covid.word", k): v for k, v in {
    "grdp": "tổng sản phẩm trên địa bàn (GRDP)", "grdp_agriculture": "khu vực nông, lâm nghiệp và thủy sản",
    "grdp_industry_construction": "khu vực công nghiệp và xây dựng", "grdp_services": "khu vực dịch vụ",
    "grdp_product_taxes": "thuế sản phẩm trừ trợ cấp sản phẩm", "iip": "chỉ số sản xuất công nghiệp (IIP)",
    "retail_sales": "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
    "trade_turnover": "kim ngạch xuất nhập khẩu mở tờ khai tại Cục Hải quan tỉnh",
    "pre-2020 average": "tốc độ tăng bình quân trước đại dịch",
    "average including 2020": "tốc độ tăng bình quân kéo dài sang thời kỳ đại dịch",
    "target": "chỉ tiêu tăng trưởng", "average from 2020 on": "tốc độ tăng bình quân thời kỳ đại dịch",
    "reliability_official": "chính thức", "reliability_press": "báo chí", "reliability_mirror": "trang đăng lại",
    "reliability_low": "có độ tin cậy thấp",
}.items()}

# The same names as table entries: the codebook's name_vi (data/reference/indicators.csv).
_VI |= {("covid.name", k): v for k, v in {
    "grdp": "Tổng sản phẩm trên địa bàn (GRDP)", "grdp_agriculture": "GRDP khu vực nông, lâm nghiệp và thủy sản",
    "grdp_industry_construction": "GRDP khu vực công nghiệp và xây dựng", "grdp_services": "GRDP khu vực dịch vụ",
    "grdp_product_taxes": "Thuế sản phẩm trừ trợ cấp sản phẩm", "iip": "Chỉ số sản xuất công nghiệp (IIP)",
    "retail_sales": "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
    "trade_turnover": "Tổng kim ngạch xuất nhập khẩu qua địa bàn (mở tờ khai tại Cục Hải quan tỉnh)",
}.items()}

# Event lanes of the timeline chart (the events' category codes).
_VI |= {("covid.lane", k): v for k, v in {
    "covid": "dịch COVID-19", "border": "cửa khẩu", "digital": "chuyển đổi số", "policy": "chính sách",
}.items()}

# Captions, chart titles and table headings ({province}, {window} filled in by the study).
_VI |= {("covid.label", k): v for k, v in {
    "growth_caption": "Tốc độ tăng GRDP so với cùng kỳ năm trước, {province}, {window}",
    "growth_what": "số liệu tốc độ tăng trưởng GRDP",
    "timeline_title": "Tốc độ tăng GRDP so với cùng kỳ năm trước, {province} (vạch xám: thời kỳ số liệu phản ánh)",
    "bench_line": "bình quân {period}: {rate}",
    "path_title": "Chỉ số GRDP của {province}: thực tế và theo tốc độ mốc",
    "path_actual": "thực tế, tính liên hoàn từ tốc độ tăng", "path_bench": "theo tốc độ {rate}/năm (bình quân {period})",
    "path_unit": "chỉ số, năm {base} = 100",
    "path_caption": "Chỉ số GRDP của {province} so với quỹ đạo theo tốc độ mốc",
    "path_caption_ref": "Chỉ số GRDP của {province} so với quỹ đạo theo tốc độ mốc (năm gốc của chỉ số nằm trước giai đoạn phân tích)",
    "path_what": "quỹ đạo theo tốc độ mốc",
    "sens_caption": "Chênh lệch so với từng mốc so sánh có trong dữ liệu, {province}",
    "sens_what": "tốc độ tăng trưởng làm mốc so sánh",
    "sector_caption": "Tốc độ tăng theo khu vực kinh tế so với cùng kỳ năm trước, {province} (ước: số ước tính)",
    "sector_what": "số liệu tốc độ tăng theo khu vực kinh tế", "est": " (ước)",
    "channel_caption": "Tốc độ tăng của công nghiệp, bán lẻ và xuất nhập khẩu so với cùng kỳ năm trước, {province}",
    "channel_what": "số liệu tốc độ tăng của công nghiệp, bán lẻ hoặc xuất nhập khẩu",
    "avg_caption": "Tốc độ tăng bình quân nhiều năm của các chỉ tiêu này có trong dữ liệu, {province}",
    "avg_what": "tốc độ tăng bình quân nhiều năm của công nghiệp, bán lẻ hoặc xuất nhập khẩu",
    "tb_caption": "Mô hình gãy xu thế cho {province}: các hệ số ước lượng",
    "tb_caption_exact": "Mô hình gãy xu thế cho {province}, khớp chính xác: phép tính số học, không phải ước lượng",
    "tb_what": "kết quả ước lượng mô hình gãy xu thế",
    "col_period": "Thời kỳ", "col_growth": "Tốc độ tăng GRDP", "col_figure": "Loại số liệu", "col_source": "Nguồn",
    "col_year": "Năm", "col_actual": "Chỉ số thực tế", "col_bench": "Theo tốc độ mốc", "col_gap": "Chênh lệch",
    "col_cum": "Chênh lệch cộng dồn (điểm chỉ số)", "col_benchmark": "Mốc so sánh", "col_rate": "Tốc độ mỗi năm",
    "col_last": "Năm cuối", "col_last_gap": "Chênh lệch năm cuối", "col_sector": "Khu vực",
    "col_indicator": "Chỉ tiêu", "col_channel_growth": "Tốc độ tăng", "col_over": "Thời kỳ tính bình quân",
    "col_avg": "Tốc độ tăng bình quân mỗi năm", "col_kind": "Loại mốc", "col_term": "Hệ số", "col_effect": "Tác động",
    "col_ci": "Khoảng tin cậy 95%", "term_trend": "tốc độ tăng theo xu thế mỗi năm",
    "term_year": "năm {year} so với xu thế", "ci_none": "không có: phần dư không còn bậc tự do", "origin_missing": "thiếu số liệu",
}.items()}

# Crossings the events name in words (the gates' proper names stay as they are).
_VI |= {("covid.crossing", "auxiliary gates"): "các cửa khẩu phụ", ("covid.crossing", "border markets"): "các chợ biên giới"}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _pct(f, fig) -> str:
    """A growth figure without a "+" sign (a fall keeps its "−"): "6,67%", "−1,85%"."""
    return f.one(fig, "abs") if fig.value >= 0 else f.one(fig)


def _change(f, fig) -> str:
    """"tăng 0,47%" or "giảm 1,85%": the verb follows the sign."""
    return f"tăng {f.one(fig, 'abs')}" if fig.value >= 0 else f"giảm {f.one(fig, 'abs')}"


def _bench(c, f) -> str:
    v = c.values
    return f", so với mức bình quân {f.one(v['bench'])}/năm {f.one(v['bench_period'])}" if "bench" in v else ""


def _est(c, f, key: str = "other_estimate", text: str = " (ước tính)") -> str:
    return text if c.values.get(key) else ""


def _range(c, f) -> str:
    v = c.values
    if v["n"] == 1:
        return f"{_pct(f, v['low'])} ({f.one(v['years'])})"
    return f"từ {_pct(f, v['low'])} đến {_pct(f, v['high'])} ({f.one(v['years'])})"


def _overview(tail: str):
    def render(c, f) -> str:
        v = c.values
        est = (f"trong đó **{v['n_est']}** là số ước tính" if v["n_est"] else "không có số ước tính nào")
        text = (f"Với **{f.one(v['province'])}**, dữ liệu có **{v['n']} số liệu tốc độ tăng trưởng GRDP** trong "
                f"{f.one(v['window'])} ({v['n_years']} số liệu cả năm, {v['n_halves']} số liệu 6 tháng đầu năm), {est}.")
        return text + " " + f.format(tail, **v)
    return render


def _trough(head: str, tail=None):
    def render(c, f) -> str:
        v = c.values
        text = f"**{head.format(period=f.one(v['period']))}**: GRDP {_change(f, v['growth'])}{_bench(c, f)}."
        return text + (tail(c, f) if tail else "")
    return render


def _other(lead: str):
    def render(c, f) -> str:
        v = c.values
        return f" {lead} {f.one(v['other_period'])}: {_change(f, v['other'])}{_est(c, f)}."
    return render


def _steps(f, steps) -> str:
    return f.one([f"{f.one(span)} {_change(f, fig)}" for fig, span in steps])


def _gap(head: str, where: str):
    def render(c, f) -> str:
        v = c.values
        text = (f"**{head}**: đến {f.one(v['year'])}, GRDP {where} {f.one(v['gap'], 'abs')} so với quỹ đạo tăng "
                f"{f.one(v['rate'])}/năm (mức bình quân {f.one(v['bench_period'])}); chênh lệch của các năm cộng dồn "
                f"bằng {f.one(v['cum'], 'abs')} GRDP {f.one(v['base'])}.")
        if v["n_bench"] > 1:
            text += (f" Với {v['n_bench']} mốc so sánh có trong dữ liệu, mức chênh lệch dao động từ "
                     f"{f.one(v['spread_low'])} đến {f.one(v['spread_high'])}.")
        else:
            text += " Dữ liệu không có mốc so sánh nào khác để thử."
        return text
    return render


def _measures(c, f) -> str:
    items = c.values.get("measures") or []
    period = f.one(c.values["period"])
    if not items:
        return f"Dữ liệu không ghi nhận việc đóng cửa khẩu, giãn cách xã hội hay đợt dịch nào trong {period}"
    return (f"Trong {period}, dữ liệu ghi nhận: "
            + f.one([f"{f.one(name)} ({f.one(where) + ', ' if where else ''}{f.one(day)})"
                     for name, where, day in items]))


def _years(f, years) -> str:
    return "năm " + f.one(list(years))


_VI |= {
    ("covid.title", "window"): "## {province}, {window}",
    ("covid.context", "text"): "{text}",
    ("covid.overview", "with_benchmark"): _overview("Mốc so sánh là **{bench}/năm**, tức {bench_kind} ({bench_period})."),
    ("covid.overview", "no_benchmark"): _overview("Dữ liệu không có tốc độ tăng bình quân nào để làm mốc so sánh."),
    ("covid.overview", "no_data"): "Với **{province}**, dữ liệu không có số liệu tốc độ tăng trưởng GRDP nào trong {window}.",
    ("covid.trough", "first_half"): _trough("Tăng trưởng xuống thấp nhất vào {period}", _other("Tính chung cả")),
    ("covid.trough", "first_half_alone"): _trough(
        "Tăng trưởng xuống thấp nhất vào {period}", lambda c, f: " Dữ liệu không có số liệu cả năm của năm đó."),
    ("covid.trough", "full_year"): _trough("Tăng trưởng xuống thấp nhất vào cả {period}", _other("Riêng")),
    ("covid.trough", "full_year_alone"): _trough(
        "Tăng trưởng xuống thấp nhất vào cả {period}",
        lambda c, f: " Dữ liệu không có số liệu 6 tháng đầu năm của năm đó."),
    ("covid.trough", "other_period"): _trough("Tăng trưởng xuống thấp nhất vào {period}"),
    ("covid.trough", "lowest_at_edge"): _trough(
        "Tăng trưởng thấp nhất vào {period}",
        lambda c, f: " Thời kỳ này nằm ở đầu hoặc cuối khoảng thời gian được xem xét, nên dữ liệu không cho biết "
                     "đó có phải là đáy hay không."),
    ("covid.trough", "too_thin"): _trough(
        "Trong giai đoạn chỉ có một số liệu tốc độ tăng trưởng GRDP, cho {period}",
        lambda c, f: " Một số liệu duy nhất không cho biết cú sốc sâu nhất vào lúc nào."),
    ("covid.trough", "no_data"): ("Không có số liệu tốc độ tăng trưởng GRDP nào của {province} trong giai đoạn: "
                                  "không đo được mức độ tác động của dịch COVID-19."),
    ("covid.second_half", "faster"): lambda c, f: (
        f"Số liệu cả {f.one(c.values['year'])} ({f.one(c.values['full'])}{_est(c, f, 'full_estimate', ', ước tính')}) "
        f"cao hơn số liệu 6 tháng đầu năm ({f.one(c.values['half'])}): 6 tháng cuối năm hẳn đã tăng nhanh hơn "
        "6 tháng đầu năm."),
    ("covid.second_half", "slower"): lambda c, f: (
        f"Số liệu cả {f.one(c.values['year'])} ({f.one(c.values['full'])}{_est(c, f, 'full_estimate', ', ước tính')}) "
        f"thấp hơn số liệu 6 tháng đầu năm ({f.one(c.values['half'])}): 6 tháng cuối năm hẳn đã tăng chậm hơn "
        "6 tháng đầu năm."),
    ("covid.second_half", "same"): lambda c, f: (
        f"Số liệu cả {f.one(c.values['year'])} ({f.one(c.values['full'])}{_est(c, f, 'full_estimate', ', ước tính')}) "
        f"và số liệu 6 tháng đầu năm ({f.one(c.values['half'])}) chênh nhau không quá sai số làm tròn: 6 tháng cuối "
        "năm tăng với tốc độ tương đương."),
    ("covid.second_half", "no_data"): ("Dữ liệu không có đồng thời số liệu 6 tháng đầu năm và số liệu cả năm của năm "
                                       "tăng trưởng thấp nhất."),
    ("covid.first_case", "no_case_before"): lambda c, f: (
        f"{_measures(c, f)}. Dữ liệu không ghi nhận ca mắc COVID-19 nào trên địa bàn trước ngày {f.one(c.values['first'])} "
        "(suy ra từ các sự kiện có ghi ngày, không nguồn nào nói thẳng như vậy), nên cú sốc đầu tiên đến qua cửa khẩu "
        "và giãn cách xã hội, chứ không phải do lây nhiễm tại chỗ."),
    ("covid.first_case", "case_in_trough"): lambda c, f: (
        f"{_measures(c, f)}. Dữ liệu ghi nhận ca mắc COVID-19 trên địa bàn vào ngày {f.one(c.values['first'])}, trước "
        "khi thời kỳ đó kết thúc, nên lây nhiễm tại chỗ có thể đã góp phần bên cạnh việc đóng cửa khẩu và giãn cách."),
    ("covid.first_case", "no_case_event"): lambda c, f: (
        f"{_measures(c, f)}. Dữ liệu không ghi nhận ca mắc COVID-19 nào trên địa bàn trong giai đoạn, nên không biết "
        "lây nhiễm tại chỗ có góp phần hay không."),
    ("covid.first_case", "no_data"): "Không có số liệu tốc độ tăng trưởng GRDP nên không đối chiếu được các sự kiện với cú sốc.",
    ("covid.recovery", "below"): lambda c, f: (
        f"Sau {f.one(c.values['after'])}, tốc độ tăng hằng năm trở lại mức {_range(c, f)}, chưa năm nào vượt mốc "
        f"{f.one(c.values['bench'])}/năm: quay lại gần tốc độ cũ chưa phải là trở lại quỹ đạo cũ."),
    ("covid.recovery", "above"): lambda c, f: (
        f"Sau {f.one(c.values['after'])}, tốc độ tăng hằng năm đạt {_range(c, f)}, bằng hoặc cao hơn mốc "
        f"{f.one(c.values['bench'])}/năm: mức tăng đó đã bù đắp được phần sụt giảm hay chưa là câu hỏi của phần tiếp theo."),
    ("covid.recovery", "mixed"): lambda c, f: (
        f"Sau {f.one(c.values['after'])}, tốc độ tăng hằng năm đạt {_range(c, f)}, có năm cao hơn, có năm thấp hơn mốc "
        f"{f.one(c.values['bench'])}/năm."),
    ("covid.recovery", "no_benchmark"): lambda c, f: (
        f"Sau {f.one(c.values['after'])}, tốc độ tăng hằng năm đạt {_range(c, f)}; dữ liệu không có mốc nào để so sánh."),
    ("covid.recovery", "no_later_year"): ("Dữ liệu không có số liệu tăng trưởng cả năm nào sau {after}: chưa thấy được "
                                          "quá trình phục hồi."),
    ("covid.recovery", "no_data"): "Không có số liệu tốc độ tăng trưởng GRDP: chưa thấy được quá trình phục hồi.",
    ("covid.later_shocks", "some"): lambda c, f: (
        f"Sau {f.one(c.values['after'])}, dữ liệu ghi nhận "
        + f.one([part for part in (f"{c.values['waves']} đợt bùng phát dịch" if c.values["waves"] else "",
                                   f"{c.values['shut']} lần đóng cửa khẩu hoặc tạm dừng thông quan" if c.values["shut"]
                                   else "") if part])
        + (f", vào ngày {f.one(c.values['first'])}" if c.values["first"] == c.values["last"] else
           f", từ ngày {f.one(c.values['first'])} đến ngày {f.one(c.values['last'])}")
        + ": quá trình phục hồi diễn ra xen giữa các sự kiện đó."),
    ("covid.later_shocks", "none"): ("Sau {after}, dữ liệu không ghi nhận đợt dịch hay lần đóng cửa khẩu nào trong "
                                     "giai đoạn."),
    ("covid.later_shocks", "window_ends"): "Giai đoạn phân tích kết thúc vào {after}: diễn biến sau đó nằm ngoài giai đoạn.",
    ("covid.later_shocks", "no_data"): ("Không có số liệu tốc độ tăng trưởng GRDP nên không có quá trình phục hồi để "
                                        "đối chiếu với các sự kiện sau đó."),
    ("covid.gap", "below"): _gap("Phần sản lượng bị mất chưa được bù đắp", "thấp hơn"),
    ("covid.gap", "above"): _gap("Sản lượng cuối kỳ cao hơn quỹ đạo mốc", "cao hơn"),
    ("covid.gap", "on_path"): _gap("Sản lượng đã trở lại quỹ đạo mốc", "chênh lệch"),
    ("covid.gap", "no_benchmark"): ("Không dựng được quỹ đạo mốc cho {province}: dữ liệu không có tốc độ tăng bình quân "
                                    "nào làm cơ sở."),
    ("covid.gap", "no_full_year"): ("Không dựng được quỹ đạo mốc cho {province}: dữ liệu không có số liệu tốc độ tăng "
                                    "trưởng GRDP cả năm nào để tính liên hoàn."),
    ("covid.gap", "broken_chain"): lambda c, f: (
        f"Không dựng được quỹ đạo mốc cho {f.one(c.values['province'])}: tốc độ tăng hằng năm phải liên tục qua các năm "
        f"mới tính liên hoàn được, nhưng thiếu số liệu {_years(f, c.values['missing'])}."),
    ("covid.gap", "too_thin"): ("Không dựng được quỹ đạo mốc cho {province}: chỉ có một số liệu tăng trưởng cả năm thì "
                                "không có quỹ đạo để so sánh."),
    ("covid.path_caveat", "complete"): (
        "Quỹ đạo mốc lấy chỉ số {base} làm gốc (= 100), tăng {rate:norange}/năm, và được so với chỉ số tính liên hoàn từ "
        "{n} số liệu hằng năm. Mốc so sánh là thước đo, không phải dự báo; các khoảng giá trị phản ánh sai số làm tròn "
        "của số liệu công bố, không phản ánh việc điều chỉnh số ước tính về sau."),
    ("covid.path_caveat", "missing"): (
        "Quỹ đạo mốc lấy chỉ số {base} làm gốc (= 100), tăng {rate:norange}/năm, và được so với chỉ số tính liên hoàn từ "
        "{n} số liệu hằng năm; {missing} không có số liệu nên không được tính vào chênh lệch cộng dồn. Mốc so sánh là "
        "thước đo, không phải dự báo."),
    ("covid.path_caveat", "no_path"): "Không có quỹ đạo mốc nên không có điều gì cần lưu ý thêm.",
    ("covid.sectors", "ordered"): lambda c, f: (
        f"**{_cap(f.one(c.values['year']))}, {f.one(c.values['least_name'])} có tốc độ tăng thấp nhất**, "
        f"{f.one(c.values['least'])}; {f.one(c.values['most_name'])} cao nhất, {f.one(c.values['most'])}"
        + (" (số ước tính)." if c.values["estimate"] else ".")),
    ("covid.sectors", "tied"): lambda c, f: (
        f"{_cap(f.one(c.values['year']))}, các khu vực không khác nhau quá sai số làm tròn: từ {f.one(c.values['least'])} "
        f"({f.one(c.values['least_name'])}) đến {f.one(c.values['most'])} ({f.one(c.values['most_name'])})."),
    ("covid.sectors", "one_sector"): ("Dữ liệu {year} chỉ có tốc độ tăng của một khu vực ({least_name}, {least}): "
                                      "không xếp thứ tự được."),
    ("covid.sectors", "no_breakdown"): ("Dữ liệu không có số liệu theo khu vực kinh tế cho {year}, năm tăng trưởng "
                                        "thấp nhất."),
    ("covid.sectors", "no_data"): ("Không có số liệu tốc độ tăng trưởng GRDP nên không có năm nào để phân tích theo "
                                   "khu vực kinh tế."),
    ("covid.sectors_later", "all_faster"): "Trong {later}, tất cả các khu vực đều tăng nhanh hơn {year}.",
    ("covid.sectors_later", "all_slower"): "Trong {later}, tất cả các khu vực đều tăng chậm hơn {year}.",
    ("covid.sectors_later", "mixed"): lambda c, f: (
        f"Trong {f.one(c.values['later'])}, so với {f.one(c.values['year'])}: "
        + "; ".join(part for part in (
            f"tăng nhanh hơn ở {f.one(c.values['faster'])}" if c.values["faster"] else "",
            f"tăng chậm hơn ở {f.one(c.values['slower'])}" if c.values["slower"] else "") if part)
        + ("không khu vực nào thay đổi vượt quá sai số làm tròn." if not (c.values["faster"] or c.values["slower"]) else
           "." if len(c.values["faster"]) + len(c.values["slower"]) == c.values["n_common"] else
           "; các khu vực còn lại thay đổi trong phạm vi sai số làm tròn.")),
    ("covid.sectors_later", "no_data"): ("Dữ liệu không có số liệu theo khu vực của thời kỳ sau để so với năm tăng "
                                         "trưởng thấp nhất."),
    ("covid.sector_coverage", "complete"): lambda c, f: (
        "Năm nào trong giai đoạn cũng có số liệu theo khu vực kinh tế"
        + (f"; số liệu {_years(f, c.values['estimated'])} là số ước tính." if c.values["estimated"] else ".")),
    ("covid.sector_coverage", "gaps"): lambda c, f: (
        f"Không có số liệu cả năm theo khu vực kinh tế cho {_years(f, c.values['missing'])}, nên dữ liệu này không cho "
        f"biết diễn biến theo khu vực của {'năm đó' if c.values['n_missing'] == 1 else 'những năm đó'}"
        + (f"; số liệu {_years(f, c.values['estimated'])} là số ước tính." if c.values["estimated"] else ".")),
    ("covid.sector_coverage", "none"): "Dữ liệu không có số liệu cả năm theo khu vực kinh tế nào trong giai đoạn.",
}

_VI |= {
    ("covid.channel_trough", "fell"): lambda c, f: (
        f"Trong {f.one(c.values['period'])}, {f.one(c.values['name'])} {_change(f, c.values['growth'])}."),
    ("covid.channel_trough", "slowed"): lambda c, f: (
        f"Trong {f.one(c.values['period'])}, {f.one(c.values['name'])} chậm lại nhưng không giảm: "
        f"{_change(f, c.values['growth'])}, thấp hơn mức bình quân {f.one(c.values['avg'])}/năm "
        f"{f.one(c.values['avg_period'])}."),
    ("covid.channel_trough", "held"): lambda c, f: (
        f"Trong {f.one(c.values['period'])}, {f.one(c.values['name'])} vẫn giữ được nhịp tăng: "
        f"{_change(f, c.values['growth'])}, so với mức bình quân {f.one(c.values['avg'])}/năm "
        f"{f.one(c.values['avg_period'])}."),
    ("covid.channel_trough", "grew"): lambda c, f: (
        f"Trong {f.one(c.values['period'])}, {f.one(c.values['name'])} {_change(f, c.values['growth'])}; dữ liệu không "
        "có mức bình quân để so sánh."),
    ("covid.channel_trough", "no_figure"): "Dữ liệu không có số liệu {name} trong {period}.",
    ("covid.channel_trough", "no_data"): ("Không xác định được thời kỳ tăng trưởng thấp nhất, nên không có số liệu {name} "
                                          "để đối chiếu."),
    ("covid.channel_yardstick", "includes_pandemic"): (
        "Mức bình quân của {name}, {avg}/năm trong {avg_period}, bao gồm cả những năm có dịch, nên thước đo này nếu "
        "lệch thì chỉ có thể lệch về phía thấp."),
    ("covid.channel_yardstick", "pre_pandemic"): "Mức bình quân của {name}, {avg}/năm trong {avg_period}, tính cho thời kỳ trước đại dịch.",
    ("covid.channel_path", "path"): lambda c, f: (
        f"{_cap(f.one(c.values['name']))} qua từng năm: {_steps(f, c.values['steps'])}"
        + ("; không có số liệu cả năm." if not c.values["full_years"] else ".")),
    ("covid.channel_path", "one"): lambda c, f: (
        f"{_cap(f.one(c.values['name']))}: chỉ có một số liệu, {_steps(f, c.values['steps'])}."),
    ("covid.channel_path", "none"): ("Dữ liệu không có số liệu tốc độ tăng so với cùng kỳ năm trước của {name} trong "
                                     "giai đoạn."),
    ("covid.reopening", "reopened_with_figure"): lambda c, f: (
        f"Lần mở lại cửa khẩu đầu tiên mà dữ liệu ghi nhận trong giai đoạn là ngày {f.one(c.values['day'])}; "
        f"{f.one(c.values['name'])} {f.one(c.values['period'])} {_change(f, c.values['growth'])}."),
    ("covid.reopening", "reopened"): "Lần mở lại cửa khẩu đầu tiên mà dữ liệu ghi nhận trong giai đoạn là ngày {day}.",
    ("covid.reopening", "no_reopening"): "Dữ liệu không ghi nhận lần mở lại cửa khẩu nào trong giai đoạn.",
    ("covid.trough_channels", "some"): lambda c, f: (
        f"**Các chỉ tiêu khác trong {f.one(c.values['period'])}**: "
        + f.one([f"{f.one(name)} {_change(f, fig)}" for name, fig in c.values["items"]]) + "."),
    ("covid.trough_channels", "none"): "Dữ liệu không có số liệu công nghiệp, bán lẻ hay xuất nhập khẩu trong {period}.",
    ("covid.trough_channels", "no_data"): "Không xác định được thời kỳ tăng trưởng thấp nhất, nên không có chỉ tiêu nào để xem xét.",
    ("covid.trend_break", "exact"): (
        "Mô hình có số tham số bằng số quan sát ({n}): không còn gì để ước lượng độ bất định. Theo mặc định, thư viện "
        "từ chối ước lượng mô hình này; khớp chính xác thì đó là phép tính số học chứ không phải thống kê: xu thế là "
        "đường thẳng đi qua {trend}, còn mỗi năm sau đây có một hệ số riêng: {terms}."),
    ("covid.trend_break", "few"): (
        "Mô hình chỉ còn {df} bậc tự do của phần dư với {n} quan sát: theo mặc định thư viện từ chối ước lượng, và "
        "kết quả trình bày có khoảng tin cậy rất thô."),
    ("covid.trend_break", "fitted"): "Mô hình được ước lượng trên {n} quan sát với {df} bậc tự do của phần dư.",
    ("covid.trend_break", "cannot_fit"): (
        "Số liệu hằng năm tính liên hoàn quá ít cho mô hình, kể cả khi khớp chính xác: số tham số nhiều hơn số quan "
        "sát, nên mô hình không được trình bày."),
    ("covid.trend_reading", "smaller"): (
        "Xu thế dựa trên {trend}, những năm duy nhất không có hệ số đại dịch, nên đã bao hàm mọi mức tăng sau cú sốc. "
        "Hệ số đại dịch lớn nhất ({term}) nhỏ hơn mức chênh lệch so với quỹ đạo mốc ({gap}): hệ số đó đo mức sụt quanh "
        "xu thế mới, không phải mức rơi khỏi xu thế cũ."),
    ("covid.trend_reading", "not_smaller"): (
        "Xu thế dựa trên {trend}, những năm duy nhất không có hệ số đại dịch. Hệ số đại dịch lớn nhất ({term}) không "
        "nhỏ hơn mức chênh lệch so với quỹ đạo mốc ({gap})."),
    ("covid.trend_reading", "no_gap"): "Xu thế dựa trên {trend}; không có quỹ đạo mốc để so sánh các hệ số.",
    ("covid.trend_reading", "no_fit"): "Không ước lượng được mô hình nên không có hệ số nào để đọc.",
    ("covid.missing_grdp", "year"): lambda c, f: (
        f"Không có số liệu tốc độ tăng trưởng GRDP cả năm cho {_years(f, c.values['years'])}."),
    ("covid.missing_grdp", "first_half"): lambda c, f: (
        f"Không có số liệu tốc độ tăng trưởng GRDP 6 tháng đầu năm cho {_years(f, c.values['years'])}."),
    ("covid.no_quarterly", "none"): ("Không có số liệu GRDP theo quý: không biết được cú sốc xảy ra vào thời điểm nào "
                                     "trong nửa năm."),
    ("covid.estimates", "some"): (
        "{n} trong số {of} số liệu tốc độ tăng trưởng GRDP là số ước tính ({periods}), công bố trước khi khóa sổ số "
        "liệu; dữ liệu chưa có số điều chỉnh nào về sau, và các khoảng giá trị chỉ phản ánh sai số làm tròn, không "
        "phản ánh việc điều chỉnh số liệu."),
    ("covid.unofficial", "not_official"): (
        "Số liệu {period} lấy từ nguồn {reliability}, không phải từ ấn phẩm thống kê: {publisher}, “{title}”."),
    ("covid.channel_gap", "partial_only"): "{name}: chỉ có số liệu một phần của năm, không có số liệu cả năm.",
    ("covid.channel_gap", "no_figure"): "{name}: không có số liệu tốc độ tăng so với cùng kỳ năm trước, không có số liệu cả năm.",
    ("covid.data_gaps", "none"): "Không phát hiện thiếu hụt số liệu nào trong giai đoạn.",
    ("covid.shared", "no_path"): "Không có quỹ đạo mốc nên không đo được phần hụt nào là chung của cả nước.",
    ("covid.shared", "no_national"): lambda c, f: (
        f"Không có số liệu tốc độ tăng GDP của cả nước cho {_years(f, c.values['years'])}: không tính liên hoàn được "
        "quỹ đạo theo tốc độ tăng của Việt Nam, nên chưa biết phần hụt nào là chung của cả nước."),
    ("covid.shared", "no_shortfall"): (
        "Năm {year}, sản lượng bằng hoặc cao hơn quỹ đạo mốc ({actual} so với {bench}): không có phần hụt nào để so "
        "với cả nước."),
    ("covid.shared", "nation_faster"): (
        "Nếu tăng theo tốc độ của cả nước, sản lượng năm {year} đã bằng hoặc vượt quỹ đạo mốc ({at_national} so với "
        "{bench}): toàn bộ phần hụt {shortfall} điểm chỉ số là của riêng địa phương, không phải phần chung với cả nước."),
    ("covid.shared", "all_shared"): (
        "Nếu tăng theo tốc độ của cả nước (số ước tính lần đầu), sản lượng năm {year} còn thấp hơn nữa ({at_national} "
        "so với thực tế {actual}, năm gốc = 100): "
        "toàn bộ phần hụt {shortfall} điểm chỉ số so với quỹ đạo mốc là phần chung với cả nước."),
    ("covid.shared", "part_shared"): (
        "Trong {shortfall} điểm chỉ số mà sản lượng năm {year} hụt so với quỹ đạo mốc, {national_part} điểm ({share}) "
        "cũng sẽ mất nếu tăng theo tốc độ của cả nước (theo số ước tính lần đầu); {own} điểm còn lại là phần riêng "
        "của địa phương."),
}

wording.register("covid", "vi", _VI)
