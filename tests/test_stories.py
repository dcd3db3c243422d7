"""Stories: articles about the same episode grouped; related articles; story ids."""

import pytest
from built import build
from pg import pg_server, pg_url  # noqa: F401  (fixtures)

from cable import stories
from cable.store import open_store

PEOPLE = {"Ruritania": ("country", "RUR", None), "Freedonia": ("country", "FRE", None),
          "Ann Lee": ("person", "RUR", "GOV", "foreign minister"), "Bo Park": ("person", "FRE", "GOV", "envoy")}


def summit(day: str, text: str, **kw):
    return build(day, text, PEOPLE, events=[{"plover": "CONSULT", "trigger": kw.pop("trigger", "met"),
                                             "actors": ["Ann Lee"], "recipients": ["Bo Park"], "place": "Geneva"}],
                 **kw)


FIRST = summit("2021-05-03", "Ann Lee of Ruritania met Bo Park of Freedonia in Geneva. Ann Lee spoke of the river "
                             "border. Bo Park said Freedonia wants a survey. Ruritania agreed to a second round.")
SECOND = summit("2021-05-04", "A day after the Geneva round, Ann Lee told Ruritania's parliament that Bo Park had "
                              "offered a survey. Freedonia and Ruritania will meet again, Bo Park said.",
                trigger="round")
FLOOD = build("2021-05-04", "Floods hit Kisumu and the Kenya Red Cross sent boats. Kenya asked for tents.",
              {"Kenya": ("country", "KEN", None), "Kenya Red Cross": ("organization", "KEN", "NGO")},
              events=[{"plover": "AID", "trigger": "sent", "actors": ["Kenya Red Cross"], "place": "Kisumu"}])
LATER = summit("2021-06-20", "Weeks later Ann Lee met Bo Park again, in Geneva, and Ruritania and Freedonia signed "
                             "a river treaty. Ann Lee called it fair.")
PASSING = build("2021-05-04", "Kenya and Uganda opened a rail line at Malaba; Kenya and Uganda hailed it. A Kenya "
                              "official said Ruritania had once offered loans. Uganda thanked Kenya.",
                {"Kenya": ("country", "KEN", None), "Uganda": ("country", "UGA", None),
                 "Ruritania": ("country", "RUR", None)},
                events=[{"plover": "COOPERATE", "trigger": "opened", "actors": ["Kenya", "Uganda"],
                         "place": "Malaba"}])


@pytest.fixture(params=["sqlite", "postgres"])
def store(request):
    s = open_store(request.getfixturevalue("pg_url") if request.param == "postgres" else "memory:")
    for result in (FIRST, SECOND, FLOOD, LATER, PASSING):
        s.write(result)
    yield s
    s.close()


def ids(story):
    return {a["id"] for a in story.articles}


def test_articles_on_the_same_meeting_score_above_the_threshold_and_others_below():
    first, second = stories.features(store_record(FIRST)), stories.features(store_record(SECOND))
    assert stories.score(first, second) >= stories.THRESHOLD
    assert stories.score(first, stories.features(store_record(FLOOD))) < stories.THRESHOLD
    assert stories.score(first, stories.features(store_record(PASSING))) < stories.THRESHOLD  # one passing name
    assert stories.score(first, stories.features(store_record(LATER))) == 0.0  # outside the time window


def store_record(result):
    return result.to_json()


def test_grouping_keeps_one_episode_together_and_apart_from_the_rest(store):
    found = stories.stories(store)
    assert {frozenset(ids(s)) for s in found} == {
        frozenset({FIRST.article.id, SECOND.article.id}), frozenset({FLOOD.article.id}),
        frozenset({LATER.article.id}), frozenset({PASSING.article.id})}
    pair = next(s for s in found if len(s.articles) == 2)
    assert pair.id == f"s-{FIRST.article.id}"  # the first article names the story
    assert (pair.start, pair.end) == ("2021-05-03", "2021-05-04")
    assert {"ann lee", "bo park", "ruritania", "freedonia"} <= set(pair.actors)


def test_story_ids_do_not_depend_on_the_order_of_the_records(store):
    records = [store.article(r.article.id) for r in (PASSING, SECOND, LATER, FIRST, FLOOD)]
    assert sorted(s.id for s in stories.group(records)) == sorted(s.id for s in stories.stories(store))


def test_a_window_lists_only_articles_published_in_it(store):
    found = stories.stories(store, since="2021-06-01")
    assert [ids(s) for s in found] == [{LATER.article.id}]


def test_related_articles_and_the_story_page_query(store):
    related = stories.related(store, FIRST.article.id)
    assert [r["id"] for r in related] == [SECOND.article.id] and related[0]["score"] >= stories.THRESHOLD
    assert stories.related(store, FLOOD.article.id) == []
    assert stories.related(store, "missing") == []
    story = stories.story(store, f"s-{FIRST.article.id}")
    assert story is not None and ids(story) == {FIRST.article.id, SECOND.article.id}
    assert stories.story(store, f"s-{SECOND.article.id}").id == story.id  # any member's id finds it
    assert stories.story(store, "s-missing") is None


def test_names_match_whatever_the_hyphens_and_article():
    assert stories.normal("the Six-Party Talks") == stories.normal("Six Party talks") == "six party talks"
