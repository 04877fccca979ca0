"""Actor extraction: the real model over small texts, then cleaning and merging."""

import pytest

from converter.enrich.actors import (
    Mention,
    clean_name,
    extract_actors,
    load_language,
    merge_mentions,
)
from converter.enrich.aliases import load_alias_table, parse_alias_table
from converter.model import Actor
from converter.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def names(actors):
    return [actor.name for actor in actors]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Secretary of State John Kerry", "John Kerry"),
        ("Russian Foreign Minister Sergey Lavrov", "Sergey Lavrov"),
        ("Kerry's", "Kerry"),
        ("the United States", "United States"),
        ("President", "President"),
    ],
)
def test_clean_name_strips_titles_possessives_and_the(raw, clean):
    language = load_language()
    assert clean_name(raw, language) == clean


def test_surname_merges_into_full_name():
    mentions = [
        Mention("John Kerry", "person"),
        Mention("Kerry", "person"),
        Mention("Kerry", "place"),
    ]
    assert merge_mentions(mentions, parse_alias_table({})) == (Actor("John Kerry", "person"),)


def test_ambiguous_surname_is_not_merged():
    mentions = [
        Mention("John Smith", "person"),
        Mention("Jane Smith", "person"),
        Mention("Smith", "person"),
    ]
    assert names(merge_mentions(mentions, parse_alias_table({}))) == [
        "Jane Smith",
        "John Smith",
        "Smith",
    ]


def test_capital_stands_for_country_only_beside_it():
    table = load_alias_table()
    with_country = [Mention("Washington", "place"), Mention("US", "place")]
    assert names(merge_mentions(with_country, table)) == ["United States"]
    assert names(merge_mentions([Mention("Washington", "place")], table)) == ["Washington"]


def test_source_credit_and_its_initials_are_dropped():
    mentions = [
        Mention("AP", "organisation"),
        Mention("Associated Press", "organisation"),
        Mention("Syria", "place"),
    ]
    assert names(merge_mentions(mentions, parse_alias_table({}), ["Associated Press"])) == ["Syria"]


def test_model_text_end_to_end(nlp):
    doc = nlp(
        "Secretary of State John Kerry met Russian Foreign Minister Sergey Lavrov in Geneva. "
        "However, Kerry said the Russian suggestion was weak. Lavrov disagreed."
    )
    actors = extract_actors(doc, load_alias_table())
    assert {"John Kerry", "Sergey Lavrov"} <= set(names(actors))
    assert not {"Kerry", "Lavrov", "Russian", "However", "State"} & set(names(actors))
    assert Actor("John Kerry", "person") in actors


def test_sentence_start_words_are_never_actors(nlp):
    doc = nlp("Instead, the talks failed. However, Attack on aid convoy. Source: nobody.")
    assert not {"Instead", "However", "Attack", "Source"} & set(
        names(extract_actors(doc, load_alias_table()))
    )
