"""What the headline rankers (rules/prose.py) learn from: where a line sits against the article's
prose (a headline comes just before it, after the menus), what follows it (a byline, a date, a
lede repeating its words), and, for the second ranker, how the first ranker's best lines compare."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate

from converter.rules.features import (
    CONTEXT_FEATURES,
    LINE_FEATURES,
    context_features,
    main_run,
)

HEADLINE_FEATURES = (
    *LINE_FEATURES,
    *CONTEXT_FEATURES,
    "first_line",
    "run_offset",
    "prose_lines_before",
    "heading_shaped",
    "headings_to_run",
    "byline_after",
    "date_after",
    "lede_overlap",
    "prose_following",
    "quoted_elsewhere",
    "holds_other_line",
    "lede_lead",
    "echoed_below",
    "heading_run",
)
_BY_COLUMN = LINE_FEATURES.index("by")
_YEAR_COLUMN = LINE_FEATURES.index("year")
_TIME_COLUMN = LINE_FEATURES.index("time")
"""A byline or a date after a line, read from the lines' own columns."""
_MAX_OFFSET = 50
_FOLLOWING = 15
"""Lines after a headline that hold its article's opening: the most prose on the page follows
the real headline, a teaser's headline is followed by a line or two."""
_AFTER = 3
"""Lines after a headline where its byline and date sit, and lines of the lede it echoes."""
_ECHOED = 0.5
"""A line sharing this much of its words with the lede speaks of the article."""
_MIN_QUOTED_CHARS = 8
"""A line held in another must be this long to tell: 'Home' sits in any menu."""


def headline_features(
    rows: Sequence[Sequence[float]],
    texts: Sequence[str],
    groups: Sequence[int],
    prose: Sequence[float],
    line_words: Sequence[Sequence[str]],
    threshold: float,
) -> list[list[float]]:
    """One row of HEADLINE_FEATURES per line: what the line is, how the body classifier judged
    it and its neighbours, where it sits against the article's prose (a headline comes just
    before it, after the menus), whether a byline or date follows it and whether the lede
    repeats its words. `rows` are the lines' LINE_FEATURES, `line_words` their content_words."""
    context = context_features(rows, prose, texts, groups, line_words)
    start, _ = main_run(prose, texts)
    shaped = [_heading_shaped(text) for text in texts]
    words = [set(each) for each in line_words]
    prose_at = [index for index, p in enumerate(prose) if p >= threshold]
    mass = [p * len(text) for p, text in zip(prose, texts, strict=True)]
    following_mass = [sum(mass[index + 1 : index + 1 + _FOLLOWING]) for index in range(len(mass))]
    most = max(following_mass, default=0.0) or 1.0
    quoted, holds = quoted_elsewhere(texts, shaped)
    lede = [_lede_overlap(index, words, prose_at) for index in range(len(texts))]
    lede_below, echoed_below, headings_below = _below(lede, shaped, start)
    runs = _shaped_runs(shaped)
    features = []
    prose_before = 0
    for index, (row, around) in enumerate(zip(rows, context, strict=True)):
        offset = max(-_MAX_OFFSET, min(_MAX_OFFSET, index - start))
        following = range(index + 1, min(len(texts), index + 1 + _AFTER))
        features.append(
            [
                *row,
                *around,
                float(index == 0),
                float(offset),
                math.log1p(prose_before),
                float(shaped[index]),
                math.log1p(headings_below[index]),
                float(any(rows[at][_BY_COLUMN] for at in following)),
                float(any(rows[at][_YEAR_COLUMN] or rows[at][_TIME_COLUMN] for at in following)),
                lede[index],
                following_mass[index] / most,
                math.log1p(quoted[index]),
                float(holds[index]),
                lede[index] - lede_below[index],
                float(echoed_below[index]),
                math.log1p(runs[index]),
            ]
        )
        prose_before += prose[index] >= threshold
    return features


def _below(
    lede: Sequence[float], shaped: Sequence[bool], start: int
) -> tuple[list[float], list[int], list[int]]:
    """For each line above the article's prose, from the lines between it and the prose: the
    best lede echo, how many heading-shaped lines echo the lede (a menu line over the real
    headline has one) and how many are heading-shaped; 0 for the other lines. One pass upwards."""
    best = [0.0] * len(lede)
    echoed = [0] * len(lede)
    headings = [0] * len(lede)
    for index in range(start - 2, -1, -1):
        below = index + 1
        best[index] = max(best[below], lede[below])
        echoed[index] = echoed[below] + (shaped[below] and lede[below] >= _ECHOED)
        headings[index] = headings[below] + shaped[below]
    return best, echoed, headings


def _shaped_runs(shaped: Sequence[bool]) -> list[int]:
    """How many heading-shaped lines stand in a row with each line (itself included): menus and
    teaser lists are long runs, a headline stands between a kicker and a byline."""
    runs = [0] * len(shaped)
    index = 0
    while index < len(shaped):
        end = index
        while end < len(shaped) and shaped[end]:
            end += 1
        for at in range(index, end):
            runs[at] = end - index
        index = end + 1
    return runs


