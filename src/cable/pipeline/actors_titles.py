"""Titles of people as the text gives them, with the organisation and country they imply.

    Chinese Premier Wen Jiabao                   -> Premier (China)
    then lead negotiator Chris Hill              -> lead negotiator
    the State Department's Sung Kim              -> (State Department)
    Ri Gun, North Korea's nuclear negotiator     -> nuclear negotiator (North Korea)
    X, executive director of the Y Foundation    -> executive director (Y Foundation)
    leaving X as the head of the U.S. delegation -> head of delegation (U.S. delegation)
    a think tank run by X                        -> head (the think tank's organisation)
    X represented the Pentagon                   -> representative (Pentagon)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kb import KB, strip_name
from .actors_mentions import Mention, doc_text

ROLE_VERBS = {"run": "head", "headed": "head", "led": "leader", "chaired": "chair",
              "founded": "founder", "directed": "director"}
NP_END = {"which", "who", "whom", "whose", "that", "where", "when", "while", "as", "but"}
DETERMINERS = {"the", "a", "an"}


@dataclass
class TitleFact:
    title: str  # "" when the text only ties the person to an organisation
    organization: str | None
    iso3: str | None
    sector: str | None


class MentionIndex:
    """Find the mention at a character offset."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = sorted(mentions, key=lambda m: m.start)

    def covering(self, offset: int) -> Mention | None:
        return next((m for m in self.mentions if m.start <= offset < m.end), None)

    def ending_at(self, offset: int) -> Mention | None:
        return next((m for m in self.mentions if m.end == offset), None)


def person_titles(doc, person: Mention, index: MentionIndex, kb: KB) -> list[TitleFact]:
    """Every title the text gives the person at this mention."""
    span = doc.char_span(person.start, person.end, alignment_mode="expand")
    if span is None:
        return []
    facts = [premodifier_title(doc, span, index, kb), appositive_title(doc, span, index, kb),
             role_verb_title(doc, span, index, kb), represented_title(span, index)]
    return [f for f in facts if f is not None]


def premodifier_title(doc, span, index: MentionIndex, kb: KB) -> TitleFact | None:
    """Title words, and a country or possessive organisation, right before the name
    ('Chinese Premier X', 'the Italian foreign minister, X', 'US Ambassador to Germany X')."""
    i = span.start - 1
    if i > 0 and doc[i].text == "," and kb.is_title_word(doc[i - 1].text):
        i -= 1
    words, org = _words_before(doc, i, index, kb)
    while words and not kb.is_title_word(words[0].text) and not kb.is_title_modifier(words[0].text):
        words.pop(0)
    if words and not (kb.is_title_word(words[-1].text) or words[-1].text[:1].isupper()):
        words = []
    if not words and org is None:
        return None
    return _fact(" ".join(t.text for t in words if t.lower_ != "then"), org, None, kb)


def _words_before(doc, i: int, index: MentionIndex, kb: KB) -> tuple[list, Mention | None]:
    """Walk left from token ``i`` over title words; stop at a country or organisation
    (kept as the organisation) unless it follows 'ambassador to'."""
    words: list = []
    while i >= 0:
        tok = doc[i]
        covering = index.covering(tok.idx)
        if covering is not None and covering.kind != "person":
            first = _token_after(doc, covering.start)
            if first > 1 and doc[first - 1].lower_ == "to" and kb.is_title_word(doc[first - 2].text):
                words[:0] = list(doc[first - 1:i + 1])
                i = first - 2
                continue
            return words, covering
        if tok.text in ("'s", "’s"):
            owner = index.ending_at(tok.idx)
            return words, owner if owner is not None and owner.kind != "person" else None
        if not _title_token(tok, kb, bool(words)):
            break
        words.insert(0, tok)
        i -= 1
    return words, None


def _title_token(tok, kb: KB, inside: bool) -> bool:
    low = tok.lower_
    if kb.is_title_word(low) or kb.is_title_modifier(low) or low == "then":
        return True
    if low == "of" and inside:
        return True
    return inside and tok.text.islower() and tok.pos_ in ("ADJ", "NOUN") and tok.dep_ in ("amod", "compound")


def appositive_title(doc, span, index: MentionIndex, kb: KB) -> TitleFact | None:
    """'<name>, the director of X', '<name> is the Y's Z', '<name> as the head of X'."""
    comma = span.end < len(doc) and doc[span.end].text in (",", "—", "–", "(")
    k = span.end + comma
    if k + 1 < len(doc) and doc[k].lower_ == "who" and doc[k + 1].lower_ in ("is", "was"):
        k += 2
    elif not comma:
        if k >= len(doc) or doc[k].lower_ not in ("is", "was", "as"):
            return None
        k += 1
    return np_title(doc, k, index, kb)


