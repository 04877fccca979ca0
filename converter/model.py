"""Plain, frozen data passed between pipeline stages: read -> rules -> enrich -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

BlockKind = Literal["paragraph", "crosshead"]
ActorKind = Literal["person", "organisation", "place"]


@dataclass(frozen=True, slots=True)
class SeedFile:
    """A seed on disk: its name (what pages trace back to), where it is, and its bytes' hash."""

    name: str
    path: Path
    shown: str
    seed_hash: str


@dataclass(frozen=True, slots=True)
class RawSeed:
    """A seed file decoded to text; `stem` ties every page back to its raw file."""

    stem: str
    text: str


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of article body: a paragraph or a crosshead (a sub-heading between paragraphs)."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class Video:
    """An embedded-video block lifted out of the body and kept as metadata."""

    caption: str
    duration: str
    description: str
    source: str

    kind: str = "video"


@dataclass(frozen=True, slots=True)
class ParsedSeed:
    """What the boilerplate rules leave: headline, credit, clean body and the media they lifted."""

    stem: str
    title: str
    source: str
    blocks: tuple[Block, ...]
    media: tuple[Video, ...] = ()
    dateline: str = ""
    date: str = ""


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
    media: tuple[Video, ...] = ()
    actors: tuple[Actor, ...] = ()
    topics: tuple[Topic, ...] = ()
    description: str = ""
    words: int = 0
    dateline: str = ""
    date: str = ""
    seeds: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Failure:
    """A seed that gave no page, and why, in words a user can act on."""

    seed_file: str
    reason: str
