"""The plugin's options (converter/site/options.py): one schema holds every default, and every
consumer (pages, the archive model, related stories, feeds) sees exactly the resolved value.

The config is built the way `mkdocs build` builds it, from a mkdocs.yml that INHERITs the
repo's; the plugin then makes its pages from the site fixtures without rendering them.
"""

from __future__ import annotations

import math
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import SITE_FIXTURES, SITE_URL, plugin_options, repo_mkdocs_yml, write_mkdocs_yml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import get_files

from converter.site.pages import EntryPage, Home, IndexPage, generated_pages
from converter.site.plugin import ArchivePlugin

# Every numeric option away from its default, small enough to cut the fixtures into pages.
OVERRIDES: dict[str, Any] = {
    "latest": 3,
    "per_page": 2,
    "index_per_page": 7,
    "actor_page_min": 2,
    "author_page_min": 1,
    "neighbours": 2,
    "related": 1,
    "chart": 4,
    "feed_size": 5,
    "search": "material",
}
ATOM = "{http://www.w3.org/2005/Atom}"


def defaults() -> dict[str, Any]:
    """The schema's own defaults: the options of a mkdocs.yml that sets none."""
    return dict(plugin_options())


def repo_plugin_options() -> dict[str, Any]:
    """What the repo's mkdocs.yml sets under `- archive:` (plain YAML; its !ENV tag aside)."""
    for plugin in repo_mkdocs_yml()["plugins"]:
        if plugin == "archive":
            return {}
        if isinstance(plugin, dict) and "archive" in plugin:
            return plugin["archive"] or {}
    raise AssertionError("mkdocs.yml does not use the archive plugin")


def configured(tmp_path: Path, options: dict[str, Any]) -> tuple[MkDocsConfig, ArchivePlugin]:
    """The site fixtures' config as `mkdocs build` loads it, with `options` for the plugin."""
    docs_dir = tmp_path / "docs"
    shutil.copytree(SITE_FIXTURES, docs_dir)
    plugins = yaml.safe_dump({"plugins": [{"archive": options} if options else "archive"]})
    path = write_mkdocs_yml(tmp_path, docs_dir, f"site_url: {SITE_URL}\n{plugins}")
    config = load_config(config_file=str(path))
    plugin = config.plugins["archive"]
    assert isinstance(plugin, ArchivePlugin)
    return config, plugin


def test_the_schema_holds_a_default_for_every_option() -> None:
    assert all(value is not None for value in defaults().values())
    assert set(OVERRIDES) == set(defaults())
    assert all(OVERRIDES[name] != value for name, value in defaults().items())


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({}, None),
        ({"per_page": 3, "latest": 0, "related": 0}, None),
        ({"per_page": 0}, "at least 1"),
        ({"index_per_page": -5}, "at least 1"),
        ({"related": -1}, "at least 0"),
        ({"feed_size": True}, "at least 0"),
        ({"chart": "ten"}, "Expected type"),
    ],
)
def test_options_are_whole_numbers_in_range(
    options: dict[str, object], problem: str | None
) -> None:
    errors, _ = ArchivePlugin().load_config(options)
    if problem is None:
        assert errors == []
    else:
        assert len(errors) == 1 and problem in str(errors[0][1])


def test_mkdocs_yml_sets_only_what_differs_from_the_defaults() -> None:
    given = repo_plugin_options()
    assert {name: value for name, value in given.items() if defaults()[name] == value} == {}


@pytest.mark.parametrize("options", [{}, OVERRIDES], ids=["defaults", "overrides"])
def test_every_consumer_sees_the_resolved_options(tmp_path: Path, options: dict[str, Any]) -> None:
    config, plugin = configured(tmp_path, options)
    want = defaults() | options
    assert {name: plugin.config[name] for name in want} == want

    config = config.plugins.on_config(config)  # as `mkdocs build` runs the plugins' events
    config.plugins.on_files(get_files(config), config=config)
    archive, layout = plugin.archive, plugin.layout
    assert archive is not None and layout is not None
    assert len(archive.articles) > want["latest"]
    pages = generated_pages(archive, layout, with_home=True)
    contexts = {page.src_uri: page.context for page in pages}

    # pages.py: the home page, the entry pages and the A-Z index pages.
    front: Home = contexts["index.md"]["archive_home"]
    assert len(front.latest) == want["latest"]
    assert len(front.chart) == min(want["chart"], len(archive.topics.entries))
    assert len(front.top_actors) == min(want["neighbours"], len(archive.actors.entries))
    entry_pages: list[EntryPage] = [
        context["archive_entry_page"]
        for context in contexts.values()
        if "archive_entry_page" in context
    ]
    for entry in {page.entry for page in entry_pages}:
        shown = [page for page in entry_pages if page.entry == entry]
        assert len(shown) == math.ceil(entry.count / want["per_page"]), entry.name
        assert all(len(page.articles) <= want["per_page"] for page in shown)
        profile = shown[0].profile
        assert profile is not None and len(profile.co_actors) <= want["neighbours"]
    longest = max(entry.count for entry in {page.entry for page in entry_pages})
    assert max(len(page.articles) for page in entry_pages) == min(want["per_page"], longest)
    actor_index: list[IndexPage] = [
        context["archive_index_page"]
        for context in contexts.values()
        if "archive_index_page" in context and context["archive_index"].section == "actors"
    ]
    actors = archive.actors.entries
    assert len(actor_index) == math.ceil(len(actors) / want["index_per_page"])
    first_page = sum(len(group.entries) for group in actor_index[0].groups)
    assert first_page == min(want["index_per_page"], len(actors))

    # build_archive: which actors get a page, and the related stories.
    assert {e.name for e in actors if e.has_page} == {
        e.name for e in actors if e.count >= want["actor_page_min"]
    }
    authors = archive.authors.entries
    assert {e.name for e in authors if e.has_page} == {
        e.name for e in authors if e.count >= want["author_page_min"]
    }
    assert any(e.has_page for e in authors) and any(e.count == 1 for e in authors)
    assert max(len(related) for related in archive.related.values()) == want["related"]

    # feeds.py: the feeds written after the build.
    config.plugins.on_post_build(config=config)
    feed = ET.parse(Path(config.site_dir) / "feed.xml").getroot()
    assert len(feed.findall(f"{ATOM}entry")) == want["feed_size"]
