"""The cross-validated headline over many splits of web-dev's pages into folds: one split's
figure moves by a page or two with the luck of the folds (a page is 0.0017, the standard error
about 0.016), so a headline idea is judged on the mean over splits.

Run: .venv/bin/python benchmarks/headline_splits.py [--splits 10]
The body passes the rankers read (without the word odds) are fitted out of fold once, on
train_lines.py's split; each split then fits its own two rankers and headline-words table out
of fold (split 0 is train_lines.py's, split k puts each page in a fold by a hash of k and its
stem), and the headline is taken as rules/headline.py takes it. Prints the page and article
headline of each split and their means (about 2.5 minutes a split on one core).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import time

import numpy as np
from threadpoolctl import threadpool_limits
from train_lines import (
    Seed,
    headline_rows,
    headline_weights,
    line_rows_of,
    load,
    measure,
    passes_out_of_fold,
    rankers_out_of_fold,
    word_weights,
)
from webdev import LEVELS

from converter.rules.prose import Thresholds

FOLDS = 5
ANY_THRESHOLDS = Thresholds(0.15, 0.4)
"""The headline is taken before the body's threshold applies: any pair gives the same titles."""


def split_of(seeds: list[Seed], split: int) -> list[Seed]:
    """The seeds with the folds of `split`: 0 keeps train_lines.py's."""
    if split == 0:
        return seeds
    return [
        dataclasses.replace(
            seed,
            fold=int(hashlib.md5(f"{split}:{seed.page.stem}".encode()).hexdigest(), 16) % FOLDS,
        )
        for seed in seeds
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--splits", type=int, default=10)
    splits = parser.parse_args().splits
    started = time.perf_counter()
    with threadpool_limits(limits=1):
        seeds = load(FOLDS)
        line_rows = line_rows_of(seeds)
        body = [np.asarray(seed.body, dtype=int) for seed in seeds]
        weights = [word_weights(seed) for seed in seeds]
        _, prose = passes_out_of_fold(seeds, line_rows, body, FOLDS, weights)
        ranker_rows = headline_rows(seeds, line_rows, prose)
        heads = [np.asarray(seed.headline, dtype=int) for seed in seeds]
        head_weights = [headline_weights(seed) for seed in seeds]
        figures: dict[str, list[float]] = {level: [] for level in LEVELS}
        for split in range(splits):
            split_seeds = split_of(seeds, split)
            *_, ranks = rankers_out_of_fold(split_seeds, ranker_rows, heads, head_weights, FOLDS)
            result = measure(split_seeds, prose, ANY_THRESHOLDS, ranks)
            for level in LEVELS:
                figures[level].append(result[level]["titles"])
            print(
                f"split {split}: "
                + "  ".join(f"{level} {figures[level][-1]:.3f}" for level in LEVELS)
                + f"  ({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
    for level in LEVELS:
        own = figures[level]
        print(
            f"{level} headline over {splits} splits: mean {np.mean(own):.4f}, "
            f"{min(own):.3f} to {max(own):.3f}: " + " ".join(f"{x:.3f}" for x in own)
        )


if __name__ == "__main__":
    main()
