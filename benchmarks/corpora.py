"""Where the development corpora are: `../shared/corpora` beside the repository, or the
directory named by ARCHIVE_CORPORA (for a clone that lives elsewhere)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("ARCHIVE_CORPORA") or REPO.parent / "shared" / "corpora")


def corpus(name: str) -> Path:
    """A corpus directory, or a clear exit naming where it was looked for."""
    path = CORPORA / name
    if not path.is_dir():
        raise SystemExit(
            f"corpus {name!r} not found at {path}: set ARCHIVE_CORPORA to the corpora directory"
        )
    return path
