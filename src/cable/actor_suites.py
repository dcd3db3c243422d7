"""Actor-resolution suites, read as cases and scored against ``cable.resolve``.

Three files are understood:

- NGEC's ``ngec_actor_resolution_cases.json`` (``{test, method, args, expect}``): the
  mention, context and date are ``args``; ``country`` / ``code_1`` / ``return[0]``
  expectations are scored, and an expectation of None is a nonsense case.
  Expectations about Wikipedia pages (``wiki``, ``title``, ...) are not scored.
- NGEC's ``ngec_co_actor_cases.json`` (``{text, answer_span, expected_actors}``): every
  expected member of the list the span belongs to must be found.
- PETRARCH-2's ``petrarch2_pytest_cases.json``: the noun-phrase cases, whose actor codes
  ("meaning") are compared with the resolved codes.

NGEC writes UN bodies' country as UNO, the EU's as EUR and other IGOs' as IGO; a resolved
IGO is compared in those terms. Every case is scored; the JSON report's ``collected`` also
scores only those NGEC's pytest runs (not xfail, skip, shadowed or uncollected ones).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .resolve import Resolution, co_actors, resolve

NGEC_FILE = "ngec_actor_resolution_cases.json"
CO_ACTOR_FILE = "ngec_co_actor_cases.json"
PETRARCH2_FILE = "petrarch2_pytest_cases.json"
NGEC_CATEGORIES = {"search_nat": "nationality", "agent_to_code": "agent", "short_text_to_agent": "agent words",
                   "trf_agent_match": "nonsense", "query_wiki": "wikipedia"}
PRONOUNS = re.compile(r"\b(he|him|himself|she|her|herself)\b", re.I)
MEASURES = ("country", "sector", "none", "members", "codes")


@dataclass
class ActorCase:
    """One case: the mention, where it stands, and what it should resolve to."""

    id: str
    suite: str
    category: str
    text: str
    context: str | None = None
    date: str | None = None
    country: tuple[str, Any] | None = None  # (op, value): Eq, NotEq
    sector: tuple[str, Any] | None = None  # (op, value): Eq, In
    expect_none: bool = False
    members: list[str] | None = None
    codes: list[str] | None = None
    status: str = "collected"  # collected | xfail | skip | not collected | shadowed


# --- readers -------------------------------------------------------------------------------

def read_actor_suite(path: str | Path) -> list[ActorCase]:
    """The cases of one suite file, or of every suite file under a folder."""
    path = Path(path)
    if path.is_dir():
        files = [f for name in (NGEC_FILE, CO_ACTOR_FILE, PETRARCH2_FILE) for f in sorted(path.rglob(name))]
        if not files:
            raise FileNotFoundError(f"no actor suite under {path}")
        return [case for f in files for case in read_actor_suite(f)]
    readers: dict[str, Callable[[Path], list[ActorCase]]] = {
        NGEC_FILE: read_ngec_cases, CO_ACTOR_FILE: read_co_actor_cases, PETRARCH2_FILE: read_petrarch2_actor_cases}
    reader = readers.get(path.name)
    if reader is None:
        raise ValueError(f"{path}: not an actor suite ({', '.join(readers)})")
    return reader(path)


def read_ngec_cases(path: Path) -> list[ActorCase]:
    """NGEC's resolution cases; ``args`` are (text, context, date)."""
    cases = []
    for n, raw in enumerate(json.loads(path.read_text(encoding="utf-8")), 1):
        args = list(raw["args"]) + ["", ""]
        case = ActorCase(f"{raw['test']}#{n}", "ngec", NGEC_CATEGORIES.get(raw["method"], raw["method"]),
                         args[0], args[1] or None, ngec_date(args[2]), status=_status(raw))
        for e in raw["expect"]:
            _expect(case, e)
        if case.expect_none:
            case.category = "nonsense"
        cases.append(case)
    return cases


def _expect(case: ActorCase, e: dict[str, Any]) -> None:
    field_, op, value = e["field"], e["op"], e["value"]
    if field_ in ("country", "return[0]") and case.country is None:
        case.country = (op, value or None)
    elif field_ == "code_1" and case.sector is None:
        case.sector = (op, value or None)
    elif field_ is None and value is None:
        case.expect_none = True


