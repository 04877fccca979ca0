"""The topic index placed in the IPTC vocabulary's tree (subject -> narrower topics).

The vocabulary is the converter's own (converter.enrich.topics reads and checks it), so the
site's tree always has the topics the classifier gives, under the same broader topics.
"""

from __future__ import annotations

from collections.abc import Sequence

from converter.enrich.topics import TopicEntry
from converter.site.model import Index, TopicNode, TopicTree


def topic_tree(topics: Index, vocabulary: Sequence[TopicEntry]) -> TopicTree:
    """Topic entries in the vocabulary's tree, keeping only the branches that lead to an
    article; topics the vocabulary does not know go to `unlisted`."""
    name_of = {topic.code: topic.name for topic in vocabulary}
    narrower: dict[str | None, list[TopicEntry]] = {}
    for topic in vocabulary:
        broader = name_of.get(topic.parent_code) if topic.parent_code is not None else None
        narrower.setdefault(broader, []).append(topic)
    by_name: dict[str, TopicNode] = {}

    def grow(topic: TopicEntry, broader: str | None) -> TopicNode | None:
        children = tuple(
            node
            for child in narrower.get(topic.name, ())
            if (node := grow(child, topic.name)) is not None
        )
        entry = topics.by_name.get(topic.name)
        if entry is None and not children:
            return None
        node = TopicNode(topic.name, entry, children, broader)
        by_name[topic.name] = node
        return node

    roots = tuple(
        node for topic in narrower.get(None, ()) if (node := grow(topic, None)) is not None
    )
    return TopicTree(
        roots=roots,
        unlisted=tuple(entry for entry in topics.entries if entry.name not in by_name),
        by_name=by_name,
    )
