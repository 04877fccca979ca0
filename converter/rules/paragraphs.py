"""What is left is body: lines become paragraphs, hard-wrapped lines joined back together."""

from __future__ import annotations

from converter.model import Block
from converter.rules.state import Line

_SENTENCE_END = (".", "!", "?", '"', "'", "”", "’", ")", "…", ":")


def to_blocks(lines: tuple[Line, ...]) -> tuple[Block, ...]:
    """Lines of one group that break mid-sentence are one paragraph; others stand alone."""
    blocks: list[Block] = []
    pending: list[str] = []
    pending_group = -1
    for line in lines:
        if line.kind == "crosshead":
            _flush(blocks, pending)
            blocks.append(Block("crosshead", line.text))
            continue
        continues = (
            pending and line.group == pending_group and not pending[-1].endswith(_SENTENCE_END)
        )
        if not continues:
            _flush(blocks, pending)
        pending.append(line.text)
        pending_group = line.group
    _flush(blocks, pending)
    return tuple(blocks)


def _flush(blocks: list[Block], pending: list[str]) -> None:
    if pending:
        blocks.append(Block("paragraph", " ".join(pending)))
        pending.clear()
