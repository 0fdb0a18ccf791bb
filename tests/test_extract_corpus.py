"""The extractor against the curated observations of the shared corpus: precision and recall cannot slip back."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from lso_analysis import paths

pytestmark = pytest.mark.corpus

# Reached when this test was written (benchmarks/extract_eval.py), rounded down to two decimals.
MIN_PRECISION_LANG_SON = 1.00
MIN_RECALL_LANG_SON = 1.00
MIN_PRECISION_ALL = 0.97
MIN_RECALL_ALL = 0.97


def _eval_module():
    path = paths.ROOT / "benchmarks" / "extract_eval.py"
    if not path.is_file():
        pytest.skip("benchmarks/extract_eval.py is not shipped with an installed wheel")
    spec = importlib.util.spec_from_file_location("extract_eval", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_eval"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores():
    corpus = paths.corpus_dir()
    if corpus is None:
        pytest.skip("LSO_CORPUS_DIR is not set or is not a folder (CI sets it to ../shared/corpus)")
    module = _eval_module()
    found = module.evaluate(corpus)
    if not found:
        pytest.skip("no source in data/raw names a corpus file with curated observations")
    return module, found


def test_precision_and_recall_hold(scores):
    module, found = scores
    precision, recall = module.overall(found, "Lạng Sơn")
    misses = [(s.source_id, m["indicator"], m["value_raw"]) for s in found for m in s.misses]
    extra = [(s.source_id, c["indicator"], c["value_raw"]) for s in found for c in s.false_positives]
    assert precision >= MIN_PRECISION_LANG_SON, extra
    assert recall >= MIN_RECALL_LANG_SON, misses
    precision, recall = module.overall(found, None)
    assert precision >= MIN_PRECISION_ALL and recall >= MIN_RECALL_ALL, (misses, extra)


def test_every_corpus_file_extracts_with_exact_spans(corpus_dir):
    from lso_analysis.extract.pipeline import extract_observations

    for path in sorted(corpus_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        df = extract_observations(text)
        assert len(df) > 5, path.name
        for row in df.to_dict("records"):
            assert text[row["span_start"] : row["span_end"]] == row["value_raw"]
        expected = "Hà Giang" if path.name.startswith("003") else "Lạng Sơn"
        assert set(df["province"]) == {expected}, path.name
