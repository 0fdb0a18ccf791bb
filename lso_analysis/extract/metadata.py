"""Province evidence from a document's metadata: the URL's host and slug, and the publisher's name."""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import unquote, urlsplit

from lso_analysis.extract.gazetteer import load_places

#: Keywords shorter than this are not looked for inside a host name ("hn", "ls" are everywhere).
MIN_HOST_KEY = 5


def ascii_fold(text: str) -> str:
    """Lower-case ASCII without tone marks: "Lạng Sơn" → "lang son".

    Example:
        >>> ascii_fold("Đắk Lắk – Hà Giang")
        'dak lak – ha giang'
    """
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@functools.lru_cache(maxsize=1)
def province_keys() -> dict[str, str]:
    """Folded, space-free province name (and alias) → province: "langson" → "Lạng Sơn"."""
    keys: dict[str, str] = {}
    for place in load_places():
        if place.kind == "province":
            key = re.sub(r"[^a-z]", "", ascii_fold(place.name))
            if len(key) >= MIN_HOST_KEY:
                keys.setdefault(key, place.province)
    return keys


def host_provinces(url: str) -> list[tuple[str, str]]:
    """``(key, province)`` for province names inside the URL's host ("baolangson.vn" → langson).

    The longest key found in a host label wins, so "quangninh" is never read as "ninh".

    Example:
        >>> host_provinces("https://cucthongke.langson.gov.vn/a")
        [('langson', 'Lạng Sơn')]
    """
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    found = []
    for label in re.split(r"[.\-]", host):
        hits = [k for k in province_keys() if k in label]
        if hits:
            best = max(hits, key=len)
            found.append((best, province_keys()[best]))
    return found


def slug_provinces(url: str) -> list[tuple[str, str]]:
    """``(words, province)`` for province names spelled in the URL's path ("/lang-son-tang-truong").

    Runs of up to four words are tried longest first, left to right, so "lang-son-la-…" is Lạng Sơn.

    Example:
        >>> slug_provinces("https://x.vn/kinh-te/lang-son-la-diem-sang-123.html")
        [('lang-son', 'Lạng Sơn')]
    """
    path = ascii_fold(unquote(urlsplit(url if "//" in url else "//" + url).path))
    words = [w for w in re.split(r"[^a-z0-9]+", path) if w]
    keys = province_keys()
    found, i = [], 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            joined = "".join(words[i : i + n])
            if n <= len(words) - i and joined in keys and (n > 1 or len(joined) >= 7):
                found.append(("-".join(words[i : i + n]), keys[joined]))
                i += n
                break
        else:
            i += 1
    return found
