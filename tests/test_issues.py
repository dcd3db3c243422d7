"""Issue keys: one key for one issue however it is worded, and positions followed across articles."""

from __future__ import annotations

from click.testing import CliRunner

from built import build
from cable.cli import cli
from cable.issues import issue_key
from cable.store import open_store


def test_wordings_of_one_issue_share_a_key():
    keys = {issue_key("the lifting of its oil embargo", "IRN"),
            issue_key("Iran's oil embargo lifting", "IRN"),
            issue_key("lifting of the oil embargoes", "IRN")}
    assert keys == {"embargo lifting oil"}
    assert issue_key("the census statuses") == "census status"


def test_countries_become_codes_and_the_holders_own_country_drops():
    assert issue_key("bilateral discussions with North Korea", "USA") == "PRK bilateral discussion"
    assert issue_key("bilateral talks with Pyongyang", "USA") == "PRK bilateral talk"
    assert issue_key("sanctions on Iran", "IRN") == "sanction"
    assert issue_key("sanctions on Iran", None) == "IRN sanction"


def test_different_issues_keep_different_keys():
    assert issue_key("the sanctions against Iran") != issue_key("the sanctions against Syria")
    assert issue_key("a new trade deal") != issue_key("a new arms deal")


def test_store_rows_carry_the_key_and_follow_shows_a_change(tmp_path):
    first = build("2021-03-01", "Ruritania backs the sanctions against Iran, the minister said.",
                  {"Ruritania": ("country", "RUR", None)},
                  stances=[("Ruritania", "the sanctions against Iran", "backs the sanctions against Iran", "support")],
                  article_id="one")
    later = build("2021-06-01", "Ruritania now opposes Iranian sanctions, its envoy said.",
                  {"Ruritania": ("country", "RUR", None)},
                  stances=[("Ruritania", "Iran sanctions", "opposes Iranian sanctions", "oppose")],
                  article_id="two")
    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        store.write(first)
        store.write(later)
        rows = store.stances(holder="Ruritania")
    assert {r["issue_key"] for r in rows} == {"IRN sanction"}
    out = CliRunner().invoke(cli, ["stances", "--follow", "--db", db]).output
    lines = out.splitlines()
    assert lines[0] == "Ruritania · IRN sanction"
    assert "2021-03-01  support" in lines[1] and "2021-06-01  changed oppose" in lines[2]
