"""What text alone says about a line: cheap, language-aware measurements the body classifier
(rules/prose.py) learns from, and the headline ranker too (rules/headline_features.py adds its
own). Names, not positions, tie a measurement to its weight, so the model files say what they
weigh."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from converter.rules.chrome import is_article_end
from converter.rules.cues import CUE_FEATURES, page_cues

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_NOT_LETTER = re.compile(r"[\W\d_]")
"""Letters are counted as what is left: fewer matches to collect than letters."""
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|gov|edu|io)\b", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+")
_HANDLE = re.compile(r"(?:^|\s)[@#]\w")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NUMBER_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_MARKET = re.compile(r"[$€£¥₹%]|[+-]\d|\d[+-]")
_SEPARATORS = re.compile(r"[|•·»›«‹/>]")
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights reserved", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-*•·»›>]|\d{1,3}[.)])\s")
_SENTENCE = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z0-9]")
SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", "…", ")")
_FIRST_PERSON = frozenset(("i", "me", "my", "mine"))
_SECOND_PERSON = frozenset(("you", "your", "yours"))
"""English only: a reader's or a blogger's voice beside a reported story (other languages 0)."""
_ELLIPSIS = ("...", "…")
_TRAILING_NUMBER = re.compile(r"\s\d+$")
_OPENING_QUOTE = ('"', "“", "‘", "'", "«", "„")
_BYLINE_START = re.compile(r"^(?:by|posted by|written by|words by|story by|from)\s", re.IGNORECASE)

LINE_FEATURES = (
    "log_chars",
    "log_words",
    "stopword_share",
    "stopwords",
    "ends_sentence",
    "ends_colon",
    "ends_comma",
    "starts_upper",
    "starts_lower",
    "capital_share",
    "digit_share",
    "letter_share",
    "punct_share",
    "url",
    "email",
    "handle",
    "time",
    "year",
    "number_date",
    "market",
    "separators",
    "copyright",
    "bullet",
    "sentences",
    "by",
    "all_caps",
    "word_length",
    "comma_rate",
    "repeats",
    "position",
    "group_lines",
    "alone",
    "longest_share",
    "ends_ellipsis",
    "trailing_number",
    "starts_quote",
    "first_person",
    "second_person",
    *CUE_FEATURES,
)


def line_features(
    texts: Sequence[str], groups: Sequence[int], stopwords: frozenset[str]
) -> list[list[float]]:
    """One row of LINE_FEATURES per line of a page, in order."""
    counts = Counter(texts)
    group_sizes = Counter(groups)
    longest = max((len(text) for text in texts), default=1) or 1
    total = max(len(texts) - 1, 1)
    rows = []
    for index, (text, group, line_cues) in enumerate(
        zip(texts, groups, page_cues(texts), strict=True)
    ):
        words = _WORD.findall(text)
        n_words = len(words) or 1
        n_chars = len(text) or 1
        folded = list(map(str.casefold, words))
        stops = sum(map(stopwords.__contains__, folded))
        capitals = sum([word[0].isupper() for word in words])
        digits = len(_DIGIT.findall(text))
        numeric = digits > 0
        letters = len(text) - len(_NOT_LETTER.findall(text))
        spaces = text.count(" ")
        first = text[0]
        rows.append(
            [
                math.log1p(len(text)),
                math.log1p(len(words)),
                stops / n_words,
                math.log1p(stops),
                float(text.endswith(SENTENCE_END)),
                float(text.endswith(":")),
                float(text.endswith((",", ";", "-", "–", "—"))),
                float(first.isupper()),
                float(first.islower()),
                capitals / n_words,
                digits / n_chars,
                letters / n_chars,
                (n_chars - letters - digits - spaces) / n_chars,
                _found(_URL, text, "." in text or ":" in text),
                _found(_EMAIL, text, "@" in text),
                _found(_HANDLE, text, "@" in text or "#" in text),
                _found(_TIME, text, numeric),
                _found(_YEAR, text, numeric),
                _found(_NUMBER_DATE, text, numeric),
                float(bool(_MARKET.search(text))),
                min(len(_SEPARATORS.findall(text)), 5) / 5,
                float(bool(_COPYRIGHT.search(text))),
                float(bool(_BULLET.match(text))),
                math.log1p(len(_SENTENCE.findall(text))),
                float(bool(_BYLINE_START.match(text))),
                float(letters > 3 and text.upper() == text),
                letters / n_words,
                text.count(",") / n_words,
                math.log(counts[text]),
                index / total,
                math.log(group_sizes[group]),
                float(group_sizes[group] == 1),
                len(text) / longest,
                float(text.endswith(_ELLIPSIS)),
                _found(_TRAILING_NUMBER, text, numeric),
                float(text.startswith(_OPENING_QUOTE)),
                sum(map(_FIRST_PERSON.__contains__, folded)) / n_words,
                sum(map(_SECOND_PERSON.__contains__, folded)) / n_words,
                *line_cues,
            ]
        )
    return rows


def _found(pattern: re.Pattern[str], text: str, possible: bool) -> float:
    """1.0 if the pattern occurs in the line; not searched where it cannot (a pattern that needs
    a digit, an '@' or a '.' in a line without one): the same answer, for less time."""
    return float(possible and pattern.search(text) is not None)


_PROFILE = (
    "stopword_share",
    "word_length",
    "first_person",
    "second_person",
    "capital_share",
    "log_chars",
    "ends_sentence",
)
"""How the article's prose writes: a line written otherwise (a comment, a sidebar, a teaser
list's rhythm of short lines) stands out."""
CONTEXT_FEATURES = (
    "prose",
    "prose_before_1",
    "prose_before_2",
    "prose_before_3",
    "prose_after_1",
    "prose_after_2",
    "prose_after_3",
    "prose_near_max",
    "prose_before_wide",
    "prose_after_wide",
    "group_prose",
    "in_main_run",
    "lines_to_main_run",
    "prose_chars_before",
    "prose_chars_after",
    "main_run_share",
    "page_lines",
    "page_prose",
    "run_overlap",
    "run_place",
    "below_end_heading",
    "comment_shapes_near",
    *(f"{name}_against_run" for name in _PROFILE),
    "boundaries_after_run",
    "comment_shapes_since_run",
    "chars_after_run",
    "lines_after_last_sentence",
    "page_chrome_share",
    "page_short_share",
    "run_lines_share",
)
"""The last seven: where the article ends (what comes after it, a comment block, a bio, a
teaser list, starts at a boundary: a short heading-shaped line, a comment's header) and what
kind of seed it is (a whole page full of chrome or an article block)."""
_NEAR = 3
_WIDE = 10
"""Lines either side whose mean verdict says whether the line sits in prose or in chrome."""
_TIME_COLUMN = LINE_FEATURES.index("time")
_COMMENT_COLUMN = LINE_FEATURES.index("comment")
"""A comment's header or footer is shaped so: a name over a time, 'says:', 'Reply', '3 days
ago' (the line's own columns, worked out once)."""
_PROFILE_COLUMNS = tuple(LINE_FEATURES.index(name) for name in _PROFILE)
_SURE = 0.5
"""A first-pass verdict at least this is prose, under it chrome."""
_DOUBTED = 0.2
_SHORT_WORDS = 3
_BOUNDARY_WORDS = 8
"""A line of at most this many words that ends no sentence is heading-shaped: where a block
after the article may start (so is a comment-shaped line, or one the first pass doubts)."""


