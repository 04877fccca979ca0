"""Page chrome (share buttons, player errors, 'read more' links) is not article text."""

from __future__ import annotations

from functools import cache

from converter.data import load_yaml
from converter.rules.state import SeedState

CHROME_LINES_FILE = "chrome.yaml"
# Stripped with str.strip, not a `[...]+$` regex: that backtracks quadratically on a long run.
_TRAILING_MARKS = " \t.:!…»›>|•·-"
_LEADING_MARKS = " \t«‹<|•·-"


@cache
def chrome_lines() -> frozenset[str]:
    """The curated UI labels (data/chrome.yaml), casefolded. Whole lines only."""
    return frozenset(str(line).casefold() for line in load_yaml(CHROME_LINES_FILE)["lines"])


def is_chrome(text: str) -> bool:
    """True for a line that is only a UI label, whatever its case or trailing arrows/dots."""
    folded = text.casefold()
    label = folded.rstrip(_TRAILING_MARKS).lstrip(_LEADING_MARKS)
    labels = chrome_lines()
    return label in labels or folded in labels


def drop_chrome(state: SeedState) -> SeedState:
    """Remove every chrome line, wherever it sits."""
    return state.with_lines([line for line in state.lines if not is_chrome(line.text)])
