"""Tracked processes: members, status history from events, stated preconditions."""

import pytest
from built import build
from pg import pg_server, pg_url  # noqa: F401  (fixtures)

from cable import processes
from cable.brief import process_line
from cable.records import Title
from cable.store import open_store

ACTORS = {"Freedonia": ("country", "FRE", None), "Ruritania": ("country", "RUR", None),
          "Lakeside Talks": ("process", None, None)}

WALKOUT = build(
    "2021-03-01",
    "Freedonia withdrew from the Lakeside Talks in February. Ruritania will only sit down again if Freedonia "
    "first frees the fishermen and returns to the Lakeside Talks. Otto Brand, head of the Ruritania delegation "
    "to the Lakeside Talks, waited in vain.",
    ACTORS | {"Otto Brand": ("person", "RUR", "GOV", Title("head of delegation",
                                                           "Ruritania delegation to the Lakeside Talks"))},
    events=[{"plover": "SANCTION", "mode": "withdraw", "cameo": "164", "trigger": "withdrew",
             "actors": ["Freedonia"], "recipients": ["Lakeside Talks"], "date": ("February", "2021-02-01",
                                                                                 "2021-02-28")}],
    stances=[("Ruritania", "the talks", "will only sit down again if Freedonia first frees the fishermen and "
                                        "returns to the Lakeside Talks", "conditional")])
RETURN = build(
    "2021-06-10",
    "Freedonia rejoined the Lakeside talks on Tuesday after months away. Ruritania said the talks could resume "
    "in earnest. \"The Lakeside talks are back on track,\" said Mia Sol, a Ruritanian envoy.",
    {"Freedonia": ("country", "FRE", None), "Ruritania": ("country", "RUR", None),
     "Lakeside talks": ("process", None, None), "Mia Sol": ("person", "RUR", "GOV", "envoy")},
    events=[{"plover": "AGREE", "trigger": "rejoined", "actors": ["Freedonia"], "recipients": ["Lakeside talks"],
             "date": ("Tuesday", "2021-06-08", "2021-06-08")},
            {"plover": "AGREE", "trigger": "resume", "actors": ["Lakeside talks"], "status": "hypothetical"}],
    quotes=[("Mia Sol", "The Lakeside talks are back on track,", "Ruritanian envoy")])


@pytest.fixture(params=["sqlite", "postgres"])
def store(request):
    s = open_store(request.getfixturevalue("pg_url") if request.param == "postgres" else "memory:")
    s.write(WALKOUT)
    s.write(RETURN)
    yield s
    s.close()


def event(trigger, status="occurred", mode=None, cameo=None):
    return {"trigger": {"text": trigger}, "status": status, "mode": mode, "cameo": cameo}


def test_status_changes_come_from_occurred_events_only():
    assert processes.status_change(event("withdrew")) == ("suspended", "withdrawn", "withdrawal")
    assert processes.status_change(event("resumed"))[0] == "resumed"
    assert processes.status_change(event("recommits"))[0] == "recommitted"
    assert processes.status_change(event("left", mode="withdraw"))[0] == "suspended"  # by PLOVER mode
    assert processes.status_change(event("broke", cameo="164"))[0] == "suspended"  # by CAMEO code
    assert processes.status_change(event("resume", status="hypothetical")) is None
    assert processes.status_change(event("praised")) is None


def test_a_process_history_across_articles(store):
    (talks,) = [p for p in processes.processes(store) if p.kind == "process"]
    assert talks.name in ("Lakeside Talks", "Lakeside talks")  # two spellings, one process
    assert [(c.status, c.parties, (c.date or {}).get("start")) for c in talks.history] == [
        ("suspended", ["Freedonia"], "2021-02-01"), ("resumed", ["Freedonia"], "2021-06-08")]
    assert talks.status == "resumed"
    assert set(talks.articles) == {WALKOUT.article.id, RETURN.article.id}
    first = talks.history[0].evidence
    assert (first.article_id, first.record_id) == (WALKOUT.article.id, "e1")
    assert WALKOUT.article.text[first.start:first.end].startswith("Freedonia withdrew")


def test_members_and_preconditions(store):
    talks = processes.process(store, "the lakeside-talks")
    assert "Freedonia" in talks.members
    assert "Otto Brand" in talks.members  # his title names the process
    (condition,) = talks.positions
    assert (condition.holder, condition.polarity) == ("Ruritania", "conditional")
    assert condition.evidence.record_id == "s1"
    (remark,) = talks.remarks
    assert (remark.speaker, remark.title, remark.evidence.record_id) == ("Mia Sol", "Ruritanian envoy", "q1")
    assert processes.process(store, "Harbour Forum") is None


def test_the_status_line_says_since_when():
    talks = processes.follow("lakeside talks", "Lakeside Talks", "process", [WALKOUT.to_json()])
    assert process_line(talks).text == "Lakeside Talks: suspended since Freedonia's withdrawal in February 2021."
    again = processes.follow("lakeside talks", "Lakeside Talks", "process", [WALKOUT.to_json(), RETURN.to_json()])
    assert process_line(again).text == "Lakeside Talks: resumed since Freedonia's return on 8 June 2021."
