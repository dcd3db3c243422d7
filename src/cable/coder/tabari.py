"""TABARI's sparse parse of a sentence (manual chapter 7), without a parser.

Words are typed from the dictionaries: actors (longest phrase first; later words
may come after a gap unless joined), agents, verbs (a verb after THE, A or AN, or
capitalised inside a mixed-case sentence, is a noun), nouns and adjectives. Then,
in TABARI's order: agents join the actor they touch (before it, after it, or
after IN/OF); actors joined by commas and a conjunction become a compound;
conjunctions inside compounds of nouns or adjectives are noted; pronouns take
their actors; short comma-delimited clauses are dropped, cancelling any actor or
verb they cut into; the sentence is split into clauses at the remaining
conjunctions. The result is a ``Sentence`` for the engine, with clause bounds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cable.dictionaries import Dictionaries, candidate_keys, code_on
from cable.dictionaries.entries import COMPLEX_CODE, DISCARD_CODE, NULL_CODE, AgentEntry
from cable.coder.actors import compose, match_positions
from cable.coder.tabari_text import Word
from cable.coder.verbs import VerbFinder, VerbMatch
from cable.coder.words import phrase_word

CONJUNCTIONS = frozenset({"AND", "BUT", "OR", "NOR"})
COMPOUND_CONJUNCTIONS = frozenset({"AND", "OR", "NOR"})
DETERMINERS = frozenset({"A", "AN", "THE"})
PRONOUNS = frozenset({"HE", "SHE", "IT", "HIM", "HER", "HIS", "ITS", "THEY", "THEM", "THEIR"})
FIRST_ACTOR_PRONOUNS = frozenset({"HE", "SHE", "IT", "HIM"})
PLURAL_PRONOUNS = frozenset({"THEY", "THEM", "THEIR"})
LINKS = frozenset({"IN", "OF"})
FORMER = "FORMER"


@dataclass(slots=True, eq=False)
class Actor:
    """An actor found in the words: ``words`` are the positions it matched."""

    words: list[int]
    code: str
    agents: list[tuple[int, int, AgentEntry]] = field(default_factory=list)
    former: bool = False
    converted: bool = False

    @property
    def head(self) -> int:
        return self.words[0]

    def span(self) -> tuple[int, int]:
        """First and last position it covers: its first run of words and its agents."""
        run_end = self.words[0]
        for position in self.words[1:]:
            if position != run_end + 1:
                break
            run_end = position
        starts = [self.head] + [a[0] for a in self.agents]
        ends = [run_end] + [a[1] - 1 for a in self.agents]
        return min(starts), max(ends)

    def final_code(self) -> str:
        """The actor code with its agents (``former`` makes them elites)."""
        if not self.agents:
            return self.code
        entries = [agent for _, _, agent in self.agents]
        codes = ["ELI" if self.former else agent.code for agent in entries]
        return compose(self.code, entries, codes)


@dataclass(slots=True)
class Parse:
    """A typed sentence: words, what each is, and what was found."""

    words: list[Word]
    kind: list[str]
    actors: list[Actor] = field(default_factory=list)
    verbs: dict[int, VerbMatch] = field(default_factory=dict)
    compounds: list[list[Actor]] = field(default_factory=list)
    pronouns: dict[int, list[Actor]] = field(default_factory=dict)
    joined_conjunctions: set[int] = field(default_factory=set)
    deleted: list[bool] = field(default_factory=list)
    verdict: str | None = None   # "discard" or "complex"

    @property
    def texts(self) -> list[str]:
        return [w.text for w in self.words]


class TabariReader:
    """Types and groups the words of sentences with one TABARI dictionary set."""

    def __init__(self, dictionaries: Dictionaries, verbs: VerbFinder):
        self.dictionaries = dictionaries
        self.verbs = verbs
        self.nouns = _first_words(dictionaries.nouns)
        self.adjectives = _first_words(dictionaries.adjectives)

    def parse(self, words: list[Word], day: date | None, *, convert_agents: bool = False,
              time_shift: bool = False) -> Parse:
        """Type the words and find actors, agents, verbs and compounds."""
        parse = Parse(words, ["word"] * len(words), deleted=[False] * len(words))
        self.mark_basic_kinds(parse)
        self.find_actors(parse, day)
        agents = self.find_agents(parse)
        self.find_verbs(parse, mixed_case=any(not w.capital for w in words if w.text[:1].isalpha()))
        self.mark_lists(parse)
        unattached = self.attach_agents(parse, agents)
        if convert_agents:
            self.convert_agents(parse, unattached)
        if time_shift:
            self.check_time(parse)
        parse.compounds = find_compounds(parse)
        parse.joined_conjunctions |= noun_compound_conjunctions(parse)
        return parse

    # -- typing ---------------------------------------------------------------

    def mark_basic_kinds(self, parse: Parse) -> None:
        """Commas, conjunctions, determiners, pronouns and numbers."""
        for i, text in enumerate(parse.texts):
            if text == ",":
                parse.kind[i] = "comma"
            elif text in CONJUNCTIONS:
                parse.kind[i] = "conj"
            elif text in DETERMINERS:
                parse.kind[i] = "det"
            elif text in PRONOUNS:
                parse.kind[i] = "pronoun"
            elif text[:1].isdigit():
                parse.kind[i] = "number"

    def find_actors(self, parse: Parse, day: date | None) -> None:
        """Longest actor phrase at each free word, left to right."""
        texts = parse.texts
        index = self.dictionaries.actor_index
        i = 0
        while i < len(texts):
            if parse.kind[i] not in ("word", "number", "det"):
                i += 1
                continue
            best = self.longest(texts, i, index, lambda e: e.phrases, parse.kind)
            if best is None:
                i += 1
                continue
            entry, positions = best
            code = code_on(entry.codes, day) or NULL_CODE
            self.place_actor(parse, positions, code)
            i = positions[0] + 1

    def place_actor(self, parse: Parse, positions: list[int], code: str) -> None:
        """Record an actor; a null-coded one is a noun, ``###``/``+++`` a verdict."""
        if code == NULL_CODE:
            for p in positions:
                parse.kind[p] = "noun"
            return
        if code in (DISCARD_CODE, COMPLEX_CODE):
            parse.verdict = parse.verdict or ("discard" if code == DISCARD_CODE else "complex")
        for p in positions:
            parse.kind[p] = "actor"
        parse.actors.append(Actor(positions, code))

    def longest(self, texts: list[str], i: int, index, phrases_of, kind: list[str]):
        """The entry whose phrase matches from ``texts[i]`` with the most words."""
        best = None
        for key in candidate_keys(texts[i], index.first_words):
            for entry in index.starting(key):
                for phrase in phrases_of(entry):
                    positions = match_positions(phrase, texts, i, kind)
                    if positions and (best is None or len(positions) > len(best[1])):
                        best = (entry, positions)
        return best

    def find_agents(self, parse: Parse) -> list[tuple[int, int, AgentEntry]]:
        """Agents over consecutive free words, longest first."""
        texts = parse.texts
        index = self.dictionaries.agent_index
        found = []
        i = 0
        while i < len(texts):
            if parse.kind[i] != "word":
                i += 1
                continue
            best = self.longest(texts, i, index, lambda a: [a.phrase], parse.kind)
            if best is None or best[1] != list(range(i, i + len(best[1]))):
                i += 1
                continue
            agent, positions = best
            for p in positions:
                parse.kind[p] = "agent"
            found.append((positions[0], positions[-1] + 1, agent))
            i = positions[-1] + 1
        return found

    def find_verbs(self, parse: Parse, mixed_case: bool) -> None:
        """Verb forms on free words; nouns after a determiner or when capitalised."""
        texts = parse.texts
        for i, word in enumerate(parse.words):
            if parse.kind[i] != "word":
                continue
            found = self.verbs.find(texts, i, 0, len(texts))
            if found is None or any(parse.kind[p] not in ("word", "conj", "det", "pronoun", "number")
                                    for p in (found.first, found.last)):
                continue
            if _noun_by_position(parse, found.first, mixed_case) or self.null_verb(found):
                parse.kind[i] = "noun"
                continue
            parse.verbs[i] = found
            for p in range(found.first, found.last + 1):
                if p == i or parse.kind[p] in ("word", "conj", "det"):
                    parse.kind[p] = "verb" if p == i else "verbword"
            code = found.code()
            if code is not None and code.code in (DISCARD_CODE, COMPLEX_CODE):
                parse.verdict = parse.verdict or ("discard" if code.code == DISCARD_CODE else "complex")

    def null_verb(self, found: VerbMatch) -> bool:
        """A verb with the null code and no patterns is no verb at all."""
        return found.code() is None and not any(entry.patterns for entry in found.entries)

    def mark_lists(self, parse: Parse) -> None:
        """The nouns and adjectives of the dictionaries' lists."""
        for i, text in enumerate(parse.texts):
            if parse.kind[i] != "word":
                continue
            if _in_list(text, self.nouns):
                parse.kind[i] = "noun"
            elif _in_list(text, self.adjectives):
                parse.kind[i] = "adj"

    def attach_agents(self, parse: Parse, agents) -> list[tuple[int, int, AgentEntry]]:
        """Join each agent to the actor after it, before it, or after IN/OF; the
        agents left over are returned."""
        by_word = {p: actor for actor in parse.actors for p in actor.words}
        left = []
        for start, end, agent in agents:
            actor = _agent_actor(parse, by_word, start, end)
            if actor is None:
                left.append((start, end, agent))
                continue
            actor.agents.append((start, end, agent))
            if FORMER in (_text(parse, start - 1), _text(parse, actor.head - 1)):
                actor.former = True
        return left

    def convert_agents(self, parse: Parse, agents) -> None:
        """SET: CONVERT AGENTS: an agent on its own is an actor coded ``~CODE``."""
        for start, end, agent in agents:
            parse.actors.append(Actor(list(range(start, end)), "~" + agent.code, converted=True))
        parse.actors.sort(key=lambda a: a.head)

    def check_time(self, parse: Parse) -> None:
        """Time-shift phrases with a discard or complex code decide the sentence."""
        texts = parse.texts
        for entry in self.dictionaries.verbs:
            if entry.section != "time" or entry.code is None:
                continue
            if entry.code.code not in (DISCARD_CODE, COMPLEX_CODE):
                continue
            for form in entry.forms:
                if any(match_positions(form.words, texts, i, None) for i in range(len(texts))):
                    parse.verdict = parse.verdict or ("discard" if entry.code.code == DISCARD_CODE
                                                      else "complex")


