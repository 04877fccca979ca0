"""Train the word model of the topic classifier and write converter/data/topic_model.json.

Run: .venv/bin/python benchmarks/train_topics.py
Multinomial naive Bayes over words and adjacent word pairs (each counted ln(1 + n) per story),
fitted on the odd-numbered BBC files only: the even files stay unseen, the benchmark's test half.
Every setting is chosen by 5-fold cross-validation over the odd files, each fold's features and
weights fitted on the other four: how many features to keep (by chi-square), the temperature that
calibrates the probabilities, and the threshold and weight of the model's vote, judged by the
top-1 accuracy of classify() itself. Of the settings within one standard error of the best, the
most conservative wins (fewest features, highest threshold, lightest vote), so the model overrules
the cue words as rarely as the measurement allows. Same corpus in, same file out.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from topics import CORPUS, LABEL_SUBJECTS, read_corpus

from converter.enrich.classify import classify, subject_logits, word_features
from converter.enrich.topics import (
    SubjectModel,
    Vocabulary,
    parse_model,
    parse_vocabulary,
    tokenize,
)

MODEL_FILE = Path(__file__).resolve().parents[1] / "converter" / "data" / "topic_model.json"
LABELS = tuple(LABEL_SUBJECTS)
FOLDS = 5
SMOOTHING = 0.5
"""Added to every feature's count in every class (Lidstone), so no word is impossible anywhere."""
MIN_STORIES = 2
"""A feature must occur in at least this many training stories to be considered."""
FEATURE_COUNTS = (1000, 2000, 4000)
THRESHOLDS = (0.9, 0.8, 0.7, 0.6, 0.5)
VOTE_WEIGHTS = (1.0, 2.0, 4.0, 8.0)
DECIMALS = 4


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled story as the trainer sees it."""

    label: int
    fold: int
    title: str
    body: str
    features: Counter[str]


@dataclass(frozen=True, slots=True)
class Setting:
    """One candidate configuration and its cross-validated accuracy."""

    features: int
    threshold: float
    weight: float
    accuracy: float


def cue_vocabulary() -> Vocabulary:
    """The packaged vocabulary without its model, the file this script writes."""
    text = resources.files("converter.data").joinpath("topics.yaml").read_text("utf-8")
    return parse_vocabulary(yaml.safe_load(text))


def examples() -> list[Example]:
    """The odd-numbered stories, each label's spread over the folds in file order."""
    chosen = [story for story in read_corpus(CORPUS) if story.number % 2 == 1]
    seen: Counter[str] = Counter()
    result = []
    for story in chosen:
        features = word_features(tokenize(story.title))
        features.update(word_features(tokenize(story.body)))
        fold = seen[story.label] % FOLDS
        seen[story.label] += 1
        result.append(Example(LABELS.index(story.label), fold, story.title, story.body, features))
    return result


def chi_square_ranking(training: Sequence[Example], limit: int) -> list[str]:
    """The `limit` features whose presence best separates some class from the rest."""
    present = Counter()
    by_class = [Counter() for _ in LABELS]
    for example in training:
        present.update(example.features.keys())
        by_class[example.label].update(example.features.keys())
    total = len(training)
    sizes = Counter(example.label for example in training)
    scored = []
    for feature, stories in present.items():
        if stories < MIN_STORIES:
            continue
        best = 0.0
        for label in range(len(LABELS)):
            a = by_class[label][feature]
            b, c = stories - a, sizes[label] - a
            d = total - sizes[label] - b
            denominator = (a + c) * (b + d) * (a + b) * (c + d)
            if denominator:
                best = max(best, total * (a * d - b * c) ** 2 / denominator)
        scored.append((-best, feature))
    return [feature for _, feature in sorted(scored)[:limit]]


def fit(training: Sequence[Example], features: Sequence[str]) -> tuple[list[float], dict]:
    """Class log-priors and per-feature log-likelihoods, centred across classes."""
    wanted = set(features)
    mass = [Counter() for _ in LABELS]
    for example in training:
        for feature, count in example.features.items():
            if feature in wanted:
                mass[example.label][feature] += math.log1p(count)
    sizes = Counter(example.label for example in training)
    bias = [math.log(sizes[label] / len(training)) for label in range(len(LABELS))]
    totals = [sum(mass[label].values()) + SMOOTHING * len(features) for label in range(len(LABELS))]
    weights = {}
    for feature in sorted(features):
        logs = [
            math.log((mass[label][feature] + SMOOTHING) / totals[label])
            for label in range(len(LABELS))
        ]
        centre = sum(logs) / len(logs)
        weights[feature] = [value - centre for value in logs]
    return bias, weights


def document(
    vocabulary: Vocabulary,
    bias: Sequence[float],
    weights: dict,
    temperature: float,
    threshold: float,
    weight: float,
) -> dict:
    """The model file's content: weights divided by the temperature, rounded."""
    codes = {entry.name: entry.code for entry in vocabulary.subjects}
    return {
        "subjects": [codes[LABEL_SUBJECTS[label]] for label in LABELS],
        "threshold": threshold,
        "weight": weight,
        "bias": [round(value / temperature, DECIMALS) for value in bias],
        "weights": {
            feature: [round(value / temperature, DECIMALS) for value in values]
            for feature, values in weights.items()
        },
    }


