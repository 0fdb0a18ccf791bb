"""Wording of notebook 40's claims, captions and refusals in English and Vietnamese (a province against Vietnam)."""

from __future__ import annotations

import dataclasses

from lso_analysis.present import wording
from lso_analysis.present.claims import Fig

GROUPS_EN = {"northern_border": "northern border provinces"}
GROUPS_VI = {"northern_border": "các tỉnh biên giới phía Bắc"}


def group_en(code: str) -> str:
    if code.startswith("region:"):
        return f"provinces of the {code.split(':', 1)[1]} region"
    return GROUPS_EN.get(code, f"provinces of the group {code}" if code else "provinces compared")


def group_vi(code: str) -> str:
    """A comparison group in Vietnamese (regions keep their GSO names: ``các tỉnh vùng Tây Nguyên``)."""
    if code.startswith("region:"):
        name = code.split(":", 1)[1]
        return f"các tỉnh {name[:1].lower() + name[1:]}" if name.lower().startswith("vùng ") else f"các tỉnh vùng {name}"
    return GROUPS_VI.get(code, f"các tỉnh thuộc nhóm {code}" if code else "các tỉnh so sánh")


def _join(f, parts: list[str]) -> str:
    """Already formatted parts joined as a list in the formatter's language (``a, b and c`` / ``a, b và c``)."""
    last = " and " if f.language == "en" else " và "
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + last + parts[-1] if parts else ""


def _why(claim, f) -> str:
    """A panel refusal's reason, worded in the formatter's language from its code and values."""
    values = {k: v for k, v in claim.values.items() if k != "reason"}
    return f.format(wording.template("provinces.refusal", claim.values["reason"], f.language), **values)


# ---------------------------------------------------------------- English


def _coverage(claim, f):
    v = claim.values
    per_year = _join(f, [f"{f.one(n)} ({y})" for n, y in zip(v["counts"], v["count_years"])])
    return (f"Besides {f.one(v['province'])}, the data hold a full-year GRDP growth figure for {f.one(v['n'])} "
            f"provinces in {f.one(v['window'])}; provinces with a figure each year: {per_year}.")


def _own(claim, f):
    v = claim.values
    if claim.case == "none":
        return f"The data hold no full-year GRDP growth figure for {f.one(v['province'])} in the window."
    text = (f"{f.one(v['province'])} has a full-year GRDP growth figure for {f.one(v['have'])}"
            + (f", none for {f.one(v['lack'])}" if v["lack"] else "") + ".")
    if v["n_estimates"]:
        n = v["n_estimates"]
        text += (" All of them are estimates (ước) made before the year closed." if n == len(v["have"]) else
                 " 1 of them is an estimate (ước) made before the year closed." if n == 1 else
                 f" {n} of them are estimates (ước) made before the year closed.")
    return text


def _peers(claim, f):
    v = claim.values
    group = group_en(v.get("group", ""))
    if claim.case == "no_data":
        return f"Neither {f.one(v['province'])} nor its comparison group ({group}) has a figure for the same year."
    head = f"In {v['year']}, {f.one(v['province'])} ({f.one(v['growth'])})"
    others = _join(f, [f"{f.one(p)} {f.one(g)}" for p, g in zip(v["other_names"], v["other_growth"])])
    if claim.case == "alone":
        return f"{head} is the only one of the {group} with a figure."
    if claim.case == "top":
        return f"{head} grew faster than {_every_other_en(v)} of the {group} with a figure ({others})."
    if claim.case == "bottom":
        return f"{head} grew slower than {_every_other_en(v)} of the {group} with a figure ({others})."
    return f"{head} sits among the {group} with a figure, neither fastest nor slowest beyond rounding ({others})."


def _every_other_en(v) -> str:
    return "the only other" if len(v["other_names"]) == 1 else "every other"


