"""A page a browser saved as one file (MHTML: Chrome's and Edge's "Webpage, Single File",
`.mhtml` or `.mht`) -> the markup of its HTML document, for the saved-page path.

MHTML is a MIME message (RFC 2557): the page's HTML in one part, quoted-printable or base64,
its images and styles in the others. The standard library's e-mail parser reads it; the HTML
part is decoded by its declared charset, else as any saved page (converter/decode.py)."""

from __future__ import annotations

import email
from email import policy

from converter.decode import decode_as_named
from converter.errors import SeedDecodeError

MHTML_SUFFIXES = (".mhtml", ".mht")
_SNIFF_BYTES = 4096
"""A saved page's MIME headers come first; an article that mentions MIME does not open so."""
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_mhtml(name: str, raw: bytes) -> bool:
    """Told by its file name, or by MIME headers that announce a page with its parts."""
    if name.casefold().endswith(MHTML_SUFFIXES):
        return True
    head = raw[:_SNIFF_BYTES].lower()
    return head.startswith((b"from:", b"mime-version:", b"content-type:", b"snapshot-")) and (
        b"multipart/related" in head
    )


def mhtml_markup(raw: bytes) -> str:
    """The HTML document of a saved MHTML page, decoded."""
    message = email.message_from_bytes(raw, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() not in _HTML_TYPES:
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        return decode_as_named(payload, part.get_content_charset())
    raise SeedDecodeError("not a saved page: the MHTML file holds no HTML document")
