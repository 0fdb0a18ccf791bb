"""Vietnamese wording of the data audit's claims, captions, table headings and chart words (notebook 00)."""

from __future__ import annotations

from lso_analysis.present import wording

# Terms (data/reference/glossary.csv): nguồn, số liệu, độ tin cậy, chính thức, báo chí, bản sao, ước tính,
# số liệu thực hiện, kế hoạch, số tính toán, đối chiếu, xung đột số liệu, hiệu chỉnh, chuỗi số liệu.


def _b(f, fig) -> str:
    return f"**{f.one(fig)}**"


def _pairs(f, fig, rest: str) -> str:
    """"**23** cặp có …", or "không cặp nào có …" for none."""
    return f"không cặp nào {rest}" if fig.value == 0 else f"{_b(f, fig)} cặp {rest}"


def _names(f, codes) -> str:
    """Indicators named in a sentence: their Vietnamese names, small first letter, joined with "và"."""
    from lso_analysis.studies.audit_words import indicator_name

    return f.one([indicator_name(c, "vi", lower=True) for c in codes])


def _join(parts: list[str]) -> str:
    parts = [p for p in parts if p]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1] if parts else ""


#: The reliability classes as counted sources: "33 nguồn chính thức", "19 bản sao".
_CLASSES = (("official", "nguồn chính thức"), ("press", "nguồn báo chí"), ("mirror", "bản sao"),
            ("low", "bản sao có độ tin cậy thấp"))


def _sources(c, f) -> str:
    v = c.values
    split = _join([f"{f.one(v[k])} {what}" for k, what in _CLASSES if v[k].value])
    return (f"Bộ dữ liệu có **{f.one(v['n'])} nguồn** về {f.one(v['province'])}, với **{f.one(v['figures'])} số liệu**: "
            f"{split}.")


def _other_geographies(c, f) -> str:
    v = c.values
    return (f"Bộ dữ liệu còn có {f.one(v['n'])} nguồn về {f.one(v['places'])} địa bàn khác, với {f.one(v['figures'])} "
            "số liệu; báo cáo rà soát này không xét đến các nguồn đó.")


def _dates_all_stated(c, f) -> str:
    if c.values["n"].value == 1:
        return "Ngày công bố được ghi trên trang."
    return f"Cả {f.one(c.values['n'])} ngày công bố đều được ghi trên trang."


def _dates_all_inferred(c, f) -> str:
    if c.values["n"].value == 1:
        return "Ngày công bố không ghi trên trang mà được suy ra từ nội dung."
    return (f"Không ngày công bố nào trong số {f.one(c.values['n'])} nguồn được ghi trên trang: tất cả đều được suy ra "
            "từ nội dung.")


def _dates_mixed(c, f) -> str:
    v = c.values
    text = (f"{_b(f, v['stated'])} trong số {f.one(v['n'])} ngày công bố được ghi trên trang; "
            f"{_b(f, v['inferred'])} ngày được suy ra từ nội dung")
    if v["unknown"].value:
        text += f", còn {f.one(v['unknown'])} ngày không xác định được"
    return text + "."


_WHEN = {"inside": "trong", "before": "trước", "after": "sau"}


def _publication(c, f) -> str:
    v = c.values
    parts = [k for k in ("inside", "before", "after") if v[k].value]
    first = f"{f.one(v[parts[0]])} nguồn được công bố {_WHEN[parts[0]]} {f.one(v['window'])}"
    text = _join([first] + [f"{f.one(v[k])} nguồn {_WHEN[k]} đó" for k in parts[1:]]) + "."
    if v["after"].value:
        text += (f" Trong các nguồn công bố sau đó, {f.one(v['later_with_figures'])} nguồn có số liệu của "
                 f"{f.one(v['window'])} (như số liệu cả năm được công bố vào mùa xuân năm sau, hay kết quả xếp hạng "
                 "được công bố sau một năm).")
    return text


def _outlets(c, f) -> str:
    v = c.values
    named = _join([f"{f.one(p)} (`{f.one(o)}`, {f.one(k)} số liệu)"
                   for p, o, k in zip(v["publishers"], v["outlets"], v["counts"])])
    if c.case == "two_carry_most":
        return f"Hai đơn vị đăng tải cung cấp phần lớn số liệu, chiếm {f.one(v['share'])} tổng số: {named}."
    return (f"Số liệu phân tán trên {f.one(v['n_outlets'])} đơn vị đăng tải; hai đơn vị cung cấp nhiều nhất là {named}, "
            f"chiếm {f.one(v['share'])} tổng số liệu.")


