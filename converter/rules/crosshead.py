"""Crossheads: short sub-headings standing alone between paragraphs, without closing punctuation."""

from __future__ import annotations

import re

from converter.rules.state import Line, SeedState

MAX_CROSSHEAD_WORDS = 10
MAX_CROSSHEAD_CHARS = 80
_CLOSING = (".", "!", "?", ",", ";", ":", '"', "'", "”", "’", ")", "…", "-", "–", "—")


def is_crosshead_text(text: str) -> bool:
    """Headline-shaped: short, capitalised, no digits-only tables, no sentence ending."""
    words = text.split()
    return (
        0 < len(words) <= MAX_CROSSHEAD_WORDS
        and len(text) <= MAX_CROSSHEAD_CHARS
        and text[0].isupper()
        and not text.endswith(_CLOSING)
        and not re.search(r"\d", text)
        and any(char.isalpha() for char in text)
    )


def mark_crossheads(state: SeedState) -> SeedState:
    """A lone line between two paragraphs that reads like a headline becomes a crosshead."""
    lines = list(state.lines)
    marked: list[Line] = []
    for index, line in enumerate(lines):
        alone = _alone_in_group(lines, index)
        between = 0 < index < len(lines) - 1 and lines[index + 1].kind == "text"
        if alone and between and is_crosshead_text(line.text) and _is_paragraph(lines[index + 1]):
            marked.append(Line(line.text, line.group, "crosshead"))
        else:
            marked.append(line)
    return state.with_lines(marked)


def _alone_in_group(lines: list[Line], index: int) -> bool:
    group = lines[index].group
    before = index > 0 and lines[index - 1].group == group
    after = index + 1 < len(lines) and lines[index + 1].group == group
    return not before and not after


def _is_paragraph(line: Line) -> bool:
    return not is_crosshead_text(line.text)
