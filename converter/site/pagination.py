"""Numbered series of pages: a list longer than a page is cut into runs, each page linking to
the others (`actors/x.md`, then `actors/x/page/2.md`, ...), so no page grows with the archive."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
# Page numbers shown on each side of the current one; the rest collapse into an ellipsis.
PAGINATION_WINDOW = 2


@dataclass(frozen=True, slots=True)
class PageLink:
    """One link of a pagination bar; `number` None is the ellipsis between distant pages."""

    number: int | None
    url: str | None
    current: bool = False


@dataclass(frozen=True, slots=True)
class Pagination:
    """Where a page sits in its numbered series, with the links to the others."""

    number: int
    total: int
    previous_url: str | None
    next_url: str | None
    links: tuple[PageLink, ...]


def pagination(urls: Sequence[str], current: int) -> Pagination | None:
    """The pagination bar of page `current` (0-based) of a series; None for a single page."""
    if len(urls) < 2:
        return None
    last = len(urls) - 1
    shown = sorted(
        {
            0,
            last,
            *range(max(0, current - PAGINATION_WINDOW), min(last, current + PAGINATION_WINDOW) + 1),
        }
    )
    links: list[PageLink] = []
    for before, number in itertools.pairwise([-1, *shown]):
        if number - before > 1 and before >= 0:
            links.append(PageLink(None, None))
        links.append(PageLink(number + 1, urls[number], current=number == current))
    return Pagination(
        number=current + 1,
        total=len(urls),
        previous_url=urls[current - 1] if current > 0 else None,
        next_url=urls[current + 1] if current < last else None,
        links=tuple(links),
    )


def runs_of(items: Sequence[T], size: int) -> list[tuple[T, ...]]:
    """`items` in runs of `size`; an empty list still makes one (empty) page."""
    size = max(1, size)
    return [tuple(items[start : start + size]) for start in range(0, len(items), size)] or [()]