def _window_some_outside(c, f) -> str:
    v = c.values
    return (f"{_b(f, v['inside'])} trong số {f.one(v['n'])} số liệu có kỳ số liệu nằm trọn trong {f.one(v['window'])}; "
            f"{_b(f, v['outside'])} số liệu có kỳ nằm ngoài hoặc vượt ra ngoài khoảng thời gian đó và chỉ dùng làm "
            "thông tin tham khảo.")


def _low(c, f) -> str:
    v = c.values
    text = (f"Theo mặc định, mọi chuỗi số liệu đều loại bỏ **{f.one(v['n'])} bản sao có độ tin cậy thấp**; việc này "
            f"làm mất **{f.one(v['figures'])} số liệu**"
            + (f" (trong đó {f.one(v['in_window'])} số liệu của {f.one(v['window'])})"
               if v["figures"].value > 1 and c.case != "low_outside_window" else ""))
    if c.case == "low_outside_window":
        return text + f", không số liệu nào thuộc {f.one(v['window'])}."
    if c.case == "low_some_lost":
        these = "chỉ tiêu sau" if len(v["lost"]) == 1 else "các chỉ tiêu sau"
        return text + f"; khi đó {these} không còn số liệu nào cho {f.one(v['window'])}: {_names(f, v['lost'])}."
    return text + "; mọi chỉ tiêu có trong các bản sao này vẫn còn số liệu từ nguồn khác."


def _statuses(c, f) -> str:
    v = c.values
    kinds = [f"**{f.one(v[k])} {what}**" if v[k].value else f"không có {what}"
             for k, what in (("actual", "số liệu thực hiện"), ("estimate", "số ước tính"), ("target", "chỉ tiêu kế hoạch"))]
    text = f"{_b(f, v['n'])} số liệu thuộc {f.one(v['window'])}: {kinds[0]}, {kinds[1]} và {kinds[2]}"
    return text + (" (bảng dưới đây không tính số ước tính)." if c.case == "estimates_left_out" else ".")


def _coverage(c, f) -> str:
    v = c.values
    return (f"Trong {_b(f, v['cells'])} cặp chỉ tiêu – năm chủ yếu của {f.one(v['window'])}, "
            f"{_pairs(f, v['actual'], 'có số liệu thực hiện cả năm')}, {_pairs(f, v['estimate'], 'chỉ có số ước tính')} "
            f"và {_pairs(f, v['derived'], 'chỉ có số tính toán')}. {_b(f, v['none'])} cặp còn trống, trong đó "
            f"{_pairs(f, v['partial'], 'có số liệu của một phần năm')} (tháng, quý, 6 tháng, lũy kế từ đầu năm): các số "
            "này cho biết giới hạn của số cả năm nhưng không thay được số cả năm.")


def _extremes(c, f) -> str:
    v = c.values
    first = (f"Chỉ tiêu có số liệu cả năm ở mọi năm: {_names(f, v['complete'])}." if v["complete"]
             else "Không chỉ tiêu chủ yếu nào có số liệu cả năm ở mọi năm.")
    second = (f"Chỉ tiêu không có số liệu cả năm ở năm nào: {_names(f, v['empty'])}." if v["empty"]
              else "Mọi chỉ tiêu chủ yếu đều có số liệu cả năm ở ít nhất một năm.")
    return f"{first} {second}"


_WITHIN = "trong khoảng giá trị mà cách ghi số cho phép"


def _checks_all_agree(c, f) -> str:
    if c.values["n"].value == 1:
        return f"Phép đối chiếu duy nhất cho kết quả khớp {_WITHIN}."
    return f"Cả **{f.one(c.values['n'])} phép đối chiếu** đều cho kết quả khớp {_WITHIN}."


def _checks(c, f) -> str:
    v = c.values
    text = f"**{f.one(v['n'])} phép đối chiếu**: {_b(f, v['ok'])} phép khớp {_WITHIN}"
    explained = f"{_b(f, v['explained'])} phép không khớp nhưng đã được giải thích bằng nhận định đã ghi"
    if c.case == "explained":
        return f"{text} và {explained}; không có xung đột số liệu nào chưa được giải thích."
    return f"{text}, {explained}, và {_b(f, v['conflict'])} phép là xung đột số liệu chưa được giải thích."


