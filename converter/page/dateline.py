"""The date a page shows by its headline ('Posted on January 7, 2008', 'at 12:19 on January 7,
2008, EST'), for pages whose markup gives none: trafilatura's text often leaves that line
out, so the text rules never see it."""

from __future__ import annotations

from lxml.html import HtmlElement

from converter.page.headings import shown_pieces
from converter.page.markup import letters_of, squash
from converter.rules.published import read_date

_ABOVE = 3
_BELOW = 10
"""Lines looked at over and under the headline: a dateline sits by it, a byline between."""
_HEADLINE_SHARE = 0.5
"""A piece of text holding this share of the headline's letters, at its start, is where the
page shows it (the rest set in a span of its own)."""


def shown_date(tree: HtmlElement, title: str, language: str) -> str:
    """The first full date on a short line by the shown headline, as ISO 8601; '' if none."""
    wanted = letters_of(title)
    if not wanted:
        return ""
    lines = [line for line in (squash(text) for text, _ in shown_pieces(tree)) if line]
    for at, line in enumerate(lines):
        letters = letters_of(line)
        if not (
            wanted in letters
            or (wanted.startswith(letters) and len(letters) >= _HEADLINE_SHARE * len(wanted))
        ):
            continue
        for near in lines[max(0, at - _ABOVE) : at + _BELOW]:
            if found := read_date(near, language):  # a short line: read_date refuses long ones
                return found[0]
    return ""
