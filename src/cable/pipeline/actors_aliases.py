"""Short names an article gives an organisation: an acronym in parentheses and the bare first
word of a company's name.

    "the Syrian Democratic Forces (SDF) ... the SDF said"   -> SDF is the Syrian Democratic Forces
    "Iranian airline Mahan Air ... Mahan flies fighters"    -> Mahan is Mahan Air
"""

from __future__ import annotations

import re

from ..kb import KB
from .actors_mentions import Mention, covered_chars, doc_text

ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")
ORG_KINDS = ("organization", "forum", "process", "group")


def alias_mentions(doc, mentions: list[Mention], kb: KB) -> list[Mention]:
    """The mentions with every use of an organisation's acronym or short name made a mention of it.
    An acronym the KB knows ('IRGC') gives its identity to the long name instead."""
    text = doc_text(doc)
    aliases = acronyms(text, mentions) | short_names(mentions, kb)
    for alias, target in list(aliases.items()):
        known = next((m for m in mentions if m.text == alias and m.source == "kb"), None)
        if known is not None:
            copy_identity(target, known, keep_name=True)
            del aliases[alias]
    for m in mentions:
        target = aliases.get(m.text)
        if target is not None and target is not m and m.kind != "country":
            copy_identity(m, target)
    covered = covered_chars(text, mentions)
    for alias, target in aliases.items():
        for found in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
            if not any(covered[found.start():found.end()]):
                mention = Mention(found.start(), found.end(), alias, target.key, target.name, target.kind)
                copy_identity(mention, target)
                mentions.append(mention)
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def copy_identity(mention: Mention, target: Mention, keep_name: bool = False) -> None:
    """Make ``mention`` a mention of ``target``'s actor."""
    mention.key, mention.kind = target.key, target.kind
    mention.name = mention.name if keep_name else target.name
    mention.iso3, mention.sector, mention.code, mention.source = target.iso3, target.sector, target.code, "rule"


def acronyms(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """'Syrian Democratic Forces (SDF)' -> {'SDF': that mention}, when the acronym's capitals are
    initials of the name's words in order."""
    found = {}
    for m in mentions:
        if m.kind not in ORG_KINDS:
            continue
        hit = ACRONYM_AFTER.match(text, m.end)
        if hit and initials_fit(hit.group(1), m.text):
            found[hit.group(1)] = m
    return found


def initials_fit(acronym: str, name: str) -> bool:
    """'AfCFTA' fits 'African Continental Free Trade Area'; 'MDC' fits 'Movement for Democratic Change'."""
    initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w).upper()
    letters = [c for c in acronym if c.isupper()]
    it = iter(initials)
    return len(letters) >= 2 and letters[0] == initials[:1] and all(c in it for c in letters)


def short_names(mentions: list[Mention], kb: KB) -> dict[str, Mention]:
    """'Mahan Air' -> {'Mahan': it}: the first word of a name that ends in a company's or an
    organisation's head word ('Air', 'Holdings', 'Limited'), when that word is no country term
    and no person's name ('Trump' stays Trump beside the 'Trump Organization')."""
    found = {}
    name_words = {w for p in mentions if p.kind == "person" and " " in p.name for w in p.name.split()}
    for m in mentions:
        words = m.text.split()
        if m.kind != "organization" or m.source != "ner" or len(words) < 2:
            continue
        first = words[0]
        if first[:1].isupper() and kb.org_kind(words[-1]) is not None and kb.country(first) is None \
                and kb.org_kind(first) is None and not kb.is_given_name(first) \
                and first not in name_words and not kb.leaders(first):
            found.setdefault(first, m)
    return found
