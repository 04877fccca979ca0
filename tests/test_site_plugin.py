"""The `archive` plugin (converter/site/plugin.py), judged on real `mkdocs build --strict` sites.

Expectations come from the fixtures' raw front matter (read with plain PyYAML), not from the
model the plugin builds, so a page is checked against what the articles say.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from helpers import BUILD_ENV, SITE_FIXTURES, SITE_URL, read_html, run_mkdocs_build
from markupsafe import escape

from converter.site.dates import archive_date
from converter.site.model import Archive

if TYPE_CHECKING:
    from helpers import FixtureArticle, SiteBuild

SYRIA_URL = "articles/us-and-russia-poised-for-new-battle-over-syria/"
SYRIA_TITLE = "US and Russia poised for new battle over Syria"
GENEVA_URL = "articles/kerry-and-lavrov-agree-syria-truce-in-geneva/"
HOSTILE_URL = "articles/hostile-markup-in-every-field/"
HOSTILE_TITLE_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34; {{ x }}"
# What must never reach a page as markup, from any field of the hostile fixture.
RAW_MARKUP = re.compile(r"<script>alert|<b>Evil|<svg onload|<img src=x|<i>Evil", re.IGNORECASE)
VOID_TAGS = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"})
TALLY = re.compile(
    r'<a href="([^"]+)">([^<]*)</a> <span class="archive-count" title="Articles">(\d+)</span>'
)
LISTED_ENTRY = re.compile(
    r'<li(?: class="archive-kind--[a-z]+")? id="([^"]+)"><span>([^<]*)</span>.*?<ul>(.*?)</ul>',
    re.DOTALL,
)
SECTIONS: dict[str, Callable[[FixtureArticle], set[str]]] = {
    "actors": lambda article: article.actor_names,
    "topics": lambda article: article.topic_names,
    "sources": lambda article: article.source_names,
    "publishers": lambda article: (
        {article.meta["publisher"]} if article.meta.get("publisher") else set()
    ),
    "authors": lambda article: set(article.meta.get("authors", [])),
}


@dataclass(frozen=True, slots=True)
class Link:
    """An <a> of a page: where it goes, its text, its rel, and the classes it sits inside."""

    href: str
    text: str
    rel: str
    within: frozenset[str]


class Anchors(HTMLParser):
    """Every link of a page with the classes of the elements around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list[str]] = []
        self.links: list[Link] = []
        self._open: tuple[str, str, frozenset[str]] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        attributes = dict(attrs)
        self.stack.append((attributes.get("class") or "").split())
        if tag == "a" and attributes.get("href") is not None:
            within = frozenset(name for classes in self.stack for name in classes)
            self._open = (attributes["href"] or "", attributes.get("rel") or "", within)
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            href, rel, within = self._open
            self.links.append(Link(href, "".join(self._text), rel, within))
            self._open = None
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)


def page_html(site_dir: Path, url: str) -> str:
    return read_html(site_dir / url / "index.html")


def anchors(site_dir: Path, url: str) -> list[Link]:
    parser = Anchors()
    parser.feed(page_html(site_dir, url))
    return parser.links


def links_in(site_dir: Path, url: str, within_class: str) -> list[tuple[str, str]]:
    return [(a.href, a.text) for a in anchors(site_dir, url) if within_class in a.within]


def resolve(url: str, href: str) -> str:
    """The site-relative URL a relative link on page `url` points at."""
    path = urlsplit(href).path
    return posixpath.normpath(posixpath.join(url, path)).lstrip("./") + "/"


def series(site_dir: Path, url: str) -> list[str]:
    """A page and the numbered pages after it, following their rel=next links."""
    urls = [url]
    while True:
        nexts = [a.href for a in anchors(site_dir, urls[-1]) if a.rel == "next"]
        if not nexts:
            return urls
        urls.append(resolve(urls[-1], nexts[0]))


def section_html(html: str, css_class: str) -> str:
    start = html.index(f'class="archive-profile__part {css_class}"')
    return html[start : html.index("</section>", start)]


