"""quotes: direct, mixed and indirect quotations with speaker and title.

A direct quote is text between paired quotation marks that reads as speech
(four words or more, with a verb; any length when it touches its cue:
""Never," she said", "she said: "No."") and has a reporting cue ("said",
"told", "according to", "as X put it") in its own sentence, or a clause with
a named subject before a colon ("Lee turned to the crowd: "..."").
A quote opening a sentence with no cue of its own takes the cue of the
sentence before, or of a recent quoting sentence of its paragraph (the same
voice after an aside); a part too short to read as speech alone is kept when
it shares its cue with one that does (""Safety," said X. "Safety for all.""). The
speaker is the cue's subject outside the quotation marks (or, for a cue
without one, the subject of the verb it hangs on: "ended by saying", or the
name right after it: ""...?" asked the boy"), so a word inside the quote is
never the speaker; the source span is that subject's own name, never the
organisation in an apposition after it (for "X, who said", the "who", with X
the speaker). Indirect quotes are "X said (that) <clause>" and "according to
X, <clause>"; and views without a speech verb, when their holder is a person,
a group or an organisation: "X called for Y", "X criticized Y", "X urged Y to
Z" (what the verb takes), and "X's claim that Y" (the noun's complement). A
paragraph of a transcript or a list of voices ("NAME: words", ""words" — Jane
Doe", a quoted paragraph signed "- Jane Doe" in the next) is a direct quote
of the person named.
"""

from __future__ import annotations

import bisect
import functools
import math
import re

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from ..records import Actor, Quote
from .actortable import ActorTable
from .sentences import sentence_of
from .voices_common import (
    FIRST_SECOND_PERSON,
    QUOTATION_MARKS,
    RELATIVE_PRONOUNS,
    QuoteZones,
    actor_of,
    data_lines,
    data_rows,
    is_negated,
    is_pronoun,
    mention_of,
    particle_cue,
    record_span,
    reporting_cue,
    reporting_cues,
    speaker_of,
    subject_of,
    trimmed,
)

OPENING = "“«"
CLOSING = "”»"
STRAIGHT = '"'
OPEN_AFTER = "([{—–-/"
CLOSE_BEFORE = ".,;:!?)]}—–-"
MIN_QUOTE_WORDS = 4
MAX_NAME_GAP = 4
MAX_LOOKBACK = 3  # sentences a quote without a cue looks back for its voice
MAX_TRAILING_CUE = 6  # "Why not?" the minister asked: a cue a few words into the next sentence
REPORT_MARKS = frozenset({"that", "whether", "if"})
LABEL_FIRST = re.compile(
    r'^[“"]?(?P<label>[^\W\d_][^:—―–“"]{0,59}?)\s*(?P<mark>:|—|―|--|–)\s*(?P<rest>\S.*?)\s*$')
SIGNED = re.compile(r'^(?P<rest>[“"].*[”"])\s*(?P<mark>—|―|--|–)\s*(?P<label>[^\W\d_].{0,59}?)\s*$')
WHOLLY_QUOTED = re.compile(r'^\s*[“"](?P<words>[^“”"]*\S)[”"][.]?\s*$')
SIGNATURE = re.compile(r'^\s*(?P<mark>—|―|--|–|-)\s*(?P<label>[^\W\d_][^,;:.()]{0,59}?)\s*(?:[,;:.(]|$)')
MAX_LABEL_TOKENS = 5
OBJECTS = frozenset({"dobj", "dative", "ccomp", "xcomp", "oprd", "attr"})
VIEW_PREPOSITIONS = frozenset({"of", "for", "on", "about", "against"})
TOPIC_PREPOSITIONS = VIEW_PREPOSITIONS | {"with", "to", "over"}
NOT_SPEAKERS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "NORP"})
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
NOUN_PHRASE_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN"})

Cue = tuple[DocSpan, Token, str]  # (cue span, subject token, where: after | before | previous)


def find_quotes(doc, actors: ActorTable) -> list[Quote]:
    """Quotations in ``doc`` in text order, ids q1, q2, ..."""
    text = doc.text
    zones = QuoteZones(text, quoted_spans(text))
    segments = sentence_segments(doc, zones)
    voices: dict[int, Cue] = {}
    found = [direct_quote(doc, actors, span, zones, segments, voices) for span in zones.spans]
    signed = signed_paragraphs(doc, actors)
    direct = [q for q in _merge_overlaps(text, _with_continuations([f for f in found if f]))
              if not any(o.start < q.end and q.start < o.end for o in signed)] + signed
    quotes = direct + indirect_quotes(doc, actors, zones, direct)
    quotes += attitude_quotes(doc, actors, zones, quotes)
    quotes += possessed_views(doc, actors, zones, quotes)
    quotes = sorted(quotes + labelled_quotes(doc, actors, quotes), key=lambda q: (q.start, q.end))
    for n, quote in enumerate(quotes, 1):
        quote.id = f"q{n}"
    return quotes


def _with_continuations(found: list[tuple[Quote, bool]]) -> list[Quote]:
    """The quotes that read as speech, and the parts too short to read as
    speech alone that share a cue with one of them (""Safety," said X.
    "Safety for everyone."", "chanted "A" and "B"")."""
    cues = {q.cue.start for q, speech in found if speech and q.cue}
    return [q for q, speech in found if speech or (q.cue and q.cue.start in cues)]


