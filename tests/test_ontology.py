"""CAMEO and PLOVER tables: codes, scores, quad-class schemes, CAMEO2PLOVER."""

from cable import ontology
from cable.pipeline.events_lexicon import topics, triggers


def test_ontology_cameo_description_and_gdelt_scores():
    visit = ontology.cameo("042")
    assert visit.description == "Make a visit"
    assert visit.root == "04" and visit.level == 1
    assert ontology.goldstein("042") == 1.9
    assert ontology.quad_class("042") == 1
    assert ontology.describe("0874") == "Retreat or surrender militarily"


def test_ontology_cameo_codes_are_complete_and_clean():
    codes = ontology.cameo_codes()
    assert len(codes) == 311
    assert {c.root for c in codes.values()} == {f"{i:02d}" for i in range(1, 21)}
    assert all(c.description.isascii() for c in codes.values())  # 044's mojibake is gone


def test_ontology_quad_schemes_differ_where_documented():
    assert ontology.quad_class("145") == 3  # GDELT: 10-14 verbal conflict
    assert ontology.quad_class("145", scheme="icews") == 4  # ICEWS: protest is material
    assert ontology.quad_class("091") == 2 and ontology.quad_class("091", scheme="icews") == 3
    assert ontology.quad_class("010", scheme="phoenix") == 0
    assert ontology.quad_class("163", scheme="phoenix") == 3


def test_ontology_goldstein_gdelt_and_icews_variants():
    assert ontology.goldstein("016") == -2.0
    assert ontology.goldstein("016", scheme="icews") == -5.0
    assert ontology.goldstein("999") is None
    assert ontology.quad_class(None) is None


def test_ontology_cameo2plover():
    visit = ontology.plover_for_cameo("042")
    assert (visit.event, visit.mode) == ("CONSULT", "visit")
    halt = ontology.plover_for_cameo("164")
    assert (halt.event, halt.mode, halt.context) == ("SANCTION", "withdraw", ("diplomatic",))
    assert ontology.plover_for_cameo("010") is None  # PLOVER drops CAMEO 01 and 02
    assert ontology.plover_for_cameo("0224") is None


def test_ontology_plover_types_modes_contexts():
    types = ontology.plover_types()
    assert len(types) == 16
    assert types["SANCTION"].requires_recipient and not types["CONSULT"].requires_recipient
    assert types["ASSAULT"].quad_category == "MATERIAL CONFLICT"
    assert ontology.is_plover_mode("CONSULT", "visit")
    assert not ontology.is_plover_mode("CONSULT", "withdraw")
    assert len(ontology.plover_modes()) == 67
    assert len(ontology.plover_contexts()) == 37 and "diplomatic" in ontology.plover_contexts()


def test_ontology_tables_load_once():
    assert ontology.cameo_codes() is ontology.cameo_codes()
    assert ontology.plover_types() is ontology.plover_types()


def test_ontology_trigger_table_uses_valid_codes():
    for rows in triggers().values():
        for t in (t for t in rows if t.plover != "-"):  # "-": words that are no event
            assert t.plover in ontology.plover_types(), t
            assert ontology.cameo(t.cameo), t
            assert t.mode is None or ontology.is_plover_mode(t.plover, t.mode), t


def test_ontology_topic_table_uses_valid_codes():
    for rows in topics().values():
        for topic in rows:
            assert ontology.cameo(topic.base), topic
            assert topic.cameo is None or ontology.cameo(topic.cameo), topic
            assert topic.cameo is None or topic.cameo[:2] == topic.base[:2], topic


def test_ontology_topic_modes_fit_the_event_type():
    plover_of = {t.cameo: t.plover for rows in triggers().values() for t in rows if t.cameo}
    for base, rows in topics().items():
        for topic in rows:
            assert topic.mode is None or ontology.is_plover_mode(plover_of[base], topic.mode), topic
