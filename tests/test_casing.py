"""Words in the case the article gives them (converter/casing.py, data/casing.yaml)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter.casing import (
    CasingError,
    case_evidence,
    is_shouted,
    load_casing,
    parse_casing,
    title_case,
    title_keys,
    unshout,
)

PROSE = "NATO and the UK said on Monday that Alex McCarthy would lead the team, FIFA said."


def test_the_packaged_lists_load_once_and_hold_the_known_initialisms() -> None:
    casing = load_casing()
    assert load_casing() is casing
    assert {"fifa", "uk", "mp", "u.n"} <= casing.initialisms.keys()
    assert casing.initialisms["u.n"] == "U.N"  # the full stop is punctuation, kept from the text
    assert casing.abbreviations["st"] == "St"
    assert {"of", "on", "as"} <= casing.small_words


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"initialisms": None}, "initialisms: expected a list of words"),
        ({"small_words": ["of", True]}, "small_words: expected a list of words"),
        ({"abbreviations": "St"}, "abbreviations: expected a list of words"),
    ],
)
def test_a_malformed_list_is_refused_by_name(changes: dict, reason: str) -> None:
    document = {"initialisms": ["UK"], "abbreviations": ["St"], "small_words": ["of"]}
    with pytest.raises(CasingError, match=reason):
        parse_casing(document | changes)


@pytest.mark.parametrize(
    ("shouted", "written"),
    [
        (
            "RTRS - AUSTRALIAN MP JOHN LANGMORE FORMALLY RESIGNS.",
            "RTRS - Australian MP John Langmore Formally Resigns.",
        ),
        (
            "SOCCER - SILVA FINED BY FIFA AFTER UK TRIP",
            "Soccer - Silva Fined by FIFA After UK Trip",
        ),
        ("S.AFRICA'S RAND FALLS AS U.N. MEETS", "S.Africa's Rand Falls as U.N. Meets"),
        ("SHEARER NAMED AS ENGLAND CAPTAIN", "Shearer Named as England Captain"),
        ("CRICKET - A WIN FOR THE WEST INDIES", "Cricket - A Win for the West Indies"),
        (
            "O'BRIEN SAYS HE DIDN'T QUIT IN 1ST WEEK OF H1",
            "O'Brien Says He Didn't Quit in 1st Week of H1",
        ),
        (
            "MAJOR LEAGUE STANDINGS AFTER FRIDAY 'S GAMES",
            "Major League Standings After Friday's Games",
        ),
        ("PRO-SOCCER HIT-AND-RUN IN KDP AREA", "Pro-Soccer Hit-and-Run in KDP Area"),
    ],
)
def test_a_shouted_headline_is_title_cased_keeping_acronyms(shouted: str, written: str) -> None:
    assert title_case(shouted, {}) == written


def test_the_article_decides_before_the_lists() -> None:
    evidence = case_evidence([PROSE, "Here Nato and Fifa have one capital: Nato, Fifa."])
    # In this article "Nato" is the commoner form: the house style wins over the list.
    assert title_case("NATO AND FIFA MEET MCCARTHY", evidence) == "Nato and Fifa Meet McCarthy"
    assert title_case("NATO MEETS MCCARTHY", case_evidence([PROSE])) == "NATO Meets McCarthy"


@pytest.mark.parametrize(
    ("scraped", "written"),
    [
        ("Uk Meals / Feeds Follow Chicago Higher.", "UK Meals / Feeds Follow Chicago Higher."),
        ("Soccer - Excuse Not Enough For Fifa.", "Soccer - Excuse Not Enough For FIFA."),
        (
            "Boxing - Panama 'S Roberto Duran Fights On.",
            "Boxing - Panama's Roberto Duran Fights On.",
        ),
        ("Boatmen'S Deal Could Spark More Mergers.", "Boatmen's Deal Could Spark More Mergers."),
        ("Soccer - Mccarthy Names Team.", "Soccer - McCarthy Names Team."),
        ("Rtrs - Australian Mp Resigns.", "RTRS - Australian MP Resigns."),
    ],
)
def test_a_scraped_title_case_headline_gets_its_acronyms_back(scraped: str, written: str) -> None:
    assert title_case(scraped, case_evidence([PROSE])) == written


@pytest.mark.parametrize(
    "headline",
    [
        "US and Russia poised for new battle over Syria",
        "Kerry and Lavrov agree Syria truce in Geneva",
        "Pilgrims ' Progress",
        "",
        "1996-08-30",
    ],
)
def test_a_headline_in_mixed_case_is_left_as_it_is(headline: str) -> None:
    assert title_case(headline, case_evidence([PROSE])) == headline


def test_tables_and_datelines_are_no_evidence_of_capitals() -> None:
    evidence = case_evidence(
        [
            "WIGAN, England 1996-08-31",
            "Minnesota 6 MILWAUKEE 1",
            "LEICESTERSHIRE 22 POINTS SOMERSET 4",
            "NYMEX will be closed on Monday due to Labor Day, the exchange said.",
        ]
    )
    assert evidence["nymex"] == "NYMEX"
    assert evidence["minnesota"] == "Minnesota"
    assert not {"wigan", "milwaukee", "leicestershire"} & evidence.keys()
    assert "the" not in evidence and "a" not in evidence


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("NEW YORK", "New York"),
        ("LOS ANGELES", "Los Angeles"),
        ("ST LOUIS", "St Louis"),
        ("ST. LOUIS", "St. Louis"),
        ("PSV", "PSV"),
        ("BANK OF ENGLAND", "Bank of England"),
        ("PSV Eindhoven", "PSV Eindhoven"),
        ("McCarthy", "McCarthy"),
    ],
)
def test_a_name_from_a_shouted_line_is_unshouted(name: str, written: str) -> None:
    assert unshout(name, {}) == written


def test_an_unshouted_name_takes_the_article_spelling() -> None:
    assert unshout("ALEX MCCARTHY", case_evidence([PROSE])) == "Alex McCarthy"


def test_shouted_means_mostly_capitals_and_more_than_a_word() -> None:
    assert is_shouted("CRICKET - LEICESTERSHIRE TAKE OVER")
    assert not is_shouted("UK GDP UP")  # too short to tell a headline from an acronym
    assert not is_shouted("Cricket - Leicestershire Take Over")


@given(st.text())
def test_title_case_changes_only_the_case_of_letters(text: str) -> None:
    """Whatever the text (markup, YAML fences, any script), only letter case changes, and a
    space before a shouted possessive goes."""
    recased = title_case(text, case_evidence([text]))
    assert recased.replace(" ", "").casefold() == text.replace(" ", "").casefold()


@given(
    st.lists(st.text(alphabet="aAbBfFiIuUkK -.'’\n", max_size=40), max_size=6),
    st.text(alphabet="aAbBfFiIuUkK -.'’", max_size=30),
)
def test_evidence_read_for_a_headlines_words_only_recases_it_alike(
    lines: list[str], title: str
) -> None:
    full = title_case(title, case_evidence(lines))
    assert title_case(title, case_evidence(lines, title_keys(title))) == full


def test_a_headlines_keys_hold_its_words_and_a_hyphenated_words_parts() -> None:
    assert title_keys("PRO-SOCCER Star's U.S. Move") == {
        "pro-soccer",
        "pro",
        "soccer",
        "star",
        "u.s",
        "move",
    }