def _merge_overlaps(text: str, quotes: list[Quote]) -> list[Quote]:
    """One quote for overlapping quotes of the same cue (two mixed quotes in one clause)."""
    merged: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: q.start):
        last = merged[-1] if merged else None
        if last and quote.start < last.end and last.cue and quote.cue and last.cue.start == quote.cue.start:
            last.end = max(last.end, quote.end)
            last.text = text[last.start:last.end]
            continue
        merged.append(quote)
    return merged


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges between paired quotation marks (marks excluded).

    Marks pair within a paragraph; an unpaired mark is skipped on its own.
    A quote over paragraphs (open at one paragraph's end, the next opening
    with a mark) runs to the end of each paragraph."""
    spans: list[tuple[int, int]] = []
    text = _doubled_apostrophes_as_marks(text)
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+", text)]
    for k, (p_start, p_end) in enumerate(paragraphs):
        open_at = None
        for i in range(p_start, p_end):
            role = _mark_role(text, i, open_at is not None)
            if role == "open":
                open_at = i
            elif role == "close" and open_at is not None:
                spans.append((open_at + 1, i))
                open_at = None
        if open_at is not None and _continues(text, paragraphs, k, open_at):
            spans.append((open_at + 1, p_end))
    return spans


def _doubled_apostrophes_as_marks(text: str) -> str:
    """Text of the same length with each '' (an old typewriter quotation mark)
    written as a space and a straight mark on the side away from its word."""
    def mark(m: re.Match) -> str:
        opening = m.start() == 0 or text[m.start() - 1].isspace()
        return ' "' if opening else '" '
    return re.sub(r"''", mark, text)


def _continues(text: str, paragraphs: list[tuple[int, int]], k: int, open_at: int) -> bool:
    """Whether a quote left open in paragraph k goes on in the next one: it
    opened the paragraph (or followed a colon) and the next paragraph opens
    with a quotation mark."""
    lead = text[paragraphs[k][0]:open_at].rstrip()
    opens_next = k + 1 < len(paragraphs) and _mark_role(text, paragraphs[k + 1][0], False) == "open"
    return opens_next and (lead == "" or lead.endswith(":"))


def _mark_role(text: str, i: int, is_open: bool) -> str | None:
    """"open", "close" or None for the character at ``i``."""
    ch = text[i]
    if ch in OPENING:
        return "open"
    if ch in CLOSING:
        return "close"
    if ch != STRAIGHT:
        return None
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in OPEN_AFTER:
        if after.isspace():
            return "close" if is_open and _ends_quoted_words(text, i) else None
        return "open"
    if after.isspace() or after in CLOSE_BEFORE:
        return "close"
    return "close" if is_open else "open"


def _ends_quoted_words(text: str, i: int) -> bool:
    """Whether a mark between spaces closes the words before it: the
    character before the space ends a phrase or a quote inside the quote
    (a closing single mark, then a space, then the double mark)."""
    before = text[max(0, i - 3):i].rstrip()[-1:]
    return before != "" and before in ",.!?;'’"


def sentence_segments(doc, zones: QuoteZones) -> list[tuple[int, int]]:
    """Token ranges of sentences, split at a paragraph break, at . ! ? outside
    quotation marks, and after a quote ending in . ! ? when a capital follows."""
    segments, start = [], 0
    for tok in doc:
        if tok.i + 1 == len(doc) or "\n" in tok.text or _ends_sentence(doc, tok, zones):
            segments.append((start, tok.i + 1))
            start = tok.i + 1
    return segments


def _ends_sentence(doc, tok: Token, zones: QuoteZones) -> bool:
    if tok.text in (".", "!", "?"):
        return not zones.covers(tok)
    zone = zones.zone_of(tok.idx - 1)
    if zone is None or zone[1] != tok.idx or tok.i + 1 == len(doc):
        return False
    last = zones.text[zone[0]:zone[1]].rstrip()[-1:]
    return last in ".!?" and not doc[tok.i + 1].text[:1].islower()


def direct_quote(doc, actors: ActorTable, span: tuple[int, int], zones: QuoteZones,
                 segments: list[tuple[int, int]], voices: dict[int, Cue]) -> tuple[Quote, bool] | None:
    """A quote for the text in ``span`` when it has a cue, and whether it reads
    as speech; ``voices`` (sentence index -> the cue of a quote in it) gains its cue."""
    start, end = span
    content = doc.char_span(start, end, alignment_mode="contract")
    found = _cue_for(doc, content, zones, segments, voices) if content is not None and len(content) else None
    if found is None:
        return None
    cue, subject, where = found
    voices[_segment_index(segments, content.start)] = found
    mixed = _mixed_clause(doc, cue, content, zones) if where != "previous" else None
    quoted = zones.text[start:end].rstrip()
    tight = _next_to_cue(doc, content, cue, subject, where, quoted,
                         segments[_segment_index(segments, content.start)])
    speech = _reads_as_speech(content, embedded=mixed is not None, tight=tight)
    text = quoted.rstrip(",").rstrip()
    quote = _attributed(actors, subject, cue, where)
    quote.text, quote.start, quote.end = text, start, start + len(text)
    if mixed is not None:
        quote.kind, quote.text, quote.start, quote.end = "mixed", mixed.text, mixed.start_char, mixed.end_char
        quote.confidence = round(quote.confidence - 0.1, 2)
    return quote, speech


def _segment_index(segments: list[tuple[int, int]], i: int) -> int:
    """The index of the sentence segment holding token ``i``."""
    return bisect.bisect_right(segments, (i, math.inf)) - 1


def _next_to_cue(doc, content: DocSpan, cue: DocSpan, subject: Token, where: str, quoted: str,
                 segment: tuple[int, int]) -> bool:
    """Whether the quote and its cue clause touch: ""Never," she said" or
    ""Why?" the senator then asked" (the quote ending in , ? or !), or "she
    said: "Never."" (the quote ending its sentence); between them only marks,
    the speaker's words, adverbs and a pronoun. A quote after its cue touches
    it when it ends its sentence or ends in punctuation ("chanted "No more!"
    as he spoke")."""
    if where == "after" and quoted[-1:] in ",?!":
        between = doc[content.end:cue.start]
    elif where == "before" and (quoted[-1:] in ".,?!" or all(t.is_punct or t.is_space
                                                         for t in doc[content.end:segment[1]])):
        between = doc[cue.end:content.start]
    else:
        return False
    speaker = range(subject.left_edge.i, subject.right_edge.i + 1)
    return all(t.is_punct or t.is_space or t.i in speaker or t.pos_ in ("ADV", "PRON", "PART")
               for t in between)


def _reads_as_speech(content: DocSpan, embedded: bool, tight: bool) -> bool:
    """Four words or more with a verb. Three words will do inside a reported
    clause ("said the deal was "a historic step""), one when the cue touches
    the quote ("Absolutely not," he said; "Never," she said; he said: "No.")."""
    words = [t for t in content if not (t.is_punct or t.is_space)]
    if tight:
        return len(words) >= 1
    if embedded:
        return len(words) >= MIN_QUOTE_WORDS - 1
    return len(words) >= MIN_QUOTE_WORDS and any(t.pos_ in ("VERB", "AUX") for t in words)


def _cue_for(doc, content: DocSpan, zones: QuoteZones, segments, voices: dict[int, Cue]) -> Cue | None:
    """The reporting cue for a quote: a person's name and a colon right before
    it, else a cue after it in its sentence, else before it;
    for a sentence that is only the quote, a cue opening the next sentence
    (after a quote ending in "?" or "!"); for a quote opening its sentence, a
    cue before it (see _previous_cue)."""
    labelled = _name_colon(doc, content)
    if labelled is not None:
        return labelled
    k = _segment_index(segments, content.start)
    s, e = segments[k]
    after = [t for t in doc[content.end:e] if not zones.covers(t)]
    before = [t for t in reversed(doc[s:content.start]) if not zones.covers(t)]
    for where, tokens in (("after", after), ("before", before)):
        found = _first_cue(tokens, zones)
        if found:
            return found[0], found[1], where
    introduced = _colon_clause(doc, content, s, zones)
    if introduced is not None:
        return introduced
    bare = all(t.is_punct or t.is_space for t in after + before)
    if bare and k + 1 < len(segments):
        s, e = segments[k + 1]
        found = _first_cue(list(doc[s:min(e, s + MAX_TRAILING_CUE)]), zones)
        if found and found[1].i < found[0].start:
            return found[0], found[1], "after"
    if all(t.is_punct or t.is_space for t in before):
        return _previous_cue(doc, segments, k, zones, bare, voices)
    return None


def _colon_clause(doc, content: DocSpan, start: int, zones: QuoteZones) -> Cue | None:
    """For a quote after a colon with no reporting verb ("She turned to the
    crowd: "..."", "His answer was blunt: "..."") the main verb of the clause
    before the colon, when its subject is a name or a personal pronoun (or a
    noun a name possesses: "Lee's reply")."""
    i = content.start - 1
    while i > start and (doc[i].text in QUOTATION_MARKS | set(OPENING) or doc[i].is_space):
        i -= 1
    if i <= start or doc[i].text != ":":
        return None
    root = doc[i - 1]
    while root.head.i != root.i and start <= root.head.i < i:
        root = root.head
    subject = next((c for c in root.children if c.dep_ == "nsubj" and not zones.covers(c)), None)
    if root.pos_ not in ("VERB", "AUX") or subject is None:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    speaker = owner if owner is not None and subject.pos_ == "NOUN" else subject
    if not _named_or_personal(speaker) or not _third_person(speaker):
        return None
    return doc[root.i:root.i + 1], speaker, "before"


def _previous_cue(doc, segments, k: int, zones: QuoteZones, bare: bool, voices: dict[int, Cue]) -> Cue | None:
    """For a quote opening sentence ``k`` with no cue of its own, the last cue
    of the sentence before when the quote is its whole sentence; else the last
    cue of a recent sentence of the paragraph that quotes too (the same voice
    going on after an aside); a sentence whose quote has a cue gives that cue.
    A quote opening its paragraph looks only at the sentence before."""
    nearest, opens_paragraph = True, _starts_paragraph(doc, segments[k][0])
    for j in range(k - 1, max(-1, k - 1 - MAX_LOOKBACK), -1):
        s, e = segments[j]
        if all(t.is_space for t in doc[s:e]):
            continue
        if j in voices:
            return voices[j][0], voices[j][1], "previous"
        found = _first_cue([t for t in reversed(doc[s:e]) if not zones.covers(t)], zones)
        if found and ((bare and nearest) or any(zones.covers(t) for t in doc[s:e])):
            return found[0], found[1], "previous"
        if opens_paragraph or _starts_paragraph(doc, s):
            return None
        nearest = False
    return None


def _starts_paragraph(doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text


def _name_colon(doc, content: DocSpan) -> Cue | None:
    """A person's name and a colon right before the quote ("... - Jane Doe: "words""),
    the name opening its sentence or following a mark."""
    i = content.start - 1
    while i >= 0 and (doc[i].text in QUOTATION_MARKS | set(OPENING) or doc[i].is_space):
        i -= 1
    name = doc[i - 1] if i >= 1 else None
    if name is None or doc[i].text != ":" or name.ent_type_ in NOT_SPEAKERS:
        return None
    if name.ent_type_ != "PERSON" and name.pos_ != "PROPN":
        return None
    first = mention_of(name).start
    if first > 0 and not (doc[first - 1].is_punct or doc[first - 1].is_space):
        return None  # the object of a verb ("told Fox News:"), not a label
    return doc[i:i + 1], name, "before"


def _first_cue(tokens: list[Token], zones: QuoteZones) -> tuple[DocSpan, Token] | None:
    for tok in tokens:
        cue = _reporting_cue(tok)
        subject = _speaker_of_cue(tok, zones) if cue is not None else None
        if subject is not None and _third_person(subject):
            return cue, subject
    return None


def _reporting_cue(tok: Token) -> DocSpan | None:
    """The cue span of a reporting verb, also with its particle parsed as an
    adverb ("fired back", "shot back"), and the "put it" of "as X put it"."""
    cue = reporting_cue(tok)
    if cue is not None and _goes_on_doing(tok):
        return None
    if cue is not None or tok.pos_ != "VERB" or is_negated(tok):
        return cue
    if _puts_it(tok):
        return tok.doc[tok.i:tok.i + 2]
    lemma = tok.lemma_.lower()
    particle = next((c for c in tok.children if c.dep_ == "advmod" and f"{lemma} {c.lower_}" in reporting_cues()), None)
    return tok.doc[tok.i:tok.i + 1] if particle is not None else None


def _goes_on_doing(verb: Token) -> bool:
    """A cue that only introduces quotes used with a verb after it ("continued
    to press", "went on to win"): not speech."""
    return not reporting_cues().get(particle_cue(verb, reporting_cues()) or "", True) and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)


def _puts_it(verb: Token) -> bool:
    """ "as X put it" (a manner of saying, the quote next to it)."""
    doc = verb.doc
    return (verb.lemma_.lower() == "put" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "it"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children))


