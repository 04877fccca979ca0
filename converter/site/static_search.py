"""The archive's own static search index: what one query downloads does not grow with the archive.

Pagefind (search.py) makes every visitor download a list of all pages before the first result
(about 8 bytes an article: 156 KB at 20,000). This index has no such list. Words are indexed by
their Snowball English stem, so "elections" finds "election"; the browser needs no stemmer, as
the dictionary maps every form seen in the archive to its stem. Format (version 3), JSON but
the result shards:

- `meta.json`: `{"version", "docs", "dictionaries", "shard", "average"}`: the number of documents,
  of dictionary files and of documents a result shard holds, and the average document length
  (for BM25 computed from a document's text).
- `dict/<k>.json`: the words whose first PREFIX_CHARS characters hash to k (dictionary_key),
  so a prefix's words and a word's typos after those characters are all in one file:
  `{"words": {form: [stem number, bit, df]}, "stems": [[stem, df, where, forms], ...]}`.
  A form's stem number indexes `stems`, its bit is its place in the stem's masks (-1 past the
  FORM_BITS most frequent forms), df its document frequency (as a stem's is the stem's).
  `stems` holds the stem of every form of the file and every stem hashing to k itself (for a
  query word never seen, by its longest known prefix). `where` is the number of the postings
  file holding the stem, or its postings themselves when short (INLINE_NUMBERS); `forms` is
  how many of its forms have a bit.
- `post/<n>.json`: `{stem: postings}` for a run of stems in sorted order, about POSTINGS_BYTES
  each. Postings are flat: `[gap, weight, mask, gap, weight, mask, ...]`, a document's number
  as the gap from the previous one, the stem's BM25 weight (impact), and the bits of the forms
  the document holds (so an exact form can rank above another form); without `mask` when the
  stem has fewer than two forms with a bit.
- `doc/<k>.bin`: the results of documents k * SHARD_DOCS onwards, SHARD_DOCS of them, each read
  with two HTTP range requests (a host that ignores them sends the whole file, sliced in the
  browser): a table of little-endian uint32 offsets, one per document and one past the last,
  then the documents' further text parts, then their records. A record: url, title, source,
  date, filters, `length` (its BM25 length), `more` (the byte ranges of its further parts) and
  the first DOC_TEXT_CHARS or so of its text (for the snippet, and for checking phrases and the
  query's common words there); a part: a JSON string, fetched only when a word is not found
  before. Records and parts are raw deflate each (the browser's DecompressionStream inflates
  them): on disk a third of their JSON, and as sent about what a gzip-serving host sends.
- `filter/<kind>/<bucket>.json`: when a filter is chosen, the document numbers of the actors
  (topics, sources) whose name hashes to that bucket: FILTER_BUCKETS files a kind.
- `dates/...`: when a From or To date is set, where each month and day starts
  (search_dates.py).

Documents are numbered newest first (the undated last), so equal scores list the newest article
first and a date range is one run of numbers. The
tokenizer, `dictionary_key` and `impact` (search_spec.py) are also written in archive-search.js.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from html import unescape

import numpy as np
import Stemmer

from converter.site.search_dates import date_tables
from converter.site.search_records import (
    FILTER_KINDS,
    SHARD_DOCS,
    SearchDoc,
    index_json,
    shard_bytes,
)
from converter.site.search_spec import (
    IMPACT_SCALE,
    K1,
    B,
    dictionary_count,
    dictionary_key,
    filter_bucket,
    words,
)

FORMAT_VERSION = 3
BUNDLE_DIR = "search-index"  # under the site dir
POSTINGS_BYTES = 8_000  # target size of a postings file (JSON, before compression)
INLINE_NUMBERS = 12  # postings of at most this many numbers stay in the dictionary file
FORM_BITS = 30  # forms of a stem told apart in a posting's mask (a JavaScript int has 31 bits)
TITLE_WEIGHT = 3  # a word of the title counts as this many occurrences in the body
FILTER_BUCKETS = 256  # files a filter kind is spread over (filter_bucket: one byte of a hash)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Every form of the archive with its stem, and the forms of each stem, most frequent first."""

    stem_of: Mapping[str, str]
    forms: Mapping[str, tuple[str, ...]]
    bit_of: Mapping[str, int]  # a form's bit in its stem's masks, -1 past FORM_BITS
    frequency: Mapping[str, int]  # a form's document frequency


