"""Floors for the clean stage on the saved news corpora (ScrapingHub's AEB and NAEB), scored as
``bench/extraction.py`` scores them: body text by AEB's 4-gram shingle metric, NAEB titles by exact
match and dates by exact day. The floors only go up."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from conftest import SHARED

EXTRACTION = SHARED / "corpora" / "extraction"
needs_corpora = pytest.mark.skipif(not (EXTRACTION / "naeb").is_dir() or not (EXTRACTION / "scrapinghub-aeb").is_dir(),
                                   reason="the extraction corpora are not available")

# corpus: (body precision, body F1, title exact, date exact), each at or under the last measure
FLOORS = {"aeb": (0.965, 0.966, None, None), "naeb": (0.913, 0.932, 0.94, 0.85)}


def _bench():
    """bench/extraction.py, whose loader and scoring these floors are measured with."""
    path = Path(__file__).resolve().parent.parent / "bench" / "extraction.py"
    spec = importlib.util.spec_from_file_location("extraction_bench", path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))  # it imports soak.py beside it
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


@needs_corpora
@pytest.mark.parametrize("corpus", ["aeb", "naeb"])
def test_the_clean_stage_keeps_its_floors_on_the_news_corpora(corpus):
    bench = _bench()
    pages = bench.load(SHARED, corpus, None)
    counts, titles, dates = [], 0, 0
    for page in pages:
        got = bench.cable(page)
        counts.append(bench.tp_fp_fn(page["body"], got["body"]))
        titles += bool(page["title"]) and bench.squash(got["title"]) == bench.squash(page["title"])
        dates += bool(page["date"]) and (got["date"] or "")[:10] == page["date"]
    scores = bench.body_scores(counts)
    precision, f1, title, date = FLOORS[corpus]
    assert scores["precision"] >= precision
    assert scores["f1"] >= f1
    if title is not None:
        assert titles / len(pages) >= title
        assert dates / len(pages) >= date