def _speaker_of_cue(verb: Token, zones: QuoteZones) -> Token | None:
    """The subject of a cue (see _reporter), else the one it takes from the
    verb it hangs on, else a name right before or after it."""
    return (_reporter(verb, zones) or _inherited_subject(verb, zones) or _name_before(verb, zones)
            or _name_after(verb, zones))


def _inherited_subject(verb: Token, zones: QuoteZones) -> Token | None:
    """For a cue without a subject of its own, the subject of the verb it
    depends on: through a preposition ("upon saying", "by saying"), an open
    complement ("appeared to tell"), or a noun it describes ("released a
    statement saying", "sent an email saying"); up to three steps. A verb
    coordinated with a passive one shares its subject ("X was greeted by Y
    and joked")."""
    tok = verb
    for _ in range(3):
        step = tok.dep_
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head
        elif tok.dep_ in ("xcomp", "advcl", "conj") and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head
        elif tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ in ("dobj", "pobj"):
            tok = tok.head.head.head if tok.head.dep_ == "pobj" else tok.head.head
        else:
            return None
        roles = ("nsubj", "nsubjpass") if step == "conj" else ("nsubj",)
        subject = next((c for c in tok.children if c.dep_ in roles and not zones.covers(c)), None)
        if subject is not None and tok.pos_ in ("VERB", "AUX"):
            subject = tok.head if subject.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl" else subject
            return subject if _named_or_personal(subject) else None
    return None