def _status(raw: dict[str, Any]) -> str:
    if raw.get("shadowed"):
        return "shadowed"
    if raw.get("note"):
        return "not collected"
    marks = raw.get("marks") or []
    return marks[0].split(":")[0] if marks else "collected"


def ngec_date(text: str | None) -> str | None:
    """ISO date of NGEC's date argument ('2022-01-01', 'October 1, 2021', '10 May 2015');
    'Today' and blanks give None."""
    text = (text or "").strip()
    for form in ("%Y-%m-%d", "%B %d, %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text.title() if "%B" in form else text, form).date().isoformat()
        except ValueError:
            continue
    return None


def read_co_actor_cases(path: Path) -> list[ActorCase]:
    """NGEC's co-actor cases; a case without a span or expected members scores nothing."""
    cases = []
    for n, raw in enumerate(json.loads(path.read_text(encoding="utf-8")), 1):
        cases.append(ActorCase(f"{raw['test']}#{n}", "ngec-co-actors", "co-actors", raw.get("answer_span") or "",
                               raw.get("text"), members=raw.get("expected_actors")))
    return cases


def read_petrarch2_actor_cases(path: Path) -> list[ActorCase]:
    """PETRARCH-2's noun-phrase cases. The phrase is the pronoun of a sentence with one
    ('Obama said he was tired'); a text whose words differ from its parse is read from the parse."""
    from .suites.petrarch2_cases import LEAF, read_petrarch2_cases

    cases = []
    for record in read_petrarch2_cases(path):
        if record.kind != "actors":
            continue
        text = record.text
        if record.extra.get("text_differs_from_parse"):
            text = _parse_words(LEAF.findall(record.parse or ""), text)
        date = record.date or _mmddyy(record.extra.get("date_raw"))
        pronoun = PRONOUNS.search(text)
        mention, context = (pronoun.group(), text) if pronoun else (text, None)
        cases.append(ActorCase(record.id, "petrarch2", "noun phrase", mention, context, date,
                               codes=list(record.extra["actors"])))
    return cases


def _parse_words(leaves: list[str], text: str) -> str:
    """The words of a parse in the case of the text where they match it, else capitalised."""
    cased = {w.lower(): w for w in re.findall(r"[\w']+", text)}
    return " ".join(cased.get(w.lower(), w.capitalize()) for w in leaves)


def _mmddyy(raw: str | None) -> str | None:
    if raw and re.fullmatch(r"\d{6}", raw):
        return dt.date(2000 + int(raw[4:]), int(raw[:2]), int(raw[2:4])).isoformat()
    return None


# --- scoring -------------------------------------------------------------------------------

@dataclass
class Tally:
    """Cases scored and passed for each measure."""

    scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))
    passed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))

    def add(self, measure: str, ok: bool) -> None:
        self.scored[measure] += 1
        self.passed[measure] += int(ok)

    def share(self, measure: str) -> float | None:
        n = self.scored[measure]
        return round(self.passed[measure] / n, 4) if n else None

    def to_json(self) -> dict:
        return {m: {"scored": self.scored[m], "passed": self.passed[m], "share": self.share(m)}
                for m in MEASURES if self.scored[m]}


@dataclass
class CaseResult:
    case: ActorCase
    got: Resolution | None
    members: list[Resolution] | None
    passed: dict[str, bool]

    def to_json(self) -> dict:
        out = {"id": self.case.id, "suite": self.case.suite, "category": self.case.category,
               "text": self.case.text, "status": self.case.status, "passed": self.passed,
               "got": self.got.to_json() if self.got else None}
        if self.members is not None:
            out["members"] = [m.name for m in self.members]
        return out


