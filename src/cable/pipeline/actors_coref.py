"""In-document coreference for people: surnames, pronouns and 'the envoy'.

    "Ri" after "Ri Gun"          -> Ri Gun (a first or last name part of a full name)
    "Kim's regime"               -> the last full name before it with that part
    "she said" after Susan Shirk -> the nearest earlier person of a fitting gender
    "the envoy"                  -> the latest person whose title has that head word
"""

from __future__ import annotations

import bisect

from ..kb import KB, norm_key
from .actors_entities import NAME_PARTICLES
from .actors_mentions import Mention, covered_chars, doc_text

PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
            "she": "f", "her": "f", "hers": "f", "herself": "f"}
MAX_SENTENCES_BACK = 6
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def name_parts(full: list[Mention]) -> dict[str, list[Mention]]:
    """First and last name words of full-name mentions (and the next-to-last of a longer name,
    the first surname of 'Ricardo Rosselló Nevares') -> those mentions, in text order."""
    parts: dict[str, list[Mention]] = {}
    for m in full:
        words = m.name.split()
        keys = {norm_key(words[0]), norm_key(words[-1])}
        if len(words) > 2 and len(words[-2].rstrip(".")) > 1 and words[-2].lower() not in NAME_PARTICLES:
            keys.add(norm_key(words[-2]))
        for word in keys:
            parts.setdefault(word, []).append(m)
    return parts


def merge_name_variants(persons: list[Mention]) -> None:
    """A full name whose words all occur, in order, in a longer name of the article is that
    person: 'Robert Mugabe' in 'Robert Gabriel Mugabe', 'Pedro Pierluisi' in 'Pedro R.
    Pierluisi Urrutia', 'Rivera Schatz' in 'Thomas Rivera Schatz'."""
    names = {m.name: norm_key(m.name).split() for m in persons if " " in m.name}
    longest = sorted(names, key=lambda n: -len(names[n]))
    merged: dict[str, str] = {}
    for name, words in names.items():
        merged[name] = next((other for other in longest if len(names[other]) > len(words) and
                             _in_order(words, names[other]) and
                             (words[0] == names[other][0] or words == names[other][-len(words):])), name)
    keys = {m.name: m.key for m in persons if m.name in names}
    for m in persons:
        if merged.get(m.name, m.name) != m.name:
            m.key, m.name = keys[merged[m.name]], merged[m.name]


def _in_order(words: list[str], other: list[str]) -> bool:
    it = iter(other)
    return all(w in it for w in words)


def nearest(candidates: list[Mention], offset: int) -> Mention | None:
    """The person a bare name part at ``offset`` stands for: of the full names before it
    (else after it), the latest; but when people share a surname ('Grace Mugabe' and
    'Robert Mugabe'), the most salient: the one named most often, then named first."""
    before = [m for m in candidates if m.start < offset] or candidates
    if not before:
        return None
    counts: dict[str, int] = {}
    for m in candidates:
        counts[m.key] = counts.get(m.key, 0) + 1
    if len({m.key for m in before}) == 1 or len({norm_key(m.name.split()[-1]) for m in before}) > 1:
        return before[-1]
    return min(before, key=lambda m: (-counts[m.key], m.start))


def merge_short_names(persons: list[Mention], others: list[Mention]) -> None:
    """Give a one-word mention ('Flake', 'Kim', or 'Trump' that NER called an organisation)
    the key of the full name it shortens, or of the same word NER called a person elsewhere."""
    full = [m for m in persons if len(m.name.split()) > 1]
    parts = name_parts(full)
    alone = {norm_key(m.name): m for m in persons if len(m.name.split()) == 1}
    for m in persons + [o for o in others if o.single]:
        if len(m.name.split()) == 1:
            target = nearest(parts.get(norm_key(m.name), []), m.start) or alone.get(norm_key(m.name))
            if target is not None and target is not m:
                m.key, m.name, m.kind, m.source = target.key, target.name, "person", "coref"
                m.iso3 = m.sector = m.code = None


def surname_mentions(doc, persons: list[Mention], taken: list[Mention]) -> list[Mention]:
    """Runs of proper nouns outside any mention that are a person's full name or one of its
    name parts ('Ri', 'Bosworth'), whatever label NER gave them."""
    full = [m for m in persons if len(m.name.split()) > 1]
    keys = {norm_key(m.name): m for m in full}
    parts = name_parts(full)
    out = []
    text = doc_text(doc)
    for run in _proper_runs(doc, covered_chars(text, taken)):
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        whole = keys.get(norm_key(text[start:end]))
        if whole is not None:
            out.append(Mention(start, end, text[start:end], whole.key, whole.name, "person", source="coref"))
            continue
        for tok in run:
            target = nearest(parts.get(norm_key(tok.text), []), tok.idx)
            if target is not None:
                out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, target.key, target.name,
                                   "person", source="coref"))
    return out


