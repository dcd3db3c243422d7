"""The command line: parse arguments, call the library, print."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator

import click

from .cli_common import check_date as _check_date
from .cli_common import db_option
from .errors import CableError
from .records import Rejection, Result, Skipped, rejection_json
from .settings import Settings

def _settings() -> Settings:
    return Settings.load()


def _process(names: list[str], date: str | None, settings: Settings, skip=None) -> Iterator[Result | Rejection]:
    """Read and process the documents of the inputs in order, in batches, loading the model once."""
    from .pipeline import process_many

    return process_many(_documents(names, settings), date=date, settings=settings, skip=skip)


def _documents(names: list[str], settings: Settings) -> Iterator[tuple | Rejection]:
    """Each document of each input as a (text, input, url, date) item, or the reason it could not be read."""
    from .sources import Limits, iter_documents

    limits = Limits(settings.max_bytes, settings.fetch_timeout, settings.allow_private_urls)
    for name in names:
        for doc in iter_documents(name, limits):
            yield doc if isinstance(doc, Rejection) else (doc.text, doc.input, doc.url, doc.date)


@click.group()
@click.version_option(package_name="cable")
def cli():
    """Cable reads foreign-affairs reporting and records who met, said, demanded
    and expected what: actors, events (PLOVER/CAMEO), quotes, stances, forecasts.

    Example:

    \b
        cable read article.txt --date 2009-10-28
        cable ingest examples/ && cable events --type CONSULT
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--date", callback=_check_date, help="Publication date (YYYY-MM-DD) to resolve 'this week', 'Tuesday'...")
@click.option("--json", "as_json", is_flag=True, help="Print the cable/1 JSON object.")
@click.option("--jsonl", is_flag=True, help="Print one cable/1 object per input, one per line.")
def read(inputs, date, as_json, jsonl):
    """Read articles (files, URLs, or - for standard input) and print what Cable finds.

    A JSONL dump ({url, html|text, date} a line), an RSS/Atom feed or a WARC
    archive gives one result per article in it (use --jsonl); .gz files are read
    as they are.

    Example:

    \b
        cable read page.html --date 2009-10-28 --json
        cable read a.txt b.txt --jsonl > records.jsonl
    """
    settings = _settings()
    if len(inputs) > 1 and not jsonl:
        raise click.UsageError("several inputs need --jsonl (one JSON object per line)")
    rejected = shown = 0
    try:
        for out in _process(list(inputs), date, settings):
            shown += 1
            if as_json and not jsonl and shown > 1:
                raise click.UsageError("the input holds several articles; use --jsonl (one JSON object per line)")
            if isinstance(out, Rejection):
                rejected += 1
                if jsonl:
                    click.echo(json.dumps(rejection_json(out), ensure_ascii=False))
                click.echo(f"cable: {out.message}", err=True)
                continue
            if jsonl or as_json:
                click.echo(json.dumps(out.to_json(), ensure_ascii=False, indent=None if jsonl else 2))
            else:
                from .report import render

                click.echo(render(out))
    except CableError as e:
        raise click.ClickException(str(e)) from None
    if rejected:
        sys.exit(1)


def _progress(items):
    """A progress bar on standard error when it is a terminal (articles done, rate)."""
    from tqdm import tqdm

    return tqdm(items, unit=" docs", disable=not sys.stderr.isatty(), file=sys.stderr, leave=False)


