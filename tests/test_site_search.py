"""The site's search (converter/site/search.py) on real builds: the archive's own index (the
default) and Pagefind's, each of the article texts only, with actor, topic and source filters, and
the header search box that loads them."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from helpers import build_site, index_postings, index_record, index_text, read_html
from slugify import slugify

from converter.site.search_spec import filter_bucket, words

if TYPE_CHECKING:
    from helpers import FixtureArticle

SYRIA_URL = "articles/us-and-russia-poised-for-new-battle-over-syria/"
MATERIAL_SEARCH = """\
plugins:
  - search
  - archive:
      search: material
"""
PAGEFIND_SEARCH = """\
plugins:
  - archive:
      search: pagefind
"""
SEARCH_BOX = re.compile(r'<div class="md-search archive-search"[^>]* data-archive-search="([^"]+)"')


def actor_filter(name: str) -> str:
    """The Pagefind filter an actor is in: one per initial of its slug, 'other' for the rest."""
    initial = slugify(name)[:1]
    return f"actor-{initial if 'a' <= initial <= 'z' else 'other'}"


@pytest.fixture(scope="session")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("pagefind-site"), PAGEFIND_SEARCH).site_dir


def fragments(site_dir: Path) -> dict[str, dict[str, Any]]:
    """Pagefind's per-page records (gzip, a signature, then JSON), by page URL."""
    records = {}
    for path in (site_dir / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        record = json.loads(raw)
        records[record["url"]] = record
    return records


def test_pagefind_bundle_indexes_every_article_and_nothing_else(
    pagefind_site: Path, site_articles: list[FixtureArticle]
) -> None:
    site_dir = pagefind_site
    bundle = site_dir / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert list((bundle / "index").glob("*.pf_index"))
    # topic, source, and actors in one filter per initial
    initials = {actor_filter(name) for a in site_articles for name in a.actor_names}
    assert len(list((bundle / "filter").glob("*.pf_filter"))) == 2 + len(initials)
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == len(site_articles)
    assert sorted(fragments(site_dir)) == sorted(f"/{a.url}" for a in site_articles)
    # Material's one-file index of every article's text is gone.
    assert not (site_dir / "search" / "search_index.json").exists()


def test_pagefind_filters_each_article_by_its_actors_topics_and_source(
    pagefind_site: Path, site_articles: list[FixtureArticle]
) -> None:
    records = fragments(pagefind_site)
    for article in site_articles:
        record = records[f"/{article.url}"]
        actors = {
            name
            for key, names in record["filters"].items()
            if key.startswith("actor-")
            for name in names
        }
        assert actors == article.actor_names, article.url
        for key, names in record["filters"].items():  # each name under its own initial
            assert not key.startswith("actor-") or all(
                key == actor_filter(name) for name in names
            ), names
        assert set(record["filters"].get("topic", [])) == article.topic_names, article.url
        assert set(record["filters"].get("source", [])) == article.source_names, article.url
        assert record["meta"]["title"] == str(article.meta["title"]).strip()
        if article.source_names:
            assert {record["meta"]["source"]} == article.source_names


def test_pagefind_holds_the_article_text_not_the_panels(pagefind_site: Path) -> None:
    syria = fragments(pagefind_site)[f"/{SYRIA_URL}"]
    assert "Lavrov" in syria["content"]
    # The facts panel and related stories are navigation, not text.
    for chrome in ("Organisations", "Related stories", "About this article"):
        assert chrome not in syria["content"]


@pytest.mark.parametrize(
    ("build", "target"), [("site_dir", "search-index"), ("pagefind_site", "pagefind/pagefind.js")]
)
def test_header_search_box_loads_its_index_from_the_site_root_at_any_depth(
    request: pytest.FixtureRequest, build: str, target: str
) -> None:
    site_dir: Path = request.getfixturevalue(build)
    for url in ("", SYRIA_URL, "actors/united-states/", "topics/"):
        html = read_html(site_dir / url / "index.html")
        found = SEARCH_BOX.search(html)
        assert found, url
        assert posixpath.normpath(posixpath.join(url, found.group(1))) == target
        assert "assets/javascripts/archive-search.js" in html
        assert "search_index.json" not in html and 'data-md-component="search"' not in html
    assert (site_dir / "assets" / "javascripts" / "archive-search.js").is_file()


def test_pagefind_builds_differ_only_in_its_filter_files(
    pagefind_site: Path, tmp_path: Path
) -> None:
    """Pagefind 1.5.2 writes filter values in hash-map order, so the filter indexes, the meta
    file naming them and the entry file naming that differ between builds (same content, other
    order); its fragments and word index chunks are stable (Pagefind issue #638)."""

    def stable(site: Path) -> dict[str, bytes]:
        bundle = site / "pagefind"
        return {
            path.relative_to(bundle).as_posix(): path.read_bytes()
            for path in sorted(bundle.rglob("*"))
            if path.is_file()
            and path.parent.name != "filter"
            and path.suffix != ".pf_meta"
            and path.name != "pagefind-entry.json"
        }

    again = build_site(tmp_path, PAGEFIND_SEARCH).site_dir
    assert stable(again) == stable(pagefind_site)


# --- the archive's own index (the default) ----------------------------------------------


def index_file(site_dir: Path, relative: str) -> Any:
    return json.loads(index_bytes(site_dir, relative))


def index_bytes(site_dir: Path, relative: str) -> bytes:
    return (site_dir / "search-index" / relative).read_bytes()


def index_docs(site_dir: Path) -> list[dict[str, Any]]:
    count = index_file(site_dir, "meta.json")["docs"]
    return [index_record(partial(index_bytes, site_dir), number) for number in range(count)]


def test_archive_index_holds_every_article_newest_first(
    site_dir: Path, site_articles: list[FixtureArticle]
) -> None:
    docs = index_docs(site_dir)
    assert sorted(doc["url"] for doc in docs) == sorted(a.url for a in site_articles)
    dates = [doc["date"] for doc in docs if doc["date"]]
    assert dates == sorted(dates, reverse=True)
    shards = sorted((site_dir / "search-index" / "doc").iterdir())
    assert [path.name for path in shards] == [f"{n}.bin" for n in range(len(shards))]
    assert len(shards) == -(-len(docs) // index_file(site_dir, "meta.json")["shard"])
    assert not (site_dir / "pagefind").exists()


def test_archive_index_date_tables_start_each_month_and_day_at_its_newest_article(
    site_dir: Path,
) -> None:
    dates = [doc["date"] for doc in index_docs(site_dir)]
    months = index_file(site_dir, "dates/months.json")
    assert dates[: months["dated"]] == sorted(filter(None, dates), reverse=True)
    assert not any(dates[months["dated"] :])  # the undated last
    starts = {
        f"{month}-{day:02}": first
        for month, _ in months["months"]
        for day, first in index_file(site_dir, f"dates/{month}.json")
    }
    assert starts == {date: dates.index(date) for date in set(dates) if date}


def test_archive_index_filters_each_article_by_its_actors_topics_and_source(
    site_dir: Path, site_articles: list[FixtureArticle]
) -> None:
    by_url = {a.url: a for a in site_articles}
    for number, doc in enumerate(index_docs(site_dir)):
        article = by_url[doc["url"]]
        expected = {
            "actor": article.actor_names,
            "topic": article.topic_names,
            "source": article.source_names,
        }
        for kind, names in expected.items():
            assert {name for name, _ in doc["filters"][kind]} == names, (doc["url"], kind)
            for name, key in doc["filters"][kind]:
                assert key == filter_bucket(name)
                assert number in index_file(site_dir, f"filter/{kind}/{key}.json")[name]
        assert doc["title"] == str(article.meta["title"]).strip()


def test_archive_index_finds_every_word_of_an_article_and_not_the_panels(site_dir: Path) -> None:
    docs = index_docs(site_dir)
    number = next(n for n, doc in enumerate(docs) if doc["url"] == SYRIA_URL)
    text = index_text(partial(index_bytes, site_dir), number)
    assert "Lavrov" in text
    for chrome in ("Organisations", "Related stories", "About this article"):
        assert chrome not in text
    for word in set(words(text)):
        found = index_postings(partial(index_bytes, site_dir), word)
        assert number in found, word


def test_material_search_is_still_one_switch_away(tmp_path: Path) -> None:
    site = build_site(tmp_path, MATERIAL_SEARCH).site_dir
    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    assert {doc["location"].split("/")[0] for doc in docs} == {"articles"}
    assert not any("Organisations" in doc["text"] for doc in docs)
    assert not (site / "pagefind").exists()
    html = read_html(site / SYRIA_URL / "index.html")
    assert 'data-md-component="search"' in html and "archive-search" not in html
