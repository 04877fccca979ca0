"""The headline a page names: blogs and news sites head their readers' comments with the
article's title in quotes ('20 Responses to “Why You're Lazy”', 'One thought on “X”'), so a
line of the page reading that title is the headline, wherever the ranker put it. The headings
are data (data/comment_headings.yaml); no site is named."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from converter.data import load_yaml

COMMENT_HEADINGS_FILE = "comment_headings.yaml"
MAX_HEADING_CHARS = 400
"""A comment heading is a headline and a few words; a longer line is not read (and no pattern
meets a hostile megabyte)."""
_TRAILING = " .:"
"""What may follow the closing quote mark: a seed's lines hold single spaces only
(rules/state.split_lines)."""


@cache
def _heading() -> tuple[str, re.Pattern[str]]:
    """The quote marks, and one pattern: a heading's words, an optional colon, the quoted title
    to the line's end."""
    document = load_yaml(COMMENT_HEADINGS_FILE)
    quotes = document["quotes"]
    words = "|".join(f"(?:{heading})" for heading in document["headings"])
    quote = "[" + re.escape(quotes) + "]"
    pattern = re.compile(
        rf"\s*(?:{words})\s*:?\s*{quote}\s*(?P<title>\S.*?)\s*{quote}[{re.escape(_TRAILING)}]*",
        re.IGNORECASE,
    )
    return quotes, pattern


def named_titles(texts: Iterable[str]) -> list[str]:
    """The titles the page's comment headings name, in page order. Only a line ending in a
    quote mark is matched: the pattern costs more than the test."""
    quotes, heading = _heading()
    titles = []
    for text in texts:
        last = text.rstrip(_TRAILING)[-1:]
        if last and last in quotes and len(text) <= MAX_HEADING_CHARS:
            found = heading.fullmatch(text)
            if found is not None:
                titles.append(found.group("title"))
    return titles
