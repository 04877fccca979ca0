"""The words by which chrome that reads like prose gives itself away (rules/cues.py)."""

import re

import pytest

from converter.data import load_yaml
from converter.rules.cues import (
    CUE_FEATURES,
    CUES_FILE,
    cue_index,
    cues,
    fold,
    page_cues,
    pattern_needs,
)

PROSE = "The council voted on Tuesday to close the old library and move its books by the river."


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("caption", "Chelsea's captain (C) gestures after scoring the opening goal."),
        ("caption", "The minister, second from right, arrives for talks. (AP Photo/Jane Roe)"),
        ("bio", "Jane Roe is a freelance writer based in Leeds who covers local politics."),
        ("bio", "Hi, I'm Becky and this is my blog about gardens."),
        ("legal", "Copyright 2008. All rights reserved. This material may not be published."),
        ("call_to_action", "Click here to sign up for our free daily newsletter."),
        ("posted", "This entry was posted on March 3, 2008 and is filed under Politics."),
        ("posted", "Tags: elections, council, library"),
        ("comment", "i think they should of kept it open lol"),
        ("comment", "John Smith says:"),
        ("comment", "Posted 3 hours ago | Reply"),
    ],
)
def test_each_kind_of_chrome_is_named_by_its_words(kind, text):
    named = dict(zip(CUE_FEATURES, cues(text), strict=True))
    assert named[kind] == 1.0


def test_plain_reporting_names_no_kind():
    assert cues(PROSE) == [0.0] * len(CUE_FEATURES)
    assert cues('"I will not resign," the mayor said.') == [0.0] * len(CUE_FEATURES)


def test_a_reader_typing_in_haste_is_told_from_a_quoted_i():
    comment = CUE_FEATURES.index("comment")
    assert cues("i hope they stay together")[comment] == 1.0
    assert cues("Then I said no to the offer.")[comment] == 0.0


def test_every_kind_has_patterns_and_hostile_text_is_cheap():
    assert {kind for kind, _ in cue_index().patterns} == set(range(len(CUE_FEATURES)))
    assert cues("a " * 100_000) == [0.0] * len(CUE_FEATURES)


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\b(?:file )?photo(?:graph)?s?\b", {"photo"}),
        (r"\b(?:says|said|wrote)\s*:?\s*$", {"says", "said", "wrote"}),
        (r"[!?]{2,}", {"!", "?"}),
        (r"\b\d+ (?:comments?|replies)\b", {"comment", "replies"}),
        (r"(?:a|)b?", set()),
        (r"[^x]yz", {"yz"}),
        (r"(?-i:Terms)", {"terms"}),
    ],
)
def test_a_pattern_needs_the_text_it_cannot_match_without(pattern, needs):
    assert pattern_needs(re.compile(pattern, re.IGNORECASE)) == needs


def test_folding_takes_every_character_a_pattern_matches_to_ascii_to_that_letter():
    for code in range(0x80, 0x110000):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or not re.fullmatch("[\x00-\x7f]", char, re.IGNORECASE):
            continue
        ascii_chars = map(chr, range(128))
        matched = {a.lower() for a in ascii_chars if re.fullmatch(re.escape(a), char, re.I)}
        assert matched <= set(fold(char)), char


@pytest.mark.parametrize(
    "text",
    [
        PROSE,
        "Photo: \u212aate Smith / GETTY",
        "PHOTOGRAPHS BY ANNE",
        "\u0130mage courtesy of the museum",
        "Po\u017fted by admin",
        "Reuters/ staff",
        "Great!! i agree",
        "About the author",
        "12 replies",
        "Share this",
    ],
)
def test_the_needed_pieces_change_no_answer(text):
    """Searching only the patterns whose pieces a line holds gives what searching each kind's
    patterns joined by '|' gives."""
    document = load_yaml(CUES_FILE)
    joined = [
        re.compile("|".join(f"(?:{pattern})" for pattern in document[name]), re.IGNORECASE)
        for name in CUE_FEATURES
    ]
    assert cues(text) == [float(pattern.search(text) is not None) for pattern in joined]


def test_a_page_gives_each_line_the_cues_it_gives_alone():
    """Pieces are looked for in the page first: a piece one line holds still counts for that
    line only, and one that only the joined lines hold (across a line break) for none."""
    page = [
        PROSE,
        "Photo: \u212aate Smith / GETTY",
        "i think they should of kept it open lol",
        "Click here to",
        "sign up",
        "Copyright 2008. All rights reserved.",
        "",
    ]
    document = load_yaml(CUES_FILE)
    joined = [
        re.compile("|".join(f"(?:{pattern})" for pattern in document[name]), re.IGNORECASE)
        for name in CUE_FEATURES
    ]
    expected = [[float(pattern.search(text) is not None) for pattern in joined] for text in page]
    assert page_cues(page) == expected
    assert any(any(row) for row in expected) and not any(expected[0])
