"""Build Cable's compact knowledge base from public-domain sources.

Reads (from ``../shared/corpora`` or ``$CABLE_SHARED/corpora``, and one file of ``anchors/``):

- ``countries/country-codes.csv`` (datasets/country-codes, PDDL 1.0)
- ``countries/factbook-current.jsonl`` (CIA World Factbook, public domain)
- ``factbook-archive/factbook_government_1990_2025.jsonl.gz`` (Factbook editions, public domain)
- ``hsg-travels/presidents/presidents.xml`` (Office of the Historian, public domain / CC0)
- ``wikidata-world-leaders-2021/wikidata.csv`` (Wikidata, CC0)
- ``hsg-people/people.jsonl`` (Office of the Historian, public domain)
- ``un-general-debate/speakers_by_session.csv`` (UN General Debate speakers and posts, CC0)
- ``hsg-pocom/derived/*.jsonl`` (U.S. chiefs of mission and the State Department's principal
  officers with their dates, Office of the Historian, public domain / CC0)
- ``../shared/anchors/NGEC/NGEC/assets/PLOVER_agents.txt`` (PLOVER agent words, MIT)
- ``../shared/anchors/CountryInfo/CountryInfo.120116.txt`` (heads of state and government
  1960-2011 and cabinets 2003-2011, CC BY-SA: written to its own file, see ATTRIBUTION.md)
- the Phoenix actor dictionaries packaged in ``src/cable/data/dictionaries/`` (MIT)

Writes ``src/cable/data/kb/countries.json`` (names, demonyms, capitals per ISO3),
``src/cable/data/kb/leaders.tsv`` (heads of state and government, the ministers and
envoys who spoke at the UN, and U.S. ambassadors and State Department principals, with years),
``src/cable/data/kb/given_names.txt`` (first names of officials the sources list),
``src/cable/data/kb/agent_words.tsv`` (words naming kinds of actors, with their PLOVER
agent codes) and ``src/cable/data/kb/named_actors.tsv`` (named organisations and people
with their CAMEO-style codes and the dates each code holds), and
``src/cable/data/kb/countryinfo_leaders.tsv`` (CountryInfo's leaders and cabinet members,
in the columns of ``leaders.tsv``; CC BY-SA, kept apart).

    python scripts/build_kb.py [--shared PATH]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "cable" / "data" / "kb"
DEFAULT_SHARED = Path(os.environ.get("CABLE_SHARED", ROOT.parent / "shared"))

# Countries whose heads of state hold the post by another office (Andorra's co-princes are the
# French president and the Bishop of Urgell): their rows would tie those people to the wrong country.
EX_OFFICIO_HEADS = {"AND"}
# Partially recognised states with governments of their own, whose leaders are kept.
SELF_GOVERNING = {"XKX", "PSE"}
# Factbook entities whose FIPS code has no ISO 3166 row; XKX is the code in common use for Kosovo.
EXTRA_FIPS = {"KV": "XKX"}
COMPASS = ("North ", "South ", "East ", "West ")
TITLE_WORDS = {
    "acting", "interim", "transitional", "president", "vice", "prime", "minister", "premier", "king",
    "queen", "emperor", "empress", "chancellor", "supreme", "leader", "sultan", "emir", "amir",
    "chairman", "chairwoman", "chair", "general", "gen.", "sr.", "lt.", "col.", "maj.", "brig.",
    "field", "marshal", "state", "affairs", "commission", "federal", "council", "governor-general",
    "governor", "grand", "duke", "duchess", "prince", "princess", "crown", "co-prince", "head",
    "of", "the", "government", "national", "sovereign", "military", "committee", "presidium",
    "executive", "chief", "first", "second", "deputy", "secretary", "pope", "holiness", "his", "her",
    "heir", "apparent", "captains", "regent", "captain", "mr.", "dr.", "gen", "adm.", "admiral",
    "and", "senior", "transitional", "provisional", "military", "junta", "cabinet", "mayor",
    "taoiseach", "tanaiste", "lieutenant", "colonel", "major", "brigadier", "air", "vice-president",
    "republic", "ministers", "federation", "presidency", "union", "dr.", "-", "–",
}
ROLE_WORDS = ("president", "prime minister", "premier", "king", "queen", "emperor", "chancellor",
              "supreme leader", "sultan", "emir", "amir", "chairman", "taoiseach", "pope", "chief executive",
              "head of state", "co-prince", "grand duke", "prince", "monarch", "governor-general")


def fold(text: str) -> str:
    """ASCII-fold a name: 'Bogotá' -> 'Bogota'."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def clean_name(text: str | None) -> str | None:
    """Strip UN-style annotations: 'Gambia (the) *' -> 'Gambia'; 'Bahamas, The' -> 'Bahamas'."""
    if not text or text.strip().lower() in {"none", "na"}:
        return None
    text = re.sub(r"\s*\*+$", "", text.strip())
    text = re.sub(r"\s*\((the)\)$", "", text)
    text = re.sub(r"^the ", "", text)
    text = re.sub(r",\s*The$", "", text)
    return text.strip() or None


