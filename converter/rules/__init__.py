"""Boilerplate rules, applied in the order declared here (like markdown-it's ruler)."""

from __future__ import annotations

from collections.abc import Callable

from converter.errors import NoArticleTextError
from converter.model import Block, Image, ParsedSeed, RawSeed
from converter.rules.article_language import detect_language
from converter.rules.body import keep_body
from converter.rules.byline import take_byline
from converter.rules.chrome import drop_chrome
from converter.rules.crosshead import mark_crossheads
from converter.rules.dateline import take_dateline
from converter.rules.headline import take_headline
from converter.rules.headline_case import recase_headline
from converter.rules.paragraphs import to_blocks
from converter.rules.prose import score_lines
from converter.rules.published import take_date
from converter.rules.publisher import take_publisher
from converter.rules.signoff import keep_signoff
from converter.rules.source_credit import take_source_credit
from converter.rules.state import SeedState, split_lines
from converter.rules.video_block import lift_video_blocks

Rule = Callable[[SeedState], SeedState]

UNKNOWN_SOURCE = "Unknown"

RULES: tuple[Rule, ...] = (
    detect_language,
    drop_chrome,
    lift_video_blocks,
    score_lines,
    take_headline,
    take_source_credit,
    take_dateline,
    take_date,
    take_byline,
    take_publisher,
    keep_signoff,
    keep_body,
    mark_crossheads,
    recase_headline,
)


def parse_seed(seed: RawSeed, rules: tuple[Rule, ...] = RULES) -> ParsedSeed:
    """Raw seed text -> headline, credit, clean body blocks and lifted media."""
    state = split_lines(seed.stem, seed.text, seed.facts)
    if not state.lines:
        raise NoArticleTextError("no article text: the seed is empty")
    for rule in rules:
        state = rule(state)
    blocks = to_blocks(state.lines)
    if not state.title:
        raise NoArticleTextError("no article text: no headline, only page chrome and credits")
    if not any(_is_text(block) for block in blocks):
        raise NoArticleTextError("no article text: nothing but a headline and page chrome")
    return ParsedSeed(
        stem=seed.stem,
        title=state.title,
        source=state.source or UNKNOWN_SOURCE,
        blocks=blocks,
        media=(*_lead_image(seed), *seed.facts.photos, *state.media, *seed.facts.videos),
        dateline=state.dateline,
        date=state.date or seed.facts.date,
        publisher=state.publisher or seed.facts.publisher,
        authors=state.authors or seed.facts.authors,
        language=state.language,
        format=seed.format,
    )


WARM_UP = """Council to move the city library downtown

By Jane Smith, Associated Press

Nov. 18, 2019 7:04 pm ET

The city council said on Monday that the library would move downtown next year.

The move will cost about $12 million, the council said, and take two years.

"It is time," the mayor told reporters after the vote. "The old building is full."

Share this story
"""
"""A short wire story that takes every rule's way through its data (the language identifier,
the line models, the stopwords, dateparser's English)."""


def load_rules() -> None:
    """Load what the rules read on first use now, so that worker processes forked after this
    share it instead of each loading its own (the language identifier alone takes 0.5 s)."""
    parse_seed(RawSeed("warm-up", WARM_UP))


def _lead_image(seed: RawSeed) -> tuple[Image, ...]:
    """The image the page declares for its article leads the media, as it leads the story."""
    return (seed.facts.image,) if seed.facts.image is not None else ()


def _is_text(block: Block) -> bool:
    """A paragraph with a letter or digit: a body of separators (`***`, `---`) is no article."""
    return block.kind == "paragraph" and any(char.isalnum() for char in block.text)
