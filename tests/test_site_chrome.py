"""Shared chrome (converter/site/chrome.py): icons and the palette script written once."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
from helpers import read_html

from converter.site.chrome import (
    SCOPE,
    SHARED_SCRIPTS,
    SPRITE,
    SharedChrome,
    data_uri_icons,
    icon_symbol,
    place,
    sprite,
)

MENU = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18"/></svg>\n'
PALETTE = '{#- Material\'s comment -#}\n<script>var palette=__md_get("p");if(p){x()}</script>\n'
PAGE = (
    '{% include ".icons/material/menu.svg" %}{% include ".icons/fontawesome/brands/x.svg" %}'
    '{% include "partials/javascripts/palette.html" %}'
)


def environment(inline_icons: tuple[str, ...] = ()) -> tuple[jinja2.Environment, SharedChrome]:
    theme = jinja2.DictLoader(
        {
            ".icons/material/menu.svg": MENU,
            ".icons/fontawesome/brands/x.svg": MENU.replace("24 24", "512 512"),
            "partials/javascripts/palette.html": PALETTE,
            "page.html": PAGE,
        }
    )
    chrome = SharedChrome(theme, inline_icons)
    env = jinja2.Environment(loader=chrome)
    env.filters["url"] = lambda value: f"../../{value}"  # as MkDocs does for a page two deep
    return env, chrome


def test_on_a_page_icons_and_the_palette_script_point_at_shared_files(tmp_path: Path) -> None:
    env, chrome = environment()
    page = env.get_template("page.html").render(page=True)
    assert page == (
        f'<svg viewBox="0 0 24 24"><use href="../../{SPRITE}#material-menu"></use></svg>'
        f'<svg viewBox="0 0 512 512"><use href="../../{SPRITE}#fontawesome-brands-x"></use></svg>'
        f'<script src="../../{SHARED_SCRIPTS["partials/javascripts/palette.html"]}"></script>'
    )
    chrome.write(tmp_path)
    drawn = (tmp_path / SPRITE).read_text("utf-8")
    assert drawn.startswith('<svg xmlns="http://www.w3.org/2000/svg">')
    assert re.findall(r'<symbol id="([^"]+)"><path d="M3 6h18"/></symbol>', drawn) == [
        "fontawesome-brands-x",
        "material-menu",
    ]
    script = tmp_path / SHARED_SCRIPTS["partials/javascripts/palette.html"]
    assert script.read_text("utf-8") == 'var palette=__md_get("p");if(p){x()}'


def test_outside_a_page_and_for_css_icons_the_theme_markup_stays(tmp_path: Path) -> None:
    env, _ = environment()
    assert env.get_template("page.html").render() == MENU + MENU.replace("24 24", "512 512") + (
        '<script>var palette=__md_get("p");if(p){x()}</script>\n'
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
    assert {"material-menu", "material-magnify"} <= {symbol for _, symbol in used} <= symbols
    assert {file for file, _ in used} == {SPRITE}
    assert "<svg xmlns" not in read_html(site_dir / "index.html")  # no icon left inline
    assert (site_dir / SHARED_SCRIPTS["partials/javascripts/palette.html"]).is_file()


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


def test_pages_in_one_directory_share_their_tabs_and_nav_markup(site_dir: Path) -> None:
    """Rendered once for articles/ and repeated: the same markup on every article page, with
    no item marked as the current one; a page of the nav still marks its own."""
    chrome = re.compile(r'<nav class="md-tabs".*?</nav>.*?<nav class="md-nav md.*?</nav>', re.S)
    articles = sorted((site_dir / "articles").glob("*/index.html"))
    found = {chrome.search(path.read_text("utf-8")).group(0) for path in articles}
    assert len(articles) > 10 and len(found) == 1
    assert "--active" not in found.pop()
    actors = chrome.search((site_dir / "actors" / "index.html").read_text("utf-8")).group(0)
    assert "md-tabs__item--active" in actors


def test_pages_carry_no_script_for_tabbed_content_they_do_not_have(site_dir: Path) -> None:
    page = read_html(next((site_dir / "articles").glob("*/index.html")))
    assert "__tabbed_" not in page and "tabbed-set" not in page
