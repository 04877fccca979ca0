"""The indexes (converter/site/indexes.py): entries, slugs, letter groups and URLs."""

from __future__ import annotations

import random

import pytest
from helpers import archive_of, article, hand_written

from converter.site.indexes import entry_slugs, numbered_src_uri, page_url

SYRIA = "articles/us-and-russia-poised-for-new-battle-over-syria.md"


def test_slugs_are_transliterated_and_never_empty() -> None:
    slugs = entry_slugs(["Łódź", "John Kerry", "!!!", "中国"], fallback="actor")
    assert slugs["Łódź"] == "lodz"
    assert slugs["John Kerry"] == "john-kerry"
    assert slugs["!!!"] == "actor"
    assert slugs["中国"]  # transliterated, whatever the romanisation
    assert all(slugs.values())


def test_slug_clashes_get_numbered_in_sorted_name_order() -> None:
    names = ["John-Kerry", "John Kerry", "JOHN KERRY", "john kerry 2"]
    slugs = entry_slugs(names, fallback="actor")
    assert len(set(slugs.values())) == len(names)
    assert slugs == {
        "JOHN KERRY": "john-kerry",  # same casefold as "John Kerry": code point order decides
        "John Kerry": "john-kerry-2",
        "John-Kerry": "john-kerry-3",
        "john kerry 2": "john-kerry-2-2",
    }


def test_slugs_do_not_depend_on_input_order() -> None:
    names = ["A", "a", "Ä", "?", "!", "Index", "index", "B b", "b-b", "Bb"] * 2
    expected = entry_slugs(names, fallback="topic")
    shuffled = names[:]
    random.Random(7).shuffle(shuffled)
    assert entry_slugs(shuffled, fallback="topic") == expected
    assert list(entry_slugs(shuffled, fallback="topic")) == list(expected)


def test_slugs_never_take_the_section_index_page() -> None:
    slugs = entry_slugs(["Index", "index"], fallback="actor")
    assert "index" not in slugs.values()
    assert sorted(slugs.values()) == ["index-2", "index-3"]


def test_slugs_never_take_the_numbered_pages_folder() -> None:
    slugs = entry_slugs(["Page", "page"], fallback="actor")
    assert "page" not in slugs.values()


def test_many_fallback_slugs_stay_unique() -> None:
    names = ["!" * n for n in range(1, 2001)]
    slugs = entry_slugs(names, fallback="actor")
    assert len(set(slugs.values())) == len(names)


def test_archive_indexes_every_actor_topic_and_source() -> None:
    archive = archive_of(hand_written(), actor_page_min=3)
    assert len(archive.articles) == 5
    kerry = archive.actors.by_name["John Kerry"]
    assert kerry.slug == "john-kerry"
    assert kerry.url == "actors/john-kerry/"
    assert kerry.src_uri == "actors/john-kerry.md"
    assert kerry.kind == "person"
    assert kerry.count == 3
    assert SYRIA in [a.src_uri for a in kerry.articles]
    assert archive.sources.by_name["Associated Press"].count == 2
    assert archive.topics.by_name["diplomacy"].count == 3
    assert archive.actors.by_name["UN Security Council"].kind == "organisation"
    assert archive.actors.by_name["Syria"].kind == "place"
    assert archive.actors.by_name["!!!"].kind == ""  # named, but in no typed list
    assert archive.actors.url == "actors/"
    assert archive.by_src_uri[SYRIA].title == "US and Russia poised for new battle over Syria"


def test_entry_articles_follow_the_archive_order() -> None:
    archive = archive_of(hand_written())
    rank = {a.src_uri: position for position, a in enumerate(archive.articles)}
    for index in (archive.actors, archive.topics, archive.sources):
        for entry in index.entries:
            positions = [rank[a.src_uri] for a in entry.articles]
            assert positions == sorted(positions), entry.name


