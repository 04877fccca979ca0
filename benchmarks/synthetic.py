"""Realistic raw seeds for benchmarks: BBC bodies recombined, varied titles, sources and videos.

Each seed mixes paragraphs of two BBC stories of one category, so its text is unique (no exact
or near duplicates), and is written in the scraped seed format the converter reads.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpora import corpus
from converter.decode import decode

OUTLETS = (
    "Associated Press",
    "Reuters",
    "AFP",
    "BBC News",
    "ONE News",
    "The Guardian",
    "Bloomberg",
    "Al Jazeera",
    "CNN",
    "NPR",
    "Deutsche Welle",
    "Kyodo News",
)


@dataclass(frozen=True, slots=True)
class Story:
    category: str
    title: str
    paragraphs: tuple[str, ...]


def load_stories(directory: Path | None = None) -> list[Story]:
    """The BBC dev stories (or those under `directory`); a clear exit when there are none."""
    directory = directory or corpus("bbc-dev")
    stories = []
    for path in sorted(directory.glob("*/*.txt")):
        text = decode(path.read_bytes())  # the converter's own: sport/199.txt is Latin-1
        title, _, body = text.strip().partition("\n")
        paragraphs = tuple(p.strip() for p in body.split("\n\n") if p.strip())
        if paragraphs:
            stories.append(Story(path.parent.name, title.strip(), paragraphs))
    if not stories:
        raise SystemExit(f"no stories under {directory}: set ARCHIVE_CORPORA to the corpora")
    return stories


def seed_text(index: int, stories: list[Story]) -> str:
    """The index-th synthetic seed, deterministic."""
    rng = random.Random(index)
    first = stories[index % len(stories)]
    same = [story for story in stories if story.category == first.category and story is not first]
    second = rng.choice(same)
    cut = max(1, len(first.paragraphs) // 2)
    paragraphs = list(first.paragraphs[:cut]) + list(
        second.paragraphs[len(second.paragraphs) // 2 :]
    )
    title = f"{first.title} ({second.title.split()[0]} {index})"
    lines = [title, "", "share", "", "Source:", "", rng.choice(OUTLETS), ""]
    for number, paragraph in enumerate(paragraphs):
        lines += [paragraph, ""]
        if number == 1 and rng.random() < 0.2:
            caption = second.title
            description = second.paragraphs[0]
            lines += [
                caption,
                f"0{rng.randint(0, 9)}:{rng.randint(10, 59)}",
                description,
                description,
                f"Source: {rng.choice(OUTLETS)}",
                "",
            ]
    lines += ["loading error", "", "refresh", ""]
    return "\n".join(lines)


def write_seeds(directory: Path, count: int, start: int = 0) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    stories = load_stories()
    paths = []
    for index in range(start, start + count):
        path = directory / f"seed_{index:06d}.txt"
        path.write_text(seed_text(index, stories), "utf-8")
        paths.append(path)
    return paths
