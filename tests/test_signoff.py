"""Wire sign-offs at a story's end stay in the body, and name its reporter."""

import pytest

from converter.model import RawSeed
from converter.rules import parse_seed
from converter.rules.signoff import is_signoff, signoff_authors

STORY = (
    "Comelf Profit Rises Below Target\n\nBUCHAREST 1996-08-30\n\n"
    "Romanian listed state engineer Comelf said it almost doubled six-month output, with net "
    "profit rising by 33 percent to 1.069 billion lei.\n\n"
    "But the company complained inflation and the artificially high rate of the leu cut profit "
    "margins on exports, keeping profits well below its forecast of 1.4 billion lei.\n\n"
    "Comelf's six-month output rose to 4,378 tonnes of equipment from 2,684 tonnes in the "
    "equivalent period in 1995, the company report to the Bucharest stock exchange showed.\n\n"
)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("-- Larry Fine, Wall Street Desk, 212-859-1677", ("Larry Fine",)),
        ("-- Luli Popescu, Bucharest Newsroom 40-1 3120264", ("Luli Popescu",)),
        ("-- Anthony Barker +48 22 653 9700", ("Anthony Barker",)),
        (
            "-- Jeffrey Hodgson (416) 941-8105, e-mail: jeffrey.hodgson@example.com",
            ("Jeffrey Hodgson",),
        ),
        ("-- Bucharest Newsroom 40-1-3120264", ()),
        ("-- Bombay Commodities +91-22-265 9000", ()),
        ("(Reporting by Jane Doe and John Roe; Editing by Mark Smith)", ("Jane Doe", "John Roe")),
        ("(Additional reporting by Ana Gomez in Madrid)", ("Ana Gomez",)),
    ],
)
def test_sign_offs_name_reporters_not_desks_or_editors(line, authors):
    assert is_signoff(line)
    assert signoff_authors(line) == authors


@pytest.mark.parametrize(
    "line",
    [
        "----- oOo-----",
        "-- and then he left the room, the witness said.",
        "(Editing by Mark Smith)",
        "Larry Fine, Wall Street Desk",
    ],
)
def test_other_lines_are_not_sign_offs(line):
    assert not is_signoff(line)


def test_a_sign_off_at_the_stories_end_stays_in_the_body_and_names_the_author():
    seed = STORY + "-- Luli Popescu, Bucharest Newsroom 40-1 3120264\n\nloading error\n\nrefresh\n"
    parsed = parse_seed(RawSeed(stem="s", text=seed))
    assert parsed.blocks[-1].text == "-- Luli Popescu, Bucharest Newsroom 40-1 3120264"
    assert parsed.authors == ("Luli Popescu",)
