"""Checks on each source's dates and way back: calendar dates, no future, id date = published, URL/corpus/offline."""

from __future__ import annotations

import os
import re
from datetime import date

from lso_analysis.cleaning.periods import PeriodContext
from lso_analysis.errors import LsoParseError

_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ID_DATE = re.compile(r"[a-z0-9]+-(\d{4})(\d{2})(\d{2})-")


def build_date() -> date:
    """Today, or ``LSO_BUILD_DATE`` (ISO) when set: no date in the data may lie after it."""
    override = os.environ.get("LSO_BUILD_DATE", "").strip()
    return date.fromisoformat(override) if override else date.today()


def partial_date_problem(value: str, column: str, *, today: date, required: bool = True) -> str | None:
    """Why ``value`` is not a usable ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (None when it is).

    A partial date is checked on its first day ("2031" is after a build in 2026; "2021-13" and
    "2021-02-30" are not calendar dates).

    Example:
        >>> partial_date_problem("2021-02-30", "published", today=date(2026, 1, 1))
        "published '2021-02-30' is not a calendar date"
    """
    if not value:
        return f"{column} is empty" if required else None
    m = _ISO_PARTIAL.fullmatch(value)
    if not m:
        return f"{column} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}"
    try:
        first = date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return f"{column} {value!r} is not a calendar date"
    if first > today:
        return f"{column} {value!r} is after the build date {today.isoformat()}"
    return None


def source_problems(row: dict[str, str], today: date) -> list[tuple[str, str]]:
    """Every ``(column, message)`` wrong with one ``sources.csv`` row's dates and provenance."""
    problems: list[tuple[str, str]] = []
    published = row.get("published", "")
    message = partial_date_problem(published, "published", today=today)
    if message:
        problems.append(("published", message))
    else:
        problems.extend(_id_date_problems(row))
    problems.extend(_way_back_problems(row, today))
    return problems


def _id_date_problems(row: dict[str, str]) -> list[tuple[str, str]]:
    """The date in the ``source_id`` must agree with ``published`` unless ``published_basis`` says why not."""
    m = _ID_DATE.match(row.get("source_id", ""))
    if not m:
        return []  # the id's shape is checked elsewhere
    y, mo, d = m.groups()
    parts = row["published"].split("-")
    agree = parts[0] == y and (mo == "00" or (len(parts) > 1 and parts[1] == mo)) and (
        d == "00" or (len(parts) > 2 and parts[2] == d))
    if agree or "source_id" in row.get("published_basis", ""):
        return []
    return [("source_id", f"the date in source_id ({y}-{mo}-{d}, 00 = unknown) disagrees with published "
                          f"{row['published']!r}; fix one, or say in published_basis why the source_id keeps its date")]


def _way_back_problems(row: dict[str, str], today: date) -> list[tuple[str, str]]:
    """A URL, a corpus file or an ``offline`` reason; a reading date for a web page."""
    url, corpus, offline = row.get("url", ""), row.get("corpus_file", ""), row.get("offline", "")
    retrieved = row.get("retrieved", "")
    problems: list[tuple[str, str]] = []
    if not (url or corpus or offline):
        problems.append(("offline", "no way back to the source: give its url, its corpus_file, or in offline the "
                                    "reason it cannot be reached online"))
    if offline and (url or corpus):
        problems.append(("offline", "offline is for sources without a url or corpus file; leave it empty"))
    if url and not re.match(r"https?://\S+$", url):
        problems.append(("url", f"url must start with http:// or https:// and hold no spaces, got {url!r}"))
    if url and not corpus:
        message = partial_date_problem(retrieved, "retrieved", today=today)
        if message:
            problems.append(("retrieved", message + " (a web source records when it was read)"))
        elif retrieved[: min(len(retrieved), len(row.get("published", "")))] < row.get("published", "")[: len(retrieved)]:
            problems.append(("retrieved", f"retrieved {retrieved!r} is before published {row['published']!r}"))
    elif retrieved and not url:
        problems.append(("retrieved", "retrieved is for web sources (with a url)"))
    return problems


def published_context(published: str) -> PeriodContext | None:
    """The period context of a valid ``published`` value, None when it is not one."""
    try:
        return PeriodContext.from_published(published)
    except LsoParseError:
        return None
