"""Site and browser fixtures: a real `mkdocs build --strict` of tests/fixtures/site.

The test config INHERITs the repo's mkdocs.yml, so the tests build with the same theme,
plugins and nav as `make site`; only docs_dir and site_dir point into a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SITE_FIXTURES = REPO / "tests" / "fixtures" / "site"
# Reproducible-builds convention: MkDocs stamps the build date into sitemap.xml(.gz) otherwise.
SOURCE_DATE_EPOCH = "1474416000"  # 2016-09-21


@dataclass(frozen=True, slots=True)
class SiteBuild:
    """A finished build: where the site is and what MkDocs logged while making it."""

    docs_dir: Path
    site_dir: Path
    log: str


def build_site(workdir: Path) -> SiteBuild:
    """Copy the site fixtures to `workdir/docs` and build them into `workdir/site`, strictly.

    Fails the test on a non-zero exit or on any WARNING, even one --strict lets through.
    """
    docs_dir, site_dir = workdir / "docs", workdir / "site"
    shutil.copytree(SITE_FIXTURES, docs_dir)
    config = workdir / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {docs_dir}\nsite_dir: {site_dir}\n",
        encoding="utf-8",
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
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


@pytest.fixture
def fresh_site_build(tmp_path: Path) -> SiteBuild:
    """Another, independent build of the same fixtures (for comparing builds)."""
    return build_site(tmp_path)
