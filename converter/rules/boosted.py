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
    """Trees of equal depth, their nodes in flat arrays (tree after tree; a child is an index
    into them, a leaf points at itself), summed into log-odds."""

    features: tuple[str, ...]
    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    bias: float
    depth: int

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """P(positive) for each row of `features`, in order: every row walks every tree at
        once, reading its values from the matrix flattened feature by feature."""
        if not rows:
            return []
        columns = np.asarray(rows, dtype=np.float64).T.ravel()
        count = len(rows)
        samples = np.arange(count)[None, :]
        node = np.repeat(self.roots[:, None], count, axis=1)
        for _ in range(self.depth):
            values = columns[self.feature[node] * count + samples]
            node = np.where(values <= self.threshold[node], self.left[node], self.right[node])
        scores = self.bias + self.value[node].sum(axis=0)
        return (1.0 / (1.0 + np.exp(-scores))).tolist()


def load_trees(document: dict[str, Any], expected: Sequence[str]) -> BoostedTrees:
    """Trees from their JSON form (one row of nodes a tree); refuses a file trained on other
    features than the code has."""
    features = tuple(document["features"])
    if features != tuple(expected):
        raise ValueError("model file and code disagree on the features: retrain the model")
    feature = np.asarray(document["feature"], dtype=np.intp)
    trees, width = feature.shape
    offsets = (np.arange(trees, dtype=np.intp) * width)[:, None]
    return BoostedTrees(
        features=features,
        roots=offsets.ravel(),
        feature=feature.ravel(),
        threshold=np.asarray(document["threshold"], dtype=np.float64).ravel(),
        left=(np.asarray(document["left"], dtype=np.intp) + offsets).ravel(),
        right=(np.asarray(document["right"], dtype=np.intp) + offsets).ravel(),
        value=np.asarray(document["value"], dtype=np.float64).ravel(),
        bias=float(document["bias"]),
        depth=int(document["depth"]),
    )