def index_links(site_dir: Path, section: str) -> dict[str, str]:
    """name -> entry URL, from every page of a section's index (the topic tree for topics)."""
    within = "archive-tree" if section == "topics" else "archive-entries"
    found: dict[str, str] = {}
    for url in series(site_dir, f"{section}/"):
        for link in anchors(site_dir, url):
            target = resolve(url, link.href)
            if within in link.within and not target.startswith("articles/"):
                found[link.text] = target
    if section == "topics":  # topics the vocabulary lacks are listed below the tree
        found.update(
            (text, resolve("topics/", href))
            for href, text in links_in(site_dir, "topics/", "archive-entries")
        )
    return found


def index_listings(site_dir: Path, section: str) -> dict[str, tuple[str, set[str]]]:
    """name -> (its line's URL, its articles' URLs) for entries listed on the index pages
    instead of having pages of their own."""
    found: dict[str, tuple[str, set[str]]] = {}
    for url in series(site_dir, f"{section}/"):
        for anchor, name, articles in LISTED_ENTRY.findall(page_html(site_dir, url)):
            hrefs = re.findall(r'<a href="([^"]+)">', articles)
            found[unescape(name)] = (f"{url}#{anchor}", {resolve(url, href) for href in hrefs})
    return found


@pytest.fixture(params=["site_build", "paged_site_build"])
def any_site(request: pytest.FixtureRequest) -> Path:
    """The fixture site built with the real layout, then with every list split into pages."""
    build: SiteBuild = request.getfixturevalue(request.param)
    return build.site_dir


# --- the build --------------------------------------------------------------------------


def test_build_logs_nothing_about_articles_missing_from_the_nav(site_build: SiteBuild) -> None:
    assert 'not included in the "nav"' not in site_build.log
    assert "WARNING" not in site_build.log


def test_nav_has_only_home_and_the_six_indexes(site_dir: Path) -> None:
    assert [text.strip() for _, text in links_in(site_dir, "", "md-tabs__list")] == [
        "Home",
        "Dates",
        "Actors",
        "Topics",
        "Sources",
        "Publishers",
        "Authors",
    ]


def test_no_link_in_the_site_is_broken(any_site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    broken = []
    pages = sorted(any_site.rglob("*.html"))
    for page in pages:
        ids[page] = set(re.findall(r'\sid="([^"]+)"', read_html(page)))
    for page in pages:
        if page.name == "404.html":  # MkDocs gives it absolute links only
            continue
        html = read_html(page)
        for href in re.findall(r'\s(?:href|src)="([^"]*)"', html):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not (parts.path or parts.fragment):
                continue
            target = (page.parent / parts.path).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(any_site)}: {href}")
            elif parts.fragment and parts.fragment not in ids.get(target, {parts.fragment}):
                broken.append(f"{page.relative_to(any_site)}: {href} (no such anchor)")
    assert broken == []


def test_sitemap_lists_every_page_once_with_article_dates(
    site_dir: Path, site_archive: Archive
) -> None:
    tree = ET.parse(site_dir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text or "" for loc in tree.getroot().iterfind("s:url/s:loc", ns)]
    assert len(locs) == len(set(locs))
    pages = {
        str(path.parent.relative_to(site_dir)).removeprefix(".") + "/"
        for path in site_dir.rglob("index.html")
    }
    assert {loc.removeprefix(SITE_URL) or "/" for loc in locs} == {
        page.removeprefix("/") or "/" for page in pages
    }
    lastmod = {
        (url.findtext("s:loc", namespaces=ns) or "").removeprefix(SITE_URL): url.findtext(
            "s:lastmod", namespaces=ns
        )
        for url in tree.getroot().iterfind("s:url", ns)
    }
    assert lastmod[GENEVA_URL] == "2016-09-10"
    assert lastmod[SYRIA_URL] == archive_date(site_archive, {})  # undated: the archive's date
    assert lastmod["actors/united-states/"] == "2016-09-10"  # its newest article


# --- entry pages ------------------------------------------------------------------------


