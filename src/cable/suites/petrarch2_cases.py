"""PETRARCH-2's unit cases, as data: ``[{test, text, parse, date, assertions, ...}]``.

Three kinds: full sentences whose ``events`` are asserted (kind ``events``),
noun phrases whose "meaning" (actor codes) is asserted (kind ``actors``; a
case with ``subcases`` gives one record per date), and checks of the
dictionary reader or the version, which code nothing (kind ``none``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .base import GoldEvent, SuiteRecord, iso_date

LEAF = re.compile(r"\(\s*[^\s()]+\s+([^\s()]+)\s*\)")


def read_petrarch2_cases(path: Path) -> list[SuiteRecord]:
    """One record per case (per subcase for the dated ones), in file order."""
    records: list[SuiteRecord] = []
    for case in json.loads(path.read_text(encoding="utf-8")):
        records.extend(case_records(case))
    return records


def case_records(case: dict[str, Any]) -> list[SuiteRecord]:
    """The records of one case."""
    if "subcases" in case:
        return [_record(case, f"{case['test']}-{sub['date']}", sub["date"], "actors",
                        actors=sub["expected_meaning"]) for sub in case["subcases"]]
    events = _asserted(case, '["events"]')
    if events is not None:
        record = _record(case, case["test"], case.get("date"), "events")
        record.gold = [GoldEvent(*map(str, e)) for e in events]
        return [record]
    meaning = _asserted(case, "get_meaning()")
    if meaning is not None:
        return [_record(case, case["test"], case.get("date"), "actors", actors=meaning)]
    return [_record(case, case["test"], case.get("date"), "none",
                    skip="checks the dictionary reader or the version, codes nothing")]


CATEGORIES = {"events": "EVENT", "actors": "ACTOR", "none": "DICTIONARY"}


def _record(case: dict[str, Any], record_id: str, date: str | None, kind: str, **extra: Any) -> SuiteRecord:
    extra.update(assertions=case.get("assertions", []), dictionaries=case.get("dictionaries"), date_raw=date)
    if parse_differs(case):
        extra["text_differs_from_parse"] = True
    return SuiteRecord(id=record_id, date=iso_date(date), text=case.get("text", ""),
                       category=CATEGORIES[kind], parse=case.get("parse"), extra=extra, kind=kind)


def _asserted(case: dict[str, Any], lhs_part: str) -> Any:
    """The value asserted for the first left-hand side that contains ``lhs_part``."""
    for assertion in case.get("assertions", []):
        if lhs_part in assertion["lhs"]:
            return assertion["value"]
    return None


def parse_differs(case: dict[str, Any]) -> bool:
    """True when the words of the parse are not the words of the text (an error in the case)."""
    if not case.get("parse") or not case.get("text"):
        return False
    leaves = [w.lower() for w in LEAF.findall(case["parse"])]
    words = re.findall(r"\w+", case["text"].lower())
    return [w for w in leaves if re.match(r"\w", w)] != words
