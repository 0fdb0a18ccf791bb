"""The gazetteer of the 63 pre-2025 provinces and their districts: built from vietnamadminunits, read from CSV."""

from __future__ import annotations

import csv
import functools
import importlib.util
import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from lso_analysis.paths import GAZETTEER_CSV, REFERENCE_DIR

ALIASES_CSV = REFERENCE_DIR / "place_aliases.csv"
COLUMNS = (
    "province",
    "province_code",
    "unit_name",
    "unit_short",
    "unit_type",
    "admin_type",
    "unit_code",
    "keywords",
    "shared_with",
)


@dataclass(frozen=True)
class Place:
    """One name that points at a province.

    Attributes:
        name: the name as matched (NFC, title case), e.g. ``"Cao Lộc"``.
        province: the province it belongs to, e.g. ``"Lạng Sơn"``.
        kind: ``province``, ``district`` or ``town`` (a district-level city or thị xã).
        admin_type: the printed unit word (``Tỉnh``, ``Thành phố``, ``Huyện``, ``Quận``, ``Thị xã``).
        requires_prefix: count the name only after a unit word ("thành phố Hồ Chí Minh",
            never the bare name, which is also a person's name).
    """

    name: str
    province: str
    kind: str
    admin_type: str
    requires_prefix: bool = False


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value.strip())


def _package_data() -> dict:
    """parser_legacy.json of the installed vietnamadminunits (read as data: no import of the package)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vietnamadminunits is not installed: pip install 'lso-analysis[dev]'")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "parser_legacy.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def gazetteer_rows() -> list[dict[str, str]]:
    """The gazetteer rows derived from vietnamadminunits' legacy (pre-2025) tables.

    Returns:
        One dict per province and per district, with the columns of ``COLUMNS``;
        ``shared_with`` lists the other provinces having a district of the same short name.
    """
    data = _package_data()
    provinces = data["DICT_PROVINCE"]
    districts = data["DICT_PROVINCE_DISTRICT"]
    owners: dict[str, set[str]] = defaultdict(set)
    for key, units in districts.items():
        for unit in units.values():
            owners[_nfc(unit["districtShort"])].add(_nfc(provinces[key]["provinceShort"]))
    rows = []
    for key, prov in sorted(provinces.items(), key=lambda kv: kv[1]["provinceCode"]):
        short = _nfc(prov["provinceShort"])
        rows.append({
            "province": short,
            "province_code": prov["provinceCode"],
            "unit_name": _nfc(prov["province"]),
            "unit_short": short,
            "unit_type": "province",
            "admin_type": _nfc(prov["province"])[: -len(short)].strip(),
            "unit_code": prov["provinceCode"],
            "keywords": ";".join(prov["provinceKeywords"]),
            "shared_with": "",
        })
        for unit in sorted(districts.get(key, {}).values(), key=lambda u: u["districtCode"]):
            d_short = _nfc(unit["districtShort"])
            rows.append({
                "province": short,
                "province_code": prov["provinceCode"],
                "unit_name": _nfc(unit["district"]),
                "unit_short": d_short,
                "unit_type": "district",
                "admin_type": _nfc(unit["districtType"]),
                "unit_code": unit["districtCode"],
                "keywords": ";".join(unit["districtKeywords"]),
                "shared_with": ";".join(sorted(owners[d_short] - {short})),
            })
    return rows


def build_gazetteer(out_path: str | Path = GAZETTEER_CSV) -> Path:
    """Write the gazetteer CSV from the installed vietnamadminunits package.

    Run by hand (``make gazetteer``) when the package is upgraded; the runtime reads
    only the CSV, so shapely and geopy are never imported by the library.

    Args:
        out_path: where to write (default ``data/reference/gazetteer.csv``).

    Returns:
        The path written.

    Raises:
        ModuleNotFoundError: vietnamadminunits is not installed.
    """
    out = Path(out_path)
    rows = gazetteer_rows()
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out


@functools.lru_cache(maxsize=2)
def load_places(gazetteer_csv: Path = GAZETTEER_CSV, aliases_csv: Path = ALIASES_CSV) -> tuple[Place, ...]:
    """Every matchable place name: provinces, districts and hand-kept aliases.

    Returns:
        A tuple of :class:`Place`; one name may appear several times (a district
        name shared by provinces, or a city named like its province).

    Raises:
        ValueError: an alias names a province that is not in the gazetteer.
    """
    places: list[Place] = []
    known: set[str] = set()
    with open(gazetteer_csv, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            province = _nfc(row["province"])
            known.add(province)
            if row["unit_type"] == "province":
                kind = "province"
            else:
                kind = "town" if row["admin_type"] in ("Thành phố", "Thị xã") else "district"
            places.append(Place(_nfc(row["unit_short"]), province, kind, row["admin_type"]))
    with open(aliases_csv, encoding="utf-8", newline="") as fh:
        bad = []
        for row in csv.DictReader(fh):
            province = _nfc(row["province"])
            if province not in known:
                bad.append(province)
                continue
            name = _nfc(row["alias"])
            if row["rule"] == "requires_prefix":
                places = [p if p.name != name else Place(p.name, p.province, p.kind, p.admin_type, True) for p in places]
            else:
                places.append(Place(name, province, "province", "alias"))
        if bad:
            raise ValueError(f"{aliases_csv}: unknown provinces: {', '.join(sorted(set(bad)))}")
    return tuple(places)


if __name__ == "__main__":  # make gazetteer
    from lso_analysis.extract.localities import build_communes

    print(f"wrote {build_gazetteer()}")
    print(f"wrote {build_communes()}")
