"""The archive's own search index (converter/site/static_search.py), with no build."""

from __future__ import annotations

import json

from converter.site.static_search import (
    FILTER_BUCKETS,
    POSTINGS_BYTES,
    SearchDoc,
    build_index,
    dictionary_count,
    dictionary_key,
    filter_bucket,
    html_text,
    impact,
    words,
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


def files(docs: list[SearchDoc]) -> dict[str, object]:
    return {path: json.loads(text) for path, text in build_index(docs)}


def postings(index: dict[str, object], word: str) -> dict[int, int]:
    """Document number -> weight for a word, read the way archive-search.js reads it."""
    files = index["meta.json"]["dictionaries"]  # type: ignore[index]
    frequency, leaf = index[f"dict/{dictionary_key(word, files)}.json"][word]  # type: ignore[index]
    flat = index[f"post/{leaf}.json"][word]  # type: ignore[index]
    found, number = {}, 0
    for gap, weight in zip(flat[::2], flat[1::2], strict=True):
        number += gap
        found[number] = weight
    assert len(found) == frequency
    return found


def test_words_are_lower_cased_runs_of_letters_and_digits() -> None:
    assert words("Kerry's UN-backed plan_B, 2016: Café") == [
        "kerry",
        "s",
        "un",
        "backed",
        "plan",
        "b",
        "2016",
        "café",
    ]
    assert words("Cafe\u0301") == ["café"]  # decomposed accents are composed first


def test_html_text_drops_tags_and_decodes_entities() -> None:
    html = "<p>Kerry &amp; Lavrov</p>\n<h2 id='x'>Talks</h2><p>&lt;b&gt;no&lt;/b&gt;</p>"
    assert html_text(html) == "Kerry & Lavrov Talks <b>no</b>"


def test_every_word_leads_to_the_documents_holding_it() -> None:
    docs = [
        doc("Syria talks", "Kerry met Lavrov in Geneva."),
        doc("Budget", "The government cut the budget. Lavrov was not there."),
    ]
    index = files(docs)
    assert index["meta.json"] == {"version": 1, "docs": 2, "dictionaries": 1}
    assert set(postings(index, "lavrov")) == {0, 1}
    assert set(postings(index, "geneva")) == {0}
    assert set(postings(index, "budget")) == {1}
    assert index["doc/1.json"]["text"] == docs[1].text  # type: ignore[index]


def test_title_words_and_short_documents_weigh_more() -> None:
    index = files(
        [
            doc("Lavrov speaks", "He spoke at length about many things today."),
            doc("Other news", "Lavrov spoke at length about many things today."),
            doc("Long", "Lavrov " + "word " * 200),
        ]
    )
    weights = postings(index, "lavrov")
    assert weights[0] > weights[1] > weights[2]
    assert impact(2, 100, 100.0) > impact(1, 100, 100.0)
    assert impact(1, 50, 100.0) > impact(1, 200, 100.0)


def test_filters_list_the_documents_of_each_actor_topic_and_source() -> None:
    index = files(
        [
            doc("A", "x", actor=("John Kerry",), topic=("diplomacy",)),
            doc("B", "y", actor=("John Kerry", "Sergey Lavrov")),
        ]
    )

    def documents(kind: str, value: str) -> list[int]:
        return index[f"filter/{kind}/{filter_bucket(value)}.json"][value]  # type: ignore[index]

    assert documents("actor", "John Kerry") == [0, 1]
    assert documents("actor", "Sergey Lavrov") == [1]
    assert documents("topic", "diplomacy") == [0]
    assert index["doc/1.json"]["filters"]["actor"] == [  # type: ignore[index]
        ["John Kerry", filter_bucket("John Kerry")],
        ["Sergey Lavrov", filter_bucket("Sergey Lavrov")],
    ]


def test_filters_of_many_values_share_a_bounded_number_of_files() -> None:
    names = tuple(f"Actor {n}" for n in range(3000))
    index = files([doc("A", "x", actor=names[:1500]), doc("B", "y", actor=names[1500:])])
    buckets = [path for path in index if path.startswith("filter/actor/")]
    assert len(buckets) <= FILTER_BUCKETS
    listed = {name: numbers for path in buckets for name, numbers in index[path].items()}  # type: ignore[union-attr]
    assert listed == {name: [0 if n < 1500 else 1] for n, name in enumerate(names)}


def test_postings_are_split_into_files_of_bounded_size() -> None:
    docs = [doc(f"Story {n}", " ".join(f"w{n}x{k}" for k in range(300))) for n in range(40)]
    index = dict(build_index(docs))
    leaves = [text for path, text in index.items() if path.startswith("post/")]
    assert len(leaves) > 1
    assert all(len(text) < 2 * POSTINGS_BYTES for text in leaves)


def test_a_prefix_finds_its_words_in_one_dictionary_file() -> None:
    index = files([doc("Gov", "government governments governor gown")])
    count = index["meta.json"]["dictionaries"]  # type: ignore[index]
    entries = index[f"dict/{dictionary_key('gov', count)}.json"]
    assert sorted(word for word in entries if word.startswith("gov")) == [  # type: ignore[union-attr]
        "gov",
        "government",
        "governments",
        "governor",
    ]
    assert dictionary_key("gov", 1024) == dictionary_key("government", 1024)


def test_dictionary_files_follow_the_vocabulary() -> None:
    assert dictionary_count(1) == 1
    assert dictionary_count(64) == 1
    assert dictionary_count(65) == 2
    assert dictionary_count(80_000) == 2048
    docs = [doc(f"S{n}", " ".join(f"w{n}x{k}" for k in range(100))) for n in range(30)]
    index = files(docs)
    count = index["meta.json"]["dictionaries"]  # type: ignore[index]
    dictionaries = [path for path in index if path.startswith("dict/")]
    vocabulary = 3000 + 30  # 100 words a story, and each title's "sN"
    assert count == dictionary_count(vocabulary) == 64 and len(dictionaries) <= count
    assert sum(len(index[path]) for path in dictionaries) == vocabulary  # type: ignore[arg-type]


def test_index_is_deterministic_and_holds_no_markup() -> None:
    docs = [doc("<script>alert(1)</script>", "<b>Evil</b> & more", actor=("<b>Evil</b>",))]
    first, second = list(build_index(docs)), list(build_index(docs))
    assert first == second
    assert not any("<" in text or ">" in text for _, text in first)
    assert json.loads(dict(first)["doc/0.json"])["title"] == "<script>alert(1)</script>"
