"""The archive model assembled: article front matter in, indexes, topic tree and related
stories out, every list in a fixed order.

Data first, rendering second (pages.py, plugin.py): a pure function over frozen data. The
numbers it takes come resolved from the plugin's options (options.py), which hold the only
defaults.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from converter.enrich.topics import TopicEntry
from converter.site.articles import latest_first
from converter.site.dates import date_index
from converter.site.indexes import actor_kinds, one_spelling, section_index
from converter.site.model import Archive, ArticleMeta
from converter.site.related import related_stories
from converter.site.topic_tree import topic_tree


def build_archive(
    articles: Iterable[ArticleMeta],
    *,
    use_directory_urls: bool,
    vocabulary: Sequence[TopicEntry],
    related: int,
    actor_page_min: int,
    author_page_min: int,
    index_per_page: int,
) -> Archive:
    """Group articles by actor (one spelling per name whatever its case), topic, source,
    publisher, author and month, place topics in the vocabulary tree and find each article's
    `related` closest stories. An actor named in fewer than `actor_page_min` articles, or an
    author with fewer than `author_page_min`, is listed on the index (`index_per_page` entries
    a page), not given a page."""
    ordered = one_spelling(latest_first(articles))
    kinds = actor_kinds(ordered)
    index = functools.partial(
        section_index, use_directory_urls=use_directory_urls, per_page=index_per_page
    )
    topics = index(
        "topics", ((a, a.topics) for a in ordered), kind_of=lambda _: "topic", page_min=1
    )
    return Archive(
        articles=ordered,
        actors=index(
            "actors",
            ((a, a.actors) for a in ordered),
            kind_of=lambda name: kinds.get(name, ""),
            page_min=actor_page_min,
        ),
        topics=topics,
        sources=index(
            "sources",
            ((a, _one(a.source)) for a in ordered),
            kind_of=lambda _: "source",
            page_min=1,
        ),
        publishers=index(
            "publishers",
            ((a, _one(a.publisher)) for a in ordered),
            kind_of=lambda _: "publisher",
            page_min=1,
        ),
        authors=index(
            "authors",
            ((a, a.authors) for a in ordered),
            kind_of=lambda _: "author",
            page_min=author_page_min,
        ),
        dates=date_index(ordered, use_directory_urls=use_directory_urls),
        by_src_uri={article.src_uri: article for article in ordered},
        topic_tree=topic_tree(topics, vocabulary),
        related=related_stories(ordered, limit=related),
    )


def _one(name: str) -> tuple[str, ...]:
    """An article's one source or publisher as an index membership: none when unnamed."""
    return (name,) if name else ()
