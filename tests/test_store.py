import sqlite3

import pytest

from cable.errors import StoreError
from cable.records import Actor, Article, DateRef, Event, Location, Quote, Rejection, Result, Span
from cable.store import open_store

TEXT = "Ministers of Ruritania met envoys of Freedonia in Geneva on Monday. \"We agreed,\" said Ann Lee."


def make_result(article_id="abc123", text=TEXT, input="a.txt"):
    article = Article(article_id, "Talks", "A. Writer", "The Paper", None, "2020-03-04", None, "en", text)
    ru = Actor("a1", "Ruritania", "country", "RUR", None, "RUR", mentions=[Span(13, 22, "Ruritania")])
    fr = Actor("a2", "Freedonia", "country", "FRE", "GOV", "FREGOV", mentions=[Span(37, 46, "Freedonia")])
    lee = Actor("a3", "Ann Lee", "person", "FRE", "GOV", "FREGOV", mentions=[Span(85, 92, "Ann Lee")])
    event = Event("e1", "CONSULT", None, [], "040", 1, 1.0, ["a1"], ["a2"],
                  Location("Geneva", "CHE", 46.2, 6.1), DateRef("Monday", "2020-03-02", "2020-03-02"),
                  "occurred", Span(23, 26, "met"), (0, 67), 0.9)
    quote = Quote("q1", "We agreed,", 69, 79, "direct", Span(80, 84, "said"), Span(85, 92, "Ann Lee"),
                  "a3", "Ann Lee", None, 0.9)
    return Result(article, [], [ru, fr, lee], [event], [quote], [], [], input=input)


@pytest.fixture(params=["memory", "file"])
def store(request, tmp_path):
    target = "memory:" if request.param == "memory" else str(tmp_path / "t.db")
    s = open_store(target)
    yield s
    s.close()


def test_store_write_is_idempotent(store):
    assert store.write(make_result()).status == "stored"
    assert store.write(make_result()).status == "unchanged"
    assert store.counts()["articles"] == 1
    assert store.counts()["events"] == 1
    assert store.write(make_result(), replace=True).status == "replaced"
    assert store.counts() == {"articles": 1, "actors": 3, "events": 1, "quotes": 1, "stances": 0,
                                   "forecasts": 0, "rejections": 0}


def test_store_events_filters(store):
    store.write(make_result())
    store.write(make_result("other", text=TEXT.replace("Geneva", "Lisbon")))
    assert len(store.events()) == 2
    assert store.events(actor="Freedon")[0]["recipient_names"] == ["Freedonia"]
    assert store.events(actor="FREGOV") and not store.events(actor="Nowhere")
    assert len(store.events(country="rur")) == 2 and not store.events(country="USA")
    assert store.events(type="CONSULT") and store.events(type="04") and not store.events(type="REJECT")
    assert store.events(since="2020-03-01", until="2020-03-02") and not store.events(since="2020-03-03")
    assert not store.events(status="planned")


def test_store_actors_merge_across_articles(store):
    store.write(make_result())
    store.write(make_result("other", text=TEXT + " More."))
    rows = store.actors(name="Lee")
    assert rows == [{"name": "Ann Lee", "kind": "person", "country": "FRE", "sector": "GOV", "code": "FREGOV",
                     "articles": 2, "mentions": 2, "titles": []}]
    assert [r["name"] for r in store.actors(country="fre", kind="country")] == ["Freedonia"]


def test_store_quotes_by_speaker_and_country(store):
    store.write(make_result())
    (q,) = store.quotes(speaker="Lee")
    assert q["text"] == "We agreed," and q["speaker_country"] == "FRE"
    assert not store.quotes(country="RUR")


def test_store_failed_write_leaves_nothing_half_written(store):
    bad = make_result()
    bad.quotes.append(bad.quotes[0])  # duplicate primary key: the insert fails midway
    with pytest.raises(sqlite3.IntegrityError):
        store.write(bad)
    assert store.counts()["articles"] == 0 and store.counts()["events"] == 0
    assert store.write(make_result()).status == "stored"


def test_store_records_rejections_and_clears_them_on_success(store):
    store.reject(Rejection("a.txt", "read", "empty", "a.txt: is empty"))
    store.reject(Rejection("a.txt", "read", "empty", "a.txt: is empty"))
    assert [r["code"] for r in store.rejections()] == ["empty"]
    store.write(make_result(input="a.txt"))
    assert store.rejections() == []


def test_store_roundtrips_unicode_offsets(store):
    text = "Le ministre s\u2019est rendu \u00e0 P\u00e9kin \U0001F30F. " + TEXT
    store.write(make_result("u1", text=text))
    stored = store.article("u1")
    assert stored["article"]["text"] == text


def test_open_store_rejects_unknown_scheme():
    with pytest.raises(StoreError, match="unknown store 'mysql'"):
        open_store("mysql://x")


def test_open_store_reports_unopenable_file(tmp_path):
    with pytest.raises(StoreError, match="cannot open the SQLite store"):
        open_store(str(tmp_path / "missing-dir" / "x.db"))


def result_with_forecasts(article_id="fc1"):
    from cable.records import Forecast

    result = make_result(article_id=article_id)
    result.forecasts = [Forecast("f1", "a3", "Ann Lee", "the talks resume", "likely", 0.75, 0, 10, 0.8),
                        Forecast("f2", None, None, "a deal is signed", "little chance", 0.1, 11, 20, 0.7)]
    return result


def test_store_records_forecast_outcomes_and_lists_them(store):
    store.write(result_with_forecasts())
    assert [(f["key"], f["outcome"]) for f in store.forecasts()] == [("fc1:f1", None), ("fc1:f2", None)]
    store.record_outcome("fc1:f2", 0, resolved_on="2020-06-01", note="no deal")
    store.record_outcome("fc1:f2", 1, resolved_on="2020-07-01")  # a second record replaces the first
    (resolved,) = store.forecasts(resolved=True)
    assert (resolved["key"], resolved["outcome"], resolved["resolved_on"], resolved["note"]) == (
        "fc1:f2", 1, "2020-07-01", None)
    assert [f["key"] for f in store.forecasts(resolved=False)] == ["fc1:f1"]
    assert [f["key"] for f in store.forecasts(holder="Ann")] == ["fc1:f1"]
    assert store.counts()["forecasts"] == 2


def test_store_outcome_needs_a_stored_forecast_and_a_0_or_1(store):
    store.write(result_with_forecasts())
    with pytest.raises(StoreError, match="no stored forecast"):
        store.record_outcome("fc1:f9", 1)
    with pytest.raises(StoreError, match="0 .* or 1"):
        store.record_outcome("fc1:f1", 2)
