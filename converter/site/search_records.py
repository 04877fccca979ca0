"""The documents the search index holds, and the result shards a query reads them from: each
record and further text part raw-deflated, found by a table of offsets (static_search.py's
docstring gives the format)."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from converter.site.search_spec import filter_bucket

DOC_TEXT_CHARS = 4_000  # text of a document's record, and of each further part of a long one
SHARD_DOCS = 64  # documents (consecutive numbers) a result shard holds: README, "Footprint"
FILTER_KINDS = ("actor", "topic", "source")


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One article as the search sees it."""

    url: str
    title: str
    source: str
    date: str
    text: str
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def shard_bytes(docs: Sequence[tuple[SearchDoc, int]]) -> bytes:
    """A shard's bytes: the table of its records' offsets, the further text parts, the records
    (parts first, so each record can hold where its parts are)."""
    table_bytes = 4 * (len(docs) + 1)
    parts: list[bytes] = []
    records: list[bytes] = []
    at = table_bytes
    for doc, length in docs:
        text, *more = text_parts(doc.text)
        ranges = []
        for part in more:
            parts.append(deflate(index_json(part)))
            ranges.append([at, at + len(parts[-1])])
            at += len(parts[-1])
        records.append(deflate(index_json(_doc_record(doc, text, ranges, length))))
    offsets = [at]
    for record in records:
        offsets.append(offsets[-1] + len(record))
    return b"".join([struct.pack(f"<{len(offsets)}I", *offsets), *parts, *records])


def deflate(data: bytes) -> bytes:
    """Raw deflate (no header), what DecompressionStream("deflate-raw") inflates."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def text_parts(text: str) -> list[str]:
    """The text in parts of about DOC_TEXT_CHARS, each cut before a space, so no word is split
    (a run with no space in it stays whole)."""
    parts, start = [], 0
    while len(text) - start > DOC_TEXT_CHARS:
        cut = text.rfind(" ", start + DOC_TEXT_CHARS // 2, start + DOC_TEXT_CHARS + 1)
        if cut <= start:
            cut = start + DOC_TEXT_CHARS
            while cut < len(text) and not text[cut].isspace():
                cut += 1
        parts.append(text[start:cut])
        start = cut
    return [*parts, text[start:]] if start < len(text) or not parts else parts


def _doc_record(
    doc: SearchDoc, text: str, more: Sequence[Sequence[int]], length: int
) -> dict[str, object]:
    return {
        "url": doc.url,
        "title": doc.title,
        "source": doc.source,
        "date": doc.date,
        "filters": {
            kind: [[value, filter_bucket(value)] for value in doc.filters.get(kind, ())]
            for kind in FILTER_KINDS
        },
        "length": length,
        "more": more,
        "text": text,
    }


def index_json(value: object) -> bytes:
    """Compact JSON in UTF-8; <, > and & as escapes, so no file of the site holds markup, even
    as data."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return escaped.encode("utf-8")
