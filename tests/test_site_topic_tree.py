"""The topic tree (converter/site/topic_tree.py): topic entries in the IPTC vocabulary's tree."""

from __future__ import annotations

from helpers import archive_of, article

from converter.enrich.topics import TopicEntry, load_vocabulary
from converter.site.model import Archive
from converter.site.topic_tree import topic_tree

VOCABULARY = (
    TopicEntry("medtop:1", "politics", None, ()),
    TopicEntry("medtop:2", "international relations", "medtop:1", ()),
    TopicEntry("medtop:3", "diplomacy", "medtop:2", ()),
    TopicEntry("medtop:4", "summit", "medtop:2", ()),
    TopicEntry("medtop:5", "sport", None, ()),
    TopicEntry("medtop:6", "tennis", "medtop:5", ()),
)


def test_topic_tree_follows_the_vocabulary_and_prunes_empty_branches() -> None:
    archive = archive_of(
        [
            article("a", topics=("diplomacy", "politics")),
            article("b", topics=("diplomacy", "made up")),
        ],
        vocabulary=VOCABULARY,
    )
    tree = topic_tree(archive.topics, VOCABULARY)
    (politics,) = tree.roots  # sport leads to no article: gone
    assert politics.entry is archive.topics.by_name["politics"]
    (relations,) = politics.children  # no article names it, but diplomacy is under it
    assert relations.name == "international relations" and relations.entry is None
    assert [child.name for child in relations.children] == ["diplomacy"]  # summit: no articles
    assert relations.children[0].broader == "international relations"
    assert [entry.name for entry in tree.unlisted] == ["made up"]
    assert set(tree.by_name) == {"politics", "international relations", "diplomacy"}


def test_every_topic_entry_sits_once_in_the_tree_or_among_the_unlisted(
    site_archive: Archive,
) -> None:
    placed: list[str] = []

    def walk(nodes: tuple) -> None:
        for node in nodes:
            if node.entry is not None:
                placed.append(node.entry.name)
            walk(node.children)

    walk(site_archive.topic_tree.roots)
    placed.extend(entry.name for entry in site_archive.topic_tree.unlisted)
    assert sorted(placed) == sorted(entry.name for entry in site_archive.topics.entries)
    assert [entry.name for entry in site_archive.topic_tree.unlisted] == [
        '{% include "base.html" %}'
    ]


def test_the_tree_is_the_converters_own_vocabulary(site_archive: Archive) -> None:
    """Every placed topic sits under the broader topic the classifier's vocabulary gives it."""
    vocabulary = load_vocabulary()
    broader_of = {
        entry.name: vocabulary.entries[lineage[1]].name if len(lineage) > 1 else None
        for entry, lineage in zip(vocabulary.entries, vocabulary.lineage, strict=True)
    }
    placed = site_archive.topic_tree.by_name
    assert placed and all(node.broader == broader_of[name] for name, node in placed.items())
    subjects = [node.name for node in site_archive.topic_tree.roots]
    assert subjects == [entry.name for entry in vocabulary.subjects if entry.name in placed]
