"""Vietnamese wording of notebook 30's claims, captions and table headings (the provincial information office's terms)."""

from __future__ import annotations

from lso_analysis.present import wording


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lc(name: str) -> str:
    """A codebook name inside a sentence: "Tỷ lệ hồ sơ …" → "tỷ lệ hồ sơ …" (an all-capital word such as "DTI" kept)."""
    first = name.split(" ", 1)[0]
    return name if first.isupper() else name[:1].lower() + name[1:]


def _fig_period(f, pairs) -> str:
    """"hơn 29.000 (năm 2022)" for (figure, period) pairs, joined."""
    return f.one([f"{f.one(x)} ({f.one(p)})" for x, p in pairs]) if pairs else "không có"


_PILLARS = {"dti_rank_economy": "trụ cột kinh tế số", "dti_rank_government": "trụ cột chính quyền số",
            "dti_rank_society": "trụ cột xã hội số"}


def _target(f, target) -> str:
    bound, value = target
    return {"top": f"thuộc nhóm {f.one(value)} tỉnh dẫn đầu", "at_least": f"tối thiểu {f.one(value)}"}.get(
        bound, f.one(value))


def _since(f, span) -> str:
    """"từ ngày 8/6/2021" for a day, "trong 6 tháng đầu năm 2021" or "trong khoảng từ ngày … đến ngày …" otherwise."""
    text = f.one(span)
    one_day = span.end is None or str(span.start)[:10] == str(span.end)[:10]
    return f"từ {text}" if one_day else f"trong khoảng {text}" if text.startswith("từ ") else f"trong {text}"


def _milestones(claim, f):
    v = claim.values
    if v["n"] == 1:
        return (f"Trong khoảng thời gian xem xét, dữ liệu ghi nhận 1 sự kiện về chính quyền số có ngày cụ thể, "
                f"vào ngày {f.one(v['first'])}.")
    plans = ("không có sự kiện nào là kế hoạch, nghị quyết hay quyết định" if v["plans"] == 0
             else f"{v['plans']} sự kiện là kế hoạch, nghị quyết hoặc quyết định")
    return (f"Trong khoảng thời gian xem xét, dữ liệu ghi nhận {v['n']} sự kiện về chính quyền số có ngày cụ thể, "
            f"từ ngày {f.one(v['first'])} đến ngày {f.one(v['last'])}, trong đó {plans}.")


def _eligible(claim, f):
    v = claim.values
    head = (f"{f.one(v['count'])} dịch vụ công đủ điều kiện đã được cung cấp trực tuyến toàn trình "
            f"{_since(f, v['day'])}" if "count" in v else "Dữ liệu không có số lượng dịch vụ công đủ điều kiện")
    if claim.case == "count_only":
        return head + ("; không có tỷ lệ nào được công bố trên tổng số dịch vụ đủ điều kiện, nên dữ liệu chưa cho "
                       "biết đó đã là toàn bộ hay chưa.")
    share = (f"tỷ lệ dịch vụ công đủ điều kiện được cung cấp trực tuyến toàn trình được công bố là {f.one(v['share'])} "
             f"({f.one(v['share_period'])})")
    return f"{head}; {share}: {'tức là toàn bộ' if claim.case == 'all' else 'chưa phải toàn bộ'}."


def _full_share(claim, f):
    v = claim.values
    head = (f"Danh mục dịch vụ công {f.one(v['period'])} gồm {f.one(v['whole'])} dịch vụ, trong đó {f.one(v['part'])} "
            "dịch vụ trực tuyến toàn trình")
    if claim.case == "agrees":
        return f"{head}; tính từ số lượng, tỷ lệ là {f.one(v['computed'])}, khớp với tỷ lệ {f.one(v['printed'])} công bố kèm theo."
    if claim.case == "slip":
        return (f"{head}; tính từ số lượng, tỷ lệ là {f.one(v['computed'], 'range')}, trong khi tỷ lệ công bố kèm theo là "
                f"{f.one(v['printed'])}: số lượng không cho ra tỷ lệ này (sai sót trong tỷ lệ được công bố).")
    return f"{head}; tính từ số lượng, tỷ lệ là {f.one(v['computed'])}; không có tỷ lệ nào được công bố kèm theo."


