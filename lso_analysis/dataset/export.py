"""``lso-analysis export DIR``: the processed data as a Frictionless data package (CSV, Table Schemas, Parquet)."""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from pathlib import Path

from lso_analysis import paths

FIELDS_CSV = paths.REFERENCE_DIR / "datapackage_fields.csv"
TABLES = ("observations", "sources", "indicators", "events", "conflicts", "annual_series")
PRIMARY_KEYS = {
    "observations": ["obs_id"], "sources": ["source_id"], "indicators": ["code"], "events": ["event_id"],
    "conflicts": ["id"], "annual_series": ["province", "indicator", "measure", "year"],
}
FOREIGN_KEYS = {
    "observations": [("source_id", "sources", "source_id"), ("indicator", "indicators", "code")],
    "events": [("source_id", "sources", "source_id")],
    "annual_series": [("indicator", "indicators", "code")],
}
#: Series measures exported: full-year levels and growth on the previous year.
SERIES_MEASURES = ("level", "growth_pct")
LICENSE = {"name": "MIT", "path": "https://opensource.org/licenses/MIT",
           "title": "MIT License (the project's licence); the figures are facts published by the sources listed"}


class ExportError(Exception):
    """The package cannot be written (the message names the table, column or folder)."""


def read_fields(path: Path = FIELDS_CSV) -> dict[str, dict[str, tuple[str, str]]]:
    """table → field → (Table Schema type, description), from ``datapackage_fields.csv``."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["table"], {})[row["field"]] = (row["type"], row["description"])
    return out


def tables() -> dict:
    """The six tables to export as DataFrames: every province, targets and low-reliability rows included."""
    import pandas as pd

    from lso_analysis.dataset.loaders import load_conflicts, load_events, load_indicators, load_observations, load_sources

    obs = load_observations(province=None, include_targets=True, include_low=True)
    conflicts = load_conflicts().copy()
    conflicts["obs_ids"] = conflicts["obs_ids"].map(lambda ids: ";".join(ids) if isinstance(ids, (list, tuple)) else ids)
    return {
        "observations": obs, "sources": load_sources(), "indicators": load_indicators(),
        "events": load_events(province=None), "conflicts": conflicts, "annual_series": annual_series_table(obs),
    }


def annual_series_table(obs, years=range(2019, 2024)) -> "pd.DataFrame":
    """Every (province, indicator, measure) with observations, as :func:`annual_series` rows that have a value.

    The defaults of :func:`lso_analysis.analysis.series.annual_series` hold: estimates and derived
    values admitted, low-reliability sources and targets left out.
    """
    import pandas as pd

    from lso_analysis.analysis.series import candidates, period_series

    spans = [({"year": y}, pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31)) for y in years]
    frames = []
    present = obs[obs["measure"].isin(SERIES_MEASURES)][["province", "indicator", "measure"]].drop_duplicates()
    for province in sorted(present["province"].unique()):
        pool = candidates(obs, province)
        combos = present[present["province"] == province]
        for indicator, measure in sorted(combos[["indicator", "measure"]].itertuples(index=False, name=None)):
            series = period_series(indicator, spans, pool=pool, province=province, measure=measure)
            series = series[series["value"].notna()]
            if len(series):
                frames.append(series.assign(province=province, indicator=indicator, measure=measure))
    columns = ["province", "indicator", "measure", "year", "value", "value_low", "value_high", "unit", "origin",
               "status", "obs_id", "obs_ids", "source_ids", "method", "n_candidates", "period_start", "period_end", "note"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def table_schema(name: str, frame, fields: dict[str, tuple[str, str]]) -> dict:
    """The Table Schema of one table: typed, described fields, missing values, primary and foreign keys.

    Raises:
        ExportError: a column has no row in ``datapackage_fields.csv``.
    """
    unknown = [c for c in frame.columns if c not in fields]
    if unknown:
        raise ExportError(f"{name}: column(s) {', '.join(unknown)} have no description in {FIELDS_CSV.name}; add a row "
                          "(table, field, type, description) for each")
    schema: dict = {
        "fields": [{"name": c, "type": fields[c][0], "description": fields[c][1]} for c in frame.columns],
        "missingValues": [""],
        "primaryKey": PRIMARY_KEYS[name],
    }
    for field in schema["fields"]:
        if field["name"] in PRIMARY_KEYS[name] or (name == "observations" and field["name"] in ("indicator", "measure")):
            field["constraints"] = {"required": True}
    keys = [{"fields": [a], "reference": {"resource": table, "fields": [b]}} for a, table, b in FOREIGN_KEYS.get(name, [])]
    if keys:
        schema["foreignKeys"] = keys
    return schema


def _csv_frame(frame, fields):
    """The frame as it is written: dates ISO, integers without ".0", text as is, missing as ""."""
    out = frame.copy()
    for column in out.columns:
        kind = fields[column][0]
        if kind == "date":
            out[column] = out[column].map(lambda d: "" if d is None or d != d else f"{d:%Y-%m-%d}")
        elif kind == "integer":
            out[column] = out[column].map(lambda x: "" if x is None or x != x else str(int(x)))
        elif kind == "number":
            out[column] = out[column].map(lambda x: "" if x is None or x != x else repr(float(x)))
        else:
            out[column] = out[column].map(lambda x: "" if x is None or x != x else str(x))
    return out


def descriptor(schemas: dict[str, dict], sources) -> dict:
    """The ``datapackage.json`` content."""
    from lso_analysis import __version__

    cited = [{"title": r["title"] or r["source_id"], "path": r["url"]} if r["url"] else {"title": r["title"] or r["source_id"]}
             for r in sources.sort_values("source_id").to_dict("records")]
    return {
        "name": "lso-analysis",
        "title": "Lạng Sơn 2019–2023: economy, border trade and digital government, as printed in its sources",
        "description": "Every figure transcribed as printed from Vietnamese reports and press, cleaned into tidy data "
                       "that keeps its uncertainty (value_low/value_high), its period and its source. Built by "
                       "lso-analysis; the derived annual series pick the best full-year figure per year.",
        "version": __version__,
        "licenses": [LICENSE],
        "sources": cited,
        "resources": [
            {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", "schema": schemas[name]}
            for name in TABLES
        ],
    }


def export_package(out_dir: Path, force: bool = False) -> Path:
    """Write the data package into ``out_dir`` (built in a temporary folder, then moved into place).

    Raises:
        ExportError: ``out_dir`` exists, is not empty and holds no earlier package (nothing is
            written), or a column lacks a description.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / "datapackage.json").is_file() and not force:
        raise ExportError(f"{out_dir} is not empty and holds no datapackage.json: nothing was written "
                          "(choose an empty folder, or --force)")
    fields = read_fields()
    frames = tables()
    schemas = {name: table_schema(name, frames[name], fields.get(name, {})) for name in TABLES}
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".export-", dir=out_dir.parent))
    try:
        (tmp / "parquet").mkdir()
        for name in TABLES:
            written = _csv_frame(frames[name], fields[name])
            written.to_csv(tmp / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")
            _parquet(frames[name], fields[name], tmp / "parquet" / f"{name}.parquet")
        text = json.dumps(descriptor(schemas, frames["sources"]), ensure_ascii=False, indent=2, sort_keys=False)
        (tmp / "datapackage.json").write_text(text + "\n", encoding="utf-8")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        tmp.rename(out_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return out_dir


def _parquet(frame, fields, path: Path) -> None:
    """A Parquet copy with the same columns: dates as dates, numbers as float64, integers as Int64, text as string."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        kind = fields[column][0]
        if kind == "date":
            out[column] = pd.to_datetime(out[column]).dt.date
        elif kind == "integer":
            out[column] = out[column].astype("Int64")
        elif kind == "number":
            out[column] = out[column].astype("float64")
        else:
            out[column] = out[column].astype("string")
    out.to_parquet(path, index=False, engine="pyarrow")
