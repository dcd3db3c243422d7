"""Actor mentions from the knowledge base and from spaCy's named entities.

A ``Mention`` is one stretch of text that names an actor, with what is known
about that actor (kind, country, sector). ``key`` says which mentions are the
same actor: "country:PRK", "person:ri gun", "org:six party talks".
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kb import KB, CountryTerm, Metonym, norm_key, strip_name

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"}


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


def covered_chars(text: str, mentions: list[Mention]) -> bytearray:
    """1 for each character inside some mention."""
    mask = bytearray(len(text))
    for m in mentions:
        mask[m.start:m.end] = b"\x01" * (m.end - m.start)
    return mask


def trimmed(doc, start: int, end: int) -> tuple[int, int]:
    """Character bounds without a leading 'the' and a trailing possessive or punctuation."""
    text = doc_text(doc)[start:end]
    if "\n" in text:
        text = text[:text.index("\n")].rstrip()
        end = start + len(text)
    for det in ("the ", "The "):
        if text.startswith(det):
            start, text = start + len(det), text[len(det):]
    for tail in ("'s", "’s", "'", "’", ",", "."):
        if text.endswith(tail) and not (tail == "." and text[-2:-1].isupper()):
            end, text = end - len(tail), text[: -len(tail)]
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
    """Every country term, capital, metonym and IGO name in the text."""
    out = []
    for start, end, surface in kb.find_terms(doc_text(doc)):
        hit = kb.term(surface)
        if isinstance(hit, Metonym):
            out.append(institution_mention(start, end, surface, hit, kb))
        elif hit is not None and not (hit.form == "capital" and _locative(doc, start)):
            out.append(country_mention(start, end, surface, hit, kb))
    return out


def _locative(doc, start: int) -> bool:
    """True where a place name only says where: 'in Pyongyang', 'at Turtle Bay'."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    while token.dep_ == "compound" and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def ner_mentions(doc, kb: KB, author: str | None) -> list[Mention]:
    """People, organisations, forums and processes that spaCy's NER finds and the KB does not."""
    out = []
    author_keys = _author_keys(author)
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = trimmed(doc, ent.start_char, ent.end_char)
        text = doc_text(doc)[start:end]
        if not text or kb.term(text) is not None or kb.metonym(text) is not None:
            continue
        mention = _entity_mention(ent, start, end, text, kb, author_keys)
        if mention is not None:
            out.append(mention)
    return out


def _author_keys(author: str | None) -> set[str]:
    if not author:
        return set()
    key = norm_key(author)
    return {key, *key.split()}


def _entity_mention(ent, start: int, end: int, text: str, kb: KB, author_keys: set[str]) -> Mention | None:
    label = ent.label_
    if label == "PERSON":
        return person_mention(ent, start, end, text, kb, author_keys)
    if label in ("ORG", "FAC", "EVENT"):
        return org_mention(ent, start, end, text, kb)
    if label == "NORP" and text.endswith("s") and ent.root.dep_ not in ("amod", "compound"):
        kind_sector = kb.org_kind(text)
        sector = kind_sector[1] if kind_sector else None
        return Mention(start, end, text, f"group:{norm_key(text)}", text, "group", None, sector, source="ner")
    return None


def person_mention(ent, start: int, end: int, text: str, kb: KB, author_keys: set[str]) -> Mention | None:
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


def strip_leading_titles(start: int, text: str, kb: KB) -> tuple[int, str]:
    while text:
        lead = next((e for s, e, _ in kb.find_terms(text) if s == 0), None)
        word = text.split()[0]
        if lead is None and not (kb.is_title_word(word) or kb.is_title_modifier(word)):
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
    """Capitalised words that are not all titles, not an acronym and not 'Nobody'."""
    if any(w in kb.not_actors for w in words) or (len(words) == 1 and words[0].isupper()):
        return False
    if not all(w[:1].isupper() or w[:1] in "'’-" or w.lower() in ("bin", "al", "de", "van", "von", "da")
               for w in words):
        return False
    return not all(kb.is_title_word(w) or kb.is_title_modifier(w) for w in words)


def org_mention(ent, start: int, end: int, text: str, kb: KB) -> Mention | None:
    """An organisation, forum or process with its kind and sector from its head words."""
    if text in kb.not_actors or (len(ent) == 1 and ent.root.pos_ not in ("PROPN",)):
        return None
    if _title_complement(ent, kb):
        return None
    last = text.split()[-1]
    if kb.is_title_word(last) or (len(text.split()) == 1 and kb.group_noun(last) is not None):
        return None
    kind_sector = kb.org_kind(text)
    if ent.label_ != "ORG" and (kind_sector is None or kind_sector[0] == "organization"):
        return None
    if _only_kb_terms(text, kb):
        return None
    kind, sector = kind_sector or ("organization", None)
    hints = kb.countries_in(text)
    iso3 = next(iter(hints)) if len(hints) == 1 else None
    return Mention(start, end, text, f"org:{norm_key(text)}", text, kind, iso3, sector, source="ner",
                   single=len(ent) == 1)


def _title_complement(ent, kb: KB) -> bool:
    """'State' in 'Secretary of State': part of a capitalised title, not an organisation."""
    if len(ent) != 1 or ent.start < 2 or ent.doc[ent.start - 1].lower_ != "of":
        return False
    title = ent.doc[ent.start - 2].text
    return title[:1].isupper() and kb.is_title_word(title)


def _only_kb_terms(text: str, kb: KB) -> bool:
    """'U.S.-Japan' is two countries, not an organisation."""
    rest = text
    for _, _, surface in kb.find_terms(text):
        rest = rest.replace(surface, " ")
    return not any(w not in ("and", "&") for w in rest.replace("-", " ").replace("–", " ").split())


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep one mention per stretch of text: rule-made mentions first, then spaCy's people
    and organisations (so "George Washington University" hides "Washington"), then KB
    terms; the longer mention first within each."""
    rank = {"rule": 0, "ner": 1, "kb": 2}
    ordered = sorted(mentions, key=lambda m: (rank.get(m.source, 3), -(m.end - m.start), m.start))
    kept: list[Mention] = []
    for m in ordered:
        if any(k.start < m.end and m.start < k.end for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)
