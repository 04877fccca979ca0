"""Bytes -> text -> RawSeed: the only place that worries about encodings, size and binary files
(the decoding itself in decode.py); every seed's text gets the same repairs."""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import replace

import ftfy

from converter.decode import decode, decode_html
from converter.errors import NotTextError, SeedDecodeError, SeedTooLargeError
from converter.markdown_seed import is_markdown_name, read_markdown, reads_as_markdown
from converter.mhtml import is_mhtml, mhtml_markup
from converter.model import RawSeed
from converter.settings import Settings
from converter.webarchive import is_webarchive, webarchive_markup

# Vertical tab (Word's manual line break), form feed and the separators break lines; ftfy
# would delete them and glue the words on either side together, so they go first.
_CONTROL_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1e]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x85\u2028\u2029]")
# ftfy leaves a line alone unless it has non-ASCII characters, an entity or a terminal escape.
_FTFY_CAN_CHANGE = re.compile(r"[^\x00-\x7f]|&|\x1b")
# C0/C1 controls except tab and newline, explicit bidi embeddings/overrides/isolates (they can
# reorder the text around them), lone surrogates and non-characters.
_CONTROL = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)
# _CONTROL's ASCII characters: all there is to drop from ASCII text, in a tenth of the time.
_ASCII_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff\u180e]")
# Joiners shape Persian, Indic scripts and emoji sequences; beside ASCII they are only noise.
_STRAY_JOINER = re.compile(r"(?<![^\x00-\x7f])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f])")
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

HTML_SUFFIXES = (".html", ".htm")
_GZIP_MAGIC = b"\x1f\x8b"
_GZIP_WBITS = 16 + zlib.MAX_WBITS
_HTML_SNIFF_CHARS = 2048
_HTML_DOCUMENT = re.compile(
    r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,1000}?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_PARTS = re.compile(r"<(?:head|body)[\s>]", re.IGNORECASE)
"""A text that opens as an HTML document does (a doctype or <html>, after an XML declaration
or comments) and has a head or a body: a page's source, not an article that quotes markup."""


def read_seed(stem: str, raw: bytes, settings: Settings = Settings()) -> RawSeed:
    """Decode a seed's bytes to clean Unicode text, refusing what is not an article's text.
    A saved page is decoded as HTML and read for its main text and facts: named .html or .htm,
    saved as one file (MHTML, Safari's Web Archive), or any seed whose text is an HTML document
    (a scraper's raw page saved as .txt or .php). A Markdown seed (.md, .markdown, or text
    written in Markdown) is read as the page it renders to."""
    check_size(len(raw), settings)
    name = stem  # what the file is read as; the seed keeps its stem
    if raw.startswith(_GZIP_MAGIC):
        name, raw = _gunzipped(stem, raw, settings)
    if is_webarchive(name, raw):
        return _read_page(stem, webarchive_markup(raw))
    if is_mhtml(name, raw):
        return _read_page(stem, mhtml_markup(raw))
    if is_html_name(name):
        return _read_page(stem, decode_html(raw))
    text = decode(raw)
    if _HTML_DOCUMENT.match(text[:_HTML_SNIFF_CHARS]) and _HTML_PARTS.search(text):
        return _read_page(stem, decode_html(raw))
    text = clean_text(text)
    if is_markdown_name(name) or reads_as_markdown(text):
        return _clean_seed(read_markdown(stem, text))
    return RawSeed(stem=stem, text=text)


def _gunzipped(name: str, raw: bytes, settings: Settings) -> tuple[str, bytes]:
    """A compressed seed (`page.html.gz`, as web archives and crawlers keep pages) -> the name
    it is read by (without `.gz`) and its bytes, held to the same size limit once unpacked, so
    that a small bomb cannot fill the memory."""
    unpacker = zlib.decompressobj(wbits=_GZIP_WBITS)
    try:
        unpacked = unpacker.decompress(raw, settings.max_seed_bytes + 1)
    except zlib.error as error:
        raise SeedDecodeError(f"not text: a broken gzip file ({error})") from error
    if len(unpacked) > settings.max_seed_bytes:
        raise SeedTooLargeError(f"seed unpacks to over the {settings.max_seed_bytes:,}-byte limit")
    if not unpacker.eof:
        raise SeedDecodeError("not text: a truncated gzip file")
    if unpacked.startswith(_GZIP_MAGIC):
        raise NotTextError("not text: a gzip file inside a gzip file")
    inner = name[: -len(".gz")] if name.casefold().endswith(".gz") else name
    return inner, unpacked


def _read_page(stem: str, markup: str) -> RawSeed:
    from converter.html import read_html  # trafilatura takes 0.4 s to import: only if needed

    return _clean_seed(read_html(stem, markup))


def is_html_name(name: str) -> bool:
    """A saved page is told by its file name: `.html` or `.htm`, in any case."""
    return name.casefold().endswith(HTML_SUFFIXES)


def _clean_seed(seed: RawSeed) -> RawSeed:
    """The same repairs on a page's text and facts as on a text seed (mojibake, controls)."""
    facts = seed.facts
    return replace(
        seed,
        text=clean_text(seed.text),
        facts=replace(
            facts,
            title=clean_text(facts.title),
            authors=tuple(clean_text(name) for name in facts.authors),
            publisher=clean_text(facts.publisher),
            source=clean_text(facts.source),
            url=clean_text(facts.url),
        ),
    )


def check_size(size: int, settings: Settings = Settings()) -> None:
    """Refuse a seed over the limit, before anyone reads a 5 GB file into memory."""
    if size > settings.max_seed_bytes:
        raise SeedTooLargeError(
            f"seed is {size:,} bytes, over the {settings.max_seed_bytes:,}-byte limit"
        )


def _repair(text: str) -> str:
    """ftfy, line by line as it works anyway, but only on lines it could change: a seed of
    many thousand short ASCII lines would otherwise spend seconds in it. HTML entities are
    unescaped only in a text with no `<` at all (ftfy's own rule, applied to the whole seed)."""
    config = ftfy.TextFixerConfig(
        unescape_html="auto" if "<" not in text else False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        normalization="NFC",
        explain=False,
    )
    return "\n".join(
        ftfy.fix_text(line, config) if _FTFY_CAN_CHANGE.search(line) else line
        for line in text.split("\n")
    )


def clean_text(text: str) -> str:
    """Repair mojibake, drop control and zero-width characters, normalise spaces and line ends."""
    text = _repair(_CONTROL_BREAKS.sub("\n", text))
    text = _LINE_BREAKS.sub("\n", text)
    if text.isascii():  # what follows but the controls is about characters outside ASCII
        return _ASCII_CONTROL.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    text = _STRAY_JOINER.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)