def _proper_runs(doc, covered: bytearray) -> list[list]:
    """Consecutive capitalised proper nouns that no mention covers."""
    runs: list[list] = []
    for tok in doc:
        if not covered[tok.idx] and _name_like(tok):
            if runs and runs[-1][-1].i == tok.i - 1:
                runs[-1].append(tok)
            else:
                runs.append([tok])
    return runs


def _name_like(tok) -> bool:
    """A capitalised word that may be a name: a proper noun, or any word capitalised
    inside a sentence ('said Flake', which the tagger may call a noun)."""
    if len(tok.text) < 2 or not tok.text[:1].isupper() or tok.text.isupper():
        return False
    return tok.pos_ == "PROPN" or (not tok.is_sent_start and tok.pos_ in ("NOUN", "ADJ", "VERB"))


def pronoun_mentions(doc, persons: list[Mention], genders: dict[str, str | None]) -> list[Mention]:
    """He/she/his/her -> a person of a fitting gender within a few sentences: in the
    pronoun's sentence, the subject before it ('X met Y, where he ...' -> X), else the
    latest person; failing that, the subject of the sentence before, else its latest
    person, and so on back. ``genders`` (person key -> 'f'|'m'|None) learns from each."""
    out: list[Mention] = []
    ordered = sorted(persons, key=lambda m: m.start)
    sentence_starts = [s.start_char for s in doc.sents]
    for tok in doc:
        gender = PRONOUNS.get(tok.lower_)
        if gender is None or tok.pos_ != "PRON":
            continue
        horizon = _horizon(sentence_starts, tok.idx)
        earlier = [m for m in ordered + out if horizon <= m.start < tok.idx
                   and genders.get(m.key) in (None, gender) and not _bound(doc, tok, m)]
        target = _antecedent_of(doc, earlier, sentence_starts)
        if target is not None:
            genders[target.key] = gender
            out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, target.key, target.name,
                               "person", source="coref"))
    return out


def _antecedent_of(doc, earlier: list[Mention], sentence_starts: list[int]) -> Mention | None:
    """In the latest sentence with a candidate: its latest subject, else its latest mention."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in earlier:
        by_sentence.setdefault(bisect.bisect_right(sentence_starts, m.start), []).append(m)
    if not by_sentence:
        return None
    found = sorted(by_sentence[max(by_sentence)], key=lambda m: m.start)
    subjects = [m for m in found if _is_subject(doc, m)]
    return (subjects or found)[-1]


def _is_subject(doc, m: Mention) -> bool:
    """A mention that is a clause's subject, or joined to one ('she and her husband')."""
    token = _root_token(doc, m)
    while token is not None and token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token is not None and token.dep_ in SUBJECT_DEPS


def _bound(doc, pronoun, m: Mention) -> bool:
    """'Y told him': an object pronoun is not the subject of its own verb."""
    if pronoun.dep_ not in ("dobj", "dative", "pobj") or pronoun.lower_.endswith("self"):
        return False
    token = _root_token(doc, m)
    verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
    return token is not None and token.dep_ in SUBJECT_DEPS and token.head.i == verb.i


def _root_token(doc, m: Mention):
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None else None


def _horizon(sentence_starts: list[int], offset: int) -> int:
    before = [s for s in sentence_starts if s <= offset]
    return before[-MAX_SENTENCES_BACK] if len(before) >= MAX_SENTENCES_BACK else 0


def title_noun_mentions(doc, persons: list[Mention], titles: dict[str, list[str]], kb: KB,
                        taken: list[Mention]) -> list[Mention]:
    """'the envoy', 'the minister' -> the latest person whose title ends in that word (not 'the
    official process', where the word modifies a noun)."""
    out = []
    covered = covered_chars(doc_text(doc), taken)
    for tok in doc:
        if not kb.is_title_word(tok.text) or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
            continue
        if tok.dep_ in ("appos", "attr", "compound") or covered[tok.idx]:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.pos_ in ("PROPN", "NOUN", "ADJ") or nxt.lower_ == "of"):
            continue
        candidates = [m for m in persons if m.start < tok.idx and
                      any(kb.title_head(t) == tok.lower_ for t in titles.get(m.key, []))]
        if candidates:
            target = candidates[-1]
            start = doc[tok.i - 1].idx
            out.append(Mention(start, tok.idx + len(tok.text), doc_text(doc)[start:tok.idx + len(tok.text)],
                               target.key, target.name, "person", source="coref"))
    return out


def first_name_gender(name: str, kb: KB) -> str | None:
    words = name.split()
    return kb.gender(words[0]) if len(words) > 1 else None
