"""Where a saved page's article stands in its markup: the span of elements from the article's
opening to its close, found by the text trafilatura extracted. What the article embeds (its
players, its photos) is taken from there; a sidebar's or a footer's is not the story's.

The span runs within the smallest element holding the article's first and last sentences
(found in the page's text in document order) when that element is not much more than the
article, or else between those sentences, and in either case on to what stands just beside
them ('Watch the video below:', a photo under the byline)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from lxml import etree
from lxml.html import HtmlElement

from converter.page.markup import holds_prose, squash

ANCHOR_WORDS = 6
"""The article's first and last words looked for in the page: enough to be the article's own."""
ANCHOR_BLOCKS = 3
"""Blocks tried at each end when one is not found as it is in the page (trafilatura may join or
re-space a block's text)."""
CONTAINER_SHARE = 3.0
"""The article's element may hold this many times the article's text (a headline, a byline,
captions) and still be the article's; more, and it holds sidebars too."""
SLACK_CHARACTERS = 80
"""Text allowed between the article's first or last words and a player or photo beside them: a
line inviting the reader to watch, a byline; a sidebar's stands past more."""
_OTHER_SECTIONS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "aside", "nav", "footer", "form"})
_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})


@dataclass(frozen=True, slots=True)
class ArticleSpan:
    """The page's text map and the nodes (in preorder, `first` to `last`) the article spans."""

    page: PageText
    first: int
    last: int


def page_body(tree: HtmlElement) -> HtmlElement:
    """The page's <body>, or the tree itself for a fragment without one."""
    body = tree.find("body")
    return tree if body is None else body


def article_span(body: HtmlElement, article: str) -> ArticleSpan | None:
    """Where the article (its main text, blocks separated by blank lines) stands in the page's
    body; None when its opening or its close is not found there."""
    page = page_text(body)
    region = _article_region(page, [block for block in article.split("\n\n") if block.strip()])
    return None if region is None else ArticleSpan(page, *region)


def _article_region(page: PageText, blocks: list[str]) -> tuple[int, int] | None:
    """The span of nodes (in preorder) the article stands in, see the module's note; None when
    its opening or its close is not found in the page."""
    words = [(match.start(), match.group()) for match in re.finditer(r"\S+", page.text)]
    spaced = " ".join(word for _, word in words)  # the page's words one space apart
    offsets = list(accumulate((len(word) + 1 for _, word in words[:-1]), initial=0))

    def stretch(at: int) -> int:
        """Which stretch of the page's text holds the word at `at` of `spaced`."""
        return bisect_right(page.starts, words[bisect_right(offsets, at) - 1][0]) - 1

    prose = [block for block in blocks if holds_prose(block)] or blocks
    opening = close = None
    for block in prose[:ANCHOR_BLOCKS]:
        at = spaced.find(" ".join(block.split()[:ANCHOR_WORDS]))
        if at >= 0:
            opening = stretch(at)
            break
    for block in reversed(prose[-ANCHOR_BLOCKS:]):
        key = " ".join(block.split()[-ANCHOR_WORDS:])
        at = spaced.rfind(key)
        if at >= 0:
            close = stretch(at + len(key) - 1)
            break
    if opening is None or close is None or page.positions[close] < page.positions[opening]:
        return None
    first, last = _beside(page, opening, -1), _beside(page, close, 1)
    container = _common_ancestor(page.nodes[page.holders[opening]], page.nodes[page.holders[close]])
    if container.getparent() is not None and len(squash(container.text_content())) <= (
        CONTAINER_SHARE * len(squash(" ".join(blocks)))
    ):
        order = page.nodes.index(container)
        return min(first, order), max(last, page.ends[order])
    return first, last


def _beside(page: PageText, stretch: int, step: int) -> int:
    """The furthest node before (step -1) or after (step 1) a stretch of text with no more than
    SLACK_CHARACTERS of text between them, none of it a heading's or a sidebar's: a player or
    a photo under the closing line 'Watch the video below:', or under the headline's byline,
    and not one under a sidebar's 'More videos'."""
    seen = 0
    while 0 <= stretch + step < len(page.positions):
        stretch += step
        seen += len("".join(page.text[page.starts[stretch] : _stop(page, stretch)].split()))
        holder = page.nodes[page.holders[stretch]]
        if seen > SLACK_CHARACTERS or (
            seen and any(node.tag in _OTHER_SECTIONS for node in (holder, *holder.iterancestors()))
        ):
            # a stretch's position is the last node before its text (the node whose own text
            # it is, or the subtree it is the tail of); the first node after it is the next one
            return page.positions[stretch] if step > 0 else page.positions[stretch] + 1
    return len(page.nodes) - 1 if step > 0 else 0


def _stop(page: PageText, stretch: int) -> int:
    return page.starts[stretch + 1] if stretch + 1 < len(page.starts) else len(page.text)


def _common_ancestor(one: HtmlElement, other: HtmlElement) -> HtmlElement:
    ancestors = {one, *one.iterancestors()}
    return next(node for node in (other, *other.iterancestors()) if node in ancestors)


@dataclass(frozen=True, slots=True)
class PageText:
    """The body's text in document order, and where each stretch of it stands: `nodes` in
    preorder; a stretch from `starts[i]` on is the text of `holders[i]` (an element's own text,
    or the tail text its parent holds after it), placed at node `positions[i]`."""

    text: str
    starts: list[int]
    positions: list[int]
    holders: list[int]
    nodes: list[HtmlElement]
    ends: list[int]
    """Each node's last descendant, in preorder."""


def page_text(body: HtmlElement) -> PageText:
    nodes = list(body.iter())  # the list keeps lxml's proxies, so the dict's keys stay theirs
    index = {node: order for order, node in enumerate(nodes)}
    ends = list(range(len(nodes)))
    for order in range(len(nodes) - 1, 0, -1):
        parent = index[nodes[order].getparent()]
        ends[parent] = max(ends[parent], ends[order])
    pieces: list[str] = []
    starts: list[int] = []
    positions: list[int] = []
    holders: list[int] = []
    size = 0
    hidden = 0  # inside a script or a style, whose text is not the page's

    def add(text: str | None, position: int, holder: int) -> None:
        nonlocal size
        if text and not hidden:
            starts.append(size)
            positions.append(position)
            holders.append(holder)
            pieces.append(text)
            size += len(text)

    for event, node in etree.iterwalk(body, events=("start", "end", "comment", "pi")):
        order = index[node]
        if event == "start":
            hidden += node.tag in _NOT_TEXT
            add(node.text, order, order)
            continue
        if event == "end":
            hidden -= node.tag in _NOT_TEXT
        if node is not body:  # a tail follows the node's subtree, inside its parent
            add(node.tail, ends[order], index[node.getparent()])
    return PageText("".join(pieces), starts, positions, holders, nodes, ends)