@pytest.mark.parametrize("section", SECTIONS)
def test_every_entry_page_lists_exactly_the_articles_naming_it(
    any_site: Path, site_articles: list[FixtureArticle], section: str
) -> None:
    names_of = SECTIONS[section]
    expected: dict[str, set[str]] = {}
    for article in site_articles:
        for name in names_of(article):
            expected.setdefault(name, set()).add(article.url)
    pages = index_links(any_site, section)
    listed = index_listings(any_site, section)
    assert sorted([*pages, *listed]) == sorted(expected)
    for name, (_, articles) in listed.items():
        assert articles == expected[name], name
    for name, url in pages.items():
        assert url.startswith(f"{section}/")
        listed = [
            resolve(page, href)
            for page in series(any_site, url)
            for href, _ in links_in(any_site, page, "archive-articles")
        ]
        assert len(listed) == len(set(listed)), name
        assert set(listed) == expected[name], name


@pytest.mark.parametrize(
    ("build", "neighbours", "pages"), [("site_build", 10, 1), ("paged_site_build", 3, 6)]
)
def test_actor_pages_count_the_actors_beside_them(
    request: pytest.FixtureRequest,
    build: str,
    neighbours: int,
    pages: int,
    site_articles: list[FixtureArticle],
) -> None:
    site_dir = request.getfixturevalue(build).site_dir
    checked = 0
    for name, url in index_links(site_dir, "actors").items():
        naming = [a for a in site_articles if name in a.actor_names]
        beside = Counter(other for a in naming for other in a.actor_names - {name})
        topics = Counter(topic for a in naming for topic in a.topic_names)
        html = page_html(site_dir, url)
        if beside:
            listed = TALLY.findall(section_html(html, "archive-co-actors"))
            assert len(listed) == min(neighbours, len(beside))
            for _, other, count in listed:
                assert beside[unescape(other)] == int(count), (name, other)
            checked += 1
        if topics:
            mix = TALLY.findall(section_html(html, "archive-topic-mix"))
            for _, topic, count in mix:
                assert topics[unescape(topic)] == int(count), (name, topic)
    assert checked >= pages


def test_actor_page_shows_kind_count_and_co_actors(paged_site_build: SiteBuild) -> None:
    html = page_html(paged_site_build.site_dir, "actors/sergey-lavrov/")
    assert "<h1>Sergey Lavrov</h1>" in html and ">Person</span>" in html
    assert "<title>Sergey Lavrov - News Archive</title>" in html
    assert ">2 articles</span>" in html
    co_actors = {
        text: int(n) for _, text, n in TALLY.findall(section_html(html, "archive-co-actors"))
    }
    assert co_actors["John Kerry"] == 2


def test_actor_in_too_few_articles_is_listed_on_the_index_with_them(site_dir: Path) -> None:
    """The shipped layout gives a page only to actors named in five articles or more."""
    assert not (site_dir / "actors" / "sergey-lavrov").exists()
    assert not (site_dir / "actors" / "john-kerry").exists()  # named in three
    assert (site_dir / "actors" / "united-states" / "index.html").is_file()
    url, articles = index_listings(site_dir, "actors")["Sergey Lavrov"]
    assert url == "actors/#entry-sergey-lavrov"
    assert articles == {SYRIA_URL, GENEVA_URL}
    facts = links_in(site_dir, SYRIA_URL, "archive-facts")
    assert ("../../actors/#entry-sergey-lavrov", "Sergey Lavrov") in facts
    assert ("../../actors/#entry-john-kerry", "John Kerry") in facts
    assert ("../../actors/united-states/", "United States") in facts


def test_topic_page_shows_its_place_in_the_vocabulary_and_its_feed(site_dir: Path) -> None:
    html = page_html(site_dir, "topics/diplomacy/")
    assert '<dt>Broader topic</dt><dd><a href="../international-relations/">' in html
    assert '<a class="archive-lede__feed" href="feed.xml"' in html
    feed = 'href="feed.xml" rel="alternate feed" title="News Archive: diplomacy"'
    assert f'<link {feed} type="application/atom+xml">' in html
    assert "diplomacy" not in [
        t for _, t, _ in TALLY.findall(section_html(html, "archive-topic-mix"))
    ]
    politics = page_html(site_dir, "topics/politics/")
    assert "<dt>Narrower topics</dt>" in politics


