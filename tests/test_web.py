"""The web application: every endpoint and filter, errors, tokens, escaping, headers."""

import json
import warnings
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402

from cable.web import create_app  # noqa: E402
from cable.web.tokens import check_token, create_token  # noqa: E402

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HOSTILE = ("The foreign minister met his counterpart in Geneva on Tuesday to discuss the border. <script>alert(1)"
           "</script> Officials said \"><img src=x onerror=alert(2)> the talks would go on next week.\n\n"
           "Both sides agreed to meet again in Oslo, the ministry said in a statement after the talks ended.")


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    from cable.pipeline import process
    from cable.store import open_store

    path = str(tmp_path_factory.mktemp("web") / "web.db")
    with open_store(path) as store:
        for p in sorted(EXAMPLES.glob("*.txt")):
            store.write(process(p.read_text(encoding="utf-8"), input=p.name, nlp=nlp))
        store.write(process(HOSTILE, input="hostile.txt", date="2021-05-04", nlp=nlp))
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def items(response):
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_openapi_schema_lists_every_api_endpoint(client):
    schema = client.get("/openapi.json").json()
    assert schema["info"]["title"] == "Cable"
    paths = set(schema["paths"])
    assert {"/api/events", "/api/actors", "/api/quotes", "/api/stances", "/api/forecasts", "/api/articles",
            "/api/articles/{article_id}", "/api/ingest"} <= paths
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "dyad", "type", "status", "since", "until", "sort", "limit", "offset",
            "format"} <= params


def test_event_filters(client):
    everything = items(client.get("/api/events", params={"limit": 1000}))
    assert len(everything) > 20
    greek = items(client.get("/api/events", params={"country": "GRC"}))
    assert greek and len(greek) < len(everything)
    consult = items(client.get("/api/events", params={"type": "CONSULT"}))
    assert consult and all(e["plover"] == "CONSULT" for e in consult)
    root = items(client.get("/api/events", params={"type": "04"}))
    assert all(e["cameo"].startswith("04") for e in root)
    planned = items(client.get("/api/events", params={"status": "planned"}))
    assert all(e["status"] == "planned" for e in planned)
    since = items(client.get("/api/events", params={"since": "2020-01-01", "limit": 1000}))
    assert all(((e.get("date") or {}).get("end") or e["published"]) >= "2020-01-01" for e in since)
    dyad = items(client.get("/api/events", params={"dyad": "EGY-TUR"}))
    assert dyad and len(dyad) < len(everything)
    by_actor = items(client.get("/api/events", params={"actor": "Shoukry"}))
    assert by_actor and all(any("Shoukry" in n for n in e["actor_names"] + e["recipient_names"]) for e in by_actor)


def test_sorting_and_pagination(client):
    first = items(client.get("/api/events", params={"limit": 5, "sort": "-confidence"}))
    assert [e["confidence"] for e in first] == sorted((e["confidence"] for e in first), reverse=True)
    page2 = items(client.get("/api/events", params={"limit": 5, "offset": 5, "sort": "-confidence"}))
    assert page2 and {(e["article_id"], e["id"]) for e in page2}.isdisjoint({(e["article_id"], e["id"]) for e in first})
    oldest = items(client.get("/api/events", params={"limit": 3, "sort": "date"}))
    newest = items(client.get("/api/events", params={"limit": 3, "sort": "-date"}))
    assert oldest[0]["published"] <= newest[0]["published"]


