"""The word lists of news English the rules, the page facts and the enrichment read
(converter/data/language.yaml).

Data, not code: a curator edits the file, the manifest's stamp (a hash of every data file) sees
the edit, and the next run re-converts the pages it changes. Read once per process.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from converter import fast_yaml

LANGUAGE_FILE = "language.yaml"


class LanguageError(ValueError):
    """The language file is malformed: the message names the list and what is wrong."""


@dataclass(frozen=True, slots=True)
class Language:
    """Titles to strip, words that are never actors, nationality adjectives, and the small
    closed lists the actor, table, topic and description rules look words up in."""

    titles: tuple[str, ...]
    """Lower case, longest first, so "prime minister" is stripped before "minister"."""
    not_actors: frozenset[str]
    calendar_words: frozenset[str]
    """Month and weekday names and their abbreviations, lower case: dates, never actors."""
    demonyms: frozenset[str]
    locative_words: frozenset[str]
    name_particles: frozenset[str]
    keep_plural: frozenset[str]
    abbreviation: re.Pattern[str]
    """Matches text ending in an abbreviation's or an initial's full stop ("Mr.", "U.S.", "J.")."""


def parse_language(document: Mapping[str, object]) -> Language:
    """The YAML document -> a Language; every list must be there, and hold only words."""

    def words(key: str) -> list[str]:
        return fast_yaml.word_list(document, key, LanguageError)

    def folded(key: str) -> frozenset[str]:
        return frozenset(word.casefold() for word in words(key))

    abbreviations = "|".join(re.escape(word) for word in words("abbreviations"))
    return Language(
        titles=tuple(sorted(folded("titles"), key=len, reverse=True)),
        not_actors=folded("not_actors"),
        calendar_words=folded("calendar_words"),
        demonyms=folded("demonyms"),
        locative_words=folded("locative_words"),
        name_particles=folded("name_particles"),
        keep_plural=folded("keep_plural"),
        abbreviation=re.compile(rf"(?:\b[A-Z]|\b(?:{abbreviations}))\.$"),
    )


@cache
def load_language() -> Language:
    """The packaged language file, read once per process."""
    return parse_language(fast_yaml.data_mapping(LANGUAGE_FILE, LanguageError))
