"""Sources: turn what the user names (a path, a directory, a URL, ``-``) into decoded text."""

from .read import Input, expand_inputs, read_input

__all__ = ["Input", "expand_inputs", "read_input"]
