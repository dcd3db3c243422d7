"""Commands for the voices in the news: score quotes on PolNeAR; list stances
(also as DNA statements); list forecasts, record their outcomes and score them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from .cli_common import db_option

DEFAULT_POLNEAR = Path("..") / "shared" / "anchors" / "PolNeAR"


@click.command("eval-quotes")
@click.argument("folder", metavar="DIR", required=False, default=str(DEFAULT_POLNEAR),
                type=click.Path(exists=True, file_okay=False))
@click.option("--split", type=click.Choice(["train", "dev"]), default="dev", show_default=True,
              help="PolNeAR split to score (the test split is held out).")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_quotes(folder, split, limit, as_json):
    """Score the quotes stage on PolNeAR attributions: lenient precision, recall,
    F1 (content overlap of half the gold content or more, overlapping source) and
    recall of wholly quoted content. Quotes sharing a cue count as one
    attribution; each article is scored against its first annotator's file.
    DIR is the PolNeAR folder (the one holding data/).

    Example:

    \b
        cable eval-quotes ../shared/anchors/PolNeAR --split dev
        cable eval-quotes --split train --limit 50 --json
    """
    from .voices_eval import evaluate

    scores = evaluate(folder, split=split, limit=limit)
    click.echo(json.dumps(scores.to_json(), indent=2) if as_json else scores.table())


def _store(db: str):
    from .errors import CableError
    from .store import open_store

    try:
        return open_store(db)
    except CableError as e:
        raise click.ClickException(str(e)) from None


@click.group(invoke_without_command=True)
@click.option("--holder", help="Holder's name contains this text.")
@click.option("--resolved/--open", "resolved", default=None, help="Only forecasts with (or without) an outcome.")
@click.option("--limit", default=50, show_default=True, help="At most this many rows.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def forecasts(ctx, holder, resolved, limit, as_json, db):
    """List stored forecasts with their keys and recorded outcomes; record an
    outcome; score the resolved ones.

    Example:

    \b
        cable forecasts --holder Flake
        cable forecasts outcome 3f2a9c1d0b7e6a55:f2 0 --date 2010-03-01 --note "talks resumed"
        cable forecasts score
    """
    if ctx.invoked_subcommand is not None:
        return
    with _store(db) as store:
        rows = store.forecasts(holder=holder, resolved=resolved, limit=limit)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("(no rows)")
    for r in rows:
        outcome = {None: "open", 1: "happened", 0: "did not happen"}[r["outcome"]]
        click.echo("\t".join([r["key"], r["holder_name"] or "-", f"{r['probability']:.2f}", r["expression"],
                              " ".join(r["claim"].split())[:80], outcome]))


@forecasts.command("outcome")
@click.argument("key")
@click.argument("outcome", type=click.Choice(["0", "1"]))
@click.option("--date", "resolved_on", help="When it was settled (YYYY-MM-DD).")
@click.option("--note", help="What happened, in a few words.")
@db_option
def outcome(key, outcome, resolved_on, note, db):
    """Record what happened to the forecast KEY (ARTICLE_ID:f1, from `cable
    forecasts`): 1 it happened, 0 it did not. Recording again replaces it."""
    from .errors import CableError

    if resolved_on is not None:
        try:
            resolved_on = dt.date.fromisoformat(resolved_on).isoformat()
        except ValueError:
            raise click.BadParameter(f"{resolved_on!r} is not a date; use YYYY-MM-DD", param_hint="--date") from None
    with _store(db) as store:
        try:
            store.record_outcome(key, int(outcome), resolved_on=resolved_on, note=note)
        except CableError as e:
            raise click.ClickException(str(e)) from None
    click.echo(f"{key}: {'happened' if outcome == '1' else 'did not happen'}")


@forecasts.command("score")
@click.option("--bins", default=10, show_default=True, type=click.IntRange(min=1), help="Calibration bins.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def score(bins, as_json, db):
    """Brier score per holder and a calibration table (stated probability
    against observed frequency) over the forecasts with a recorded outcome."""
    from .forecast_scores import report, scored, table

    with _store(db) as store:
        resolved = scored(store.forecasts(resolved=True, limit=-1))
    click.echo(json.dumps(report(resolved, bins), indent=2) if as_json else table(resolved, bins))


@click.command()
@click.option("--holder", help="Holder's name contains this text.")
@click.option("--issue", help="Issue contains this text.")
@click.option("--polarity", type=click.Choice(["support", "oppose", "conditional"]))
@click.option("--since", help="Published on or after YYYY-MM-DD.")
@click.option("--until", help="Published on or before YYYY-MM-DD.")
@click.option("--limit", default=50, show_default=True, help="At most this many rows.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--dna", is_flag=True, help="Print CSV in the statement layout of Discourse Network Analyzer.")
@click.option("--follow", is_flag=True,
              help="Follow each holder's position on each issue over time (issues matched by their key).")
@db_option
def stances(holder, issue, polarity, since, until, limit, as_json, dna, follow, db):
    """List stored stances: who supports or opposes what, and on what condition.

    With --dna the rows are DNA statements (person, organization, concept,
    agreement 1/0, offsets and text); conditional stances count as agreement.
    With --follow the stances are grouped by holder and issue key (the same issue
    however articles word it), oldest first, so a change of position shows.

    Example:

    \b
        cable stances --holder "North Korea"
        cable stances --issue talks --dna > statements.csv
    """
    with _store(db) as store:
        rows = store.stances(holder=holder, issue=issue, polarity=polarity, since=since, until=until, limit=limit)
    if follow:
        click.echo(followed(rows), nl=False)
    elif dna:
        from .dna_export import dna_csv

        click.echo(dna_csv(rows), nl=False)
    elif as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            click.echo("\t".join([r["holder_name"] or r["holder"], r["polarity"], r["issue"],
                                  (r["published"] or "-"), " ".join(r["position"].split())[:80]]))
        if not rows:
            click.echo("(no rows)")


def followed(rows: list[dict]) -> str:
    """Stances by (holder, issue key), oldest first within each; a line marks each change."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        groups.setdefault((r["holder_name"] or r["holder"], r["issue_key"]), []).append(r)
    lines = []
    for (holder, key), group in sorted(groups.items()):
        lines.append(f"{holder} · {key or '(no key)'}")
        last = None
        for r in sorted(group, key=lambda r: (r["published"] or "", r["article_id"], r["start"])):
            mark = "changed " if last is not None and r["polarity"] != last else ""
            lines.append(f"  {r['published'] or '-':<10}  {mark}{r['polarity']:<11} {r['issue']}  [{r['article_id']}:{r['id']}]")
            last = r["polarity"]
    return "\n".join(lines) + "\n" if lines else "(no rows)\n"


VOICE_COMMANDS = (eval_quotes, forecasts, stances)
