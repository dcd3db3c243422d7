"""What a named entity names, read from its shape and its context: an actor, or a place or thing.

    "in Maidan Shahr", "at Abqaiq", "troops entered Tell Tamer"   -> a place
    "Maidan Wardak province", "the EastMed gas pipeline"           -> a place, a thing
    "the island Crete", "Hagia Sophia, formerly a church"          -> a place, a thing
    "a Project of Common Interest"                                 -> a category, no actor
    "Iranian airline Mahan Air", "Greek daily Kathimerini"         -> a company (IRN), an outlet (GRC)
    "Nikos Dendias, Nikos Christodoulides and ..."                 -> people, whatever NER said
    "Foreign Affairs", "Crete and Cyprus", "EEZ of Cyprus"         -> no organisation's name
"""

from __future__ import annotations

import re

from ..kb import KB, NounClass

ARABIC_ARTICLE = re.compile(r"(al|el|ad|as|an|ar|at|az)-[A-Z]")
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"})
NAME_PARTICLES = frozenset({"al", "bin", "ibn", "ben", "de", "da", "di", "del", "dos", "du", "el", "la", "le",
                            "van", "von"})
INDEFINITE = frozenset({"a", "an"})
APPOSITION_SKIP = frozenset({"DET", "ADV", "ADJ", "PROPN", "PUNCT", "CCONJ", "NUM"})


def top_token(token):
    """The token a name hangs from in the sentence: up from compounds, conjuncts and other
    proper nouns ('Idku' in 'in Damietta and Idku' hangs from 'in' through 'Damietta')."""
    while token.head.i != token.i and (token.dep_ in ("compound", "conj") or token.head.pos_ == "PROPN"):
        token = token.head
    return token


def where_context(span, kb: KB, destinations: bool = True) -> bool:
    """True where the name only says where: 'in X', 'at X', 'a trip to X', 'troops entered X'.
    'a stake in X' and 'worked at X' are ties to an organisation, not places."""
    token = top_token(span.root)
    head = token.head
    if token.dep_ == "pobj":
        if head.lower_ in LOCATIVE_PREPS:
            return head.head.lemma_.lower() not in kb.words("affiliation")
        return destinations and head.lower_ in ("to", "into") and head.head.lower_ in kb.words("motion")
    return token.dep_ == "dobj" and head.lower_ in kb.words("motion")


def noun_class_around(span, kb: KB) -> NounClass | None:
    """The class a lower-case noun right before or after the name gives it ('the island X',
    'X province', 'X gas pipeline'), or the head noun of an apposition ('X, formerly a church')."""
    doc = span.doc
    if span.start > 0:
        hit = kb.noun_class(doc[span.start - 1].text, "b")
        if hit is not None:
            return hit
    for k in (span.end, span.end + 1):
        if k < len(doc) and doc[k].text.islower():
            hit = kb.noun_class(doc[k].text, "a")
            if hit is not None:
                return hit
            if doc[k].pos_ not in ("NOUN", "ADJ"):
                break
    return apposition_class(span, kb)


def apposition_class(span, kb: KB) -> NounClass | None:
    """'X, formerly a Greek Orthodox church, ...' -> the class of 'church' (not of 'city' in
    'X, the city's home minister')."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    for tok in doc[span.end + 1:span.end + 9]:
        possessor = tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("'s", "’s")
        if tok.pos_ == "NOUN" and tok.text.islower() and not possessor and tok.dep_ != "compound":
            return kb.noun_class(tok.text, "p")
        if tok.pos_ not in APPOSITION_SKIP or tok.text in (",", ";", "(", ")"):
            return None
    return None


def country_before(span, kb: KB) -> str | None:
    """The country of an adjective before a class noun: 'Iranian airline X', 'Hungarian daily newspaper X'."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].text.islower() and doc[i].pos_ in ("NOUN", "ADJ", "VERB", "PUNCT"):
        i -= 1
    for start in (i - 1, i):
        if start >= 0 and (iso3 := kb.country(doc[start:i + 1].text)) is not None:
            return iso3
    return None


def is_category(span) -> bool:
    """'a Project of Common Interest', 'a U.S.-designated Foreign Terrorist Organization': a name
    under an indefinite article names a kind of thing, not one actor."""
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in span.root.children)