def _named_or_personal(tok: Token) -> bool:
    """A name (a person, an organisation, a country), a personal pronoun, or
    a noun for people who speak ("the senator", "protesters")."""
    return (tok.lower_ in ("he", "she", "they") or tok.ent_type_ in SPEAKER_ENTITIES or tok.pos_ == "PROPN"
            or tok.lemma_.lower() in _holder_nouns())


def _name_before(verb: Token, zones: QuoteZones) -> Token | None:
    """For a cue the parser left without a subject (""...," Ramos, 58, told
    reporters"), the name just before it: the nearest proper noun or person,
    with only commas, numbers and name words between, outside quotation marks."""
    if verb.lower_ == "according" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc = verb.doc
    for tok in reversed(doc[max(0, verb.i - MAX_NAME_GAP):verb.i]):
        if zones.covers(tok) or tok.text in QUOTATION_MARKS or tok.pos_ in ("VERB", "AUX", "ADP"):
            return None
        if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON":
            return tok
        if not (tok.is_punct or tok.like_num):
            return None
    return None


def _name_after(verb: Token, zones: QuoteZones) -> Token | None:
    """For a cue right after a quote whose speaker the parser did not take as
    its subject (""...," added the senator"; ""...?" asked Jane Doe, 29"), the
    noun phrase right after the cue: its last noun, not a date or a place."""
    doc = verb.doc
    if verb.lower_ == "according" or not _follows_quote(verb) or verb.i + 1 >= len(doc):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    head = None
    for tok in doc[verb.i + 1:verb.i + 1 + MAX_NAME_GAP * 2]:
        if zones.covers(tok) or tok.pos_ not in NOUN_PHRASE_TAGS and tok.dep_ != "amod":
            break
        head = tok if tok.pos_ in ("NOUN", "PROPN") else head
    if head is None or head.ent_type_ in NOT_SPEAKERS:
        return None
    return head