@dataclass(frozen=True, slots=True)
class Postings:
    """Every (stem, document) pair, sorted by stem then document: parallel arrays."""

    stems: tuple[str, ...]  # sorted; `stem` holds indexes into it
    stem: np.ndarray
    number: np.ndarray  # the document
    weight: np.ndarray  # BM25 impact of the stem there
    mask: np.ndarray  # bits of the stem's forms the document holds

    def spans(self) -> Iterator[tuple[str, int, int]]:
        """(stem, start, end) of each stem's run in the arrays."""
        starts = np.flatnonzero(np.diff(self.stem, prepend=-1)).tolist()
        for start, end in zip(starts, [*starts[1:], len(self.stem)][: len(starts)], strict=True):
            yield self.stems[int(self.stem[start])], start, end


def html_text(html: str) -> str:
    """The text of an article body's HTML: tags dropped, entities decoded, spaces collapsed."""
    return _SPACE.sub(" ", unescape(_TAG.sub(" ", html))).strip()


def term_counts(doc: SearchDoc) -> Counter[str]:
    """How often each form occurs in a document, a title word counting TITLE_WEIGHT times."""
    count = Counter(words(doc.text))
    for word in words(doc.title):
        count[word] += TITLE_WEIGHT
    return count


def vocabulary(forms: Sequence[str], frequency: Sequence[int], stems: Sequence[str]) -> Vocabulary:
    """Each form's stem, and each stem's forms, most documents first (ties in form order).
    `frequency` and `stems` hold each form's document frequency and stem."""
    stem_of = dict(zip(forms, stems, strict=True))
    documents = dict(zip(forms, frequency, strict=True))
    by_stem: dict[str, list[str]] = {}
    for index in sorted(range(len(forms)), key=lambda index: (-frequency[index], forms[index])):
        by_stem.setdefault(stem_of[forms[index]], []).append(forms[index])
    bit_of = {
        form: bit if bit < FORM_BITS else -1
        for members in by_stem.values()
        for bit, form in enumerate(members)
    }
    forms_of = {stem: tuple(members) for stem, members in by_stem.items()}
    return Vocabulary(stem_of, forms_of, bit_of, documents)


def build_index(docs: Sequence[SearchDoc]) -> Iterator[tuple[str, bytes]]:
    """Every file of the index as (path under the bundle, its bytes), in a fixed order.
    `docs` come newest first, the undated last; their position is their number."""
    dates = list(date_tables([doc.date for doc in docs]))  # checks that order before any work
    counts = [term_counts(doc) for doc in docs]
    lengths = np.array([sum(count.values()) for count in counts], dtype=np.int64)
    average = float(lengths.sum()) / len(lengths) if len(lengths) else 0.0
    forms = sorted(set().union(*counts))
    identity = {form: index for index, form in enumerate(forms)}
    form = np.fromiter(
        (identity[word] for count in counts for word in count), np.int64, sum(map(len, counts))
    )
    frequency = np.fromiter(
        (value for count in counts for value in count.values()), np.int64, len(form)
    )
    number = np.repeat(np.arange(len(counts), dtype=np.int64), [len(count) for count in counts])
    frequencies = np.bincount(form, minlength=len(forms)).tolist()
    vocab = vocabulary(forms, frequencies, Stemmer.Stemmer("english").stemWords(forms))
    postings = stem_postings((form, number, frequency), forms, vocab, lengths, average)
    dictionary_files = dictionary_count(len(forms))
    meta = {
        "version": FORMAT_VERSION,
        "docs": len(docs),
        "dictionaries": dictionary_files,
        "shard": SHARD_DOCS,
        "average": average,
    }
    yield "meta.json", index_json(meta)
    yield from _postings_and_dictionaries(postings, vocab, dictionary_files)
    yield from _documents_and_filters(docs, lengths.tolist())
    for path, table in dates:
        yield path, index_json(table)


