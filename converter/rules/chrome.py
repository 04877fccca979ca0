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
    return _labels("lines")


@cache
def end_lines() -> frozenset[str]:
    """Headings of what comes after an article (data/chrome.yaml `ends`), casefolded."""
    return _labels("ends")


def _labels(key: str) -> frozenset[str]:
    return frozenset(str(line).casefold() for line in load_yaml(CHROME_LINES_FILE)[key])


def is_chrome(text: str) -> bool:
    """True for a line that is only a UI label, whatever its case or trailing arrows/dots."""
    return _is_label(text, chrome_lines())


def is_article_end(text: str) -> bool:
    """True for a heading such as 'Related stories' or 'Comments' (a line of its own)."""
    return _is_label(text, end_lines())


def _is_label(text: str, labels: frozenset[str]) -> bool:
    folded = text.casefold()
    label = folded.rstrip(_TRAILING_MARKS).lstrip(_LEADING_MARKS)
    return label in labels or folded in labels


def drop_chrome(state: SeedState) -> SeedState:
    """Remove every chrome line, wherever it sits."""
    return state.with_lines([line for line in state.lines if not is_chrome(line.text)])