def _follows_quote(verb: Token) -> bool:
    """Whether a verb comes right after a closing quotation mark (and a comma)."""
    doc = verb.doc
    before = [t for t in doc[max(0, verb.i - 2):verb.i] if t.text != ","]
    return bool(before) and before[-1].text in QUOTATION_MARKS


def _third_person(subject: Token) -> bool:
    """A speaker the record can name: not "I", "we" or "you" (the writer, an
    interviewer), and a word, not a stray "'s"."""
    return subject.lower_ not in FIRST_SECOND_PERSON and any(ch.isalpha() for ch in subject.text)


def _attributed(actors: ActorTable, subject: Token, cue: DocSpan, where: str) -> Quote:
    """A quote record with cue, source, speaker and title filled in (text left blank)."""
    mention, title = _source_and_title(subject)
    speaker, name = speaker_of(actors, mention)
    title = title or _actor_title(actors.get(speaker))
    confidence = {"after": 0.9, "before": 0.85, "previous": 0.7}[where]
    confidence -= 0.1 * is_pronoun(mention) + 0.1 * (speaker is None)
    source = _relative_pronoun(cue.root, subject) or mention
    return Quote(id="", text="", start=0, end=0, kind="direct", cue=record_span(cue),
                 source=record_span(source), speaker=speaker, speaker_name=name,
                 speaker_title=title, confidence=round(confidence, 2))


def _relative_pronoun(verb: Token, antecedent: Token) -> DocSpan | None:
    """The "who" of "Jane Doe, who said ...": the words the attribution rests
    on, while the speaker is the antecedent."""
    for holder in (verb, verb.head):
        if holder.dep_ == "relcl" and holder.head == antecedent:
            pronoun = next((c for c in holder.children if c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS), None)
            return holder.doc[pronoun.i:pronoun.i + 1] if pronoun is not None else None
    return None


def _source_and_title(subject: Token) -> tuple[DocSpan, str | None]:
    """The mention the attribution rests on, and the title in an apposition:
    "Jane Doe, the director of X" -> ("Jane Doe", "director of X");
    "the spokesman, John Smith" -> ("John Smith", "spokesman")."""
    appos = next((c for c in subject.rights if c.dep_ == "appos"), None)
    if appos is not None and subject.ent_type_ != "PERSON" and appos.ent_type_ == "PERSON":
        return mention_of(appos), _without_determiner(mention_of(subject)).text
    if appos is not None and appos.pos_ == "NOUN" and subject.pos_ != "PRON":
        return mention_of(subject), _apposition_title(appos)
    return mention_of(subject), None


def _apposition_title(appos: Token) -> str | None:
    """The apposition's words up to the first comma, bracket, dash or relative clause."""
    doc = appos.doc
    end = appos.i + 1
    for tok in doc[appos.i + 1:appos.right_edge.i + 1]:
        if tok.text in ",;:()—–" or tok.dep_ in ("relcl", "appos", "acl"):
            break
        end = tok.i + 1
    title = _without_determiner(doc[appos.left_edge.i:end])
    return title.text or None


def _without_determiner(span: DocSpan) -> DocSpan:
    start = span.start
    while start < span.end and span.doc[start].dep_ in ("det", "punct"):
        start += 1
    return span.doc[start:span.end]


def _actor_title(actor: Actor | None) -> str | None:
    if actor is None or not actor.titles:
        return None
    title = actor.titles[0]
    if title.organization and title.organization.lower() not in title.title.lower():
        return f"{title.title} of {title.organization}"
    return title.title


def _mixed_clause(doc, cue: DocSpan, content: DocSpan, zones: QuoteZones) -> DocSpan | None:
    """For a quote inside a reported clause ("X said the plan was "a big
    step" for the region", "according to X, the plan is "a big step"") the
    whole clause, within the cue's paragraph; None when the clause has fewer
    than two words of its own outside quotation marks."""
    for child in cue.root.children:
        if child.dep_ in ("ccomp", "xcomp") and child.left_edge.i <= content.start <= child.right_edge.i:
            clause = _in_paragraph(doc, doc[child.left_edge.i:max(child.right_edge.i + 1, content.end)], cue.root.i)
            own = [t for t in clause if t.is_alpha and not zones.covers(t)]
            return clause if len(own) >= 2 else None
    _, clause = _clause_parts(doc, cue.root)
    if clause is None or not clause.start <= content.start < clause.end:
        return None
    clause = _in_paragraph(doc, doc[clause.start:max(clause.end, content.end)], cue.root.i)
    own = [t for t in clause if t.is_alpha and not zones.covers(t)]
    return clause if len(own) >= 2 else None


