"""Site and browser fixtures: a real `mkdocs build --strict` of tests/fixtures/site.

The test config INHERITs the repo's mkdocs.yml, so the tests build with the same theme,
plugins and nav as `make site`; only docs_dir and site_dir point into a temporary folder.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import (
    HOSTILE,
    SITE_ARTICLES,
    SITE_FIXTURES,
    SiteBuild,
    archive_of,
    generated_hostile_seeds,
    mkdocs_build,
)

from converter.batch import RunReport, Toolkit, convert_directory
from converter.enrich.topics import Vocabulary, load_vocabulary
from converter.frontmatter import read_header
from converter.site.articles import parse_article
from converter.site.model import Archive

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


def build_site(workdir: Path, extra_config: str = "") -> SiteBuild:
    """Copy the site fixtures to `workdir/docs` and build them into `workdir/site`, strictly."""
    docs_dir = workdir / "docs"
    shutil.copytree(SITE_FIXTURES, docs_dir)
    env = {"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "SITE_URL": SITE_URL}
    return mkdocs_build(workdir, docs_dir, extra_config, env)


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    """The converter's packaged topic vocabulary, with its word model."""
    return load_vocabulary()


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
    return [
        FixtureArticle(
            f"articles/{path.name}",
            f"articles/{path.stem}/",
            yaml.safe_load(read_header(path)),
        )
        for path in sorted(SITE_ARTICLES.glob("*.md"))
    ]


@pytest.fixture(scope="session")
def site_articles() -> list[FixtureArticle]:
    """Every fixture article's raw front matter, read with plain PyYAML."""
    return fixture_articles()


@pytest.fixture(scope="session")
def site_archive() -> Archive:
    """The archive model of the fixture site, as the plugin builds it (default options, real
    vocabulary)."""
    return archive_of(
        parse_article(f"articles/{path.name}", f"articles/{path.stem}/", read_header(path))
        for path in sorted(SITE_ARTICLES.glob("*.md"))
    )


@dataclass(frozen=True, slots=True)
class HostileConversion:
    """The hostile corpus (tests/fixtures/hostile plus the generated big seeds), converted."""

    seeds_dir: Path
    docs_dir: Path
    report: RunReport


@pytest.fixture(scope="session")
def hostile_conversion(tmp_path_factory: pytest.TempPathFactory) -> HostileConversion:
    """One conversion of the hostile corpus a session, for the site tests and the Markdown ones."""
    root = tmp_path_factory.mktemp("hostile")
    seeds_dir, docs_dir = root / "seeds", root / "docs"
    shutil.copytree(HOSTILE, seeds_dir, ignore=shutil.ignore_patterns("expected.yaml"))
    for name, data in generated_hostile_seeds().items():
        (seeds_dir / name).write_bytes(data)
    report = convert_directory(seeds_dir, docs_dir, toolkit=Toolkit())
    return HostileConversion(seeds_dir, docs_dir, report)
