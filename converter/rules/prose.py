"""How sure we are that each line is article text, and that it is the headline: learned passes
over text-only features (rules/features.py), computed once per line. The body classifier runs
twice, the second pass reading the first's verdicts on the neighbours; the headline ranker
reads those verdicts too. Trees and threshold come from benchmarks/train_lines.py."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from converter.data import load_json
from converter.rules.article_language import stopwords
from converter.rules.boosted import BoostedTrees, load_trees
from converter.rules.features import (
    CONTEXT_FEATURES,
    HEADLINE_FEATURES,
    LINE_FEATURES,
    context_features,
    headline_features,
    line_features,
)
from converter.rules.state import SeedState

LINE_MODEL_FILE = "line_model.json"
HEADLINE_MODEL_FILE = "headline_model.json"
MIN_RANKED_LINES = 6
"""The ranker learned from whole pages; in a seed shorter than this the headline comes first
(rules/headline.py), so it is not run."""


@dataclass(frozen=True, slots=True)
class LineModel:
    line: BoostedTrees
    context: BoostedTrees
    threshold: float
    """Lines scored below it are page chrome (chosen by cross-validation in the training)."""


@cache
def line_model() -> LineModel:
    document = load_json(LINE_MODEL_FILE)
    return LineModel(
        line=load_trees(document["line"], LINE_FEATURES),
        context=load_trees(document["context"], LINE_FEATURES + CONTEXT_FEATURES),
        threshold=float(document["threshold"]),
    )


@cache
def headline_model() -> BoostedTrees:
    return load_trees(load_json(HEADLINE_MODEL_FILE), HEADLINE_FEATURES)


def score_lines(state: SeedState) -> SeedState:
    """Every line gets its `prose` score and, unless the markup gives the title or the seed is
    too short to rank, its `headline` score; nothing is removed yet (rules/body.py does that)."""
    if not state.lines:
        return state
    model = line_model()
    words = stopwords(state.language)
    texts = [line.text for line in state.lines]
    groups = [line.group for line in state.lines]
    rows = line_features(texts, groups, words)
    first = model.line.probabilities(rows)
    context = context_features(first, texts, groups, words)
    prose = model.context.probabilities(
        [row + around for row, around in zip(rows, context, strict=True)]
    )
    headline = [0.0] * len(texts)
    if not state.facts.title and len(texts) >= MIN_RANKED_LINES:
        headline = headline_model().probabilities(
            headline_features(rows, texts, groups, prose, words, model.threshold)
        )
    return state.with_lines(
        [
            replace(line, prose=p, headline=h)
            for line, p, h in zip(state.lines, prose, headline, strict=True)
        ]
    )
