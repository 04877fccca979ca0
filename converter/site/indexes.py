"""The archive's indexes: name -> the articles naming it, per section, with slugs, A-Z letter
groups and the URLs MkDocs gives their pages.

An index is one axis over the articles (actor, topic, source, publisher,
author); the date axis (dates.py)
shares its entries, letter groups and URLs.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from mkdocs.structure.files import File
from slugify import slugify

from converter.casing import unshout
from converter.site.model import (
    ACTOR_FIELDS,
    ArticleMeta,
    Entry,
    Index,
    LetterGroup,
    Section,
    entry_anchor,
)
from converter.slugs import MAX_SLUG_LENGTH

SECTION_TITLES: Mapping[Section, str] = {
    "actors": "Actors",
    "topics": "Topics",
    "sources": "Sources",
    "publishers": "Publishers",
    "authors": "Authors",
}
# Used when a name slugifies to nothing (e.g. "!!!"), so no URL is ever empty.
SLUG_FALLBACKS: Mapping[Section, str] = {
    "actors": "actor",
    "topics": "topic",
    "sources": "source",
    "publishers": "publisher",
    "authors": "author",
}
# `<section>/index.md` is the section's own index page and `<section>/page/N.md` its further
# pages (pages.py); no entry may take those URLs.
RESERVED_SLUGS = frozenset({"index", "page"})
OTHER_LETTER = "#"


def section_index(
    section: Section,
    memberships: Iterable[tuple[ArticleMeta, Iterable[str]]],
    *,
    kind_of: Callable[[str], str],
    use_directory_urls: bool,
    per_page: int,
    page_min: int,
) -> Index:
    """name -> its articles, in the order the memberships come (callers pass latest first).
    Entries with fewer than `page_min` articles point at their line on the index page (of
    `per_page` entries each) that lists them."""
    articles_of: dict[str, list[ArticleMeta]] = {}
    for article, names in memberships:
        for name in names:
            articles_of.setdefault(name, []).append(article)
    ordered = _in_reading_order(articles_of)
    slugs = _assign(ordered, SLUG_FALLBACKS[section])
    src_uri = f"{section}/index.md"
    per_page = max(1, per_page)
    entries = []
    for position, (name, base) in enumerate(ordered):
        entry_uri = f"{section}/{slugs[name]}.md"
        has_page = len(articles_of[name]) >= page_min
        if has_page:
            url = page_url(entry_uri, use_directory_urls)
        else:
            index_page = numbered_src_uri(src_uri, position // per_page + 1)
            url = f"{page_url(index_page, use_directory_urls)}#{entry_anchor(slugs[name])}"
        entries.append(
            Entry(
                name=name,
                slug=slugs[name],
                src_uri=entry_uri,
                url=url,
                kind=kind_of(name),
                letter=first_letter(base),
                articles=tuple(articles_of[name]),
                has_page=has_page,
            )
        )
    return Index(
        section=section,
        title=SECTION_TITLES[section],
        src_uri=src_uri,
        url=page_url(src_uri, use_directory_urls),
        entries=tuple(entries),
        groups=letter_groups(entries),
        by_name={entry.name: entry for entry in entries},
        per_page=per_page,
    )


def actor_kinds(articles: Iterable[ArticleMeta]) -> dict[str, str]:
    """Each actor's kind by majority vote across articles; ties go to person, then organisation."""
    votes: dict[str, Counter[str]] = {}
    for article in articles:
        for field, kind in ACTOR_FIELDS:
            for name in getattr(article, field):
                votes.setdefault(name, Counter())[kind] += 1
    rank = {kind: position for position, (_, kind) in enumerate(ACTOR_FIELDS)}
    return {
        name: min(counts, key=lambda kind: (-counts[kind], rank[kind]))
        for name, counts in votes.items()
    }


_SPELLED_ALIKE: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("actors",), ("actors", *(field for field, _ in ACTOR_FIELDS))),
    (("authors",), ("authors",)),
    (("source", "publisher"), ("source", "publisher")),
)
"""Each family of names: the fields counted and the fields respelled. An actor's kind fields
repeat its `actors` name; a source and a publisher are both outlets ('Reuters' credited on one
page, the site on another)."""


