"""The clean stage: plain-text and HTML pages -> article body, metadata and removed boilerplate."""

from __future__ import annotations

import json

import pytest

from cable.errors import EmptyInput, NoArticle, NotEnglish
from cable.pipeline.clean import article_id, clean
import lxml.html

from cable.pipeline.clean_blocks import is_caption
from cable.pipeline.clean_html import extract_body, fallback_may_win, looks_like_html, parse_tree, visible_length
from cable.pipeline.clean_meta import byline_author, is_date_line, outlet_for_domain, parse_date
from cable.pipeline.clean_text import split_paragraphs

from conftest import SEED, SHARED

WIKINEWS = SHARED / "corpora" / "wikinews-2019-2020" / "articles.jsonl"

BODY = [
    "Ministers from the three river states met in a lakeside town on Monday to discuss sharing the water of "
    "the upper basin, a dispute that has simmered for a decade.",
    "The talks ended without a joint statement, but officials on both sides described the mood as calmer "
    "than at any meeting since the drought began.",
    '"We are closer than we have been in years," said Alma Reyes, who chairs the basin commission, adding '
    "that a technical committee would meet again before the rainy season.",
    "Farmers downstream have watched the negotiations closely, since their harvests depend on how much water "
    "is released from the reservoirs each spring.",
]

BIO = [
    "Tomas Berg covers water, energy and regional diplomacy for the paper. He can be reached at "
    "tomas.berg@reuters.com.",
    "Before that, Tomas reported from the coast for a weekly and studied hydrology at a northern university.",
]

CAPTION = "Two fishing boats rest on a dry riverbed near a border post."

TAIL = [
    "More from The Riverside Ledger",
    CAPTION,
    CAPTION,
    "Why Small Dams Matter More Than Big Ones",
    "Engineers say a network of weirs could do what one giant wall cannot.",
    "The Quiet Return of the Salmon",
]


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def column_page() -> str:
    teaser = BODY[0][:90].rsplit(" ", 1)[0] + " ..."
    return page(
        "Basin Watch",
        "Basin Watch follows the politics of water, from village wells to the halls of the capital.",
        "Hopes rise for a deal on the upper basin",
        teaser,
        *BODY,
        *BIO,
        *TAIL,
    )


def kinds(cleaned) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for removed in cleaned.removed:
        out.setdefault(removed.kind, []).append(removed.text)
    return out


# --- plain text: the column page ------------------------------------------------------------


def test_clean_column_page_metadata():
    article = clean(column_page(), input="river.txt").article
    assert article.title == "Hopes rise for a deal on the upper basin"
    assert article.column == "Basin Watch"
    assert article.author == "Tomas Berg"
    assert article.outlet == "The Riverside Ledger"
    assert article.language == "en"
    assert article.published is None


def test_clean_column_page_body_is_the_article_only():
    text = clean(column_page()).article.text
    assert text == "\n\n".join(BODY)


def test_clean_column_page_reports_each_kind():
    removed = kinds(clean(column_page()))
    assert removed["navigation"] == ["Basin Watch", removed["navigation"][1]]
    assert removed["navigation"][1].startswith("Basin Watch follows")
    assert len(removed["teaser"]) == 1 and removed["teaser"][0].endswith("...")
    assert removed["bio"] == BIO
    assert removed["caption"] == [CAPTION]
    assert removed["related"][0] == "More from The Riverside Ledger"
    assert "The Quiet Return of the Salmon" in removed["related"]


def test_clean_outlet_from_bio_email_when_no_heading():
    article = clean(page("Hopes rise for a deal on the upper basin", *BODY, *BIO)).article
    assert article.outlet == "Reuters"
    assert article.author == "Tomas Berg"


def test_clean_outlet_from_url_domain():
    article = clean(page(*BODY), url="https://www.theguardian.com/world/2020/basin").article
    assert article.outlet == "The Guardian"
    assert article.url == "https://www.theguardian.com/world/2020/basin"


def test_clean_ellipsis_teaser_spanning_two_paragraphs():
    teaser = BODY[0] + " " + BODY[1][:40] + "…"
    cleaned = clean(page("Basin talks", teaser, *BODY))
    assert kinds(cleaned)["teaser"] == [teaser]
    assert cleaned.article.text.count(BODY[0]) == 1


