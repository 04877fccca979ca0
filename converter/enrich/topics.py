"""Topic classification against the curated IPTC Media Topics vocabulary (data/topics.yaml).

Cue words are counted, weighted and rolled up the topic tree: transparent, fast and tunable by a
curator editing data, not code. The only I/O is `load_vocabulary`, which reads the file once.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from converter.model import Topic

TITLE_WEIGHT = 3.0
"""A cue in the headline counts this many times: the headline states what the story is about."""

RELATIVE_THRESHOLD = 0.25
"""Topics scoring under this share of the main subject's score are dropped as incidental."""

MIN_LENGTH = 50
"""Texts shorter than this many (weighted) tokens are scored as if this long, so one cue word in
a two-line text does not look like overwhelming evidence."""

SCORE_DECIMALS = 3
"""Scores are rounded so the written front matter is byte-stable across machines."""

_WORD = re.compile(r"[£$€¥]\d[\d.,]*[a-z]*|([a-z0-9]+)")
"""Words are runs of letters and digits; a money amount ("£100m") is skipped whole, so it cannot
pass for a word ("100m" is a sprint)."""

_KEEP_PLURAL = frozenset(
    {"news", "arms", "aids", "commons", "lords", "means", "series", "species", "politics"}
)
"""Words whose final "s" is not a plural (or whose singular is a different word)."""


class VocabularyError(ValueError):
    """The vocabulary file is malformed: the message names the topic and what is wrong."""


