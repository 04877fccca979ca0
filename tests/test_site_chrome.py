"""Shared chrome (converter/site/chrome.py): icons, scripts and palette toggles written once,
no drawer where the tabs hold the whole nav."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
from helpers import read_html

from converter.site.chrome import (
    PALETTE_SCRIPT,
    SCOPE,
    SHARED_SCRIPTS,
    SPRITE,
    SharedChrome,
    data_uri_icons,
    headings,
    icon_symbol,
    needs_drawer,
    place,
    sprite,
    static_templates,
)

GENEVA_URL = "articles/kerry-and-lavrov-agree-syria-truce-in-geneva/"
MENU = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18"/></svg>\n'
SCOPE_SCRIPT = '{#- Material\'s comment -#}\n<script>var scope=__md_get("p");if(p){x()}</script>\n'
PAGE = (
    '{% include ".icons/material/menu.svg" %}{% include ".icons/fontawesome/brands/x.svg" %}'
    '{% include "partials/javascripts/base.html" %}'
)


def environment(inline_icons: tuple[str, ...] = ()) -> tuple[jinja2.Environment, SharedChrome]:
    theme = jinja2.DictLoader(
        {
            ".icons/material/menu.svg": MENU,
            ".icons/fontawesome/brands/x.svg": MENU.replace("24 24", "512 512"),
            "partials/javascripts/base.html": SCOPE_SCRIPT,
            "page.html": PAGE,
        }
    )
    chrome = SharedChrome(theme, inline_icons)
    env = jinja2.Environment(loader=chrome)
    env.filters["url"] = lambda value: f"../../{value}"  # as MkDocs does for a page two deep
    return env, chrome


def test_on_a_page_icons_and_the_scope_script_point_at_shared_files(tmp_path: Path) -> None:
    env, chrome = environment()
    page = env.get_template("page.html").render(page=True)
    assert page == (
        f'<svg viewBox="0 0 24 24"><use href="../../{SPRITE}#material-menu"></use></svg>'
        f'<svg viewBox="0 0 512 512"><use href="../../{SPRITE}#fontawesome-brands-x"></use></svg>'
        f'<script src="../../{SHARED_SCRIPTS["partials/javascripts/base.html"]}"></script>'
    )
    chrome.write(tmp_path)
    drawn = (tmp_path / SPRITE).read_text("utf-8")
    assert drawn.startswith('<svg xmlns="http://www.w3.org/2000/svg">')
    assert re.findall(r'<symbol id="([^"]+)"><path d="M3 6h18"/></symbol>', drawn) == [
        "fontawesome-brands-x",
        "material-menu",
    ]
    script = tmp_path / SHARED_SCRIPTS["partials/javascripts/base.html"]
    assert script.read_text("utf-8") == 'var scope=__md_get("p");if(p){x()}'


def test_outside_a_page_and_for_css_icons_the_theme_markup_stays(tmp_path: Path) -> None:
    env, _ = environment()
    assert env.get_template("page.html").render() == MENU + MENU.replace("24 24", "512 512") + (
        '<script>var scope=__md_get("p");if(p){x()}</script>\n'
    )
    env, chrome = environment(inline_icons=("material/menu",))
    assert env.get_template("page.html").render(page=True).startswith(MENU.rstrip())
    chrome.write(tmp_path)
    assert "material-menu" not in (tmp_path / SPRITE).read_text("utf-8")


def test_icons_material_makes_css_of_are_found_in_the_theme_options() -> None:
    icons = {"admonition": {"note": "octicons/tag-16", "tip": ""}, "annotation": "material/plus"}
    assert data_uri_icons({**icons, "menu": "material/menu"}) == [
        "octicons/tag-16",
        "material/plus",
    ]


def test_a_file_that_is_not_one_plain_svg_is_left_alone() -> None:
    assert icon_symbol(".icons/a/b.svg", "<svg>{{ x }}</svg>") is None
    assert icon_symbol(".icons/a/b.svg", "<p>not an icon</p>") is None
    assert sprite([]) == '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n'


def test_every_icon_a_built_page_uses_is_in_the_sprite(site_dir: Path) -> None:
    symbols = set(re.findall(r'<symbol id="([^"]+)"', (site_dir / SPRITE).read_text("utf-8")))
    pages = [site_dir / "index.html", *site_dir.glob("*/*/index.html")]
    used = {
        (href.split("#")[0].removeprefix("../").removeprefix("../"), href.split("#")[1])
        for page in pages
        for href in re.findall(r'<use href="([^"]+)"', read_html(page))
    }
    assert {"material-library", "material-magnify"} <= {symbol for _, symbol in used} <= symbols
    assert {file for file, _ in used} == {SPRITE}
    assert "<svg xmlns" not in read_html(site_dir / "index.html")  # no icon left inline


def test_the_scope_script_is_shared_and_finds_the_site_root_from_its_own_address(
    site_dir: Path, tmp_path: Path
) -> None:
    """Material's scope script (its localStorage keys are per site root) in one file: the root
    relative to that file, as the page's base_url was; inline where extra.scope is set."""
    shared = SHARED_SCRIPTS["partials/javascripts/base.html"]
    script = (site_dir / shared).read_text("utf-8")
    assert script.startswith('__md_scope=new URL("../..",document.currentScript.src)')
    assert posixpath.normpath(posixpath.join(posixpath.dirname(shared), "../..")) == "."
    page = read_html(next((site_dir / "articles").glob("*/index.html")))
    assert f'<script src="../../{shared}"></script>' in page and "__md_scope=" not in page
    scope = "<script>__md_scope=new URL(" + SCOPE + "</script>"
    theme = jinja2.DictLoader({"partials/javascripts/base.html": scope})
    for scoped, inline in ((False, False), (True, True)):
        env = jinja2.Environment(loader=SharedChrome(theme, scoped=scoped))
        env.filters["url"] = lambda value: value
        context = {"page": True, "base_url": "..", "config": {"extra": {}}}
        html = env.from_string('{% include "partials/javascripts/base.html" %}').render(context)
        assert ("__md_scope=" in html) is inline, scoped


