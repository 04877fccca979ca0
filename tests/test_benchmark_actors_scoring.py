"""The actor benchmark's scoring on hand-made stories: its figures are only as good as these."""

import subprocess
import sys

import pytest
from helpers import BENCHMARKS, load_benchmark

from converter.model import Actor

SCRIPT = BENCHMARKS / "actors.py"
bench = load_benchmark("actors")


def person(name):
    return Actor(name, "person")


def place(name):
    return Actor(name, "place")


def organisation(name):
    return Actor(name, "organisation")


def test_scoring_loads_without_spacy():
    # A fresh interpreter: this session may have imported spaCy through other tests.
    check = (
        "import importlib.util, sys;"
        f"spec = importlib.util.spec_from_file_location('b', {str(SCRIPT)!r});"
        "module = importlib.util.module_from_spec(spec); sys.modules['b'] = module;"
        "spec.loader.exec_module(module); assert 'spacy' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", check], check=True)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("U.S.", ("united", "states")),
        ("US", ("united", "states")),
        ("USA", ("united", "states")),
        ("the United States", ("united", "states")),
        ("UK", ("united", "kingdom")),
        ("Britain", ("united", "kingdom")),
        ("U.N.", ("united", "nations")),
        ("EU", ("european", "union")),
        ("The Oval", ("oval",)),
        ("P. Simmons", ("p", "simmons")),
        ("Chester-le-Street", ("chester", "le", "street")),
        ("Tim O'Gorman", ("tim", "ogorman")),
        ("LONDON", ("london",)),
        ("The", ("the",)),
        ("...", ()),
    ],
)
def test_normalise(raw, words):
    assert bench.normalise(raw) == words


def test_containment_is_by_whole_words():
    assert bench.related(("salem", "bitar"), ("bitar",))
    assert bench.related(("bitar",), ("salem", "bitar"))
    assert not bench.related(("bitarov",), ("bitar",))
    assert not bench.related((), ("bitar",))


def test_short_form_of_a_longer_gold_name_counts_once():
    gold = bench.gold_names({"PER": ["Bitar", "Salem Bitar"], "ORG": ["Bitar"]})
    assert [(name.text, name.types) for name in gold] == [
        ("Salem Bitar", frozenset({"PER"})),
        ("Bitar", frozenset({"ORG"})),
    ]


def test_gold_spellings_and_types_of_one_name_collapse():
    gold = bench.gold_names({"ORG": ["NEW YORK"], "LOC": ["New York", "NEW YORK", "LONDON"]})
    assert [(name.words, name.types) for name in gold] == [
        (("new", "york"), frozenset({"ORG", "LOC"})),
        (("london",), frozenset({"LOC"})),
    ]


def test_bitar_story_merged_is_one_true_positive():
    story = bench.score("s", [person("Salem Bitar")], {"PER": ["Bitar", "Salem Bitar"]})
    assert (len(story.matches), len(story.false_positives), len(story.misses)) == (1, 0, 0)


def test_unmerged_alias_is_a_false_positive():
    entities = {"PER": ["Bitar", "Salem Bitar"]}
    story = bench.score("s", [person("Bitar"), person("Salem Bitar")], entities)
    assert story.matches == ((person("Salem Bitar"), story.gold[0]),)
    assert story.false_positives == (person("Bitar"),)
    assert story.misses == ()


def test_abbreviations_match_their_expansion():
    entities = {"LOC": ["U.S.", "Britain"], "ORG": ["UN"]}
    actors = [place("United States"), place("United Kingdom"), organisation("United Nations")]
    story = bench.score("s", actors, entities)
    assert (len(story.matches), len(story.false_positives), len(story.misses)) == (3, 0, 0)


def test_two_spellings_of_one_country_leave_one_false_positive():
    story = bench.score("s", [place("US"), place("United States")], {"LOC": ["U.S."]})
    assert (len(story.matches), len(story.false_positives)) == (1, 1)


def test_leading_the_and_punctuation_are_ignored():
    entities = {"LOC": ["The Oval"], "PER": ["Tim O'Gorman"], "ORG": ["Chester-le-Street"]}
    actors = [place("Oval"), person("Tim O’Gorman"), organisation("Chester le Street")]
    story = bench.score("s", actors, entities)
    assert len(story.matches) == 3


def test_actor_matching_only_misc_is_ignored():
    entities = {"MISC": ["Australian Open"], "PER": ["Pete Sampras"]}
    story = bench.score("s", [organisation("Australian Open"), person("Pete Sampras")], entities)
    assert story.ignored == (organisation("Australian Open"),)
    assert (len(story.matches), len(story.false_positives)) == (1, 0)


def test_actor_matching_misc_and_a_taken_gold_name_is_still_a_false_positive():
    entities = {"MISC": ["Open"], "PER": ["Open"]}
    story = bench.score("s", [person("Open"), organisation("Open")], entities)
    assert (len(story.matches), len(story.false_positives), len(story.ignored)) == (1, 1, 0)


def test_actor_matching_nothing_is_a_false_positive_and_gold_unmatched_a_miss():
    story = bench.score("s", [place("Reuters")], {"PER": ["Phil Simmons"]})
    assert story.false_positives == (place("Reuters"),)
    assert [name.text for name in story.misses] == ["Phil Simmons"]


def test_matching_is_maximum_not_greedy():
    # Greedy would give "Smith" to "John Smith" and leave "Anna Smith" unmatched.
    actors = [("smith",), ("john", "smith")]
    gold = [("john", "smith"), ("anna", "smith")]
    assert bench.match(actors, gold) == {0: 1, 1: 0}


def test_match_prefers_the_exact_pair():
    actors = [("simmons",), ("phil", "simmons")]
    gold = [("phil", "simmons")]
    assert bench.match(actors, gold) == {1: 0}


def test_tally_figures_and_per_type_recall():
    first = bench.score(
        "a",
        [person("Salem Bitar"), person("Bitar"), place("Damascus")],
        {"PER": ["Salem Bitar"], "LOC": ["Damascus", "Syria"]},
    )
    second = bench.score("b", [organisation("Essex")], {"ORG": ["Essex"], "MISC": ["English"]})
    totals = bench.tally([first, second])
    assert (totals.stories, totals.gold, totals.actors) == (2, 4, 4)
    assert (totals.tp, totals.fp, totals.fn) == (3, 1, 1)
    assert totals.precision == pytest.approx(0.75)
    assert totals.recall == pytest.approx(0.75)
    assert totals.f1 == pytest.approx(0.75)
    assert totals.recall_by_type["PER"] == bench.Ratio(1, 1)
    assert totals.recall_by_type["LOC"] == bench.Ratio(1, 2)
    assert totals.precision_by_kind["person"] == bench.Ratio(1, 2)
    assert totals.type_agreement == bench.Ratio(3, 3)


def test_untyped_match_counts_but_kind_disagreement_is_reported():
    story = bench.score("s", [place("Essex")], {"ORG": ["Essex"]})
    totals = bench.tally([story])
    assert totals.tp == 1
    assert totals.recall_by_type["ORG"] == bench.Ratio(1, 1)
    assert totals.type_agreement == bench.Ratio(0, 1)
