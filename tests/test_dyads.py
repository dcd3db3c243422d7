from cable.dyads import dyads, expand_dyads


def test_dyads_every_actor_with_every_recipient():
    assert dyads(["a1", "a2"], ["a3"]) == [("a1", "a3"), ("a2", "a3")]


def test_dyads_meeting_among_parties_gives_each_pair_once():
    assert dyads(["a1", "a2", "a3"], []) == [("a1", "a2"), ("a1", "a3"), ("a2", "a3")]


def test_dyads_one_sided_events_keep_an_empty_target():
    assert dyads(["a1"], []) == [("a1", None)]
    assert dyads([], ["a2"]) == [(None, "a2")]
    assert dyads(["a1"], ["a1"]) == []


def test_expand_dyads_names_the_pairs_and_keeps_the_event():
    row = {"id": "e4", "actors": ["a1", "a2"], "recipients": [], "actor_names": ["Peru", "Chile"],
           "recipient_names": [], "plover": "CONSULT"}
    (pair,) = expand_dyads([row])
    assert (pair["event_id"], pair["source_name"], pair["target_name"], pair["plover"]) == \
        ("e4", "Peru", "Chile", "CONSULT")