def _missing(claim, f):
    v = claim.values
    if claim.case == "national":
        return f"No national GDP growth figure for {f.one(v['years'])}: those years have no gap."
    if claim.case == "peers":
        return f"No full-year growth figure in the window for {f.one(v['names'])} ({group_en(v['group'])})."
    n, total = v.get("n_est", 0), v.get("n_total", 0)
    head = (f"{n} of the {total} growth figures of the province and its group are year-end estimates (ước); "
            if n else "None of the growth figures of the province and its group is marked as an estimate; ")
    return head + ("the statistical yearbooks' final figures, which the data do not hold, may differ by more than the "
                   "rounding shown.")


def _panel(claim, f):
    v = claim.values
    if claim.case == "refused":
        return f"The panel model refuses: {_why(claim, f)}."
    sig = v["significant"]
    tail = (f" The 95% interval excludes zero in {f.one(sig)}." if sig else
            " In no year does the 95% interval exclude zero: the data cannot tell the deviation from noise.")
    items = "; ".join(f"{y}: {f.one(d)}" for y, d in zip(v["years"], v["deltas"]))
    return (f"Against its own pre-{v['first']} pace and each year's common shock across {v['n_provinces']} provinces "
            f"({v['n_obs']} figures), {f.one(v['province'])}'s growth deviated by {items} "
            f"(percentage points, 95% interval).{tail}")


def _panel_low_only(claim, f):
    v = claim.values
    items = "; ".join(f"{y}: {f.one(d)}" for y, d in zip(v["years"], v["deltas"]))
    return (f"Only with the {f.one(v['n_low'])} figures from low-reliability copies added can the panel model be "
            f"fitted ({v['n_provinces']} provinces, {v['n_obs']} figures). As a sensitivity, not a finding: "
            f"{f.one(v['province'])}'s growth then deviates by {items} (percentage points, 95% interval).")


def _panel_low_only_vi(claim, f):
    v = claim.values
    items = "; ".join(f"năm {y}: {f.one(d)}" for y, d in zip(v["years"], v["deltas"]))
    return (f"Chỉ khi bổ sung {f.one(v['n_low'])} số liệu từ các bản sao chép có độ tin cậy thấp mới ước lượng được "
            f"mô hình dữ liệu bảng ({v['n_provinces']} tỉnh, {v['n_obs']} số liệu). Đây là phép thử độ nhạy, không "
            f"phải kết quả: khi đó tốc độ tăng trưởng của {f.one(v['province'])} lệch {items} (điểm phần trăm, "
            "khoảng tin cậy 95%).")


def _panel_low_refused(claim, f):
    return (f"With the {f.one(claim.values['n_low'])} figures from low-reliability copies added, the panel model "
            f"still refuses: {_why(claim, f)}.")


_EN_LABELS = {
    "col_year": "Year", "col_national": "Vietnam (first estimate)", "col_gap": "Gap (pp)",
    "gap_caption": "GRDP growth of {province} and GDP growth of Vietnam, {window}",
    "gap_what": "year with both a provincial and a national growth figure",
    "peer_caption": "GRDP growth in the comparison group, {window}",
    "peer_what": "growth figure for the comparison group",
    "col_rank": "Rank", "col_rank_range": "Possible ranks given rounding", "col_out_of": "Provinces with a figure",
    "rank_caption": "Rank of {province} by GRDP growth among the provinces with a figure", "rank_what": "rank",
    "col_delta": "Deviation (pp)", "col_ci": "95% interval", "ci_range": "{low} to {high}",
    "col_rounding": "± rounding", "col_n": "Provinces that year",
    "panel_caption": "{province}'s deviation from its own pace and the common shock, panel model",
    "chart_title": "GRDP growth: {province}, its group and Vietnam", "chart_ylabel": "% on the year before",
    "chart_indicator": "GRDP growth", "chart_what": "growth figure",
}

