"""The pages the archive adds to the site: the model cut into what each template is given.

Every page is an empty Markdown file with its metadata (title, the Jinja template that renders
it, description) handed over directly, not as front matter that MkDocs would parse again for
each of tens of thousands of pages, plus that template's context. Lists longer than a page are
split into numbered pages, `actors/x.md` then `actors/x/page/2.md`, each linking to the others,
so no page grows with the archive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from converter.site.feeds import MAIN_FEED, topic_feed_path
from converter.site.indexes import letter_groups, numbered_src_uri, page_url
from converter.site.model import Archive, ArticleMeta, Entry, Index, LetterGroup, TopicNode
from converter.site.pagination import Pagination, pagination, runs_of
from converter.site.stats import (
    EntryProfile,
    KindCount,
    Tally,
    entry_profile,
    kind_counts,
    most_covered,
)

HOME_TEMPLATE = "archive/home.html"
INDEX_TEMPLATE = "archive/index.html"
TOPICS_TEMPLATE = "archive/topics.html"
DATES_TEMPLATE = "archive/dates.html"
ENTRY_TEMPLATES: Mapping[str, str] = {
    "actors": "archive/actor.html",
    "topics": "archive/topic.html",
    "sources": "archive/source.html",
    "publishers": "archive/publisher.html",
    "authors": "archive/author.html",
    "dates": "archive/month.html",
}
# An article is listed on each of its actors', topics' and source's pages and its month's, its
# one-sentence description only on its source's: every article has one, so it is written once.
DESCRIBED_SECTION = "sources"
# By section, or by an entry's own kind where the section has more than one.
ENTRY_DESCRIPTIONS: Mapping[str, str] = {
    "actors": "{count} naming {name}.",
    "topics": "{count} about {name}.",
    "sources": "{count} from {name}.",
    "publishers": "{count} published by {name}.",
    "authors": "{count} by {name}.",
    "month": "{count} from {name}.",
    "undated": "{count} without a date.",
}


@dataclass(frozen=True, slots=True)
class Layout:
    """How much goes on a page: the plugin's resolved options (options.py holds the defaults)."""

    per_page: int
    neighbours: int
    latest: int
    chart: int
    use_directory_urls: bool


@dataclass(frozen=True, slots=True)
class LetterLink:
    """A letter of the jump bar: an anchor on this page, or on the page `url` holding it."""

    letter: str
    anchor: str
    url: str | None


@dataclass(frozen=True, slots=True)
class IndexPage:
    """One page of a section index: its share of the entries, grouped by letter."""

    index: Index
    groups: tuple[LetterGroup, ...]
    letters: tuple[LetterLink, ...]
    kinds: tuple[KindCount, ...]
    pagination: Pagination | None


@dataclass(frozen=True, slots=True)
class EntryPage:
    """One page of an actor, topic, source or month: its share of the articles (with their
    descriptions or not); the first page also has the entry's profile and, for a topic, its place
    in the vocabulary tree. A month's pages link the months before and after it."""

    entry: Entry
    articles: tuple[ArticleMeta, ...]
    pagination: Pagination | None
    describe: bool = True
    profile: EntryProfile | None = None
    topic: TopicNode | None = None
    feed_path: str | None = None
    newer: Entry | None = None
    older: Entry | None = None


@dataclass(frozen=True, slots=True)
class ChartBar:
    """A bar of the home page's topic chart: its topic, its articles, its length in percent."""

    entry: Entry
    count: int
    percent: str


@dataclass(frozen=True, slots=True)
class Home:
    """What the home page shows: the archive in figures and dates, the latest articles, the
    most covered actors, and the most covered topics as a chart."""

    newest: ArticleMeta | None
    oldest: ArticleMeta | None
    latest: tuple[ArticleMeta, ...]
    kinds: tuple[KindCount, ...]
    top_actors: tuple[Tally, ...]
    chart: tuple[ChartBar, ...]


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page the plugin adds: its metadata (what front matter would hold) and the context its
    template is given."""

    src_uri: str
    meta: Mapping[str, Any]
    context: Mapping[str, Any] = field(default_factory=dict)
    in_nav: bool = True


def page_meta(title: str, template: str, description: str = "") -> dict[str, Any]:
    """A generated page's metadata: its title, the template rendering it, out of the search."""
    meta: dict[str, Any] = {"title": title, "template": template, "search": {"exclude": True}}
    if description:
        meta["description"] = description
    return meta


