"""Pages a browser saved as one file (MHTML), read as the saved page they are."""

import base64
import quopri
from dataclasses import replace

import pytest

from converter.errors import SeedDecodeError
from converter.mhtml import is_mhtml, mhtml_markup
from converter.read import read_seed
from converter.rules import parse_seed

PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    "<title>Harbour wall approved | The Coast Times</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
    "<h1>Harbour wall approved</h1>"
    "<p>The harbour authority approved the new breakwater on Tuesday after two years of public "
    "hearings, the café owners’ association said.</p>"
    "<p>Work on the 400-metre wall is due to start in the spring and to last eighteen months, "
    "according to the plans published by the authority.</p></article></body></html>"
)


def saved_as_one_file(markup: str, encoding: str = "quoted-printable", charset: str = "") -> bytes:
    """An MHTML file as Chrome writes one: MIME headers, the page's HTML part, an image part."""
    body = markup.encode("utf-8")
    payload = (
        quopri.encodestring(body) if encoding == "quoted-printable" else base64.encodebytes(body)
    )
    declared = f"; charset={charset}" if charset else ""
    return (
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://coast.example/harbour\r\n"
        b"Subject: Harbour wall approved | The Coast Times\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="--b--"\r\n\r\n\r\n'
        b"----b--\r\nContent-Type: text/html" + declared.encode() + b"\r\n"
        b"Content-Transfer-Encoding: " + encoding.encode() + b"\r\n"
        b"Content-Location: https://coast.example/harbour\r\n\r\n" + payload + b"\r\n"
        b"----b--\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"iVBORw0KGgo=\r\n----b----\r\n"
    )


@pytest.mark.parametrize(("encoding", "charset"), [("quoted-printable", ""), ("base64", "utf-8")])
def test_a_page_saved_as_one_file_reads_as_the_saved_page(encoding, charset):
    saved = saved_as_one_file(PAGE, encoding, charset)
    assert is_mhtml("harbour.mhtml", saved) and is_mhtml("harbour", saved)
    as_html = parse_seed(read_seed("harbour.html", PAGE.encode("utf-8")))
    as_mhtml = parse_seed(read_seed("harbour.mhtml", saved))
    assert replace(as_mhtml, stem="harbour.html") == as_html
    assert as_mhtml.title == "Harbour wall approved" and as_mhtml.format == "html"
    assert "café owners’ association" in as_mhtml.blocks[0].text


def test_an_mhtml_file_without_a_page_is_a_named_failure():
    saved = saved_as_one_file(PAGE).replace(b"Content-Type: text/html", b"Content-Type: text/css")
    with pytest.raises(SeedDecodeError, match="no HTML document"):
        mhtml_markup(saved)


def test_an_article_that_speaks_of_mime_is_not_a_saved_page():
    text = b"MIME types explained\n\nA multipart/related message holds a page and its images.\n"
    assert not is_mhtml("mime.txt", text)
