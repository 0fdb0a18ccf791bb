"""Cleaners: printed Vietnamese text in, typed values out.

``text`` normalises (NFC, one space), ``numbers`` reads figures with their units, qualifiers and
rounding bounds (``"ước đạt 1.320 triệu USD"`` → 1320, 1315–1325, estimate), ``periods`` reads
periods and comparison bases (``"7 tháng đầu năm"``, ``"so với cùng kỳ"``) against a publication
date, and ``units`` holds the canonical units. Pure functions: nothing here reads ``data/`` except the
unit tables, and ambiguous input raises :class:`lso_analysis.errors.LsoParseError` quoting the text.
"""
