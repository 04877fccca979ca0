"""Pages rendered by a forked child beside MkDocs (converter/site/forked_pages.py), judged on
real builds: the same bytes as one process gives, and a child that fails, dies or warns fails
the build or is reported as MkDocs would report it. A hook file (MkDocs' `hooks:`) runs its
events on the pages of the process that renders them, so it reaches into the child."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from helpers import BUILD_ENV, SITE_FIXTURES, run_mkdocs_build, tree, write_mkdocs_yml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from converter.site import plugin as plugin_module
from converter.site.articles import is_article
from converter.site.forked_pages import ForkedPagesError, on_both_cores

TOPIC_PAGE = "topics/politics.md"  # a generated page outside the nav: the child renders it
# Only the child renders TOPIC_PAGE, so what the hook does there happens in the child.
HOOK = f"""\
import logging, os, signal

def on_page_context(context, page, config, nav):
    if page.file.src_uri == {TOPIC_PAGE!r}:
        {{action}}
    return context
"""


def docs_copy(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(SITE_FIXTURES, docs)
    return docs


def build_with_hook(tmp_path: Path, action: str, *, strict: bool = True) -> tuple[int, str]:
    hook = tmp_path / "hook.py"
    hook.write_text(HOOK.format(action=action), "utf-8")
    result = run_mkdocs_build(
        tmp_path, docs_copy(tmp_path), f"hooks:\n  - {hook}\n", BUILD_ENV, strict=strict
    )
    return result.returncode, result.stdout + result.stderr


# More articles than generated pages, so that the child takes articles too: each fixture
# article three times, and no actor pages (actors named that often would all get one).
COPIES = 3
FEW_PAGES = "plugins:\n  - archive:\n      actor_page_min: 1000\n"


def many_articles(tmp_path: Path) -> Path:
    docs = docs_copy(tmp_path)
    for article in sorted((docs / "articles").glob("*.md")):
        for copy in range(1, COPIES):
            shutil.copy(article, article.with_name(f"{article.stem}-copy-{copy}.md"))
    return docs


def build_in_process(workdir: Path, docs: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`docs` built by MkDocs in this process (so the plugin can be watched)."""
    workdir.mkdir()
    config = write_mkdocs_yml(workdir, docs, FEW_PAGES)
    for name, value in {**BUILD_ENV, "NO_MKDOCS_2_WARNING": "1"}.items():
        monkeypatch.setenv(name, value)
    build(load_config(str(config), strict=True))
    return workdir / "site"


def test_the_child_takes_the_generated_pages_and_a_share_of_the_articles_changing_no_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = many_articles(tmp_path)
    shares: list[list[str]] = []
    fork_pages = plugin_module.fork_pages

    def watched(pages, *args, **kwargs):  # noqa: ANN001, ANN202 - fork_pages' own signature
        shares.append([page.file.src_uri for page in pages])
        return fork_pages(pages, *args, **kwargs)

    monkeypatch.setattr(plugin_module, "fork_pages", watched)
    split = build_in_process(tmp_path / "split", docs, monkeypatch)
    (share,) = shares
    assert TOPIC_PAGE in share and "topics/index.md" not in share  # the nav's pages stay
    articles = [uri for uri in share if is_article(uri)]
    assert 0 < len(articles) < len(list(docs.glob("articles/*.md")))
    monkeypatch.setattr(plugin_module, "split_pages", lambda *args, **kwargs: [])
    alone = build_in_process(tmp_path / "alone", docs, monkeypatch)
    assert shares == [share]  # no second child
    assert tree(split) == tree(alone)
    assert (split / "search-index" / "meta.json").is_file()  # compared too


def test_a_child_that_raises_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    code, log = build_with_hook(tmp_path, "raise RuntimeError('no topic today')")
    assert code != 0
    assert f"Error building page '{TOPIC_PAGE}': no topic today" in log
    assert "the process rendering pages beside MkDocs failed: no topic today" in log


def test_a_child_killed_by_a_signal_fails_the_build(tmp_path: Path) -> None:
    code, log = build_with_hook(tmp_path, "os.kill(os.getpid(), signal.SIGKILL)")
    assert code != 0
    assert "the process rendering pages beside MkDocs died (killed by SIGKILL)" in log


@pytest.mark.parametrize("strict", [True, False])
def test_a_warning_in_the_child_is_logged_once_by_mkdocs_and_strict_counts_it(
    tmp_path: Path, strict: bool
) -> None:
    code, log = build_with_hook(
        tmp_path, "logging.getLogger('mkdocs.hooks').warning('a topic to look at')", strict=strict
    )
    assert log.count("a topic to look at") == 1
    if strict:
        assert code != 0 and "Aborted with 1 warnings in strict mode!" in log
    else:
        assert code == 0 and (tmp_path / "site" / "topics" / "politics" / "index.html").is_file()


def test_work_on_both_cores_comes_back_in_order() -> None:
    items = list(range(1001))
    assert on_both_cores(str, items, at_least=1) == [str(item) for item in items]
    assert on_both_cores(str, [1], at_least=1) == ["1"]  # no half to fork for


def test_work_that_raises_or_dies_in_the_child_fails_loudly() -> None:
    parent = os.getpid()

    def fails_in_child(item: int) -> int:
        if os.getpid() != parent and item == 7:
            raise ValueError("item 7 is bad")
        return item

    def dies_in_child(item: int) -> int:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return item

    with pytest.raises(ForkedPagesError, match="beside MkDocs failed: item 7 is bad"):
        on_both_cores(fails_in_child, list(range(10)), at_least=1)
    with pytest.raises(ForkedPagesError, match=r"died \(killed by SIGKILL\)"):
        on_both_cores(dies_in_child, list(range(10)), at_least=1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return None


def served(url: str, holding: str, server: subprocess.Popen[str]) -> str:
    """The page at `url` once it holds `holding` (the server builds, then rebuilds on a change);
    the test fails if the server exits first, or after 300 s (a stuck rebuild)."""
    for _ in range(600):
        page = fetch(url)
        if page is not None and holding in page:
            return page
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve exited {server.returncode}: {server.stdout.read()}")
        time.sleep(0.5)
    pytest.fail(f"{url} never held {holding!r}")


def test_mkdocs_serve_serves_both_processes_pages_and_rebuilds_on_a_change(
    tmp_path: Path,
) -> None:
    docs = docs_copy(tmp_path)
    config = write_mkdocs_yml(tmp_path, docs, site_dir=False)
    port = free_port()
    root = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", root[7:-1]],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**BUILD_ENV, "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "SITE_URL": root},
    )
    try:
        article = docs / "articles" / "key-calls-snap-election.md"
        served(root + "topics/politics/", "<h1>politics</h1>", server)
        served(root + "articles/key-calls-snap-election/", "Key calls snap election", server)
        article.write_text(article.read_text("utf-8") + "\nA late paragraph.\n", "utf-8")
        served(root + "articles/key-calls-snap-election/", "A late paragraph.", server)
        served(root + "topics/politics/", "<h1>politics</h1>", server)
    finally:
        server.terminate()
        log = server.communicate(timeout=60)[0]
    assert "WARNING" not in log and "ERROR" not in log, log