_EN_REFUSALS = {
    "no_treated": "{province} has no full-year growth figure from {year} on",
    "no_before": "{province} has no full-year growth figure before {year}: its own level cannot be told apart from "
                 "its deviations",
    "no_other_before": "no other province has a figure in the years before {year} that {province} has",
    "alone_in_year": "{year}: {province} is the only province with a figure, so the year's common shock and its own "
                     "deviation cannot be told apart",
    "no_dof": "{n_obs} figures for {n_coef} coefficients: no degree of freedom is left to estimate the uncertainty",
    "other": "the panel holds too few figures",
}

wording.register("provinces", "en", {
    ("provinces.title", "ok"): "{province} against Vietnam and other provinces, {window}",
    ("provinces.coverage", "ok"): _coverage,
    ("provinces.coverage", "none"): "The data hold no full-year GRDP growth figure for any other province in {window}: "
                                    "there is nothing to compare {province} with.",
    ("provinces.own_figures", "none"): _own, ("provinces.own_figures", "all"): _own, ("provinces.own_figures", "some"): _own,
    ("provinces.gap", "above"): "In {year}, {province}'s GRDP grew {growth}, faster than Vietnam's GDP ({national}, first "
                                "estimate): a gap of {gap}.",
    ("provinces.gap", "below"): "In {year}, {province}'s GRDP grew {growth}, slower than Vietnam's GDP ({national}, first "
                                "estimate): a gap of {gap}.",
    ("provinces.gap", "level"): "In {year}, {province}'s GRDP grew {growth}, as fast as Vietnam's GDP ({national}, first "
                                "estimate) within the rounding of the two figures (gap {gap}).",
    ("provinces.gap", "no_national"): "The data hold no national GDP growth figure in {window}: no gap can be computed.",
    ("provinces.gap", "no_overlap"): "No year of {window} has both a full-year figure for {province} and a national "
                                     "figure: no gap can be computed.",
    ("provinces.vintage", "no_revised"): "No revised national figure covers a year compared: the gaps rest on the first "
                                         "estimates only.",
    ("provinces.vintage", "holds"): "Against the revised national series ({years}) every gap keeps its sign; the gaps "
                                    "move by up to {shift}.",
    ("provinces.vintage", "flips"): "Against the revised national series the gap changes sign in {flipped}: those years' "
                                    "comparisons depend on the vintage.",
    ("provinces.path", "no_data"): "No run of years with both figures: the path at the national rate cannot be drawn.",
    ("provinces.path", "above"): "Chained from {base} (= 100), {province}'s output in {last} stood {gap} above the path "
                                 "it would have followed at Vietnam's growth rates.",
    ("provinces.path", "below"): "Chained from {base} (= 100), {province}'s output in {last} stood {gap:abs} below the "
                                 "path it would have followed at Vietnam's growth rates.",
    ("provinces.path", "level"): "Chained from {base} (= 100), {province}'s output in {last} stood on the path it would "
                                 "have followed at Vietnam's growth rates, within rounding ({gap}).",
    ("provinces.peers", "no_data"): _peers, ("provinces.peers", "alone"): _peers, ("provinces.peers", "top"): _peers,
    ("provinces.peers", "bottom"): _peers, ("provinces.peers", "middle"): _peers,
    ("provinces.rank", "exact"): "In {year}, {province} ranked {rank} of the {n} provinces with a full-year growth figure.",
    ("provinces.rank", "range"): "In {year}, {province} ranked {rank} of the {n} provinces with a full-year growth "
                                 "figure ({best} to {worst} given the rounding of tied figures).",
    ("provinces.rank", "alone"): "In {year}, {province} is the only province with a full-year growth figure: there is "
                                 "nothing to rank it against.",
    ("provinces.rank", "no_data"): "No year has a figure for {province} to rank.",
    ("provinces.panel", "refused"): _panel, ("provinces.panel", "estimated"): _panel,
    ("provinces.panel_low", "no_low"): "No low-reliability copy holds a growth figure in the window: there is no "
                                       "sensitivity to run.",
    ("provinces.panel_low", "moves"): "With the {n_low} figures from low-reliability copies added, the panel estimates "
                                      "move by up to {shift}.",
    ("provinces.panel_low", "refused"): _panel_low_refused,
    ("provinces.panel_low", "only_with_low"): _panel_low_only,
    ("provinces.missing", "national"): _missing, ("provinces.missing", "peers"): _missing,
    ("provinces.missing", "final"): _missing,
    **{("provinces.label", k): t for k, t in _EN_LABELS.items()},
    **{("provinces.refusal", k): t for k, t in _EN_REFUSALS.items()},
})


