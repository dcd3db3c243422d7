"""quotes: direct, mixed and indirect quotations with speaker and title.

A direct quote is text between paired quotation marks that reads as speech
(four words or more, with a verb) and has a reporting cue ("said", "told",
"according to") in its own sentence, or, for a sentence that is nothing but
the quote, in the sentence before (``"A," he said. "B."``). The speaker is the
cue's subject outside the quotation marks, so a word inside the quote is
never the speaker; the source span is that subject's own name, never the
organisation in an apposition after it (for "X, who said", the "who", with X
the speaker). Indirect quotes are "X said (that) <clause>" and "according to
X, <clause>"; and views without a speech verb, when their holder is a person,
a group or an organisation: "X called for Y", "X criticized Y", "X urged Y to
Z" (what the verb takes), and "X's claim that Y" (the noun's complement). A paragraph of a transcript or a list of voices ("NAME: words",
""words" — Jane Doe") is a direct quote of the person named.
"""

from __future__ import annotations

import functools
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
MAX_TRAILING_CUE = 6  # "Why not?" the minister asked: a cue a few words into the next sentence
REPORT_MARKS = frozenset({"that", "whether", "if"})
LABEL_FIRST = re.compile(
    r'^[“"]?(?P<label>[^\W\d_][^:—―–“"]{0,59}?)\s*(?P<mark>:|—|―|--|–)\s*(?P<rest>\S.*?)\s*$')
SIGNED = re.compile(r'^(?P<rest>[“"].*[”"])\s*(?P<mark>—|―|--|–)\s*(?P<label>[^\W\d_].{0,59}?)\s*$')
MAX_LABEL_TOKENS = 5
OBJECTS = frozenset({"dobj", "dative", "ccomp", "xcomp", "oprd", "attr"})
VIEW_PREPOSITIONS = frozenset({"of", "for", "on", "about", "against"})
TOPIC_PREPOSITIONS = VIEW_PREPOSITIONS | {"with", "to", "over"}
NOT_SPEAKERS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "NORP"})

Cue = tuple[DocSpan, Token, str]  # (cue span, subject token, where: after | before | previous)


def find_quotes(doc, actors: ActorTable) -> list[Quote]:
    """Quotations in ``doc`` in text order, ids q1, q2, ..."""
    text = doc.text
    zones = QuoteZones(text, quoted_spans(text))
    segments = sentence_segments(doc, zones)
    found = (direct_quote(doc, actors, span, zones, segments) for span in zones.spans)
    direct = _merge_overlaps(text, [q for q in found if q])
    quotes = direct + indirect_quotes(doc, actors, zones, direct)
    quotes += attitude_quotes(doc, actors, zones, quotes)
    quotes += possessed_views(doc, actors, zones, quotes)
    quotes = sorted(quotes + labelled_quotes(doc, actors, quotes), key=lambda q: (q.start, q.end))
    for n, quote in enumerate(quotes, 1):
        quote.id = f"q{n}"
    return quotes


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
        return None if after.isspace() else "open"
    if after.isspace() or after in CLOSE_BEFORE:
        return "close"
    return "close" if is_open else "open"


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
                 segments: list[tuple[int, int]]) -> Quote | None:
    """A quote for the text in ``span`` when it reads as speech and has a cue."""
    start, end = span
    content = doc.char_span(start, end, alignment_mode="contract")
    found = _cue_for(doc, content, zones, segments) if content is not None and len(content) else None
    if found is None:
        return None
    cue, subject, where = found
    mixed = _mixed_clause(doc, cue, content, zones) if where != "previous" else None
    quoted = zones.text[start:end].rstrip()
    tight = where == "after" and quoted[-1:] in ",?!" and cue.start - content.end <= 3
    if not _reads_as_speech(content, embedded=mixed is not None, tight=tight):
        return None
    text = quoted.rstrip(",").rstrip()
    quote = _attributed(actors, subject, cue, where)
    quote.text, quote.start, quote.end = text, start, start + len(text)
    if mixed is not None:
        quote.kind, quote.text, quote.start, quote.end = "mixed", mixed.text, mixed.start_char, mixed.end_char
        quote.confidence = round(quote.confidence - 0.1, 2)
    return quote


def _reads_as_speech(content: DocSpan, embedded: bool, tight: bool) -> bool:
    """Four words or more with a verb. Three words will do inside a reported
    clause ("said the deal was "a historic step""), one when the cue follows
    at once ("Absolutely not," he said; "Never," she said)."""
    words = [t for t in content if not (t.is_punct or t.is_space)]
    if tight:
        return len(words) >= 1
    if embedded:
        return len(words) >= MIN_QUOTE_WORDS - 1
    return len(words) >= MIN_QUOTE_WORDS and any(t.pos_ in ("VERB", "AUX") for t in words)


