"""forecasts: estimative language -> claims with probabilities.

An estimative phrase ("little chance", "unlikely", "almost certainly", "won't
be possible", "don't expect") qualifies a proposition, the claim. The phrase
is mapped to a survey term (``data/voices/estimative_phrases.tsv``) and the
term to the median probability people give it (``estimative_terms.tsv``,
built from the CAPphrase and perceptions surveys by
``scripts/build_estimative.py``). A negated phrase takes its negated term
("not likely" -> "unlikely"); phrases that are no forecast alone ("possible")
or when negated ("not unlikely") are skipped.

The holder is the speaker of the quote the phrase sits in, else the subject
of a belief verb ("analysts expect") or of the reporting verb that governs
the phrase ("..., experts say"); in the article's own voice there is none.

A headline is not part of ``article.text``: ``pipeline.analyse`` runs this stage
on the parsed headline too and marks those forecasts ``field="title"``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Span as DocSpan
from spacy.tokens import Token
from spacy.util import filter_spans

from ..records import Forecast, Quote
from .actortable import ActorTable
from .sentences import sentence_of
from .voices_common import (
    FIRST_SECOND_PERSON,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    data_rows,
    is_negated,
    is_pronoun,
    mention_of,
    reporting_cue,
    speaker_of,
    subject_of,
    trimmed,
)

BELIEF_VERBS = frozenset({"expect", "doubt"})
CONDITION_WORDS = frozenset({"without", "unless", "if", "until"})
FUTURE_WORDS = frozenset({"will", "would", "wo", "shall", "going", "plan", "plans", "intend", "soon"})
WILL = frozenset({"will", "'ll", "’ll", "wo", "shall"})
CLAUSE_DEPS = ("acl", "ccomp")
COMPARATIVES = frozenset({"more", "less", "most", "least", "as", "equally"})
FEASIBILITY = frozenset({"possible", "impossible"})


@dataclass(frozen=True, slots=True)
class Estimate:
    """What a survey term means: the median probability and its interquartile range."""

    term: str
    probability: float
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]
    term: str
    negated: str
    use: str


@functools.cache
def estimates() -> dict[str, Estimate]:
    """Survey term -> Estimate (fractions of 1)."""
    return {
        r["term"]: Estimate(r["term"], float(r["median"]) / 100, float(r["p25"]) / 100, float(r["p75"]) / 100)
        for r in data_rows("estimative_terms.tsv")
    }


@functools.cache
def phrases() -> tuple[Phrase, ...]:
    """The estimative phrases of ``estimative_phrases.tsv``, in file order."""
    return tuple(Phrase(tuple(r["phrase"].split()), r["term"], r["negated"], r["use"])
                 for r in data_rows("estimative_phrases.tsv"))


def estimate(phrase: str, negated: bool = False) -> Estimate | None:
    """The estimate for a phrase as listed ("little chance", "=expect"), or None."""
    row = next((p for p in phrases() if " ".join(p.words) == phrase), None)
    term = (row.negated if negated else row.term) if row else "-"
    return estimates().get(term)


def find_forecasts(doc, actors: ActorTable, quotes: list[Quote]) -> list[Forecast]:
    """Forecasts in text order, ids f1, f2, ..."""
    spans = filter_spans([DocSpan(doc, s, e, label=str(n)) for n, s, e in phrase_matches(doc)])
    forecasts = [f for span in spans for f in _forecasts_at(doc, actors, quotes, span)]
    forecasts.sort(key=lambda f: (f.start, f.end))
    for n, forecast in enumerate(forecasts, 1):
        forecast.id = f"f{n}"
    return forecasts


def phrase_matches(doc) -> list[tuple[int, int, int]]:
    """(phrase number, start, end) of every estimative phrase in ``doc``: its words by their
    lower-case form, a word written "=word" by its lemma. The doc's word forms are read
    once as arrays; a matcher walking the tokens costs more than the rest of the stage."""
    lowers, lemmas = (doc.to_array(attr).tolist() for attr in (LOWER, LEMMA))
    strings = doc.vocab.strings
    found = []
    for i in range(len(doc)):
        for n, words in _starting(lowers[i], lemmas[i], strings):
            end = i + len(words)
            if end <= len(doc) and all((lemmas if lemma else lowers)[i + k] == key
                                       for k, (lemma, key) in enumerate(words)):
                found.append((n, i, end))
    return found


def _starting(lower: int, lemma: int, strings) -> list[tuple[int, tuple[tuple[bool, int], ...]]]:
    index = _phrase_index(strings)
    return index.get((False, lower), []) + index.get((True, lemma), [])


@functools.cache
def _phrase_index(strings) -> dict[tuple[bool, int], list[tuple[int, tuple[tuple[bool, int], ...]]]]:
    """Phrases by their first word: (by lemma?, the word's hash) -> [(number, words)]."""
    index: dict[tuple[bool, int], list] = {}
    for n, phrase in enumerate(phrases()):
        words = tuple((w.startswith("="), strings.add(w.lstrip("="))) for w in phrase.words)
        index.setdefault(words[0], []).append((n, words))
    return index


def _forecasts_at(doc, actors: ActorTable, quotes: list[Quote], span: DocSpan) -> list[Forecast]:
    phrase = phrases()[int(span.label_)]
    head = span.root
    quoted = any(q.kind != "indirect" and q.start <= head.idx < q.end for q in quotes)
    if phrase.use == "modal" and not modal_forecast(head, quoted):
        return []
    if phrase.words[0].startswith("=") and head.pos_ != "VERB":
        return []  # "little doubt", "the expected visit": not the belief verb
    negation = _negation(head, span)
    term = phrase.negated if negation else phrase.term
    found = estimates().get(term)
    claims = claims_of(head, span)
    claims = [c for c in claims if sum(t.is_alpha for t in c) >= 2]
    if phrase.use == "future":
        claims = [c for c in claims if any(t.lower_ in FUTURE_WORDS for t in c)]
    if found is None or not claims:
        return []
    expression = doc[min([span.start, *negation]):span.end]
    holder, holder_name = _holder(actors, quotes, head, expression)
    confidence = {"always": 0.8, "future": 0.6, "modal": 0.4}[phrase.use]
    confidence -= 0.2 * (term != " ".join(phrase.words)) + 0.1 * bool(negation)
    return [Forecast(id="", holder=holder, holder_name=holder_name, claim=_text(claim),
                     expression=expression.text, probability=found.probability,
                     start=min(expression.start_char, *(t.idx for t in claim)),
                     end=max(expression.end_char, *(t.idx + len(t) for t in claim)),
                     confidence=round(max(confidence, 0.2), 2)) for claim in claims]


def _governor(head: Token) -> Token:
    """The verb whose negation negates the phrase: the copula of "likely",
    the verb of "probably", the verb itself for "expect"."""
    if head.pos_ == "VERB":
        return head
    return head.head if head.dep_ in ("acomp", "attr", "advmod", "dobj", "aux") else head


def _negation(head: Token, span: DocSpan) -> list[int]:
    """Token indices of a negation outside the phrase ("not", "n't", "never")
    plus the auxiliary just before it ("won't", "don't"); [] when not negated."""
    gov = _governor(head)
    negs = [c for t in {gov, head} for c in t.children if c.dep_ == "neg" and not span.start <= c.i < span.end]
    if not negs:
        return []
    first = min(negs, key=lambda t: t.i)
    before = first.doc[first.i - 1] if first.i > 0 else None
    aux = [before.i] if before is not None and before.pos_ == "AUX" and before.head == gov else []
    return aux + [first.i]


def modal_forecast(modal: Token, quoted: bool = False) -> bool:
    """Whether "could/may/might" states a likelihood rather than ability,
    permission, a wish or an intention: the modal of the main verb of its
    sentence ("could" only in a reported clause: "experts said it could
    ..."); with a third-person subject before it; not negated, not "could
    have", not in a question, not after "only", not in a subordinate clause.
    In a direct quote (``quoted``) the quoted sentence is the sentence."""
    verb = modal.head
    if modal.tag_ != "MD" or modal.dep_ != "aux" or is_negated(verb):
        return False
    reported = _reported(verb) and not quoted
    main = verb.dep_ == "ROOT" or (quoted and verb.dep_ == "ccomp")
    if not reported and (not main or modal.lower_ == "could"):
        return False
    subject = subject_of(verb)
    if subject is None or subject.i > modal.i or subject.lower_ in FIRST_SECOND_PERSON | RELATIVE_PRONOUNS:
        return False
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ != "that"]
    perfect = any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children)
    only = any(t.lower_ == "only" for t in modal.doc[verb.left_edge.i:modal.i])
    return not (marks or perfect or only or sentence_of(verb).text.rstrip().endswith("?"))


