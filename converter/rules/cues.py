"""What a line says it is, in so many words: a photo's caption, an author's bio, a legal notice,
a call to act, a post's filing note, a reader's comment. Chrome that reads like prose gives
itself away by such words; each kind is one feature of the body classifier (rules/features.py),
its patterns data (data/line_cues.yaml)."""

from __future__ import annotations

import re
from functools import cache

from converter.data import load_yaml

CUES_FILE = "line_cues.yaml"
CUE_FEATURES = ("caption", "bio", "legal", "call_to_action", "posted", "comment")


@cache
def cue_patterns() -> tuple[re.Pattern[str], ...]:
    """One pattern per CUE_FEATURES name, in order; refuses a data file that names others."""
    document = load_yaml(CUES_FILE)
    if tuple(document) != CUE_FEATURES:
        raise ValueError(f"{CUES_FILE} must list exactly {', '.join(CUE_FEATURES)}, in order")
    return tuple(
        re.compile("|".join(f"(?:{pattern})" for pattern in document[name]), re.IGNORECASE)
        for name in CUE_FEATURES
    )


def cues(text: str) -> list[float]:
    """1.0 for each kind of chrome the line's words point to, in CUE_FEATURES order."""
    return [float(pattern.search(text) is not None) for pattern in cue_patterns()]