# ---------------------------------------------------------------- Vietnamese


def _years_vi(f, years) -> str:
    """``năm 2020`` or ``các năm 2020, 2021 và 2022``."""
    years = list(years)
    return f"năm {f.one(years)}" if len(years) == 1 else f"các năm {f.one(years)}"


def _plain(fig: Fig) -> Fig:
    """A rate shown without "+" (a fall keeps its minus sign)."""
    return dataclasses.replace(fig, signed=False)


def _grdp_vi(f, province, growth: Fig) -> str:
    """``tốc độ tăng trưởng GRDP của X đạt 6,5%``, or ``GRDP của X giảm 1,2%`` for a fall."""
    if growth.value < 0:
        return f"GRDP của {f.one(province)} giảm {f.one(growth, 'abs')}"
    return f"tốc độ tăng trưởng GRDP của {f.one(province)} đạt {f.one(_plain(growth))}"


def _coverage_vi(claim, f):
    v = claim.values
    per_year = _join(f, [f"năm {y} có {f.one(n)} tỉnh" for n, y in zip(v["counts"], v["count_years"])])
    return (f"Ngoài {f.one(v['province'])}, bộ số liệu có tốc độ tăng trưởng GRDP cả năm của {f.one(v['n'])} tỉnh "
            f"khác trong {f.one(v['window'])}; số tỉnh có số liệu theo từng năm: {per_year}.")


def _own_vi(claim, f):
    v = claim.values
    p = f.one(v["province"])
    if claim.case == "none":
        return f"Bộ số liệu không có tốc độ tăng trưởng GRDP cả năm nào của {p} trong giai đoạn báo cáo."
    text = (f"Bộ số liệu có tốc độ tăng trưởng GRDP cả năm của {p} cho {_years_vi(f, v['have'])}"
            + (f"; không có số liệu {_years_vi(f, v['lack'])}" if v["lack"] else "") + ".")
    if v["n_estimates"]:
        text += (" Tất cả đều là số ước tính (ước) công bố trước khi kết thúc năm." if v["n_estimates"] == len(v["have"])
                 else f" Trong đó có {f.one(v['n_estimates'])} số ước tính (ước) công bố trước khi kết thúc năm.")
    return text


def _gap_vi(claim, f):
    v = claim.values
    head = f"Năm {v['year']}, {_grdp_vi(f, v['province'], v['growth'])}"
    national = f"tốc độ tăng GDP cả nước ({f.one(_plain(v['national']))}, số ước tính lần đầu)"
    if claim.case == "above":
        return f"{head}, cao hơn {f.one(v['gap'], 'abs')} so với {national}."
    if claim.case == "below":
        return f"{head}, thấp hơn {f.one(v['gap'], 'abs')} so với {national}."
    return (f"{head}, ngang với {national} nếu tính đến sai số làm tròn của hai số liệu "
            f"(chênh lệch {_between_vi(f, v['gap'])}).")


def _between_vi(f, fig: Fig) -> str:
    """An interval around zero in words: ``từ −0,01 đến +0,01 điểm phần trăm``."""
    low = f.one(dataclasses.replace(fig, value=fig.low, unit="", show_range=False))
    high = f.one(dataclasses.replace(fig, value=fig.high, show_range=False))
    return f"từ {low} đến {high}"


