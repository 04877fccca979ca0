"""The first two stages of a run: scan the seeds directory (hash every seed) and plan which
seeds to convert, from the manifest the last run left beside the pages."""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass, field
from pathlib import Path

from converter.manifest import Manifest, SeedRecord, Stamp, sha256
from converter.model import Failure, SeedFile

Failed = dict[str, Failure]
"""Failures by seed name, from every stage: the seeds whose pages the prune stage must keep."""


@dataclass(slots=True)
class Plan:
    """Which seeds to convert this run and which pages stay as they are."""

    unchanged: dict[str, SeedRecord] = field(default_factory=dict)
    to_convert: list[SeedFile] = field(default_factory=list)


RESOURCES_SUFFIX = "_files"
"""A browser saving a page 'complete' writes `name.html` and its images, styles, scripts and
frames in `name_files/` beside it: the folder is the page's, not seeds of its own."""
SAVED_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
"""No browser saves these among a page's files: one there was put there as an article."""


def list_seed_files(seeds_dir: Path) -> list[Path]:
    """Every non-hidden file under the seeds directory (links, pipes and devices too: the scan
    refuses them by name), in a stable order, less the files of pages saved complete (but for
    a text or Markdown seed put among them)."""
    listed = ((path, path.relative_to(seeds_dir)) for path in seeds_dir.rglob("*"))
    files = {
        path: relative
        for path, relative in listed
        if (path.is_symlink() or not path.is_dir())
        and not any(part.startswith(".") for part in relative.parts)
    }
    names = {relative.as_posix().casefold() for relative in files.values()}
    return sorted(
        path
        for path, relative in files.items()
        if path.suffix.casefold() in ARTICLE_SUFFIXES or not _in_resources(relative, names)
    )


def _in_resources(relative: Path, names: set[str]) -> bool:
    """Whether a file lies in `x_files/` (at any depth) beside a saved page `x.html`."""
    for folder in relative.parents:
        if folder.name.casefold().endswith(RESOURCES_SUFFIX):
            page = folder.as_posix()[: -len(RESOURCES_SUFFIX)].casefold()
            if any(page + suffix in names for suffix in SAVED_PAGE_SUFFIXES):
                return True
    return False


def seed_name(path: Path, seeds_dir: Path) -> str:
    """The seed's stem (its path below `seeds/` without `.txt`): what a page traces back to."""
    return _stem(_printable(path.relative_to(seeds_dir).as_posix()))


def _stem(relative: str) -> str:
    return relative.removesuffix(".txt")


def _printable(name: str) -> str:
    """A file name that is not UTF-8 still gets a name that prints and writes as UTF-8."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def scan_seeds(seeds_dir: Path) -> tuple[list[SeedFile], Failed]:
    """Hash every seed's bytes; an unreadable file is a failure, not a crash."""
    found, failed = [], {}
    for path in list_seed_files(seeds_dir):
        shown = _printable(path.relative_to(seeds_dir).as_posix())
        name = _stem(shown)
        kind = _special_kind(path)
        if kind:
            failed[name] = Failure(shown, f"refused: {kind}, not a seed file")
            continue
        try:
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError as error:
            failed[name] = Failure(shown, f"cannot read: {error.strerror or error}")
            continue
        found.append(SeedFile(name, path, shown, digest))
    return found, failed


def _special_kind(path: Path) -> str:
    """What a file that is not a regular one is, else '': a symbolic link could point anywhere
    (/etc/passwd), and reading a named pipe would wait for a writer that may never come; only
    regular files under seeds/ are seeds."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return ""  # gone or unreadable: the read that follows names it
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return (
        "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    )


def plan_run(seeds: list[SeedFile], manifest: Manifest | None, stamp: Stamp, out_dir: Path) -> Plan:
    """A seed is unchanged when its bytes, the stamp and its page are what the manifest says."""
    plan = Plan()
    for seed in seeds:
        record = manifest.seeds.get(seed.name) if manifest and manifest.stamp == stamp else None
        if record and record.seed_hash == seed.seed_hash and _page_intact(out_dir, record):
            plan.unchanged[seed.name] = record
        else:
            plan.to_convert.append(seed)
    return plan


def _page_intact(out_dir: Path, record: SeedRecord) -> bool:
    """The page is the one the record names, as written: a symbolic link put in its place
    (it could point anywhere) is no page of ours."""
    path = out_dir / record.page
    try:
        return not path.is_symlink() and sha256(path.read_bytes()) == record.page_hash
    except OSError:
        return False