def indirect_quotes(doc, actors: ActorTable, zones: QuoteZones, direct: list[Quote]) -> list[Quote]:
    """ "X said (that) <clause>" and "according to X, <clause>" outside quotation
    marks, for cues and clauses that no direct quote already uses."""
    used = {q.cue.start for q in direct if q.cue}
    quotes = []
    for tok in doc:
        if tok.idx in used or zones.covers(tok):
            continue
        cue = _reporting_cue(tok)
        if cue is None or not _reports_indirectly(tok):
            continue
        clause = _reported_clause(doc, tok) or _rest_of_sentence(doc, tok, zones)
        subject = _reporter(tok, zones)
        if clause is None or subject is None or len(clause) < 3 or subject in _content_tokens(tok):
            continue
        if not _third_person(subject):
            continue
        if any(q.start < clause.end_char and clause.start_char < q.end for q in direct):
            continue
        quote = _attributed(actors, subject, cue, "after")
        quote.kind, quote.text, quote.start, quote.end = "indirect", clause.text, clause.start_char, clause.end_char
        quote.confidence = round(quote.confidence - 0.2, 2)
        quotes.append(quote)
    return quotes


def _reporter(verb: Token, zones: QuoteZones) -> Token | None:
    """The subject of a cue, in the cue's paragraph: for "X said A and said B"
    parsed with the second "said" inside A, the first one's subject."""
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.lemma_ == verb.lemma_:
        verb = head.head
    subject = subject_of(verb, zones)
    return subject if subject is not None and _same_paragraph(subject, verb) else None


def _same_paragraph(a: Token, b: Token) -> bool:
    """Whether no paragraph break lies between two tokens."""
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text for t in a.doc[lo:hi])


