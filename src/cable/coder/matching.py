"""Verb patterns matched against the words around a verb (TABARI manual §5.5-5.7).

A pattern ``- + WAS * BY $ [code]`` splits at the verb ``*``: the part before it is
matched against the upper sequence read backwards from the verb, the part after
it against the lower sequence. Words may have other words between them unless
joined with ``_``. ``$`` and ``+`` take the first phrase they reach as source and
target, ``%`` a compound phrase as both, ``^`` passes over one phrase. Synsets
(``&NAME``) and alternatives (``{ A | B C }``) match any of their members.
PETRARCH-2 ``{noun phrase}`` and ``(prep phrase)`` groups match their words in
order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from cable.dictionaries import (
    ALTERNATIVES, COMPOUND, NOUN_PHRASE, PREP_PHRASE, SKIP, SOURCE, STEM, SYNSET, TARGET, VERB, WORD,
    Pattern, Token, VerbCode,
)
from cable.coder.model import Item, Mark, Phrase
from cable.coder.words import pattern_word

ANY_COMPOUND = "any-compound"   # PETRARCH-1's "%" before the verb: any phrase; both if compound
ACTOR_KINDS = frozenset({SOURCE, TARGET, SKIP, COMPOUND, ANY_COMPOUND})


class Step(NamedTuple):
    """One pattern element in matching order: ``adjacent`` when no word may come
    between it and the element matched before it (or the verb). For
    alternatives, ``shortfalls`` says how many letters each option has fewer than
    the longest (what TABARI's ordering length counts)."""

    kind: str
    text: str
    adjacent: bool
    token: Token | None = None
    options: tuple[tuple["Step", ...], ...] = ()
    shortfalls: tuple[int, ...] = ()
    by_first: dict[str, tuple[int, ...]] | None = None   # options by their first whole word
    loose: tuple[int, ...] = ()                           # options that start otherwise


@dataclass(frozen=True, slots=True)
class Compiled:
    """A pattern ready to match: the upper part reversed, the lower part as is."""

    upper: tuple[Step, ...]
    lower: tuple[Step, ...]
    code: VerbCode
    length: int
    text: str
    synset_letters: int = 0
    needs: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())

    def possible(self, upper_words: set[str], lower_words: set[str]) -> bool:
        """False when a word the pattern requires is missing (a quick test)."""
        return self.needs[0] <= upper_words and self.needs[1] <= lower_words


@dataclass(slots=True)
class Binding:
    """What a successful match assigned; ``shortfall``: letters the alternatives
    matched fall short of the pattern's length."""

    source: Phrase | None = None
    target: Phrase | None = None
    both: Phrase | None = None
    shortfall: int = 0


class Members(Protocol):
    """Where synset members come from: ``members(name)``, with a cache of their
    compiled options."""

    compiled: dict

    def __call__(self, name: str) -> Sequence[tuple[Token, ...]]: ...


def compile_pattern(pattern: Pattern, members: Members, tabari: bool = True) -> Compiled:
    """Split a pattern at its verb and prepare both halves. In PETRARCH-1 a ``%``
    before the verb takes any phrase (a compound is both source and target), and
    after the verb takes any phrase as the target."""
    tokens = flatten(pattern.tokens)
    verb = next(i for i, token in enumerate(tokens) if token.kind == VERB)
    before, after = tokens[:verb], tokens[verb + 1:]
    if not tabari:
        before = tuple(t._replace(kind=ANY_COMPOUND) if t.kind == COMPOUND else t for t in before)
        after = tuple(t._replace(kind=TARGET) if t.kind == COMPOUND else t for t in after)
    upper = steps(tuple(reversed(before)), _reversed_joins(before, tokens[verb].joined), members, True)
    lower = steps(after, tuple(token.joined for token in after), members, False)
    names = sum(sum(ch.isalnum() for ch in t.text) for t in pattern.tokens if t.kind == SYNSET)
    needs = (_required(before), _required(after))
    return Compiled(upper, lower, pattern.code, pattern.length, pattern.text, names, needs)


def _required(tokens: Sequence[Token]) -> frozenset[str]:
    """Words a pattern side cannot match without (whole words, not stems)."""
    return frozenset(t.text for t in tokens if t.kind == WORD and t.match != STEM)


