"""Memory over a long ingest: RSS sampled as documents stream through the pipeline into a store.

Documents are the bundled examples (and, with --pages, the saved HTML pages of the
extraction corpora), each made distinct by a numbered closing line, streamed
through ``process_many`` into a SQLite store, as ``cable ingest`` does. After a
warm-up, resident memory should plateau: the benchmark prints RSS every --every
documents and the growth from the end of the warm-up to the end.

    python bench/soak.py [--docs 2000] [--every 200] [--warmup 200] [--pages]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; the peak elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sources(pages: bool) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.*")) if p.suffix in (".txt", ".html")]
    if pages:
        folder = ROOT.parent / "shared/corpora/extraction/scrapinghub-aeb/html"
        texts += [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in sorted(folder.glob("*.html.gz"))[:100]]
    return texts


def documents(texts: list[str], n: int):
    """``n`` (text, input, url) items, each text made distinct by a numbered line."""
    for i in range(n):
        text, line = texts[i % len(texts)], f"This copy is number {i} of the soak run."
        if "</body>" in text:
            yield text.replace("</body>", f"<p>{line}</p></body>", 1), f"soak-{i}", None
        else:
            yield f"{text}\n\n{line}", f"soak-{i}", None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--every", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--pages", action="store_true", help="add 100 saved HTML pages to the mix")
    args = parser.parse_args()
    from cable.pipeline import process_many
    from cable.records import Rejection
    from cable.store import open_store

    texts = sources(args.pages)
    samples: list[tuple[int, float]] = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "soak.db")) as store:
        for i, out in enumerate(process_many(documents(texts, args.docs)), 1):
            if not isinstance(out, Rejection):
                store.write(out, dedupe=False)
            if i % args.every == 0 or i == args.docs:
                samples.append((i, rss_mb()))
                print(f"{i:>7} docs  {samples[-1][1]:8.1f} MB  {i / (time.perf_counter() - start):6.1f} docs/s",
                      flush=True)
    base = next((mb for i, mb in samples if i >= args.warmup), samples[0][1])
    print(json.dumps({"docs": args.docs, "rss_after_warmup_mb": round(base, 1), "rss_end_mb": round(samples[-1][1], 1),
                      "growth_mb": round(samples[-1][1] - base, 1)}))


if __name__ == "__main__":
    main()
