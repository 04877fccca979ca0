"""Plain, frozen data passed between pipeline stages: read -> rules -> enrich -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

BlockKind = Literal["paragraph", "crosshead"]
ActorKind = Literal["person", "organisation", "place"]
SeedFormat = Literal["text", "html", "markdown"]


@dataclass(frozen=True, slots=True)
class SeedFile:
    """A seed on disk: its name (what pages trace back to), where it is, and its bytes' hash."""

    name: str
    path: Path
    shown: str
    seed_hash: str


@dataclass(frozen=True, slots=True)
class PageFacts:
    """What a page's markup says about its article (HTML seeds: structured data, meta tags),
    before any rule reads the text; empty where the markup says nothing."""

    title: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    """ISO 8601 (YYYY-MM-DD)."""
    publisher: str = ""
    source: str = ""
    language: str = ""
    url: str = ""
    videos: tuple[Video, ...] = ()
    """The players the article embeds and the videos the page declares (page/videos.py)."""
    image: Image | None = None
    """The article's lead image as the page declares it (page/images.py)."""
    photos: tuple[Image, ...] = ()
    """The photos inside the article, in page order, the lead image not again (page/photos.py)."""


@dataclass(frozen=True, slots=True)
class RawSeed:
    """A seed file decoded to text; `stem` ties every page back to its raw file. An HTML seed
    arrives as its main text, one block per paragraph, with what its markup said in `facts`."""

    stem: str
    text: str
    format: SeedFormat = "text"
    facts: PageFacts = field(default_factory=PageFacts)


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of article body: a paragraph or a crosshead (a sub-heading between paragraphs)."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class Video:
    """An embedded video kept as metadata: a text seed's video block lifted out of the body, or a
    player a saved page's article embeds (with its address)."""

    caption: str
    duration: str
    description: str
    source: str

    kind: str = "video"
    url: str = ""
    """http(s) only; empty for a text seed's block."""


@dataclass(frozen=True, slots=True)
class Image:
    """An article's lead image kept as metadata: its http(s) address and what the page says it
    shows. The archive links to it; it does not copy it."""

    url: str
    caption: str = ""

    kind: str = "image"


Media = Video | Image


@dataclass(frozen=True, slots=True)
class ParsedSeed:
    """What the boilerplate rules leave: headline, credit, clean body and the media they lifted."""

    stem: str
    title: str
    source: str
    blocks: tuple[Block, ...]
    media: tuple[Media, ...] = ()
    dateline: str = ""
    date: str = ""
    publisher: str = ""
    authors: tuple[str, ...] = ()
    language: str = ""
    format: SeedFormat = "text"


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation or place named in an article, under its canonical name."""

    name: str
    kind: ActorKind


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject from the controlled vocabulary (IPTC Media Topics), with the classifier's score."""

    code: str
    name: str
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Article:
    """A seed fully converted: everything the Markdown page and its front matter are made from."""

    seed: str
    title: str
    source: str
    blocks: tuple[Block, ...]
    media: tuple[Media, ...] = ()
    actors: tuple[Actor, ...] = ()
    topics: tuple[Topic, ...] = ()
    description: str = ""
    words: int = 0
    dateline: str = ""
    date: str = ""
    publisher: str = ""
    authors: tuple[str, ...] = ()
    language: str = ""
    format: SeedFormat = "text"
    seeds: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Failure:
    """A seed that gave no page, and why, in words a user can act on."""

    seed_file: str
    reason: str
