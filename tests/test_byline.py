"""Bylines: names and agencies out of the lines by the headline, and those lines out of the body."""

import pytest

from converter.rules.byline import read_byline, take_byline
from converter.rules.state import LINES_BELOW_TOP, split_lines


@pytest.mark.parametrize(
    ("line", "authors", "agency"),
    [
        ("By Randy Maniloff", ("Randy Maniloff",), ""),
        ("Jamelle Bouie, Opinion Columnist", ("Jamelle Bouie",), ""),
        ("By SETH ROBERTS at 1:12 pm Thursday, Aug 9", ("Seth Roberts",), ""),
        ("By Jane Doe and John van der Berg", ("Jane Doe", "John van der Berg"), ""),
        ("By Matthew Lee, Associated Press", ("Matthew Lee",), "Associated Press"),
        ("By Philip Bump (AP)", ("Philip Bump",), "Associated Press"),
        ("Monday, November 12, 2012, by Matthew Kang", ("Matthew Kang",), ""),
        ("Posted by Ana Gomez | 05.12.08", ("Ana Gomez",), ""),
        ("Par Jean Dupont", ("Jean Dupont",), ""),
        ("By Karl zu Guttenberg", ("Karl zu Guttenberg",), ""),
        ("By Michael Lombardi, MBA for Profit Confidential", ("Michael Lombardi",), ""),
        ("By TMZ STAFF", ("TMZ Staff",), ""),
    ],
)
def test_bylines_give_names_and_agencies(line, authors, agency):
    byline = read_byline(line)
    assert byline is not None
    assert (byline.authors, byline.agency) == (authors, agency)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year the council had spent its budget.",
        "by far the largest",
        "Opinion Columnist",
        "The minister, speaking on Monday, said the talks would go on for another week at least.",
        "Share this, Facebook",
        "WTNH Tax Center: Bill Saas, CPA",
    ],
)
def test_sentences_and_labels_are_not_bylines(line):
    assert read_byline(line) is None


def test_the_byline_by_the_headline_leaves_the_body():
    state = split_lines("s", "By Randy Maniloff\nThe story starts here.\nBy the way, it goes on.")
    state = take_byline(state)
    assert state.authors == ("Randy Maniloff",)
    assert [line.text for line in state.lines] == [
        "The story starts here.",
        "By the way, it goes on.",
    ]


def test_a_byline_deep_in_the_body_stays_there():
    body = [f"Paragraph {number} of the story goes on." for number in range(LINES_BELOW_TOP)]
    state = take_byline(split_lines("s", "\n".join([*body, "By Randy Maniloff"])))
    assert state.authors == ()
    assert state.lines[-1].text == "By Randy Maniloff"
    near = take_byline(split_lines("s", "\n".join([*body[1:], "By Randy Maniloff"])))
    assert near.authors == ("Randy Maniloff",)


def test_a_credit_inside_parentheses_is_no_byline():
    assert read_byline("1. Miss Stamper 3-1 joint-favourite (ridden by David Harrison)") is None
