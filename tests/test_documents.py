"""Inputs that hold many documents (JSONL, feeds, web archives, gzip) and careful fetching."""

import gzip
import io
import json
import sqlite3
from pathlib import Path

import httpx
import pytest

from cable.errors import InputTooLarge
from cable.records import Rejection
from cable.settings import Settings
from cable.sources import Limits, check_url, expand_inputs, fetch, iter_documents
from cable.sources.fetch import RefusedURL, public

PAGE = "<html><body><p>The foreign minister met his counterpart in Oslo on Monday.</p></body></html>"


def docs(name, **limits):
    return list(iter_documents(str(name), Limits(**limits)))


def test_jsonl_gives_one_document_per_line_and_rejects_bad_lines(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a1", "url": "https://example.org/a", "html": PAGE, "date": "2021-03-04T10:00:00Z"}),
        "{not json",
        "",
        json.dumps({"url": "https://example.org/b", "text": "Plain text of an article."}),
        json.dumps({"url": "https://example.org/c"}),
        json.dumps({"text": "Dated badly.", "date": "last week"}),
        json.dumps(["a", "list"]),
    ]), encoding="utf-8")
    out = docs(path)
    assert [type(d).__name__ for d in out] == ["Document", "Rejection", "Document", "Rejection", "Rejection",
                                               "Rejection"]
    first, bad, second, empty, baddate, notobj = out
    assert (first.input, first.url, first.date, first.text) == ("a1", "https://example.org/a", "2021-03-04", PAGE)
    assert bad.input == f"{path}:2" and "is not JSON" in bad.message
    assert second.input == "https://example.org/b" and second.date is None
    assert empty.input == f"{path}:5" and empty.code == "empty"
    assert baddate.code == "bad_date" and "YYYY-MM-DD" in baddate.message
    assert notobj.input == f"{path}:7" and "not a JSON object" in notobj.message


def test_gzip_inputs_are_read_transparently(tmp_path):
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE.encode()))
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress((json.dumps({"text": "One."}) + "\n" + json.dumps({"text": "Two."})).encode()))
    assert [d.text for d in docs(page)] == [PAGE]
    assert [d.text for d in docs(dump)] == ["One.", "Two."]


def test_a_gzip_bomb_is_refused_by_its_uncompressed_size(tmp_path):
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 2_000_000 + b"</p>"))
    assert bomb.stat().st_size < 10_000
    (rejection,) = docs(bomb, max_bytes=100_000)
    assert isinstance(rejection, Rejection) and rejection.code == "too_large"
    assert "uncompresses to more than" in rejection.message


def test_a_broken_gzip_file_is_rejected_with_a_reason(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode())[:20])
    (rejection,) = docs(path)
    assert rejection.code == "bad_gzip"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>World</title>
<item><title>Talks</title><link>https://news.example.org/talks</link>
<pubDate>Tue, 02 Mar 2021 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Envoys held talks in Geneva.</p>]]></content:encoded></item>
<item><title>No link</title><description>Short teaser.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title>
<entry><title>Visit</title><link href="https://news.example.org/visit"/>
<updated>2020-11-05T12:00:00Z</updated>
<content type="html">&lt;p&gt;The president visited Kyiv.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items_with_full_content_become_documents(tmp_path):
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = docs(path)
    assert first.input == first.url == "https://news.example.org/talks"
    assert first.date == "2021-03-02" and "Envoys held talks in Geneva." in first.text
    assert isinstance(second, Rejection) and second.code == "no_article" and second.input.endswith("#2")


