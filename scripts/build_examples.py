"""Build the bundled example articles from the Wikinews corpus in ../shared.

Wikinews articles are CC BY 2.5 ("Wikinews contributors, en.wikinews.org");
examples/ATTRIBUTION.md names the licence and each file's source page.

    python scripts/build_examples.py [--shared ../shared]

Plain-text files are laid out as saved pages are: the headline, a dateline,
then the body. One article is also written as an HTML page with a menu and
footer around it, so the examples exercise both readers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHOSEN = [  # (page id, file stem)
    ("Cairo_summit_denounces_Turkish-Libyan_maritime_border_agreement", "wikinews-2020-01-11-cairo-summit"),
    ("UK_urges_US_to_waive_immunity_for_diplomat%27s_wife_involved_in_fatal_collision",
     "wikinews-2019-10-10-uk-urges-us-immunity"),
    ("Iran%27s_President_Rouhani_tells_foreign_powers_to_leave_Persian_Gulf", "wikinews-2019-09-23-rouhani-gulf"),
    ("Germany_bans_Mahan_Air_of_Iran,_citing_%27security%27", "wikinews-2019-01-23-germany-bans-mahan-air"),
    ("Kurds_announce_deal_with_Assad%27s_government_as_Turkey_invades_Syria%27s_northeast",
     "wikinews-2019-10-15-kurds-deal-assad"),
]
AS_HTML = "wikinews-2019-10-10-uk-urges-us-immunity"

ATTRIBUTION = """# Example articles

These articles come from English Wikinews (en.wikinews.org), by Wikinews contributors, published under the
Creative Commons Attribution 2.5 licence (https://creativecommons.org/licenses/by/2.5/). Each file's
source page is listed below. They were taken from the 2019-2020 Wikinews collection and laid out as saved pages by
`scripts/build_examples.py`; the HTML page wraps one article in a simple menu and footer.

| file | source |
|---|---|
"""


def dateline(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d:%A}, {d:%B} {d.day}, {d.year}"


def body_paragraphs(text: str, iso: str) -> list[str]:
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    if paras and paras[0] == dateline(iso):
        paras = paras[1:]
    return paras


def as_text(row: dict) -> str:
    paras = body_paragraphs(row["text"], row["date"])
    return "\n\n".join([row["title"], dateline(row["date"]), *paras]) + "\n"


def as_html(row: dict) -> str:
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in body_paragraphs(row["text"], row["date"]))
    title = html.escape(row["title"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - Wikinews</title>
<link rel="canonical" href="{html.escape(row['url'])}">
<meta name="date" content="{row['date']}"></head>
<body>
<nav><ul><li><a href="/">Main page</a></li><li><a href="/wiki/Politics">Politics</a></li>
<li><a href="/wiki/World">World</a></li><li><a href="/wiki/Random">Random article</a></li></ul></nav>
<article><h1>{title}</h1>
<p class="published"><time datetime="{row['date']}">{dateline(row['date'])}</time></p>
{paras}
</article>
<footer><p>This page was last edited by Wikinews contributors. Text is available under the Creative Commons
Attribution 2.5 licence.</p><ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/about">About Wikinews</a></li></ul></footer>
</body></html>
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    rows = {}
    with open(args.shared / "corpora/wikinews-2019-2020/articles.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            rows[row["id"]] = row
    out = ROOT / "examples"
    out.mkdir(exist_ok=True)
    table = []
    for page, stem in CHOSEN:
        row = rows[page]
        name = f"{stem}.html" if stem == AS_HTML else f"{stem}.txt"
        content = as_html(row) if stem == AS_HTML else as_text(row)
        (out / name).write_text(content, encoding="utf-8")
        table.append(f"| `{name}` | {row['url']} |")
    (out / "ATTRIBUTION.md").write_text(ATTRIBUTION + "\n".join(table) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
