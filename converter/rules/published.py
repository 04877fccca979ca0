"""The publication date by the headline ("Nov. 18, 2019 7:04 pm ET", "Posted on July 3, 2008",
"9 Aug 2012 2:27 PM"): read by dateparser in the article's language, kept as ISO 8601, and a
line that is only the date (with its 'Updated', time and zone) leaves the body."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

import dateparser
from dateparser.languages.loader import default_loader

from converter.rules.byline import read_byline
from converter.rules.state import SeedState

_MAX_DATE_LINE_WORDS = 12
_MAX_LEFTOVER_WORDS = 3
"""A line with at most this many words besides its date ('Updated', 'ET', '12 comments') is a
date line; with more it is text that mentions a date, and stays."""
_DATE_SHAPED = re.compile(r"\b(?:1[89]|20)\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_SEGMENTS = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")
_BY = re.compile(r"(?:^|[\s,])by\s.*$", re.IGNORECASE)
"""A byline after the date in its segment ('November 12, 2012, by Matthew Kang')."""
_DROPPED_WORDS = 2
"""Leading words ('Updated', 'Posted on') and trailing ones (a zone, 'ET') tried off a segment."""
_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
    "RELATIVE_BASE": datetime(2000, 1, 1),
    "RETURN_AS_TIMEZONE_AWARE": False,
}
"""A full date written out, never one relative to today: the same seed gives the same page."""
EARLIEST = date(1800, 1, 1)


def take_date(state: SeedState) -> SeedState:
    """The first full date by the headline becomes `date` (unless one is known already); a line
    that also holds a byline is left for rules/byline.py."""
    if state.date:
        return state
    lines = state.lines
    for index in state.by_headline():
        found = read_date(lines[index].text, state.language)
        if found is None:
            continue
        day, leftover = found
        if leftover > _MAX_LEFTOVER_WORDS or read_byline(lines[index].text) is not None:
            return state.with_lines(lines, date=day)
        top = state.top - (1 if index < state.top else 0)
        return state.with_lines(lines[:index] + lines[index + 1 :], date=day, top=top)
    return state


def is_date_line(text: str, language: str) -> bool:
    """A line that is a date with at most a few words around it ('Posted: 11:21 pm MST January
    8, 2008', the wire dateline 'BERLIN 1996-08-30'): it says when, never what."""
    found = read_date(text, language)
    return found is not None and found[1] <= _MAX_LEFTOVER_WORDS


def read_date(text: str, language: str) -> tuple[str, int] | None:
    """(ISO date, words of the line that are not the date) for a short line holding a full
    date, else None."""
    if len(text.split()) > _MAX_DATE_LINE_WORDS or not _DATE_SHAPED.search(text):
        return None
    segments = [_BY.sub("", segment) for segment in _SEGMENTS.split(text)]
    words_total = sum(len(segment.split()) for segment in segments)
    for segment in segments:
        if not _DATE_SHAPED.search(segment):
            continue
        words = segment.split()
        for lead in range(min(_DROPPED_WORDS, len(words)) + 1):
            for tail in range(min(_DROPPED_WORDS, len(words) - lead - 1) + 1):
                candidate = " ".join(words[lead : len(words) - tail])
                parsed = _parse(candidate, language)
                if parsed is not None:
                    return parsed.isoformat(), words_total - (len(words) - lead - tail)
    return None


def _parse(text: str, language: str) -> date | None:
    if not _DATE_SHAPED.search(text):
        return None
    parsed = dateparser.parse(text, languages=_languages(language), settings=_SETTINGS)
    if parsed is None or not EARLIEST <= parsed.date() <= date(2100, 12, 31):
        return None
    return parsed.date()


@cache
def _languages(language: str) -> list[str]:
    """The article's language and English (dates on sites often are), as dateparser knows them."""
    return [language, "en"] if language in _known_languages() and language != "en" else ["en"]


@cache
def _known_languages() -> frozenset[str]:
    return frozenset(default_loader.get_locale_map(languages=None).keys())
