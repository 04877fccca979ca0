"""The site's model: frozen data the archive is made of, built once from the articles' front
matter (archive.py) and cut into pages by pages.py. No behaviour here beyond derived values."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from converter.model import Image, Video

Section = Literal["actors", "topics", "sources", "publishers", "authors", "dates"]

# Front-matter list -> actor kind, in the order a tie between kinds is broken.
ACTOR_FIELDS: tuple[tuple[str, str], ...] = (
    ("people", "person"),
    ("organisations", "organisation"),
    ("places", "place"),
)
KIND_LABELS: Mapping[str, str] = {
    "person": "People",
    "organisation": "Organisations",
    "place": "Places",
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the archive knows about one article page: its front matter and where it lives."""

    src_uri: str
    url: str
    title: str
    source: str
    description: str = ""
    date: str = ""
    dateline: str = ""
    authors: tuple[str, ...] = ()
    publisher: str = ""
    actors: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    videos: tuple[Video, ...] = ()
    images: tuple[Image, ...] = ()
    """The lead image first, then the photos inside the article."""

    @property
    def image(self) -> Image | None:
        """The lead image: the one a link to the article shows (its og:image)."""
        return self.images[0] if self.images else None

    @property
    def date_label(self) -> str:
        """The date as readers write it ("21 September 2016"), the same in every locale."""
        if not self.date:
            return ""
        return f"{int(self.date[8:10])} {month_label(self.date[:7])}"


def month_label(month: str) -> str:
    """'2016-09' -> 'September 2016', the same in every locale."""
    return f"{_MONTHS[int(month[5:7]) - 1]} {month[:4]}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor, topic, source or month: its generated page and its articles, latest first.

    An actor in too few articles for a page of its own (`has_page` False) lives on the A-Z index
    instead, its articles listed under its name: `url` is that line (`actors/page/3/#entry-x`).
    Most actors of a real archive are named once; a page each would be most of the site."""

    name: str
    slug: str
    src_uri: str
    url: str
    kind: str
    letter: str
    """The group it is listed under on its index: a letter A-Z or '#', or a month's year."""
    articles: tuple[ArticleMeta, ...]
    has_page: bool = True

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def anchor(self) -> str:
        return entry_anchor(self.slug)


def entry_anchor(slug: str) -> str:
    """The id of an entry's line on the index ('letter-' ids are the letter headings)."""
    return f"entry-{slug}"


@dataclass(frozen=True, slots=True)
class LetterGroup:
    """The entries of an index page that share a first letter (A-Z, or '#' for the rest), or
    the months of a year on the date index."""

    letter: str
    anchor: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Index:
    """All entries of one section (actors, topics, sources, publishers, authors or dates) in
    reading order."""

    section: Section
    title: str
    src_uri: str
    url: str
    entries: tuple[Entry, ...]
    groups: tuple[LetterGroup, ...]
    by_name: Mapping[str, Entry]
    per_page: int
    """Entries a page of the A-Z index shows."""


@dataclass(frozen=True, slots=True)
class TopicNode:
    """A vocabulary topic that leads to articles: its own entry (if any article names it) and
    its narrower topics that lead to articles, in the vocabulary's order."""

    name: str
    entry: Entry | None
    children: tuple[TopicNode, ...]
    broader: str | None


@dataclass(frozen=True, slots=True)
class TopicTree:
    """Topic entries placed in the vocabulary tree; `unlisted` are those the vocabulary lacks."""

    roots: tuple[TopicNode, ...]
    unlisted: tuple[Entry, ...]
    by_name: Mapping[str, TopicNode]


@dataclass(frozen=True, slots=True)
class Archive:
    """The whole site's model: articles latest first, the five indexes over them and the time
    axis (dates.py), the topic tree, and each article's related stories."""

    articles: tuple[ArticleMeta, ...]
    actors: Index
    topics: Index
    sources: Index
    publishers: Index
    authors: Index
    dates: Index
    by_src_uri: Mapping[str, ArticleMeta]
    topic_tree: TopicTree
    related: Mapping[str, tuple[ArticleMeta, ...]]

    @property
    def indexes(self) -> tuple[Index, ...]:
        """The A-Z indexes, in the nav's order (the date axis is not one)."""
        return (self.actors, self.topics, self.sources, self.publishers, self.authors)

    @property
    def dated(self) -> tuple[ArticleMeta, ...]:
        """The articles that carry a date, newest first (they lead `articles`)."""
        return tuple(itertools.takewhile(lambda article: article.date, self.articles))