def _first_words(phrases) -> list:
    return [phrase[0] for phrase in phrases if len(phrase) == 1]


def _in_list(text: str, tokens) -> bool:
    return any(phrase_word(token, text, True) for token in tokens)


def _noun_by_position(parse: Parse, i: int, mixed_case: bool) -> bool:
    """After THE, A or AN; or capitalised inside a mixed-case sentence."""
    if i > 0 and parse.words[i - 1].text in DETERMINERS:
        return True
    return mixed_case and i > 0 and parse.words[i].capital


def _text(parse: Parse, i: int) -> str:
    return parse.words[i].text if 0 <= i < len(parse.words) else ""


def _agent_actor(parse: Parse, by_word: dict[int, Actor], start: int, end: int) -> Actor | None:
    """The actor an agent at ``start:end`` belongs to: the one just before it, else
    the one just after it, else one after IN or OF ("Former" passed over)."""
    before = start - 1
    while _text(parse, before) == FORMER:
        before -= 1
    if before in by_word:
        return by_word[before]
    after = end
    while _text(parse, after) == FORMER:
        after += 1
    if after in by_word and by_word[after].head == after:
        return by_word[after]
    if _text(parse, end) in LINKS and end + 1 in by_word:
        return by_word[end + 1]
    return None


# -- compounds -----------------------------------------------------------------