def name_shaped(words: list[str], kb: KB) -> bool:
    """Two to four capitalised name words (particles allowed), no acronym, no digits, no head
    word of an organisation and no country or place in it."""
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for w in words for ch in w):
        return False
    for w in words:
        if w.lower() in NAME_PARTICLES or ARABIC_ARTICLE.match(w):
            continue
        if not w[:1].isupper() or (len(w) > 1 and w.isupper()) or not re.fullmatch(r"[^\W\d_][\w'’.-]*", w):
            return False
    text = " ".join(words)
    return kb.org_kind(words[-1]) is None and kb.org_kind(text) is None and not kb.countries_in(text)


def person_evidence(span, words: list[str], kb: KB) -> bool:
    """Signs that a name-shaped entity is a person: a known first name, a title before it,
    or a person named beside it in a list ('X, Y and Z'); none counts for a name that
    modifies a noun ('Grateful Dead drummer X')."""
    if span.root.dep_ == "compound":
        return False
    return kb.is_given_name(words[0]) or title_before(span, kb) or listed_with_person(span)


def title_before(span, kb: KB) -> bool:
    """A title word shortly before the name, with only capitalised words or 'to/the' between
    ('Former US Ambassador to the United Nations X'; not 'the chair of X', which X heads)."""
    doc = span.doc
    for tok in reversed(doc[max(0, span.start - 8):span.start]):
        if kb.is_title_word(tok.text):
            return True
        if not (tok.text[:1].isupper() or tok.lower_ in ("to", "the", "-")):
            return False
    return False


def listed_with_person(span) -> bool:
    """The name is an item of a list whose neighbouring item spaCy calls a person."""
    doc = span.doc
    before = span.start - 1
    while before >= 0 and doc[before].lower_ in (",", "and"):
        before -= 1
    after = span.end
    while after < len(doc) and doc[after].lower_ in (",", "and"):
        after += 1
    neighbours = [doc[before]] if 0 <= before < span.start - 1 else []
    neighbours += [doc[after]] if span.end < after < len(doc) else []
    return any(t.ent_type_ == "PERSON" for t in neighbours)


def not_an_actor(span, label: str, text: str, cls: NounClass | None, kb: KB) -> bool:
    """A place, a thing or a category: by name ('Brexit', 'Syrian Civil War', 'Crete'), by a class
    noun beside it ('X province'), an indefinite article, or a place-only context ('in X'), which
    does not count for people's names or names with an organisation's head word."""
    if text in kb.not_actors or kb.is_thing_name(text) or kb.is_place_name(text) or is_category(span):
        return True
    words = text.split()
    personal = kb.is_given_name(words[0])
    if cls is not None and cls.kind in ("place", "thing") and not (personal or kb.leaders(text)):
        return True
    if label == "PERSON" and (personal or len(words) == 1) or kb.org_kind(text) is not None:
        return False
    return where_context(span, kb, destinations=label != "PERSON")


def title_complement(span, kb: KB) -> bool:
    """'State' in 'Secretary of State', 'Police and Crime' in 'Police and Crime Commissioner X':
    part of a capitalised title, not an organisation."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text[:1].isupper() and kb.is_title_word(doc[span.end].text):
        return kb.org_kind(span[-1].text) is None
    if len(span) != 1 or span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    title = doc[span.start - 2].text
    return title[:1].isupper() and kb.is_title_word(title)


def name_fragment(span, text: str, kb: KB) -> bool:
    """No name: lower case ('restraint &', 'intra-Africa'), or only the subject of a portfolio
    ('Foreign Affairs', 'Economy of Turkey')."""
    if text[:1].islower() and not ARABIC_ARTICLE.match(text):
        return True
    rest = text
    for _, _, surface in kb.find_terms(text):
        rest = rest.replace(surface, " ")
    words = [w.lower() for w in re.split(r"[\s,&]+", rest) if w and w.lower() not in ("of", "the", "and")]
    return bool(words) and all(w in kb.words("portfolio") for w in words)


def places_named(text: str, kb: KB) -> bool:
    """Places joined or possessed, not an organisation: 'Crete and Cyprus', 'EEZ of Cyprus'
    (a one-word head without an organisation's head word; 'Islamic State of Iraq' stays)."""
    parts = [p.strip() for p in re.split(r",|\band\b", text) if p.strip()]
    if len(parts) > 1 and any(kb.place_country(p) or kb.is_place_name(p) for p in parts):
        return True
    head, of, tail = text.partition(" of ")
    tail = tail.removeprefix("the ")
    return bool(of) and " " not in head and bool(kb.place_country(tail) or kb.is_place_name(tail)) \
        and kb.org_kind(head) is None
