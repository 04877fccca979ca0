"""The words by which chrome that reads like prose gives itself away (rules/cues.py)."""

import pytest

from converter.rules.cues import CUE_FEATURES, cue_patterns, cues

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


def test_the_patterns_are_one_per_feature_and_cheap_on_hostile_text():
    assert len(cue_patterns()) == len(CUE_FEATURES)
    assert cues("a " * 100_000) == [0.0] * len(CUE_FEATURES)
