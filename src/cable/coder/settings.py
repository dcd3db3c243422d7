"""Coding settings: PETRARCH's configuration options and TABARI's ``.options``.

``CoderSettings.from_options`` reads a TABARI options record; ``apply`` takes the
changes a suite makes mid-file (TABARI ``{OPTION: ...}`` lines, PETRARCH
``<Config option value>`` elements).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cable.dictionaries import Options, apply_option
from cable.coder.commas import PETRARCH_LIMITS, TABARI_LIMITS

CLAUSE, SENTENCE, ALL = "clause", "sentence", "all"
_COMMA_NAMES = {"comma_min": "MIN", "comma_max": "MAX", "comma_bmin": "BMIN", "comma_bmax": "BMAX",
                "comma_emin": "EMIN", "comma_emax": "EMAX"}


@dataclass(frozen=True, slots=True)
class CoderSettings:
    """How a sentence is coded.

    ``code_by``: ``all`` verbs (PETRARCH), the first event per ``clause`` or per
    ``sentence`` (TABARI). ``require_dyad``: drop events with a null source or
    target. ``source_only``: keep an event whose verb has a coded source and no
    target phrase at all, with a null target (Cable's raw-text fallback; the
    PETRARCH and TABARI suites never set it). ``new_actor_length``: uncoded phrases of at most this many words are
    output in quotes instead of ``---`` (0: never). ``defaults``: TABARI's default
    source and target codes, each (code, ``PRIOR``/``AFTER``/``""``).
    ``complex``: TABARI complexity conditions. ``pronouns``: resolve pronouns to
    actors (PETRARCH-1 does not). ``embedded_speech``: "X said Y attacked Z" codes
    the attack, not the statement (PETRARCH-2's transformations). ``own_clause``:
    look for the source in the verb's own clause first. TABARI's ``convert_agents``, ``time_shift``,
    ``fbis`` and ``forward`` (the sequence format of ``FORWARD:``) come from its
    options; ``minimum_words`` shorter sentences are not coded (TABARI: 8).
    """

    code_by: str = ALL
    require_dyad: bool = True
    source_only: bool = False
    new_actor_length: int = 0
    comma: dict[str, int] = field(default_factory=lambda: dict(PETRARCH_LIMITS))
    defaults: dict[str, tuple[str, str]] = field(default_factory=dict)
    complex: dict[str, int] = field(default_factory=dict)
    minimum_words: int = 0
    pronouns: bool = True
    embedded_speech: bool = False
    own_clause: bool = False
    convert_agents: bool = False
    time_shift: bool = False
    fbis: bool = False
    forward: str | None = None
    options: Options | None = None

    @classmethod
    def petrarch(cls, pronouns: bool = True, embedded_speech: bool = False) -> "CoderSettings":
        return cls(pronouns=pronouns, embedded_speech=embedded_speech)

    @classmethod
    def tabari(cls, options: Options) -> "CoderSettings":
        """TABARI's defaults, then what its options file sets."""
        return cls(code_by=CLAUSE, comma=dict(TABARI_LIMITS), options=Options()).with_options(options)

    def with_options(self, options: Options) -> "CoderSettings":
        """Settings after a TABARI options state."""
        flags = options.settings
        code_by = self.code_by
        setting = flags.get("CODE BY") or flags.get("CODE")
        if setting:
            code_by = {"CLAUSE": CLAUSE, "SENTENCE": SENTENCE, "ALL": ALL}.get(setting.split()[-1], code_by)
        if options.comma is None:
            comma = dict(TABARI_LIMITS)
        else:
            comma = {**TABARI_LIMITS, **options.comma} if options.comma else {}
        minimum = flags.get("MINIMUM WORDS", "8")
        forward = options.forward if options.forward and not options.forward.upper().endswith("OFF") else None
        return replace(self, code_by=code_by, comma=comma, defaults=dict(options.defaults),
                       complex=dict(options.complex), options=options,
                       minimum_words=int(minimum) if minimum.isdigit() else 8,
                       convert_agents=_true(flags, "CONVERT AGENT", "CONVERT AGENTS"),
                       time_shift=_true(flags, "TIME SHIFT", "TIME SHIFTING"),
                       fbis=_true(flags, "FBIS"), forward=forward)

    def apply(self, changes: list) -> "CoderSettings":
        """Settings after a record's option lines (TABARI) or config pairs (PETRARCH)."""
        settings = self
        for change in changes:
            if isinstance(change, str):
                settings = settings.with_options(apply_option(settings.options or Options(), change))
            else:
                settings = settings.configured(*change)
        return settings

    def configured(self, option: str, value: str) -> "CoderSettings":
        """One PETRARCH ``<Config option value>``."""
        option, value = option.strip().lower(), value.strip()
        if option == "require_dyad":
            return replace(self, require_dyad="false" not in value.lower())
        if option == "new_actor_length" and value.lstrip("-").isdigit():
            return replace(self, new_actor_length=int(value))
        if option in _COMMA_NAMES and value.lstrip("-").isdigit():
            return replace(self, comma={**self.comma, _COMMA_NAMES[option]: int(value)})
        return self


def _true(flags: dict[str, str], *names: str) -> bool:
    """A TABARI logical switch: TRUE or T."""
    return any(flags.get(name, "").startswith("T") for name in names)
