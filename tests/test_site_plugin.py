"""The `archive` plugin (converter/site/plugin.py): its pure parts, then a real built site."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from markupsafe import escape

from converter.site.archive import Archive, build_archive, parse_article, read_header
from converter.site.plugin import generated_pages, page_markdown

if TYPE_CHECKING:
    from conftest import SiteBuild

SITE_FIXTURES = Path(__file__).parent / "fixtures" / "site"

SYRIA_URL = "articles/us-and-russia-poised-for-new-battle-over-syria/"
SYRIA_TITLE = "US and Russia poised for new battle over Syria"
HOSTILE_URL = "articles/hostile-markup-in-every-field/"
HOSTILE_TITLE_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; {{ x }}"
# What must never reach a page as markup, from any field of the hostile fixture.
RAW_MARKUP = re.compile(r"<script>alert|<b>Evil|<svg onload|<img src=x|<i>Evil", re.IGNORECASE)
VOID_TAGS = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"})


def fixture_front_matter() -> list[dict[str, Any]]:
    return [
        yaml.safe_load(read_header(str(path)))
        for path in sorted((SITE_FIXTURES / "articles").glob("*.md"))
    ]


def fixture_archive() -> Archive:
    return build_archive(
        [
            parse_article(f"articles/{p.name}", f"articles/{p.stem}/", read_header(str(p)))
            for p in sorted((SITE_FIXTURES / "articles").glob("*.md"))
        ],
        use_directory_urls=True,
    )


class Links(HTMLParser):
    """Collects (href, text) of the links inside elements carrying a given class."""

    def __init__(self, within_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.within_class = within_class
        self.depth = 0  # >0 while inside the wanted element
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag in VOID_TAGS:
            return
        if self.depth or self.within_class in classes:
            self.depth += 1
        if self.depth and tag == "a":
            self._href, self._text = dict(attrs).get("href"), []

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text)))
            self._href = None
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)


def links_in(site_dir: Path, url: str, within_class: str) -> list[tuple[str, str]]:
    parser = Links(within_class)
    parser.feed(page_html(site_dir, url))
    return parser.links


def page_html(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


def resolve(url: str, href: str) -> str:
    """The site-relative URL a relative link on page `url` points at."""
    return posixpath.normpath(posixpath.join(url, href)).lstrip("./") + "/"


# --- pure parts -------------------------------------------------------------------------


def test_page_markdown_is_front_matter_that_survives_hostile_titles() -> None:
    title = '<script>alert(1)</script> & "quotes" {{ x }} {% raw %}\n---'
    markdown = page_markdown(title, "archive/actor.html", "a: b")
    assert markdown.startswith("---\n") and markdown.endswith("---\n")
    meta = yaml.safe_load(markdown.removeprefix("---\n").removesuffix("---\n"))
    assert meta == {
        "title": title,
        "template": "archive/actor.html",
        "description": "a: b",
        "search": {"exclude": True},
    }


def test_generated_pages_cover_home_indexes_and_every_entry() -> None:
    archive = fixture_archive()
    pages = generated_pages(archive, latest=2, with_home=True)
    uris = [page.src_uri for page in pages]
    entries = [*archive.actors.entries, *archive.topics.entries, *archive.sources.entries]
    assert len(uris) == len(set(uris)) == 1 + 3 + len(entries)
    assert {entry.src_uri for entry in entries} <= set(uris)
    # Only home and the three indexes belong in the nav; entry pages would not scale there.
    assert {page.src_uri for page in pages if page.in_nav} == {
        "index.md",
        "actors/index.md",
        "topics/index.md",
        "sources/index.md",
    }
    home = pages[0]
    assert home.src_uri == "index.md" and len(home.context["archive_latest"]) == 2


def test_generated_pages_leave_a_hand_written_home_alone() -> None:
    pages = generated_pages(fixture_archive(), latest=20, with_home=False)
    assert "index.md" not in [page.src_uri for page in pages]


# --- the built site ---------------------------------------------------------------------


def test_build_logs_nothing_about_articles_missing_from_the_nav(site_build: SiteBuild) -> None:
    assert 'not included in the "nav"' not in site_build.log
    assert "WARNING" not in site_build.log


def test_nav_has_only_home_and_the_three_indexes(site_dir: Path) -> None:
    assert [text.strip() for _, text in links_in(site_dir, "", "md-tabs__list")] == [
        "Home",
        "Actors",
        "Topics",
        "Sources",
    ]


def test_article_facts_link_source_actors_and_topics_to_existing_pages(site_dir: Path) -> None:
    links = links_in(site_dir, SYRIA_URL, "archive-facts")
    names = [text for _, text in links]
    assert names == [
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
    assert dict((text, resolve(SYRIA_URL, href)) for href, text in links)["John Kerry"] == (
        "actors/john-kerry/"
    )


def test_article_facts_sit_first_in_the_content_and_list_videos(site_dir: Path) -> None:
    html = page_html(site_dir, SYRIA_URL)
    content = html[html.index("<h1>") :]
    assert content.index('<aside class="archive-facts"') < content.index("<p>With Syria")
    assert "00:43" in content and "02:15" in content
    assert "This is not a joke" in content
    assert "<dt>People</dt>" in content and "<dt>Places</dt>" in content


def test_article_facts_show_date_and_dateline_when_known(site_dir: Path) -> None:
    html = page_html(site_dir, "articles/kerry-and-lavrov-agree-syria-truce-in-geneva/")
    assert '<time datetime="2016-09-10">10 September 2016</time>' in html
    assert "<dd>GENEVA</dd>" in html
    assert "<dt>Date</dt>" not in page_html(site_dir, SYRIA_URL)


def test_actor_page_lists_the_article_and_the_actor_kind(site_dir: Path) -> None:
    links = links_in(site_dir, "actors/john-kerry/", "archive-articles")
    assert (f"../../{SYRIA_URL}", SYRIA_TITLE) in links
    assert len(links) == 3
    html = page_html(site_dir, "actors/john-kerry/")
    assert "<h1>John Kerry</h1>" in html
    assert ">Person</span>" in html
    assert "<title>John Kerry - News Archive</title>" in html


@pytest.mark.parametrize(
    ("section", "names_of"),
    [
        ("actors", lambda meta: meta.get("actors", [])),
        ("topics", lambda meta: meta.get("topics", [])),
        ("sources", lambda meta: [meta["source"]]),
    ],
)
def test_index_pages_list_every_value_with_its_count(
    site_dir: Path, section: str, names_of: Callable[[dict[str, Any]], list[str]]
) -> None:
    expected: dict[str, int] = {}
    for meta in fixture_front_matter():
        for name in names_of(meta):
            expected[name] = expected.get(name, 0) + 1
    links = links_in(site_dir, f"{section}/", "archive-entries")
    assert sorted(text for _, text in links) == sorted(expected)
    for href, _ in links:
        assert (site_dir / resolve(f"{section}/", href) / "index.html").is_file()
    html = page_html(site_dir, f"{section}/")
    for name, count in expected.items():
        listed = f'>{escape(name)}</a> <span class="archive-count" title="Articles">{count}</span>'
        assert listed in html, name
    assert f">{len(expected)} {section}</span>" in html


def test_home_page_shows_counts_indexes_and_latest_articles(site_dir: Path) -> None:
    metas = fixture_front_matter()
    html = page_html(site_dir, "")
    figures = re.findall(r'<span class="archive-stats__figure">(\d+)</span> (\w+)', html)
    assert figures == [
        ("5", "articles"),
        (str(len({a for m in metas for a in m.get("actors", [])})), "actors"),
        (str(len({t for m in metas for t in m.get("topics", [])})), "topics"),
        (str(len({m["source"] for m in metas})), "sources"),
    ]
    latest = [text for _, text in links_in(site_dir, "", "archive-articles")]
    assert latest[:3] == [
        "Key calls snap election for November",
        "UN aid convoy reaches besieged Aleppo",
        "Kerry and Lavrov agree Syria truce in Geneva",
    ]
    assert SYRIA_TITLE in latest


def test_search_index_holds_articles_only(site_dir: Path) -> None:
    docs = json.loads((site_dir / "search" / "search_index.json").read_text())["docs"]
    syria = [doc for doc in docs if doc["location"] == SYRIA_URL]
    assert syria and "Lavrov" in syria[0]["text"]
    assert syria[0]["title"] == SYRIA_TITLE
    assert {doc["location"].split("/")[0] for doc in docs} == {"articles"}
    # The facts panel is navigation, not text: it stays out of the index.
    assert not any("archive-facts" in doc["text"] or "Organisations" in doc["text"] for doc in docs)
    assert "data-search-exclude" not in page_html(site_dir, SYRIA_URL)


def test_hostile_text_is_escaped_everywhere(site_dir: Path) -> None:
    html = page_html(site_dir, HOSTILE_URL)
    assert f"<h1>{HOSTILE_TITLE_ESCAPED}</h1>" in html
    assert (
        "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34; {{ x }}"
        " - News Archive</title>"
    ) in html
    assert '<meta name="description" content="&lt;img src=x onerror=alert(2)&gt; &amp; ' in html
    assert "&lt;b&gt;Evil&lt;/b&gt;</a>" in html
    offenders = [
        str(path.relative_to(site_dir))
        for path in site_dir.rglob("*")
        if path.suffix in {".html", ".json", ".xml"}
        and RAW_MARKUP.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_hostile_actor_gets_a_page_with_escaped_heading(site_dir: Path) -> None:
    html = page_html(site_dir, "actors/b-evil-b/")
    assert "<h1>&lt;b&gt;Evil&lt;/b&gt;</h1>" in html
    assert "<title>&lt;b&gt;Evil&lt;/b&gt; - News Archive</title>" in html
    assert page_html(site_dir, "actors/actor/").count("<h1>!!!</h1>") == 1


def test_building_twice_gives_byte_identical_sites(
    site_build: SiteBuild, fresh_site_build: SiteBuild
) -> None:
    again = fresh_site_build
    first = {p.relative_to(site_build.site_dir): p for p in site_build.site_dir.rglob("*")}
    second = {p.relative_to(again.site_dir): p for p in again.site_dir.rglob("*")}
    assert sorted(first) == sorted(second)
    different = [
        str(path)
        for path, file in first.items()
        if file.is_file() and file.read_bytes() != second[path].read_bytes()
    ]
    assert different == []
