"""Accessibility in Debian's chromium: axe-core (its WCAG 2.1 A and AA rules) over every page
type and the open search, light and dark, desktop and phone, Material's own header and footer
included; and the search box, its filters and its results used with the keyboard alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from helpers import REPO, missing_for_browser_tests
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

# The npm package's own build, installed by `make setup` (npm ci over package-lock.json).
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
SYRIA_URL = "articles/us-and-russia-poised-for-new-battle-over-syria/"
PAGE_TYPES = {
    "home": "",
    "date index": "dates/",
    "actor index": "actors/",
    "topic index": "topics/",
    "source index": "sources/",
    "publisher index": "publishers/",
    "author index": "authors/",
    "actor": "actors/united-states/",
    "topic": "topics/diplomacy/",
    "source": "sources/associated-press/",
    "publisher": "publishers/the-daily-example/",
    "author": "authors/jane-smith/",
    "month": "dates/1996/08/",
    "undated": "dates/undated/",
    "article": SYRIA_URL,
    "article with linked videos": "articles/bonn-appeals-for-middle-east-peace/",
    "hostile article": "articles/hostile-markup-in-every-field/",
}
RUN_AXE = """async tags => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return {
    passes: result.passes.map(rule => rule.id),
    violations: result.violations.map(rule => ({
      id: rule.id,
      impact: rule.impact,
      targets: rule.nodes.map(node => node.target.join(" ")),
    })),
  };
}"""


@pytest.fixture(scope="session")
def axe_script() -> str:
    missing_for_browser_tests(str(AXE), "`make setup` installs it with npm ci")
    return AXE.read_text("utf-8")


@pytest.fixture(params=[(1280, "light"), (1280, "dark"), (390, "light"), (390, "dark")])
def tab(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    width, scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    yield context.new_page()
    context.close()


def run_axe(tab: Page, axe_script: str) -> dict[str, Any]:
    """axe-core's WCAG 2.1 A/AA rules over the page as it is now."""
    tab.add_script_tag(content=axe_script)
    return tab.evaluate(RUN_AXE, WCAG_TAGS)


def blocking(result: dict[str, Any]) -> list[str]:
    return [
        f"{rule['id']} ({rule['impact']}): {', '.join(rule['targets'][:5])}"
        for rule in result["violations"]
        if rule["impact"] in BLOCKING
    ]


