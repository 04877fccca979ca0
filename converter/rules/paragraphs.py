"""What is left is body: lines become paragraphs, hard-wrapped lines joined back together."""

from __future__ import annotations

from converter.model import Block
from converter.rules.layout import broken
from converter.rules.state import Line

MAX_PARAGRAPH_CHARS = 3000
"""Far past any real paragraph: a longer one is a scrape that lost its line breaks. It is split
(at a sentence end, else a space) because Markdown and NER slow down sharply on huge blocks."""
_BREAKS = (". ", "! ", "? ", "… ", '." ', '?" ', '!" ', ".” ", "?” ", "!” ")


def to_blocks(lines: tuple[Line, ...]) -> tuple[Block, ...]:
    """Lines of one group that are one sentence broken by the scrape are one paragraph; lines the
    seed kept apart otherwise (a menu, a list, a short caption) stand alone."""
    blocks: list[Block] = []
    pending: list[str] = []
    pending_group = -1
    for line in lines:
        if line.kind == "crosshead":
            _flush(blocks, pending)
            blocks.append(Block("crosshead", line.text))
            continue
        continues = pending and line.group == pending_group and broken(pending[-1], line.text)
        if not continues:
            _flush(blocks, pending)
        pending.append(line.text)
        pending_group = line.group
    _flush(blocks, pending)
    return tuple(blocks)


def split_long(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """Pieces of at most `limit` characters, cut after the last sentence end in the second half
    of each window, else at its last space, else (a run with no space at all) at the limit."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        found = (text.rfind(mark, start, end + 1) for mark in _BREAKS)
        cut = max(
            (at + len(mark) - 1 for at, mark in zip(found, _BREAKS, strict=True) if at >= 0),
            default=start,
        )
        if cut < start + limit // 2:
            cut = text.rfind(" ", start, end + 1)
        if cut <= start:
            cut = end
        pieces.append(text[start:cut].rstrip(" "))
        start = cut
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        pieces.append(text[start:].rstrip(" "))
    return pieces


def _flush(blocks: list[Block], pending: list[str]) -> None:
    if pending:
        blocks.extend(Block("paragraph", piece) for piece in split_long(" ".join(pending)))
        pending.clear()
