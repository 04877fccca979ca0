"""Tests for converter/enrich/topics.py and the vocabulary in converter/data/topics.yaml."""

from __future__ import annotations

import dataclasses
import json
import re
from importlib import resources
from pathlib import Path

import pytest

from converter.enrich.topics import (
    Cue,
    TopicEntry,
    VocabularyError,
    build_vocabulary,
    classify,
    load_vocabulary,
    parse_model,
    subject_votes,
    tokenize,
    word_features,
)
from converter.model import Topic

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f814c7b6e486f735.txt"

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

WAR_STORY = (
    "Rebels shell besieged city as fighting intensifies",
    "Government troops and rebel fighters clashed overnight on the outskirts of the city, the "
    "army said, as artillery shelling and airstrikes killed at least 30 civilians. The military "
    "offensive is the heaviest since the civil war began. Soldiers said the frontline had moved.",
)
MATCH_REPORT = (
    "Late equaliser rescues point for United",
    "A stoppage-time header from the substitute striker earned United a 2-2 draw at home. The "
    "visitors led twice through their midfielder, and the goalkeeper saved a penalty before the "
    "break. The manager said the result kept his side fourth in the Premier League table.",
)
EARNINGS_REPORT = (
    "Retailer's quarterly profit beats forecasts",
    "The supermarket chain reported a pre-tax profit of £512m for the third quarter, up 8% on a "
    "year earlier, as sales rose 4%. Shares rose 3% in London after the results. The chief "
    "executive said the company would raise its dividend, and analysts expect earnings to grow.",
)
STORM_FORECAST = (
    "Storm to bring gales and heavy rain at the weekend",
    "Forecasters have issued a weather warning as a deep area of low pressure moves in from the "
    "Atlantic. Gusts of up to 70mph and heavy rain are expected, with temperatures falling to "
    "near freezing and snow on high ground, the Met Office said.",
)
FLOOD = (
    "Floods kill dozens as rivers burst their banks",
    "Floods triggered by days of torrential rain have killed at least 42 people and forced tens "
    "of thousands from their homes, officials said on Tuesday. Rescue teams used boats and "
    "helicopters to reach villages cut off by rising water, and the army was deployed to help "
    "with evacuations. The national disaster agency said more than 12,000 homes had been damaged "
    "and that the death toll was likely to rise. Landslides blocked several highways.",
)
COURT_CASE = (
    "Former mayor jailed for 12 years for corruption",
    "A former city mayor was sentenced to 12 years in prison on Thursday after a jury found him "
    "guilty of fraud, bribery and money laundering. Prosecutors told the court that he accepted "
    "more than $2 million in bribes from contractors. Defence lawyers said they would appeal "
    "against the verdict, and the judge said he had abused his office.",
)
EARTHQUAKE = (
    "Strong earthquake strikes off the coast, tsunami warning issued",
    "A powerful earthquake with a magnitude of 7.1 struck off the coast early on Friday, shaking "
    "buildings in the capital. At least nine people were killed when houses collapsed, and rescue "
    "workers were searching the rubble for survivors as aftershocks were felt.",
)
BOMBING = (
    "Suicide bomber kills 18 at crowded market",
    "A suicide bomber blew himself up in a crowded market on Sunday, killing at least 18 people, "
    "police said. Security officials blamed an Islamist militant group that has carried out "
    "similar bombings, and the interior minister condemned the attack as an act of terrorism.",
)
PLANE_CRASH = (
    "Passenger plane crashes on approach, killing 62",
    "A passenger plane crashed while approaching the airport in heavy fog on Monday, killing all "
    "62 people on board. Firefighters reached the wreckage within minutes but found no "
    "survivors. Investigators have recovered the flight recorders.",
)
POLICY_STORY = (
    "Tories pledge to scrap NHS targets",
    "The Conservatives would scrap hospital waiting time targets if they win the general "
    "election, the shadow health secretary has said. He told the party's spring conference that "
    "targets set by Labour ministers distorted clinical priorities and that doctors and nurses, "
    "not Whitehall, should decide which patients were treated first. The Health Secretary said "
    "the Tory plan would mean longer waits for patients and accused Michael Howard of wanting to "
    "dismantle the NHS. Labour has made cutting waiting lists a central part of its campaign, and "
    "Tony Blair is expected to set out new pledges on hospitals next week. MPs will debate the "
    "issue in the Commons on Tuesday.",
)
"""A BBC-style politics story told through health policy: the cue words alone call it health."""
CEASEFIRE_TALKS = (
    "Foreign ministers meet to revive ceasefire",
    "The foreign ministers of the two countries met in Geneva for talks on restoring the "
    "ceasefire, diplomats said. The negotiations, brokered by a UN envoy, aim to end fighting "
    "that has killed hundreds of soldiers along the disputed border.",
)

