"""Bytes -> str: binary files refused, BOMs, UTF-16 without a BOM, UTF-8 with stray bytes,
legacy encodings guessed, and a saved page's declared charset honoured."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

from charset_normalizer import from_bytes

from converter.errors import NotTextError, SeedDecodeError

# Magic numbers no article text starts with.
_BINARY_SIGNATURES = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x1f\x8b",
    b"\x7fELF",
    b"II*\x00",
    b"MM\x00*",
    b"\x00\x00\x01\x00",
    b"\x00asm",
    b"7z\xbc\xaf",
    b"Rar!\x1a\x07",
    b"\xd0\xcf\x11\xe0",
    b"\xfd7zXZ\x00",
    b"\x28\xb5\x2f\xfd",
    b"SQLite format 3\x00",
    b"\xca\xfe\xba\xbe",
    b"\xcf\xfa\xed\xfe",
    b"\xce\xfa\xed\xfe",
)
# Short magic numbers that can also open a headline ("BMW recalls ...", "RIFF between allies"):
# binary only when a NUL byte follows within the header, as it does in the real formats.
_WEAK_SIGNATURES = (b"BM", b"ID3", b"RIFF", b"OggS", b"fLaC", b"MZ", b"wOFF", b"wOF2", b"BZh")
_WEAK_HEADER_BYTES = 16
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE_BYTES = 8192
# Bytes a text file holds: tab, line ends, form feed, printable ASCII and anything non-ASCII.
_TEXT_BYTES = bytes([9, 10, 12, 13, *range(32, 127), *range(128, 256)])
_MAX_CONTROL_SHARE = 0.05
_MIN_TEXT_SHARE = 0.95
_UTF16_HIGH_BYTE_SHARE = 0.8
_MIN_UTF16_BYTES = 16
_STRAY = re.compile(r"[\udc80-\udcff]")
# A Western text has an accented letter here and there; Cyrillic, Greek or CJK bytes read as
# Windows-1252 come out as whole words of accented letters ("Ïðèâåò" for "Привет").
_ACCENTED_RUN = re.compile(r"[^\W\d_a-zA-Z]{3,}")
_MAX_RUNS_PER_WORD = 0.01

# An HTML page may declare its encoding in its first 1,024 bytes (the HTML standard's prescan).
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.()-]+)""", re.IGNORECASE
)
_PRESCAN_BYTES = 1024
# The HTML standard reads these labels as Windows-1252, and a declared UTF-16 as UTF-8 (a page
# that really is UTF-16 starts with a BOM, which wins).
_HTML_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}


def decode_html(raw: bytes) -> str:
    """A page's bytes -> str: a BOM, else UTF-8 when the bytes are UTF-8 (a page that declares
    Latin-1 but is UTF-8 is common; the reverse cannot validate), else the charset its <meta>
    declares when the bytes decode as that, else the same detection as for text."""
    if _has_signature(raw):
        raise NotTextError("not text: the file is binary (image, PDF, archive or similar)")
    plain = not raw.startswith(tuple(bom for bom, _ in _BOMS))
    if plain and _control_share(raw) <= _MAX_CONTROL_SHARE:
        declared = _declared_charset(raw[:_PRESCAN_BYTES])
        for encoding in ("utf-8", declared) if declared else ():
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
    return decode(raw)


def decode_as_named(raw: bytes, encoding: object) -> str:
    """A page's bytes in the encoding its container names (an MHTML part's charset, a Web
    Archive's text encoding), else as any saved page when the name is unknown or wrong."""
    if isinstance(encoding, str) and encoding:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_html(raw)


