"""Countries of people that the text gives only through someone else, or through the title.

    "Egyptian foreign minister X and his Greek, Cypriot and French counterparts, A, B and C,
     respectively"                                 -> A GRC, B CYP, C FRA, each "foreign minister"
    "German Chancellor Merkel's spokesperson, Y"   -> Y shares Merkel's country (DEU)
    "Israeli prime minister X and energy minister Y" -> Y shares X's country (ISR)
    "Foreign Secretary Z" in a story naming the UK  -> Z GBR (a title only one country uses)
"""

from __future__ import annotations

import bisect
import re
from typing import Protocol

from ..kb import KB
from ..records import Title
from .actors_mentions import doc_text, token_starts
from .actors_titles import MentionIndex

POSSESSIVES = frozenset({"his", "her", "their", "its"})
LEADING_MODIFIERS = ("former ", "then ", "then-", "acting ", "interim ", "outgoing ", "incoming ")


class PersonDraft(Protocol):
    key: str
    iso3: str | None
    sector: str | None
    titles: list[Title]
    peers: list[str]


def share_peer_countries(persons: dict[str, PersonDraft]) -> None:
    """A person with no country of their own takes the country of the person the text ties
    them to, through a possessive or 'and' (twice, so that chains settle)."""
    for _ in range(2):
        for draft in persons.values():
            peer = next((persons[k] for k in draft.peers if k in persons and persons[k].iso3), None)
            if draft.iso3 is None and peer is not None:
                draft.iso3, draft.sector = peer.iso3, draft.sector or peer.sector


def counterpart_countries(doc, persons: dict[str, PersonDraft], index: MentionIndex, kb: KB) -> None:
    """'X and his Greek, Cypriot and French counterparts, A, B and C(, respectively)': the i-th
    country adjective goes with the i-th person, who takes X's title."""
    text = doc_text(doc).lower()
    nouns = kb.words("counterpart")
    starts = token_starts(doc)
    for found in re.finditer("|".join(sorted(nouns, key=len, reverse=True)), text):
        tok = doc[bisect.bisect_right(starts, found.start()) - 1]
        if tok.lower_ not in nouns:
            continue
        countries, start = adjectives_before(doc, tok.i - 1, index)
        people = people_after(doc, tok.i + 1, index)
        anchor = titled_person_before(doc, start, persons, index)
        if not countries or len(countries) != len(people) or anchor is None:
            continue
        for key, country in zip(people, countries):
            draft = persons.get(key)
            if draft is not None and draft.iso3 is None:
                draft.iso3, draft.sector = country.iso3, draft.sector or persons[anchor].sector
                draft.titles.append(Title(persons[anchor].titles[0].title, country.name, "text"))


def adjectives_before(doc, i: int, index: MentionIndex) -> tuple[list, int]:
    """Country mentions in a list ending at token ``i`` ('Greek, Cypriot and French'), in text
    order, and the token where the list starts."""
    found: list = []
    while i >= 0:
        covering = index.covering(doc[i].idx)
        if covering is not None and covering.kind == "country":
            if not found or found[0] is not covering:
                found.insert(0, covering)
        elif doc[i].lower_ not in (",", "and"):
            break
        i -= 1
    return found, i + 1


def people_after(doc, k: int, index: MentionIndex) -> list[str]:
    """Keys of the people listed from token ``k`` on ('A, B and C'), up to the list's end."""
    keys: list[str] = []
    while k < len(doc):
        covering = index.covering(doc[k].idx)
        if covering is not None and covering.kind == "person":
            if not keys or keys[-1] != covering.key or doc[k - 1].lower_ in (",", "and"):
                keys.append(covering.key)
            k = next((t.i for t in doc[k:] if t.idx >= covering.end), len(doc))
        elif doc[k].lower_ in (",", "and"):
            k += 1
        else:
            break
    return keys


def titled_person_before(doc, start: int, persons: dict[str, PersonDraft], index: MentionIndex) -> str | None:
    """The person the counterparts are paired with: 'X and his ...', in the same sentence."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in POSSESSIVES:
        i -= 1
    if i >= 0 and doc[i].lower_ == "and":
        i -= 1
    covering = index.covering(doc[i].idx) if i >= 0 else None
    if covering is None or covering.kind != "person" or covering.key not in persons:
        return None
    return covering.key if persons[covering.key].titles else None


def title_countries(persons: dict[str, PersonDraft], countries: set[str], kb: KB) -> None:
    """A person with no country whose capitalised title only one country uses ('Foreign
    Secretary') belongs to it, when the article names that country."""
    for draft in persons.values():
        if draft.iso3 is not None:
            continue
        for title in draft.titles:
            iso3 = kb.title_country(strip_modifiers(title.title))
            if iso3 in countries:
                draft.iso3, draft.sector = iso3, draft.sector or kb.title_sector(title.title)
                break


def strip_modifiers(title: str) -> str:
    """'former Foreign Secretary' -> 'Foreign Secretary'."""
    while title.lower().startswith(LEADING_MODIFIERS):
        title = title[next(len(p) for p in LEADING_MODIFIERS if title.lower().startswith(p)):]
    return title
