"""MkDocs plugin `archive`: the archive model rendered as pages, article panels and feeds.

Wiring: `on_config` puts our templates ahead of Material's; `on_files` builds the model and
adds the generated pages (pages.py: empty Markdown, metadata naming a template); `on_pre_page`
dates every page from the articles, never the clock (sitemap.xml); `on_page_read_source` hands
MkDocs an article without the header on_files parsed, and `on_page_markdown` gives it that
metadata back, generated pages theirs, and HTML-escapes titles for Material, which prints them raw;
`on_page_content` puts the facts panel and the related stories on article pages and collects
their text for search; `on_nav` forks a child that reads and renders the generated pages and a
share of the articles on the second core (forked_pages.py); `on_env` takes the texts the child
read and starts the search index (search.py) in a child process of its own; `on_page_context`
hands each template its model; `on_post_build` waits for the children and writes the Atom feeds
and the sitemap. The options and their defaults are in options.py.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from converter.enrich.topics import load_vocabulary
from converter.frontmatter import (
    FrontMatterError,
    header_text,
    parse_header,
    read_header,
    split_page,
)
from converter.site.archive import build_archive
from converter.site.articles import article_meta, is_article
from converter.site.chrome import SharedChrome, data_uri_icons, static_templates
from converter.site.dates import EPOCH_DATE, archive_date, page_dates
from converter.site.facts import article_facts
from converter.site.feeds import MAIN_FEED, archive_feeds, atom
from converter.site.forked_pages import (
    Child,
    ForkedPagesError,
    SplitFiles,
    fork_pages,
    on_both_cores,
    split_pages,
    take_read,
)
from converter.site.minify import minified_page
from converter.site.model import Archive, ArticleMeta
from converter.site.options import ArchiveConfig
from converter.site.pages import Layout, generated_pages
from converter.site.search import (
    Indexing,
    SearchIndexError,
    search_doc,
    start_archive_index,
    start_pagefind,
)
from converter.site.search_records import SearchDoc
from converter.site.sitemap import SITEMAP, SitemapUrl, sitemap_files

TEMPLATES_DIR = Path(__file__).parent / "templates"
# The header search box's markup, rendered once by MkDocs (a static template), not into each page.
SEARCH_BOX_SCRIPT = "assets/javascripts/archive-search-box.js"
FACTS_TEMPLATE = "archive/article-facts.html"
RELATED_TEMPLATE = "archive/related.html"
# Pagefind indexes only what is inside data-pagefind-body: the article, not the site's chrome.
ARTICLE_OPEN = '<div class="archive-article" data-pagefind-body>'

log = get_plugin_logger(__name__)


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
    """Actor, topic and source pages over the converter's articles, panels on each article."""

    def __init__(self) -> None:
        self.archive: Archive | None = None
        self.layout: Layout | None = None
        self._metas: dict[str, Mapping[str, Any]] = {}
        self._headers: dict[str, Mapping[str, object]] = {}  # articles' front matter, parsed
        self._contexts: dict[str, Mapping[str, Any]] = {}
        self._dates: dict[str, str] = {}
        self._as_of = EPOCH_DATE
        self._templates: dict[str, jinja2.Template] = {}
        self._articles_to_write = 0
        self._search_started = False
        self._indexing: Indexing | None = None
        self._search_docs: dict[str, SearchDoc] = {}
        self._chrome: SharedChrome | None = None
        self._files: SplitFiles | None = None
        self._forked: Child | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # After a theme custom_dir (so a site can still override us), before Material itself.
        templates = str(TEMPLATES_DIR)
        if templates not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
        if self.config.search in ("archive", "pagefind"):
            config.theme.static_templates.add(SEARCH_BOX_SCRIPT)
        config.theme.static_templates.update(static_templates(config.theme))
        config.theme.static_templates.discard(SITEMAP)  # written split by on_post_build
        self._templates = {}
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files = SplitFiles(files)
        articles = []
        self._headers = {}
        article_files = [file for file in files.documentation_pages() if is_article(file.src_uri)]
        # a page left out of the archive is written all the same
        self._articles_to_write = len(article_files)
        try:
            read = on_both_cores(_read_article, article_files)
        except ForkedPagesError as error:
            raise PluginError(str(error)) from error
        for file, outcome in zip(article_files, read, strict=True):
            if isinstance(outcome, str):
                if _is_text(file):
                    log.warning(f"'{file.src_uri}' left out of the archive: {outcome}")
                else:  # MkDocs would stop the build on it with a traceback
                    files.remove(file)
                    log.warning(f"'{file.src_uri}' left out of the site: not UTF-8 text")
                continue
            self._headers[file.src_uri], article = outcome
            articles.append(article)
        self.archive = build_archive(
            articles,
            use_directory_urls=config.use_directory_urls,
            vocabulary=load_vocabulary().entries,
            related=self.config.related,
            actor_page_min=self.config.actor_page_min,
            author_page_min=self.config.author_page_min,
            index_per_page=self.config.index_per_page,
        )
        self.layout = Layout(
            per_page=self.config.per_page,
            neighbours=self.config.neighbours,
            latest=self.config.latest,
            chart=self.config.chart,
            use_directory_urls=config.use_directory_urls,
        )
        pages = generated_pages(
            self.archive, self.layout, with_home=files.get_file_from_path("index.md") is None
        )
        for page in pages:
            # Entry pages are reached from the indexes; listing them in the nav cannot scale.
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src_uri, content="", inclusion=inclusion))
        self._metas = {page.src_uri: page.meta for page in pages}
        self._contexts = {page.src_uri: page.context for page in pages}
        self._as_of = archive_date(self.archive, os.environ)
        self._dates = page_dates(self.archive, self._contexts)
        self._search_started = False
        self._indexing = None
        self._search_docs = {}
        self._files = files
        self._forked = None
        return files

    @event_priority(-100)  # last: the nav is final
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.archive is None or files is not self._files:
            return nav  # another plugin replaced the files: MkDocs renders every page
        alone = all(plugin is self for plugin in config.plugins.values())
        share = split_pages(
            self._files, nav, self._metas, articles_too=alone and self.config.search == "archive"
        )
        for page in share:
            page.update_date = self._page_date(page.file.src_uri)  # read in the child
        if share:
            self._forked = fork_pages(
                share,
                self._files,
                config,
                nav,
                start=self._in_child,
                read=lambda: self._search_docs,
                written=self._shared_chrome,
            )
        return nav

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        self._chrome = SharedChrome(
            env.loader,
            data_uri_icons(config.theme.get("icon") or {}),
            scoped=bool(config.extra.get("scope")),
        )
        env.loader = self._chrome
        env.globals.update(self._chrome.globals)
        # Every page is read, here and in the child: the search index has all its texts.
        if self._forked is not None:
            try:
                read = self._forked.receive()
            except ForkedPagesError as error:
                raise PluginError(str(error)) from error
            self._search_docs.update(read.payload)
            take_read(read, files, config)
        if self.config.search == "archive":
            self._start_search_index(config)
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        page.update_date = self._page_date(page.file.src_uri)
        return page

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if is_article(page.file.src_uri):
            self._articles_to_write -= 1
            if self.config.search == "pagefind":
                # Pagefind 1.5.2 reads "&lt;" literally in a text that also holds a bare "&",
                # as minified pages have: it gets the pages as the theme wrote them.
                return output
        return minified_page(output)

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """An article with its header emptied: on_files parsed it already, on_page_markdown
        gives the page that meta (MkDocs would parse every header a second time)."""
        if page.file.src_uri not in self._headers:
            return None
        return f"---\n{{}}\n---\n{split_page(page.file.content_string)[1]}"

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        meta = self._metas.get(page.file.src_uri) or self._headers.get(page.file.src_uri)
        if meta is not None:
            page.meta = dict(meta)
        escape_page_meta(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        article = self.archive.by_src_uri.get(page.file.src_uri) if self.archive else None
        if self.archive is None or article is None:
            return html
        context = {
            "page": page,  # the `url` filter makes links relative to this page
            "base_url": get_relative_url(".", page.url),
            "search_engine": self.config.search,
        }
        facts = self._template(config, FACTS_TEMPLATE).render(
            facts=article_facts(self.archive, article), **context
        )
        related = self._template(config, RELATED_TEMPLATE).render(
            related=self.archive.related.get(article.src_uri, ()), **context
        )
        if self.config.search == "archive":
            self._search_docs[article.src_uri] = search_doc(article, html)
        return f"{ARTICLE_OPEN}\n{facts}\n{html}\n</div>\n{related}"

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        # MkDocs writes a page right after its on_post_page: once every article has had that
        # and another page is rendered, all articles are on disk and Pagefind can index them
        # while MkDocs renders the rest (else on_post_build). The child renders no article then.
        if self.config.search == "pagefind" and self._articles_to_write == 0:
            self._start_search_index(config)
        context["archive"] = self.archive
        context["archive_main_feed"] = MAIN_FEED if config.site_url else None
        article = self.archive.by_src_uri.get(page.file.src_uri) if self.archive else None
        context["archive_image"] = article.image.url if article and article.image else None
        context.update(self._contexts.get(page.file.src_uri, {}))
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        forked_chrome: tuple[dict[str, Any], dict[str, str]] = ({}, {})
        if self._forked is not None:
            forked, self._forked = self._forked, None
            try:
                forked_chrome = forked.finish()  # type: ignore[assignment]
            except ForkedPagesError as error:
                raise PluginError(str(error)) from error
        if self._chrome is not None:
            self._chrome.merge(*forked_chrome)
            self._chrome.write(Path(config.site_dir))
        if self._files is not None:
            self._write_sitemap(config, self._files)
        if self.archive is None:
            return
        self._write_feeds(config)
        self._start_search_index(config)
        if self._indexing is not None:
            indexing, self._indexing = self._indexing, None
            try:
                indexing.finish()
            except SearchIndexError as error:
                raise PluginError(str(error)) from error

    def on_build_error(self, *, error: Exception) -> None:
        if self._forked is not None:
            self._forked.cancel()
            self._forked = None
        if self._indexing is not None:
            self._indexing.cancel()
            self._indexing = None

    def _page_date(self, src_uri: str) -> str:
        return self._dates.get(src_uri, self._as_of)

    def _in_child(self) -> None:
        """In the child rendering pages beside MkDocs: the parent starts the search index."""
        self._search_started = True
        self._forked = None

    def _shared_chrome(self) -> tuple[dict[str, Any], dict[str, str]]:
        """What the child's pages point at in the shared files, for the parent to write."""
        if self._chrome is None:
            return {}, {}
        return dict(self._chrome.symbols), dict(self._chrome.scripts)

    def _start_search_index(self, config: MkDocsConfig) -> None:
        if self._search_started or self.archive is None:
            return
        self._search_started = True
        site_dir = Path(config.site_dir)
        try:
            if self.config.search == "pagefind":
                self._indexing = start_pagefind(site_dir)
            elif self.config.search == "archive":
                docs = [  # newest first, as the archive lists them
                    self._search_docs[article.src_uri]
                    for article in self.archive.articles
                    if article.src_uri in self._search_docs
                ]
                self._indexing = start_archive_index(site_dir, docs)
        except SearchIndexError as error:
            raise PluginError(str(error)) from error

    def _write_feeds(self, config: MkDocsConfig) -> None:
        if not config.site_url:
            log.warning("no site_url in mkdocs.yml: the Atom feeds need absolute links")
            return
        for feed in archive_feeds(
            self.archive, size=self.config.feed_size, site_name=config.site_name
        ):
            target = Path(config.site_dir, feed.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(
                atom(feed, site_url=config.site_url, author=config.site_name, undated=self._as_of)
            )

    def _write_sitemap(self, config: MkDocsConfig, files: SplitFiles) -> None:
        """Every page, as MkDocs' own sitemap lists them, in files of at most 50,000."""
        urls = [
            SitemapUrl(page.canonical_url or page.abs_url or "", page.update_date)
            for file in files.every_documentation_page()
            if (page := file.page) is not None
            and not page.is_link
            and (page.canonical_url or page.abs_url)
        ]
        if not urls:  # no page was built (the plugin's events run without a build)
            return
        for name, text in sitemap_files(urls, config.site_url or "/"):
            Path(config.site_dir, name).write_text(text, "utf-8")

    def _template(self, config: MkDocsConfig, name: str) -> jinja2.Template:
        """A panel template, loaded once per build (the build's own env exists only later)."""
        if name not in self._templates:
            self._templates[name] = config.theme.get_env().get_template(name)
        return self._templates[name]


def _read_article(file: File) -> tuple[dict[str, object], ArticleMeta] | str:
    """An article's header and what the archive reads of it, or why it cannot be read."""
    try:
        header = parse_header(_header(file))
        return header, article_meta(file.src_uri, file.url, header)
    except FrontMatterError as error:
        return str(error)


def _is_text(file: File) -> bool:
    """Whether MkDocs can read the page: a stray file of bytes under articles/ is none."""
    try:
        return isinstance(file.content_string, str)
    except UnicodeDecodeError:
        return False


def _header(file: File) -> str:
    """Front matter of a page: from disk without reading the body, or from generated content."""
    if file.abs_src_path is not None:
        return read_header(file.abs_src_path)
    return header_text(file.content_string.splitlines(keepends=True))