def _checked_some(c, f) -> str:
    v = c.values
    return (f"{_b(f, v['checked'])} trong số {f.one(v['n'])} số liệu của {f.one(v['window'])} đã được đối chiếu ít nhất "
            f"một lần; {_b(f, v['unchecked'])} số liệu còn lại không có số liệu thứ hai nên không kiểm tra được.")


def _judgements(c, f) -> str:
    v = c.values
    text = (f"Nhóm biên soạn đã ghi **{f.one(v['n'])} nhận định** về chênh lệch giữa các số liệu của "
            f"{f.one(v['window'])}")
    kept = _join([f"{f.one(v['preferred'])} nhận định chọn một số liệu" if v["preferred"].value else "",
                  f"{f.one(v['both_kept'])} nhận định giữ cả hai số liệu như đã công bố" if v["both_kept"].value else ""])
    seen = _join([f"{f.one(v['explaining'])} nhận định giải thích một phép đối chiếu không khớp nêu trên"
                  if v["explaining"].value else "",
                  f"{f.one(v['agreeing'])} nhận định liên quan đến các phép đối chiếu đã khớp"
                  if v["agreeing"].value else "",
                  f"{f.one(v['unseen'])} nhận định ghi nhận chênh lệch mà phép đối chiếu không phát hiện được (các số "
                  "liệu được xếp vào những đại lượng khác nhau, theo cơ sở hoặc thời điểm khác nhau)"
                  if v["unseen"].value else ""])
    return f"{text}: {kept}; {seen}."


def _corpus_absent(c, f) -> str:
    v = c.values
    which = "văn bản duy nhất" if v["all"].value == 1 else f"từng văn bản trong số {f.one(v['all'])} văn bản"
    return ("Không truy cập được toàn văn trong kho văn bản (`LSO_CORPUS_DIR` chưa được đặt hoặc không phải là thư "
            f"mục): tỉnh của {which} có toàn văn ({f.one(v['n'])} văn bản được ghi là về {f.one(v['province'])}) được "
            "lấy theo ghi chép, chưa được kiểm tra.")


def _corpus(c, f) -> str:
    v = c.values
    read = ("**văn bản duy nhất**" if v["read"].value == v["n"].value == 1 else
            f"cả **{f.one(v['n'])} văn bản**" if v["read"].value == v["n"].value else
            f"{_b(f, v['read'])} trong số {f.one(v['n'])} văn bản")
    text = (f"Bộ nhận diện tỉnh đã đọc {read} có toàn văn về {f.one(v['province'])}, và kết quả trùng với tỉnh đã ghi "
            f"ở {_b(f, v['agree'])} văn bản")
    if c.case == "some_disagree":
        return text + "; kết quả khác với ghi chép ở " + ", ".join(
            f"`{f.one(d['source_id'])}` (theo ghi chép: {f.one(d['recorded'])}; theo nhận diện: "
            f"{_detected(f, d['detected'])})" for d in v["disagree"]) + "."
    return text + "."


def _detected(f, detected: str) -> str:
    return "chưa xác định" if detected == "undecided" else "chưa đọc" if detected == "not read" else f.one(detected)


def _doc(f, d, province) -> str:
    text = f"`{f.one(d['source_id'])}` được ghi là về {f.one(d['recorded'])}"
    if d["detected"] == "not read":
        text += " (chưa đọc được toàn văn)"
    elif d["terms"] and d["detected"] == d["recorded"]:
        text += f", đúng như các địa danh trong văn bản cho thấy ({f.one(d['terms'])})"
    elif d["detected"] == "undecided":
        text += ", bộ nhận diện chưa xác định được tỉnh"
    elif d["detected"] != d["recorded"]:
        text += f", nhưng bộ nhận diện xác định văn bản nói về {f.one(d['detected'])}"
    return text + (f"; {f.one(d['figures'])} số liệu của văn bản không được đưa vào chuỗi số liệu của "
                   f"{f.one(province)}")


def _kept_out(c, f) -> str:
    v = c.values
    if c.case == "few":
        return "; ".join(_doc(f, d, v["province"]) for d in v["docs"]) + "."
    return (f"{f.one(v['n'])} văn bản có toàn văn được ghi là về {f.one(v['places'])} địa bàn khác; "
            f"{f.one(v['figures'])} số liệu của các văn bản này không được đưa vào chuỗi số liệu của "
            f"{f.one(v['province'])}. Bộ nhận diện đã đọc {f.one(v['read'])} văn bản và kết quả trùng với ghi chép ở "
            f"{f.one(v['agree'])} văn bản.")


