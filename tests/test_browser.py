"""The built fixture site in Debian's chromium: search (Pagefind, with filters), clicks from
home to actor to article, the kind filter, the topic chart, phone width in both schemes, no
script runs."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import HOSTILE, build_site, mkdocs_build, serve
from playwright.sync_api import Browser, Page, expect

from converter.batch import Toolkit, convert_directory
from converter.report import report_document

pytestmark = pytest.mark.browser

SYRIA_URL = "articles/us-and-russia-poised-for-new-battle-over-syria/"
SYRIA_TITLE = "US and Russia poised for new battle over Syria"
GENEVA_URL = "articles/kerry-and-lavrov-agree-syria-truce-in-geneva/"
GENEVA_TITLE = "Kerry and Lavrov agree Syria truce in Geneva"


@pytest.fixture(scope="session")
def pagefind_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same site with `search: pagefind`."""
    config = "plugins:\n  - archive:\n      search: pagefind\n"
    with serve(build_site(tmp_path_factory.mktemp("pagefind"), config).site_dir) as url:
        yield url


ENGINES = pytest.mark.parametrize("engine_url", ["site_url", "pagefind_url"])


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


def search_for(page: Page, words: str) -> None:
    """Type into the header search box, as a reader would."""
    search = page.locator("header input.md-search__input")
    search.click()
    search.press_sequentially(words)


@ENGINES
def test_search_for_lavrov_finds_the_syria_article(
    page: Page, request: pytest.FixtureRequest, engine_url: str
) -> None:
    site_url: str = request.getfixturevalue(engine_url)
    page.goto(site_url)
    search_for(page, "Lavrov")
    result = page.locator(".md-search-result__item", has_text=SYRIA_TITLE).first
    expect(result).to_be_visible(timeout=10_000)
    expect(result.locator(".archive-search__source")).to_have_text("Associated Press")
    expect(result.locator(".archive-search__snippet mark").first).to_have_text(
        re.compile("Lavrov", re.IGNORECASE)
    )
    result.locator("a").first.click()
    expect(page).to_have_url(re.compile(re.escape(f"{site_url}{SYRIA_URL}") + r"(\?h=lavrov)?$"))


@ENGINES
def test_search_results_filter_by_an_actor(
    page: Page, request: pytest.FixtureRequest, engine_url: str
) -> None:
    site_url: str = request.getfixturevalue(engine_url)
    page.goto(site_url + "topics/")  # any depth: the index is found from the site root
    search_for(page, "Moscow")
    results = page.locator(".md-search-result__item")
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("6 matching articles", timeout=10_000)
    expect(results.filter(has_text="Yeltsin")).to_have_count(1)
    page.locator("select[data-archive-filter=actor]").select_option("John Kerry")
    expect(meta).to_have_text("2 matching articles", timeout=10_000)
    expect(results).to_have_count(2)
    expect(results.filter(has_text=SYRIA_TITLE)).to_have_count(1)
    expect(results.filter(has_text="Kerry and Lavrov agree Syria truce in Geneva")).to_have_count(1)
    page.locator("select[data-archive-filter=actor]").select_option("")
    expect(meta).to_have_text("6 matching articles", timeout=10_000)


