"""Near-duplicate detection: MinHash signatures and LSH bands."""

import random

import numpy as np

from cable import dedup
from cable.dedup import jaccard, signature

WIRE = ("The foreign ministers of Egypt, Greece and Cyprus met in Cairo on Wednesday and denounced the maritime "
        "deal signed by Turkey and Libya, saying it had no legal effect. The ministers said the accord violated "
        "the rights of third states in the eastern Mediterranean and called on the European Union to act. "
        "Turkey rejected the criticism and said it would go on defending its rights and those of Libya. "
        "Officials said the ministers would meet again in Athens next month to prepare a joint statement.")


def test_mulmod_matches_python_integers():
    rng = random.Random(7)
    a = [rng.randrange(dedup.PRIME) for _ in range(200)]
    b = [rng.randrange(dedup.PRIME) for _ in range(200)]
    got = dedup._mulmod(np.array(a, dtype=np.uint64), np.array(b, dtype=np.uint64))
    assert [int(v) for v in got] == [x * y % dedup.PRIME for x, y in zip(a, b)]


def test_identical_texts_have_identical_signatures():
    assert signature(WIRE) == signature(WIRE)
    assert signature(WIRE).similarity(signature(WIRE)) == 1.0


def test_a_lightly_edited_copy_is_a_near_duplicate_sharing_a_band():
    edited = WIRE.replace("on Wednesday", "on Wednesday, officials said,").replace("next month", "in February")
    assert jaccard(WIRE, edited) > 0.7
    estimate = signature(WIRE).similarity(signature(edited))
    assert abs(estimate - jaccard(WIRE, edited)) < 0.2
    assert set(signature(WIRE).bands()) & set(signature(edited).bands())


def test_a_different_story_is_not():
    other = ("Heavy rain flooded the valley overnight and rescue teams evacuated hundreds of families from villages "
             "along the river, the regional governor said, adding that the dam was holding and no one was hurt.")
    assert signature(WIRE).similarity(signature(other)) < 0.2
    assert not set(signature(WIRE).bands()) & set(signature(other).bands())


def test_empty_and_short_texts_do_not_fail():
    assert len(signature("").values) == dedup.PERMUTATIONS
    assert signature("Brief note.").similarity(signature("Brief note.")) == 1.0
