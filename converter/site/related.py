"""Related stories: for each article, the ones sharing the most weighted actors and topics.

A shared name weighs its inverse document frequency, ln(1 + N / df): two stories naming the same
local mayor are closer than two naming the United States. Scores are summed through an inverted
index from name to articles, so the work follows the rare names instead of every pair of articles:
a name in more than COMMON_LIMIT articles only adds to the scores of the candidates the rare names
found (for an article with too few of those, its latest COMMON_LIMIT articles join them). Every
candidate still gets its full score, so the ranking is exact among the candidates, and ties go
to the src_uri (slug) order: the same articles always give the same lists.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from converter.site.model import ArticleMeta

# A name in more articles than this is "common": its articles are not walked to find candidates.
# A fixed number, not a share of the archive, so the work per article stays bounded and the
# whole computation grows linearly with the archive.
COMMON_LIMIT = 100
# Scores are compared rounded, so float noise can never reorder equal overlaps.
RANK_DECIMALS = 9
TOLERANCE = 10.0**-RANK_DECIMALS

Feature = tuple[str, str]


def features(article: ArticleMeta) -> tuple[Feature, ...]:
    """The names an article can share with another: its actors and its topics, kept apart."""
    return (
        *(("actor", name) for name in article.actors),
        *(("topic", name) for name in article.topics),
    )


def related_stories(
    articles: Sequence[ArticleMeta], *, limit: int, common: int | None = None
) -> RelatedStories:
    """src_uri -> up to `limit` related articles, best first, ties in src_uri order.

    `articles` come in archive order (latest first), which decides which articles a common
    name's walk reaches; `common` overrides COMMON_LIMIT (tests compare against brute force).
    """
    return RelatedStories(articles, limit, COMMON_LIMIT if common is None else common)


class RelatedStories(Mapping[str, tuple["ArticleMeta", ...]]):
    """The related stories of every article, each article's worked out when first asked for:
    the build asks in the process that renders the article (forked_pages.py), so that work is
    shared by both cores instead of done before the pages are split between them."""

    def __init__(self, articles: Sequence[ArticleMeta], limit: int, cap: int) -> None:
        self._articles = articles
        self._limit = limit
        self._cap = cap
        self._positions = {article.src_uri: position for position, article in enumerate(articles)}
        self._names = [features(article) for article in articles]
        postings: dict[Feature, list[int]] = {}
        for position, article_names in enumerate(self._names):
            for name in article_names:
                postings.setdefault(name, []).append(position)
        self._postings = postings
        self._weight = {
            name: math.log1p(len(articles) / len(posting)) for name, posting in postings.items()
        }
        self._holders = {
            name: frozenset(posting) for name, posting in postings.items() if len(posting) > cap
        }
        self._found: dict[str, tuple[ArticleMeta, ...]] = {}

    def __getitem__(self, src_uri: str) -> tuple[ArticleMeta, ...]:
        found = self._found.get(src_uri)
        if found is None:
            found = self._found[src_uri] = self._related(self._positions[src_uri])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)

    def _related(self, position: int) -> tuple[ArticleMeta, ...]:
        if self._limit <= 0:
            return ()
        cap, postings = self._cap, self._postings
        rare = [name for name in self._names[position] if len(postings[name]) <= cap]
        widespread = [name for name in self._names[position] if len(postings[name]) > cap]
        scores: dict[int, float] = {}
        for name in rare:
            for other in postings[name]:
                scores[other] = scores.get(other, 0.0) + self._weight[name]
        scores.pop(position, None)
        if len(scores) < self._limit:  # too few through rare names: the latest common ones
            for name in widespread:
                others = (other for other in postings[name] if other != position)
                for other in itertools.islice(others, cap):
                    scores.setdefault(other, 0.0)
        _add_common_names(scores, widespread, self._weight, self._holders)
        best = _best(scores, self._articles, self._limit)
        return tuple(self._articles[other] for other in best)


def _add_common_names(
    scores: dict[int, float],
    widespread: Sequence[Feature],
    weight: Mapping[Feature, float],
    holders: Mapping[Feature, frozenset[int]],
) -> None:
    """Add to each candidate's score the common names it shares (a set intersection per name,
    so the cost follows the candidates, not the thousands of articles naming "United States")."""
    candidates = scores.keys()
    for name in widespread:
        for other in holders[name].intersection(candidates):
            scores[other] += weight[name]


def _best(scores: Mapping[int, float], articles: Sequence[ArticleMeta], limit: int) -> list[int]:
    """The `limit` best candidates; scores equal to RANK_DECIMALS are ordered by src_uri."""
    if len(scores) > limit:
        floor = heapq.nlargest(limit, scores.values())[-1] - TOLERANCE
        scores = {other: score for other, score in scores.items() if score >= floor}
    ranked = sorted(
        (-round(score, RANK_DECIMALS), articles[other].src_uri, other)
        for other, score in scores.items()
    )
    return [other for _, _, other in ranked[:limit]]
