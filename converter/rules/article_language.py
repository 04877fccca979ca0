"""The article's language: recorded on the page, and it picks the stopword list the body
classifier counts (so boilerplate removal does not depend on English alone)."""

from __future__ import annotations

import io
import lzma
from functools import cache
from itertools import islice

import justext
import numpy as np
from py3langid import langid, modelio

from converter.data import load_yaml
from converter.rules.state import SeedState

DEFAULT_LANGUAGE = "en"
"""The archive's own language: what a page too short to guess is taken to be, and the one a
page does not record (render.py)."""
SAMPLE_CHARS = 1_500
"""Enough text for a sure guess; a longer page only costs time."""
MIN_LETTERS = 20
"""Below this a guess is noise: a headline-only seed stays in the default language."""


def detect_language(state: SeedState) -> SeedState:
    """The markup's language when it declares one, else py3langid's guess from the lines."""
    declared = state.facts.language.split("-")[0].split("_")[0].casefold()
    if declared.isalpha() and 2 <= len(declared) <= 3:
        return state.with_lines(state.lines, language=declared)
    return state.with_lines(state.lines, language=guess_language(state.text_sample(SAMPLE_CHARS)))


def guess_language(text: str) -> str:
    if sum(1 for _ in islice(filter(str.isalpha, text), MIN_LETTERS)) < MIN_LETTERS:
        return DEFAULT_LANGUAGE
    return identifier().classify(text[:SAMPLE_CHARS])


SYNC_BYTES = 6
"""py3langid 0.4.0's byte automaton (its n-gram features) is in the same state after any six
bytes, whatever state it was in (tests/test_article_language.py proves it over every state),
so the state at each byte is read from the six bytes ending there, all bytes at once."""


class Identifier:
    """py3langid's classifier, computed faster to the same scores: the automaton's feature
    counts with numpy (SYNC_BYTES) rather than byte by byte, and each feature's row of weights
    widened to float32 once per process rather than once per text (the product is the same:
    the widening is exact, and numpy widens before it multiplies). The widened rows are kept
    in the order first met (English text meets a quarter of the 100,000: 14 MB)."""

    def __init__(self, model: langid.LanguageIdentifier) -> None:
        self.model = model
        self.next_state = np.frombuffer(model.tk_nextmove, dtype=np.uint32)  # a view, no copy
        self.row_start = np.asarray(model._rowbase, dtype=np.intp)
        self.output = np.asarray(model.tk_output, dtype=np.intp)
        self.slot = np.full(len(model.nb_ptc), -1, dtype=np.intp)
        """Each feature's row in `widened`, -1 until met."""
        self.widened = np.empty((1024, model.nb_ptc.shape[1]), dtype=np.float32)
        self.rows = 0

    def feature_counts(self, data: bytes) -> tuple[np.ndarray, np.ndarray]:
        """Features the automaton emits over `data` and how often, in order of first emission
        (the order py3langid sums them in)."""
        states = []
        state = 0
        for byte in data[: SYNC_BYTES - 1]:
            state = int(self.next_state[self.row_start[state] + byte])
            states.append(state)
        head = np.asarray(states, dtype=np.intp)
        if len(data) >= SYNC_BYTES:
            codes = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
            ends = len(data) - SYNC_BYTES + 1
            window = np.zeros(ends, dtype=np.intp)
            for offset in range(SYNC_BYTES):
                window = self.next_state[self.row_start[window] + codes[offset : offset + ends]]
            head = np.concatenate([head, window])
        emitted = self.output[head]
        emitted = emitted[emitted >= 0]
        features, first, counts = np.unique(emitted, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        return features[order], counts[order]

    def classify(self, text: str) -> str:
        """py3langid's `classify(text)[0]` (raw scores, every language)."""
        model = self.model
        features, counts = self.feature_counts(model._encode(text))
        if not len(features):
            scores = np.full(len(model.nb_classes), langid.RAW_FLOOR, dtype=np.float32)
        else:
            self.widen(features[self.slot[features] < 0])
            weighted = np.log1p(counts.astype(np.float32)) @ self.widened[self.slot[features]]
            scores = weighted + model.nb_pc
        for first, duplicate in model._alias_pairs:
            scores[first] = max(scores[first], scores[duplicate])
            scores[duplicate] = langid.RAW_FLOOR
        return str(model.nb_classes[int(scores.argmax())])

    def widen(self, fresh: np.ndarray) -> None:
        """Rows of weights for features not met before, widened and kept."""
        end = self.rows + len(fresh)
        if end > len(self.widened):
            grown = np.empty((max(end, 2 * len(self.widened)), self.widened.shape[1]), np.float32)
            grown[: self.rows] = self.widened[: self.rows]
            self.widened = grown
        self.widened[self.rows : end] = self.model.nb_ptc[fresh]
        self.slot[fresh] = np.arange(self.rows, end)
        self.rows = end


@cache
def identifier() -> Identifier:
    """py3langid unpacks its model (68 MB) through a temp file; where the disk has no room
    for it (a full /tmp, a file size limit) it is unpacked in memory instead, so a run that
    writes small pages does not stop before its first seed."""
    try:
        return Identifier(langid._get_identifier())
    except OSError:
        return Identifier(unpacked_in_memory())


def unpacked_in_memory() -> langid.LanguageIdentifier:
    """py3langid's own model, read as its `modelio.load_model` reads it, without a file."""
    with lzma.open(langid.MODEL_DIR / langid.MODEL_FILE) as packed:
        unpacked = io.BytesIO(packed.read())
    with np.load(unpacked, allow_pickle=False) as data:
        return langid.LanguageIdentifier(
            data["ptc"],
            data["pc"],
            data["classes"].tolist(),
            modelio._to_array(data["nextmove"]),
            data["out_feat"].tolist(),
            tk_row=modelio._to_array(data["nextmove_row"]),
        )


@cache
def stopwords(language: str) -> frozenset[str]:
    """jusText's stopword list for the language, casefolded; English where it has none."""
    lists = load_yaml("stoplists.yaml")["stoplists"]
    name = lists.get(language, lists[DEFAULT_LANGUAGE])
    return frozenset(word.casefold() for word in justext.get_stoplist(name))
