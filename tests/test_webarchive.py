"""Safari's Web Archive: the page's HTML from its main resource, by the encoding it names;
anything else a named refusal."""

import plistlib

import pytest

from converter.errors import SeedError
from converter.read import read_seed
from converter.webarchive import is_webarchive, webarchive_markup

PAGE = (
    "<html><head><title>Café reopens on the quay</title></head><body><article>"
    "<h1>Café reopens on the quay</h1><p>The café on the quay reopened on Saturday after a "
    "winter of repairs to its roof and terrace, its owners said.</p></article></body></html>"
)


def archive(data: bytes, **main: str) -> bytes:
    resource = {"WebResourceData": data, "WebResourceMIMEType": "text/html", **main}
    return plistlib.dumps(
        {"WebMainResource": resource, "WebSubresources": [{"WebResourceData": b"\x89PNG"}]},
        fmt=plistlib.FMT_BINARY,
    )


def test_the_main_resource_is_decoded_by_the_encoding_it_names():
    raw = archive(PAGE.encode("cp1252"), WebResourceTextEncodingName="windows-1252")
    assert webarchive_markup(raw) == PAGE
    seed = read_seed("cafe.webarchive", raw)
    assert (seed.format, seed.facts.title) == ("html", "Café reopens on the quay")


def test_a_web_archive_is_told_by_its_content_under_any_name():
    raw = archive(PAGE.encode())
    assert is_webarchive("cafe.bin", raw)
    assert read_seed("cafe", raw).facts.title == "Café reopens on the quay"
    assert not is_webarchive("plain.txt", plistlib.dumps({"a": 1}, fmt=plistlib.FMT_BINARY))


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"bplist00" + bytes(40), "a broken Web Archive"),
        (archive(PAGE.encode())[:-20], "a broken Web Archive"),
        (plistlib.dumps({"WebSubresources": []}, fmt=plistlib.FMT_BINARY), "holds no HTML"),
        (archive(b"%PDF-1.4", WebResourceMIMEType="application/pdf"), "holds no HTML"),
        (archive(b"   "), "holds no HTML"),
    ],
)
def test_what_holds_no_page_is_a_named_refusal(raw, reason):
    with pytest.raises(SeedError, match=reason):
        read_seed("broken.webarchive", raw)