def _complement(verb: Token) -> Token | None:
    """A cue's clausal complement; or a "that" clause the parser hung on a
    noun after the cue ("said at a news conference that ...")."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is not None:
        return comp
    for tok in verb.doc[verb.i + 1:verb.right_edge.i + 1]:
        if tok.dep_ in ("relcl", "acl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
            return tok
    return None


def _reports_indirectly(tok: Token) -> bool:
    if tok.lower_ == "according":
        return True
    cue = particle_cue(tok, reporting_cues())
    return bool(cue and reporting_cues()[cue])


def _reported_clause(doc, tok: Token) -> DocSpan | None:
    """The clause a cue reports, within the cue's paragraph and with a subject
    of its own: its clausal complement, or for "according to X" the clause it
    modifies, less the "according to X" phrase."""
    root, clause = _clause_parts(doc, tok)
    if root is None or clause is None:
        return None
    clause = _in_paragraph(doc, clause, tok.i)
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")]
    return clause if any(clause.start <= c.i < clause.end for c in subjects) else None


def _clause_parts(doc, tok: Token) -> tuple[Token | None, DocSpan | None]:
    """(root, span) of the clause a cue reports: its complement; or the clause
    that "according to X" or a parenthetical "X said" sits in, less that phrase
    when it stands at an edge of the clause."""
    comp = _complement(tok)
    if comp is not None:
        if any(c.dep_ == "mark" and c.lower_ not in REPORT_MARKS for c in comp.children):
            return None, None
        return comp, trimmed(doc, comp.left_edge.i, comp.right_edge.i + 1)
    head = tok.head
    if not (tok.lower_ == "according" or tok.dep_ == "parataxis") or head.pos_ not in ("VERB", "AUX"):
        return None, None
    if tok.left_edge.i == head.left_edge.i:
        return head, trimmed(doc, tok.right_edge.i + 1, head.right_edge.i + 1)
    if tok.right_edge.i >= head.right_edge.i - 1:
        return head, trimmed(doc, head.left_edge.i, tok.left_edge.i)
    return head, trimmed(doc, head.left_edge.i, head.right_edge.i + 1)


def _rest_of_sentence(doc, tok: Token, zones: QuoteZones) -> DocSpan | None:
    """For "according to X" the parser hung elsewhere, the longer side of its
    sentence around the phrase, outside quotation marks."""
    if tok.lower_ != "according":
        return None
    sent = sentence_of(tok)
    phrase = tok.subtree if tok.right_edge.i > tok.i + 1 else iter(())
    end_of_phrase = max((t.i for t in phrase), default=tok.i + 1)
    before = trimmed(doc, sent.start, tok.i)
    after = trimmed(doc, end_of_phrase + 1, sent.end)
    side = max(before, after, key=len)
    if any(zones.covers(t) for t in side):
        return None
    return _in_paragraph(doc, side, tok.i) if len(side) >= 3 else None


def _content_tokens(tok: Token) -> set[Token]:
    """The tokens a cue reports: its complement's, or its head's clause for
    "according to" and parenthetical cues (whose own words are not content)."""
    comp = _complement(tok)
    if comp is not None:
        return set(comp.subtree)
    return set(tok.head.subtree) - set(tok.subtree)


def _in_paragraph(doc, span: DocSpan, anchor: int) -> DocSpan:
    """The part of ``span`` in the same paragraph as token ``anchor``."""
    start, end = span.start, span.end
    for t in span:
        if "\n" in t.text:
            if t.i < anchor:
                start = t.i + 1
            else:
                end = min(end, t.i)
    return trimmed(doc, start, max(start, end))


def attitude_quotes(doc, actors: ActorTable, zones: QuoteZones, found: list[Quote]) -> list[Quote]:
    """ "X called for Y", "X urged Y to Z", "X criticized Y": a verb that gives its
    subject a view, wish or judgement, with what it takes to its right as an
    indirect quote, for verbs and words no quote found so far uses."""
    used = {q.cue.start for q in found if q.cue}
    quotes = []
    for tok in doc:
        if tok.idx in used or zones.covers(tok) or tok.pos_ != "VERB" or _is_passive(tok):
            continue
        cue = particle_cue(tok, _attitude_verbs())
        if cue is not None and not _takes_what_it_needs(tok, _attitude_verbs()[cue]):
            continue
        subject = _reporter(tok, zones) if cue is not None else None
        if subject is None or not _third_person(subject) or not _holder(actors, subject):
            continue
        content = _taken_to_the_right(doc, tok, skip=cue.count(" "))
        if content is not None and not _overlaps(content, found):
            quotes.append(_view_quote(actors, subject, doc[tok.i:tok.i + 1], content))
    return quotes


def possessed_views(doc, actors: ActorTable, zones: QuoteZones, found: list[Quote]) -> list[Quote]:
    """ "X's claim that Y", "her warning of Y": a view noun with a possessor
    that can hold a view, its complement an indirect quote."""
    quotes = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _view_nouns() or zones.covers(tok):
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or not _third_person(owner) or not _holder(actors, owner):
            continue
        content = _noun_complement(doc, tok)
        if content is not None and not _overlaps(content, found):
            quotes.append(_view_quote(actors, owner, doc[tok.i:tok.i + 1], content))
    return quotes


def _overlaps(span: DocSpan, quotes: list[Quote]) -> bool:
    return any(q.start < span.end_char and span.start_char < q.end for q in quotes)


def _view_quote(actors: ActorTable, holder: Token, cue: DocSpan, content: DocSpan) -> Quote:
    """An indirect quote of a view, less sure than reported speech; the source
    without a possessive "'s"."""
    quote = _attributed(actors, holder, cue, "after")
    source = holder.doc.char_span(quote.source.start, quote.source.end)
    if source is not None and len(source) > 1 and source[-1].dep_ == "case":
        quote.source = record_span(source[:-1])
    quote.kind, quote.text, quote.start, quote.end = "indirect", content.text, content.start_char, content.end_char
    quote.confidence = round(quote.confidence - 0.3, 2)
    return quote


def _noun_complement(doc, noun: Token) -> DocSpan | None:
    """A view noun's "that" clause or of/for/on/about/against phrase; None under two words."""
    takes = [c for c in noun.rights if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
             or c.dep_ == "prep" and c.lower_ in VIEW_PREPOSITIONS]
    if not takes:
        return None
    start = takes[0].left_edge.i + (1 if takes[0].dep_ == "prep" else 0)
    span = _in_paragraph(doc, trimmed(doc, start, takes[-1].right_edge.i + 1), noun.i)
    return span if sum(t.is_alpha for t in span) >= 2 else None


