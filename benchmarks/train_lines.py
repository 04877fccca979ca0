"""Train the body classifier and the headline ranker of the text rules on web-dev and write
converter/data/line_model.json, line_words.json and headline_model.json.

Run: .venv/bin/python benchmarks/train_lines.py [--folds 5] [--split order|hash]
                                                [--leave-out FOLD --out DIR]
Every line of web-dev's `article/` and `page/` seeds, as the rules see it just before scoring
(language found, chrome labels and video blocks gone), is labelled article text when most of its
word 4-grams are in the page's gold body (a line under four words: when it occurs in the gold
body beside a labelled line), and headline when it is the gold headline (a repeat other than
the one just above the article weighs nothing in the rankers). Each word's odds of standing in
article text (rules/line_words.py) are learned first (naive Bayes, out of fold for the body
models as for unseen pages). Gradient-boosted models (scikit-learn, a dev dependency; applied
at run time by converter/rules/boosted.py): the body's per-line pass and its neighbourhood pass,
which reads the first pass's verdicts (fitted on out-of-fold verdicts, as it meets them on
unseen pages), both reading the word odds; a third second pass over the same first pass that
also reads the page's line shapes (rules/shapes.py); the same two passes without the word odds,
whose verdicts the headline ranker reads (a line's body score blends the three second passes,
rules/prose.py's BLEND); and the headline ranker, itself in two passes the same way (the second
reads the first's scores of the line and its neighbours).

Generalisation is estimated honestly: every figure marked "cross-validated" comes from models
that never saw the page, folds grouped by page (each web-dev page is its own site; a page's two
levels share a fold). The thresholds are chosen on those figures, then the final models are fitted
on everything and the in-sample figures printed beside them. Same corpus in, same files out.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import json
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits
from webdev import LEVELS, Page, figures, pages, score, scorer

from converter.rules import RULES
from converter.rules.article_language import stopwords
from converter.rules.body import body_lines, is_article_block
from converter.rules.cues import CUE_FEATURES, cues
from converter.rules.features import (
    CONTEXT_FEATURES,
    LINE_FEATURES,
    content_words,
    context_features,
    line_features,
)
from converter.rules.headline import take_headline
from converter.rules.headline_features import (
    HEADLINE_FEATURES,
    RERANKED_FEATURES,
    headline_features,
    reranked_rows,
)
from converter.rules.headline_words import HEADLINE_WORDS_FILE, HeadlineWords, word_signs
from converter.rules.line_words import (
    WORD_FEATURES,
    WORDS_FILE,
    learn_word_odds,
    line_tokens,
    word_features,
)
from converter.rules.prose import (
    BODY_CONTEXT_FEATURES,
    BODY_LINE_FEATURES,
    HEADLINE_PROSE,
    RERANKED,
    SHAPED_CONTEXT_FEATURES,
    Thresholds,
    blend,
    reranked,
    score_lines,
)
from converter.rules.shapes import SHAPE_FEATURES, shape_features
from converter.rules.state import Line, SeedState, split_lines

DATA = Path(__file__).resolve().parents[1] / "converter" / "data"
THRESHOLDS = (0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
MIN_RECALL = 0.97
"""The issue's floor for recall; the thresholds are the most precise pair that keeps it."""
TREES = {"max_iter": 200, "max_depth": 4, "learning_rate": 0.1, "random_state": 0}
DECIMALS = 6
PAGE_WEIGHT = 100.0
"""What a seed's lines weigh together in the body models (see word_weights)."""
ARTICLE_WEIGHT = 2.0
"""An article block weighs this many whole pages in the body models that read the word odds:
its errors (chrome that reads like the story) are the harder ones and the whole page has margin
to spare. The headline rankers' body passes weigh both the same, as they were tuned."""
WORDS_MIN_PAGES = 5
WORDS_MAX = 3000
"""The headline-words table learns only signs found on this many training pages (each its own
site), the commonest first, at most this many: general words, no one site's strings."""
WORDS_C = 0.1
"""The table's regularisation (C 1 fitted web-dev closer and ranked unseen pages worse)."""
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Seed:
    """One web-dev seed's lines as the classifier meets them, with their labels."""

    page: Page
    fold: int
    texts: list[str]
    groups: list[int]
    stopwords: frozenset[str]
    body: list[int]
    headline: list[int]
    language: str

    @property
    def line_words(self) -> list[list[str]]:
        return [content_words(text, self.stopwords) for text in self.texts]


