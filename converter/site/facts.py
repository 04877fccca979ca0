"""An article's facts panel: the names in its front matter resolved to the pages they link to."""

from __future__ import annotations

from dataclasses import dataclass

from converter.site.dates import date_entry
from converter.site.model import ACTOR_FIELDS, KIND_LABELS, Archive, ArticleMeta, Entry

# Actors in no typed list (a hand-written page may give only `actors:`) are listed last.
UNTYPED_LABEL = "Other actors"


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """An article's facts panel: every name it carries resolved to the entry page it links to."""

    article: ArticleMeta
    month: Entry
    """Where its date links: its month's page, or the undated list."""
    source: Entry | None
    publisher: Entry | None
    authors: tuple[Entry, ...]
    actor_groups: tuple[tuple[str, tuple[Entry, ...]], ...]
    topics: tuple[Entry, ...]


def article_facts(archive: Archive, article: ArticleMeta) -> ArticleFacts:
    """Resolve an article's date, source, publisher, authors, actors and topics to the entries their
    links point at."""
    actors = archive.actors.by_name
    typed = {name for field, _ in ACTOR_FIELDS for name in getattr(article, field)}
    groups = (
        *((KIND_LABELS[kind], getattr(article, field)) for field, kind in ACTOR_FIELDS),
        (UNTYPED_LABEL, tuple(name for name in article.actors if name not in typed)),
    )
    return ArticleFacts(
        article=article,
        month=date_entry(archive.dates, article),
        source=archive.sources.by_name.get(article.source),
        publisher=archive.publishers.by_name.get(article.publisher),
        authors=tuple(archive.authors.by_name[name] for name in article.authors),
        actor_groups=tuple(
            (label, tuple(actors[name] for name in names)) for label, names in groups if names
        ),
        topics=tuple(archive.topics.by_name[name] for name in article.topics),
    )
