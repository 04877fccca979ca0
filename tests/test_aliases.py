"""The curator's file: rename, merge and drop, applied on the next run."""

import pytest

from converter.enrich.aliases import alias_key, apply_curated, load_alias_table, parse_alias_table
from converter.model import Actor

CURATED = {
    "actors": [
        {
            "name": "United States",
            "kind": "place",
            "aliases": ["US", "America"],
            "capital": "Washington",
        },
        {
            "name": "US Congress",
            "kind": "organisation",
            "aliases": ["Congress"],
            "when": "United States",
        },
        {"name": "Jack Ma", "kind": "person", "aliases": ["Ma Yun"]},
    ],
    "drop": ["Getty Images"],
}


def test_alias_key_ignores_case_dots_and_the():
    assert alias_key("the U.S.") == alias_key("US") == "us"


def test_rename_and_merge():
    table = parse_alias_table(CURATED)
    actors = [Actor("U.S.", "place"), Actor("America", "place"), Actor("Ma Yun", "person")]
    assert apply_curated(actors, table) == (
        Actor("Jack Ma", "person"),
        Actor("United States", "place"),
    )


def test_conditional_alias_needs_its_companion():
    table = parse_alias_table(CURATED)
    assert apply_curated([Actor("Congress", "organisation")], table) == (
        Actor("Congress", "organisation"),
    )
    assert Actor("US Congress", "organisation") in apply_curated(
        [Actor("Congress", "organisation"), Actor("US", "place")], table
    )


def test_drop():
    table = parse_alias_table(CURATED)
    assert apply_curated([Actor("Getty Images", "organisation")], table) == ()


def test_capitals_are_known():
    assert parse_alias_table(CURATED).capitals == {"washington": "United States"}


def test_unknown_kind_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown kind"):
        parse_alias_table({"actors": [{"name": "X", "kind": "planet"}]})


def test_curator_edit_applies_from_a_file(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "actors:\n  - name: Vladimir Putin\n    kind: person\n    aliases: [Putin]\n"
        "drop: [Reuters]\n"
    )
    table = load_alias_table(path)
    assert apply_curated([Actor("Putin", "person"), Actor("Reuters", "organisation")], table) == (
        Actor("Vladimir Putin", "person"),
    )


def test_packaged_file_loads():
    table = load_alias_table()
    assert table.canonical("U.S.").canonical == "United States"
