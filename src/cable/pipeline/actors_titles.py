"""Titles of people as the text gives them, with the organisation and country they imply.

    Chinese Premier Wen Jiabao                   -> Premier (China)
    then lead negotiator Chris Hill              -> lead negotiator
    the State Department's Sung Kim              -> official (State Department), the role noun
    President X of Iran, the President of Ukraine X -> President (Iran), President (Ukraine)
    NATO Secretary-General X                     -> Secretary-General (NATO)
    Ri Gun, North Korea's nuclear negotiator     -> nuclear negotiator (North Korea)
    X, executive director of the Y Foundation    -> executive director (Y Foundation)
    leaving X as the head of the U.S. delegation -> head of delegation (U.S. delegation)
    a think tank run by X                        -> head (the think tank's organisation)
    X represented the Pentagon                   -> representative (Pentagon)
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..kb import KB, strip_name
from .actors_mentions import Mention, doc_text, token_starts

ROLE_VERBS = {"run": "head", "headed": "head", "led": "leader", "chaired": "chair",
              "founded": "founder", "directed": "director"}
NP_END = {"which", "who", "whom", "whose", "that", "where", "when", "while", "as", "but"}
DETERMINERS = {"the", "a", "an"}
TIME_PREPS = {"for", "from", "since", "until", "during"}


@dataclass
class TitleFact:
    title: str  # "" when the text only ties the person to an organisation
    organization: str | None
    iso3: str | None
    sector: str | None
    peer: str | None = None  # key of a person whose country this one shares ("X's spokesperson, Y")
    org_kind: str | None = None  # the organisation's actor kind: "country" when it is a country


class MentionIndex:
    """Find the mention at a character offset."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.countries = {m.iso3 for m in mentions if m.kind == "country" and m.iso3}

    def covering(self, offset: int) -> Mention | None:
        return next((m for m in self.mentions if m.start <= offset < m.end), None)

    def ending_at(self, offset: int) -> Mention | None:
        return next((m for m in self.mentions if m.end == offset), None)


def person_titles(doc, person: Mention, index: MentionIndex, kb: KB) -> list[TitleFact]:
    """Every title the text gives the person at this mention."""
    span = doc.char_span(person.start, person.end, alignment_mode="expand")
    if span is None:
        return []
    before = with_postmodifier(premodifier_title(doc, span, index, kb), of_postmodifier(doc, span, index, kb), kb)
    facts = [before, appositive_title(doc, span, index, kb), role_verb_title(doc, span, index, kb),
             represented_title(span, index)]
    return [f for f in facts if f is not None]


def premodifier_title(doc, span, index: MentionIndex, kb: KB) -> TitleFact | None:
    """Title words, and a country or possessive organisation, right before the name
    ('Chinese Premier X', 'the Italian foreign minister, X', 'US Ambassador to Germany X',
    'President of Ukraine X'). A possessive person ('Merkel's spokesperson, X') or a person
    just before 'and' ('Israeli prime minister X and energy minister Y') becomes the peer."""
    i = span.start - 1
    if i > 0 and doc[i].text == "," and kb.is_title_word(doc[i - 1].text):
        i -= 1
    words, org, peer = _words_before(doc, i, index, kb)
    while words and not kb.is_title_word(words[0].text) and not kb.is_title_modifier(words[0].text):
        words.pop(0)
    if words and not (kb.is_title_word(words[-1].text) or words[-1].text[:1].isupper()):
        words = []
    if not any(kb.is_title_word(t.text) for t in words):
        words = []
    if not words and org is None:
        return None
    if org is None and peer is None:
        peer = coordinated_peer(doc, words[0].i if words else span.start, index)
    fact = _fact(_joined([t for t in words if t.lower_ != "then"]), org, None, kb)
    fact.peer = peer
    return fact


def _joined(tokens: list) -> str:
    """Tokens as the text has them ('Secretary-General', 'foreign minister')."""
    return "".join(t.text_with_ws for t in tokens).strip()


def coordinated_peer(doc, first: int, index: MentionIndex) -> str | None:
    """The person named just before '<and> <title> <name>', whose country the name shares."""
    if first < 2 or doc[first - 1].lower_ != "and":
        return None
    prev = index.ending_at(doc[first - 2].idx + len(doc[first - 2].text))
    return prev.key if prev is not None and prev.kind == "person" else None


def of_postmodifier(doc, span, index: MentionIndex, kb: KB) -> Mention | None:
    """'President X of Iran', 'X of the MDC': the country or organisation after the name, but
    not a country name that is also a state of another country the article names ('Senator
    X of Georgia' in a story about the US)."""
    k = span.end
    if k + 1 >= len(doc) or doc[k].lower_ != "of":
        return None
    k += 1 + (doc[k + 1].lower_ == "the" and k + 2 < len(doc))
    found = index.covering(doc[k].idx)
    if found is None or found.kind == "person" or found.start != doc[k].idx:
        return None
    other = kb.place_hints.get(found.text) if found.kind == "country" else None
    return None if other not in (None, found.iso3) and other in index.countries else found


def with_postmodifier(fact: TitleFact | None, org: Mention | None, kb: KB) -> TitleFact | None:
    """The title before the name with the country or organisation after it; a country after
    the name still gives its country to 'AU chairperson President X of Egypt'."""
    if org is None:
        return fact
    if fact is not None and fact.organization is not None:
        if fact.iso3 is None and org.kind == "country":
            fact.iso3 = org.iso3
        return fact
    combined = _fact(fact.title if fact else "", org, None, kb)
    combined.peer = fact.peer if fact else None
    return combined


