"""The archive's own static search index: what one query downloads does not grow with the archive.

Pagefind (search.py) makes every visitor download a list of all pages before the first result
(about 8 bytes an article: 156 KB at 20,000). This index has no such list. A query fetches:

- `dict/<n>.json`: the words whose first 3 characters hash to n, each with its document
  frequency and the postings file holding it (so a prefix's words are all in one file); there
  are about a sixty-fourth as many such files as words (`dictionaries` in meta.json);
- `post/<n>.json`: the postings of a run of words in sorted order, about POSTINGS_BYTES each;
  a posting is a document number and its BM25 weight for the word, quantised;
- `doc/<n>.json`: one per result shown: title, URL, source, filters, text (for the snippet);
- `filter/<kind>/<bucket>.json`: when a filter is chosen, the document numbers of the actors
  (topics, sources) whose name hashes to that bucket: FILTER_BUCKETS files a kind, not one
  per actor (tens of thousands of files);
- `meta.json`: the number of documents and of dictionary files, and the format's version.

Documents are numbered newest first, so equal scores list the newest article first. Words are
runs of letters and digits, lower-cased (the same rule archive-search.js applies to queries).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html import unescape

FORMAT_VERSION = 1
BUNDLE_DIR = "search-index"  # under the site dir
POSTINGS_BYTES = 24_000  # target size of a postings file (JSON, before compression)
PREFIX_CHARS = 3  # words sharing their first PREFIX_CHARS characters share a dictionary file
WORDS_PER_DICTIONARY = 64  # on average: the number of dictionary files follows the vocabulary
TITLE_WEIGHT = 3  # a word of the title counts as this many occurrences in the body
K1, B = 1.2, 0.75  # BM25
IMPACT_SCALE = 40  # BM25 term weights (0..k1+1) are stored as integers 0..88
FILTER_KINDS = ("actor", "topic", "source")
FILTER_BUCKETS = 256  # files a filter kind is spread over (filter_bucket: one byte of a hash)
_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One article as the search sees it."""

    url: str
    title: str
    source: str
    date: str
    text: str
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def words(text: str) -> list[str]:
    """Lower-cased runs of letters and digits, after NFC (so 'é' is one character)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def html_text(html: str) -> str:
    """The text of an article body's HTML: tags dropped, entities decoded, spaces collapsed."""
    return _SPACE.sub(" ", unescape(_TAG.sub(" ", html))).strip()


def dictionary_count(vocabulary: int) -> int:
    """Dictionary files for a vocabulary: a power of two, about WORDS_PER_DICTIONARY words each."""
    count = 1
    while count * WORDS_PER_DICTIONARY < vocabulary:
        count *= 2
    return count


def dictionary_key(word: str, dictionaries: int) -> int:
    """The dictionary file a word is in: FNV-1a of its first characters' UTF-8 bytes (the same
    arithmetic as archive-search.js), modulo the number of files."""
    value = 0x811C9DC5
    for byte in word[:PREFIX_CHARS].encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value % dictionaries


def filter_bucket(value: str) -> str:
    """The filter file of a value: a byte of its hash, in hex."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:2]


def impact(frequency: int, length: int, average: float) -> int:
    """The BM25 weight of a word in a document, as a small integer (idf comes at query time)."""
    norm = K1 * (1 - B + B * length / average) if average else K1
    return max(1, round(IMPACT_SCALE * frequency * (K1 + 1) / (frequency + norm)))


def build_index(docs: Sequence[SearchDoc]) -> Iterator[tuple[str, str]]:
    """Every file of the index as (path under the bundle, JSON text), in a fixed order.
    `docs` come newest first; their position is their number."""
    postings = word_postings(docs)
    dictionary_files = dictionary_count(len(postings))
    yield (
        "meta.json",
        _json({"version": FORMAT_VERSION, "docs": len(docs), "dictionaries": dictionary_files}),
    )
    yield from _postings_and_dictionaries(postings, dictionary_files)
    yield from _documents_and_filters(docs)


def word_postings(docs: Sequence[SearchDoc]) -> dict[str, list[tuple[int, int]]]:
    """word -> (document number, BM25 weight) for every document holding it, in number order."""
    counts: list[Counter[str]] = []
    for doc in docs:
        count = Counter(words(doc.text))
        for word in words(doc.title):
            count[word] += TITLE_WEIGHT
        counts.append(count)
    lengths = [sum(count.values()) for count in counts]
    average = sum(lengths) / len(lengths) if lengths else 0.0
    postings: dict[str, list[tuple[int, int]]] = {}
    for number, count in enumerate(counts):
        for word, frequency in count.items():
            weight = impact(frequency, lengths[number], average)
            postings.setdefault(word, []).append((number, weight))
    return postings


def _postings_and_dictionaries(
    postings: dict[str, list[tuple[int, int]]], dictionary_files: int
) -> Iterator[tuple[str, str]]:
    """Postings files of consecutive words, then the dictionary files pointing into them."""
    dictionaries: dict[int, dict[str, list[int]]] = {}
    leaf: dict[str, list[int]] = {}
    leaf_bytes, leaf_number = 0, 0
    for word in sorted(postings):
        encoded = _encode(postings[word])
        if leaf and leaf_bytes + len(word) + 4 * len(encoded) > POSTINGS_BYTES:
            yield f"post/{leaf_number}.json", _json(leaf)
            leaf, leaf_bytes, leaf_number = {}, 0, leaf_number + 1
        leaf[word] = encoded
        leaf_bytes += len(word) + 4 * len(encoded)
        entry = [len(postings[word]), leaf_number]
        dictionaries.setdefault(dictionary_key(word, dictionary_files), {})[word] = entry
    if leaf:
        yield f"post/{leaf_number}.json", _json(leaf)
    for key in sorted(dictionaries):
        yield f"dict/{key}.json", _json(dictionaries[key])


def _documents_and_filters(docs: Sequence[SearchDoc]) -> Iterator[tuple[str, str]]:
    """One file per document, then each filter kind's buckets of value -> document numbers."""
    buckets: dict[tuple[str, str], dict[str, list[int]]] = {}
    for number, doc in enumerate(docs):
        for kind in FILTER_KINDS:
            for value in doc.filters.get(kind, ()):
                bucket = buckets.setdefault((kind, filter_bucket(value)), {})
                bucket.setdefault(value, []).append(number)
        yield f"doc/{number}.json", _json(_doc_record(doc))
    for (kind, bucket), members in sorted(buckets.items()):
        yield f"filter/{kind}/{bucket}.json", _json(dict(sorted(members.items())))


def _doc_record(doc: SearchDoc) -> dict[str, object]:
    return {
        "url": doc.url,
        "title": doc.title,
        "source": doc.source,
        "date": doc.date,
        "filters": {
            kind: [[value, filter_bucket(value)] for value in doc.filters.get(kind, ())]
            for kind in FILTER_KINDS
        },
        "text": doc.text,
    }


def _encode(postings: list[tuple[int, int]]) -> list[int]:
    """[gap, impact, gap, impact, ...]: document numbers as gaps from the previous one."""
    flat, previous = [], 0
    for number, weight in postings:
        flat += [number - previous, weight]
        previous = number
    return flat


def _json(value: object) -> str:
    """Compact JSON; <, > and & as escapes, so no file of the site holds markup, even as data."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
