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
    """Trees of equal depth as arrays (a leaf points at itself), summed into log-odds."""

    features: tuple[str, ...]
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    bias: float
    depth: int

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """P(positive) for each row of `features`, in order."""
        if not rows:
            return []
        matrix = np.asarray(rows, dtype=np.float64)
        trees = np.arange(self.feature.shape[0])[:, None]
        samples = np.arange(matrix.shape[0])[None, :]
        node = np.zeros((self.feature.shape[0], matrix.shape[0]), dtype=np.intp)
        for _ in range(self.depth):
            goes_left = matrix[samples, self.feature[trees, node]] <= self.threshold[trees, node]
            node = np.where(goes_left, self.left[trees, node], self.right[trees, node])
        scores = self.bias + self.value[trees, node].sum(axis=0)
        return (1.0 / (1.0 + np.exp(-scores))).tolist()


def load_trees(document: dict[str, Any], expected: Sequence[str]) -> BoostedTrees:
    """Trees from their JSON form; refuses a file trained on other features than the code has."""
    features = tuple(document["features"])
    if features != tuple(expected):
        raise ValueError("model file and code disagree on the features: retrain the model")
    return BoostedTrees(
        features=features,
        feature=np.asarray(document["feature"], dtype=np.intp),
        threshold=np.asarray(document["threshold"], dtype=np.float64),
        left=np.asarray(document["left"], dtype=np.intp),
        right=np.asarray(document["right"], dtype=np.intp),
        value=np.asarray(document["value"], dtype=np.float64),
        bias=float(document["bias"]),
        depth=int(document["depth"]),
    )
