"""Atom feeds (converter/site/feeds.py), parsed back with feedparser, the reference parser."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import feedparser
from helpers import SITE_URL, article

from converter.site.feeds import Feed, archive_feeds, atom
from converter.site.model import Archive

if TYPE_CHECKING:
    from helpers import FixtureArticle



def parse(xml: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_atom_feed_parses_with_absolute_links_and_article_dates() -> None:
    feed = Feed(
        "topics/diplomacy/feed.xml",
        "News Archive: diplomacy",
        "topics/diplomacy/",
        (
            article("geneva", date="2016-09-10", description="Talks.", topics=("diplomacy",)),
            article("undated", source=""),
        ),
    )
    parsed = parse(atom(feed, site_url=SITE_URL, author="News Archive", undated="2016-09-21"))
    assert parsed.version == "atom10"
    assert parsed.feed.title == "News Archive: diplomacy"
    assert parsed.feed.id == f"{SITE_URL}topics/diplomacy/feed.xml"
    assert parsed.feed.link == f"{SITE_URL}topics/diplomacy/"
    assert parsed.feed.updated == "2016-09-21T00:00:00Z"  # the undated entry stands at `undated`
    geneva, undated = parsed.entries
    assert geneva.link == geneva.id == f"{SITE_URL}articles/geneva/"
    assert geneva.published == geneva.updated == "2016-09-10T00:00:00Z"
    assert geneva.author == "Reuters" and geneva.summary == "Talks."
    assert [tag.term for tag in geneva.tags] == ["diplomacy"]
    assert "published" not in undated and undated.updated == "2016-09-21T00:00:00Z"
    assert "author" not in undated  # Atom: the feed's author stands for entries without one


def test_hostile_and_control_characters_stay_text() -> None:
    title = '<script>alert(1)</script> & "quotes" \x0b\x1b]]>'
    feed = Feed("feed.xml", "News Archive", "", (article("x", title=title, topics=("<b>",)),))
    xml = atom(feed, site_url=SITE_URL, author="A & B", undated="1970-01-01")
    assert b"<script>" not in xml and b"<b>" not in xml
    parsed = parse(xml)
    assert parsed.entries[0].title == '<script>alert(1)</script> & "quotes" ]]>'
    assert parsed.entries[0].tags[0].term == "<b>"
    assert parsed.feed.author == "A & B"


def test_an_empty_archive_still_has_a_valid_feed() -> None:
    parsed = parse(
        atom(Feed("feed.xml", "N", "", ()), site_url=SITE_URL, author="N", undated="1970-01-01")
    )
    assert parsed.entries == [] and parsed.feed.updated == "1970-01-01T00:00:00Z"


def test_archive_feeds_are_the_latest_articles_then_one_per_topic(site_archive: Archive) -> None:
    feeds = archive_feeds(site_archive, size=3, site_name="News Archive")
    main, *topics = feeds
    assert main.path == "feed.xml" and main.articles == site_archive.articles[:3]
    assert [feed.path for feed in topics] == [
        f"topics/{entry.slug}/feed.xml" for entry in site_archive.topics.entries
    ]
    assert all(len(feed.articles) <= 3 for feed in topics)


def test_built_feeds_parse_and_list_the_latest_articles(
    site_dir: Path, site_archive: Archive, site_articles: list[FixtureArticle]
) -> None:
    parsed = parse((site_dir / "feed.xml").read_bytes())
    assert [entry.link for entry in parsed.entries] == [
        f"{SITE_URL}{a.url}" for a in site_archive.articles[:20]
    ]
    for entry in site_archive.topics.entries:
        topic_feed = parse((site_dir / "topics" / entry.slug / "feed.xml").read_bytes())
        expected = {f"{SITE_URL}{a.url}" for a in site_articles if entry.name in a.topic_names}
        links = [item.link for item in topic_feed.entries]
        assert len(links) == min(20, len(expected)) and set(links) <= expected, entry.name
        assert topic_feed.feed.link == f"{SITE_URL}topics/{entry.slug}/"


def test_built_feeds_list_newest_first_and_the_undated_last(site_dir: Path) -> None:
    feeds = [site_dir / "feed.xml", *sorted((site_dir / "topics").glob("*/feed.xml"))]
    assert len(feeds) > 10
    for path in feeds:
        published = [entry.get("published", "") for entry in parse(path.read_bytes()).entries]
        dated = [day for day in published if day]
        assert published[: len(dated)] == dated == sorted(dated, reverse=True), path
