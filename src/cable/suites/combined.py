"""Cable's default coder for raw text: the article pipeline, backed by the
dictionary coder over Cable's default dictionaries.

For each record the pipeline's events (PLOVER type, status, actors with
countries) are taken when there are any; a source or target the pipeline left
without a code is filled from the dictionary coder's first event. A record the
pipeline finds no event in gets the dictionary coder's events (source, target,
CAMEO code and the PLOVER type it maps to); as a fallback for raw text the
dictionary coder also codes a verb with a source and no target at all
(``source_only``), which the PETRARCH and TABARI suites never do. On the PLOVER gold records and
ConfliBERT's quad classes this beats either coder alone (see
``tests/test_default_dictionaries.py`` and ``tests/test_suites_plover.py`` for the floors).

Codes are today's ISO 3166 countries, as the pipeline's are: the dictionaries'
dated codes are brought to them (``current_codes``: SCGSRB -> SRB). Where the
pipeline finds no event, the dictionary's source gives way to the pipeline's
person in the sentence's subject when they name different countries (the KB
dates posts). Actors left without a country take the sentence's home country
(``home``), as PLOVER's and CAMEO's coders do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from .base import CodedEvent, SuiteRecord
from .current_codes import current_code
from .defaults import default_dictionaries
from .home import home_codes, sentence_country, settle_codes, subject_actor, unplaced
from .pipeline_coder import STATUSES, PipelineCoder, coded_events


class CombinedCoder(PipelineCoder):
    """Pipeline events first, dictionary events where the pipeline has none;
    see the module docstring. ``dictionaries`` default to Cable's own."""

    def __init__(self, nlp=None, *, dictionaries=None, statuses: Iterable[str] = STATUSES,
                 batch_size: int = 32):
        super().__init__(nlp, statuses=statuses, batch_size=batch_size)
        self._dictionaries = dictionaries
        self._dictionary_coder = None

    @property
    def dictionary_coder(self):
        """The dictionary coder (its dictionaries loaded on first use), reading texts with spaCy."""
        if self._dictionary_coder is None:
            from ..coder import SPACY, DictionaryCoder

            coder = DictionaryCoder(self._dictionaries or default_dictionaries(), nlp=self.nlp,
                                    reading=SPACY)
            coder.settings = replace(coder.settings, source_only=True)
            self._dictionary_coder = coder
        return self._dictionary_coder

    def code_many(self, records: Iterable[SuiteRecord]) -> Iterator[list[CodedEvent]]:
        """Events for each record, in order. Each text is parsed once, in batches:
        the dictionary coder reads the pipeline's Doc."""
        from ..coder.coder import spacy_text

        coder = self.dictionary_coder
        for record, doc, result in self.parse_and_analyse(records):
            if result and spacy_text(record.text) == record.text:
                triples = coder.code_triples(record, doc)
            else:  # the dictionary coder reads "A_B" as two words: let it parse its own text
                triples = coder.code_triples(record)
            dictionary = [fallback_event(t) for t in triples]
            if not result:
                yield dictionary
                continue
            fills = any(e.source and e.target for e in dictionary)  # codes what the pipeline could not
            ours = coded_events(result, self.statuses, doc, home_codes(result, doc, uncoded=not fills))
            if not ours:
                dictionary = subject_sources(dictionary, subject_actor(result, doc))
            yield at_home(combine(ours, dictionary), result, doc)


def fallback_event(triple) -> CodedEvent:
    """A dictionary coder's triple as a dyad: a null target is no target, and an
    appeal (CAMEO 02) is a REQUEST, as PLOVER counts requests and as the
    pipeline's own "urged"/"asked" are."""
    from ..coder import coded_event
    from ..coder.model import NULL

    event = coded_event(triple)
    target = None if event.target == NULL else event.target
    plover = "REQUEST" if event.plover is None and (event.cameo or "").startswith("02") else event.plover
    return CodedEvent(current_code(event.source), current_code(target), event.cameo, plover)


def subject_sources(events: list[CodedEvent], subject) -> list[CodedEvent]:
    """Dictionary events whose source names another country than the pipeline's person in
    the sentence's subject take the person's code: the pipeline dates posts by the KB
    ('President X' in office that year), where a dictionary entry may read the name as
    someone else's."""
    if subject is None or subject.kind != "person" or not subject.country or not subject.code:
        return events
    return [CodedEvent(subject.code, e.target, e.cameo, e.plover)
            if e.source and e.source[:3] != subject.country and e.target != subject.code else e
            for e in events]


def at_home(events: list[CodedEvent], result, doc) -> list[CodedEvent]:
    """Events whose '---' codes (no country) take a country from the sentence
    (``home.settle_codes``), where it gives one."""
    if not any(unplaced(c) for e in events for c in (e.source, e.target)):
        return events
    country, subject = sentence_country(result, doc), subject_actor(result, doc)
    return [settle_codes(e, country, subject) for e in events]


def combine(pipeline: list[CodedEvent], dictionary: list[CodedEvent]) -> list[CodedEvent]:
    """The pipeline's events with missing codes filled from the dictionary's first
    event with both codes; the dictionary's events when the pipeline has none."""
    if not pipeline:
        return dictionary
    dyads = [e for e in dictionary if e.source and e.target]
    if not dyads:
        return pipeline
    return [fill_codes(event, dyads[0]) for event in pipeline]


def fill_codes(event: CodedEvent, other: CodedEvent) -> CodedEvent:
    """``event`` with a missing source or target taken from ``other`` (never a target
    that repeats the source)."""
    source = event.source or other.source
    target = event.target or (other.target if other.target != source else None)
    return CodedEvent(source, target, event.cameo, event.plover)
