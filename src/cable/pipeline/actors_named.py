"""Named organisations and people the actor dictionaries know: 'Hezbollah' (LBN REB),
'the Knesset' (ISR LEG), 'Carl XVI Gustaf' (SWE GOV from 1973), dated by the article.

A mention the text and the KB's other tables leave without a country or sector takes
the dictionary's code (for a person, the KB's leaders table, whose dates are later, has
the last word); a capitalised name that NER missed becomes a mention when the
dictionaries hold it as an organisation or person (not as a bare country or city).
"""

from __future__ import annotations

from ..kb import KB, norm_key
from .actors_mentions import Mention, covered_chars, doc_text, person_key

NAME_JOINERS = frozenset({"of", "the", "for", "and", "'s", "’s", "-"})


def named_facts(mentions: list[Mention], kb: KB, day: str | None) -> None:
    """Country, sector and code from the dictionaries for mentions that have none."""
    for m in mentions:
        if m.iso3 or m.sector or m.code or m.kind not in ("organization", "person", "group", "forum"):
            continue
        code = kb.named_code(m.text, day) or (kb.named_code(m.name, day) if m.name != m.text else None)
        if code:
            _apply(m, code, kb)


def _apply(m: Mention, code: str, kb: KB) -> None:
    """Country and sector from a code; a code without a country ('IGOUNO') is kept whole,
    one that says neither is ignored."""
    iso3, sector = kb.split_code(code)
    if iso3 is None and sector is None:
        return
    m.iso3, m.sector = iso3, sector
    if iso3 is None:
        m.code = code


def dictionary_mentions(doc, kb: KB, taken: list[Mention], day: str | None) -> list[Mention]:
    """Capitalised names no other mention covers that the dictionaries know as an
    organisation or a person: the longest known stretch of each run of names."""
    out = []
    text = doc_text(doc)
    covered = covered_chars(text, taken)
    for run in _name_runs(doc):
        for start, end in _stretches(run):
            if any(covered[t.idx] for t in run[start:end]):
                continue
            first, last = run[start], run[end - 1]
            surface = text[first.idx:last.idx + len(last.text)]
            mention = _named_mention(first.idx, surface, end - start, kb, day)
            if mention is None:
                continue
            out.append(mention)
            covered[first.idx:mention.end] = b"\x01" * (mention.end - first.idx)
            break
    return out


def _named_mention(start: int, surface: str, size: int, kb: KB, day: str | None) -> Mention | None:
    """A mention for a name the dictionaries hold as an organisation or person, or that is
    the full name of a leader the KB knows; None for other names, countries and places."""
    first = surface.split()[0]
    if kb.country(surface) or kb.place_country(surface) or kb.is_title_word(first) or kb.is_title_modifier(first):
        return None
    code = kb.named_code(surface, day)
    if code is not None and len(code) > 3:
        person = size > 1 and kb.is_given_name(surface.split()[0])
        key = f"person:{person_key(surface)}" if person else f"org:{norm_key(surface)}"
        mention = Mention(start, start + len(surface), surface, key, surface, "person" if person else "organization")
        _apply(mention, code, kb)
        return mention
    if size > 1 and kb.leaders(surface):
        return Mention(start, start + len(surface), surface, f"person:{person_key(surface)}", surface, "person")
    return None


def _name_runs(doc) -> list[list]:
    """Runs of capitalised tokens (with 'of', 'the', hyphens inside), each a list of tokens."""
    runs, run = [], []
    for token in doc:
        capital = token.text[:1].isupper() and (token.pos_ in ("PROPN", "NOUN", "ADJ") or token.is_upper)
        if capital or (run and token.lower_ in NAME_JOINERS):
            run.append(token)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    return [_trim(r) for r in runs if _trim(r)]


def _trim(run: list) -> list:
    while run and run[-1].lower_ in NAME_JOINERS:
        run = run[:-1]
    return run


def _stretches(run: list) -> list[tuple[int, int]]:
    """(start, end) token bounds inside a run, longest first."""
    n = len(run)
    return [(i, i + size) for size in range(n, 0, -1) for i in range(n - size + 1)
            if run[i].lower_ not in NAME_JOINERS and run[i + size - 1].lower_ not in NAME_JOINERS]
