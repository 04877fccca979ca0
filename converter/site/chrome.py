"""The theme's chrome that every page repeats, written once as shared files.

Material includes the full SVG of each icon into every page (`{% include ".icons/x/y.svg" %}`:
logo twice, menu, palette toggles, search) and its scope script inline: some 2 KB a page, the
same on all of them. `SharedChrome` wraps the theme's template loader: on a page, an icon include
becomes a `<use>` of its symbol in one sprite file (assets/images/archive-icons.svg) and the
scope script (the site root, there relative to the file) a `<script src>` of one file; the
plugin writes them after the build (the palette's script is a static template, below). Outside a
page (404.html, static templates) they stay inline, and so do the icons Material turns into CSS
data URIs (theme.icon.admonition, annotation, tag), which cannot point at another file.
The tabs and the header are the same on every page outside the nav in one directory
(articles/, an actor's pages): they are rendered once per directory, not once per page.
What repeats the tabs is left out: Material's drawer (its nav on phones) where the tabs hold the
whole nav (`needs_drawer`); the palette toggles, which work only with JavaScript, are written by
their script (archive-palette.js, a static template).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation

ICONS = ".icons/"
SPRITE = "assets/images/archive-icons.svg"
# Material's inline scripts that are the same on every page -> the file each is written to.
SHARED_SCRIPTS: Mapping[str, str] = {
    "partials/javascripts/base.html": "assets/javascripts/archive-scope.js",
}
# The palette toggles and Material's palette script: rendered once by MkDocs (static template).
PALETTE_SCRIPT = "assets/javascripts/archive-palette.js"
# The scope script's one part that differs between pages, the site root relative to the page:
# in a shared file, the root relative to the file itself (unless extra.scope names another).
SCOPE = '"{{ config.extra.scope | d(base_url) }}",location)'
SCOPE_IN_FILE = '"../..",document.currentScript.src)'  # from assets/javascripts/
SVG = re.compile(r"\s*<svg\b([^>]*)>(.*)</svg>\s*", re.DOTALL)
XMLNS = re.compile(r'\s+xmlns="[^"]*"')
SCRIPT = re.compile(r"\s*<script>(.*)</script>\s*", re.DOTALL)
JINJA = re.compile(r"\{[{%]")
# Material's partials that, on a page outside the nav, depend only on its directory (their
# links are relative to it): rendered once per directory (`place`).
PLACE_PARTIALS = ("partials/tabs.html", "partials/nav.html")
# What puts more in Material's drawer than the tabs show (a nav of sections aside).
DRAWER_FEATURES = frozenset({"toc.integrate"})
THEME = "archive-theme:"  # a template under this prefix: the theme's own, not the place wrapper


@dataclass(frozen=True, slots=True)
class Symbol:
    """An icon as the sprite holds it: its id, the attributes of its <svg>, its drawing."""

    id: str
    attributes: str
    drawing: str


def icon_symbol(name: str, source: str) -> Symbol | None:
    """`.icons/material/menu.svg` and its file -> its symbol; None if it is not one <svg>."""
    found = SVG.fullmatch(source)
    if found is None or not is_static(source):
        return None
    symbol_id = re.sub(r"[^a-z0-9]+", "-", name.removeprefix(ICONS).removesuffix(".svg").lower())
    return Symbol(symbol_id.strip("-"), XMLNS.sub("", found.group(1)), found.group(2))


def is_static(source: str) -> bool:
    """A template that is plain text after its leading comment: it renders the same anywhere."""
    return JINJA.search(source.partition("-#}")[2] if source.startswith("{#") else source) is None


def sprite(symbols: Iterable[Symbol]) -> str:
    """The sprite file: every icon the pages use, by id."""
    body = "".join(
        f'<symbol id="{symbol.id}">{symbol.drawing}</symbol>'
        for symbol in sorted(symbols, key=lambda symbol: symbol.id)
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg">{body}</svg>\n'


def _on_pages(shared: str, theme_source: str) -> str:
    """A template that gives `shared` on a page and the theme's own (static) one elsewhere."""
    return f"{{% if page %}}{shared}{{% else %}}{theme_source}{{% endif %}}"


def place(page: object, nav_urls: Iterable[str]) -> str | None:
    """The directory of a page outside the nav, where PLACE_PARTIALS render the same for every
    page; None for a page of the nav (its item is marked) or one a nav page is under."""
    url = getattr(page, "url", None)
    if url is None or any(target.startswith(url) for target in nav_urls):
        return None
    return url.rstrip("/").rpartition("/")[0]


def static_templates(theme: Mapping[str, object]) -> set[str]:
    """The chrome MkDocs renders once, as files: the palette's, where it has toggles."""
    palette = theme.get("palette")
    return {PALETTE_SCRIPT} if palette and not isinstance(palette, Mapping) else set()