def calibrate(logits: Sequence[Sequence[float]], labels: Sequence[int]) -> float:
    """The temperature that minimises the log loss of out-of-fold logits (golden section)."""

    def loss(log_temperature: float) -> float:
        temperature = math.exp(log_temperature)
        total = 0.0
        for row, label in zip(logits, labels, strict=True):
            scaled = [value / temperature for value in row]
            top = max(scaled)
            total += top + math.log(sum(math.exp(value - top) for value in scaled)) - scaled[label]
        return total / len(labels)

    low, high = math.log(0.1), math.log(100.0)
    ratio = (math.sqrt(5) - 1) / 2
    for _ in range(60):
        left, right = high - ratio * (high - low), low + ratio * (high - low)
        if loss(left) < loss(right):
            high = right
        else:
            low = left
    return math.exp((low + high) / 2)


def accuracy(
    data: Sequence[Example], models: Sequence[SubjectModel | None], vocabulary: Vocabulary
) -> float:
    """Top-1 accuracy of classify() when each story is judged by the model of its own fold
    (no model: the cue words alone)."""
    right = 0
    for example in data:
        judged = dataclasses.replace(vocabulary, model=models[example.fold])
        topics = classify(example.title, example.body, judged)
        gold = LABEL_SUBJECTS[LABELS[example.label]]
        right += bool(topics) and judged.subject_of(topics[0]).name == gold
    return right / len(data)


def write(model: dict, about: dict) -> None:
    """One feature per line, sorted, so a retrained model diffs readably."""
    head = {**about, **{key: model[key] for key in ("subjects", "threshold", "weight", "bias")}}
    lines = json.dumps(head, indent=2, ensure_ascii=False).splitlines()[:-1]
    lines[-1] += ","
    lines.append('  "weights": {')
    items = sorted(model["weights"].items())
    for number, (feature, values) in enumerate(items, start=1):
        comma = "," if number < len(items) else ""
        lines.append(f"    {json.dumps(feature, ensure_ascii=False)}: {json.dumps(values)}{comma}")
    lines += ["  }", "}"]
    MODEL_FILE.write_text("\n".join(lines) + "\n", "utf-8")


def main() -> None:
    vocabulary = cue_vocabulary()
    data = examples()
    labels = [example.label for example in data]
    print(
        f"training on {len(data)} odd-numbered stories: "
        + ", ".join(f"{label} {labels.count(number)}" for number, label in enumerate(LABELS))
    )
    rankings = [
        chi_square_ranking([e for e in data if e.fold != fold], max(FEATURE_COUNTS))
        for fold in range(FOLDS)
    ]
    settings: list[Setting] = []
    temperatures: dict[int, float] = {}
    for count in FEATURE_COUNTS:
        fitted = [
            fit([e for e in data if e.fold != fold], rankings[fold][:count])
            for fold in range(FOLDS)
        ]
        unscaled = [
            parse_model(document(vocabulary, *f, 1.0, 0.0, 0.0), vocabulary) for f in fitted
        ]
        logits = [subject_logits(e.features, unscaled[e.fold]) for e in data]
        temperatures[count] = calibrate(logits, labels)
        alone = sum(
            max(range(len(LABELS)), key=row.__getitem__) == label
            for row, label in zip(logits, labels, strict=True)
        )
        print(
            f"{count} features: model alone {alone / len(data):.3f}, "
            f"temperature {temperatures[count]:.2f}"
        )
        for threshold in THRESHOLDS:
            for weight in VOTE_WEIGHTS:
                models = [
                    parse_model(
                        document(vocabulary, *f, temperatures[count], threshold, weight),
                        vocabulary,
                    )
                    for f in fitted
                ]
                settings.append(
                    Setting(count, threshold, weight, accuracy(data, models, vocabulary))
                )
    baseline = accuracy(data, [None] * FOLDS, vocabulary)
    best = max(setting.accuracy for setting in settings)
    error = math.sqrt(best * (1 - best) / len(data))
    chosen = next(setting for setting in settings if setting.accuracy >= best - error)
    print(f"cue words alone {baseline:.3f}; best hybrid {best:.3f} (standard error {error:.3f})")
    for setting in settings:
        mark = "  <- chosen" if setting is chosen else ""
        print(
            f"  {setting.features:5d} features, threshold {setting.threshold}, "
            f"weight {setting.weight}: {setting.accuracy:.3f}{mark}"
        )
    features = chi_square_ranking(data, chosen.features)
    model = document(
        vocabulary,
        *fit(data, features),
        temperatures[chosen.features],
        chosen.threshold,
        chosen.weight,
    )
    about = {
        "about": "Word model of converter/enrich/topics.py, written by benchmarks/train_topics.py "
        "(multinomial naive Bayes over words and word pairs; weights divided by the temperature).",
        "trained_on": f"bbc-dev odd-numbered files, {len(data)} stories; even files unseen",
        "cross_validation": {
            "folds": FOLDS,
            "top1_accuracy": round(chosen.accuracy, 3),
            "cue_words_alone": round(baseline, 3),
            "features": chosen.features,
            "temperature": round(temperatures[chosen.features], 3),
        },
    }
    write(model, about)
    print(f"wrote {MODEL_FILE} ({MODEL_FILE.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
