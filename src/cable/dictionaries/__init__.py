"""TABARI and PETRARCH dictionaries as plain records, with lookups for a coder.

Load a whole set (cached after the first time)::

    from cable.dictionaries import load_dictionaries
    d = load_dictionaries("PETR_config.ini", directory="dictionaries/")
    d.actor_code(["CARL", "XVI", "GUSTAF"], date(2015, 8, 13))      # "SWEGOV"
    d.actor_index.matches(["THE", "BOKO", "HARAM"], 1)              # [(3, [ActorEntry])]
    d.verb_hits("SAID")                                             # [VerbHit, ...]

or read one file with ``read_verbs``, ``read_actors``, ``read_agents``,
``read_discards``, ``read_issues`` or ``read_options``. Lines that cannot be read are
skipped with a ``LoadWarning`` naming file and line.
"""

from cable.dictionaries.actors import ActorDictionary, read_actors
from cable.dictionaries.agents import read_agents
from cable.dictionaries.bundle import Dictionaries, build_dictionaries
from cable.dictionaries.cache import cache_root
from cable.dictionaries.compiled import LazyRecords, PhraseIndex
from cable.dictionaries.entries import (
    ALTERNATIVES, COMPLEX_CODE, COMPOUND, DISCARD_CODE, EXACT, NOUN_PHRASE, NULL_CODE, PETRARCH1,
    PETRARCH2, PREP_PHRASE, SKIP, SOURCE, STEM, SYNSET, TABARI, TARGET, VERB, WORD,
    WORD_ENDINGS, ActorCode, ActorEntry, AgentEntry, Discard, Issue, LoadWarning, Pattern,
    Phrase, Synset, Token, Transformation, VerbCode, VerbEntry, VerbForm, VerbHit, code_on,
    phrase_words,
)
from cable.dictionaries.lists import expand_issue, read_discards, read_issues
from cable.dictionaries.load import DictionaryError, dictionary_files, load_dictionaries
from cable.dictionaries.matching import candidate_keys, word_matches
from cable.dictionaries.options import Options, apply_option, read_options
from cable.dictionaries.sources import (
    DictionaryFiles, classify_paths, read_environment, read_petrarch_config, read_tabari_project,
)
from cable.dictionaries.verbs import read_verbs, verb_format
from cable.dictionaries.verbs_common import VerbDictionary

__all__ = [
    "ALTERNATIVES", "ActorCode", "ActorDictionary", "ActorEntry", "AgentEntry", "COMPLEX_CODE",
    "COMPOUND", "DISCARD_CODE", "Dictionaries", "DictionaryError", "DictionaryFiles", "Discard",
    "EXACT", "Issue", "LazyRecords", "LoadWarning", "NOUN_PHRASE", "NULL_CODE", "Options",
    "PETRARCH1", "PETRARCH2", "PREP_PHRASE", "Pattern", "Phrase", "PhraseIndex", "SKIP",
    "SOURCE", "STEM", "SYNSET", "Synset", "TABARI", "TARGET", "Token", "Transformation", "VERB",
    "VerbCode", "VerbDictionary", "VerbEntry", "VerbForm", "VerbHit", "WORD", "WORD_ENDINGS",
    "apply_option", "build_dictionaries", "cache_root", "candidate_keys", "classify_paths",
    "code_on", "dictionary_files", "expand_issue", "load_dictionaries", "phrase_words",
    "read_actors", "read_agents", "read_discards", "read_environment", "read_issues",
    "read_options", "read_petrarch_config", "read_tabari_project", "read_verbs", "verb_format",
    "word_matches",
]