def test_clean_keeps_a_closing_paragraph_about_a_person_without_bio_cues():
    last = "Alma Reyes is a farmer's daughter from the delta and has promised to visit every village this year."
    cleaned = clean(page(*BODY, last))
    assert cleaned.article.text.endswith(last)
    assert "bio" not in kinds(cleaned)
    assert cleaned.article.author is None


def test_clean_related_box_inside_the_article_takes_only_its_heading():
    long_a = BODY[0] + " " + BODY[1]
    long_b = BODY[2] + " " + BODY[3]
    cleaned = clean(page(*BODY[:2], "Related", long_a, long_b))
    assert kinds(cleaned)["related"] == ["Related"]
    assert cleaned.article.text.endswith(long_b)


def test_clean_sources_section_goes_as_other():
    cleaned = clean(page(*BODY, "Sources", "Basin commission press office (in Spanish)", "Regional Times"))
    assert kinds(cleaned)["other"] == ["Sources", "Basin commission press office (in Spanish)", "Regional Times"]
    assert cleaned.article.text.endswith(BODY[-1])


# --- plain text: dates, bylines, captions, layout ---------------------------------------------


def test_clean_date_line_on_top_becomes_published_and_leaves_the_body():
    cleaned = clean(page("Friday, January 4, 2019", *BODY))
    assert cleaned.article.published == "2019-01-04"
    assert cleaned.article.text.startswith(BODY[0])
    assert kinds(cleaned)["other"] == ["Friday, January 4, 2019"]


def test_clean_date_line_with_time_and_byline():
    cleaned = clean(page("Hopes rise for a deal on the upper basin", "By Nadia Okafor", "October 28, 2009, 5:31 PM", *BODY))
    assert cleaned.article.published == "2009-10-28"
    assert cleaned.article.author == "Nadia Okafor"
    assert cleaned.article.title == "Hopes rise for a deal on the upper basin"


def test_clean_column_above_a_date_line_and_headline():
    cleaned = clean(page("Basin Watch", "Tuesday, May 4, 2021", "Hopes rise for a deal on the upper basin", *BODY))
    assert cleaned.article.column == "Basin Watch"
    assert cleaned.article.published == "2021-05-04"
    assert cleaned.article.title == "Hopes rise for a deal on the upper basin"
    assert cleaned.article.text == "\n\n".join(BODY)


def test_clean_a_date_line_is_not_a_column():
    article = clean(page("Monday, May 3, 2021", "Hopes rise for a deal on the upper basin", *BODY)).article
    assert article.column is None
    assert article.published == "2021-05-03"


def test_clean_repeated_long_paragraph_keeps_one_copy():
    long = " ".join(BODY)
    cleaned = clean(page(long, long, BODY[0]))
    assert cleaned.article.text == long + "\n\n" + BODY[0]
    assert kinds(cleaned) == {"other": [long]}


def test_clean_dateline_opening_the_body():
    first = "GENEVA, March 3, 2021 — " + BODY[0]
    assert clean(page(first, *BODY[1:])).article.published == "2021-03-03"


def test_clean_never_invents_a_date():
    text = "The commission was founded on June 5, 1998, after a long drought. " + BODY[1]
    assert clean(page(text, *BODY[2:])).article.published is None


def test_clean_picture_credit_is_a_caption():
    credit = "Farmers at a pump station. Image: Lena Marsh."
    cleaned = clean(page(*BODY[:2], credit, *BODY[2:]))
    assert kinds(cleaned)["caption"] == [credit]
    assert credit not in cleaned.article.text


def test_clean_furniture_lines_and_menus():
    cleaned = clean(page("Home", "World", "Politics", "Business", *BODY[:2], "Advertisement", *BODY[2:], "Share this article"))
    removed = kinds(cleaned)
    assert removed["navigation"] == ["Home", "World", "Politics", "Business", "Share this article"]
    assert removed["other"] == ["Advertisement"]
    assert cleaned.article.text == "\n\n".join(BODY)


