"""Speed of the dictionary coder, side by side with spaCy's parse, on one core.

    python bench/coder_speed.py [--sentences 1000] [--shared ../shared]

Takes sentences from the Wikinews articles in ../shared (or the bundled examples),
and times on the same sentences, in one process: spaCy's parse alone
(``nlp.pipe``), coding alone (``DictionaryCoder.code_doc`` on the parsed docs,
with PETRARCH-2's CAMEO.2.0 verbs and Phoenix actors, agents, discards and
issues), and parse plus coding. It first times loading the dictionaries: a cold
build from their files, then a read of the compiled cache. Coding alone is timed
twice: the first pass is what a corpus sees (it also makes the dictionary entries
and verb patterns it meets, once per process), the second the steady state, when
every phrase has been coded before. A coder starts with every verb pattern
compiled (kept on disk after its first start). It then times coding alone on the validation
suites, whose records come parsed (PETRARCH's Treebank parses) or need no parse
(TABARI's sparse parse). It prints sentences per second for each.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from cable.coder import DictionaryCoder  # noqa: E402
from cable.dictionaries import load_dictionaries  # noqa: E402
from cable.pipeline.nlp import load_nlp  # noqa: E402
from cable.suites import read_suite, suite_dictionaries  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PHOENIX = "anchors/petrarch2/derived/petrarch2_pytest_cases.json"
SUITES = ("anchors/petrarch2/petrarch2/data/text/PETR.UnitTest.records.xml",
          "anchors/TABARI-Code/Validate.text")


def load_sentences(nlp, shared: Path, count: int) -> list[str]:
    """Sentences of 5 to 60 words from Wikinews (or the bundled examples)."""
    corpus = shared / "corpora/wikinews-2019-2020/articles.jsonl"
    if corpus.exists():
        texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    found: list[str] = []
    for doc in nlp.pipe(texts[: count // 5 + 20], batch_size=16):
        found.extend(s.text.strip() for s in doc.sents if 5 <= len(s) <= 60)
        if len(found) >= count:
            break
    return found[:count]


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:10.1f} sentences/s  ({n} in {seconds:.2f} CPU s)"


def timed(fn):
    """``fn()`` and the CPU seconds it took: on a shared machine, other jobs lengthen the
    wall clock but not (much) the CPU time of this single-threaded process."""
    start = time.process_time()
    result = fn()
    return result, time.process_time() - start


def bench_load(files: list[Path]) -> None:
    """Seconds to load the dictionaries: built from their files, then from the cache."""
    with tempfile.TemporaryDirectory() as folder:
        _, cold = timed(lambda: load_dictionaries(files, cache_dir=folder))
        _, warm = timed(lambda: load_dictionaries(files, cache_dir=folder))
    print("Loading CAMEO.2.0 + Phoenix dictionaries:")
    print(f"  cold build from files            {cold:10.2f} s")
    print(f"  warm, from the compiled cache    {warm:10.2f} s")


def bench_text(nlp, shared: Path, count: int) -> None:
    files = suite_dictionaries(shared / PHOENIX)
    bench_load(files)
    coder, start = timed(lambda: DictionaryCoder(files, nlp=nlp))
    print(f"  coder start, with its patterns   {start:10.2f} s")
    sentences = load_sentences(nlp, shared, count)
    coder.code_text(sentences[0])  # load caches once
    docs, parse_time = timed(lambda: list(nlp.pipe(sentences, batch_size=64)))
    events, first_time = timed(lambda: [coder.code_doc(doc) for doc in docs])
    _, warm_time = timed(lambda: [coder.code_doc(doc) for doc in docs])
    _, both_time = timed(lambda: [coder.code_doc(doc) for doc in nlp.pipe(sentences, batch_size=64)])
    coded = sum(bool(e) for e in events)
    print(f"Wikinews sentences, CAMEO.2.0 + Phoenix dictionaries ({coded} of {len(docs)} coded):")
    print(f"  spaCy parse alone                {rate(len(docs), parse_time)}")
    print(f"  coding alone, first pass         {rate(len(docs), first_time)}")
    print(f"  coding alone, steady state       {rate(len(docs), warm_time)}")
    print(f"  parse + coding                   {rate(len(docs), both_time)}")


def bench_suites(shared: Path, repeat: int) -> None:
    for name in SUITES:
        path = shared / name
        if not path.exists():
            continue
        suite = read_suite(path)
        coder = DictionaryCoder(suite.dictionaries)
        _, seconds = timed(lambda: [coder.code(r) for _ in range(repeat) for r in suite.records])
        print(f"  {suite.name:31}  {rate(repeat * len(suite.records), seconds)}  (coding alone)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5, help="passes over each validation suite")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    nlp = load_nlp()
    if (args.shared / PHOENIX).exists():
        bench_text(nlp, args.shared, args.sentences)
    print("Validation suites, their own dictionaries:")
    bench_suites(args.shared, args.repeat)


if __name__ == "__main__":
    main()
