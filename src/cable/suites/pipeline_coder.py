"""A coder backed by Cable's own article pipeline, for raw-text suites.

Each record's text is parsed and analysed as a one-sentence article (the
clean stage is skipped: a sentence is not a web page), published on the
record's date. Every event becomes CAMEO-style dyads: one ``CodedEvent`` per
(actor, recipient) pair of codes, with the event's CAMEO code and PLOVER type;
an event with no recipient gives dyads with no target. Dyads follow CAMEO's
coding conventions (``conventions``): a planned action is a stated intent or
threat, "X said Y must ..." is X's demand of Y, "will not ..." a refusal.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..pipeline.nlp import UsesNlp
from ..records import Article, Cleaned, Result
from .base import CodedEvent, SuiteRecord
from .conventions import codings
from .home import home_codes

STATUSES = ("occurred", "planned")


class PipelineCoder(UsesNlp):
    """Codes records with ``cable.pipeline.analyse``; see the module docstring.

    ``statuses``: which event statuses count as coded (negated and hypothetical
    events did not happen, so they are left out by default).
    """

    def __init__(self, nlp=None, *, statuses: Iterable[str] = STATUSES, batch_size: int = 32):
        self._nlp = nlp
        self.statuses = frozenset(statuses)
        self.batch_size = batch_size

    def code(self, record: SuiteRecord) -> list[CodedEvent]:
        return next(self.code_many([record]))

    def code_many(self, records: Iterable[SuiteRecord]) -> Iterator[list[CodedEvent]]:
        """Events for each record, in order, parsing in batches."""
        for _, doc, result in self.parse_and_analyse(records):
            yield coded_events(result, self.statuses, doc) if result else []

    def actor_codes(self, record: SuiteRecord) -> list[str]:
        """Codes of the actors the pipeline finds in the record's text."""
        _, result = next(self.analyse_many([record]))
        return [a.code for a in result.actors if a.code] if result else []

    def analyse_many(self, records: Iterable[SuiteRecord]) -> Iterator[tuple[SuiteRecord, Result | None]]:
        """Each record with the pipeline's result on its text (None for an empty text)."""
        for record, _, result in self.parse_and_analyse(records):
            yield record, result

    def parse_and_analyse(self, records: Iterable[SuiteRecord]) -> Iterator[tuple[SuiteRecord, object, Result | None]]:
        """Each record with its parsed Doc and the pipeline's result (None for an empty text)."""
        from ..pipeline import analyse

        pairs = ((r.text, r) for r in records)
        for doc, record in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            if not record.text.strip():
                yield record, doc, None
                continue
            article = Article(id=record.id, title=None, author=None, outlet=None, column=None,
                              published=record.date, url=None, language="en", text=doc.text)
            yield record, doc, analyse(Cleaned(article), doc, input=record.id)


def coded_events(result: Result, statuses: frozenset[str] = frozenset(STATUSES),
                 doc=None, codes: dict[str, str | None] | None = None) -> list[CodedEvent]:
    """The result's events as dyads of actor codes, in text order, without repeats
    per event, under CAMEO's conventions (those that read the parse need ``doc``).
    ``codes`` maps actor ids to codes (default: the actors' own, an actor without a
    country taking the sentence's one country: ``home.home_codes``)."""
    codes = codes if codes is not None else home_codes(result, doc)
    out: list[CodedEvent] = []
    for coding in codings(result, statuses, doc):
        sources = list(dict.fromkeys(codes.get(a) for a in coding.actors)) or [None]
        targets = list(dict.fromkeys(codes.get(a) for a in coding.recipients)) or [None]
        out += [CodedEvent(s, t, coding.cameo, coding.plover) for s in sources for t in targets]
    return out
