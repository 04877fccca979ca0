"""Gradient-boosted trees trained by a script in benchmarks/ and stored as JSON in
converter/data/: applied here with numpy, a whole page's lines at once, so no learning library
is needed at run time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True, slots=True)
class BoostedTrees:
    """Trees of equal depth, each laid out as a complete binary tree in heap order (the children
    of node h are 2h + 1 and 2h + 2), tree after tree in flat arrays, so a step down is
    arithmetic rather than a look-up; a leaf above the last level fills the subtree under it,
    so every way down reaches its value. Summed into log-odds."""

    features: tuple[str, ...]
    feature: np.ndarray
    """The feature each inner node tests, 2 ** depth - 1 nodes a tree."""
    threshold: np.ndarray
    value: np.ndarray
    """The value each way down reaches, 2 ** depth a tree."""
    bias: float
    depth: int
    roots: np.ndarray
    """Each tree's root in the flat arrays, one row a tree: where every row starts its walk."""
    leaf_shift: np.ndarray
    """Added to a node of the last level of the walk, it is the way down's place in `value`."""

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """P(positive) for each row of `features`, in order: every row walks every tree at
        once, reading its values from the matrix flattened row by row."""
        if not rows:
            return []
        values = np.asarray(rows, dtype=np.float64)
        count, width = values.shape
        flat = values.ravel()
        node = np.repeat(self.roots, count, axis=1)
        down = 2 - node  # node h of the tree starting at s is s + h, its right child s + 2h + 2
        offsets = np.arange(0, count * width, width)
        index = np.empty_like(node)
        read = np.empty(node.shape)
        threshold = np.empty(node.shape)
        left = np.empty(node.shape, dtype=bool)
        feature, thresholds = self.feature, self.threshold
        for _ in range(self.depth):
            feature.take(node, out=index)
            index += offsets
            flat.take(index, out=read)
            thresholds.take(node, out=threshold)
            np.less_equal(read, threshold, out=left)
            node *= 2
            node += down
            node -= left
        node += self.leaf_shift
        scores = self.bias + self.value.take(node).sum(axis=0)
        with np.errstate(over="ignore"):  # a sure 'no' overflows exp to inf: P is 0, as it is
            return (1.0 / (1.0 + np.exp(-scores))).tolist()


def load_trees(document: dict[str, Any], expected: Sequence[str]) -> BoostedTrees:
    """Trees from their JSON form (one row of nodes a tree, a child an index into the row, a
    leaf pointing at itself); refuses a file trained on other features than the code has."""
    features = tuple(document["features"])
    if features != tuple(expected):
        raise ValueError("model file and code disagree on the features: retrain the model")
    feature = np.asarray(document["feature"], dtype=np.intp)
    threshold = np.asarray(document["threshold"], dtype=np.float64)
    left = np.asarray(document["left"], dtype=np.intp)
    right = np.asarray(document["right"], dtype=np.intp)
    value = np.asarray(document["value"], dtype=np.float64)
    depth = int(document["depth"])
    trees = len(feature)
    heap_feature = np.zeros((trees, (1 << depth) - 1), dtype=np.intp)
    heap_threshold = np.zeros((trees, (1 << depth) - 1), dtype=np.float64)
    heap_value = np.zeros((trees, 1 << depth), dtype=np.float64)
    for tree in range(trees):
        level = [0]  # the file's node at each place of the heap's current level
        for depth_above in range(depth):
            first = (1 << depth_above) - 1
            for place, node in enumerate(level, start=first):
                heap_feature[tree, place] = feature[tree, node]
                heap_threshold[tree, place] = threshold[tree, node]
            level = [child for node in level for child in (left[tree, node], right[tree, node])]
        heap_value[tree] = value[tree, level]
    inner = (1 << depth) - 1
    roots = np.arange(0, trees * inner, inner)[:, None]
    return BoostedTrees(
        features=features,
        feature=heap_feature.ravel(),
        threshold=heap_threshold.ravel(),
        value=heap_value.ravel(),
        bias=float(document["bias"]),
        depth=depth,
        roots=roots,
        leaf_shift=(roots // inner << depth) - roots - inner,
    )