def stem_postings(
    occurrences: tuple[np.ndarray, np.ndarray, np.ndarray],
    forms: Sequence[str],
    vocab: Vocabulary,
    lengths: np.ndarray,
    average: float,
) -> Postings:
    """(form, document, frequency) triples -> each stem's documents with their BM25 weight and
    the mask of the stem's forms there; the weight is impact() over whole arrays."""
    form, number, frequency = occurrences
    stems = tuple(sorted(vocab.forms))
    stem_index = {stem: index for index, stem in enumerate(stems)}
    stem_of_form = np.array([stem_index[vocab.stem_of[f]] for f in forms], dtype=np.int64)
    bits = np.array([vocab.bit_of[f] for f in forms], dtype=np.int64)
    mask_of_form = np.where(bits >= 0, np.left_shift(1, np.maximum(bits, 0)), 0)
    stem = stem_of_form[form]
    order = np.lexsort((number, stem))
    stem, number = stem[order], number[order]
    first = np.ones(len(stem), dtype=bool)  # the first occurrence of a (stem, document) pair
    first[1:] = (stem[1:] != stem[:-1]) | (number[1:] != number[:-1])
    starts = np.flatnonzero(first)
    if len(starts):
        frequency = np.add.reduceat(frequency[order], starts)
        mask = np.bitwise_or.reduceat(mask_of_form[form][order], starts)
    else:
        mask = frequency
    number = number[starts]
    length = lengths[number]
    norm = K1 * (1 - B + B * length / average) if average else K1
    weight = np.maximum(1, np.floor(IMPACT_SCALE * frequency * (K1 + 1) / (frequency + norm) + 0.5))
    return Postings(stems, stem[starts], number, weight.astype(np.int64), mask)


def _postings_and_dictionaries(
    postings: Postings, vocab: Vocabulary, dictionary_files: int
) -> Iterator[tuple[str, bytes]]:
    """Postings files of consecutive stems, then the dictionary files pointing into them."""
    gaps = np.diff(postings.number, prepend=0)
    starts = np.diff(postings.stem, prepend=-1) != 0
    gaps[starts] = postings.number[starts]  # a stem's first document: its number
    rows = np.stack((gaps, postings.weight, postings.mask), axis=1)
    where: dict[str, int | list[int]] = {}
    frequency: dict[str, int] = {}
    leaf: dict[str, list[int]] = {}
    leaf_bytes, leaf_number = 0, 0
    for stem, start, end in postings.spans():
        run = rows[start:end] if len(vocab.forms[stem]) > 1 else rows[start:end, :2]
        encoded = run.ravel().tolist()
        frequency[stem] = end - start
        if len(encoded) <= INLINE_NUMBERS:
            where[stem] = encoded
            continue
        if leaf and leaf_bytes + len(stem) + 4 * len(encoded) > POSTINGS_BYTES:
            yield f"post/{leaf_number}.json", index_json(leaf)
            leaf, leaf_bytes, leaf_number = {}, 0, leaf_number + 1
        leaf[stem] = encoded
        leaf_bytes += len(stem) + 4 * len(encoded)
        where[stem] = leaf_number
    if leaf:
        yield f"post/{leaf_number}.json", index_json(leaf)
    files: dict[int, tuple[dict[str, str], set[str]]] = {}
    for form, stem in vocab.stem_of.items():
        found, stems = files.setdefault(dictionary_key(form, dictionary_files), ({}, set()))
        found[form] = stem
        stems.add(stem)
    for stem in vocab.forms:
        files.setdefault(dictionary_key(stem, dictionary_files), ({}, set()))[1].add(stem)
    for key in sorted(files):
        found, stems = files[key]
        ordered = sorted(stems)
        index = {stem: position for position, stem in enumerate(ordered)}
        record = {
            "words": {
                form: [index[found[form]], vocab.bit_of[form], vocab.frequency[form]]
                for form in sorted(found)
            },
            "stems": [
                [stem, frequency[stem], where[stem], min(len(vocab.forms[stem]), FORM_BITS)]
                for stem in ordered
            ],
        }
        yield f"dict/{key}.json", index_json(record)


def _documents_and_filters(
    docs: Sequence[SearchDoc], lengths: Sequence[int]
) -> Iterator[tuple[str, bytes]]:
    """Each shard of results, then each filter kind's buckets of value -> document numbers."""
    buckets: dict[tuple[str, str], dict[str, list[int]]] = {}
    for number, doc in enumerate(docs):
        for kind in FILTER_KINDS:
            for value in doc.filters.get(kind, ()):
                bucket = buckets.setdefault((kind, filter_bucket(value)), {})
                bucket.setdefault(value, []).append(number)
    for first in range(0, len(docs), SHARD_DOCS):
        numbers = range(first, min(first + SHARD_DOCS, len(docs)))
        shard = shard_bytes([(docs[number], lengths[number]) for number in numbers])
        yield f"doc/{first // SHARD_DOCS}.bin", shard
    for (kind, bucket), members in sorted(buckets.items()):
        yield f"filter/{kind}/{bucket}.json", index_json(dict(sorted(members.items())))