def test_paged_entry_pages_link_to_each_other(paged_site_build: SiteBuild) -> None:
    site_dir = paged_site_build.site_dir
    pages = series(site_dir, "actors/united-states/")
    assert pages[1] == "actors/united-states/page/2/" and len(pages) >= 3
    second = page_html(site_dir, pages[1])
    assert "<h1>United States (page 2)</h1>" in second
    assert '<span aria-current="page" class="md-pagination__current">2</span>' in second
    assert 'rel="prev"' in second and "archive-co-actors" not in second
    assert "archive-co-actors" in page_html(site_dir, pages[0])


def test_paged_actor_index_reaches_every_letter(paged_site_build: SiteBuild) -> None:
    site_dir = paged_site_build.site_dir
    pages = series(site_dir, "actors/")
    assert len(pages) > 2 and pages[1] == "actors/page/2/"
    first, last = (
        [text for _, text in links_in(site_dir, page, "archive-letters")]
        for page in (pages[0], pages[-1])
    )
    assert first == last and {"A", "#"} <= set(first)
    for page in pages:  # every letter's link leads to a page holding that letter's heading
        for href, letter in links_in(site_dir, page, "archive-letters"):
            target, anchor = resolve(page, href), href.partition("#")[2]
            assert f'<h2 id="{anchor}">{escape(letter)}</h2>' in page_html(site_dir, target)


def test_an_article_is_described_on_one_entry_page_its_sources(
    site_dir: Path, site_archive: Archive
) -> None:
    """Listed on every actor, topic and source page it belongs to, an article's description is
    written once among them; the home page and related stories show it too."""
    entry_pages = [
        page
        for section in SECTIONS
        for url in index_links(site_dir, section).values()
        for page in series(site_dir, url)
    ]
    for article in site_archive.articles:
        if not article.description:
            continue
        sentence = f"<p>{escape(article.description)}</p>"
        described = [page for page in entry_pages if sentence in page_html(site_dir, page)]
        source = site_archive.sources.by_name.get(article.source)
        assert described == ([source.url] if source else []), article.url
    latest = site_archive.articles[0]
    assert f"<p>{escape(latest.description)}</p>" in page_html(site_dir, "")


def test_an_article_page_has_its_own_front_matter_parsed_once(
    site_dir: Path, site_articles: list[FixtureArticle]
) -> None:
    """The plugin hands MkDocs each article without the header it parsed already and gives the
    page that metadata back: its title and description are on the page as before."""
    for article in site_articles:
        html = page_html(site_dir, article.url)
        title = escape(str(article.meta["title"]).strip())
        assert f"<title>{title} - " in html, article.url
        description = article.meta.get("description")
        if description:
            assert f'<meta content="{escape(str(description))}" name="description">' in html
        assert "<p>---</p>" not in html and "<hr>\n<p>{}" not in html


def test_pagefind_attributes_are_written_only_for_pagefind(site_dir: Path) -> None:
    assert "data-pagefind-filter" not in page_html(site_dir, SYRIA_URL)


# --- index pages ------------------------------------------------------------------------


@pytest.mark.parametrize("section", ["actors", "sources"])
def test_index_pages_list_every_value_with_its_count(
    site_dir: Path, site_articles: list[FixtureArticle], section: str
) -> None:
    expected = Counter(name for a in site_articles for name in SECTIONS[section](a))
    html = page_html(site_dir, f"{section}/")
    for name, count in expected.items():
        count_html = f' <span class="archive-count" title="Articles">{count}</span>'
        linked, listed = f">{escape(name)}</a>{count_html}", f">{escape(name)}</span>{count_html}"
        assert linked in html or listed in html, name
    assert f">{len(expected)} {section}</span>" in html


def test_actor_index_can_be_filtered_by_kind(site_dir: Path, site_archive: Archive) -> None:
    html = page_html(site_dir, "actors/")
    for kind, label in (("person", "People"), ("organisation", "Organisations")):
        count = sum(1 for entry in site_archive.actors.entries if entry.kind == kind)
        assert f'for="archive-kind-{kind}">{label} <span class="archive-count">{count}' in html
        lines = re.findall(rf'<li class="archive-kind--{kind}"', html)
        assert len(lines) == count


