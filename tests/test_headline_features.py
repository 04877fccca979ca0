"""What the headline rankers learn from: a line's place against the prose, what follows it, and
how the first ranker's best lines compare."""

import math

from converter.rules.features import LINE_FEATURES, content_words
from converter.rules.headline_features import (
    HEADLINE_CONTEXT_FEATURES,
    HEADLINE_FEATURES,
    RERANKED_FEATURES,
    headline_context_features,
    headline_features,
    quoted_elsewhere,
    reranked_rows,
)
from converter.rules.prose import RERANKED, reranked


def test_a_headline_the_page_quotes_elsewhere_is_counted():
    texts = ["Home / News / Library to move", "Library to move", "12 comments on Library to move"]
    assert quoted_elsewhere(texts, [True, True, True]) == ([0, 2, 0], [True, False, True])
    assert quoted_elsewhere(texts, [True, False, True]) == ([0, 0, 0], [False] * 3)


def test_a_line_that_holds_another_with_more_around_it_is_marked_not_the_short_one():
    texts = ["The Nation Is Losing Its Toolbox 524", "Menu", "The Nation Is Losing Its Toolbox"]
    quoted, holds = quoted_elsewhere(texts, [True, False, True])
    assert quoted == [0, 0, 1]
    assert holds == [True, False, False]


def test_a_menu_line_over_the_headline_echoes_the_lede_less_than_the_headline():
    texts = [
        "Subscribe to this paper",
        "Library to move downtown",
        "The city library will move downtown next year, the council said on Monday.",
        "The library has stood on the hill since 1904, and its move will cost millions.",
    ]
    line_words = [
        content_words(text, frozenset({"the", "to", "this", "on", "and", "its"})) for text in texts
    ]
    rows = headline_features(
        [[0.0] * len(LINE_FEATURES)] * 4, texts, [0, 1, 2, 3], [0.0, 0.1, 1.0, 1.0], line_words, 0.5
    )
    named = [dict(zip(HEADLINE_FEATURES, row, strict=True)) for row in rows]
    assert named[1]["lede_overlap"] > 0.5 and named[0]["lede_overlap"] == 0.0
    assert named[0]["echoed_below"] == 1.0 and named[1]["echoed_below"] == 0.0
    assert named[0]["lede_lead"] < 0 < named[1]["lede_lead"]
    assert [row["heading_run"] for row in named] == [math.log1p(2)] * 2 + [0.0] * 2


def test_heading_shaped_lines_in_a_row_share_their_runs_length_prose_has_none():
    texts = [
        "Mayor opens new bridge",
        "Storm closes schools",
        "Council votes on budget",
        "Library to move downtown",
        "By Jane Doe",
        "The city library will move downtown next year, the council said on Monday.",
    ]
    rows = headline_features(
        [[0.0] * len(LINE_FEATURES)] * 6,
        texts,
        list(range(6)),
        [0.0] * 5 + [1.0],
        [content_words(text, frozenset()) for text in texts],
        0.5,
    )
    runs = [dict(zip(HEADLINE_FEATURES, row, strict=True))["heading_run"] for row in rows]
    assert runs == [math.log1p(5)] * 5 + [0.0]


def test_the_second_ranker_sees_only_the_first_rankers_best_lines():
    scores = [0.1 * index for index in range(12)]
    best = reranked(scores)
    assert best == list(range(12 - RERANKED, 12))
    rows = [[float(index)] * len(HEADLINE_FEATURES) for index in range(12)]
    around = headline_context_features(rows, scores, best)
    assert len(around) == RERANKED
    assert all(len(row) == len(HEADLINE_CONTEXT_FEATURES) for row in around)
    named = dict(zip(HEADLINE_CONTEXT_FEATURES, around[-1], strict=True))
    assert named["headline_share"] == 1.0  # the last line scores best
    assert named["candidate_above"] == 1.0 and named["candidate_below"] == 0.0


def test_the_second_ranker_reads_no_style_against_the_run():
    scores = [0.1 * index for index in range(12)]
    best = reranked(scores)
    rows = [[float(column) for column in range(len(HEADLINE_FEATURES))] for _ in range(12)]
    reread = reranked_rows(rows, scores, best, [0.0] * len(best))
    assert len(reread) == RERANKED
    assert all(len(row) == len(RERANKED_FEATURES) for row in reread)
    named = dict(zip(RERANKED_FEATURES, reread[0], strict=True))
    assert not any(name.endswith("_against_run") for name in named)
    assert named["lede_overlap"] == HEADLINE_FEATURES.index("lede_overlap")
    assert RERANKED_FEATURES[-len(HEADLINE_CONTEXT_FEATURES) - 1 : -1] == HEADLINE_CONTEXT_FEATURES


def test_the_second_ranker_reads_each_picked_lines_headline_words_score():
    scores = [0.1 * index for index in range(12)]
    best = reranked(scores)
    rows = [[0.0] * len(HEADLINE_FEATURES) for _ in range(12)]
    words = [float(index) for index in range(len(best))]
    reread = reranked_rows(rows, scores, best, words)
    column = RERANKED_FEATURES.index("headline_words")
    assert [row[column] for row in reread] == words