def test_tabs_and_nav_are_rendered_once_per_directory_outside_the_nav() -> None:
    page = SimpleNamespace(url="articles/a-story/")
    nav = ["", "actors/", "topics/"]
    assert place(page, nav) == "articles"
    assert place(SimpleNamespace(url="actors/john-kerry/"), nav) == "actors"
    assert place(SimpleNamespace(url="articles/a-story.html"), nav) == "articles"
    assert place(SimpleNamespace(url="actors/"), nav) is None  # a page of the nav: marked there
    assert place(SimpleNamespace(url=""), nav) is None  # the home page, above every nav page
    assert place(None, nav) is None  # outside a page (404.html)


def test_pages_in_one_directory_share_their_header_and_tabs_markup(site_dir: Path) -> None:
    """Rendered once for articles/ and repeated: the same markup on every article page, with
    no item marked as the current one; a page of the nav still marks its own."""
    chrome = re.compile(r'<header class="md-header".*?<nav class="md-tabs".*?</nav>', re.S)
    articles = sorted((site_dir / "articles").glob("*/index.html"))
    found = {chrome.search(path.read_text("utf-8")).group(0) for path in articles}
    assert len(articles) > 10 and len(found) == 1
    assert "--active" not in found.pop()
    actors = chrome.search((site_dir / "actors" / "index.html").read_text("utf-8")).group(0)
    assert "md-tabs__item--active" in actors


def nav_of(*items: SimpleNamespace) -> SimpleNamespace:
    return SimpleNamespace(items=list(items), pages=[item for item in items if not item.is_section])


def site_config(features: tuple[str, ...] = ("navigation.tabs",), repo_url: str = "") -> object:
    return SimpleNamespace(theme={"features": list(features)}, repo_url=repo_url)


def test_the_drawer_is_left_out_where_the_tabs_hold_the_whole_nav() -> None:
    home = SimpleNamespace(is_section=False, toc=[])
    actors = SimpleNamespace(is_section=False, toc=[SimpleNamespace(level=2, children=[])])
    article = SimpleNamespace(toc=[SimpleNamespace(level=2, children=[])])
    flat = nav_of(home, actors)
    assert not needs_drawer(site_config(), flat, home)
    assert not needs_drawer(site_config(), flat, article)  # outside the nav: no toc in a drawer
    assert needs_drawer(site_config(), flat, actors)  # its table of contents is in the drawer
    assert needs_drawer(site_config(), nav_of(home, SimpleNamespace(is_section=True)), home)
    assert needs_drawer(site_config(features=()), flat, home)  # no tabs: the drawer is the nav
    assert needs_drawer(site_config(("navigation.tabs", "toc.integrate")), flat, home)
    assert needs_drawer(site_config(repo_url="https://example.org/repo"), flat, home)
    assert not needs_drawer(site_config(), None, home)


def test_headings_are_the_table_of_contents_without_the_title() -> None:
    crosshead = SimpleNamespace(level=2, children=[])
    assert headings(SimpleNamespace(toc=[SimpleNamespace(level=1, children=[])])) == []
    assert headings(SimpleNamespace(toc=[SimpleNamespace(level=1, children=[crosshead])])) == [
        crosshead
    ]
    assert headings(SimpleNamespace(toc=[crosshead])) == [crosshead]
    assert headings(None) == []


def test_the_palette_script_is_written_where_the_palette_has_toggles() -> None:
    assert static_templates({"palette": [{"scheme": "default"}, {"scheme": "slate"}]}) == {
        PALETTE_SCRIPT
    }
    assert static_templates({"palette": {"scheme": "slate"}}) == set()
    assert static_templates({}) == set()


def test_pages_carry_neither_drawer_nor_palette_nor_an_empty_table_of_contents(
    site_dir: Path,
) -> None:
    """The drawer repeated the tabs; the palette toggles are written by their script, once;
    an article with crossheads keeps its table of contents."""
    pages = [site_dir / "index.html", *site_dir.glob("*/*/index.html")]
    for page in pages:
        html = read_html(page)
        assert "md-nav--primary" not in html and 'md-icon" for="__drawer"' not in html, page
        assert "__palette" not in html and PALETTE_SCRIPT in html, page
        assert html.count('data-md-component="header-topic"') == 0, page
    plain = read_html(site_dir / "articles/key-calls-snap-election/index.html")
    assert "md-sidebar" not in plain
    crossheads = read_html(site_dir / f"{GENEVA_URL}index.html")
    assert crossheads.count('data-md-type="toc"') == 1 and 'class="md-nav__link"' in crossheads
    palette = (site_dir / PALETTE_SCRIPT).read_text("utf-8")
    assert palette.count('name=\\"__palette\\"') == 2 and "__md_get(" in palette


def test_pages_carry_no_script_for_tabbed_content_they_do_not_have(site_dir: Path) -> None:
    page = read_html(next((site_dir / "articles").glob("*/index.html")))
    assert "__tabbed_" not in page and "tabbed-set" not in page
