"""The vocabulary (converter/enrich/topics.py, converter/data/topics.yaml): the topic tree, its
cues, the word model file and the tokenizer."""

from __future__ import annotations

import dataclasses
import json
import re
from importlib import resources

import pytest
from helpers import small_topic_model, topic_names

from converter.enrich.classify import classify
from converter.enrich.topics import (
    Cue,
    TopicEntry,
    VocabularyError,
    build_vocabulary,
    load_vocabulary,
    parse_model,
    tokenize,
)

IPTC_SUBJECTS = {
    "medtop:01000000": "arts, culture, entertainment and media",
    "medtop:02000000": "crime, law and justice",
    "medtop:03000000": "disaster, accident and emergency incident",
    "medtop:04000000": "economy, business and finance",
    "medtop:05000000": "education",
    "medtop:06000000": "environment",
    "medtop:07000000": "health",
    "medtop:08000000": "human interest",
    "medtop:09000000": "labour",
    "medtop:10000000": "lifestyle and leisure",
    "medtop:11000000": "politics",
    "medtop:12000000": "religion",
    "medtop:13000000": "science and technology",
    "medtop:14000000": "society",
    "medtop:15000000": "sport",
    "medtop:16000000": "conflict, war and peace",
    "medtop:17000000": "weather",
}

"""A BBC-style politics story told through health policy: the cue words alone call it health."""


# ---------------------------------------------------------------- the vocabulary


def test_the_vocabulary_holds_the_17_iptc_subjects_by_their_exact_names(vocabulary):
    assert {entry.code: entry.name for entry in vocabulary.subjects} == IPTC_SUBJECTS


def test_every_narrower_topic_has_a_parent_and_leads_up_to_a_subject(vocabulary):
    codes = {entry.code for entry in vocabulary.entries}
    for index, entry in enumerate(vocabulary.entries):
        if entry.parent_code is not None:
            assert entry.parent_code in codes, entry.name
        assert vocabulary.entries[vocabulary.lineage[index][-1]].parent_code is None


def test_names_and_codes_are_unique(vocabulary):
    entries = vocabulary.entries
    assert len({entry.name for entry in entries}) == len(entries)
    assert len({entry.code for entry in entries}) == len(entries)
    assert all(re.fullmatch(r"medtop:\d{8}", entry.code) for entry in entries)


def test_humanitarian_aid_has_iptcs_foreign_aid_code_under_international_relations(vocabulary):
    by_name = {entry.name: entry for entry in vocabulary.entries}
    assert by_name["humanitarian aid"].code == "medtop:20000643"
    assert by_name["humanitarian aid"].parent_code == by_name["international relations"].code


def test_every_subject_is_covered_by_many_cues(vocabulary):
    cues_per_subject: dict[str, int] = {}
    for index, entry in enumerate(vocabulary.entries):
        subject = vocabulary.entries[vocabulary.lineage[index][-1]].name
        cues_per_subject[subject] = cues_per_subject.get(subject, 0) + len(entry.cues)
    assert set(cues_per_subject) == set(IPTC_SUBJECTS.values())
    assert min(cues_per_subject.values()) >= 30, cues_per_subject
    assert 40 <= len(vocabulary.entries) - len(vocabulary.subjects) <= 80


def test_load_vocabulary_reads_the_file_once(vocabulary):
    assert load_vocabulary() is vocabulary


def test_load_vocabulary_reads_a_curators_file(tmp_path):
    path = tmp_path / "topics.yaml"
    path.write_text(
        "ignore: [boxing day]\n"
        "topics:\n"
        '  - {code: "medtop:15000000", name: sport, cues: [match, {term: boxing, weight: 3}]}\n'
        '  - code: "medtop:20000888"\n'
        "    name: cricket\n"
        '    parent: "medtop:15000000"\n'
        "    cues: [wicket]\n",
        "utf-8",
    )
    vocabulary = load_vocabulary(path)
    assert [entry.name for entry in vocabulary.entries] == ["sport", "cricket"]
    assert vocabulary.entries[0].cues == (Cue("match"), Cue("boxing", 3.0))
    assert topic_names(classify("Wicket falls", "", vocabulary)) == ["sport", "cricket"]
    assert classify("Boxing Day sales", "", vocabulary) == ()


