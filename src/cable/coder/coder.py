"""``DictionaryCoder``: TABARI/PETRARCH-style event coding of suite records, texts
and spaCy documents.

How a record's sentence is read (``reading="auto"``):

- ``tree``: a record with a Penn Treebank ``parse`` (PETRARCH XML, PETRARCH-2
  cases) is read from that parse, as PETRARCH-1 reads it;
- ``tabari``: with TABARI dictionaries, a text is read with TABARI's own sparse
  parse (dictionary words, conjunctions, commas), which its validation suite
  assumes;
- ``spacy``: otherwise the text is parsed with spaCy and its dependency parse is
  read as a constituent tree by the same rules as ``tree``.

``reading`` may force one of them (``spacy`` ignores records' parses). Suites
change settings mid-file: TABARI ``{OPTION: ...}`` lines arrive in
``record.extra["options"]``, PETRARCH ``<Config>`` pairs in
``record.extra["config"]``; both hold from that record on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from cable.coder.clauses import code_clauses
from cable.coder.discards import DiscardFinder, find_issues, words_of
from cable.coder.engine import Engine, finish, record_day
from cable.coder.forward import StoryMemory, story_place
from cable.coder.from_doc import Word, doc_words, tree_from_words, words_text
from cable.coder.from_tree import sentence_from_node, sentence_from_tree
from cable.coder.model import NULL, Phrase, Sentence, Triple
from cable.coder.settings import CoderSettings
from cable.coder.tabari import TabariReader
from cable.coder.tabari_build import build_sentence, drop_comma_clauses, resolve_pronouns, verdict
from cable.coder.tabari_text import tabari_words
from cable.dictionaries import Dictionaries, load_dictionaries
from cable.dictionaries.entries import PETRARCH1, PETRARCH2, TABARI
from cable.ontology import plover_for_cameo
from cable.pipeline.nlp import UsesNlp
from cable.suites.base import CodedEvent, SuiteRecord

AUTO, TREE, SPACY, SPARSE = "auto", "tree", "spacy", "tabari"


class DictionaryCoder(UsesNlp):
    """Codes with one TABARI or PETRARCH dictionary set.

    ``dictionaries`` is a loaded set or anything ``load_dictionaries`` reads (a
    list of files, a records XML, a ``.project``, a ``PETR_config.ini``). ``nlp``
    is the spaCy pipeline for texts (loaded on first use); ``reading`` is one of
    ``auto``, ``tree``, ``spacy``, ``tabari`` (see the module docstring).
    """

    def __init__(self, dictionaries: Dictionaries | str | Path | Sequence[str | Path], *,
                 nlp=None, reading: str = AUTO):
        if not isinstance(dictionaries, Dictionaries):
            dictionaries = load_dictionaries(dictionaries)
        self.dictionaries = dictionaries
        self.engine = Engine(dictionaries)
        self.discards = DiscardFinder(dictionaries)
        self.tabari = dictionaries.format == TABARI
        self.settings = (CoderSettings.tabari(dictionaries.options) if self.tabari
                         else CoderSettings.petrarch(pronouns=dictionaries.verb_format != PETRARCH1,
                                                     embedded_speech=dictionaries.verb_format == PETRARCH2))
        self.reading = reading
        self.reader = TabariReader(dictionaries, self.engine.verbs)
        self.story = StoryMemory()
        self._nlp = nlp
        self._own_clause: tuple[CoderSettings | None, CoderSettings | None] = (None, None)

    # -- the Coder protocol ---------------------------------------------------

    def code(self, record: SuiteRecord) -> list[CodedEvent]:
        """The events of one record (see the module docstring)."""
        return [coded_event(t) for t in self.code_triples(record)]

    def code_many(self, records: Iterable[SuiteRecord], batch_size: int = 64) -> Iterator[list[CodedEvent]]:
        """``code`` for each record, in order; texts that need spaCy are parsed in batches."""
        records = list(records)
        wanted = [r for r in records if self.route(r) == SPACY]
        docs = {}
        if wanted:
            texts = (spacy_text(r.text) for r in wanted)
            docs = dict(zip(map(id, wanted), self.nlp.pipe(texts, batch_size=batch_size)))
        for record in records:
            yield [coded_event(t) for t in self.code_triples(record, docs.get(id(record)))]

    def actor_codes(self, record: SuiteRecord) -> list[str]:
        """Codes of what a record names: a bare noun phrase as a whole (each member
        of a compound); in a sentence, its last pronoun (resolved), else its last
        phrase. A parse with unbalanced brackets is read leniently here."""
        sentences = self.sentences(record, strict=False)
        if not sentences or not sentences[0].phrases:
            return []
        sentence = sentences[0]
        self.engine.code_phrases(sentence, pronouns=True)
        return [code for code in named_phrase(self.engine, sentence).all_codes() if code != NULL]

    # -- texts and documents --------------------------------------------------

    def code_text(self, text: str, day: date | str | None = None) -> list[CodedEvent]:
        """The events of a text of one or more sentences, coded on ``day``."""
        record = SuiteRecord("text", str(day) if day else None, text, "")
        return self.code(record)

    def code_doc(self, doc, day: date | str | None = None) -> list[CodedEvent]:
        """The events of a parsed spaCy ``Doc`` (any reading but TABARI's)."""
        words = doc_words(doc)
        record = SuiteRecord("doc", str(day) if day else None, words_text(words), "")
        return [coded_event(t) for t in self.code_triples(record, doc, words)]

    def issues(self, text: str) -> list[tuple[str, int]]:
        """Issue codes of a text with their counts (PETRARCH issue files)."""
        return find_issues(self.dictionaries, words_of(text))

    # -- the work ---------------------------------------------------------------

    def route(self, record: SuiteRecord) -> str:
        """Which reading a record gets."""
        if self.reading != AUTO:
            return self.reading
        if record.parse and record.extra.get("parse_format") != "conllu":
            return TREE
        return SPARSE if self.tabari else SPACY

    def code_triples(self, record: SuiteRecord, doc=None, words: list[Word] | None = None) -> list[Triple]:
        """(source, target, code) triples of one record, settings updated first
        (``doc``, when given, is its parse, and ``words`` that parse's words)."""
        self.update_settings(record)
        if self.discards.find(words_of(record.text)):
            return []
        if self.route(record) == SPARSE:
            return code_clauses(self.engine, self.tabari_sentence(record), self.settings)
        settings = self.own_clause_settings() if self.route(record) == SPACY else self.settings
        events: list[Triple] = []
        for sentence in self.sentences(record, doc=doc, words=words):
            events.extend(self.engine.code(sentence, settings))
        return finish(events, settings)

    def own_clause_settings(self) -> CoderSettings:
        """The settings with each verb coded in its own clause (for spaCy's parses),
        made once for each change of settings."""
        if self._own_clause[0] is not self.settings:
            self._own_clause = (self.settings, replace(self.settings, own_clause=True))
        return self._own_clause[1]

    def update_settings(self, record: SuiteRecord) -> None:
        changes = list(record.extra.get("options") or []) + list(record.extra.get("config") or [])
        if changes:
            self.settings = self.settings.apply(changes)

    def sentences(self, record: SuiteRecord, *, strict: bool = True, doc=None,
                  words: list[Word] | None = None) -> list[Sentence]:
        """The record's sentences, read from its parse or parsed with spaCy; none
        when a parse is unreadable."""
        day = record_day(record)
        if self.route(record) == TREE:
            found = sentence_from_tree(record.parse or "", comma=self.settings.comma, strict=strict)
            sentences = [found] if found is not None else []
        else:
            doc = doc if doc is not None else self.nlp(spacy_text(record.text))
            words = words if words is not None else doc_words(doc)
            sentences = [sentence_from_node(tree_from_words(words, span), comma=self.settings.comma)
                         for span in doc.sents]
        for sentence in sentences:
            sentence.day, sentence.text = day, record.text
        return sentences

    def tabari_sentence(self, record: SuiteRecord) -> Sentence:
        """The record read with TABARI's sparse parse (see ``cable.coder.tabari``)."""
        settings, day = self.settings, record_day(record)
        words = tabari_words(record.text, skip_brackets=settings.fbis)
        parse = self.reader.parse(words, day, convert_agents=settings.convert_agents,
                                  time_shift=settings.time_shift)
        place = story_place(record.id, settings.forward)
        resolve_pronouns(parse, self.story.forwarded(place))
        drop_comma_clauses(parse, settings.comma)
        outcome = verdict(parse, settings.complex, settings.minimum_words)
        sentence = build_sentence(parse)
        sentence.verdict, sentence.text, sentence.day = outcome, record.text, day
        self.story.remember(place, parse)
        return sentence


def spacy_text(text: str) -> str:
    """Text for spaCy: dictionary-style ``Dol_Amroth`` as two words (same length)."""
    return text.replace("_", " ")


def named_phrase(engine: Engine, sentence: Sentence) -> Phrase:
    """The phrase a bare noun phrase or a short sentence is about."""
    if sentence.sites:
        pronouns = [p for p in sentence.phrases if p.pronoun]
        return (pronouns or sentence.phrases)[-1]
    words = tuple(item for item in sentence.items if isinstance(item, str) and item[:1].isalnum())
    if len(sentence.phrases) == 1 and len(sentence.phrases[0].words) == len(words):
        return sentence.phrases[0]
    return Phrase(words, (words,), (engine.actors.code(words, sentence.day),))


def coded_event(triple: Triple) -> CodedEvent:
    """A triple as the suites' ``CodedEvent``, with its PLOVER type."""
    plover = plover_for_cameo(triple.code)
    return CodedEvent(triple.source, triple.target, triple.code, plover.event if plover else None)
