"""The sentence a token is in, found by bisection over the doc's sentence bounds.

spaCy's ``token.sent`` walks the document's sentences on every call; the
stages ask for it thousands of times an article. The bounds are computed once
per doc (kept in ``doc.user_data`` as plain integers) and looked up.
"""

from __future__ import annotations

from bisect import bisect_right

KEY = "cable_sentence_bounds"


def sentence_of(tok):
    """The sentence Span holding ``tok`` (the same as ``tok.sent``)."""
    doc = tok.doc
    bounds = doc.user_data.get(KEY)
    if bounds is None:
        bounds = doc.user_data[KEY] = ([s.start for s in doc.sents], [s.end for s in doc.sents])
    starts, ends = bounds
    at = bisect_right(starts, tok.i) - 1
    return doc[starts[at]:ends[at]]
