"""Bytes -> text -> RawSeed: the only place that worries about encodings, size and binary files."""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
from charset_normalizer import from_bytes

from converter.errors import NotTextError, SeedDecodeError, SeedTooLargeError
from converter.model import RawSeed
from converter.settings import Settings

_BINARY_SIGNATURES = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"RIFF",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"\x00\x00\x01\x00",
    b"OggS",
    b"ID3",
    b"fLaC",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0/C1 controls except tab and newline, plus lone surrogates and non-characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def read_seed(stem: str, raw: bytes, settings: Settings = Settings()) -> RawSeed:
    """Decode a seed's bytes to clean Unicode text, refusing what is not an article's text."""
    if len(raw) > settings.max_seed_bytes:
        raise SeedTooLargeError(
            f"seed is {len(raw):,} bytes, over the {settings.max_seed_bytes:,}-byte limit"
        )
    return RawSeed(stem=stem, text=clean_text(decode(raw)))


def decode(raw: bytes) -> str:
    """Bytes -> str: BOMs first, then strict UTF-8, then detection; binary files are refused."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as error:
                raise SeedDecodeError(
                    f"starts with a {encoding} mark but does not decode"
                ) from error
    utf16 = _bare_utf16(raw)
    if utf16 is not None:
        return utf16
    if raw.startswith(_BINARY_SIGNATURES) or b"\x00" in raw[:8192] and _mostly_binary(raw):
        raise NotTextError("not text: the file is binary (image, PDF, archive or similar)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_binary(raw):
        raise NotTextError("not text: the file is binary")
    if _mostly_ascii(raw):
        return _western(raw)
    best = from_bytes(raw).best()
    if best is None:
        return _western(raw)
    return str(best)


def _bare_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM shows itself as NUL bytes at every other position."""
    sample = raw[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    encoding = (
        "utf-16-le"
        if odd_nuls > 0.6 > even_nuls
        else "utf-16-be"
        if even_nuls > 0.6 > odd_nuls
        else None
    )
    if encoding is None:
        return None
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _mostly_ascii(raw: bytes) -> bool:
    """English news with a few stray high bytes (a '£', a curly quote) is Windows-1252, not CJK."""
    return sum(1 for byte in raw if byte > 127) <= max(1, len(raw) // 10)


def _western(raw: bytes) -> str:
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _mostly_binary(raw: bytes) -> bool:
    """Text has few bytes outside printable ASCII, whitespace and high (non-ASCII) bytes."""
    sample = raw[:8192]
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 13, 12))
    return controls / len(sample) > 0.05


def clean_text(text: str) -> str:
    """Repair mojibake, drop control and zero-width characters, normalise spaces and line ends."""
    text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=True)
    text = (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n")
    )
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)
