"""The splits of benchmarks/headline_splits.py: split 0 is train_lines.py's, every other split
puts a page (both its levels) in a fold of its own, the same on every run."""

from helpers import load_benchmark

splits = load_benchmark("headline_splits")
trainer = load_benchmark("train_lines")


def seeds(count: int):
    return [
        trainer.Seed(
            trainer.Page(f"page-{index // 2}", level, "", "Gold", ""),
            index % 5,
            [],
            [],
            frozenset(),
            [],
            [],
            "en",
        )
        for index in range(count)
        for level in ("article", "page")
    ]


def test_split_zero_keeps_the_shipped_folds():
    pages = seeds(10)
    assert splits.split_of(pages, 0) is pages


def test_another_split_folds_by_page_the_same_on_every_run():
    pages = seeds(100)
    one, two = splits.split_of(pages, 1), splits.split_of(pages, 2)
    assert {seed.fold for seed in one} == set(range(splits.FOLDS))
    assert [seed.fold for seed in one] == [seed.fold for seed in splits.split_of(pages, 1)]
    assert [seed.fold for seed in one] != [seed.fold for seed in two]
    by_page = {}
    for seed in one:
        by_page.setdefault(seed.page.stem, set()).add(seed.fold)
    assert all(len(folds) == 1 for folds in by_page.values())
