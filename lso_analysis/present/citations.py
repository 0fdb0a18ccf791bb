"""A process-wide registry of cited source ids, shown in notebooks and collected into report footers."""

from __future__ import annotations

import re
from typing import Any

#: Key of the display metadata that carries the machine-readable list of cited sources.
METADATA_KEY = "lso"

_cited: set[str] = set()


def cite(*source_ids: str) -> None:
    """Record that the current analysis uses the given sources.

    Args:
        *source_ids: ``source_id`` values from ``data/raw/sources.csv``.

    Raises:
        TypeError: if an id is not a string.
        ValueError: if an id is empty or blank.

    Example:
        >>> reset(); cite("b-src", "a-src", "b-src"); cited()
        ['a-src', 'b-src']
    """
    for source_id in source_ids:
        if not isinstance(source_id, str):
            raise TypeError(f"source ids are strings, got {source_id!r}")
        if not source_id.strip():
            raise ValueError(f"empty source id: {source_id!r}")
    _cited.update(source_id.strip() for source_id in source_ids)


def cited() -> list[str]:
    """Return the ids recorded so far, sorted and unique.

    Returns:
        The cited ``source_id`` values.
    """
    return sorted(_cited)


def reset() -> None:
    """Forget every recorded id (a fresh kernel starts empty anyway)."""
    _cited.clear()


class SourcesDisplay:
    """Markdown list of cited sources that carries the ids in its display metadata.

    IPython shows any object with ``_repr_mimebundle_``, so this needs no IPython
    import; the report builder reads ``metadata["lso"]["cited_sources"]`` from the
    executed notebook's outputs.
    """

    def __init__(self, markdown: str, source_ids: list[str]):
        self.markdown = markdown
        self.source_ids = list(source_ids)

    @property
    def metadata(self) -> dict[str, Any]:
        """The display metadata: ``{"lso": {"cited_sources": [...]}}``."""
        return {METADATA_KEY: {"cited_sources": list(self.source_ids)}}

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"text/markdown": self.markdown, "text/plain": self.markdown}
        return data, self.metadata

    def __repr__(self) -> str:
        return self.markdown


def sources_display(sources_df=None, language: str | None = None) -> SourcesDisplay:
    """Build the "Sources" list of a notebook from the ids cited so far.

    Args:
        sources_df: optional DataFrame with columns ``source_id``, ``title``,
            ``publisher``, ``published`` and ``url`` (as ``load_sources()``
            returns); without it only the ids are listed.
        language: of the heading (default: the current language,
            :func:`lso_analysis.present.set_language`); titles stay as published.

    Returns:
        A displayable object: Markdown for the reader, and the ids under
        ``metadata["lso"]["cited_sources"]`` for the report footer.

    Raises:
        ValueError: if a cited id is missing from ``sources_df``.

    Example:
        >>> reset(); cite("x-1"); print(sources_display().markdown)
        **Sources cited**
        <BLANKLINE>
        - `x-1`
        >>> reset(); print(sources_display(language="vi").markdown)
        **Nguồn đã trích dẫn**: không có.
    """
    from lso_analysis.present.words import word

    heading = f"**{word('sources_cited', language)}**"
    ids = cited()
    if not ids:
        return SourcesDisplay(f"{heading}: {word('none', language)}.", [])
    rows = _rows_by_id(sources_df, ids) if sources_df is not None else {}
    lines = [heading, ""]
    for source_id in ids:
        lines.append(_format_source(source_id, rows.get(source_id), language))
    return SourcesDisplay("\n".join(lines), ids)


def _rows_by_id(sources_df, ids: list[str]) -> dict[str, dict[str, Any]]:
    if "source_id" not in sources_df.columns:
        raise ValueError("sources_df has no 'source_id' column")
    records = {str(row["source_id"]): row for row in sources_df.to_dict("records")}
    unknown = [source_id for source_id in ids if source_id not in records]
    if unknown:
        raise ValueError(f"cited ids not in sources_df: {', '.join(unknown)}")
    return records


def published_label(text: str, language: str | None = None) -> str:
    """A source's publication date (``2021-08-15``, ``2021-08``, ``2021``) as the report's language writes it.

    >>> published_label("2021-08-15", "vi"), published_label("2021-08", "vi"), published_label("2021", "vi")
    ('15/8/2021', 'tháng 8/2021', '2021')
    >>> published_label("2021-08-15", "en")
    '2021-08-15'
    """
    from lso_analysis.present import resolve

    if resolve(language) != "vi":
        return text
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return f"{int(m[3])}/{int(m[2])}/{m[1]}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        return f"tháng {int(m[2])}/{m[1]}"
    return text


def _format_source(source_id: str, row: dict[str, Any] | None, language: str | None = None) -> str:
    from lso_analysis.present.narrative import code, escape_md

    label = code(source_id)
    if row is None:
        return f"- {label}"
    parts = [escape_md(_text(row.get(key))) for key in ("title", "publisher")]
    parts.append(escape_md(published_label(_text(row.get("published")), language)))
    text = ", ".join(part for part in parts if part)
    url = _text(row.get("url"))
    # An autolink only for a plain web address: nothing that could close the <…> or open a tag.
    link = f" <{url}>" if re.fullmatch(r"https?://[^\s<>\"'`\\]+", url) else ""
    return f"- {label}: {text}.{link}" if text else f"- {label}{link}"


def _text(value: Any) -> str:
    # pandas gives NaN (a float) for empty cells; treat it as missing.
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()

