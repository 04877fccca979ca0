"""Site and browser fixtures: a real `mkdocs build --strict` of tests/fixtures/site.

The test config INHERITs the repo's mkdocs.yml, so the tests build with the same theme,
plugins and nav as `make site`; only docs_dir and site_dir point into a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

if TYPE_CHECKING:
    from converter.site.archive import Archive

REPO = Path(__file__).resolve().parents[1]
SITE_FIXTURES = REPO / "tests" / "fixtures" / "site"
ARTICLE_FIXTURES = SITE_FIXTURES / "articles"
# Reproducible-builds convention; the archive plugin dates pages from the articles, so this
# only matters for an archive without dates, but a build must never depend on the clock.
SOURCE_DATE_EPOCH = "1474416000"  # 2016-09-21
# mkdocs.yml reads site_url from SITE_URL: a published-looking address under a sub-path, so the
# tests see the absolute links feeds and sitemap.xml get.
SITE_URL = "https://archive.example.org/news/"
# A build of the same fixtures with tiny pages, so that every list is split into numbered pages.
PAGED_PLUGINS = """\
plugins:
  - archive:
      per_page: 2
      index_per_page: 40
      actor_page_min: 1
      neighbours: 3
"""


@dataclass(frozen=True, slots=True)
class SiteBuild:
    """A finished build: where the site is and what MkDocs logged while making it."""

    docs_dir: Path
    site_dir: Path
    log: str


def build_site(workdir: Path, extra_config: str = "") -> SiteBuild:
    """Copy the site fixtures to `workdir/docs` and build them into `workdir/site`, strictly.

    Fails the test on a non-zero exit or on any WARNING, even one --strict lets through.
    """
    docs_dir, site_dir = workdir / "docs", workdir / "site"
    shutil.copytree(SITE_FIXTURES, docs_dir)
    config = workdir / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {docs_dir}\nsite_dir: {site_dir}\n"
        + extra_config,
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
        "SITE_URL": SITE_URL,
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)],
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
        check=False,
    )
    log = result.stdout + result.stderr
    if result.returncode != 0 or "WARNING" in log:
        pytest.fail(f"mkdocs build --strict failed (exit {result.returncode}):\n{log}")
    return SiteBuild(docs_dir=docs_dir, site_dir=site_dir, log=log)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """The fixture site, built once per test session."""
    return build_site(tmp_path_factory.mktemp("site-build"))


@pytest.fixture(scope="session")
def site_dir(site_build: SiteBuild) -> Path:
    return site_build.site_dir


@pytest.fixture(scope="session")
def paged_site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """The fixture site with two articles a page, forty index entries a page, and a page for
    every actor (the shipped layout lists actors of one or two articles on the index)."""
    return build_site(tmp_path_factory.mktemp("paged-site-build"), PAGED_PLUGINS)


@pytest.fixture
def fresh_site_build(tmp_path: Path) -> SiteBuild:
    """Another, independent build of the same fixtures (for comparing builds)."""
    return build_site(tmp_path)


@dataclass(frozen=True, slots=True)
class FixtureArticle:
    """A fixture article as the tests see it: its URL and its raw front matter (the oracle)."""

    src_uri: str
    url: str
    meta: dict[str, Any]

    @property
    def actor_names(self) -> set[str]:
        fields = ("actors", "people", "organisations", "places")
        return {str(name).strip() for field in fields for name in self.meta.get(field) or []}

    @property
    def topic_names(self) -> set[str]:
        return {str(name).strip() for name in self.meta.get("topics") or []}

    @property
    def source_names(self) -> set[str]:
        source = str(self.meta.get("source") or "").strip()
        return {source} if source else set()


def fixture_articles() -> list[FixtureArticle]:
    from converter.site.archive import read_header  # site code only for the site's tests

    return [
        FixtureArticle(
            f"articles/{path.name}",
            f"articles/{path.stem}/",
            yaml.safe_load(read_header(str(path))),
        )
        for path in sorted(ARTICLE_FIXTURES.glob("*.md"))
    ]


@pytest.fixture(scope="session")
def site_articles() -> list[FixtureArticle]:
    """Every fixture article's raw front matter, read with plain PyYAML."""
    return fixture_articles()


@pytest.fixture(scope="session")
def site_archive() -> Archive:
    """The archive model of the fixture site, as the plugin builds it (real vocabulary)."""
    from converter.site.archive import build_archive, parse_article, read_header
    from converter.site.plugin import vocabulary_terms

    return build_archive(
        [
            parse_article(f"articles/{path.name}", f"articles/{path.stem}/", read_header(str(path)))
            for path in sorted(ARTICLE_FIXTURES.glob("*.md"))
        ],
        use_directory_urls=True,
        vocabulary=vocabulary_terms(),
    )


# --- the archive's search index, read as archive-search.js reads it -------------------------


def index_postings(read: Callable[[str], Any], word: str) -> dict[int, tuple[int, int]]:
    """Document number -> (BM25 weight, mask of forms) for the stem of `word`, from the files
    `read(path)` gives (parsed JSON)."""
    from converter.site.static_search import dictionary_key

    dictionary = read(f"dict/{dictionary_key(word, read('meta.json')['dictionaries'])}.json")
    stem, frequency, where, forms = dictionary["stems"][dictionary["words"][word][0]]
    flat = where if isinstance(where, list) else read(f"post/{where}.json")[stem]
    stride = 3 if forms > 1 else 2
    found, number = {}, 0
    for at in range(0, len(flat), stride):
        number += flat[at]
        found[number] = (flat[at + 1], flat[at + 2] if stride == 3 else 1)
    assert len(found) == frequency
    return found


def index_text(read: Callable[[str], Any], number: int) -> str:
    """A document's whole text: its file's and its further parts'."""
    record = read(f"doc/{number}.json")
    parts = [read(f"doc/{number}-{part}.json") for part in range(1, record["parts"])]
    return record["text"] + "".join(parts)
