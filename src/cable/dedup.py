"""Near-duplicate articles: wire copy republished with small edits.

An article's text becomes the set of its 5-word shingles; a MinHash signature
of 64 values estimates the Jaccard similarity of two such sets, and locality-
sensitive hashing (16 bands of 4 values) finds the candidates without comparing
every pair: two texts 80% alike share a band with probability above 0.98,
texts 30% alike rarely (under 0.13). A candidate counts as a near-duplicate
when its estimated similarity is at least ``CANDIDATE`` and the exact Jaccard
similarity of the two shingle sets at least ``THRESHOLD``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

SHINGLE = 5
PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.8
CANDIDATE = 0.5  # an estimate this high is checked against the exact overlap
PRIME = (1 << 61) - 1
WORD = re.compile(r"\w+")
_rng = np.random.default_rng(20240101)
A = _rng.integers(1, PRIME, size=PERMUTATIONS, dtype=np.uint64)
B = _rng.integers(0, PRIME, size=PERMUTATIONS, dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Signature:
    values: tuple[int, ...]

    def bands(self) -> list[str]:
        """One key per band: a candidate shares at least one."""
        return [f"{i}:{hashlib.blake2b(repr(self.values[i * ROWS:(i + 1) * ROWS]).encode(), digest_size=8).hexdigest()}"
                for i in range(BANDS)]

    def similarity(self, other: "Signature") -> float:
        """The estimated Jaccard similarity of the two texts' shingle sets."""
        return sum(a == b for a, b in zip(self.values, other.values)) / PERMUTATIONS


def shingles(text: str) -> set[int]:
    """64-bit hashes of the text's 5-word shingles (lower-cased words)."""
    words = [w.lower() for w in WORD.findall(text)]
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") for g in grams if g}


def signature(text: str) -> Signature:
    """The text's MinHash signature (``PERMUTATIONS`` values)."""
    hashes = np.fromiter(shingles(text), dtype=np.uint64)
    if hashes.size == 0:
        return Signature(tuple([0] * PERMUTATIONS))
    # (a * x + b) mod p on 61-bit values, done in Python integers' range via float-free uint64 math
    x = (hashes % np.uint64(PRIME))[None, :]
    mixed = (_mulmod(A[:, None], x) + B[:, None]) % np.uint64(PRIME)
    return Signature(tuple(int(v) for v in mixed.min(axis=1)))


def signatures(texts: list[str], *, chunk: int = 20_000) -> list[Signature]:
    """``signature(text)`` of each text, the same values, computed for many at once
    (the shingles of about ``chunk`` at a time go through one array operation)."""
    out: list[Signature] = []
    sets = [np.fromiter(shingles(t), dtype=np.uint64) for t in texts]
    start = 0
    while start < len(sets):
        end, size = start, 0
        while end < len(sets) and (end == start or size + sets[end].size <= chunk):
            size += sets[end].size
            end += 1
        out += _minhashes(sets[start:end])
        start = end
    return out


def _minhashes(sets: list[np.ndarray]) -> list[Signature]:
    """The signatures of these shingle-hash arrays: (a * x + b) mod p by Mersenne reduction."""
    filled = [s for s in sets if s.size]
    if filled:
        x = _mersenne(np.concatenate(filled))[None, :]
        mixed = _mersenne(_mulmod_mersenne(A[:, None], x) + B[:, None])
        starts = np.cumsum([0] + [s.size for s in filled[:-1]])
        mins = iter(np.minimum.reduceat(mixed, starts, axis=1).T.tolist())
    empty = Signature(tuple([0] * PERMUTATIONS))
    return [Signature(tuple(next(mins))) if s.size else empty for s in sets]


_P = np.uint64(PRIME)
_LOW31 = np.uint64((1 << 31) - 1)
_LOW30 = np.uint64((1 << 30) - 1)


def _mersenne(v: np.ndarray) -> np.ndarray:
    """v mod PRIME for any uint64 v: 2^61 = 1 mod PRIME, so fold the top bits down."""
    r = (v & _P) + (v >> np.uint64(61))
    return np.where(r >= _P, r - _P, r)


def _mulmod_mersenne(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a * b mod PRIME for values below PRIME, as ``_mulmod`` gives it, without a division."""
    a_hi, a_lo = a >> np.uint64(31), a & _LOW31
    b_hi, b_lo = b >> np.uint64(31), b & _LOW31
    mid = a_hi * b_lo + a_lo * b_hi  # < 2^62
    # a * b = hi * 2^62 + mid * 2^31 + lo, and 2^62 = 2, mid * 2^31 = mid_hi + mid_lo * 2^31 (mod PRIME)
    total = (a_hi * b_hi << np.uint64(1)) + (mid >> np.uint64(30)) + ((mid & _LOW30) << np.uint64(31)) + a_lo * b_lo
    return _mersenne(total)


def _mulmod(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a * b mod PRIME for uint64 arrays of values below PRIME, without overflow."""
    a_hi, a_lo = a >> np.uint64(31), a & np.uint64((1 << 31) - 1)
    b_hi, b_lo = b >> np.uint64(31), b & np.uint64((1 << 31) - 1)
    p = np.uint64(PRIME)
    hi = (a_hi * b_hi) % p  # < 2^60
    mid = (a_hi * b_lo + a_lo * b_hi) % p  # each term < 2^61
    lo = (a_lo * b_lo) % p
    # value = hi * 2^62 + mid * 2^31 + lo; 2^61 = 1 mod p, so 2^62 = 2 mod p
    return (hi * np.uint64(2) + _shift31(mid) + lo) % p


def _shift31(v: np.ndarray) -> np.ndarray:
    """v * 2^31 mod PRIME for v below PRIME."""
    p = np.uint64(PRIME)
    hi, lo = v >> np.uint64(30), v & np.uint64((1 << 30) - 1)
    # v * 2^31 = hi * 2^61 + lo * 2^31 = hi + lo * 2^31 (mod p)
    return (hi + (lo << np.uint64(31))) % p


def jaccard(a: str, b: str) -> float:
    """The exact Jaccard similarity of two texts' shingle sets (for checks and tests)."""
    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y) if x | y else 1.0
