"""The archive's own search index (converter/site/static_search.py), with no build."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path
from typing import Any

from helpers import index_postings, index_record, index_text
from hypothesis import given
from hypothesis import strategies as st

from converter.site.search_records import DOC_TEXT_CHARS, SHARD_DOCS, SearchDoc, text_parts
from converter.site.search_spec import (
    dictionary_count,
    dictionary_key,
    filter_bucket,
    impact,
    words,
)
from converter.site.static_search import (
    FILTER_BUCKETS,
    FORM_BITS,
    POSTINGS_BYTES,
    build_index,
    html_text,
    term_counts,
    vocabulary,
)

SPEC = json.loads(
    (Path(__file__).parent / "fixtures" / "search_spec.json").read_text(encoding="utf-8")
)


def doc(title: str, text: str, **filters: tuple[str, ...]) -> SearchDoc:
    return SearchDoc(
        url=f"articles/{title.lower().replace(' ', '-')}/",
        title=title,
        source="Reuters",
        date="",
        text=text,
        filters=filters,
    )


def files(docs: list[SearchDoc]) -> dict[str, Any]:
    """The index's JSON files, parsed, and each document's record as "doc/<number>"."""
    built = dict(build_index(docs))
    parsed: dict[str, Any] = {
        path: json.loads(data) for path, data in built.items() if path.endswith(".json")
    }
    parsed.update({f"doc/{n}": index_record(built.__getitem__, n) for n in range(len(docs))})
    parsed["raw"] = built
    return parsed


def postings(index: dict[str, Any], word: str) -> dict[int, tuple[int, int]]:
    return index_postings(index["raw"].__getitem__, word)


# --- the spec shared with archive-search.js (tests/js/search.test.js reads it too) ----------


def test_words_follow_the_shared_spec() -> None:
    for text, expected in SPEC["words"]:
        assert words(text) == expected, text


def test_dictionary_keys_follow_the_shared_spec() -> None:
    for word, count, key in SPEC["dictionary_key"]:
        assert dictionary_key(word, count) == key, word


def test_impacts_follow_the_shared_spec() -> None:
    for frequency, length, average, value in SPEC["impact"]:
        assert impact(frequency, length, average) == value, (frequency, length, average)


# --- the index -------------------------------------------------------------------------------


def test_html_text_drops_tags_and_decodes_entities() -> None:
    html = "<p>Kerry &amp; Lavrov</p>\n<h2 id='x'>Talks</h2><p>&lt;b&gt;no&lt;/b&gt;</p>"
    assert html_text(html) == "Kerry & Lavrov Talks <b>no</b>"


def test_every_word_leads_to_the_documents_holding_it() -> None:
    docs = [
        doc("Syria talks", "Kerry met Lavrov in Geneva."),
        doc("Budget", "The government cut the budget. Lavrov was not there."),
    ]
    index = files(docs)
    lengths = [sum(term_counts(d).values()) for d in docs]
    assert index["meta.json"] == {
        "version": 3,
        "docs": 2,
        "dictionaries": 1,
        "shard": SHARD_DOCS,
        "average": sum(lengths) / 2,
    }
    assert set(postings(index, "lavrov")) == {0, 1}
    assert set(postings(index, "geneva")) == {0}
    assert set(postings(index, "budget")) == {1}
    assert index["doc/1"]["text"] == docs[1].text
    assert index["doc/1"]["length"] == lengths[1]


def test_forms_of_a_word_share_their_stem_and_each_has_its_bit() -> None:
    index = files(
        [
            doc("Polls", "The elections were held. Elections again."),
            doc("Vote", "An election was called."),
            doc("Chamber", "The speaker was elected."),
        ]
    )
    dictionary = index["dict/0.json"]
    stems = dictionary["stems"]
    forms = {word: dictionary["words"][word] for word in ("elections", "election", "elected")}
    assert [frequency for _, _, frequency in forms.values()] == [1, 1, 1]
    assert {stems[number][0] for number, _, _ in forms.values()} == {"elect"}
    # most documents first: each form in one, so in alphabetical order
    assert {word: bit for word, (_, bit, _) in forms.items()} == {
        "elected": 0,
        "election": 1,
        "elections": 2,
    }
    found = postings(index, "election")
    assert found == postings(index, "elections") == postings(index, "elected")
    assert {number: mask for number, (_, mask) in found.items()} == {0: 4, 1: 2, 2: 1}
    assert postings(index, "speaker")[2][1] == 1  # one form: no masks stored, every match exact


def test_forms_past_the_bits_of_a_mask_have_none() -> None:
    forms = [f"form{n:02d}" for n in range(FORM_BITS + 5)]
    found = vocabulary(forms, [100 - n for n in range(len(forms))], ["stem"] * len(forms))
    assert found.forms == {"stem": tuple(forms)}
    assert [found.bit_of[form] for form in forms] == [*range(FORM_BITS), -1, -1, -1, -1, -1]


def test_weights_are_impacts_of_the_stem_frequency() -> None:
    docs = [
        doc("Lavrov speaks", "He spoke at length about many things today."),
        doc("Other news", "Lavrov spoke at length about many things today."),
        doc("Long", "Lavrov " + "word " * 200),
        doc("Forms", "Elections, an election and elected members."),
    ]
    index = files(docs)
    average = index["meta.json"]["average"]
    weights = {number: weight for number, (weight, _) in postings(index, "lavrov").items()}
    assert weights[0] > weights[1] > weights[2]
    for number, d in enumerate(docs[:3]):
        frequency = term_counts(d)["lavrov"]
        assert weights[number] == impact(frequency, sum(term_counts(d).values()), average)
    counts = term_counts(docs[3])
    assert postings(index, "elected")[3][0] == impact(3, sum(counts.values()), average)
    assert impact(2, 100, 100.0) > impact(1, 100, 100.0)
    assert impact(1, 50, 100.0) > impact(1, 200, 100.0)
    assert impact(1, 10**9, 100.0) == 1  # a matched word always weighs something


def test_filters_list_the_documents_of_each_actor_topic_and_source() -> None:
    index = files(
        [
            doc("A", "x", actor=("John Kerry",), topic=("diplomacy",)),
            doc("B", "y", actor=("John Kerry", "Sergey Lavrov")),
        ]
    )

    def documents(kind: str, value: str) -> list[int]:
        return index[f"filter/{kind}/{filter_bucket(value)}.json"][value]

    assert documents("actor", "John Kerry") == [0, 1]
    assert documents("actor", "Sergey Lavrov") == [1]
    assert documents("topic", "diplomacy") == [0]
    assert index["doc/1"]["filters"]["actor"] == [
        ["John Kerry", filter_bucket("John Kerry")],
        ["Sergey Lavrov", filter_bucket("Sergey Lavrov")],
    ]


def test_filters_of_many_values_share_a_bounded_number_of_files() -> None:
    names = tuple(f"Actor {n}" for n in range(3000))
    index = files([doc("A", "x", actor=names[:1500]), doc("B", "y", actor=names[1500:])])
    buckets = [path for path in index if path.startswith("filter/actor/")]
    assert len(buckets) <= FILTER_BUCKETS
    listed = {name: numbers for path in buckets for name, numbers in index[path].items()}
    assert listed == {name: [0 if n < 1500 else 1] for n, name in enumerate(names)}


def test_postings_are_split_into_files_of_bounded_size_and_short_ones_kept_inline() -> None:
    docs = [doc(f"Story {n}", " ".join(f"w{n % 3}x{k}" for k in range(300))) for n in range(40)]
    parsed = files(docs)
    leaves = [data for path, data in parsed["raw"].items() if path.startswith("post/")]
    assert len(leaves) > 1
    assert all(len(data) < 2 * POSTINGS_BYTES for data in leaves)
    dictionary = parsed[f"dict/{dictionary_key('story', parsed['meta.json']['dictionaries'])}.json"]
    stem = dictionary["stems"][dictionary["words"]["story"][0]]
    assert stem[0] == "stori" and isinstance(stem[2], int)  # in every document: a postings file
    assert set(postings(parsed, "story")) == set(range(40))
    seven = parsed[f"dict/{dictionary_key('7', parsed['meta.json']['dictionaries'])}.json"]
    assert isinstance(seven["stems"][seven["words"]["7"][0]][2], list)  # inline
    assert set(postings(parsed, "7")) == {7}


def test_a_prefix_finds_its_words_in_one_dictionary_file() -> None:
    index = files([doc("Gov", "government governments governor gown")])
    count = index["meta.json"]["dictionaries"]
    entries = index[f"dict/{dictionary_key('gov', count)}.json"]["words"]
    assert sorted(word for word in entries if word.startswith("gov")) == [
        "gov",
        "government",
        "governments",
        "governor",
    ]
    assert dictionary_key("gov", 1024) == dictionary_key("government", 1024)


def test_a_stem_is_in_the_dictionary_file_of_its_own_first_letters() -> None:
    docs = [doc(f"S{n}", " ".join(f"w{n}x{k}" for k in range(100))) for n in range(30)]
    index = files([*docs, doc("Flies", "The fly flies.")])
    count = index["meta.json"]["dictionaries"]
    assert dictionary_key("fli", count) != dictionary_key("fly", count)  # "fly" stems to "fli"
    own = index[f"dict/{dictionary_key('fli', count)}.json"]
    assert "fli" in [record[0] for record in own["stems"]]


def test_dictionary_files_follow_the_vocabulary() -> None:
    assert dictionary_count(1) == 1
    assert dictionary_count(64) == 1
    assert dictionary_count(65) == 2
    assert dictionary_count(80_000) == 2048
    docs = [doc(f"S{n}", " ".join(f"w{n}x{k}" for k in range(100))) for n in range(30)]
    index = files(docs)
    count = index["meta.json"]["dictionaries"]
    dictionaries = [path for path in index if path.startswith("dict/")]
    vocabulary = 3000 + 30  # 100 words a story, and each title's "sN"
    assert count == dictionary_count(vocabulary) == 64 and len(dictionaries) <= count
    assert sum(len(index[path]["words"]) for path in dictionaries) == vocabulary


def test_long_texts_go_on_in_parts_that_split_no_word() -> None:
    text = " ".join(f"word{n}" for n in range(3 * DOC_TEXT_CHARS // 6))
    index = files([doc("Long", text)])
    assert len(index["doc/0"]["more"]) > 1
    assert len(index["doc/0"]["text"]) <= DOC_TEXT_CHARS
    assert index_text(index["raw"].__getitem__, 0) == text
    assert text_parts("x" * (3 * DOC_TEXT_CHARS)) == ["x" * (3 * DOC_TEXT_CHARS)]  # no space


@given(st.text(max_size=3 * DOC_TEXT_CHARS))
def test_text_parts_join_back_and_keep_every_word_whole(text: str) -> None:
    parts = text_parts(text)
    assert "".join(parts) == text
    assert [w for part in parts for w in words(part)] == words(text)


def test_results_are_grouped_in_shards_of_consecutive_documents() -> None:
    long = " ".join(f"word{n}" for n in range(DOC_TEXT_CHARS // 3))
    docs = [doc(f"Story {n}", long if n % 7 == 0 else f"Text {n}.") for n in range(SHARD_DOCS + 5)]
    index = files(docs)
    shards = sorted(path for path in index["raw"] if path.startswith("doc/"))
    assert shards == ["doc/0.bin", "doc/1.bin"]
    records = [index[f"doc/{n}"] for n in range(len(docs))]
    assert [record["title"] for record in records] == [d.title for d in docs]
    assert all(index_text(index["raw"].__getitem__, n) == d.text for n, d in enumerate(docs))
    last = index["raw"]["doc/1.bin"]  # its table: 5 records and the end
    assert struct.unpack_from("<I", last, 4 * 5)[0] == len(last)


def test_index_is_deterministic_and_holds_no_markup() -> None:
    text = "<b>Evil</b> & more " * 400  # in parts
    docs = [doc("<script>alert(1)</script>", text, actor=("<b>Evil</b>",))]
    first, second = list(build_index(docs)), list(build_index(docs))
    assert first == second
    index = files(docs)
    shard = index["raw"]["doc/0.bin"]
    ranges = [struct.unpack_from("<2I", shard), *index["doc/0"]["more"]]
    inflated = [zlib.decompress(shard[start:end], -15) for start, end in ranges]
    json_files = [data for path, data in first if path.endswith(".json")]
    assert not any(b"<" in data or b">" in data for data in [*json_files, *inflated])
    assert index["doc/0"]["title"] == "<script>alert(1)</script>"


def test_an_empty_archive_has_an_empty_index() -> None:
    meta = {"version": 3, "docs": 0, "dictionaries": 1, "shard": SHARD_DOCS, "average": 0.0}
    assert [(path, json.loads(data)) for path, data in build_index([])] == [("meta.json", meta)]
