"""The site that shows the story, from its copyright line ("© 2019 The Printers (Mysore)",
"Copyright © 2008-2012 NikonRumors.com"): the `publisher`. A copyright of a news agency
("Copyright 2008 Associated Press") credits the story's writer instead: the `source`."""

from __future__ import annotations

import re

from converter.rules.source_credit import agency_named
from converter.rules.state import SeedState

_MARK = re.compile(r"©|\(c\)|\bcopyright\b", re.IGNORECASE)
_YEARS = r"(?:\d{4}(?:\s*[-–]\s*(?:\d{4})?)?)"
_AFTER = re.compile(
    r"^(?:\s*(?:©|\(c\)|copyright|by|,|:))*\s*" + _YEARS + r"?\s*,?\s*(?:by\s+)?"
    r"(?P<name>(?:[^.|•·¶,;]|\.(?=\w)|(?<=\b[A-Z])\.){2,80}?)"
    r"\s*(?:,?\s*" + _YEARS + r")?\s*(?:[.|•·¶,;]|all rights|$)",
    re.IGNORECASE,
)
_BEFORE = re.compile(r"(?P<name>[^.|•·¶,;©]{2,60}?)\s*$")
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


def copyright_holder(text: str) -> str:
    """Who a copyright notice names, or '' (a line that only mentions copyright names no one)."""
    if len(text.split()) > MAX_COPYRIGHT_LINE_WORDS:
        return ""
    mark = _MARK.search(text)
    if mark is None:
        return ""
    after = _AFTER.match(text[mark.start() :])
    name = _clean(after.group("name")) if after else ""
    has_year = bool(re.search(r"\d{4}", text[mark.start() : mark.end() + 12]))
    if not name:
        before = _BEFORE.search(text[: mark.start()])
        name = _clean(before.group("name")) if before else ""
    explicit = "©" in text or "(c)" in text.casefold() or has_year
    return name if explicit and _is_holder(name) else ""


def _clean(name: str) -> str:
    name = re.sub(r"\s*(?:\d{4}\s*[-–]?\s*)+$", "", name.strip())
    return name.strip(" -–—:")


def _is_holder(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and any(char.isalpha() for char in name)
        and (not name[0].islower() or bool(re.fullmatch(r"[\w-]+(?:\.[a-z]{2,})+", words[0])))
        and not re.match(r"^(?:all rights|and|&|notice|policy|infringement)\b", name, re.I)
    )
