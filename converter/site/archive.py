"""The archive model: article front matter in, actor/topic/source indexes out.

Data first, rendering second (pages.py, plugin.py): everything here is a pure function over
frozen data, except `read_header`, which reads only the front matter of a page so that building
the model for 20,000 articles stays a matter of seconds.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

import yaml
from mkdocs.structure.files import File
from slugify import slugify

from converter import fast_yaml
from converter.site.related import related_stories

Section = Literal["actors", "topics", "sources"]

ARTICLES_DIR = "articles"
# Front-matter list -> actor kind, in the order a tie between kinds is broken.
ACTOR_FIELDS: tuple[tuple[str, str], ...] = (
    ("people", "person"),
    ("organisations", "organisation"),
    ("places", "place"),
)
SECTION_TITLES: Mapping[Section, str] = {
    "actors": "Actors",
    "topics": "Topics",
    "sources": "Sources",
}
# Used when a name slugifies to nothing (e.g. "!!!"), so no URL is ever empty.
SLUG_FALLBACKS: Mapping[Section, str] = {
    "actors": "actor",
    "topics": "topic",
    "sources": "source",
}
# `<section>/index.md` is the section's own index page and `<section>/page/N.md` its further
# pages (pages.py); no entry may take those URLs.
RESERVED_SLUGS = frozenset({"index", "page"})
SLUG_MAX_LENGTH = 80
OTHER_LETTER = "#"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
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


class FrontMatterError(ValueError):
    """An article page whose header is missing, is not YAML, or has no title."""


@dataclass(frozen=True, slots=True)
class Video:
    """A video that ran with the article, as listed in its `media` front matter."""

    caption: str
    duration: str
    source: str
    description: str


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
    actors: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    videos: tuple[Video, ...] = ()

    @property
    def date_label(self) -> str:
        """The date as readers write it ("21 September 2016"), the same in every locale."""
        if not self.date:
            return ""
        year, month, day = (int(part) for part in self.date.split("-"))
        return f"{day} {_MONTHS[month - 1]} {year}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor, topic or source: its generated page and the articles naming it, latest first.

    An actor in too few articles for a page of its own (`has_page` False) lives on the A-Z index
    instead, its articles listed under its name: `url` is that line (`actors/page/3/#entry-x`).
    Most actors of a real archive are named once; a page each would be most of the site."""

    name: str
    slug: str
    src_uri: str
    url: str
    kind: str
    letter: str
    articles: tuple[ArticleMeta, ...]
    has_page: bool = True

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def anchor(self) -> str:
        return entry_anchor(self.slug)


@dataclass(frozen=True, slots=True)
class LetterGroup:
    """The entries of an index page that share a first letter (A-Z, or '#' for the rest)."""

    letter: str
    anchor: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Index:
    """All entries of one section (actors, topics or sources) in reading order."""

    section: Section
    title: str
    src_uri: str
    url: str
    entries: tuple[Entry, ...]
    groups: tuple[LetterGroup, ...]
    by_name: Mapping[str, Entry]
    per_page: int = 1000  # entries a page of the A-Z index shows


@dataclass(frozen=True, slots=True)
class VocabularyTerm:
    """One topic of the IPTC vocabulary as the site needs it: its name under its broader one."""

    name: str
    broader: str | None


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
    """The whole site's model: articles latest first, the three indexes over them, the topic
    tree, and each article's related stories."""

    articles: tuple[ArticleMeta, ...]
    actors: Index
    topics: Index
    sources: Index
    by_src_uri: Mapping[str, ArticleMeta]
    topic_tree: TopicTree
    related: Mapping[str, tuple[ArticleMeta, ...]]

    @property
    def dated(self) -> tuple[ArticleMeta, ...]:
        """The articles that carry a date, newest first (they lead `articles`)."""
        return tuple(itertools.takewhile(lambda article: article.date, self.articles))


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
class ArticleFacts:
    """An article's facts panel: every name it carries resolved to the entry page it links to."""

    article: ArticleMeta
    source: Entry | None
    actor_groups: tuple[tuple[str, tuple[Entry, ...]], ...]
    topics: tuple[Entry, ...]


def is_article(src_uri: str) -> bool:
    """Article pages are the Markdown files the converter writes under `articles/`."""
    return src_uri.startswith(f"{ARTICLES_DIR}/") and src_uri.endswith(".md")


