"""Topic classification (converter/enrich/classify.py): cue evidence and the word model's vote
over the real vocabulary, on stories of every kind."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from helpers import small_topic_model, topic_names

from converter.enrich.classify import classify, subject_votes, word_features
from converter.enrich.topics import parse_model, tokenize
from converter.model import Topic

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f814c7b6e486f735.txt"


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


def test_the_model_votes_only_when_confident(vocabulary):
    model = parse_model(small_topic_model(), vocabulary)
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


@pytest.mark.parametrize(
    "story",
    [WAR_STORY, MATCH_REPORT, EARNINGS_REPORT, STORM_FORECAST, CEASEFIRE_TALKS, POLICY_STORY],
)
def test_classify_returns_one_to_five_topics_led_by_a_subject(vocabulary, story):
    topics = classify(*story, vocabulary)
    assert 1 <= len(topics) <= 5
    assert topics[0].code in {subject.code for subject in vocabulary.subjects}
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
    assert "armed conflict" in topic_names(topics)


def test_a_football_match_report_is_sport(vocabulary):
    topics = classify(*MATCH_REPORT, vocabulary)
    assert topic_names(topics)[:2] == ["sport", "soccer"]


def test_an_earnings_report_is_economy_business_and_finance(vocabulary):
    topics = classify(*EARNINGS_REPORT, vocabulary)
    assert topics[0].name == "economy, business and finance"
    assert "corporate earnings" in topic_names(topics)


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
    assert "healthcare policy" in topic_names(topics)


def test_ceasefire_talks_between_foreign_ministers_include_diplomacy(vocabulary):
    topics = classify(*CEASEFIRE_TALKS, vocabulary)
    assert topics[0].name in {"conflict, war and peace", "politics"}
    assert {"diplomacy", "peace process"} <= set(topic_names(topics))


def test_the_syria_seed_is_conflict_with_diplomacy_and_humanitarian_aid(vocabulary):
    topics = classify(*seed_article(SEED), vocabulary)
    assert topics[0].name == "conflict, war and peace"
    assert topics == classify(*seed_article(SEED), dataclasses.replace(vocabulary, model=None))
    assert {"diplomacy", "humanitarian aid"} <= set(topic_names(topics))
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
    assert topic_names(classify("", "The referee", vocabulary)) == ["sport"]


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
    assert "sport" not in topic_names(
        classify("Boxing Day sales", "Shoppers queued for the sales.", vocabulary)
    )