def _fixes(c, f) -> str:
    v = c.values
    text = ""
    if c.case == "some":
        text = (f"**{f.one(v['n'])} giá trị ghi trong nguồn** về {f.one(v['province'])} thuộc {f.one(v['window'])} "
                "được đọc lại theo hiệu chỉnh đã ghi.")
    elif c.case == "none_inside":
        text = f"Không có hiệu chỉnh nào liên quan đến số liệu của {f.one(v['province'])} trong {f.one(v['window'])}."
    if v["outside"].value:
        text += (f" {f.one(v['outside'])} hiệu chỉnh khác liên quan đến số liệu của các kỳ nằm ngoài "
                 f"{f.one(v['window'])}.")
    return text.strip()


def _finding_trust(c, f) -> str:
    v = c.values
    split = _join([f"{_b(f, v[k])} {what}" for k, what in _CLASSES[:3] if v[k].value])
    text = (f"**Độ tin cậy.** {f.one(v['n'])} nguồn về {f.one(v['province'])}" + (f": {split}" if split else "")
            + f"; {_b(f, v['inferred'])} ngày công bố được suy ra từ nội dung chứ không ghi trên trang.")
    if c.case == "with_low":
        text += (f" **{f.one(v['low'])} bản sao có độ tin cậy thấp** chứa **{f.one(v['low_figures'])} số liệu**, "
                 "theo mặc định không được đưa vào chuỗi số liệu nào.")
    else:
        text += " Không nguồn nào là bản sao có độ tin cậy thấp."
    return text


def _finding_coverage(c, f) -> str:
    v = c.values
    if c.case == "no_figure":
        return (f"**Mức độ bao phủ.** Không cặp nào trong {_b(f, v['cells'])} cặp chỉ tiêu – năm chủ yếu có số liệu "
                f"cả năm; {_b(f, v['partial'])} cặp chỉ có số liệu của một phần năm.")
    if c.case == "complete":
        return f"**Mức độ bao phủ.** Cả {_b(f, v['cells'])} cặp chỉ tiêu – năm chủ yếu đều có số liệu cả năm."
    first = (f"{_b(f, v['actual'])} trong {_b(f, v['cells'])} cặp" if v["actual"].value else
             f"Không cặp nào trong {_b(f, v['cells'])} cặp")
    return (f"**Mức độ bao phủ.** {first} chỉ tiêu – năm chủ yếu có số liệu thực hiện cả năm; "
            f"{_pairs(f, v['estimate'], 'có số ước tính')} và {_pairs(f, v['derived'], 'có số tính toán')}. "
            f"{_b(f, v['none'])} cặp còn trống, trong đó {_pairs(f, v['partial'], 'chỉ có số liệu của một phần năm')}.")


def _finding_consistency(c, f) -> str:
    v = c.values
    if c.case == "no_pairs":
        text = "**Tính nhất quán.** Không có hai số liệu nào cùng nói về một đại lượng nên không có gì để đối chiếu."
    else:
        conflicts = (f"**{f.one(v['conflict'])} xung đột số liệu chưa được giải thích**" if v["conflict"].value
                     else "**không có xung đột số liệu nào chưa được giải thích**")
        explained = (f"{_b(f, v['explained'])} chênh lệch đã được giải thích" if v["explained"].value
                     else "không có chênh lệch nào cần giải thích")
        text = (f"**Tính nhất quán.** {f.one(v['n'])} phép đối chiếu giữa các số liệu về cùng một đại lượng cho thấy "
                f"{conflicts}; {explained}.")
    text += (f" Các hiệu chỉnh đã ghi đọc lại **{f.one(v['fixes'])} giá trị ghi trong nguồn**."
             if v["fixes"].value else " Không có hiệu chỉnh nào áp dụng cho các số liệu này.")
    if v["kept_out"].value:
        text += (f" Văn bản có toàn văn về địa bàn khác: {_b(f, v['kept_out'])} văn bản, với "
                 f"{_b(f, v['kept_out_figures'])} số liệu không được đưa vào chuỗi số liệu của {f.one(v['province'])}.")
    return text


