"""Coverage-guided fuzzing of Cable's readers and clean stage (atheris, libFuzzer).

    pip install atheris==3.0.0
    python fuzz/run.py [TARGET] [-atheris_runs=100000] [-max_total_time=600] [fuzz/corpus/TARGET]

Targets: ``decode`` (bytes to text), ``documents`` (the JSONL, feed, archive and
page readers, gzip included), ``clean`` (the clean stage on HTML and text),
``petrarch`` (the PETRARCH XML suite reader). An input that raises anything but
``InputError`` (or ``CableError`` for the suite reader) is a crash: libFuzzer
writes it to ``crash-*``; add it to the tests as a regression case.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["cable"]):
    from cable.errors import CableError, InputError
    from cable.pipeline.clean import clean
    from cable.sources import Limits, iter_documents
    from cable.sources.read import decode

SUFFIXES = [".html", ".txt", ".jsonl", ".rss", ".warc", ".html.gz", ".jsonl.gz", ".warc.gz"]
WORK = Path(tempfile.mkdtemp(prefix="cable-fuzz-"))


def fuzz_decode(data: bytes) -> None:
    try:
        decode(data, "fuzz")
    except InputError:
        pass


def fuzz_documents(data: bytes) -> None:
    if not data:
        return
    path = WORK / f"input{SUFFIXES[data[0] % len(SUFFIXES)]}"
    path.write_bytes(data[1:])
    for _ in iter_documents(str(path), Limits(max_bytes=200_000)):
        pass


def fuzz_clean(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    try:
        clean(text, input="fuzz")
    except InputError:
        pass


def fuzz_petrarch(data: bytes) -> None:
    from cable.suites.petrarch import read_petrarch

    path = WORK / "records.xml"
    path.write_bytes(data)
    try:
        read_petrarch(path)
    except CableError:
        pass


TARGETS = {"decode": fuzz_decode, "documents": fuzz_documents, "clean": fuzz_clean, "petrarch": fuzz_petrarch}


def main() -> None:
    args = sys.argv[1:]
    name = args.pop(0) if args and args[0] in TARGETS else "documents"
    atheris.Setup([sys.argv[0], *args], TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
