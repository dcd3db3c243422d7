from pathlib import Path

from cable.pipeline import process_many
from cable.records import Rejection, Result
from cable.settings import Settings

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "wikinews-2020-01-11-cairo-summit.txt"


def test_process_many_passes_rejections_through_in_place_across_chunks(nlp):
    text = EXAMPLE.read_text(encoding="utf-8")
    unread = Rejection("gone.txt", "read", "not_found", "gone.txt: no such file or directory")
    items = [(text, "a", None), unread, ("   ", "blank", None), (text, "b", None), (text, "c", None)]
    out = list(process_many(iter(items), nlp=nlp, settings=Settings.load({"batch_size": 1})))
    assert [o.input for o in out] == ["a", "gone.txt", "blank", "b", "c"]
    assert out[1] is unread and isinstance(out[2], Rejection) and out[2].code == "empty"
    assert all(isinstance(o, Result) for o in (out[0], out[3], out[4]))


def test_process_many_loads_no_model_when_nothing_is_an_article():
    unread = Rejection("gone.txt", "read", "not_found", "gone.txt: no such file or directory")
    settings = Settings.load({"spacy_model": "no_such_model_installed"})
    assert list(process_many([unread, ("", "blank", None)], settings=settings))[0] is unread
