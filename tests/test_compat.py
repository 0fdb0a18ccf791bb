"""Old module paths keep working for one release, with a DeprecationWarning (lso_analysis/_compat.py)."""

import importlib
import sys

import pytest

from lso_analysis._compat import MOVED


@pytest.mark.parametrize("old", ["numbers", "covid", "loaders", "narrative"])
def test_old_path_warns_and_is_the_new_module(old):
    sys.modules.pop(f"lso_analysis.{old}", None)
    with pytest.warns(DeprecationWarning, match=f"lso_analysis.{old} moved to lso_analysis.{MOVED[old]}"):
        module = importlib.import_module(f"lso_analysis.{old}")
    assert module is importlib.import_module(f"lso_analysis.{MOVED[old]}")


def test_every_moved_module_exists():
    for new in MOVED.values():
        importlib.import_module(f"lso_analysis.{new}")


def test_readme_short_names_resolve():
    import lso_analysis as lso
    from lso_analysis import covid, plotting, series  # noqa: F401

    assert lso.series.__name__ == "lso_analysis.analysis.series"
    assert lso.extract_observations.__module__ == "lso_analysis.extract.pipeline"
