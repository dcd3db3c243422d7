"""Peoples named by a plural demonym, placed where they live.

A plural demonym names a country's people ("Nigerians protested"), but CAMEO
and PLOVER code an ethnic group by the country it lives in:

- "Bosnian Serbs", "Croatian Serbs": a country adjective before the people's
  name places them in that country (one group, BIH);
- "ethnic Hungarians in northern Serbia", "the Greeks of southern Albania": a
  country (or a place the KB knows) in an "in"/"of" phrase places them there (SRB);
- "ethnic Hungarians" with no such phrase: an ethnic group, of no country the
  text gives.
"""

from __future__ import annotations

from ..kb import KB, norm_key
from .actors_mentions import Mention, doc_text

HOME_PREPS = frozenset({"in", "of", "from"})
ETHNIC = frozenset({"ethnic"})


def people_mentions(doc, kb: KB, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each plural demonym replaced by the group it names where its
    country is not the demonym's own (see the module docstring); adjectives folded into
    such a group are dropped."""
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    dropped: set[int] = set()
    out = []
    for m in mentions:
        token = _people_token(doc, m, kb)
        group = _placed_group(doc, token, m, kb, by_start, by_end) if token is not None else None
        if group is not None and group[1] is not None:
            dropped.add(id(group[1]))
        out.append(group[0] if group is not None else m)
    return [m for m in out if id(m) not in dropped]


def _people_token(doc, m: Mention, kb: KB):
    """The token of a mention that is a plural demonym ('Hungarians'), else None."""
    if m.kind != "country" or m.sector is not None:
        return None
    term = kb.country_term(m.text)
    if term is None or term.form != "demonym" or not m.text.endswith("s"):
        return None
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span[-1] if span is not None and len(span) == 1 else None


def _placed_group(doc, token, m: Mention, kb: KB, by_start: dict, by_end: dict
                  ) -> tuple[Mention, Mention | None] | None:
    """The group a plural demonym names, with the adjective mention it absorbs, or None
    when it is simply the demonym's country's people."""
    text = doc_text(doc)
    before = by_end.get(m.start - 1) if text[m.start - 1:m.start] == " " else None
    if before is not None and before.kind == "country" and before.iso3 not in (None, m.iso3) \
            and getattr(kb.country_term(before.text), "form", None) == "adjective":
        return _group(text, before.start, m.end, before.iso3), before
    home = _home_phrase(token, kb, by_start)
    ethnic = any(c.dep_ == "amod" and c.lower_ in ETHNIC for c in token.children)
    if home is not None and home != m.iso3:
        return _group(text, _phrase_start(token), m.end, home), None
    if ethnic and home is None:
        return _group(text, _phrase_start(token), m.end, None), None
    return None


def _home_phrase(token, kb: KB, by_start: dict) -> str | None:
    """The country of an 'in'/'of' phrase on the people's name: 'in northern Serbia' -> SRB."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in HOME_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            found = by_start.get(obj.idx)
            if found is not None and found.kind == "country" and found.iso3:
                return found.iso3
            return kb.place_country(obj.text)
    return None


def _phrase_start(token) -> int:
    """Where the people's name starts, with an 'ethnic' before it."""
    left = [c for c in token.children if c.dep_ == "amod" and c.i < token.i and c.lower_ in ETHNIC]
    return left[0].idx if left else token.idx


def _group(text: str, start: int, end: int, iso3: str | None) -> Mention:
    name = text[start:end]
    return Mention(start, end, name, f"group:{iso3 or ''}:{norm_key(name)}", name, "group", iso3,
                   source="rule")