def _dossiers(claim, f):
    v = claim.values
    first = f"{f.one(v['first'])} ({f.one(v['first_period'])})"
    last = f"{f.one(v['last'])} ({f.one(v['last_period'])})"
    scope = " Mỗi số liệu chỉ phản ánh phạm vi mà nguồn của nó thống kê (xem bảng)."
    if claim.case == "single":
        return (f"Chỉ có một số liệu về tỷ lệ hồ sơ tiếp nhận trực tuyến, {first}: dữ liệu chưa cho biết xu hướng "
                "biến động.")
    if claim.case == "unchanged":
        return f"Tỷ lệ hồ sơ tiếp nhận trực tuyến là {first} và {last}: như nhau trong phạm vi làm tròn.{scope}"
    move = f"tăng từ {first} lên {last}" if claim.case == "rose" else f"giảm từ {first} xuống {last}"
    return f"Tỷ lệ hồ sơ tiếp nhận trực tuyến {move}.{scope}"


def _vehicles(claim, f):
    v = claim.values
    counts, full, part = (_fig_period(f, v[k]) for k in ("counts", "full", "part"))
    return {
        "all_full_years": f"Mỗi số liệu về phương tiện khai báo trên nền tảng đều được ghi nhận cho trọn một năm "
                          f"dương lịch: {counts}.",
        "no_full_year": f"Không số liệu nào về phương tiện khai báo trên nền tảng bao trùm trọn một năm dương lịch "
                        f"({counts}), nên đó không phải là tổng số cả năm.",
        "some_full_years": f"Trong các số liệu về phương tiện khai báo, {full} bao trùm trọn năm dương lịch, còn {part} "
                           "thì không, nên không thể so sánh với nhau như tổng số cả năm.",
        "one_full_year": f"Chỉ có một số liệu về phương tiện khai báo, được ghi nhận cho trọn một năm dương lịch: {counts}.",
        "one_part_year": f"Chỉ có một số liệu về phương tiện khai báo, cho một phần của năm: {counts}.",
    }[claim.case]


def _not_printed(claim, f):
    v = claim.values
    if claim.case == "none":
        return "Mọi số liệu về nền tảng đều có kỳ số liệu do nguồn công bố."
    items = f.one([f"{f.one(_lc(name))}, {f.one(x)} ({f.one(p)})" for name, x, p in v["figures"]])
    return (f"Nguồn không ghi kỳ số liệu cho {items}: năm thể hiện là cách người nhập liệu hiểu từ ngữ cảnh, nên không "
            "rõ khoảng thời gian của số liệu (và có phải trọn năm hay không).")


def _plan(claim, f):
    v = claim.values
    head = f"Số tài khoản nền tảng công dân số được báo cáo cho {f.one(v['period'])} là {f.one(v['accounts'])}"
    if claim.case == "no_plan":
        return head + "; không có tỷ lệ so với kế hoạch được công bố kèm theo."
    plan = f", tức kế hoạch vào khoảng {f.one(v['plan'])} tài khoản" if "plan" in v else ""
    verdict = {"above_plan": "đã vượt kế hoạch", "below_plan": "chưa đạt kế hoạch",
               "at_plan": "xấp xỉ kế hoạch"}[claim.case]
    return f"{head}, đạt {f.one(v['plan_pct'])} kế hoạch{plan}: {verdict}."