def _english_notes(what: str):
    def text(c, f) -> str:
        n = c.values["n"]
        if what == "judgements":
            head = "nhận định này" if n.value == 1 else f"{f.one(n)} nhận định này"
            return (f"Lập luận của nhóm biên soạn cho {head} được viết bằng tiếng Anh nên không đưa vào bản tiếng "
                    "Việt; toàn văn có trong tệp `corrections.yml` và trong bản tiếng Anh của báo cáo.")
        head = "hiệu chỉnh này" if n.value == 1 else f"{f.one(n)} hiệu chỉnh này"
        return (f"Lý do của {head} được nhóm biên soạn ghi bằng tiếng Anh nên không đưa vào bản tiếng Việt; toàn văn "
                "có trong tệp `corrections.yml` và trong bản tiếng Anh của báo cáo.")
    return text


_HEADING = "**{province}, {window}**: "

wording.register("audit", "vi", {
    ("audit.heading", "default"): _HEADING + "tính cả số ước tính và số tính toán.",
    ("audit.heading", "no_estimates"): _HEADING + "không tính số ước tính; có tính số tính toán.",
    ("audit.heading", "no_derived"): _HEADING + "có tính số ước tính; không tính số tính toán.",
    ("audit.heading", "neither"): _HEADING + "không tính số ước tính và số tính toán.",
    ("audit.sources", "none"): "Bộ dữ liệu không có nguồn nào về {province}: không có gì để rà soát.",
    ("audit.sources", "some"): _sources,
    ("audit.other_geographies", "none"): "Mọi nguồn trong bộ dữ liệu đều về {province}.",
    ("audit.other_geographies", "some"): _other_geographies,
    ("audit.dates", "no_data"): "Không có ngày công bố nào để đánh giá.",
    ("audit.dates", "all_stated"): _dates_all_stated,
    ("audit.dates", "all_inferred"): _dates_all_inferred,
    ("audit.dates", "mixed"): _dates_mixed,
    ("audit.publication", "no_data"): "Không có nguồn nên không có ngày công bố.",
    ("audit.publication", "all_inside"): lambda c, f: (("Nguồn này" if c.values["n"].value == 1 else
                                                        "Tất cả các nguồn đều") + f" được công bố trong {f.one(c.values['window'])}."),
    ("audit.publication", "some_outside"): _publication,
    ("audit.outlets", "no_figures"): "Không nguồn nào về {province} có số liệu.",
    ("audit.outlets", "one_outlet"): "Mọi số liệu đều do một đơn vị đăng tải: {publisher} (`{outlet}`).",
    ("audit.outlets", "two_carry_most"): _outlets,
    ("audit.outlets", "spread"): _outlets,
    ("audit.window_figures", "no_figures"): "Các nguồn về {province} không có số liệu nào.",
    ("audit.window_figures", "none_inside"): "Không số liệu nào trong số {n} số liệu có kỳ số liệu nằm trọn trong "
                                             "{window}.",
    ("audit.window_figures", "all_inside"): "Cả {n} số liệu đều có kỳ số liệu nằm trong {window}.",
    ("audit.window_figures", "some_outside"): _window_some_outside,
    ("audit.low", "no_low"): "Không nguồn nào về {province} là bản sao có độ tin cậy thấp.",
    ("audit.low", "low_no_figures"): "{n} bản sao có độ tin cậy thấp không chứa số liệu nào.",
    ("audit.low", "low_nothing_lost"): _low,
    ("audit.low", "low_some_lost"): _low,
    ("audit.low", "low_outside_window"): _low,
    ("audit.statuses", "no_data"): "Không có số liệu nào của {window}.",
    ("audit.statuses", "default"): _statuses,
    ("audit.statuses", "estimates_left_out"): _statuses,
    ("audit.measures", "no_data"): "Không có số tuyệt đối hay tốc độ tăng trưởng nào cho {window}.",
    ("audit.measures", "growth_more"): "Trong số liệu thực hiện và số ước tính của {window}, tốc độ tăng trưởng "
                                       "({growth}) nhiều hơn số tuyệt đối ({level}): báo cáo của địa phương thường nêu "
                                       "tốc độ tăng trưởng trước, và số liệu của nhiều năm chỉ có được qua tốc độ tăng "
                                       "trưởng.",
    ("audit.measures", "level_more"): "Trong số liệu thực hiện và số ước tính của {window}, số tuyệt đối ({level}) "
                                      "nhiều hơn tốc độ tăng trưởng ({growth}).",
    ("audit.measures", "equal"): "Trong số liệu thực hiện và số ước tính của {window}, số tuyệt đối và tốc độ tăng "
                                 "trưởng bằng nhau ({level} số liệu mỗi loại).",
    ("audit.coverage", "no_figure"): "Không cặp nào trong **{cells}** cặp chỉ tiêu – năm chủ yếu của {window} có số "
                                     "liệu cả năm cho {province}; **{partial}** cặp chỉ có số liệu của một phần năm.",
    ("audit.coverage", "complete"): "Cả **{cells}** cặp chỉ tiêu – năm chủ yếu của {window} đều có số liệu cả năm: "
                                    "**{actual}** số thực hiện, **{estimate}** số ước tính và **{derived}** số tính "
                                    "toán.",
    ("audit.coverage", "partial"): _coverage,
    ("audit.coverage_extremes", "both"): _extremes,
    ("audit.coverage_extremes", "complete_only"): _extremes,
    ("audit.coverage_extremes", "empty_only"): _extremes,
    ("audit.coverage_extremes", "neither"): _extremes,
    ("audit.context", "note"): "{text}",
    # Not shown in the Vietnamese edition (the curators' English reasons are counted instead); worded for completeness.
    ("audit.judgement_context", "note"): "`{id}`: nhận định của nhóm biên soạn, viết bằng tiếng Anh (xem bản tiếng Anh).",
    ("audit.fix_context", "note"): "`{obs_id}`: nguyên văn “{printed}”, đọc là “{read}”; lý do được ghi bằng tiếng Anh (xem bản "
                                   "tiếng Anh).",
    ("audit.english_notes", "judgements"): _english_notes("judgements"),
    ("audit.english_notes", "fixes"): _english_notes("fixes"),
    ("audit.checks", "no_pairs"): "Không có hai số liệu nào của {window} cùng nói về một đại lượng: không có gì để "
                                  "đối chiếu.",
    ("audit.checks", "all_agree"): _checks_all_agree,
    ("audit.checks", "explained"): _checks,
    ("audit.checks", "conflicts"): _checks,
    ("audit.checked_share", "none_checked"): "Không số liệu nào trong số {n} số liệu của {window} có số liệu thứ hai "
                                             "để đối chiếu: không kiểm tra được số liệu nào.",
    ("audit.checked_share", "all_checked"): "Cả {n} số liệu của {window} đều đã được đối chiếu ít nhất một lần.",
    ("audit.checked_share", "some_checked"): _checked_some,
    ("audit.judgements", "none"): "Không có nhận định nào được ghi về chênh lệch giữa các số liệu của {province} "
                                  "trong {window}.",
    ("audit.judgements", "some"): _judgements,
    ("audit.corpus", "absent"): _corpus_absent,
    ("audit.corpus", "no_documents"): "Không văn bản nào trong số {all} văn bản có toàn văn nói về {province}, theo "
                                      "ghi chép cũng như theo nhận diện: bộ nhận diện tỉnh không có gì để kiểm tra.",
    ("audit.corpus", "none_read"): "Không đọc được {n} văn bản có toàn văn về {province}.",
    ("audit.corpus", "all_agree"): _corpus,
    ("audit.corpus", "some_disagree"): _corpus,
    ("audit.corpus", "no_corpus"): "Không nguồn nào trong bộ dữ liệu có toàn văn: bộ nhận diện tỉnh không có gì để "
                                   "kiểm tra.",
    ("audit.kept_out", "none"): "Mọi văn bản có toàn văn đều được ghi là về {province}.",
    ("audit.kept_out", "few"): _kept_out,
    ("audit.kept_out", "many"): _kept_out,
    ("audit.fixes", "none"): "Không có hiệu chỉnh nào được ghi cho các nguồn về {province}.",
    ("audit.fixes", "none_inside"): _fixes,
    ("audit.fixes", "some"): _fixes,
    ("audit.finding_trust", "no_data"): "**Độ tin cậy.** Bộ dữ liệu không có nguồn nào về {province}.",
    ("audit.finding_trust", "with_low"): _finding_trust,
    ("audit.finding_trust", "no_low"): _finding_trust,
    ("audit.finding_coverage", "no_figure"): _finding_coverage,
    ("audit.finding_coverage", "complete"): _finding_coverage,
    ("audit.finding_coverage", "partial"): _finding_coverage,
    ("audit.finding_consistency", "no_pairs"): _finding_consistency,
    ("audit.finding_consistency", "all_agree"): _finding_consistency,
    ("audit.finding_consistency", "explained"): _finding_consistency,
    ("audit.finding_consistency", "conflicts"): _finding_consistency,
    # Captions (plain text: the tables escape them).
    ("audit.caption.reliability", "default"): "Nguồn về {province} theo độ tin cậy: thời điểm công bố, cách xác định "
                                              "ngày công bố và số liệu mỗi loại nguồn cung cấp",
    ("audit.caption.outlets", "default"): "Nguồn về {province} theo đơn vị đăng tải (phần đầu của mã nguồn); các đơn "
                                          "vị chỉ có một nguồn được gộp ở dòng cuối",
    ("audit.caption.coverage_chart", "default"): "Số liệu cả năm của {province}, {window}",
    ("audit.caption.gaps", "default"): "Các chỉ tiêu chủ yếu của {province}: những năm trong {window} chưa có số liệu "
                                       "cả năm và số liệu hiện có thay thế",
    ("audit.caption.checks", "default"): "Kết quả đối chiếu số liệu về {province} trong {window}, theo loại đối chiếu "
                                         "và kết luận",
    ("audit.caption.flagged", "default"): "Các phép đối chiếu có khoảng giá trị không giao nhau, và nhận định đã ghi "
                                          "giải thích từng trường hợp",
    ("audit.caption.judgements", "default"): "Nhận định đã ghi về chênh lệch giữa các số liệu của {province} trong "
                                             "{window}",
    ("audit.caption.attribution", "default"): "Văn bản có toàn văn về {province}: tỉnh theo ghi chép, tỉnh nhận diện "
                                              "từ nội dung và việc số liệu có được đưa vào chuỗi số liệu của tỉnh hay "
                                              "không",
    ("audit.caption.figures", "default"): "Số liệu về {province} của {window} theo loại số liệu và trạng thái",
    ("audit.caption.fixes", "default"): "Giá trị ghi trong nguồn của {window} được đọc lại, đối với các nguồn về "
                                        "{province}",
})

