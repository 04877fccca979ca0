"""sitemap.xml, split as the protocol requires: at most 50,000 URLs a file.

MkDocs writes one sitemap.xml (and a gzipped copy) of every page, whatever their number; past
50,000 URLs search engines ignore it. The plugin writes it instead: one compact file while the
site fits, else sitemap.xml as a sitemap index of sitemap-1.xml, sitemap-2.xml, ...
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from converter.site.pagination import runs_of

SITEMAP = "sitemap.xml"
URLS_PER_FILE = 50_000  # sitemaps.org: at most 50,000 URLs (and 50 MB) a file
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'


@dataclass(frozen=True, slots=True)
class SitemapUrl:
    """A page as the sitemap lists it: its absolute address and the day it last changed."""

    loc: str
    lastmod: str | None = None


def _urlset(urls: Sequence[SitemapUrl]) -> str:
    entries = "".join(
        f"<url><loc>{escape(url.loc)}</loc>"
        + (f"<lastmod>{escape(url.lastmod)}</lastmod>" if url.lastmod else "")
        + "</url>\n"
        for url in urls
    )
    return f'{HEADER}<urlset xmlns="{NAMESPACE}">\n{entries}</urlset>\n'


def sitemap_files(
    urls: Sequence[SitemapUrl], site_url: str, per_file: int = URLS_PER_FILE
) -> list[tuple[str, str]]:
    """(file name, text) of the sitemap: one urlset, or an index and its numbered parts."""
    if len(urls) <= per_file:
        return [(SITEMAP, _urlset(urls))]
    parts = runs_of(urls, per_file)
    files = [(f"sitemap-{number}.xml", _urlset(part)) for number, part in enumerate(parts, 1)]
    newest = [max((url.lastmod for url in part if url.lastmod), default=None) for part in parts]
    index = "".join(
        f"<sitemap><loc>{escape(site_url.rstrip('/'))}/{name}</loc>"
        + (f"<lastmod>{escape(lastmod)}</lastmod>" if lastmod else "")
        + "</sitemap>\n"
        for (name, _), lastmod in zip(files, newest, strict=True)
    )
    return [
        (SITEMAP, f'{HEADER}<sitemapindex xmlns="{NAMESPACE}">\n{index}</sitemapindex>\n'),
        *files,
    ]
