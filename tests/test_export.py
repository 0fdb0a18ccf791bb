"""The data package: it validates with frictionless, keys hold, Parquet copies match, CITATION.cff parses."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from lso_analysis import paths
from lso_analysis.cli import main
from lso_analysis.dataset.export import TABLES, ExportError, export_package, read_fields


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    out = tmp_path_factory.mktemp("pkg") / "package"
    assert main(["export", str(out)]) == 0
    return out


def test_package_has_every_table_with_a_described_schema(package):
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == list(TABLES)
    assert descriptor["licenses"] and descriptor["sources"]
    fields = read_fields()
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        with open(package / resource["path"], encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert header == [f["name"] for f in schema["fields"]]
        assert all(f["description"] == fields[resource["name"]][f["name"]][1] for f in schema["fields"])
        assert schema["missingValues"] == [""] and schema["primaryKey"]
        assert (package / "parquet" / f"{resource['name']}.parquet").is_file()
    obs = next(r for r in descriptor["resources"] if r["name"] == "observations")["schema"]
    assert {fk["reference"]["resource"] for fk in obs["foreignKeys"]} == {"sources", "indicators"}


def test_frictionless_validates_the_package_and_catches_a_broken_key(package, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]
    broken = tmp_path / "broken"
    shutil.copytree(package, broken)
    path = broken / "observations.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[1][rows[0].index("source_id")] = "nowhere-20990000-no-such-source"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    report = frictionless.validate(str(broken / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {e[0] for e in report.flatten(["type"])}


def test_parquet_copies_hold_the_same_rows(package):
    import pandas as pd

    for name in TABLES:
        table = pd.read_parquet(package / "parquet" / f"{name}.parquet")
        text = pd.read_csv(package / f"{name}.csv", dtype=str, keep_default_na=False)
        assert list(table.columns) == list(text.columns) and len(table) == len(text), name
    obs = pd.read_parquet(package / "parquet" / "observations.parquet")
    csv_obs = pd.read_csv(package / "observations.csv")
    assert obs["value"].tolist() == csv_obs["value"].tolist()
    assert obs["obs_id"].tolist() == csv_obs["obs_id"].tolist()


def test_annual_series_rows_rest_on_exported_observations(package):
    import pandas as pd

    series = pd.read_csv(package / "annual_series.csv", dtype=str, keep_default_na=False)
    obs_ids = set(pd.read_csv(package / "observations.csv", dtype=str)["obs_id"])
    assert len(series) and not series.duplicated(["province", "indicator", "measure", "year"]).any()
    for ids in series["obs_ids"]:
        assert set(filter(None, ids.split(";"))) <= obs_ids


def test_export_refuses_a_folder_that_holds_something_else(tmp_path, capsys):
    keep = tmp_path / "notes.txt"
    keep.write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="not empty"):
        export_package(tmp_path)
    assert main(["export", str(tmp_path)]) == 2 and "nothing was written" in capsys.readouterr().err
    assert keep.read_text(encoding="utf-8") == "mine"


def test_citation_file_parses():
    import yaml

    cff = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["title"] and cff["message"] and cff["authors"] and all("name" in a or "family-names" in a for a in cff["authors"])
    import lso_analysis

    assert str(cff["version"]) == lso_analysis.__version__


@pytest.mark.slow
def test_export_is_byte_identical_when_run_twice(package, tmp_path):
    again = tmp_path / "again"
    export_package(again)
    for path in sorted(package.rglob("*")):
        if path.is_file():
            assert (again / path.relative_to(package)).read_bytes() == path.read_bytes(), path.name
