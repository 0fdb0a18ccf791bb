"""Checks over every registered source of the shipped dataset (statsmodels tests every dataset it ships)."""

from __future__ import annotations

import csv
import hashlib

import pandas as pd
import pytest

import lso_analysis as lso
from lso_analysis import paths
from lso_analysis.dataset.validate import expected_count_problems

SOURCES = pd.read_csv(paths.SOURCES_CSV, dtype=str, keep_default_na=False)
OBS_FILES = sorted(p.stem for p in paths.OBSERVATIONS_DIR.glob("*.csv"))


def test_every_observation_file_belongs_to_a_registered_source():
    assert set(OBS_FILES) <= set(SOURCES["source_id"])


@pytest.mark.parametrize("source_id", OBS_FILES)
def test_each_source_cleans_completely(source_id):
    """Every row of every transcription survives cleaning: none is dropped on the way."""
    with open(paths.OBSERVATIONS_DIR / f"{source_id}.csv", encoding="utf-8", newline="") as fh:
        raw = list(csv.DictReader(fh))
    obs = lso.load_observations(province=None, include_targets=True, include_low=True)
    mine = obs[obs["source_id"].eq(source_id)]
    assert len(mine) == len(raw)
    corrected = _corrected()
    assert sorted(mine.loc[~mine["obs_id"].isin(corrected), "value_raw"]) == sorted(
        r["value_raw"] for r in raw if f"{source_id}#{r['obs_no']}" not in corrected)
    province = SOURCES.set_index("source_id").at[source_id, "province"]
    assert set(mine["province"]) == {province}


def _corrected() -> set[str]:
    import yaml

    data = yaml.safe_load(paths.CORRECTIONS_YML.read_text(encoding="utf-8")) if paths.CORRECTIONS_YML.exists() else {}
    return {str(f["obs_id"]) for f in (data or {}).get("fixes") or [] if f.get("column") == "value_raw"}


def test_row_counts_match_the_expected_counts_file():
    obs = lso.load_observations(province=None, include_targets=True, include_low=True)
    assert expected_count_problems(obs.to_dict("records")) == []


def test_another_province_never_enters_lang_son_series():
    sources = lso.load_sources()
    elsewhere = set(sources.loc[sources["province"].ne("Lạng Sơn"), "source_id"])
    assert elsewhere, "the corpus's Hà Giang article should be registered"
    assert not set(lso.load_observations(include_targets=True, include_low=True)["source_id"]) & elsewhere


def test_corpus_articles_are_registered_with_their_hashes(corpus_dir):
    registered = SOURCES[SOURCES["corpus_file"].ne("")]
    catalogue = pd.read_csv(corpus_dir / "catalogue.csv", dtype=str)
    assert set(registered["corpus_file"]) == set(catalogue["file"])
    for _, row in registered.iterrows():
        digest = hashlib.sha256((corpus_dir / row["corpus_file"]).read_bytes()).hexdigest()
        assert digest == row["sha256"], row["source_id"]
        expected_province = catalogue.set_index("file").at[row["corpus_file"], "province"]
        assert row["province"] == expected_province


# Hand-checked against the articles: (source, obs_no) → (indicator, measure, value, low, high, start, end, status)
HAND_CHECKED = [
    ("ubndls-20210800-ktxh-thang-7", 3, "trade_turnover", "level", 380, 375, 385, "2021-07-01", "2021-07-31", "estimate"),
    ("ubndls-20210800-ktxh-thang-7", 4, "trade_turnover", "level", 2390, 2385, 2395, "2021-01-01", "2021-07-31", "estimate"),
    ("ubndls-20210800-ktxh-thang-7", 6, "trade_turnover", "growth_pct", 53.2, 53.15, 53.25, "2021-01-01", "2021-07-31", "estimate"),
    ("ubndls-20210800-ktxh-thang-7", 7, "public_investment_implemented", "level", 1585.0, 1584.95, 1585.05, "2021-01-01", "2021-07-31", "estimate"),
    ("baolangson-20200713-ktxh-6-thang-cuoi-nam", 7, "trade_turnover", "growth_pct", -42.9, -42.95, -42.85, "2020-01-01", "2020-06-30", "estimate"),
    ("baolangson-20220100-tong-ket-nam-2021", 4, "grdp", "growth_pct", 6.67, 6.665, 6.675, "2021-01-01", "2021-12-31", "actual"),
    ("baolangson-20220100-tong-ket-nam-2021", 14, "trade_turnover", "level", 4270, 4265, 4275, "2021-01-01", "2021-12-31", "estimate"),
    ("baolangson-20220100-tong-ket-nam-2021", 27, "budget_revenue", "level", 11000, 10500, 11500, "2021-01-01", "2021-12-31", "actual"),
    ("plvn-20230707-ktxh-6-thang-dau-nam", 29, "new_enterprise_capital", "growth_pct", -54, -54.5, -53.5, "2023-01-01", "2023-06-30", "actual"),
    ("plvn-20230707-ktxh-6-thang-dau-nam", 46, "digital_citizen_accounts", "level", 624405, 624404.5, 624405.5, "2023-01-01", "2023-06-30", "actual"),
]


@pytest.mark.parametrize("source_id, obs_no, indicator, measure, value, low, high, start, end, status", HAND_CHECKED)
def test_hand_checked_figures(source_id, obs_no, indicator, measure, value, low, high, start, end, status):
    obs = lso.load_observations(province=None, include_targets=True).set_index("obs_id")
    row = obs.loc[f"{source_id}#{obs_no}"]
    assert (row["indicator"], row["measure"], row["status"]) == (indicator, measure, status)
    assert (row["value"], row["value_low"], row["value_high"]) == pytest.approx((value, low, high))
    assert (row["period_start"], row["period_end"]) == (pd.Timestamp(start), pd.Timestamp(end))
