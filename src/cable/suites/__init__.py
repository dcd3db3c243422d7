"""Sentence-level suites: read them, code them, score them as the originals do.

    >>> from cable.suites import read_suite, choose_coder, evaluate
    >>> suite = read_suite("anchors/petrarch2/petrarch2/data/text/PETR.UnitTest.records.xml")
    >>> coder, note = choose_coder(suite.dictionaries)
    >>> print(evaluate(suite.records, coder, suite=suite.name).table())

Readers: PETRARCH XML, TABARI validation text, PETRARCH-2 unit cases, PLOVER
gold records, ConfliBERT quad TSV and ``{id, date, text}`` JSONL, all giving
``SuiteRecord``. Coders follow the ``Coder`` protocol: suites that name their
dictionaries are coded with them by ``cable.coder.DictionaryCoder``; raw text
by ``CombinedCoder`` (Cable's pipeline, with the dictionary coder over the
packaged ``default_dictionaries()`` where the pipeline finds nothing);
``PipelineCoder`` uses the pipeline alone and ``NullCoder`` codes nothing.
"""

from .base import CodedEvent, Coder, GoldEvent, NullCoder, SuiteRecord, code_all, coded_json
from .coders import choose_coder
from .combined import CombinedCoder
from .defaults import default_dictionaries
from .detect import Suite, detect_format, read_suite, suite_dictionaries
from .pipeline_coder import PipelineCoder
from .report import Report, evaluate
from .score import RecordResult, Tally, score_record

__all__ = [
    "CodedEvent",
    "Coder",
    "CombinedCoder",
    "GoldEvent",
    "NullCoder",
    "PipelineCoder",
    "RecordResult",
    "Report",
    "Suite",
    "SuiteRecord",
    "Tally",
    "choose_coder",
    "code_all",
    "coded_json",
    "default_dictionaries",
    "detect_format",
    "evaluate",
    "read_suite",
    "score_record",
    "suite_dictionaries",
]
