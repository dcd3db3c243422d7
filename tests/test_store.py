import sqlite3

import pytest
from pg import pg_server, pg_url  # noqa: F401  (fixtures)

from cable.errors import BadDate, StoreError
from cable.records import Actor, Article, DateRef, Event, Location, Quote, Rejection, Result, Span, Stance
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


@pytest.fixture(params=["memory", "file", "postgres"])
def store(request, tmp_path):
    """The same tests on each backend: in-memory SQLite, a SQLite file, a PostgreSQL schema."""
    if request.param == "postgres":
        target = request.getfixturevalue("pg_url")
    else:
        target = "memory:" if request.param == "memory" else str(tmp_path / "t.db")
    s = open_store(target)
    yield s
    s.close()


def integrity_errors() -> tuple[type[Exception], ...]:
    """A failed constraint, as either backend raises it."""
    try:
        import psycopg
    except ImportError:
        return (sqlite3.IntegrityError,)
    return (sqlite3.IntegrityError, psycopg.IntegrityError)


def count_rows(store, table: str) -> int:
    return store.sql.one(f"SELECT count(*) AS n FROM {table}")["n"]


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


def test_each_event_reads_every_event_in_batches_as_events_orders_them(store, monkeypatch):
    import cable.store.common as common

    monkeypatch.setattr(common, "EVENTS_READ", 2)
    for n, city in enumerate(["Geneva", "Lisbon", "Madrid", "Oslo", "Vienna"]):
        result = make_result(f"a{n}", text=TEXT.replace("Geneva", city), input=f"{n}.txt")
        result.article.published, result.events[0].date = f"2020-0{n + 1}-01", None
        assert store.write(result).status == "stored"
    every = store.each_event()
    first = next(every)
    assert store.article("a1") and store.counts()["events"] == 5  # other queries between batches
    assert [first, *every] == store.events(limit=100)
    assert [e["article_id"] for e in store.events(limit=100)] == ["a4", "a3", "a2", "a1", "a0"]
    assert [e["article_id"] for e in store.each_event(since="2020-03-01", country="FRE")] == ["a4", "a3", "a2"]
    with pytest.raises(BadDate):  # at the call, before any is read
        store.each_event(since="2020-13-01")


def test_events_in_each_order_as_sorting_them_in_python_would_give(store):
    # (city, published, event date, confidence, goldstein): ties and events without a value
    for n, (city, published, day, confidence, goldstein) in enumerate([
            ("Geneva", "2020-03-04", "2020-03-02", 0.9, 1.0), ("Lisbon", "2020-05-01", None, 0.5, None),
            ("Madrid", "2020-01-09", "2020-01-05", 0.9, -4.0), ("Oslo", None, None, 0.7, 1.0),
            ("Vienna", "2020-02-01", None, 0.5, 7.0)]):
        result = make_result(f"o{n}", text=TEXT.replace("Geneva", city), input=f"{n}.txt")
        result.article.published = published
        event = result.events[0]
        event.date = DateRef(day, day, day) if day else None
        event.confidence, event.goldstein = confidence, goldstein
        assert store.write(result).status == "stored"
    newest = store.events(limit=100)
    for order in ("-date", "date", "confidence", "-confidence", "goldstein", "-goldstein"):
        key = order.lstrip("-")
        if key == "date":
            def value(r):
                return (r.get("date") or {}).get("start") or r.get("published") or ""
        else:
            def value(r):
                return r[key] if r.get(key) is not None else float("-inf")
        want = [e["article_id"] for e in sorted(newest, key=value, reverse=order.startswith("-"))]
        assert [e["article_id"] for e in store.events(order=order, limit=100)] == want, order
        assert [e["article_id"] for e in store.events(order=order, limit=2)] == want[:2], order
    with pytest.raises(StoreError, match="bad order"):
        store.events(order="size")


def test_store_events_of_a_dyad(store):
    store.write(make_result())  # Ruritania meets Freedonia
    alone = make_result("alone", text=TEXT.replace("Geneva", "Lisbon"))
    alone.events[0].recipients = []  # Ruritania alone: no dyad with Freedonia
    store.write(alone)
    both = make_result("both", text=TEXT.replace("Geneva", "Madrid"))
    both.events[0].actors, both.events[0].recipients = ["a1", "a2"], []  # both sides among the actors
    store.write(both)
    assert {e["article_id"] for e in store.events(dyad="RUR-FRE")} == {"abc123", "both"}
    assert {e["article_id"] for e in store.events(dyad="fre-rur")} == {"abc123", "both"}
    assert store.events(dyad="RUR-USA") == []
    with pytest.raises(StoreError, match="two ISO3 codes"):
        store.events(dyad="RURFRE")


def test_store_dyad_months_from_the_pair_index(store):
    store.write(make_result())
    later = make_result("later", text=TEXT.replace("Geneva", "Lisbon"))
    later.article.published, later.events[0].date = "2020-05-01", None
    later.events[0].goldstein, later.events[0].quad_class = -4.0, 3
    store.write(later)
    assert store.dyad_months("FRE-RUR") == [
        {"month": "2020-03", "events": 1, "goldstein": 1.0, "cooperation": 1, "conflict": 0},
        {"month": "2020-05", "events": 1, "goldstein": -4.0, "cooperation": 0, "conflict": 1}]
    store.write(later, replace=True)  # replacing an article replaces its pairs, not adds to them
    assert [m["events"] for m in store.dyad_months("RUR-FRE")] == [1, 1]
    assert store.dyad_months("RUR-USA") == []


