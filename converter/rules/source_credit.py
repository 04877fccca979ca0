"""The attribution near the top: `Source:` then the outlet (on the same or the next line)."""

from __future__ import annotations

import re

from converter.rules.state import SeedState

_CREDIT = re.compile(r"^(?:source|sources|credit|via)\s*:\s*(.*)$", re.IGNORECASE)
_MAX_OUTLET_WORDS = 8
# The credit sits before the article starts; a `Source:` deep in the body is something else.
_SEARCH_LINES = 4


def credit_on_line(text: str) -> str | None:
    """'Source: ONE News' -> 'ONE News'; 'Source:' -> ''; anything else -> None."""
    match = _CREDIT.match(text)
    if match is None:
        return None
    outlet = match.group(1).strip()
    return outlet if len(outlet.split()) <= _MAX_OUTLET_WORDS else None


def take_source_credit(state: SeedState) -> SeedState:
    """Find the article's own credit among its first lines and lift it into `source`."""
    lines = list(state.lines)
    for index, line in enumerate(lines[:_SEARCH_LINES]):
        outlet = credit_on_line(line.text)
        if outlet is None:
            continue
        if outlet:
            return state.with_lines(lines[:index] + lines[index + 1 :], source=outlet)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            following is not None
            and len(following.text.split()) <= _MAX_OUTLET_WORDS
            and not _ends_sentence(following.text)
        ):
            return state.with_lines(lines[:index] + lines[index + 2 :], source=following.text)
        return state.with_lines(lines[:index] + lines[index + 1 :])
    return state


def _ends_sentence(text: str) -> bool:
    return text.endswith((".", "!", "?"))