def _population(claim, f):
    v = claim.values
    accounts = f"{f.one(v['accounts'])} tài khoản ({f.one(v['period'])})"
    if claim.case == "not_derived":
        return f"{accounts}: không tính số dân suy ra từ số tài khoản vì đã tắt tùy chọn sử dụng giá trị suy ra."
    if claim.case == "no_share":
        return (f"{accounts}: không có tỷ lệ trên dân số được công bố kèm theo, nên không thể tính số dân suy ra từ "
                "số tài khoản.")
    head = f"Với tỷ lệ {f.one(v['share'])} dân số, số tài khoản này tương ứng với {f.one(v['implied'])} người"
    if claim.case == "no_population":
        return head + "; dữ liệu không có số dân nào trong giai đoạn xem xét để đối chiếu."
    low = " (theo một bản sao có độ tin cậy thấp)" if v.get("low_reliability") else ""
    printed = f"số dân được công bố cho {f.one(v['printed_period'])} là {f.one(v['printed'])}{low}"
    at = (f"; tính theo số dân này thì số tài khoản chiếm {f.one(v['at_population'])} dân số"
          if "at_population" in v else "")
    where = {"agree": "khớp với con số trên trong phạm vi làm tròn của tỷ lệ",
             "printed_above": "cao hơn mức dân số lớn nhất mà tỷ lệ đã làm tròn cho phép",
             "printed_below": "thấp hơn mức dân số nhỏ nhất mà tỷ lệ đã làm tròn cho phép"}[claim.case]
    return f"{head}; {printed}, {where}{at}."


def _rank_list(f, items) -> str:
    out = []
    for rank, year, derived, caveat in items:
        notes = (["tính suy ra"] if derived else []) + ([f"xem {f.one(caveat)}"] if caveat else [])
        out.append(f"{f.one(rank)} (năm {year}{', ' + ', '.join(notes) if notes else ''})")
    return ", ".join(out) if out else "không có"


def _trend(claim, f):
    v = claim.values
    head = f"{f.one(v['index'])}: {_rank_list(f, v['ranks'])}"
    if claim.case == "single":
        return f"{head}; chỉ có số liệu của một năm nên dữ liệu chưa cho biết xu hướng."
    span = f"từ năm {v['first_year']} đến năm {v['last_year']}"
    if claim.case == "unchanged":
        return f"{head}; {span}, tỉnh giữ nguyên thứ hạng."
    way = "tăng" if claim.case == "improved" else "giảm"
    return f"{head}; {span}, tỉnh {way} {v['places']} bậc."


def _jump(claim, f):
    v = claim.values
    index = f.one(v["index"])
    if claim.case == "too_thin":
        return (f"{index}: không có hai năm liền kề trong giai đoạn xem xét, nên dữ liệu chưa cho biết năm nào có "
                "biến động lớn nhất.")
    if claim.case == "no_gain":
        return f"{index}: không năm nào trong giai đoạn xem xét tăng bậc so với năm trước."
    head = (f"{index}: mức tăng bậc lớn nhất trong một năm là năm {v['year']}, từ hạng {f.one(v['from'])} lên hạng "
            f"{f.one(v['to'])}, tăng {v['places']} bậc")
    if claim.case == "jump_no_events":
        return head + "; dữ liệu không ghi nhận sự kiện chính quyền số nào khác trong năm đó."
    events = f.one([f"{f.one(kind)} ({f.one(day)})" for kind, day in v["events"]])
    return f"{head}. Các sự kiện về chính quyền số trong năm đó: {events}."


def _pillars(claim, f):
    v = claim.values
    years = f"Xếp hạng các trụ cột của DTI được công bố cho năm {f.one(v['years'])}"
    if claim.case == "one":
        return f"{years}, chỉ có một trụ cột: {_PILLARS.get(v['best'], v['best'])} ({f.one(v['best_rank'])})."
    if claim.case == "even":
        return f"{years}; năm {v['year']}, tỉnh có cùng thứ hạng ở mọi trụ cột ({f.one(v['best_rank'])})."
    return (f"{years}; năm {v['year']}, tỉnh xếp hạng cao nhất ở {_PILLARS.get(v['best'], v['best'])} "
            f"({f.one(v['best_rank'])}) và thấp nhất ở {_PILLARS.get(v['worst'], v['worst'])} ({f.one(v['worst_rank'])}).")


