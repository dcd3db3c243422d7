"""Coding a ``Sentence``: verbs, patterns, source and target, events.

For each verb site in order, the verb's patterns are tried longest first; the
first that matches gives the event code and any ``$ + %`` actors, else the verb's
own code applies. A site that codes (even to nothing, for want of actors) hides
the verbs nested in its phrase. Missing actors come from the default search
(TABARI manual §5.8): the source is the first coded phrase before the verb, the
target the first coded phrase after it whose code differs, else one before it.
Paired codes (``042:043``) add the reverse event; compound phrases give one
event per pair of member codes; a passive verb swaps source and target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cable.dictionaries import Dictionaries, VerbCode
from cable.dictionaries.entries import COMPLEX_CODE, DISCARD_CODE
from cable.coder.actors import ActorCoder
from cable.coder.matching import Binding, as_sequence, match_steps
from cable.coder.model import NULL, Item, Mark, Phrase, Sentence, Triple, VerbSite
from cable.coder.settings import CoderSettings
from cable.coder.verbs import VerbFinder, VerbMatch

STOP_CODES = frozenset({DISCARD_CODE, COMPLEX_CODE})


@dataclass(slots=True)
class VerbResult:
    """A verb found at a site with the code it takes."""

    found: VerbMatch
    code: VerbCode
    binding: Binding
    pattern: str
    upper: list[Item]
    lower: list[Item]

    @property
    def stops(self) -> bool:
        """A discard or complex code."""
        return self.code.code in STOP_CODES

    @property
    def codes_events(self) -> bool:
        """False for the null code and for discard and complex codes."""
        return not self.stops and (self.code.code not in (NULL, "") or bool(self.code.pair))


@dataclass(slots=True)
class SiteResult:
    """What one verb site gave: its code (None when the verb is not coded) and events."""

    code: VerbCode | None
    events: list[Triple]
    pattern: str = ""


class Engine:
    """Codes sentences with one dictionary set."""

    def __init__(self, dictionaries: Dictionaries):
        self.dictionaries = dictionaries
        self.actors = ActorCoder(dictionaries)
        self.verbs = VerbFinder(dictionaries)

    def code_phrases(self, sentence: Sentence, pronouns: bool = True) -> None:
        """Give every phrase its member codes for the sentence's date; pronouns
        take their antecedent's codes (when ``pronouns``)."""
        for phrase in sentence.phrases:
            if not phrase.codes and not (pronouns and phrase.pronoun):
                phrase.codes = tuple(self.actors.code(r, sentence.day) for r in phrase.readings)
        for i, phrase in enumerate(sentence.phrases):
            if phrase.pronoun and not phrase.codes:
                antecedent = resolve_pronoun(sentence.phrases, i) if pronouns else None
                phrase.codes = antecedent.codes if antecedent is not None else (NULL,)

    def code(self, sentence: Sentence, settings: CoderSettings) -> list[Triple]:
        """The events of a sentence, with PETRARCH's rules (every verb codes). With
        ``embedded_speech``, a statement ("X said ...") leaves the verbs of its
        phrase open and gives way to what they code: "X said Y attacked Z"."""
        self.code_phrases(sentence, settings.pronouns)
        events: list[Triple] = []
        statements: list[tuple[int, int, list[Triple]]] = []
        resume = 0
        for site in sentence.sites:
            if site.verb < resume:
                continue
            result = self.code_site(sentence, site, settings)
            if result.code is None:
                continue
            if settings.embedded_speech and is_statement(result.code):
                statements.append((site.verb, site.resume, result.events))
                continue
            resume = site.resume
            events.extend(result.events)
        for verb, end, found in statements:
            if not any(verb < event.verb < end for event in events):
                events.extend(found)
        return finish(events, settings)

    def code_site(self, sentence: Sentence, site: VerbSite, settings: CoderSettings) -> SiteResult:
        """Try one verb: its patterns, then its own code; actors by PETRARCH's search."""
        found = self.verb_result(sentence, site)
        if found is None:
            return SiteResult(None, [])
        if not found.codes_events:
            return SiteResult(found.code, [], found.pattern)
        upper = found.upper
        if settings.own_clause and site.scope and site.scope[0] > site.start:
            own = sentence.items[site.scope[0]:found.found.first]
            upper = own if any(usable(p) for p in phrases_in(own)) else upper
        source, target, swap = self.actors_for(found.binding, upper, found.lower, site.passive)
        events = make_events(source, target, found.binding.both, found.code, swap, settings,
                             site.verb, found.pattern)
        events = [e for e in events if kept(e, settings)]
        return SiteResult(found.code, events, found.pattern)

    def verb_result(self, sentence: Sentence, site: VerbSite) -> "VerbResult | None":
        """The verb at a site, the pattern or code it takes and what the pattern
        bound; None when the word is no verb or its code is null."""
        found = self.verbs.find(sentence.items, site.verb, site.start, site.end)
        if found is None:
            return None
        upper = sentence.items[site.start:found.first]
        lower = sentence.items[found.last + 1:site.end]
        code, binding, text = self.match(found, upper, lower)
        if code is None:
            return None
        return VerbResult(found, code, binding, text, upper, lower)

    def match(self, found: VerbMatch, upper: list[Item],
              lower: list[Item]) -> tuple[VerbCode | None, Binding, str]:
        """The first pattern of the verb that matches, else the verb's own code. A
        match through a short alternative waits while longer patterns than what
        it matched are tried (TABARI §5.7.1)."""
        up = as_sequence(upper, backwards=True)
        down = as_sequence(lower, backwards=False)
        upper_words = {item for item in upper if isinstance(item, str)}
        lower_words = {item for item in lower if isinstance(item, str)}
        held = None
        for compiled in self.verbs.patterns(found):
            if held is not None and compiled.length <= held[0]:
                break
            if not compiled.possible(upper_words, lower_words):
                continue
            binding = Binding()
            if match_steps(compiled.upper, up, binding) and match_steps(compiled.lower, down, binding):
                if held is not None or not binding.shortfall:
                    return compiled.code, binding, compiled.text
                held = (compiled.length - binding.shortfall, compiled, binding)
        if held is not None:
            return held[1].code, held[2], held[1].text
        return found.code(), Binding(), ""

    def actors_for(self, binding: Binding, upper: list[Item], lower: list[Item],
                   passive: bool) -> tuple[Phrase | None, Phrase | None, bool]:
        """Source and target, from the pattern or the default search; and whether
        to swap them (a passive verb whose actors the pattern did not set)."""
        if binding.both is not None:
            return binding.both, binding.both, False
        source = binding.source or default_source(upper)
        target = binding.target or default_target(source, upper, lower)
        swap = passive and binding.source is None and binding.target is None
        return source, target, swap


