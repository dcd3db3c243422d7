"""The command line end to end: read, ingest, the queries, and bad input."""

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from cable.cli import cli

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCHEMA = json.loads((ROOT / "src/cable/schema/cable-1.schema.json").read_text())
CAIRO = EXAMPLES / "wikinews-2020-01-11-cairo-summit.txt"

FRENCH = ("Le ministre des Affaires étrangères a rencontré son homologue allemand à Paris mardi. "
          "Les deux pays ont signé un accord sur la coopération dans le domaine de l'énergie, "
          "et ils se sont engagés à poursuivre les discussions au cours des prochains mois. ") * 3
MENU_ONLY = "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/login'>Log in</a></nav></body></html>"


def run(*args, input=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_cli_read_json_matches_the_schema():
    result = run("read", CAIRO, "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    jsonschema.validate(record, SCHEMA)
    assert record["schema"] == "cable/1"
    assert record["article"]["published"] == "2020-01-11"
    text = record["article"]["text"]
    for actor in record["actors"]:
        for m in actor["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    for event in record["events"]:
        t = event["trigger"]
        assert text[t["start"]:t["end"]] == t["text"]


def test_cli_read_report_is_readable():
    result = run("read", CAIRO)
    assert result.exit_code == 0
    assert result.stdout.startswith("Cairo summit denounces")
    for section in ("Actors (", "Events (", "Quotes (", "Forecasts ("):
        assert section in result.stdout


def test_cli_read_from_stdin_with_date():
    result = run("read", "-", "--date", "2020-01-11", "--json", input=CAIRO.read_text())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["published"] == "2020-01-11"


def test_cli_read_jsonl_goes_on_after_a_rejection(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("read", CAIRO, empty, tmp_path / "missing.txt", EXAMPLES / "wikinews-2019-09-23-rouhani-gulf.txt",
                 "--jsonl")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["input"] for line in lines] == [str(CAIRO), str(empty), str(tmp_path / "missing.txt"),
                                                 str(EXAMPLES / "wikinews-2019-09-23-rouhani-gulf.txt")]
    for line in lines:
        jsonschema.validate(line, SCHEMA)
    assert [line.get("error", {}).get("code") for line in lines] == [None, "empty", "not_found", None]


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize("name,data,code,words", [
    ("empty.txt", b"", "empty", "is empty"),
    ("garbage.bin", bytes(range(256)) * 40, "binary", "binary"),
    ("latin1.txt", ("Caf\u00e9 diplomacy in Paris. " * 30).encode("latin-1"), "not_utf8", "not valid UTF-8"),
    ("french.txt", FRENCH, "not_english", "English"),
    ("menu.html", MENU_ONLY, "no_article", "no article"),
])
def test_cli_read_bad_input_gets_one_clear_line(tmp_path, name, data, code, words):
    path = write(tmp_path, name, data)
    result = run("read", path, "--json")
    assert result.exit_code != 0
    assert result.stdout == ""
    assert words in result.stderr and str(path) in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    jsonl = run("read", path, "--jsonl")
    assert json.loads(jsonl.stdout)["error"]["code"] == code


def test_cli_read_missing_and_huge_inputs(tmp_path):
    missing = run("read", tmp_path / "nope.txt")
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    result = run("read", huge)
    assert result.exit_code == 1 and "limit" in result.stderr and "Traceback" not in result.stderr


def test_cli_read_bad_date_is_a_usage_error():
    result = run("read", CAIRO, "--date", "28/10/2009")
    assert result.exit_code == 2 and "use YYYY-MM-DD" in result.stderr


def test_cli_ingest_is_idempotent_and_records_rejections(tmp_path):
    db = tmp_path / "c.db"
    corpus = tmp_path / "in"
    corpus.mkdir()
    for p in EXAMPLES.glob("*.txt"):
        (corpus / p.name).write_bytes(p.read_bytes())
    (corpus / "zz-empty.txt").write_text("   ")
    first = run("ingest", corpus, "--db", db)
    assert first.exit_code == 1, first.output
    assert "4 stored" in first.stdout and "1 rejected (empty: 1)" in first.stdout
    counts = json.loads(run("events", "--db", db, "--json", "--limit", "1000").stdout)
    second = run("ingest", corpus, "--db", db)
    assert "4 unchanged" in second.stdout
    assert json.loads(run("events", "--db", db, "--json", "--limit", "1000").stdout) == counts
    from cable.store import open_store

    with open_store(str(db)) as store:
        assert store.counts()["articles"] == 4
        assert [r["code"] for r in store.rejections()] == ["empty"]


def test_cli_queries_filter_and_format(tmp_path):
    db = tmp_path / "c.db"
    assert run("ingest", EXAMPLES, "--db", db).exit_code == 0
    events = json.loads(run("events", "--db", db, "--json").stdout)
    assert events and all({"plover", "cameo", "actor_names", "article_title"} <= set(e) for e in events)
    egypt = json.loads(run("events", "--db", db, "--country", "EGY", "--json").stdout)
    assert egypt and len(egypt) < len(events)
    csv_out = run("actors", "--db", db, "--kind", "person", "--csv").stdout.splitlines()
    assert csv_out[0] == "name,kind,code,country,articles,mentions,titles" and len(csv_out) > 3
    table = run("quotes", "--db", db).stdout
    assert table.splitlines()[0].split() == ["speaker", "title", "quote", "article"]
    pairs = json.loads(run("events", "--db", db, "--dyads", "--json", "--limit", "1000").stdout)
    multilateral = [e for e in events if len(e["actors"]) + len(e["recipients"]) > 2]
    assert multilateral and len(pairs) > len(events)
    assert all({"event_id", "source", "target", "source_name", "target_name"} <= set(p) for p in pairs)
    none = run("events", "--db", db, "--actor", "Nobody Atall")
    assert none.stdout.strip() == "(no rows)"


@pytest.fixture
def local_server():
    """Serve examples/ on 127.0.0.1 for the length of one test."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(EXAMPLES))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_cli_read_url_and_a_missing_page(local_server, monkeypatch):
    url = f"{local_server}/wikinews-2019-10-10-uk-urges-us-immunity.html"
    refused = run("read", url)
    assert refused.exit_code == 1 and "CABLE_ALLOW_PRIVATE_URLS" in refused.stderr
    monkeypatch.setenv("CABLE_ALLOW_PRIVATE_URLS", "1")
    result = run("read", url, "--json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["article"]["title"].startswith("UK urges US")
    missing = run("read", f"{local_server}/nope.html")
    assert missing.exit_code == 1 and "answered 404" in missing.stderr


def test_cli_actor_gives_a_dated_history(tmp_path):
    db = tmp_path / "c.db"
    assert run("ingest", EXAMPLES, "--db", db).exit_code == 0
    result = run("actor", "Kyriakos Mitsotakis", "--db", db)
    assert result.exit_code == 0, result.output
    assert "[person, GRCGOV] GRC" in result.stdout
    assert "Prime Minister, Greece  (knowledge base; 1 article)" in result.stdout
    history = json.loads(run("actor", "Kyriakos Mitsotakis", "--db", db, "--json").stdout)
    assert history["quotes"] and all(q["speaker_name"] == "Kyriakos Mitsotakis" for q in history["quotes"])
    assert history["posts"][0] == {"published": "2020-01-11", "article_id": history["quotes"][0]["article_id"],
                                   "title": "prime minister", "organization": "Greece", "source": "text"}
    merged = next(p for p in history["history"] if p["title"] == "Prime Minister")
    assert merged["sources"] == ["kb", "text"] and merged["first"] == "2020-01-11" and merged["start"] <= 2020
    shoukry = json.loads(run("actor", "Sameh Shoukry", "--db", db, "--json").stdout)
    assert shoukry["events"] and all("Sameh Shoukry" in e["actor_names"] + e["recipient_names"]
                                     for e in shoukry["events"])
    missing = run("actor", "Nobody At All", "--db", db)
    assert missing.exit_code == 1 and "cable actors --name" in missing.stderr
