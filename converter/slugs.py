"""Stable, safe page names: from the title, ASCII, lower case, never clashing, never escaping."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from slugify import slugify

MAX_SLUG_LENGTH = 80
SLUG_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
"""What a page name is made of: no dots, slashes or leading dashes, so it stays in its folder."""

# Names MkDocs or Windows treat specially; a title that slugs to one gets a prefix.
_RESERVED = frozenset(
    {"index", "con", "prn", "aux", "nul", "search", "assets", "sitemap", "404"}
    | {f"{device}{number}" for device in ("com", "lpt") for number in range(10)}
)
_PREFIX = "article"


def title_slug(title: str) -> str:
    """'US and Russia poised…' -> 'us-and-russia-poised…'; only [a-z0-9-], never empty."""
    slug = slugify(title, max_length=MAX_SLUG_LENGTH, word_boundary=True, save_order=True)
    if not SLUG_PATTERN.fullmatch(slug) or slug in _RESERVED:
        slug = f"{_PREFIX}-{slug}".rstrip("-")
    return slug


def seed_suffix(seed: str) -> str:
    """A short, stable tag of a seed's name (any name: even one with undecodable bytes)."""
    return hashlib.sha1(seed.encode("utf-8", errors="surrogatepass")).hexdigest()[:8]


def assign_slugs(
    titles: Iterable[tuple[str, str]], reserved: frozenset[str] = frozenset()
) -> dict[str, str]:
    """(seed, title) pairs -> seed: slug, every slug distinct and none `reserved`. Of the seeds
    whose titles give one slug, the first in sort order keeps it and the others get a suffix
    from their own seed name, so the result never depends on the order seeds were listed in."""
    pairs = sorted(titles)
    plain = {seed: title_slug(title) for seed, title in pairs}
    slugs: dict[str, str] = {}
    taken: set[str] = set(reserved)
    for seed, _ in pairs:
        if plain[seed] not in taken:
            slugs[seed] = plain[seed]
            taken.add(plain[seed])
    # A suffixed slug must not take another title's plain slug, nor another suffixed one.
    for seed, _ in pairs:
        if seed in slugs:
            continue
        slug = f"{plain[seed]}-{seed_suffix(seed)}"
        count = 1
        while slug in taken:
            count += 1
            slug = f"{plain[seed]}-{seed_suffix(seed)}-{count}"
        taken.add(slug)
        slugs[seed] = slug
    return slugs