PERSONAL = frozenset({"HE", "SHE", "IT", "HIM", "HER", "THEY", "THEM"})
PLURAL = frozenset({"THEY", "THEM", "THEIR", "THEMSELVES"})
REFLEXIVE = frozenset({"HIMSELF", "HERSELF", "ITSELF", "THEMSELVES"})


def resolve_pronoun(phrases: list[Phrase], i: int) -> Phrase | None:
    """TABARI's coreference (manual §7.7): HE, SHE, IT, HIM, THEY, THEM the first
    actor of the sentence (a compound first for THEY, THEM); a reflexive, or a
    possessive (HIS, ITS, THEIR), the nearest actor before it."""
    word = phrases[i].words[0]
    before = [p for p in phrases[:i] if not p.pronoun and p.coded]
    if word in REFLEXIVE or word not in PERSONAL:
        return before[-1] if before else None
    everyone = [p for p in phrases if not p.pronoun and p.coded]
    if word in PLURAL:
        compounds = [p for p in everyone if p.compound]
        if compounds:
            return compounds[0]
    return everyone[0] if everyone else None


def is_statement(code: VerbCode) -> bool:
    """A public statement (CAMEO 01x) or a code marked subordinate (``023?``)."""
    return code.subordinate or (code.code.startswith("01") and 3 <= len(code.code) <= 4)


def phrases_in(items: list[Item]) -> list[Phrase]:
    """Phrases that open in ``items``, in text order."""
    return [item.phrase for item in items if isinstance(item, Mark) and item.opening]


def usable(phrase: Phrase) -> bool:
    """A compound or a phrase with a code: what the default search prefers."""
    return phrase.compound or phrase.coded


