"""A saved web page -> RawSeed: the article's main text (trafilatura) and what its markup says.

Nothing of the page's markup survives: only the text of the blocks trafilatura keeps, one block
per paragraph, heading, list item or table row, separated by blank lines, so that the same rules
as for a text seed decide what is article text. The text opens with the headline the facts
carry (page/facts.py), as an article block does, and the rules take the headline from the facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
import trafilatura
from lxml.etree import ParserError
from lxml.html import HtmlElement

from converter.errors import NoArticleTextError, SeedDecodeError
from converter.model import RawSeed
from converter.page.facts import page_facts
from converter.page.markup import holds_prose, same_words

MAX_DEPTH = 256
"""libxml2 stops nesting here and drops what lies deeper, so such a page would lose its text
silently; the deepest of web-dev's 600 real pages nests 98."""

_HEADLINE_SEARCH_BLOCKS = 3
"""The extracted text may open with the headline (and a kicker or date around it)."""

# Elements that hold a block of their own: trafilatura's output vocabulary, and HTML's for
# the trees its fallback extractors return; `lb` and `br` break a line inside a block.
_BLOCKS = frozenset(
    {"p", "head", "item", "row", "quote", "code", "list", "table", "cell"}
    | {"div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd"}
    | {"blockquote", "pre", "tr", "td", "th", "section", "article", "header", "footer"}
    | {"figure", "figcaption", "main", "aside", "form", "fieldset", "address", "center"}
)
_LINE_BREAKS = frozenset({"lb", "br"})
_ROWS = frozenset({"row", "tr"})
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")
# What XML 1.0 cannot hold: lxml refuses a string with one of these wherever it meets it, so
# they go before parsing (clean_text drops them from the text anyway).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def read_html(stem: str, markup: str) -> RawSeed:
    """Decoded HTML -> the seed the rules read: the headline, the main text, and the facts."""
    tree, blocks = article_tree(markup)
    if not blocks:
        raise NoArticleTextError("no article text: nothing in the page reads as an article")
    facts = page_facts(tree, "\n\n".join(blocks))
    blocks = headline_first(blocks, facts.title)
    return RawSeed(stem=stem, text="\n\n".join(blocks), format="html", facts=facts)


def article_tree(markup: str) -> tuple[HtmlElement, list[str]]:
    """The page's tree, its layout tables unwrapped, and the article's blocks in it."""
    tree = parse_page(markup)
    unwrap_layout_tables(tree)
    return tree, main_blocks(tree)


def parse_page(markup: str) -> HtmlElement:
    """The page's tree: trafilatura's loader (it repairs common faults), else lxml's own parser
    for a fragment it refuses; refused when it holds nothing or nests past the parser's limit."""
    markup = _NOT_XML.sub("", markup)
    if not markup.strip():
        raise NoArticleTextError("no article text: the seed is empty")
    try:
        tree = trafilatura.load_html(markup)
        if tree is None or not len(tree):
            tree = lxml.html.document_fromstring(markup)
    except (ParserError, ValueError) as error:
        raise SeedDecodeError(f"not HTML: {error}") from error
    tree = tree.getroottree().getroot()  # lxml hands back a lone <body> child, not the page
    if _depth(tree) >= MAX_DEPTH:
        raise SeedDecodeError(
            f"refused: the page nests elements {MAX_DEPTH} deep, where the HTML parser stops"
        )
    return tree


def _depth(tree: HtmlElement) -> int:
    """Deepest nesting, without recursion (the point is not to recurse on hostile input)."""
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        stack.extend((child, depth + 1) for child in element)
    return deepest