def _caveats(claim, f):
    v = claim.values
    if claim.case == "none":
        return "Mọi thứ hạng nêu trên đều do nguồn công bố, không có lưu ý nào được ghi nhận."
    parts = [f"{f.one(_lc(name))} năm {year} có lưu ý đã ghi nhận {f.one(cid)}" for name, year, cid in v["flagged"]]
    parts += [f"{f.one(_lc(name))} năm {year} được tính suy ra từ thứ hạng năm sau và số bậc thay đổi được công bố"
              for name, year in v["derived"]]
    return "Không phải mọi thứ hạng đều được công bố bằng con số: " + "; ".join(parts) + "."


def _verdicts(claim, f):
    v = claim.values
    return (f"Trong {v['n']} mục tiêu đến hạn trong giai đoạn xem xét, {v['met']} mục tiêu đạt đúng năm, "
            f"{v['early']} đạt trước hạn, {v['missed']} không đạt, {v['due']} chưa đến kỳ đánh giá và {v['none']} "
            "chưa có số liệu báo cáo.")


def _unreported(claim, f):
    v = claim.values
    if claim.case == "none":
        return "Mọi mục tiêu đến hạn trong giai đoạn xem xét đều có số liệu báo cáo để đối chiếu."
    items = f.one([f"{f.one(_lc(name))} (năm {year})" for name, year in v["items"]])
    return f"Chưa có số liệu nào được báo cáo cho các mục tiêu về {items}."


def _revisions(claim, f):
    v = claim.values
    if claim.case == "none":
        return ("Không có chỉ tiêu nào được hai kế hoạch đặt mục tiêu cho cùng một năm, nên dữ liệu không cho thấy "
                "việc điều chỉnh mục tiêu.")
    parts = []
    for how, name, due, a, b, _, _ in v["changes"]:
        target = f"mục tiêu {f.one(due)} về {f.one(_lc(name))}"
        parts.append({"kept": f"{target} được giữ nguyên: {_target(f, b)}",
                      "raised": f"{target} được nâng từ {_target(f, a)} lên {_target(f, b)}",
                      "cut": f"{target} được hạ từ {_target(f, a)} xuống {_target(f, b)}"}[how])
    return "Giữa các kế hoạch (xếp theo ngày công bố của nguồn), " + "; ".join(parts) + "."


def _finding_services(claim, f):
    v = claim.values
    eligible = (f"{f.one(v['count'])} dịch vụ công đủ điều kiện đã được cung cấp trực tuyến toàn trình "
                f"{_since(f, v['day'])}" if "count" in v
                else "toàn bộ dịch vụ công đủ điều kiện đã được cung cấp trực tuyến toàn trình")
    catalogue = (f"trong danh mục dịch vụ công {f.one(v['period'])} chỉ có {f.one(v['part'])}/{f.one(v['whole'])} "
                 f"dịch vụ trực tuyến toàn trình, đạt {f.one(v['computed'])}" if "part" in v else "")
    return {
        "complete_on_eligible_partial_on_catalogue":
            f"**Dịch vụ công trực tuyến: đủ trên cơ sở dịch vụ đủ điều kiện, chưa đủ trên toàn danh mục.** "
            f"{_cap(eligible)}, nhưng {catalogue}.",
        "complete_on_eligible": f"**Dịch vụ công trực tuyến: đủ trên cơ sở dịch vụ đủ điều kiện.** {_cap(eligible)}.",
        "partial_on_catalogue": f"**Dịch vụ công trực tuyến: chưa đủ trên toàn danh mục.** {_cap(catalogue)}.",
        "eligible_counted": f"**Dịch vụ công trực tuyến.** {_cap(eligible)}; dữ liệu chưa cho biết đó đã là toàn bộ "
                            "dịch vụ đủ điều kiện hay chưa, cũng như tỷ lệ dịch vụ toàn trình trên toàn danh mục.",
    }[claim.case]


def _finding_ranks(claim, f):
    v = claim.values
    head = {"improved": "Thứ hạng được cải thiện.", "worsened": "Thứ hạng giảm.", "unchanged": "Thứ hạng giữ nguyên.",
            "mixed": "Hai bảng xếp hạng diễn biến khác nhau.",
            "single_years": "Chỉ có thứ hạng của từng năm riêng lẻ."}[claim.case]
    return f"**{head}** Xếp hạng DTI: {_rank_list(f, v['dti'])}; xếp hạng PCI: {_rank_list(f, v['pci'])}."