@pytest.mark.parametrize("backend", ["file", "postgres"])
def test_a_schema_4_store_gets_its_pair_index(backend, tmp_path, request):
    path = request.getfixturevalue("pg_url") if backend == "postgres" else str(tmp_path / "old.db")
    result = make_result()
    result.stances.append(Stance("s1", "a1", "the sanctions on Freedonia", "backs sanctions", "support", 0, 22))
    with open_store(path) as s:
        s.write(result)
        before = s.dyad_months("RUR-FRE")
        s.sql.execute("DELETE FROM event_dyads")
        s.sql.execute("UPDATE stances SET issue_key = NULL")
        s.sql.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with open_store(path) as s:
        assert before and s.dyad_months("RUR-FRE") == before
        assert [r["issue_key"] for r in s.stances()] == ["freedonia sanction"]


def test_store_lists_articles_by_publication_date(store):
    store.write(make_result())
    later = make_result("later", text=TEXT.replace("Geneva", "Lisbon"))
    later.article.published = "2021-01-01"
    store.write(later)
    undated = make_result("undated", text=TEXT.replace("Geneva", "Oslo"))
    undated.article.published = None
    store.write(undated)
    assert [a["id"] for a in store.articles()] == ["later", "abc123", "undated"]
    assert [a["id"] for a in store.articles(since="2020-06-01")] == ["later"]
    assert [a["id"] for a in store.articles(until="2020-06-01", limit=5)] == ["abc123"]
    assert set(store.articles(limit=1)[0]) == {"id", "title", "published", "url", "input"}
    with pytest.raises(BadDate):
        store.articles(since="June")


def test_store_actors_of_the_latest_articles(store):
    store.write(make_result())
    later = make_result("later", text=TEXT.replace("Geneva", "Lisbon"))
    later.article.published = "2021-01-01"
    later.actors = later.actors[:1]  # only Ruritania in the newer article
    later.events[0].recipients, later.quotes = [], []
    store.write(later)
    assert [(r["name"], r["articles"]) for r in store.actors(latest=1)] == [("Ruritania", 1)]
    assert {r["name"] for r in store.actors(latest=2)} == {"Ruritania", "Freedonia", "Ann Lee"}


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
    with pytest.raises(integrity_errors()):
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
    assert count_rows(store, "signatures") == 1 and count_rows(store, "signature_bands") == 16


def unindexed_article_keys(store) -> list[str]:
    """The tables whose column naming an article (a foreign key to articles) leads no index:
    deleting an article, as a replace does, reads each of them whole."""
    if store.sql.kind == "sqlite":
        tables = [r["name"] for r in store.sql.rows("SELECT name FROM sqlite_master WHERE type = 'table'")]
        keys = [(t, fk["from"]) for t in tables for fk in store.sql.rows(f"PRAGMA foreign_key_list({t})")
                if fk["table"] == "articles"]
        leading = {(t, store.sql.rows(f"PRAGMA index_info({ix['name']})")[0]["name"])
                   for t in tables for ix in store.sql.rows(f"PRAGMA index_list({t})")}
    else:
        schema = "r.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
        keys = [(r["t"], r["c"]) for r in store.sql.rows(
            "SELECT r.relname AS t, a.attname AS c FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid "
            "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
            f"WHERE k.contype = 'f' AND k.confrelid = 'articles'::regclass AND {schema}")]
        leading = {(r["t"], r["c"]) for r in store.sql.rows(
            "SELECT r.relname AS t, a.attname AS c FROM pg_index i JOIN pg_class r ON r.oid = i.indrelid "
            f"JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] WHERE {schema}")}
    assert len(keys) >= 9  # every table of an article's rows
    return sorted(f"{t}.{c}" for t, c in keys if (t, c) not in leading)


def test_deleting_an_article_reads_indexes_not_whole_tables(store):
    assert unindexed_article_keys(store) == []
    if store.sql.kind == "sqlite":  # and each DELETE a replace runs finds its rows by an index
        store.write(make_result())
        statements: list[str] = []
        store.db.set_trace_callback(statements.append)
        store.write(make_result(), replace=True)
        store.db.set_trace_callback(None)
        deletes = [s for s in statements if s.startswith("DELETE")]
        assert len(deletes) >= 11
        for statement in deletes:
            plan = " ".join(r["detail"] for r in store.sql.rows("EXPLAIN QUERY PLAN " + statement))
            assert "SEARCH" in plan and "SCAN" not in plan, (statement, plan)


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
        assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "7"


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