def test_topic_index_is_the_vocabulary_tree_with_counts(
    site_dir: Path, site_articles: list[FixtureArticle]
) -> None:
    html = page_html(site_dir, "topics/")
    counts = Counter(topic for a in site_articles for topic in a.topic_names)
    politics = html.index('">politics<')
    relations = html.index('">international relations<', politics)
    diplomacy = html.index('">diplomacy<', relations)
    # diplomacy sits in a list nested inside international relations, inside politics
    between = html[politics:diplomacy]
    assert between.count('<ul class="archive-tree">') >= 2
    assert (
        f'">diplomacy</a> <span class="archive-count" title="Articles">{counts["diplomacy"]}<'
        in (html)
    )
    assert '<h2 id="other-topics">Other topics</h2>' in html


# --- article pages ----------------------------------------------------------------------


def test_article_facts_link_source_actors_and_topics_to_existing_pages(site_dir: Path) -> None:
    links = links_in(site_dir, SYRIA_URL, "archive-facts")
    names = [text for _, text in links]
    assert names == [
        "Undated",
        "Associated Press",
        "Bashar Assad",
        "John Kerry",
        "Sergey Lavrov",
        "UN Security Council",
        "Russia",
        "Syria",
        "United States",
        "conflict, war and peace",
        "diplomacy",
        "humanitarian aid",
    ]
    for href, _ in links:
        target = resolve(SYRIA_URL, href)
        assert (site_dir / target / "index.html").is_file(), href
    targets = dict((text, resolve(SYRIA_URL, href)) for href, text in links)
    assert targets["United States"] == "actors/united-states/"
    assert targets["Undated"] == "dates/undated/"


def test_article_facts_sit_first_in_the_content_and_list_videos(site_dir: Path) -> None:
    html = page_html(site_dir, SYRIA_URL)
    content = html[html.index("<h1>") :]
    assert content.index('class="archive-facts"') < content.index("<p>With Syria")
    assert "00:43" in content and "02:15" in content
    assert "This is not a joke" in content
    assert "<dt>People</dt>" in content and "<dt>Places</dt>" in content


def test_a_video_with_an_address_is_a_link_named_by_its_caption_or_host(site_dir: Path) -> None:
    html = page_html(site_dir, "articles/bonn-appeals-for-middle-east-peace/")
    assert (
        '<a class="archive-video__caption" href="https://www.youtube.com/embed/Bonn1996abc" '
        'rel="nofollow noopener">Watch on www.youtube.com</a>'
    ) in html
    assert ">Kinkel speaks in Bonn</a>" in html


def test_a_lead_image_is_a_link_named_by_its_caption_and_the_pages_og_image(site_dir: Path) -> None:
    html = page_html(site_dir, "articles/bonn-appeals-for-middle-east-peace/")
    assert (
        '<dt>Image</dt><dd><a href="https://images.example.org/1996/08/kinkel.jpg" '
        'rel="nofollow noopener">Klaus Kinkel at the Foreign Ministry</a></dd>'
    ) in html
    image = "https://images.example.org/1996/08/kinkel.jpg"
    assert f'<meta content="{image}" property="og:image">' in html
    hostile = page_html(site_dir, HOSTILE_URL)
    assert "javascript:" not in hostile and "never shown" not in hostile
    assert '<meta content="https://images.example.org/a.jpg?&#34;&gt;&lt;script&gt;' in hostile
    assert "og:image" not in page_html(site_dir, SYRIA_URL)
    assert "&lt;img src=x onerror=alert(12)&gt; a caption</a>" in hostile


def test_an_articles_photos_follow_its_lead_image_in_a_list(site_dir: Path) -> None:
    hostile = page_html(site_dir, HOSTILE_URL)
    images = hostile[
        hostile.index("<dt>Images</dt>") : hostile.index("</ul>", hostile.index("<dt>Images</dt>"))
    ]
    assert images.count("<li>") == 2
    assert images.index("a caption</a>") < images.index(
        '<a href="https://images.example.org/b.jpg" rel="nofollow noopener">'
        "Image 2 on images.example.org</a>"
    )
    assert "<dt>Image</dt>" not in hostile