def _words_before(doc, i: int, index: MentionIndex, kb: KB) -> tuple[list, Mention | None, str | None]:
    """Walk left from token ``i`` over title words; stop at a country or organisation (kept as
    the organisation) unless it follows 'ambassador to (the)'; 'President of (the) X' keeps the
    title before 'of'. A possessive person ends the walk as the peer."""
    words: list = []
    while i >= 0:
        tok = doc[i]
        covering = index.covering(tok.idx)
        if covering is not None and covering.kind != "person":
            first = _token_after(doc, covering.start)
            link = first - 1 - (first > 1 and doc[first - 1].lower_ == "the")
            if link > 0 and doc[link].lower_ in ("to", "of") and kb.is_title_word(doc[link - 1].text):
                if doc[link].lower_ == "of" and not words:
                    title, _, _ = _words_before(doc, link - 1, index, kb)
                    return title, covering, None
                words[:0] = list(doc[link:i + 1])
                i = link - 1
                continue
            return words, covering, None
        if tok.text in ("'s", "’s"):
            owner = index.ending_at(tok.idx)
            if owner is not None and owner.kind == "person":
                return words, None, owner.key
            return words, owner, None
        if not _title_token(tok, kb, bool(words)):
            break
        words.insert(0, tok)
        i -= 1
    return words, None, None


def _title_token(tok, kb: KB, inside: bool) -> bool:
    low = tok.lower_
    if kb.is_title_word(low) or kb.is_title_modifier(low) or low == "then":
        return True
    if (low == "of" or (low == "-" and not tok.whitespace_)) and inside:
        return True
    return inside and tok.text.islower() and tok.pos_ in ("ADJ", "NOUN") and tok.dep_ in ("amod", "compound")


def appositive_title(doc, span, index: MentionIndex, kb: KB) -> TitleFact | None:
    """'<name>, the director of X', '<name> is the Y's Z', '<name> as the head of X',
    '<name>, who served as Z'."""
    comma = span.end < len(doc) and doc[span.end].text in (",", "—", "–", "(")
    k = span.end + comma
    if k + 1 < len(doc) and doc[k].lower_ == "who" and doc[k + 1].lower_ in ("is", "was"):
        k += 2
    elif k < len(doc) and doc[k].lower_ == "who":
        k = _as_after(doc, k + 1)
        if k is None:
            return None
    elif not comma:
        if k >= len(doc) or doc[k].lower_ not in ("is", "was", "as"):
            return None
        k += 1
    return np_title(doc, k, index, kb)


def _as_after(doc, k: int) -> int | None:
    """The token after 'as' in a short relative clause ('who succeeded him as Foreign Secretary')."""
    for tok in doc[k:k + 6]:
        if tok.lower_ == "as":
            return tok.i + 1
        if tok.is_punct:
            return None
    return None


def np_title(doc, k: int, index: MentionIndex, kb: KB) -> TitleFact | None:
    """The title in the noun phrase starting at token ``k``; after an organisation's name its
    words may be capitalised ('the United Nations Emergency Relief Coordinator')."""
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
                            or (doc[j].pos_ in ("ADJ", "NOUN") and doc[j].text.islower())
                            or (org is not None and doc[j].pos_ == "PROPN" and doc[j].text.istitle())):
        head = j if kb.is_title_word(doc[j].text) else head
        j += 1
    if head is None and org is not None and org.kind == "country" and k < len(doc) \
            and doc[k].lower_ in kb.words("nationality"):
        return _fact("", org, None, kb)
    if head is None or _names_next(doc, head + 1, index):
        return None
    title = " ".join(t.text for t in doc[k:head + 1] if t.i == head or not _stray_title_word(t, kb))
    nxt = head + 1
    if nxt < len(doc) and doc[nxt].lower_ in ("of", "at", "for") and org is None:
        return _of_phrase(doc, title, nxt, index, kb)
    return _fact(title, org, None, kb)


def _names_next(doc, k: int, index: MentionIndex) -> bool:
    """A person's name right after the title: the title is that person's ('X, Greek prime
    minister Y'), not an apposition to X."""
    if k >= len(doc):
        return False
    found = index.covering(doc[k].idx)
    return found is not None and found.kind == "person"


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
    'and' or a preposition of time before a lower-case word or a number ('of France for twelve
    years', 'of Paris from 1977'; not 'of the Institute for Policy Studies')."""
    tok = doc[i]
    if tok.lower_ == "and" or tok.lower_ in TIME_PREPS:
        return i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper()
    return (tok.is_punct and tok.text not in ("’s", "'s", "-", "&")) or tok.lower_ in NP_END \
        or tok.pos_ in ("VERB", "AUX")


def _token_after(doc, offset: int) -> int:
    """Index of the first token at or after a character offset."""
    return bisect.bisect_left(token_starts(doc), offset)


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
    return TitleFact("representative", org.name, org.iso3, org.sector if org.kind != "country" else None,
                     org_kind=org.kind)


def _fact(title: str, org: Mention | None, org_text: str | None, kb: KB) -> TitleFact:
    """Combine a title with its organisation: the organisation's country and sector win,
    the title's head word gives the sector otherwise."""
    if org is not None:
        sector = org.sector if org.kind != "country" else None
        return TitleFact(title, org.name, org.iso3, sector or kb.title_sector(title), org_kind=org.kind)
    iso3, sector = None, None
    if org_text:
        countries = kb.countries_in(org_text)
        iso3 = next(iter(countries)) if len(countries) == 1 else None
        met = kb.metonym(org_text)
        kind_sector = kb.org_kind(org_text)
        sector = met.sector if met else (kind_sector[1] if kind_sector else None)
    kind = "country" if org_text and kb.country(org_text) else None
    return TitleFact(title, org_text, iso3, sector or kb.title_sector(title), org_kind=kind)
