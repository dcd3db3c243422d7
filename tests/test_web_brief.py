"""The web's brief page, Atom feed of briefs, story pages, processes and related articles."""

import warnings
from xml.etree import ElementTree as ET

import pytest
from built import build

warnings.filterwarnings("ignore", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402

from cable.store import open_store  # noqa: E402
from cable.web import create_app  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"
PEOPLE = {"Ann Lee": ("person", "RUR", "GOV", "foreign minister"), "Bo Park": ("person", "FRE", "GOV", "envoy"),
          "Ruritania": ("country", "RUR", None), "Freedonia": ("country", "FRE", None),
          "Lakeside Talks": ("process", None, None)}
MEETING = build("2021-05-04", "Ann Lee of Ruritania met Bo Park of Freedonia in Geneva. \"No <script>alert(1)</script> "
                              "deal yet,\" said Ann Lee. Freedonia withdrew from the Lakeside Talks in April.",
                PEOPLE, title="Ministers meet <i>again</i>",
                events=[{"plover": "CONSULT", "trigger": "met", "actors": ["Ann Lee"], "recipients": ["Bo Park"],
                         "place": "Geneva"},
                        {"plover": "SANCTION", "mode": "withdraw", "trigger": "withdrew", "actors": ["Freedonia"],
                         "recipients": ["Lakeside Talks"], "date": ("April", "2021-04-01", "2021-04-30")}],
                quotes=[("Ann Lee", "No <script>alert(1)</script> deal yet,", "foreign minister")])
FOLLOW_UP = build("2021-05-05", "A day on, Ann Lee told Ruritania that Bo Park of Freedonia had offered a survey "
                                "after they met in Geneva. Bo Park confirmed it.",
                  PEOPLE, title="Survey offered",
                  events=[{"plover": "CONSULT", "trigger": "met", "actors": ["Ann Lee", "Bo Park"], "place": "Geneva"}])


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("web_brief") / "web.db")
    with open_store(path) as store:
        store.write(MEETING)
        store.write(FOLLOW_UP)
    with TestClient(create_app(path)) as c:
        yield c


@pytest.mark.parametrize("url", ["/brief", "/brief?date=2021-05-04", "/brief?since=2021-05-01", "/stories",
                                 f"/stories/s-{MEETING.article.id}", "/processes", f"/article/{MEETING.article.id}"])
def test_new_pages_render_under_the_content_security_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "<script" not in response.text.lower()


def test_brief_page_links_every_line_and_escapes_the_quote(client):
    page = client.get("/brief", params={"date": "2021-05-04"}).text
    assert "Cable brief: 4 May 2021" in page
    assert "Official meeting in Geneva: Ann Lee (foreign minister) and Bo Park (envoy)." in page
    assert f'href="/article/{MEETING.article.id}#e1"' in page and f'href="/article/{MEETING.article.id}#q1"' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Lakeside Talks: suspended since Freedonia&#x27;s withdrawal in April 2021." in page


def test_brief_page_refuses_bad_dates(client):
    assert client.get("/brief", params={"date": "4 May"}).status_code == 422
    both = client.get("/brief", params={"date": "2021-05-04", "since": "2021-05-01"})
    assert both.status_code == 422 and "not both" in both.json()["error"]["message"]


def test_atom_feed_has_one_entry_a_day_with_escaped_html(client):
    response = client.get("/brief.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Cable brief: 5 May 2021", "Cable brief: 4 May 2021"]
    content = entries[1].find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert "&lt;script&gt;" in content.text and "<script>" not in content.text  # escaped HTML inside the XML
    assert entries[1].find(f"{ATOM}link").get("href").endswith("/brief?date=2021-05-04")


def test_api_brief_gives_sections_and_links(client):
    body = client.get("/api/brief", params={"date": "2021-05-04"}).json()
    lines = [line for s in body["sections"] for line in s["lines"]]
    assert lines and all(line["links"] for line in lines)
    assert {k["article_id"] for line in lines for k in line["links"]} == {MEETING.article.id}


def test_story_page_related_articles_and_processes(client):
    page = client.get(f"/stories/s-{MEETING.article.id}").text
    assert "Ministers meet &lt;i&gt;again&lt;/i&gt;" in page and "Survey offered" in page
    assert client.get("/stories/s-nothing").status_code == 404
    listing = client.get("/stories").text
    assert f'href="/stories/s-{MEETING.article.id}"' in listing
    article = client.get(f"/article/{FOLLOW_UP.article.id}").text
    assert f'href="/article/{MEETING.article.id}"' in article  # related articles
    assert 'id="q1"' in client.get(f"/article/{MEETING.article.id}").text
    processes = client.get("/processes").text
    assert "Lakeside Talks" in processes and "suspended" in processes
