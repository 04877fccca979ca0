"""The photos inside a saved page's article: the <img> elements that stand in its span of the
page (page/region.py), in page order. trafilatura drops them with the markup; kept as metadata
after the lead image, they are the page's media, linked to and never copied.

A span also holds what a site puts around its text: share buttons, icons, ads, an author's
picture, thumbnails of other stories. Those are told by what the markup says of them, never by
a site's name (data/images.yaml): a small size; an address that is no picture file, or names
a widget's folder or file ('/plugins/sociable/', 'share2.gif', 'printButton.png') or a
thumbnail's size ('-100x100.jpg', '/105x70/'); a link around it that shares, mails or prints
the story; the classes of what holds it ('share-buttons', 'nrelate_related', 'author-bio'); a
short alt text that labels a widget ('Twitter Logo')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice
from urllib.parse import unquote, urljoin, urlsplit

from lxml.html import HtmlElement

from converter.data import load_yaml
from converter.model import Image
from converter.page.images import IMAGES_FILE, MAX_CAPTION, is_sites_own
from converter.page.markup import ASCII_WORD, squash, web_address
from converter.page.region import article_span, page_body

MAX_PHOTOS = 20
"""A page showing more is a gallery or hostile; the first ones are kept."""
MAX_TRIED = 200
"""Pictures looked at in the article's span: a real article shows a few dozen at most, a
hostile page thousands of icons before a photo."""
MIN_SIDE = 100
"""Pixels: a picture the page shows smaller is an icon, a button or a tracking pixel."""
MAX_THUMBNAIL_SIDE = 160
"""A file or folder named for a size no larger than this both ways ('-150x150.jpg',
'/105x70/') is a thumbnail of another story."""
MAX_LABEL_WORDS = 4
"""An alt text this short that holds a widget word labels a widget ('Twitter Logo', 'Related
Posts with Thumbnails'); a longer one describes a photo ('Supporters share a quiet moment')."""
_SOURCES = ("data-src", "data-lazy-src", "data-original", "src")
"""Lazy-loading pages keep the real address in a data- attribute and a placeholder in src."""
_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?)(?:$|[?&/#])")
_SIZED = re.compile(r"(?:^|[-_/])(\d{2,4})x(\d{2,4})(?:[-_./]|$)")
_STYLE_SIDE = re.compile(r"(?:^|;)\s*(?:width|height)\s*:\s*(\d+)px", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WidgetWords:
    """What marks a picture as a widget's (data/images.yaml)."""

    folders: frozenset[str]
    file_parts: tuple[str, ...]
    file_words: frozenset[str]
    links: re.Pattern[str]
    classes: frozenset[str]
    labels: frozenset[str]


@cache
def widget_words() -> WidgetWords:
    document = load_yaml(IMAGES_FILE)
    return WidgetWords(
        frozenset(document["widget_folders"]),
        tuple(document["widget_file_parts"]),
        frozenset(document["widget_file_words"]),
        re.compile("|".join(document["widget_links"]), re.IGNORECASE),
        frozenset(document["widget_classes"]),
        frozenset(document["widget_labels"]),
    )


def article_photos(
    tree: HtmlElement, article: str, page_url: str = "", lead: Image | None = None
) -> tuple[Image, ...]:
    """The photos of the article's span, each once (the lead image not again), with their
    captions; `article` is the main text, blocks separated by blank lines, and a relative
    address is read against `page_url`."""
    body = page_body(tree)
    if next(body.iter("img"), None) is None:
        return ()
    span = article_span(body, article)
    if span is None:
        return ()
    seen = {_key(lead.url)} if lead is not None else set()
    photos: list[Image] = []
    nodes = span.page.nodes
    inside = frozenset(nodes[span.first + 1 : span.last + 1])
    pictures = (node for node in nodes[span.first : span.last + 1] if node.tag == "img")
    for node in islice(pictures, MAX_TRIED):
        if _shown_small(node) or _in_widget(node, inside):
            continue
        url = _address(node, page_url)
        if not url or _key(url) in seen or not _is_photo_file(url) or _labels_widget(node):
            continue
        seen.add(_key(url))
        photos.append(Image(url=url, caption=_caption(node, url)))
        if len(photos) == MAX_PHOTOS:
            break
    return tuple(photos)


def _address(node: HtmlElement, page_url: str) -> str:
    """The picture's http(s) address: a lazy-loading page's real one over its placeholder, else
    the first of its srcset; a relative one read against the page's own."""
    candidates = [node.get(name) or "" for name in _SOURCES]
    candidates.append((node.get("srcset") or "").split(",")[0].strip().split(" ")[0])
    for candidate in candidates:
        candidate = candidate.strip().replace(" ", "%20")
        if candidate and not candidate.startswith("data:"):
            url = web_address(urljoin(page_url, candidate) if page_url else candidate)
            if url:
                return url
    return ""


def _key(url: str) -> str:
    """One picture under two addresses (http and https, a cache-busting query) is one."""
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path}".casefold()


def _shown_small(node: HtmlElement) -> bool:
    """Width or height, as an attribute or an inline style, under MIN_SIDE pixels."""
    sides = [(node.get(name) or "").strip().removesuffix("px") for name in ("width", "height")]
    sides += _STYLE_SIDE.findall(node.get("style") or "")
    return any(side.isdigit() and int(side) < MIN_SIDE for side in sides)


def _in_widget(node: HtmlElement, span: frozenset[HtmlElement]) -> bool:
    """The picture, or an element holding it inside the article's span (the span's first
    element aside: the article's own box), is classed as a widget ('share-buttons',
    'related-posts', 'author-avatar'), or a link around it shares, mails or prints the story."""
    widget = widget_words()
    for part in (node, *node.iterancestors()):
        if part is not node and part not in span:
            return False
        named = f"{part.get('class') or ''} {part.get('id') or ''}".casefold()
        if not widget.classes.isdisjoint(ASCII_WORD.findall(named)):
            return True
        if part.tag == "a" and widget.links.search(part.get("href") or ""):
            return True
    return False


def _is_photo_file(url: str) -> bool:
    """A picture file (its path or query names one: a script serving pictures passes it
    along), not in a widget's folder nor named as a widget's, nor named for a thumbnail's
    size."""
    parts = urlsplit(url)
    path = unquote(parts.path).casefold()
    if not _PICTURE_FILE.search(f"{path}?{unquote(parts.query).casefold()}") or is_sites_own(url):
        return False
    *folders, name = path.split("/")
    widget = widget_words()
    if not widget.folders.isdisjoint(ASCII_WORD.findall(" ".join(folders))):
        return False
    if any(part in name for part in widget.file_parts) or not widget.file_words.isdisjoint(
        ASCII_WORD.findall(name)
    ):
        return False
    sizes = (max(int(width), int(height)) for width, height in _SIZED.findall(path))
    return all(side > MAX_THUMBNAIL_SIDE for side in sizes)


def _labels_widget(node: HtmlElement) -> bool:
    """A short alt text or title with a widget's word ('Twitter Logo'; MAX_LABEL_WORDS)."""
    words = widget_words().labels
    for label in (node.get("alt") or "", node.get("title") or ""):
        label_words = ASCII_WORD.findall(label.casefold())
        if len(label.split()) <= MAX_LABEL_WORDS and not words.isdisjoint(label_words):
            return True
    return False


def _caption(node: HtmlElement, url: str) -> str:
    """What the page says the photo shows: its figure's caption, else its alt text or title;
    none when that only repeats the file's name ('IMG_3551.JPG', 'DSC_0074') or has no letter
    ('0,,767862 4,00'). A caption in letters a file's name cannot spell ('青岛早报' over
    '12345.jpg') repeats nothing."""
    figure = next(node.iterancestors("figure"), None)
    caption = ""
    if figure is not None:
        caption = " ".join(squash(part.text_content()) for part in figure.iter("figcaption"))
    caption = squash(caption or node.get("alt") or node.get("title") or "")
    name = unquote(urlsplit(url).path).rsplit("/", 1)[-1].rsplit(".", 1)[0]
    reads_as_file = " " not in caption and any(char in caption for char in "_-.0123456789")
    letters = _letters(caption)
    if (
        reads_as_file
        or not any(map(str.isalpha, caption))
        or (letters and letters == _letters(name))
    ):
        return ""
    return caption[:MAX_CAPTION]


def _letters(text: str) -> str:
    return "".join(ASCII_WORD.findall(text.casefold()))
