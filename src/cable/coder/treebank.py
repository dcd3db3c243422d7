"""Penn Treebank parses (``(ROOT (S (NP (NNP Gondor)) ...))``) as small trees.

Stray text between brackets is dropped. Unbalanced brackets make the parse
unreadable (None), as in PETRARCH, unless ``strict`` is off; then missing closing
brackets are supplied. Nothing here raises on bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_PIECES = re.compile(r"\(|\)|[^\s()]+")


@dataclass(slots=True, eq=False)
class Node:
    """A constituent (``label`` and ``children``) or a preterminal (``word`` set).

    Trees built from a dependency parse also carry a leaf's character offset
    (``start``) and mark a passive verb phrase (``passive``).
    """

    label: str
    children: list["Node"] = field(default_factory=list)
    word: str | None = None
    start: int = -1
    passive: bool = False

    @property
    def is_leaf(self) -> bool:
        return self.word is not None

    def leaves(self) -> list["Node"]:
        """Preterminals under this node, in order."""
        if self.word is not None:
            return [self]
        found: list[Node] = []
        stack = [self]
        while stack:
            node = stack.pop()
            if node.word is not None:
                found.append(node)
            else:
                stack.extend(reversed(node.children))
        return found

    def edge_leaf(self, end: int) -> "Node | None":
        """The first (``end`` 0) or last (-1) preterminal under this node, or None."""
        node = self
        while node.word is None:
            if not node.children:
                return None
            node = node.children[end]
        return node

    def descendants(self) -> list["Node"]:
        """Every node below this one, in document order."""
        found: list[Node] = []
        stack = list(reversed(self.children))
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(reversed(node.children))
        return found


def read_tree(text: str, strict: bool = True) -> Node | None:
    """The tree of a bracketed parse; None when it holds no words or, when
    ``strict``, when its brackets do not balance."""
    pieces = _PIECES.findall(text or "")
    if strict and pieces.count("(") != pieces.count(")"):
        return None
    root = Node("TOP")
    stack = [root]
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if piece == "(":
            label, i = _label(pieces, i + 1)
            node = Node(label)
            stack[-1].children.append(node)
            stack.append(node)
            continue
        if piece == ")":
            if len(stack) > 1:
                _close(stack.pop())
        elif stack[-1].label and not stack[-1].children and stack[-1].word is None:
            stack[-1].word = piece
        i += 1
    while len(stack) > 1:
        _close(stack.pop())
    return _unwrap(root) if root.leaves() else None


def _label(pieces: list[str], i: int) -> tuple[str, int]:
    """The label after ``(``: empty for ``( (S ...))``."""
    if i < len(pieces) and pieces[i] not in "()":
        return pieces[i], i + 1
    return "", i


def _close(node: Node) -> None:
    """A node with a word and children keeps the children (a malformed leaf)."""
    if node.word is not None and node.children:
        node.word = None


def _unwrap(root: Node) -> Node:
    """Drop the synthetic top and unlabelled wrappers such as ``( (S ...))``."""
    node = root
    while node.word is None and len(node.children) == 1 and node.label in ("TOP", ""):
        node = node.children[0]
    return node
