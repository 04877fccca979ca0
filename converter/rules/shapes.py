"""Lines that share a shape: a page's lists repeat one line's form with other words in it (a
comment's header, '12. WillH85 - August 8, 2012'; a teaser's date line, 'Jul 2012 by Omaha Sun -
177 comments'; a gallery's '48/50'), so a line of such a family, or one between two of its
members, is an item of a list, whatever its words. One of the body's passes reads these
(rules/prose.py); no site's words are in them, only the order of digits, capitals and marks."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

SHAPE_FEATURES = (
    "shape_family",
    "shape_family_above",
    "shape_family_below",
    "between_shape_family",
)
MAX_SHAPED_WORDS = 12
"""A longer line is prose, whose shape says nothing of a list: it has none. (Short sentences
share one, 'A a .': the pass learns that such a family is no list from the lines' other
features.)"""
MIN_FAMILY = 3
"""A shape this many lines share is a list's."""
NEAR = 4
"""How far above and below a line the nearest member of a family is looked for."""
_TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\w\s]")


def line_shape(text: str) -> str | None:
    """The line's tokens as digits ('0'), capitalised ('A') or lower-case ('a') words and marks,
    runs of one kind written once: 'Jul 2012 by Omaha Sun - 177 comments' is 'A 0 a A - 0 a'.
    None for a line of one token or of more than MAX_SHAPED_WORDS words."""
    if len(text.split()) > MAX_SHAPED_WORDS:
        return None
    tokens = _TOKEN.findall(text)
    if len(tokens) < 2:
        return None
    shape: list[str] = []
    for kind in map(_kind, tokens):
        if not shape or shape[-1] != kind:
            shape.append(kind)
    return " ".join(shape)


def _kind(token: str) -> str:
    """A digit run '0', a capitalised word 'A', a lower-case word 'a', a mark itself."""
    first = token[0]
    if first.isdigit():
        return "0"
    if first.isalpha():
        return "A" if first.isupper() else "a"
    return token


def shape_features(texts: Sequence[str]) -> list[list[float]]:
    """One row of SHAPE_FEATURES per line: how many lines share its shape, how many share the
    shape of the nearest list item above and below it (within NEAR lines; 0 when none), and
    whether those two are of one family (the line sits inside a list's item)."""
    shapes = [line_shape(text) for text in texts]
    families = Counter(shape for shape in shapes if shape)
    sizes = [families[shape] if shape else 0 for shape in shapes]
    count = len(texts)
    rows = []
    for index in range(count):
        above = next(
            (j for j in range(index - 1, max(-1, index - 1 - NEAR), -1) if sizes[j] >= MIN_FAMILY),
            None,
        )
        below = next(
            (j for j in range(index + 1, min(count, index + 1 + NEAR)) if sizes[j] >= MIN_FAMILY),
            None,
        )
        rows.append(
            [
                math.log1p(sizes[index]),
                math.log1p(sizes[above]) if above is not None else 0.0,
                math.log1p(sizes[below]) if below is not None else 0.0,
                float(above is not None and below is not None and shapes[above] == shapes[below]),
            ]
        )
    return rows
