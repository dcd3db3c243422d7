"""actors: named and described mentions -> actors with country, sector, titles.

    mentions   KB terms (countries, capitals, metonyms, IGOs, outlets) + spaCy entities + rules;
               places and things ("in Maidan Shahr", "the EastMed pipeline") are dropped
    aliases    "the SDF" after "Syrian Democratic Forces (SDF)", "Mahan" after "Mahan Air"
    groups     "North Korean officials", "State and Defense Department", "Obama administration"
    people     titles from the text (and the KB's leaders when the date is known); countries
               shared through "his Greek counterpart", "Merkel's spokesperson", "X and Y"
    coref      surnames, pronouns and "the envoy" become mentions of the person

Every mention goes into the ``ActorTable``, so later stages can ask which actor a
span ("she", "Flake", "Pyongyang") refers to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kb import KB, load_kb
from ..records import Actor, Span, Title
from .actors_aliases import alias_mentions
from .actors_countries import counterpart_countries, share_peer_countries, title_countries
from .actors_coref import (first_name_gender, merge_name_variants, merge_short_names, pronoun_mentions,
                           surname_mentions, title_noun_mentions)
from .actors_groups import compass_mentions, department_mentions, group_mentions, plain_group_mentions
from .actors_mentions import Mention, kb_mentions, ner_mentions, resolve_overlaps
from .actors_named import dictionary_mentions, named_facts
from .actors_peoples import people_mentions
from .actors_titles import MentionIndex, TitleFact, person_titles
from .actortable import ActorTable


@dataclass
class Draft:
    """An actor being assembled from its mentions."""

    key: str
    name: str
    kind: str
    iso3: str | None
    sector: str | None
    code: str | None
    mentions: list[Mention] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    peers: list[str] = field(default_factory=list)  # people whose country this person shares


def find_actors(doc, article) -> ActorTable:
    """The actors an article mentions, each with every span that refers to it."""
    kb = load_kb()
    year = publication_year(article.published)
    mentions = collect_mentions(doc, kb, article.author, year, article.published)
    drafts = draft_actors(mentions)
    index = MentionIndex(mentions)
    countries = {m.iso3 for m in mentions if m.iso3}
    persons = {key: d for key, d in drafts.items() if d.kind == "person"}
    for draft in persons.values():
        describe_person(doc, draft, index, kb, year, countries)
    counterpart_countries(doc, persons, index, kb)
    share_peer_countries(persons)
    title_countries(persons, countries, kb)
    other_time_countries(persons, kb)
    add_references(doc, drafts, kb)
    return to_table(drafts)


def publication_year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None


def collect_mentions(doc, kb: KB, author: str | None, year: int | None,
                     day: str | None = None) -> list[Mention]:
    """Named mentions, group phrases and surname mentions, before pronouns are resolved.
    ``day`` (ISO) dates what the actor dictionaries say of a name."""
    found = (department_mentions(doc, kb) + compass_mentions(doc, kb) + ner_mentions(doc, kb, author)
             + kb_mentions(doc, kb))
    found = people_mentions(doc, kb, resolve_overlaps(found))
    found += dictionary_mentions(doc, kb, found, day)
    named_facts(found, kb, day)
    mentions = alias_mentions(doc, sorted(found, key=lambda m: m.start), kb)
    merge_name_variants([m for m in mentions if m.kind == "person"])
    merge_short_names([m for m in mentions if m.kind == "person"],
                      [m for m in mentions if m.source == "ner" and m.kind != "person"])
    groups, absorbed = group_mentions(doc, kb, mentions, year)
    mentions = [m for m in mentions if id(m) not in absorbed] + groups
    mentions += plain_group_mentions(doc, kb, mentions)
    mentions += surname_mentions(doc, [m for m in mentions if m.kind == "person"], mentions)
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def draft_actors(mentions: list[Mention]) -> dict[str, Draft]:
    """One draft per key, in order of first mention; a person is named by the longest name."""
    drafts: dict[str, Draft] = {}
    for m in mentions:
        draft = drafts.get(m.key)
        if draft is None:
            draft = drafts[m.key] = Draft(m.key, m.name, m.kind, m.iso3, m.sector, m.code)
        draft.mentions.append(m)
        draft.iso3 = draft.iso3 or m.iso3
        draft.sector = draft.sector or m.sector
        draft.code = draft.code or m.code
        if m.kind == "person" and len(m.name) > len(draft.name):
            draft.name = m.name
    return drafts


def describe_person(doc, draft: Draft, index: MentionIndex, kb: KB, year: int | None,
                    countries: set[str]) -> None:
    """Titles, country and sector of a person from the text, then from the KB's leaders."""
    facts: list[TitleFact] = []
    for m in draft.mentions:
        facts += [f for f in person_titles(doc, m, index, kb) if f not in facts]
    named = sorted(facts, key=lambda f: not f.title)
    named = [f for f in named if f.organization or not any(
        g.title.lower() == f.title.lower() and g.organization for g in named)]
    titles = [title for f in named if (title := as_title(f, kb)) is not None]
    draft.titles = [t for i, t in enumerate(titles) if t not in titles[:i]]
    iso3 = next((f.iso3 for f in named if f.iso3), None)
    sector = next((f.sector for f in named if f.sector), None)
    if sector == "IGO":  # an international post: the dictionaries' national code is another post
        draft.iso3, draft.sector = iso3, sector
    else:
        draft.iso3, draft.sector = iso3 or draft.iso3, sector or draft.sector
    draft.peers = [f.peer for f in named if f.peer]
    add_leader_facts(draft, kb, year, countries, replace=iso3 is None and sector is None)


