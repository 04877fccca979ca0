"""Actor extraction: the real model over small texts, then cleaning and merging."""

from collections import defaultdict
from pathlib import Path

import pytest

from converter.enrich.actors import (
    Mention,
    clean_name,
    extract_actors,
    is_actor_name,
    merge_mentions,
    strip_calendar_words,
)
from converter.enrich.aliases import load_alias_table, parse_alias_table
from converter.frontmatter import parse_header, read_header
from converter.language import load_language
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


def test_dateline_place_is_an_actor(nlp):
    doc = nlp("Police said the fire started at night.")
    assert Actor("London", "place") in extract_actors(doc, load_alias_table(), dateline="LONDON")


def test_headline_entity_counts_only_when_the_body_names_it(nlp):
    headline = "Soccer - Shearer Named As England Captain Again"
    doc = nlp(headline + "\n\nAlan Shearer will lead England, the coach said.")
    actors = names(extract_actors(doc, load_alias_table(), headline_chars=len(headline)))
    assert "Alan Shearer" in actors and "England" in actors
    assert not [name for name in actors if "Captain" in name or "Soccer" in name]


def test_capital_in_a_locative_phrase_stays_a_place():
    table = load_alias_table()
    mentions = [Mention("Damascus", "place", locative=True), Mention("Syria", "place")]
    assert names(merge_mentions(mentions, table)) == ["Damascus", "Syria"]
    governing = [
        Mention("Moscow", "place"),
        Mention("Moscow", "place", locative=True),
        Mention("Moscow", "place"),
        Mention("Russia", "place"),
    ]
    assert names(merge_mentions(governing, table)) == ["Russia"]


def test_case_variants_are_one_actor_in_mixed_case():
    mentions = [Mention("BOGOTA", "place"), Mention("Bogota", "place")]
    assert names(merge_mentions(mentions, parse_alias_table({}))) == ["Bogota"]


def test_first_name_and_initialled_forms_join_the_full_name():
    mentions = [
        Mention("Jason Gillespie", "person"),
        Mention("J. Gillespie", "person"),
        Mention("Gillespie", "person"),
        Mention("Jason", "person"),
    ]
    assert names(merge_mentions(mentions, parse_alias_table({}))) == ["Jason Gillespie"]


def test_short_company_name_joins_the_full_one():
    mentions = [Mention("Lear Corp", "organisation"), Mention("Lear", "organisation")]
    assert names(merge_mentions(mentions, parse_alias_table({}))) == ["Lear Corp"]


def test_names_glued_to_scores_are_cleaned():
    language = load_language()
    assert clean_name("Durham 114", language) == "Durham"
    assert clean_name("Frankie Fredericks (Namibia", language) == "Frankie Fredericks"


def test_a_dateline_in_capitals_names_the_place_as_the_text_writes_it(nlp):
    doc = nlp("Police in New York said the fire started at night.")
    assert Actor("New York", "place") in extract_actors(
        doc, load_alias_table(), dateline="NEW YORK"
    )
    doc = nlp("Police said the fire started at night.")
    actors = extract_actors(doc, load_alias_table(), dateline="ST LOUIS")
    assert "St Louis" in names(actors)


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("December", False),
        ("Friday", False),
        ("Aug 30", False),
        ("Sept. 21", False),
        ("December 1996", False),
        ("Jan Kroslak", True),
        ("May Day Parade", True),
        ("Chicago NAPM", True),
        ("the government", False),
        ("Russian", False),
    ],
)
def test_dates_offices_and_nationalities_are_not_actor_names(name, actor):
    assert is_actor_name(clean_name(name, load_language()), load_language()) == actor


def test_a_month_or_weekday_at_a_name_s_end_is_a_date_beside_it():
    language = load_language()
    assert strip_calendar_words("August Chicago NAPM", language) == "Chicago NAPM"
    assert strip_calendar_words("Sept Brent", language) == "Brent"
    assert strip_calendar_words("Wall Street Friday", language) == "Wall Street"
    assert strip_calendar_words("December", language) == "December"  # is_actor_name drops it


def test_month_and_weekday_names_are_never_actors(nlp):
    doc = nlp(
        "The August Chicago NAPM index rose 8.8 points on Friday, its highest since December. "
        "Sept Brent crude fell. Analyst Jan Kroslak said Monday that the Bank of England agreed."
    )
    actors = names(extract_actors(doc, load_alias_table()))
    calendar = load_language().calendar_words
    assert not [
        name for name in actors if name.casefold().split()[0] in calendar and name != "Jan Kroslak"
    ]
    assert "Bank of England" in actors


@pytest.fixture(scope="module")
def conll_dev_actors(conll_dev_docs: Path) -> dict[str, list[str]]:
    """Each CoNLL-2003 dev page's actors, as the real batch wrote them."""
    pages = sorted(Path(conll_dev_docs, "articles").glob("*.md"))
    assert len(pages) == 210
    return {page.stem: parse_header(read_header(page))["actors"] for page in pages}


def test_no_conll_actor_differs_from_another_only_by_case(conll_dev_actors):
    """Datelines ("NEW YORK"), tables and headlines in capitals give each name one spelling
    across the archive: "NEW York" and "New York" were two actors."""
    spellings = defaultdict(set)
    for actors in conll_dev_actors.values():
        for name in actors:
            spellings[name.casefold()].add(name)
    assert [sorted(names) for names in spellings.values() if len(names) > 1] == []
    assert {"New York", "Los Angeles"} <= set().union(*spellings.values())


def test_no_conll_actor_is_a_month_or_weekday(conll_dev_actors):
    calendar = load_language().calendar_words
    dated = {
        name
        for actors in conll_dev_actors.values()
        for name in actors
        if name.casefold() in calendar or name.casefold().split()[0] in calendar
    }
    assert dated <= {"Jan Kroslak"}  # a person whose first name is a month's abbreviation


def test_each_place_of_a_dateline_and_each_reporter_is_an_actor(nlp):
    doc = nlp("Police said the fire started at night.")
    actors = extract_actors(
        doc, load_alias_table(), dateline="MILWAUKEE, Wisconsin", reporters=["Larry Fine"]
    )
    assert {Actor("Milwaukee", "place"), Actor("Wisconsin", "place")} <= set(actors)
    assert Actor("Larry Fine", "person") in actors


def test_a_contact_label_is_no_actor():
    language = load_language()
    assert not is_actor_name("Fax", language)
    assert not is_actor_name("Tel", language)