def _finding_uptake(claim, f):
    v = claim.values
    base = f"{f.one(v['accounts'])} tài khoản nền tảng công dân số ({f.one(v['period'])})"
    if "implied" in v and "share" in v:
        base += (f" được công bố là chiếm {f.one(v['share'])} dân số, tương ứng với {f.one(v['implied'])} người")
    at = (f"; tính theo số dân được công bố cho {f.one(v['printed_period'])} thì tỷ lệ là {f.one(v['at_population'])}"
          if "at_population" in v else "")
    head = {"share_overstated": "Tỷ lệ tài khoản trên dân số được công bố cao hơn mức mà số dân đã công bố cho phép.",
            "share_understated": "Tỷ lệ tài khoản trên dân số được công bố thấp hơn mức tính theo số dân đã công bố.",
            "consistent": "Số tài khoản và số dân khớp nhau.",
            "unchecked": "Chưa thể đối chiếu số tài khoản với số dân."}[claim.case]
    return f"**{head}** {_cap(base)}{at}."


def _finding_border(claim, f):
    v = claim.values
    declared = f"{f.one(v['share'])} xe hàng đã khai báo trên nền tảng ({f.one(v['period'])})"
    if claim.case == "time_measured":
        return (f"**Nền tảng cửa khẩu số: đã khai báo và đã đo được hiệu quả.** {_cap(declared)}; thời gian làm thủ "
                f"tục được rút ngắn: {f.one(v['saved'])}.")
    return (f"**Nền tảng cửa khẩu số: đã khai báo, chưa đo được hiệu quả.** {_cap(declared)}, nhưng chưa có số liệu "
            "nào trong giai đoạn xem xét đo thời gian làm thủ tục được rút ngắn tại cửa khẩu.")


