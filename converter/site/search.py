"""The site's search index: Pagefind over the built article pages, offline and reproducible.

Pagefind splits the index into small hashed chunks, so a query fetches a few of them instead of
one file holding every article's text. The pagefind PyPI package ships the binary; we run it as
`python -m pagefind` so that the build needs no network and no Node.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

SEARCH_ENGINES = ("pagefind", "material")
BUNDLE_DIR = "pagefind"  # under the site dir; the header search loads pagefind.js from here


class PagefindError(RuntimeError):
    """Pagefind could not index the site (missing binary, bad HTML, I/O)."""


def index_site(site_dir: Path) -> None:
    """Index the pages of `site_dir` that mark a `data-pagefind-body` into `site_dir/pagefind`."""
    shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)  # no chunks left from older builds
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    command += ["--output-subdir", BUNDLE_DIR, "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise PagefindError(f"cannot run pagefind: {error}") from error
    if result.returncode != 0:
        raise PagefindError(
            f"pagefind failed (exit {result.returncode}): {result.stderr or result.stdout}"
        )