def test_index_groups_cover_every_entry_a_to_z_then_other() -> None:
    archive = archive_of(hand_written())
    groups = archive.actors.groups
    letters = [group.letter for group in groups]
    assert letters == sorted(set(letters) - {"#"}) + ["#"]
    assert [e for group in groups for e in group.entries] == list(archive.actors.entries)
    assert [e.name for e in groups[-1].entries] == ["!!!"]
    assert groups[0].anchor == "letter-a" and groups[-1].anchor == "letter-other"
    assert next(g for g in groups if g.letter == "B").entries[0].name == "<b>Evil</b>"


def test_actor_kind_is_the_majority_then_person_first() -> None:
    archive = archive_of(
        [
            article("a", actors=("Georgia",), places=("Georgia",)),
            article("b", actors=("Georgia",), places=("Georgia",)),
            article("c", actors=("Georgia",), people=("Georgia",)),
            article("d", actors=("Jordan",), places=("Jordan",)),
            article("e", actors=("Jordan",), people=("Jordan",)),
        ],
    )
    assert archive.actors.by_name["Georgia"].kind == "place"
    assert archive.actors.by_name["Jordan"].kind == "person"


def test_urls_follow_use_directory_urls() -> None:
    archive = archive_of([article("a", topics=("politics",))], use_directory_urls=False)
    assert archive.topics.by_name["politics"].url == "topics/politics.html"
    assert archive.topics.url == "topics/index.html"
    assert page_url("index.md", True) == "./"


@pytest.mark.parametrize(
    ("src_uri", "number", "expected"),
    [
        ("actors/john-kerry.md", 1, "actors/john-kerry.md"),
        ("actors/john-kerry.md", 2, "actors/john-kerry/page/2.md"),
        ("actors/index.md", 3, "actors/page/3.md"),
        ("index.md", 2, "page/2.md"),
    ],
)
def test_numbered_pages_live_under_the_first_page(src_uri: str, number: int, expected: str) -> None:
    assert numbered_src_uri(src_uri, number) == expected


def test_actor_names_differing_only_in_case_are_one_entry() -> None:
    """Pages converted before names were unshouted, or edited by hand, may still disagree."""
    archive = archive_of(
        [
            article("a", actors=("NEW York", "Bonn"), places=("NEW York",)),
            article("b", actors=("New York",), places=("New York",)),
            article("c", actors=("New York", "NEW YORK"), places=("NEW YORK", "New York")),
            article("d", actors=("UN", "Un")),
        ]
    )
    assert [entry.name for entry in archive.actors.entries] == ["Bonn", "New York", "UN"]
    assert archive.actors.by_name["New York"].count == 3
    assert archive.actors.by_name["New York"].kind == "place"
    by_uri = archive.by_src_uri
    assert by_uri["articles/c.md"].actors == ("New York",)
    assert by_uri["articles/a.md"].places == ("New York",)
    assert by_uri["articles/d.md"].actors == ("UN",)  # one each: "UN" is no shouted word


def test_authors_sources_and_publishers_differing_only_in_case_are_one_entry() -> None:
    """A seed that shouts its byline or its agency ('By JOHN SMITH', 'ASSOCIATED PRESS') files
    under the name other pages write; a source and a publisher are one family of outlets."""
    archive = archive_of(
        [
            article("a", authors=("JOHN SMITH", "Ann Lee"), source="ASSOCIATED PRESS"),
            article("b", authors=("John Smith",), source="Associated Press"),
            article("c", authors=("John Smith",), source="Unknown", publisher="associated press"),
        ],
        author_page_min=1,
    )
    assert [entry.name for entry in archive.authors.entries] == ["Ann Lee", "John Smith"]
    assert archive.authors.by_name["John Smith"].count == 3
    assert archive.sources.by_name["Associated Press"].count == 2
    assert [entry.name for entry in archive.publishers.entries] == ["Associated Press"]
    by_uri = archive.by_src_uri
    assert by_uri["articles/a.md"].authors == ("John Smith", "Ann Lee")
    assert by_uri["articles/a.md"].source == "Associated Press"
    assert by_uri["articles/c.md"].publisher == "Associated Press"
