"""Actor mentions from the knowledge base and from spaCy's named entities.

A ``Mention`` is one stretch of text that names an actor, with what is known
about that actor (kind, country, sector). ``key`` says which mentions are the
same actor: "country:PRK", "person:ri gun", "org:six party talks".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..kb import KB, CountryTerm, Metonym, NounClass, norm_key, strip_name
from .actors_entities import (ARABIC_ARTICLE, LOCATIVE_PREPS, NAME_PARTICLES, country_before, name_fragment,
                              name_shaped, noun_class_around, not_an_actor, person_evidence, places_named,
                              title_complement)

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT"}
OPENERS = "\"“‘'([«"
TRAILING_WORDS = ("of", "and", "&", "the", "for", "in", "on", "at", "de", "del")
PLACE_SUFFIXES = ("-based", "-born", "-headquartered")
CURRENCY = re.compile(r" ?\$| dollars?\b")  # "US $50 million", "HK$", "U.S. dollars": money, not a country


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str
    name: str
    kind: str
    iso3: str | None = None
    sector: str | None = None
    code: str | None = None
    source: str = "kb"  # kb | ner | rule | coref
    single: bool = False  # a one-token named entity, which may be a surname NER mislabelled


def doc_text(doc) -> str:
    """``doc.text``, joined once per Doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("cable.text")
    if text is None:
        text = doc.user_data["cable.text"] = doc.text
    return text


def token_starts(doc) -> list[int]:
    """The character offset of every token, computed once per Doc."""
    starts = doc.user_data.get("cable.token_starts")
    if starts is None:
        starts = doc.user_data["cable.token_starts"] = [tok.idx for tok in doc]
    return starts


def covered_chars(text: str, mentions: list[Mention]) -> bytearray:
    """1 for each character inside some mention."""
    mask = bytearray(len(text))
    for m in mentions:
        mask[m.start:m.end] = b"\x01" * (m.end - m.start)
    return mask


def trimmed(doc, start: int, end: int) -> tuple[int, int]:
    """Character bounds without a leading quote or 'the', a parenthesis ('Movement for Democratic
    Change (MDC'), a trailing possessive, punctuation or function word ('Patrice Talon of')."""
    text = doc_text(doc)[start:end]
    for cut in ("\n", " ("):
        if cut in text:
            text = text[:text.index(cut)].rstrip()
            end = start + len(text)
    while text and (text[0] in OPENERS or text.startswith(("the ", "The "))):
        cut = 1 if text[0] in OPENERS else 4
        rest = text[cut:].lstrip()
        start, text = start + len(text) - len(rest), rest
    for tail in ("'s", "’s", "'", "’", ",", "."):
        if text.endswith(tail) and not (tail == "." and text[-2:-1].isupper()):
            end, text = end - len(tail), text[: -len(tail)]
    while " " in text and text.rsplit(" ", 1)[1] in TRAILING_WORDS:
        text = text.rsplit(" ", 1)[0]
        end = start + len(text)
    return start, end


def country_mention(start: int, end: int, text: str, term: CountryTerm, kb: KB) -> Mention:
    """A country name, demonym or adjective is the country; a capital is its government."""
    if term.form == "capital":
        return Mention(start, end, text, f"capital:{term.iso3}:{norm_key(text)}", text, "country",
                       term.iso3, "GOV")
    return Mention(start, end, text, f"country:{term.iso3}", kb.country_name(term.iso3) or text,
                   "country", term.iso3)


def institution_mention(start: int, end: int, text: str, met: Metonym, kb: KB) -> Mention:
    code = kb.igo_code(met.name) if met.sector == "IGO" else None
    return Mention(start, end, text, f"org:{norm_key(met.name)}", strip_name(text), met.kind,
                   met.iso3, met.sector, code)


def kb_mentions(doc, kb: KB) -> list[Mention]:
    """Every country term, capital, metonym, IGO and outlet name in the text, except where a
    country names a currency ('US $5 million'), a capital only says where, a platform only
    carries words ('wrote on Twitter'), or a metonym that is also a common place name ('Blue
    House') comes without its country."""
    out = []
    text = doc_text(doc)
    terms = [(start, end, surface, kb.term(surface)) for start, end, surface in kb.find_terms(text)]
    named = {hit.iso3 for *_, hit in terms if isinstance(hit, CountryTerm)}
    for start, end, surface, hit in terms:
        if text.startswith(PLACE_SUFFIXES, end) or CURRENCY.match(text, end):
            continue
        if isinstance(hit, Metonym):
            if surface.replace("’", "'") in kb.local_metonyms and hit.iso3 not in named:
                continue
            if not (kb.is_platform(hit.name) and _medium(doc, start, end, kb)):
                out.append(institution_mention(start, end, surface, hit, kb))
        elif hit is not None and not (hit.form == "capital" and _locative(doc, start, kb)):
            out.append(region_mention(text, start, end, kb) or country_mention(start, end, surface, hit, kb))
    return out


