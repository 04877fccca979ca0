"""The site's search index, written beside the build by a process of its own.

Two static engines, both offline and reproducible:
- `archive` (the default): our own index (static_search.py), written from the article texts the
  plugin collected; a query downloads a few small files, never a list of the whole archive.
- `pagefind`: Pagefind over the built article pages (the PyPI package ships the binary, run as
  `python -m pagefind`: no network, no Node). Simple and fast, but every visitor first
  downloads a list of all pages (about 8 bytes an article).
Either runs in a child process started as soon as its input is ready (the texts once every page
is read, Pagefind's pages once every article is written), beside the processes rendering the
pages (forked_pages.py); the plugin waits for it at the end.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from converter.site.model import ArticleMeta
from converter.site.search_records import SearchDoc
from converter.site.static_search import BUNDLE_DIR as ARCHIVE_BUNDLE_DIR
from converter.site.static_search import build_index, html_text

SEARCH_ENGINES = ("archive", "pagefind", "material")
PAGEFIND_DIR = "pagefind"  # under the site dir; the header search loads pagefind.js from here
# Only article pages hold a data-pagefind-body; Pagefind need not read the thousands of
# actor, topic and source pages to find that out.
INDEXED_PAGES = "articles/**/*.html"


class SearchIndexError(RuntimeError):
    """The search index could not be written (missing binary, bad HTML, I/O)."""


class Indexing:
    """A search index being written by a child process."""

    def __init__(self, process: subprocess.Popen[bytes] | multiprocessing.Process, name: str):
        self._process = process
        self._name = name

    def finish(self) -> None:
        """Wait for the index; a failed run raises with the indexer's own words."""
        if isinstance(self._process, subprocess.Popen):
            output, _ = self._process.communicate()
            code = self._process.returncode
            message = output.decode("utf-8", "replace")
        else:
            self._process.join()
            code = self._process.exitcode
            message = "see the traceback above"
        if code != 0:
            raise SearchIndexError(f"{self._name} failed (exit {code}): {message}")

    def cancel(self) -> None:
        self._process.kill()
        if isinstance(self._process, subprocess.Popen):
            self._process.wait()
        else:
            self._process.join()


def start_pagefind(site_dir: Path) -> Indexing:
    """Start indexing the article pages of `site_dir` into `site_dir/pagefind`; they must all be
    written already."""
    shutil.rmtree(site_dir / PAGEFIND_DIR, ignore_errors=True)  # no chunks left from older builds
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    command += ["--glob", INDEXED_PAGES, "--output-subdir", PAGEFIND_DIR, "--silent"]
    # One thread: it runs beside MkDocs, which keeps the other core.
    environment = {**os.environ, "RAYON_NUM_THREADS": "1"}
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment
        )
    except OSError as error:
        raise SearchIndexError(f"cannot run pagefind: {error}") from error
    return Indexing(process, "pagefind")


def start_archive_index(site_dir: Path, docs: Sequence[SearchDoc]) -> Indexing:
    """Start writing the archive's own index of `docs` (newest first) into `site_dir/search-index`.
    fork: the child shares the collected texts instead of receiving a copy."""
    process = multiprocessing.get_context("fork").Process(
        target=write_archive_index, args=(site_dir / ARCHIVE_BUNDLE_DIR, docs), daemon=True
    )
    process.start()
    return Indexing(process, "the search index")


def write_archive_index(bundle: Path, docs: Sequence[SearchDoc]) -> None:
    """Write every file of the index under `bundle`, replacing an older index."""
    shutil.rmtree(bundle, ignore_errors=True)
    made: set[Path] = set()
    for relative, data in build_index(docs):
        path = bundle / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(data)


def search_doc(article: ArticleMeta, html: str) -> SearchDoc:
    """An article as the archive's search index holds it: its body's text and its filters."""
    return SearchDoc(
        url=article.url,
        title=article.title,
        source=article.source,
        date=article.date,
        text=html_text(html),
        filters={
            "actor": article.actors,
            "topic": article.topics,
            "source": (article.source,) if article.source else (),
        },
    )
