"""Shared chrome (converter/site/chrome.py): icons and the palette script written once."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from helpers import read_html

from converter.site.chrome import (
    SHARED_SCRIPTS,
    SPRITE,
    SharedChrome,
    data_uri_icons,
    icon_symbol,
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