def unwrap_layout_tables(tree: HtmlElement) -> None:
    """Tables used for layout become plain blocks, so that trafilatura weighs their cells as
    separate blocks (the article cell against the menu cells) instead of taking or leaving
    the whole page as one table; data tables (headers, captions, short cells) stay tables."""
    for table in tree.iter("table"):
        if _is_layout_table(table):
            for part in (table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")):
                if part is table or part.getparent() is not None:
                    part.tag = "div"


def _is_layout_table(table: HtmlElement) -> bool:
    """Readability's tests, simplified: declared presentational, or a nested table, or a cell
    holding paragraphs, headings, lists or divisions; never one with headers or a caption."""
    if table.get("role") in ("presentation", "none"):
        return True
    if table.get("summary") or table.find("caption") is not None:
        return False
    headers = table.iter("th", "thead", "tfoot", "col", "colgroup")
    if any(next(element.iterancestors("table"), None) is table for element in headers):
        return False  # its own headers, not a nested table's
    return any(
        element.tag in ("table", "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote")
        for element in table.iter()
        if element is not table
    )


def main_blocks(tree: HtmlElement) -> list[str]:
    """The main text as blocks (paragraphs, crossheads, list items, table rows), in order:
    trafilatura favouring precision (measured best on web-dev), or favouring recall when
    that finds nothing at all, if what it finds holds a sentence of prose (not only menus)."""
    for favour in ({"favor_precision": True}, {"favor_recall": True}):
        document = trafilatura.bare_extraction(
            tree, include_comments=False, include_tables=True, with_metadata=False, **favour
        )
        if document is not None and document.body is not None:
            blocks = [block for block in _walk(document.body) if block]
            if blocks and (favour.get("favor_precision") or any(map(holds_prose, blocks))):
                return blocks
    return []


def _walk(element: HtmlElement) -> Iterator[str]:
    """A leaf block gives its text; a block of blocks gives each child's, with any loose text
    between them as blocks of their own; a table row of plain cells is one line."""
    if element.tag in _ROWS and not any(_has_blocks(cell) for cell in element):
        yield " | ".join(cell for cell in map(_inline_text, element) if cell)
        return
    if not _has_blocks(element):
        yield _inline_text(element)
        return
    yield _squash(element.text or "")
    for child in element:
        if child.tag in _BLOCKS:
            yield from _walk(child)
        else:
            yield _inline_text(child)
        yield _squash(child.tail or "")


def _has_blocks(element: HtmlElement) -> bool:
    return any(child.tag in _BLOCKS for child in element.iter() if child is not element)


def _inline_text(element: HtmlElement) -> str:
    """Text of an inline run; a line break stays one, and two in a row (the old way of
    writing paragraphs) make a blank line, that is a paragraph break."""
    return _squash("".join(_inline_parts(element)))


def _inline_parts(element: HtmlElement) -> Iterator[str]:
    yield element.text or ""
    for child in element:
        if child.tag in _LINE_BREAKS:
            yield "\n"
        else:
            yield from _inline_parts(child)
        yield child.tail or ""


def _squash(text: str) -> str:
    """Runs of spaces to one, lines trimmed, blank lines kept as one paragraph break."""
    paragraphs = _BLANK_LINES.split(text)
    squashed = (
        "\n".join(line for line in map(_trim, paragraph.split("\n")) if line)
        for paragraph in paragraphs
    )
    return "\n\n".join(paragraph for paragraph in squashed if paragraph)


def _trim(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def headline_first(blocks: list[str], title: str) -> list[str]:
    """The headline opens the text, as it opens an article block: the line models learned from
    such text, and read a lede that opens the text as a page's first line, chrome (out of fold
    over web-dev's saved pages: benchmarks/html_folds.py). Its repeat among the opening blocks
    goes (the block's first line when a date or kicker shares it); the rules take the headline
    from the facts, and its line leaves the body."""
    if not title:
        return blocks
    for index, block in enumerate(blocks[:_HEADLINE_SEARCH_BLOCKS]):
        lines = block.split("\n")
        if same_words(lines[0], title):
            rest = "\n".join(lines[1:])
            blocks = blocks[:index] + ([rest] if rest else []) + blocks[index + 1 :]
            break
    return [title, *blocks]
