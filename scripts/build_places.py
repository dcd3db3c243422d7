"""Build Cable's offline gazetteer from the GeoNames extracts and the country table.

Reads ``../shared/corpora/geonames/cities15000.txt`` and ``countryInfo.txt``
(GeoNames, CC BY) and ``../shared/corpora/countries/country-codes.csv``
(datasets/country-codes, PDDL), and writes:

    src/cable/data/places/cities.tsv.gz   GeoNames cities, CC BY (see ATTRIBUTION.md)
    src/cable/data/places/countries.tsv   country names (country-codes.csv) and ISO3, with the
                                          capital's coordinates (GeoNames)
    src/cable/data/places/towns.tsv.gz    the smaller GeoNames places, by their own name only
                                          (read only where the text names their state or country:
                                          "Geneva, Illinois")

Cities are kept when they have at least ``--min-population`` people or are a
capital (national or first-order administrative). Alternate names are kept
only for the larger cities and only in Latin script, so that English
exonyms ("Geneva", "Munich", "Bombay") resolve without the file growing.

Usage: python scripts/build_places.py [--shared ../shared] [--min-population 50000]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "cable" / "data" / "places"
CAPITAL_CODES = {"PPLC", "PPLA"}
ALT_MIN_POPULATION = 100_000
LATIN_NAME = re.compile(r"[A-Z][A-Za-z'.-]*(?: (?:[A-Z][A-Za-z'.-]*|de|del|la|le|al|el|of|upon|am|an|sur))*")
CITY_COLUMNS = ("geonameid", "name", "iso3", "admin1", "lat", "lon", "population", "capital", "feature",
                "alternates")
TOWN_COLUMNS = ("geonameid", "name", "iso3", "admin1", "lat", "lon", "population", "feature")
COUNTRY_COLUMNS = ("iso3", "name", "lat", "lon", "names")


def iso2_to_iso3(shared: Path) -> dict[str, str]:
    """ISO 3166 alpha-2 -> alpha-3 from country-codes.csv, then GeoNames for the rest (Kosovo)."""
    table: dict[str, str] = {}
    for row in country_info(shared):
        table[row["ISO"]] = row["ISO3"]
    with (shared / "corpora/countries/country-codes.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["ISO3166-1-Alpha-2"].strip() and row["ISO3166-1-Alpha-3"].strip():
                table[row["ISO3166-1-Alpha-2"].strip()] = row["ISO3166-1-Alpha-3"].strip()
    return table


def country_info(shared: Path) -> list[dict[str, str]]:
    """The rows of GeoNames' countryInfo.txt, keyed by its header names."""
    lines = (shared / "corpora/geonames/countryInfo.txt").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#ISO")][0].lstrip("#").split("\t")
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return [dict(zip(header, row)) for row in rows]


def english_alternates(name: str, ascii_name: str, alternates: str) -> list[str]:
    """Latin-script alternate names worth matching: capitalised, not codes."""
    keep = {ascii_name} if ascii_name != name else set()
    for alt in alternates.split(","):
        if len(alt) >= 4 and not alt.isupper() and LATIN_NAME.fullmatch(alt):
            keep.add(alt)
    keep.discard(name)
    return sorted(keep)


def city_rows(shared: Path, iso3: dict[str, str], min_population: int) -> tuple[list[tuple], list[tuple]]:
    """The cities (big enough or a capital) and the towns (the other places of the extract)."""
    cities, towns = [], []
    with (shared / "corpora/geonames/cities15000.txt").open(encoding="utf-8") as f:
        for line in f:
            col = line.rstrip("\n").split("\t")
            population, code = int(col[14] or 0), col[7]
            if col[8] not in iso3:
                continue
            place = (col[0], col[1], iso3[col[8]], col[10], f"{float(col[4]):.4f}", f"{float(col[5]):.4f}",
                     str(population))
            if population < min_population and code not in CAPITAL_CODES:
                towns.append(place + (code,))
                continue
            alts = english_alternates(col[1], col[2], col[3]) if population >= ALT_MIN_POPULATION else []
            capital = "2" if code == "PPLC" else "1" if code == "PPLA" else "0"
            cities.append(place + (capital, code, "|".join(alts)))
    return cities, towns


def plain_name(name: str) -> str:
    """'Iran (Islamic Republic of)' -> 'Iran'; 'Russian Federation (the)' -> 'Russian Federation'."""
    return re.sub(r"\s*\(.*?\)|\s*\*+", "", name).strip()


def country_names(row: dict[str, str]) -> set[str]:
    names = set()
    for key in ("CLDR display name", "UNTERM English Short", "UNTERM English Formal", "official_name_en"):
        value = plain_name(row.get(key, ""))
        if value and " - " not in value:
            names.update({value, value.replace(" & ", " and ")})
    return names


def country_rows(shared: Path, cities: list[tuple]) -> list[tuple]:
    """One row per ISO country: display name (CLDR), capital coordinates, all names."""
    capitals = {c[2]: c for c in cities if c[7] == "2"}
    by_name = {(c[2], c[1]): c for c in cities}
    rows = []
    with (shared / "corpora/countries/country-codes.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            iso3 = row["ISO3166-1-Alpha-3"].strip()
            if not iso3:
                continue
            capital = capitals.get(iso3) or by_name.get((iso3, row["Capital"].strip()))
            lat, lon = (capital[4], capital[5]) if capital else ("", "")
            names = "|".join(sorted(country_names(row)))
            rows.append((iso3, row["CLDR display name"].strip(), lat, lon, names))
    return rows + missing_countries(shared, {r[0] for r in rows}, capitals)


def missing_countries(shared: Path, known: set[str], capitals: dict[str, tuple]) -> list[tuple]:
    """Current GeoNames countries that ISO does not list (Kosovo)."""
    rows = []
    for info in country_info(shared):
        capital = capitals.get(info["ISO3"])
        if info["ISO3"] not in known and capital:
            rows.append((info["ISO3"], info["Country"], capital[4], capital[5], info["Country"]))
    return rows


def write_tsv(path: Path, columns: tuple[str, ...], rows: list[tuple], *, gz: bool = False) -> None:
    """Write a TSV file; gzip'd with a fixed timestamp so that rebuilds are byte-identical."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    writer.writerow(columns)
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    path.write_bytes(gzip.compress(data, mtime=0) if gz else data)
    print(f"wrote {path.relative_to(ROOT)} ({len(rows)} rows, {path.stat().st_size:,} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--min-population", type=int, default=50_000)
    args = parser.parse_args()
    iso3 = iso2_to_iso3(args.shared)
    cities, towns = city_rows(args.shared, iso3, args.min_population)
    OUT.mkdir(parents=True, exist_ok=True)
    write_tsv(OUT / "cities.tsv.gz", CITY_COLUMNS, cities, gz=True)
    write_tsv(OUT / "towns.tsv.gz", TOWN_COLUMNS, towns, gz=True)
    write_tsv(OUT / "countries.tsv", COUNTRY_COLUMNS, country_rows(args.shared, cities))


if __name__ == "__main__":
    main()
