import pytest

from cable.errors import BinaryInput, EmptyInput, InputError, InputNotFound, InputTooLarge, NotUTF8
from cable.sources import expand_inputs, read_input
from cable.sources.read import decode


def test_read_input_decodes_utf8_and_strips_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfThe minister met the envoy in Caf\xc3\xa9 Row.")
    assert read_input(str(path)).text == "The minister met the envoy in Café Row."


def test_read_input_missing_path_names_it(tmp_path):
    with pytest.raises(InputNotFound, match="no-such.txt: no such file"):
        read_input(str(tmp_path / "no-such.txt"))


def test_read_input_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_input(str(tmp_path))


@pytest.mark.parametrize("raw", [b"", b"   \n\t \n"])
def test_decode_rejects_empty(raw):
    with pytest.raises(EmptyInput, match="is empty"):
        decode(raw, "x.txt")


def test_decode_rejects_binary():
    with pytest.raises(BinaryInput, match="binary"):
        decode(bytes(range(256)) * 10, "x.bin")


def test_decode_rejects_non_utf8_with_offset():
    with pytest.raises(NotUTF8, match=r"byte 0xe9 at offset 3.*iconv"):
        decode("Caf\u00e9 society".encode("latin-1"), "x.txt")


def test_decode_uses_charset_declared_by_html():
    page = '<html><head><meta charset="iso-8859-1"></head><body>Caf\u00e9</body></html>'.encode("latin-1")
    assert "Café" in decode(page, "x.html")


def test_read_input_too_large_checks_size_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    with pytest.raises(InputTooLarge, match="5,000 bytes is more than the 100-byte limit"):
        read_input(str(path), max_bytes=100)


def test_expand_inputs_walks_directories_for_article_files(tmp_path):
    (tmp_path / "b.html").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "notes.csv").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("x")
    assert expand_inputs([str(tmp_path), "-"]) == [str(tmp_path / "a.txt"), str(tmp_path / "b.html"), "-"]
