"""The headline is the first line that reads as one: not chrome, not a credit, not punctuation."""

from __future__ import annotations

from converter.rules.chrome import is_chrome
from converter.rules.source_credit import credit_at
from converter.rules.state import SeedState

MAX_HEADLINE_CHARS = 200
"""Longer than any real headline: such a first line is body text that lost its headline."""


def take_headline(state: SeedState) -> SeedState:
    """First line that can be a headline -> title; it leaves the body. A line too long to be a
    headline stays in the body and the title is its opening words."""
    lines = state.lines
    index = 0
    while index < len(lines):
        text = lines[index].text
        used, _ = credit_at(lines, index)
        if used:
            index += used
            continue
        if is_chrome(text) or not any(char.isalnum() for char in text):
            index += 1
            continue
        if len(text) > MAX_HEADLINE_CHARS:
            return state.with_lines(lines, title=shorten(text, MAX_HEADLINE_CHARS))
        return state.with_lines(lines[:index] + lines[index + 1 :], title=text)
    return state


def shorten(text: str, max_chars: int) -> str:
    """Cut at the last word boundary that fits, marking the cut with an ellipsis."""
    if len(text) <= max_chars:
        return text
    cut = text[: max_chars - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"