def test_article_facts_link_authors_and_publisher(site_dir: Path) -> None:
    hostile = page_html(site_dir, HOSTILE_URL)
    start = hostile.index("<dt>Authors</dt>")
    authors = hostile[start : hostile.index("</dd>", start)]
    assert ">&lt;script&gt;alert(13)&lt;/script&gt; Jane Doe</a></li>" in authors
    assert ">Joe Bloggs</a></li>" in authors
    assert (
        ">&lt;i&gt;Evil&lt;/i&gt; Times &lt;script&gt;alert(14)&lt;/script&gt;</a></dd>"
    ) in hostile[hostile.index("<dt>Publisher</dt>") :]
    html = page_html(site_dir, SYRIA_URL)
    assert "<dt>Author" not in html and "<dt>Publisher</dt>" not in html


def test_article_facts_show_date_and_dateline_when_known(site_dir: Path) -> None:
    html = page_html(site_dir, GENEVA_URL)
    assert (
        '<dt>Date</dt><dd><a href="../../dates/2016/09/">'
        '<time datetime="2016-09-10">10 September 2016</time></a></dd>'
    ) in html
    assert "<dd>GENEVA</dd>" in html
    html = page_html(site_dir, SYRIA_URL)
    assert '<dt>Date</dt><dd><a href="../../dates/undated/">Undated</a></dd>' in html
    assert "<dt>Dateline</dt>" not in html


def test_related_stories_close_every_article_page(site_dir: Path, site_archive: Archive) -> None:
    for article in site_archive.articles:
        html = page_html(site_dir, article.url)
        listed = [
            resolve(article.url, href)
            for href, _ in links_in(site_dir, article.url, "archive-related")
        ]
        assert listed == [related.url for related in site_archive.related[article.src_uri]]
        if listed:
            assert html.index("archive-related") > html.index("<p>")
    # The Geneva talks share seven names with the Syria story: nothing else comes close.
    assert resolve(SYRIA_URL, links_in(site_dir, SYRIA_URL, "archive-related")[0][0]) == GENEVA_URL


# --- date pages -------------------------------------------------------------------------


def fixture_dates(site_articles: list[FixtureArticle]) -> dict[str, set[str]]:
    """'YYYY/MM' (or 'undated') -> the URLs of its articles, from the raw front matter: a date
    that is no calendar date (the hostile '2016-02-30<script>') is none."""
    months: dict[str, set[str]] = {}
    for article in site_articles:
        value = str(article.meta.get("date") or "")
        try:
            month = date.fromisoformat(value).strftime("%Y/%m")
        except ValueError:
            month = "undated"
        months.setdefault(month, set()).add(article.url)
    return months


def test_every_article_is_listed_on_its_month_page_or_as_undated(
    any_site: Path, site_articles: list[FixtureArticle]
) -> None:
    expected = fixture_dates(site_articles)
    assert "undated" in expected and len(expected) >= 3  # the fixtures span two years
    for month, urls in expected.items():
        listed = [
            resolve(page, href)
            for page in series(any_site, f"dates/{month}/")
            for href, _ in links_in(any_site, page, "archive-articles")
        ]
        assert len(listed) == len(set(listed)) and set(listed) == urls, month


def test_date_index_lists_years_and_months_newest_first_with_counts(
    site_dir: Path, site_articles: list[FixtureArticle]
) -> None:
    expected = fixture_dates(site_articles)
    html = page_html(site_dir, "dates/")
    tallies = [(resolve("dates/", href), int(count)) for href, _, count in TALLY.findall(html)]
    months = sorted((month for month in expected if month != "undated"), reverse=True)
    assert tallies == [
        *((f"dates/{month}/", len(expected[month])) for month in months),
        ("dates/undated/", len(expected["undated"])),
    ]
    years = re.findall(r'<h2 id="year-(\d{4})">\d{4} <span[^>]*>(\d+)</span>', html)
    assert [year for year, _ in years] == sorted({month[:4] for month in months}, reverse=True)
    assert sum(int(count) for _, count in years) == sum(len(expected[m]) for m in months)


