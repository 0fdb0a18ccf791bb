"""Communes, wards, towns (from vietnamadminunits) and hand-kept landmarks that point at a province."""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from lso_analysis.extract.matchtext import canon_tones, trie_regex
from lso_analysis.paths import REFERENCE_DIR

COMMUNES_CSV = REFERENCE_DIR / "communes.csv"
LANDMARKS_CSV = REFERENCE_DIR / "landmarks.csv"
COMMUNE_COLUMNS = ("province", "district", "unit_name", "unit_short", "unit_type", "unit_code")
COMMUNE_TYPES = ("Xã", "Phường", "Thị trấn")
LANDMARK_KINDS = ("border_gate", "economic_zone", "industrial_park", "landmark")


@dataclass(frozen=True)
class Locality:
    """A commune-level unit or a landmark, with the unit or context words it must follow in the text."""

    name: str
    province: str
    kind: str  # "commune" or a landmark kind (border_gate, economic_zone …)
    contexts: tuple[str, ...]


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value.strip()) if isinstance(value, str) else ""


def commune_rows() -> list[dict[str, str]]:
    """Every ward, commune and commune-level town of the pre-2025 tables of vietnamadminunits.

    The package keys its tables by unaccented names; wards whose keys collide are in its
    accented tables, so the three are merged by ward code.
    """
    from lso_analysis.extract.gazetteer import _package_data

    data = _package_data()
    provinces = data["DICT_PROVINCE"]
    districts = data["DICT_PROVINCE_DISTRICT"]
    seen: dict[str, dict[str, str]] = {}
    for table in ("DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED", "DICT_PROVINCE_DISTRICT_WARD_ACCENTED",
                  "DICT_PROVINCE_DISTRICT_WARD_SHORT_ACCENTED"):
        for pkey, dists in data[table].items():
            for dkey, wards in dists.items():
                for ward in wards.values():
                    name = _nfc(ward["ward"])
                    kind = ward.get("wardType") if isinstance(ward.get("wardType"), str) else ""
                    kind = kind or next((t for t in COMMUNE_TYPES if name.startswith(t + " ")), "")
                    if not name or ward["wardCode"] in seen or kind not in COMMUNE_TYPES:
                        continue
                    seen[ward["wardCode"]] = {
                        "province": _nfc(provinces[pkey]["provinceShort"]),
                        "district": _nfc(districts[pkey][dkey]["districtShort"]) if dkey in districts.get(pkey, {}) else "",
                        "unit_name": name,
                        "unit_short": _nfc(ward["wardShort"]),
                        "unit_type": kind,
                        "unit_code": ward["wardCode"],
                    }
    return sorted(seen.values(), key=lambda r: r["unit_code"])


def build_communes(out_path: str | Path = COMMUNES_CSV) -> Path:
    """Write ``communes.csv`` from the installed vietnamadminunits (``make gazetteer``)."""
    out = Path(out_path)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COMMUNE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(commune_rows())
    return out


@functools.lru_cache(maxsize=2)
def load_localities(communes_csv: Path = COMMUNES_CSV, landmarks_csv: Path = LANDMARKS_CSV) -> tuple[Locality, ...]:
    """Communes (matched only after xã/phường/thị trấn) and landmarks (only after their context words).

    Raises:
        ValueError: a landmark row with an unknown kind, no context or no source (file and line named).
    """
    out: list[Locality] = []
    if communes_csv.is_file():
        with open(communes_csv, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                short = _nfc(row["unit_short"])
                if short and not short.isdigit():  # "Phường 1" is no evidence of anything
                    out.append(Locality(short, _nfc(row["province"]), "commune", ("xã", "phường", "thị trấn")))
    problems = []
    with open(landmarks_csv, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            contexts = tuple(_nfc(c) for c in row["context"].split(";") if c.strip())
            if row["kind"] not in LANDMARK_KINDS or not contexts or not row["source"].strip():
                problems.append(f"line {line}: kind {row['kind']!r}, context {row['context']!r}, source {row['source']!r}")
                continue
            out.append(Locality(_nfc(row["name"]), _nfc(row["province"]), row["kind"], contexts))
    if problems:
        raise ValueError(f"{landmarks_csv}: " + "; ".join(problems))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern, dict[tuple[str, str], list[Locality]]]:
    by_key: dict[tuple[str, str], list[Locality]] = defaultdict(list)
    for loc in load_localities():
        for context in loc.contexts:
            by_key[(canon_tones(context).lower(), canon_tones(loc.name).lower())].append(loc)
    contexts = trie_regex(sorted({c for c, _ in by_key}))
    names = trie_regex(sorted({n for _, n in by_key}))
    return re.compile(rf"(?<![\w.])(?P<ctx>{contexts})\s+(?P<name>{names})(?![^\W_])", re.I), dict(by_key)


def find_localities(key: str) -> list[tuple[str, Locality, int]]:
    """``(printed name, locality, position)`` for every commune or landmark after its context words.

    ``key`` is the tone-canonical text (:func:`canon_tones`); the name must be capitalised as listed.

    Example:
        >>> [(n, l.kind, l.province) for n, l, _ in find_localities("Xe qua cửa khẩu Chi Ma tăng")]
        [('Chi Ma', 'border_gate', 'Lạng Sơn')]
    """
    pattern, by_key = _matcher()
    out = []
    for m in pattern.finditer(key):
        name = m.group("name")
        found = by_key.get((re.sub(r"\s+", " ", m.group("ctx").lower()), re.sub(r"\s+", " ", name.lower())), [])
        if found and all(not w[:1].islower() for w in name.split() if w[:1].isalpha()):
            out.extend((name, loc, m.start("name")) for loc in found)
    return out
