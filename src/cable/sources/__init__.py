"""Sources: turn what the user names (a path, a directory, a URL, ``-``) into
documents: decoded pages with what their container says of them."""

from .documents import Document, Limits, iter_documents
from .fetch import Fetched, check_url, fetch
from .read import Input, expand_inputs, read_input

__all__ = ["Document", "Fetched", "Input", "Limits", "check_url", "expand_inputs", "fetch",
           "iter_documents", "read_input"]
