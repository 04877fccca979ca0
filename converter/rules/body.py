"""The body is the lines the classifier takes for article text (rules/prose.py), a table read as
one block: a results table or a list of standings is kept whole or dropped whole."""

from __future__ import annotations

import re

from converter.rules.chrome import is_article_end
from converter.rules.prose import line_model
from converter.rules.state import Line, SeedState

MIN_TABLE_ROWS = 3
MAX_ROW_WORDS = 12
TABLE_KEPT_SHARE = 1 / 3
"""A table the classifier kept this much of is article text: its other rows are too."""
TABLE_MEAN_SHARE = 1 / 2
"""So is a table whose rows score on average this share of the threshold: a results table's
rows (a name, a country, a time) are doubted one by one, a ticker's or a menu's far more."""
_DIGIT = re.compile(r"\d")
_PAIRING = re.compile(r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)* (?:at|v|vs|vs\.|versus) [A-Z]")
"""A fixture: two capitalised names joined by 'at', 'v' or 'vs'."""


def keep_body(state: SeedState) -> SeedState:
    """Drop what is not the article (see body_lines); when no line reaches the threshold (a seed
    of a line or two, unlike any page the model learned from) the best-scored line is the body."""
    if not state.lines:
        return state
    kept = body_lines(state.lines, line_model().threshold)
    if not kept:
        kept = [max(state.lines, key=lambda line: line.prose)]
    return state.with_lines(kept)


def body_lines(lines: tuple[Line, ...], threshold: float) -> list[Line]:
    """Lines scored at or over the threshold, tables deciding as a block; a heading of what
    follows an article ('Related stories') never, whatever its score."""
    keep = [line.prose >= threshold and not is_article_end(line.text) for line in lines]
    for start, stop in table_runs(lines):
        rows = stop - start
        mean = sum(line.prose for line in lines[start:stop]) / rows
        if sum(keep[start:stop]) >= TABLE_KEPT_SHARE * rows or mean >= TABLE_MEAN_SHARE * threshold:
            keep[start:stop] = [True] * rows
    return [line for line, wanted in zip(lines, keep, strict=True) if wanted]


def table_runs(lines: tuple[Line, ...]) -> list[tuple[int, int]]:
    """[start, end) of each run of at least MIN_TABLE_ROWS short lines without a sentence end,
    most of them holding numbers or pairing two names ('Austria at Croatia', 'Leeds v Hull'):
    the rows (and headings) of a table or a list of fixtures."""
    runs = []
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and _row_shaped(lines[end].text):
            end += 1
        numbered = sum(1 for line in lines[start:end] if _DIGIT.search(line.text))
        paired = sum(1 for line in lines[start:end] if _PAIRING.search(line.text))
        if end - start >= MIN_TABLE_ROWS and max(numbered, paired) * 2 > end - start:
            runs.append((start, end))
        start = max(end, start + 1)
    return runs


def _row_shaped(text: str) -> bool:
    return len(text.split()) <= MAX_ROW_WORDS and not text.endswith((".", "!", "?", ":"))
