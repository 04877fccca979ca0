"""The shared fixtures: the vocabulary, real builds of the site fixtures (with the repo's
mkdocs.yml, as `make site` builds), served over HTTP, their archive model, the hostile corpus
converted, and Debian's chromium.
Plain helpers are in helpers.py."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CONLL_DEV_SEEDS,
    HOSTILE,
    PAGED_PLUGINS,
    SITE_ARTICLES,
    FixtureArticle,
    HostileConversion,
    SiteBuild,
    archive_of,
    build_site,
    fixture_articles,
    generated_hostile_seeds,
    missing_for_browser_tests,
    mkdocs_build,
    serve,
)
from playwright.sync_api import Browser, sync_playwright

from converter.batch import Toolkit, convert_directory
from converter.enrich.topics import Vocabulary, load_vocabulary
from converter.frontmatter import read_header
from converter.site.articles import parse_article
from converter.site.model import Archive


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


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built fixture site (the archive's own search index) over HTTP, for the session."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless, through Playwright."""
    missing_for_browser_tests(CHROMIUM, "apt-get install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def conll_dev_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 210 CoNLL-2003 dev stories converted by the real batch: a docs dir of dated pages."""
    docs = tmp_path_factory.mktemp("conll-dev") / "docs"
    convert_directory(CONLL_DEV_SEEDS, docs, toolkit=Toolkit())
    return docs


@pytest.fixture(scope="session")
def conll_dev_site(conll_dev_docs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CoNLL dev pages built into a site (the repo's mkdocs.yml): a dated archive's site."""
    return mkdocs_build(tmp_path_factory.mktemp("conll-dev-site"), conll_dev_docs).site_dir
