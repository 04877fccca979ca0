"""Wire datelines such as `LONDON 1996-08-30` open a story: metadata, not a sentence."""

from __future__ import annotations

import re

from converter.rules.state import SeedState

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?)[,\s]+(?:\(\w+\)\s+)?"
    r"(?P<date>\d{4}-\d{2}-\d{2})$"
)


def take_dateline(state: SeedState) -> SeedState:
    """A first body line that is only `PLACE YYYY-MM-DD` moves to `dateline` and `date`."""
    if not state.lines:
        return state
    match = _DATELINE.match(state.lines[0].text)
    if match is None:
        return state
    return state.with_lines(
        state.lines[1:], dateline=match.group("place").strip(), date=match.group("date")
    )