def np_title(doc, k: int, index: MentionIndex, kb: KB) -> TitleFact | None:
    """The title in the noun phrase starting at token ``k``."""
    if k < len(doc) and doc[k].lower_ in DETERMINERS:
        k += 1
    org = None
    lead = index.covering(doc[k].idx) if k < len(doc) else None
    if lead is not None and lead.kind != "person" and lead.start == doc[k].idx:
        k = _token_after(doc, lead.end)
        if k < len(doc) and doc[k].text in ("'s", "’s"):
            k += 1
        org = lead
    head, j = None, k
    while j < len(doc) and (kb.is_title_word(doc[j].text) or kb.is_title_modifier(doc[j].text)
                            or (doc[j].pos_ == "ADJ" and doc[j].text.islower())):
        head = j if kb.is_title_word(doc[j].text) else head
        j += 1
    if head is None:
        return None
    title = " ".join(t.text for t in doc[k:head + 1] if t.i == head or not _stray_title_word(t, kb))
    nxt = head + 1
    if nxt < len(doc) and doc[nxt].lower_ in ("of", "at", "for") and org is None:
        return _of_phrase(doc, title, nxt, index, kb)
    return _fact(title, org, None, kb)


def _stray_title_word(tok, kb: KB) -> bool:
    """'official' in 'the official head': a title word used as a plain adjective."""
    return tok.pos_ == "ADJ" and kb.is_title_word(tok.text) and not kb.is_title_modifier(tok.text)


def _of_phrase(doc, title: str, prep: int, index: MentionIndex, kb: KB) -> TitleFact:
    """The phrase after the title's preposition (token ``prep``): 'director of University of
    X's Institute', 'head of the U.S. delegation to Y', 'Secretary of State'."""
    k = end = prep + 1
    joined = f"{title} {doc[prep].lower_}"
    while end < len(doc) and not _ends_np(doc, end):
        end += 1
    tokens = [t for t in doc[k:end]]
    if tokens and tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    if not tokens:
        return _fact(title, None, None, kb)
    text = strip_name(doc_text(doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1])])
    org = index.covering(tokens[0].idx)
    if org is not None and org.kind != "person" and org.end > tokens[-1].idx:
        return _fact(title, org, None, kb)
    proper = [t for t in tokens if t.text[:1].isupper()]
    if not proper:
        return _fact(f"{joined} {text}", None, None, kb)
    noun = next((t for t in tokens if t.pos_ == "NOUN" and t.text.islower()), None)
    if noun is not None:
        return _fact(f"{joined} {noun.text}", None, text, kb)
    capitalised = all(t.text[:1].isupper() or t.lower_ in ("of", "and") for t in tokens)
    if title[:1].isupper() and capitalised and not kb.countries_in(text) and kb.org_kind(text) is None:
        return _fact(f"{joined} {text}", None, None, kb)
    return _fact(title, None, text, kb)


def _ends_np(doc, i: int) -> bool:
    """Where a noun phrase after 'of' stops: punctuation, a verb, a relative pronoun, or
    'and' before a lower-case word."""
    tok = doc[i]
    if tok.lower_ == "and":
        return i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper()
    return (tok.is_punct and tok.text not in ("’s", "'s", "-", "&")) or tok.lower_ in NP_END \
        or tok.pos_ in ("VERB", "AUX")


def _token_after(doc, offset: int) -> int:
    """Index of the first token at or after a character offset."""
    return next((tok.i for tok in doc if tok.idx >= offset), len(doc))


def role_verb_title(doc, span, index: MentionIndex, kb: KB) -> TitleFact | None:
    """'<organisation>, a think tank run by <name>' -> head of the organisation."""
    i = span.start
    if i < 2 or doc[i - 1].lower_ != "by" or doc[i - 2].lower_ not in ROLE_VERBS:
        return None
    verb = doc[i - 2]
    noun = verb.head
    while noun.dep_ == "appos" and noun.head is not noun:
        noun = noun.head
    org = index.covering(noun.idx)
    if org is None or org.kind == "person":
        return None
    return _fact(ROLE_VERBS[verb.lower_], org, None, kb)


def represented_title(span, index: MentionIndex) -> TitleFact | None:
    """'<name> represented the Pentagon' -> representative of the Pentagon."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "represent":
        return None
    obj = next((c for c in root.head.children if c.dep_ == "dobj"), None)
    org = index.covering(obj.idx) if obj is not None else None
    if org is None or org.kind == "person":
        return None
    return TitleFact("representative", org.name, org.iso3, org.sector if org.kind != "country" else None)


def _fact(title: str, org: Mention | None, org_text: str | None, kb: KB) -> TitleFact:
    """Combine a title with its organisation: the organisation's country and sector win,
    the title's head word gives the sector otherwise."""
    if org is not None:
        sector = org.sector if org.kind != "country" else None
        return TitleFact(title, org.name, org.iso3, sector or kb.title_sector(title))
    iso3, sector = None, None
    if org_text:
        countries = kb.countries_in(org_text)
        iso3 = next(iter(countries)) if len(countries) == 1 else None
        met = kb.metonym(org_text)
        kind_sector = kb.org_kind(org_text)
        sector = met.sector if met else (kind_sector[1] if kind_sector else None)
    return TitleFact(title, org_text, iso3, sector or kb.title_sector(title))
