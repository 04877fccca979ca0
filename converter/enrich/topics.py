"""The curated IPTC Media Topics vocabulary (data/topics.yaml): the topic tree, each topic's cue
words and phrases indexed for lookup, and the word model the file names (data/topic_model.json,
trained by benchmarks/train_topics.py), all checked. classify.py scores articles against it.

The only I/O is `load_vocabulary`, which reads both files once per process; the site's topic tree
reads the same vocabulary.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from converter import fast_yaml
from converter.language import load_language
from converter.model import Topic

_WORD = re.compile(r"[£$€¥]\d[\d.,]*[a-z]*|([a-z0-9]+)")
"""Words are runs of letters and digits; a money amount ("£100m") is skipped whole, so it cannot
pass for a word ("100m" is a sprint)."""


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
class SubjectModel:
    """A linear model over words and word pairs for a few subjects (naive Bayes log-weights,
    divided by the temperature that calibrates its probabilities), plus when and how it votes."""

    subjects: tuple[int, ...]
    """The vocabulary entry of each class, in the model's class order."""
    weights: tuple[Mapping[str, float], ...]
    """Per class: a word, or two adjacent words joined by a space -> its weight. Same keys."""
    bias: tuple[float, ...]
    pair_starts: frozenset[str]
    """First words of the word-pair features: no other pair is ever built."""
    threshold: float
    """The model votes for a class only above this probability; below it, it abstains."""
    weight: float
    """The vote at probability 1, as a multiple of the cue evidence of the model's subjects."""


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
    model: SubjectModel | None = None
    """The word model named by the file's `model:` key; None classifies by cues alone."""

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


@functools.lru_cache(maxsize=1 << 16)
def _singular(word: str) -> str:
    if len(word) <= 3 or word in load_language().keep_plural:
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
        if entry.code in by_code:
            raise VocabularyError(
                f"topics: {entry.name!r} repeats the code {entry.code} of "
                f"{entries[by_code[entry.code]].name!r}"
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
        ancestor = by_code[parent]
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


def parse_model(document: Mapping, vocabulary: Vocabulary) -> SubjectModel:
    """The model file's JSON document -> a SubjectModel over the vocabulary's subjects."""
    by_code = {entry.code: index for index, entry in enumerate(vocabulary.entries)}
    try:
        subjects = tuple(by_code[str(code)] for code in document["subjects"])
        bias = tuple(float(value) for value in document["bias"])
        rows = {
            str(feature): tuple(float(value) for value in values)
            for feature, values in document["weights"].items()
        }
        threshold, weight = float(document["threshold"]), float(document["weight"])
    except KeyError as missing:
        raise VocabularyError(f"model: missing or unknown {missing}") from missing
    except (AttributeError, TypeError, ValueError) as malformed:
        raise VocabularyError(f"model: malformed ({malformed})") from malformed
    if any(vocabulary.entries[index].parent_code is not None for index in subjects):
        raise VocabularyError("model: its classes must be top-level subjects")
    if len(set(subjects)) != len(subjects) or len(bias) != len(subjects):
        raise VocabularyError("model: needs one bias per class and distinct classes")
    if any(len(values) != len(subjects) for values in rows.values()):
        raise VocabularyError("model: every feature needs one weight per class")
    if not 0.0 <= threshold < 1.0 or weight < 0.0:
        raise VocabularyError(f"model: bad threshold {threshold} or weight {weight}")
    return SubjectModel(
        subjects=subjects,
        weights=tuple(
            {feature: values[column] for feature, values in rows.items()}
            for column in range(len(subjects))
        ),
        bias=bias,
        pair_starts=frozenset(feature.split(" ")[0] for feature in rows if " " in feature),
        threshold=threshold,
        weight=weight,
    )


@functools.cache
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Read and index the curator's file once per process (the packaged one unless `path`), with
    the word model its `model:` key names, a file beside it."""
    if path is None:
        folder = resources.files("converter.data")
        text = folder.joinpath("topics.yaml").read_text("utf-8")
    else:
        folder = Path(path).parent
        text = Path(path).read_text("utf-8")
    document = fast_yaml.safe_load(text) or {}
    vocabulary = parse_vocabulary(document)
    model_file = document.get("model")
    if model_file is None:
        return vocabulary
    if not isinstance(model_file, str):
        raise VocabularyError(f"model: expected a file name, not {model_file!r}")
    model = parse_model(json.loads(folder.joinpath(model_file).read_text("utf-8")), vocabulary)
    return dataclasses.replace(vocabulary, model=model)
