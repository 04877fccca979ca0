"""A hard-wrapped copy (lynx, w3m, a mail client) is joined back before the rules read its lines;
the seed's own short lines stay apart."""

import textwrap

import pytest
from helpers import GOLDEN

from converter.model import RawSeed
from converter.rules import parse_seed
from converter.rules.layout import MAX_WRAP_WIDTH, unwrapped, wrap_width
from converter.rules.state import split_lines

PARAGRAPHS = [
    "Amid widespread disagreement today between Washington and Moscow, the Secretary of State "
    "convened what diplomats expected to be a fractious meeting of the nations that have "
    "declared interests in the war.",
    "The group was to consider a call for all warplanes to halt flights over aid routes "
    "following an attack on a humanitarian convoy near the besieged city.",
    "However, diplomats said prospects for the success of either idea were unclear.",
]


def wrapped(lines: list[str], width: int) -> list[str]:
    return [piece for line in lines for piece in (textwrap.wrap(line, width) or [""])]


@pytest.mark.parametrize("width", [60, 72, 80])
def test_paragraphs_wrapped_at_any_width_are_joined_back(width):
    lines = [PARAGRAPHS[0], "", PARAGRAPHS[1], "", PARAGRAPHS[2]]
    assert wrap_width(wrapped(lines, width)) is not None
    assert unwrapped(wrapped(lines, width)) == lines


def test_a_wrapped_long_headline_is_one_line_again():
    headline = "Microsoft to launch wireless portable media players in Canada next spring"
    lines = [headline, "", *PARAGRAPHS[:2]]
    assert unwrapped(wrapped(lines, 60))[0] == headline


def test_short_lines_the_seed_kept_apart_stay_apart():
    menu = ["Home", "World", "Business", "Sport", "Weather", "Contact us"]
    listing = [f"+ Added {name} blocks, with smooth versions" for name in "ABCDEFGH"]
    assert unwrapped(menu) == menu
    assert unwrapped(listing) == listing


def test_a_browser_copy_with_paragraph_lines_is_not_read_as_wrapped():
    lines = ["Headline", "", " ".join(PARAGRAPHS), "", "Share this"]
    assert len(lines[2]) > MAX_WRAP_WIDTH
    assert wrap_width(lines) is None
    assert unwrapped(lines) == lines


def test_an_indented_paragraph_start_is_not_joined_but_a_hanging_item_is():
    body = wrapped([PARAGRAPHS[0]], 70)
    item = [
        "    -  Zune 80 GB. The black Zune 80GB has a bright 3.2-inch screen and",
        "       includes premium in-ear noise-isolating headphones at no extra cost.",
    ]
    lines = [
        *body,
        "    Creating a personal entertainment experience for everyone who listens",
        *body,
        *item,
    ]
    result = unwrapped(lines)
    assert result[0] == PARAGRAPHS[0]
    assert result[1].startswith("    Creating")
    assert result[-1] == f"{item[0]} {item[1].strip()}"


def test_a_seed_with_no_blank_line_reads_each_line_as_its_own_group():
    assert [line.group for line in split_lines("s", "A\nB\nC\n").lines] == [0, 1, 2]
    assert [line.group for line in split_lines("s", "A\nB\n\nC\n").lines] == [0, 0, 1]


def test_the_real_seed_wrapped_at_72_columns_gives_the_same_article():
    seed = next(GOLDEN.glob("*.txt")).read_text("utf-8")
    copy = "\n".join(wrapped(seed.split("\n"), 72))
    assert copy != seed
    assert parse_seed(RawSeed("s", copy)) == parse_seed(RawSeed("s", seed))
