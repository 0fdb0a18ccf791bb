"""Hostile text in every free-text column of the raw tables and in the string parameters never becomes live HTML."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from lso_analysis import paths

ROOT = Path(__file__).resolve().parents[1]

HOSTILE = ("<img src=x onerror=alert(1)> <iframe src=http://x> <script>alert(1)</script> "
           "[x](javascript:alert(1)) ![x](http://evil/x.png)")
#: Columns typed as free text (data/raw/README.md); the others are parsed and validated, and the build
#: refuses text it cannot read, so hostile text cannot pass through them.
FREE_TEXT = {
    "sources.csv": ("title", "publisher", "author", "published_basis", "note", "offline"),
    "events.csv": ("title", "note"),
    "observations/*.csv": ("note",),
    "../reference/indicators.csv": ("name_en", "name_vi", "description"),
}
#: Text fields of corrections.yml (fixes and conflicts).
YAML_TEXT = ("reason", "judgement", "note")
PROVINCE = "Hà Giang"
HOSTILE_PROVINCE = "Hà Giang <img src=x onerror=alert(1)> [x](javascript:alert(1))"


def _edit_csv(path: Path, columns: tuple[str, ...], rename: dict[str, str]) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    for row in rows:
        for column in columns:
            if row.get(column):  # a filled cell: an empty one may have a meaning the build checks
                row[column] = f"{row[column]} {HOSTILE}"
        if row.get("province") in rename:
            row["province"] = rename[row["province"]]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _edit_yaml(value):
    if isinstance(value, dict):
        return {k: (f"{v} {HOSTILE}" if k in YAML_TEXT and isinstance(v, str) else _edit_yaml(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_edit_yaml(v) for v in value]
    return value


def hostile_copy(target: Path) -> Path:
    """A copy of data/ with hostile text appended to every free-text cell, and Hà Giang renamed to a hostile name."""
    shutil.copytree(paths.DATA_DIR, target, ignore=shutil.ignore_patterns("processed", ".processed*", "reports"))
    rename = {PROVINCE: HOSTILE_PROVINCE}
    for pattern, columns in FREE_TEXT.items():
        for path in sorted((target / "raw").glob(pattern)):
            _edit_csv(path, columns, rename)
    for path in sorted((target / "raw" / "observations").glob("*.csv")):
        _edit_csv(path, (), rename)  # an observation's own province column, where the data have one
    geographies = target / "reference" / "geographies.csv"
    if geographies.is_file():  # the data folder lists the geographies it may use
        with open(geographies, encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        extra = next((dict(r, name=HOSTILE_PROVINCE) for r in rows if r.get("name") == PROVINCE), None)
        if extra:
            with open(geographies, "a", encoding="utf-8", newline="") as handle:
                csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n").writerow(extra)
    corrections = target / "raw" / "corrections.yml"
    data = yaml.safe_load(corrections.read_text(encoding="utf-8"))
    corrections.write_text(yaml.safe_dump(_edit_yaml(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


class LiveMarkup(HTMLParser):
    """Every element or attribute a hostile string could have produced."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "script", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("src", "href", "srcset", "data") and value.startswith(("javascript:", "http://x", "http://evil")):
                self.found.append(f"<{tag} {name}={value}>")
            if tag == "img" and name == "src" and not value.startswith("data:image/"):
                self.found.append(f"<img src={value}>")


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    return parser.found


def test_live_markup_detector():
    assert live_markup('<p>&lt;img src=x onerror=alert(1)&gt;</p><img src="data:image/png;base64,AA">') == []
    assert live_markup("<img src=x onerror=alert(1)>") == ["<img src=x>", "<img onerror=…>"]
    assert live_markup('<a href="javascript:alert(1)">x</a><iframe src=http://x></iframe>') == [
        "<a href=javascript:alert(1)>", "<iframe>", "<iframe src=http://x>"]


@pytest.mark.slow
def test_hostile_text_in_data_and_parameters_stays_text(tmp_path):
    data = hostile_copy(tmp_path / "hostile-data")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LSO_")}
    env |= {"PYTHONPATH": str(ROOT), "LSO_DATA_DIR": data.name}  # relative: kernels, in notebooks/, must find it
    command = [sys.executable, "-m", "lso_analysis.cli"]
    built = subprocess.run([*command, "data"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr  # hostile free text is still valid data
    for extra in ([], ["-p", f"province={HOSTILE_PROVINCE}"]):
        result = subprocess.run([*command, "reports", "--jobs", "2", *extra], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=1800)  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
    reports = data / "reports"  # another data folder's reports stay beside it
    pages = sorted(reports.rglob("*.html"))
    notebooks = len(list(paths.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")))
    assert len(pages) == 2 * 2 * notebooks + 1  # two views of each notebook, default and hostile province, and the index
    seen = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert live_markup(html) == [], page.name
        seen += html.count("&lt;img src=x onerror=alert(1)&gt;")
    assert seen > 0  # the hostile text did reach the reports, as text
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert f"<code>{data}</code>" in index  # the index names the data folder
    assert not (ROOT / "reports" / "index.html").exists() or str(data) not in (ROOT / "reports" / "index.html").read_text()
    assert not (paths.NOTEBOOKS_DIR / data.name).exists()  # no stray folder where the kernels run