def _is_passive(verb: Token) -> bool:
    """ "is expected to", "was backed by": the subject holds no view."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _takes_what_it_needs(verb: Token, needs: str) -> bool:
    """Whether a verb has the complement its cue needs: "clause" ("told aides
    to leave", not "told a guard"), "naming" ("called the plan a disgrace",
    not "called a meeting" or "called into a show"), or "any"."""
    clausal = any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    if needs == "clause":
        return clausal
    if needs == "naming":
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        named = any(c.dep_ == "oprd" for c in verb.children)
        return clausal or named or any(c.dep_ in ("appos", "oprd") for o in objects for c in o.children)
    return True


def _holder(actors: ActorTable, subject: Token) -> bool:
    """A subject that can hold a view: a person, a group or an organisation
    (by name, pronoun, a noun for people or a mention of a known actor), not
    a thing ("the bill supports")."""
    if subject.lower_ in ("he", "she", "they", "who"):
        return True
    if _named_or_personal(subject):
        return True
    return actor_of(actors, mention_of(subject)) is not None


def _taken_to_the_right(doc, verb: Token, skip: int = 0) -> DocSpan | None:
    """The words a verb takes after it (objects, complements, prepositions),
    up to a coordinated verb, within the verb's paragraph, less the cue's
    ``skip`` particles ("for" of "called for"); None without an object,
    a complement or a topic ("agreed with", "warned of"; not "admitted under
    questioning"), or under two words."""
    takes = [c for c in verb.rights if c.dep_ not in ("conj", "cc", "punct", "advcl", "parataxis")]
    if skip == 0 and not any(c.dep_ in OBJECTS or c.lower_ in TOPIC_PREPOSITIONS for c in takes):
        return None
    particles = [c.i for c in verb.rights if c.dep_ in ("prt", "prep")][:skip]
    start = particles[0] + 1 if particles and particles[0] == verb.i + 1 else verb.i + 1
    span = _in_paragraph(doc, trimmed(doc, start, max(c.right_edge.i for c in takes) + 1), verb.i)
    words = [t for t in span if t.is_alpha]
    return span if len(words) >= 2 else None


def labelled_quotes(doc, actors: ActorTable, found: list[Quote]) -> list[Quote]:
    """Paragraphs of a transcript or a list of voices: "NAME: words",
    "Jane Doe — "words"" and ""words" — Jane Doe": the label a person's name
    (before a colon also a name of one or two words in capitals), the rest
    of the paragraph the quote."""
    quotes = []
    for m in re.finditer(r"[^\n]+", doc.text):
        parts = _label_parts(doc, m.start(), m.group())
        if parts is None:
            continue
        label, mark, (start, end) = parts
        if any(q.start < end and start < q.end for q in found):
            continue
        quotes.append(_labelled_quote(doc, actors, label, mark, start, end))
    return quotes


def signed_paragraphs(doc, actors: ActorTable) -> list[Quote]:
    """A paragraph that is wholly a quotation, signed in the next paragraph by
    a dash and a person's name ("- Jane Doe, speaking on Monday"): a direct
    quote of that person."""
    paragraphs = list(re.finditer(r"[^\n]+", doc.text))
    quotes = []
    for quoted, signature in zip(paragraphs, paragraphs[1:]):
        m, sign = WHOLLY_QUOTED.match(quoted.group()), SIGNATURE.match(signature.group())
        if m is None or sign is None:
            continue
        label = doc.char_span(signature.start() + sign.start("label"), signature.start() + sign.end("label"),
                              alignment_mode="contract")
        if label is None or not len(label) or not _signed_by_person(label):
            continue
        start, end = quoted.start() + m.start("words"), quoted.start() + m.end("words")
        mark = doc.char_span(signature.start() + sign.start("mark"), signature.start() + sign.end("mark"),
                             alignment_mode="expand")
        quotes.append(_labelled_quote(doc, actors, label, mark, start, end))
    return quotes


def _labelled_quote(doc, actors: ActorTable, label: DocSpan, mark, start: int, end: int) -> Quote:
    """A direct quote of ``doc.text[start:end]`` by the person ``label`` names, ``mark`` its cue."""
    speaker, name = speaker_of(actors, label)
    return Quote(id="", text=doc.text[start:end], start=start, end=end, kind="direct", cue=record_span(mark),
                 source=record_span(label), speaker=speaker, speaker_name=name or label.text,
                 speaker_title=_actor_title(actors.get(speaker)), confidence=0.6)


def _signed_by_person(label: DocSpan) -> bool:
    """A signature naming a person: a person's name or capitalised proper
    nouns ("Senator Lee"), no place or date in it."""
    words = [t for t in label if not (t.is_punct or t.is_space)]
    if not words or len(words) > MAX_LABEL_TOKENS or any(t.ent_type_ in NOT_SPEAKERS for t in words):
        return False
    return words[-1].ent_type_ == "PERSON" or all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words)


def _label_parts(doc, offset: int, line: str) -> tuple[DocSpan, DocSpan, tuple[int, int]] | None:
    """(label, mark, quote's character range) of a labelled paragraph, or None."""
    for pattern in (LABEL_FIRST, SIGNED):
        m = pattern.match(line)
        if m is None:
            continue
        label, mark, rest = (doc.char_span(offset + m.start(g), offset + m.end(g), alignment_mode="expand")
                             for g in ("label", "mark", "rest"))
        quoted = m.group("rest")[:1] in OPENING + STRAIGHT
        colon = m.group("mark") == ":"
        if label is None or mark is None or rest is None or not (quoted or colon):
            continue
        if _reads_as_speech(rest, embedded=quoted, tight=False) and _speaker_label(label, capitals=colon):
            words = m.group("rest").strip(OPENING + CLOSING + STRAIGHT + " ")
            start = offset + m.start("rest") + m.group("rest").index(words)
            return label, mark, (start, start + len(words))
    return None


def _speaker_label(label: DocSpan, capitals: bool) -> bool:
    """A person's name, or (``capitals``) a name of one or two words in capitals;
    never a place, a date or a section head ("Correction:", "WASHINGTON —")."""
    words = [t for t in label if not (t.is_punct or t.is_space)]
    if not words or len(words) > MAX_LABEL_TOKENS or label.text.lower() in _label_words():
        return False
    if any(t.ent_type_ in NOT_SPEAKERS for t in words) or words[0].lower_ in _label_words():
        return False
    if all(t.ent_type_ == "PERSON" for t in words):
        return True
    return capitals and len(words) <= 2 and all(t.is_upper and t.is_alpha and len(t) > 1 for t in words)


@functools.cache
def _attitude_verbs() -> dict[str, str]:
    """Attitude cue -> the complement it needs (any, clause, naming)."""
    return {row["cue"]: row["needs"] for row in data_rows("attribution_verbs.tsv")}


@functools.cache
def _holder_nouns() -> frozenset[str]:
    return frozenset(data_lines("attribution_holders.txt"))


@functools.cache
def _view_nouns() -> frozenset[str]:
    return frozenset(data_lines("attribution_nouns.txt"))


@functools.cache
def _label_words() -> frozenset[str]:
    return frozenset(data_lines("label_words.txt"))