def region_mention(text: str, start: int, end: int, kb: KB) -> Mention | None:
    """'Northern Cyprus' is an entity of its own, not Cyprus: a capitalised region word before
    a country name makes the phrase a different actor, without the country's code."""
    before = text[:start].rstrip()
    word = before.rsplit(None, 1)[-1] if before else ""
    if len(before) == start or not word[:1].isupper() or word.lower() not in kb.words("region"):
        return None
    begin = len(before) - len(word)
    name = text[begin:end]
    return Mention(begin, end, name, f"region:{norm_key(name)}", name, "country")


def _locative(doc, start: int, kb: KB) -> bool:
    """True where a place name only says where ('in Pyongyang') or completes a title ('the mayor
    of London'). 'A visit to Pyongyang' keeps the capital: it stands for the host government."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and kb.is_title_word(token.head.head.text):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def _medium(doc, start: int, end: int, kb: KB) -> bool:
    """'on Twitter', 'via Facebook', 'her Twitter account': the platform only carries the words."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1].lower_ if span.start else ""
    cls = noun_class_around(span, kb)
    return before in kb.words("platform") or (cls is not None and cls.kind == "thing")


def ner_mentions(doc, kb: KB, author: str | None) -> list[Mention]:
    """People, organisations, forums and processes that spaCy's NER finds and the KB does not.
    A name that one of its mentions shows to be a place or a thing is no actor anywhere."""
    out, things = [], set()
    author_keys = _author_keys(author)
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = trimmed(doc, ent.start_char, ent.end_char)
        text = doc_text(doc)[start:end]
        if not text or kb.term(text) is not None or kb.metonym(text) is not None:
            continue
        span = doc.char_span(start, end, alignment_mode="expand") or ent
        cls = noun_class_around(span, kb)
        if not_an_actor(span, ent.label_, text, cls, kb):
            things.add(norm_key(text))
            continue
        mention = _entity_mention(span, ent.label_, start, end, text, cls, kb, author_keys)
        if mention is not None:
            out.append(mention)
    return [m for m in out if norm_key(m.text) not in things]


def _author_keys(author: str | None) -> set[str]:
    if not author:
        return set()
    key = norm_key(author)
    return {key, *key.split()}


def _entity_mention(span, label: str, start: int, end: int, text: str, cls: NounClass | None, kb: KB,
                    author_keys: set[str]) -> Mention | None:
    """The mention an entity makes, its kind from the class noun beside it, its words and NER's label."""
    if cls is not None and cls.kind in ("organization", "group"):
        prefix = "org" if cls.kind == "organization" else "group"
        inside = kb.countries_in(text)
        iso3 = country_before(span, kb) or (next(iter(inside)) if len(inside) == 1 else None)
        return Mention(start, end, text, f"{prefix}:{norm_key(text)}", text, cls.kind, iso3, cls.sector,
                       source="ner")
    if label == "PERSON":
        if _the_plural(span, text):
            return Mention(start, end, text, f"group:{norm_key(text)}", text, "group", source="ner")
        if kb.org_kind(text.split()[-1]) is not None:
            return org_mention(span, start, end, text, kb, "ORG")
        return person_mention(start, text, kb, author_keys)
    if label in ("ORG", "FAC", "EVENT"):
        return org_as_person(span, start, text, kb, author_keys) or org_mention(span, start, end, text, kb, label)
    if label == "NORP" and text.endswith("s") and span.root.dep_ not in ("amod", "compound"):
        kind_sector = kb.org_kind(text)
        sector = kind_sector[1] if kind_sector else None
        return Mention(start, end, text, f"group:{norm_key(text)}", text, "group", None, sector, source="ner")
    return None


def _the_plural(span, text: str) -> bool:
    """'the Houthis': a plural name under 'the' is a group, not a person."""
    return len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ == "the" \
        and text.endswith("s") and span.root.dep_ not in ("compound", "amod", "poss")


def person_mention(start: int, text: str, kb: KB, author_keys: set[str]) -> Mention | None:
    """A person, once title words and country words at the front ('President Trump',
    'Chinese Premier Wen') and non-names are removed."""
    start, text = strip_leading_titles(start, text, kb)
    words = text.split()
    if not words or not looks_like_name(words, kb):
        return None
    key = person_key(text)
    if key in author_keys or norm_key(text) in author_keys:
        return None
    return Mention(start, start + len(text), text, f"person:{key}", text, "person", source="ner")


