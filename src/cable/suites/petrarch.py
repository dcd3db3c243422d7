"""PETRARCH validation XML: ``<Validation><Environment>...<Sentences><Sentence>``.

Each ``<Sentence date id category>`` holds ``<EventCoding sourcecode targetcode
eventcode>`` elements (or one ``noevents="True"``, or ``error="..."`` for a
record that must be discarded), a ``<Text>`` and a gold Treebank ``<Parse>``.
The ``<Environment>`` names the dictionaries the suite is coded with. A file
without ``<EventCoding>`` elements (PETRARCH batch input) is read as records to
code, not to check.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import InputError
from .base import GoldEvent, SuiteRecord, iso_date, squash

ENVIRONMENT_FILES = ("Verbfile", "Actorfile", "Agentfile", "Discardfile", "PICOfile")


def read_petrarch(path: Path) -> list[SuiteRecord]:
    """Every ``<Sentence>`` of a PETRARCH XML file, in file order.

    ``<Config option=... value=...>`` lines between sentences go with the next
    record as ``extra["config"]``; the coder applies them from that record on.
    """
    sentences, records, pending = [], [], []
    for element in _parse(path).iter():
        if element.tag == "Config":
            pending.append((element.get("option", "").strip(), element.get("value", "").strip()))
        elif element.tag == "Sentence":
            record = sentence_record(element, len(records) + 1)
            if pending:
                record.extra["config"], pending = pending, []
            sentences.append(element)
            records.append(record)
    if not any(s.find("EventCoding") is not None for s in sentences):
        for record in records:
            record.kind, record.extra["skip"] = "none", "no EventCoding: input to code"
    return records


def sentence_record(sentence: ET.Element, number: int) -> SuiteRecord:
    """One ``<Sentence>`` element as a suite record."""
    attrs = {k.strip(): v.strip() for k, v in sentence.attrib.items()}
    gold, expect = _codings(sentence.findall("EventCoding"))
    notes = [squash(c.text) for c in sentence if c.tag is ET.Comment]
    extra = {k: v for k, v in attrs.items() if k not in ("id", "date", "category")}
    extra.update(expect=expect, date_raw=attrs.get("date"))
    if notes:
        extra["notes"] = notes
    parse = (sentence.findtext("Parse") or "").strip()
    if parse and not parse.startswith("("):
        extra["parse_format"] = "conllu"
    return SuiteRecord(
        id=attrs.get("id") or f"sentence-{number}",
        date=iso_date(attrs.get("date")),
        text=squash(sentence.findtext("Text")),
        category=attrs.get("category") or "",
        gold=gold,
        parse=parse or None,
        extra=extra,
    )


def _codings(codings: list[ET.Element]) -> tuple[list[GoldEvent], str]:
    """The gold events and what is expected: "events", "none", or the error kind."""
    gold = []
    for coding in codings:
        attrs = {k.strip(): v for k, v in coding.attrib.items()}
        if "noevents" in attrs:
            return [], "none"
        if "error" in attrs:
            return [], attrs["error"].strip() or "error"
        gold.append(GoldEvent(attrs.get("sourcecode", "").strip(), attrs.get("targetcode", "").strip(),
                              attrs.get("eventcode", "").strip()))
    return gold, "events" if gold else "none"


def environment_files(path: Path) -> list[str]:
    """Dictionary file names the ``<Environment>`` block names, verbs first."""
    env = _parse(path).find("Environment")
    if env is None:
        return []
    return [name for tag in ENVIRONMENT_FILES for e in env.findall(tag) if (name := (e.text or "").strip())]


def _parse(path: Path) -> ET.Element:
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    try:
        return ET.parse(path, parser=parser).getroot()
    except ET.ParseError as e:
        raise InputError(f"{path}: is not well-formed XML ({e}); check the file is a complete PETRARCH "
                         "record file") from None