def _path_vi(claim, f):
    v = claim.values
    head = (f"Lấy {f.one(v['base'])} làm gốc (= 100) và nối chuỗi tốc độ tăng trưởng từng năm, GRDP của "
            f"{f.one(v['province'])} năm {v['last']}")
    path = "quỹ đạo giả định tăng theo tốc độ tăng GDP cả nước"
    if claim.case == "above":
        return f"{head} cao hơn {f.one(v['gap'])} so với {path}."
    if claim.case == "below":
        return f"{head} thấp hơn {f.one(v['gap'], 'abs')} so với {path}."
    return f"{head} nằm trên {path}, trong phạm vi sai số làm tròn (chênh lệch {_between_vi(f, v['gap'])})."


def _vintage_vi(claim, f):
    v = claim.values
    if claim.case == "holds":
        return (f"So với số đánh giá lại của cả nước ({_years_vi(f, v['years'])}), mức chênh lệch của mọi năm đều "
                f"không đổi chiều; độ lớn thay đổi tối đa {f.one(v['shift'])}.")
    flipped = v["flipped"]
    which = "năm đó" if len(flipped) == 1 else "các năm đó"
    return (f"So với số đánh giá lại của cả nước, mức chênh lệch đổi chiều trong {_years_vi(f, flipped)}: kết quả so "
            f"sánh của {which} phụ thuộc vào lần công bố số liệu của cả nước.")


def _peers_vi(claim, f):
    v = claim.values
    group = group_vi(v.get("group", ""))
    if claim.case == "no_data":
        return f"Không có năm nào {f.one(v['province'])} và nhóm so sánh ({group}) cùng có số liệu."
    if claim.case == "alone":
        return (f"Năm {v['year']}, {f.one(v['province'])} ({f.one(_plain(v['growth']))}) là tỉnh duy nhất trong số "
                f"{group} có số liệu.")
    head = f"Năm {v['year']}, tốc độ tăng trưởng GRDP của {f.one(v['province'])} ({f.one(_plain(v['growth']))})"
    others = ", ".join(f"{f.one(p)}: {f.one(_plain(g))}" for p, g in zip(v["other_names"], v["other_growth"]))
    if claim.case == "top":
        return f"{head} cao hơn {_every_other_vi(v)} trong số {group} có số liệu ({others})."
    if claim.case == "bottom":
        return f"{head} thấp hơn {_every_other_vi(v)} trong số {group} có số liệu ({others})."
    return (f"{head} không phải cao nhất cũng không phải thấp nhất trong số {group} có số liệu khi tính đến sai số làm tròn "
            f"({others}).")


def _every_other_vi(v) -> str:
    return "tỉnh còn lại" if len(v["other_names"]) == 1 else "tất cả các tỉnh khác"


def _panel_vi(claim, f):
    v = claim.values
    if claim.case == "refused":
        return f"Mô hình dữ liệu bảng không ước lượng được: {_why(claim, f)}."
    items = _join(f, [f"{f.one(d, 'norange')} năm {y} (khoảng tin cậy 95%: từ {f.one(Fig(d.low, signed=True))} "
                   f"đến {f.one(Fig(d.high, signed=True))})" for y, d in zip(v["years"], v["deltas"])])
    sig = v["significant"]
    tail = (f" Khoảng tin cậy 95% không chứa giá trị 0 ở {_years_vi(f, sig)}." if sig else
            " Khoảng tin cậy 95% của mọi năm đều chứa giá trị 0: số liệu chưa đủ để phân biệt độ lệch với dao động "
            "ngẫu nhiên.")
    return (f"Theo mô hình dữ liệu bảng ({f.one(v['n_provinces'])} tỉnh, {f.one(v['n_obs'])} số liệu), sau khi loại "
            f"trừ tốc độ tăng trưởng thông thường của chính tỉnh trước năm {v['first']} và cú sốc chung của từng năm, "
            f"độ lệch tốc độ tăng trưởng GRDP của {f.one(v['province'])} so với mức mô hình dự báo là {items}.{tail}")


def _panel_low_refused_vi(claim, f):
    return (f"Khi bổ sung {f.one(claim.values['n_low'])} số liệu từ các bản sao chép có độ tin cậy thấp, mô hình dữ "
            f"liệu bảng vẫn không ước lượng được: {_why(claim, f)}.")


