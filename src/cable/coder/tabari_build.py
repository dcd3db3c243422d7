"""From a TABARI ``Parse`` to a ``Sentence``: pronouns, comma clauses, clauses,
complexity conditions, phrases and verb sites (manual §7.6-7.9, §8.6-8.7)."""

from __future__ import annotations

from dataclasses import dataclass

from cable.coder.model import Item, Mark, Phrase, Sentence, VerbSite
from cable.coder.tabari import (
    FIRST_ACTOR_PRONOUNS, PLURAL_PRONOUNS, Actor, Parse,
)

PASSIVE_AUXILIARIES = frozenset({"WAS", "WERE", "BEEN"})


@dataclass(frozen=True, slots=True)
class Forwarded:
    """The first actor of the previous sentence of the same story (FORWARD)."""

    code: str


def resolve_pronouns(parse: Parse, forwarded: Forwarded | None) -> None:
    """HE, SHE, IT, HIM: the first actor of the sentence; HIS, HER, ITS: the first
    actor before the pronoun; THEY, THEM, THEIR: the first compound, else the
    first actor. A pronoun before any actor takes the forwarded actor."""
    actors = [a for a in parse.actors if not a.converted]
    for i, kind in enumerate(parse.kind):
        if kind != "pronoun":
            continue
        word = parse.words[i].text
        before = [a for a in actors if a.head < i]
        if not before and forwarded is not None:
            parse.pronouns[i] = [Actor([i], forwarded.code)]
            continue
        if word in PLURAL_PRONOUNS and parse.compounds:
            parse.pronouns[i] = parse.compounds[0]
        elif word in FIRST_ACTOR_PRONOUNS or word in PLURAL_PRONOUNS:
            parse.pronouns[i] = actors[:1]
        else:
            parse.pronouns[i] = before[:1]
        if not parse.pronouns[i]:
            del parse.pronouns[i]


def drop_comma_clauses(parse: Parse, limits: dict[str, int]) -> None:
    """Delete short comma-delimited clauses, chained from the first comma: an
    inner clause goes with both its commas, so a comma that closed one cannot
    open a final clause. Then cancel what the deletions cut into."""
    if not limits:
        return
    commas = [i for i, k in enumerate(parse.kind) if k == "comma" and i not in parse.joined_conjunctions]
    if not commas:
        return
    bounds = [-1, *commas, len(parse.words)]
    segments = list(zip(bounds, bounds[1:]))
    consumed = -1
    for k, (low, high) in enumerate(segments):
        if k == 0:
            start, end, names = 0, high + 1, ("BMIN", "BMAX")
        elif k == len(segments) - 1:
            if low == consumed:
                break
            start, end, names = low, high, ("EMIN", "EMAX")
        else:
            start, end, names = low, high + 1, ("MIN", "MAX")
        if _within(_count(parse, low, high), limits, *names):
            _delete(parse, start, end)
            consumed = high if k else -1
    cancel_deleted(parse)


def _count(parse: Parse, low: int, high: int) -> int:
    return sum(1 for p in range(low + 1, high) if parse.words[p].text[:1].isalnum())


def _within(count: int, limits: dict[str, int], low: str, high: str) -> bool:
    return bool(limits.get(high, 0)) and limits.get(low, 0) <= count <= limits[high]


def _delete(parse: Parse, start: int, end: int) -> None:
    for p in range(start, min(end, len(parse.words))):
        parse.deleted[p] = True


def cancel_deleted(parse: Parse) -> None:
    """Actors, agents, verbs and pronouns that touch deleted words are gone."""
    gone = parse.deleted
    parse.actors = [a for a in parse.actors if not any(gone[p] for p in a.words)]
    for actor in parse.actors:
        actor.agents = [g for g in actor.agents if not any(gone[p] for p in range(g[0], g[1]))]
    parse.verbs = {i: v for i, v in parse.verbs.items()
                   if not any(gone[p] for p in range(v.first, v.last + 1))}
    alive = set(map(id, parse.actors))
    parse.compounds = [c for c in ([a for a in group if id(a) in alive] for group in parse.compounds)
                       if len(c) > 1]
    parse.pronouns = {i: [a for a in ref if id(a) in alive or a.head == i]
                      for i, ref in parse.pronouns.items() if not gone[i]}
    parse.pronouns = {i: ref for i, ref in parse.pronouns.items() if ref}


def clause_breaks(parse: Parse) -> list[int]:
    """Conjunctions that separate clauses (not in compounds or verb phrases)."""
    return [i for i, k in enumerate(parse.kind)
            if k == "conj" and not parse.deleted[i] and i not in parse.joined_conjunctions]


