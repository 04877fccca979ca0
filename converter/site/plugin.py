"""MkDocs plugin `archive`: renders the archive model as actor/topic/source pages and facts panels.

Wiring: `on_config` puts our templates ahead of Material's; `on_files` builds the model and
adds one generated page per index/entry (front matter naming a template, no body);
`on_page_markdown` HTML-escapes titles for Material, which prints them raw; `on_page_content`
puts the facts panel on article pages; `on_page_context` hands each template its model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import jinja2
import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from converter.site.archive import (
    Archive,
    Entry,
    FrontMatterError,
    Index,
    article_facts,
    build_archive,
    front_matter,
    is_article,
    parse_article,
    read_header,
)

try:  # libyaml: thousands of generated pages each get a front matter
    from yaml import CSafeDumper as _SafeDumper
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper as _SafeDumper  # type: ignore[assignment]

TEMPLATES_DIR = Path(__file__).parent / "templates"
HOME_TEMPLATE = "archive/home.html"
INDEX_TEMPLATE = "archive/index.html"
FACTS_TEMPLATE = "archive/article-facts.html"
ENTRY_TEMPLATES: Mapping[str, str] = {
    "actors": "archive/actor.html",
    "topics": "archive/topic.html",
    "sources": "archive/source.html",
}
ENTRY_DESCRIPTIONS: Mapping[str, str] = {
    "actors": "{count} naming {name}.",
    "topics": "{count} about {name}.",
    "sources": "{count} from {name}.",
}

log = get_plugin_logger(__name__)


class ArchiveConfig(base.Config):
    """Options under `plugins: - archive:` in mkdocs.yml."""

    latest = c.Type(int, default=20)  # how many of the latest articles the home page lists


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page the plugin adds: its Markdown (front matter only) and what its template is given."""

    src_uri: str
    markdown: str
    context: Mapping[str, Any] = field(default_factory=dict)
    in_nav: bool = True


def page_markdown(title: str, template: str, description: str = "") -> str:
    """Front matter naming the template that renders the page; generated pages stay unsearched."""
    meta: dict[str, Any] = {"title": title, "template": template, "search": {"exclude": True}}
    if description:
        meta["description"] = description
    dumped = yaml.dump(meta, Dumper=_SafeDumper, allow_unicode=True, sort_keys=True)
    return f"---\n{dumped}---\n"


def generated_pages(archive: Archive, *, latest: int, with_home: bool) -> list[GeneratedPage]:
    """Every page the archive adds: home (unless docs has one), three indexes, one per entry."""
    pages: list[GeneratedPage] = []
    if with_home:
        pages.append(
            GeneratedPage(
                "index.md",
                page_markdown("Home", HOME_TEMPLATE),
                {"archive_latest": archive.articles[:latest]},
            )
        )
    for index in (archive.actors, archive.topics, archive.sources):
        pages.append(
            GeneratedPage(
                index.src_uri,
                page_markdown(index.title, INDEX_TEMPLATE),
                {"archive_index": index},
            )
        )
        pages.extend(_entry_page(index, entry) for entry in index.entries)
    return pages


def _entry_page(index: Index, entry: Entry) -> GeneratedPage:
    count = f"{entry.count} article{'' if entry.count == 1 else 's'}"
    description = ENTRY_DESCRIPTIONS[index.section].format(count=count, name=entry.name)
    return GeneratedPage(
        entry.src_uri,
        page_markdown(entry.name, ENTRY_TEMPLATES[index.section], description),
        {"archive_index": index, "archive_entry": entry},
        in_nav=False,
    )


def escape_page_meta(page: Page) -> None:
    """HTML-escape title and description: Material prints them raw (Jinja autoescape is off)."""
    title = page.title  # read before touching meta: it may come from meta['title']
    if "title" in page.meta:
        page.meta["title"] = escape(str(page.meta["title"]))
    if title is not None:
        page.title = escape(str(title))  # type: ignore[misc]
    if "description" in page.meta:
        page.meta["description"] = escape(str(page.meta["description"]))


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    """Actor, topic and source pages over the converter's articles, and a facts panel on each."""

    def __init__(self) -> None:
        self.archive: Archive | None = None
        self._contexts: dict[str, Mapping[str, Any]] = {}
        self._facts_template: jinja2.Template | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # After a theme custom_dir (so a site can still override us), before Material itself.
        templates = str(TEMPLATES_DIR)
        if templates not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
        self._facts_template = None
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        articles = []
        for file in files.documentation_pages():
            if not is_article(file.src_uri):
                continue
            try:
                articles.append(parse_article(file.src_uri, file.url, _header(file)))
            except FrontMatterError as error:
                log.warning(f"'{file.src_uri}' left out of the archive: {error}")
        self.archive = build_archive(articles, use_directory_urls=config.use_directory_urls)
        pages = generated_pages(
            self.archive,
            latest=self.config.latest,
            with_home=files.get_file_from_path("index.md") is None,
        )
        for page in pages:
            # Entry pages are reached from the indexes; listing them in the nav cannot scale.
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
            )
        self._contexts = {page.src_uri: page.context for page in pages}
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        escape_page_meta(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        article = self.archive.by_src_uri.get(page.file.src_uri) if self.archive else None
        if self.archive is None or article is None:
            return html
        facts_html = self._facts(config).render(
            facts=article_facts(self.archive, article),
            page=page,  # the `url` filter makes links relative to this page
            base_url=get_relative_url(".", page.url),
        )
        return f"{facts_html}\n{html}"

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        context["archive"] = self.archive
        context.update(self._contexts.get(page.file.src_uri, {}))
        return context

    def _facts(self, config: MkDocsConfig) -> jinja2.Template:
        """The facts template, loaded once per build (the build's own env exists only later)."""
        if self._facts_template is None:
            self._facts_template = config.theme.get_env().get_template(FACTS_TEMPLATE)
        return self._facts_template


def _header(file: File) -> str:
    """Front matter of a page: from disk without reading the body, or from generated content."""
    if file.abs_src_path is not None:
        return read_header(file.abs_src_path)
    return front_matter(file.content_string.splitlines(keepends=True))