@dataclass(frozen=True, slots=True)
class Cue:
    """A word or phrase that signals a topic, with how strongly it does."""

    term: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class TopicEntry:
    """One topic of the vocabulary; `parent_code` is None for the 17 top-level subjects."""

    code: str
    name: str
    parent_code: str | None
    cues: tuple[Cue, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The topic tree plus the cue index built from it once, so classifying is a dict lookup."""

    entries: tuple[TopicEntry, ...]
    lineage: tuple[tuple[int, ...], ...]
    """For each entry: its own index followed by its ancestors' up to its subject."""
    cue_hits: Mapping[str, tuple[tuple[int, float], ...]]
    """Normalised cue phrase -> (entry index, weight) for every topic it signals; () = ignored."""
    phrase_lengths: Mapping[str, tuple[int, ...]]
    """First word of a cue -> lengths of the cues starting with it, longest first."""

    @property
    def subjects(self) -> tuple[TopicEntry, ...]:
        """The top-level subjects, in file order."""
        return tuple(entry for entry in self.entries if entry.parent_code is None)

    def subject_of(self, topic: Topic) -> TopicEntry:
        """The top-level subject a classified topic belongs to."""
        index = next(i for i, entry in enumerate(self.entries) if entry.name == topic.name)
        return self.entries[self.lineage[index][-1]]


def tokenize(text: str) -> list[str]:
    """Lower-case words with accents, punctuation and a regular plural "s" removed."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in text if not unicodedata.combining(char))
    return [_singular(word) for word in _WORD.findall(text) if word]


def _singular(word: str) -> str:
    if len(word) <= 3 or word in _KEEP_PLURAL:
        return word
    if word[-1] == "s":
        if word.endswith(("sses", "shes", "ches", "xes")):
            return word[:-2]
        if word.endswith(("ss", "us", "is")):
            return word
        word = word[:-1]
    # "movie"/"movies" and "company"/"companies" meet at "movy" and "company".
    return word[:-2] + "y" if word.endswith("ie") and len(word) > 3 else word


def build_vocabulary(entries: Sequence[TopicEntry], ignored: Sequence[str] = ()) -> Vocabulary:
    """Check the topic tree and index its cues; raises VocabularyError on inconsistent data."""
    by_code: dict[str, int] = {}
    names: set[str] = set()
    for index, entry in enumerate(entries):
        if entry.name in names:
            raise VocabularyError(f"topics: duplicate name {entry.name!r}")
        names.add(entry.name)
        if entry.code == entry.parent_code:
            continue  # an unverified code, borrowed from the parent, names the parent
        if entry.code in by_code:
            raise VocabularyError(
                f"topics: {entry.name!r} repeats the code {entry.code} of "
                f"{entries[by_code[entry.code]].name!r} (only a topic whose code is unverified "
                "may borrow its parent's code)"
            )
        by_code[entry.code] = index
    for entry in entries:
        if entry.parent_code is not None and entry.parent_code not in by_code:
            raise VocabularyError(
                f"topics: {entry.name!r} has unknown parent {entry.parent_code!r}"
            )
    lineage = tuple(_lineage(index, entries, by_code) for index in range(len(entries)))
    cue_hits: dict[str, dict[int, float]] = {}
    for index, entry in enumerate(entries):
        for cue in entry.cues:
            key = " ".join(tokenize(cue.term))
            if not key:
                raise VocabularyError(f"topics: {entry.name!r} has an empty cue {cue.term!r}")
            hits = cue_hits.setdefault(key, {})
            hits[index] = max(hits.get(index, 0.0), cue.weight)
    for key, hits in cue_hits.items():
        for index in hits:
            for ancestor in lineage[index][1:]:
                if ancestor in hits:
                    raise VocabularyError(
                        f"topics: cue {key!r} of {entries[index].name!r} is already a cue of "
                        f"its broader topic {entries[ancestor].name!r}"
                    )
    for term in ignored:
        key = " ".join(tokenize(term))
        if key in cue_hits and cue_hits[key]:
            raise VocabularyError(f"ignore: {term!r} is also a topic cue")
        cue_hits[key] = {}
    lengths: dict[str, set[int]] = {}
    for key in cue_hits:
        words = key.split(" ")
        lengths.setdefault(words[0], set()).add(len(words))
    return Vocabulary(
        entries=tuple(entries),
        lineage=lineage,
        cue_hits={key: tuple(sorted(hits.items())) for key, hits in cue_hits.items()},
        phrase_lengths={
            word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()
        },
    )


def _lineage(
    index: int, entries: Sequence[TopicEntry], by_code: Mapping[str, int]
) -> tuple[int, ...]:
    chain = [index]
    parent = entries[index].parent_code
    while parent is not None:
        ancestor = by_code[parent]  # verified codes only, so a borrowed code finds the parent
        if ancestor in chain:
            raise VocabularyError(f"topics: {entries[index].name!r} is its own ancestor")
        chain.append(ancestor)
        parent = entries[ancestor].parent_code
    return tuple(chain)


def parse_vocabulary(document: Mapping) -> Vocabulary:
    """The YAML document (`topics:` and optional `ignore:`) -> a checked, indexed Vocabulary."""
    entries = []
    for raw in document.get("topics") or ():
        try:
            code, name = str(raw["code"]), str(raw["name"])
        except (KeyError, TypeError) as missing:
            raise VocabularyError(f"topics: an entry lacks code or name: {raw!r}") from missing
        cues = tuple(_parse_cue(name, cue) for cue in raw.get("cues") or ())
        parent = raw.get("parent")
        entries.append(TopicEntry(code, name, None if parent is None else str(parent), cues))
    if not entries:
        raise VocabularyError("topics: the vocabulary is empty")
    return build_vocabulary(entries, tuple(str(term) for term in document.get("ignore") or ()))


def _parse_cue(name: str, raw: object) -> Cue:
    if isinstance(raw, str):
        return Cue(raw)
    if isinstance(raw, Mapping) and "term" in raw:
        weight = raw.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
            raise VocabularyError(
                f"topics: {name!r} cue {raw['term']!r} has a bad weight {weight!r}"
            )
        return Cue(str(raw["term"]), float(weight))
    raise VocabularyError(f"topics: {name!r} has a malformed cue {raw!r}")


@functools.cache
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Read and index the curator's file once per process (the packaged one unless `path`)."""
    if path is None:
        text = resources.files("converter.data").joinpath("topics.yaml").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    return parse_vocabulary(yaml.safe_load(text) or {})


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


def topic_scores(title: str, body: str, vocabulary: Vocabulary) -> dict[int, float]:
    """Each entry's evidence per 100 words, its narrower topics' evidence included.

    A cue repeated in the body counts 1 + ln(n) times, so a story is judged by the breadth of a
    subject's vocabulary, not by one word said five times; a headline cue counts TITLE_WEIGHT.
    """
    title_tokens, body_tokens = tokenize(title), tokenize(body)
    title_counts = cue_counts(title_tokens, vocabulary)
    body_counts = cue_counts(body_tokens, vocabulary)
    rolled_up: dict[int, float] = {}
    for key in sorted(title_counts.keys() | body_counts.keys()):  # a fixed order of float sums
        in_body = body_counts[key]
        strength = TITLE_WEIGHT * title_counts[key] + (1.0 + math.log(in_body) if in_body else 0.0)
        for index, weight in vocabulary.cue_hits[key]:
            for member in vocabulary.lineage[index]:
                rolled_up[member] = rolled_up.get(member, 0.0) + weight * strength
    length = max(len(body_tokens) + TITLE_WEIGHT * len(title_tokens), MIN_LENGTH)
    return {index: 100.0 * score / length for index, score in rolled_up.items()}


def classify(title: str, body: str, vocabulary: Vocabulary, limit: int = 5) -> tuple[Topic, ...]:
    """Up to `limit` topics, the main subject first; () when no cue of any topic occurs.

    The main subject is the best-scoring top-level subject. The others, best first, are the
    topics scoring at least RELATIVE_THRESHOLD of it, except a broader topic whose narrower topic
    is listed (the narrower one implies it). Ties go to the lower code.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    scores = topic_scores(title, body, vocabulary)
    entries = vocabulary.entries

    def rank(index: int) -> tuple[float, str, str]:
        return (-scores[index], entries[index].code, entries[index].name)

    subjects = [index for index in scores if entries[index].parent_code is None]
    if not subjects:
        return ()
    main = min(subjects, key=rank)
    floor = RELATIVE_THRESHOLD * scores[main]
    candidates = [index for index in scores if index != main and scores[index] >= floor]
    implied = {ancestor for index in candidates for ancestor in vocabulary.lineage[index][1:]}
    others = sorted((index for index in candidates if index not in implied), key=rank)
    return tuple(
        Topic(entries[index].code, entries[index].name, round(scores[index], SCORE_DECIMALS))
        for index in [main, *others][:limit]
    )