def context_features(
    rows: Sequence[Sequence[float]],
    prose: Sequence[float],
    texts: Sequence[str],
    groups: Sequence[int],
    words: Sequence[Sequence[str]],
) -> list[list[float]]:
    """One row of CONTEXT_FEATURES per line: the first pass's verdicts on the neighbours, the
    line's group, and where the line sits against the densest run of prose (jusText's second
    pass, learned: the article is one dense run; a short line inside it is text too), and
    how its style differs from the run's. `rows` are the lines' LINE_FEATURES, `words` their
    content_words, worked out once for both passes and the headline's."""
    count = len(prose)
    start, end = main_run(prose, texts)
    prose_chars = [p * len(text) for p, text in zip(prose, texts, strict=True)]
    total_prose = sum(prose_chars) or 1.0
    run_chars = sum(len(text) for text in texts[start : end + 1])
    all_chars = sum(len(text) for text in texts) or 1
    group_sum: Counter[int] = Counter()
    group_size: Counter[int] = Counter(groups)
    for p, group in zip(prose, groups, strict=True):
        group_sum[group] += p
    result = []
    run_words: Counter[str] = Counter()
    for line_words in words[start : end + 1]:
        run_words.update(set(line_words))
    page_lines = math.log1p(count)
    page_prose = sum(prose) / (count or 1)
    run_length = end - start + 1
    shaped = [bool(row[_TIME_COLUMN] or row[_COMMENT_COLUMN]) for row in rows]
    profile = _run_profile(rows, texts, start, end)
    seed_kind = [
        sum(1 for p in prose if p < _SURE) / (count or 1),
        sum(1 for text in texts if len(text.split()) <= _SHORT_WORDS) / (count or 1),
        run_length / (count or 1),
    ]
    last_sentence = max(
        (
            index
            for index in range(start, end + 1)
            if prose[index] >= _SURE and texts[index].endswith(SENTENCE_END)
        ),
        default=end,
    )
    padded = [0.0] * 3 + list(prose) + [0.0] * 3  # the three neighbours each side, 0 past an end
    before = 0.0
    end_heading = -1
    boundaries = comment_shapes = after_chars = 0
    for index, row in enumerate(rows):
        distance = start - index if index < start else index - end if index > end else 0
        inside = start <= index <= end
        own = set(words[index])
        elsewhere = 1 if inside else 0
        shared = sum([run_words.get(word, 0) > elsewhere for word in own])
        result.append(
            [
                prose[index],
                padded[index + 2],
                padded[index + 1],
                padded[index],
                *padded[index + 4 : index + 7],
                max(prose[max(0, index - _NEAR) : index + _NEAR + 1]),
                sum(prose[max(0, index - _WIDE) : index]) / _WIDE,
                sum(prose[index + 1 : index + 1 + _WIDE]) / _WIDE,
                group_sum[groups[index]] / group_size[groups[index]],
                float(inside),
                math.log1p(distance),
                before / total_prose,
                (total_prose - before - prose_chars[index]) / total_prose,
                run_chars / all_chars,
                page_lines,
                page_prose,
                shared / len(own) if own else 0.0,
                (index - start) / run_length if inside else -1.0 if index < start else 2.0,
                math.log1p(index - end_heading) if end_heading >= 0 else 0.0,
                sum(shaped[max(0, index - _NEAR) : index + _NEAR + 1]) / (2 * _NEAR + 1),
                *[row[column] - usual for column, usual in profile],
                math.log1p(boundaries),
                math.log1p(comment_shapes),
                math.log1p(after_chars),
                math.log1p(index - last_sentence) if index > last_sentence else 0.0,
                *seed_kind,
            ]
        )
        before += prose_chars[index]
        if is_article_end(texts[index]):
            end_heading = index
        if index >= start:
            comment_shapes += shaped[index]
        if index > end:
            boundaries += shaped[index] or prose[index] < _DOUBTED or _boundary_shaped(texts[index])
            after_chars += len(texts[index])
    return result