_WORDS = {
    # Table headings.
    "col.reliability": "Độ tin cậy", "col.sources": "Số nguồn", "col.before": "Công bố trước năm {start}",
    "col.in": "Công bố trong {window}", "col.after": "Công bố sau năm {end}",
    "col.date stated": "Ngày công bố ghi trên trang", "col.date inferred": "Ngày công bố suy ra từ nội dung",
    "col.figures": "Số lượng số liệu", "col.figures_window": "Số liệu thuộc {window}",
    "col.outlet": "Đơn vị đăng tải (mã)", "col.publisher": "Cơ quan ban hành, đăng tải", "col.indicator": "Chỉ tiêu",
    "col.years without a full-year figure": "Năm chưa có số liệu cả năm",
    "col.what exists instead": "Số liệu hiện có thay thế", "col.source_ids": "Nguồn", "col.source_id": "Nguồn",
    "col.check": "Loại đối chiếu", "col.ok": "Khớp", "col.explained": "Đã giải thích", "col.conflict": "Xung đột",
    "col.total": "Tổng số", "col.status": "Kết quả đối chiếu", "col.period": "Kỳ số liệu",
    "col.figure a": "Số liệu thứ nhất", "col.figure b": "Số liệu thứ hai", "col.recorded judgement": "Nhận định đã ghi",
    "col.id": "Mã nhận định", "col.preferred": "Số liệu được chọn", "col.judgement (gist)": "Nhận định (tóm tắt)",
    "col.judgement": "Nhận định", "col.recorded": "Tỉnh theo ghi chép", "col.detected": "Tỉnh theo nhận diện",
    "col.confidence": "Độ tin cậy của nhận diện", "col.evidence": "Căn cứ nhận diện",
    "col.other places": "Tỉnh khác được nhắc đến", "col.agrees": "Trùng khớp",
    "col.in series": "Đưa vào chuỗi số liệu", "col.measure": "Loại số liệu", "col.actual": "Số liệu thực hiện",
    "col.estimate": "Số ước tính", "col.target": "Chỉ tiêu kế hoạch", "col.obs_id": "Mã số liệu",
    "col.printed": "Nguyên văn trong nguồn", "col.read as": "Đọc là", "col.column": "Trường dữ liệu",
    "col.reason": "Lý do",
    # Words in the tables.
    "reliability.official": "chính thức", "reliability.press": "báo chí", "reliability.mirror": "bản sao",
    "reliability.low": "độ tin cậy thấp", "reliability.total": "Tổng số",
    "verdict.ok": "khớp", "verdict.explained": "đã giải thích", "verdict.conflict": "xung đột số liệu",
    "check.same_quantity": "cùng một đại lượng", "check.implied": "giá trị suy ra", "check.parts_total": "thành phần và tổng",
    "check.sub_period": "kỳ con và lũy kế", "check.magnitude": "độ lớn",
    "measure.level": "số tuyệt đối", "measure.growth_pct": "tốc độ tăng trưởng (%)",
    "measure.plan_pct": "tỷ lệ so với kế hoạch (%)", "measure.share_pct": "tỷ trọng (%)",
    "measure.change_abs": "mức tăng, giảm tuyệt đối", "measure.change_pp": "mức tăng, giảm (điểm phần trăm)",
    "measure.rank": "xếp hạng", "measure.ratio": "tỷ số", "measure.total": "Tổng số",
    "place.province": "tỉnh", "place.district": "huyện", "place.town": "thành phố, thị xã", "place.commune": "xã",
    "place.border_gate": "cửa khẩu", "place.economic_zone": "khu kinh tế", "place.industrial_park": "khu công nghiệp",
    "place.landmark": "địa danh", "place.url host": "tên miền", "place.url slug": "đường dẫn",
    "place.publisher": "đơn vị đăng tải",
    "field.value_raw": "giá trị", "field.period_raw": "kỳ số liệu", "field.comparison_raw": "kỳ so sánh",
    "field.unit_raw": "đơn vị tính", "field.indicator": "chỉ tiêu", "field.measure": "loại số liệu",
    "field.province": "tỉnh", "field.status": "trạng thái", "field.note": "ghi chú",
    "word.yes": "có", "word.no": "không", "word.not_read": "chưa đọc", "word.undecided": "chưa xác định",
    "word.none": "không có", "word.nothing": "không có", "word.every_year": "mọi năm",
    "outlets.other": "{n} đơn vị khác", "outlets.under": "(mỗi đơn vị dưới {n} nguồn)",
    # The coverage heat map: TH thực hiện, ƯT ước tính, TT tính toán; * một phần năm.
    "chart.none": "không có", "chart.derived": "số tính toán", "chart.estimate": "số ước tính",
    "chart.actual": "số thực hiện", "chart.letter.actual": "TH", "chart.letter.estimate": "ƯT",
    "chart.letter.derived": "TT", "chart.partial": "*",
    "chart.note": "TH: số thực hiện; ƯT: số ước tính; TT: số tính toán; *: có số liệu của một phần năm.",
    "chart.empty": "không có số liệu về mức độ bao phủ",
    # Short names of the key indicators on the heat map's axis (the statistics office's usual abbreviations).
    **{f"chart.indicator.{k}": v for k, v in {
        "grdp": "GRDP", "grdp_per_capita": "GRDP bình quân đầu người", "trade_turnover": "Kim ngạch XNK (Hải quan tỉnh)",
        "trade_turnover_all_goods": "Kim ngạch XNK (mọi loại hình)", "exports": "Kim ngạch xuất khẩu",
        "imports": "Kim ngạch nhập khẩu", "local_exports": "Xuất khẩu hàng địa phương",
        "budget_revenue": "Thu NSNN trên địa bàn", "customs_revenue": "Thu NSNN từ hoạt động XNK",
        "retail_sales": "Tổng mức bán lẻ và DTDV", "iip": "Chỉ số IIP", "tourist_arrivals": "Lượng khách du lịch",
        "new_enterprises": "Doanh nghiệp thành lập mới", "public_investment_disbursed": "Giải ngân vốn đầu tư công",
        "poverty_rate": "Tỷ lệ hộ nghèo", "covid_cases": "Số ca mắc COVID-19", "dti_rank": "Xếp hạng DTI",
        "pci_rank": "Xếp hạng PCI", "digital_economy_share": "Tỷ trọng kinh tế số",
        "online_public_services": "Dịch vụ công trực tuyến", "online_dossier_share": "Tỷ lệ hồ sơ trực tuyến",
        "digital_citizen_accounts": "Tài khoản công dân số"}.items()},
}
wording.register("audit", "vi", {("audit.label", k): v for k, v in _WORDS.items()})