def test_atom_is_recognised_by_its_content_whatever_the_file_is_called(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = docs(path)
    assert entry.date == "2020-11-05" and "visited Kyiv" in entry.text


def test_a_feed_without_items_is_rejected(tmp_path):
    path = tmp_path / "empty.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    (rejection,) = docs(path)
    assert rejection.code == "bad_feed"


def warc_bytes(records, *, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return out.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_documents_and_other_records_are_skipped(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(warc_bytes([
        ("https://news.example.org/a", "text/html; charset=utf-8", PAGE.encode()),
        ("https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n"),
        ("https://news.example.org/b", "text/html", b"<p>Second page.</p>"),
    ], gz=gz))
    out = docs(path)
    assert [d.url for d in out] == ["https://news.example.org/a", "https://news.example.org/b"]
    assert out[0].text == PAGE and out[0].date is None  # a crawl date is no publication date


def test_an_oversized_warc_record_is_rejected_and_the_rest_read(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_bytes([
        ("https://news.example.org/big", "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
        ("https://news.example.org/small", "text/html", b"<p>Small.</p>"),
    ], gz=False))
    big, small = docs(path, max_bytes=1000)
    assert isinstance(big, Rejection) and big.code == "too_large"
    assert small.url == "https://news.example.org/small"


def test_a_truncated_warc_is_read_up_to_the_damage(tmp_path):
    data = warc_bytes([("https://news.example.org/a", "text/html", PAGE.encode()),
                       ("https://news.example.org/b", "text/html", PAGE.encode())], gz=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 40])
    out = docs(path)
    assert out[0].url == "https://news.example.org/a"
    assert isinstance(out[-1], Rejection) and out[-1].code in ("bad_archive", "bad_gzip")


def test_directories_are_walked_for_containers_too(tmp_path):
    for name in ("a.txt", "b.jsonl", "c.warc.gz", "d.rss", "e.png", "f.html.gz"):
        (tmp_path / name).write_text("x")
    found = [p.rsplit("/", 1)[1] for p in expand_inputs([str(tmp_path)])]
    assert found == ["a.txt", "b.jsonl", "c.warc.gz", "d.rss", "f.html.gz"]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8080/x", "http://10.1.2.3/", "http://192.168.0.10/",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
])
def test_private_loopback_and_link_local_addresses_are_refused(url):
    with pytest.raises(RefusedURL, match="CABLE_ALLOW_PRIVATE_URLS"):
        check_url(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(RefusedURL, match="only http and https"):
        check_url(url)


def test_public_addresses_pass_and_private_ones_can_be_allowed():
    assert public("93.184.216.34") and not public("172.16.0.1")
    check_url("http://127.0.0.1/", allow_private=True)


def mock(handler):
    return httpx.MockTransport(handler)


def test_fetch_follows_redirects_and_checks_every_hop():
    def handler(request):
        if request.url.path == "/start":
            return httpx.Response(302, headers={"location": "http://10.0.0.5/admin"})
        return httpx.Response(200, text="secret")
    with pytest.raises(RefusedURL):
        fetch("http://93.184.216.34/start", transport=mock(handler))


def test_fetch_returns_the_final_url_the_body_and_validators():
    def handler(request):
        assert request.headers["user-agent"].startswith("cable/")
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "/new"})
        return httpx.Response(200, content=b"<p>hello</p>", headers={"content-type": "text/html", "etag": '"v1"'})
    got = fetch("http://93.184.216.34/old", transport=mock(handler))
    assert (got.url, got.status, got.content, got.etag) == ("http://93.184.216.34/new", 200, b"<p>hello</p>", '"v1"')


def test_fetch_sends_conditional_headers_and_reports_not_modified():
    def handler(request):
        assert request.headers["if-none-match"] == '"v1"'
        return httpx.Response(304)
    assert fetch("http://93.184.216.34/feed", etag='"v1"', transport=mock(handler)).status == 304


def test_fetch_stops_past_the_size_cap_and_names_http_errors():
    big = mock(lambda request: httpx.Response(200, content=b"x" * 5000))
    with pytest.raises(InputTooLarge):
        fetch("http://93.184.216.34/big", max_bytes=1000, transport=big)
    gone = mock(lambda request: httpx.Response(404))
    with pytest.raises(Exception, match="answered 404"):
        fetch("http://93.184.216.34/gone", transport=gone)


def test_redirect_loops_end_with_a_clear_error():
    loop = mock(lambda request: httpx.Response(302, headers={"location": "/again"}))
    with pytest.raises(Exception, match="more than 5 redirects"):
        fetch("http://93.184.216.34/again", transport=loop)


