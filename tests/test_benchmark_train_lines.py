"""The headline labels of benchmarks/train_lines.py: of a headline the page repeats (a teaser
list, a sidebar), only the repeat just above the article teaches the rankers."""

from helpers import load_benchmark

trainer = load_benchmark("train_lines")


def seed(headline: list[int], body: list[int]):
    page = trainer.Page("stem", "page", "", "Gold", "")
    texts = [f"line {index}" for index in range(len(headline))]
    return trainer.Seed(page, 0, texts, list(range(len(texts))), frozenset(), body, headline, "en")


def test_only_the_repeat_nearest_above_the_article_weighs():
    page = seed([1, 0, 1, 0, 0, 1], [0, 0, 0, 1, 1, 0])
    assert trainer.headline_weights(page).tolist() == [0, 1, 1, 1, 1, 0]


def test_with_no_repeat_above_the_article_the_first_weighs():
    page = seed([0, 0, 1, 0, 1], [1, 1, 0, 0, 0])
    assert trainer.headline_weights(page).tolist() == [1, 1, 1, 1, 0]


def test_a_headline_shown_once_weighs_as_any_line():
    page = seed([0, 1, 0], [0, 0, 1])
    assert trainer.headline_weights(page).tolist() == [1, 1, 1]