def prepared(page: Page) -> SeedState:
    """The state the body classifier scores: every rule before it applied."""
    state = split_lines(page.stem, page.text)
    for rule in RULES[: RULES.index(score_lines)]:
        state = rule(state)
    return state


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def body_labels(texts: list[str], gold_body: str) -> list[int]:
    """1 for a line whose word 4-grams are mostly in the gold body; a line too short for a
    4-gram counts when its words occur in the gold body next to a labelled line."""
    gold_tokens = _tokens(gold_body)
    grams = {tuple(gold_tokens[i : i + 4]) for i in range(len(gold_tokens) - 3)}
    joined = f" {' '.join(gold_tokens)} "
    labels: list[int | None] = []
    for text in texts:
        tokens = _tokens(text)
        if len(tokens) >= 4:
            own = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
            labels.append(int(sum(gram in grams for gram in own) >= len(own) / 2))
        elif tokens and f" {' '.join(tokens)} " in joined:
            labels.append(None)
        else:
            labels.append(0)
    return [
        label
        if label is not None
        else int(any(labels[j] for j in (i - 1, i + 1) if 0 <= j < len(labels)))
        for i, label in enumerate(labels)
    ]


def headline_labels(texts: list[str], gold_title: str) -> list[int]:
    """1 for each line that is the gold headline as web-dev's score.py compares headlines."""
    norm = scorer().norm_title
    key = norm(gold_title)
    return [int(norm(text) == key) for text in texts]


def headline_weights(seed: Seed) -> np.ndarray:
    """What each line weighs in the headline rankers: a page repeats its headline in teaser
    lists and sidebars, and those repeats, right by the metric, would teach the rankers that a
    teaser is a headline; only the repeat nearest above the article's first line is learned
    from, the others weigh nothing (0.788 -> 0.807 cross-validated, on three splits)."""
    weights = np.ones(len(seed.texts))
    repeats = [index for index, label in enumerate(seed.headline) if label]
    if len(repeats) > 1:
        start = next((index for index, label in enumerate(seed.body) if label), 0)
        above = [index for index in repeats if index <= start]
        kept = above[-1] if above else repeats[0]
        weights[[index for index in repeats if index != kept]] = 0.0
    return weights


def fold_of(index: int, stem: str, folds: int, split: str) -> int:
    """The page's fold: by its place in stem order (the shipped split), or by a hash of its
    stem (a second split, to tell a gain from the luck of one split)."""
    if split == "hash":
        return int(hashlib.md5(stem.encode()).hexdigest(), 16) % folds
    return index % folds


def load(folds: int, split: str = "order") -> list[Seed]:
    seeds = []
    for level in LEVELS:
        for index, page in enumerate(pages(level)):
            state = prepared(page)
            texts = [line.text for line in state.lines]
            seeds.append(
                Seed(
                    page,
                    fold_of(index, page.stem, folds, split),
                    texts,
                    [line.group for line in state.lines],
                    stopwords(state.language),
                    body_labels(texts, page.gold_body),
                    headline_labels(texts, page.gold_title),
                    state.language,
                )
            )
    return seeds


def without_fold(seeds: list[Seed], fold: int, folds: int) -> list[Seed]:
    """The seeds outside `fold`, split into folds again by stem order as a corpus without those
    pages would be: models trained on them never saw the left-out pages (benchmarks/html_folds.py
    converts those pages' saved HTML with them)."""
    kept = [seed for seed in seeds if seed.fold != fold]
    place = {stem: index for index, stem in enumerate(sorted({s.page.stem for s in kept}))}
    return [
        dataclasses.replace(
            seed, fold=fold_of(place[seed.page.stem], seed.page.stem, folds, "order")
        )
        for seed in kept
    ]


def line_rows_of(seeds: list[Seed]) -> list[np.ndarray]:
    """Each seed's LINE_FEATURES, a row a line."""
    return [
        np.asarray(line_features(s.texts, s.groups, s.stopwords))
        if s.texts
        else np.zeros((0, len(LINE_FEATURES)))
        for s in seeds
    ]


def fit(
    rows: np.ndarray, labels: np.ndarray, weights: np.ndarray | None = None
) -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(**TREES).fit(rows, labels, sample_weight=weights)