def front_matter(lines: Iterable[str]) -> str:
    """The YAML between the opening `---` and the closing `---`/`...`; stops reading there."""
    lines = iter(lines)
    if next(lines, "").rstrip() != "---":
        raise FrontMatterError("no front matter: the page does not start with '---'")
    header: list[str] = []
    for line in lines:
        if line.rstrip() in ("---", "..."):
            return "".join(header)
        header.append(line)
    raise FrontMatterError("front matter is never closed with '---'")


def read_header(path: str) -> str:
    """Read a page's front matter only, leaving the (much longer) body on disk."""
    with open(path, encoding="utf-8-sig") as page:
        return front_matter(page)


def parse_article(src_uri: str, url: str, header: str) -> ArticleMeta:
    """Front matter text -> ArticleMeta; tolerant of missing optional keys, strict on the title."""
    try:
        meta = fast_yaml.safe_load(header)  # C parser: 20,000 headers in a couple of seconds
    except yaml.YAMLError as error:
        raise FrontMatterError(f"front matter is not valid YAML: {error}") from error
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter is not a mapping")
    title = _text(meta.get("title"))
    if not title:
        raise FrontMatterError("front matter has no title")
    people, organisations, places = (_names(meta.get(field)) for field, _ in ACTOR_FIELDS)
    return ArticleMeta(
        src_uri=src_uri,
        url=url,
        title=title,
        source=_text(meta.get("source")),
        description=_text(meta.get("description")),
        date=_iso_date(meta.get("date")),
        dateline=_text(meta.get("dateline")),
        actors=_unique((*_names(meta.get("actors")), *people, *organisations, *places)),
        people=people,
        organisations=organisations,
        places=places,
        topics=_names(meta.get("topics")),
        videos=_videos(meta.get("media")),
    )


def latest_first(articles: Iterable[ArticleMeta]) -> tuple[ArticleMeta, ...]:
    """Dated articles newest first, then undated ones; ties in title order, then by path."""
    by_title = sorted(articles, key=lambda a: (a.title.casefold(), a.title, a.src_uri))
    # Python's sort is stable, also in reverse: equal dates keep title order.
    return tuple(sorted(by_title, key=lambda a: a.date, reverse=True))


def base_slug(name: str) -> str:
    """The URL-safe, transliterated form of a name ("Łódź" -> "lodz"); may be empty."""
    return slugify(name, max_length=SLUG_MAX_LENGTH)


def assign_slugs(names: Iterable[str], fallback: str) -> dict[str, str]:
    """Give every name a unique, non-empty slug; clashes get -2, -3... in sorted name order.

    The same set of names always gets the same slugs, whatever order they arrive in; the
    result is in reading order (see `_in_reading_order`).
    """
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


