"""Options and checks the command modules share."""

from __future__ import annotations

import datetime as dt

import click

DB_HELP = "SQLite database file (or sqlite:///PATH), or a PostgreSQL URL postgresql://USER@HOST:PORT/DBNAME"

db_option = click.option("--db", envvar="CABLE_DB", default="cable.db", show_default=True, help=DB_HELP)


def check_date(ctx, param, value: str | None) -> str | None:
    """A click callback: an ISO date (YYYY-MM-DD), or a usage error saying what to write."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2009-10-28") from None