def test_csv_downloads(client):
    response = client.get("/api/events", params={"format": "csv", "type": "CONSULT"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    lines = response.text.strip().splitlines()
    assert lines[0].startswith("id,") or "plover" in lines[0]
    assert len(lines) - 1 == len(items(client.get("/api/events", params={"type": "CONSULT"})))
    assert client.get("/api/actors", params={"format": "csv"}).text.startswith("name,")


def test_actors_quotes_articles_and_search(client):
    persons = items(client.get("/api/actors", params={"kind": "person"}))
    assert persons and all(a["kind"] == "person" for a in persons)
    egypt = items(client.get("/api/actors", params={"country": "EGY"}))
    assert any(a["name"] == "Sameh Shoukry" for a in egypt)
    quotes = items(client.get("/api/quotes", params={"speaker": "Mitsotakis"}))
    assert quotes and all("Mitsotakis" in q["speaker_name"] for q in quotes)
    hits = items(client.get("/api/articles", params={"q": "maritime Libya"}))
    assert hits and items(client.get("/api/articles", params={"q": "maritime zzqqxx"})) == []
    record = client.get(f"/api/articles/{hits[0]['id']}").json()
    assert record["schema"] == "cable/1" and record["article"]["id"] == hits[0]["id"]
    assert items(client.get("/api/articles", params={"q": "100%_off"})) == []  # LIKE wildcards are literal
    assert client.get("/api/stances").status_code == 200 and client.get("/api/forecasts").status_code == 200


@pytest.mark.parametrize("url,status,code", [
    ("/api/events?since=yesterday", 422, "bad_request"), ("/api/events?limit=0", 422, "bad_request"),
    ("/api/events?dyad=EGYPT", 422, "bad_request"), ("/api/articles/no-such-id", 404, "not_found"),
    ("/api/articles?q=a", 422, "bad_request"), ("/no/such/page", 404, "not_found"),
])
def test_errors_come_back_as_one_json_shape(client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]


def test_ingest_needs_a_valid_token_and_stores_once(client, db):
    page = {"text": "The defence ministers of Norway and Sweden met in Oslo on Monday to discuss a joint air patrol. "
                    "They agreed to hold talks again next month, the Norwegian ministry said in a statement.\n\n"
                    "The two countries have cooperated closely since the war began, officials said.", "date": "2022-03-07"}
    assert client.post("/api/ingest", json=page).status_code == 401
    assert client.post("/api/ingest", json=page, headers={"Authorization": "Bearer wrong"}).status_code == 401
    token = create_token(db, "tests")
    assert check_token(db, token) == "tests" and check_token(db, token + "x") is None
    auth = {"Authorization": f"Bearer {token}"}
    first = client.post("/api/ingest", json=page, headers=auth)
    assert first.status_code == 201 and first.json()["status"] == "stored"
    assert client.post("/api/ingest", json=page, headers=auth).json()["status"] == "unchanged"
    refused = client.post("/api/ingest", json={"url": "http://127.0.0.1:9/admin"}, headers=auth)
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "refused_url"
    empty = client.post("/api/ingest", json={"text": "   "}, headers=auth)
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "empty"


def test_token_is_stored_hashed(db):
    import sqlite3

    token = create_token(db, "hash-check")
    with sqlite3.connect(db) as con:
        stored = [r[0] for r in con.execute("SELECT hash FROM api_tokens")]
    assert token not in stored and all(len(h) == 64 for h in stored)


def test_oversized_bodies_are_refused(client):
    response = client.post("/api/ingest", content=b"x" * 2_100_000, headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"


PAGES = ["/", "/events", "/events?country=GRC&type=CONSULT", "/network", "/network?since=2020-01-01",
         "/dyad?a=EGY&b=TUR", "/forecasts", "/search?q=Turkey", "/actor/Turkey"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_with_a_strict_content_security_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in response.text.lower()


def test_article_page_marks_evidence_and_links_it(client):
    events = items(client.get("/api/events", params={"country": "GRC", "limit": 1}))
    page = client.get(f"/article/{events[0]['article_id']}").text
    assert f'id="t-{events[0]["id"]}"' in page  # the event's trigger in the text, linked from the list
    assert f'href="#t-{events[0]["id"]}"' in page
    assert 'class="actor' in page and 'href="/actor/' in page


def test_hostile_article_text_is_shown_as_text(client):
    hit = items(client.get("/api/articles", params={"q": "counterpart Geneva border"}))[0]
    page = client.get(f"/article/{hit['id']}").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    search = client.get("/search", params={"q": "<script>alert(3)</script>"}).text
    assert "<script>alert(3)" not in search


def test_network_and_dyad_views_draw_svg(client):
    network = client.get("/network").text
    assert "<svg" in network and "<circle" in network and "<line" in network
    dyad = client.get("/dyad", params={"a": "EGY", "b": "TUR"}).text
    assert "<svg" in dyad and "<polyline" in dyad


def test_actor_page_shows_the_dated_history_of_posts(client):
    persons = items(client.get("/api/actors", params={"kind": "person", "limit": 200}))
    titled = next(p for p in persons if p["titles"] and p["country"])
    page = client.get(f"/actor/{titled['name']}").text
    assert "<h2>Posts and titles</h2>" in page
    assert titled["titles"][0]["title"] in page and 'href="/article/' in page


def test_dyad_page_refuses_a_code_that_is_not_iso3(client):
    response = client.get("/dyad", params={"a": "EG", "b": "TUR"})
    assert response.status_code == 422 and "a" in response.text
    assert client.get("/dyad", params={"a": "EGY", "b": "TUR"}).status_code == 200
