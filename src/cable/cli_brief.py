"""Commands that read across stored articles: the brief, stories, tracked processes."""

from __future__ import annotations

import json

import click

from .cli_common import check_date, db_option


def _open(db: str):
    from .errors import CableError
    from .store import open_store

    try:
        return open_store(db)
    except CableError as e:
        raise click.ClickException(str(e)) from None


@click.command("brief")
@click.option("--date", callback=check_date, help="The day (YYYY-MM-DD) whose articles to brief; default: the newest.")
@click.option("--since", callback=check_date, help="Brief every article published on or after this day.")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True,
              help="Markdown or an HTML page.")
@click.option("--base-url", default="", help="Prefix for the evidence links, e.g. http://localhost:8000.")
@db_option
def brief(date, since, fmt, base_url, db):
    """Write the brief of a day's stored articles: meetings and visits (official
    or track two), who said what, positions (and those that changed), forecasts
    made and resolved, processes whose status moved. Every line links to the
    records it rests on (article id, record id, character offsets).

    Example:

    \b
        cable brief --date 2009-10-28
        cable brief --since 2020-01-01 --format html > brief.html
    """
    from .brief import brief as make_brief
    from .brief import to_html_page, to_markdown
    from .errors import CableError

    if date and since:
        raise click.UsageError("give --date or --since, not both")
    try:
        with _open(db) as store:
            made = make_brief(store, date=date, since=since)
    except CableError as e:
        raise click.ClickException(str(e)) from None
    click.echo(to_markdown(made, base=base_url) if fmt == "md" else to_html_page(made, base=base_url), nl=False)


@click.command("stories")
@click.option("--since", callback=check_date, help="Articles published on or after this day.")
@click.option("--until", callback=check_date, help="Articles published on or before this day.")
@click.option("--all", "show_all", is_flag=True, help="Also list stories of a single article.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def stories(since, until, show_all, as_json, db):
    """List stories: stored articles about the same episode (shared actors, event
    types, places and wording, published within a few days), newest first.

    Example:

    \b
        cable stories --since 2020-01-01
        cable stories --all --json
    """
    import dataclasses

    from .stories import stories as find_stories

    with _open(db) as store:
        found = [s for s in find_stories(store, since=since, until=until) if show_all or len(s.articles) > 1]
    if as_json:
        click.echo(json.dumps([dataclasses.asdict(s) for s in found], ensure_ascii=False, indent=2))
        return
    for s in found:
        click.echo(f"{s.id}\t{s.start or ''}..{s.end or ''}\t{len(s.articles)} articles\t{s.title or ''}")
        for a in s.articles:
            click.echo(f"  {a['id']}\t{a['published'] or ''}\t{a['title'] or ''}")


@click.command("processes")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def processes(as_json, db):
    """List tracked processes and forums (negotiation tracks, dialogues,
    agreements): status, members, status history with its evidence, each
    party's stated positions and preconditions, and quotes that name them.

    Example:

    \b
        cable processes
        cable processes --json
    """
    import dataclasses

    from .brief import process_line
    from .processes import processes as find_processes

    with _open(db) as store:
        found = find_processes(store)
    if as_json:
        click.echo(json.dumps([dataclasses.asdict(p) | {"status": p.status} for p in found], ensure_ascii=False,
                              indent=2))
        return
    for p in found:
        click.echo(process_line(p).text if p.history else f"{p.name}: no status change stored.")
        click.echo(f"  {p.kind}; members: {', '.join(p.members) or '-'}")
        for c in p.history:
            click.echo(f"  {c.status}\t{(c.date or {}).get('start') or c.published or ''}\t{', '.join(c.parties)}"
                       f"\t{c.evidence.article_id}:{c.evidence.record_id}")
        for pos in p.positions:
            click.echo(f"  {pos.holder} ({pos.polarity}) on {pos.issue}: {pos.position}")
        for q in p.remarks:
            click.echo(f"  {q.speaker}: \u201c{q.text}\u201d")


BRIEF_COMMANDS = (brief, stories, processes)
