"""Stable, safe page names: from the title, ASCII, lower case, never clashing, never escaping."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from slugify import slugify

MAX_SLUG_LENGTH = 80
_RESERVED = frozenset({"index", "con", "prn", "aux", "nul", "com1", "lpt1", "search", "assets"})


def title_slug(title: str) -> str:
    """'US and Russia poised…' -> 'us-and-russia-poised…'; only [a-z0-9-], never empty."""
    slug = slugify(title, max_length=MAX_SLUG_LENGTH, word_boundary=True, save_order=True)
    if not slug or slug in _RESERVED:
        slug = f"article-{slug}".rstrip("-")
    return slug


def seed_suffix(seed: str) -> str:
    return hashlib.sha1(seed.encode("utf-8")).hexdigest()[:8]


def assign_slugs(titles: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(seed, title) pairs -> seed: slug. On a clash the seed first in sort order keeps the plain
    slug and the others get a suffix from their own seed name, so the result never depends on
    the order seeds were listed in."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for seed, title in sorted(titles):
        slug = title_slug(title)
        if slug in taken:
            slug = f"{slug}-{seed_suffix(seed)}"
        taken.add(slug)
        slugs[seed] = slug
    return slugs
