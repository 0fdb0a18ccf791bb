"""The loaders: typed tables, the province filter, targets, low-reliability hosts, automatic rebuilds."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pytest

import lso_analysis as lso
from lso_analysis.dataset.schema import OBSERVATION_COLUMNS


def test_observations_have_the_spec_columns_and_dtypes():
    obs = lso.load_observations()
    assert list(obs.columns) == OBSERVATION_COLUMNS
    assert obs["obs_id"].is_unique
    for column in ("value", "value_low", "value_high", "out_of"):
        assert obs[column].dtype == float
    for column in ("period_start", "period_end", "base_start", "base_end"):
        assert str(obs[column].dtype).startswith("datetime64")


def test_default_is_lang_son_only_and_other_provinces_are_reachable():
    default = lso.load_observations()
    assert set(default["province"]) == {"Lạng Sơn"}
    ha_giang = lso.load_observations(province="Hà Giang", include_targets=True)
    assert len(ha_giang) > 0 and set(ha_giang["province"]) == {"Hà Giang"}
    assert not set(ha_giang["obs_id"]) & set(default["obs_id"])
    everything = lso.load_observations(province=None, include_targets=True, include_low=True)
    assert len(everything) >= len(default) + len(ha_giang)


def test_province_name_is_normalised():
    import unicodedata

    assert len(lso.load_observations(province=unicodedata.normalize("NFD", "Lạng Sơn"))) == len(lso.load_observations())


def test_targets_only_on_request():
    assert "target" not in set(lso.load_observations()["status"])
    assert "target" in set(lso.load_observations(include_targets=True)["status"])


def test_low_reliability_hosts_only_on_request():
    obs = lso.load_observations(include_low=True, include_targets=True)
    sources = lso.load_sources()
    low = set(sources.loc[sources["reliability"].eq("low"), "source_id"])
    assert low, "the shipped data holds low-reliability copies (issue 4): this test must see them"
    assert set(obs["source_id"]) & low
    assert not set(lso.load_observations(include_targets=True)["source_id"]) & low


def test_indicator_filter_and_unknown_code():
    trade = lso.load_observations(indicators="trade_turnover")
    assert set(trade["indicator"]) == {"trade_turnover"}
    with pytest.raises(ValueError, match="unknown indicator code"):
        lso.load_observations(indicators=["trade_turnover", "no_such_code"])


def test_returned_frames_are_copies():
    first = lso.load_observations()
    first.loc[:, "value"] = -1
    assert (lso.load_observations()["value"] != -1).any()


def test_sources_indicators_events_conflicts_load():
    assert {"source_id", "url", "reliability", "published"} <= set(lso.load_sources().columns)
    assert {"code", "unit", "theme"} <= set(lso.load_indicators().columns)
    events = lso.load_events()
    assert {"event_id", "date", "category", "source_id"} <= set(events.columns)
    conflicts = lso.load_conflicts()
    assert {"id", "obs_ids", "preferred", "judgement"} <= set(conflicts.columns)


def test_loader_rebuilds_when_raw_data_changes(data_dir):
    script = textwrap.dedent(
        """
        import lso_analysis as lso, pathlib, sys
        print(lso.load_observations()["value"].max())
        path = pathlib.Path(sys.argv[1]) / "raw/observations/test-20210815-monthly.csv"
        path.write_text(path.read_text(encoding="utf-8").replace("2.100", "2.400"), encoding="utf-8")
        print(lso.load_observations()["value"].max())
        """
    )
    env = {"LSO_DATA_DIR": str(data_dir), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", script, str(data_dir)], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["2100.0", "2400.0"]


def test_loader_keeps_serving_last_good_data_is_not_silent(data_dir):
    """A broken raw file makes the loader raise (it never serves stale data as if fresh)."""
    script = textwrap.dedent(
        """
        import lso_analysis as lso, pathlib, sys
        lso.load_observations()
        path = pathlib.Path(sys.argv[1]) / "raw/observations/test-20210815-monthly.csv"
        path.write_text(path.read_text(encoding="utf-8").replace("2.100", "2.1"), encoding="utf-8")
        try:
            lso.load_observations()
        except lso.LsoDataError as exc:
            print("raised", exc.problems[0].column)
        """
    )
    env = {"LSO_DATA_DIR": str(data_dir), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", script, str(data_dir)], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.stdout.strip() == "raised value_raw", out.stderr


def test_an_unreadable_cached_table_is_rebuilt_not_fatal(data_dir):
    """A processed pickle written by another environment (or damaged) is rebuilt on load."""
    script = textwrap.dedent(
        """
        import lso_analysis as lso, pathlib, sys
        lso.load_observations()
        pkl = pathlib.Path(sys.argv[1]) / "processed/observations.pkl"
        pkl.write_bytes(b"not a pickle")
        from lso_analysis.dataset import loaders
        loaders._MEMO.clear()
        print(lso.load_observations()["value"].max())
        """
    )
    env = {"LSO_DATA_DIR": str(data_dir), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", script, str(data_dir)], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["2100.0"]


def test_import_does_not_load_pandas():
    out = subprocess.run([sys.executable, "-c", "import sys, lso_analysis; print('pandas' in sys.modules)"],
                         capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False"


def test_geographies_list_the_63_provinces_and_vietnam():
    geo = lso.load_geographies()
    assert list(geo.columns) == ["name", "level", "region", "groups"]
    assert geo["name"].is_unique
    assert geo["level"].value_counts().to_dict() == {"province": 63, "nation": 1}
    assert geo.set_index("name").at["Việt Nam", "level"] == "nation"
    sizes = geo[geo["level"].eq("province")]["region"].value_counts().to_dict()
    assert sizes == {"Trung du và miền núi phía Bắc": 14, "Bắc Trung Bộ và duyên hải miền Trung": 14,
                     "Đồng bằng sông Cửu Long": 13, "Đồng bằng sông Hồng": 11, "Đông Nam Bộ": 6, "Tây Nguyên": 5}
    gazetteer = pd.read_csv(lso.paths.GAZETTEER_CSV, dtype=str)
    assert set(geo.loc[geo["level"].eq("province"), "name"]) == set(gazetteer["province"])


def test_northern_border_group():
    border = lso.load_geographies(group="northern_border")
    assert set(border["name"]) == {"Lạng Sơn", "Cao Bằng", "Hà Giang", "Lào Cai", "Quảng Ninh", "Điện Biên", "Lai Châu"}
    with pytest.raises(ValueError, match="unknown group"):
        lso.load_geographies(group="southern_border")


def test_unknown_geography_is_refused_by_the_loader():
    with pytest.raises(ValueError, match="unknown geography"):
        lso.load_observations(province="Lang Son")


def test_every_geography_in_the_data_is_listed():
    obs = lso.load_observations(province=None, include_low=True, include_targets=True)
    assert set(obs["province"]) <= set(lso.load_geographies()["name"])
    assert {"Lạng Sơn", "Việt Nam", "Cao Bằng"} <= set(obs["province"])


def test_lang_son_series_holds_no_other_geography_even_from_shared_pages():
    everything = lso.load_observations(province=None, include_low=True, include_targets=True)
    lang_son = lso.load_observations(include_low=True, include_targets=True)
    assert set(lang_son["province"]) == {"Lạng Sơn"}
    # a page about Lạng Sơn that prints Lào Cai's tourist count beside it: that row is Lào Cai's
    shared = everything[everything["source_id"].eq("cafef-20240000-border-province-expressways")]
    assert set(shared["province"]) == {"Lạng Sơn", "Lào Cai"}
    assert not set(shared.loc[shared["province"].eq("Lào Cai"), "obs_id"]) & set(lang_son["obs_id"])
    cao_bang = lso.load_observations(province="Cao Bằng", include_low=True, include_targets=True)
    assert len(cao_bang) and not set(cao_bang["obs_id"]) & set(lang_son["obs_id"])