_NO = "> **Không có số liệu.** Bộ dữ liệu không có {what} của {{province}} trong {{period}}."
_MISSING = {
    "milestones": "sự kiện nào về chính quyền số có ngày cụ thể",
    "eligible_services": "số liệu nào về dịch vụ công đủ điều kiện cung cấp trực tuyến toàn trình",
    "full_share": "số liệu nào về danh mục dịch vụ công trực tuyến theo mức độ",
    "dossier_share": "số liệu nào về tỷ lệ hồ sơ tiếp nhận trực tuyến",
    "border_stages": "mốc triển khai nào của nền tảng cửa khẩu số có ngày cụ thể",
    "border_share": "số liệu nào về tỷ lệ xe hàng khai báo trên nền tảng cửa khẩu số",
    "vehicles": "số liệu nào về số phương tiện khai báo trên nền tảng cửa khẩu số",
    "border_figures": "số liệu nào về nền tảng cửa khẩu số",
    "accounts": "số liệu nào về tài khoản nền tảng công dân số",
    "ranks": "xếp hạng DTI hoặc PCI nào", "dti_rank": "xếp hạng DTI nào", "pci_rank": "xếp hạng PCI nào",
    "pillars": "xếp hạng trụ cột DTI nào", "targets": "mục tiêu nào về chính quyền số",
    "services": "số liệu nào về dịch vụ công trực tuyến",
    "judgements": "nhận định nào đã ghi nhận về số liệu của nền tảng cửa khẩu số",
}
_CAPTIONS = {
    "milestones": "Các mốc xây dựng chính quyền số, {province}, {period}",
    "milestones_other_years": "Các mốc trong {period} có nội dung nhắc đến năm khác (năm của chỉ số, năm mục tiêu "
                              "của kế hoạch), {province}",
    "services": "Dịch vụ công trực tuyến và hồ sơ tiếp nhận trực tuyến, {province}, {period}: phạm vi của từng số liệu",
    "stages": "Các giai đoạn triển khai nền tảng cửa khẩu số, {province}, {period}",
    "border_figures": "Số liệu về nền tảng cửa khẩu số, {province}, {period}",
    "judgements": "Nhận định đã ghi nhận về số liệu của nền tảng, {province}, {period} (nội dung nhận định lưu bằng "
                  "tiếng Anh trong dữ liệu; bảng nêu các số liệu được đối chiếu)",
    "judgements_more": "Nhận định đã ghi nhận về số liệu của nền tảng, {province}, {period} (nội dung nhận định lưu "
                       "bằng tiếng Anh trong dữ liệu; không nêu các nhận định có đối chiếu cả số liệu ngoài giai đoạn: "
                       "{ids})",
    "accounts": "Tài khoản nền tảng công dân số, kế hoạch và số dân suy ra từ đó, số dân được công bố, {province}, "
                "{period}",
    "ranks_chart": "Xếp hạng DTI và PCI của {province} (1 = đứng đầu các tỉnh, thành phố được xếp hạng)",
    "ranks": "Xếp hạng DTI và PCI, {province}, {period} (1 = đứng đầu)",
    "targets": "Mục tiêu chính quyền số đến hạn trong {period} theo các kế hoạch của {province}, so với kết quả đã "
               "báo cáo",
    "later_targets": "Mục tiêu trong các kế hoạch của {province} cho những năm sau {period}: mốc tham chiếu, chưa "
                     "đánh giá",
}
_COLUMNS = {
    "period": "Kỳ số liệu", "what is counted": "Chỉ tiêu", "figure": "Số liệu", "as printed": "Nguyên văn trong nguồn",
    "transcriber's note": "", "recorded conflict": "Nhận định liên quan", "source_id": "Nguồn", "source_ids": "Nguồn",
    "date": "Ngày", "kind": "Loại sự kiện", "event": "", "crossing": "Cửa khẩu", "id": "Mã nhận định",
    "judgement": "", "figures compared": "Các số liệu được đối chiếu", "value": "Giá trị",
    "how obtained": "Cách có số liệu", "reliability": "Độ tin cậy", "indicator": "Chỉ tiêu", "target": "Mục tiêu",
    "by": "Năm đến hạn", "set in": "Kế hoạch (nguồn)", "reported": "Kết quả báo cáo", "reported for": "Kỳ báo cáo",
    "verdict": "Đánh giá", "caveat": "Lưu ý", "year": "Năm", "rank": "Thứ hạng",
}
_CELLS = {
    "none": "không", "met": "đạt", "reached early": "đạt trước hạn", "missed": "không đạt",
    "not yet due": "chưa đến kỳ đánh giá", "no figure reported": "chưa có số liệu báo cáo", "reported": "công bố",
    "estimated": "ước tính", "derived": "tính suy ra", "printed": "công bố", "official": "chính thức",
    "press": "báo chí", "mirror": "bản sao", "low": "thấp", "accounts": "Số tài khoản",
    "share of plan": "Tỷ lệ so với kế hoạch", "share of population": "Tỷ lệ trên dân số",
    "plan implied": "Kế hoạch suy ra", "population implied": "Số dân suy ra", "population printed": "Số dân được công bố",
}
_LABELS = {
    **{f"col.{k}": v for k, v in _COLUMNS.items()}, **{f"cell.{k}": v for k, v in _CELLS.items()},
    "bound_top": "thuộc nhóm {value} tỉnh dẫn đầu", "bound_at_least": "tối thiểu {value}", "bound_exact": "{value}",
    "quote": "“{raw}”", "quote_foreign": "—", "event_title": "{kind}",
    "lane.indices": "chỉ số", "lane.policy": "kế hoạch", "lane.border": "cửa khẩu", "lane.digital": "chính quyền số",
    "legend.dti_rank": "DTI", "legend.pci_rank": "PCI",
    "ranks_ylabel": "thứ hạng", "ranks_flagged": "\ncó lưu ý trong bảng: {items}", "flagged_item": "{index} năm {year}",
}

