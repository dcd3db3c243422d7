"""The dated history of a person's posts: titles from articles merged with the knowledge base."""

from __future__ import annotations

import pytest

from cable.kb import load_kb
from cable.roles import describe, history


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def row(title, organization=None, *, day="2009-10-28", article="x1", source="text"):
    return {"published": day, "article_id": article, "title": title, "organization": organization,
            "source": source}


def test_a_title_the_text_gives_joins_the_post_the_kb_has(kb):
    posts = history([row("Premier", "China"), row("premier", day="2010-03-01", article="x2")],
                    kb, name="Wen Jiabao", country="CHN")
    premier = next(p for p in posts if p.title == "Premier")
    assert (premier.start, premier.end) == (2003, 2012)
    assert premier.sources == ["kb", "text"]
    assert premier.articles == ["x1", "x2"]
    assert (premier.first, premier.last) == ("2009-10-28", "2010-03-01")
    assert "2003-2012" in describe(premier) and "2 articles" in describe(premier)


def test_titles_the_kb_lacks_stand_alone_dated_by_their_articles(kb):
    posts = history([row("head of delegation", "U.S. delegation", day="2009-10-28"),
                     row("head of delegation", "U.S. delegation", day="2009-11-02", article="x2")],
                    kb, name="Ann Example Person", country="USA")
    assert len(posts) == 1
    assert (posts[0].first, posts[0].last, posts[0].sources) == ("2009-10-28", "2009-11-02", ["text"])
    assert describe(posts[0]).startswith("2009-10-28 to 2009-11-02")


def test_titles_the_pipeline_copied_from_the_kb_are_not_counted_as_the_texts(kb):
    posts = history([row("Premier", "China", source="kb")], kb, name="Wen Jiabao", country="CHN")
    assert all(not p.articles and p.sources == ["kb"] for p in posts)


def test_kb_posts_only_in_the_actors_own_country_and_only_for_full_names(kb):
    assert all(p.organization == "United States" for p in history([], kb, name="Sung Kim", country="USA"))
    assert history([], kb, name="Sung Kim", country=None) == []
    assert history([], kb, name="Kim", country="PRK") == []
    assert history([], kb, name="Wen Jiabao", country="USA") == []


def test_history_is_oldest_first(kb):
    posts = history([row("envoy", day="1990-05-01")], kb, name="Wen Jiabao", country="CHN")
    years = [p.start if p.start is not None else int(p.first[:4]) for p in posts]
    assert years == sorted(years) and posts[0].title == "envoy"
