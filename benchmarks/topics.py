"""Topic classifier on the labelled BBC corpus: top-1 accuracy, confusion, articles per second.

Run: .venv/bin/python benchmarks/topics.py [--split all|dev|test] [--show-errors]
Odd-numbered files are the dev half (the word model is trained on them, and cues are tuned on
them), even-numbered files the test half (report only). A prediction counts as right when its first
topic belongs to the subject the BBC label maps to. Baselines in the same run: the cue words alone
(the vocabulary without its word model), always guessing the most common label, and, for speed,
tokenizing alone. Two diagnostics explain the misses: the accuracy when the classifier must choose
among the five BBC subjects only (the corpus's own question), and how often the gold subject is
among the topics returned at all. Last, a check that the word model, which knows only those five
subjects, leaves other news alone: on the Reuters stories of conll-dev (wars, courts, markets,
sport), how many main subjects it changes from the cue words' choice, each listed.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script
from benchmarks.corpora import CORPORA  # noqa: E402
from benchmarks.timing import best_time  # noqa: E402
from converter.decode import decode
from converter.enrich.article import body_text
from converter.enrich.classify import classify, topic_scores
from converter.enrich.topics import Vocabulary, load_vocabulary, tokenize
from converter.read import read_seed
from converter.rules import parse_seed

CORPUS = CORPORA / "bbc-dev"
WIRE = CORPORA / "conll-dev" / "seeds"

LABEL_SUBJECTS = {
    "business": "economy, business and finance",
    "entertainment": "arts, culture, entertainment and media",
    "politics": "politics",
    "sport": "sport",
    "tech": "science and technology",
}
OTHER, NONE = "other", "(none)"
DEV = "dev (odd files; the word model's training set, so its honest figure is the trainer's CV)"


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the classifier said about one story, seen through the BBC labels."""

    first: str
    """The BBC label of the first topic's subject ('other' / '(none)' otherwise)."""
    five_way: str
    """The BBC label whose subject scores best, ignoring the twelve other subjects."""
    listed: frozenset[str]
    """The BBC labels of every returned topic's subject."""


@dataclass(frozen=True, slots=True)
class Story:
    """One labelled BBC article (or an unlabelled wire story, label '')."""

    label: str
    number: int
    title: str
    body: str


def read_corpus(root: Path) -> list[Story]:
    """Every article under root/<label>/NNN.txt: headline on the first line, body after it."""
    stories = []
    for label in LABEL_SUBJECTS:
        for path in sorted((root / label).glob("*.txt")):
            text = decode(path.read_bytes())  # the converter's own: sport/199.txt is Latin-1
            title, _, body = text.strip().partition("\n")
            stories.append(Story(label, int(path.stem), title.strip(), body.strip()))
    return stories


def read_wire(root: Path) -> list[Story]:
    """Raw seeds through the converter's own rules, so page chrome is stripped as in production."""
    stories = []
    for number, path in enumerate(sorted(root.glob("*.txt"))):
        parsed = parse_seed(read_seed(path.stem, path.read_bytes()))
        body = body_text(parsed)
        stories.append(Story("", number, parsed.title, body))
    return stories


def predict(story: Story, vocabulary: Vocabulary) -> Prediction:
    """Classify one story and map its topics back onto the BBC labels."""
    labels = {name: label for label, name in LABEL_SUBJECTS.items()}
    topics = classify(story.title, story.body, vocabulary)
    subjects = [vocabulary.subject_of(topic).name for topic in topics]
    scores = topic_scores(story.title, story.body, vocabulary)
    by_name = {vocabulary.entries[index].name: score for index, score in scores.items()}
    five_way = max(
        LABEL_SUBJECTS, key=lambda label: (by_name.get(LABEL_SUBJECTS[label], 0.0), label)
    )
    return Prediction(
        first=labels.get(subjects[0], OTHER) if subjects else NONE,
        five_way=five_way if by_name.get(LABEL_SUBJECTS[five_way]) else NONE,
        listed=frozenset(labels[name] for name in subjects if name in labels),
    )


def hits(stories: list[Story], results: list[Prediction]) -> int:
    """How many first topics match the label."""
    return sum(story.label == result.first for story, result in zip(stories, results, strict=True))