def open_search(tab: Page, words: str) -> None:
    """Open the header search (behind a button on a phone) and type, as a reader would."""
    button = tab.locator("label.md-header__button[for=__search]")
    if button.is_visible():
        button.click()
    else:
        tab.locator("header input.md-search__input").click()
    tab.locator("input.md-search__input").press_sequentially(words)
    expect(tab.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    tab.wait_for_function(
        "document.getAnimations().every(animation => animation.playState !== 'running')"
    )


def test_no_serious_or_critical_wcag_violation_on_any_page_type(
    tab: Page, site_url: str, axe_script: str
) -> None:
    found: dict[str, list[str]] = {}
    for name, url in PAGE_TYPES.items():
        response = tab.goto(site_url + url)
        assert response is not None and response.ok, name  # the page exists
        result = run_axe(tab, axe_script)
        assert "color-contrast" in result["passes"], name  # the rules did run
        found[name] = blocking(result)
    tab.goto(site_url)
    open_search(tab, "Moscow")
    found["search with results and filters"] = blocking(run_axe(tab, axe_script))
    tab.locator("[data-archive-date=from]").fill("1996-01-01")
    expect(tab.locator(".md-search-result__meta")).not_to_have_text("6 matching articles")
    expect(tab.locator(".archive-search__date").first).to_be_visible()
    found["search within dates"] = blocking(run_axe(tab, axe_script))
    assert {name: rules for name, rules in found.items() if rules} == {}


def test_axe_would_catch_a_contrast_failure(tab: Page, site_url: str, axe_script: str) -> None:
    """The check above can fail: grey on white text added to a page is reported."""
    tab.goto(site_url + SYRIA_URL)
    tab.evaluate(
        """() => document.querySelector("article").insertAdjacentHTML("beforeend",
        '<p id="faint" style="color:#aaa;background:#fff">Faint text</p>')"""
    )
    assert any(
        rule.startswith("color-contrast (serious): #faint")
        for rule in blocking(run_axe(tab, axe_script))
    )


def focused(tab: Page) -> str:
    return tab.evaluate(
        """() => { const e = document.activeElement;
        return !e ? "none" : e.matches("input.md-search__input") ? "query" : e.dataset.archiveFilter
          ? `filter:${e.dataset.archiveFilter}` : e.dataset.archiveDate
          ? `date:${e.dataset.archiveDate}` : e.matches(".md-search-result__link")
          ? "result" : e.tagName.toLowerCase(); }"""
    )


def tab_to(tab: Page, target: str, presses: int = 25) -> None:
    """Press Tab until `target` (see `focused`) has the focus, as a keyboard user would."""
    for _ in range(presses):
        tab.keyboard.press("Tab")
        if focused(tab) == target:
            return
    pytest.fail(f"{target} cannot be reached with the Tab key (last: {focused(tab)})")


@pytest.mark.parametrize("width", [1280, 390])
def test_search_filters_and_results_work_with_the_keyboard_alone(
    browser: Browser, site_url: str, width: int
) -> None:
    # en-US: a date input's fields are month, day, year, each typed as digits.
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-US")
    try:
        tab = context.new_page()
        tab.goto(site_url + "topics/")
        meta = tab.locator(".md-search-result__meta")
        results = tab.locator(".md-search-result__item")
        tab_to(tab, "query")
        tab.keyboard.type("Moscow")
        expect(meta).to_have_text("6 matching articles", timeout=10_000)
        tab_to(tab, "date:from")
        tab.keyboard.type("01011996")
        tab_to(tab, "date:to")  # past the From date's calendar button
        tab.keyboard.type("12311996")
        expect(tab.locator("[data-archive-date=to]")).to_have_value("1996-12-31")
        dated = 2  # of the six, the judge's and Yeltsin's stories (30 August 1996)
        expect(meta).to_have_text(f"{dated} matching articles", timeout=10_000)
        expect(results).to_have_count(dated)
        days = results.locator(".archive-search__date time").evaluate_all(
            "times => times.map(time => time.dateTime)"
        )
        assert len(days) == dated and all(day.startswith("1996-") for day in days), days
        actor = tab.locator("select[data-archive-filter=actor]")
        expect(actor).to_be_visible(timeout=10_000)  # once the results' filters are known
        tab_to(tab, "filter:actor")
        unfiltered = results.first.element_handle()
        tab.keyboard.press("ArrowDown")  # a closed select takes the next option
        expect(actor).not_to_have_value("")
        # The filtered answer replaces the list: wait for it, since its count may equal the
        # unfiltered one (on a loaded machine the focus below went to a result about to go).
        unfiltered.wait_for_element_state("hidden")
        # The option's count is how many of the results name that actor: the filtered total.
        count = int(actor.locator("option:checked").inner_text().rsplit("(", 1)[1].rstrip(")"))
        expect(meta).to_have_text(re.compile(rf"^{count} matching articles?$"), timeout=10_000)
        expect(results).to_have_count(count)
        assert 0 < count <= dated
        tab_to(tab, "result")
        link = tab.evaluate("document.activeElement.href")
        # The focus is visible (Material tints a focused result, after a short transition).
        expect(tab.locator(".md-search-result__link:focus")).not_to_have_css(
            "background-color", "rgba(0, 0, 0, 0)"
        )
        tab.keyboard.press("Enter")
        expect(tab).to_have_url(link)
        tab_to(tab, "query")
        tab.keyboard.press("Escape")
        expect(tab.locator("#__search")).not_to_be_checked()
    finally:
        context.close()