def verdict(parse: Parse, complexity: dict[str, int], minimum_words: int) -> str | None:
    """``discard``, ``complex`` (a TABARI complexity condition holds) or ``short``."""
    if parse.verdict:
        return parse.verdict
    if len(parse.words) < minimum_words:
        return "short"
    verbs = sorted(parse.verbs)
    if complexity.get("VERBS") and len(verbs) >= complexity["VERBS"]:
        return "complex"
    if complexity.get("CONJ") and len(clause_breaks(parse)) >= complexity["CONJ"]:
        return "complex"
    if complexity.get("ACTORS") and len(parse.actors) >= complexity["ACTORS"]:
        return "complex"
    coded = [v for v in verbs if parse.verbs[v].code() is not None]
    if complexity.get("NOACTPRIOR") and coded and not _actor_before(parse, coded[0]):
        return "complex"
    if complexity.get("NOVERB") and not verbs:
        return "complex"
    return None


def _actor_before(parse: Parse, position: int) -> bool:
    return any(a.head < position for a in parse.actors) or any(p < position for p in parse.pronouns)


# -- the sentence ----------------------------------------------------------------

def build_sentence(parse: Parse) -> Sentence:
    """Items (kept words, phrases marked), verb sites and clauses."""
    phrases = _phrases(parse)
    starts = {start: (end, phrase) for start, end, phrase in phrases}
    items: list[Item] = []
    position_item: dict[int, int] = {}
    opening: dict[int, int] = {}
    i = 0
    while i < len(parse.words):
        if i in starts:
            end, phrase = starts[i]
            opening[i] = len(items)
            items.append(Mark(phrase, True))
            for p in range(i, end + 1):
                if not parse.deleted[p]:
                    position_item[p] = len(items)
                    items.append(parse.words[p].text)
            items.append(Mark(phrase, False))
            i = end + 1
            continue
        if not parse.deleted[i]:
            position_item[i] = opening[i] = len(items)
            items.append(parse.words[i].text)
        i += 1
    clauses, sites = _clauses_and_sites(parse, items, position_item, opening)
    return Sentence(items, sites, phrases=[p for _, _, p in phrases], clauses=clauses)


def _phrases(parse: Parse) -> list[tuple[int, int, Phrase]]:
    """Non-overlapping (start, end, phrase): compounds, actors, pronouns."""
    found = []
    in_compound = set()
    for group in parse.compounds:
        members = [_actor_phrase(parse, a) for a in group]
        spans = [a.span() for a in group]
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        words = tuple(w.text for w in parse.words[start:end + 1])
        phrase = Phrase(words, tuple(m.readings[0] for m in members),
                        tuple(m.codes[0] for m in members), members=tuple(members))
        found.append((start, end, phrase))
        in_compound.update(map(id, group))
    for actor in parse.actors:
        if id(actor) not in in_compound:
            start, end = actor.span()
            found.append((start, end, _actor_phrase(parse, actor)))
    for i, referent in parse.pronouns.items():
        codes = tuple(a.final_code() for a in referent)
        found.append((i, i, Phrase((parse.words[i].text,), ((parse.words[i].text,),) * len(codes),
                                   codes, pronoun=True)))
    found.sort(key=lambda f: (f[0], -f[1]))
    kept, last_end = [], -1
    for start, end, phrase in found:
        if start > last_end:
            kept.append((start, end, phrase))
            last_end = end
    return kept


def _actor_phrase(parse: Parse, actor: Actor) -> Phrase:
    start, end = actor.span()
    words = tuple(w.text for w in parse.words[start:end + 1])
    return Phrase(words, (words,), (actor.final_code(),))


def _clauses_and_sites(parse: Parse, items: list[Item], position_item: dict[int, int],
                       opening: dict[int, int]):
    """Clause item ranges and a site per verb, matched within its comma segment."""
    breaks = clause_breaks(parse)
    bounds = [-1, *breaks, len(parse.words)]
    commas = _free_commas(items)
    clauses, sites = [], []
    for number, (low, high) in enumerate(zip(bounds, bounds[1:])):
        start = _item_at_or_after(opening, low + 1, len(items))
        end = _item_at_or_after(opening, high, len(items))
        clauses.append((start, end))
        for v in sorted(p for p in parse.verbs if low < p < high):
            verb = position_item[v]
            first = max((c + 1 for c in commas if start <= c < verb), default=start)
            last = min((c for c in commas if verb < c < end), default=end)
            sites.append(VerbSite(verb, first, last, last, _passive(parse, v), clause=number,
                                  scope=(start, end)))
    return clauses, sites


def _free_commas(items: list[Item]) -> list[int]:
    """Positions of commas outside phrases: pattern matching stops there."""
    found, depth = [], 0
    for i, item in enumerate(items):
        if isinstance(item, Mark):
            depth += 1 if item.opening else -1
        elif item == "," and depth == 0:
            found.append(i)
    return found


def _item_at_or_after(position_item: dict[int, int], position: int, default: int) -> int:
    found = [item for p, item in position_item.items() if p >= position]
    return min(found) if found else default


def _passive(parse: Parse, v: int) -> bool:
    """WAS, WERE or BEEN one or two words before the verb, BY one or two after it."""
    found = parse.verbs[v]
    texts = parse.texts
    auxiliary = any(0 <= v - k < len(texts) and texts[v - k] in PASSIVE_AUXILIARIES for k in (1, 2))
    return auxiliary and "BY" in texts[found.last + 1:found.last + 3]

