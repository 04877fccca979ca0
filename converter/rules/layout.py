"""How the tool that copied a seed laid its text out, undone before the rules read its lines.

A text-mode browser or a mail client (lynx, w3m, `fold -s`) hard-wraps every paragraph at one
width, so the rules would read a paragraph as several short lines and a long headline as two.
Such a seed is recognised by its lines: none that has a space runs past one width, and many stop
where the next word would not have fitted. Those lines are joined back, so a wrapped copy reads
like the page it came from. The seed's own short lines (a list, a menu, a poem) stop where the
next word would have fitted, so they stay apart. A line a scrape broke without a width is told
by `broken` (the next line goes on with its sentence), which the paragraphs and the line groups
of a seed without blank lines read."""

from __future__ import annotations

_SENTENCE_END = (".", "!", "?", '"', "'", "”", "’", ")", "…", ":")
_RUNS_ON = (",", ";", "-", "–", "—", "(")
WRAPPED_LINE_CHARS = 60
"""A line this long that stops mid-sentence was wrapped by the scrape (or the writer's editor)."""
MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 132
"""Narrower or wider than any terminal or mail client wraps at: a seed of short lines (a menu,
a poem) is not wrapped, and a browser's copy has paragraph lines of hundreds of characters."""
WRAP_SLACK = 20
"""A wrapper need not fill a line to the last column (`fmt` aims under its width, others break
before a long word early): a line that stops within a twentieth of the width of it is full."""
MIN_FULL_LINES = 3
FULL_LINE_SHARE = 0.3
"""Of the lines at least half the width long and followed by another line, how many must stop
where the next word would not have fitted for the seed to read as hard-wrapped: a wrapped
paragraph's lines all do but its last, a list's items stop where they end. A whole page keeps
many such lines of its own (teasers, captions) beside its wrapped ones, hence under a half."""


def unwrapped(raw_lines: list[str]) -> list[str]:
    """The seed's lines with every line the wrapping broke joined to the line it broke off
    (blank lines, and so paragraphs, kept where they were)."""
    width = wrap_width(raw_lines)
    if width is None:
        return raw_lines
    joined: list[str] = []
    for index, line in enumerate(raw_lines):
        if index and joined and _broken_at(raw_lines[index - 1], line, width):
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return joined


def wrap_width(raw_lines: list[str]) -> int | None:
    """The width the seed was hard-wrapped at, or None when it was not (known at the first
    long line with a space, in a browser's copy its first paragraph)."""
    width = 0
    for line in raw_lines:
        if " " in line.strip():
            if len(line.rstrip()) > MAX_WRAP_WIDTH:  # tabs only widen it
                return None
            width = max(width, _width(line))
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    followed = [
        (line, following)
        for line, following in zip(raw_lines, raw_lines[1:], strict=False)
        if _width(line) * 2 >= width and following.strip()
    ]
    full = sum(_broken_at(line, following, width) for line, following in followed)
    if full < MIN_FULL_LINES or full < FULL_LINE_SHARE * len(followed):
        return None
    return width


def _broken_at(line: str, following: str, width: int) -> bool:
    """True when the wrapping moved `following`'s first word down because it did not fit on
    `line`. A `following` indented deeper than `line` starts a paragraph of its own, unless it
    hangs under `line`'s second word (a list item's text after its bullet)."""
    words = following.split()
    if not line.strip() or not words:
        return False
    indent = _indent(following)
    if indent > _indent(line) and indent != _second_word_column(line):
        return False
    return _width(line) + 1 + len(words[0]) > width - width // WRAP_SLACK


def _width(line: str) -> int:
    return len(line.rstrip().expandtabs())


def _second_word_column(line: str) -> int:
    expanded = line.expandtabs()
    first_word_end = len(expanded) - len(expanded.lstrip()) + len(expanded.split()[0])
    rest = expanded[first_word_end:]
    return first_word_end + len(rest) - len(rest.lstrip()) if rest.strip() else -1


def _indent(line: str) -> int:
    expanded = line.expandtabs()
    return len(expanded) - len(expanded.lstrip())


def broken(previous: str, following: str) -> bool:
    """True when `following` goes on with the sentence `previous` left open: it starts in lower
    case, `previous` ends on a comma or dash, or `previous` is a long line cut mid-sentence."""
    if previous.endswith(_SENTENCE_END):
        return False
    return (
        following[0].islower()
        or previous.endswith(_RUNS_ON)
        or (len(previous) >= WRAPPED_LINE_CHARS and following[0].isalnum())
    )