def word_weights(seed: Seed, article_weight: float = 1.0) -> np.ndarray:
    """Each line weighs its share of its seed's words, each seed of a level the same in all
    (an article block `article_weight` times a whole page): web-dev's metric averages pages and
    counts words, so a long paragraph matters more than a menu item and a page of 400 short
    lines no more than one of 20 paragraphs."""
    words = np.asarray([max(len(_WORD.findall(text)), 1) for text in seed.texts], dtype=float)
    weight = PAGE_WEIGHT * (article_weight if seed.page.level == "article" else 1.0)
    return words * (weight / words.sum()) if len(words) else words


def out_of_fold(
    rows: list[np.ndarray],
    labels: list[np.ndarray],
    seeds: list[Seed],
    folds: int,
    weights: list[np.ndarray] | None = None,
) -> list[np.ndarray]:
    """Each seed's predictions from a model fitted on the other folds (grouped by page)."""
    result: list[np.ndarray] = [np.zeros(0)] * len(seeds)
    fold_of = np.array([seed.fold for seed in seeds])
    for fold in range(folds):
        train = np.flatnonzero(fold_of != fold)
        model = fit(
            np.vstack([rows[i] for i in train]),
            np.concatenate([labels[i] for i in train]),
            np.concatenate([weights[i] for i in train]) if weights else None,
        )
        for i in np.flatnonzero(fold_of == fold):
            result[i] = predicted(model, rows[i])
    return result


