"""Groups and institutions named by a modifier and a head noun.

"North Korean officials" (PRK GOV), "U.S. and North Korean officials" (two groups),
"State and Defense Department officials" (the two departments' officials),
"the Obama administration" (the government of the country Obama led that year).
"""

from __future__ import annotations

import re

from ..kb import KB, norm_key
from .actors_described import describing_country
from .actors_mentions import Mention, country_mention, covered_chars, doc_text, institution_mention

CONJOINED_DEPARTMENTS = re.compile(
    r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) (Department|Ministry|Departments|Ministries)\b")
CONJOINED_COMPASS = re.compile(r"\b(North|South|East|West) and (?:North|South|East|West) ([A-Z][a-z]+)\b")
MEMBER_SECTORS = frozenset({"GOV", "UAF"})  # nouns whose sector is their institution's
NOT_PEOPLE = frozenset({"JNK", "NON", "UNK"})
OWNER_PREPS = frozenset({"of", "in", "within", "from", "at"})  # 'leaders of X', 'operatives within X'
LEADER_NOUNS = frozenset({"administration", "government", "regime", "cabinet", "team"})
GAP = re.compile(r"^(?:\s|-|['’]s\s|,\s|,?\s(?:and|or)\s)*$")


def department_mentions(doc, kb: KB) -> list[Mention]:
    """'State and Defense Department' -> the State Department and the Defense Department."""
    out = []
    for m in CONJOINED_DEPARTMENTS.finditer(doc_text(doc)):
        head = m.group(3).replace("ies", "y").rstrip("s")
        for i, (start, end) in enumerate(((m.start(1), m.end(1)), (m.start(2), m.end()))):
            name, surface = f"{m.group(i + 1)} {head}", m.string[start:end]
            met = kb.metonym(name)
            if met is not None:
                mention = institution_mention(start, end, surface, met, kb)
                mention.name = name
            else:
                kind, sector = kb.org_kind(name) or ("organization", None)
                mention = Mention(start, end, surface, f"org:{norm_key(name)}", name, kind, None, sector)
            mention.source = "rule"
            out.append(mention)
    return out


def compass_mentions(doc, kb: KB) -> list[Mention]:
    """'South and North Korea' -> South Korea for the bare 'South'."""
    out = []
    for m in CONJOINED_COMPASS.finditer(doc_text(doc)):
        term = kb.country_term(f"{m.group(1)} {m.group(2)}")
        if term is not None:
            mention = country_mention(m.start(1), m.end(1), m.group(1), term, kb)
            mention.source = "rule"
            out.append(mention)
    return out


def group_mentions(doc, kb: KB, mentions: list[Mention], year: int | None) -> tuple[list[Mention], set[int]]:
    """Group actors for '<country or institution> <group noun>' and '<leader> administration';
    returns them and the ids of the modifier mentions they absorb."""
    groups, absorbed = [], set()
    by_end = sorted(mentions, key=lambda m: m.end)
    for token in doc:
        noun = kb.group_noun(token.text) or agent_group(token, kb)
        if token.pos_ not in ("NOUN", "PROPN") or (noun is None and token.lower_ not in LEADER_NOUNS):
            continue
        for mod in modifiers(doc, token, by_end):
            if mod.kind == "person":
                group = leader_group(doc, token, mod, kb, year)
            else:
                group = modifier_group(doc, token, mod, _with_adjectives(token, noun, kb)) if noun else None
                if group is not None:
                    absorbed.add(id(mod))
            if group is not None:
                groups.append(group)
    return groups, absorbed


def modifiers(doc, token, by_end: list[Mention]) -> list[Mention]:
    """Mentions that modify ``token`` from its left: 'U.S. and North Korean' before 'officials',
    'Kim' before "'s regime". A list joined by commas alone ('..., Cyprus, Greek officials')
    is no list: only the nearest modifier counts."""
    text = doc_text(doc)
    left = _adjective_edge(token)
    found: list[Mention] = []
    gaps = ""
    for m in reversed(by_end):
        if m.end > left:
            continue
        if not GAP.match(text[m.end:left]) or m.kind not in ("country", "organization", "person"):
            break
        if found and m.kind == "person":
            break
        gaps += text[m.end:left] if found else ""
        found.append(m)
        left = m.start
        if m.kind == "person" or text[m.end:m.end + 1] in ("'", "’"):
            break
    return found if re.search(r"\b(and|or)\b", gaps) or "," not in gaps else found[:1]


def _adjective_edge(token) -> int:
    """Start of the adjectives directly before a noun ('senior' in 'Chinese senior officials')."""
    i = token.i
    while i > 0 and token.doc[i - 1].pos_ == "ADJ" and token.doc[i - 1].text[:1].islower():
        i -= 1
    return token.doc[i].idx


def leader_group(doc, token, person: Mention, kb: KB, year: int | None) -> Mention | None:
    """'the Obama administration': the government of the country its leader headed that year
    (or, when no head of that name was in office then, the one country heads of that name led)."""
    if token.lower_ not in LEADER_NOUNS:
        return None
    end = token.idx + len(token.text)
    text = doc_text(doc)[person.start:end]
    iso3 = kb.leader_country(person.name, year, heads_only=True) if year else None
    iso3 = iso3 or kb.leader_country(person.name, heads_only=True)  # the one country such heads led
    return Mention(person.start, end, text, f"org:{norm_key(text)}", text, "organization", iso3, "GOV",
                   source="rule")


