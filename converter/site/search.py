"""The site's search index: Pagefind over the built article pages, offline and reproducible.

Pagefind splits the index into small hashed chunks, so a query fetches a few of them instead of
one file holding every article's text. The pagefind PyPI package ships the binary; we run it as
`python -m pagefind` so that the build needs no network and no Node. It runs as a process of
its own, so the plugin starts it as soon as the article pages are written and lets it index on
a second core while MkDocs renders the actor, topic and source pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SEARCH_ENGINES = ("pagefind", "material")
BUNDLE_DIR = "pagefind"  # under the site dir; the header search loads pagefind.js from here
# Only article pages hold a data-pagefind-body; Pagefind need not read the thousands of
# actor, topic and source pages to find that out.
INDEXED_PAGES = "articles/**/*.html"


class PagefindError(RuntimeError):
    """Pagefind could not index the site (missing binary, bad HTML, I/O)."""


def start_indexing(site_dir: Path) -> subprocess.Popen[bytes]:
    """Start indexing the article pages of `site_dir` into `site_dir/pagefind`; they must all be
    written already. `finish_indexing` waits for it."""
    shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)  # no chunks left from older builds
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    command += ["--glob", INDEXED_PAGES, "--output-subdir", BUNDLE_DIR, "--silent"]
    # One thread: it runs beside MkDocs, which keeps the other core.
    environment = {**os.environ, "RAYON_NUM_THREADS": "1"}
    try:
        return subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment
        )
    except OSError as error:
        raise PagefindError(f"cannot run pagefind: {error}") from error


def finish_indexing(process: subprocess.Popen[bytes]) -> None:
    """Wait for the index; a failed run raises with Pagefind's own words."""
    output, _ = process.communicate()
    if process.returncode != 0:
        message = output.decode("utf-8", "replace")
        raise PagefindError(f"pagefind failed (exit {process.returncode}): {message}")


def index_site(site_dir: Path) -> None:
    """Index the article pages of `site_dir` (each marks a `data-pagefind-body`), now."""
    finish_indexing(start_indexing(site_dir))
