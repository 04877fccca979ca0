"""Names in results tables and line-ups, where a sentence model finds nothing to read.

Wire services publish standings ("Stoke 4 3 1 0 7 4 10"), results ("Bradford 1 Tranmere 0"),
scorecards ("(P. Simmons 4-38)") and line-ups ("2 - Lilian Thuram"). Such a paragraph is mostly
numbers and capitalised words; the runs of capitalised words between the numbers are names.
"""

from __future__ import annotations

import re

from converter.casing import Evidence, case_evidence, unshout
from converter.enrich.actors import Mention, is_actor_name
from converter.language import Language
from converter.model import Block

_NUMBER = re.compile(r"^\(?[+-]?\d[\d.,:/'-]*(?:st|nd|rd|th)?\)?[,;.:)]*$")
_INITIAL = re.compile(r"^[A-Z]\.(?:[A-Z]\.)*(?:[A-Z][\w'-]+)?$")
_WORD = re.compile(r"^[A-Z][\w.'’-]*$")
_SEPARATORS = re.compile(r"[,;()\[\]]|\s[-–]\s|\s[-–]$|^[-–]\s")
MAX_NAME_WORDS = 4
MIN_NUMBER_SHARE = 0.2
MAX_LOWER_SHARE = 0.25
"""A row's words in lower case (particles aside) past this share make it prose."""


def is_table_like(text: str, particles: frozenset[str]) -> bool:
    """Mostly numbers and capitalised words, few lower-case words: a table row, not prose."""
    tokens = text.split()
    if len(tokens) < 2:
        return False
    numbers = lower = 0
    for token in tokens:
        if _NUMBER.match(token):
            numbers += 1
        elif token[:1].islower() and token.casefold() not in particles:
            lower += 1
            if lower / len(tokens) > MAX_LOWER_SHARE:
                return False  # prose, said at once
    return numbers >= 1 and numbers / len(tokens) >= MIN_NUMBER_SHARE


def table_mentions(
    blocks: tuple[Block, ...], language: Language, evidence: Evidence | None = None
) -> list[Mention]:
    """Every run of capitalised words between the numbers of table-like paragraphs; a name in
    capitals gets the case the article's `evidence` (casing.case_evidence) gives its words."""
    particles = language.name_particles
    if evidence is None:
        evidence = case_evidence(block.text for block in blocks)
    mentions = []
    for block in blocks:
        if block.kind != "paragraph" or not is_table_like(block.text, particles):
            continue
        line_up = re.search(r"\b\d+\s-\s[A-Z]", block.text) is not None
        for chunk in _SEPARATORS.split(block.text):
            for name in _names_in_chunk(chunk, particles):
                name = unshout(name, evidence)
                if not is_actor_name(name, language):
                    continue
                person = any(_INITIAL.match(word) for word in name.split()) or (
                    line_up and len(name.split()) > 1
                )
                mentions.append(Mention(name, "person" if person else "organisation"))
    return mentions


def _names_in_chunk(chunk: str, particles: frozenset[str]) -> list[str]:
    names, current = [], []
    for token in chunk.split():
        word = token.strip(".,:;") if not _INITIAL.match(token) else token
        if _NUMBER.match(token) or not word:
            _flush(names, current, particles)
        elif _WORD.match(word) or (current and word.casefold() in particles):
            current.append(word)
            if token.endswith(":"):
                _flush(names, current, particles)
        else:
            _flush(names, current, particles)
    _flush(names, current, particles)
    return names


def _flush(names: list[str], current: list[str], particles: frozenset[str]) -> None:
    while current and current[-1].casefold() in particles:
        current.pop()
    if current and len(current) <= MAX_NAME_WORDS and len(" ".join(current)) >= 3:
        names.append(" ".join(current))
    current.clear()
