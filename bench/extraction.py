"""Article extraction beside trafilatura, in one run, on the saved news corpora.

For every page of ScrapingHub's AEB (181 pages, body only) and NAEB (421 pages,
body, title and date), Cable's clean stage and trafilatura 2.3.1 (default and
favor_precision) run one after the other on the same HTML, already in memory.
Body text is scored with AEB's own metric (4-gram shingles of ``\\w+`` tokens,
per-page TP/FP/FN normalised to sum 1, precision and recall averaged over pages,
F1 their harmonic mean); titles by exact match after whitespace is squashed;
dates by exact day. Pages/s is time inside each extractor only.

    python bench/extraction.py [--shared ../shared] [--limit N] [--corpus aeb|naeb]
    python bench/extraction.py --soak 10000 [--every 1000]

With ``--soak N`` it instead runs the whole clean stage (gates included) over N
pages, the AEB and NAEB pages cycled and each copy made distinct (a numbered
meta tag and comment), printing resident memory every ``--every`` pages and
whether it stayed flat: the last sample within 10% of the one at 2,000 pages.

The clean stage is measured without its policy gates (the English check, the
minimum length): those reject pages, they do not extract; the number of pages
the full stage would reject is printed beside.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from soak import rss_mb  # the benchmarks share one RSS reading (bench/ is on the path when run)

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp = sum(min(t[k], p[k]) for k in t.keys() | p.keys())
    fp = sum(max(0, p[k] - t[k]) for k in t.keys() | p.keys())
    fn = sum(max(0, t[k] - p[k]) for k in t.keys() | p.keys())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def body_scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    def precision(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r)}


def load(shared: Path, corpus: str, limit: int | None) -> list[dict]:
    """Pages as {id, url, html, body, title, date}."""
    if corpus == "aeb":
        folder = shared / "corpora/extraction/scrapinghub-aeb"
        truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    else:
        folder = shared / "corpora/extraction/naeb"
        truth = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    pages = []
    for key, gold in sorted(truth.items()):
        path = folder / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        pages.append({"id": key, "url": gold.get("url"), "html": html, "body": gold.get("articleBody", ""),
                      "title": gold.get("title"), "date": gold.get("date")})
        if limit and len(pages) >= limit:
            break
    return pages


def trafilatura_default(page):
    import trafilatura

    doc = trafilatura.bare_extraction(page["html"], url=page["url"], with_metadata=True, include_comments=False)
    return _fields(doc)


def trafilatura_precision(page):
    import trafilatura

    doc = trafilatura.bare_extraction(page["html"], url=page["url"], with_metadata=True, include_comments=False,
                                      favor_precision=True)
    return _fields(doc)


def _fields(doc) -> dict:
    if doc is None:
        return {"body": "", "title": None, "date": None}
    return {"body": doc.text or "", "title": doc.title, "date": doc.date}


def cable(page):
    from cable.pipeline.clean_html import read_html_page

    found = read_html_page(page["html"], page["url"])
    return {"body": "\n\n".join(found.paragraphs), "title": found.title, "date": found.published}


EXTRACTORS = {"trafilatura": trafilatura_default, "trafilatura favor_precision": trafilatura_precision,
              "cable": cable}


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


def run(pages: list[dict]) -> dict[str, dict]:
    out = {name: {"counts": [], "seconds": 0.0, "title": 0, "date": 0, "empty": 0, "errors": 0}
           for name in EXTRACTORS}
    for page in pages:
        for name, extract in EXTRACTORS.items():
            row = out[name]
            start = time.perf_counter()
            try:
                got = extract(page)
            except Exception:  # noqa: BLE001 - a benchmark counts failures, it does not stop
                got, row["errors"] = {"body": "", "title": None, "date": None}, row["errors"] + 1
            row["seconds"] += time.perf_counter() - start
            row["counts"].append(tp_fp_fn(page["body"], got["body"]))
            row["empty"] += not got["body"].strip()
            row["title"] += bool(page["title"]) and squash(got["title"]) == squash(page["title"])
            row["date"] += bool(page["date"]) and (got["date"] or "")[:10] == page["date"]
    return out


def rejected_by_policy(pages: list[dict]) -> Counter:
    """How many pages the full clean stage (with its gates) would reject, by reason."""
    from cable.errors import InputError
    from cable.pipeline.clean import clean

    reasons: Counter = Counter()
    for page in pages:
        try:
            clean(page["html"], input=page["id"], url=page["url"])
        except InputError as e:
            reasons[e.code] += 1
    return reasons


def report(corpus: str, pages: list[dict], out: dict[str, dict]) -> None:
    n = len(pages)
    print(f"\n{corpus}: {n} pages")
    print(f"{'extractor':<30} {'P':>6} {'R':>6} {'F1':>6} {'title':>6} {'date':>6} {'empty':>5} {'err':>4} "
          f"{'pages/s':>8}")
    base = out["trafilatura favor_precision"]
    for name, row in out.items():
        s = body_scores(row["counts"])
        title = f"{row['title'] / n:.3f}" if corpus == "naeb" else "-"
        date = f"{row['date'] / n:.3f}" if corpus == "naeb" else "-"
        print(f"{name:<30} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {title:>6} {date:>6} "
              f"{row['empty']:5d} {row['errors']:4d} {n / row['seconds']:8.1f}")
    ours, theirs = body_scores(out["cable"]["counts"]), body_scores(base["counts"])
    print(f"cable / trafilatura favor_precision: F1 {ours['f1'] / theirs['f1']:.3f}x, "
          f"precision {ours['precision'] / theirs['precision']:.3f}x, "
          f"speed {base['seconds'] / out['cable']['seconds']:.2f}x")


def distinct_copies(pages: list[dict], n: int):
    """``n`` (html, input, url) items cycling through ``pages``, each copy made distinct."""
    for i in range(n):
        page = pages[i % len(pages)]
        mark = f'<meta name="soak-copy" content="{i}"><!-- soak copy {i} -->'
        html = page["html"].replace("<head>", "<head>" + mark, 1) if "<head>" in page["html"] else mark + page["html"]
        yield html, f"{page['id']}-{i}", page["url"]


def soak(pages: list[dict], n: int, every: int) -> None:
    """The clean stage over ``n`` distinct pages: RSS every ``every`` pages, then whether it stayed flat."""
    from cable.errors import InputError
    from cable.pipeline.clean import clean

    samples, errors, rejected = {}, 0, 0
    start, cpu = time.perf_counter(), time.process_time()
    for i, (html, name, url) in enumerate(distinct_copies(pages, n), 1):
        try:
            clean(html, input=name, url=url)
        except InputError:
            rejected += 1
        except Exception:  # noqa: BLE001 - a benchmark counts failures, it does not stop
            errors += 1
        if i % every == 0 or i == n:
            samples[i] = rss_mb()
            print(f"{i:>7} pages  {samples[i]:8.1f} MB  {i / (time.process_time() - cpu):6.1f} pages/s (CPU)  "
                  f"{i / (time.perf_counter() - start):6.1f} pages/s (wall)", flush=True)
    mark = min(samples, key=lambda k: abs(k - 2000))
    flat = samples[n] <= 1.10 * samples[mark]
    print(json.dumps({"pages": n, "rss_at_mark_mb": round(samples[mark], 1), "mark": mark,
                      "rss_end_mb": round(samples[n], 1), "flat": flat, "rejected": rejected, "exceptions": errors}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--corpus", choices=["aeb", "naeb"], action="append")
    parser.add_argument("--soak", type=int, metavar="N", help="memory over N pages of the clean stage instead")
    parser.add_argument("--every", type=int, default=1000)
    args = parser.parse_args()
    if args.soak:
        pages = [p for corpus in args.corpus or ["aeb", "naeb"] for p in load(args.shared, corpus, args.limit)]
        if not pages:
            sys.exit(f"no pages found under {args.shared}/corpora/extraction; pass --shared")
        soak(pages, args.soak, args.every)
        return
    for corpus in args.corpus or ["aeb", "naeb"]:
        pages = load(args.shared, corpus, args.limit)
        if not pages:
            sys.exit(f"no pages found under {args.shared}/corpora/extraction; pass --shared")
        cable(pages[0])  # warm up: load tables and caches outside the timing
        report(corpus, pages, run(pages))
        reasons = rejected_by_policy(pages)
        print("full clean stage would reject: " + (", ".join(f"{k} {v}" for k, v in reasons.items()) or "none"))


if __name__ == "__main__":
    main()
