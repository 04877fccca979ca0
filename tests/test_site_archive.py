"""The archive model (converter/site/archive.py): pure functions over front matter, no build."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from converter.site.archive import (
    ArticleMeta,
    FrontMatterError,
    article_facts,
    assign_slugs,
    build_archive,
    front_matter,
    latest_first,
    page_url,
    parse_article,
    read_header,
)

FIXTURES = Path(__file__).parent / "fixtures" / "site" / "articles"
SYRIA = "articles/us-and-russia-poised-for-new-battle-over-syria.md"


def article(name: str, **fields: object) -> ArticleMeta:
    """A minimal article under articles/<name>.md with the given front-matter fields."""
    defaults: dict[str, object] = {"title": name.title(), "source": "Associated Press"}
    return ArticleMeta(
        src_uri=f"articles/{name}.md",
        url=f"articles/{name}/",
        **{**defaults, **fields},  # type: ignore[arg-type]
    )


def fixture_articles() -> list[ArticleMeta]:
    return [
        parse_article(f"articles/{path.name}", f"articles/{path.stem}/", read_header(str(path)))
        for path in sorted(FIXTURES.glob("*.md"))
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
