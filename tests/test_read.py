import codecs

import pytest

from converter.errors import NotTextError, SeedTooLargeError
from converter.read import clean_text, decode, read_seed
from converter.settings import Settings

TEXT = "Café “quoted” — £5 in Zürich\n\nSecond paragraph."


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1252"],
)
def test_decodes_every_common_encoding(raw):
    assert clean_text(decode(raw)) == TEXT


def test_latin1_pound_sign_as_in_real_scrapes():
    assert "£" in decode("It cost £3m to build, said the council.".encode("latin-1"))


def test_mojibake_is_repaired():
    assert clean_text("It\u00e2\u20ac\u2122s a deal") == "It’s a deal"


def test_control_characters_and_nuls_are_removed():
    assert clean_text("a\x00b\x07c\u200bd\r\ne") == "abcd\ne"


def test_non_breaking_spaces_become_spaces():
    assert clean_text("US\u00a0airstrike") == "US airstrike"


@pytest.mark.parametrize(
    "raw", [b"%PDF-1.7\n\x00\x01", b"\x89PNG\r\n\x1a\n\x00\x00", bytes(range(256)) * 4]
)
def test_binary_is_refused_as_not_text(raw):
    with pytest.raises(NotTextError, match="not text"):
        decode(raw)


def test_size_limit_is_enforced_with_a_clear_message():
    with pytest.raises(SeedTooLargeError, match="over the 10-byte limit"):
        read_seed("big", b"x" * 11, Settings(max_seed_bytes=10))


def test_read_seed_keeps_the_stem():
    assert read_seed("000_abc", b"Title\n\nBody.").stem == "000_abc"
