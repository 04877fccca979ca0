"""A comments heading names the article's title; a line reading it is the headline."""

import pytest

from converter.rules.headline import take_headline
from converter.rules.named_headline import MAX_HEADING_CHARS, named_titles
from converter.rules.state import Line, SeedState


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        (
            "20 Responses to “Why You’re Lazy (and How to Fix It)”",
            "Why You’re Lazy (and How to Fix It)",
        ),
        ("One thought on “In Copenhagen…”", "In Copenhagen…"),
        ("2 comments on “These Weeks in Firefox: Issue 85”", "These Weeks in Firefox: Issue 85"),
        (
            'Comments on "Bush expedites Saudi smart bomb deal — Why?"',
            "Bush expedites Saudi smart bomb deal — Why?",
        ),
        ("Leave a Reply to 'Noodlecakes'", "Noodlecakes"),
        ("3 Kommentare zu „Neue Regeln für Mieter“", "Neue Regeln für Mieter"),
        ("Une réflexion sur « La rentrée des classes »", "La rentrée des classes"),
        ("5 comentarios en «El precio del pan»", "El precio del pan"),
        ("12 reacties op “Het nieuwe station”", "Het nieuwe station"),
    ],
)
def test_comment_headings_name_the_title(heading, title):
    assert named_titles([heading]) == [title]


@pytest.mark.parametrize(
    "line",
    [
        "20 Responses",  # no title
        "Comments",
        "He said “no comment” to the press on Monday",  # a sentence quoting, not a heading
        "5 comments on “X” and more besides",  # the quote does not end the line
        "Responses to “" + "x" * MAX_HEADING_CHARS + "”",  # too long to be a heading
    ],
)
def test_other_lines_name_nothing(line):
    assert named_titles([line]) == []


PAGE = [
    "Scott H Young",
    "Blog",
    "Why You’re Lazy (and How to Fix It)",
    "After spending a year working through the curriculum, I have had many questions.",
    "{heading}",
    "Great post.",
]


@pytest.mark.parametrize(
    ("heading", "best", "title"),
    [
        # the heading names line 2: it is the headline, whatever the ranker liked best
        (
            "2 Responses to “Why You’re Lazy (and How to Fix It)”",
            0,
            "Why You’re Lazy (and How to Fix It)",
        ),
        # the heading names no line: the ranker's choice stands
        ("2 Responses to “Another story”", 0, "Scott H Young"),
        ("2 Responses to “Another story”", 2, "Why You’re Lazy (and How to Fix It)"),
    ],
)
def test_a_line_the_comments_heading_names_is_the_headline(heading, best, title):
    lines = [
        Line(text.format(heading=heading), index, headline=0.9 if index == best else 0.1)
        for index, text in enumerate(PAGE)
    ]
    state = take_headline(SeedState("s", tuple(lines), language="en"))
    assert (state.title, state.top) == (title, PAGE.index(title))
