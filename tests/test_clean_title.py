"""The headline of an HTML page: its own <h1> over the metadata title."""

import lxml.html
import pytest

from cable.pipeline.clean_title import page_headline, strip_site_name


def headline(body: str, meta: str | None = None, sites=("Ledger",)) -> str | None:
    return page_headline(lxml.html.fromstring(f"<html><body>{body}</body></html>"), meta, sites)


def test_the_h1_wins_over_a_metadata_title_with_the_site_name():
    body = "<header><h1><a href='/'>Ledger</a></h1></header><article><h1>Hopes rise for a basin deal</h1></article>"
    assert headline(body, "Hopes rise for basin deal, officials say | Ledger") == "Hopes rise for a basin deal"


@pytest.mark.parametrize("logo", ["<h1>Ledger</h1>", "<h1>World News</h1>", "<h1>Ledger News Logo Home</h1>",
                                  "<a href='/'><h1>The Riverside Ledger Online</h1></a>"])
def test_logos_and_section_names_are_passed_over(logo):
    assert headline(logo + "<div><h1>Envoys meet in Geneva for water talks</h1></div>") == \
        "Envoys meet in Geneva for water talks"


def test_an_h1_in_the_article_is_preferred():
    body = "<div><h1>Most read stories this week here</h1></div><main><h1>Talks resume after a long pause</h1></main>"
    assert headline(body) == "Talks resume after a long pause"


def test_kickers_are_dropped():
    assert headline("<h1>Opinion | Let the talks go on without conditions</h1>") == \
        "Let the talks go on without conditions"
    assert headline("<h1>Opinion What the ceasefire asks of both sides</h1>",
                    "Opinion | What the ceasefire asks of both sides") == "What the ceasefire asks of both sides"


def test_without_an_h1_the_metadata_title_is_used_without_the_site_name():
    assert headline("<p>No heading here.</p>", "Talks resume - Ledger") == "Talks resume"
    assert headline("<p>No heading here.</p>", None) is None
    assert strip_site_name("Ledger | Talks resume", ("Ledger",)) == "Talks resume"