_CHROME = {"share", "source:", "associated press", "source: one news", "loading error", "refresh"}
_DURATION = re.compile(r"^\d{1,2}:\d{2}$")


def seed_article(path: Path) -> tuple[str, str]:
    """Headline and body of a raw seed, minus the page chrome the real pipeline strips."""
    title, *rest = path.read_text("utf-8").splitlines()
    lines = [line for line in rest if line.strip().casefold() not in _CHROME]
    return title, "\n".join(line for line in lines if not _DURATION.match(line.strip()))


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary()


def names(topics: tuple[Topic, ...]) -> list[str]:
    return [topic.name for topic in topics]


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
    assert names(classify("Wicket falls", "", vocabulary)) == ["sport", "cricket"]
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


def small_model(**changes) -> dict:
    document = {
        "subjects": ["medtop:15000000", "medtop:11000000"],
        "threshold": 0.5,
        "weight": 2.0,
        "bias": [0.0, 0.0],
        "weights": {"wicket": [5.0, -5.0], "ballot box": [-5.0, 5.0]},
    }
    return {**document, **changes}


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
        parse_model(small_model(**changes), vocabulary)


def test_a_missing_model_entry_is_refused(vocabulary):
    document = small_model()
    del document["bias"]
    with pytest.raises(VocabularyError, match="missing"):
        parse_model(document, vocabulary)


def test_the_model_votes_only_when_confident(vocabulary):
    model = parse_model(small_model(), vocabulary)
    sport = next(i for i, entry in enumerate(vocabulary.entries) if entry.name == "sport")
    votes = subject_votes(["the", "wicket"], ["a", "wicket", "fell"], model)
    assert votes.keys() == {sport} and 1.9 < votes[sport] <= 2.0
    assert subject_votes(["no", "known", "word"], [], model) == {}
    assert subject_votes(["wicket"], ["ballot", "box"], model) == {}  # even odds: no vote


def test_the_model_counts_the_same_features_as_its_trainer(vocabulary):
    tokens = tokenize(" ".join(POLICY_STORY))
    every = word_features(tokens)
    assert "general election" in every and every["target"] == 3
    known = vocabulary.model.weights[0]
    assert word_features(tokens, vocabulary.model) == {
        feature: count for feature, count in every.items() if feature in known
    }


def test_a_curators_file_names_its_model_beside_it(tmp_path):
    (tmp_path / "model.json").write_text(json.dumps(small_model()), "utf-8")
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
    assert names(classify(*story, cues_only)) == ["politics"]
    assert names(classify(*story, vocabulary)) == ["sport", "politics"]
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


@pytest.mark.parametrize(
    "story",
    [WAR_STORY, MATCH_REPORT, EARNINGS_REPORT, STORM_FORECAST, CEASEFIRE_TALKS, POLICY_STORY],
)
def test_classify_returns_one_to_five_topics_led_by_a_subject(vocabulary, story):
    topics = classify(*story, vocabulary)
    assert 1 <= len(topics) <= 5
    assert topics[0].code in IPTC_SUBJECTS
    assert all(isinstance(topic, Topic) for topic in topics)
    assert len({topic.name for topic in topics}) == len(topics)


@pytest.mark.parametrize(
    "story", [WAR_STORY, MATCH_REPORT, EARNINGS_REPORT, STORM_FORECAST, POLICY_STORY]
)
def test_classify_is_deterministic_and_scores_are_rounded_and_ranked(vocabulary, story):
    topics = classify(*story, vocabulary)
    assert classify(*story, vocabulary) == topics
    assert all(topic.score == round(topic.score, 3) > 0 for topic in topics)
    assert [topic.score for topic in topics[1:]] == sorted(
        (topic.score for topic in topics[1:]), reverse=True
    )
    assert all(topic.score <= topics[0].score for topic in topics)


def test_a_war_story_is_about_conflict_first(vocabulary):
    topics = classify(*WAR_STORY, vocabulary)
    assert topics[0].name == "conflict, war and peace"
    assert "armed conflict" in names(topics)