def name_variants(name: str) -> set[str]:
    """A name, its '&' -> 'and' form, its form without a parenthesis, and ASCII folds."""
    out = {name}
    if "&" in name:
        out.add(name.replace("&", "and"))
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if bare:
        out.add(bare)
    out |= {fold(n) for n in out}
    return {n.replace("’", "'") for n in out if len(n) > 1}


def demonym_forms(text: str | None) -> set[str]:
    """'Irishman(men), Irish (collective plural)' -> {Irishman, Irishmen, Irish}; 'Korean(s)' -> both."""
    if not text or text.strip().lower() in {"none", "na"}:
        return set()
    text = re.split(r"\bnote\b", text)[0]
    text = re.sub(r"\(or ([^)]*)\)", r", \1", text)
    out: set[str] = set()
    for part in re.split(r",|;|/|\bor\b", text):
        part = part.strip()
        m = re.match(r"^([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)\s*\((s|men|women)\)", part)
        if m:
            base = m.group(1)
            plural = base + "s" if m.group(2) == "s" else re.sub(r"(man|woman)$", "", base) + m.group(2)
            out |= {base, plural}
            continue
        part = re.sub(r"\s*\([^)]*\)", "", part).strip()
        if re.match(r"^[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*$", part):
            out.add(part)
    return {fold(f) for f in out} | out


def capital_forms(text: str | None) -> set[str]:
    """'Rangoon (aka Yangon, ...); Nay Pyi Taw is ...' -> {Rangoon, Yangon}."""
    if not text or text.lower().startswith(("no ", "none", "administered")):
        return set()
    first = text.split(";")[0]
    out = set()
    for piece in re.split(r",\s*(?=[A-Z])", re.sub(r"\([^)]*\)", "", first)):
        piece = piece.strip()
        if piece and len(piece.split()) <= 4 and re.match(r"^[A-Z][a-z]", piece):
            out.add(piece)
    aka = re.search(r"\(aka ([A-Z][\w' -]+?)[,)]", first)
    if aka:
        out.add(aka.group(1).strip())
    whole = re.sub(r"\s*\([^)]*\)", "", first).strip()
    if re.match(r"^[A-Z][\w.' -]*, D\.C\.$", whole):
        out.add(whole)
    return {v for c in out for v in name_variants(c)}


