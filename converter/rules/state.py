"""The shared state the boilerplate rules pass along, one small rule at a time."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from typing import Literal

from converter.model import PageFacts, Video
from converter.rules.layout import broken, unwrapped

LineKind = Literal["text", "crosshead"]
LINES_ABOVE_TOP = 3
LINES_BELOW_TOP = 8
"""The window by the headline where a byline, a date or a credit sits: a 'By' or a 'Source:'
deep in the body is something else."""


@dataclass(frozen=True, slots=True)
class Line:
    """A non-empty, stripped seed line; `group` numbers the blank-line-separated run it is in."""

    text: str
    group: int
    kind: LineKind = "text"
    prose: float = 1.0
    """How sure the body classifier is that the line is article text (rules/prose.py)."""
    headline: float = 0.0
    """How sure the headline ranker is that the line is the headline (rules/prose.py)."""


@dataclass(frozen=True, slots=True)
class SeedState:
    """Lines still to be classified plus what the rules have lifted out of them so far."""

    stem: str
    lines: tuple[Line, ...]
    title: str = ""
    source: str = ""
    media: tuple[Video, ...] = field(default=())
    dateline: str = ""
    date: str = ""
    publisher: str = ""
    authors: tuple[str, ...] = ()
    language: str = ""
    facts: PageFacts = field(default_factory=PageFacts)
    """What an HTML page's markup said (empty for text seeds): stronger than any guess."""
    top: int = 0
    """Index of the line after the headline: where bylines, dates and credits are looked for."""

    def text_sample(self, max_chars: int) -> str:
        """The opening lines' text, for guesses that need only a sample (the language)."""
        sample: list[str] = []
        size = 0
        for line in self.lines:
            if size >= max_chars:
                break
            sample.append(line.text)
            size += len(line.text) + 1
        return "\n".join(sample)

    def by_headline(self) -> range:
        """Indexes of the lines in the window by the headline (LINES_ABOVE_TOP, LINES_BELOW_TOP)."""
        end = min(len(self.lines), self.top + LINES_BELOW_TOP)
        return range(max(0, self.top - LINES_ABOVE_TOP), end)

    def with_lines(self, lines: list[Line] | tuple[Line, ...], **changes: object) -> SeedState:
        return replace(self, lines=tuple(lines), **changes)


def split_lines(stem: str, text: str, facts: PageFacts | None = None) -> SeedState:
    """Text -> stripped non-empty lines (hard-wrapped ones joined back), each remembering its
    paragraph group; a line of only invisible marks (bidi, joiners) counts as blank. A seed
    copied with no blank line at all says nothing of its groups, so each line is read as its
    own (as in a copy that puts a blank line after every line) unless it goes on with the
    sentence of the line before."""
    lines: list[Line] = []
    group = 0
    for raw_line in unwrapped(text.split("\n")):
        stripped = " ".join(raw_line.split())
        if stripped and not _invisible(stripped):
            lines.append(Line(stripped, group))
        elif lines and lines[-1].group == group:
            group += 1
    if lines and lines[-1].group == 0:
        lines = _one_group_a_line(lines)
    return SeedState(stem=stem, lines=tuple(lines), facts=facts or PageFacts())


def _one_group_a_line(lines: list[Line]) -> list[Line]:
    """Each line in a group of its own, but for a line that goes on with the sentence the line
    before it left open (a scrape's broken line stays with its paragraph)."""
    grouped = [lines[0]]
    for line in lines[1:]:
        previous = grouped[-1]
        group = previous.group + (not broken(previous.text, line.text))
        grouped.append(replace(line, group=group))
    return grouped


def _invisible(text: str) -> bool:
    return not text.isascii() and all(unicodedata.category(char) in ("Cf", "Zs") for char in text)