def _lede_overlap(index: int, words: Sequence[set[str]], prose_at: Sequence[int]) -> float:
    """Share of the line's words that the first prose lines after it use: a headline's lede
    speaks of what it says, a menu's does not. `prose_at` is in page order."""
    if not words[index]:
        return 0.0
    lede: set[str] = set()
    after = bisect_right(prose_at, index)
    for at in prose_at[after : after + _AFTER]:
        lede |= words[at]
    return len(words[index] & lede) / len(words[index])


def quoted_elsewhere(texts: Sequence[str], shaped: Sequence[bool]) -> tuple[list[int], list[bool]]:
    """How often a heading-shaped line's text recurs inside other lines of the page (a page
    repeats its headline in breadcrumbs, share buttons and '12 comments on "..."'), and which
    lines hold such a line with more around it (the breadcrumb, 'Headline 274 Comments'): the
    headline is the shorter one."""
    folded = [" ".join(text.split()).casefold() for text in texts]
    page = "\n".join(folded)
    ends = list(accumulate(len(text) + 1 for text in folded))
    same = Counter(folded)
    quoted = [0] * len(texts)
    holds = [False] * len(texts)
    for index, (text, shape) in enumerate(zip(folded, shaped, strict=True)):
        if not shape:
            continue
        quoted[index] = page.count(text) - same[text]
        if quoted[index] and len(text) >= _MIN_QUOTED_CHARS:
            at = page.find(text)
            while at >= 0:
                holder = bisect_right(ends, at)
                if folded[holder] != text:
                    holds[holder] = True
                at = page.find(text, at + 1)
    return quoted, holds


_COMPARED = (
    "run_offset",
    "log_chars",
    "prose_following",
    "lede_overlap",
    "quoted_elsewhere",
    "capital_share",
    "stopword_share",
    "position",
    "byline_after",
    "date_after",
)
"""What the second ranker compares between the first ranker's best lines."""

HEADLINE_CONTEXT_FEATURES = (
    "headline",
    "headline_before_1",
    "headline_before_2",
    "headline_after_1",
    "headline_after_2",
    "headline_share",
    "headline_rank",
    "stronger_before",
    "candidate_order",
    "candidate_above",
    "candidate_below",
    *(f"{name}_against_best" for name in _COMPARED),
    *(f"{name}_rank" for name in _COMPARED),
)


def headline_context_features(
    rows: Sequence[Sequence[float]], scores: Sequence[float], picked: Sequence[int]
) -> list[list[float]]:
    """One row of HEADLINE_CONTEXT_FEATURES per picked line (the first ranker's best, in page
    order): the first ranker's score of the line and its neighbours, how it stands against
    the page's best, and how what it is compares with the other picked lines (a deck under
    the headline, a kicker over it, a teaser's headline: the second ranker learns which wins).
    `rows` are the lines' HEADLINE_FEATURES."""
    count = len(scores)
    best = max(scores, default=0.0) or 1.0
    top = max(picked, key=lambda index: scores[index]) if picked else 0
    columns = [HEADLINE_FEATURES.index(name) for name in _COMPARED]
    chosen = set(picked)
    values = [[rows[other][column] for other in picked] for column in columns]
    result = []
    for order, index in enumerate(picked):
        score = scores[index]
        own = [rows[index][column] for column in columns]
        result.append(
            [
                score,
                *(scores[index - k] if index - k >= 0 else 0.0 for k in (1, 2)),
                *(scores[index + k] if index + k < count else 0.0 for k in (1, 2)),
                score / best,
                float(sum(1 for other in picked if scores[other] > score)),
                math.log1p(sum([other > score for other in scores[:index]])),
                float(order),
                float(index - 1 in chosen),
                float(index + 1 in chosen),
                *(value - rows[top][column] for value, column in zip(own, columns, strict=True)),
                *(
                    float(sum([other > value for other in column_values]))
                    for value, column_values in zip(own, values, strict=True)
                ),
            ]
        )
    return result


_RERANKED_COLUMNS = tuple(
    index for index, name in enumerate(HEADLINE_FEATURES) if not name.endswith("_against_run")
)
"""What the second ranker reads of each line's own features: not how its style compares with
the article's run (with those it fitted the pages it learned from closer and ranked unseen ones
worse: 0.790 against 0.795 cross-validated, 0.783 against 0.790 on a second split)."""
RERANKED_FEATURES = (
    *(HEADLINE_FEATURES[index] for index in _RERANKED_COLUMNS),
    *HEADLINE_CONTEXT_FEATURES,
    "headline_words",
)


def reranked_rows(
    rows: Sequence[Sequence[float]],
    scores: Sequence[float],
    picked: Sequence[int],
    words: Sequence[float],
) -> list[list[float]]:
    """One row of RERANKED_FEATURES per picked line: its own features the second ranker reads,
    how it compares with the other picked lines (headline_context_features) and how its words
    read as a headline's (`words`, one rules/headline_words.py score per picked line)."""
    around = headline_context_features(rows, scores, picked)
    return [
        [rows[index][column] for column in _RERANKED_COLUMNS] + extra + [word_score]
        for index, extra, word_score in zip(picked, around, words, strict=True)
    ]


def _heading_shaped(text: str) -> bool:
    """2 to 25 words, capitalised, no sentence end: what headlines and menu items look like."""
    count = len(text.split())
    return 2 <= count <= 25 and text[0].isupper() and not text.endswith((".", ":", ","))
