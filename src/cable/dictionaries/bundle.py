"""All dictionaries of one set, with the lookups a coder needs, built once."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from cable.dictionaries import compiled as c
from cable.dictionaries.actors import read_actors
from cable.dictionaries.agents import read_agents
from cable.dictionaries.compiled import LazyRecords, PhraseIndex
from cable.dictionaries.entries import (
    PETRARCH, TABARI, ActorEntry, AgentEntry, Discard, Issue, LoadWarning, Phrase, Synset,
    Transformation, VerbEntry, VerbHit, code_on, phrase_words,
)
from cable.dictionaries.lists import read_discards, read_issues
from cable.dictionaries.options import Options, read_options
from cable.dictionaries.phrases import forget_interned
from cable.dictionaries.sources import DictionaryFiles
from cable.dictionaries.verbs import read_verbs
from cable.dictionaries.verbs_common import VerbDictionary


@dataclass(slots=True)
class Dictionaries:
    """A loaded dictionary set.

    Lookups by upper-case words: ``actor_index`` (phrase -> ActorEntry), ``agent_index``
    (-> AgentEntry), ``discard_index`` (-> Discard), ``issue_index`` (-> Issue),
    ``verb_hits(word)`` (the word a parser tags as the verb -> VerbHit) and ``synsets``
    (``&NAME`` -> Synset). TABARI stems are keyed as written: a word of text matches a
    stem it starts with (``matching.candidate_keys`` and ``word_matches``).
    """

    format: str                    # "petrarch" or "tabari": how actor words match
    verb_format: str               # "petrarch1", "petrarch2", "tabari" or "" without verbs
    files: DictionaryFiles
    verbs: Sequence[VerbEntry]
    synsets: dict[str, Synset]
    transformations: tuple[Transformation, ...]
    actors: Sequence[ActorEntry]
    agents: Sequence[AgentEntry]
    discards: Sequence[Discard]
    issues: Sequence[Issue]
    nouns: tuple[Phrase, ...]
    adjectives: tuple[Phrase, ...]
    options: Options
    warnings: tuple[LoadWarning, ...]
    actor_index: PhraseIndex[ActorEntry]
    agent_index: PhraseIndex[AgentEntry]
    discard_index: PhraseIndex[Discard]
    issue_index: PhraseIndex[Issue]
    verb_keys: dict[str, tuple[tuple[int, int], ...]]   # verb word -> (entry, form) numbers

    def verb_hits(self, word: str) -> list[VerbHit]:
        """Every verb form whose verb word is ``word``, with its entry."""
        hits = []
        for entry_number, form_number in self.verb_keys.get(word.upper(), ()):
            entry = self.verbs[entry_number]
            hits.append(VerbHit(entry, entry.forms[form_number]))
        return hits

    def actor_code(self, words: Sequence[str], day: date | None) -> str | None:
        """The code of exactly this actor phrase on ``day``, over every entry that has it."""
        return code_on([code for entry in self.actor_index.get(words) for code in entry.codes], day)


def build_dictionaries(files: DictionaryFiles) -> Dictionaries:
    """Read every file of the set and index it."""
    collecting = gc.isenabled()
    gc.disable()   # a bulk build of small objects; the cycle collector only slows it
    try:
        return _build(files)
    finally:
        c.forget_shared()
        forget_interned()
        if collecting:
            gc.enable()


def _build(files: DictionaryFiles) -> Dictionaries:
    warnings: list[LoadWarning] = []
    style = TABARI if files.format == TABARI else PETRARCH
    verbs = [read_verbs(path, TABARI if style == TABARI else None, warnings) for path in files.verbs]
    actor_files = [read_actors(path, style, warnings) for path in files.actors]
    verb_entries = [entry for part in verbs for entry in part.entries]
    actors = LazyRecords.of((e for part in actor_files for e in part.entries),
                            c.flat_actor, c.make_actor)
    agents = LazyRecords.of((a for path in files.agents for a in read_agents(path, style, warnings)),
                            c.flat_agent, c.make_agent)
    discards = LazyRecords.of((d for path in files.discards for d in read_discards(path, warnings)),
                              c.flat_discard, c.make_discard)
    issues = LazyRecords.of((i for path in files.issues for i in read_issues(path, warnings)),
                            c.flat_issue, c.make_issue)
    options = _options(files, warnings)
    word_lists = [*verbs, *actor_files]
    return Dictionaries(
        format=style, verb_format=_verb_format(verbs, warnings), files=files,
        verbs=LazyRecords.of(verb_entries, c.flat_verb, c.make_verb),
        synsets=_synsets(verbs, warnings),
        transformations=tuple(t for part in verbs for t in part.transformations),
        actors=actors, agents=agents, discards=discards, issues=issues,
        nouns=tuple(p for part in word_lists for p in part.nouns),
        adjectives=tuple(p for part in word_lists for p in part.adjectives),
        options=options, warnings=tuple(warnings),
        actor_index=_index(actors, lambda e: e.phrases),
        agent_index=_index(agents, lambda a: [a.phrase]),
        discard_index=_index(discards, lambda d: [d.phrase]),
        issue_index=PhraseIndex(issues, ((i.words, n) for n, i in enumerate(issues))),
        verb_keys=_verb_keys(verb_entries),
    )


def _options(files: DictionaryFiles, warnings: list[LoadWarning]) -> Options:
    options = Options()
    for path in files.options:
        options = read_options(path, warnings, options)
    return options


def _index(records: LazyRecords, phrases_of: Callable) -> PhraseIndex:
    """Index records, made at build time, by the phrases ``phrases_of`` gives, noting
    those that allow a gap between their words."""
    phrases = [(phrase, number) for number, record in enumerate(records)
               for phrase in phrases_of(record) if phrase]
    gaps = [(phrase[0].text, number) for phrase, number in phrases if has_gap(phrase)]
    return PhraseIndex(records, ((phrase_words(p), number) for p, number in phrases), gaps)


def has_gap(phrase: Phrase) -> bool:
    """True when some word of ``phrase`` may have other words before it."""
    return not all(token.joined for token in phrase[1:])


def _verb_format(verbs: list[VerbDictionary], warnings: list[LoadWarning]) -> str:
    formats = list(dict.fromkeys(part.format for part in verbs))
    if len(formats) > 1:
        warnings.append(LoadWarning("", 0, f"verb files mix formats {formats}; using {formats[0]}"))
    return formats[0] if formats else ""


def _synsets(verbs: list[VerbDictionary], warnings: list[LoadWarning]) -> dict[str, Synset]:
    """Synsets by name; a name defined twice gets the members of both (as PETRARCH does)."""
    found: dict[str, Synset] = {}
    for synset in (s for part in verbs for s in part.synsets):
        old = found.get(synset.name)
        if old is not None:
            message = f"{synset.name} defined again; members merged"
            warnings.append(LoadWarning(synset.file, synset.line, message))
            synset = old._replace(members=old.members + synset.members, forms=old.forms + synset.forms)
        found[synset.name] = synset
    return found


def _verb_keys(entries: list[VerbEntry]) -> dict[str, tuple[tuple[int, int], ...]]:
    keys: dict[str, list[tuple[int, int]]] = {}
    for entry_number, entry in enumerate(entries):
        for form_number, form in enumerate(entry.forms):
            keys.setdefault(form.key, []).append((entry_number, form_number))
    return {word: tuple(found) for word, found in keys.items()}
