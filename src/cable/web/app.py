"""``cable serve``: a JSON API (documented by its OpenAPI schema, /openapi.json) and pages,
among them the daily brief (/brief, with an Atom feed at /brief.atom), stories and processes.

Read-only without a token; ingest needs ``Authorization: Bearer <token>``
(``cable token create``). Every page escapes article text (Jinja2 autoescape,
and ``views`` escapes what it marks up); responses carry a content security
policy that allows no script and no resource from elsewhere; request bodies
over ``MAX_BODY`` bytes are refused. Errors are one JSON shape:
``{"error": {"code", "message"}}``.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import brief as briefs
from .. import processes as tracked
from .. import roles
from .. import stories as threads
from ..errors import CableError, InputError
from ..kb import load_kb
from ..settings import Settings
from . import views
from .tokens import check_token

HERE = Path(__file__).resolve().parent
MAX_BODY = 2_000_000
TIMELINE = 100  # newest events and quotes on an actor's page; the events page has the rest
FEED_DAYS = 10  # briefs in the Atom feed
LATEST = 500  # the home page's most-mentioned actors: of the newest this many articles
DAY = r"^\d{4}-\d{2}-\d{2}$"
COUNTRY = r"^([A-Za-z]{3})?$"  # an ISO3 code, or nothing yet
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


class IngestRequest(BaseModel):
    url: str | None = None
    html: str | None = None
    text: str | None = None
    date: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    replace: bool = False


def create_app(db: str, *, settings: Settings | None = None) -> FastAPI:
    """The application over the store at ``db``."""
    settings = settings or Settings.load()
    app = FastAPI(title="Cable", version="0.1", description="Foreign-affairs events, actors, quotes, stances and "
                  "forecasts, each with its evidence.", docs_url=None, redoc_url=None)  # no CDN scripts
    app.state.db, app.state.settings = db, settings
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _guard(app)

    def store() -> Iterator[Any]:
        from ..store import open_store

        s = open_store(db)
        try:
            yield s
        finally:
            s.close()

    # -- the JSON API ------------------------------------------------------------------------

    @app.get("/api/events", tags=["api"])
    def api_events(store=Depends(store), actor: str | None = None, country: str | None = None,
                   dyad: str | None = Query(None, pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$",
                                            description="Two ISO3 codes, e.g. EGY-TUR: events between them"),
                   type: str | None = Query(None, description="PLOVER type or CAMEO code prefix"),
                   status: str | None = None, since: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
                   until: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
                   sort: str = Query("-date", pattern=r"^-?(date|confidence|goldstein)$"),
                   limit: int = Query(100, ge=1, le=10_000), offset: int = Query(0, ge=0),
                   format: str = Query("json", pattern="^(json|csv)$")):
        filters = {"actor": actor, "country": country, "type": type, "status": status, "since": since,
                   "until": until}
        # sorted by the store, which stops at the page's end
        rows = store.events(limit=offset + limit, dyad=dyad, order=sort, **filters)[offset:]
        return csv_response(rows, "events.csv") if format == "csv" else listing(rows)

    @app.get("/api/actors", tags=["api"])
    def api_actors(store=Depends(store), name: str | None = None, country: str | None = None,
                   kind: str | None = None, sector: str | None = None,
                   limit: int = Query(100, ge=1, le=10_000), offset: int = Query(0, ge=0),
                   format: str = Query("json", pattern="^(json|csv)$")):
        rows = store.actors(name=name, country=country, kind=kind, sector=sector, limit=offset + limit)[offset:]
        return csv_response(rows, "actors.csv") if format == "csv" else listing(rows)

    @app.get("/api/quotes", tags=["api"])
    def api_quotes(store=Depends(store), speaker: str | None = None, country: str | None = None,
                   contains: str | None = None, since: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
                   until: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
                   limit: int = Query(100, ge=1, le=10_000), offset: int = Query(0, ge=0),
                   format: str = Query("json", pattern="^(json|csv)$")):
        rows = store.quotes(speaker=speaker, country=country, contains=contains, since=since, until=until,
                            limit=offset + limit)[offset:]
        return csv_response(rows, "quotes.csv") if format == "csv" else listing(rows)

    @app.get("/api/stances", tags=["api"])
    def api_stances(store=Depends(store), limit: int = Query(100, ge=1, le=10_000)):
        rows = store.stances(limit=limit)
        return listing(rows)

    @app.get("/api/forecasts", tags=["api"])
    def api_forecasts(store=Depends(store), limit: int = Query(100, ge=1, le=10_000)):
        rows = store.forecasts(limit=limit)
        return listing(rows)

    @app.get("/api/articles", tags=["api"])
    def api_search(store=Depends(store), q: str = Query(..., min_length=2, max_length=200),
                   limit: int = Query(20, ge=1, le=200)):
        rows = store.search(q, limit=limit)
        return listing(rows)

    @app.get("/api/articles/{article_id}", tags=["api"])
    def api_article(article_id: str, store=Depends(store)):
        record = store.article(article_id)
        if record is None:
            raise HTTPException(404, f"no article {article_id!r} in the store")
        return record

    @app.get("/api/brief", tags=["api"])
    def api_brief(store=Depends(store), date: str | None = Query(None, pattern=DAY),
                  since: str | None = Query(None, pattern=DAY)):
        return dataclasses.asdict(one_brief(store, date, since))

    @app.post("/api/ingest", tags=["api"], status_code=201)
    def api_ingest(body: IngestRequest, store=Depends(store), authorization: str | None = Header(None)):
        if check_token(db, (authorization or "").removeprefix("Bearer ").strip() or None) is None:
            raise HTTPException(401, "a valid token is needed to ingest: send Authorization: Bearer <token> "
                                "(create one with `cable token create`)")
        return ingest_one(body, store, settings)

    # -- pages -------------------------------------------------------------------------------

    def page(request: Request, template: str, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response((HERE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, store=Depends(store)):
        return page(request, "home.html", counts=store.counts(), events=store.events(limit=15),
                    actors=store.actors(limit=12, latest=LATEST), latest=LATEST)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, store=Depends(store), actor: str | None = None, country: str | None = None,
                    type: str | None = None, status: str | None = None, since: str | None = None,
                    until: str | None = None, dyad: str | None = None):
        filters = {"actor": actor, "country": country, "type": type, "status": status, "since": since,
                   "until": until, "dyad": dyad}
        rows = store.events(limit=500, **{k: v or None for k, v in filters.items()})
        return page(request, "events.html", rows=rows, filters=filters, types=PLOVER_TYPES)

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, store=Depends(store)):
        record = store.article(article_id)
        if record is None:
            raise HTTPException(404, f"no article {article_id!r} in the store")
        names = {a["id"]: a["name"] for a in record["actors"]}
        return page(request, "article.html", record=record, body=views.marked_text(record), names=names,
                    related=threads.related(store, article_id))

    @app.get("/brief", response_class=HTMLResponse, include_in_schema=False)
    def brief_page(request: Request, store=Depends(store), date: str | None = Query(None, pattern=DAY),
                   since: str | None = Query(None, pattern=DAY)):
        made = one_brief(store, date, since)
        return page(request, "brief.html", brief=made, body=briefs.to_html(made), days=briefs.brief_days(store))

    @app.get("/brief.atom", include_in_schema=False)
    def brief_feed(request: Request, store=Depends(store)):
        days = briefs.brief_days(store, limit=FEED_DAYS)
        base = str(request.base_url).rstrip("/")
        updated = f"{days[0]}T00:00:00Z" if days else "1970-01-01T00:00:00Z"
        feed = views.atom([briefs.brief(store, date=d) for d in days], base, updated)
        return Response(feed, media_type="application/atom+xml; charset=utf-8")

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, store=Depends(store), since: str | None = Query(None, pattern=DAY),
                     until: str | None = Query(None, pattern=DAY)):
        if not since and not until:  # the latest two weeks, not the whole store
            since, until = threads.latest_window(store)
        found = [s for s in threads.stories(store, since=since, until=until) if len(s.articles) > 1]
        return page(request, "stories.html", stories=found, filters={"since": since, "until": until})

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str, store=Depends(store)):
        found = threads.story(store, story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r} in the store")
        return page(request, "story.html", story=found)

    @app.get("/processes", response_class=HTMLResponse, include_in_schema=False)
    def processes_page(request: Request, store=Depends(store)):
        found = tracked.processes(store)
        return page(request, "processes.html", processes=found,
                    lines={p.name: briefs.process_line(p) for p in found if p.history})

    @app.get("/actor/{name}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, name: str, store=Depends(store)):
        found = store.actors(name=name, exact=True, limit=20)
        events = store.events(actor_name=name, limit=TIMELINE)
        quotes = store.quotes(speaker=name, exact=True, limit=TIMELINE)
        if not found and not events and not quotes:
            raise HTTPException(404, f"no actor named {name!r} in the store")
        person = next((a for a in found if a["kind"] == "person"), None)
        posts = roles.history(store.posts(name), load_kb(), name=name, country=person["country"]) if person else []
        return page(request, "actor.html", name=name, entries=found, events=events, quotes=quotes, posts=posts,
                    limit=TIMELINE)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, store=Depends(store), since: str | None = None, until: str | None = None,
                     type: str | None = None):
        rows = store.events(since=since or None, until=until or None, type=type or None, limit=5000)
        graph = views.network(rows)
        return page(request, "network.html", svg=views.network_svg(graph), graph=graph,
                    filters={"since": since, "until": until, "type": type}, types=PLOVER_TYPES)

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, store=Depends(store), a: str = Query("", pattern=COUNTRY),
                  b: str = Query("", pattern=COUNTRY)):
        series = []
        if a and b:
            series = store.dyad_months(f"{a}-{b}")
        return page(request, "dyad.html", a=a.upper(), b=b.upper(), series=series, svg=views.dyad_svg(series))

    @app.get("/forecasts", response_class=HTMLResponse, include_in_schema=False)
    def forecasts_page(request: Request, store=Depends(store)):
        rows = store.forecasts(limit=500)
        return page(request, "forecasts.html", rows=rows)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, store=Depends(store), q: str = ""):
        q = q.strip()[:200]
        hits = store.search(q, limit=50) if len(q) >= 2 else []
        actors = store.actors(name=q, limit=20) if len(q) >= 2 else []
        return page(request, "search.html", q=q, hits=hits, actors=actors)

    return app


def _guard(app: FastAPI) -> None:
    """Security headers, a body size limit, and one JSON shape for errors."""

    @app.middleware("http")
    async def limits_and_headers(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY):
            return error(413, "too_large", f"the request body is over the {MAX_BODY:,}-byte limit")
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        codes = {401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "too_large"}
        return error(exc.status_code, codes.get(exc.status_code, "error"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
                             for e in exc.errors())
        return error(422, "bad_request", problems)

    @app.exception_handler(CableError)
    async def cable_error(request: Request, exc: CableError):
        return error(422 if isinstance(exc, InputError) else 500, exc.code, str(exc))


def one_brief(store, date: str | None, since: str | None):
    """The brief for ``date`` or ``since`` (not both), as the pages and the API give it."""
    if date and since:
        raise HTTPException(422, "give date or since, not both")
    return briefs.brief(store, date=date, since=since)


def error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def listing(rows: list[dict[str, Any]]) -> JSONResponse:
    """``{"count", "items"}`` as JSON. The rows are plain JSON values already (read from
    stored JSON), so they skip FastAPI's encoder, which walks every value and costs
    more than the query on a page of events."""
    return JSONResponse({"count": len(rows), "items": rows})


def csv_response(rows: list[dict], filename: str) -> Response:
    out = io.StringIO()
    if rows:
        columns = list(rows[0])
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: v if isinstance(v, (str, int, float)) or v is None else _flat(v) for k, v in row.items()})
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _flat(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def ingest_one(body: IngestRequest, store, settings: Settings) -> dict:
    """Fetch (with the fetcher's refusals) or take the page, process it, store it."""
    from ..pipeline import process
    from ..records import Rejection
    from ..sources.fetch import fetch
    from ..sources.read import decode

    if body.url and not (body.html or body.text):
        got = fetch(body.url, max_bytes=settings.max_bytes, timeout=settings.fetch_timeout,
                    allow_private=settings.allow_private_urls)
        page, url = decode(got.content, body.url, settings.max_bytes), got.url
    elif body.html or body.text:
        page, url = body.html or body.text, body.url
    else:
        raise HTTPException(422, "give a url, or the page as html or text")
    result = process(page, input=url or "api", url=url, date=body.date, settings=settings)
    if isinstance(result, Rejection):
        store.reject(result)
        return JSONResponse({"error": {"code": result.code, "message": result.message}}, status_code=422)
    outcome = store.write(result, replace=body.replace)
    return {"status": outcome.status, "article_id": outcome.article_id, "events": len(result.events),
            "actors": len(result.actors), "quotes": len(result.quotes)}