def test_a_football_match_report_is_sport(vocabulary):
    topics = classify(*MATCH_REPORT, vocabulary)
    assert names(topics)[:2] == ["sport", "soccer"]


def test_an_earnings_report_is_economy_business_and_finance(vocabulary):
    topics = classify(*EARNINGS_REPORT, vocabulary)
    assert topics[0].name == "economy, business and finance"
    assert "corporate earnings" in names(topics)


def test_a_storm_forecast_is_weather_and_nothing_else(vocabulary):
    topics = classify(*STORM_FORECAST, vocabulary)
    assert topics[0].name == "weather"
    assert {vocabulary.subject_of(topic).name for topic in topics} == {"weather"}


@pytest.mark.parametrize(
    ("story", "subject"),
    [
        (WAR_STORY, "conflict, war and peace"),
        (BOMBING, "conflict, war and peace"),
        (FLOOD, "disaster, accident and emergency incident"),
        (EARTHQUAKE, "disaster, accident and emergency incident"),
        (PLANE_CRASH, "disaster, accident and emergency incident"),
        (COURT_CASE, "crime, law and justice"),
        (STORM_FORECAST, "weather"),
    ],
)
def test_news_the_word_model_never_learnt_keeps_the_cue_words_subject(vocabulary, story, subject):
    cues_only = dataclasses.replace(vocabulary, model=None)
    assert classify(*story, vocabulary)[0].name == subject
    assert classify(*story, vocabulary) == classify(*story, cues_only)


def test_the_word_model_makes_a_policy_story_told_through_mps_politics(vocabulary):
    cues_only = dataclasses.replace(vocabulary, model=None)
    assert classify(*POLICY_STORY, cues_only)[0].name == "health"
    topics = classify(*POLICY_STORY, vocabulary)
    assert topics[0].name == "politics"
    assert "healthcare policy" in names(topics)


def test_ceasefire_talks_between_foreign_ministers_include_diplomacy(vocabulary):
    topics = classify(*CEASEFIRE_TALKS, vocabulary)
    assert topics[0].name in {"conflict, war and peace", "politics"}
    assert {"diplomacy", "peace process"} <= set(names(topics))


def test_the_syria_seed_is_conflict_with_diplomacy_and_humanitarian_aid(vocabulary):
    topics = classify(*seed_article(SEED), vocabulary)
    assert topics[0].name == "conflict, war and peace"
    assert topics == classify(*seed_article(SEED), dataclasses.replace(vocabulary, model=None))
    assert {"diplomacy", "humanitarian aid"} <= set(names(topics))
    subjects = {vocabulary.subject_of(topic).name for topic in topics}
    assert subjects.isdisjoint({"sport", "weather", "arts, culture, entertainment and media"})


def test_a_broader_topic_is_left_out_when_a_narrower_one_is_listed(vocabulary):
    topics = classify(*seed_article(SEED), vocabulary)
    listed = {topic.name for topic in topics}
    for topic in topics[1:]:
        index = next(i for i, entry in enumerate(vocabulary.entries) if entry.name == topic.name)
        ancestors = {vocabulary.entries[i].name for i in vocabulary.lineage[index][1:]}
        assert not ancestors & (listed - {topics[0].name})


def test_an_empty_text_or_one_without_any_cue_has_no_topics(vocabulary):
    assert classify("", "", vocabulary) == ()
    assert classify("   ", "\n\n", vocabulary) == ()
    assert classify("Lorem ipsum", "Dolor sit amet, consectetur adipiscing elit.", vocabulary) == ()


def test_a_single_cue_still_yields_its_subject(vocabulary):
    assert names(classify("", "The referee", vocabulary)) == ["sport"]


def test_the_limit_caps_the_topics(vocabulary):
    assert len(classify(*seed_article(SEED), vocabulary, limit=2)) == 2
    with pytest.raises(ValueError, match="limit"):
        classify(*WAR_STORY, vocabulary, limit=0)


def test_a_headline_cue_weighs_more_than_the_same_cue_in_the_body(vocabulary):
    in_title = classify("Election", "Troops.", vocabulary)
    in_body = classify("Troops", "Election.", vocabulary)
    assert in_title[0].name == "politics"
    assert in_body[0].name == "conflict, war and peace"


def test_ignored_phrases_are_not_evidence(vocabulary):
    assert "sport" not in names(
        classify("Boxing Day sales", "Shoppers queued for the sales.", vocabulary)
    )
