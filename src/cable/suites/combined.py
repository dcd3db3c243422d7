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
``tests/test_default_dictionaries.py`` for the floors).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from .base import CodedEvent, SuiteRecord
from .defaults import default_dictionaries
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
            ours = coded_events(result, self.statuses, doc) if result else []
            if result and spacy_text(record.text) == record.text:
                triples = coder.code_triples(record, doc)
            else:  # the dictionary coder reads "A_B" as two words: let it parse its own text
                triples = coder.code_triples(record)
            yield combine(ours, [fallback_event(t) for t in triples])


def fallback_event(triple) -> CodedEvent:
    """A dictionary coder's triple as a dyad: a null target is no target, and an
    appeal (CAMEO 02) is a REQUEST, as PLOVER counts requests and as the
    pipeline's own "urged"/"asked" are."""
    from ..coder import coded_event
    from ..coder.model import NULL

    event = coded_event(triple)
    target = None if event.target == NULL else event.target
    plover = "REQUEST" if event.plover is None and (event.cameo or "").startswith("02") else event.plover
    return CodedEvent(event.source, target, event.cameo, plover)


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
