"""The word lists of converter/data/language.yaml (converter/language.py)."""

from __future__ import annotations

import pytest

from converter.language import LanguageError, load_language, parse_language

LISTS = (
    "titles",
    "not_actors",
    "calendar_words",
    "demonyms",
    "locative_words",
    "name_particles",
    "keep_plural",
    "abbreviations",
)


def document(**changes: object) -> dict[str, object]:
    lists: dict[str, object] = {key: ["word"] for key in LISTS}
    return lists | changes


def test_the_packaged_lists_load_once_and_hold_only_words() -> None:
    language = load_language()
    assert load_language() is language
    assert {"in", "visited"} <= language.locative_words
    assert {"van", "der", "y"} <= language.name_particles  # "y" quoted: no YAML boolean
    assert "news" in language.keep_plural
    assert language.abbreviation.search("No.") and language.abbreviation.search("U.S.")


def test_titles_are_folded_and_longest_first() -> None:
    language = parse_language(document(titles=["Minister", "prime minister", "MINISTER"]))
    assert language.titles == ("prime minister", "minister")


def test_abbreviations_are_words_not_patterns() -> None:
    language = parse_language(document(abbreviations=["U.S", "Mr"]))
    assert language.abbreviation.search("the U.S.") and language.abbreviation.search("Mr.")
    assert not language.abbreviation.search("the UxS.")  # the dot is a dot
    assert language.abbreviation.search("J.")  # an initial is always one
    assert not language.abbreviation.search("Then he left.")


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"locative_words": None}, "locative_words: expected a list of words"),
        ({"abbreviations": ["Mr", False]}, "abbreviations: expected a list of words"),
        ({"name_particles": "van"}, "name_particles: expected a list of words"),
    ],
)
def test_a_malformed_list_is_refused_by_name(changes: dict, reason: str) -> None:
    with pytest.raises(LanguageError, match=reason):
        parse_language(document(**changes))