def flatten(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """PETRARCH-2 groups as plain tokens: a noun phrase's words, a prepositional
    phrase's preposition then its words."""
    flat: list[Token] = []
    for token in tokens:
        if token.kind == NOUN_PHRASE:
            inner = flatten(token.parts[0]) if token.parts else ()
            if inner:
                flat.append(inner[0]._replace(joined=token.joined))
                flat.extend(inner[1:])
        elif token.kind == PREP_PHRASE:
            flat.append(Token(WORD, token.text, token.joined))
            flat.extend(flatten(token.parts[0]) if token.parts else ())
        else:
            flat.append(token)
    return tuple(flat)


def _reversed_joins(before: Sequence[Token], verb_joined: bool) -> tuple[bool, ...]:
    """Adjacency of the reversed tokens: each must touch the one after it in text."""
    followers = [*(token.joined for token in before[1:]), verb_joined]
    return tuple(reversed(followers))


def steps(tokens: Sequence[Token], adjacent: Sequence[bool], members: Members,
          backwards: bool) -> tuple[Step, ...]:
    """Matching steps for tokens already in matching order."""
    return tuple(_step(token, joined, members, backwards) for token, joined in zip(tokens, adjacent))


def _step(token: Token, adjacent: bool, members: Members, backwards: bool) -> Step:
    if token.kind == SYNSET:
        options, by_first, loose = _synset_options(token.text, members, backwards)
        return Step(SYNSET, token.text, adjacent, token, options, (), by_first, loose)
    if token.kind == ALTERNATIVES:
        parts = sorted(token.parts, key=len, reverse=True)
        letters = [_letters(part) for part in parts if flatten(part)]
        shortfalls = tuple(max(letters, default=0) - n for n in letters)
        options = _options(parts, members, backwards)
        return Step(ALTERNATIVES, "", adjacent, token, options, shortfalls, *_option_index(options))
    return Step(token.kind, token.text, adjacent, token)


def _synset_options(name: str, members: Members, backwards: bool) -> tuple:
    """A synset's options and their index, compiled once per synset and direction."""
    key = (name, backwards)
    found = members.compiled.get(key)
    if found is None:
        options = _options(members(name), members, backwards)
        found = members.compiled[key] = (options, *_option_index(options))
    return found


def _option_index(options) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Options by their first word when it must be whole, and the rest."""
    by_first: dict[str, list[int]] = {}
    loose = []
    for i, option in enumerate(options):
        first = option[0]
        if first.kind == WORD and first.token.match != STEM:
            by_first.setdefault(first.text, []).append(i)
        else:
            loose.append(i)
    return {word: tuple(found) for word, found in by_first.items()}, tuple(loose)


def _letters(tokens: Sequence[Token]) -> int:
    return sum(sum(ch.isalnum() for ch in t.text) for t in flatten(tokens) if t.kind == WORD)


def _options(phrases: Sequence[tuple[Token, ...]], members: Members,
             backwards: bool) -> tuple[tuple[Step, ...], ...]:
    """Each member phrase as steps, in matching direction, longest first; the first
    step's adjacency is decided by the element that contains it."""
    options = []
    for phrase in sorted(phrases, key=len, reverse=True):
        tokens = flatten(phrase)
        if not tokens:
            continue
        if backwards:
            ordered = tuple(reversed(tokens))
            joins = (False, *reversed([t.joined for t in tokens[1:]]))
        else:
            ordered = tokens
            joins = (False, *(t.joined for t in tokens[1:]))
        options.append(steps(ordered, joins, members, backwards))
    return tuple(options)


class Sequence_:
    """Items in matching order, with the phrase each position lies in."""

    __slots__ = ("items", "inside")

    def __init__(self, items: list[Item]):
        self.items = items
        inside: list[Phrase | None] = []
        current = None
        for item in items:
            if isinstance(item, Mark):
                current = item.phrase if item.opening else None
                inside.append(None)
            else:
                inside.append(current)
        self.inside = inside


def as_sequence(items: list[Item], backwards: bool) -> Sequence_:
    """The items of one side of a verb, in the order they are matched."""
    if not backwards:
        return Sequence_(items)
    flipped = [Mark(item.phrase, not item.opening) if isinstance(item, Mark) else item
               for item in reversed(items)]
    return Sequence_(flipped)


def match_steps(plan: Sequence[Step], seq: Sequence_, binding: Binding) -> bool:
    """True when every step matches in order; fills ``binding``."""
    return _match(plan, 0, seq, 0, binding) is not None


def _match(plan: Sequence[Step], k: int, seq: Sequence_, pos: int, binding: Binding) -> int | None:
    """Match ``plan[k:]`` from ``seq`` position ``pos``; the position reached, or None."""
    if k == len(plan):
        return pos
    step = plan[k]
    if step.kind in ACTOR_KINDS:
        found = _actor(step, seq, pos)
        if found is None:
            return None
        phrase, after = found
        saved = (binding.source, binding.target, binding.both)
        _bind(step.kind, phrase, binding)
        end = _match(plan, k + 1, seq, after, binding)
        if end is None:
            binding.source, binding.target, binding.both = saved
        return end
    for start in _starts(seq, pos, step.adjacent):
        for after, short in _element(step, seq, start, binding):
            binding.shortfall += short
            end = _match(plan, k + 1, seq, after, binding)
            if end is not None:
                return end
            binding.shortfall -= short
    return None


def _starts(seq: Sequence_, pos: int, adjacent: bool):
    """Word positions where the next element may begin: the next word only when
    adjacent, any later word otherwise (phrase marks are passed over)."""
    items = seq.items
    for i in range(pos, len(items)):
        if isinstance(items[i], Mark):
            continue
        yield i
        if adjacent:
            return


def _element(step: Step, seq: Sequence_, start: int, binding: Binding):
    """(position just after, letters short) for each way ``step`` matches a word
    at ``start``."""
    if step.kind == WORD:
        word = seq.items[start]
        if isinstance(word, str) and pattern_word(step.token, word):
            yield start + 1, 0
        return
    word = seq.items[start]
    candidates = step.by_first.get(word, ()) if step.by_first is not None else ()
    for i in sorted((*candidates, *step.loose)) if step.loose else candidates:
        end = _option(step.options[i], seq, start, binding)
        if end is not None:
            yield end, step.shortfalls[i] if step.shortfalls else 0


def _option(option: Sequence[Step], seq: Sequence_, start: int, binding: Binding) -> int | None:
    """A member phrase whose first element matches at ``start`` (actors it names,
    as in ``PESO_$``, are bound)."""
    first = option[0]
    ends = [end for end, _ in _element(first, seq, start, binding)] if first.kind not in ACTOR_KINDS else []
    for after in ends:
        end = _match(option, 1, seq, after, binding)
        if end is not None:
            return end
    return None


def _actor(step: Step, seq: Sequence_, pos: int) -> tuple[Phrase, int] | None:
    """The first phrase at or after ``pos`` (the one ``pos`` lies in, if any) and
    where matching goes on: inside it, or past it for ``^``."""
    items = seq.items
    phrase, i = None, pos
    if pos < len(items) and not isinstance(items[pos], Mark):
        phrase = seq.inside[pos]
    if phrase is None:
        for i in range(pos, len(items)):
            item = items[i]
            if isinstance(item, Mark) and item.opening:
                phrase = item.phrase
                break
            if step.adjacent and not isinstance(item, Mark):
                return None
        else:
            return None
        i += 1
    if step.kind == COMPOUND and not _is_compound(phrase):
        return None
    if step.kind == SKIP:
        while i < len(items) and not (isinstance(items[i], Mark) and not items[i].opening):
            i += 1
        return phrase, i + 1
    return phrase, i


def _is_compound(phrase: Phrase) -> bool:
    return phrase.compound or len(phrase.all_codes()) > 1


def _bind(kind: str, phrase: Phrase, binding: Binding) -> None:
    if kind == SOURCE:
        binding.source = phrase
    elif kind == TARGET:
        binding.target = phrase
    elif kind == COMPOUND or (kind == ANY_COMPOUND and _is_compound(phrase)):
        binding.both = phrase