def test_a_month_page_groups_its_articles_by_day_and_links_the_months_beside_it(
    site_dir: Path,
) -> None:
    html = page_html(site_dir, "dates/1996/08/")
    days = re.findall(r'<h2 id="day-(\d\d)"><time datetime="([\d-]+)">', html)
    assert days == [("30", "1996-08-30"), ("29", "1996-08-29")]
    assert [
        (resolve("dates/1996/08/", href), text)
        for href, text in links_in(site_dir, "dates/1996/08/", "archive-months-nav")
    ] == [("dates/2016/09/", "September 2016 \u2192")]
    assert '<meta content="22 articles from August 1996." name="description">' in html
    undated = page_html(site_dir, "dates/undated/")
    assert "archive-months-nav" not in undated and "articles without a date." in undated


def test_home_leads_to_the_date_index(site_dir: Path) -> None:
    to_dates = [link for link in anchors(site_dir, "") if resolve("", link.href) == "dates/"]
    assert {frozenset({"archive-stats"}) <= link.within for link in to_dates} == {True, False}
    assert any(link.text.startswith("Dated from") for link in to_dates)
    assert any("md-tabs__list" in link.within for link in to_dates)


# --- home -------------------------------------------------------------------------------


def test_home_page_shows_counts_dates_and_latest_articles(
    site_dir: Path, site_articles: list[FixtureArticle]
) -> None:
    html = page_html(site_dir, "")
    figures = re.findall(r'<span class="archive-stats__figure">(\d+)</span> (\w+)', html)
    assert figures == [
        (str(len(site_articles)), "articles"),
        (str(len({n for a in site_articles for n in a.actor_names})), "actors"),
        (str(len({t for a in site_articles for t in a.topic_names})), "topics"),
        (str(len({s for a in site_articles for s in a.source_names})), "sources"),
        (
            str(len({a.meta["publisher"] for a in site_articles if a.meta.get("publisher")})),
            "publishers",
        ),
        (str(len({n for a in site_articles for n in a.meta.get("authors", [])})), "authors"),
    ]
    dates = sorted(str(a.meta["date"]) for a in site_articles if a.meta.get("date"))
    dates = [d for d in dates if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) and d != "2016-02-30"]
    assert f'Dated from <time datetime="{dates[0]}">' in html
    assert f'to <time datetime="{dates[-1]}">' in html
    latest = [text for _, text in links_in(site_dir, "", "archive-articles")]
    assert latest[:3] == [
        "Key calls snap election for November",
        "UN aid convoy reaches besieged Aleppo",
        "Kerry and Lavrov agree Syria truce in Geneva",
    ]
    assert len(latest) == 20


def test_home_page_charts_the_most_covered_topics(
    site_dir: Path, site_articles: list[FixtureArticle]
) -> None:
    html = page_html(site_dir, "")
    counts = Counter(topic for a in site_articles for topic in a.topic_names)
    start = html.index('class="archive-chart__svg"')
    svg = html[start : html.index("</svg>", start)]
    bars = re.findall(
        r'<text class="archive-chart__label" [^>]*>([^<]*)</text>\s*'
        r'<text class="archive-chart__count" [^>]*>(\d+)</text>',
        svg,
    )
    assert len(bars) == min(10, len(counts))
    assert [int(n) for _, n in bars] == sorted((n for _, n in counts.most_common(10)), reverse=True)
    assert all(counts[unescape(name)] == int(n) for name, n in bars)
    widths = re.findall(r'class="archive-chart__bar" [^>]*width="([\d.]+)%"', svg)
    assert widths[0] == "100.00" and len(widths) == len(bars)
    assert "<script" not in svg


def test_home_page_lists_the_most_covered_actors(
    site_dir: Path, site_articles: list[FixtureArticle]
) -> None:
    html = page_html(site_dir, "")
    counts = Counter(name for a in site_articles for name in a.actor_names)
    listed = TALLY.findall(section_html(html, "archive-home-actors"))
    assert [int(n) for _, _, n in listed] == [n for _, n in counts.most_common(10)]
    assert all(counts[unescape(name)] == int(n) for _, name, n in listed)


