"""Actor codes for the words of a noun phrase (TABARI manual §5.3-5.4).

The first actor phrase found, left to right, gives the base code (resolved for
the sentence's date); every agent found after it, or before it, adds its code
after the base (``[~GOV]``) or before it (``[NGO~]``): "Gondor's security
officials" is GON + GOV. An agent code already present on a three-letter boundary
is not added again, and the search for agents stops there. "Former" turns the
agents into elites (ELI). Agents without an actor give an anonymous actor
(``---GOV``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cable.dictionaries import Dictionaries, Token, candidate_keys, code_on
from cable.dictionaries.entries import TABARI, AgentEntry
from cable.coder.model import NULL
from cable.coder.words import phrase_word

FORMER = frozenset({"FORMER", "EX"})
ELITE = "ELI"


class ActorCoder:
    """Codes phrase readings with one dictionary set, remembering results."""

    def __init__(self, dictionaries: Dictionaries):
        self.dictionaries = dictionaries
        self.stems = dictionaries.format == TABARI
        self._cache: dict[tuple[tuple[str, ...], date | None], str] = {}
        self._phrase_cache: dict[int, dict[str, list]] = {}

    def code(self, words: tuple[str, ...], day: date | None) -> str:
        """The code of one reading: actor plus agents, ``---`` when neither is found."""
        key = (words, day)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._code(words, day)
        return found

    def _code(self, words: tuple[str, ...], day: date | None) -> str:
        actor = self.actor(words, day)
        agents = self.agents(words)
        if not agents:
            return actor[0] if actor else NULL
        codes = [ELITE if FORMER & set(words) else a.code for a in agents]
        return compose(actor[0] if actor else NULL, agents, codes)

    def actor(self, words: Sequence[str], day: date | None) -> tuple[str, int, int] | None:
        """The first actor in ``words``: (code, start, end); its code is ``---`` when
        no code applies on ``day``. The longest phrase wins at a position."""
        for start in range(len(words)):
            best = self._longest(self.dictionaries.actor_index, words, start, self._actor_gapped)
            if best is not None:
                entries, end = best
                code = code_on([c for entry in entries for c in entry.codes], day) or NULL
                return code, start, end
        return None

    def agents(self, words: Sequence[str]) -> list[AgentEntry]:
        """Agents in ``words``, left to right, not overlapping."""
        found = []
        start = 0
        while start < len(words):
            best = self._longest(self.dictionaries.agent_index, words, start, self._agent_gapped)
            if best is None:
                start += 1
            else:
                found.append(best[0][0])
                start = best[1]
        return found

    def _longest(self, index, words: Sequence[str], start: int, gapped) -> tuple[list, int] | None:
        """(records, end) of the longest phrase from ``words[start]``: consecutive
        words by a dictionary look-up, phrases with gaps word by word."""
        best = None
        if not self.stems:
            if words[start] not in index.first_words:  # most words start no phrase
                return None
            hit = index.longest(words, start)
            if hit is not None:
                best = (hit[1], hit[0])
        for key in self._keys(words[start], index.first_words):
            for phrase, record in gapped(key):
                end = phrase_end(phrase, words, start)
                if end is not None and (best is None or end > best[1]):
                    best = ([record], end)
        return best

    def _actor_gapped(self, key: str) -> list:
        return self._gapped(key, self.dictionaries.actor_index, lambda e: e.phrases)

    def _agent_gapped(self, key: str) -> list:
        return self._gapped(key, self.dictionaries.agent_index, lambda a: [a.phrase])

    def _gapped(self, key: str, index, phrases_of) -> list:
        """(phrase, record) for phrases from ``key`` that the look-up cannot find:
        all of them for TABARI stems, those with gaps for PETRARCH."""
        cache = self._phrase_cache.setdefault(id(index), {})
        found = cache.get(key)
        if found is None:
            records = index.starting(key) if self.stems else index.gapped(key)
            found = cache[key] = [
                (phrase, record) for record in records for phrase in phrases_of(record)
                if phrase and phrase[0].text == key
                and (self.stems or not all(t.joined for t in phrase[1:]))]
        return found

    def _keys(self, word: str, keys) -> list[str]:
        if self.stems:
            return candidate_keys(word, keys)
        return [word] if word in keys else []


def phrase_end(phrase: Sequence[Token], words: Sequence[str], start: int) -> int | None:
    """Where ``phrase`` ends when it matches from ``words[start]``: later words may
    have others between them unless joined; None when it does not match."""
    positions = match_positions(phrase, words, start, None)
    return positions[-1] + 1 if positions else None


def match_positions(phrase, texts: list[str], start: int, kind: list[str] | None) -> list[int] | None:
    """Positions of the words of ``phrase`` from ``texts[start]`` (gaps allowed
    unless joined, over free words only when ``kind`` is given)."""
    last = len(phrase) - 1
    if not phrase or not phrase_word(phrase[0], texts[start], last == 0):
        return None
    positions = [start]
    i = start + 1
    for k, token in enumerate(phrase[1:], start=1):
        while i < len(texts) and not phrase_word(token, texts[i], k == last):
            if token.joined:
                return None
            i += 1
        if i >= len(texts) or (kind is not None and kind[i] not in ("word", "number", "det", "conj")):
            return None
        positions.append(i)
        i += 1
    return positions


def compose(actor: str, agents: Sequence[AgentEntry], codes: Sequence[str]) -> str:
    """The actor code with agent codes added before or after it."""
    code = actor
    for agent, agent_code in zip(agents, codes):
        if has_code(code, agent_code):
            break
        code = agent_code + code if agent.prefix else code + agent_code
    return code


def has_code(code: str, part: str) -> bool:
    """True when ``part`` already sits in ``code`` on a three-letter boundary."""
    return any(code[i:i + len(part)] == part for i in range(0, len(code) - len(part) + 1, 3))
