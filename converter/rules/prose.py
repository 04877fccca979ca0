"""How sure we are that each line is article text, and that it is the headline: learned passes
over text-only features (rules/features.py), computed once per line. The body classifier runs
twice, the second pass reading the first's verdicts on the neighbours; a line's score is a
blend of three such second passes (with the learned word odds, without them, and with the word
odds and the page's line shapes), which err on different lines; the headline ranker reads the
verdicts of the passes without the word odds. Trees and thresholds come from
benchmarks/train_lines.py."""

from __future__ import annotations

from dataclasses import dataclass

from converter.data import load_model, model_loader
from converter.rules.article_language import stopwords
from converter.rules.boosted import BoostedTrees, load_trees
from converter.rules.features import (
    CONTEXT_FEATURES,
    LINE_FEATURES,
    content_words,
    context_features,
    line_features,
)
from converter.rules.headline_features import (
    HEADLINE_FEATURES,
    RERANKED_FEATURES,
    headline_features,
    reranked_rows,
)
from converter.rules.headline_words import HeadlineWords, headline_words
from converter.rules.line_words import WORD_FEATURES, word_features, word_odds
from converter.rules.shapes import SHAPE_FEATURES, shape_features
from converter.rules.state import Line, SeedState

LINE_MODEL_FILE = "line_model.json"
HEADLINE_MODEL_FILE = "headline_model.json"
RERANKED = 8
"""How many of the first headline ranker's best lines the second one re-ranks."""
HEADLINE_PROSE = 0.2
"""Where the headline ranker counts a line as prose: a cut of its own, as the body's thresholds
are chosen after the ranker is trained and move with each retraining."""
MIN_RANKED_LINES = 6
"""The ranker learned from whole pages; in a seed shorter than this the headline comes first
(rules/headline.py), so it is not run."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Lines scored below the seed's threshold are page chrome (both chosen by cross-validation
    in the training): one threshold cannot serve both a whole page, where the article's short
    lines must survive among the chrome, and an article block, where what reads like prose
    after the story (a bio, a comment) is the error to avoid."""

    page: float
    block: float
    """For a seed that reads as an article block (rules/body.py: is_article_block)."""


BODY_LINE_FEATURES = LINE_FEATURES + WORD_FEATURES
BODY_CONTEXT_FEATURES = BODY_LINE_FEATURES + CONTEXT_FEATURES
"""The body passes also read the line's learned word odds (rules/line_words.py)."""
SHAPED_CONTEXT_FEATURES = BODY_CONTEXT_FEATURES + SHAPE_FEATURES
"""A third second pass also reads the page's line shapes (rules/shapes.py)."""
BLEND = (2.0, 1.0, 1.0)
"""What the body passes with the word odds, without them and with the line shapes weigh in a
line's score: one model's slips are seldom the others' (cross-validated `article/` F1 +0.0011
and +0.0014 on two splits, `page/` +0.005 and +0.004, against the word odds' passes alone)."""


@dataclass(frozen=True, slots=True)
class Passes:
    """The body classifier's two passes: each line alone, then with its neighbours' verdicts."""

    line: BoostedTrees
    context: BoostedTrees

    def context_rows(
        self,
        rows: list[list[float]],
        texts: list[str],
        groups: list[int],
        line_words: list[list[str]],
    ) -> list[list[float]]:
        """What the second pass reads: each line's own row and the first pass's verdicts
        around it."""
        first = self.line.probabilities(rows)
        context = context_features(rows, first, texts, groups, line_words)
        return [row + around for row, around in zip(rows, context, strict=True)]


