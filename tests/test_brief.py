"""The brief: sections written from stored records, every line linked to records that exist."""

import re

import pytest
from built import build
from click.testing import CliRunner
from pg import pg_server, pg_url  # noqa: F401  (fixtures)

from cable import brief
from cable.cli import cli
from cable.store import open_store

DAY = "2021-05-04"
ACTORS = {"Harbour Institute": ("organization", None, "EDU"), "Lake Foundation": ("organization", None, "NGO"),
          "Ann Lee": ("person", "RUR", "GOV", "foreign minister"), "Bo Park": ("person", "FRE", "GOV", "envoy"),
          "Ruritania": ("country", "RUR", None), "Freedonia": ("country", "FRE", None),
          "Lakeside Talks": ("process", None, None), "analysts": ("group", None, None)}
TODAY = build(
    DAY,
    "Scholars of the Harbour Institute hosted fellows of the Lake Foundation in Oslo on Monday. Ann Lee met Bo Park "
    "in Geneva on Tuesday. Ruritania and Freedonia plan to meet in Vienna on Friday. \"We will not sign a <b>bad</b> "
    "deal,\" said Ann Lee. Ruritania now opposes the dam project on the border river. Freedonia withdrew from the "
    "Lakeside Talks in April. There is little chance that the dam is finished this year, analysts said.",
    ACTORS,
    events=[{"plover": "CONSULT", "trigger": "hosted", "actors": ["Harbour Institute"],
             "recipients": ["Lake Foundation"], "place": "Oslo", "date": ("Monday", "2021-05-03", "2021-05-03")},
            {"plover": "CONSULT", "trigger": "met", "actors": ["Ann Lee"], "recipients": ["Bo Park"],
             "place": "Geneva", "date": ("Tuesday", "2021-05-04", "2021-05-04")},
            {"plover": "CONSULT", "trigger": "plan to meet", "actors": ["Ruritania", "Freedonia"], "place": "Vienna",
             "date": ("Friday", "2021-05-07", "2021-05-07"), "status": "planned"},
            {"plover": "SANCTION", "mode": "withdraw", "trigger": "withdrew", "actors": ["Freedonia"],
             "recipients": ["Lakeside Talks"], "date": ("April", "2021-04-01", "2021-04-30")}],
    quotes=[("Ann Lee", "We will not sign a <b>bad</b> deal,", "foreign minister of Ruritania")],
    stances=[("Ruritania", "the dam project", "opposes the dam project on the border river", "oppose")],
    forecasts=[("analysts", "little chance", "the dam is finished this year", 0.1)])
EARLIER = build(
    "2021-04-01",
    "Ruritania backs the dam project, its cabinet said. Bo Park expects the border to reopen within weeks.",
    {"Ruritania": ("country", "RUR", None), "Bo Park": ("person", "FRE", "GOV", "envoy")},
    stances=[("Ruritania", "the dam project", "backs the dam project", "support")],
    forecasts=[("Bo Park", "expects", "the border to reopen within weeks", 0.7)])


def filled(target: str):
    s = open_store(target)
    s.write(TODAY)
    s.write(EARLIER)
    s.record_outcome(f"{EARLIER.article.id}:f1", 0, resolved_on=DAY, note="still closed")
    return s


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    """The same records in each backend: the brief reads them through the stores' public queries only."""
    s = filled(request.getfixturevalue("pg_url") if request.param == "postgres" else str(tmp_path / "brief.db"))
    yield s
    s.close()


def texts(b, key):
    return [line.text for s in b.sections if s.key == key for line in s.lines]


def test_meetings_official_track_two_and_planned(store):
    b = brief.brief(store, date=DAY)
    assert texts(b, "meetings") == [
        "Track-two meeting in Oslo Monday (3 May 2021): Harbour Institute and Lake Foundation.",
        "Official meeting in Geneva Tuesday (4 May 2021): Ann Lee (foreign minister) and Bo Park (envoy)."]
    assert texts(b, "planned") == ["Planned official meeting in Vienna Friday (7 May 2021): Ruritania and Freedonia."]