def _reported(verb: Token) -> bool:
    """A clause reported by someone: the complement of a reporting or belief
    verb, or a clause with "according to"."""
    if verb.dep_ == "ccomp" and (reporting_cue(verb.head) is not None or verb.head.lemma_ in BELIEF_VERBS):
        return True
    return any(c.lower_ == "according" for c in verb.children)


def claims_of(head: Token, span: DocSpan) -> list[list[Token]]:
    """The propositions an estimative phrase qualifies, each as its tokens: the
    clause of a noun ("chance that X") or belief verb ("expect X"), the subject
    of an adjective ("X is unlikely"), the clause of a modal or of an adverb on
    a verb about the future ("X will probably Y")."""
    if head.pos_ in ("NOUN", "PROPN"):
        return _noun_claims(head)
    if head.pos_ == "VERB" and head.lemma_ in BELIEF_VERBS:
        return _belief_claims(head)
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr"):
        return [] if _comparative(head) else _predicate_claims(head)
    modal = head.tag_ == "MD"
    if head.dep_ in ("advmod", "aux") and head.head.pos_ in ("VERB", "AUX") and (modal or _future(head.head)):
        verb = head.head
        drop = {t.i for t in span} | set(_negation(head, span))
        keep = [t for t in verb.subtree if t.i not in drop and not _parenthetical(t, verb)]
        return [_trim(keep)] if keep else []
    return []