@cli.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, help="How often to poll: 90s, 15m, 1h, 1h30m.")
@db_option
@click.option("--once", is_flag=True, help="Poll each feed once and stop.")
@click.option("--rounds", type=click.IntRange(min=1), help="Poll this many times and stop.")
def watch(feeds, every, db, once, rounds):
    """Poll RSS/Atom feeds (URLs, feed files, or .txt lists of them) and ingest new items once.

    What was seen is remembered in the database, so a restart goes on where the
    last run stopped; an unchanged feed costs one conditional request; a feed
    that fails is retried later and later (up to six hours). Logs go to stderr.

    Example:

    \b
        cable watch feeds.txt --every 15m --db news.db
    """
    import logging

    from .watch import Watcher, feed_list, parse_every

    try:
        seconds = parse_every(every)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--every") from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    watcher = Watcher(feed_list(feeds), db, every=seconds, settings=_settings())
    try:
        done = watcher.run(rounds=1 if once else rounds)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
        return
    except CableError as e:
        click.echo(f"Error: {e}", err=True)
        sys.exit(2)
    stored = sum(r.stored for r in done)
    rejected = sum(r.rejected for r in done)
    failed = sum(1 for r in done if r.error)
    click.echo(f"{len(done)} polls: {stored} stored, {rejected} rejected, {failed} failed")


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--date", callback=_check_date, help="Publication date (YYYY-MM-DD) for articles that give none.")
@click.option("--jsonl", is_flag=True, help="One JSON object per document, one per line (the default is text).")
def clean(inputs, date, jsonl):
    """The clean stage alone: each document's article text and metadata, and what was removed.

    With --jsonl each line is {input, article: {title, author, outlet, column,
    published, url, language, text}, removed: [...]}, or {input, error} for a
    document that could not be read or holds no article.

    Example:

    \b
        cable clean page.html saved/ feed.rss --jsonl > articles.jsonl
    """
    import dataclasses

    from .pipeline import clean_item
    from .records import SCHEMA
    from .sources import expand_inputs

    settings = _settings()
    rejected = 0
    for item in _documents(expand_inputs(list(inputs)), settings):
        out = item if isinstance(item, Rejection) else clean_item(item, date, settings)
        if isinstance(out, Rejection):
            rejected += 1
            click.echo(f"cable: {out.message}", err=True)
            if jsonl:
                click.echo(json.dumps(rejection_json(out), ensure_ascii=False))
            continue
        if jsonl:
            record = {"schema": SCHEMA, "input": item[1], "article": dataclasses.asdict(out.article),
                      "removed": [dataclasses.asdict(r) for r in out.removed]}
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            a = out.article
            click.echo(f"== {item[1]}: {a.title or '(no title)'} | {a.published or 'no date'} | "
                       f"{len(a.text)} chars, {len(out.removed)} removed\n{a.text}\n")
    if rejected:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--date", callback=_check_date, help="Publication date (YYYY-MM-DD) for articles that give none.")
@click.option("--replace", is_flag=True, help="Re-extract and replace articles already stored.")
@click.option("--keep-duplicates", is_flag=True,
              help="Store near-duplicates and repeats of a canonical URL as articles of their own.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes that parse in parallel, each loading the model once; only this one writes the store.")
def ingest(paths, db, date, replace, keep_duplicates, workers):
    """Read files, directories, URLs, JSONL dumps, feeds and WARC archives, and store the results.

    Directories are walked for .txt/.html pages, .jsonl dumps, .rss/.atom feeds
    and .warc/.arc archives (each also as .gz).

    Idempotent: an article already stored is left as it is (use --replace to
    re-extract it); the same article under another URL (its canonical URL) and a
    near-duplicate (wire copy with small edits) are linked to it, not stored twice. Rejected inputs are recorded with their reason; the run
    goes on. Exit status: 0 all stored, 1 some rejected, 2 could not run.

    Example:

    \b
        cable ingest examples/ --db news.db
    """
    from .sources import expand_inputs
    from .store import open_store

    settings = _settings()
    names = expand_inputs(list(paths))
    outcomes: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    try:
        with open_store(db) as store:
            if workers > 1:
                from .parallel import process_parallel

                outs = process_parallel(names, workers=workers, date=date, settings=settings,
                                        skip_db=None if replace else db)
            else:
                stored = None if replace else (lambda article_id: store.article(article_id) is not None)
                outs = _process(names, date, settings, skip=stored)
            for out in _progress(outs):
                if isinstance(out, Rejection):
                    store.reject(out)
                    reasons[out.code] += 1
                    click.echo(f"rejected {out.input}: {out.message}", err=True)
                elif isinstance(out, Skipped):
                    outcomes["unchanged"] += 1
                else:
                    outcomes[store.write(out, replace=replace, dedupe=not keep_duplicates).status] += 1
            totals = store.counts()
    except CableError as e:
        click.echo(f"Error: {e}", err=True)
        sys.exit(2)
    done = ", ".join(f"{n} {k}" for k, n in sorted(outcomes.items())) or "nothing stored"
    rej = sum(reasons.values())
    why = f" ({', '.join(f'{k}: {n}' for k, n in reasons.most_common())})" if rej else ""
    articles = sum(outcomes.values()) + rej
    click.echo(f"{len(names)} inputs, {articles} documents: {done}; {rej} rejected{why}")
    click.echo(f"{db}: {totals['articles']} articles, {totals['actors']} actors, {totals['events']} events, "
               f"{totals['quotes']} quotes, {totals['stances']} stances, {totals['forecasts']} forecasts")
    sys.exit(1 if rej else 0)