def headings(page: object) -> list[Any]:
    """A page's table of contents as Material shows it: a lone h1 (the title) leaves it."""
    toc = list(getattr(page, "toc", None) or ())
    return list(toc[0].children) if toc and toc[0].level == 1 else toc


def needs_drawer(config: MkDocsConfig, nav: Navigation | None, page: object) -> bool:
    """Whether a page needs Material's drawer, its nav on phones: not where the tabs hold all
    of it (no sections, repository link or table of contents in it); the tabs then show at
    every width (archive.css)."""
    features = set(config.theme.get("features") or ())
    if nav is None:
        return False
    if "navigation.tabs" not in features or features & DRAWER_FEATURES or config.repo_url:
        return True
    if any(item.is_section for item in nav.items):
        return True
    return page in nav.pages and bool(headings(page))


def _once_per_place(template: str) -> str:
    """A partial that renders the theme's own once per place and repeats it there."""
    theme = f'{{% include "{THEME}{template}" %}}'
    return (
        f"{{%- set key = archive_place(page, nav) -%}}"
        f"{{%- if key is none -%}}{theme}"
        f'{{%- else -%}}{{%- set done = archive_rendered("{template}", key) -%}}'
        f"{{%- if done is not none -%}}{{{{ done }}}}"
        f"{{%- else -%}}{{%- set html -%}}{theme}{{%- endset -%}}"
        f'{{{{ archive_remember("{template}", key, html) }}}}{{%- endif -%}}{{%- endif -%}}'
    )


class SharedChrome(jinja2.BaseLoader):
    """The theme's loader, with icons and static inline scripts turned into references to
    shared files; it remembers what it turned, for `write` to put in those files. `globals`
    are the functions its templates call."""

    def __init__(
        self, loader: jinja2.BaseLoader, inline_icons: Iterable[str] = (), scoped: bool = False
    ) -> None:
        self.loader = loader
        self.inline_icons = frozenset(f"{ICONS}{name}.svg" for name in inline_icons)
        self.scoped = scoped  # extra.scope is set: the scope script stays on each page
        self.symbols: dict[str, Symbol] = {}
        self.scripts: dict[str, str] = {}
        self.rendered: dict[tuple[str, str], str] = {}

    @property
    def globals(self) -> dict[str, Callable[..., object]]:
        return {
            "archive_drawer": needs_drawer,
            "archive_headings": headings,
            "archive_place": self._place,
            "archive_rendered": lambda template, key: self.rendered.get((template, key)),
            "archive_remember": self._remember,
        }

    @staticmethod
    def _place(page: object, nav: Navigation | None) -> str | None:
        return place(page, [item.url for item in nav.pages] if nav else ())

    def _remember(self, template: str, key: str, html: str) -> str:
        self.rendered[(template, key)] = html
        return html

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template in PLACE_PARTIALS:
            _, filename, uptodate = self.loader.get_source(environment, template)
            return _once_per_place(template), filename, uptodate
        template = template.removeprefix(THEME)
        source, filename, uptodate = self.loader.get_source(environment, template)
        if template.startswith(ICONS) and template not in self.inline_icons:
            symbol = icon_symbol(template, source)
            if symbol is not None:
                self.symbols[template] = symbol
                use = f"<use href=\"{{{{ '{SPRITE}' | url }}}}#{symbol.id}\"></use>"
                return _on_pages(f"<svg{symbol.attributes}>{use}</svg>", source), filename, uptodate
        if template in SHARED_SCRIPTS:
            shared = source if self.scoped else source.replace(SCOPE, SCOPE_IN_FILE)
            static = is_static(shared)
            script = static and SCRIPT.fullmatch(environment.from_string(shared).render())
            if script:
                target = SHARED_SCRIPTS[template]
                self.scripts[target] = script.group(1)
                tag = f"<script src=\"{{{{ '{target}' | url }}}}\"></script>"
                return _on_pages(tag, source), filename, uptodate
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()

    def merge(self, symbols: dict[str, Symbol], scripts: dict[str, str]) -> None:
        """Add what pages rendered in another process point at (forked_pages.py)."""
        self.symbols.update(symbols)
        self.scripts.update(scripts)

    def write(self, site_dir: Path) -> None:
        """Write the sprite and the scripts the pages of this build point at."""
        files = dict(self.scripts)
        if self.symbols:
            files[SPRITE] = sprite(self.symbols.values())
        for relative, text in files.items():
            target = site_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")


def data_uri_icons(theme_icons: Mapping[str, object]) -> list[str]:
    """Icons Material inlines into CSS (admonition, annotation and tag icons)."""
    names: list[str] = []
    for key in ("admonition", "tag"):
        names.extend(str(name) for name in dict(theme_icons.get(key) or {}).values() if name)
    if theme_icons.get("annotation"):
        names.append(str(theme_icons["annotation"]))
    return names
