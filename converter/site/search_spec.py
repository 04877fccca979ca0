"""What the search index and archive-search.js compute alike: the tokenizer, the hash that picks
a word's dictionary file, a filter value's file and the BM25 weight. tests/fixtures/search_spec.json
holds the vectors both sides are tested against (pytest and node --test)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

PREFIX_CHARS = 3  # words sharing their first PREFIX_CHARS characters share a dictionary file
WORDS_PER_DICTIONARY = 64  # on average: the number of dictionary files follows the vocabulary
K1, B = 1.2, 0.75  # BM25
IMPACT_SCALE = 40  # BM25 term weights (0..k1+1) are stored as integers 0..88
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-cased runs of letters and digits, after NFC (so 'é' is one character)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


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


@cache
def filter_bucket(value: str) -> str:
    """The filter file of a value: a byte of its hash, in hex (cached: the same actors, topics
    and sources come back in thousands of documents)."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:2]


def impact(frequency: int, length: int, average: float) -> int:
    """The BM25 weight of a word in a document, as a small integer, at least 1 (idf comes at
    query time). Rounded half up, the same arithmetic in archive-search.js."""
    norm = K1 * (1 - B + B * length / average) if average else K1
    return max(1, int(IMPACT_SCALE * frequency * (K1 + 1) / (frequency + norm) + 0.5))
