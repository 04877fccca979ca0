"""The site that shows the story, from its copyright line ("© 2019 The Printers (Mysore)",
"Copyright © 2008-2012 NikonRumors.com"): the `publisher`. A copyright of a news agency
("Copyright 2008 Associated Press") credits the story's writer instead: the `source`."""

from __future__ import annotations

import re

from converter.rules.source_credit import agency_named
from converter.rules.state import SeedState

_MARKS = r"©|&copy;|\(c\)|\bcopyright\b"
_MARK = re.compile(_MARKS, re.IGNORECASE)
_YEAR = r"(?:\b\d{4}\b|(?-i:\b(?:MM[CLXVI]+|M[CLXVI]{2,})\b))"
"""A year, also in Roman numerals ('© MMVIII')."""
_YEAR_IN_TEXT = re.compile(_YEAR)
_YEARS = r"(?:" + _YEAR + r"(?:\s*[-–]\s*(?:" + _YEAR + r")?)?)"
_END = r"(?<!\b[A-Z])\.(?!\w)"
"""A full stop that ends the name: not an initial's ('Earl G. Graves'), not inside an address."""
_AFTER = re.compile(
    r"^(?:\s*(?:" + _MARKS + r"|by|,|:))*\s*" + _YEARS + r"?\s*,?\s*(?:by\s+)?"
    r"(?P<name>(?:[^.|•·¶,;©]|\.(?=\w)|(?<=\b[A-Z])\.){2,80}?)"
    r"\s*(?:,?\s*" + _YEARS + r"(?!\w)|" + _END + r"|[|•·¶,;]|all rights|$)",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"[\w-]+(?:\.[a-z]{2,})+", re.IGNORECASE)
"""A site's address as a name: 'NikonRumors.com', 'independent.ie'."""
_TRAILING_YEARS = re.compile(r"\s*(?<!\d)(?:\d{4}\s*[-–]?\s*)+$")
_LEADING_YEARS = re.compile(r"^(?:\d{4}\b\s*[-–,]?\s*)+")
_ENDS_IN_VERB = re.compile(r"\b(?:is|are)$", re.IGNORECASE)
"""'All Content is': a sentence cut at the mark, no name."""
_NOT_A_HOLDER = re.compile(r"^(?:all|and|&|notice|policy|infringement)\b", re.IGNORECASE)
_BEFORE = re.compile(r"(?P<name>[^.|•·¶,;:©]{2,60}?)\s*$")
MAX_NAME_WORDS = 8
MAX_COPYRIGHT_LINE_WORDS = 40


def take_publisher(state: SeedState) -> SeedState:
    """The last copyright line naming someone: an agency is the source (when none is known),
    anyone else the publisher. Lines stay where they are: the body classifier drops them."""
    if state.publisher:
        return state
    publisher, source = state.facts.publisher, ""
    for line in reversed(state.lines):
        named = copyright_holder(line.text)
        if not named:
            continue
        agency = agency_named(named)
        if agency:
            source = source or agency
        elif not publisher:
            publisher = named
        if publisher and source:
            break
    return state.with_lines(
        state.lines, publisher=publisher, source=state.source or state.facts.source or source
    )


def has_copyright_mark(text: str) -> bool:
    return _MARK.search(text) is not None


def copyright_holder(text: str) -> str:
    """Who a copyright notice names, or '' (a line that only mentions copyright names no one).
    The name after a mark comes first ('© 2008 Acme'), else the one before it ('Acme ©
    2008'); each mark is tried ('Copyright 2005 © ogpaper.com', mojibake before a '©')."""
    if len(text.split()) > MAX_COPYRIGHT_LINE_WORDS:
        return ""
    marks = list(_MARK.finditer(text))
    if not marks:
        return ""
    explicit = _YEAR_IN_TEXT.search(text) is not None or any(
        mark.group().casefold() != "copyright" for mark in marks
    )
    if not explicit:
        return ""
    for mark in marks:
        after = _AFTER.match(text[mark.start() :])
        name = _clean(after.group("name")) if after else ""
        if _is_holder(name):
            return name
    before = _BEFORE.search(text[: marks[0].start()])
    name = _clean(before.group("name")) if before else ""
    return name if _is_holder(name) else ""


def _clean(name: str) -> str:
    """The name less the years around it; an address opening it is the whole name
    ('AUTOSPORT.COM TERMS OF SERVICE' -> 'AUTOSPORT.COM': the menu after it ran on)."""
    name = _LEADING_YEARS.sub("", _TRAILING_YEARS.sub("", name.strip()))
    name = name.strip(" \"'®™")
    words = name.split()
    if words and _ADDRESS.fullmatch(words[0]):
        return words[0]
    return name.strip(" -–—:")


def _is_holder(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and sum(char.isalpha() for char in _MARK.sub("", name)) >= 2
        and not _ENDS_IN_VERB.search(name)
        and (not name[0].islower() or bool(_ADDRESS.fullmatch(words[0])))
        and not _NOT_A_HOLDER.match(name)
    )
