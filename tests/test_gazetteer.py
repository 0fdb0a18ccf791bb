"""The gazetteer: the committed CSV is what the generator writes from vietnamadminunits."""

from __future__ import annotations

import csv
import importlib.util

import pytest

from lso_analysis import paths
from lso_analysis.extract.gazetteer import COLUMNS, build_gazetteer, load_places


def test_committed_csv_has_63_provinces_and_their_districts():
    with open(paths.GAZETTEER_CSV, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(COLUMNS)
    provinces = {r["province"] for r in rows if r["unit_type"] == "province"}
    assert len(provinces) == 63
    lang_son = {r["unit_short"] for r in rows if r["province"] == "Lạng Sơn" and r["unit_type"] == "district"}
    assert {"Cao Lộc", "Hữu Lũng", "Bắc Sơn", "Chi Lăng", "Lạng Sơn"} <= lang_son and len(lang_son) == 11


def test_licence_notice_ships_beside_the_data():
    notice = (paths.REFERENCE_DIR / "gazetteer.LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in notice and "vietnamadminunits" in notice


def test_places_include_aliases_and_prefix_rules():
    places = load_places()
    assert any(p.name == "xứ Lạng" and p.province == "Lạng Sơn" for p in places)
    assert all(p.requires_prefix for p in places if p.name == "Hồ Chí Minh")


@pytest.mark.skipif(importlib.util.find_spec("vietnamadminunits") is None, reason="vietnamadminunits is not installed")
def test_regenerating_gives_the_committed_csv(tmp_path):
    out = build_gazetteer(tmp_path / "gazetteer.csv")
    assert out.read_bytes() == paths.GAZETTEER_CSV.read_bytes()


def test_runtime_does_not_import_the_package():
    import subprocess
    import sys

    code = "import sys; from lso_analysis.extract.provinces import detect_province; detect_province('Lạng Sơn'); " \
           "print('vietnamadminunits' in sys.modules, 'shapely' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_communes_csv_is_what_vietnamadminunits_gives():
    pytest.importorskip("vietnamadminunits")
    import csv

    from lso_analysis.extract.localities import COMMUNE_COLUMNS, COMMUNES_CSV, commune_rows

    with open(COMMUNES_CSV, encoding="utf-8", newline="") as fh:
        committed = list(csv.DictReader(fh))
    assert committed == [dict(zip(COMMUNE_COLUMNS, (r[c] for c in COMMUNE_COLUMNS))) for r in commune_rows()]
    lang_son = [r for r in committed if r["province"] == "Lạng Sơn"]
    assert {"Đồng Đăng", "Tân Thanh", "Hoàng Đồng"} <= {r["unit_short"] for r in lang_son}
    assert {r["unit_type"] for r in committed} == {"Xã", "Phường", "Thị trấn"}
