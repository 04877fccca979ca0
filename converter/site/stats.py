"""Counts over the archive that pages show: who appears beside an entry, what its articles are
about, the most covered entries, actors per kind. Ties always go to the slug, so the same
articles give the same lists."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from converter.site.model import ACTOR_FIELDS, KIND_LABELS, Archive, Entry, Index, Section


@dataclass(frozen=True, slots=True)
class Tally:
    """An entry and how many articles of some list name it."""

    entry: Entry
    count: int


@dataclass(frozen=True, slots=True)
class EntryProfile:
    """What an entry's page shows beside its articles: who appears most often beside it and
    which topics its articles are about, each with the number of articles."""

    co_actors: tuple[Tally, ...]
    topic_mix: tuple[Tally, ...]


@dataclass(frozen=True, slots=True)
class KindCount:
    """An actor kind the index can be filtered to, and how many actors are of that kind."""

    kind: str
    label: str
    count: int


def entry_profile(archive: Archive, section: Section, entry: Entry, *, top: int) -> EntryProfile:
    """The `top` actors named most often beside an entry and the `top` topics of its articles
    (the entry itself left out), most articles first, ties in slug order."""
    itself = entry.name
    return EntryProfile(
        co_actors=most_named(
            archive.actors,
            (article.actors for article in entry.articles),
            top=top,
            leave_out=itself if section == "actors" else None,
        ),
        topic_mix=most_named(
            archive.topics,
            (article.topics for article in entry.articles),
            top=top,
            leave_out=itself if section == "topics" else None,
        ),
    )


def most_named(
    index: Index, name_lists: Iterable[Iterable[str]], *, top: int, leave_out: str | None = None
) -> tuple[Tally, ...]:
    """The `top` names of an index counted across lists, most first, ties in slug order."""
    counts = Counter(name for names in name_lists for name in names)
    counts.pop(leave_out, None)  # type: ignore[arg-type]
    if top <= 0 or not counts:
        return ()
    # Only names counted at least as often as the top-th can be listed: sort just those.
    floor = heapq.nlargest(top, counts.values())[-1]
    contenders = [(name, count) for name, count in counts.items() if count >= floor]
    contenders.sort(key=lambda item: (-item[1], index.by_name[item[0]].slug))
    return tuple(Tally(index.by_name[name], count) for name, count in contenders[:top])


def most_covered(index: Index, *, top: int) -> tuple[Tally, ...]:
    """The `top` entries with the most articles, ties in slug order."""
    best = heapq.nsmallest(top, index.entries, key=lambda entry: (-entry.count, entry.slug))
    return tuple(Tally(entry, entry.count) for entry in best)


def kind_counts(index: Index) -> tuple[KindCount, ...]:
    """Actors per kind (people, organisations, places), in that order, kinds with none left out."""
    counts = Counter(entry.kind for entry in index.entries)
    return tuple(
        KindCount(kind, KIND_LABELS[kind], counts[kind]) for _, kind in ACTOR_FIELDS if counts[kind]
    )