def _output_options(f):
    f = click.option("--limit", default=50, show_default=True, help="At most this many rows.")(f)
    f = click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")(f)
    f = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(f)
    f = db_option(f)
    return f


def _query(db: str, method: str, **filters) -> list[dict]:
    from .store import open_store

    try:
        with open_store(db) as store:
            return getattr(store, method)(**filters)
    except CableError as e:
        raise click.ClickException(str(e)) from None


def _emit(rows: list[dict], columns: list[tuple[str, callable]], as_json: bool, as_csv: bool) -> None:
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = [[str(get(r) if get(r) is not None else "") for _, get in columns] for r in rows]
    if as_csv:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow([name for name, _ in columns])
        writer.writerows(table)
        click.echo(buf.getvalue(), nl=False)
        return
    if not rows:
        click.echo("(no rows)")
        return
    widths = [min(48, max(len(name), *(len(row[i]) for row in table))) for i, (name, _) in enumerate(columns)]
    click.echo("  ".join(name.ljust(w) for (name, _), w in zip(columns, widths)).rstrip())
    for row in table:
        click.echo("  ".join(_fit(cell, w) for cell, w in zip(row, widths)).rstrip())


def _event_filters(f):
    """The filters that pick stored events: actor, country, type, status, since, until."""
    for option in reversed((
        click.option("--actor", help="A participant's name (substring) or code, e.g. 'Mitsotakis' or GRCGOV."),
        click.option("--country", help="A participant's ISO3 country, e.g. PRK."),
        click.option("--type", "type_", help="PLOVER type (CONSULT) or CAMEO code prefix (04)."),
        click.option("--status", type=click.Choice(["occurred", "planned", "negated", "hypothetical"])),
        click.option("--since", callback=_check_date, help="On or after YYYY-MM-DD."),
        click.option("--until", callback=_check_date, help="On or before YYYY-MM-DD."),
    )):
        f = option(f)
    return f


def _fit(cell: str, width: int) -> str:
    cell = " ".join(cell.split())
    return (cell[: width - 1] + "\u2026" if len(cell) > width else cell).ljust(width)


