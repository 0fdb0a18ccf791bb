"""The words the shared presentation code writes itself (legends, captions, notes), in every report language."""

from __future__ import annotations

from lso_analysis.present import resolve

#: key -> {language: text}. Templates use ``str.format`` fields filled by :func:`word`.
WORDS: dict[str, dict[str, str]] = {
    "sources": {"en": "Sources", "vi": "Nguồn"},
    "sources_line": {"en": "Sources: {ids}", "vi": "Nguồn: {ids}"},
    "sources_none": {"en": "Sources: none", "vi": "Nguồn: không có"},
    "sources_cited": {"en": "Sources cited", "vi": "Nguồn đã trích dẫn"},
    "none": {"en": "none", "vi": "không có"},
    "no_data": {"en": "no data", "vi": "không có số liệu"},
    "no_data_for": {"en": "no data for {name}", "vi": "không có số liệu về {name}"},
    "this_series": {"en": "this series", "vi": "chuỗi số liệu này"},
    "missing_note": {
        "en": "> **No data.** The dataset holds no {what} for {province}; this section is left empty "
              "rather than drawn on empty axes.",
        "vi": "> **Không có số liệu.** Bộ dữ liệu không có {what} của {province}; phần này để trống "
              "thay vì vẽ biểu đồ không có số liệu.",
    },
    # legends of series charts (by origin, as annual_series' ``origin`` says)
    "origin_reported": {"en": "reported", "vi": "số báo cáo"},
    "origin_estimated": {"en": "estimate (ước)", "vi": "số ước tính"},
    "origin_derived": {"en": "derived (implied)", "vi": "số tính toán (suy ra)"},
    "open_interval": {"en": "open-ended interval", "vi": "khoảng chỉ có một cận"},
    "bars_caption": {"en": "Bars: interval the printed figures allow.",
                     "vi": "Thanh dọc: khoảng giá trị mà số liệu công bố cho phép."},
    "half_tick": {"en": "H{half} {year}", "vi": "6T {which}/{year}"},
    "first_half_short": {"en": "H1", "vi": "đầu"},
    "second_half_short": {"en": "H2", "vi": "cuối"},
    # plan attainment
    "plan_title": {"en": "Plan attainment", "vi": "Mức độ hoàn thành kế hoạch"},
    "plan_none": {"en": "no plan-attainment figures (plan_pct) for this selection",
                  "vi": "không có số liệu về mức độ hoàn thành kế hoạch cho lựa chọn này"},
    "plan_ylabel": {"en": "% of plan achieved", "vi": "% so với kế hoạch"},
    "partial_year": {"en": "partial year", "vi": "số liệu chưa đủ năm"},
    "plan_caption": {"en": "Dashed line: 100 % of plan.", "vi": "Đường nét đứt: 100% kế hoạch."},
    # timelines
    "events_title": {"en": "Events", "vi": "Sự kiện"},
    "timeline_none": {"en": "no events and no series to show",
                      "vi": "không có sự kiện và chuỗi số liệu nào để hiển thị"},
    "unlabelled": {"en": "{n} of {total} events drawn without a label (too close to another).",
                   "vi": "{n}/{total} sự kiện không ghi nhãn (quá gần sự kiện khác)."},
    "outside": {"en": "{n} events outside {first}..{last} not shown.",
                "vi": "Không thể hiện {n} sự kiện ngoài khoảng {first}–{last}."},
    "category_covid": {"en": "covid", "vi": "COVID-19"},
    "category_border": {"en": "border", "vi": "biên giới"},
    "category_digital": {"en": "digital", "vi": "chuyển đổi số"},
    "category_policy": {"en": "policy", "vi": "chính sách"},
    # coverage map (keys "coverage_<key>" for plotting.COVERAGE_KEYS)
    "coverage_title": {"en": "Coverage: full-year figures", "vi": "Mức độ đầy đủ của số liệu cả năm"},
    "coverage_empty": {"en": "no coverage data", "vi": "không có số liệu về mức độ bao phủ"},
    "coverage_note": {"en": "p: partial-year figures exist.",
                      "vi": "TH: số thực hiện; ƯT: số ước tính; TT: số tính toán; *: có số liệu của một phần năm."},
    "coverage_partial": {"en": "p", "vi": "*"},
    "coverage_none": {"en": "none", "vi": "không có"},
    "coverage_derived": {"en": "derived", "vi": "số tính toán"},
    "coverage_estimate": {"en": "estimate", "vi": "số ước tính"},
    "coverage_actual": {"en": "actual", "vi": "số thực hiện"},
    "coverage_letter.actual": {"en": "A", "vi": "TH"},
    "coverage_letter.estimate": {"en": "E", "vi": "ƯT"},
    "coverage_letter.derived": {"en": "D", "vi": "TT"},
    # data behind charts and tables
    "download": {"en": "Download the data (CSV)", "vi": "Tải số liệu (CSV)"},
    "no_download": {"en": "No data to download.", "vi": "Không có số liệu để tải xuống."},
    "figure": {"en": "figure", "vi": "biểu đồ"},
    "not_available": {"en": "n/a", "vi": "không có số liệu"},
}


def word(key: str, language: str | None = None, **values) -> str:
    """The text of ``key`` in ``language`` (default: the current language), its fields filled from ``values``.

    Raises:
        KeyError: naming the key and the language when no text exists.

    >>> word("no_data", "vi"), word("sources_line", "en", ids="a; b")
    ('không có số liệu', 'Sources: a; b')
    """
    language = resolve(language)
    try:
        text = WORDS[key][language]
    except KeyError:
        raise KeyError(f"no {language} text for {key!r} in lso_analysis.present.words") from None
    return text.format(**values) if values else text
