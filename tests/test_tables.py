"""Names in results tables and line-ups."""

import dataclasses

import pytest

from converter.enrich.tables import is_table_like, table_mentions
from converter.language import load_language
from converter.model import Block

PARTICLES = load_language().name_particles


def names(text: str, not_actors: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    language = dataclasses.replace(load_language(), not_actors=not_actors)
    return [(m.name, m.kind) for m in table_mentions((Block("paragraph", text),), language)]


@pytest.mark.parametrize(
    "text",
    ["Stoke 4 3 1 0 7 4 10", "DETROIT 4 Kansas City 0", "Bradford 1 Tranmere 0"],
)
def test_table_rows_are_recognised(text):
    assert is_table_like(text, PARTICLES)


@pytest.mark.parametrize(
    "text",
    [
        "The US said 20 people died on Monday in 3 attacks.",
        "Shares rose 4 percent to 120 pence.",
        "Kerry met Lavrov.",
    ],
)
def test_prose_is_not_a_table(text):
    assert not is_table_like(text, PARTICLES)
    assert names(text) == []


def test_standings_and_results_give_teams():
    assert names("Queens Park Rangers 3 2 1 0 5 3 7") == [("Queens Park Rangers", "organisation")]
    assert names("DETROIT 4 Kansas City 0") == [
        ("Detroit", "organisation"),
        ("Kansas City", "organisation"),
    ]


def test_scorecards_give_initialled_players_as_people():
    found = names("Bristol: Gloucestershire 183 and 185-6 (J. Russell 56 not out), Derbyshire 190")
    assert ("J. Russell", "person") in found
    assert ("Bristol", "organisation") in found and ("Gloucestershire", "organisation") in found


def test_line_ups_give_people_with_particles():
    found = names("France - 1 - Bernard Lama; 2 - Lilian Thuram, 14 - Joaquin del Olmo 87th")
    assert ("Bernard Lama", "person") in found
    assert ("Joaquin del Olmo", "person") in found


def test_table_headings_are_not_names():
    assert names("Total 229 Extras 12", frozenset({"total", "extras"})) == []
