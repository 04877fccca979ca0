"""The headline is the first non-empty line of the seed."""

from __future__ import annotations

from converter.rules.chrome import is_chrome
from converter.rules.state import SeedState


def take_headline(state: SeedState) -> SeedState:
    """First line that is not page chrome -> title; it leaves the body."""
    for index, line in enumerate(state.lines):
        if not is_chrome(line.text):
            rest = state.lines[:index] + state.lines[index + 1 :]
            return state.with_lines(rest, title=line.text)
    return state
