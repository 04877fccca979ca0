"""How a line's words read as a headline's: a headline drops its articles and speaks in the
present ('Mayor opens bridge'), a deck is a sentence ('The mayor said on Monday ...'), a kicker
or a section name is a bare label. A linear score over the line's folded words, its first and
last word, its punctuation marks, its length and its capitals, learned by
benchmarks/train_lines.py on the first headline ranker's best lines (data/headline_words.json)
and read by the second ranker."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from converter.data import load_model, model_loader

HEADLINE_WORDS_FILE = "headline_words.json"
_WORD = re.compile(r"[^\W\d_][\w'’]*|\d+")
"""A word starts with a letter and may hold apostrophes ("don't"); a number is one word."""


MAX_COUNTED_WORDS = 12
"""Lengths from here up read alike ('n:12'): a headline is shorter, a deck seldom much longer."""
CAPITAL_STEPS = 4
"""The share of capitalised words is read in quarters ('c:0' to 'c:4'): title case or not."""


def word_signs(text: str) -> frozenset[str]:
    """What the score reads of a line: each folded word ('w:'), the first and the last word
    ('f:', 'l:'), each punctuation mark ('p:'), present or not; how many words it has ('n:')
    and what share of them are capitalised ('c:')."""
    words = _WORD.findall(text)
    folded = [word.casefold() for word in words]
    signs = {f"w:{word}" for word in folded}
    if folded:
        signs.update((f"f:{folded[0]}", f"l:{folded[-1]}"))
    signs.update(f"p:{char}" for char in text if not char.isalnum() and not char.isspace())
    signs.add(f"n:{min(len(text.split()), MAX_COUNTED_WORDS)}")
    capitals = sum(word[0].isupper() for word in words)
    signs.add(f"c:{round(CAPITAL_STEPS * capitals / max(len(words), 1))}")
    return frozenset(signs)


@dataclass(frozen=True, slots=True)
class HeadlineWords:
    """A logistic regression's intercept and weights by sign; a sign not in the table (a word
    too rare in training to be learned) weighs nothing."""

    intercept: float
    weights: Mapping[str, float]

    def score(self, text: str) -> float:
        """The line's log-odds of being the headline among the first ranker's best lines."""
        weights = self.weights  # fsum: the same sum in any order of the set
        return self.intercept + math.fsum(weights.get(sign, 0.0) for sign in word_signs(text))


@model_loader
def headline_words() -> HeadlineWords:
    document = load_model(HEADLINE_WORDS_FILE)
    return HeadlineWords(float(document["intercept"]), dict(document["weights"]))