def _with_adjectives(token, noun: tuple[str, str | None], kb: KB) -> tuple[str, str | None]:
    """A group noun's sector, or that of the agent phrase its adjectives make with it
    ('agricultural workers' AGR, where 'workers' alone is LAB)."""
    start = _adjective_edge(token)
    if start >= token.idx:
        return noun
    code = kb.agent_code(doc_text(token.doc)[start:token.idx + len(token.text)])
    return (noun[0], code[:3]) if code and code[:3] not in NOT_PEOPLE else noun


def modifier_group(doc, token, mod: Mention, noun: tuple[str, str | None]) -> Mention | None:
    """'North Korean officials' (PRK GOV), 'Defense Department officials' (USA MIL): an
    institution's officials, gunmen or fighters take its sector ('Boko Haram gunmen', REB)."""
    kind, sector = noun
    if mod.kind == "country" and mod.iso3 is None:
        return None
    if mod.kind != "country" and mod.sector and sector in MEMBER_SECTORS:
        sector = mod.sector
    text = doc_text(doc)
    end = token.idx + len(token.text)
    conjoined = re.search(r",|\band\b|\bor\b", text[mod.end:token.idx])
    if mod.kind != "country":
        name = f"{mod.name} {token.text}"
    else:
        name = f"{mod.text} {token.text}" if conjoined else text[mod.start:end]
    owner = mod.iso3 if mod.kind == "country" else mod.key
    return Mention(mod.start, end, text[mod.start:end], f"{kind}:{owner}:{sector}:{token.lemma_.lower()}",
                   name, kind, mod.iso3, sector, code=mod.code if mod.sector == "IGO" else None, source="rule")


def plain_group_mentions(doc, kb: KB, taken: list[Mention]) -> list[Mention]:
    """Plural people named by a group noun alone ('several foreign ministers', 'protesters',
    'police', 'world leaders'): group actors with the noun's sector, one per phrase, so 'the
    foreign ministers' later is the same group; of no country unless their own phrase names
    one, by a country or a national institution ('leaders of Chile's ruling party')."""
    out = []
    text = doc_text(doc)
    covered = covered_chars(text, taken)
    countries = [(m.start, m.iso3) for m in taken if m.kind == "country" and m.iso3]
    owners = {m.start: m.iso3 for m in taken if m.kind == "organization" and m.iso3}
    for token in doc:
        noun = kb.group_noun(token.text) or agent_group(token, kb)
        if noun is None or noun[0] != "group" or covered[token.idx] or not _plain_plural(token):
            continue
        start = _describing_edge(token, kb)
        end = token.idx + len(token.text)
        name = text[start:end].lower()
        kind, sector = noun
        phrase = kb.agent_code(name) if start < token.idx else None  # 'political prisoners' -> CVL
        sector = phrase[:3] if phrase and phrase[:3] not in NOT_PEOPLE else sector
        iso3 = _own_country(token, countries) or _owner_country(token, owners)
        out.append(Mention(start, end, text[start:end], f"{kind}:{iso3 or ''}:{sector}:{name}", name, kind, iso3,
                           sector, source="rule"))
    return out


def agent_group(token, kb: KB) -> tuple[str, str] | None:
    """('group', sector) for a lower-case plural the KB's agent words know ('doctors' -> MED,
    'farmers' -> AGR); words for things and unknowns are no group."""
    if token.tag_ != "NNS" or not (token.text.islower() or token.is_sent_start) \
            or token.lower_ in kb.words("not_people"):
        return None
    code = kb.agent_code(token.text)
    return ("group", code[:3]) if code and code[:3] not in NOT_PEOPLE else None


def _own_country(token, countries: list[tuple[int, str]]) -> str | None:
    """The one country named in the noun's own phrase ('doctors from two American aid
    groups'), not one it points to ('troops sent to Mali'); None for none or several."""
    span = token.doc[token.left_edge.i:token.right_edge.i + 1]
    inside = {iso3 for offset, iso3 in countries if span.start_char <= offset < span.end_char}
    if len(inside) != 1:
        return None
    return describing_country(span, token, countries)


def _owner_country(token, owners: dict[int, str]) -> str | None:
    """The country of a national institution the noun belongs to ('leaders of Chile's ruling
    party', 'officials within the Saudi government'), by a preposition on the noun itself."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in OWNER_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    start = obj.left_edge.idx if obj.left_edge.lower_ != "the" else obj.left_edge.nbor().idx
                    found = owners.get(start) or owners.get(obj.idx)
                    if found:
                        return found
    return None


def _plain_plural(token) -> bool:
    """A plural noun heading its phrase ('ministers', 'police'), in lower case unless it opens
    the sentence ('Police said'), not a modifier ('police chief') or part of a name."""
    if token.dep_ in ("compound", "amod") or (token.text[:1].isupper() and not token.is_sent_start):
        return False
    return token.tag_ in ("NNS", "NNPS") or token.lower_ == "police"


def _describing_edge(token, kb: KB) -> int:
    """Start of the lower-case words that describe the noun ('foreign' in 'several foreign
    ministers', 'world' in 'world leaders'), leaving out words that count ('several')."""
    i = token.i
    while i > 0:
        prev = token.doc[i - 1]
        if prev.dep_ not in ("amod", "compound") or prev.head.i != token.i or not prev.text.islower() \
                or prev.lower_ in kb.words("quantity"):
            break
        i -= 1
    return token.doc[i].idx
