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


def test_an_article_block_weighs_article_weight_pages_and_each_line_its_words():
    def lines(level: str):
        page = trainer.Page("stem", level, "", "Gold", "")
        return trainer.Seed(
            page, 0, ["one two three", "four"], [0, 1], frozenset(), [1, 0], [0, 0], "en"
        )

    assert trainer.word_weights(lines("page")).tolist() == [75.0, 25.0]
    assert trainer.word_weights(lines("page"), 2.0).tolist() == [75.0, 25.0]
    assert trainer.word_weights(lines("article"), 2.0).tolist() == [150.0, 50.0]


def test_the_second_split_is_by_the_stems_hash_and_the_first_by_order():
    assert [trainer.fold_of(index, "x", 5, "order") for index in range(6)] == [0, 1, 2, 3, 4, 0]
    folds = {trainer.fold_of(0, f"page-{index}", 5, "hash") for index in range(50)}
    assert folds == {0, 1, 2, 3, 4}
    assert trainer.fold_of(0, "page-1", 5, "hash") == trainer.fold_of(3, "page-1", 5, "hash")


def test_leaving_out_a_fold_drops_its_pages_and_splits_the_rest_into_every_fold():
    stems = [f"page-{index:02d}" for index in range(20)]
    seeds = [
        trainer.Seed(
            trainer.Page(stem, level, "", "Gold", ""),
            trainer.fold_of(index, stem, 5, "hash"),
            [],
            [],
            frozenset(),
            [],
            [],
            "en",
        )
        for index, stem in enumerate(stems)
        for level in ("article", "page")
    ]
    left_out = {seed.page.stem for seed in seeds if seed.fold == 2}
    kept = trainer.without_fold(seeds, 2, 5)
    assert {seed.page.stem for seed in kept} == set(stems) - left_out
    folds = {seed.page.stem: seed.fold for seed in kept}
    assert all(folds[seed.page.stem] == seed.fold for seed in kept)  # a page's levels together
    assert sorted(set(folds.values())) == [0, 1, 2, 3, 4]