wording.register("digital", "vi", {
    **{("digital.label", k): t for k, t in _LABELS.items()},
    ("digital.title", "window"): "Chính quyền số ở {province}, {period}",
    **{("digital.caption", k): t for k, t in _CAPTIONS.items()},
    **{("digital.missing", k): _NO.format(what=w) for k, w in _MISSING.items()},
    ("digital.missing", "findings"): "> **Không có số liệu.** Bộ dữ liệu không có số liệu nào về chính quyền số của "
                                     "{province} trong {period} để rút ra nhận định.",
    ("digital.context", "row"): "{text}",
    ("digital.judgements", "outside_only"): "Các nhận định đã ghi nhận về số liệu của nền tảng trong giai đoạn xem xét "
                                            "có đối chiếu cả số liệu ngoài giai đoạn, nên không nêu tại đây: {ids}.",
    ("digital.milestones", "dated"): _milestones,
    **{("digital.eligible_services", c): _eligible for c in ("all", "part", "count_only")},
    **{("digital.full_share", c): _full_share for c in ("agrees", "slip", "counts_only")},
    **{("digital.dossier_share", c): _dossiers for c in ("rose", "fell", "unchanged", "single")},
    ("digital.border_stages", "pilot_then_compulsory"): "Việc thí điểm nền tảng cửa khẩu số được quyết định ngày "
                                                        "{pilot}; khai báo trên nền tảng trở thành bắt buộc từ ngày "
                                                        "{compulsory}.",
    ("digital.border_stages", "pilot_only"): "Việc thí điểm nền tảng cửa khẩu số được quyết định ngày {pilot}; dữ liệu "
                                             "không có ngày bắt buộc khai báo trên nền tảng.",
    ("digital.border_stages", "compulsory_only"): "Khai báo trên nền tảng cửa khẩu số trở thành bắt buộc từ ngày "
                                                  "{compulsory}; dữ liệu không có ngày quyết định thí điểm.",
    ("digital.border_share", "reported"): "Theo báo cáo gần nhất, tỷ lệ xe hàng khai báo trên nền tảng đạt {share} "
                                          "({period}).",
    **{("digital.vehicle_periods", c): _vehicles for c in ("all_full_years", "no_full_year", "some_full_years",
                                                           "one_full_year", "one_part_year")},
    **{("digital.periods_not_printed", c): _not_printed for c in ("some", "none")},
    ("digital.platform_name", "named"): "{text}",
    ("digital.platform_name", "untranslated"): "Dữ liệu có ghi tên nền tảng công dân số của {province}, nhưng chưa có "
                                               "bản tiếng Việt.",
    ("digital.platform_name", "unnamed"): "Dữ liệu không có tên nền tảng công dân số của {province}; số tài khoản (nếu "
                                          "có) được thống kê theo chỉ tiêu tài khoản nền tảng công dân số của danh mục "
                                          "chỉ tiêu.",
    **{("digital.accounts_plan", c): _plan for c in ("above_plan", "below_plan", "at_plan", "no_plan")},
    **{("digital.accounts_population", c): _population for c in ("agree", "printed_above", "printed_below",
                                                                 "no_population", "not_derived", "no_share")},
    **{("digital.rank_trend", c): _trend for c in ("improved", "worsened", "unchanged", "single")},
    **{("digital.rank_jump", c): _jump for c in ("jump", "jump_no_events", "no_gain", "too_thin")},
    **{("digital.dti_pillars", c): _pillars for c in ("spread", "even", "one")},
    **{("digital.rank_caveats", c): _caveats for c in ("flagged", "none")},
    ("digital.target_verdicts", "counted"): _verdicts,
    **{("digital.targets_unreported", c): _unreported for c in ("some", "none")},
    **{("digital.target_revisions", c): _revisions for c in ("revised", "kept", "none")},
    **{("digital.finding_services", c): _finding_services for c in (
        "complete_on_eligible_partial_on_catalogue", "complete_on_eligible", "partial_on_catalogue",
        "eligible_counted")},
    **{("digital.finding_ranks", c): _finding_ranks for c in ("improved", "worsened", "unchanged", "mixed",
                                                              "single_years")},
    **{("digital.finding_uptake", c): _finding_uptake for c in ("share_overstated", "share_understated", "consistent",
                                                                "unchecked")},
    **{("digital.finding_border", c): _finding_border for c in ("time_measured", "no_time_measured")},
})
