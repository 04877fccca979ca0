"""The body is the lines the classifier takes for article text (rules/prose.py), a table read as
one block (a results table or a list of standings is kept whole or dropped whole), a line
between two kept lines read as part of the article they surround, and, in an article block, a
line kept alone among dropped ones read as what it is: chrome that happened to read as prose."""

from __future__ import annotations

import re
from collections.abc import Iterable

from converter.rules.chrome import is_article_end
from converter.rules.features import SENTENCE_END
from converter.rules.prose import Thresholds, line_model
from converter.rules.state import Line, SeedState

MIN_TABLE_ROWS = 3
MAX_ROW_WORDS = 12
TABLE_KEPT_SHARE = 1 / 3
"""A table the classifier kept this much of is article text: its other rows are too."""
TABLE_MEAN_SHARE = 1 / 2
"""So is a table whose rows score on average this share of the page threshold (whatever the
seed): a results table's rows (a name, a country, a time) are doubted one by one, a ticker's or
a menu's far more."""
ARTICLE_BLOCK = 0.3
"""A seed whose lines score on average at least this reads as an article block (the article's
text with what surrounds it in the article's box) rather than a whole page (a score's mean
over web-dev: an article block's median 0.55, a whole page's 0.20)."""
ALONE = 0.5
"""In an article block, a line kept with no kept neighbour and scored under this goes: a
caption, a bio, a teaser that the article's own lines do not surround. A line of bare marks
('---', '***') is no neighbour: it separates the lines around it and says nothing of them."""
_DIGIT = re.compile(r"\d")
_PAIRING = re.compile(r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)* (?:at|v|vs|vs\.|versus) [A-Z]")
"""A fixture: two capitalised names joined by 'at', 'v' or 'vs'."""


def keep_body(state: SeedState) -> SeedState:
    """Drop what is not the article (see body_lines); when no line reaches the threshold (a seed
    of a line or two, unlike any page the model learned from) the best-scored line is the body."""
    if not state.lines:
        return state
    kept = body_lines(state.lines, line_model().thresholds)
    if not kept:
        kept = [max(state.lines, key=lambda line: line.prose)]
    return state.with_lines(kept)


def body_lines(lines: tuple[Line, ...], thresholds: Thresholds) -> list[Line]:
    """Lines scored at or over the seed's threshold, tables deciding as a block; a line between
    two kept lines stays (a one-line paragraph, a short quote), as does a line a kept line ending
    in a colon introduces (a result, a list's first item); in an article block a line kept
    alone under ALONE goes; a heading of what follows an article ('Related stories') never
    stays, whatever its score."""
    block = is_article_block(lines)
    threshold = thresholds.block if block else thresholds.page
    ended = [is_article_end(line.text) for line in lines]
    scored = [line.prose >= threshold and not end for line, end in zip(lines, ended, strict=True)]
    for start, stop in table_runs(lines):
        rows = stop - start
        mean = sum(line.prose for line in lines[start:stop]) / rows
        if (
            sum(scored[start:stop]) >= TABLE_KEPT_SHARE * rows
            or mean >= TABLE_MEAN_SHARE * thresholds.page
        ):
            scored[start:stop] = [True] * rows
    keep = list(scored)
    kept_above, kept_below = _kept_beside(lines, scored)
    first = next((index for index, kept in enumerate(scored) if kept), 0)
    if block and first > 0 and not ended[first - 1]:
        keep[first - 1] = _leads_into(lines[first - 1], lines[first], thresholds.page)
    for index, line in enumerate(lines):
        before = index > 0 and scored[index - 1]
        after = index + 1 < len(lines) and scored[index + 1]
        if not scored[index]:
            introduced = before and lines[index - 1].text.endswith(":")
            keep[index] = keep[index] or (not ended[index] and (introduced or (before and after)))
        elif block and len(lines) > 1 and not kept_above[index] and not kept_below[index]:
            keep[index] = line.prose >= ALONE
    return [line for line, wanted in zip(lines, keep, strict=True) if wanted]


def _kept_beside(lines: tuple[Line, ...], scored: list[bool]) -> tuple[list[bool], list[bool]]:
    """For each line, whether the nearest line above it, and the nearest below, that holds a
    letter or a digit was scored as kept (lines of bare marks are passed over)."""
    worded = [any(char.isalnum() for char in line.text) for line in lines]

    def passing(order: Iterable[int]) -> list[bool]:
        kept, last = [False] * len(lines), False
        for index in order:
            kept[index] = last
            last = scored[index] if worded[index] else last
        return kept

    return passing(range(len(lines))), passing(reversed(range(len(lines))))


def _leads_into(line: Line, following: Line, threshold: float) -> bool:
    """Whether a line the page threshold keeps opens the article kept after it: a sentence, or
    the start of one the next line goes on with (a lede the model doubts in a short seed)."""
    opens = line.text.endswith(SENTENCE_END) or following.text[:1].islower()
    return line.prose >= threshold and opens


def is_article_block(lines: tuple[Line, ...]) -> bool:
    """Whether the seed reads as an article block rather than a whole page (ARTICLE_BLOCK)."""
    return bool(lines) and sum(line.prose for line in lines) / len(lines) >= ARTICLE_BLOCK


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