@cli.command()
@_event_filters
@click.option("--dyads", is_flag=True, help="One row per (source, target) pair, as dyadic data sets expect.")
@_output_options
def events(actor, country, type_, status, since, until, dyads, db, as_json, as_csv, limit):
    """List stored events. A multilateral event is one event with lists of
    actors and recipients; --dyads expands it into pairs.

    Example:

    \b
        cable events --country PRK --type CONSULT --since 2009-01-01
        cable events --dyads --csv > dyads.csv
    """
    rows = _query(db, "events", actor=actor, country=country, type=type_, status=status,
                  since=since, until=until, limit=limit)
    if dyads:
        from .dyads import expand_dyads

        rows = expand_dyads(rows)
        _emit(rows, [
            ("date", lambda r: (r["date"] or {}).get("start") or r["published"]),
            ("event", lambda r: f"{r['article_id']}/{r['event_id']}"),
            ("plover", lambda r: r["plover"]), ("cameo", lambda r: r["cameo"]), ("status", lambda r: r["status"]),
            ("source", lambda r: r["source_name"]), ("target", lambda r: r["target_name"]),
            ("goldstein", lambda r: r["goldstein"]), ("quad_class", lambda r: r["quad_class"]),
        ], as_json, as_csv)
        return
    _emit(rows, [
        ("date", lambda r: (r["date"] or {}).get("start") or r["published"]),
        ("plover", lambda r: r["plover"] + (f"/{r['mode']}" if r["mode"] else "")),
        ("cameo", lambda r: r["cameo"]),
        ("status", lambda r: r["status"]),
        ("actors", lambda r: " + ".join(r["actor_names"])),
        ("recipients", lambda r: " + ".join(r["recipient_names"])),
        ("place", lambda r: (r["location"] or {}).get("name")),
        ("trigger", lambda r: r["trigger"]["text"]),
        ("article", lambda r: r["article_title"]),
    ], as_json, as_csv)


@cli.command()
@click.option("--name", help="Name contains this text.")
@click.option("--country", help="ISO3 country, e.g. USA.")
@click.option("--kind", type=click.Choice(["person", "organization", "country", "group", "forum", "process"]))
@click.option("--sector", help="Sector code, e.g. GOV, MIL, NGO.")
@_output_options
def actors(name, country, kind, sector, db, as_json, as_csv, limit):
    """List stored actors, merged across articles.

    Example:

    \b
        cable actors --kind person --country PRK
    """
    rows = _query(db, "actors", name=name, country=country, kind=kind, sector=sector, limit=limit)
    _emit(rows, [
        ("name", lambda r: r["name"]), ("kind", lambda r: r["kind"]), ("code", lambda r: r["code"]),
        ("country", lambda r: r["country"]), ("articles", lambda r: r["articles"]),
        ("mentions", lambda r: r["mentions"]),
        ("titles", lambda r: "; ".join(t["title"] + (f", {t['organization']}" if t.get("organization") else "")
                                       for t in r["titles"])),
    ], as_json, as_csv)


@cli.command("actor")
@click.argument("name")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1),
              help="Events, quotes and stances to show (newest first).")
def actor(name, db, as_json, limit):
    """One actor's dated history across the store: its posts (the titles articles give,
    merged with the knowledge base's dated posts), and its events, quotes and stances. NAME is the actor's name as stored (see
    `cable actors --name`).

    Example:

    \b
        cable actor "Sameh Shoukry" --db cable.db
    """
    from . import roles
    from .kb import load_kb
    from .store import open_store

    with open_store(db) as store:
        entries = store.actors(name=name, exact=True, limit=10)
        history = {"name": name, "entries": entries, "posts": store.posts(name),
                   "events": store.events(actor_name=name, limit=limit),
                   "quotes": store.quotes(speaker=name, exact=True, limit=limit),
                   "stances": [s for s in store.stances(holder=name, limit=limit * 5) if s.get("holder_name") == name]
                   [:limit]}
    if not entries:
        raise click.ClickException(f"no actor named {name!r} in {db}; look it up with `cable actors --name`")
    posts = roles.history(history["posts"], load_kb(), name=name, country=entries[0]["country"])
    history["history"] = [post.as_dict() for post in posts]
    if as_json:
        click.echo(json.dumps(history, ensure_ascii=False, indent=2))
        return
    for e in entries:
        click.echo(f"{name} [{e['kind']}{', ' + e['code'] if e['code'] else ''}] {e['country'] or ''} - "
                   f"{e['articles']} articles, {e['mentions']} mentions")
    _section("Posts and titles", [roles.describe(post) for post in posts])
    _section("Events", [f"{(ev.get('date') or {}).get('start') or ev['published'] or '?':<10}  {ev['plover']:<9} "
                        f"{' + '.join(ev['actor_names'])}{' -> ' + ' + '.join(ev['recipient_names']) if ev['recipient_names'] else ''}"
                        f"  ({ev['trigger']['text']}; {ev['status']})" for ev in history["events"]])
    _section("Quotes", [f"{q['published'] or '?':<10}  {_fit(q['text'], 100).rstrip()}" for q in history["quotes"]])
    _section("Stances", [f"{s.get('published') or '?':<10}  {s['polarity']:<11} {_fit(s['issue'], 80).rstrip()}"
                         for s in history["stances"]])


