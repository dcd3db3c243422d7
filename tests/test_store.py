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
    store.write(make_result("other", text=TEXT + " Officials from both sides said a second round of talks would"
                                              " follow in the spring, and that the agenda was not yet fixed."))
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


WIRE = ("The foreign ministers of Egypt, Greece and Cyprus met in Cairo on Wednesday and denounced the maritime deal "
        "signed by Turkey and Libya, saying it had no legal effect. The ministers said the accord violated the rights "
        "of third states in the eastern Mediterranean and called on the European Union to act.")


def wire_result(article_id, text=WIRE, url=None, input="w.txt"):
    result = make_result(article_id, text=text, input=input)
    result.article.url = url
    return result


def test_a_near_duplicate_is_linked_not_stored(store):
    assert store.write(wire_result("w1", input="wire.txt")).status == "stored"
    edited = WIRE.replace("on Wednesday", "on Wednesday, officials said,")
    outcome = store.write(wire_result("w2", text=edited, input="copy.txt"))
    assert (outcome.status, outcome.article_id) == ("duplicate", "w1")
    assert store.counts()["articles"] == 1
    (link,) = store.duplicates()
    assert (link["input"], link["duplicate_of"], link["kind"]) == ("copy.txt", "w1", "near")
    assert link["similarity"] >= 0.8
    other = "Heavy rain flooded the valley overnight and rescue teams evacuated hundreds of families, the governor said."
    assert store.write(wire_result("w3", text=other, input="rain.txt")).status == "stored"


def test_the_same_canonical_url_is_one_article(store):
    url = "https://news.example.org/2020/01/cairo"
    assert store.write(wire_result("u1", url=url, input="https://m.example.org/a")).status == "stored"
    changed = "Updated: " + WIRE.replace("Cyprus", "Cyprus, with France observing,").replace("act.", "act now.")
    outcome = store.write(wire_result("u2", text=changed, url=url, input="https://www.example.org/a?ref=rss"))
    assert (outcome.status, outcome.article_id) == ("duplicate", "u1")
    assert store.duplicates()[0]["kind"] == "url"


def test_replace_re_signs_the_article(store):
    store.write(wire_result("w1"))
    assert store.write(wire_result("w1"), replace=True).status == "replaced"
    assert store.db.execute("SELECT count(*) FROM signatures").fetchone()[0] == 1


def test_a_schema_1_store_is_brought_up_to_date(tmp_path):
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        INSERT INTO meta VALUES ('schema_version', '1');
        CREATE TABLE articles (id TEXT PRIMARY KEY, input TEXT, title TEXT, author TEXT, outlet TEXT,
            column_name TEXT, published TEXT, url TEXT, language TEXT, text TEXT NOT NULL, record TEXT NOT NULL,
            ingested_at TEXT NOT NULL);
        CREATE TABLE events (article_id TEXT NOT NULL, id TEXT NOT NULL, plover TEXT, mode TEXT, cameo TEXT,
            quad_class INTEGER, goldstein REAL, status TEXT, location TEXT, location_country TEXT, date_text TEXT,
            date_start TEXT, date_end TEXT, trigger TEXT, sentence TEXT, confidence REAL, record TEXT NOT NULL,
            PRIMARY KEY (article_id, id));
        INSERT INTO articles VALUES ('a', 'x', 't', NULL, NULL, NULL, '2020-01-05', NULL, 'en', 'text', '{}', 'now');
        INSERT INTO events VALUES ('a', 'e1', 'CONSULT', NULL, '040', 1, 1.0, 'occurred', NULL, NULL, NULL, NULL,
            NULL, 'met', '{}', 0.8, '{}');
    """)
    con.commit()
    con.close()
    with open_store(str(path)) as store:
        assert store.db.execute("SELECT sort_date FROM events").fetchone()[0] == "2020-01-05"
        assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "4"


def test_full_text_search_and_exact_actor_names(store):
    store.write(make_result())
    store.write(wire_result("w1", input="wire.txt"))
    assert [r["id"] for r in store.search("maritime Cyprus")] == ["w1"]
    assert [r["id"] for r in store.search('Geneva "envoys')] == ["abc123"]  # quotes in the query are plain
    assert store.search("maritime Geneva") == [] and store.search("   ") == []
    assert [e["id"] for e in store.events(actor_name="Freedonia")] == ["e1", "e1"]
    assert store.events(actor_name="Freedon") == []
    store.write(wire_result("w1", input="wire.txt"), replace=True)
    assert [r["id"] for r in store.search("maritime")] == ["w1"]  # the index follows a replace
