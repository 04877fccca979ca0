"""Counts the pages show (converter/site/stats.py): profiles, most covered, ties by slug."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from helpers import archive_of, article

from converter.site.model import Archive
from converter.site.stats import entry_profile, most_covered, most_named

if TYPE_CHECKING:
    from helpers import FixtureArticle


def test_entry_profile_counts_co_actors_and_topics_from_the_header_text(
    site_archive: Archive, site_articles: list[FixtureArticle]
) -> None:
    for entry in site_archive.actors.entries:
        naming = [a for a in site_articles if entry.name in a.actor_names]
        beside = Counter(name for a in naming for name in a.actor_names - {entry.name})
        topics = Counter(name for a in naming for name in a.topic_names)
        profile = entry_profile(site_archive, "actors", entry, top=10)
        assert len(profile.co_actors) == min(10, len(beside)), entry.name
        for tally in profile.co_actors:
            assert tally.count == beside[tally.entry.name], (entry.name, tally.entry.name)
        counts = [tally.count for tally in profile.co_actors]
        assert counts == sorted(counts, reverse=True)
        if profile.co_actors:  # nothing left out counts more than the last one listed
            listed = {tally.entry.name for tally in profile.co_actors}
            assert max((n for a, n in beside.items() if a not in listed), default=0) <= counts[-1]
        assert {(t.entry.name, t.count) for t in profile.topic_mix} <= set(topics.items())
        assert len(profile.topic_mix) == min(10, len(topics))


def test_topic_profile_leaves_the_topic_itself_out_of_its_mix(site_archive: Archive) -> None:
    diplomacy = site_archive.topics.by_name["diplomacy"]
    profile = entry_profile(site_archive, "topics", diplomacy, top=10)
    assert "diplomacy" not in [tally.entry.name for tally in profile.topic_mix]
    assert ("John Kerry", 3) in [(t.entry.name, t.count) for t in profile.co_actors]


def test_ties_are_broken_by_slug() -> None:
    archive = archive_of(
        [article("a", actors=("Zed", "Bee", "Ann")), article("b", actors=("Zed",))],
    )
    tallies = most_named(archive.actors, [("Bee", "Zed", "Ann"), ("Zed",)], top=2)
    assert [(t.entry.name, t.count) for t in tallies] == [("Zed", 2), ("Ann", 1)]
    assert [t.entry.name for t in most_covered(archive.actors, top=3)] == ["Zed", "Ann", "Bee"]