def _section(title: str, lines: list[str]) -> None:
    click.echo(f"\n{title} ({len(lines)})")
    for line in lines or ["none"]:
        click.echo(f"  {line}")


@cli.command()
@click.option("--speaker", help="Speaker's name contains this text.")
@click.option("--country", help="Speaker's ISO3 country.")
@click.option("--contains", help="Quote text contains this text.")
@click.option("--since", callback=_check_date, help="Published on or after YYYY-MM-DD.")
@click.option("--until", callback=_check_date, help="Published on or before YYYY-MM-DD.")
@_output_options
def quotes(speaker, country, contains, since, until, db, as_json, as_csv, limit):
    """List stored quotes with their speakers.

    Example:

    \b
        cable quotes --speaker Mitsotakis
    """
    rows = _query(db, "quotes", speaker=speaker, country=country, contains=contains, since=since,
                  until=until, limit=limit)
    _emit(rows, [
        ("speaker", lambda r: r["speaker_name"]), ("title", lambda r: r["speaker_title"]),
        ("quote", lambda r: r["text"]), ("article", lambda r: r["article_title"]),
    ], as_json, as_csv)


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["gdelt", "icews", "polecat", "plover-jsonl", "csv", "parquet"]),
              required=True, help="Layout of the output.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="File to write (default: standard output).")
@_event_filters
@db_option
def export(fmt, out, actor, country, type_, status, since, until, db):
    """Write stored events in the field's layouts: GDELT 2.0 (61 tab-separated columns),
    ICEWS, POLECAT-style JSON lines, PLOVER JSON lines, CSV, or Parquet.

    GDELT and ICEWS rows are dyadic (a multilateral event becomes its pairs);
    the JSON layouts keep actor lists.

    Example:

    \b
        cable export --format gdelt --since 2020-01-01 --out events.gdelt.tsv
    """
    from .exports import write_export
    from .store import open_store

    if fmt == "parquet" and not out:
        raise click.UsageError("Parquet is binary: give --out FILE")
    try:
        with open_store(db) as store:
            matching = store.each_event(actor=actor, country=country, type=type_, status=status, since=since,
                                        until=until)
            events = 0

            def rows() -> Iterator[dict]:
                """The matching events, read a batch at a time, counted."""
                nonlocal events
                for row in matching:
                    events += 1
                    yield row

            if out:
                with open(out, "wb") as f:
                    count = write_export(fmt, rows(), store, f)
            else:
                count = write_export(fmt, rows(), store, sys.stdout.buffer)
                sys.stdout.flush()
    except CableError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"{count} {fmt} records from {events} events", err=True)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes sharing the port (one per core answers concurrent clients sooner).")