def generated_pages(archive: Archive, layout: Layout, *, with_home: bool) -> list[GeneratedPage]:
    """Every page the archive adds: home (unless docs has one), the A-Z indexes and the date
    index, one page (or a numbered series) per entry and per month, and one for the undated.
    Only home and the index fronts go in the nav."""
    pages: list[GeneratedPage] = []
    if with_home:
        pages.append(
            GeneratedPage(
                "index.md",
                page_meta("Home", HOME_TEMPLATE),
                {"archive_home": home(archive, layout), "archive_feed": MAIN_FEED},
            )
        )
    pages.extend(index_pages(archive.actors, layout, kinds=kind_counts(archive.actors)))
    pages.append(
        GeneratedPage(
            archive.topics.src_uri,
            page_meta(archive.topics.title, TOPICS_TEMPLATE),
            {"archive_topics": archive.topic_tree, "archive_index": archive.topics},
        )
    )
    pages.extend(index_pages(archive.sources, layout))
    pages.extend(index_pages(archive.publishers, layout))
    pages.extend(index_pages(archive.authors, layout))
    pages.append(
        GeneratedPage(
            archive.dates.src_uri,
            page_meta(archive.dates.title, DATES_TEMPLATE),
            {"archive_index": archive.dates},
        )
    )
    for index in archive.indexes:
        for entry in index.entries:
            if entry.has_page:
                pages.extend(entry_pages(archive, index, entry, layout))
    months = [entry for entry in archive.dates.entries if entry.kind == "month"]
    for at, month in enumerate(months):
        newer = months[at - 1] if at > 0 else None
        older = months[at + 1] if at + 1 < len(months) else None
        pages.extend(entry_pages(archive, archive.dates, month, layout, newer=newer, older=older))
    for entry in archive.dates.entries:
        if entry.kind != "month":  # the undated
            pages.extend(entry_pages(archive, archive.dates, entry, layout))
    return pages


def home(archive: Archive, layout: Layout) -> Home:
    """The home page's model; chart bars are in percent of the most covered topic's count."""
    dated = archive.dated
    chart = most_covered(archive.topics, top=layout.chart)
    widest = max((tally.count for tally in chart), default=1)
    return Home(
        newest=dated[0] if dated else None,
        oldest=dated[-1] if dated else None,
        latest=archive.articles[: layout.latest],
        kinds=kind_counts(archive.actors),
        top_actors=most_covered(archive.actors, top=layout.neighbours),
        chart=tuple(
            ChartBar(tally.entry, tally.count, f"{100 * tally.count / widest:.2f}")
            for tally in chart
        ),
    )


def index_pages(
    index: Index, layout: Layout, *, kinds: tuple[KindCount, ...] = ()
) -> list[GeneratedPage]:
    """A section index A-Z, `index.per_page` entries a page; the letter bar reaches every page."""
    chunks = runs_of(index.entries, index.per_page)
    uris = [numbered_src_uri(index.src_uri, number) for number in range(1, len(chunks) + 1)]
    urls = [page_url(uri, layout.use_directory_urls) for uri in uris]
    first_page_of: dict[str, int] = {}
    for number, chunk in enumerate(chunks):
        for entry in chunk:
            first_page_of.setdefault(entry.letter, number)
    every_letter = [(group.letter, group.anchor) for group in index.groups]
    pages = []
    for number, chunk in enumerate(chunks):
        letters = tuple(
            LetterLink(
                letter,
                anchor,
                None if first_page_of[letter] == number else urls[first_page_of[letter]],
            )
            for letter, anchor in every_letter
        )
        title = index.title if number == 0 else f"{index.title} (page {number + 1})"
        pages.append(
            GeneratedPage(
                uris[number],
                page_meta(title, INDEX_TEMPLATE),
                {
                    "archive_index": index,
                    "archive_index_page": IndexPage(
                        index, letter_groups(chunk), letters, kinds, pagination(urls, number)
                    ),
                },
                in_nav=number == 0,
            )
        )
    return pages


def entry_pages(
    archive: Archive,
    index: Index,
    entry: Entry,
    layout: Layout,
    *,
    newer: Entry | None = None,
    older: Entry | None = None,
) -> list[GeneratedPage]:
    """An entry's articles, `per_page` a page; the first page carries its profile."""
    chunks = runs_of(entry.articles, layout.per_page)
    uris = [numbered_src_uri(entry.src_uri, number) for number in range(1, len(chunks) + 1)]
    urls = [page_url(uri, layout.use_directory_urls) for uri in uris]
    count = f"{entry.count} article{'' if entry.count == 1 else 's'}"
    described = ENTRY_DESCRIPTIONS.get(entry.kind) or ENTRY_DESCRIPTIONS[index.section]
    description = described.format(count=count, name=entry.name)
    feed_path = topic_feed_path(entry) if index.section == "topics" else None
    pages = []
    for number, chunk in enumerate(chunks):
        first = number == 0
        page = EntryPage(
            entry=entry,
            articles=chunk,
            pagination=pagination(urls, number),
            describe=index.section == DESCRIBED_SECTION,
            profile=entry_profile(archive, index.section, entry, top=layout.neighbours)
            if first
            else None,
            topic=archive.topic_tree.by_name.get(entry.name) if first else None,
            feed_path=feed_path,
            newer=newer,
            older=older,
        )
        title = entry.name if first else f"{entry.name} (page {number + 1})"
        pages.append(
            GeneratedPage(
                uris[number],
                page_meta(title, ENTRY_TEMPLATES[index.section], description),
                {
                    "archive_index": index,
                    "archive_entry": entry,
                    "archive_entry_page": page,
                    "archive_feed": feed_path,
                },
                in_nav=False,
            )
        )
    return pages
