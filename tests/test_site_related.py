"""Related stories (converter/site/related.py): IDF-weighted overlap through an inverted index."""

from __future__ import annotations

import math

import pytest
from helpers import article, hand_written, plugin_options

from converter.site.articles import latest_first
from converter.site.model import Archive, ArticleMeta
from converter.site.related import features, related_stories

SYRIA = "articles/us-and-russia-poised-for-new-battle-over-syria.md"
GENEVA = "articles/kerry-and-lavrov-agree-syria-truce-in-geneva.md"
ALEPPO = "articles/un-aid-convoy-reaches-besieged-aleppo.md"
KEY = "articles/key-calls-snap-election.md"
HOSTILE = "articles/hostile-markup-in-every-field.md"


def uris(articles: tuple[ArticleMeta, ...]) -> list[str]:
    return [a.src_uri for a in articles]


def brute_force(articles: tuple[ArticleMeta, ...]) -> dict[str, dict[str, float]]:
    """Every pair's score, the O(N^2) way: the definition the inverted index must agree with."""
    df: dict[tuple[str, str], int] = {}
    for a in articles:
        for name in set(features(a)):
            df[name] = df.get(name, 0) + 1
    weight = {name: math.log1p(len(articles) / count) for name, count in df.items()}
    return {
        a.src_uri: {
            b.src_uri: sum(weight[name] for name in set(features(a)) & set(features(b)))
            for b in articles
            if b is not a and set(features(a)) & set(features(b))
        }
        for a in articles
    }


def ranked(scores: dict[str, float], limit: int) -> list[str]:
    return sorted(scores, key=lambda uri: (-round(scores[uri], 9), uri))[:limit]


def test_hand_checked_related_stories_of_the_hand_written_fixtures() -> None:
    # N = 5, weight = ln(1 + N/df): df 1 -> 1.792, df 2 -> 1.253, df 3 -> 0.981.
    # Syria~Geneva: Kerry, Syria, diplomacy (df 3) + Lavrov, Russia, US, conflict (df 2) = 7.95
    # Syria~Aleppo: Syria (df 3) + UN Security Council, humanitarian aid (df 2)          = 3.49
    # Syria~hostile: Kerry, diplomacy (df 3)                                             = 1.96
    # Geneva~Aleppo: Syria (df 3) = 0.98, less than Geneva~hostile (two df-3 names) = 1.96.
    # hostile~Geneva and hostile~Syria tie at 1.96: the slug decides.
    # Key shares nothing with anyone.
    related = related_stories(latest_first(hand_written()), limit=5)
    assert uris(related[SYRIA]) == [GENEVA, ALEPPO, HOSTILE]
    assert uris(related[GENEVA]) == [SYRIA, HOSTILE, ALEPPO]
    assert uris(related[ALEPPO]) == [SYRIA, GENEVA]
    assert uris(related[HOSTILE]) == [GENEVA, SYRIA]
    assert related[KEY] == ()


def test_a_rare_shared_actor_outweighs_a_common_one() -> None:
    # "United States" is in 4 of 5 articles (weight ln(1 + 5/4) = 0.81), the mayor in 2
    # (ln(1 + 5/2) = 1.25): z shares only the mayor with a, yet beats b, c and d, which share
    # only the United States and would win a tie by slug.
    articles = latest_first(
        [
            article("a", actors=("United States", "Local Mayor")),
            article("z", actors=("Local Mayor",)),
            article("b", actors=("United States",)),
            article("c", actors=("United States",)),
            article("d", actors=("United States",)),
        ]
    )
    related = related_stories(articles, limit=2)
    assert uris(related["articles/a.md"]) == ["articles/z.md", "articles/b.md"]
    assert uris(related["articles/z.md"]) == ["articles/a.md"]


def test_actor_and_topic_of_the_same_name_are_different_things() -> None:
    articles = latest_first([article("a", actors=("Energy",)), article("b", topics=("Energy",))])
    assert related_stories(articles, limit=5) == {"articles/a.md": (), "articles/b.md": ()}


def test_matches_brute_force_on_the_fixture_archive(site_archive: Archive) -> None:
    articles = site_archive.articles
    expected = brute_force(articles)
    related = related_stories(articles, limit=5)
    for a in articles:
        assert uris(related[a.src_uri]) == ranked(expected[a.src_uri], 5), a.src_uri


@pytest.mark.parametrize("common", [1, 2, 3])
def test_common_names_only_narrow_the_candidates_never_the_scores(
    site_archive: Archive, common: int
) -> None:
    """With a tiny cap most names are 'common': the lists may differ from brute force, but
    every listed story is a true neighbour, ranked by its true (full) score."""
    articles = site_archive.articles
    expected = brute_force(articles)
    related = related_stories(articles, limit=5, common=common)
    for a in articles:
        listed = uris(related[a.src_uri])
        assert len(listed) <= 5 and a.src_uri not in listed
        assert all(uri in expected[a.src_uri] for uri in listed)
        assert listed == ranked({uri: expected[a.src_uri][uri] for uri in listed}, 5)
        if expected[a.src_uri]:
            assert listed, f"{a.src_uri} has neighbours but got none"


def test_related_stories_do_not_depend_on_the_order_pages_arrive_in(site_archive: Archive) -> None:
    limit = plugin_options().related
    in_order = related_stories(site_archive.articles, limit=limit)
    assert related_stories(latest_first(reversed(site_archive.articles)), limit=limit) == in_order
    assert site_archive.related == in_order


def test_no_related_stories_when_none_are_asked_for(site_archive: Archive) -> None:
    related = related_stories(site_archive.articles, limit=0)
    assert set(related) == set(site_archive.by_src_uri) and not any(related.values())
