"""Cable: foreign-affairs reporting in; a traceable record of who met, said,
demanded and expected what out.

    >>> from cable import process, open_store
    >>> result = process(open("page.txt").read(), date="2009-10-28")
    >>> [e.plover for e in result.events]
"""

from .errors import CableError
from .pipeline import process, process_many
from .records import Actor, Article, Event, Forecast, Quote, Rejection, Result, Stance
from .store import open_store

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
