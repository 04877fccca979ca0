"""The one-sentence description (search results, <meta>) and the word count."""

from __future__ import annotations

import re

from converter.language import load_language
from converter.model import Block

_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])")


def first_sentence(text: str) -> str:
    """The text up to its first sentence break that is not after an abbreviation or initial."""
    abbreviation = load_language().abbreviation
    for match in _SENTENCE_BREAK.finditer(text):
        if not abbreviation.search(text[: match.start() + 1]):
            return text[: match.end()].strip()
    return text.strip()


def describe(blocks: tuple[Block, ...], max_chars: int) -> str:
    """First sentence of the first paragraph, cut at a word boundary when very long."""
    paragraph = next((block.text for block in blocks if block.kind == "paragraph"), "")
    sentence = first_sentence(paragraph)
    if len(sentence) <= max_chars:
        return sentence
    cut = sentence[: max_chars - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-") + "…"


def count_words(blocks: tuple[Block, ...]) -> int:
    return sum(len(block.text.split()) for block in blocks)