def test_boolean_settings_read_from_the_environment():
    assert Settings.load(env={"CABLE_ALLOW_PRIVATE_URLS": "0"}).allow_private_urls is False
    assert Settings.load(env={"CABLE_ALLOW_PRIVATE_URLS": "yes"}).allow_private_urls is True
    with pytest.raises(ValueError, match="CABLE_BATCH_SIZE"):
        Settings.load(env={"CABLE_BATCH_SIZE": "many"})


@pytest.mark.model
def test_cli_ingests_a_gzipped_jsonl_dump_once_with_its_dates(tmp_path):
    from click.testing import CliRunner

    from cable.cli import cli
    from cable.store import open_store

    examples = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))[:2]
    lines = [json.dumps({"id": f"ex{i}", "url": f"https://news.example.org/{i}", "text": p.read_text(),
                         "date": "2020-02-0" + str(i + 1)}) for i, p in enumerate(examples)]
    lines.insert(1, "{broken")
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress("\n".join(lines).encode()))
    db = tmp_path / "c.db"
    first = CliRunner().invoke(cli, ["ingest", str(dump), "--db", str(db)])
    assert first.exit_code == 1, first.output
    assert "1 inputs, 3 documents: 2 stored; 1 rejected (bad_input: 1)" in first.stdout
    second = CliRunner().invoke(cli, ["ingest", str(dump), "--db", str(db)])
    assert "2 unchanged" in second.stdout
    with open_store(str(db)) as store:
        assert store.counts()["articles"] == 2
        assert [r["input"] for r in store.rejections()] == [f"{dump}:2"]
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT input, published, url FROM articles ORDER BY input").fetchall()
    assert rows == [("ex0", "2020-02-01", "https://news.example.org/0"),
                    ("ex1", "2020-02-02", "https://news.example.org/1")]


def test_cli_clean_prints_the_article_or_the_error_per_document(tmp_path):
    from click.testing import CliRunner

    from cable.cli import cli

    text = ("The foreign ministers of three countries met in Vienna on Tuesday to discuss the water dispute. "
            "They agreed to meet again next month, the hosts said in a statement after the talks ended.\n\n"
            "The dispute began when one of the three started building a dam upstream. Talks last year failed, "
            "and officials on both sides have since traded accusations of bad faith.")
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "d1", "text": text, "date": "2021-05-04"}) + "\n"
                    + json.dumps({"id": "d2", "text": "   "}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["clean", str(dump), "--jsonl"])
    assert result.exit_code == 1
    good, bad = (json.loads(line) for line in result.stdout.splitlines())
    assert good["input"] == "d1" and good["article"]["published"] == "2021-05-04"
    assert good["article"]["text"].startswith("The foreign ministers of three countries met in Vienna")
    assert bad["input"] == f"{dump}:2" and bad["error"]["code"] == "empty"



@pytest.mark.model
def test_cli_stores_a_wire_copy_once_and_links_it(tmp_path):
    from click.testing import CliRunner

    from cable.cli import cli
    from cable.store import open_store

    text = (Path(__file__).resolve().parent.parent / "examples" / "wikinews-2020-01-11-cairo-summit.txt").read_text()
    copy = text.replace("On Wednesday,", "On Wednesday, officials said,", 1) + "\n\nReporting by the wire desk."
    dump = tmp_path / "wire.jsonl"
    dump.write_text(json.dumps({"id": "original", "text": text}) + "\n" + json.dumps({"id": "copy", "text": copy}))
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(cli, ["ingest", str(dump), "--db", db])
    assert result.exit_code == 0 and "1 duplicate, 1 stored" in result.stdout, result.stdout
    with open_store(db) as store:
        assert store.counts()["articles"] == 1
        assert [(d["input"], d["kind"]) for d in store.duplicates()] == [("copy", "near")]
    kept = CliRunner().invoke(cli, ["ingest", str(dump), "--db", str(tmp_path / "k.db"), "--keep-duplicates"])
    assert "2 stored" in kept.stdout
