"""The headline-words score the second headline ranker reads: what it reads of a line, how a
table scores it, the shipped table, and the score reaching the ranker."""

import dataclasses

import numpy as np
from helpers import load_benchmark

from converter.rules.headline_features import RERANKED_FEATURES
from converter.rules.headline_words import HeadlineWords, headline_words, word_signs
from converter.rules.prose import headline_model

TABLE = HeadlineWords(-1.0, {"w:opens": 2.0, "f:the": -1.5, "w:said": -3.0, "p:?": 0.5})


def test_a_line_reads_as_its_folded_words_its_first_and_last_and_its_marks():
    assert word_signs("Mayor OPENS new bridge, at last?") == {
        "w:mayor", "w:opens", "w:new", "w:bridge", "w:at", "w:last",
        "f:mayor", "l:last", "p:,", "p:?", "n:6", "c:1",
    }  # fmt: skip
    assert word_signs("Don't panic: 2019's 24 hours") >= {"w:don't", "w:2019", "w:s", "p::"}
    assert word_signs("") == {"n:0", "c:0"}


def test_a_lines_length_is_capped_and_its_capitals_read_in_quarters():
    assert "n:12" in word_signs(" ".join(["word"] * 40))
    assert "c:4" in word_signs("Mayor Opens New Bridge")
    assert "c:0" in word_signs("mayor opens new bridge")


def test_a_line_scores_the_intercept_plus_the_weights_of_its_signs():
    assert TABLE.score("Mayor opens bridge") == 1.0
    assert TABLE.score("The mayor said the bridge opens") == -1.0 + 2.0 - 1.5 - 3.0
    assert TABLE.score("Opens? Opens!") == -1.0 + 2.0 + 0.5
    assert TABLE.score("Nothing the table knows") == -1.0  # unknown words weigh nothing


def test_the_shipped_table_loads_with_general_signs_only():
    table = headline_words()
    assert 100 < len(table.weights) <= load_benchmark("train_lines").WORDS_MAX
    assert all(sign[:2] in {"w:", "f:", "l:", "p:", "n:", "c:"} for sign in table.weights)
    assert table.score("Mayor opens new bridge") > table.score(
        "The mayor said on Monday that the bridge had opened."
    )


def test_the_score_reaches_the_second_ranker():
    model = headline_model()
    column = RERANKED_FEATURES.index("headline_words")
    assert column in model.context.feature.tolist()  # the trained trees split on it
    texts = [f"Line number {index} of the page" for index in range(10)]
    rows = [[0.0] * len(model.line.features) for _ in texts]
    plain = dataclasses.replace(model, words=HeadlineWords(0.0, {}))
    keen = dataclasses.replace(model, words=HeadlineWords(-9.0, {"w:3": 18.0}))
    before, after = plain.probabilities(rows, texts), keen.probabilities(rows, texts)
    assert before != after


def test_the_trainer_learns_the_table_from_words_on_enough_pages_and_learns_it_the_same_twice():
    trainer = load_benchmark("train_lines")
    stems = [f"page{index}" for index in range(12)]
    signs = [
        [word_signs(f"Mayor opens bridge {index}"), word_signs(f"The mayor said it {index}")]
        for index in range(12)
    ]
    labels = [1, 0] * 12
    weights = [1.0] * 24

    table = trainer.fit_headline_words(stems, signs, np.array(labels), np.array(weights))
    assert "w:opens" in table.weights and "w:said" in table.weights
    numbers = [sign for sign in table.weights if sign[:2] in {"w:", "l:"} and sign[2:].isdigit()]
    assert numbers == []  # each number is on one page only
    assert table.weights["w:opens"] > 0 > table.weights["w:said"]
    again = trainer.fit_headline_words(stems, signs, np.array(labels), np.array(weights))
    assert again == table
