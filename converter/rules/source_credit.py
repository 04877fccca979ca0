"""Who wrote the story: the credit near the headline (`Source:` then the outlet, on the same or
the next line; an agency's name on a line of its own) or an agency's mark opening the story,
`WASHINGTON (AP) —`. The site that shows it is the publisher (rules/publisher.py)."""

from __future__ import annotations

import re
from functools import cache

from converter.data import load_yaml
from converter.rules.state import Line, SeedState

_CREDIT = re.compile(r"^(?:source|sources|credit|via)\s*:\s*(.*)$", re.IGNORECASE)
_MAX_OUTLET_WORDS = 8
_MAX_OUTLET_CHARS = 100
_OPENING_LINES = 3
"""An agency's mark in parentheses counts in the story's first lines only."""
_PARENTHESES = re.compile(r"\(([^()]{1,40})\)")
_AFFIXES = re.compile(r"^(?:the\s+)|\s+(?:staff|writer|reporter|correspondent|wire)s?$")


@cache
def agencies() -> dict[str, str]:
    """Every form of an agency's name, casefolded -> its canonical name (data/agencies.yaml)."""
    return {
        form.casefold(): name
        for name, forms in load_yaml("agencies.yaml")["agencies"].items()
        for form in (name, *forms)
    }


def agency_named(text: str) -> str:
    """The agency a credit fragment names ('Associated Press', 'AP', 'the AP writer'), or ''."""
    key = " ".join(text.split()).strip(" .,;:-–—|").casefold()
    known = agencies()
    while key and key not in known:
        shorter = _AFFIXES.sub("", key)
        if shorter == key:
            return ""
        key = shorter
    return known.get(key, "")


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
    """The page's own credit by the headline leaves the body for `source`; failing that, an
    agency's mark in the story's opening lines names it (and stays in the text)."""
    lines = state.lines
    for index in state.by_headline():
        used, outlet = credit_at(lines, index)
        if not used:
            used, outlet = (1, agency_named(lines[index].text))
            used = used if outlet else 0
        if used:
            top = state.top - max(0, min(used, state.top - index))
            rest = lines[:index] + lines[index + used :]
            source = state.facts.source or outlet or state.source
            return state.with_lines(rest, source=source, top=top)
    if state.facts.source:
        return state.with_lines(lines, source=state.facts.source)
    for line in lines[state.top : state.top + _OPENING_LINES]:
        for match in _PARENTHESES.finditer(line.text):
            agency = agency_named(match.group(1))
            if agency:
                return state.with_lines(lines, source=agency)
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