def _boundary_shaped(text: str) -> bool:
    return len(text.split()) <= _BOUNDARY_WORDS and not text.endswith(SENTENCE_END)


def _run_profile(
    rows: Sequence[Sequence[float]], texts: Sequence[str], start: int, end: int
) -> list[tuple[int, float]]:
    """Each _PROFILE column with its mean over the main run, each line weighing its length."""
    weights = [len(text) for text in texts[start : end + 1]]
    total = sum(weights) or 1
    run = list(zip(rows[start : end + 1], weights, strict=True))
    return [
        (column, sum([row[column] * weight for row, weight in run]) / total)
        for column in _PROFILE_COLUMNS
    ]


def content_words(text: str, stopwords: frozenset[str]) -> list[str]:
    return [
        word
        for word in map(str.casefold, _WORD.findall(text))
        if len(word) > 2 and word not in stopwords and not word.isdigit()
    ]


def main_run(prose: Sequence[float], texts: Sequence[str]) -> tuple[int, int]:
    """First and last line of the article's prose: the run where sure prose outweighs the rest,
    each line weighing by its length."""
    return densest_run(
        [(p - 0.5) * math.log1p(len(text)) for p, text in zip(prose, texts, strict=True)]
    )


def densest_run(weights: Sequence[float]) -> tuple[int, int]:
    """The contiguous run with the largest sum (Kadane): where the article's prose sits."""
    best, best_start, best_end = float("-inf"), 0, -1
    current, current_start = 0.0, 0
    for index, weight in enumerate(weights):
        if current <= 0:
            current, current_start = weight, index
        else:
            current += weight
        if current > best:
            best, best_start, best_end = current, current_start, index
    return best_start, best_end
