"""A page Safari saved as one file (a Web Archive, `.webarchive`, Safari's default "Save As")
-> the markup of its HTML document, for the saved-page path.

A Web Archive is a binary property list: the page's HTML under WebMainResource's
WebResourceData, with its text encoding's name, beside its images and styles (WebSubresources).
The standard library's plistlib reads it; the HTML is decoded by the encoding it names, else as
any saved page (converter/decode.py)."""

from __future__ import annotations

import plistlib
import struct

from converter.decode import decode_as_named
from converter.errors import SeedDecodeError

WEBARCHIVE_SUFFIX = ".webarchive"
_BINARY_PLIST = b"bplist00"
_SNIFF_BYTES = 4096
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_webarchive(name: str, raw: bytes) -> bool:
    """Told by its file name, or by a binary property list that names a main resource."""
    if name.casefold().endswith(WEBARCHIVE_SUFFIX):
        return True
    return (
        raw.startswith(_BINARY_PLIST)
        and b"WebMainResource" in raw[-_SNIFF_BYTES:] + raw[:_SNIFF_BYTES]
    )


def webarchive_markup(raw: bytes) -> str:
    """The HTML document of a Web Archive, decoded."""
    try:
        archive = plistlib.loads(raw)
    except (plistlib.InvalidFileException, ValueError, TypeError, KeyError, IndexError,
            OverflowError, RecursionError, struct.error) as error:  # fmt: skip
        raise SeedDecodeError(f"not a saved page: a broken Web Archive ({error})") from error
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    data = main.get("WebResourceData") if isinstance(main, dict) else None
    kind = main.get("WebResourceMIMEType", "text/html") if isinstance(main, dict) else ""
    if not isinstance(data, bytes) or not data.strip() or kind not in _HTML_TYPES:
        raise SeedDecodeError("not a saved page: the Web Archive holds no HTML document")
    return decode_as_named(data, main.get("WebResourceTextEncodingName"))