@pytest.mark.parametrize(
    ("entries", "reason"),
    [
        ([TopicEntry("medtop:1", "a", "medtop:9", ())], "unknown parent"),
        (
            [TopicEntry("medtop:1", "a", None, ()), TopicEntry("medtop:2", "a", None, ())],
            "duplicate name",
        ),
        (
            [TopicEntry("medtop:1", "a", None, ()), TopicEntry("medtop:1", "b", None, ())],
            "repeats the code",
        ),
        (
            [TopicEntry("medtop:1", "a", None, ()), TopicEntry("medtop:1", "b", "medtop:1", ())],
            "repeats the code",
        ),
        (
            [
                TopicEntry("medtop:1", "a", None, (Cue("wars"),)),
                TopicEntry("medtop:2", "b", "medtop:1", (Cue("war"),)),
            ],
            "already a cue of its broader topic",
        ),
        ([TopicEntry("medtop:1", "a", None, (Cue("--"),))], "empty cue"),
    ],
)
def test_inconsistent_vocabularies_are_refused_with_the_reason(entries, reason):
    with pytest.raises(VocabularyError, match=reason):
        build_vocabulary(entries)


# ---------------------------------------------------------------- the word model

BBC_SUBJECTS = {
    "medtop:01000000",
    "medtop:04000000",
    "medtop:11000000",
    "medtop:13000000",
    "medtop:15000000",
}
MODEL_FILE = resources.files("converter.data").joinpath("topic_model.json")


def test_the_packaged_model_loads_over_the_five_bbc_subjects(vocabulary):
    model = vocabulary.model
    assert model is not None
    assert {vocabulary.entries[index].code for index in model.subjects} == BBC_SUBJECTS
    assert 0.5 <= model.threshold < 1 and model.weight > 0
    assert 100 <= len(model.weights[0]) <= 5000
    assert all(column.keys() == model.weights[0].keys() for column in model.weights)


def test_the_model_file_is_small_and_says_what_it_was_trained_on():
    text = MODEL_FILE.read_text("utf-8")
    assert len(text.encode("utf-8")) < 1_000_000
    document = json.loads(text)
    assert "odd-numbered" in document["trained_on"]
    assert document["cross_validation"]["top1_accuracy"] >= 0.90


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"subjects": ["medtop:15000000", "medtop:99000000"]}, "unknown"),
        ({"subjects": ["medtop:15000000", "medtop:20001065"]}, "top-level"),
        ({"subjects": ["medtop:15000000", "medtop:15000000"]}, "distinct"),
        ({"bias": [0.0]}, "one bias per class"),
        ({"weights": {"wicket": [5.0]}}, "one weight per class"),
        ({"threshold": 1.0}, "bad threshold"),
        ({"weight": "heavy"}, "malformed"),
        ({"weights": None}, "malformed"),
    ],
)
def test_a_malformed_model_is_refused_with_the_reason(vocabulary, changes, reason):
    with pytest.raises(VocabularyError, match=reason):
        parse_model(small_topic_model(**changes), vocabulary)


def test_a_missing_model_entry_is_refused(vocabulary):
    document = small_topic_model()
    del document["bias"]
    with pytest.raises(VocabularyError, match="missing"):
        parse_model(document, vocabulary)


def test_a_curators_file_names_its_model_beside_it(tmp_path):
    (tmp_path / "model.json").write_text(json.dumps(small_topic_model()), "utf-8")
    path = tmp_path / "topics.yaml"
    path.write_text(
        "model: model.json\n"
        "topics:\n"
        '  - {code: "medtop:15000000", name: sport, cues: [match]}\n'
        '  - {code: "medtop:11000000", name: politics, cues: [election]}\n',
        "utf-8",
    )
    vocabulary = load_vocabulary(path)
    assert vocabulary.model is not None
    cues_only = dataclasses.replace(vocabulary, model=None)
    story = ("Election day", "The wicket was damp, the wicket keeper said.")
    assert topic_names(classify(*story, cues_only)) == ["politics"]
    assert topic_names(classify(*story, vocabulary)) == ["sport", "politics"]
    assert classify("Wicket", "Wicket.", vocabulary) == ()  # the model adds to cues, never alone


# ---------------------------------------------------------------- tokens


def test_tokens_ignore_case_punctuation_accents_and_plural_s():
    assert tokenize("Cease-fire: TROOPS’ Coups d'état, companies, matches") == [
        "cease", "fire", "troop", "coup", "d", "etat", "company", "match",
    ]  # fmt: skip


def test_money_amounts_are_not_words():
    assert tokenize("a £100m deal, $4.5bn and the 100m final") == [
        "a",
        "deal",
        "and",
        "the",
        "100m",
        "final",
    ]


def test_words_whose_final_s_is_not_a_plural_are_kept():
    assert tokenize("news arms aids commons series") == [
        "news",
        "arms",
        "aids",
        "commons",
        "series",
    ]


# ---------------------------------------------------------------- classify