def passes_out_of_fold(
    seeds: list[Seed],
    rows: list[np.ndarray],
    labels: list[np.ndarray],
    folds: int,
    weights: list[np.ndarray],
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The body's two passes out of fold: the second pass's rows (each line's own and the
    first pass's verdicts around it, as it meets them on unseen pages) and its verdicts."""
    first = out_of_fold(rows, labels, seeds, folds, weights)
    second_rows = context_rows(seeds, rows, first)
    return second_rows, out_of_fold(second_rows, labels, seeds, folds, weights)


def shaped_rows(seeds: list[Seed], second_rows: list[np.ndarray]) -> list[np.ndarray]:
    """The shaped pass's rows: the body's second-pass rows and the page's line shapes."""
    return [
        np.hstack(
            [rows, np.asarray(shape_features(s.texts)).reshape(len(rows), len(SHAPE_FEATURES))]
        )
        for s, rows in zip(seeds, second_rows, strict=True)
    ]


def blended(
    own: list[np.ndarray], plain: list[np.ndarray], shaped: list[np.ndarray]
) -> list[np.ndarray]:
    """Each seed's body scores as rules/prose.py blends its three second passes."""
    return [
        np.asarray(blend(list(a), list(b), list(c)))
        for a, b, c in zip(own, plain, shaped, strict=True)
    ]


def predicted(model: HistGradientBoostingClassifier, rows: np.ndarray) -> np.ndarray:
    """The model's P(yes) for each row (none for a seed without lines)."""
    return model.predict_proba(rows)[:, 1] if len(rows) else np.zeros(0)


def fitted_passes(
    seeds: list[Seed],
    rows: list[np.ndarray],
    line_model: HistGradientBoostingClassifier,
    context_model: HistGradientBoostingClassifier,
) -> list[np.ndarray]:
    """The body's two passes, fitted on every seed, over the seeds' rows: the second reads
    the first's verdicts around each line."""
    first = [predicted(line_model, own) for own in rows]
    return [predicted(context_model, own) for own in context_rows(seeds, rows, first)]


def context_rows(seeds: list[Seed], body_rows: list[np.ndarray], first: list[np.ndarray]):
    """The second pass's rows: each line's own (LINE_FEATURES, with or without the word odds)
    and its context."""
    return [
        np.hstack(
            [
                rows,
                np.asarray(
                    context_features(rows.tolist(), list(p), s.texts, s.groups, s.line_words)
                ),
            ]
        )
        if len(rows)
        else np.zeros((0, rows.shape[1] + len(CONTEXT_FEATURES)))
        for s, rows, p in zip(seeds, body_rows, first, strict=True)
    ]


def word_odds_of(seeds: list[Seed], chosen: np.ndarray) -> dict[str, float]:
    """The word odds (rules/line_words.py) learned from the chosen seeds' labelled lines."""
    return learn_word_odds(
        (seeds[i].page.stem, line_tokens(text), bool(label))
        for i in chosen
        for text, label in zip(seeds[i].texts, seeds[i].body, strict=True)
    )


def word_rows_out_of_fold(seeds: list[Seed], folds: int) -> list[np.ndarray]:
    """Each seed's WORD_FEATURES from word odds learned on the other folds, so the body models
    meet them as they meet an unseen page's."""
    result: list[np.ndarray] = [np.zeros((0, len(WORD_FEATURES)))] * len(seeds)
    fold_of = np.array([seed.fold for seed in seeds])
    for fold in range(folds):
        odds = word_odds_of(seeds, np.flatnonzero(fold_of != fold))
        for i in np.flatnonzero(fold_of == fold):
            result[i] = word_rows(seeds[i], odds)
    return result


def word_rows(seed: Seed, odds: dict[str, float]) -> np.ndarray:
    rows = word_features(seed.texts, odds)
    return np.asarray(rows, dtype=float).reshape(len(rows), len(WORD_FEATURES))


def headline_rows(seeds: list[Seed], line_rows: list[np.ndarray], prose: list[np.ndarray]):
    return [
        np.asarray(
            headline_features(
                rows.tolist(), s.texts, s.groups, list(p), s.line_words, HEADLINE_PROSE
            )
        )
        if s.texts
        else np.zeros((0, len(HEADLINE_FEATURES)))
        for s, rows, p in zip(seeds, line_rows, prose, strict=True)
    ]


def ranker_context_rows(
    ranker_rows: list[np.ndarray],
    first: list[np.ndarray],
    picked: list[list[int]],
    words: list[list[float]],
) -> list[np.ndarray]:
    """The second ranker's rows, for the lines it re-ranks (`picked`, the first ranker's best):
    what it reads of the first ranker's features, its scores around each line and the lines'
    headline-words scores (reranked_rows)."""
    return [
        np.asarray(reranked_rows(rows.tolist(), list(scores), best, own))
        if best
        else np.zeros((0, len(RERANKED_FEATURES)))
        for rows, scores, best, own in zip(ranker_rows, first, picked, words, strict=True)
    ]


def fit_headline_words(
    stems: list[str], signs: list[list[frozenset[str]]], labels: np.ndarray, weights: np.ndarray
) -> HeadlineWords:
    """A logistic regression over the picked lines' word signs (rules/headline_words.py), each
    seed's lines `signs` in order, labels and weights concatenated in the same order; weights
    rounded as the table stores them."""
    found: dict[str, set[str]] = {}
    for stem, own in zip(stems, signs, strict=True):
        found.setdefault(stem, set()).update(*own)
    pages = Counter(sign for page in found.values() for sign in page)
    common = sorted(
        (sign for sign, count in pages.items() if count >= WORDS_MIN_PAGES),
        key=lambda sign: (-pages[sign], sign),
    )
    vocabulary = sorted(common[:WORDS_MAX])
    column = {sign: index for index, sign in enumerate(vocabulary)}
    cells = [
        (row, column[sign])
        for row, line in enumerate(line for own in signs for line in own)
        for sign in sorted(line)
        if sign in column
    ]
    rows, columns = zip(*cells, strict=True) if cells else ((), ())
    matrix = sparse.csr_matrix(
        (np.ones(len(cells)), (rows, columns)), shape=(len(labels), len(vocabulary))
    )
    model = LogisticRegression(C=WORDS_C, max_iter=3000).fit(matrix, labels, sample_weight=weights)
    return HeadlineWords(
        round(float(model.intercept_[0]), DECIMALS),
        {
            sign: round(float(weight), DECIMALS)
            for sign, weight in zip(vocabulary, model.coef_[0], strict=True)
        },
    )


def headline_words_table(
    seeds: list[Seed], picked: list[list[int]], heads: list[np.ndarray], weights: list[np.ndarray]
) -> HeadlineWords:
    """The table fitted on the seeds' picked lines (the first ranker's best), as the headline
    rankers weigh them."""
    return fit_headline_words(
        [seed.page.stem for seed in seeds],
        [
            [word_signs(seed.texts[index]) for index in best]
            for seed, best in zip(seeds, picked, strict=True)
        ],
        np.concatenate([own[best] for own, best in zip(heads, picked, strict=True)]),
        np.concatenate([own[best] for own, best in zip(weights, picked, strict=True)]),
    )


def headline_words_out_of_fold(
    seeds: list[Seed],
    picked: list[list[int]],
    heads: list[np.ndarray],
    weights: list[np.ndarray],
    folds: int,
) -> list[list[float]]:
    """Each seed's picked lines scored by a table fitted on the other folds' picked lines."""
    result: list[list[float]] = [[] for _ in seeds]
    fold_of = np.array([seed.fold for seed in seeds])
    for fold in range(folds):
        train = [int(i) for i in np.flatnonzero(fold_of != fold)]
        table = headline_words_table(
            [seeds[i] for i in train],
            [picked[i] for i in train],
            [heads[i] for i in train],
            [weights[i] for i in train],
        )
        for i in np.flatnonzero(fold_of == fold):
            result[i] = [table.score(seeds[i].texts[index]) for index in picked[i]]
    return result


def rankers_out_of_fold(
    seeds: list[Seed],
    ranker_rows: list[np.ndarray],
    heads: list[np.ndarray],
    weights: list[np.ndarray],
    folds: int,
) -> tuple[list[np.ndarray], list[list[int]], list[np.ndarray], list[np.ndarray]]:
    """The two headline rankers out of fold: the first's scores, the lines the second re-ranks
    (its best), the second's rows and its scores back on every line."""
    first = out_of_fold(ranker_rows, heads, seeds, folds, weights)
    picked = [reranked(list(scores)) for scores in first]
    words = headline_words_out_of_fold(seeds, picked, heads, weights, folds)
    rows = ranker_context_rows(ranker_rows, first, picked, words)
    second = out_of_fold(
        rows,
        at_picked(picked, heads),
        seeds,
        folds,
        at_picked(picked, weights),
    )
    return first, picked, rows, scattered(picked, second, [len(seed.texts) for seed in seeds])


def at_picked(picked: list[list[int]], per_seed: list[np.ndarray]) -> list[np.ndarray]:
    """Each seed's values (labels, weights) at the lines the second ranker re-ranks."""
    return [own[best] for best, own in zip(picked, per_seed, strict=True)]


def scattered(picked: list[list[int]], scores: list[np.ndarray], sizes):
    """The second ranker's scores back on every line of each seed (0 where it did not look)."""
    result = []
    for best, own, size in zip(picked, scores, sizes, strict=True):
        full = np.zeros(size)
        full[best] = own
        result.append(full)
    return result


def measure(
    seeds: list[Seed],
    prose: list[np.ndarray],
    thresholds: Thresholds,
    ranks: list[np.ndarray] | None,
) -> dict[str, dict[str, float]]:
    """web-dev's metric per level: the title is what rules/headline.py takes with these ranks
    (none when no ranker is given), the body what rules/body.py keeps of the other lines."""
    by_level: dict[str, dict[str, tuple[str, str]]] = {level: {} for level in LEVELS}
    for seed, scores, rank in zip(seeds, prose, ranks or [None] * len(seeds), strict=True):
        state = scored_state(seed, scores, rank)
        if rank is not None:
            state = take_headline(state)
        kept = [line.text for line in body_lines(state.lines, thresholds)]
        by_level[seed.page.level][seed.page.stem] = (state.title, "\n".join(kept))
    return {level: score(predicted) for level, predicted in by_level.items()}


def scored_state(seed: Seed, scores: np.ndarray, rank: np.ndarray | None) -> SeedState:
    return SeedState(
        seed.page.stem,
        tuple(
            Line(text, group, prose=float(p), headline=float(h))
            for text, group, p, h in zip(
                seed.texts,
                seed.groups,
                scores,
                rank if rank is not None else np.zeros(len(scores)),
                strict=True,
            )
        ),
        language=seed.language,
    )


def print_errors(
    seeds: list[Seed], prose: list[np.ndarray], thresholds: Thresholds, count: int
) -> None:
    """The cross-validated errors that cost most, per level: each line kept wrongly (its share
    of the words kept: precision lost) or dropped wrongly (its share of the gold body's words:
    recall lost), averaged over the level's pages, and the cost summed by kind of line: where
    it sits (before, inside or after the gold article's lines) and the first cue of
    rules/cues.py its words give."""
    for level in LEVELS:
        errors: list[tuple[float, str, str, int, float, str, str]] = []
        level_seeds = [(s, p) for s, p in zip(seeds, prose, strict=True) if s.page.level == level]
        for seed, scores in level_seeds:
            words = [len(_tokens(text)) for text in seed.texts]
            lines = scored_state(seed, scores, None).lines
            body = {id(line) for line in body_lines(lines, thresholds)}
            kept = [
                id(line) in body and not h for line, h in zip(lines, seed.headline, strict=True)
            ]
            kept_words = sum(w for w, k in zip(words, kept, strict=True) if k) or 1
            gold_words = sum(w for w, b in zip(words, seed.body, strict=True) if b) or 1
            gold = [index for index, label in enumerate(seed.body) if label] or [0]
            for index, (text, keep, label) in enumerate(
                zip(seed.texts, kept, seed.body, strict=True)
            ):
                if keep != bool(label) and not seed.headline[index]:
                    share = words[index] / (gold_words if label else kept_words) / len(level_seeds)
                    error = "dropped" if label else "kept"
                    where = (
                        "before" if index < gold[0] else "after" if index > gold[-1] else "inside"
                    )
                    errors.append((share, error, where, seed.page.stem, index, scores[index], text))
        kinds: dict[tuple[str, str, str], float] = {}
        for share, error, where, *_, text in errors:
            named = [name for name, hit in zip(CUE_FEATURES, cues(text), strict=True) if hit]
            key = (error, where, named[0] if named else "no cue")
            kinds[key] = kinds.get(key, 0.0) + share
        print(f"{level}: cost by kind (precision lost by lines kept, recall by lines dropped)")
        for (error, where, kind), cost in sorted(kinds.items(), key=lambda item: -item[1]):
            print(f"  {error:<8} {where:<7} {kind:<15} {cost:.4f}")
        print(f"{level}: the {count} costliest lines")
        for share, error, _, stem, index, verdict, text in sorted(errors, reverse=True)[:count]:
            print(f"  {share:.4f} {error:<8} {stem}:{index} p={verdict:.2f} {text[:100]}")


def choose_thresholds(
    seeds: list[Seed], prose: list[np.ndarray], ranks: list[np.ndarray]
) -> Thresholds:
    """The most precise pair of thresholds (whole pages, article blocks) whose cross-validated
    recall, the headline taken as the ranks say, stays at MIN_RECALL on both levels (else the
    pair with the best recall), printed with the figures of each single threshold and of the
    pair."""
    metric = scorer()
    states = [
        take_headline(scored_state(seed, p, rank))
        for seed, p, rank in zip(seeds, prose, ranks, strict=True)
    ]
    block = [is_article_block(state.lines) for state in states]
    triples = {}
    for threshold in THRESHOLDS:
        single = Thresholds(threshold, threshold)
        triples[threshold] = [
            metric.tp_fp_fn(
                seed.page.gold_body,
                "\n".join(line.text for line in body_lines(state.lines, single)),
            )
            for seed, state in zip(seeds, states, strict=True)
        ]
        print(f"  threshold {threshold:.3f}: {_level_figures(seeds, triples[threshold])}")
    best, best_key = Thresholds(THRESHOLDS[0], THRESHOLDS[0]), (-1.0, -1.0)
    best_triples = triples[THRESHOLDS[0]]
    for page, for_block in itertools.product(THRESHOLDS, THRESHOLDS):
        chosen = [
            triples[for_block if is_block else page][index] for index, is_block in enumerate(block)
        ]
        result = _level_metrics(seeds, chosen)
        recall = min(result[level]["recall"] for level in LEVELS)
        f1 = sum(result[level]["f1"] for level in LEVELS) / len(LEVELS)
        key = (float(recall >= MIN_RECALL), f1 if recall >= MIN_RECALL else recall)
        if key > best_key:
            best, best_key, best_triples = Thresholds(page, for_block), key, chosen
    print(
        f"  chosen: pages {best.page:.3f}, article blocks {best.block:.3f} ({sum(block)} of "
        f"{len(block)} seeds read as blocks): {_level_figures(seeds, best_triples)}"
    )
    return best


def _level_metrics(seeds: list[Seed], triples: list) -> dict[str, dict[str, float]]:
    return {
        level: scorer().metrics(
            [x for seed, x in zip(seeds, triples, strict=True) if seed.page.level == level]
        )
        for level in LEVELS
    }


def _level_figures(seeds: list[Seed], triples: list) -> str:
    result = _level_metrics(seeds, triples)
    return "  ".join(
        f"{level} F1 {result[level]['f1']:.4f} P {result[level]['precision']:.4f} "
        f"R {result[level]['recall']:.4f}"
        for level in LEVELS
    )


def export(model: HistGradientBoostingClassifier, features: tuple[str, ...]) -> dict:
    """Trees as padded arrays: a leaf points at itself, so every tree is walked `depth` steps."""
    trees = [rounds[0].nodes for rounds in model._predictors]  # one class: one tree a round
    width = max(len(nodes) for nodes in trees)
    depth = max(int(nodes["depth"].max()) for nodes in trees)
    arrays: dict[str, list[list[float]]] = {
        key: [] for key in ("feature", "threshold", "left", "right", "value")
    }
    for nodes in trees:
        feature, threshold, left, right, value = [], [], [], [], []
        for index, node in enumerate(nodes):
            leaf = bool(node["is_leaf"])
            feature.append(0 if leaf else int(node["feature_idx"]))
            threshold.append(1e300 if leaf else round(float(node["num_threshold"]), DECIMALS))
            left.append(index if leaf else int(node["left"]))
            right.append(index if leaf else int(node["right"]))
            value.append(round(float(node["value"]), DECIMALS) if leaf else 0.0)
        padding = width - len(nodes)
        for index in range(len(nodes), width):
            feature.append(0)
            threshold.append(1e300)
            left.append(index)
            right.append(index)
            value.append(0.0)
        assert padding >= 0
        for key, column in zip(arrays, (feature, threshold, left, right, value), strict=True):
            arrays[key].append(column)
    return {
        "features": list(features),
        "bias": round(float(np.ravel(model._baseline_prediction)[0]), DECIMALS),
        "depth": depth,
        **arrays,
    }


def main() -> None:
    with threadpool_limits(limits=1):  # one thread: on a shared 2-core machine OpenMP's
        train()  # spinning threads cost more than they give


def train() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--split",
        choices=("order", "hash"),
        default="order",
        help="pages into folds by stem order (shipped) or by a hash of the stem (a second split)",
    )
    parser.add_argument(
        "--errors", type=int, default=0, help="print this many of the costliest body errors"
    )
    parser.add_argument(
        "--leave-out",
        type=int,
        metavar="FOLD",
        help="train without this fold's pages (the rest split into folds again by stem order)",
    )
    parser.add_argument("--out", type=Path, default=DATA, help="where the model files go")
    arguments = parser.parse_args()
    folds = arguments.folds
    started = time.perf_counter()
    seeds = load(folds, arguments.split)
    if arguments.leave_out is not None:
        seeds = without_fold(seeds, arguments.leave_out, folds)
    lines = sum(len(seed.texts) for seed in seeds)
    print(f"{len(seeds)} seeds, {lines:,} lines ({time.perf_counter() - started:.0f} s)")
    line_rows = line_rows_of(seeds)
    body = [np.asarray(seed.body, dtype=int) for seed in seeds]
    heads = [np.asarray(seed.headline, dtype=int) for seed in seeds]

    plain_weights = [word_weights(seed) for seed in seeds]
    plain_second_rows, plain_second = passes_out_of_fold(
        seeds, line_rows, body, folds, plain_weights
    )
    weights = [word_weights(seed, ARTICLE_WEIGHT) for seed in seeds]
    body_rows = [
        np.hstack([rows, odds])
        for rows, odds in zip(line_rows, word_rows_out_of_fold(seeds, folds), strict=True)
    ]
    second_rows, own_second = passes_out_of_fold(seeds, body_rows, body, folds, weights)
    shaped_second_rows = shaped_rows(seeds, second_rows)
    shaped_second = out_of_fold(shaped_second_rows, body, seeds, folds, weights)
    second = blended(own_second, plain_second, shaped_second)
    ranker_rows = headline_rows(seeds, line_rows, plain_second)
    head_weights = [headline_weights(seed) for seed in seeds]
    first_ranks, picked, ranker_second_rows, ranks = rankers_out_of_fold(
        seeds, ranker_rows, heads, head_weights, folds
    )
    picked_heads = at_picked(picked, heads)
    picked_weights = at_picked(picked, head_weights)
    sizes = [len(seed.texts) for seed in seeds]
    print("cross-validated body, the headline taken, per threshold:")
    thresholds = choose_thresholds(seeds, second, ranks)
    if arguments.errors:
        print_errors(seeds, second, thresholds, arguments.errors)
    first_held_out = measure(seeds, second, thresholds, first_ranks)
    held_out = measure(seeds, second, thresholds, ranks)

    every_weight = np.concatenate(weights)
    every_plain_weight = np.concatenate(plain_weights)
    odds = word_odds_of(seeds, np.arange(len(seeds)))
    line_model = fit(np.vstack(body_rows), np.concatenate(body), every_weight)
    context_model = fit(np.vstack(second_rows), np.concatenate(body), every_weight)
    shaped_model = fit(np.vstack(shaped_second_rows), np.concatenate(body), every_weight)
    plain_line_model = fit(np.vstack(line_rows), np.concatenate(body), every_plain_weight)
    plain_context_model = fit(
        np.vstack(plain_second_rows), np.concatenate(body), every_plain_weight
    )
    ranker = fit(np.vstack(ranker_rows), np.concatenate(heads), np.concatenate(head_weights))
    ranker_context = fit(
        np.vstack(ranker_second_rows), np.concatenate(picked_heads), np.concatenate(picked_weights)
    )
    table = headline_words_table(seeds, picked, heads, head_weights)
    fitted_rows = [
        np.hstack([rows, word_rows(seed, odds)])
        for rows, seed in zip(line_rows, seeds, strict=True)
    ]
    fitted_second_rows = context_rows(
        seeds, fitted_rows, [predicted(line_model, own) for own in fitted_rows]
    )
    fitted_plain = fitted_passes(seeds, line_rows, plain_line_model, plain_context_model)
    fitted = blended(
        [predicted(context_model, own) for own in fitted_second_rows],
        fitted_plain,
        [predicted(shaped_model, own) for own in shaped_rows(seeds, fitted_second_rows)],
    )
    fitted_ranker_rows = headline_rows(seeds, line_rows, fitted_plain)
    fitted_first_ranks = [predicted(ranker, rows) for rows in fitted_ranker_rows]
    fitted_picked = [reranked(list(scores)) for scores in fitted_first_ranks]
    fitted_words = [
        [table.score(seed.texts[index]) for index in best]
        for seed, best in zip(seeds, fitted_picked, strict=True)
    ]
    fitted_ranks = scattered(
        fitted_picked,
        [
            predicted(ranker_context, rows)
            for rows in ranker_context_rows(
                fitted_ranker_rows, fitted_first_ranks, fitted_picked, fitted_words
            )
        ],
        sizes,
    )
    in_sample = measure(seeds, fitted, thresholds, fitted_ranks)
    print(
        f"thresholds {thresholds.page} (pages), {thresholds.block} (article blocks)"
        " (rules only: chrome labels, video blocks, classifier, ranker)"
    )
    for level in LEVELS:
        print(figures(f"{level} cross-validated, one ranker", first_held_out[level]))
        print(figures(f"{level} cross-validated", held_out[level]))
        print(figures(f"{level} in-sample", in_sample[level]))

    document = {
        "threshold": thresholds.page,
        "block_threshold": thresholds.block,
        "trained_on": f"web-dev article/ and page/: {len(seeds)} seeds, {lines} lines",
        "line": export(line_model, BODY_LINE_FEATURES),
        "context": export(context_model, BODY_CONTEXT_FEATURES),
        "shaped": export(shaped_model, SHAPED_CONTEXT_FEATURES),
        "headline_line": export(plain_line_model, LINE_FEATURES),
        "headline_context": export(plain_context_model, LINE_FEATURES + CONTEXT_FEATURES),
    }
    out = arguments.out
    out.mkdir(parents=True, exist_ok=True)
    write(out / "line_model.json", document)
    write(
        out / WORDS_FILE,
        {
            "trained_on": document["trained_on"],
            "odds": {token: round(value, 4) for token, value in sorted(odds.items())},
        },
    )
    write(
        out / "headline_model.json",
        {
            "line": export(ranker, HEADLINE_FEATURES),
            "context": export(ranker_context, RERANKED_FEATURES),
        },
    )
    write(
        out / HEADLINE_WORDS_FILE,
        {
            "trained_on": f"web-dev: the first ranker's {RERANKED} best lines, {len(seeds)} seeds",
            "intercept": table.intercept,
            "weights": dict(table.weights),
        },
    )
    print(
        f"wrote line_model.json, {WORDS_FILE}, headline_model.json and {HEADLINE_WORDS_FILE}"
        f" ({time.perf_counter() - started:.0f} s)"
    )


def write(path: Path, document: dict) -> None:
    path.write_text(json.dumps(document, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")


if __name__ == "__main__":
    main()
