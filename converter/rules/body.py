"""The body is the lines the classifier takes for article text (rules/prose.py), up to a heading
that opens what follows an article ('Related stories', 'Comments'), a table read as one block:
a results table or a list of standings is kept whole or dropped whole."""

from __future__ import annotations

import re

from converter.rules.chrome import is_article_end
from converter.rules.prose import line_model
from converter.rules.state import Line, SeedState

MIN_TABLE_ROWS = 3
MAX_ROW_WORDS = 12
TABLE_KEPT_SHARE = 1 / 3
"""A table the classifier kept this much of is article text: its other rows are too."""
_DIGIT = re.compile(r"\d")


def keep_body(state: SeedState) -> SeedState:
    """Drop lines scored below the model's threshold, tables deciding as a block; when no line
    reaches it (a seed of a line or two, unlike any page the model learned from) the
    best-scored line is the body."""
    if not state.lines:
        return state
    threshold = line_model().threshold
    keep = [line.prose >= threshold and not is_article_end(line.text) for line in state.lines]
    end = _article_end(state.lines, keep)
    keep[end:] = [False] * (len(keep) - end)
    for start, end in table_runs(state.lines):
        if sum(keep[start:end]) >= TABLE_KEPT_SHARE * (end - start):
            keep[start:end] = [True] * (end - start)
    kept = [line for line, wanted in zip(state.lines, keep, strict=True) if wanted]
    if not kept:
        kept = [max(state.lines, key=lambda line: line.prose)]
    return state.with_lines(kept)


def _article_end(lines: tuple[Line, ...], keep: list[bool]) -> int:
    """Index of the first 'Related stories' or 'Comments' heading after the article's prose has
    begun (what follows is other stories and readers' words), else the end."""
    started = False
    for index, line in enumerate(lines):
        if started and is_article_end(line.text):
            return index
        started = started or keep[index]
    return len(lines)


def table_runs(lines: tuple[Line, ...]) -> list[tuple[int, int]]:
    """[start, end) of each run of at least MIN_TABLE_ROWS short lines without a sentence end,
    most of them holding numbers: the rows (and headings) of a table."""
    runs = []
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and _row_shaped(lines[end].text):
            end += 1
        rows = sum(1 for line in lines[start:end] if _DIGIT.search(line.text))
        if end - start >= MIN_TABLE_ROWS and rows * 2 > end - start:
            runs.append((start, end))
        start = max(end, start + 1)
    return runs


def _row_shaped(text: str) -> bool:
    return len(text.split()) <= MAX_ROW_WORDS and not text.endswith((".", "!", "?", ":"))
