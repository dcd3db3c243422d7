"""A Penn Treebank parse as a ``Sentence``, the way PETRARCH-1 reads it.

Noun phrases become phrases (PETRARCH's ``(NE``): a possessive phrase as a whole
(the ``'s`` dropped), a phrase with one prepositional attachment as "head NP +
preposition + object" (``THE PRINCE OF DOL AMROTH``), a phrase with no nested
noun phrase as a whole; other noun phrases are opened up. A noun phrase whose
conjunction joins nouns ("Gondor and Osgiliath") is a compound, one reading per
member, with leading adjectives copied to bare-noun members ("Danish media and
government" -> DANISH MEDIA, DANISH GOVERNMENT). Every verb phrase that starts
with a verb is a place to look for an event; a passive ("was opposed by") is
looked up on its participle.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from cable.coder.commas import drop_comma_clauses
from cable.coder.model import Item, Mark, Phrase, Sentence, VerbSite
from cable.coder.treebank import Node, read_tree

PASSIVE_AUXILIARIES = frozenset({"WAS", "IS", "BEEN"})
Part = str | tuple[tuple[str, ...], ...]   # a word, or the readings of a nested compound


@dataclass(slots=True)
class VerbPhrase:
    """A verb phrase found while walking the tree, by item positions."""

    verb: int
    end: int
    passive: bool
    char: int | None = None
    clause: int = 0     # where its clause starts (its subject first)


class TreeReader:
    """Walks one tree into items, phrases and verb phrases."""

    def __init__(self, root: Node):
        self.root = root
        self.compounds, self.labels = survey(root)
        self.items: list[Item] = []
        self.commas: set[int] = set()
        self.verb_phrases: list[VerbPhrase] = []
        self.leaf_item: dict[int, int] = {}
        self.clauses: list[int] = []   # where the clauses being walked start

    def read(self) -> "TreeReader":
        self.walk(self.root)
        return self

    def walk(self, node: Node) -> None:
        """Emit the items of a node."""
        if node.word is not None:
            return self.emit_word(node)
        if node in self.compounds:
            return self.emit_phrase(compound_phrase(node, self.compounds), node)
        if node.label == "NP":
            phrase = noun_phrase(node, self.compounds, self.labels[id(node)])
            if phrase is not None:
                return self.emit_phrase(phrase, node)
        if node.label.startswith("VP"):
            return self.walk_verb_phrase(node)
        subject = has_subject(node)
        if subject:
            self.clauses.append(len(self.items))
        for child in node.children:
            self.walk(child)
        if subject:
            self.clauses.pop()

    def emit_word(self, leaf: Node) -> None:
        """A word item; a comma of the tree is noted (clauses are cut there)."""
        self.leaf_item[id(leaf)] = len(self.items)
        if leaf.label == ",":
            self.commas.add(len(self.items))
        self.items.append(leaf.word.upper())

    def emit_phrase(self, phrase: Phrase, node: Node) -> None:
        """A phrase between its marks, with its character span when known."""
        first, last = node.edge_leaf(0), node.edge_leaf(-1)
        if first is not None and last is not None and first.start >= 0 and last.start >= 0:
            phrase.span = (first.start, last.start + len(last.word))
        self.items.append(Mark(phrase, True))
        self.items.extend(phrase.words)
        self.items.append(Mark(phrase, False))

    def walk_verb_phrase(self, node: Node) -> None:
        """A verb phrase that starts with a verb is a site; passives are noted."""
        first = node.children[0] if node.children else None
        starts_with_verb = first is not None and first.word is not None and first.label.startswith("VB")
        record = VerbPhrase(-1, -1, False, clause=self.clauses[-1] if self.clauses else 0)
        if starts_with_verb:
            self.verb_phrases.append(record)
        for child in node.children:
            self.walk(child)
        if starts_with_verb:
            participle = None if node.passive else passive_participle(node)
            leaf = participle if participle is not None else first
            record.verb = self.leaf_item.get(id(leaf), -1)
            record.passive = node.passive or participle is not None
            record.char = leaf.start if leaf.start >= 0 else None
            record.end = len(self.items)


def sentence_from_tree(text: str, *, comma: dict[str, int] | None = None,
                       strict: bool = True) -> Sentence | None:
    """The sentence of a bracketed parse, with comma clauses removed by ``comma``
    limits (``MIN``, ``MAX``, ``EMIN``, ``EMAX``, ``BMIN``, ``BMAX``); None when
    the parse cannot be read (see ``read_tree`` for ``strict``)."""
    root = read_tree(text, strict)
    return None if root is None else sentence_from_node(root, comma=comma)


def sentence_from_node(root: Node, *, comma: dict[str, int] | None = None) -> Sentence:
    """The sentence of a tree, comma clauses removed."""
    reader = TreeReader(root).read()
    keep = drop_comma_clauses(reader.items, reader.commas, comma or {})
    return assemble(reader, keep)


def assemble(reader: TreeReader, keep: list[bool]) -> Sentence:
    """Items that survive ``keep``, with verb sites renumbered."""
    new_index = []
    count = 0
    for kept in keep:
        new_index.append(count)
        count += kept
    new_index.append(count)
    items = [item for item, kept in zip(reader.items, keep) if kept]
    commas = sorted(new_index[i] for i in reader.commas if keep[i])
    sites = []
    for vp in reader.verb_phrases:
        if vp.verb < 0 or not keep[vp.verb]:
            continue
        verb = new_index[vp.verb]
        start = max((c + 1 for c in commas if c < verb), default=0)
        end = max(new_index[vp.end], verb + 1)
        clause = max(start, new_index[vp.clause])
        sites.append(VerbSite(verb, start, end, end, vp.passive, vp.char, scope=(clause, end)))
    phrases = [item.phrase for item in items if isinstance(item, Mark) and item.opening]
    return Sentence(items, sites, phrases=phrases)


def has_subject(node: Node) -> bool:
    """A clause with a noun phrase before its verb phrase."""
    if not node.label.startswith("S"):
        return False
    labels = [child.label for child in node.children]
    return "VP" in labels and "NP" in labels[: labels.index("VP")]


def survey(root: Node) -> tuple[set[Node], dict[int, set[str]]]:
    """The tree's compounds, and for each node (by id; not for words) the labels of
    the nodes under it, a compound counting as ``NP``; in one pass."""
    compounds: set[Node] = set()
    labels: dict[int, set[str]] = {}
    _survey(root, compounds, labels)
    return compounds, labels


def _survey(node: Node, compounds: set[Node], labels: dict[int, set[str]]) -> tuple[bool, int, int]:
    """Records the compounds and labels under ``node`` (see ``survey``); returns
    whether its subtree, itself included, holds a verb phrase or clause, and how
    many conjunctions and noun labels it holds.

    A compound (PETRARCH's ``(NEC``) is a noun phrase with a conjunction among its
    children, and below it nothing verbal, no second conjunction and at least two
    noun labels."""
    verbal, conjunctions, nouns = False, 0, 0
    below: set[str] = set()
    for child in node.children:
        if child.word is None:
            v, c, n = _survey(child, compounds, labels)
            below |= labels[id(child)]
            below.add("NP" if child in compounds else child.label)
        else:  # a word: nothing below it
            v, c, n = _COUNTS.get(child.label) or _counts(child.label)
            below.add(child.label)
        verbal, conjunctions, nouns = verbal or v, conjunctions + c, nouns + n
    labels[id(node)] = below
    if (node.label == "NP" and not verbal and conjunctions <= 1 and nouns >= 2
            and any(child.label == "CC" for child in node.children)):
        compounds.add(node)
    v, c, n = _COUNTS.get(node.label) or _counts(node.label)
    return verbal or v, conjunctions + c, nouns + n


_COUNTS: dict[str, tuple[bool, int, int]] = {}


def _counts(label: str) -> tuple[bool, int, int]:
    """Whether a label is verbal, and whether it is a conjunction and a noun label, as counts (remembered)."""
    found = _COUNTS[label] = (label.startswith(("VP", "S")), int(label == "CC"), int(label.startswith("N")))
    return found


def noun_phrase(node: Node, compounds: set[Node], labels: set[str] | frozenset[str] | None = None) -> Phrase | None:
    """The phrase a noun phrase stands for, or None when it must be opened up;
    ``labels`` are those under the node (worked out when not given)."""
    if labels is None:
        labels = frozenset(n.label for n in node.descendants())
    if "POS" in labels:
        return make_phrase(parts_of(node, compounds, skip_first_pos=True))
    if "PP" in labels:
        parts = prepositional_parts(node, node.descendants(), compounds)
        return make_phrase(parts) if parts else None
    if any(label.startswith("NP") for label in labels):
        return None
    pronoun = labels == {"PRP"} and len(node.children) == 1
    return make_phrase(parts_of(node, compounds), pronoun)


def prepositional_parts(node: Node, below: list[Node], compounds: set[Node]) -> list[Part] | None:
    """``(NP (NP head) (PP (IN of) (NP object)))`` as head + preposition + object;
    None when the object holds a further prepositional phrase."""
    pp = next(n for n in below if n.label == "PP")
    parent = next(n for n in (node, *below) if any(child is pp for child in n.children))
    if parent.label != "NP":
        return None
    head = parent.children[0]
    if head.label != "NP" and head not in compounds:
        return None
    preposition = next((c for c in pp.children if c.word is not None and c.label in ("IN", "TO")), None)
    objects = [c for c in pp.children if c.label == "NP" or c in compounds]
    if preposition is None or not objects:
        return None
    obj = objects[0]
    if any(n.label == "PP" for n in obj.descendants()):
        return None
    return parts_of(head, compounds) + [preposition.word.upper()] + parts_of(obj, compounds)


def parts_of(node: Node, compounds: set[Node], skip_first_pos: bool = False) -> list[Part]:
    """Words under a node, nested compounds kept as their readings."""
    parts: list[Part] = []
    skipped = not skip_first_pos
    stack = [node]
    while stack:
        current = stack.pop()
        if current in compounds:
            parts.append(compound_phrase(current, compounds).readings)
        elif current.word is not None:
            if current.label == "POS" and not skipped:
                skipped = True
            else:
                parts.append(current.word.upper())
        else:
            stack.extend(reversed(current.children))
    return parts


def compound_phrase(node: Node, compounds: set[Node]) -> Phrase:
    """A compound: each noun or noun phrase member, leading adjectives copied to
    bare nouns."""
    adjectives: list[str] = []
    members: list[list[Part]] = []
    seen_noun = False
    stack = list(reversed(node.children))
    while stack:
        current = stack.pop()
        if current.label == "NP" or current.label.startswith("NN") or current in compounds:
            seen_noun = True
            if current.word is not None:
                members.append([*adjectives, current.word.upper()])
            else:
                members.append(parts_of(current, compounds))
        elif current.word is not None:
            if not seen_noun and current.label.startswith("JJ"):
                adjectives.append(current.word.upper())
        else:
            stack.extend(reversed(current.children))
    readings = tuple(reading for member in members for reading in expand(member))
    words = tuple(word for member in members for word in flat_words(member))
    return Phrase(words, readings or (words,))


def make_phrase(parts: list[Part], pronoun: bool = False) -> Phrase | None:
    """A phrase from words and nested compounds; None when it has no words."""
    words = tuple(flat_words(parts))
    if not words:
        return None
    return Phrase(words, tuple(expand(parts)), pronoun=pronoun)


def expand(parts: list[Part]) -> list[tuple[str, ...]]:
    """Every reading: one choice per nested compound."""
    if all(isinstance(part, str) for part in parts):
        return [tuple(parts)]
    choices = [[(part,)] if isinstance(part, str) else list(part) for part in parts]
    return [tuple(word for chunk in combo for word in chunk) for combo in product(*choices)]


def flat_words(parts: list[Part]) -> list[str]:
    """Every word of the parts, all members of nested compounds included."""
    words: list[str] = []
    for part in parts:
        if isinstance(part, str):
            words.append(part)
        else:
            for reading in part:
                words.extend(reading)
    return words


def passive_participle(vp: Node) -> Node | None:
    """The participle of a passive verb phrase: a VBN after the first verb, BY
    later in the phrase, and WAS, IS or BEEN before the participle."""
    leaves = vp.leaves()
    for i, leaf in enumerate(leaves[1:], start=1):
        if leaf.label == "VBN":
            if not any(later.word.upper() == "BY" for later in leaves[i + 1:]):
                return None
            before = leaves[:i]
            if any(b.label.startswith("VB") and b.word.upper() in PASSIVE_AUXILIARIES for b in before):
                return leaf
            return None
    return None