def report(
    name: str, stories: list[Story], results: list[Prediction], baseline: list[Prediction]
) -> None:
    """Accuracy against the baselines, the confusion table and per-label accuracy."""
    predictions = [result.first for result in results]
    right, cues = hits(stories, results), hits(stories, baseline)
    five_way = sum(
        story.label == result.five_way for story, result in zip(stories, results, strict=True)
    )
    listed = sum(
        story.label in result.listed for story, result in zip(stories, results, strict=True)
    )
    majority = Counter(story.label for story in stories).most_common(1)[0][1]
    total = len(stories)
    print(f"\n== {name}: {total} articles")
    print(f"top-1 accuracy      {right / total:.3f}  ({right}/{total})")
    errors = (total - right) / max(total - cues, 1)
    print(f"cue words alone     {cues / total:.3f}  ({cues}/{total}); errors left {errors:.2f}x")
    print(f"majority baseline   {majority / total:.3f}  ratio {right / majority:.2f}x")
    print(f"5-way accuracy      {five_way / total:.3f}  (best of the five BBC subjects only)")
    print(f"gold among topics   {listed / total:.3f}  (gold subject anywhere in the 1-5 topics)")
    columns = [*LABEL_SUBJECTS, OTHER, NONE]
    print("\n" + "gold \\ predicted".ljust(16) + "".join(column.rjust(14) for column in columns))
    for label in LABEL_SUBJECTS:
        counts = Counter(
            guess for story, guess in zip(stories, predictions, strict=True) if story.label == label
        )
        print(label.ljust(16) + "".join(str(counts[column]).rjust(14) for column in columns))
    print("\nper-label accuracy     hybrid   cue words alone")
    for label in LABEL_SUBJECTS:
        chosen = [i for i, story in enumerate(stories) if story.label == label]
        mine = sum(results[i].first == label for i in chosen)
        theirs = sum(baseline[i].first == label for i in chosen)
        share, before = mine / len(chosen), theirs / len(chosen)
        print(f"  {label:<14} {share:13.3f}  {before:9.3f}  (of {len(chosen)})")


def wire_check(vocabulary: Vocabulary, cues_only: Vocabulary) -> None:
    """How often the word model changes the main subject of news unlike what it was taught."""
    stories = read_wire(WIRE)
    changed = []
    for story in stories:
        before, after = (
            topics[0].name if topics else NONE
            for topics in (
                classify(story.title, story.body, cues_only),
                classify(story.title, story.body, vocabulary),
            )
        )
        if before != after:
            changed.append((story, before, after))
    print(
        f"\nwire check: {len(changed)} of {len(stories)} Reuters stories get another main subject"
    )
    for story, before, after in changed:
        print(f"  {story.title!r}: {before} -> {after}")


def speed(stories: list[Story], vocabulary: Vocabulary, cues_only: Vocabulary, rounds: int = 3):
    """Articles per second for classify, against the cue words alone and tokenizing alone."""

    def best_of(work: Callable[[], object]) -> float:
        return len(stories) / best_time(work, rounds)[0]

    classified = best_of(
        lambda: [classify(story.title, story.body, vocabulary) for story in stories]
    )
    cues = best_of(lambda: [classify(story.title, story.body, cues_only) for story in stories])
    tokenized = best_of(
        lambda: [(tokenize(story.title), tokenize(story.body)) for story in stories]
    )
    print(f"\nspeed: {classified:,.0f} articles/s classified")
    print(f"       {cues:,.0f} articles/s by cue words alone, {cues / classified:.2f}x faster")
    print(f"       {tokenized:,.0f} articles/s tokenized only (baseline)")
    print(f"       classifying costs {tokenized / classified:.2f}x tokenizing")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("all", "dev", "test"), default="all")
    parser.add_argument("--show-errors", action="store_true", help="list misclassified articles")
    args = parser.parse_args()

    vocabulary = load_vocabulary()
    cues_only = dataclasses.replace(vocabulary, model=None)
    stories = read_corpus(CORPUS)
    if args.split != "all":
        parity = 1 if args.split == "dev" else 0
        stories = [story for story in stories if story.number % 2 == parity]
    results = [predict(story, vocabulary) for story in stories]
    baseline = [predict(story, cues_only) for story in stories]

    report(args.split, stories, results, baseline)
    if args.split == "all":
        for name, parity in ((DEV, 1), ("test (even files)", 0)):
            chosen = [i for i, story in enumerate(stories) if story.number % 2 == parity]
            report(
                name,
                [stories[i] for i in chosen],
                [results[i] for i in chosen],
                [baseline[i] for i in chosen],
            )
    if args.show_errors:
        print("\nmisclassified")
        for story, result in zip(stories, results, strict=True):
            guess = result.first
            if story.label != guess:
                topics = classify(story.title, story.body, vocabulary)
                names = ", ".join(f"{topic.name} {topic.score}" for topic in topics)
                print(f"  {story.label}/{story.number:03d} -> {guess}: {story.title!r} [{names}]")
    wire_check(vocabulary, cues_only)
    speed(stories, vocabulary, cues_only)


if __name__ == "__main__":
    main()
