"""A headline that lost its case (all capitals, or title-cased word by word by a scraper) is
written as its own article writes those words: acronyms kept, news title case for the rest."""

from __future__ import annotations

from dataclasses import replace

from converter.casing import case_evidence, title_case, title_keys
from converter.rules.state import SeedState


def recase_headline(state: SeedState) -> SeedState:
    """The title in the case the body gives its words ('Uk Meals' -> 'UK Meals'); last of the
    rules, so that only article text is evidence, and a title from a page's markup is seen too."""
    if not state.title:
        return state
    evidence = case_evidence((line.text for line in state.lines), title_keys(state.title))
    title = title_case(state.title, evidence)
    return state if title == state.title else replace(state, title=title)
