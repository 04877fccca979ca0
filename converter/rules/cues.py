"""What a line says it is, in so many words: a photo's caption, an author's bio, a legal notice,
a call to act, a post's filing note, a reader's comment. Chrome that reads like prose gives
itself away by such words; each kind is one feature of the body classifier (rules/features.py),
its patterns data (data/line_cues.yaml).

Most lines hold none of those words, so a pattern is searched only in a line that holds a piece
of text it cannot match without (its `needs`, worked out from the pattern itself): the same
answers as searching every pattern, for a fraction of the time."""

from __future__ import annotations

import re
import re._constants as sre  # the parsed form of a pattern: what its `needs` are read from
import re._parser as sre_parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from converter.data import load_yaml

CUES_FILE = "line_cues.yaml"
CUE_FEATURES = ("caption", "bio", "legal", "call_to_action", "posted", "comment")

_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The only characters outside ASCII that a case-ignoring pattern matches to an ASCII letter
(tests/test_cues.py checks every code point) and that `str.lower` does not fold to it alone."""
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)

Needs = frozenset[str]
"""Pieces of folded text of which a line must hold one for a pattern to match it."""


@dataclass(frozen=True, slots=True)
class CueIndex:
    """Every pattern of every kind, with the pieces that decide which of them to search."""

    patterns: tuple[tuple[int, re.Pattern[str]], ...]
    """(index of its kind in CUE_FEATURES, the pattern), one per pattern of the data file."""
    pieces: tuple[tuple[str, tuple[int, ...]], ...]
    """Each needed piece with the patterns (indexes into `patterns`) that need it."""
    always: frozenset[int]
    """Patterns with no needed piece: searched in every line."""


@cache
def cue_index() -> CueIndex:
    """The data file's patterns, each compiled alone (a line matches a kind's patterns joined
    by '|' exactly when it matches one of them); refuses a file that names other kinds."""
    document = load_yaml(CUES_FILE)
    if tuple(document) != CUE_FEATURES:
        raise ValueError(f"{CUES_FILE} must list exactly {', '.join(CUE_FEATURES)}, in order")
    patterns = tuple(
        (kind, re.compile(pattern, re.IGNORECASE))
        for kind, name in enumerate(CUE_FEATURES)
        for pattern in document[name]
    )
    by_piece: dict[str, list[int]] = {}
    always = set()
    for at, (_, pattern) in enumerate(patterns):
        needs = pattern_needs(pattern)
        if not needs:
            always.add(at)
        for piece in sorted(needs):
            by_piece.setdefault(piece, []).append(at)
    return CueIndex(
        patterns,
        tuple((piece, tuple(ats)) for piece, ats in sorted(by_piece.items())),
        frozenset(always),
    )


def cues(text: str) -> list[float]:
    """1.0 for each kind of chrome the line's words point to, in CUE_FEATURES order."""
    return page_cues([text])[0]


def page_cues(texts: Sequence[str]) -> list[list[float]]:
    """`cues` of each line of a page. A line is looked at only for the pieces the whole page
    holds (a handful of the hundred and more): the same answers, for less time."""
    index = cue_index()
    folded = [fold(text) for text in texts]
    page = "\n".join(folded)
    pieces = [(piece, needing) for piece, needing in index.pieces if piece in page]
    rows = []
    for text, line in zip(texts, folded, strict=True):
        searched = index.always.union(*[needing for piece, needing in pieces if piece in line])
        found = [0.0] * len(CUE_FEATURES)
        for at in searched:
            kind, pattern = index.patterns[at]
            if not found[kind] and pattern.search(text) is not None:
                found[kind] = 1.0
        rows.append(found)
    return rows


def fold(text: str) -> str:
    """The text as needed pieces are looked for in it: every character a case-ignoring
    pattern takes for an ASCII letter is that letter, in lower case."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


def pattern_needs(pattern: re.Pattern[str]) -> Needs:
    """Pieces of which any text the pattern matches holds one (folded); empty when the pattern
    needs no literal text (then it is always searched)."""
    return _sequence_needs(sre_parse.parse(pattern.pattern, pattern.flags).data) or frozenset()


def _sequence_needs(items: Iterable[tuple[Any, Any]]) -> Needs | None:
    """What a sequence of parsed items needs: the most telling of its parts' needs (a run of
    literal characters, or what a group, a choice or a repeat of at least one needs)."""
    found: list[Needs] = []
    run: list[str] = []
    for op, value in items:
        if op is sre.LITERAL and chr(value).isascii():
            run.append(chr(value).lower())
            continue
        if run:
            found.append(frozenset(["".join(run)]))
            run = []
        needs = _item_needs(op, value)
        if needs:
            found.append(needs)
    if run:
        found.append(frozenset(["".join(run)]))
    return max(found, key=_telling, default=None)


def _item_needs(op: Any, value: Any) -> Needs | None:
    if op is sre.SUBPATTERN:
        return _sequence_needs(value[-1])
    if op is sre.BRANCH:
        choices = [_sequence_needs(choice) for choice in value[1]]
        if all(choices):
            return frozenset().union(*choices)  # type: ignore[arg-type]
        return None
    if op in _REPEATS and value[0] >= 1:
        return _sequence_needs(value[2])
    if op is sre.IN and all(kind is sre.LITERAL and chr(char).isascii() for kind, char in value):
        return frozenset(chr(char).lower() for _, char in value)
    return None


def _telling(needs: Needs) -> tuple[int, int]:
    """Longer pieces are rarer in a line, and fewer of them rarer still."""
    return min(map(len, needs)), -len(needs)
