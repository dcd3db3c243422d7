"""Actors named by what they are rather than by name: 'Somalia's prime minister',
'American warplanes', 'Shanghai police', 'a group of thieves', 'Ukrainian farmers'.

The head noun (with the words before it that make a longer agent phrase: 'riot police',
'prime minister') gives the PLOVER sector from the KB's agent words, titles and group
nouns; a country, capital or place that describes the head gives the country. A place
the phrase points to ('ambassador to Poland', 'strikes against Russia') does not.
"""

from __future__ import annotations

from typing import NamedTuple

from ..kb import KB

BIG_PLACE = 100_000
VAGUE = frozenset({"UNK", "JNK", "NON"})  # agent codes that say nothing of the sector
AWAY_PREPS = frozenset({"to", "against", "with", "toward", "towards", "into", "over"})
FORMER = frozenset({"former", "retired", "ex", "ex-", "onetime", "one-time"})
HEAD_OF = frozenset({"group", "team", "members", "member", "band", "gang", "number", "dozens", "hundreds",
                     "thousands", "couple", "pair", "crowd", "some", "several", "many", "most", "all"})


class Description(NamedTuple):
    name: str
    kind: str  # person | group | organization
    iso3: str | None
    sector: str | None


def describe(span, countries: list[tuple[int, str]], kb: KB) -> Description | None:
    """What a phrase without a name says its actor is. ``countries`` are (offset, ISO3) of
    the country, capital and place mentions in the doc."""
    head = content_head(span)
    sector = head_sector(span, head, kb)
    iso3 = describing_country(span, head, countries)
    institution = institution_kind(span, head, kb)
    if institution is not None and institution[1] and (sector is None or institution[1] != "BUS"):
        sector = institution[1]  # 'central bank' is GOV, but 'paramilitary group' is no company
    if sector is None and iso3 is None:
        return None
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in ("police", "people")
    organization = institution is not None or (kb.group_noun(head.text) or ("",))[0] == "organization"
    kind = "group" if plural else "organization" if organization else "person"
    return Description(span.text, kind, iso3, sector)


def institution_kind(span, head, kb: KB) -> tuple[str, str | None] | None:
    """(kind, sector) when the words up to the head name a kind of institution by the KB's
    organisation words ('a think tank', 'Norway's central bank', 'the EU legislature')."""
    words = [t.text for t in span.doc[span.start:head.i + 1] if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    found = kb.org_kind(" ".join(w[:1].upper() + w[1:] for w in words)) if words else None
    return found if found is not None and found[0] == "organization" else None


def content_head(span):
    """The noun a phrase is about: 'thieves' in 'a group of thieves', 'SANDF' in 'members of
    SANDF', 'market' in 'to the Turkish market'."""
    head = span.root
    obj = next((c for c in head.children if c.dep_ == "pobj"), None) if head.pos_ == "ADP" else None
    if obj is not None and span.start <= obj.i < span.end:
        head = obj
    while head.lower_ in HEAD_OF:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None or not span.start <= obj.i < span.end:
            break
        head = obj
    return head


def head_sector(span, head, kb: KB) -> str | None:
    """ELI for a former holder ('a retired vice president'); else the sector of the longest
    agent phrase that ends at the head or at the phrase's last word ('Director of Central
    Intelligence' -> SPY, 'crowd control police' -> 'police' -> COP), of a modifier of a
    vague head ('paramilitary group'), or of the head as a title or group noun; a vague
    code (UNK: 'two men') last."""
    if any(t.lower_ in FORMER for t in span.doc[span.start:head.i]):
        return "ELI"
    vague = None
    for last in dict.fromkeys((head.i, span.end - 1)):
        for start in range(span.start, last + 1):
            words = [t.text for t in span.doc[start:last + 1] if t.dep_ != "det" and not t.like_num]
            code = kb.agent_code(" ".join(words)) if words else None
            if code and code[:3] not in VAGUE:
                return code[:3]
            vague = vague or (code[:3] if code else None)
    for word in head.lefts:  # 'a paramilitary group': a vague head takes its modifier's sector
        code = kb.agent_code(word.text) if word.dep_ in ("amod", "compound") and word.i >= span.start else None
        if code and code[:3] not in VAGUE:
            return code[:3]
    title = kb.title_sector(head.text)
    noun = kb.group_noun(head.text)
    return title or (noun[1] if noun else None) or vague


def describing_country(span, head, countries: list[tuple[int, str]]) -> str | None:
    """The country of the nearest country or place inside the phrase that describes the
    head (before it, or after it but not after 'to' / 'against')."""
    inside = [(offset, iso3) for offset, iso3 in countries if span.start_char <= offset < span.end_char]
    before = [(offset, iso3) for offset, iso3 in inside if offset < head.idx]
    if before:
        return max(before)[1]
    for offset, iso3 in sorted(inside):
        token = span.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if token is not None and not _pointed_at(token[0], head):
            return iso3
    return None


def _pointed_at(token, head) -> bool:
    """True when the path from a word up to the head passes a preposition of direction."""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in AWAY_PREPS:
            return True
        token = token.head
    return False


def place_countries(span, lookup) -> list[tuple[int, str]]:
    """(offset, ISO3) of the capitalised names describing a phrase's head that a gazetteer
    ``lookup`` knows as a sizeable place ('Kano State government', 'Shanghai police', 'Santa
    Marta Self Defense Forces'): the country of the most populous place of that name (of
    up to three words, the longest first), when it has ``BIG_PLACE`` people."""
    found = []
    head = content_head(span)
    names = [t for t in span if t.text[:1].isupper() and t.pos_ == "PROPN" and t.i != head.i]
    i = 0
    while i < len(names):
        for n in (3, 2, 1):
            run = names[i:i + n]
            if len(run) < n or run[-1].i - run[0].i != n - 1:
                continue
            entries = [e for e in lookup(span.doc[run[0].i:run[-1].i + 1].text)
                       if e.country and e.population >= BIG_PLACE]
            if entries:
                found.append((run[0].idx, max(entries, key=lambda e: e.population).country))
                break
        i += n if entries else 1
    return found

