"""Bylines by the headline ("By Randy Maniloff", "Jamelle Bouie, Opinion Columnist", "Posted by
X on ..."): their names become `authors`, an agency named with them the `source`, and the line
leaves the body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from converter.casing import unshout
from converter.data import load_yaml
from converter.language import load_language
from converter.rules.source_credit import agency_named
from converter.rules.state import SeedState

MAX_BYLINE_WORDS = 16
_NO_EVIDENCE: dict[str, str] = {}
"""A shouted byline ('By SETH ROBERTS') is recased from the curated casing alone."""
_MAX_NAME_WORDS = 5
_SPLIT_NAMES = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.IGNORECASE)
# Where the names stop: a date or time, a place, a separator, a role after a comma.
_NAMES_END = re.compile(
    r"\s+(?:at|on|in|from|for|updated|published|posted)\s|\s[|•·–—-]\s|\s*[|•·]|\s+\d|[\n\t]",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)\s*")


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...]
    agency: str


@cache
def _words() -> tuple[re.Pattern[str], frozenset[str]]:
    document = load_yaml("bylines.yaml")
    openers = sorted(document["openers"], key=len, reverse=True)
    opener = re.compile(
        r"(?:^|(?<=[\s,|•·]))(?:" + "|".join(re.escape(word) for word in openers) + r")\s*:?\s+"
        r"(?=[A-Z\u00c0-\u024f])",
        re.IGNORECASE,
    )
    return (
        opener,
        frozenset(word.casefold() for word in document["roles"]),
    )


@cache
def _desks() -> frozenset[str]:
    return frozenset(word.casefold() for word in load_yaml("bylines.yaml")["desks"])


def desk_named(text: str) -> bool:
    """A newsroom, desk or bureau ('Wall Street Desk', 'Bucharest Newsroom'), not a person."""
    return any(word.strip(".,;:").casefold() in _desks() for word in text.split())


def read_names(text: str) -> tuple[str, ...]:
    """The people a run of names lists ('Jane Doe and John Roe in London'), agencies aside."""
    byline = _names_and_agency(text)
    return byline.authors if byline else ()


def read_byline(text: str) -> Byline | None:
    """The names (and agency) of a byline line, or None when the line is not one."""
    if len(text.split()) > MAX_BYLINE_WORDS:
        return None
    opener, roles = _words()
    match = opener.search(text)
    before = text[: match.start()] if match is not None else ""
    if match is not None and (match.start() == 0 or _has_date(before)) and not _open(before):
        return _names_and_agency(text[match.end() :])
    name, _, role = text.partition(",")
    role_words = role.split()
    if role_words and all(word.strip(".").casefold() in roles for word in role_words):
        return _names_and_agency(name)
    return None


def take_byline(state: SeedState) -> SeedState:
    """The first byline by the headline leaves the body; its names and agency are kept."""
    lines = state.lines
    for index in state.by_headline():
        byline = read_byline(lines[index].text)
        if byline is None:
            continue
        top = state.top - (1 if index < state.top else 0)
        return state.with_lines(
            lines[:index] + lines[index + 1 :],
            authors=state.facts.authors or byline.authors,
            source=state.source or state.facts.source or byline.agency,
            top=top,
        )
    return state


def _names_and_agency(text: str) -> Byline | None:
    agency = ""
    for match in _PARENTHESES.finditer(text):
        agency = agency or agency_named(match.group(1))
    text = _PARENTHESES.sub(" ", text)
    end = _NAMES_END.search(text)
    text = text[: end.start()] if end else text
    names: list[str] = []
    for part in _SPLIT_NAMES.split(text.strip(" .,;:")):
        if not part:
            continue
        named = agency_named(part)
        if named:
            agency = agency or named
        elif _is_name(part):
            names.append(unshout(part, _NO_EVIDENCE))
        else:
            break
    if not names and not agency:
        return None
    return Byline(tuple(dict.fromkeys(names)), agency)


def _is_name(text: str) -> bool:
    """Capitalised words (particles such as 'van' or 'de' allowed), no digits, no label's colon
    ('Tax Center: Bill Saas'): a person."""
    _, roles = _words()
    particles = load_language().name_particles
    words = text.split()
    return (
        0 < len(words) <= _MAX_NAME_WORDS
        and words[0][0].isupper()
        and all(word[0].isupper() or word.casefold() in particles for word in words)
        and not any(char.isdigit() or char == ":" for char in text)
        and not all(word.strip(".").casefold() in roles for word in words)
        and any(char.isalpha() for char in text)
    )


def _open(text: str) -> bool:
    """Inside parentheses: '(ridden by Jo Bloggs)' credits a part, not the story."""
    return text.count("(") > text.count(")")


def _has_date(text: str) -> bool:
    return any(char.isdigit() for char in text)
