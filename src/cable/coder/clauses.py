"""TABARI's coding of a sentence, clause by clause (manual §5.8, §6.6, §7.6).

CODE BY CLAUSE (the default) codes the first event of each clause, CODE BY
SENTENCE the first of the sentence, CODE ALL every one. A subordinate code
(``023?``) is kept only when nothing else is coded (in its clause, or in the
sentence); dominant codes (``031!``) push other events out. The source carries
over from clause to clause unless the new clause has an actor before its verb or
a pattern's ``$`` says otherwise; the target is searched again in each clause.
Default source and target codes (``DEFAULT:``) fill what the search cannot find.
"""

from __future__ import annotations

from dataclasses import dataclass

from cable.coder.engine import Engine, VerbResult, finish, make_events
from cable.coder.model import Item, Mark, Phrase, Sentence, Triple, VerbSite
from cable.coder.settings import ALL, CLAUSE, SENTENCE, CoderSettings


@dataclass(slots=True)
class ClauseResult:
    """Events of one clause and the source they used."""

    events: list[Triple]
    subordinate: list[Triple]
    source: Phrase | None


def code_clauses(engine: Engine, sentence: Sentence, settings: CoderSettings) -> list[Triple]:
    """TABARI's events for a sentence read by its sparse parse."""
    if sentence.verdict:
        return []
    carried: Phrase | None = None
    events: list[Triple] = []
    subordinate: list[Triple] = []
    for number, (start, end) in enumerate(sentence.clauses):
        lead = _leading_phrase(sentence.items, start, end) if number else None
        result = _code_clause(engine, sentence, number, lead or carried, settings)
        if result is None:
            return []
        if settings.code_by == CLAUSE and not result.events:
            result.events = result.subordinate
        else:
            subordinate.extend(result.subordinate)
        events.extend(result.events)
        carried = result.source or carried or _first_phrase(sentence.items, start, end)
        if settings.code_by == SENTENCE and events:
            break
    if not events:
        events = subordinate
    return finish(_dominant(events), settings)


def _code_clause(engine: Engine, sentence: Sentence, number: int, source: Phrase | None,
                 settings: CoderSettings) -> ClauseResult | None:
    """The clause's events; None when a discard or complex pattern matched."""
    found = ClauseResult([], [], None)
    for site in (s for s in sentence.sites if s.clause == number):
        result = engine.verb_result(sentence, site)
        if result is None:
            continue
        if result.stops:
            return None
        if not result.codes_events:
            continue
        events, used = _site_events(sentence, site, result, source, settings)
        if not events:
            continue
        if result.code.subordinate:
            found.subordinate.extend(events)
            continue
        found.events.extend(events)
        found.source = found.source or used
        if settings.code_by != ALL:
            break
    return found


def _site_events(sentence: Sentence, site: VerbSite, result: VerbResult, carried: Phrase | None,
                 settings: CoderSettings) -> tuple[list[Triple], Phrase | None]:
    """Events of one verb with TABARI's source and target rules: in a later clause
    an actor before the verb replaces the source carried over."""
    binding = result.binding
    if binding.both is not None:
        both = binding.both
        return make_events(both, both, both, result.code, False, settings, site.verb, result.pattern), both
    low, high = site.scope or (site.start, site.end)
    before = _phrases(sentence.items, low, result.found.first)
    after = _phrases(sentence.items, result.found.last + 1, high)
    source = binding.source
    if source is None and binding.target is not None:
        source = _other_than(binding.target, before) or _other_than(binding.target, after)
    if source is None:
        source = before[0] if before and site.clause else carried or _source(before, after, settings)
    target = binding.target or _target(source, before, after, settings)
    swap = site.passive and binding.source is None and binding.target is None
    events = make_events(source, target, None, result.code, swap, settings, site.verb, result.pattern)
    return events, source


def _other_than(target: Phrase, phrases: list[Phrase]) -> Phrase | None:
    """The first phrase whose code differs from the target's (manual §5.8)."""
    own = target.codes[0] if target.codes else None
    return next((p for p in phrases if p is not target and _differs(p, own)), None)


def _source(before: list[Phrase], after: list[Phrase], settings: CoderSettings) -> Phrase | None:
    """The first actor before the verb; else, unless a default applies, after it."""
    default, when = settings.defaults.get("SOURCE", ("", ""))
    if before:
        return before[0]
    if default and when == "PRIOR":
        return _default(default)
    if after:
        return (after[0].members or (after[0],))[0]
    return _default(default) if default else None


def _target(source: Phrase | None, before: list[Phrase], after: list[Phrase],
            settings: CoderSettings) -> Phrase | None:
    """The first actor after the verb whose code differs from the source's; else
    the first such actor (or compound member) before it; else the compound source."""
    default, when = settings.defaults.get("TARGET", ("", ""))
    own = source.codes[0] if source is not None and source.codes else None
    later = [m for p in after if p is not source and not _same(p, source)
             for m in ((p,) if _differs(p, own) else p.members)]
    later = [p for p in later if p is not source and _differs(p, own)]
    if later:
        return later[0]
    if default and when == "AFTER":
        return _default(default)
    members = []
    for p in before:
        if p is source:
            members.extend(source.members)
        elif not _same(p, source):
            members.extend(p.members or (p,))
    earlier = [m for m in reversed(members) if _differs(m, own)]
    if earlier:
        return earlier[0]
    if source is not None and source.compound:
        return source
    return _default(default) if default else None


def _differs(phrase: Phrase, code: str | None) -> bool:
    return bool(phrase.codes) and (phrase.compound or phrase.codes[0] != code)


def _same(phrase: Phrase, source: Phrase | None) -> bool:
    """A phrase with the very codes of the source (a pronoun for it, say)."""
    return source is not None and set(phrase.codes) == set(source.codes)


def _default(code: str) -> Phrase:
    return Phrase((code,), ((code,),), (code,))


def _phrases(items: list[Item], start: int, end: int) -> list[Phrase]:
    """Coded phrases opening in ``items[start:end]``, in order."""
    return [item.phrase for item in items[start:end]
            if isinstance(item, Mark) and item.opening and item.phrase.codes]


def _leading_phrase(items: list[Item], start: int, end: int) -> Phrase | None:
    """A phrase that starts a clause: it becomes the new source."""
    if start < end and isinstance(items[start], Mark) and items[start].opening:
        return items[start].phrase
    return None


def _first_phrase(items: list[Item], start: int, end: int) -> Phrase | None:
    found = _phrases(items, start, end)
    return found[0] if found else None


def _dominant(events: list[Triple]) -> list[Triple]:
    """Only events with dominant codes, when there are any."""
    dominant = [e for e in events if e.dominant]
    return dominant or events