def test_split_paragraphs_joins_hard_wrapped_lines_only():
    wrapped = "The ministers agreed to meet again in the spring, once\nthe engineers have measured the flow at each of the\nthree gauging stations on the upper river."
    assert split_paragraphs(wrapped) == [" ".join(wrapped.split("\n"))]
    assert split_paragraphs("Basin Watch\nHopes rise\n\nA paragraph.") == ["Basin Watch", "Hopes rise", "A paragraph."]


def test_clean_article_id_ignores_boilerplate_and_spacing():
    a = clean(column_page()).article
    b = clean(page(*(p.replace(" ", "  ") for p in BODY))).article
    assert a.id == b.id == article_id("\n\n".join(BODY))
    assert len(a.id) == 16 and int(a.id, 16) >= 0


# --- metadata helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Friday, January 4, 2019", "2019-01-04"),
        ("October 28, 2009, 5:31 PM", "2009-10-28"),
        ("Updated: Oct. 28, 2009 at 9:05 a.m. EST", "2009-10-28"),
        ("4 January 2019", "2019-01-04"),
        ("2019-01-04", "2019-01-04"),
        ("February 30, 2019", None),
        ("Section 5, 2019", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_is_date_line_only_for_lines_that_are_dates():
    assert is_date_line("Friday, January 4, 2019")
    assert not is_date_line("The dam opened on January 4, 2019")


def test_byline_author_and_outlet_table():
    assert byline_author("By Nadia Okafor and Lee Chan | May 2, 2020") == "Nadia Okafor and Lee Chan"
    assert byline_author("By the river, the town waits") is None
    assert outlet_for_domain("https://en.wikinews.org/wiki/X") == "Wikinews"
    assert outlet_for_domain("mail.example.net") is None


# --- HTML ---------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html lang="en"><head><title>Hopes rise for a basin deal | Riverside Ledger</title>
<meta property="og:title" content="Hopes rise for a basin deal">
<meta name="author" content="Nadia Okafor">
<meta property="article:published_time" content="2021-03-04T10:00:00Z">
<meta property="og:site_name" content="Riverside Ledger">
<link rel="canonical" href="https://ledger.example.org/world/basin-deal">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/water">Water</a></nav>
<article><h1>Hopes rise for a basin deal</h1>
{paragraphs}
<figure><img src="a.jpg"><figcaption>Two boats on a dry riverbed.</figcaption></figure>
</article>
<aside><h3>Read next</h3><ul><li>Why small dams matter</li><li>The salmon return</li></ul></aside>
<footer>Riverside Ledger, all rights reserved</footer>
</body></html>"""


def html_page(paragraphs=BODY) -> str:
    return HTML.format(paragraphs="\n".join(f"<p>{p}</p>" for p in paragraphs))


def test_clean_html_body_and_metadata():
    article = clean(html_page(), input="basin.html").article
    assert article.text == "\n\n".join(BODY)
    assert article.title == "Hopes rise for a basin deal"
    assert article.author == "Nadia Okafor"
    assert article.published == "2021-03-04"
    assert article.outlet == "Riverside Ledger"
    assert article.url == "https://ledger.example.org/world/basin-deal"
    assert article.language == "en"


def test_clean_html_reports_furniture():
    removed = kinds(clean(html_page()))
    assert removed["navigation"] == ["Home World Water"]
    assert removed["caption"] == ["Two boats on a dry riverbed."]
    assert removed["related"] == ["Read next Why small dams matter The salmon return"]
    assert removed["other"] == ["Riverside Ledger, all rights reserved"]


def test_clean_html_url_argument_wins():
    assert clean(html_page(), url="https://other.example.com/a").article.url == "https://other.example.com/a"


def test_looks_like_html():
    assert looks_like_html(html_page())
    assert looks_like_html("<div><p>One.</p><p>Two.</p></div>")
    assert not looks_like_html(page(*BODY, "Tags like <p> are written in angle brackets."))


def test_clean_html_menu_only_page_has_no_article():
    menu = "".join(f'<li><a href="/{w}">{w}</a></li>' for w in ("Home", "World", "Sport", "Culture", "Weather"))
    with pytest.raises(NoArticle, match="no article text found in menu.html"):
        clean(f"<!DOCTYPE html><html><body><nav><ul>{menu}</ul></nav></body></html>", input="menu.html")


def test_clean_html_body_is_trafilaturas_favor_precision_text():
    import trafilatura

    html = html_page()
    theirs = trafilatura.bare_extraction(html, include_comments=False, favor_precision=True).text
    assert extract_body(parse_tree(html), None) == theirs


def test_a_page_the_main_pass_finds_little_on_is_recovered_as_trafilatura_does():
    import trafilatura

    html = (f"<html><body><div class='wrap'><span>{BODY[0]}</span><div>{BODY[1][:60]}</div></div>"
            f"<table><tr><td>{BODY[2]}</td></tr></table></body></html>")
    theirs = trafilatura.bare_extraction(html, include_comments=False, favor_precision=True).text
    assert extract_body(parse_tree(html), None) == theirs
    assert BODY[0] in theirs


def test_fallbacks_run_only_where_they_could_replace_the_text():
    text = " ".join(BODY)
    body = lxml.html.fromstring("<body>" + "".join(f"<p>{p}</p>" for p in BODY) + "</body>")

    def page_of(extra: int) -> int:
        page = lxml.html.fromstring(f"<div><p>{text}</p>{'<p>More words on the page.</p>' * extra}</div>")
        return visible_length(page)

    assert not fallback_may_win(body, text, page_of(0), 250)
    assert fallback_may_win(body, text, page_of(40), 250)  # the page holds over twice the text
    assert fallback_may_win(body, text[:200], page_of(0), 250)  # short: justext may add to it
    listing = lxml.html.fromstring("<body><list><item>" + text + "</item></list></body>")
    assert fallback_may_win(listing, text, page_of(0), 250)  # no paragraph text


def test_visible_length_squashes_whitespace():
    assert visible_length(lxml.html.fromstring("<div>  two   words <p>\n and\tthree </p></div>")) == len(
        "two words and three"
    )


def test_a_long_paragraph_ending_in_a_credit_is_not_a_caption_but_a_short_one_is():
    credit = " (Photo by Lena Marsh)"
    assert is_caption("Boats wait on the dry riverbed near the dam." + credit)
    assert not is_caption(" ".join(BODY) + credit)


# --- errors -------------------------------------------------------------------------------------


def test_clean_empty_input():
    with pytest.raises(EmptyInput, match="blank.txt is empty"):
        clean(" \n\t\n", input="blank.txt")


def test_clean_short_page_has_no_article():
    with pytest.raises(NoArticle) as info:
        clean(page("Sign in", "Email", "Password", "Forgot your password?"), input="login.txt")
    message = str(info.value)
    assert "login.txt" in message and "characters of text after removing boilerplate" in message
    assert "give a page that contains an article" in message and "\n" not in message


def test_clean_page_without_sentences_has_no_article():
    items = [f"Section number {i} of the site map" for i in range(12)]
    with pytest.raises(NoArticle, match="but no sentences"):
        clean("\n".join(items))


def test_clean_min_text_chars_setting():
    from cable.settings import Settings

    with pytest.raises(NoArticle, match="fewer than 5000"):
        clean(page(*BODY), settings=Settings.load({"min_text_chars": 5000}, env={}))


def test_clean_rejects_a_page_that_is_not_english():
    spanish = [
        "Los ministros de los tres estados se reunieron el lunes en un pueblo junto al lago para hablar del agua.",
        "Las conversaciones terminaron sin una declaración conjunta, pero los funcionarios dijeron que el ambiente "
        "era más tranquilo que en cualquier reunión desde que empezó la sequía.",
        "Los agricultores siguen las negociaciones con atención, porque sus cosechas dependen del agua que se "
        "libera de los embalses cada primavera.",
    ]
    with pytest.raises(NotEnglish) as info:
        clean(page(*spanish), input="rio.txt")
    message = str(info.value)
    assert "rio.txt" in message and "English function words" in message and "\n" not in message
    assert "it looks like Spanish (es)" in message


def test_a_page_in_another_script_is_named_too():
    russian = ["Министры иностранных дел двух стран встретились в понедельник в столице, чтобы обсудить договор о "
               "границе и будущие переговоры о воде, заявили официальные лица после встречи." * 2]
    with pytest.raises(NotEnglish, match=r"Russian \(ru\)"):
        clean(page(*russian), input="ru.txt")


# --- the seed and real news -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_cleaned():
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (set CABLE_SHARED to the shared folder)")
    return clean(SEED.read_text(encoding="utf-8"), input=str(SEED))


def test_clean_seed_metadata(seed_cleaned):
    article = seed_cleaned.article
    assert article.title.startswith("Low expectations")
    assert article.author == "Josh Rogin"
    assert article.column == "The Cable"
    assert article.outlet == "Foreign Policy"
    assert article.language == "en"
    assert article.published is None


def test_clean_seed_body(seed_cleaned):
    text = seed_cleaned.article.text
    assert text.startswith("Don’t expect huge progress")
    assert text.count("Don’t expect huge progress") == 1
    assert text.rstrip().endswith("Donald Zagoria.")
    assert "More from" not in text
    assert all(bio not in text for bio in kinds(seed_cleaned)["bio"])


def test_clean_seed_removed_kinds(seed_cleaned):
    removed = kinds(seed_cleaned)
    assert len(removed["teaser"]) == 1 and removed["teaser"][0].startswith("Don’t expect")
    assert removed["navigation"][0] == "The Cable"
    assert len(removed["bio"]) >= 3 and removed["bio"][0].startswith("Josh Rogin covers")
    assert removed["related"][0] == "More from Foreign Policy"
    assert len(removed["caption"]) >= 3
    assert all(c not in seed_cleaned.article.text for c in removed["caption"])


def wikinews(n: int) -> list[dict]:
    if not WIKINEWS.exists():
        pytest.skip(f"Wikinews corpus not found at {WIKINEWS}")
    with WIKINEWS.open(encoding="utf-8") as lines:
        return [json.loads(line) for _, line in zip(range(n), lines)]


def test_clean_wikinews_dateline_becomes_published():
    for item in wikinews(12):
        article = clean(item["text"], input=item["id"], url=item["url"]).article
        assert article.published == item["date"]
        assert not article.text.startswith(item["text"].split("\n")[0].strip())
        assert article.outlet == "Wikinews"
        assert article.text.split("\n\n")[0] in item["text"]


def test_clean_has_sentence_needs_words_before_the_full_stop():
    from cable.pipeline.clean import has_sentence

    assert has_sentence("The envoy met the minister in Oslo.")
    assert has_sentence("外交部长今天在北京会见了美国国务卿。")
    assert not has_sentence("Home. News. World. Log in.")
    assert not has_sentence(" ".join(["word"] * 50_000))


def test_clean_rejects_text_longer_than_one_article():
    from cable.errors import InputTooLarge
    from cable.settings import Settings

    page = "The delegations met in Geneva and agreed to continue the talks next week. " * 40
    with pytest.raises(InputTooLarge, match="more than the 1,000 that one article may have"):
        clean(page, input="long.txt", settings=Settings.load({"max_text_chars": 1000}))


# --- HTML: trafilatura's chrome XPaths read in Python ----------------------------------------

CHROME_PAGE = """<html><head><title>t</title></head><body>
<div id="reply-1" class="post">a</div><div class="reply-box" id="main">b</div>
<div class="x" id="reply-2">c</div><span style="color:red" id="was-hidden">d</span>
<p id="plain" style="hidden-ish">e</p><div aria-hidden="true">f</div><div style="display: none">g</div>
<section class="site-footer">h</section><div id="cookie-bar" class="notice">i</div>
<div class="cookie-notice" id="consent">j</div><div role="Navigation">k</div>
<div data-lp-replacement-content="">l</div><div data-component="MostPopularStories">m</div>
<div class="page bottom" id="z">n</div><div id="link" class="bottom-bar">o</div><p style="border:1px">p</p>
<div id="comments-1">q</div><ul class="comment-list">r</ul><ol id="commentary">s</ol>
<div class="article-comments">t</div><div id="disqus_thread">u</div>
<section class="infinite-scroll"><h1>v</h1></section><aside class="infinite-scroll">w</aside>
<div class="mvp-post-add-box"><h1>x</h1></div><div class="elementor-share-buttons">y</div>
<article class="story"><div class="article-body"><p class="byline author-name">By Ana Ruiz</p>
<span rel="author">Ana Ruiz</span><address class="writer">A R</address><h4 class="posted-by">P</h4>
<span itemprop="author">Q</span><a class="title">T</a><time>now</time></div></article>
<div class="entry" id="second">z</div></body></html>"""


def _chrome_pairs():
    from trafilatura import xpaths

    from cable.pipeline import clean_prune as prune

    return [
        (prune.RAW_TREE_PRUNE, xpaths.RAW_TREE_PRUNE_XPATH),
        (prune.COMMENTS_AND_LISTS, xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH),
        (prune.COMMENTS, xpaths.REMOVE_COMMENTS_XPATH),
        (prune.OVERALL_DISCARD, xpaths.OVERALL_DISCARD_XPATH),
        (prune.AUTHOR, xpaths.AUTHOR_XPATHS),
        ([prune.selector(prune.BLOCKS, prune.is_page_bottom)], xpaths.PRECISION_DISCARD_XPATH[1:]),
        ([prune.selector(("a", "div", "section", "span"), prune.is_not_author)], xpaths.AUTHOR_DISCARD_XPATHS[:1]),
    ]


def test_chrome_selectors_pick_what_trafilaturas_xpaths_pick():
    for ours, theirs in _chrome_pairs():
        for select, xpath in zip(ours, theirs, strict=True):
            tree = parse_tree(CHROME_PAGE)
            assert select(tree) == xpath(tree), xpath.path
    tree = parse_tree(CHROME_PAGE)
    hidden = [e.text for e in _chrome_pairs()[3][0][1](tree)]
    assert hidden == ["a", "b", "f", "g"]  # "reply-" in whichever of id/class comes first; "hidden" likewise


def test_article_body_selector_finds_the_first_match_as_trafilatura_does():
    from trafilatura.xpaths import BODY_XPATH

    from cable.pipeline.clean_prune import first_article_body

    tree = parse_tree(CHROME_PAGE)
    assert first_article_body(tree) == BODY_XPATH[0](tree)[:1]
    assert first_article_body(tree)[0].get("id") == "reply-1"  # class="post", the first in page order


def test_one_walk_prunes_as_the_selectors_in_turn_do():
    from trafilatura.htmlprocessing import prune_unwanted_nodes

    from cable.pipeline import clean_prune as prune

    def pruned(*nodelists) -> str:
        tree = parse_tree(CHROME_PAGE)
        for nodelist in nodelists:
            tree = prune_unwanted_nodes(tree, nodelist)
        return lxml.html.tostring(tree, encoding="unicode")

    assert pruned(prune.RAW_TREE_PRUNE_AND_COMMENTS) == pruned(prune.RAW_TREE_PRUNE, prune.COMMENTS_AND_LISTS)
    assert pruned(prune.OVERALL_DISCARD_ONE_WALK) == pruned(prune.OVERALL_DISCARD)
    kept = pruned(prune.RAW_TREE_PRUNE_AND_COMMENTS)
    assert "<h1>v</h1>" in kept and ">w<" not in kept and "share-buttons" not in kept and "disqus" not in kept


def test_page_is_parsed_as_trafilatura_parses_it():
    from trafilatura.utils import load_html

    page = CHROME_PAGE.replace("<p id=\"plain\"", "<p id=\"plain\">\x0b\x1f<form><input name=q></form></p><p")
    ours, theirs = parse_tree(page), load_html(page)
    assert lxml.html.tostring(ours) == lxml.html.tostring(theirs)
    assert isinstance(ours.find(".//form"), lxml.html.HtmlElement)


def test_json_ld_is_read_as_trafilatura_reads_it():
    from trafilatura.json_metadata import normalize_json as theirs
    from trafilatura.metadata import JSON_MINIFY

    from cable.pipeline.clean_html import _JsonMinify, normalize_json

    for text in ['{ "a" : "b c\\" d" ,\n\t"e":\u00a0[1, 2] }', '"open \\ "', ' {"x\\u0041\\ud83d": "<b>y</b> &amp;"}']:
        assert _JsonMinify().sub(r"\1", text) == JSON_MINIFY.sub(r"\1", text)
        assert normalize_json(text) == theirs(text)


def test_chrome_selectors_use_trafilaturas_own_patterns():
    from trafilatura import xpaths

    from cable.pipeline import clean_prune as prune

    overall = xpaths.OVERALL_DISCARD_XPATH
    assert f"re:test(@class, '{prune._CHROME_CLASS.pattern}')" in overall[0].path
    assert f"re:test(@class, '{prune._HIDDEN_CLASS.pattern}')" in overall[1].path
    assert f"re:test(@class, '{prune._COMMENT_CLASS.pattern}')" in xpaths.REMOVE_COMMENTS_XPATH[0].path
    assert f"re:test(@class, '{prune._ARTICLE_CLASS.pattern}')" in xpaths.BODY_XPATH[0].path
    assert f"re:test(@class, '{prune._NOT_AUTHOR_CLASS.pattern}')" in xpaths.AUTHOR_DISCARD_XPATHS[0].path
    assert any(f"re:test(@id, '{prune._CHROME_ID.pattern}')" in x.path for x in overall)


# --- HTML: the publication date ---------------------------------------------------------------


def date_page(head: str, body: str = "<p>Text of the story.</p>") -> str:
    return f"<html><head><title>t</title>{head}</head><body><article>{body}</article></body></html>"


def publication_day(html: str, url: str | None = None) -> str | None:
    from cable.pipeline.clean_date import publication_date

    return publication_date(parse_tree(html), url)


def test_a_utc_stamp_gives_way_to_the_same_instant_in_the_publishers_time():
    utc = '<meta property="article:published_time" content="2023-12-23T03:22:07Z">'
    local = '<time datetime="2023-12-22T22:22:07-05:00">Dec 22</time>'
    assert publication_day(date_page(utc, local)) == "2023-12-22"
    other_instant = '<time datetime="2023-12-22T20:00:00-05:00">Dec 22</time>'
    assert publication_day(date_page(utc, other_instant)) == "2023-12-23"


def test_a_declared_publication_stamp_outranks_a_creation_date():
    created = '<meta name="dc.date" content="2023-12-18">'
    article = {"@type": "NewsArticle", "datePublished": "2023-12-19T05:00:54-05:00"}
    script = f'<script type="application/ld+json">{json.dumps(article)}</script>'
    assert publication_day(date_page(created + script)) == "2023-12-19"
    image = json.dumps({"@type": "ImageObject", "datePublished": "2023-12-19T05:00:54-05:00"})
    assert publication_day(date_page(created + f'<script type="application/ld+json">{image}</script>')) == "2023-12-18"


def test_a_plain_url_date_comes_first_an_uncertain_one_after_the_metadata():
    meta = '<meta property="article:published_time" content="2023-12-22T18:54:30Z">'
    assert publication_day(date_page(meta), "https://example.com/local/2023/12/16/officers-join") == "2023-12-16"
    assert publication_day(date_page(meta), "https://example.com/local/2023/12/16-new-officers") == "2023-12-22"
    assert publication_day(date_page(meta), "https://example.com/world/2023/dec/16/officers") == "2023-12-22"
    assert publication_day(date_page(""), "https://example.com/world/2023/dec/16/officers") == "2023-12-16"


def test_no_date_is_read_from_the_running_text():
    body = "<p>The council met on 2018-08-25 and voted to close the bridge for repairs.</p>"
    assert publication_day(date_page("", body)) is None


@pytest.mark.parametrize("name", ["CONTROL", "INVALID_XML"])
def test_a_character_pattern_looks_for_exactly_the_characters_its_pattern_removes(name):
    from cable.pipeline import clean_html
    from cable.pipeline.clean import CONTROL

    found = {"CONTROL": CONTROL, "INVALID_XML": clean_html.INVALID_XML}[name]
    assert {chr(c) for c in range(0x10000) if found.pattern.match(chr(c))} == set(found.chars)
    assert found.sub("", "a\x01b") == "ab" and found.sub("", "plain text") == "plain text"