def _missing_vi(claim, f):
    v = claim.values
    if claim.case == "national":
        return (f"Không có tốc độ tăng GDP cả nước của {_years_vi(f, v['years'])}: không tính được mức chênh lệch cho "
                f"{'năm này' if len(v['years']) == 1 else 'các năm này'}.")
    if claim.case == "peers":
        return (f"Trong giai đoạn báo cáo, bộ số liệu không có tốc độ tăng trưởng cả năm của {f.one(v['names'])} "
                f"({group_vi(v['group'])}).")
    n, total = v.get("n_est", 0), v.get("n_total", 0)
    head = (f"{f.one(n)} trong {f.one(total)} số liệu tốc độ tăng trưởng của tỉnh và nhóm so sánh là số ước tính công bố "
            "cuối năm; " if n else "Không số liệu tốc độ tăng trưởng nào của tỉnh và nhóm so sánh được ghi là số ước tính; ")
    return head + ("số liệu chính thức trong niên giám thống kê (bộ số liệu chưa có) có thể chênh lệch nhiều hơn mức "
                   "làm tròn thể hiện ở đây.")


_VI_LABELS = {
    "col_year": "Năm", "col_national": "Cả nước (số ước tính lần đầu)", "col_gap": "Chênh lệch (điểm phần trăm)",
    "gap_caption": "Tốc độ tăng trưởng GRDP của {province} và tốc độ tăng GDP cả nước, {window}",
    "gap_what": "năm có đồng thời tốc độ tăng trưởng của tỉnh và của cả nước",
    "peer_caption": "Tốc độ tăng trưởng GRDP của nhóm tỉnh so sánh, {window}",
    "peer_what": "số liệu tăng trưởng của nhóm tỉnh so sánh",
    "col_rank": "Xếp hạng", "col_rank_range": "Thứ hạng có thể (do làm tròn)", "col_out_of": "Số tỉnh có số liệu",
    "rank_caption": "Xếp hạng tốc độ tăng trưởng GRDP của {province} trong số các tỉnh có số liệu",
    "rank_what": "thứ hạng",
    "col_delta": "Độ lệch (điểm phần trăm)", "col_ci": "Khoảng tin cậy 95%", "ci_range": "từ {low} đến {high}",
    "col_rounding": "± sai số làm tròn", "col_n": "Số tỉnh có số liệu trong năm",
    "panel_caption": "Độ lệch tốc độ tăng trưởng GRDP của {province} so với mức thông thường của tỉnh và cú sốc chung, "
                     "mô hình dữ liệu bảng",
    "chart_title": "Tốc độ tăng trưởng GRDP: {province}, nhóm tỉnh so sánh và cả nước",
    "chart_ylabel": "% so với năm trước", "chart_indicator": "Tốc độ tăng trưởng GRDP",
    "chart_what": "số liệu tăng trưởng",
}

_VI_REFUSALS = {
    "no_treated": "{province} không có tốc độ tăng trưởng GRDP cả năm từ {year} trở đi",
    "no_before": "{province} không có tốc độ tăng trưởng GRDP cả năm trước {year}, nên không tách được mức tăng "
                 "trưởng thông thường của tỉnh khỏi các độ lệch",
    "no_other_before": "trong các năm trước {year} mà {province} có số liệu, không có tỉnh nào khác có số liệu",
    "alone_in_year": "trong {year}, {province} là tỉnh duy nhất có số liệu, nên không tách được cú sốc chung của năm "
                     "đó khỏi độ lệch riêng của tỉnh",
    "no_dof": "{n_obs} số liệu cho {n_coef} hệ số, không còn bậc tự do để ước lượng sai số",
    "other": "bảng số liệu có quá ít số liệu",
}

