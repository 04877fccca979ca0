"""The built fixture site in Debian's chromium: search, actor links, phone width, no script runs."""

from __future__ import annotations

import http.server
import os
import re
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SYRIA_URL = "articles/us-and-russia-poised-for-new-battle-over-syria/"
SYRIA_TITLE = "US and Russia poised for new battle over Syria"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site without a log line per request cluttering the test output."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1, on a free port, for the whole session."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(QuietHandler, directory=str(site_dir))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        reason = f"BROWSER TESTS NOT RUN: {CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh desktop-sized tab that fails the test if any script opens a dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()
    assert dialogs == [], f"a script ran and opened dialogs: {dialogs}"


def test_search_for_lavrov_finds_the_syria_article(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Lavrov")
    result = page.locator(".md-search-result__item", has_text=SYRIA_TITLE).first
    expect(result).to_be_visible(timeout=10_000)
    result.locator("a").first.click()
    expect(page).to_have_url(re.compile(re.escape(f"{site_url}{SYRIA_URL}") + r"(\?h=lavrov)?$"))


def test_actor_link_leads_to_a_page_listing_the_article(page: Page, site_url: str) -> None:
    page.goto(site_url + SYRIA_URL)
    page.locator("aside.archive-facts").get_by_role("link", name="John Kerry").click()
    expect(page).to_have_url(f"{site_url}actors/john-kerry/")
    expect(page.locator("h1")).to_have_text("John Kerry")
    listed = page.locator(".archive-articles").get_by_role("link", name=SYRIA_TITLE)
    expect(listed).to_be_visible()
    listed.click()
    expect(page).to_have_url(f"{site_url}{SYRIA_URL}")


def test_index_to_actor_to_article_by_clicks(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator(".md-tabs").get_by_role("link", name="Actors").click()
    expect(page).to_have_url(f"{site_url}actors/")
    page.locator(".archive-entries").get_by_role("link", name="Sergey Lavrov").click()
    expect(page.locator("h1")).to_have_text("Sergey Lavrov")
    expect(page.locator(".archive-lede")).to_contain_text("Person")


def test_hostile_pages_show_markup_as_text_and_run_nothing(page: Page, site_url: str) -> None:
    page.goto(site_url + "articles/hostile-markup-in-every-field/")
    expect(page.locator("h1")).to_have_text('<script>alert(1)</script> & "quotes" {{ x }}')
    expect(page).to_have_title('<script>alert(1)</script> & "quotes" {{ x }} - News Archive')
    facts = page.locator("aside.archive-facts")
    expect(facts.get_by_role("link", name="<b>Evil</b>")).to_be_visible()
    page.goto(site_url + "actors/b-evil-b/")
    expect(page.locator("h1")).to_have_text("<b>Evil</b>")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Ampersands")
    result = page.locator(".md-search-result__item").first
    expect(result).to_contain_text("<script>alert(1)</script>", timeout=10_000)


@pytest.mark.parametrize("url", ["", SYRIA_URL, "actors/", "actors/john-kerry/"])
def test_pages_fit_a_390px_phone(browser: Browser, site_url: str, url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        tab.goto(site_url + url)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
