"""Article pages as the site reads them (converter/site/articles.py): header -> ArticleMeta."""

from __future__ import annotations

import pytest
from helpers import SITE_ARTICLES, article

from converter.frontmatter import FrontMatterError, read_header
from converter.model import Image
from converter.site.articles import latest_first, parse_article

SYRIA = "articles/us-and-russia-poised-for-new-battle-over-syria.md"


def test_parse_article_reads_the_real_article_fixture() -> None:
    header = read_header(SITE_ARTICLES / "us-and-russia-poised-for-new-battle-over-syria.md")
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
        "authors: [' Jane Doe ', Jane Doe, '']\n"
        "publisher: ' The Coast Times '\n"
    )
    parsed = parse_article("articles/a.md", "articles/a/", header)
    assert parsed.title == "A title"
    assert parsed.actors == ("Zed", "7", "Ann", "Paris")
    assert parsed.people == ("Ann",)
    assert parsed.places == ("Paris",)
    assert parsed.topics == ()
    assert [video.caption for video in parsed.videos] == ["No kind is a video"]
    assert parsed.image is None  # the image has no address
    assert (parsed.authors, parsed.publisher) == (("Jane Doe",), "The Coast Times")


def test_the_images_are_those_with_a_web_address_and_the_first_leads() -> None:
    header = (
        "title: A title\n"
        "media:\n"
        "- {kind: image, url: 'javascript:alert(1)', caption: a}\n"
        "- {kind: video, url: 'https://www.youtube.com/embed/Ferry123abc'}\n"
        "- {kind: image, url: 'https://example.org/b.jpg', caption: ' b '}\n"
        "- {kind: image, url: 'https://example.org/c.jpg'}\n"
    )
    parsed = parse_article("articles/a.md", "articles/a/", header)
    assert parsed.image == Image("https://example.org/b.jpg", "b")
    assert parsed.images == (parsed.image, Image("https://example.org/c.jpg", ""))
    assert [video.url for video in parsed.videos] == ["https://www.youtube.com/embed/Ferry123abc"]


def test_a_videos_address_is_kept_only_as_a_web_address() -> None:
    header = (
        "title: A title\n"
        "media:\n"
        "- {caption: a, url: 'https://www.youtube.com/embed/Ferry123abc'}\n"
        "- {caption: b, url: 'javascript:alert(1)'}\n"
        "- {caption: c}\n"
    )
    parsed = parse_article("articles/a.md", "articles/a/", header)
    assert [video.url for video in parsed.videos] == [
        "https://www.youtube.com/embed/Ferry123abc",
        "",
        "",
    ]


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
def test_parse_article_rejects_bad_header_text(header: str, reason: str) -> None:
    with pytest.raises(FrontMatterError, match=reason):
        parse_article("articles/bad.md", "articles/bad/", header)


def test_date_label_is_locale_free() -> None:
    assert article("a", date="2016-09-01").date_label == "1 September 2016"
    assert article("a").date_label == ""


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