def test_a_track_two_cue_in_the_sentence_makes_a_meeting_track_two():
    record = build(DAY, "Officials of Ruritania and Freedonia met in Oslo in a track-two setting.",
                   {"Ruritania": ("country", "RUR", "GOV"), "Freedonia": ("country", "FRE", "GOV")},
                   events=[{"plover": "CONSULT", "trigger": "met", "actors": ["Ruritania", "Freedonia"]}]).to_json()
    assert brief.setting(record, record["events"]) == "track-two"
    record["article"]["text"] = record["article"]["text"].replace("track-two", "formal")
    assert brief.setting(record, record["events"]) == "official"


def test_a_country_at_the_table_through_its_minister_is_not_named_twice():
    record = build(DAY, "Ruritania sent Ann Lee to meet Bo Park of Freedonia in Oslo.", ACTORS,
                   events=[{"plover": "CONSULT", "trigger": "meet", "actors": ["Ruritania", "Ann Lee"],
                            "recipients": ["Freedonia"], "place": "Oslo"}]).to_json()
    line = brief.meeting_line(record, record["events"])
    assert line.text == "Official meeting in Oslo: Ann Lee (foreign minister) and Freedonia."


def test_a_visit_names_guest_and_host_and_a_meeting_without_named_parties_only_its_place():
    record = build(DAY, "Ann Lee arrived in Freedonia for a visit. Talks were held in Oslo.", ACTORS,
                   events=[{"plover": "CONSULT", "mode": "visit", "trigger": "visit", "actors": ["Ann Lee"],
                            "recipients": ["Freedonia"]},
                           {"plover": "CONSULT", "trigger": "Talks", "place": "Oslo"}]).to_json()
    assert brief.meeting_line(record, record["events"][:1]).text == (
        "Official visit by Ann Lee (foreign minister) to Freedonia.")
    assert brief.meeting_line(record, record["events"][1:]).text == "Meeting in Oslo."


def test_one_passage_holding_two_issues_is_one_position_line():
    record = build(DAY, "Ruritania backs the dam and the canal, its cabinet said.", ACTORS,
                   stances=[("Ruritania", "the dam", "backs the dam and the canal", "support"),
                            ("Ruritania", "the canal", "backs the dam and the canal", "support")]).to_json()
    with open_store("memory:") as store:
        stated, changed = brief.positions(store, [record], DAY)
    assert [line.text for line in stated] == ["Ruritania supports the dam; the canal: \u201cbacks the dam and the "
                                              "canal\u201d"]
    assert [k.record_id for k in stated[0].links] == ["s1", "s2"] and changed == []


def test_quotes_positions_forecasts_and_processes(store):
    b = brief.brief(store, date=DAY)
    assert texts(b, "quotes") == [
        "Ann Lee, foreign minister of Ruritania: \u201cWe will not sign a <b>bad</b> deal\u201d"]
    assert texts(b, "positions") == [
        "Ruritania opposes the dam project: \u201copposes the dam project on the border river\u201d"]
    assert texts(b, "changed") == ["Ruritania now opposes the dam project (on 1 April 2021 it supported it)."]
    assert texts(b, "forecasts") == [
        "Analysts: \u201clittle chance\u201d: the dam is finished this year (almost certainly not, p = 0.10)."]
    assert texts(b, "resolved") == ["Bo Park: \u201cexpects\u201d: the border to reopen within weeks (probable, "
                                    "p = 0.70) (made 1 April 2021); it did not happen, resolved 4 May 2021."]
    assert texts(b, "processes") == ["Lakeside Talks: suspended since Freedonia's withdrawal in April 2021."]


def test_every_line_links_to_records_that_exist(store):
    b = brief.brief(store, date=DAY)
    assert len(b.lines()) >= 9
    for line in b.lines():
        assert line.links, line.text
        for link in line.links:
            record = store.article(link.article_id)
            assert record is not None
            kinds = ("events", "quotes", "stances", "forecasts")
            assert link.record_id in {x["id"] for k in kinds for x in record[k]}, line.text
            field = record["article"]["title"] if link.field == "title" else record["article"]["text"]
            assert 0 <= link.start < link.end <= len(field)