def _cue_for(doc, content: DocSpan, zones: QuoteZones, segments) -> Cue | None:
    """The reporting cue for a quote: a person's name and a colon right before
    it, else a cue after it in its sentence, else before it;
    for a sentence that is only the quote, a cue opening the next sentence
    (after a quote ending in "?" or "!"), else the last cue of the sentence before."""
    labelled = _name_colon(doc, content)
    if labelled is not None:
        return labelled
    k = next(k for k, (s, e) in enumerate(segments) if s <= content.start < e)
    s, e = segments[k]
    after = [t for t in doc[content.end:e] if not zones.covers(t)]
    before = [t for t in reversed(doc[s:content.start]) if not zones.covers(t)]
    for where, tokens in (("after", after), ("before", before)):
        found = _first_cue(tokens, zones)
        if found:
            return found[0], found[1], where
    bare = all(t.is_punct or t.is_space for t in after + before)
    if bare and k + 1 < len(segments):
        s, e = segments[k + 1]
        found = _first_cue(list(doc[s:min(e, s + MAX_TRAILING_CUE)]), zones)
        if found and found[1].i < found[0].start:
            return found[0], found[1], "after"
    if bare and k > 0:
        s, e = segments[k - 1]
        found = _first_cue([t for t in reversed(doc[s:e]) if not zones.covers(t)], zones)
        if found:
            return found[0], found[1], "previous"
    return None


def _name_colon(doc, content: DocSpan) -> Cue | None:
    """A person's name and a colon right before the quote ("... - Jane Doe: "words"")."""
    i = content.start - 1
    while i >= 0 and doc[i].text in QUOTATION_MARKS | set(OPENING):
        i -= 1
    name = doc[i - 1] if i >= 1 else None
    if name is None or doc[i].text != ":" or name.ent_type_ in NOT_SPEAKERS:
        return None
    if name.ent_type_ != "PERSON" and name.pos_ != "PROPN":
        return None
    return doc[i:i + 1], name, "before"


def _first_cue(tokens: list[Token], zones: QuoteZones) -> tuple[DocSpan, Token] | None:
    for tok in tokens:
        cue = reporting_cue(tok)
        subject = (subject_of(tok, zones) or _name_before(tok, zones)) if cue is not None else None
        if subject is not None and _third_person(subject):
            return cue, subject
    return None


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
    step" for the region") the whole clause; None when the clause has fewer
    than two words of its own outside quotation marks."""
    for child in cue.root.children:
        if child.dep_ in ("ccomp", "xcomp") and child.left_edge.i <= content.start <= child.right_edge.i:
            end = max(child.right_edge.i + 1, content.end)
            own = [t for t in doc[child.left_edge.i:end] if t.is_alpha and not zones.covers(t)]
            return trimmed(doc, child.left_edge.i, end) if len(own) >= 2 else None
    return None


def indirect_quotes(doc, actors: ActorTable, zones: QuoteZones, direct: list[Quote]) -> list[Quote]:
    """ "X said (that) <clause>" and "according to X, <clause>" outside quotation
    marks, for cues and clauses that no direct quote already uses."""
    used = {q.cue.start for q in direct if q.cue}
    quotes = []
    for tok in doc:
        if tok.idx in used or zones.covers(tok):
            continue
        cue = reporting_cue(tok)
        if cue is None or not _reports_indirectly(tok):
            continue
        clause = _reported_clause(doc, tok) or _rest_of_sentence(doc, tok, zones)
        subject = subject_of(tok, zones)
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
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
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
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
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
        subject = subject_of(tok, zones) if cue is not None else None
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
    (by name, pronoun or a mention of a known actor), not a thing ("the bill supports")."""
    if subject.lower_ in ("he", "she", "they", "who"):
        return True
    if subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subject.pos_ == "PROPN":
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
        speaker, name = speaker_of(actors, label)
        quotes.append(Quote(id="", text=doc.text[start:end], start=start, end=end, kind="direct",
                            cue=record_span(mark), source=record_span(label), speaker=speaker,
                            speaker_name=name or label.text, speaker_title=_actor_title(actors.get(speaker)),
                            confidence=0.6))
    return quotes


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
def _view_nouns() -> frozenset[str]:
    return frozenset(data_lines("attribution_nouns.txt"))


@functools.cache
def _label_words() -> frozenset[str]:
    return frozenset(data_lines("label_words.txt"))