def default_source(upper: list[Item]) -> Phrase | None:
    """The first compound or coded phrase before the verb, else the first phrase."""
    found = phrases_in(upper)
    return next((p for p in found if usable(p)), found[0] if found else None)


def default_target(source: Phrase | None, upper: list[Item], lower: list[Item]) -> Phrase | None:
    """The first phrase after the verb with a code other than the source's, else an
    uncoded one after it, else the nearest such phrases before it."""
    own = set(source.all_codes()) if source is not None and not source.compound else set()
    after = phrases_in(lower)
    before = [p for p in reversed(phrases_in(upper)) if p is not source]
    for group in (after, before):
        coded = [p for p in group if usable(p) and (p.compound or set(p.all_codes()) != own)]
        if coded:
            return coded[0]
        uncoded = [p for p in group if not usable(p)]
        if uncoded:
            return uncoded[0]
    return None


def make_events(source: Phrase | None, target: Phrase | None, both: Phrase | None, code: VerbCode,
                swap: bool, settings: CoderSettings, verb: int, pattern: str) -> list[Triple]:
    """Events for every pair of source and target codes (no self-references);
    with ``source_only``, a missing target phrase gives a null target."""
    if source is None or (target is None and not settings.source_only):
        return []
    sources = actor_codes(source, settings)
    targets = actor_codes(target, settings) if target is not None else [NULL]
    if swap:
        sources, targets = targets, sources
    if code.pair is not None and both is None:
        if targets[0] == NULL:
            targets = sources
        elif sources[0] == NULL:
            sources = targets
    events = _pairs(sources, targets, code.code, verb, pattern, code.dominant) if code.code else []
    if code.pair:
        events += _pairs(targets, sources, code.pair, verb, pattern, code.dominant)
    return events


def _pairs(sources: list[str], targets: list[str], code: str, verb: int, pattern: str,
           dominant: bool) -> list[Triple]:
    return [Triple(s, t, code, verb, pattern, dominant) for s in sources for t in targets if s != t]


def actor_codes(phrase: Phrase, settings: CoderSettings) -> list[str]:
    """Member codes of a phrase; uncoded members of a compound with coded ones are
    left out; with ``new_actor_length``, short uncoded members are written out in
    quotes."""
    codes = []
    for reading, code in zip(phrase.readings, phrase.codes):
        if code == NULL and 0 < len(reading) <= settings.new_actor_length:
            codes.append('"' + " ".join(reading) + '"')
        elif code == NULL and phrase.compound and phrase.coded:
            continue
        else:
            codes.extend(code.split("/"))
    return codes


def finish(events: list[Triple], settings: CoderSettings) -> list[Triple]:
    """Drop null dyads (when required) and duplicates, keeping the first."""
    out, seen = [], set()
    for event in events:
        if not kept(event, settings):
            continue
        key = (event.source, event.target, event.code)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out


def kept(event: Triple, settings: CoderSettings) -> bool:
    """Whether an event survives ``require_dyad`` (and ``source_only``: a coded
    source with a null target does)."""
    if not settings.require_dyad or NULL not in (event.source, event.target):
        return True
    return settings.source_only and event.source != NULL


def sentence_day(value: str | date | None) -> date | None:
    """An ISO date string as a date (None passes through)."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def record_day(record) -> date | None:
    """A suite record's date. A raw date that is not YYMMDD or YYYYMMDD is read as
    MMDDYY or MMDDYYYY (PETRARCH-2's unit cases write 081315); one digit too many
    is dropped (TABARI reads the first six)."""
    day = sentence_day(record.date)
    raw = "".join(ch for ch in str(record.extra.get("date_raw") or "") if ch.isdigit())
    if day is not None:
        return day
    if len(raw) == 7:
        return _yymmdd(raw[:6])
    if len(raw) not in (6, 8):
        return None
    year = int(raw[4:]) + (2000 if len(raw) == 6 and int(raw[4:]) < 30 else 1900 if len(raw) == 6 else 0)
    try:
        return date(year, int(raw[:2]), int(raw[2:4]))
    except ValueError:
        return None


def _yymmdd(raw: str) -> date | None:
    year = int(raw[:2])
    try:
        return date(year + (2000 if year < 30 else 1900), int(raw[2:4]), int(raw[4:6]))
    except ValueError:
        return None
