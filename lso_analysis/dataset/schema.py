"""The processed tables' contract: column dtypes (a pandera schema) and cross-field rules."""

from __future__ import annotations

import pandas as pd

from lso_analysis.errors import Problem
from lso_analysis.cleaning.units import BOUNDS, CANONICAL_UNITS, MEASURES, RELIABILITIES, STATUSES, VINTAGES

OBSERVATION_COLUMNS = [
    "obs_id", "source_id", "province", "indicator", "measure", "value", "value_low", "value_high", "unit", "out_of",
    "period_start", "period_end", "period_kind", "base_start", "base_end", "comparison_kind", "status", "vintage", "bound",
    "value_raw", "period_raw", "comparison_raw", "reliability", "published", "note",
]
_DATE_COLUMNS = ["period_start", "period_end", "base_start", "base_end"]
_FLOAT_COLUMNS = ["value", "value_low", "value_high", "out_of"]
PERIOD_KINDS = ["day", "month", "quarter", "half", "ytd", "year", "multi_year", "other"]


def observation_schema():
    """The pandera schema of the processed observations table (SPEC §3)."""
    import pandera.pandas as pa

    def isin(values):
        return pa.Check.isin(list(values))

    text = dict(dtype=str, nullable=False)
    return pa.DataFrameSchema(
        {
            "obs_id": pa.Column(**text, unique=True, checks=pa.Check.str_matches(r"^[a-z0-9-]+#\d+$")),
            "source_id": pa.Column(**text),
            "province": pa.Column(**text),
            "indicator": pa.Column(**text),
            "measure": pa.Column(**text, checks=isin(MEASURES)),
            "value": pa.Column(float, nullable=False),
            "value_low": pa.Column(float, nullable=True),
            "value_high": pa.Column(float, nullable=True),
            "unit": pa.Column(**text, checks=isin(CANONICAL_UNITS)),
            "out_of": pa.Column(float, nullable=True),
            "period_start": pa.Column("datetime64[s]", nullable=False),
            "period_end": pa.Column("datetime64[s]", nullable=False),
            "period_kind": pa.Column(**text, checks=isin(PERIOD_KINDS)),
            "base_start": pa.Column("datetime64[s]", nullable=True),
            "base_end": pa.Column("datetime64[s]", nullable=True),
            "comparison_kind": pa.Column(**text),
            "status": pa.Column(**text, checks=isin(STATUSES)),
            "vintage": pa.Column(**text, checks=isin(("",) + VINTAGES)),
            "bound": pa.Column(**text, checks=isin(BOUNDS)),
            "value_raw": pa.Column(**text),
            "period_raw": pa.Column(**text),
            "comparison_raw": pa.Column(**text),
            "reliability": pa.Column(**text, checks=isin(RELIABILITIES)),
            "published": pa.Column(**text),
            "note": pa.Column(**text),
        },
        strict=True,
        ordered=True,
        coerce=False,
    )


def observations_frame(records: list[dict]) -> pd.DataFrame:
    """A typed observations DataFrame from cleaned dict rows (one dtype per column)."""
    df = pd.DataFrame.from_records(records, columns=OBSERVATION_COLUMNS)
    for column in _DATE_COLUMNS:
        df[column] = pd.to_datetime(df[column]).astype("datetime64[s]")
    for column in _FLOAT_COLUMNS:
        df[column] = df[column].astype(float)
    for column in OBSERVATION_COLUMNS:
        if column not in _DATE_COLUMNS and column not in _FLOAT_COLUMNS:
            df[column] = df[column].fillna("").astype(str)
    return df.sort_values("obs_id", key=_natural_key, kind="stable").reset_index(drop=True)


def _natural_key(ids: pd.Series) -> pd.Series:
    # Sort "x#2" before "x#10".
    parts = ids.str.rsplit("#", n=1, expand=True)
    return parts[0] + "#" + parts[1].str.zfill(6)


def frames_from_built(built) -> dict[str, pd.DataFrame]:
    """All processed tables as DataFrames."""
    sources = pd.DataFrame(built.sources).astype(str)
    indicators = pd.DataFrame(built.indicators).astype(str)
    events = pd.DataFrame(built.events, columns=[
        "event_id", "date", "date_end", "date_raw", "category", "kind", "crossing", "title", "value", "value_raw", "unit",
        "source_id", "note"])
    for column in ("date", "date_end"):
        events[column] = pd.to_datetime(events[column].replace("", None)).astype("datetime64[s]")
    events["value"] = pd.to_numeric(events["value"].replace("", None)).astype(float)
    events = events.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)
    conflicts = pd.DataFrame(built.conflicts, columns=["id", "obs_ids", "preferred", "judgement"])
    return {
        "observations": observations_frame(built.observations),
        "sources": sources,
        "indicators": indicators,
        "events": events,
        "event_kinds": pd.DataFrame(built.event_kinds, columns=["code", "name_en", "name_vi", "group", "description"]).astype(str),
        "conflicts": conflicts,
        "context": pd.DataFrame(built.context, columns=["province", "topic", "text", "source_id", "text_vi"]).astype(str),
    }


def validate_frames(frames: dict[str, pd.DataFrame], origin: dict[str, tuple[str, int]]) -> list[Problem]:
    """Check the processed tables against the schema and the cross-field rules.

    Every problem names the raw file and line the observation came from.
    """
    import pandera.errors

    obs = frames["observations"]
    problems: list[Problem] = []

    def at(i: int, column: str, message: str) -> None:
        obs_id = obs.at[i, "obs_id"] if i in obs.index else None
        file, line = origin.get(obs_id, ("data/processed/observations", None))
        problems.append(Problem(file, line, column, message))

    try:
        observation_schema().validate(obs, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        for _, case in cases.iterrows():
            index = case.get("index")
            column = str(case.get("column") or "")
            message = f"schema check {case.get('check')} failed: {case.get('failure_case')!r}"
            if index is None or pd.isna(index):
                problems.append(Problem("data/processed/observations", None, column, message))
            else:
                at(int(index), column, message)

    known_sources = set(frames["sources"]["source_id"])
    known_indicators = dict(zip(frames["indicators"]["code"], frames["indicators"]["unit"]))
    for i, row in obs.iterrows():
        if row["source_id"] not in known_sources:
            at(i, "source_id", f"unknown source {row['source_id']!r}")
        if row["indicator"] not in known_indicators:
            at(i, "indicator", f"unknown indicator {row['indicator']!r}")
        if row["period_start"] > row["period_end"]:
            at(i, "period_raw", "period starts after it ends")
        needs_base = row["measure"] == "growth_pct" or (
            row["measure"] in ("change_abs", "change_pp") and row["comparison_kind"] not in ("plan", "budget_estimate"))
        if needs_base and pd.isna(row["base_start"]):
            at(i, "comparison_raw", f"{row['measure']} without a base period")
        if row["measure"] == "level" and row["unit"] != known_indicators.get(row["indicator"], row["unit"]):
            at(i, "value_raw", f"unit {row['unit']} differs from the codebook's {known_indicators[row['indicator']]}")
        low, value, high = row["value_low"], row["value"], row["value_high"]
        if (pd.notna(low) and low > value + 1e-9) or (pd.notna(high) and value > high + 1e-9):
            at(i, "value_raw", f"value {value} outside its bounds [{low}, {high}]")
    return problems
