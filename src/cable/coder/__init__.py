"""Event coding with TABARI and PETRARCH dictionaries: who did what to whom.

    >>> from cable.coder import DictionaryCoder
    >>> coder = DictionaryCoder(["CAMEO.2.0.txt", "Phoenix.Countries.actors.txt",
    ...                          "Phoenix.agents.txt", "Phoenix.discards.txt"])
    >>> coder.code_text("Germany invaded France.", "2001-01-01")
    [CodedEvent(source='DEU', target='FRA', cameo='192', plover='COERCE')]

``DictionaryCoder`` follows the suites' ``Coder`` protocol (``code``,
``code_many``, ``actor_codes``) and codes texts (``code_text``) and parsed spaCy
documents (``code_doc``). The work is split into readings of a sentence
(``from_tree``: a Treebank parse; ``from_doc``: spaCy's dependency parse as a
tree; ``tabari``/``tabari_build``: TABARI's sparse parse), all giving the same
``model.Sentence``, and the coding itself (``engine``: verbs, patterns, actors,
events in PETRARCH's way; ``clauses``: TABARI's clause by clause; ``matching``:
verb patterns; ``actors``: actor and agent codes).
"""

from cable.coder.coder import AUTO, SPACY, SPARSE, TREE, DictionaryCoder, coded_event
from cable.coder.model import NULL, Phrase, Sentence, Triple, VerbSite
from cable.coder.settings import CoderSettings

__all__ = ["AUTO", "NULL", "SPACY", "SPARSE", "TREE", "CoderSettings", "DictionaryCoder", "Phrase",
           "Sentence", "Triple", "VerbSite", "coded_event"]