wording.register("provinces", "vi", {
    ("provinces.title", "ok"): "{province} so với cả nước và các tỉnh khác, {window}",
    ("provinces.coverage", "ok"): _coverage_vi,
    ("provinces.coverage", "none"): "Trong {window}, bộ số liệu không có tốc độ tăng trưởng GRDP cả năm của tỉnh nào "
                                    "khác: không có cơ sở để so sánh {province} với các tỉnh khác.",
    ("provinces.own_figures", "none"): _own_vi, ("provinces.own_figures", "all"): _own_vi,
    ("provinces.own_figures", "some"): _own_vi,
    ("provinces.gap", "above"): _gap_vi, ("provinces.gap", "below"): _gap_vi, ("provinces.gap", "level"): _gap_vi,
    ("provinces.gap", "no_national"): "Trong {window}, bộ số liệu không có tốc độ tăng GDP cả nước: không tính được "
                                      "mức chênh lệch.",
    ("provinces.gap", "no_overlap"): "Trong {window}, không có năm nào có đồng thời số liệu cả năm của {province} và "
                                     "của cả nước: không tính được mức chênh lệch.",
    ("provinces.vintage", "no_revised"): "Không có số đánh giá lại của cả nước cho các năm được so sánh: mức chênh lệch "
                                         "chỉ dựa trên số ước tính lần đầu.",
    ("provinces.vintage", "holds"): _vintage_vi, ("provinces.vintage", "flips"): _vintage_vi,
    ("provinces.path", "no_data"): "Không có chuỗi năm liên tục có đủ số liệu của tỉnh và cả nước: không dựng được "
                                   "quỹ đạo tăng theo tốc độ tăng GDP cả nước.",
    ("provinces.path", "above"): _path_vi, ("provinces.path", "below"): _path_vi,
    ("provinces.path", "level"): _path_vi,
    ("provinces.peers", "no_data"): _peers_vi, ("provinces.peers", "alone"): _peers_vi,
    ("provinces.peers", "top"): _peers_vi, ("provinces.peers", "bottom"): _peers_vi,
    ("provinces.peers", "middle"): _peers_vi,
    ("provinces.rank", "exact"): "Năm {year}, tốc độ tăng trưởng GRDP của {province} xếp thứ {rank} trong số {n} tỉnh "
                                 "có số liệu cả năm.",
    ("provinces.rank", "range"): "Năm {year}, tốc độ tăng trưởng GRDP của {province} xếp thứ {rank} trong số {n} tỉnh "
                                 "có số liệu cả năm (từ thứ {best} đến thứ {worst} nếu tính đến sai số làm tròn của "
                                 "các số liệu sát nhau).",
    ("provinces.rank", "alone"): "Năm {year}, {province} là tỉnh duy nhất có tốc độ tăng trưởng GRDP cả năm: không có "
                                 "cơ sở để xếp hạng.",
    ("provinces.rank", "no_data"): "Không có năm nào có số liệu của {province} để xếp hạng.",
    ("provinces.panel", "refused"): _panel_vi, ("provinces.panel", "estimated"): _panel_vi,
    ("provinces.panel_low", "no_low"): "Trong giai đoạn báo cáo, không có tốc độ tăng trưởng nào lấy từ bản sao chép "
                                       "có độ tin cậy thấp: không cần phân tích độ nhạy.",
    ("provinces.panel_low", "moves"): "Khi bổ sung {n_low} số liệu từ các bản sao chép có độ tin cậy thấp, các ước "
                                      "lượng của mô hình dữ liệu bảng thay đổi tối đa {shift}.",
    ("provinces.panel_low", "refused"): _panel_low_refused_vi,
    ("provinces.panel_low", "only_with_low"): _panel_low_only_vi,
    ("provinces.missing", "national"): _missing_vi, ("provinces.missing", "peers"): _missing_vi,
    ("provinces.missing", "final"): _missing_vi,
    **{("provinces.label", k): t for k, t in _VI_LABELS.items()},
    **{("provinces.refusal", k): t for k, t in _VI_REFUSALS.items()},
})
