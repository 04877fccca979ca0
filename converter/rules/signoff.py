"""Wire sign-offs at a story's end ("-- Larry Fine, Wall Street Desk, 212-859-1677", "-- Bucharest
Newsroom 40-1 3120264", "(Reporting by Jane Doe; Editing by John Roe)"): part of the article as
the agency wrote it, so the line stays in the body (its names reach the NER), and the reporter
it names, if no byline did, becomes the author."""

from __future__ import annotations

import re
from dataclasses import replace

from converter.rules.byline import desk_named, read_names
from converter.rules.prose import line_model
from converter.rules.state import SeedState

_DASHED = re.compile(r"^[-–—]{2,}\s*(?P<rest>[A-Z].*)$")
_CONTACT = re.compile(r"\+?\(?\d[\d\s()./-]{5,}\d|[\w.+-]+@[\w-]+\.\w")
_CREDITS = re.compile(
    r"^\((?P<rest>(?:additional\s+)?(?:reporting|writing|compiled|text)\s+by\b[^()]*)\)\.?$",
    re.IGNORECASE,
)
_REPORTERS = re.compile(
    r"(?:^|;\s*)(?:additional\s+)?(?:reporting|writing|compiled|text)\s+by\s+(?P<names>[^;]+)",
    re.IGNORECASE,
)
_CONTACT_START = re.compile(r"[+(\d]|\b(?:tel|e-?mail|fax)\b", re.IGNORECASE)


def is_signoff(text: str) -> bool:
    """A dashed line naming a desk or giving a contact, or a parenthesised reporting credit."""
    if _CREDITS.match(text):
        return True
    dashed = _DASHED.match(text)
    return dashed is not None and (
        _CONTACT.search(dashed.group("rest")) is not None or desk_named(dashed.group("rest"))
    )


def signoff_authors(text: str) -> tuple[str, ...]:
    """The reporters a sign-off names: 'Larry Fine' of '-- Larry Fine, Wall Street Desk', the
    reporters (not the editors) of '(Reporting by ...; Editing by ...)'; none for a desk."""
    credits = _CREDITS.match(text)
    if credits:
        return tuple(
            name
            for match in _REPORTERS.finditer(credits.group("rest"))
            for name in read_names(match.group("names"))
        )
    dashed = _DASHED.match(text)
    if dashed is None:
        return ()
    first = dashed.group("rest").split(",")[0]
    contact = _CONTACT_START.search(first)
    name = first[: contact.start()] if contact else first
    return () if desk_named(name) else read_names(name)[:1]


def keep_signoff(state: SeedState) -> SeedState:
    """Sign-off lines after the story's last line of prose stay in the body (scored sure, so
    no threshold or rule of rules/body.py drops them); the first one's reporter is the author
    when nothing else named one."""
    threshold = line_model().thresholds.page
    lines = list(state.lines)
    authors: tuple[str, ...] = ()
    found = False
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if is_signoff(line.text):
            lines[index] = replace(line, prose=1.0)
            authors = signoff_authors(line.text) or authors
            found = True
        elif line.prose >= threshold:
            break
    else:
        return state  # no prose before it: not the end of a story
    if not found:
        return state
    return state.with_lines(lines, authors=state.authors or state.facts.authors or authors)
