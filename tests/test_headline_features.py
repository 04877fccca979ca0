"""What the headline rankers learn from: a line's place against the prose, what follows it, and
how the first ranker's best lines compare."""

from converter.rules.headline_features import (
    HEADLINE_CONTEXT_FEATURES,
    HEADLINE_FEATURES,
    headline_context_features,
    quoted_elsewhere,
)
from converter.rules.prose import RERANKED, reranked


def test_a_headline_the_page_quotes_elsewhere_is_counted():
    texts = ["Home / News / Library to move", "Library to move", "12 comments on Library to move"]
    assert quoted_elsewhere(texts, [True, True, True]) == [0, 2, 0]
    assert quoted_elsewhere(texts, [True, False, True]) == [0, 0, 0]


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