# --- search, escaping, determinism ------------------------------------------------------


def test_hostile_text_is_escaped_everywhere(site_dir: Path) -> None:
    html = page_html(site_dir, HOSTILE_URL)
    assert f"<h1>{HOSTILE_TITLE_ESCAPED}</h1>" in html
    assert (
        "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34; {{ x }}"
        " - News Archive</title>"
    ) in html
    assert '<meta content="&lt;img src=x onerror=alert(2)&gt; &amp; ' in html
    assert "&lt;b&gt;Evil&lt;/b&gt;</a>" in html
    offenders = [
        str(path.relative_to(site_dir))
        for path in site_dir.rglob("*")
        if path.suffix in {".html", ".json", ".xml"}
        and RAW_MARKUP.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert (site_dir / "feed.xml").is_file()  # the feeds were among the files checked


def test_hostile_actor_gets_a_page_with_escaped_heading(paged_site_build: SiteBuild) -> None:
    site_dir = paged_site_build.site_dir
    html = page_html(site_dir, "actors/b-evil-b/")
    assert "<h1>&lt;b&gt;Evil&lt;/b&gt;</h1>" in html
    assert "<title>&lt;b&gt;Evil&lt;/b&gt; - News Archive</title>" in html
    assert page_html(site_dir, "actors/actor/").count("<h1>!!!</h1>") == 1


def test_building_twice_gives_byte_identical_sites(
    site_build: SiteBuild, fresh_site_build: SiteBuild
) -> None:
    """Every byte is the same, the search index's included (Pagefind's is not: see
    test_site_search.py)."""
    first, second = (
        {p.relative_to(build.site_dir): p for p in build.site_dir.rglob("*")}
        for build in (site_build, fresh_site_build)
    )
    assert sorted(first) == sorted(second)
    assert any(path.parts[0] == "search-index" for path in first)  # the index was compared too
    different = [
        str(path)
        for path, file in first.items()
        if file.is_file() and file.read_bytes() != second[path].read_bytes()
    ]
    assert different == []


def test_archive_date_never_comes_from_the_clock(site_archive: Archive) -> None:
    assert archive_date(site_archive, {}) == site_archive.dated[0].date
    undated = Archive(
        articles=(),
        actors=site_archive.actors,
        topics=site_archive.topics,
        sources=site_archive.sources,
        publishers=site_archive.publishers,
        authors=site_archive.authors,
        dates=site_archive.dates,
        by_src_uri={},
        topic_tree=site_archive.topic_tree,
        related={},
    )
    assert archive_date(undated, {}) == "1970-01-01"
    assert archive_date(undated, {"SOURCE_DATE_EPOCH": "1474416000"}) == "2016-09-21"


def test_a_stray_file_in_articles_is_named_and_a_byte_file_left_out(tmp_path: Path) -> None:
    """A page under articles/ with no front matter is still published, left out of the
    indexes; a file of bytes MkDocs cannot read is left out of the site (MkDocs would stop on
    it with a traceback). Each is named in a warning, so a strict build fails on them."""
    docs = tmp_path / "docs"
    shutil.copytree(SITE_FIXTURES, docs)
    (docs / "articles" / "notes.md").write_text("Some notes a user left here.\n", "utf-8")
    (docs / "articles" / "junk.md").write_bytes(b"\x00\x01binary junk\xff\xfe")
    loose = run_mkdocs_build(tmp_path, docs, env=BUILD_ENV, strict=False)
    assert loose.returncode == 0, loose.stderr
    assert "'articles/notes.md' left out of the archive: no front matter" in loose.stderr
    assert "'articles/junk.md' left out of the site: not UTF-8 text" in loose.stderr
    assert "Traceback" not in loose.stderr
    assert "Some notes a user left here." in read_html(tmp_path / "site/articles/notes/index.html")
    assert not (tmp_path / "site" / "articles" / "junk").exists()
    strict = run_mkdocs_build(tmp_path, docs, env=BUILD_ENV)
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
