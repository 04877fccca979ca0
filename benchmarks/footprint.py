"""What a built site costs a host, per article: bytes and files by part, and the hosting limits.

    .venv/bin/python benchmarks/footprint.py SITE_DIR [ARTICLES]

Splits every file of a built site into parts (article pages, actor, topic and source pages,
search index, feeds, sitemap, assets, the rest), prints each part's bytes and files per article,
and the largest archive that fits each static host's limits at that rate. Parts that grow with
the archive are charged per article; the assets (theme, scripts) are a fixed cost. ARTICLES
defaults to the number of article pages. benchmarks/scale.py prints the same for its build.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# First match wins: feeds live under topics/, so they are looked for first.
PARTS = (
    ("feeds", lambda path: path.name == "feed.xml"),
    ("sitemap", lambda path: path.name.startswith("sitemap")),
    ("articles", lambda path: path.parts[0] == "articles"),
    ("actors", lambda path: path.parts[0] == "actors"),
    ("topics", lambda path: path.parts[0] == "topics"),
    ("sources", lambda path: path.parts[0] == "sources"),
    ("search index", lambda path: path.parts[0] in ("search-index", "pagefind", "search")),
    ("assets", lambda path: path.parts[0] == "assets"),
    ("home and other", lambda path: True),
)
FIXED_PARTS = frozenset({"assets"})  # the same files whatever the archive's size


@dataclass(frozen=True, slots=True)
class Host:
    """A static host's limits on one site: total bytes, files, entries (files and folders)."""

    name: str
    max_bytes: int | None = None
    max_files: int | None = None
    max_entries: int | None = None


# Published limits (decimal units, the stricter reading of "1 GB").
HOSTS = (
    Host("GitHub Pages", max_bytes=10**9),
    Host("Cloudflare Pages (free)", max_files=20_000),
    Host("Cloudflare Pages (paid)", max_files=100_000),
    Host("GitLab Pages", max_bytes=10**9, max_entries=200_000),
)


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    bytes: int
    files: int


@dataclass(frozen=True, slots=True)
class Footprint:
    """A built site by part, with its folders (some hosts count them as entries)."""

    parts: tuple[Part, ...]
    folders: int

    @property
    def bytes(self) -> int:
        return sum(part.bytes for part in self.parts)

    @property
    def files(self) -> int:
        return sum(part.files for part in self.parts)

    def fixed(self, attribute: str) -> int:
        return sum(getattr(part, attribute) for part in self.parts if part.name in FIXED_PARTS)


def part_of(relative: PurePosixPath) -> str:
    return next(name for name, matches in PARTS if matches(relative))


def measure(files: Iterable[tuple[PurePosixPath, int]], folders: int) -> Footprint:
    """Sum (path relative to the site, size) pairs into parts, in PARTS order."""
    sizes = {name: [0, 0] for name, _ in PARTS}
    for relative, size in files:
        totals = sizes[part_of(relative)]
        totals[0] += size
        totals[1] += 1
    return Footprint(tuple(Part(name, *sizes[name]) for name, _ in PARTS), folders)


def site_footprint(site: Path) -> Footprint:
    files, folders = [], 0
    for path in site.rglob("*"):
        if path.is_dir():
            folders += 1
        elif path.is_file():
            files.append((PurePosixPath(path.relative_to(site).as_posix()), path.stat().st_size))
    return measure(files, folders)


def largest_archive(footprint: Footprint, articles: int, host: Host) -> int:
    """The most articles that fit `host` at this site's rate: fixed parts once, the rest per
    article. Linear: list pages and the index grow a little slower than the archive."""
    fits = []
    for limit, used, fixed in (
        (host.max_bytes, footprint.bytes, footprint.fixed("bytes")),
        (host.max_files, footprint.files, footprint.fixed("files")),
        (host.max_entries, footprint.files + footprint.folders, footprint.fixed("files")),
    ):
        if limit is not None:
            per_article = (used - fixed) / articles
            fits.append(math.floor((limit - fixed) / per_article) if per_article else math.inf)
    return min(fits)


def report(footprint: Footprint, articles: int) -> list[str]:
    """The table scale.py and this script print: per part, then per host."""
    lines = [f"{'site by part':28} {'KB/article':>10} {'files/article':>14} {'MB':>9} {'files':>8}"]
    for part in (*footprint.parts, Part("whole site", footprint.bytes, footprint.files)):
        fixed = " (fixed)" if part.name in FIXED_PARTS else ""
        lines.append(
            f"  {part.name:26} {part.bytes / articles / 1024:10.2f} "
            f"{part.files / articles:14.3f} {part.bytes / 1e6:9.1f} {part.files:8,}{fixed}"
        )
    lines.append(f"  {'folders':26} {'':10} {footprint.folders / articles:14.3f}")
    lines.append("largest archive that fits, at this rate:")
    for host in HOSTS:
        limits = ", ".join(
            label
            for label, value in (
                (f"{(host.max_bytes or 0) / 1e9:g} GB", host.max_bytes),
                (f"{host.max_files or 0:,} files", host.max_files),
                (f"{host.max_entries or 0:,} entries", host.max_entries),
            )
            if value
        )
        lines.append(
            f"  {host.name:26} {largest_archive(footprint, articles, host):>12,} ({limits})"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("articles", type=int, nargs="?")
    args = parser.parse_args()
    footprint = site_footprint(args.site)
    articles = args.articles or next(p for p in footprint.parts if p.name == "articles").files
    print(f"articles                     {articles:,}")
    print("\n".join(report(footprint, articles)))


if __name__ == "__main__":
    main()