def read_country_codes(shared: Path) -> tuple[dict[str, dict], dict[str, str]]:
    """ISO rows keyed by ISO3, plus a FIPS -> ISO3 map."""
    countries, fips = {}, {}
    with open(shared / "countries" / "country-codes.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso3 = row["ISO3166-1-Alpha-3"].strip()
            if not iso3:
                continue
            codes = row["FIPS"].strip()
            for i in range(0, len(codes) - 1, 2):
                if row["is_independent"].strip() == "Yes" or codes[i:i + 2] not in fips:
                    fips[codes[i:i + 2]] = iso3
            fips.update(EXTRA_FIPS)
            names = {clean_name(row[k]) for k in ("CLDR display name", "official_name_en",
                                                   "UNTERM English Short", "UNTERM English Formal")}
            countries[iso3] = {
                "cldr": row["CLDR display name"].strip(),
                "official": clean_name(row["official_name_en"]),
                "independent": row["is_independent"].strip() == "Yes",
                "names": {n for n in names if n},
                "capitals": {row["Capital"].strip()} - {""},
                "nouns": set(), "adjectives": set(), "short": None,
            }
    return countries, fips


def add_factbook(shared: Path, countries: dict[str, dict], fips: dict[str, str]) -> None:
    """Merge Factbook names, former names, demonyms and capitals into ``countries``."""
    for line in open(shared / "countries" / "factbook-current.jsonl", encoding="utf-8"):
        rec = json.loads(line)
        iso3 = fips.get(rec["fips"].upper())
        if iso3 is None:
            continue
        entry = countries.setdefault(iso3, {"cldr": None, "official": None, "independent": False,
                                            "names": set(), "capitals": set(), "nouns": set(),
                                            "adjectives": set(), "short": None})
        cn = rec.get("country_name") or {}
        short = clean_name(cn.get("conventional short form"))
        if short and "," not in short and "(" not in short:
            entry["short"] = entry["short"] or short
        for key in ("conventional short form", "conventional long form"):
            name = clean_name(cn.get(key))
            if name and "(" not in name and ";" not in name:
                entry["names"] |= {n.strip() for n in name.split(",")}
        for abbr in re.split(r" or |,|\(or ", cn.get("abbreviation") or ""):
            abbr = abbr.strip(" )")
            if re.fullmatch(r"[A-Z][A-Za-z.]{1,5}", abbr):
                entry["names"].add(abbr)
        for former in re.split(r",\s*", cn.get("former") or ""):
            if re.fullmatch(r"[A-Z][\w'-]*(?: [A-Za-z][\w'-]*){0,3}", former.strip()):
                entry["names"].add(former.strip())
        nat = rec.get("nationality") or {}
        entry["nouns"] |= demonym_forms(nat.get("noun"))
        entry["adjectives"] |= demonym_forms(nat.get("adjective"))
        entry["capitals"] |= capital_forms(rec.get("capital"))


def add_compass_demonyms(countries: dict[str, dict]) -> None:
    """'North Korea' + 'Korean' -> 'North Korean', 'North Koreans'."""
    for entry in countries.values():
        for name in list(entry["names"]):
            prefix = next((p for p in COMPASS if name.startswith(p)), None)
            if prefix is None:
                continue
            rest = name[len(prefix):]
            for key in ("nouns", "adjectives"):
                entry[key] |= {prefix + d for d in list(entry[key])
                               if d[:3] == rest[:3] and not d.startswith(prefix)}


def resolve_ambiguity(countries: dict[str, dict]) -> None:
    """A term shared by several entries goes to the one independent country, or to none."""
    owners: dict[str, set[str]] = defaultdict(set)
    for iso3, entry in countries.items():
        for key in ("names", "capitals", "nouns", "adjectives"):
            entry[key] = {v for n in entry[key] for v in name_variants(n)}
            for term in entry[key]:
                owners[term].add(iso3)
    for term, isos in owners.items():
        if len(isos) < 2:
            continue
        independent = [i for i in isos if countries[i]["independent"]]
        keep = independent[0] if len(independent) == 1 else None
        for iso3 in isos - {keep}:
            for key in ("names", "capitals", "nouns", "adjectives"):
                countries[iso3][key].discard(term)


def display_name(entry: dict) -> str:
    """The short common name: CLDR's unless it is an abbreviation or a 'Congo - Kinshasa' form,
    then the Factbook's short form, then the shortest other name."""
    cldr, short = entry["cldr"], entry["short"]
    if short and short.isascii() and cldr and not cldr.isascii():
        return short
    if cldr and not cldr.isupper() and " - " not in cldr and "&" not in cldr:
        return cldr
    if entry["short"] and not entry["short"].isupper():
        return entry["short"]
    return entry["official"] or min(entry["names"], key=lambda n: (n.isupper(), len(n)))


def build_countries(shared: Path) -> dict[str, dict]:
    countries, fips = read_country_codes(shared)
    add_factbook(shared, countries, fips)
    add_compass_demonyms(countries)
    names = {iso3: display_name(e) for iso3, e in countries.items()}
    resolve_ambiguity(countries)
    return {
        iso3: {
            "name": names[iso3],
            "independent": e["independent"],
            "names": sorted(e["names"] | ({names[iso3]} if names[iso3] in e["names"] else set())),
            "demonyms": sorted(e["nouns"] - e["adjectives"]),
            "adjectives": sorted(e["adjectives"]),
            "capitals": sorted(e["capitals"] - e["names"]),
        }
        for iso3, e in sorted(countries.items())
    }


# --- leaders -------------------------------------------------------------------------------

def is_surname_word(word: str) -> bool:
    """Factbook writes surnames in capitals: 'OBAMA', 'AHMADI-NEJAD', 'Hoseini-KHAMENEI'."""
    word = word.strip(",.")
    if word.lower() in {"ii", "iii", "iv", "v", "vi", "jr"}:
        return False
    return any(len(p) >= 2 and p.isupper() and p.isalpha() for p in word.replace("'", "").split("-"))


def split_person(entry: str) -> tuple[str, str, str, bool] | None:
    """'President Barack H. OBAMA' -> ('President', 'Barack H.', 'OBAMA', False);
    'Premier WEN Jiabao' -> ('Premier', 'Jiabao', 'WEN', True)."""
    words = entry.replace(",", " ").split()
    caps = [i for i, w in enumerate(words) if is_surname_word(w)]
    if not caps:
        return None
    first_cap, last_cap = caps[0], caps[-1]
    start = first_cap
    while (start > 0 and words[start - 1].lower() not in TITLE_WORDS and words[start - 1][:1].isupper()
           and (start < 2 or words[start - 2] != "of")):
        start -= 1
    title = " ".join(words[:start])
    surname = " ".join(words[first_cap:last_cap + 1])
    rest = words[last_cap + 1:]
    if "of" in rest:
        rest = rest[:rest.index("of")]
    if start < first_cap:
        return title, " ".join(words[start:first_cap]), surname, False
    if rest and all(re.fullmatch(r"[IVX]+|Jr\.?", w) for w in rest):
        return title, "", surname + " " + " ".join(rest), False
    return title, " ".join(rest), surname, True


def proper_case(surname: str) -> str:
    """'AHMADI-NEJAD' -> 'Ahmadi-Nejad'; 'ELIZABETH II' -> 'Elizabeth II'."""
    def word(w: str) -> str:
        if re.fullmatch(r"[IVX]+", w):
            return w
        return "-".join(p.capitalize() if p.isupper() else p for p in w.split("-"))
    return " ".join(word(w) for w in surname.split())


def parse_executive(text: str) -> list[tuple[str, str, int | None]]:
    """(section, entry, since-year) for each dated person in a Factbook 'Executive branch' text."""
    out = []
    sections = re.split(r"(chief of state(?: and head of government)?:|head of government:|cabinet:)", text)
    for label, body in zip(sections[1::2], sections[2::2]):
        if label == "cabinet:":
            break
        body = re.split(r"\bnote\b|\belections?\b", body)[0]
        for m in re.finditer(r"([A-Z][^;()]*?)\s*\((?:since\s+)?((?:[^()]*\s)?(\d{4}))\)", body):
            entry = m.group(1).strip(" ,|")
            if len(entry.split()) <= 9 and not m.group(2).lower().startswith(("who", "born")):
                out.append((label.rstrip(":"), entry, int(m.group(3))))
    return out


def leader_rows_from_factbook(shared: Path, fips_iso: dict[str, str], iso2_iso: dict[str, str]):
    """Yield (iso3, title, given, surname, surname_first, year_from, year_to, role) per edition."""
    archive = shared / "factbook-archive" / "factbook_government_1990_2025.jsonl.gz"
    with gzip.open(archive, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            iso3 = iso2_iso.get((rec.get("iso2") or "").upper()) or fips_iso.get(rec["fips"].upper())
            text = rec["fields"].get("Executive branch") or ""
            if iso3:
                yield from _leaders_in(text, iso3, rec["year"])
    for line in open(shared / "countries" / "factbook-current.jsonl", encoding="utf-8"):
        rec = json.loads(line)
        iso3 = fips_iso.get(rec["fips"].upper())
        eb = rec.get("executive_branch") or {}
        text = " ".join(f"{k}: {v}" for k, v in eb.items() if k in ("chief of state", "head of government"))
        if iso3:
            yield from _leaders_in(text, iso3, 2026)


def _leaders_in(text: str, iso3: str, year: int):
    previous = None
    for section, entry, since in parse_executive(text):
        person = split_person(entry)
        first_in_section, previous = section != previous, section
        if person is None or (not person[0] and not first_in_section):
            continue
        title, given, surname, surname_first = person
        low = title.lower()
        if not any(r in low for r in ROLE_WORDS) and title:
            continue
        role = "deputy" if re.search(r"vice|deputy|heir|crown|second", low) else "head"
        title = re.sub(r"(\s+(Dr\.|Mr\.|-|–))+$", "", title.strip(" ,")) or section
        yield iso3, title, given, proper_case(surname), surname_first, since or year, year, role


def bridge_gaps(rows: list[tuple]) -> list[tuple]:
    """Some editions (2018-2020) lost their leaders text: a leader last seen before such a gap
    is taken to have stayed in office until the year before the country's next edition with data."""
    data_years: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        data_years[row[0]].add(row[6])
    out = []
    for iso3, title, given, surname, sf, y0, y1, role in rows:
        later = [y for y in data_years[iso3] if y > y1]
        if later and min(later) > y1 + 1:
            y1 = min(later) - 1
        out.append((iso3, title, given, surname, sf, y0, y1, role))
    return out


def leader_rows_from_presidents(shared: Path):
    root = ET.parse(shared / "hsg-travels" / "presidents" / "presidents.xml").getroot()
    for p in root.iter("president"):
        words = p.findtext("name").split()
        start = int(p.findtext("took-office-date")[:4])
        left = p.findtext("left-office-date") or ""
        end = int(left[:4]) if left[:4].isdigit() else start + 4
        yield "USA", "President", " ".join(words[:-1]), words[-1], False, start, end, "head"


def leader_rows_from_wikidata(shared: Path, by_name: dict[str, str]):
    with open(shared / "wikidata-world-leaders-2021" / "wikidata.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso3 = by_name.get(row["country"])
            words = row["officeholderLabel"].split()
            if words and re.fullmatch(r"[IVX]+", words[-1]):
                words = ["", " ".join(words)]
            if not iso3 or len(words) < 2 or not row["start_year"]:
                continue
            title = re.sub(r"\s+of\s+.*$", "", row["positionLabel"]).strip()
            title = title[:1].upper() + title[1:]
            end = int(row["end_year"]) if row["end_year"] else 2022
            given = " ".join(words[:-1]).strip()
            yield iso3, title, given, words[-1], False, int(row["start_year"]), end, "head"


HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "h.e", "he", "sir", "dame", "his", "her", "excellency",
              "majesty", "highness", "royal", "mr.", "mrs.", "ms.", "dr.", "h.e."}
HEAD_POSTS = re.compile(r"^(president|prime minister|head of (state|government)|king|queen|emir|amir|sultan|"
                        r"chancellor|federal chancellor|premier|supreme leader|crown prince)$", re.I)
UNGD_FROM = 1994  # posts are recorded consistently from here on


def leader_rows_from_ungd(shared: Path):
    """Who spoke for each country in the UN General Debate, with their post, by year:
    heads of state and government, and ministers (role 'minister') and envoys ('envoy')."""
    with open(shared / "un-general-debate" / "speakers_by_session.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            post = " ".join(row["post"].split())
            if not post or not row["year"].isdigit() or int(row["year"]) < UNGD_FROM:
                continue
            words = [w for w in row["speaker"].replace(",", " ").split() if w.lower().strip(".") + "." not in
                     {h + "." for h in HONORIFICS} and w.lower() not in HONORIFICS]
            if len(words) < 2:
                continue
            role = "head" if HEAD_POSTS.match(post) else "envoy" if re.search(r"Representative|Ambassador",
                                                                                post) else "minister"
            year = int(row["year"])
            yield row["iso3"], post[:1].upper() + post[1:], " ".join(words[:-1]), words[-1], False, year, year, role


def leader_rows_from_pocom(shared: Path):
    """U.S. chiefs of mission (role 'envoy') and the State Department's principal officers
    (role 'minister'), by the years they served; a post with no end date ends when it began."""
    folder = shared / "hsg-pocom" / "derived"
    people = {p["id"]: p for p in map(json.loads, open(folder / "people.jsonl", encoding="utf-8"))}
    for name, role in (("chiefs_of_mission.jsonl", "envoy"), ("principal_officers.jsonl", "minister")):
        for row in map(json.loads, open(folder / name, encoding="utf-8")):
            person = people.get(row.get("person_id") or "")
            begun = (row.get("started") or {}).get("date") or (row.get("appointed") or {}).get("date")
            if row.get("group") not in ("chiefs", "principals") or not person or not begun:
                continue
            ended = (row.get("ended") or {}).get("date") or begun
            title = "Ambassador" if "Ambassador" in (row.get("role_title") or "") else \
                row.get("position_title") or row.get("role_title") or ""
            given = clean_name(person.get("forename")) or ""
            surname = clean_name(person.get("surname"))
            if given and surname and title:
                yield "USA", title, given, surname, False, int(begun[:4]), int(ended[:4]), role


CI_TERM = re.compile(r"\[(?:[A-Z]{3,}\s+)?(<|>)?(\d{4})\d{4}(?:\s*-\s*(\d{4})\d{4})?\]")
CI_LAST_YEAR = 2011  # '>' marks someone still in office when the lists end (February 2011)
CI_FIRST_YEAR = 2003  # '<' marks someone already in office when the cabinet lists begin


def countryinfo_rows(anchors: Path):
    """(iso3, title, given, surname, surname_first, from, to, role) from CountryInfo: the
    <Leaders> lists (role 'head') and the <Government> cabinets (role 'minister')."""
    text = (anchors / "CountryInfo" / "CountryInfo.120116.txt").read_bytes().decode("utf-8", "replace")
    for block in text.split("<Country>")[1:]:
        iso3 = re.search(r"<ISO3166-alpha3>(\w{3})<", block)
        if not iso3:
            continue
        leaders = re.search(r"<Leaders>(.*?)</Leaders>", block, re.S)
        for tag, body in re.findall(r"<([^/>]+)>(.*?)</\1>", leaders.group(1) if leaders else "", re.S):
            title = _ci_title(tag)
            for line in body.splitlines():
                yield from _ci_person(iso3.group(1), title, line, "head", CI_LAST_YEAR)
        government = re.search(r"<Government>(.*?)</Government>", block, re.S)
        for line in (government.group(1) if government else "").splitlines():
            title = line.partition("#")[2].split("&")[0].replace('"', "").replace("Acting", "").strip()
            role = "envoy" if re.search(r"Ambassador|Representative", title) else "minister"
            yield from _ci_person(iso3.group(1), title, line.partition("#")[0], role, CI_LAST_YEAR)


def _ci_title(tag: str) -> str:
    """'Prime ministers' -> 'Prime Minister'; 'Presidents of the presidency' -> 'President ...'."""
    words = tag.replace("_", " ").lower().split()
    words = [w[:-1] if w.endswith("s") and not w.endswith("ss") and i == 0 or w == "ministers" else w
             for i, w in enumerate(words)]
    return " ".join(w if w in ("of", "the") else w.capitalize() for w in words)


def _ci_person(iso3: str, title: str, line: str, role: str, last: int):
    name = re.match(r"\s*\{?([A-Z][A-Z'-]*(?:_[A-Z][A-Z'-]*)+)_", line)
    if not name or not title:
        return
    words = [w.capitalize() for w in name.group(1).split("_")]
    if words[0].lower() in TITLE_WORDS:
        return
    for mark, start, end in CI_TERM.findall(line):
        y0 = CI_FIRST_YEAR if mark == "<" and role != "head" else int(start)
        y1 = int(end) if end else int(start) if mark == "<" else last
        yield iso3, title, " ".join(words[:-1]), words[-1], False, y0, y1, role


def build_countryinfo(shared: Path, countries: dict[str, dict]) -> list[tuple]:
    """CountryInfo's people as rows of leaders.tsv, one per (country, person, title) and term."""
    rows = {row for row in countryinfo_rows(shared.parent / "anchors")
            if countries.get(row[0], {}).get("independent") or row[0] in SELF_GOVERNING}
    return sorted(rows)


def build_leaders(shared: Path, countries: dict[str, dict]) -> list[tuple]:
    """Merge per-edition rows into one row per (country, person, title) with a year range."""
    _, fips_iso = read_country_codes(shared)
    iso2_iso = {}
    with open(shared / "countries" / "country-codes.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso2_iso[row["ISO3166-1-Alpha-2"].strip()] = row["ISO3166-1-Alpha-3"].strip()
    by_name = {n: iso3 for iso3, c in countries.items() for n in c["names"] + [c["name"]]}
    merged: dict[tuple, list] = {}
    factbook = list(leader_rows_from_factbook(shared, fips_iso, iso2_iso))
    rows = [*bridge_gaps(factbook), *leader_rows_from_presidents(shared),
            *leader_rows_from_wikidata(shared, by_name), *leader_rows_from_ungd(shared),
            *leader_rows_from_pocom(shared)]
    for iso3, title, given, surname, sf, y0, y1, role in rows:
        if not (countries.get(iso3, {}).get("independent") or iso3 in SELF_GOVERNING) or iso3 in EX_OFFICIO_HEADS:
            continue
        key = (iso3, fold(surname).lower(), fold(given).lower().replace(".", ""), title.lower())
        if key in merged:
            merged[key][5] = min(merged[key][5], y0)
            merged[key][6] = max(merged[key][6], y1)
        else:
            merged[key] = [iso3, title, given, surname, sf, y0, y1, role]
    return sorted(tuple(v) for v in fill_given_names(list(merged.values())))


def fill_given_names(rows: list[list]) -> list[list]:
    """A row that names a leader by surname alone ('head of government: Blair') takes the
    given name the other rows of that country give the surname, when they give only one."""
    given: dict[tuple[str, str], set[tuple[str, bool]]] = defaultdict(set)
    for iso3, _, first, surname, surname_first, *_ in rows:
        if first:
            given[(iso3, surname.lower())].add((first, bool(surname_first)))
    for row in rows:
        names = given.get((row[0], row[3].lower()), set())
        if not row[2] and len(names) == 1:
            row[2], row[4] = next(iter(names))
    return rows


NOT_GIVEN_NAMES = {"the", "north", "south", "east", "west", "new", "great", "royal", "crown", "saint", "san",
                   "sir", "lord", "lady", "dame", "mr", "mrs", "ms", "dr", "his", "her", "el", "al", "le", "la"}


def build_given_names(shared: Path, leaders: list[tuple]) -> list[str]:
    """ASCII-folded first names of the leaders and of the people in the Office of the Historian's
    lists, without title words ('General', 'Prince') and other capitalised non-names."""
    found = {row[2].split()[0] for row in leaders if row[2]}
    with open(shared / "hsg-people" / "people.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            for variant in [rec["preferred_name"]] + [v["name"] for v in rec["name_variants"]]:
                forenames = variant.split(",", 1)[1].split() if "," in variant else []
                found.update(forenames[:1])
    blocked = TITLE_WORDS | NOT_GIVEN_NAMES | set(ROLE_WORDS) | {w.lower() for w in _kb_words()}
    return sorted({fold(n) for n in found if re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", fold(n))
                   and fold(n).lower() not in blocked})


def _kb_words() -> set[str]:
    """Title words and title modifiers of the hand-kept KB files."""
    words = set()
    for name in ("titles.tsv", "title_modifiers.txt"):
        for line in (OUT / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.add(line.split("\t")[0].strip())
    return words


AGENT_LINE = re.compile(r"^([^\[{#]+?)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]")
SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
PHOENIX_FILES = ("Phoenix.Countries.actors.txt.gz", "Phoenix.International.actors.txt.gz",
                 "Phoenix.MilNonState.actors.txt.gz")
PHOENIX_CODE = re.compile(r"\[([A-Z]{3,})\s*([<>]?\s*\d{6,8}(?:\s*-\s*\d{6,8})?)?\s*\]")


def build_agent_words(shared: Path) -> list[tuple[str, str]]:
    """(phrase, code) of every PLOVER agent word, lower case, '!MINIST!' sets expanded,
    listed plurals kept ('chambers of commerce')."""
    path = shared / "anchors" / "NGEC" / "NGEC" / "assets" / "PLOVER_agents.txt"
    sets: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        sub = SUBSTITUTION.match(line.strip())
        if sub:
            sets[sub.group(1)] = [w.strip() for w in sub.group(2).split(",")]
            continue
        m = AGENT_LINE.match(line.strip())
        if not m:
            continue
        forms = [m.group(1)] + [f for f in (m.group(2) or "").split(",") if f.strip()]
        for form in forms:
            for phrase in _expand(form.strip(), sets):
                rows.setdefault(" ".join(phrase.replace("_", " ").lower().split()), m.group(3))
    return sorted(rows.items())


def _expand(form: str, sets: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!(\w+)!", form)
    if not m or m.group(1) not in sets:
        return [form]
    return [v for word in sets[m.group(1)] for v in _expand(form[:m.start()] + word + form[m.end():], sets)]


def build_named_actors() -> list[tuple[str, str]]:
    """(phrase, codes) of the Phoenix actor dictionaries: each root and synonym with its
    codes, 'CODE' or 'CODE:FROM-TO' (YYYYMMDD, either side may be empty), ';'-joined."""
    rows: dict[str, list[str]] = {}
    for name in PHOENIX_FILES:
        with gzip.open(ROOT / "src" / "cable" / "data" / "dictionaries" / name, "rt", encoding="utf-8",
                       errors="replace") as f:
            phrases: list[str] = []
            codes: list[str] = []
            for line in f:
                body = line.split("#", 1)[0].rstrip()
                if not body.strip():
                    continue
                head = body.split("[", 1)[0].strip()
                if head and not body[0].isspace():
                    if not head.startswith("+"):
                        _close(rows, phrases, codes)
                        phrases, codes = [], []
                    phrases.append(head.lstrip("+"))
                codes += [_code(c, d) for c, d in PHOENIX_CODE.findall(body)]
            _close(rows, phrases, codes)
    return sorted((p, ";".join(c)) for p, c in rows.items())


def _close(rows: dict[str, list[str]], phrases: list[str], codes: list[str]) -> None:
    for phrase in phrases:
        key = " ".join(phrase.replace("_", " ").split())
        if codes and len(key) > 1 and not key.startswith(("!", "&")):
            rows.setdefault(key.removeprefix("THE "), list(dict.fromkeys(codes)))


def _code(code: str, dates: str) -> str:
    """'EGYGOV' and '>140608' -> 'EGYGOV:20140608-'."""
    dates = dates.replace(" ", "")
    if not dates:
        return code
    if dates[0] in "<>":
        day = _day(dates[1:])
        return f"{code}:-{day}" if dates[0] == "<" else f"{code}:{day}-"
    first, _, last = dates.partition("-")
    return f"{code}:{_day(first)}-{_day(last) if last else _day(first)}"


def _day(yymmdd: str) -> str:
    if len(yymmdd) == 8:
        return yymmdd
    year = int(yymmdd[:2])
    return f"{year + (2000 if year <= 30 else 1900)}{yymmdd[2:]}"


def write_tables(agent_words: list[tuple[str, str]], named: list[tuple[str, str]]) -> None:
    with open(OUT / "agent_words.tsv", "w", encoding="utf-8") as f:
        f.write("# PLOVER agent words (NGEC PLOVER_agents.txt, MIT): phrase\tcode\n")
        f.writelines(f"{p}\t{c}\n" for p, c in agent_words)
    with open(OUT / "named_actors.tsv", "w", encoding="utf-8") as f:
        f.write("# Phoenix actor dictionaries (petrarch2, MIT): PHRASE\tCODE[:FROM-TO];...\n")
        f.writelines(f"{p}\t{c}\n" for p, c in named)


def write(countries: dict[str, dict], leaders: list[tuple]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "countries.json", "w", encoding="utf-8") as f:
        json.dump(countries, f, ensure_ascii=False, indent=0, sort_keys=True)
        f.write("\n")
    write_leaders(OUT / "leaders.tsv", leaders)


def write_leaders(path: Path, rows: list[tuple], note: str = "") -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(note + "# iso3\ttitle\tgiven\tsurname\tsurname_first\tfrom\tto\trole\n")
        for iso3, title, given, surname, sf, y0, y1, role in rows:
            f.write(f"{iso3}\t{title}\t{given}\t{surname}\t{int(sf)}\t{y0}\t{y1}\t{role}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder")
    args = parser.parse_args()
    corpora = args.shared / "corpora"
    countries = build_countries(corpora)
    leaders = build_leaders(corpora, countries)
    write(countries, leaders)
    write_leaders(OUT / "countryinfo_leaders.tsv", build_countryinfo(corpora, countries),
                  "# From CountryInfo.txt (github.com/openeventdata/CountryInfo), Copyright (c) 2012 "
                  "Philip A. Schrodt, CC BY-SA 3.0; see ../ATTRIBUTION.md.\n")
    write_tables(build_agent_words(args.shared), build_named_actors())
    given = build_given_names(corpora, leaders)
    (OUT / "given_names.txt").write_text(
        "# First names of officials (Factbook, Wikidata, Office of the Historian), ASCII-folded.\n"
        + "\n".join(given) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries, {len(leaders)} leader terms, {len(given)} given names -> {OUT}")


if __name__ == "__main__":
    main()