def _future(verb: Token) -> bool:
    """Whether a verb speaks of what will happen: "will", "shall", "going to",
    or "would" in a reported clause ("said it would probably ..."). An adverb
    like "probably" on anything else hedges a statement; it forecasts nothing."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    going = verb.head.lower_ == "going" and verb.dep_ == "xcomp"
    return bool(auxes & WILL) or going or ("would" in auxes and _reported(verb))


def _noun_claims(noun: Token) -> list[list[Token]]:
    """ "little chance that X or that Y" -> [X, Y]; "low expectations for X" -> [X]."""
    claims = []
    for clause in (c for c in noun.children if c.dep_ in CLAUSE_DEPS and _is_finite(c)):
        claims.append(_trim(_without_conjuncts(clause)))
        claims += [_trim(list(c.subtree)) for c in clause.children if c.dep_ == "conj" and _is_finite(c)]
    if not claims:
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")]
        claims = [_trim(list(g.subtree)) for p in preps[:1] for g in p.children if g.dep_ in ("pobj", "pcomp")]
    return [c for c in claims if c]


def _belief_claims(verb: Token) -> list[list[Token]]:
    """ "expect X (to Y)", "expect that X", "X is expected to Y", "doubt that X"."""
    children = {c.dep_: c for c in verb.children}
    if "nsubjpass" in children and "xcomp" in children:
        return [_trim(list(children["nsubjpass"].subtree) + _without_to(children["xcomp"]))]
    if "ccomp" in children:
        return [_trim(list(children["ccomp"].subtree))]
    if "dobj" in children:
        extra = _without_to(children["xcomp"]) if "xcomp" in children else []
        return [_trim(list(children["dobj"].subtree) + extra)]
    return []


def _comparative(adjective: Token) -> bool:
    """ "more likely to", "as likely as": a comparison of rates, not a forecast."""
    return any(c.lower_ in COMPARATIVES for c in adjective.children if c.dep_ == "advmod")


def _predicate_claims(adjective: Token) -> list[list[Token]]:
    """ "X is unlikely to Y" -> X Y; "it is likely that X" -> X; "X won't be
    possible without Z" -> X without Z (the condition stays with the claim)."""
    copula = adjective.head
    clause = next((c for h in (adjective, copula) for c in h.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        return [_trim(list(clause.subtree))]
    subject = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    infinitive = next((c for c in adjective.children if c.dep_ == "xcomp"), None)
    claim = [] if subject is None or subject.dep_ == "expl" or subject.lower_ == "it" else list(subject.subtree)
    if infinitive is not None and claim and adjective.lower_ in FEASIBILITY:
        return []  # "this is impossible to answer": about doing, not about an event
    if infinitive is not None:
        claim += _without_to(infinitive)
    if not claim:
        return []
    for cond in copula.children:
        if cond.dep_ in ("prep", "advcl") and _condition_word(cond):
            claim += _condition(cond)
    return [_trim(claim)]


def _condition_word(token: Token) -> bool:
    marks = [c.lower_ for c in token.children if c.dep_ == "mark"]
    return token.lower_ in CONDITION_WORDS or any(m in CONDITION_WORDS for m in marks)


def _condition(token: Token) -> list[Token]:
    """A condition phrase without its relative clauses."""
    drop = {t.i for c in token.subtree if c.dep_ == "relcl" for t in c.subtree}
    return [t for t in token.subtree if t.i not in drop]


def _is_finite(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _without_conjuncts(verb: Token) -> list[Token]:
    drop = {t.i for c in verb.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return [t for t in verb.subtree if t.i not in drop]


def _without_to(verb: Token) -> list[Token]:
    return [t for t in verb.subtree if not (t.lower_ == "to" and t.dep_ == "aux" and t.head == verb)]


def _parenthetical(token: Token, verb: Token) -> bool:
    """A token of a reporting clause inside the claim ("..., he said, ...")."""
    for anc in [token, *token.ancestors]:
        if anc == verb:
            return False
        if anc.dep_ == "parataxis" or reporting_cue(anc) is not None:
            return True
    return False


def _trim(tokens: list[Token]) -> list[Token]:
    """Tokens in the order given, once each, without edge punctuation, spaces
    or a leading "that"."""
    tokens = list({t.i: t for t in tokens}.values())
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ in ("that", "whether")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _text(tokens: list[Token]) -> str:
    """The words of possibly discontinuous tokens, with the text's own spacing."""
    out = []
    for prev, tok in zip([None, *tokens], tokens):
        if prev is not None:
            out.append(prev.whitespace_ or (" " if tok.i != prev.i + 1 else ""))
        out.append(tok.lower_ if prev is not None and tok.is_sent_start and tok.pos_ != "PROPN" else tok.text)
    return " ".join("".join(out).split())


def _holder(actors: ActorTable, quotes: list[Quote], head: Token,
            expression: DocSpan) -> tuple[str | None, str | None]:
    """Who holds the forecast: the quote's speaker, the believer, the reporter, or nobody."""
    inside = [q for q in quotes if q.start <= expression.start_char and expression.end_char <= q.end]
    if inside:
        quote = min(inside, key=lambda q: (q.kind == "indirect", q.end - q.start))
        source = quote.source.text if quote.source and quote.source.text.lower() not in PERSONAL_PRONOUNS else None
        return quote.speaker, quote.speaker_name or source
    for verb in [head, *head.ancestors]:
        if verb.lemma_ in BELIEF_VERBS or reporting_cue(verb) is not None:
            subject = subject_of(verb)
            if subject is not None:
                return _named(actors, mention_of(subject))
    return None, None


def _named(actors: ActorTable, mention: DocSpan) -> tuple[str | None, str | None]:
    speaker, name = speaker_of(actors, mention)
    if speaker is None and name is None and not is_pronoun(mention):
        name = trimmed(mention.doc, mention.start, mention.end).text
    return speaker, name
