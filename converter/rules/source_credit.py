"""The attribution near the top: `Source:` then the outlet (on the same or the next line)."""

from __future__ import annotations

import re

from converter.rules.state import Line, SeedState

_CREDIT = re.compile(r"^(?:source|sources|credit|via)\s*:\s*(.*)$", re.IGNORECASE)
_MAX_OUTLET_WORDS = 8
_MAX_OUTLET_CHARS = 100
# The credit sits before the article starts; a `Source:` deep in the body is something else.
_SEARCH_LINES = 4


def credit_on_line(text: str) -> str | None:
    """'Source: ONE News' -> 'ONE News'; 'Source:' -> ''; anything else -> None."""
    match = _CREDIT.match(text)
    if match is None:
        return None
    outlet = match.group(1).strip()
    return outlet if not outlet or _names_an_outlet(outlet) else None


def credit_at(lines: tuple[Line, ...] | list[Line], index: int) -> tuple[int, str]:
    """How many lines a credit starting at `index` takes (0: no credit there) and its outlet;
    a bare `Source:` takes the next line with it when that line names an outlet."""
    outlet = credit_on_line(lines[index].text)
    if outlet is None:
        return 0, ""
    if outlet:
        return 1, outlet
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    if following and _names_an_outlet(following) and not _ends_sentence(following):
        return 2, following
    return 1, ""


def take_source_credit(state: SeedState) -> SeedState:
    """Find the article's own credit among its first lines and lift it into `source`."""
    lines = state.lines
    for index in range(min(len(lines), _SEARCH_LINES)):
        used, outlet = credit_at(lines, index)
        if used:
            rest = lines[:index] + lines[index + used :]
            return state.with_lines(rest, source=outlet or state.source)
    return state


def _names_an_outlet(text: str) -> bool:
    """An outlet's name is short and has a letter or digit: `Source: ---` credits no one."""
    return (
        len(text.split()) <= _MAX_OUTLET_WORDS
        and len(text) <= _MAX_OUTLET_CHARS
        and any(char.isalnum() for char in text)
    )


def _ends_sentence(text: str) -> bool:
    return text.endswith((".", "!", "?"))
