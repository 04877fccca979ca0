"""The time axis (converter/site/dates.py): months newest first by year, the undated apart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import archive_of, article, hand_written, layout, serve
from playwright.sync_api import Browser, expect

from converter.frontmatter import parse_header, read_header
from converter.site.dates import date_entry, date_index
from converter.site.pages import generated_pages


def test_months_come_newest_first_grouped_by_year_and_the_undated_last() -> None:
    archive = archive_of(
        [
            article("a", date="2016-09-21"),
            article("b", date="1996-08-30"),
            article("c"),
            article("d", date="2016-09-02"),
            article("e", date="2016-01-31"),
            article("f", date="1996-12-01"),
        ]
    )
    dates = archive.dates
    assert [(entry.name, entry.count) for entry in dates.entries] == [
        ("September 2016", 2),
        ("January 2016", 1),
        ("December 1996", 1),
        ("August 1996", 1),
        ("Undated", 1),
    ]
    assert [(group.letter, group.anchor) for group in dates.groups] == [
        ("2016", "year-2016"),
        ("1996", "year-1996"),
        ("Undated", "undated"),
    ]
    september = dates.by_name["September 2016"]
    assert [a.src_uri for a in september.articles] == ["articles/a.md", "articles/d.md"]
    assert (september.src_uri, september.url, september.kind) == (
        "dates/2016/09.md",
        "dates/2016/09/",
        "month",
    )
    assert dates.by_name["Undated"].url == "dates/undated/"
    assert (dates.src_uri, dates.url, dates.title) == ("dates/index.md", "dates/", "Dates")


def test_every_article_is_under_exactly_one_date_entry() -> None:
    articles = hand_written() + [
        article(f"x{n}", date=f"20{n:02}-0{n % 9 + 1}-01") for n in range(30)
    ]
    archive = archive_of(articles)
    listed = [a.src_uri for entry in archive.dates.entries for a in entry.articles]
    assert sorted(listed) == sorted(a.src_uri for a in articles)
    for meta in archive.articles:
        assert meta in date_entry(archive.dates, meta).articles


def test_urls_follow_the_build_s_url_style() -> None:
    index = date_index(
        archive_of([article("a", date="2016-09-21")]).articles, use_directory_urls=False
    )
    assert index.entries[0].url == "dates/2016/09.html" and index.url == "dates/index.html"


def test_an_undated_archive_has_only_the_undated_and_an_empty_one_nothing() -> None:
    assert [entry.name for entry in archive_of([article("a")]).dates.entries] == ["Undated"]
    assert archive_of([]).dates.entries == ()


def test_month_pages_are_numbered_and_link_the_months_either_side() -> None:
    articles = [article(f"a{n}", date=f"2016-09-{n:02}") for n in range(1, 6)]
    articles += [article("old", date="2016-07-04"), article("new", date="2016-10-01")]
    pages = generated_pages(archive_of(articles), layout(per_page=2), with_home=False)
    september = [page for page in pages if page.src_uri.startswith("dates/2016/09")]
    assert [page.src_uri for page in september] == [
        "dates/2016/09.md",
        "dates/2016/09/page/2.md",
        "dates/2016/09/page/3.md",
    ]
    first = september[0].context["archive_entry_page"]
    assert [a.date for a in first.articles] == ["2016-09-05", "2016-09-04"]
    assert (first.newer.name, first.older.name) == ("October 2016", "July 2016")
    assert september[0].meta["description"] == "5 articles from September 2016."
    assert september[0].meta["template"] == "archive/month.html"
    newest = next(page for page in pages if page.src_uri == "dates/2016/10.md")
    assert newest.context["archive_entry_page"].newer is None


@pytest.mark.browser
def test_a_dated_archive_lists_every_dated_article_on_its_month_page(
    conll_dev_docs: Path, conll_dev_site: Path, browser: Browser
) -> None:
    """The CoNLL dev stories built into a site: each dated article is on its month's page (all
    its numbered pages), the undated on theirs, and the home page leads there in two clicks."""
    site = conll_dev_site
    months: dict[str, set[str]] = {}
    for page in sorted((conll_dev_docs / "articles").glob("*.md")):
        day = str(parse_header(read_header(page)).get("date") or "")
        months.setdefault(f"{day[:4]}/{day[5:7]}" if day else "undated", set()).add(page.stem)
    assert sum(len(stems) for month, stems in months.items() if month != "undated") >= 150
    for month, stems in months.items():
        html = "".join(path.read_text("utf-8") for path in (site / "dates" / month).rglob("*.html"))
        listed = set(
            re.findall(r'<li>\s*<a href="(?:\.\./)+articles/([^/"]+)/"', html)
        )
        assert listed == stems, month
    with serve(site) as url:
        tab = browser.new_page()
        try:
            tab.goto(url)
            tab.locator(".archive-lede").get_by_role("link", name=re.compile("^Dated from")).click()
            expect(tab).to_have_url(f"{url}dates/")
            tab.locator(".archive-months").get_by_role("link", name="August").click()
            expect(tab).to_have_url(f"{url}dates/1996/08/")
            expect(tab.locator("h1")).to_have_text("August 1996")
        finally:
            tab.close()