def test_search_works_at_phone_width(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        tab.goto(site_url + SYRIA_URL)
        tab.locator("label.md-header__button[for=__search]").click()
        tab.locator("input.md-search__input").press_sequentially("Moscow")
        results = tab.locator(".md-search-result__item")
        expect(results.first).to_be_visible(timeout=10_000)
        expect(tab.locator("select[data-archive-filter=topic]")).to_be_visible()
        # Material's search overlay grows from the button as it opens: measure once it has.
        tab.wait_for_function(
            "document.getAnimations().every(animation => animation.playState !== 'running')"
        )
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_actor_link_leads_to_a_page_listing_the_article(page: Page, site_url: str) -> None:
    page.goto(site_url + SYRIA_URL)
    page.locator("aside.archive-facts").get_by_role("link", name="United States").click()
    expect(page).to_have_url(f"{site_url}actors/united-states/")
    expect(page.locator("h1")).to_have_text("United States")
    listed = page.locator(".archive-articles").get_by_role("link", name=SYRIA_TITLE)
    expect(listed).to_be_visible()
    listed.click()
    expect(page).to_have_url(f"{site_url}{SYRIA_URL}")


def test_index_to_actor_to_article_by_clicks(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator(".md-tabs").get_by_role("link", name="Actors").click()
    expect(page).to_have_url(f"{site_url}actors/")
    page.locator(".archive-entries").get_by_role("link", name="United States").click()
    expect(page.locator("h1")).to_have_text("United States")
    expect(page.locator(".archive-lede")).to_contain_text("Place")


@pytest.mark.parametrize(
    ("name", "slug"), [("Sergey Lavrov", "sergey-lavrov"), ("John Kerry", "john-kerry")]
)
def test_actor_without_a_page_leads_to_its_line_on_the_index(
    page: Page, site_url: str, name: str, slug: str
) -> None:
    """Sergey Lavrov is named in two articles and John Kerry in three: too few for a page, so
    each is listed on the index with his articles, and the article's link lands on that line,
    whose links lead to every one of them."""
    page.goto(site_url + SYRIA_URL)
    page.locator("aside.archive-facts").get_by_role("link", name=name).click()
    expect(page).to_have_url(f"{site_url}actors/#entry-{slug}")
    line = page.locator(f"#entry-{slug}")
    expect(line).to_be_in_viewport()
    expect(line.locator("> span").first).to_have_text(name)
    assert line.evaluate("element => element.matches(':target')")
    expect(line.get_by_role("link", name=SYRIA_TITLE)).to_be_visible()
    line.get_by_role("link", name=GENEVA_TITLE).click()
    expect(page).to_have_url(f"{site_url}{GENEVA_URL}")


def test_hostile_pages_show_markup_as_text_and_run_nothing(page: Page, site_url: str) -> None:
    page.goto(site_url + "articles/hostile-markup-in-every-field/")
    expect(page.locator("h1")).to_have_text('<script>alert(1)</script> & "quotes" {{ x }}')
    expect(page).to_have_title('<script>alert(1)</script> & "quotes" {{ x }} - News Archive')
    facts = page.locator("aside.archive-facts")
    facts.get_by_role("link", name="<b>Evil</b>").click()
    expect(page.locator("#entry-b-evil-b > span").first).to_have_text("<b>Evil</b>")
    assert page.locator(".archive-entries b").count() == 0
    search_for(page, "Ampersands")
    result = page.locator(".md-search-result__item").first
    expect(result.locator("h1")).to_have_text(
        '<script>alert(1)</script> & "quotes" {{ x }}', timeout=10_000
    )
    expect(result.locator(".archive-search__source")).to_contain_text("<script>alert(3)</script>")
    assert result.locator("script, b").count() == 0


def test_home_to_actor_in_two_clicks_and_to_an_article_in_one(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator(".archive-stats").get_by_role("link", name="actors").click()
    expect(page).to_have_url(f"{site_url}actors/")
    page.locator(".archive-entries").get_by_role("link", name="United States").click()
    expect(page).to_have_url(f"{site_url}actors/united-states/")
    page.locator(".archive-articles").get_by_role("link", name=SYRIA_TITLE).click()
    expect(page).to_have_url(f"{site_url}{SYRIA_URL}")
    expect(page.locator(".archive-related").get_by_role("link").first).to_be_visible()


def test_most_covered_actor_is_one_click_from_home(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator(".archive-home-actors").get_by_role("link", name="United States").click()
    expect(page.locator("h1")).to_have_text("United States")
    expect(page.locator(".archive-co-actors")).to_be_visible()


def test_actor_index_filters_by_kind_without_reloading(page: Page, site_url: str) -> None:
    page.goto(site_url + "actors/")
    kerry = page.locator("#entry-john-kerry")
    council = page.locator("#entry-un-security-council")
    expect(council).to_be_visible()
    page.locator(".archive-filter__labels").get_by_text("People").click()
    expect(kerry).to_be_visible()
    expect(council).to_be_hidden()
    page.locator(".archive-filter__labels").get_by_text("Organisations").click()
    expect(council).to_be_visible()
    expect(kerry).to_be_hidden()
    page.locator(".archive-filter__labels").get_by_text("All").click()
    expect(kerry).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_topic_chart_is_visible_and_readable(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(site_url)
        chart = tab.locator("svg.archive-chart__svg")
        expect(chart).to_be_visible()
        box = chart.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 100
        bars = tab.locator(".archive-chart__bar")
        assert bars.count() == 10
        widest = bars.first.bounding_box()
        assert widest is not None and widest["width"] == pytest.approx(box["width"], abs=1)
        label, background = tab.evaluate(
            """() => [
                getComputedStyle(document.querySelector('.archive-chart__label')).fill,
                getComputedStyle(document.body).backgroundColor,
            ]"""
        )
        assert contrast(label, background) > 4.5, (label, background)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "url",
    ["", SYRIA_URL, "actors/", "actors/united-states/", "topics/", "topics/diplomacy/", "sources/"],
)
def test_pages_fit_a_390px_phone(
    browser: Browser, site_url: str, url: str, scheme: str, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(site_url + url)
        shot = tmp_path / "phone.png"
        tab.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 0
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default"
        )
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_the_tabs_are_the_nav_on_a_phone_with_or_without_javascript(
    browser: Browser, site_url: str, javascript: bool
) -> None:
    """No drawer repeats the tabs: at 390 px they show, and lead to every index."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=javascript
    )
    try:
        tab = context.new_page()
        tab.goto(site_url + SYRIA_URL)
        tabs = tab.locator(".md-tabs")
        expect(tabs).to_be_visible()
        expect(tab.locator(".md-header .md-logo")).to_be_visible()
        for name, url in (("Dates", "dates/"), ("Actors", "actors/"), ("Sources", "sources/")):
            link = tabs.get_by_role("link", name=name)
            expect(link).to_be_in_viewport()
            link.click()
            expect(tab).to_have_url(site_url + url)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_the_palette_toggle_written_by_its_script_switches_and_is_remembered(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + SYRIA_URL)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.get_by_title("Switch to dark mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(site_url + "actors/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.get_by_title("Switch to light mode")).to_be_visible()


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two computed CSS colours (rgb()/rgba(), alpha ignored)."""

    def luminance(css: str) -> float:
        red, green, blue = (int(part) / 255 for part in re.findall(r"[\d.]+", css)[:3])

        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@ENGINES
def test_hostile_queries_are_searched_as_text_and_run_nothing(
    page: Page, request: pytest.FixtureRequest, engine_url: str
) -> None:
    """The page fixture fails the test if any script opens a dialog."""
    site_url: str = request.getfixturevalue(engine_url)
    page.goto(site_url)
    meta = page.locator(".md-search-result__meta")
    for query in ("<img src=x onerror=alert(1)>", "{{ 7*7 }} ../../etc/passwd", "\"'`;--"):
        search = page.locator("header input.md-search__input")
        search.fill("")
        search_for(page, query)
        expect(meta).not_to_have_text("Type to start searching", timeout=10_000)
        assert page.locator(".md-search-result img, .md-search-result script").count() == 0
    page.locator("header input.md-search__input").fill("")
    search_for(page, "Ampersands")  # the hostile fixture's body: markup shown as text
    result = page.locator(".md-search-result__item").first
    expect(result).to_be_visible(timeout=10_000)
    assert result.locator("script, b, img").count() == 0


@pytest.mark.parametrize("ranges", [True, False])
def test_search_results_come_as_ranges_of_their_shard_or_from_the_whole_file(
    page: Page, site_dir: Path, ranges: bool
) -> None:
    """A static host answers the result shards' range requests (206: a result is a few bytes of
    its shard's table and its record); a plain file server, as `mkdocs serve` is, sends the
    whole shard (200), which the browser slices (or its cache answers a later range from)."""
    statuses: list[int] = []
    page.on("response", lambda r: "/search-index/doc/" in r.url and statuses.append(r.status))
    with serve(site_dir, ranges=ranges) as url:
        page.goto(url)
        search_for(page, "Lavrov")
        result = page.locator(".md-search-result__item", has_text=SYRIA_TITLE).first
        expect(result).to_be_visible(timeout=10_000)
        expect(result.locator(".archive-search__snippet mark").first).to_be_visible()
    assert statuses and (set(statuses) == {206} if ranges else 200 in statuses)


def test_search_forgives_word_forms_and_typos_and_keeps_phrases(page: Page, site_url: str) -> None:
    """The archive's own index: "warplane" (the article says "warplanes"), a swap of two
    letters, and a quoted phrase that holds only in that order."""
    page.goto(site_url)
    meta = page.locator(".md-search-result__meta")
    syria = page.locator(".md-search-result__item", has_text=SYRIA_TITLE)
    box = page.locator("header input.md-search__input")
    for query in ("warplane convoys", "Lavorv Aleppo", '"humanitarian convoy near"'):
        box.fill("")
        search_for(page, query)
        expect(syria).to_have_count(1, timeout=10_000)
        expect(syria.locator(".archive-search__snippet mark").first).to_be_visible()
    box.fill("")
    search_for(page, '"convoy humanitarian"')
    expect(meta).to_have_text("No matching articles", timeout=10_000)


def test_empty_one_letter_and_very_long_queries_get_a_clear_answer(
    page: Page, site_url: str
) -> None:
    page.goto(site_url)
    meta = page.locator(".md-search-result__meta")
    box = page.locator("header input.md-search__input")
    search_for(page, "a")
    expect(meta).to_have_text("Type two letters or more", timeout=10_000)
    box.fill("")
    box.press("Backspace")
    expect(meta).to_have_text("Type to start searching", timeout=10_000)
    box.fill(("Lavrov convoy " * 15)[:200])
    box.press("End")
    expect(meta).to_contain_text("matching article", timeout=10_000)
    expect(page.locator(".md-search-result__item", has_text=SYRIA_TITLE)).to_have_count(1)
    box.fill("x" * 200)
    box.press("End")
    expect(meta).to_have_text("No matching articles", timeout=10_000)


@pytest.fixture(scope="session")
def hostile_html_pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """The hostile corpus's saved HTML pages and Markdown seeds converted and built into a
    site: (its address, the article pages made from them)."""
    root = tmp_path_factory.mktemp("hostile-html")
    seeds, docs = root / "seeds", root / "docs"
    seeds.mkdir()
    for path in sorted([*HOSTILE.glob("html-*.html"), *HOSTILE.glob("markdown-*.md")]):
        shutil.copy(path, seeds / path.name)
    report = convert_directory(seeds, docs, toolkit=Toolkit())
    pages = sorted(
        f"articles/{Path(entry['page']).stem}/"
        for entry in report_document(report, seeds, docs)["seeds"]
        if entry["outcome"] == "converted"
    )
    with serve(mkdocs_build(root, docs).site_dir) as url:
        yield url, pages


def test_pages_made_from_hostile_html_run_no_script(
    page: Page, hostile_html_pages: tuple[str, list[str]]
) -> None:
    """Scripts, event handlers, javascript: links, frames and styles of the saved pages and
    the Markdown seeds are at most text: nothing runs (the page fixture fails on any dialog),
    nothing is hidden."""
    site_url, pages = hostile_html_pages
    assert len(pages) == 10
    for url in pages:
        page.goto(site_url + url)
        article = page.locator("article")
        expect(article).to_be_visible()
        page.mouse.move(200, 200)
        page.locator("article h1").hover()
        page.keyboard.press("Tab")
        assert page.evaluate("window.__hostile") is None
        assert page.title().endswith(" - News Archive")
        assert article.locator("script, iframe, object, embed, svg, img, form").count() == 0
    page.goto(site_url + "articles/ferry-returns-to-the-island-after-a-year/")
    videos = page.locator("article a.archive-video__caption")
    expect(videos).to_have_count(2)
    assert all(link.get_attribute("href").startswith("https://") for link in videos.all()), (
        "a video's link is a web address, nothing else"
    )
    page.goto(site_url + "articles/lighthouse-cottage-to-become-a-museum/")
    image = page.get_by_role("link", name="<script>alert('alt')</script> The keeper's cottage")
    assert image.get_attribute("href") == "https://img.coasttimes.example/2019/11/cottage.jpg"
    page.goto(site_url + "articles/harbour-wall-approved-after-long-fight/")
    expect(page.locator("article")).to_contain_text(
        "A reader wrote <script>alert('escaped')</script> in the comments"
    )
