"""Publication dates by the headline, read by dateparser, never relative to today."""

import pytest

from converter.rules.published import read_date, take_date
from converter.rules.state import split_lines


@pytest.mark.parametrize(
    ("line", "language", "iso"),
    [
        ("Nov. 18, 2019 7:04 pm ET", "en", "2019-11-18"),
        ("Updated Nov. 18, 2019 7:04 pm ET", "en", "2019-11-18"),
        ("9 Aug 2012 2:27 PM", "en", "2012-08-09"),
        ("Posted on July 3, 2008 at 5:00 pm", "en", "2008-07-03"),
        ("2008-05-12", "en", "2008-05-12"),
        ("Monday, November 12, 2012, by Matthew Kang", "en", "2012-11-12"),
        ("Le 12 mars 2019 à 10h", "fr", "2019-03-12"),
        ("12. März 2019", "de", "2019-03-12"),
    ],
)
def test_full_dates_are_read_in_the_articles_language(line, language, iso):
    found = read_date(line, language)
    assert found is not None and found[0] == iso


@pytest.mark.parametrize(
    "line",
    [
        "Updated 11:21 pm CST",
        "2 hours ago",
        "Today",
        "In 2007, she moved to Dublin to work for an Irish branch of a software company there.",
    ],
)
def test_no_date_without_day_month_and_year(line):
    assert read_date(line, "en") is None


def test_a_date_line_leaves_the_body_and_a_sentence_with_a_date_stays():
    state = take_date(split_lines("s", "Updated Nov. 18, 2019 7:04 pm ET\nThe story."))
    assert (state.date, [line.text for line in state.lines]) == ("2019-11-18", ["The story."])
    sentence = "On March 3, 2008 the council voted to close the old library for good."
    state = take_date(split_lines("s", sentence))
    assert [line.text for line in state.lines] == [sentence]
