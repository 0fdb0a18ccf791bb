"""The data behind a chart or table as a CSV download embedded in the page (offline, deterministic bytes)."""

from __future__ import annotations

import base64
import re
import unicodedata
from html import escape

#: The link's text in English (``words.word("download", language)`` in any language).
LINK_TEXT = "Download the data (CSV)"
_SOURCE_COLUMNS = ("source_id", "source_ids", "source", "sources")


def slug(text: str, default: str = "data", limit: int = 60) -> str:
    """An ASCII file-name stem from a caption or title.

    Example:
        >>> slug("Trade declared at Lạng Sơn Customs, 2019–2023")
        'trade-declared-at-lang-son-customs-2019-2023'
    """
    text = unicodedata.normalize("NFD", (text or "").replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:limit].rstrip("-") or default


def csv_bytes(frame, source_ids=()) -> bytes:
    """The frame as UTF-8 CSV (no index, ``\\n`` line ends). When no column names the sources of its rows,
    a ``table_source_ids`` column gives the sources of the whole table, so the file says where its numbers
    come from.

    Example:
        >>> import pandas as pd
        >>> csv_bytes(pd.DataFrame({"year": [2021], "value": [1.5]}), ["a-1", "b-2"]).decode()
        'year,value,table_source_ids\\n2021,1.5,a-1;b-2\\n'
    """
    import pandas as pd

    frame = frame.to_frame() if isinstance(frame, pd.Series) else pd.DataFrame(frame)
    ids = sorted({s for s in source_ids if isinstance(s, str) and s})
    if ids and not any(str(c).strip().lower() in _SOURCE_COLUMNS for c in frame.columns):
        frame = frame.assign(table_source_ids=";".join(ids))
    flat = frame.copy()
    flat.columns = [" ".join(map(str, c)) if isinstance(c, tuple) else str(c) for c in flat.columns]
    return flat.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d").encode("utf-8")


def download_link(frame, name: str, source_ids=(), language: str | None = None) -> str:
    """An ``<a download>`` whose ``href`` is the CSV itself (``data:text/csv;base64,…``): it needs no network.

    The link's text is in ``language`` (default: the current language). Returns "" for a frame without rows
    (a "no data" chart has nothing to download).
    """
    from lso_analysis.present.words import word

    if frame is None or len(frame) == 0:
        return ""
    data = base64.b64encode(csv_bytes(frame, source_ids)).decode("ascii")
    return (f"<p class='lso-data'><small><a download=\"{escape(slug(name))}.csv\" "
            f"href=\"data:text/csv;base64,{data}\">{word('download', language)}</a></small></p>")


def figure_data(fig):
    """The data a figure shows: what its plotting function attached (``fig._lso_data``), else the points
    of its lines and bars read back from the axes (panel, series, x, y)."""
    import pandas as pd

    attached = getattr(fig, "_lso_data", None)
    if attached is not None:
        return attached
    rows = []
    for ax in fig.axes:
        panel = ax.get_title()
        for line in ax.get_lines():
            label = line.get_label()
            label = "" if label.startswith("_") else label
            rows += [{"panel": panel, "series": label, "x": x, "y": y} for x, y in zip(line.get_xdata(), line.get_ydata())]
        for container in getattr(ax, "containers", []):
            label = container.get_label() or ""
            label = "" if label.startswith("_") else label
            for patch in getattr(container, "patches", []):
                rows.append({"panel": panel, "series": label, "x": patch.get_x() + patch.get_width() / 2,
                             "y": patch.get_height()})
    return pd.DataFrame(rows, columns=["panel", "series", "x", "y"])


def figure_title(fig) -> str:
    """The figure's first axes title ("" when it has none)."""
    return next((ax.get_title() for ax in fig.axes if ax.get_title()), "")


def figure_name(fig) -> str:
    """A file-name stem for a figure's data: its first axes title, else ``figure``."""
    return slug(figure_title(fig), default="figure")
