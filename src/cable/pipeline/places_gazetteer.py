"""The offline gazetteer: place names -> candidate places, loaded once per process.

Three files under ``cable/data/places/``:

- ``cities.tsv.gz`` and ``countries.tsv``, built by ``scripts/build_places.py``
  from GeoNames (CC BY) and the datasets/country-codes table (PDDL); ``towns.tsv.gz``,
  the smaller GeoNames places, kept apart: a town is read only where the text names its
  state or country ("Geneva, Illinois");
- ``aliases.tsv``, kept by hand: common English country names ("Britain"),
  US states, well-known government landmarks ("the Kremlin", "Foggy Bottom"),
  world regions ("the Middle East"), a few display names, and names too
  ambiguous to resolve ("Congo");
- ``not_places.txt``: gazetteer names that are usually ordinary words.

Names are looked up in a normal form (see ``normalise``).
"""

from __future__ import annotations

import csv
import functools
import gzip
import re
import unicodedata
from dataclasses import dataclass, field, replace
from importlib import resources

QUOTE_AT_END = re.compile(r"(?<=\w)'(?=\s|$)")
Kind = str  # "country" | "landmark" | "region" | "city" | "state" | "unknown"
KIND_ORDER: dict[Kind, int] = {"country": 0, "landmark": 1, "region": 2, "city": 3, "state": 4, "unknown": 5}


@dataclass(frozen=True, slots=True)
class Entry:
    """One place a name may denote."""

    name: str  # display name
    kind: Kind
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    population: int = 0
    capital: int = 0  # 2 national capital, 1 first-order administrative seat
    main: bool = True  # the name matched is the place's own name, not an alternate
    admin1: str = ""
    geonameid: str = ""
    feature: str = ""  # GeoNames feature code: PCLI, PPLC, PPLA, PPL, ADM1, ...


@dataclass(slots=True)
class Gazetteer:
    """Normalised name -> the places it may denote."""

    names: dict[str, list[Entry]] = field(default_factory=dict)
    caps: set[str] = field(default_factory=set)  # keys written in capitals ("US", "U.K.")
    not_places: set[str] = field(default_factory=set)
    longest: int = 1  # most words in a name
    towns: dict[str, list[Entry]] = field(default_factory=dict)  # name -> the smaller places
    ids: dict[str, Entry] = field(default_factory=dict)  # GeoNames id -> place (cities and towns)

    def add(self, name: str, entry: Entry) -> None:
        key = normalise(name)
        entries = self.names.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)
        if not any(c.islower() for c in name):
            self.caps.add(key)
        self.longest = max(self.longest, len(key.split()))

    def lookup(self, text: str) -> list[Entry]:
        return self.names.get(normalise(text), [])

    def lookup_towns(self, text: str) -> list[Entry]:
        """The smaller places of that name (not in ``lookup``)."""
        return self.towns.get(normalise(text), [])


def normalise(name: str) -> str:
    """Lower case without accents, straight apostrophes and none closing a word (a
    transliterated soft sign: "Mariupol'"), single spaces, no leading 'the'."""
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    key = " ".join(QUOTE_AT_END.sub("", name.replace("\u2019", "'").lower()).split())
    return key[4:] if key.startswith("the ") else key


def _data(name: str):
    """A file of the packaged gazetteer."""
    return resources.files("cable") / "data" / "places" / name


def _rows(name: str) -> list[dict[str, str]]:
    raw = _data(name).read_bytes()
    text = gzip.decompress(raw).decode("utf-8") if name.endswith(".gz") else raw.decode("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _float(value: str) -> float | None:
    return float(value) if value else None


def _cities(display: dict[str, str]) -> dict[str, tuple[Entry, Entry, set[str]]]:
    """geonameid -> (the city by its own name, by another name, its other names)."""
    cities = {}
    for row in _rows("cities.tsv.gz"):
        name = display.get(row["geonameid"], row["name"])
        fields = ("city", row["iso3"], _float(row["lat"]), _float(row["lon"]), int(row["population"]),
                  int(row["capital"]))
        ids = (row["admin1"], row["geonameid"], row["feature"])
        alternates = {n for n in row["alternates"].split("|") if n} | {row["name"]}
        cities[row["geonameid"]] = (Entry(name, *fields, True, *ids),
                                    Entry(name, *fields, False, *ids), alternates - {name})
    return cities


def _towns() -> list[Entry]:
    return [Entry(row["name"], "city", row["iso3"], _float(row["lat"]), _float(row["lon"]),
                  int(row["population"]), 0, True, row["admin1"], row["geonameid"], row["feature"])
            for row in _rows("towns.tsv.gz")]


def _countries() -> dict[str, tuple[Entry, list[str]]]:
    return {row["iso3"]: (Entry(row["name"], "country", row["iso3"], _float(row["lat"]), _float(row["lon"]),
                                feature="PCLI"),
                          row["names"].split("|"))
            for row in _rows("countries.tsv")}


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, read from the package data once per process."""
    aliases = _rows("aliases.tsv")
    display = {a["target"]: a["alias"] for a in aliases if a["kind"] == "name"}
    gazetteer = Gazetteer()
    countries = {}
    for iso3, (entry, names) in _countries().items():
        countries[iso3] = entry = replace(entry, name=display.get(iso3, entry.name))
        for name in names + [entry.name]:
            gazetteer.add(name, entry)
    cities = {}
    for geonameid, (entry, alternate, names) in _cities(display).items():
        cities[geonameid] = entry
        gazetteer.add(entry.name, entry)
        for name in names:
            gazetteer.add(name, alternate)
    _add_aliases(gazetteer, aliases, cities, countries)
    gazetteer.ids = dict(cities)
    for town in _towns():
        gazetteer.towns.setdefault(normalise(town.name), []).append(town)
        gazetteer.ids[town.geonameid] = town
    gazetteer.not_places = {normalise(w) for w in _data("not_places.txt").read_text("utf-8").split("\n")
                            if w.strip() and not w.startswith("#")}
    return gazetteer


def _add_aliases(gazetteer: Gazetteer, aliases: list[dict[str, str]], cities: dict[str, Entry],
                 countries: dict[str, Entry]) -> None:
    """Hand-kept names: countries, cities, landmarks (at their city), regions and US states."""
    for row in aliases:
        name, kind, target = row["alias"], row["kind"], row["target"]
        if kind == "country":
            gazetteer.add(name, countries[target])
        elif kind == "city":
            gazetteer.add(name, cities[target])
        elif kind == "landmark":
            city = cities[target]
            gazetteer.add(name, Entry(name, "landmark", city.country, city.lat, city.lon))
        elif kind == "region":
            gazetteer.add(name, Entry(name, "region", None if target == "-" else target, None, None))
        elif kind == "state":
            gazetteer.add(name, Entry(name, "state", "USA", None, None, admin1=target, feature="ADM1"))
        elif kind == "ambiguous":
            gazetteer.names.pop(normalise(name), None)


WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_](?:[\w'\u2019]*[^\W_])?")
POSSESSIVE = re.compile(r"['\u2019]s$")


def words(text: str) -> list[tuple[int, int]]:
    """Word spans of a text, possessive 's dropped: 'Korea's' -> 'Korea'."""
    spans = []
    for match in WORD.finditer(text):
        start, end = match.span()
        possessive = POSSESSIVE.search(match.group())
        spans.append((start, end - 2 if possessive and end - 2 > start else end))
    return spans
