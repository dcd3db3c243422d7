"""Cable: foreign-affairs reporting in; a traceable record of who met, said,
demanded and expected what out.

    >>> from cable import process, open_store
    >>> result = process(open("page.txt").read(), date="2009-10-28")
    >>> [e.plover for e in result.events]
"""

from .errors import CableError
from .records import Actor, Article, Event, Forecast, Quote, Rejection, Result, Stance

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "CableError",
    "Event",
    "Forecast",
    "Quote",
    "Rejection",
    "Result",
    "Stance",
    "open_store",
    "process",
    "process_many",
]


def __getattr__(name: str):
    # The pipeline and the store load spaCy and friends: import them on first use,
    # so `cable --help` and the records stay light.
    if name in ("process", "process_many"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "open_store":
        from .store import open_store

        return open_store
    raise AttributeError(f"module 'cable' has no attribute {name!r}")
