"""A spaCy sentence as the constituent tree PETRARCH-1 expects, so the same reading
rules apply to text Cable parses itself.

Each token heads the constituent of its subtree: a noun an ``NP`` (its
prepositions as ``PP``, its conjuncts as sibling ``NP`` joined by the
conjunction, an apposition after a comma), a verb a clause ``S`` with its
subject and auxiliaries before a ``VP`` that starts with the verb (conjoined
verbs as sibling ``VP``), a preposition a ``PP``. A verb with a passive subject
and a ``by`` agent marks its verb phrase passive. Part-of-speech tags are
spaCy's Penn Treebank tags.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.attrs import DEP, HEAD, IDX, ORTH, POS, SPACY, TAG

from cable.coder.treebank import Node

NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
VERBS = frozenset({"VERB", "AUX"})
CONJUNCTS = frozenset({"conj"})
_ATTRS = [ORTH, POS, TAG, DEP, HEAD, IDX, SPACY]
_WRAP = 1 << 64
_LABELS: dict[int, str] = {}  # part-of-speech, tag and dependency names by their ids: a few hundred


class Word(NamedTuple):
    """What the tree is built from, for one token: spaCy's token attributes, read
    once. A spaCy ``Token`` is made anew each time a token's children are walked,
    and each of its string attributes is a look-up; a sentence's tree walks them
    many times over. Words link down to their children only, so that they, like
    the trees, are freed as soon as they are dropped, without the garbage collector."""

    i: int
    text: str
    pos_: str
    tag_: str
    dep_: str
    idx: int
    space: bool           # a space after it
    head: int             # its head's index, its own for a root
    children: list[Word]  # in text order

    @property
    def rights(self) -> list[Word]:
        return [c for c in self.children if c.i > self.i]

    @property
    def subtree(self) -> list[Word]:
        """This word and every word below it, in text order (as spaCy's ``subtree``)."""
        found: list[Word] = []
        self._collect(found)
        return found

    def _collect(self, found: list[Word]) -> None:
        for child in self.children:
            if child.i < self.i:
                child._collect(found)
        found.append(self)
        for child in self.children:
            if child.i > self.i:
                child._collect(found)


def doc_words(doc) -> list[Word]:
    """The document's tokens as words with their children."""
    strings, labels = doc.vocab.strings, _LABELS
    rows = doc.to_array(_ATTRS).tolist()
    for row in rows:
        for key in row[1:4]:
            if key not in labels:
                labels[key] = strings[key]
    make = tuple.__new__  # a word is made by the thousand: without a call to Python code
    words = []
    for i, (orth, pos, tag, dep, head, idx, space) in enumerate(rows):
        head = i + (head - _WRAP if head >= _WRAP >> 1 else head)  # to_array's offsets are unsigned
        words.append(make(Word, (i, strings[orth], labels[pos], labels[tag], labels[dep], idx, space == 1, head, [])))
    for word in words:
        if word.head != word.i:
            words[word.head].children.append(word)
    return words


def words_text(words: list[Word]) -> str:
    """The text of consecutive words, as spaCy's ``Doc.text`` gives it."""
    return "".join([w.text + " " if w.space else w.text for w in words])


def tree_from_words(words: list[Word], span) -> Node:
    """The tree of one spaCy sentence (a ``Span``), from its document's words (``doc_words``)."""
    roots = [w for w in words[span.start:span.end] if w.head == w.i]
    root = roots[0] if len(roots) == 1 else words[span.root.i]  # a parse across sentences
    top = Node("ROOT")
    _attach(top, _constituent(root))
    top.start = top.children[0].start if top.children else -1
    return top


def _constituent(token) -> Node:
    if token.pos_ in VERBS and (token.children or token.dep_ == "ROOT"):
        return _clause(token)
    if token.pos_ in NOUNS:
        return _noun_phrase(token)
    if token.pos_ == "ADP" or token.dep_ in ("prep", "agent"):
        return _preposition(token)
    return _generic(token)


def _leaf(token) -> Node:
    return Node(token.tag_ or token.pos_ or "X", word=token.text, start=token.idx)


def _node(label: str, parts: list[Node]) -> Node:
    """A constituent over ``parts`` in text order; its ``start`` is its first offset."""
    node = Node(label)
    for part in sorted(parts, key=_first_offset):
        _attach(node, part)
    node.start = node.children[0].start if node.children else -1
    return node


def _attach(parent: Node, child: Node) -> None:
    parent.children.append(child)


def _first_offset(node: Node) -> int:
    return node.start


def _noun_phrase(token) -> Node:
    """``(NP ...)`` with prepositions, clauses, appositions and conjuncts; a
    coordination of bare nouns stays flat, as a Treebank parse has it
    ("(NP (JJ Danish) (NNS media) (CC and) (NN government))")."""
    conjuncts = _conjuncts(token)
    if not conjuncts:
        return _noun_core(token)
    parts = _bare(token) or [_noun_core(token)]
    for joiner, conjunct in conjuncts:
        parts.extend(_leaf(j) for j in joiner)
        parts.extend(_bare(conjunct, keep_left=False) or [_noun_core(conjunct)])
    return _node("NP", parts)


def _bare(token, keep_left: bool = True) -> list[Node]:
    """The leaves of a noun with nothing after it (its left words when
    ``keep_left``); empty when it has more."""
    own = [c for c in token.children if not (c.dep_ in CONJUNCTS or c.dep_ == "cc" or _joins_conjunct(c, token))]
    if any(c.i > token.i for c in own) or (own and not keep_left):
        return []
    return [_leaf(t) for c in own for t in c.subtree] + [_leaf(token)]


def _noun_core(token) -> Node:
    """A noun with its own dependents (not its conjuncts)."""
    inner, outer = [_leaf(token)], []
    for child in token.children:
        if child.dep_ in CONJUNCTS or child.dep_ == "cc" or _joins_conjunct(child, token):
            continue
        if child.i < token.i and child.dep_ not in ("relcl", "acl"):
            inner.extend(_left_part(child))
        elif child.dep_ in ("prep", "relcl", "acl", "appos") or child.pos_ in VERBS:
            outer.append(_constituent(child))
        else:
            inner.extend(_leaf(t) for t in child.subtree)
    head = _node("NP", inner)
    return _node("NP", [head, *_nest_prepositions(outer)]) if outer else head


def _nest_prepositions(parts: list[Node]) -> list[Node]:
    """Prepositional phrases in a row, each attached to the object of the one
    before ("closure (of houses (in Bree))"), as a Treebank parse attaches them."""
    parts = sorted(parts, key=_first_offset)
    for i in range(len(parts) - 1, 0, -1):
        earlier, later = parts[i - 1], parts[i]
        if earlier.label == "PP" and later.label == "PP" and earlier.children[-1].label == "NP":
            obj = earlier.children.pop()
            _attach(earlier, _node("NP", [obj, later]))
            del parts[i]
    return parts


def _left_part(child) -> list[Node]:
    """A word before a noun: coordinated adjectives as an ``ADJP``, a possessive
    as an ``NP``, anything else as plain words."""
    if child.pos_ == "ADJ" and any(c.dep_ in CONJUNCTS for c in child.children):
        return [_node("ADJP", [_leaf(t) for t in child.subtree])]
    if child.dep_ == "poss" and child.children:
        return [_node("NP", [_leaf(t) for t in child.subtree])]
    return [_leaf(t) for t in child.subtree]


def _conjuncts(token) -> list[tuple[list, object]]:
    """(joining tokens, conjunct) along a chain of ``conj``: "A, B and C"."""
    found = []
    current = token
    while True:
        nxt = next((c for c in current.children if c.dep_ in CONJUNCTS and c.pos_ in NOUNS), None)
        if nxt is None:
            return found
        joiner = [c for c in current.children if c.i < nxt.i and (c.dep_ == "cc" or _joins_conjunct(c, current))]
        found.append((joiner, nxt))
        current = nxt


def _joins_conjunct(child, head) -> bool:
    """A comma (a child of ``head``) that separates conjuncts."""
    if child.text != "," or child.dep_ != "punct":
        return False
    return any(s.dep_ in CONJUNCTS and s.i > child.i for s in head.rights)


def _preposition(token) -> Node:
    return _node("PP", [_leaf(token), *(_constituent(c) for c in token.children)])


def _generic(token) -> Node:
    if not token.children:
        return _leaf(token)
    label = {"ADJ": "ADJP", "ADV": "ADVP"}.get(token.pos_, "FRAG")
    return _node(label, [_leaf(token), *(_constituent(c) for c in token.children)])


def _clause(verb) -> Node:
    """``(S subject auxiliaries (VP verb ...))``; conjoined verbs as sibling VPs."""
    before, after = [], []
    children = verb.children
    conjuncts = [c for c in children if c.dep_ in CONJUNCTS and c.pos_ in VERBS]
    for child in children:
        if child in conjuncts or (child.dep_ == "cc" and conjuncts):
            continue
        (before if child.i < verb.i else after).append(_constituent(child))
    phrase = _node("VP", [_leaf(verb), *after])
    phrase.passive = _passive(children)
    if conjuncts:
        joiners = [_leaf(c) for c in children if c.dep_ == "cc"]
        phrase = _node("VP", [phrase, *joiners, *(_conjunct_phrase(c) for c in conjuncts)])
    return _node("S", [*before, phrase])


def _conjunct_phrase(verb) -> Node:
    """A conjoined verb: a clause of its own when it has a subject."""
    clause = _clause(verb)
    return clause.children[0] if len(clause.children) == 1 else clause


def _passive(children: list) -> bool:
    """Whether a verb with these children is a passive with a ``by`` agent."""
    deps = {child.dep_ for child in children}
    return bool({"nsubjpass", "auxpass"} & deps) and "agent" in deps
