"""The knowledge base: countries, metonyms, organisations, leaders and title words.

``load_kb()`` reads the files under ``cable/data/kb/`` once per process. The
country and leader tables are built from public-domain sources by
``scripts/build_kb.py``; the rest is hand-written general knowledge.

    >>> kb = load_kb()
    >>> kb.country("North Korean"), kb.country("Pyongyang"), kb.country("U.S.")
    ('PRK', 'PRK', 'USA')
    >>> kb.metonym("Foggy Bottom")
    Metonym(name='State Department', kind='organization', iso3='USA', sector='GOV')
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple

from .text import fold, norm_key, sound_key, strip_name
from .trie import term_pattern

__all__ = ["KB", "CountryTerm", "Leader", "Metonym", "NounClass", "fold", "load_kb", "norm_key", "strip_name"]


class Metonym(NamedTuple):
    """A phrase that names an institution: the canonical name, its actor kind, country and sector."""

    name: str
    kind: str
    iso3: str | None
    sector: str | None


class CountryTerm(NamedTuple):
    iso3: str
    form: str  # name | adjective | demonym | capital


class NounClass(NamedTuple):
    """What a noun beside a name says the name names: a place, a thing or an organisation."""

    kind: str  # place | thing | organization
    sector: str | None
    where: str  # letters: b (noun before the name), a (after it), p (heads an apposition after it)


CODE_SECTORS = {"IMG": "REB", "MNC": "BUS", "IGO": "IGO", "NGO": "NGO", "UIS": "UAF"}
DICTIONARY_COUNTRIES = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}  # older codes -> ISO


class NamedCode(NamedTuple):
    """A code a named actor carries, between two ISO dates ('' for open)."""

    code: str
    start: str
    end: str


class Leader(NamedTuple):
    iso3: str
    title: str
    name: str
    surname: str
    start: int
    end: int
    role: str  # head | deputy


@dataclass
class KB:
    """Lookups over the knowledge base tables. Build with ``load_kb()``."""

    country_names: dict[str, str] = field(default_factory=dict)  # iso3 -> common name
    terms: dict[str, CountryTerm] = field(default_factory=dict)  # surface -> country term
    metonyms: dict[str, Metonym] = field(default_factory=dict)  # surface -> metonym
    igo_codes: dict[str, str] = field(default_factory=dict)  # canonical name -> CAMEO code
    leaders_by_surname: dict[str, list[Leader]] = field(default_factory=dict)
    heads: dict[str, list[Leader]] = field(default_factory=dict)  # iso3 -> its heads of state and government
    org_rules: list[tuple[re.Pattern, str, str | None]] = field(default_factory=list)
    titles: dict[str, str | None] = field(default_factory=dict)
    title_modifiers: frozenset[str] = frozenset()
    groups: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    place_hints: dict[str, str] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    not_actors: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()  # folded, lower case
    thing_rules: list[re.Pattern] = field(default_factory=list)
    noun_classes: dict[str, NounClass] = field(default_factory=dict)
    word_lists: dict[str, frozenset[str]] = field(default_factory=dict)
    platforms: frozenset[str] = frozenset()  # canonical names
    title_countries: dict[str, str] = field(default_factory=dict)
    role_nouns: dict[str, str] = field(default_factory=dict)  # sector ('' for unknown) -> noun
    place_kinds: dict[str, str] = field(default_factory=dict)  # place hint -> state | place | institution
    local_metonyms: set[str] = field(default_factory=set)  # phrases that need their country named
    agent_words: dict[str, str] = field(default_factory=dict)  # 'soldier' -> 'MIL'
    named_codes: dict[str, str] = field(default_factory=dict)  # 'HEZBOLLAH' -> 'LBNREB'
    nicknames: dict[str, str] = field(default_factory=dict)  # sound keys: 'tony' -> 'antony'
    _folded: dict[str, str] = field(default_factory=dict)
    _leader_cache: dict[tuple, list[Leader]] = field(default_factory=dict)

    # --- countries -------------------------------------------------------------------------

    def country_term(self, text: str) -> CountryTerm | None:
        """The country a name, adjective, demonym or capital denotes, with its form."""
        key = strip_name(text)
        hit = self.terms.get(key)
        if hit is None and len(key) > 3 and not key.isupper():
            surface = self._folded.get(fold(key).casefold())
            hit = self.terms.get(surface) if surface else None
        return hit

    def country(self, text: str) -> str | None:
        """ISO3 of a country name, demonym, adjective or capital ('Seoul' -> 'KOR'), else None."""
        hit = self.country_term(text)
        return hit.iso3 if hit else None

    def country_name(self, iso3: str | None) -> str | None:
        return self.country_names.get(iso3) if iso3 else None

    def place_country(self, text: str) -> str | None:
        """ISO3 of a country, capital or well-known division ('California' -> 'USA')."""
        return self.country(text) or self.place_hints.get(strip_name(text))

    def is_place_name(self, text: str) -> bool:
        """An island or region that has no government of its own ('Crete'), so never an actor."""
        return self.place_kinds.get(strip_name(text)) == "place"

    # --- institutions ----------------------------------------------------------------------

    def metonym(self, text: str) -> Metonym | None:
        """A metonym, national institution or IGO: 'the Pentagon' -> Pentagon, USA, MIL."""
        key = strip_name(text)
        return self.metonyms.get(key) or self.metonyms.get(fold(key))

    def igo_code(self, name: str) -> str | None:
        """CAMEO code of an intergovernmental organisation's canonical name ('IGOUNO')."""
        return self.igo_codes.get(name)

    def org_kind(self, name: str) -> tuple[str, str | None] | None:
        """(kind, sector) of an organisation from its head words, or None."""
        name = strip_name(name)
        for pattern, kind, sector in self.org_rules:
            if pattern.search(name):
                return kind, sector
        return None

    def is_thing_name(self, text: str) -> bool:
        """A name of a thing, event or place by its words: 'Syrian Civil War', 'EastMed Pipeline'."""
        name = strip_name(text)
        return any(rule.search(name) for rule in self.thing_rules)

    def noun_class(self, word: str, where: str) -> NounClass | None:
        """The class a lower-case noun gives a name at that place ('b', 'a' or 'p'), or None."""
        hit = self.noun_classes.get(word) if word.islower() else None
        return hit if hit is not None and where in hit.where else None

    def is_platform(self, name: str) -> bool:
        """An online platform ('Twitter'), an actor only where it acts, not where it carries words."""
        return name in self.platforms

    def words(self, name: str) -> frozenset[str]:
        """A word list of ``context_words.tsv``: 'motion', 'portfolio', 'platform', 'counterpart'."""
        return self.word_lists.get(name, frozenset())

    # --- people ----------------------------------------------------------------------------

    def is_given_name(self, word: str) -> bool:
        """A first name the KB knows ('Nikos', 'Jean-Yves' by its first part), folded, any case."""
        key = fold(word).lower()
        return key in self.given_names or key.split("-")[0] in self.given_names

    def title_country(self, title: str) -> str | None:
        """The one country that uses a capitalised title ('Foreign Secretary' -> 'GBR')."""
        return self.title_countries.get(title)

    def role_noun(self, sector: str | None) -> str:
        """What to call someone tied to an organisation of this sector without a title ('official')."""
        return self.role_nouns.get(sector or "", self.role_nouns.get("", "member"))

    def title_head(self, title: str) -> str | None:
        """The head word of a title, lower case: 'Ambassador to Germany' -> 'ambassador',
        'head of delegation' -> 'head', 'Foreign Minister' -> 'minister'."""
        words = title.lower().split()
        cut = next((i for i, w in enumerate(words) if i and w in ("of", "to", "for", "at")), len(words))
        return words[cut - 1] if cut else None

    def title_sector(self, title: str) -> str | None:
        """Default sector of a title: a group word in it ('opposition leader' -> 'OPP',
        'rebel commander' -> 'REB'), else its head word ('Foreign Minister' -> 'GOV')."""
        head = self.title_head(title)
        if head is None:
            return None
        for word in title.lower().split():
            if word == head:
                break
            group = self.groups.get(word) or self.groups.get(word + "s")
            if group and group[1] and group[1] != "GOV":
                return group[1]
        return self.titles.get(head)

    def is_title_word(self, word: str) -> bool:
        return word.lower() in self.titles

    def is_title_modifier(self, word: str) -> bool:
        return word.lower() in self.title_modifiers

    def group_noun(self, word: str) -> tuple[str, str | None] | None:
        """(kind, sector) of a noun naming people or an institution: 'officials' -> group, GOV."""
        return self.groups.get(word.lower())

    def gender(self, first_name: str) -> str | None:
        return self.genders.get(first_name)

    def leaders(self, name: str, year: int | None = None, *, heads_only: bool = False) -> list[Leader]:
        """Leaders whose name fits ``name`` (a surname alone, or a full name whose other
        words are among the leader's names), in office in ``year`` when given. Words
        match by ``sound_key``, so 'Hassan Rouhani' finds 'Hasan Fereidun Ruhani', and a
        short form stands for its full name ('Tony Blair' finds 'Anthony Blair')."""
        cache_key = (name, year, heads_only)
        if len(self._leader_cache) > 50_000:
            self._leader_cache.clear()
        if cache_key not in self._leader_cache:
            self._leader_cache[cache_key] = self._find_leaders(name, year, heads_only)
        return list(self._leader_cache[cache_key])

    def _find_leaders(self, name: str, year: int | None, heads_only: bool) -> list[Leader]:
        words = [sound_key(w) for w in norm_key(name).split()]
        if not words:
            return []
        found = []
        for surname_key in dict.fromkeys((words[0], words[-1])):
            for leader in self.leaders_by_surname.get(surname_key, []):
                names = {sound_key(w) for w in norm_key(leader.name).split()}
                if not all(w in names or self.nicknames.get(w) in names for w in words) \
                        and not (len(words) == 1 and words[0] == sound_key(leader.surname)):
                    continue
                if year is not None and not leader.start <= year <= leader.end:
                    continue
                if heads_only and leader.role != "head":
                    continue
                found.append(leader)
        return found

    def heads_of(self, iso3: str) -> list[Leader]:
        """The heads of state and government the KB knows for ``iso3``, all years."""
        return self.heads.get(iso3, [])

    def leader_country(self, name: str, year: int | None = None, *, heads_only: bool = False) -> str | None:
        """The one country of the leaders matching ``name``, or None when none or several."""
        countries = {leader.iso3 for leader in self.leaders(name, year, heads_only=heads_only)}
        return countries.pop() if len(countries) == 1 else None

    def agent_code(self, phrase: str) -> str | None:
        """The PLOVER agent code of a phrase naming a kind of actor ('soldiers' -> 'MIL',
        'riot police' -> 'COP', 'Ministry' -> 'GOV'), by its words or its singular."""
        key = " ".join(phrase.lower().split())
        for form in (key, *singulars(key)):
            if form in self.agent_words:
                return self.agent_words[form]
        return None

    def named_code(self, name: str, day: str | None = None) -> str | None:
        """The code of a named organisation or person in the actor dictionaries, for the
        ISO ``day`` when given (None when no code holds then); without a day, the code
        still in force, else the undated code, else the latest."""
        raw = self.named_codes.get(named_key(strip_name(name)))
        if raw is None:
            return None
        codes = [NamedCode(c.partition(":")[0], *_dates(c)) for c in raw.split(";")]
        return pick_code(codes, day.replace("-", "") if day else None)

    def split_code(self, code: str) -> tuple[str | None, str | None]:
        """(country, sector) of a CAMEO-style code: 'LBNREB' -> ('LBN', 'REB'), 'IGOUNO' ->
        (None, 'IGO'), 'NGOUSAHRI' -> ('USA', 'NGO'), 'IMGMUSISI' -> (None, 'REB')."""
        lead, rest = DICTIONARY_COUNTRIES.get(code[:3], code[:3]), code[3:]
        if lead in self.country_names:
            branch = rest[3:6] if rest[:3] == "GOV" and rest[3:6] in ("LEG", "JUD") else rest[:3]
            return lead, branch or None
        sector = CODE_SECTORS.get(lead)
        return (rest[:3] if lead in ("NGO", "MNC") and rest[:3] in self.country_names else None), sector

    # --- matching --------------------------------------------------------------------------

    @functools.cached_property
    def pattern(self) -> re.Pattern:
        """One compiled pattern for every country term and institution name, case-sensitive,
        matching whole words ("U.S." in "U.S.-North Korea", not "US" in "USB")."""
        return term_pattern(list(self.terms) + list(self.metonyms))

    def find_terms(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, surface) of every KB term in ``text``, longest first at each place."""
        return [(m.start(), m.end(), m.group()) for m in self.pattern.finditer(text)]

    @functools.cached_property
    def place_pattern(self) -> re.Pattern:
        return term_pattern(list(self.place_hints))

    def countries_in(self, text: str) -> set[str]:
        """Countries named inside a longer name, by country terms and place hints
        ('University of California' -> {'USA'}); an institution's country counts only when
        no country is named ("Chile's Defense Department" -> {'CHL'})."""
        hits = [hit for _, _, s in self.find_terms(text) if (hit := self.term(s)) and hit.iso3]
        named = {hit.iso3 for hit in hits if isinstance(hit, CountryTerm)}
        found = named or {hit.iso3 for hit in hits}  # "Chile's Defense Department" is Chile's
        return found | {self.place_hints[m.group()] for m in self.place_pattern.finditer(text)}

    def term(self, surface: str) -> CountryTerm | Metonym | None:
        """What a surface found by ``find_terms`` denotes."""
        key = surface.replace("’", "'")
        return self.metonyms.get(key) or self.terms.get(key)


def named_key(name: str) -> str:
    """Lookup key of a dictionary name: folded, upper case, without apostrophes and dots,
    hyphens as spaces ('People's Liberation Army' -> 'PEOPLES LIBERATION ARMY')."""
    text = re.sub(r"['’.]", "", fold(name).upper()).replace("-", " ")
    return " ".join(text.split())


def _dates(raw: str) -> tuple[str, str]:
    _, _, dates = raw.partition(":")
    start, _, end = dates.partition("-")
    return start, end


def pick_code(codes: list[NamedCode], day: str | None) -> str | None:
    """The code in force on ``day`` (YYYYMMDD), else the undated code, else None.
    Without a day: a dated code still in force (the post held now), else the undated code,
    else the latest to start."""
    undated = [c.code for c in codes if not c.start and not c.end]
    dated = [c for c in codes if c.start or c.end]
    if day is None or not dated:
        current = [c for c in dated if c.start and not c.end]
        if current:
            return max(current, key=lambda c: c.start).code
        return undated[0] if undated else max(dated, key=lambda c: c.start or c.end).code
    holding = [c for c in dated if (c.start or "0") <= day <= (c.end or "9")]
    if holding:
        return max(holding, key=lambda c: c.start).code
    return undated[0] if undated else None


def singulars(word: str) -> list[str]:
    """Regular singulars of a plural phrase's last word: 'soldiers', 'militias', 'policemen'."""
    head, _, last = word.rpartition(" ")
    lead = head + " " if head else ""
    forms = []
    if last.endswith("ies"):
        forms.append(last[:-3] + "y")
    if last.endswith("men"):
        forms.append(last[:-3] + "man")
    if last.endswith("es"):
        forms.append(last[:-2])
    if last.endswith("s") and not last.endswith("ss"):
        forms.append(last[:-1])
    return [lead + f for f in forms]


@functools.cache
def load_kb() -> KB:
    """The knowledge base, loaded once per process."""
    kb = KB()
    _load_countries(kb)
    _load_institutions(kb)
    _load_leaders(kb)
    kb.org_rules = [(re.compile(p), k, s or None) for p, k, s in _rows("org_sectors.tsv", 3)]
    kb.titles = {w: s or None for w, s in _rows("titles.tsv", 2)}
    kb.title_modifiers = frozenset(w for (w,) in _rows("title_modifiers.txt", 1))
    kb.groups = {w: (k, s or None) for w, k, s in _rows("group_nouns.tsv", 3)}
    kb.place_hints = {n: iso3 for n, iso3, _ in _rows("place_hints.tsv", 3)}
    kb.place_kinds = {n: kind for n, _, kind in _rows("place_hints.tsv", 3)}
    kb.genders = {n: g for n, g in _rows("first_names.tsv", 2)}
    kb.not_actors = frozenset(line for (line,) in _rows("not_actors.txt", 1))
    kb.agent_words = {w: c for w, c in _rows("agent_words_extra.tsv", 2) + _rows("agent_words.tsv", 2)}
    kb.nicknames = {sound_key(short): sound_key(full) for short, full in _rows("nicknames.tsv", 2)}
    kb.named_codes = {}
    for name, codes in _rows("named_actors.tsv", 2):
        kb.named_codes.setdefault(named_key(name), codes)
    _load_lexicon(kb)
    return kb


def _text(name: str) -> str:
    return resources.files("cable").joinpath("data", "kb", name).read_text(encoding="utf-8")


def _rows(name: str, width: int) -> list[list[str]]:
    """Rows of a tab-separated data file, '#' comments skipped, padded to ``width``."""
    out = []
    for line in _text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            out.append([c.strip() for c in cells] + [""] * (width - len(cells)))
    return out


def _load_countries(kb: KB) -> None:
    table = json.loads(_text("countries.json"))
    forms = (("names", "name"), ("capitals", "capital"), ("adjectives", "adjective"), ("demonyms", "demonym"))
    for iso3, entry in table.items():
        kb.country_names[iso3] = entry["name"]
        for key, form in forms:
            for surface in entry[key]:
                kb.terms.setdefault(surface, CountryTerm(iso3, form))
    for alias, iso3, form in _rows("country_aliases.tsv", 3):
        kb.terms[alias] = CountryTerm(iso3, form or "name")
    for surface in kb.terms:
        kb._folded.setdefault(fold(surface).casefold(), surface)


def _load_institutions(kb: KB) -> None:
    for phrase, name, kind, iso3, sector, local in _rows("metonyms.tsv", 6):
        kb.metonyms[phrase] = Metonym(name, kind, iso3 or None, sector or None)
        if local == "1":
            kb.local_metonyms.add(phrase)
    for phrase, name, kind, code in _rows("igos.tsv", 4):
        kb.metonyms[phrase] = Metonym(name, kind, None, "IGO")
        kb.igo_codes[name] = code or "IGO"


def _load_leaders(kb: KB) -> None:
    rows = _rows("leaders.tsv", 8) + _rows("countryinfo_leaders.tsv", 8)
    for iso3, title, given, surname, surname_first, start, end, role in rows:
        name = f"{surname} {given}" if surname_first == "1" else f"{given} {surname}"
        leader = Leader(iso3, title, name.strip(), surname, int(start), int(end), role)
        if role == "head":
            kb.heads.setdefault(iso3, []).append(leader)
        parts = norm_key(surname).split()
        for key in dict.fromkeys((sound_key(parts[0]), sound_key(parts[-1]))):
            kb.leaders_by_surname.setdefault(key, []).append(leader)


def _load_lexicon(kb: KB) -> None:
    """Given names, outlets and the word lists for reading a name's context."""
    given = {fold(w).lower() for (w,) in _rows("given_names.txt", 1)}
    kb.given_names = frozenset(given | {fold(n).lower() for n in kb.genders})
    kb.thing_rules = [re.compile(p) for (p,) in _rows("thing_names.tsv", 1)]
    kb.noun_classes = {n: NounClass(k, s or None, w) for n, k, s, w in _rows("class_nouns.tsv", 4)}
    lists: dict[str, set[str]] = {}
    for name, word in _rows("context_words.tsv", 2):
        lists.setdefault(name, set()).add(word)
    kb.word_lists = {name: frozenset(words) for name, words in lists.items()}
    for phrase, name, iso3, kind in _rows("outlets.tsv", 4):
        kb.metonyms[phrase] = Metonym(name, "organization", iso3 or None, "BUS" if kind == "platform" else "MED")
    kb.platforms = frozenset(name for _, name, _, kind in _rows("outlets.tsv", 4) if kind == "platform")
    kb.title_countries = {t: iso3 for t, iso3 in _rows("title_countries.tsv", 2)}
    kb.role_nouns = {sector: noun for sector, noun in _rows("role_nouns.tsv", 2)}
