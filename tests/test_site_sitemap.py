"""sitemap.xml (converter/site/sitemap.py): every page listed, split at the protocol's limit."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from converter.site.sitemap import SitemapUrl, sitemap_files

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITE = "https://archive.example.org/news/"


def urls(count: int) -> list[SitemapUrl]:
    return [
        SitemapUrl(f"{SITE}articles/{n}/?a=1&b=2", f"2016-09-{n % 28 + 1:02}" if n % 3 else None)
        for n in range(count)
    ]


def test_a_site_within_the_limit_gets_one_sitemap() -> None:
    [(name, text)] = sitemap_files(urls(5), SITE, per_file=5)
    root = ET.fromstring(text)
    assert name == "sitemap.xml" and root.tag == f"{{{NS['s']}}}urlset"
    assert [loc.text for loc in root.iterfind("s:url/s:loc", NS)] == [u.loc for u in urls(5)]
    assert [url.findtext("s:lastmod", namespaces=NS) for url in root.iterfind("s:url", NS)] == [
        u.lastmod for u in urls(5)
    ]


def test_past_the_limit_sitemap_xml_indexes_numbered_parts() -> None:
    files = dict(sitemap_files(urls(7), SITE, per_file=3))
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    locs = [loc.text for loc in index.iterfind("s:sitemap/s:loc", NS)]
    assert locs == [f"{SITE}sitemap-{n}.xml" for n in (1, 2, 3)]
    listed = [
        loc.text
        for n in (1, 2, 3)
        for loc in ET.fromstring(files[f"sitemap-{n}.xml"]).iterfind("s:url/s:loc", NS)
    ]
    assert listed == [u.loc for u in urls(7)]
    newest = [m.text for m in index.iterfind("s:sitemap/s:lastmod", NS)]
    assert newest == ["2016-09-03", "2016-09-06"]  # the last part has no dated page
