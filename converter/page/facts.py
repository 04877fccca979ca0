"""What a saved page's markup says about its article: headline, byline, date, site, credit,
language, address, videos, lead image and photos. Structured data first, then meta tags, then the
visible page (the order trafilatura's metadata.py keeps); a fact nothing names stays empty."""

from __future__ import annotations

import trafilatura
from lxml.html import HtmlElement

from converter.model import PageFacts
from converter.page.credits import authors, publisher, source
from converter.page.dateline import shown_date
from converter.page.headline import Choice, headline
from converter.page.images import lead_image
from converter.page.markup import language
from converter.page.photos import article_photos
from converter.page.site import declared_site, own_host, site_names
from converter.page.title import slug_words
from converter.page.videos import embedded_videos


def page_facts(tree: HtmlElement, article: str = "") -> PageFacts:
    """The facts of one page, given its article text (its opening tells where the headline
    is looked for when the page's title does not name it); reads the tree only."""
    return facts_and_headline_guess(tree, article)[0]


def facts_and_headline_guess(tree: HtmlElement, article: str = "") -> tuple[PageFacts, Choice]:
    """page_facts, and which of the headline's guesses gave its title (the benchmarks count
    them)."""
    metadata = trafilatura.extract_metadata(tree, extensive=False)
    url = metadata.url or ""
    declared, host = declared_site(tree), own_host(tree, url)
    sites = site_names(tree, declared, host)
    choice = headline(tree, sites, article, slug_words(url))
    title = choice.text
    declared_language = language(tree)
    image = lead_image(tree, url)
    facts = PageFacts(
        title=title,
        authors=tuple(authors(metadata.author or "")),
        date=metadata.date or shown_date(tree, title, declared_language),
        publisher=publisher(tree, declared, title, sites, host),
        source=source(tree),
        language=declared_language,
        url=url,
        videos=embedded_videos(tree, article),
        image=image,
        photos=article_photos(tree, article, url, image),
    )
    return facts, choice
