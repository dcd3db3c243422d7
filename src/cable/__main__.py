"""``python -m cable``: the command line."""

from .cli import cli

cli()