def build_archive(
    articles: Iterable[ArticleMeta],
    *,
    use_directory_urls: bool,
    vocabulary: Sequence[VocabularyTerm] = (),
    related: int = 5,
    actor_page_min: int = 1,
    index_per_page: int = 1000,
) -> Archive:
    """Group articles by actor, topic and source, place topics in the vocabulary tree and find
    each article's `related` closest stories; every list comes out in a fixed order. An actor
    named in fewer than `actor_page_min` articles is listed on the index, not given a page."""
    ordered = latest_first(articles)
    kinds = actor_kinds(ordered)
    topics = build_index(
        "topics",
        ((article, article.topics) for article in ordered),
        kind_of=lambda _: "topic",
        use_directory_urls=use_directory_urls,
        per_page=index_per_page,
    )
    return Archive(
        articles=ordered,
        actors=build_index(
            "actors",
            ((article, article.actors) for article in ordered),
            kind_of=lambda name: kinds.get(name, ""),
            use_directory_urls=use_directory_urls,
            per_page=index_per_page,
            page_min=actor_page_min,
        ),
        topics=topics,
        sources=build_index(
            "sources",
            ((article, (article.source,) if article.source else ()) for article in ordered),
            kind_of=lambda _: "source",
            use_directory_urls=use_directory_urls,
            per_page=index_per_page,
        ),
        by_src_uri={article.src_uri: article for article in ordered},
        topic_tree=topic_tree(topics, vocabulary),
        related=related_stories(ordered, limit=related),
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


def build_index(
    section: Section,
    memberships: Iterable[tuple[ArticleMeta, Iterable[str]]],
    *,
    kind_of: Callable[[str], str],
    use_directory_urls: bool,
    per_page: int = 1000,
    page_min: int = 1,
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


def entry_anchor(slug: str) -> str:
    """The id of an entry's line on the index ('letter-' ids are the letter headings)."""
    return f"entry-{slug}"


def numbered_src_uri(src_uri: str, number: int) -> str:
    """Page `number` of a series starting at `src_uri`: `actors/x.md` -> `actors/x/page/2.md`,
    `actors/index.md` -> `actors/page/2.md`."""
    if number == 1:
        return src_uri
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/page/{number}.md".lstrip("/")


def letter_groups(entries: Iterable[Entry]) -> tuple[LetterGroup, ...]:
    """Split entries (already in reading order) by their first letter; one group per letter."""
    return tuple(
        LetterGroup(
            letter=letter,
            anchor="letter-other" if letter == OTHER_LETTER else f"letter-{letter.lower()}",
            entries=tuple(group),
        )
        for letter, group in itertools.groupby(entries, key=lambda entry: entry.letter)
    )


def first_letter(base: str) -> str:
    """'A'-'Z' from a name's base slug, or '#' for names starting with anything else."""
    initial = base[:1]
    return initial.upper() if "a" <= initial <= "z" else OTHER_LETTER


def article_facts(archive: Archive, article: ArticleMeta) -> ArticleFacts:
    """Resolve an article's source, actors and topics to the entries their links point at."""
    actors = archive.actors.by_name
    typed = {name for field, _ in ACTOR_FIELDS for name in getattr(article, field)}
    groups = (
        ("People", article.people),
        ("Organisations", article.organisations),
        ("Places", article.places),
        ("Other actors", tuple(name for name in article.actors if name not in typed)),
    )
    return ArticleFacts(
        article=article,
        source=archive.sources.by_name.get(article.source),
        actor_groups=tuple(
            (label, tuple(actors[name] for name in names)) for label, names in groups if names
        ),
        topics=tuple(archive.topics.by_name[name] for name in article.topics),
    )


def topic_terms(document: object) -> tuple[VocabularyTerm, ...]:
    """The topic tree of the converter's vocabulary file (`topics:` with code, name, parent).

    Only the tree: the cues are the classifier's business. A topic whose code is unverified
    borrows its parent's code, so a parent code names the topic that has it as its own code
    without borrowing it (the rule converter/enrich/topics.py applies too).
    """
    raw = document.get("topics") if isinstance(document, dict) else None
    topics = [item for item in raw or () if isinstance(item, dict)]
    owner = {
        str(item.get("code")): _text(item.get("name"))
        for item in topics
        if item.get("code") != item.get("parent")
    }
    return tuple(
        VocabularyTerm(
            name=_text(item.get("name")),
            broader=owner.get(str(item["parent"])) if item.get("parent") is not None else None,
        )
        for item in topics
        if _text(item.get("name"))
    )


def topic_tree(topics: Index, vocabulary: Sequence[VocabularyTerm]) -> TopicTree:
    """Topic entries in the vocabulary's tree (subject -> narrower topics), keeping only the
    branches that lead to an article; topics the vocabulary does not know go to `unlisted`."""
    names = {term.name for term in vocabulary}
    narrower: dict[str | None, list[VocabularyTerm]] = {}
    for term in vocabulary:
        narrower.setdefault(term.broader if term.broader in names else None, []).append(term)
    by_name: dict[str, TopicNode] = {}

    def grow(term: VocabularyTerm, broader: str | None) -> TopicNode | None:
        children = tuple(
            node
            for child in narrower.get(term.name, ())
            if (node := grow(child, term.name)) is not None
        )
        entry = topics.by_name.get(term.name)
        if entry is None and not children:
            return None
        node = TopicNode(term.name, entry, children, broader)
        by_name[term.name] = node
        return node

    roots = tuple(node for term in narrower.get(None, ()) if (node := grow(term, None)) is not None)
    return TopicTree(
        roots=roots,
        unlisted=tuple(entry for entry in topics.entries if entry.name not in by_name),
        by_name=by_name,
    )


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


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """The site-relative URL MkDocs gives a page at `src_uri` (`actors/x.md` -> `actors/x/`)."""
    return File(src_uri, None, "", use_directory_urls).url


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


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _iso_date(value: object) -> str:
    """A calendar date as YYYY-MM-DD, or '' when absent or not a real date."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = _text(value)
    if not _ISO_DATE.fullmatch(text):
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return ""


def _names(value: object) -> tuple[str, ...]:
    """A front-matter list of names, cleaned: strings only, stripped, no blanks or repeats."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return _unique(_text(item) for item in value if isinstance(item, str | int | float))


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for name in names if name))


def _videos(value: object) -> tuple[Video, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        Video(
            caption=_text(item.get("caption")),
            duration=_text(item.get("duration")),
            source=_text(item.get("source")),
            description=_text(item.get("description")),
        )
        for item in value
        if isinstance(item, dict) and item.get("kind", "video") == "video"
    )