def test_filters_match_alike_on_every_backend(store):
    """Substring filters ignore case and treat a backslash as a plain character; dates are checked."""
    store.write(make_result())
    assert [q["text"] for q in store.quotes(contains="WE AGREED")] == ["We agreed,"]
    assert [a["name"] for a in store.actors(name="ann")] == ["Ann Lee"]
    assert store.actors(name="Ann\\") == [] and store.quotes(speaker="Lee\\") == []
    assert [a["name"] for a in store.actors(name="A_n")] == ["Ann Lee"]  # _ is one character, as in SQL
    with pytest.raises(BadDate, match="since='2020-13-01' is not a date"):
        store.events(since="2020-13-01")


def test_undated_articles_sort_last_and_names_sort_bytewise(store):
    undated = make_result("nodate", text=TEXT.replace("Geneva", "Bern"))
    undated.article.published = None
    undated.events[0].date = None
    store.write(undated)
    store.write(make_result())
    assert [e["article_id"] for e in store.events()] == ["abc123", "nodate"]
    assert [q["article_id"] for q in store.quotes()] == ["abc123", "nodate"]
    lower = make_result("lower", text=TEXT + " More.")
    lower.actors[2].name = "ann lee"
    store.write(lower, dedupe=False)
    assert [a["name"] for a in store.actors(kind="person")] == ["Ann Lee", "ann lee"]


def test_open_store_takes_postgres_urls(pg_url):
    with open_store(pg_url.replace("postgresql://", "postgres://", 1)) as store:
        assert store.write(make_result()).status == "stored"
    with open_store(pg_url) as store:  # the tables are there for the next process
        assert store.write(make_result()).status == "unchanged" and store.counts()["events"] == 1


def test_an_unreachable_postgres_server_is_a_clear_error():
    pytest.importorskip("psycopg")
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there once closed
    with pytest.raises(StoreError, match=r"cannot connect to the PostgreSQL store postgresql://u:\*\*\*@127.0.0.1"):
        open_store(f"postgresql://u:secret@127.0.0.1:{port}/cable")


def test_postgres_without_psycopg_says_what_to_install(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if it were not installed
    with pytest.raises(StoreError, match=r"pip install 'cable\[postgres\]'"):
        open_store("postgresql://cable@127.0.0.1:5432/cable")


WRITER = """
import json, sys, time
from pathlib import Path
from cable.records_json import result_from_json
from cable.store import open_store

url, records = sys.argv[1], json.loads(Path(sys.argv[2]).read_text())
order, folder = json.loads(sys.argv[3]), Path(sys.argv[4])
store = open_store(url)
(folder / f"ready-{sys.argv[5]}").touch()
while not (folder / "go").exists():
    time.sleep(0.002)
print(json.dumps([[records[i]["article"]["id"], store.write(result_from_json(records[i])).status] for i in order]))
store.close()
"""


def concurrent_copies(groups: int, seed: int = 7):
    """``groups`` distinct articles, each as three writes: the article, the same article again
    under another input, and a near-duplicate (one word changed, another id)."""
    import random

    rng = random.Random(seed)
    vocabulary = [f"{rng.choice('bdfgklmnprstvz')}{rng.choice('aeiou')}{rng.choice('lmnrst')}{n}" for n in range(900)]
    out = []
    for g in range(groups):
        words = [rng.choice(vocabulary) for _ in range(300)]
        text = " ".join(words) + "."
        edited = " ".join(words[:-1] + ["changed"]) + "."
        out.append([make_result(f"g{g}", text=text, input=f"a{g}.txt"), make_result(f"g{g}", text=text, input=f"b{g}"),
                    make_result(f"g{g}-copy", text=edited, input=f"c{g}.txt")])
    return out


def test_concurrent_writers_on_postgres_lose_nothing_and_store_each_article_once(pg_url, tmp_path):
    """Four processes write the same 40 articles, their repeats and near-duplicates at once,
    each in its own order: every article is stored exactly once, none is lost."""
    import json
    import random
    import subprocess
    import sys

    groups = concurrent_copies(40)
    flat = [r for group in groups for r in group]
    (tmp_path / "records.json").write_text(json.dumps([r.to_json() for r in flat]))
    open_store(pg_url).close()  # the schema, so that the writers race on articles only
    writers = []
    for n in range(4):
        order = list(range(len(flat)))
        random.Random(n).shuffle(order)
        writers.append(subprocess.Popen([sys.executable, "-c", WRITER, pg_url, str(tmp_path / "records.json"),
                                         json.dumps(order), str(tmp_path), str(n)], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True))
    import time

    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("ready-*"))) < 4 and time.monotonic() < deadline:
        time.sleep(0.01)
    (tmp_path / "go").touch()
    outcomes = []
    for w in writers:
        out, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
        outcomes += json.loads(out)
    statuses = [status for _, status in outcomes]
    assert statuses.count("stored") == 40 and len(statuses) == 4 * 120
    with open_store(pg_url) as store:
        assert store.counts()["articles"] == 40 and store.counts()["events"] == 40
        stored = {r["id"] for r in store.sql.rows("SELECT id FROM articles")}
        for n, (first, _, copy) in enumerate(groups):
            assert len(stored & {first.article.id, copy.article.id}) == 1, f"group {n}"
        assert store.sql.one("SELECT count(*) AS n FROM signatures")["n"] == 40
