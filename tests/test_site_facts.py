"""The facts panel's model (converter/site/facts.py): names resolved to their entries."""

from __future__ import annotations

from helpers import archive_of, article, hand_written

from converter.site.facts import article_facts

SYRIA = "articles/us-and-russia-poised-for-new-battle-over-syria.md"


def test_article_facts_resolve_every_name_to_its_entry() -> None:
    archive = archive_of(hand_written())
    facts = article_facts(archive, archive.by_src_uri[SYRIA])
    assert facts.source is archive.sources.by_name["Associated Press"]
    assert [(label, [e.name for e in entries]) for label, entries in facts.actor_groups] == [
        ("People", ["Bashar Assad", "John Kerry", "Sergey Lavrov"]),
        ("Organisations", ["UN Security Council"]),
        ("Places", ["Russia", "Syria", "United States"]),
    ]
    assert [e.url for e in facts.topics] == [
        "topics/conflict-war-and-peace/",
        "topics/diplomacy/",
        "topics/humanitarian-aid/",
    ]


def test_article_without_source_has_no_source_entry() -> None:
    archive = archive_of([article("a", source="")])
    assert archive.sources.entries == ()
    assert article_facts(archive, archive.articles[0]).source is None