def test_quoted_words_are_the_article_words_at_the_linked_offsets(store):
    b = brief.brief(store, date=DAY)
    for key in ("quotes", "positions"):
        for s in b.sections:
            for line in s.lines if s.key == key else []:
                link = line.links[0]
                words = re.search("\u201c(.*)\u201d", line.text).group(1)
                assert words in store.article(link.article_id)["article"]["text"][link.start:link.end]


def test_markdown_and_html_carry_the_links_and_escape_the_text(store):
    b = brief.brief(store, date=DAY)
    md = brief.to_markdown(b, base="http://cable.test")
    assert md.startswith("# Cable brief: 4 May 2021\n")
    assert f"(http://cable.test/article/{TODAY.article.id}#q1)" in md and "\\<b\\>" in md
    html = brief.to_html(b)
    assert "&lt;b&gt;bad&lt;/b&gt;" in html and "<b>bad" not in html
    assert f'href="/article/{TODAY.article.id}#e1"' in html


def test_default_day_window_and_empty_days(store):
    assert brief.brief(store).since == DAY  # the newest day stored
    assert brief.brief(store, date="2021-01-01").sections == []
    since = brief.brief(store, since="2021-04-01")
    assert {a["id"] for a in since.articles} == {TODAY.article.id, EARLIER.article.id}
    assert brief.brief_days(store) == [DAY, "2021-04-01"]
    assert "Nothing stored" in brief.to_markdown(brief.brief(store, date="2021-01-01"))
    with open_store("memory:") as empty:
        assert brief.to_markdown(brief.brief(empty)).startswith("# Cable brief\n\nFrom 0 stored articles.")


def test_cable_brief_command(tmp_path):
    filled(str(tmp_path / "cli.db")).close()
    db = str(tmp_path / "cli.db")
    run = CliRunner().invoke(cli, ["brief", "--db", db, "--date", DAY])
    assert run.exit_code == 0, run.output
    assert "## Meetings and visits" in run.output and "Track-two meeting in Oslo" in run.output
    html = CliRunner().invoke(cli, ["brief", "--db", db, "--date", DAY, "--format", "html"])
    assert html.output.startswith("<!doctype html>") and "&lt;b&gt;" in html.output
    both = CliRunner().invoke(cli, ["brief", "--db", db, "--date", DAY, "--since", DAY])
    assert both.exit_code == 2 and "not both" in both.output
    bad = CliRunner().invoke(cli, ["brief", "--db", db, "--date", "May 4"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    listed = CliRunner().invoke(cli, ["processes", "--db", db])
    assert "Lakeside Talks: suspended since Freedonia's withdrawal in April 2021." in listed.output
    assert CliRunner().invoke(cli, ["stories", "--db", db, "--all"]).exit_code == 0


@pytest.mark.model
def test_the_seed_brief(seed_result):
    with open_store("memory:") as store:
        store.write(seed_result)
        b = brief.brief(store, date="2009-10-28")
    meetings = texts(b, "meetings")
    assert any(t.startswith("Track-two meeting in San Diego") for t in meetings), meetings
    quotes = texts(b, "quotes")
    assert any(t.startswith("Susan Shirk, director of") for t in quotes), quotes
    assert any(t.startswith("Gordon Flake, executive director of") for t in quotes), quotes
    holders = {t.split(" ")[0] + " " + t.split(" ")[1] for t in texts(b, "positions")}
    assert {"United States", "North Korea"} <= holders
    assert "Six-Party Talks: suspended since North Korea's withdrawal in April 2009." in texts(b, "processes")
    assert any("little chance" in t and "Six-Party Talks" in t for t in texts(b, "forecasts"))
    for line in b.lines():
        assert line.links and all(link.article_id == seed_result.article.id for link in line.links)
