"""Atom feeds of the archive: the latest articles, and the latest of each topic.

Feeds need absolute links, so they are made only for a site with a `site_url`. They carry no
build time: an entry is as old as its article's date, and a feed as new as its newest entry,
so the same articles always give the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

from converter.site.model import Archive, ArticleMeta, Entry

ATOM_NS = "http://www.w3.org/2005/Atom"
MAIN_FEED = "feed.xml"
# XML 1.0 forbids most control characters even as references; scraped text may hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

ET.register_namespace("", ATOM_NS)


@dataclass(frozen=True, slots=True)
class Feed:
    """One feed: the file it is written to and the page it follows (both site-relative)."""

    path: str
    title: str
    page_url: str
    articles: tuple[ArticleMeta, ...]


def topic_feed_path(entry: Entry) -> str:
    """Where a topic's feed lives: beside its page, `topics/<slug>/feed.xml`."""
    return f"topics/{entry.slug}/feed.xml"


def archive_feeds(archive: Archive, *, size: int, site_name: str) -> tuple[Feed, ...]:
    """The main feed (latest `size` articles), then one per topic in the topic index's order."""
    main = Feed(MAIN_FEED, site_name, "", archive.articles[:size])
    return (
        main,
        *(
            Feed(
                topic_feed_path(entry),
                f"{site_name}: {entry.name}",
                entry.url,
                entry.articles[:size],
            )
            for entry in archive.topics.entries
        ),
    )


def atom(feed: Feed, *, site_url: str, author: str, undated: str) -> bytes:
    """The feed as an Atom document; `undated` (YYYY-MM-DD) stands in for missing dates."""
    root = ET.Element(f"{{{ATOM_NS}}}feed")
    updated = max((_timestamp(a.date or undated) for a in feed.articles), default=None)
    _add(root, "id", urljoin(site_url, feed.path))
    _add(root, "title", feed.title)
    _add(root, "updated", updated or _timestamp(undated))
    _link(root, "self", urljoin(site_url, feed.path), "application/atom+xml")
    _link(root, "alternate", urljoin(site_url, feed.page_url), "text/html")
    _add(_add(root, "author"), "name", author)
    for article in feed.articles:
        entry = _add(root, "entry")
        url = urljoin(site_url, article.url)
        _add(entry, "id", url)
        _add(entry, "title", article.title)
        _link(entry, "alternate", url, "text/html")
        _add(entry, "updated", _timestamp(article.date or undated))
        if article.date:
            _add(entry, "published", _timestamp(article.date))
        if article.source:
            _add(_add(entry, "author"), "name", article.source)
        if article.description:
            _add(entry, "summary", article.description)
        _categories(entry, article.topics)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _timestamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}")
    if text is not None:
        element.text = _NOT_XML.sub("", text)
        if tag in {"title", "summary"}:
            element.set("type", "text")
    return element


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    link = _add(parent, "link")
    link.set("rel", rel)
    link.set("type", media_type)
    link.set("href", href)


def _categories(entry: ET.Element, topics: Iterable[str]) -> None:
    for topic in topics:
        _add(entry, "category").set("term", _NOT_XML.sub("", topic))
