"""Pages onto disk: atomic (temp file + rename), only when changed, and never outside the tree."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from converter.frontmatter import read_field
from converter.slugs import SLUG_PATTERN

ARTICLES_DIR = "articles"
TEMP_SUFFIX = ".tmp"
"""Temp files are `.<final name>.<random>.tmp`: hidden, so MkDocs never publishes one."""


def articles_dir(out_dir: Path) -> Path:
    return out_dir / ARTICLES_DIR


def page_path(out_dir: Path, slug: str) -> Path:
    """`docs/articles/<slug>.md`, refusing any slug that would land anywhere else. A symbolic
    link put at that name is not followed: the page is written over the link itself."""
    if not SLUG_PATTERN.fullmatch(slug):
        raise ValueError(f"unsafe page name {slug!r}")
    return articles_dir(out_dir).resolve() / f"{slug}.md"


def write_if_changed(path: Path, content: str) -> bool:
    """Write `content` atomically unless the file already holds exactly it; True if written.
    A symbolic link at `path` is replaced, never read or written through."""
    data = content.encode("utf-8")
    try:
        if not path.is_symlink() and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return True


def existing_pages(out_dir: Path) -> list[tuple[str, Path]]:
    """Converter-made pages already on disk, as (seed name, path); two pages may name one seed
    (a run stopped between writing a renamed page and removing the old one)."""
    directory = articles_dir(out_dir)
    if not directory.is_dir():
        return []
    # Only the `seed:` line of each header is parsed, so scanning is cheap.
    pages = ((read_field(path, "seed"), path) for path in sorted(directory.glob("*.md")))
    return [(seed, path) for seed, path in pages if seed is not None]


def remove_pages(paths: Iterable[Path]) -> list[Path]:
    removed = []
    for path in paths:
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def remove_temp_files(out_dir: Path) -> None:
    """Leftovers of an interrupted run (a kill between write and rename), of pages and of the
    manifest beside them, are swept away."""
    for directory in (out_dir, articles_dir(out_dir)):
        for temp in directory.glob(f".*{TEMP_SUFFIX}"):
            if temp.is_file():
                temp.unlink(missing_ok=True)