def _declared_charset(head: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    label = _HTML_CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode(raw: bytes) -> str:
    """Bytes -> str: binary refused, BOMs, UTF-16, UTF-8 (even with stray bytes), then guessing."""
    if _has_signature(raw):
        raise NotTextError("not text: the file is binary (image, PDF, archive or similar)")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            body = raw[len(bom) :]
            if encoding == "utf-8":
                text = _utf8(body)
                return _legacy(body) if text is None else text
            text = _wide(body, encoding)
            if _text_share(text) < _MIN_TEXT_SHARE:
                raise SeedDecodeError(
                    f"not text: starts with a {encoding} mark but does not decode as it"
                )
            return text
    utf16 = _bare_utf16(raw)
    if utf16 is not None:
        return utf16
    if _control_share(raw) > _MAX_CONTROL_SHARE:
        raise NotTextError("not text: the file is binary")
    text = _utf8(raw)
    if text is not None:
        return text
    return _legacy(raw)


def _has_signature(raw: bytes) -> bool:
    return raw.startswith(_BINARY_SIGNATURES) or (
        raw.startswith(_WEAK_SIGNATURES) and b"\x00" in raw[:_WEAK_HEADER_BYTES]
    )


def _control_share(raw: bytes) -> float:
    """Share of control bytes, in the first sample and in the whole file: binary has many."""
    if not raw:
        return 0.0
    head = raw[:_SAMPLE_BYTES]
    return max(
        len(head.translate(None, _TEXT_BYTES)) / len(head),
        len(raw.translate(None, _TEXT_BYTES)) / len(raw),
    )


def _text_share(text: str) -> float:
    """Share of characters a text is made of (not controls, unassigned or private code points),
    in its opening sample."""
    text = text[:_SAMPLE_BYTES]
    if not text:
        return 1.0
    odd = sum(
        1
        for char in text
        if char not in "\t\n\r" and unicodedata.category(char) in ("Cc", "Cs", "Cn", "Co")
    )
    return 1 - odd / len(text)


def _wide(raw: bytes, encoding: str) -> str:
    """UTF-16/32, a truncated last character replaced rather than refusing the whole file."""
    unit = 4 if encoding.startswith("utf-32") else 2
    whole = raw[: len(raw) - len(raw) % unit]
    text = whole.decode(encoding, errors="replace")
    return text + "\ufffd" if len(whole) < len(raw) else text


def _bare_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is the same one or two values (0x00 for English,
    0x04 for Cyrillic) and the other half varies; failing that, ask the detector."""
    sample = raw[: _SAMPLE_BYTES - _SAMPLE_BYTES % 2]
    if len(sample) < _MIN_UTF16_BYTES or b"\x00" not in sample:
        return None
    pairs = len(sample) // 2
    even, odd = sample[0 : pairs * 2 : 2], sample[1 : pairs * 2 : 2]
    candidates = []
    if _top_two_share(odd) >= _UTF16_HIGH_BYTE_SHARE > _top_two_share(even):
        candidates.append("utf-16-le")
    if _top_two_share(even) >= _UTF16_HIGH_BYTE_SHARE > _top_two_share(odd):
        candidates.append("utf-16-be")
    if not candidates:
        guess = from_bytes(sample).best()
        if guess is not None and guess.encoding in ("utf_16_le", "utf_16_be"):
            candidates.append(guess.encoding.replace("_", "-"))
    for encoding in candidates:
        opening = _wide(sample, encoding)
        if _text_share(opening) >= _MIN_TEXT_SHARE and any(char in opening for char in " \n"):
            return _wide(raw, encoding)
    return None


def _top_two_share(data: bytes) -> float:
    return sum(count for _, count in Counter(data).most_common(2)) / len(data)


def _utf8(raw: bytes) -> str | None:
    """UTF-8, keeping a few stray bytes of another encoding (a pasted Windows-1252 quote) as
    what they meant there; None when the stray bytes outnumber the real UTF-8 characters."""
    text = raw.decode("utf-8", errors="surrogateescape")
    strays = len(_STRAY.findall(text))
    if not strays:
        return text
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    if non_ascii - strays < strays:
        return None
    return _STRAY.sub(lambda match: _byte_as_cp1252(ord(match.group()) - 0xDC00), text)


def _byte_as_cp1252(byte: int) -> str:
    """One byte as Windows-1252, or as Latin-1 for the five bytes 1252 leaves undefined."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def _legacy(raw: bytes) -> str:
    """Not UTF-8: Windows-1252 when it reads as a Western text, else what the detector says."""
    try:
        western = raw.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _reads_as_western(western):
        return western
    guess = from_bytes(raw).best()
    if guess is not None:
        return str(guess)
    return western if western is not None else "".join(map(_byte_as_cp1252, raw))


def _reads_as_western(text: str) -> bool:
    runs = len(_ACCENTED_RUN.findall(text))
    return runs <= len(text.split()) * _MAX_RUNS_PER_WORD
