"""The site's search (converter/site/search.py): a Pagefind index of the article pages only, with
actor, topic and source filters from each article's facts panel, and the header search box."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conftest import build_site

if TYPE_CHECKING:
    from conftest import FixtureArticle

SYRIA_URL = "articles/us-and-russia-poised-for-new-battle-over-syria/"
MATERIAL_SEARCH = """\
plugins:
  - search
  - archive:
      search: material
"""
SEARCH_BOX = re.compile(r'<div class="md-search archive-search"[^>]* data-archive-search="([^"]+)"')


def fragments(site_dir: Path) -> dict[str, dict[str, Any]]:
    """Pagefind's per-page records (gzip, a signature, then JSON), by page URL."""
    records = {}
    for path in (site_dir / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        record = json.loads(raw)
        records[record["url"]] = record
    return records


def test_pagefind_bundle_indexes_every_article_and_nothing_else(
    site_dir: Path, site_articles: list[FixtureArticle]
) -> None:
    bundle = site_dir / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert list((bundle / "index").glob("*.pf_index"))
    assert len(list((bundle / "filter").glob("*.pf_filter"))) == 3  # actor, topic, source
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == len(site_articles)
    assert sorted(fragments(site_dir)) == sorted(f"/{a.url}" for a in site_articles)
    # Material's one-file index of every article's text is gone.
    assert not (site_dir / "search" / "search_index.json").exists()


def test_each_article_is_filterable_by_its_actors_topics_and_source(
    site_dir: Path, site_articles: list[FixtureArticle]
) -> None:
    records = fragments(site_dir)
    for article in site_articles:
        record = records[f"/{article.url}"]
        assert set(record["filters"].get("actor", [])) == article.actor_names, article.url
        assert set(record["filters"].get("topic", [])) == article.topic_names, article.url
        assert set(record["filters"].get("source", [])) == article.source_names, article.url
        assert record["meta"]["title"] == str(article.meta["title"]).strip()
        if article.source_names:
            assert {record["meta"]["source"]} == article.source_names


def test_index_holds_the_article_text_not_the_panels(site_dir: Path) -> None:
    syria = fragments(site_dir)[f"/{SYRIA_URL}"]
    assert "Lavrov" in syria["content"]
    # The facts panel and related stories are navigation, not text.
    for chrome in ("Organisations", "Related stories", "About this article"):
        assert chrome not in syria["content"]


def test_header_search_box_loads_pagefind_from_the_site_root_at_any_depth(
    site_dir: Path,
) -> None:
    for url in ("", SYRIA_URL, "actors/john-kerry/", "topics/"):
        html = (site_dir / url / "index.html").read_text("utf-8")
        found = SEARCH_BOX.search(html)
        assert found, url
        assert posixpath.normpath(posixpath.join(url, found.group(1))) == "pagefind/pagefind.js"
        assert "assets/javascripts/archive-search.js" in html
        assert "search_index.json" not in html and 'data-md-component="search"' not in html
    assert (site_dir / "assets" / "javascripts" / "archive-search.js").is_file()


def test_material_search_is_still_one_switch_away(tmp_path: Path) -> None:
    site = build_site(tmp_path, MATERIAL_SEARCH).site_dir
    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    assert {doc["location"].split("/")[0] for doc in docs} == {"articles"}
    assert not any("Organisations" in doc["text"] for doc in docs)
    assert not (site / "pagefind").exists()
    html = (site / SYRIA_URL / "index.html").read_text("utf-8")
    assert 'data-md-component="search"' in html and "archive-search" not in html
