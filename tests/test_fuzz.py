"""Property-based tests: odd input never crashes a reader or a stage.

Invariants: every input gives a result or a clear ``InputError`` (a
``Rejection`` in a batch); every offset in a result lies inside the text and
points at the text it quotes; every result is valid against the schema. The
example counts stay small for CI; ``CABLE_FUZZ_EXAMPLES`` raises them, and
``python fuzz/run.py`` runs the coverage-guided fuzzer for longer.
"""

import gzip
import json
import os
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cable.errors import InputError
from cable.pipeline.clean import clean
from cable.records import Rejection
from cable.sources import Limits, iter_documents
from cable.sources.read import decode

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "src/cable/schema/cable-1.schema.json").read_text())
SCALE = int(os.environ.get("CABLE_FUZZ_EXAMPLES", "1"))
FAST = settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                              HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=12 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                              HealthCheck.function_scoped_fixture])

ODD = ["\u200d", "\u200b", "\u202e", "\u2066", "\ufeff", "\x00", "\x0b", "\x1b[31m", "\ud7ff", "👩‍👩‍👧", "🇺🇦",
       "مرحبا", "שלום", "ㅤ", "\u0301", "A" * 5000, "<", ">", "&amp;", "&#0;", "&#xD800;", "\r\n", "\t"]
SENTENCES = [
    "The foreign minister met his counterpart in Geneva on Tuesday.",
    '"We will not accept this," the president said.',
    "Officials said there was little chance of a deal before the summit.",
    "Russia condemned the strikes and urged Turkey to withdraw its troops from Syria.",
    "According to diplomats, talks may resume next week in Oslo.",
    "Mr. Kim, the envoy, told reporters that Pyongyang had refused the offer.",
]
TAGS = ["p", "div", "span", "a", "script", "style", "table", "td", "li", "h1", "article", "nav", "figcaption"]

pieces = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(ODD), st.text(max_size=40))
texts = st.lists(pieces, min_size=1, max_size=40).map(" ".join)


@st.composite
def html_pages(draw, depth: int = 0):
    """Nested, sometimes unclosed HTML with odd text and attributes."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        tag = draw(st.sampled_from(TAGS))
        inner = draw(html_pages(depth + 1)) if depth < 4 and draw(st.booleans()) else draw(texts)
        attrs = draw(st.sampled_from(["", ' class="x"', ' onerror="alert(1)"', ' style="{}"', " data-x='\"'"]))
        close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag}"]))
        parts.append(f"<{tag}{attrs}>{inner}{close}")
    return "".join(parts)


def deep_nesting(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "The envoy met the minister in Oslo." * 30 + "</div>" * depth


@FAST
@given(st.binary(max_size=3000))
def test_decode_takes_any_bytes(raw):
    try:
        assert isinstance(decode(raw, "fuzz"), str)
    except InputError as e:
        assert str(e).startswith("fuzz")


@FAST
@given(st.binary(max_size=3000), st.sampled_from([".html", ".txt", ".jsonl", ".rss", ".warc", ".html.gz",
                                                  ".jsonl.gz", ".warc.gz"]), st.booleans())
def test_every_reader_takes_any_bytes(tmp_path_factory, raw, suffix, gz):
    path = tmp_path_factory.mktemp("in") / f"input{suffix}"
    path.write_bytes(gzip.compress(raw) if gz else raw)
    for doc in iter_documents(str(path), Limits(max_bytes=100_000)):
        assert isinstance(doc, Rejection) or isinstance(doc.text, str)
        if isinstance(doc, Rejection):
            assert doc.message and doc.code


@FAST
@given(st.lists(st.one_of(st.text(max_size=200), st.dictionaries(st.sampled_from(["url", "text", "html", "date",
                                                                                   "id"]),
                                                                  st.one_of(st.text(max_size=50), st.integers(),
                                                                            st.none())).map(json.dumps)),
                max_size=10))
def test_jsonl_lines_of_any_shape(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("in") / "dump.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    for doc in iter_documents(str(path)):
        assert isinstance(doc, Rejection) or doc.text.strip()


@FAST
@given(st.one_of(texts, html_pages()))
def test_clean_gives_an_article_or_a_clear_error(text):
    try:
        cleaned = clean(text, input="fuzz")
    except InputError as e:
        assert "fuzz" in str(e) or "the input" in str(e)
        return
    body = cleaned.article.text
    assert body and body == body.strip() and "\x00" not in body


@pytest.mark.parametrize("depth", [50, 400, 3000])
def test_deeply_nested_html_does_not_crash(depth):
    try:
        clean(deep_nesting(depth), input="deep")
    except InputError:
        pass


def spans(value, path=""):
    """Every (path, start, end, text) the result JSON claims is a stretch of the article."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys() and isinstance(value["start"], int):
            yield path, value["start"], value["end"], value["text"]
        for key, item in value.items():
            yield from spans(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from spans(item, f"{path}[{i}]")


def check_result(record: dict) -> None:
    jsonschema.validate(record, SCHEMA)
    text = record["article"]["text"]
    title = record["article"]["title"] or ""
    for path, start, end, quoted in spans({k: record[k] for k in ("actors", "events", "quotes")}):
        assert 0 <= start <= end <= len(text), path
        assert text[start:end] == quoted, path
    for forecast in record["forecasts"]:
        source = title if forecast["field"] == "title" else text
        assert 0 <= forecast["start"] <= forecast["end"] <= len(source)
    for event in record["events"]:
        assert 0 <= event["sentence"]["start"] <= event["sentence"]["end"] <= len(text)


articles = st.lists(st.one_of(st.sampled_from(SENTENCES), st.sampled_from(SENTENCES).map(lambda s: s + " " + s),
                              st.sampled_from(ODD).map(lambda odd: f"The minister{odd} met the envoy{odd}.")),
                    min_size=4, max_size=25).map(lambda ss: "\n\n".join(" ".join(ss[i:i + 3])
                                                                      for i in range(0, len(ss), 3)))


@pytest.mark.model
@SLOW
@given(articles)
def test_pipeline_offsets_point_at_what_they_quote(nlp, text):
    from cable.pipeline import process

    out = process(text, input="fuzz", date="2021-05-04", nlp=nlp)
    if isinstance(out, Rejection):
        assert out.code and out.message
        return
    check_result(out.to_json())


@pytest.mark.parametrize("target,runs", [("decode", 20000), ("documents", 5000), ("clean", 2000), ("petrarch", 5000)])
def test_a_short_coverage_guided_fuzz_run_finds_no_crash(tmp_path, target, runs):
    import subprocess
    import sys

    pytest.importorskip("atheris")
    result = subprocess.run([sys.executable, str(ROOT / "fuzz/run.py"), target, f"-atheris_runs={runs}",
                             "-max_total_time=120", f"-artifact_prefix={tmp_path}/"],
                            capture_output=True, text=True, timeout=400)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not list(tmp_path.glob("crash-*"))
