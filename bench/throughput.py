"""Throughput of each stage, side by side in one run.

    python bench/throughput.py [--articles 100] [--shared ../shared]

Reads Wikinews articles from ../shared (or the bundled examples when absent),
then times, on the same texts in the same process: cleaning, spaCy's parse
alone (nlp.pipe), Cable's understanding stages (actors, places, dates,
events, quotes, stances, forecasts) on the parsed docs, and storing the
results in a fresh SQLite file. It prints articles per second for each, the
ratio of understanding time to parse time, and end to end (clean + parse +
understand + store) as a share of the parse alone's throughput: the parse
should stay the main cost (target: at least 0.8). From the articles per
second it projects the cores needed for a GDELT-sized day (``--day``
articles, 100,000 by default, of this corpus's mean length).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from cable.pipeline import analyse
from cable.pipeline.clean import clean
from cable.pipeline.nlp import load_nlp
from cable.records import Cleaned
from cable.errors import InputError

ROOT = Path(__file__).resolve().parent.parent


def load_texts(shared: Path, limit: int) -> list[str]:
    corpus = shared / "corpora/wikinews-2019-2020/articles.jsonl"
    if corpus.exists():
        rows = [json.loads(line) for line in corpus.open(encoding="utf-8")]
        return [f"{r['title']}\n\n{r['text']}" for r in rows if len(r["text"]) < 20_000][:limit]
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]


def store_all(results) -> float:
    """Seconds to write the results into a fresh SQLite store."""
    import tempfile

    from cable.store import open_store

    with tempfile.TemporaryDirectory() as tmp, open_store(f"{tmp}/bench.db") as store:
        _, seconds = timed(lambda: [store.write(r, dedupe=True) for r in results])
    return seconds


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--day", type=int, default=100_000, help="articles a day to project for")
    args = parser.parse_args()
    texts = load_texts(args.shared, args.articles)
    nlp = load_nlp()
    analyse(clean(texts[0]), nlp(clean(texts[0]).article.text))  # load tables and matchers once

    def clean_all():
        out = []
        for t in texts:
            try:
                out.append(clean(t))
            except InputError:
                pass
        return out

    cleaned, t_clean = timed(clean_all)
    docs, t_parse = timed(lambda: list(nlp.pipe([c.article.text for c in cleaned], batch_size=32)))
    results, t_understand = timed(lambda: [analyse(c, d) for c, d in zip(cleaned, docs)])
    t_store = store_all(results)
    n = len(cleaned)
    chars = sum(len(c.article.text) for c in cleaned)
    print(f"{n} articles, {chars:,} characters of article text ({chars // max(n, 1):,} a article)")
    print(f"{'stage':<12} {'seconds':>8} {'articles/s':>11}")
    for name, t in (("clean", t_clean), ("parse", t_parse), ("understand", t_understand), ("store", t_store)):
        print(f"{name:<12} {t:8.2f} {n / t:11.1f}")
    total = t_clean + t_parse + t_understand + t_store
    print(f"understand / parse = {t_understand / t_parse:.2f}   (clean / parse = {t_clean / t_parse:.2f}, "
          f"store / parse = {t_store / t_parse:.2f})")
    print(f"end to end: {n / total:.1f} articles/s = {t_parse / total:.2f} of the parse alone's throughput")
    print(f"a day of {args.day:,} such articles needs {args.day / (n / total) / 86400:.1f} cores at this rate")


if __name__ == "__main__":
    main()
