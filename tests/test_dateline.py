"""Wire datelines: the place and date opening a story, and the reporter's name over them."""

import pytest

from converter.rules.dateline import take_dateline
from converter.rules.state import split_lines


def texts(state):
    return [line.text for line in state.lines]


@pytest.mark.parametrize(
    ("seed", "place", "date"),
    [
        ("LONDON 1996-08-30\n\nBody.", "LONDON", "1996-08-30"),
        ("MILWAUKEE, Wisconsin 1996-08-29\n\nBody.", "MILWAUKEE, Wisconsin", "1996-08-29"),
        ("ROCHESTER, N.H. 1996-08-30\n\nBody.", "ROCHESTER, N.H.", "1996-08-30"),
        ("FARMINGTON HILLS, Mich.\n\n1996-08-30\n\nBody.", "FARMINGTON HILLS, Mich", "1996-08-30"),
    ],
)
def test_a_dateline_with_a_region_or_broken_in_two_is_lifted(seed, place, date):
    state = take_dateline(split_lines("s", seed))
    assert (state.dateline, state.date, texts(state)) == (place, date, ["Body."])


def test_the_bare_name_over_a_dateline_is_the_reporter():
    state = take_dateline(split_lines("s", "Larry Fine\n\nNEW YORK 1996-08-30\n\nBody."))
    assert (state.authors, state.dateline, texts(state)) == (("Larry Fine",), "NEW YORK", ["Body."])


@pytest.mark.parametrize(
    "seed",
    [
        "Home\n\nLONDON 1996-08-30\n\nBody.",  # one word: a menu, not a name
        "The council met on Monday.\n\nLONDON 1996-08-30\n\nBody.",
        "Larry Fine\n\nBody.",
        "Weather\n\n1996-08-30\n\nBody.",  # a place broken from its date is in capitals
    ],
)
def test_no_dateline_under_anything_but_a_reporters_name(seed):
    state = take_dateline(split_lines("s", seed))
    assert (state.dateline, state.authors, len(state.lines)) == (
        "",
        (),
        len(split_lines("s", seed).lines),
    )