def one_spelling(articles: Sequence[ArticleMeta]) -> tuple[ArticleMeta, ...]:
    """Names that differ only in case are one entry ("NEW York", "New York"; "ASSOCIATED PRESS",
    "Associated Press"; "JOHN SMITH", "John Smith": pages made before a converter fix, by hand
    or from seeds that shout), written as most articles write it, but never with a shouted word
    when another form has none ("NEW" is shouted, "UN" and "PSV" are not)."""
    spellings = [_spelling(articles, counted) for counted, _ in _SPELLED_ALIKE]
    if not any(spellings):
        return tuple(articles)
    result = []
    for article in articles:
        changes: dict[str, object] = {}
        for spelling, (_, fields) in zip(spellings, _SPELLED_ALIKE, strict=True):
            for field in fields:
                value = getattr(article, field)
                names = (value,) if isinstance(value, str) else value
                if any(name in spelling for name in names):
                    respelled = tuple(dict.fromkeys(spelling.get(name, name) for name in names))
                    changes[field] = respelled[0] if isinstance(value, str) else respelled
        result.append(replace(article, **changes) if changes else article)
    return tuple(result)


def _spelling(articles: Sequence[ArticleMeta], fields: tuple[str, ...]) -> dict[str, str]:
    """Each name in `fields` written in more than one case -> the form the archive uses."""
    counts: dict[str, Counter[str]] = {}
    for article in articles:
        for field in fields:
            value = getattr(article, field)
            for name in (value,) if isinstance(value, str) else value:
                if name:
                    counts.setdefault(name.casefold(), Counter())[name] += 1
    return {
        name: min(forms, key=lambda form: (_shouts(form), -forms[form], form))
        for forms in counts.values()
        if len(forms) > 1
        for name in forms
    }


def _shouts(name: str) -> bool:
    return any(word.isupper() and unshout(word, {}) != word for word in name.split())


def base_slug(name: str) -> str:
    """The URL-safe, transliterated form of a name ("Łódź" -> "lodz"); may be empty."""
    return slugify(name, max_length=MAX_SLUG_LENGTH)


def entry_slugs(names: Iterable[str], fallback: str) -> dict[str, str]:
    """Give every entry name a unique, non-empty slug; clashes get -2, -3... in sorted name
    order. The same set of names always gets the same slugs, whatever order they arrive in; the
    result is in reading order (see `_in_reading_order`)."""
    return _assign(_in_reading_order(names), fallback)


def _assign(ordered: Iterable[tuple[str, str]], fallback: str) -> dict[str, str]:
    taken = set(RESERVED_SLUGS)
    next_suffix: dict[str, int] = {}
    slugs: dict[str, str] = {}
    for name, base in ordered:
        base = base or fallback
        slug, suffix = base, next_suffix.get(base, 2)
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        next_suffix[base] = suffix
        taken.add(slug)
        slugs[name] = slug
    return slugs


def _in_reading_order(names: Iterable[str]) -> list[tuple[str, str]]:
    """(name, base slug) pairs as readers look things up: A-Z by transliteration, '#' last."""
    pairs = [(name, base_slug(name)) for name in set(names)]
    return sorted(
        pairs,
        key=lambda pair: (
            first_letter(pair[1]) == OTHER_LETTER,
            pair[1],
            pair[0].casefold(),
            pair[0],
        ),
    )


def first_letter(base: str) -> str:
    """'A'-'Z' from a name's base slug, or '#' for names starting with anything else."""
    initial = base[:1]
    return initial.upper() if "a" <= initial <= "z" else OTHER_LETTER


def letter_anchor(letter: str) -> str:
    return "letter-other" if letter == OTHER_LETTER else f"letter-{letter.lower()}"


def letter_groups(
    entries: Iterable[Entry], anchor: Callable[[str], str] = letter_anchor
) -> tuple[LetterGroup, ...]:
    """Split entries (already in reading order) by their letter (an index's initial, the date
    index's year); one group per letter, `anchor` naming its place on the page."""
    return tuple(
        LetterGroup(letter=letter, anchor=anchor(letter), entries=tuple(group))
        for letter, group in itertools.groupby(entries, key=lambda entry: entry.letter)
    )


def numbered_src_uri(src_uri: str, number: int) -> str:
    """Page `number` of a series starting at `src_uri`: `actors/x.md` -> `actors/x/page/2.md`,
    `actors/index.md` -> `actors/page/2.md`."""
    if number == 1:
        return src_uri
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/page/{number}.md".lstrip("/")


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """The site-relative URL MkDocs gives a page at `src_uri` (`actors/x.md` -> `actors/x/`)."""
    return File(src_uri, None, "", use_directory_urls).url