def org_as_person(span, start: int, text: str, kb: KB, author_keys: set[str]) -> Mention | None:
    """An entity NER called an organisation that is a person's name by its shape and a sign
    (a first name, a title before it, a person beside it in a list): 'Nikos Christodoulides',
    'Ukraine Volodymyr Zelenskyy' (the country stays a mention of its own), 'House Nancy Pelosi'."""
    name_start, rest = strip_leading_titles(start, text, kb)
    while " " in rest and kb.org_kind(rest.split()[0]) is not None:
        word = rest.split()[0]
        name_start, rest = name_start + len(word) + 1, rest[len(word) + 1:]
    words = rest.split()
    if not name_shaped(words, kb) or not person_evidence(span, words, kb):
        return None
    return person_mention(name_start, rest, kb, author_keys)


def strip_leading_titles(start: int, text: str, kb: KB) -> tuple[int, str]:
    """Without title words ('Ministers', 'Crown Prince') and country terms at the front."""
    while text:
        lead = next((e for s, e, _ in kb.find_terms(text) if s == 0), None)
        word = text.split()[0]
        if lead is None and not (kb.is_title_word(word) or kb.is_title_word(word.removesuffix("s"))
                                 or kb.is_title_modifier(word)):
            break
        rest = text[lead if lead is not None else len(word):].lstrip()
        start, text = start + len(text) - len(rest), rest
    return start, text


def person_key(name: str) -> str:
    """Deduplication key of a person's name, without middle initials ('John R. Bolton' = 'John Bolton')."""
    words = [norm_key(w) for w in name.split()]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return " ".join(words)


def looks_like_name(words: list[str], kb: KB) -> bool:
    """Capitalised words that are not all titles, not an acronym and not 'Nobody'; particles
    inside only ('Jean de Gaulle', not 'Si el'), and 'al-Assad' only after a first name."""
    if any(w in kb.not_actors for w in words) or (len(words) == 1 and words[0].isupper()):
        return False
    if words[-1].lower() in NAME_PARTICLES or len(words) > 1 and any(ARABIC_ARTICLE.match(w) for w in words) \
            and not kb.is_given_name(words[0]):
        return False
    if not all(w[:1].isupper() or w[:1] in "'’-" or w.lower() in NAME_PARTICLES or ARABIC_ARTICLE.match(w)
               for w in words):
        return False
    return not all(kb.is_title_word(w) or kb.is_title_modifier(w) for w in words)


def org_mention(span, start: int, end: int, text: str, kb: KB, label: str) -> Mention | None:
    """An organisation, forum or process with its kind and sector from its head words."""
    if text in kb.not_actors or (len(span) == 1 and span.root.pos_ not in ("PROPN",)):
        return None
    if title_complement(span, kb) or name_fragment(span, text, kb):
        return None
    words = text.split()
    if kb.is_title_word(words[-1]) or (len(words) == 1 and (kb.group_noun(text) or kb.is_title_word(text[:-1]))):
        return None
    kind_sector = kb.org_kind(text)
    if label != "ORG" and (kind_sector is None or kind_sector[0] == "organization"):
        return None
    if _only_kb_terms(text, kb) or places_named(text, kb):
        return None
    kind, sector = kind_sector or ("organization", None)
    hints = kb.countries_in(text)
    iso3 = next(iter(hints)) if len(hints) == 1 else None
    return Mention(start, end, text, f"org:{norm_key(text)}", text, kind, iso3, sector, source="ner",
                   single=" " not in text)


def _only_kb_terms(text: str, kb: KB) -> bool:
    """'U.S.-Japan' is two countries, not an organisation."""
    rest = text
    for _, _, surface in kb.find_terms(text):
        rest = rest.replace(surface, " ")
    return not any(w not in ("and", "&") for w in rest.replace("-", " ").replace("–", " ").split())


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep one mention per stretch of text: rule-made mentions first, then spaCy's people
    and organisations (so "George Washington University" hides "Washington"), then KB
    terms; the longer mention first within each. A KB term that holds a whole entity
    ("Puerto Rico" over "Rico") comes before it."""
    rank = {"rule": 0, "ner": 1, "kb": 2}
    kb_terms = [m for m in mentions if m.source == "kb"]
    mentions = [m for m in mentions if m.source != "ner" or not any(
        k.start <= m.start and m.end <= k.end and k.end - k.start > m.end - m.start for k in kb_terms)]
    ordered = sorted(mentions, key=lambda m: (rank.get(m.source, 3), -(m.end - m.start), m.start))
    kept: list[Mention] = []
    for m in ordered:
        if any(k.start < m.end and m.start < k.end for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)