def as_title(fact: TitleFact, kb: KB) -> Title | None:
    """The title record of a fact. A tie to a country alone ('a Turkish national') is no title;
    a tie to an organisation alone ('the State Department's X') takes the role noun of the
    organisation's sector ('official'), so a title is never empty."""
    if fact.title:
        return Title(fact.title, fact.organization, "text")
    if not fact.organization or fact.org_kind == "country":
        return None
    return Title(kb.role_noun(fact.sector), fact.organization, "text")


def add_leader_facts(draft: Draft, kb: KB, year: int | None, countries: set[str], *,
                     replace: bool = False) -> None:
    """A full name that the KB's leaders know gives the country; a bare surname does when
    the leader was in office that year and the article names the leader's country.
    With the article's year known, a full name counts for a past office only when that was a
    head of state's or government's and the text ties the person to no organisation (ELI);
    the leader's title is added for an office held that year. Someone the text places in an
    IGO ('NATO Secretary-General') gets nothing. With ``replace`` (the text said nothing of
    the person) the leaders' country and sector replace the actor dictionaries', whose
    dates end earlier."""
    if draft.sector == "IGO":
        return
    full = len(draft.name.split()) > 1
    leaders = kb.leaders(draft.name, year if not full else None, heads_only=not full)
    if not full:
        leaders = [leader for leader in leaders if leader.iso3 in countries] if year else []
    elif year:
        in_term = [leader for leader in leaders if leader.start <= year <= leader.end]
        past_heads = [leader for leader in leaders if leader.role == "head" and leader.end < year]
        leaders = in_term or ([] if any(t.organization for t in draft.titles) else past_heads)
        leaders = leaders or titled_leaders(draft, kb, year)
    if (draft.iso3 is None or replace) and len({leader.iso3 for leader in leaders}) == 1:
        sector = office_sector(leaders, year)
        draft.iso3, draft.sector = leaders[0].iso3, sector if replace else draft.sector or sector
    known = {t.title.lower() for t in draft.titles}
    for leader in leaders:
        if year and leader.start <= year <= leader.end and leader.iso3 == draft.iso3 \
                and leader.title.lower() not in known:
            draft.titles.append(Title(leader.title, kb.country_name(leader.iso3), "kb"))
            known.add(leader.title.lower())


