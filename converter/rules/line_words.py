"""Words learned, not listed: how much each word of a line leans towards page chrome or article
text, learned from web-dev's labelled lines (naive Bayes log-odds, benchmarks/train_lines.py)
and stored in data/line_words.json. Comments, bios, promotions and captions have a vocabulary
("photo", "courtesy", "reply", "wrote", "newsletter") that no hand list covers in full; the
body classifier reads the line's mean and lowest word odds beside its other features."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from converter.data import load_model, model_loader

WORDS_FILE = "line_words.json"
WORD_FEATURES = ("word_odds_mean", "word_odds_min")
MIN_PAGES = 10
"""A word learned must occur on at least this many pages (each of web-dev's pages is its own
site): a site's own names and menu labels never make the vocabulary, words pages share do."""
MAX_WORDS = 3000
"""The vocabulary's cap: the words on the most pages."""
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def line_tokens(text: str) -> set[str]:
    """A line's distinct words, case folded, every digit written 0 (a year, a time and a count
    are learned by shape: '0000', '00', not one number at a time)."""
    return set(_WORD.findall(_DIGIT.sub("0", text.casefold())))


def learn_word_odds(lines: Iterable[tuple[str, set[str], bool]]) -> dict[str, float]:
    """Each word's log-odds of a line holding it being article text, less the prior log-odds
    (0 for a word that says nothing), from (page, tokens, is article text) triples; smoothed
    by one line shared out as the prior, over the vocabulary of MIN_PAGES and MAX_WORDS."""
    text: Counter[str] = Counter()
    chrome: Counter[str] = Counter()
    pages: dict[str, set[str]] = {}
    positive = negative = 0
    for page, tokens, is_text in lines:
        counts = text if is_text else chrome
        counts.update(tokens)
        positive += is_text
        negative += not is_text
        for token in tokens:
            pages.setdefault(token, set()).add(page)
    if not positive or not negative:
        return {}
    common = sorted(
        (token for token, seen in pages.items() if len(seen) >= MIN_PAGES),
        key=lambda token: (-len(pages[token]), token),
    )[:MAX_WORDS]
    share = positive / (positive + negative)
    prior = math.log(positive / negative)
    return {
        token: math.log((text[token] + share) / (chrome[token] + 1 - share)) - prior
        for token in common
    }


@model_loader
def word_odds() -> dict[str, float]:
    return load_model(WORDS_FILE)["odds"]


def word_features(texts: Sequence[str], odds: dict[str, float]) -> list[list[float]]:
    """One row of WORD_FEATURES per line: the mean and the lowest odds of its known words (a
    single 'subscribe' or 'reply' in a line of plain words), summed exactly so that a set's
    order never moves a figure. A line with no known word (a name, code, a word of another
    language) reads the mean odds of the page's known words: no word is no evidence, and in an
    article block such lines are article text about half the time, on a whole page seldom."""
    known = [[odds[token] for token in line_tokens(text) if token in odds] for text in texts]
    every = [value for values in known for value in values]
    page = math.fsum(every) / len(every) if every else 0.0
    return [
        [math.fsum(values) / len(values), min(values)] if values else [page, page]
        for values in known
    ]