UNIT_LEAD = frozenset({"det", "adj", "agent"})


def find_compounds(parse: Parse) -> list[list[Actor]]:
    """Actor units joined by commas and a final AND, OR or NOR (TABARI §7.5);
    a unit led by an adjective or determiner may follow without a separator."""
    units = _units(parse)
    compounds = []
    i = 0
    while i < len(units):
        j, has_conjunction = i, False
        while j + 1 < len(units) and not has_conjunction:
            between = parse.texts[units[j][1] + 1:units[j + 1][0]]
            if not (_separator(between) or (not between and parse.kind[units[j + 1][0]] in ("det", "adj"))):
                break
            has_conjunction = any(t in COMPOUND_CONJUNCTIONS for t in between)
            j += 1
        while has_conjunction and j + 1 < len(units) and units[j + 1][0] == units[j][1] + 1 \
                and parse.kind[units[j + 1][0]] in ("det", "adj"):
            j += 1
        if j > i and has_conjunction:
            compounds.append([actor for unit in units[i:j + 1] for actor in unit[2]])
            for p in range(units[i][0], units[j][1] + 1):
                if parse.kind[p] in ("conj", "comma"):
                    parse.joined_conjunctions.add(p)
            i = j + 1
        else:
            i += 1
    return compounds


def _units(parse: Parse) -> list[tuple[int, int, list[Actor]]]:
    """Noun phrases around actors: determiners, adjectives and agents, then an
    actor with the agents that follow it."""
    heads = {actor.head: actor for actor in parse.actors}
    units = []
    i = 0
    while i < len(parse.words):
        j = i
        while j < len(parse.words) and parse.kind[j] in UNIT_LEAD and j not in heads:
            j += 1
        if j >= len(parse.words) or j not in heads:
            i = max(j, i + 1)
            continue
        actor = heads[j]
        end = max(actor.span()[1], actor.words[0])
        while end + 1 < len(parse.words) and parse.kind[end + 1] == "agent":
            end += 1
        units.append((i, end, [actor]))
        i = end + 1
    return units


def _separator(between: list[str]) -> bool:
    """``,`` or a conjunction, or a comma then a conjunction."""
    return between in ([","], ["AND"], ["OR"], ["NOR"], [",", "AND"], [",", "OR"], [",", "NOR"])


def noun_compound_conjunctions(parse: Parse) -> set[int]:
    """Conjunctions in ``noun CONJ adjective* noun`` and ``adjective CONJ adjective``."""
    found = set()
    kinds = parse.kind
    for i, kind in enumerate(kinds):
        if kind != "conj" or i == 0 or i + 1 >= len(kinds):
            continue
        if kinds[i - 1] == "adj" and kinds[i + 1] == "adj":
            found.add(i)
        elif kinds[i - 1] == "noun":
            j = i + 1
            while j < len(kinds) and kinds[j] == "adj":
                j += 1
            if j < len(kinds) and kinds[j] == "noun":
                found.add(i)
    return found
