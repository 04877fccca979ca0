"""What a saved page's markup says about its article: headline, byline, date, site, credit,
language and address. Structured data first, then meta tags, then the visible page (the order
trafilatura's metadata.py keeps); a fact nothing names stays empty."""

from __future__ import annotations

import trafilatura
from lxml.html import HtmlElement

from converter.model import PageFacts
from converter.page.credits import authors, publisher, source
from converter.page.dateline import shown_date
from converter.page.headline import Choice, headline
from converter.page.markup import language
from converter.page.site import declared_site, own_host, site_names
from converter.page.title import slug_words


def page_facts(tree: HtmlElement, article: str = "") -> PageFacts:
    """The facts of one page, given its article text (its opening tells where the headline
    is looked for when the page's title does not name it); reads the tree only."""
    metadata = trafilatura.extract_metadata(tree, extensive=False)
    url = metadata.url or ""
    declared, host = declared_site(tree), own_host(tree, url)
    sites = site_names(tree, declared, host)
    title = headline(tree, sites, article, slug_words(url)).text
    declared_language = language(tree)
    return PageFacts(
        title=title,
        authors=tuple(authors(metadata.author or "")),
        date=metadata.date or shown_date(tree, title, declared_language),
        publisher=publisher(tree, declared, title, sites, host),
        source=source(tree),
        language=declared_language,
        url=url,
    )


def headline_of(tree: HtmlElement, article: str = "") -> Choice:
    """The headline page_facts takes and which of its guesses gave it (for the benchmarks)."""
    url = trafilatura.extract_metadata(tree, extensive=False).url or ""
    sites = site_names(tree, declared_site(tree), own_host(tree, url))
    return headline(tree, sites, article, slug_words(url))