@dataclass(frozen=True, slots=True)
class LineModel:
    body: Passes
    shaped: BoostedTrees
    """A second pass over the body's first, also reading the line shapes (rules/shapes.py)."""
    odds: dict[str, float]
    """Each word's odds of standing in article text, which the body passes read
    (rules/line_words.py)."""
    headline_body: Passes
    """The same passes without the word odds, weighing article blocks as whole pages: the
    headline rankers read their verdicts, as they were tuned on them (over the word odds'
    verdicts they took an article block's headline less often, 0.982 -> 0.975
    cross-validated), and they weigh in the body's blend."""
    thresholds: Thresholds

    def prose(
        self,
        rows: list[list[float]],
        texts: list[str],
        groups: list[int],
        line_words: list[list[str]],
    ) -> tuple[list[float], list[float]]:
        """Each line's blended body score (BLEND), and the verdicts of the passes without the
        word odds, which the headline rankers read."""
        body_rows = [
            row + odds for row, odds in zip(rows, word_features(texts, self.odds), strict=True)
        ]
        context = self.body.context_rows(body_rows, texts, groups, line_words)
        own = self.body.context.probabilities(context)
        shaped = self.shaped.probabilities(
            [row + shape for row, shape in zip(context, shape_features(texts), strict=True)]
        )
        plain = self.headline_body.context.probabilities(
            self.headline_body.context_rows(rows, texts, groups, line_words)
        )
        return blend(own, plain, shaped), plain


def blend(own: list[float], plain: list[float], shaped: list[float]) -> list[float]:
    """The body passes' verdicts weighed by BLEND: with the word odds, without, with shapes."""
    total = sum(BLEND)
    return [
        (BLEND[0] * a + BLEND[1] * b + BLEND[2] * c) / total
        for a, b, c in zip(own, plain, shaped, strict=True)
    ]


@model_loader
def line_model() -> LineModel:
    document = load_model(LINE_MODEL_FILE)
    return LineModel(
        body=Passes(
            load_trees(document["line"], BODY_LINE_FEATURES),
            load_trees(document["context"], BODY_CONTEXT_FEATURES),
        ),
        shaped=load_trees(document["shaped"], SHAPED_CONTEXT_FEATURES),
        odds=word_odds(),
        headline_body=Passes(
            load_trees(document["headline_line"], LINE_FEATURES),
            load_trees(document["headline_context"], LINE_FEATURES + CONTEXT_FEATURES),
        ),
        thresholds=Thresholds(float(document["threshold"]), float(document["block_threshold"])),
    )


@dataclass(frozen=True, slots=True)
class HeadlineModel:
    line: BoostedTrees
    context: BoostedTrees
    """The second ranker: it re-ranks the first's best lines (a headline, its deck, its kicker,
    a teaser's headline), reading the first's scores of each and of its neighbours."""
    words: HeadlineWords
    """How each of those lines' words read as a headline's, for the second ranker."""

    def probabilities(self, rows: list[list[float]], texts: list[str]) -> list[float]:
        """The second ranker's score for the first's best lines, 0 for the others."""
        first = self.line.probabilities(rows)
        best = reranked(first)
        scores = [0.0] * len(rows)
        words = [self.words.score(texts[index]) for index in best]
        second = self.context.probabilities(reranked_rows(rows, first, best, words))
        for index, score in zip(best, second, strict=True):
            scores[index] = score
        return scores


def reranked(first: list[float]) -> list[int]:
    """The lines the second ranker looks at: the first ranker's RERANKED best, in page order."""
    return sorted(sorted(range(len(first)), key=lambda index: -first[index])[:RERANKED])


@model_loader
def headline_model() -> HeadlineModel:
    document = load_model(HEADLINE_MODEL_FILE)
    return HeadlineModel(
        line=load_trees(document["line"], HEADLINE_FEATURES),
        context=load_trees(document["context"], RERANKED_FEATURES),
        words=headline_words(),
    )


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
    line_words = [content_words(text, words) for text in texts]
    prose, verdicts = model.prose(rows, texts, groups, line_words)
    headline = [0.0] * len(texts)
    if not state.facts.title and len(texts) >= MIN_RANKED_LINES:
        headline = headline_model().probabilities(
            headline_features(rows, texts, groups, verdicts, line_words, HEADLINE_PROSE), texts
        )
    return state.with_lines(
        [
            Line(line.text, line.group, line.kind, prose=p, headline=h)
            for line, p, h in zip(state.lines, prose, headline, strict=True)
        ]
    )