def serve(db, host, port, workers):
    """Serve the JSON API (/api/..., described by /openapi.json) and the pages over a store.

    Reading needs nothing; ingesting through the API needs a token
    (`cable token create`).

    Example:

    \b
        cable serve --db news.db --port 8000 --workers 2
    """
    import uvicorn

    from .web import create_app

    if workers == 1:
        uvicorn.run(create_app(db, settings=_settings()), host=host, port=port, log_level="info")
        return
    os.environ["CABLE_DB"] = db  # each worker process builds its application from the environment
    uvicorn.run("cable.web:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="info")


@cli.group()
def token():
    """API tokens for writing through `cable serve`."""


@token.command("create")
@click.option("--name", default="default", show_default=True, help="Who or what the token is for.")
@db_option
def token_create(name, db):
    """Create a token; it is shown once and only its hash is stored."""
    from .web.tokens import create_token

    click.echo(create_token(db, name))


def main() -> None:  # pragma: no cover
    cli()


@cli.command("code")
@click.argument("input_path", metavar="INPUT")
@click.option("--dictionaries", type=click.Path(exists=True, file_okay=False),
              help="Folder holding the dictionaries the suite names (default: where its own tree keeps them).")
@click.option("--jsonl", is_flag=True, help="Print one {id, events: [{source, target, cameo, plover}]} per record.")
def code(input_path, dictionaries, jsonl):
    """Code a sentence-level suite: PETRARCH XML, TABARI validation text, or
    JSONL {id, date, text} (also PETRARCH-2 cases, PLOVER gold, ConfliBERT TSV).

    Without --jsonl, prints one tab-separated line per event:
    id, source, target, CAMEO code, PLOVER type.

    Example:

    \b
        cable code sentences.jsonl --jsonl
        cable code PETR.UnitTest.records.xml --dictionaries dictionaries/ --jsonl
    """
    from .suites import choose_coder, code_all, coded_json, read_suite

    try:
        suite = read_suite(input_path, dictionaries=dictionaries)
        coder, note = choose_coder(suite.dictionaries)
        if note or (dictionaries and not suite.dictionaries):
            click.echo(f"cable: {note or 'the input names no dictionaries; coding with Cable defaults'}", err=True)
        for record, events in zip(suite.records, code_all(coder, suite.records)):
            if jsonl:
                click.echo(json.dumps(coded_json(record, events), ensure_ascii=False))
                continue
            for e in events:
                click.echo("\t".join([record.id, e.source or "", e.target or "", e.cameo or "", e.plover or ""]))
    except CableError as e:
        raise click.ClickException(str(e)) from None


@cli.command("eval")
@click.argument("suite_path", metavar="SUITE")
@click.option("--dictionaries", type=click.Path(exists=True, file_okay=False),
              help="Folder holding the dictionaries the suite names (default: where its own tree keeps them).")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N records.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores (and each record's) as JSON.")
def eval_suite(suite_path, dictionaries, limit, as_json):
    """Run a suite and score it the way the originals do: per record, exact match
    of the (source, target, code) events; correct / uncoded / extra as shares of
    gold events; per category. PLOVER gold: type and actor-country accuracy;
    ConfliBERT: quad-class accuracy. SUITE is a file or the folder holding it.

    Example:

    \b
        cable eval anchors/TABARI-Code/
        cable eval PETR.UnitTest.records.xml --limit 50 --json
    """
    from .suites import choose_coder, evaluate, read_suite

    try:
        suite = read_suite(suite_path, dictionaries=dictionaries)
        coder, note = choose_coder(suite.dictionaries)
        if note:
            click.echo(f"cable: {note}", err=True)
        report = evaluate(suite.records, coder, suite=suite.name, limit=limit)
    except CableError as e:
        raise click.ClickException(str(e)) from None
    click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2) if as_json else report.table())


from .cli_voices import VOICE_COMMANDS  # noqa: E402
for _command in VOICE_COMMANDS:
    cli.add_command(_command)

from .cli_resolve import RESOLVE_COMMANDS  # noqa: E402
for _command in RESOLVE_COMMANDS:
    cli.add_command(_command)

from .cli_batch import BATCH_COMMANDS  # noqa: E402
for _command in BATCH_COMMANDS:
    cli.add_command(_command)

from .cli_brief import BRIEF_COMMANDS  # noqa: E402
for _command in BRIEF_COMMANDS:
    cli.add_command(_command)