@dataclass
class ActorReport:
    results: list[CaseResult]

    def tally(self, keep: Callable[[CaseResult], bool] = lambda r: True) -> Tally:
        tally = Tally()
        for r in self.results:
            if keep(r):
                for measure, ok in r.passed.items():
                    tally.add(measure, ok)
        return tally

    def groups(self) -> dict[str, Tally]:
        names = dict.fromkeys(f"{r.case.suite}/{r.case.category}" for r in self.results)
        return {n: self.tally(lambda r, n=n: f"{r.case.suite}/{r.case.category}" == n) for n in names}

    def suites(self) -> dict[str, Tally]:
        names = dict.fromkeys(r.case.suite for r in self.results)
        return {n: self.tally(lambda r, n=n: r.case.suite == n) for n in names}

    def to_json(self) -> dict:
        return {"cases": len(self.results),
                "suites": {n: t.to_json() for n, t in self.suites().items()},
                "collected": self.tally(lambda r: r.case.status == "collected").to_json(),
                "categories": {n: t.to_json() for n, t in self.groups().items()},
                "results": [r.to_json() for r in self.results]}

    def table(self) -> str:
        """One row per suite and per category: cases, then passed/scored and share of each
        measure ('-' where the cases score nothing of that kind, as Wikipedia lookups)."""
        counts: dict[str, int] = {}
        for r in self.results:
            for name in (r.case.suite, f"{r.case.suite}/{r.case.category}"):
                counts[name] = counts.get(name, 0) + 1
        lines = [f"{'':30} {'cases':>5} {'country':>13} {'sector':>13} {'none':>11} {'members':>11} {'codes':>11}"]
        rows = list(self.suites().items()) + list(self.groups().items())
        for name, t in rows:
            cells = [f"{t.passed[m]}/{t.scored[m]} {t.share(m):.0%}" if t.scored[m] else "-" for m in MEASURES]
            label = name if "/" not in name else "  " + name
            lines.append(f"{label:30} {counts[name]:>5} {cells[0]:>13} {cells[1]:>13} {cells[2]:>11} "
                         f"{cells[3]:>11} {cells[4]:>11}")
        return "\n".join(lines)


def evaluate_actors(cases: Iterable[ActorCase], *, nlp=None) -> ActorReport:
    """Resolve every case and score it."""
    return ActorReport([score_case(case, nlp) for case in cases])


def score_case(case: ActorCase, nlp=None) -> CaseResult:
    if case.members is not None or case.codes is not None:
        return _score_members(case, nlp)
    got = resolve(case.text, context=case.context, date=case.date, nlp=nlp)
    passed: dict[str, bool] = {}
    if case.country is not None:
        op, value = case.country
        passed["country"] = (ngec_country(got) == value) == (op == "Eq")
    if case.sector is not None:
        op, value = case.sector
        sector = got.sector if got else None
        passed["sector"] = sector in value if op == "In" else (sector == value) == (op == "Eq")
    if case.expect_none:
        passed["none"] = got is None
    return CaseResult(case, got, None, passed)


def _score_members(case: ActorCase, nlp) -> CaseResult:
    context = case.context or case.text
    members = co_actors(case.text, context=context, date=case.date, nlp=nlp) if case.text else []
    passed: dict[str, bool] = {}
    if case.members:
        passed["members"] = all(any(_same_actor(name, m) for m in members) for name in case.members)
    if case.codes is not None:
        passed["codes"] = sorted(m.code or "" for m in members) == sorted(case.codes)
    return CaseResult(case, members[0] if members else None, members, passed)


def _same_actor(name: str, found: Resolution) -> bool:
    """An expected member's name fits a found actor when either holds the other's words
    ('British Prime Minister Boris Johnson' and 'Boris Johnson'), or both name one country."""
    want, got = set(re.findall(r"\w+", name.lower())), set(re.findall(r"\w+", found.name.lower()))
    if want and got and (want <= got or got <= want):
        return True
    from .kb import load_kb

    iso3 = load_kb().country(name)
    return iso3 is not None and iso3 == found.country and found.kind == "country"


def ngec_country(got: Resolution | None) -> str | None:
    """The country as NGEC writes it: ISO3, or UNO / EUR / IGO for intergovernmental bodies."""
    if got is None:
        return None
    if got.country:
        return got.country
    code = got.code or ""
    if got.sector == "IGO" or code.startswith("IGO"):
        return "UNO" if code.startswith("IGOUNO") else "EUR" if code.startswith("IGOEUR") else "IGO"
    return None
