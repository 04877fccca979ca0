"""The archive model (converter/site/archive.py): pure functions over front matter, no build."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import FixtureArticle

from converter.site.archive import (
    Archive,
    ArticleMeta,
    FrontMatterError,
    VocabularyTerm,
    article_facts,
    assign_slugs,
    build_archive,
    entry_profile,
    front_matter,
    latest_first,
    most_covered,
    most_named,
    page_url,
    parse_article,
    read_header,
    topic_terms,
    topic_tree,
)

FIXTURES = Path(__file__).parent / "fixtures" / "site" / "articles"
SYRIA = "articles/us-and-russia-poised-for-new-battle-over-syria.md"
# The hand-written fixtures; the others are real CoNLL stories converted by `archive convert`.
HAND_WRITTEN = frozenset(
    {
        "hostile-markup-in-every-field",
        "kerry-and-lavrov-agree-syria-truce-in-geneva",
        "key-calls-snap-election",
        "un-aid-convoy-reaches-besieged-aleppo",
        "us-and-russia-poised-for-new-battle-over-syria",
    }
)


def article(name: str, **fields: object) -> ArticleMeta:
    """A minimal article under articles/<name>.md with the given front-matter fields."""
    defaults: dict[str, object] = {"title": name.title(), "source": "Associated Press"}
    return ArticleMeta(
        src_uri=f"articles/{name}.md",
        url=f"articles/{name}/",
        **{**defaults, **fields},  # type: ignore[arg-type]
    )


def fixture_articles() -> list[ArticleMeta]:
    """The hand-written fixtures, whose expected values are checked by hand below."""
    return [
        parse_article(f"articles/{path.name}", f"articles/{path.stem}/", read_header(str(path)))
        for path in sorted(FIXTURES.glob("*.md"))
        if path.stem in HAND_WRITTEN
    ]


# --- reading front matter ---------------------------------------------------------------


def test_front_matter_stops_reading_at_the_closing_fence() -> None:
    def lines() -> Iterator[str]:
        yield "---\n"
        yield "title: A\n"
        yield "---\n"
        raise AssertionError("read past the front matter")

    assert front_matter(lines()) == "title: A\n"


def test_front_matter_accepts_yaml_document_end_marker() -> None:
    assert front_matter(["---\n", "title: A\n", "...\n", "body\n"]) == "title: A\n"


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        (["title: A\n"], "does not start"),
        ([], "does not start"),
        (["---\n", "title: A\n"], "never closed"),
    ],
)
def test_front_matter_errors_name_the_problem(lines: list[str], reason: str) -> None:
    with pytest.raises(FrontMatterError, match=reason):
        front_matter(lines)


def test_read_header_reads_a_page_with_a_bom(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_bytes(b"\xef\xbb\xbf---\ntitle: A\n---\n\nBody.\n")
    assert read_header(str(page)) == "title: A\n"


def test_parse_article_reads_the_real_article_fixture() -> None:
    header = read_header(str(FIXTURES / "us-and-russia-poised-for-new-battle-over-syria.md"))
    syria = parse_article(SYRIA, "articles/us-and-russia-poised-for-new-battle-over-syria/", header)
    assert syria.title == "US and Russia poised for new battle over Syria"
    assert syria.source == "Associated Press"
    assert syria.people == ("Bashar Assad", "John Kerry", "Sergey Lavrov")
    assert syria.organisations == ("UN Security Council",)
    assert syria.places == ("Russia", "Syria", "United States")
    assert syria.topics == ("conflict, war and peace", "diplomacy", "humanitarian aid")
    assert [video.duration for video in syria.videos] == ["00:43", "02:15"]
    assert {video.source for video in syria.videos} == {"ONE News"}
    assert syria.date == "" and syria.dateline == ""


def test_parse_article_cleans_lists_and_unions_actors() -> None:
    header = (
        "title: ' A title '\n"
        "source: Reuters\n"
        "actors: [Zed, ' Zed ', '', 7]\n"
        "people: [Ann, Ann]\n"
        "places: Paris\n"
        "topics: {not: a list}\n"
        "media: [{kind: image, caption: x}, {caption: No kind is a video}]\n"
    )
    parsed = parse_article("articles/a.md", "articles/a/", header)
    assert parsed.title == "A title"
    assert parsed.actors == ("Zed", "7", "Ann", "Paris")
    assert parsed.people == ("Ann",)
    assert parsed.places == ("Paris",)
    assert parsed.topics == ()
    assert [video.caption for video in parsed.videos] == ["No kind is a video"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("'2016-09-21'", "2016-09-21"),
        ("2016-09-21", "2016-09-21"),  # unquoted: YAML makes it a date
        ("'2016-02-30'", ""),
        ("'21 September 2016'", ""),
        ("'2016-09-21<script>'", ""),
    ],
)
def test_parse_article_keeps_only_real_iso_dates(value: str, expected: str) -> None:
    header = f"title: T\ndate: {value}\n"
    assert parse_article("articles/t.md", "articles/t/", header).date == expected


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("title: [unclosed\n", "not valid YAML"),
        ("- a list\n", "not a mapping"),
        ("source: Reuters\n", "no title"),
        ("title: '  '\n", "no title"),
    ],
)
def test_parse_article_rejects_bad_front_matter(header: str, reason: str) -> None:
    with pytest.raises(FrontMatterError, match=reason):
        parse_article("articles/bad.md", "articles/bad/", header)


def test_date_label_is_locale_free() -> None:
    assert article("a", date="2016-09-01").date_label == "1 September 2016"
    assert article("a").date_label == ""


# --- ordering and slugs -----------------------------------------------------------------


def test_latest_first_puts_dated_articles_newest_first_then_undated_by_title() -> None:
    articles = [
        article("undated-b", title="b undated"),
        article("old", title="Old", date="2015-01-01"),
        article("new-z", title="Z new", date="2016-09-21"),
        article("undated-a", title="A undated"),
        article("new-a", title="a new", date="2016-09-21"),
    ]
    ordered = [a.src_uri for a in latest_first(articles)]
    assert ordered == [
        "articles/new-a.md",
        "articles/new-z.md",
        "articles/old.md",
        "articles/undated-a.md",
        "articles/undated-b.md",
    ]
    assert [a.src_uri for a in latest_first(reversed(articles))] == ordered


def test_slugs_are_transliterated_and_never_empty() -> None:
    slugs = assign_slugs(["Łódź", "John Kerry", "!!!", "中国"], fallback="actor")
    assert slugs["Łódź"] == "lodz"
    assert slugs["John Kerry"] == "john-kerry"
    assert slugs["!!!"] == "actor"
    assert slugs["中国"]  # transliterated, whatever the romanisation
    assert all(slugs.values())


def test_slug_clashes_get_numbered_in_sorted_name_order() -> None:
    names = ["John-Kerry", "John Kerry", "JOHN KERRY", "john kerry 2"]
    slugs = assign_slugs(names, fallback="actor")
    assert len(set(slugs.values())) == len(names)
    assert slugs == {
        "JOHN KERRY": "john-kerry",  # same casefold as "John Kerry": code point order decides
        "John Kerry": "john-kerry-2",
        "John-Kerry": "john-kerry-3",
        "john kerry 2": "john-kerry-2-2",
    }


def test_slugs_do_not_depend_on_input_order() -> None:
    names = ["A", "a", "Ä", "?", "!", "Index", "index", "B b", "b-b", "Bb"] * 2
    expected = assign_slugs(names, fallback="topic")
    shuffled = names[:]
    random.Random(7).shuffle(shuffled)
    assert assign_slugs(shuffled, fallback="topic") == expected
    assert list(assign_slugs(shuffled, fallback="topic")) == list(expected)


def test_slugs_never_take_the_section_index_page() -> None:
    slugs = assign_slugs(["Index", "index"], fallback="actor")
    assert "index" not in slugs.values()
    assert sorted(slugs.values()) == ["index-2", "index-3"]


def test_many_fallback_slugs_stay_unique() -> None:
    names = ["!" * n for n in range(1, 2001)]
    slugs = assign_slugs(names, fallback="actor")
    assert len(set(slugs.values())) == len(names)


# --- the archive ------------------------------------------------------------------------


def test_archive_indexes_every_actor_topic_and_source() -> None:
    archive = build_archive(fixture_articles(), use_directory_urls=True)
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
    archive = build_archive(fixture_articles(), use_directory_urls=True)
    rank = {a.src_uri: position for position, a in enumerate(archive.articles)}
    for index in (archive.actors, archive.topics, archive.sources):
        for entry in index.entries:
            positions = [rank[a.src_uri] for a in entry.articles]
            assert positions == sorted(positions), entry.name


def test_index_groups_cover_every_entry_a_to_z_then_other() -> None:
    archive = build_archive(fixture_articles(), use_directory_urls=True)
    groups = archive.actors.groups
    letters = [group.letter for group in groups]
    assert letters == sorted(set(letters) - {"#"}) + ["#"]
    assert [e for group in groups for e in group.entries] == list(archive.actors.entries)
    assert [e.name for e in groups[-1].entries] == ["!!!"]
    assert groups[0].anchor == "letter-a" and groups[-1].anchor == "letter-other"
    assert next(g for g in groups if g.letter == "B").entries[0].name == "<b>Evil</b>"


def test_archive_is_the_same_whatever_order_pages_arrive_in() -> None:
    pages = fixture_articles()
    first = build_archive(pages, use_directory_urls=True)
    second = build_archive(list(reversed(pages)), use_directory_urls=True)
    assert first == second


def test_actor_kind_is_the_majority_then_person_first() -> None:
    archive = build_archive(
        [
            article("a", actors=("Georgia",), places=("Georgia",)),
            article("b", actors=("Georgia",), places=("Georgia",)),
            article("c", actors=("Georgia",), people=("Georgia",)),
            article("d", actors=("Jordan",), places=("Jordan",)),
            article("e", actors=("Jordan",), people=("Jordan",)),
        ],
        use_directory_urls=True,
    )
    assert archive.actors.by_name["Georgia"].kind == "place"
    assert archive.actors.by_name["Jordan"].kind == "person"


def test_urls_follow_use_directory_urls() -> None:
    archive = build_archive([article("a", topics=("politics",))], use_directory_urls=False)
    assert archive.topics.by_name["politics"].url == "topics/politics.html"
    assert archive.topics.url == "topics/index.html"
    assert page_url("index.md", True) == "./"


def test_article_facts_resolve_every_name_to_its_entry() -> None:
    archive = build_archive(fixture_articles(), use_directory_urls=True)
    facts = article_facts(archive, archive.by_src_uri[SYRIA])
    assert facts.source is archive.sources.by_name["Associated Press"]
    assert [(label, [e.name for e in entries]) for label, entries in facts.actor_groups] == [
        ("People", ["Bashar Assad", "John Kerry", "Sergey Lavrov"]),
        ("Organisations", ["UN Security Council"]),
        ("Places", ["Russia", "Syria", "United States"]),
    ]
    assert [e.url for e in facts.topics] == [
        "topics/conflict-war-and-peace/",
        "topics/diplomacy/",
        "topics/humanitarian-aid/",
    ]


def test_article_without_source_has_no_source_entry() -> None:
    archive = build_archive([article("a", source="")], use_directory_urls=True)
    assert archive.sources.entries == ()
    assert article_facts(archive, archive.articles[0]).source is None


def test_slugs_never_take_the_numbered_pages_folder() -> None:
    slugs = assign_slugs(["Page", "page"], fallback="actor")
    assert "page" not in slugs.values()


def test_dated_articles_are_the_leading_run_of_the_archive() -> None:
    archive = build_archive(
        [article("u"), article("b", date="2016-01-02"), article("a", date="2016-03-04")],
        use_directory_urls=True,
    )
    assert [a.date for a in archive.dated] == ["2016-03-04", "2016-01-02"]
    assert build_archive([article("u")], use_directory_urls=True).dated == ()


# --- the topic tree ---------------------------------------------------------------------

VOCABULARY = (
    VocabularyTerm("politics", None),
    VocabularyTerm("international relations", "politics"),
    VocabularyTerm("diplomacy", "international relations"),
    VocabularyTerm("summit", "international relations"),
    VocabularyTerm("sport", None),
    VocabularyTerm("tennis", "sport"),
)


def test_topic_tree_follows_the_vocabulary_and_prunes_empty_branches() -> None:
    archive = build_archive(
        [
            article("a", topics=("diplomacy", "politics")),
            article("b", topics=("diplomacy", "made up")),
        ],
        use_directory_urls=True,
    )
    tree = topic_tree(archive.topics, VOCABULARY)
    (politics,) = tree.roots  # sport leads to no article: gone
    assert politics.entry is archive.topics.by_name["politics"]
    (relations,) = politics.children  # no article names it, but diplomacy is under it
    assert relations.name == "international relations" and relations.entry is None
    assert [child.name for child in relations.children] == ["diplomacy"]  # summit: no articles
    assert relations.children[0].broader == "international relations"
    assert [entry.name for entry in tree.unlisted] == ["made up"]
    assert set(tree.by_name) == {"politics", "international relations", "diplomacy"}


def test_every_topic_entry_sits_once_in_the_tree_or_among_the_unlisted(
    site_archive: Archive,
) -> None:
    placed: list[str] = []

    def walk(nodes: tuple) -> None:
        for node in nodes:
            if node.entry is not None:
                placed.append(node.entry.name)
            walk(node.children)

    walk(site_archive.topic_tree.roots)
    placed.extend(entry.name for entry in site_archive.topic_tree.unlisted)
    assert sorted(placed) == sorted(entry.name for entry in site_archive.topics.entries)
    assert [entry.name for entry in site_archive.topic_tree.unlisted] == [
        '{% include "base.html" %}'
    ]


def test_topic_terms_read_the_tree_and_resolve_borrowed_codes() -> None:
    document = {
        "topics": [
            {"code": "medtop:1", "name": "politics", "cues": ["vote"]},
            {"code": "medtop:2", "name": "government", "parent": "medtop:1"},
            # code unverified: borrows its parent's code, and still sits under it
            {"code": "medtop:2", "name": "cabinet", "parent": "medtop:2"},
            {"code": "medtop:3", "name": "minister", "parent": "medtop:2"},
            "not a topic",
        ]
    }
    assert topic_terms(document) == (
        VocabularyTerm("politics", None),
        VocabularyTerm("government", "politics"),
        VocabularyTerm("cabinet", "government"),
        VocabularyTerm("minister", "government"),
    )
    assert topic_terms(None) == ()


# --- profiles: who and what appears beside an entry -------------------------------------


def test_entry_profile_counts_co_actors_and_topics_from_the_front_matter(
    site_archive: Archive, site_articles: list[FixtureArticle]
) -> None:
    for entry in site_archive.actors.entries:
        naming = [a for a in site_articles if entry.name in a.actor_names]
        beside = Counter(name for a in naming for name in a.actor_names - {entry.name})
        topics = Counter(name for a in naming for name in a.topic_names)
        profile = entry_profile(site_archive, "actors", entry, top=10)
        assert len(profile.co_actors) == min(10, len(beside)), entry.name
        for tally in profile.co_actors:
            assert tally.count == beside[tally.entry.name], (entry.name, tally.entry.name)
        counts = [tally.count for tally in profile.co_actors]
        assert counts == sorted(counts, reverse=True)
        if profile.co_actors:  # nothing left out counts more than the last one listed
            listed = {tally.entry.name for tally in profile.co_actors}
            assert max((n for a, n in beside.items() if a not in listed), default=0) <= counts[-1]
        assert {(t.entry.name, t.count) for t in profile.topic_mix} <= set(topics.items())
        assert len(profile.topic_mix) == min(10, len(topics))


def test_topic_profile_leaves_the_topic_itself_out_of_its_mix(site_archive: Archive) -> None:
    diplomacy = site_archive.topics.by_name["diplomacy"]
    profile = entry_profile(site_archive, "topics", diplomacy, top=10)
    assert "diplomacy" not in [tally.entry.name for tally in profile.topic_mix]
    assert ("John Kerry", 3) in [(t.entry.name, t.count) for t in profile.co_actors]


def test_ties_are_broken_by_slug() -> None:
    archive = build_archive(
        [article("a", actors=("Zed", "Bee", "Ann")), article("b", actors=("Zed",))],
        use_directory_urls=True,
    )
    tallies = most_named(archive.actors, [("Bee", "Zed", "Ann"), ("Zed",)], top=2)
    assert [(t.entry.name, t.count) for t in tallies] == [("Zed", 2), ("Ann", 1)]
    assert [t.entry.name for t in most_covered(archive.actors, top=3)] == ["Zed", "Ann", "Bee"]
