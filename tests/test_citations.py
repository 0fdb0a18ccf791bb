"""Tests of the citation registry and its display (lso_analysis/citations.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lso_analysis.present.citations import cite, cited, reset, sources_display
from lso_analysis.reports.provenance import cited_sources

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def empty_registry():
    reset()
    yield
    reset()


def test_cite_records_sorted_unique_ids():
    cite("vnexpress-20200101-b", "baolangson-20200301-a")
    cite("vnexpress-20200101-b")
    assert cited() == ["baolangson-20200301-a", "vnexpress-20200101-b"]
    reset()
    assert cited() == []


@pytest.mark.parametrize("bad", [3, None, b"bytes"])
def test_cite_rejects_non_strings(bad):
    with pytest.raises(TypeError):
        cite(bad)
    assert cited() == []


@pytest.mark.parametrize("bad", ["", "   "])
def test_cite_rejects_empty_ids(bad):
    with pytest.raises(ValueError):
        cite("fine-id", bad)
    assert cited() == []  # nothing recorded from a call that failed


@given(st.lists(st.text(min_size=1).filter(str.strip), max_size=8))
def test_cited_is_sorted_and_unique(ids):
    reset()
    cite(*ids)
    assert cited() == sorted({i.strip() for i in ids})


def test_display_carries_ids_in_metadata_without_sources_table():
    cite("b-src", "a-src")
    data, metadata = sources_display()._repr_mimebundle_()
    assert metadata == {"lso": {"cited_sources": ["a-src", "b-src"]}}
    assert data["text/markdown"].splitlines() == ["**Sources cited**", "", "- `a-src`", "- `b-src`"]


def test_display_with_no_citation_says_so():
    data, metadata = sources_display()._repr_mimebundle_()
    assert metadata == {"lso": {"cited_sources": []}}
    assert "none" in data["text/markdown"]


def test_display_enriches_from_sources_table():
    sources = pd.DataFrame(
        {
            "source_id": ["a-src", "b-src"],
            "title": ["Báo cáo *kinh tế* 2020", "Other"],
            "publisher": ["UBND tỉnh Lạng Sơn", "Báo Lạng Sơn"],
            "published": ["2020-07-15", "2021"],
            "url": ["https://example.org/a", None],
        }
    )
    cite("a-src", "b-src")
    markdown = sources_display(sources).markdown
    assert "- `a-src`: Báo cáo \\*kinh tế\\* 2020, UBND tỉnh Lạng Sơn, 2020-07-15. <https://example.org/a>" in markdown
    assert "- `b-src`: Other, Báo Lạng Sơn, 2021." in markdown
    assert "nan" not in markdown


def test_display_fails_on_an_id_missing_from_the_sources_table():
    cite("a-src", "ghost-src")
    sources = pd.DataFrame({"source_id": ["a-src"], "title": ["t"], "publisher": ["p"], "published": ["2020"],
                            "url": [""]})  # fmt: skip
    with pytest.raises(ValueError, match="ghost-src"):
        sources_display(sources)


def test_display_is_shown_by_ipython_with_top_level_metadata():
    ipython = pytest.importorskip("IPython.core.formatters")
    cite("a-src")
    formatter = ipython.DisplayFormatter()
    data, metadata = formatter.format(sources_display())
    assert data["text/markdown"].startswith("**Sources cited**")
    assert metadata["lso"] == {"cited_sources": ["a-src"]}


def test_report_builder_reads_the_display_metadata():
    cite("a-src")
    _, metadata = sources_display()._repr_mimebundle_()
    nb = {
        "cells": [
            {"cell_type": "code", "outputs": [{"output_type": "display_data", "data": {}, "metadata": metadata}]},
            {"cell_type": "code", "outputs": [{"output_type": "display_data", "data": {},
                                               "metadata": {"text/markdown": {"lso": {"cited_sources": ["c"]}}}}]},
            {"cell_type": "markdown", "source": "no outputs"},
        ]
    }  # fmt: skip
    assert cited_sources(nb) == ["a-src", "c"]


def test_module_does_not_import_ipython():
    code = "import sys, lso_analysis.present.citations as c; c.cite('x'); c.sources_display(); print('IPython' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "False"
