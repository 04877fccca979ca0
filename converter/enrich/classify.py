"""Topic classification against the curated IPTC Media Topics vocabulary (topics.py).

Two kinds of evidence, both kept as data. Cue words, counted, weighted and rolled up the topic
tree, cover every subject and stay tunable by a curator. A small word model trained on labelled
stories (data/topic_model.json) knows only a few subjects, and votes for one only when it is
confident: it settles that a story about NHS targets told through ministers and MPs is politics,
while a war, a flood or a trial, which it was never taught, stays with the cues. No I/O here.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections import Counter
from collections.abc import Mapping, Sequence

from converter.enrich.topics import SubjectModel, Vocabulary, tokenize
from converter.model import Topic

HEADLINE_WEIGHT = 3.0
"""A cue in the headline counts this many times: the headline states what the story is about."""


RELATIVE_THRESHOLD = 0.25
"""Topics scoring under this share of the best subject's cue evidence are dropped as incidental."""


MIN_LENGTH = 50
"""Texts shorter than this many (weighted) tokens are scored as if this long, so one cue word in
a two-line text does not look like overwhelming evidence."""


SCORE_DECIMALS = 3
"""Scores are rounded so the written front matter is byte-stable across machines."""


def cue_counts(tokens: Sequence[str], vocabulary: Vocabulary) -> Counter[str]:
    """How often each cue occurs in a token stream, longest phrase first, without overlaps."""
    counts: Counter[str] = Counter()
    cue_hits, phrase_lengths = vocabulary.cue_hits, vocabulary.phrase_lengths
    position, end = 0, len(tokens)
    while position < end:
        step = 1
        for length in phrase_lengths.get(tokens[position], ()):
            if position + length > end:
                continue
            key = (
                tokens[position] if length == 1 else " ".join(tokens[position : position + length])
            )
            if key in cue_hits:
                counts[key] += 1
                step = length
                break
        position += step
    return counts


def cue_scores(
    title_tokens: Sequence[str], body_tokens: Sequence[str], vocabulary: Vocabulary
) -> dict[int, float]:
    """Each entry's cue evidence per 100 words, its narrower topics' evidence included.

    A cue repeated in the body counts 1 + ln(n) times, so a story is judged by the breadth of a
    subject's vocabulary, not by one word said five times; a headline cue counts HEADLINE_WEIGHT.
    """
    title_counts = cue_counts(title_tokens, vocabulary)
    body_counts = cue_counts(body_tokens, vocabulary)
    rolled_up: dict[int, float] = {}
    for key in sorted(title_counts.keys() | body_counts.keys()):  # a fixed order of float sums
        in_body = body_counts[key]
        in_title = HEADLINE_WEIGHT * title_counts[key]
        strength = in_title + (1.0 + math.log(in_body) if in_body else 0.0)
        for index, weight in vocabulary.cue_hits[key]:
            for member in vocabulary.lineage[index]:
                rolled_up[member] = rolled_up.get(member, 0.0) + weight * strength
    length = max(len(body_tokens) + HEADLINE_WEIGHT * len(title_tokens), MIN_LENGTH)
    return {index: 100.0 * score / length for index, score in rolled_up.items()}


def word_features(tokens: Sequence[str], model: SubjectModel | None = None) -> Counter[str]:
    """The words of one token run and its adjacent word pairs, counted: what the word model
    reads. Given the model, only the features it knows (the same counts, found faster)."""
    pairs = itertools.pairwise(tokens)
    if model is None:
        return Counter(itertools.chain(tokens, map(" ".join, pairs)))
    known = model.weights[0]
    features = Counter(filter(known.__contains__, tokens))
    starts = model.pair_starts
    features.update(
        filter(
            known.__contains__, [f"{first} {second}" for first, second in pairs if first in starts]
        )
    )
    return features


def subject_logits(features: Mapping[str, int], model: SubjectModel) -> list[float]:
    """The model's score per class: bias plus each known feature's weight times ln(1 + count)."""
    known = [feature for feature in features if feature in model.weights[0]]
    strengths = [math.log1p(features[feature]) for feature in known]
    return [
        bias + sum(map(operator.mul, strengths, map(column.__getitem__, known)))
        for bias, column in zip(model.bias, model.weights, strict=True)
    ]


def subject_votes(
    title_tokens: Sequence[str], body_tokens: Sequence[str], model: SubjectModel
) -> dict[int, float]:
    """The model's vote per subject: 0 up to its threshold probability, rising linearly to
    `model.weight` at certainty. Subjects it abstains on are left out."""
    features = word_features(title_tokens, model)
    features.update(word_features(body_tokens, model))
    logits = subject_logits(features, model)
    top = max(logits)
    exponentials = [math.exp(logit - top) for logit in logits]
    total = sum(exponentials)
    votes = {}
    for index, exponential in zip(model.subjects, exponentials, strict=True):
        probability = exponential / total
        if probability > model.threshold:
            votes[index] = model.weight * (probability - model.threshold) / (1 - model.threshold)
    return votes


def _evidence(title: str, body: str, vocabulary: Vocabulary) -> tuple[dict[int, float], float]:
    """Every entry's score, the model's votes included, and the best subject's cue evidence."""
    title_tokens, body_tokens = tokenize(title), tokenize(body)
    scores = cue_scores(title_tokens, body_tokens, vocabulary)
    entries = vocabulary.entries
    strongest = max(
        (score for index, score in scores.items() if entries[index].parent_code is None),
        default=0.0,
    )
    model = vocabulary.model
    if not strongest or model is None:
        return scores, strongest
    known = sum(scores.get(index, 0.0) for index in model.subjects)
    if known:
        for index, vote in subject_votes(title_tokens, body_tokens, model).items():
            scores[index] = scores.get(index, 0.0) + vote * known
    return scores, strongest


def topic_scores(title: str, body: str, vocabulary: Vocabulary) -> dict[int, float]:
    """Each entry's score: its cue evidence per 100 words (its narrower topics' included), plus,
    for a subject the model votes for, that vote times the cue evidence of the model's subjects
    together. A story whose cues point elsewhere (a war, a trial) leaves the model little to
    amplify, however sure it is."""
    return _evidence(title, body, vocabulary)[0]


def classify(title: str, body: str, vocabulary: Vocabulary, limit: int = 5) -> tuple[Topic, ...]:
    """Up to `limit` topics, the main subject first; () when no cue of any topic occurs.

    The main subject is the best-scoring top-level subject. The others, best first, are the
    topics scoring at least RELATIVE_THRESHOLD of the best subject's cue evidence, except a
    broader topic whose narrower topic is listed (the narrower one implies it). Ties go to the
    lower code.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    scores, strongest = _evidence(title, body, vocabulary)
    entries = vocabulary.entries

    def rank(index: int) -> tuple[float, str, str]:
        return (-scores[index], entries[index].code, entries[index].name)

    if not strongest:
        return ()
    main = min((index for index in scores if entries[index].parent_code is None), key=rank)
    floor = RELATIVE_THRESHOLD * strongest
    candidates = [index for index in scores if index != main and scores[index] >= floor]
    implied = {ancestor for index in candidates for ancestor in vocabulary.lineage[index][1:]}
    others = sorted((index for index in candidates if index not in implied), key=rank)
    return tuple(
        Topic(entries[index].code, entries[index].name, round(scores[index], SCORE_DECIMALS))
        for index in [main, *others][:limit]
    )
