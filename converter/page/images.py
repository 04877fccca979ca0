"""The lead image a saved page declares for its article: its JSON-LD article's `image`, its Open
Graph or Twitter card image, its `image_src` link, its article's microdata image. trafilatura
drops images with the markup; the first one that is the article's becomes the page's media (its
address and caption), as its videos do. The archive links to it and copies nothing.

Pages with no picture of the story declare the site's own instead (its logo, a default share
image, an author's avatar); its address gives it away (data/images.yaml), and it is passed
over for the next declared one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain, islice
from urllib.parse import unquote, urljoin, urlsplit

from lxml.html import HtmlElement

from converter.data import load_yaml
from converter.model import Image
from converter.page.markup import (
    ASCII_WORD,
    json_ld_documents,
    own_objects,
    property_values,
    squash,
    web_address,
)

IMAGES_FILE = "images.yaml"
MAX_TRIED = 20
"""Declared images tried at most: a real page declares a few; a hostile one, thousands."""
MAX_CAPTION = 300
"""A caption longer than this is a description pasted into the alt text; it is cut."""
_OWN_KEYS = frozenset({"@graph", "mainEntity"})
_ARTICLE_TYPES = ("Article", "Posting", "Report", "Review")
"""schema.org types whose `image` is the story's: NewsArticle, BlogPosting, Report, Review ..."""
_OPEN_GRAPH_IMAGE = ("og:image", "og:image:url", "og:image:secure_url")
_TWITTER_IMAGE = ("twitter:image", "twitter:image:src")
_IMAGE_ALT = ("og:image:alt", "twitter:image:alt")


@dataclass(frozen=True, slots=True)
class SiteImageWords:
    """Words of an image's address that make it the site's picture, not the story's."""

    file_words: frozenset[str]
    file_word_endings: tuple[str, ...]
    folder_words: frozenset[str]


@cache
def site_image_words() -> SiteImageWords:
    document = load_yaml(IMAGES_FILE)
    return SiteImageWords(
        frozenset(document["file_words"]),
        tuple(document["file_word_endings"]),
        frozenset(document["folder_words"]),
    )


def lead_image(tree: HtmlElement, page_url: str = "") -> Image | None:
    """The article's lead image, or None: the first declared one that is a web address (a
    relative one read against `page_url`, the page's own address) and not the site's picture."""
    alt = next(property_values(tree, _IMAGE_ALT), "")
    declared = chain(
        _json_ld_images(tree),
        ((address, alt) for address in property_values(tree, _OPEN_GRAPH_IMAGE)),
        ((address, alt) for address in property_values(tree, _TWITTER_IMAGE)),
        ((link.get("href") or "", "") for link in _links(tree, "image_src")),
        _microdata_images(tree),
    )
    for address, caption in islice(declared, MAX_TRIED):
        url = web_address(urljoin(page_url, address.strip()) if page_url else address)
        if url and not is_sites_own(url):
            return Image(url=url, caption=squash(caption)[:MAX_CAPTION])
    return None


def is_sites_own(url: str) -> bool:
    """The address reads as the site's own picture: its file's name ('large-logo.png',
    'fblogo.jpg') or a folder on its path ('/avatar/...')."""
    words = site_image_words()
    *folders, name = unquote(urlsplit(url).path).casefold().split("/")
    name_words = ASCII_WORD.findall(name)
    return (
        not words.file_words.isdisjoint(name_words)
        or any(word.endswith(words.file_word_endings) for word in name_words)
        or not words.folder_words.isdisjoint(ASCII_WORD.findall(" ".join(folders)))
    )


def _links(tree: HtmlElement, rel: str) -> Iterator[HtmlElement]:
    for link in tree.iter("link"):
        if rel in (link.get("rel") or "").casefold().split():
            yield link


def _json_ld_images(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    """The `image` of each article object of the page's JSON-LD (a document's top, its graph,
    its main entity): an address, an ImageObject, or a list of them (the first that reads)."""
    for data in json_ld_documents(tree):
        for item in own_objects(data, _OWN_KEYS):
            if _is_article(item.get("@type")):
                yield from _image_values(item.get("image"))


def _is_article(kinds: object) -> bool:
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(name, str) and name.endswith(_ARTICLE_TYPES) for name in names)


def _image_values(value: object) -> Iterator[tuple[str, str]]:
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            yield item, ""
        elif isinstance(item, dict):
            yield (
                _first_string(item, ("url", "contentUrl")),
                _first_string(item, ("caption", "name")),
            )


def _first_string(item: dict, keys: tuple[str, ...]) -> str:
    return next((item[key] for key in keys if isinstance(item.get(key), str)), "")


def _microdata_images(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    """An `itemprop="image"` whose item is an article (NewsArticle, BlogPosting ...): its own
    address, or its ImageObject's url."""
    for node in tree.xpath('//*[@itemprop="image"]'):
        item = next((above for above in node.iterancestors() if _is_item(above)), None)
        if item is None or not _is_article(_schema_type(item.get("itemtype") or "")):
            continue
        address = _address_of(node)
        if not address and _is_item(node):
            inner = node.xpath('.//*[@itemprop="url" or @itemprop="contentUrl"]')
            address = next(filter(None, map(_address_of, inner)), "")
        yield address, node.get("alt") or ""


def _is_item(node: HtmlElement) -> bool:
    return node.get("itemscope") is not None


def _address_of(node: HtmlElement) -> str:
    return node.get("content") or node.get("src") or node.get("href") or ""


def _schema_type(itemtype: str) -> str:
    """'https://schema.org/NewsArticle' -> 'NewsArticle' (the first of the item's types)."""
    first = next(iter(itemtype.split()), "")
    return first.rstrip("/").rsplit("/", 1)[-1]
