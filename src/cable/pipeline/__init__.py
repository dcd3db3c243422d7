"""The pipeline: one article in, its foreign-policy record out.

    raw text/HTML --clean--> Cleaned --parse--> spaCy Doc --understand--> Result

Each stage is a plain function. ``process`` runs them all for one input;
``process_many`` runs them for many, parsing with ``nlp.pipe`` in batches.
A document the pipeline will not take comes back as a ``Rejection``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..errors import InputError
from ..records import Cleaned, Rejection, Result, Skipped
from ..settings import DEFAULTS, Settings
from .actors import find_actors
from .actortable import ActorTable
from .clean import clean
from .dates import find_dates
from .events import find_events
from .forecasts import find_forecasts
from .nlp import load_nlp
from .places import find_places
from .quotes import find_quotes
from .stances import find_stances

__all__ = ["analyse", "clean", "process", "process_many"]


def analyse(cleaned: Cleaned, doc, *, input: str | None = None, title_doc=None) -> Result:
    """Run the understanding stages on a parsed article.

    ``title_doc``, the parsed headline, adds the headline's forecasts ("Low
    expectations for ..."), whose offsets index ``article.title``.
    """
    article = cleaned.article
    actors = find_actors(doc, article)
    places = find_places(doc)
    dates = find_dates(doc, article.published)
    events = find_events(doc, actors, places, dates)
    quotes = find_quotes(doc, actors)
    stances = find_stances(doc, actors, events)
    forecasts = _title_forecasts(title_doc) + find_forecasts(doc, actors, quotes)
    for n, forecast in enumerate(forecasts, 1):
        forecast.id = f"f{n}"
    return Result(
        article=article,
        removed=cleaned.removed,
        actors=list(actors),
        events=events,
        quotes=quotes,
        stances=stances,
        forecasts=forecasts,
        input=input,
    )


def _title_forecasts(title_doc) -> list:
    if title_doc is None or not len(title_doc):
        return []
    found = find_forecasts(title_doc, ActorTable(), [])
    for forecast in found:
        forecast.field = "title"
    return found


def process(
    text: str,
    *,
    input: str | None = None,
    url: str | None = None,
    date: str | None = None,
    nlp=None,
    settings: Settings = DEFAULTS,
) -> Result | Rejection:
    """Clean, parse and analyse one decoded page."""
    return next(process_many([(text, input, url)], date=date, nlp=nlp, settings=settings))


def process_many(
    items: Iterable[tuple | Rejection],
    *,
    date: str | None = None,
    nlp=None,
    settings: Settings = DEFAULTS,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[Result | Rejection | Skipped]:
    """Process ``(text, input, url)`` or ``(text, input, url, date)`` items in
    order, one result per item.

    An item may already be a ``Rejection`` (an input that could not be read):
    it comes back in its place. An item's own ``date`` (ISO; what a feed or a
    JSONL dump says of it) is its publication date; otherwise ``date``, when
    given, overrides what the page says. Items are taken in chunks, so an iterator of
    any length streams; the model is loaded once, when a chunk first holds an
    article. The publication date resolves relative dates ("this week", "on Friday").
    ``skip(article_id)`` true (an article already stored) gives a ``Skipped``
    in its place without parsing it, so a rerun resumes where the last one stopped.
    """
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= settings.batch_size * 2:
            yield from _process_chunk(chunk, date, nlp, settings, skip)
            chunk = []
    yield from _process_chunk(chunk, date, nlp, settings, skip)


def _process_chunk(chunk: list, date: str | None, nlp, settings: Settings,
                   skip: Callable[[str], bool] | None = None) -> Iterator[Result | Rejection | Skipped]:
    outcomes = [item if isinstance(item, Rejection) else clean_item(item, date, settings) for item in chunk]
    if skip is not None:
        outcomes = [Skipped(item[1], c.article.id) if isinstance(c, Cleaned) and skip(c.article.id) else c
                    for item, c in zip(chunk, outcomes)]
    articles = [c.article for c in outcomes if isinstance(c, Cleaned)]
    if articles:
        nlp = nlp or load_nlp(settings.spacy_model)
        docs = nlp.pipe((a.text for a in articles), batch_size=settings.batch_size)
        title_docs = nlp.pipe((a.title or "" for a in articles), batch_size=settings.batch_size * 4)
    for item, outcome in zip(chunk, outcomes):
        if isinstance(outcome, (Rejection, Skipped)):
            yield outcome
        else:
            yield analyse(outcome, next(docs), input=item[1], title_doc=next(title_docs))


def clean_item(item: tuple, date: str | None = None, settings: Settings = DEFAULTS) -> Cleaned | Rejection:
    """The clean stage alone on one ``(text, input, url[, date])`` item (see ``process_many``)."""
    text, input_name, url = item[:3]
    date = (item[3] if len(item) > 3 else None) or date
    try:
        cleaned = clean(text, input=input_name, url=url, settings=settings)
    except InputError as e:
        return Rejection(input_name, "clean", e.code, str(e))
    if date:
        cleaned.article.published = date
    return cleaned
