"""The article's language: recorded on the page, and it picks the stopword list the body
classifier counts (so boilerplate removal does not depend on English alone)."""

from __future__ import annotations

from functools import cache
from itertools import islice

import justext
import py3langid

from converter.data import load_yaml
from converter.rules.state import SeedState

DEFAULT_LANGUAGE = "en"
"""The archive's own language: what a page too short to guess is taken to be, and the one a
page does not record (render.py)."""
SAMPLE_CHARS = 1_500
"""Enough text for a sure guess; a longer page only costs time."""
MIN_LETTERS = 20
"""Below this a guess is noise: a headline-only seed stays in the default language."""


def detect_language(state: SeedState) -> SeedState:
    """The markup's language when it declares one, else py3langid's guess from the lines."""
    declared = state.facts.language.split("-")[0].split("_")[0].casefold()
    if declared.isalpha() and 2 <= len(declared) <= 3:
        return state.with_lines(state.lines, language=declared)
    return state.with_lines(state.lines, language=guess_language(state.text_sample(SAMPLE_CHARS)))


def guess_language(text: str) -> str:
    if sum(1 for _ in islice(filter(str.isalpha, text), MIN_LETTERS)) < MIN_LETTERS:
        return DEFAULT_LANGUAGE
    code, _ = py3langid.classify(text[:SAMPLE_CHARS])
    return str(code)


@cache
def stopwords(language: str) -> frozenset[str]:
    """jusText's stopword list for the language, casefolded; English where it has none."""
    lists = load_yaml("stoplists.yaml")["stoplists"]
    name = lists.get(language, lists[DEFAULT_LANGUAGE])
    return frozenset(word.casefold() for word in justext.get_stoplist(name))
