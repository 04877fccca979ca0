"""The elements of a page that could be its headline, and how surely each is one: its tag, its
class, its type set bold or large."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from lxml.html import HtmlElement

from converter.page.markup import WORD, letters_of, squash
from converter.page.region import page_body

MAX_TITLE_CHARS = 300
"""Longer than any headline: an element with more text is a block of the page, not its title."""
_SHOWN_TEXT = (
    "//text()[not(ancestor::head or ancestor::script or ancestor::style"
    " or ancestor::noscript or ancestor::template or ancestor::select or ancestor::title)]"
)
_HEADING_DEPTH = 3
_HIDDEN = (
    "//*[@hidden or contains(translate(@style, 'DISPLAYNOE ', 'displaynoe'), 'display:none')]"
    "/descendant-or-self::*"
)
_HEADING_RANKS = {"h1": 5, "h2": 4, "h3": 3, "h4": 1}
_CLASS_RANK = 2
_BOLD_RANK = 1
_BOLD_TAGS = frozenset({"b", "strong", "big"})
_INLINE_TAGS = frozenset({"a", "span", "b", "strong", "em", "i", "font", "big"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)")
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|em)")
_LARGE_TYPE = {"px": 14, "pt": 11, "em": 1.2}
_LARGE_FONT_SIZES = frozenset({"4", "5", "6", "7", "+1", "+2", "+3"})
# Class or id words of what sits around a headline but is not it: a deck under it, a kicker
# over it, a byline, a date, a 'most read' box.
_NOT_TITLE_CLASS = re.compile(
    r"sub|deck|\bdek|standfirst|summary|teaser|intro|kicker|byline|author|date|time|meta"
    r"|caption|most|related|widget|nav|menu|breadcrumb",
    re.IGNORECASE,
)
TITLE_CLASS = re.compile(r"title|head", re.IGNORECASE)
# Elements whose text can be the headline; not navigation widgets or the <head>.
_TITLE_TAGS = (
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "td", "th", "span", "a", "b", "strong",
    "font", "li", "header", "dd", "dt", "em", "i", "big", "center", "caption", "section",
)  # fmt: skip


class Shown(NamedTuple):
    """An element of the page that could be its headline: tag, text, class and id, letters."""

    tag: str
    text: str
    label: str
    letters: str
    element: HtmlElement


def shown_texts(tree: HtmlElement) -> Iterator[Shown]:
    """Every element of the page's body short enough to be a headline, in order; not one the
    page hides (a tagline kept for search engines)."""
    hidden = set(tree.xpath(_HIDDEN))
    for element in page_body(tree).iter(*_TITLE_TAGS):
        if element in hidden:
            continue
        text = shown_text(element)
        if 3 <= len(text) <= MAX_TITLE_CHARS:
            yield Shown(element.tag, text, label_of(element), letters_of(text), element)


def shown_pieces(tree: HtmlElement) -> list[tuple[str, HtmlElement]]:
    """The page's visible text nodes in order, each with the element that holds it (for a tail,
    the element it follows, close enough to find the heading around it)."""
    return [(str(text), text.getparent()) for text in tree.xpath(_SHOWN_TEXT)]


def shown_text(element: HtmlElement) -> str:
    """An element's text as shown: the pieces of its children apart ('force' and 'Published',
    not 'forcePublished')."""
    return squash(" ".join(element.itertext()))


def label_of(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def part_of_a_line(element: HtmlElement) -> bool:
    """Inline text with words of its line before or after it ('... about <a>home solar power
    systems</a> that ...', '<a>Home Solar Power Systems</a> site that provides ...'): not a
    line of its own, as a headline is; the element holding the whole line is weighed instead
    (with a date or a kicker glued to a headline there)."""
    while element.tag in _INLINE_TAGS:
        parent = element.getparent()
        if parent is None:
            return False
        previous = element.getprevious()
        if _has_words(element.tail) or _has_words(
            parent.text if previous is None else previous.tail
        ):
            return True
        element = parent
    return False


def _has_words(text: str | None) -> bool:
    return text is not None and WORD.search(text) is not None


def heading_around(element: HtmlElement | None) -> HtmlElement | None:
    """The element itself or a close ancestor when it is a heading (<h1><a>Headline</a></h1>)."""
    for _ in range(_HEADING_DEPTH):
        if element is None:
            return None
        if isinstance(element.tag, str) and heading_rank(element):
            return element
        element = element.getparent()
    return None


def heading_rank(element: HtmlElement) -> int:
    """How surely an element is a headline: <h1> most, then <h2>, <h3>, a title's class,
    and last <h4> or a bold line standing alone; 0 for a deck, byline or anything else."""
    label = label_of(element)
    if _NOT_TITLE_CLASS.search(label):
        return 0
    if element.tag in _HEADING_RANKS:
        return _HEADING_RANKS[element.tag]
    if TITLE_CLASS.search(label):
        return _CLASS_RANK
    if not (element.tag in _BOLD_TAGS or _looks_bold(element)):
        return 0
    parent = element.getparent()  # bold alone in its parent: reading the parent's text costs
    alone = parent is not None and squash(parent.text_content()) == squash(element.text_content())
    return _BOLD_RANK if alone else 0


def _looks_bold(element: HtmlElement) -> bool:
    """Styled as a headline by hand: bold, or a larger type than body text."""
    style = (element.get("style") or "").casefold()
    size = _FONT_SIZE.search(style)
    return (
        _BOLD_STYLE.search(style) is not None
        or (size is not None and float(size.group(1)) >= _LARGE_TYPE[size.group(2)])
        or (element.tag == "font" and (element.get("size") or "").strip() in _LARGE_FONT_SIZES)
    )
