"""The search's date tables (converter/site/search_dates.py): where each month and day starts;
and the search box's From and To dates over a dated archive in chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import serve
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Browser, Locator, Page, expect

from converter.frontmatter import parse_header, read_header
from converter.site.search_dates import DateOrderError, date_tables
from converter.site.search_records import SearchDoc
from converter.site.static_search import build_index

DATES = ["2016-09-21", "2016-09-21", "2016-09-02", "2016-01-31", "1996-08-31", "1996-08-30", ""]


def dated(dates: list[str]) -> list[SearchDoc]:
    return [
        SearchDoc(url=f"{n}/", title="t", source="", date=d, text="x") for n, d in enumerate(dates)
    ]


def test_months_and_days_point_at_their_newest_document() -> None:
    assert dict(date_tables(DATES)) == {
        "dates/months.json": {
            "dated": 6,
            "months": [["2016-09", 0], ["2016-01", 3], ["1996-08", 4]],
        },
        "dates/2016-09.json": [[21, 0], [2, 2]],
        "dates/2016-01.json": [[31, 3]],
        "dates/1996-08.json": [[31, 4], [30, 5]],
    }


@given(
    st.lists(st.dates().map(lambda day: day.isoformat()), max_size=40),
    st.integers(min_value=0, max_value=5),
)
def test_each_entry_starts_the_run_of_its_month_or_day(days: list[str], undated: int) -> None:
    dates = sorted(days, reverse=True) + [""] * undated
    tables = dict(date_tables(dates))
    if not dates:
        assert tables == {}
        return
    months = tables["dates/months.json"]
    assert months["dated"] == len(days)
    assert [month for month, _ in months["months"]] == sorted({d[:7] for d in days}, reverse=True)
    for month, first in months["months"]:
        assert dates[first][:7] == month and (first == 0 or dates[first - 1][:7] != month)
        for day, start in tables[f"dates/{month}.json"]:
            assert dates[start] == f"{month}-{day:02}"
            assert start == 0 or dates[start - 1] != dates[start]
    assert len(tables) == 1 + len(months["months"])


def test_an_undated_archive_has_an_empty_month_table() -> None:
    assert dict(date_tables(["", ""])) == {"dates/months.json": {"dated": 0, "months": []}}


@pytest.mark.parametrize(
    "dates",
    [
        ["1996-08-30", "1996-08-31"],  # oldest first
        ["1996-08-31", "", "1996-08-30"],  # an undated among the dated
        ["30 August 1996"],
    ],
)
def test_documents_out_of_order_are_refused_before_any_file_is_made(dates: list[str]) -> None:
    with pytest.raises(DateOrderError):
        next(build_index(dated(dates)))


def test_the_index_holds_the_tables_of_its_documents() -> None:
    index = dict(build_index(dated(DATES)))
    assert json.loads(index["dates/1996-08.json"]) == [[31, 4], [30, 5]]
    meta = json.loads(index["meta.json"])
    assert meta.keys() == {"version", "docs", "dictionaries", "shard", "average"}


def every_result(tab: Page) -> list[tuple[str, str]]:
    """(link, date) of every result, after pressing "More results" until there are no more."""
    results = tab.locator(".md-search-result__item")
    more = tab.locator(".archive-search__more")
    expect(results.first).to_be_visible(timeout=10_000)  # the first page is in
    while more.is_visible():
        shown = results.count()
        more.click()
        expect(results).not_to_have_count(shown, timeout=10_000)
    return [
        (
            item.locator("a").get_attribute("href") or "",
            item.locator("time").get_attribute("datetime") or "",
        )
        for item in results.all()
    ]


def total(meta: Locator) -> int:
    expect(meta).to_have_text(re.compile(r"^\d+ matching articles?$"), timeout=10_000)
    return int(meta.inner_text().split()[0])


@pytest.mark.browser
def test_the_date_filter_narrows_search_results_on_a_dated_archive(
    conll_dev_docs: Path, conll_dev_site: Path, browser: Browser
) -> None:
    """The CoNLL dev archive (29 August to 1 November 1996) in chromium: a word's results on one
    day are fewer and all of that day; with no words, that day's articles are listed, exactly
    those its pages date so; the date tables are fetched only once a date is set."""
    day = "1996-08-30"
    of_the_day = {
        f"/articles/{page.stem}/"
        for page in (conll_dev_docs / "articles").glob("*.md")
        if str(parse_header(read_header(page)).get("date")) == day
    }
    with serve(conll_dev_site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            tab = context.new_page()
            fetched: list[str] = []
            tab.on("request", lambda request: fetched.append(request.url))
            tab.goto(url)
            meta = tab.locator(".md-search-result__meta")
            box = tab.locator("header input.md-search__input")
            box.click()
            box.press_sequentially("police")
            everything = total(meta)
            assert not [file for file in fetched if "/search-index/dates/" in file]
            # From set quietly, so that the one search made is the one with both dates.
            since = tab.locator("[data-archive-date=from]")
            since.evaluate("(field, day) => { field.value = day; }", day)
            tab.locator("[data-archive-date=to]").fill(day)
            expect(meta).not_to_have_text(f"{everything} matching articles", timeout=10_000)
            within = total(meta)
            assert 0 < within < everything
            assert {date for _, date in every_result(tab)} == {day}
            assert f"{url}search-index/dates/months.json" in fetched
            box.fill("")  # no words: the day's articles, newest first
            expect(meta).to_have_text(f"{len(of_the_day)} matching articles", timeout=10_000)
            assert {link for link, _ in every_result(tab)} == of_the_day
            tab.locator("[data-archive-date=from]").fill("1996-08-31")
            expect(meta).to_have_text("The From date is after the To date", timeout=10_000)
            expect(tab.locator(".md-search-result__item")).to_have_count(0)
        finally:
            context.close()