def titled_leaders(draft: Draft, kb: KB, year: int) -> list:
    """Leaders of the person's surname in office that year in the post the text titles them
    with: 'President Omar al-Bashir', whom the KB spells 'Umar Hassan Ahmad al-Bashir'."""
    titles = {t.title.casefold() for t in draft.titles if t.source == "text"}
    if not titles:
        return []
    return [leader for leader in kb.leaders(draft.name.split()[-1], year) if leader.title.casefold() in titles]


def other_time_countries(persons: dict[str, Draft], kb: KB) -> None:
    """A person still without a country whose full name the KB's leaders give one country
    for, at another time than the article's, is of that country; the post stays unknown.
    Not someone the text ties to an organisation ('X, the UN relief coordinator')."""
    for draft in persons.values():
        tied = draft.sector == "IGO" or any(t.organization for t in draft.titles)
        if draft.iso3 is None and not tied and len(draft.name.split()) > 1:
            countries = {leader.iso3 for leader in kb.leaders(draft.name)}
            if len(countries) == 1:
                draft.iso3 = countries.pop()


def office_sector(leaders: list, year: int | None) -> str:
    """GOV for a leader in office that year; ELI, the dictionaries' code for the political
    elite, for one out of office then. With no year, the KB's own record decides: ELI for
    a head whose every post ended before a successor in one of them took office ('Tony
    Blair'), GOV otherwise."""
    if year is None:
        return "ELI" if _succeeded(leaders) else "GOV"
    if any(leader.start <= year <= leader.end for leader in leaders):
        return "GOV"
    return "ELI"


def _succeeded(leaders: list) -> bool:
    """Whether someone else took one of these heads' posts after them and held it past the
    last year any of their terms reaches (spellings of one name vary between sources: the
    successor's surname must differ)."""
    kb, last = load_kb(), max((leader.end for leader in leaders), default=0)
    surnames = {leader.surname.casefold() for leader in leaders}
    for leader in leaders:
        if leader.role != "head":
            continue
        for other in kb.heads_of(leader.iso3):
            if other.title.casefold() == leader.title.casefold() and other.end > last and other.start > leader.start \
                    and other.surname.casefold() not in surnames:
                return True
    return False


def add_references(doc, drafts: dict[str, Draft], kb: KB) -> None:
    """Pronouns and 'the <title>' become mentions of the person they refer to."""
    persons = sorted((m for d in drafts.values() if d.kind == "person" and _antecedent(d)
                      for m in d.mentions), key=lambda m: m.start)
    taken = [m for d in drafts.values() for m in d.mentions]
    genders = {d.key: first_name_gender(d.name, kb) for d in drafts.values() if d.kind == "person"}
    titles = {d.key: [t.title for t in d.titles] for d in drafts.values() if d.kind == "person"}
    found = pronoun_mentions(doc, persons, genders) + title_noun_mentions(doc, persons, titles, kb, taken)
    for m in found:
        drafts[m.key].mentions.append(m)


def _antecedent(draft: Draft) -> bool:
    """Pronouns may refer to people with a full name or a known country, not to a lone
    capitalised word NER took for a name."""
    return len(draft.name.split()) > 1 or draft.iso3 is not None


def actor_code(draft: Draft) -> str | None:
    """CAMEO-style code: ISO3 + sector ('USAGOV'), ISO3 alone, or an IGO's code."""
    if draft.code:
        return draft.code
    if draft.iso3:
        return draft.iso3 + (draft.sector or "")
    return "IGO" if draft.sector == "IGO" else None


def to_table(drafts: dict[str, Draft]) -> ActorTable:
    """Actors numbered a1, a2... in order of first mention."""
    table = ActorTable()
    ordered = sorted(drafts.values(), key=lambda d: min(m.start for m in d.mentions))
    for n, draft in enumerate(ordered, 1):
        spans = {(m.start, m.end): Span(m.start, m.end, m.text) for m in draft.mentions}
        table.add(Actor(f"a{n}", draft.name, draft.kind, draft.iso3, draft.sector, actor_code(draft),
                        titles=draft.titles, mentions=[spans[k] for k in sorted(spans)]))
    return table
