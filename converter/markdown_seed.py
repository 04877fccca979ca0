"""A Markdown seed -> RawSeed: the page a Markdown scraper or web clipper wrote, read as the
saved page it stands for.

Scrapers for language models and note-taking clippers save a page as Markdown: its links as
`[text](url)`, images as `![alt](src)`, headings as `#`, often under a YAML front matter block
with the title, author, date, address and site. Read as plain text, that syntax would become the
article's words. Rendered to HTML by markdown-it-py (CommonMark, with tables) and headed by the
front matter as the meta tags a page carries, it goes the saved-page way (converter/html.py):
the main text by trafilatura, the facts from the markup, then the same rules as any seed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from functools import cache

import lxml.html
import yaml
from lxml.etree import LxmlError
from markdown_it import MarkdownIt
from markdown_it.token import Token

from converter.errors import NoArticleTextError
from converter.model import RawSeed

MARKDOWN_SUFFIXES = (".md", ".markdown")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_READER_FIELD = re.compile(r"([A-Z][A-Za-z]{0,20}(?: [A-Z][A-Za-z]{0,20}){0,3}): ?([^\n]{0,2000})")
_READER_HEADER = re.compile(
    rf"\A\s*((?:{_READER_FIELD.pattern}\n\s*){{1,12}})Markdown Content:[ \t]*(?:\n|\Z)"
)
MAX_FRONT_MATTER_CHARS = 20_000
"""A clipper's header is a few lines; a longer one is not front matter (or is hostile)."""
_LINK_TARGET = re.compile(r"\]\((?:https?:|/|#|mailto:)[^)\s]{0,2000}(?:\s+\"[^\"\n]{0,500}\")?\)")
_LINK_TEXT_CHARS = 500
FACTS_MARKDOWN_CHARS = 100_000
"""The facts a page's markup gives (headline, byline, date) sit in its head and its opening:
the saved-page facts read only this much of the Markdown, which bounds their work on a huge
seed (markdown-it-py and the facts take seconds a megabyte on hostile input)."""
SNIFF_CHARS = 20_000
"""A seed's opening is enough to tell Markdown, and reading only it bounds the work on a
hostile seed (a line of a million `[`)."""
MIN_LINKS = 3
MIN_LINK_LINE_SHARE = 0.05
"""A text seed holds Markdown when at least this many of its lines, and this share of them,
carry a Markdown link or image: a browser's copy shows link texts, never their addresses."""

LAYOUT_CELL_CHARS = 200
"""A table cell this long is a layout table's block (a converter flattens a page laid out in
tables into one), not a data cell: each such row's cells become lines of their own."""
_LINE_BREAK, _BLANK_LINE = 1, 2
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_DELIMITER = re.compile(r"\s*:?-+:?\s*")
_INLINE_TEXT = frozenset({"text", "code_inline"})
_INLINE_BREAKS = {"softbreak": " ", "hardbreak": "\n"}
_INLINE_MARKS = re.compile(r"[\\`*_\[\]<>&!~]")
_NO_VALUE = frozenset({"", "none", "null", "n/a", "unknown"})
"""What a scraper writes for a field it did not find."""
_HIDDEN = ("script", "style", "noscript", "template")

# Front matter keys, as clippers and scrapers name them -> the meta tag a page would carry.
_TITLE_KEYS = ("title", "headline")
_AUTHOR_KEYS = ("author", "authors", "byline", "creator")
_DATE_KEYS = ("date", "published", "published_time", "date_published", "datepublished")
_SITE_KEYS = ("sitename", "site_name", "site", "publisher")
_URL_KEYS = ("url", "source", "link", "canonical", "source_url", "url_source")
_IMAGE_KEYS = ("image", "cover", "cover_image", "banner", "featured_image", "og_image", "thumbnail")


def is_markdown_name(name: str) -> bool:
    """A Markdown seed is told by its file name: `.md` or `.markdown`, in any case."""
    return name.casefold().endswith(MARKDOWN_SUFFIXES)


def reads_as_markdown(text: str) -> bool:
    """A text seed that is Markdown all the same: front matter with a title, or links written
    as Markdown on enough of its lines."""
    header = _front_matter(text)[0]
    if any(isinstance(header.get(key), str) for key in _TITLE_KEYS):
        return True
    lines = [line for line in text[:SNIFF_CHARS].split("\n") if line.strip()]
    links = sum(1 for line in lines if _has_link(line))
    return links >= MIN_LINKS and links >= MIN_LINK_LINE_SHARE * len(lines)


def _has_link(line: str) -> bool:
    """A Markdown link or image with an address on the line: `](` with a `[` before it and an
    address after it, each bounded, so the work stays linear in the line."""
    at = line.find("](")
    while at != -1:
        opened = line.rfind("[", max(0, at - _LINK_TEXT_CHARS), at) != -1
        if opened and _LINK_TARGET.match(line, at):
            return True
        at = line.find("](", at + 2)
    return False


def read_markdown(stem: str, text: str) -> RawSeed:
    """Markdown text -> the seed the rules read: the text a browser shows of it, and the facts
    of the page it renders to, its front matter as the page's meta tags. When the front matter
    names a title, the headline is the facts' (the title and the headings weighed as for a
    saved page); else headings alone would decide it, and the text rules' ranker, which sees
    the lines around each, decides better. The text opens with it, as an article block does."""
    from converter.html import parse_page  # trafilatura takes 0.4 s to import: only if needed
    from converter.page.facts import page_facts

    header, body = _front_matter(text)
    tokens = _renderer().parse(body)
    shown = _shown(tokens, body)
    if not shown.strip():
        raise NoArticleTextError("no article text: the Markdown shows no text")
    head = _head(header) + _image_head(header, tokens)
    page = f"<html><head>{head}</head><body>{_opening(tokens, body)}</body></html>"
    facts = page_facts(parse_page(page), shown)
    if not _values(header, _TITLE_KEYS):
        return RawSeed(stem, shown, "markdown", replace(facts, title=""))
    return RawSeed(stem, f"{facts.title}\n\n{shown}", "markdown", facts)


def _opening(tokens: list[Token], body: str) -> str:
    """The HTML of the Markdown's first FACTS_MARKDOWN_CHARS: the tokens already parsed when
    the Markdown is no longer (as it nearly always is), else that much of it parsed again."""
    renderer = _renderer()
    if len(body) <= FACTS_MARKDOWN_CHARS:
        return renderer.renderer.render(tokens, renderer.options, {})
    return renderer.render(body[:FACTS_MARKDOWN_CHARS])


def _front_matter(text: str) -> tuple[Mapping[str, object], str]:
    """The YAML front matter, or a reader's header, as a mapping (empty when there is none or
    it does not parse as one) and the Markdown after it."""
    match = _FRONT_MATTER.match(text)
    if not match or len(match.group(1)) > MAX_FRONT_MATTER_CHARS:
        return _reader_header(text)
    try:
        header = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(header, dict):
        return {}, text
    return {str(key).casefold(): value for key, value in header.items()}, text[match.end() :]


def _reader_header(text: str) -> tuple[Mapping[str, object], str]:
    """A reader service's header ('Title: ...', 'URL Source: ...', 'Published Time: ...', then
    'Markdown Content:', as Jina Reader writes it) as a mapping of its fields, keyed as front
    matter is ('url_source'), and the Markdown after it; empty when the text has none."""
    match = _READER_HEADER.match(text)
    if not match:
        return {}, text
    fields = (_READER_FIELD.match(line) for line in match.group(1).split("\n") if line.strip())
    header = {
        "_".join(field.group(1).casefold().split()): field.group(2) for field in fields if field
    }
    return header, text[match.end() :]


def _head(header: Mapping[str, object]) -> str:
    """The front matter as the <head> of the page it describes."""
    tags: list[str] = []
    for value in _values(header, _TITLE_KEYS)[:1]:
        tags += [f"<title>{html.escape(value)}</title>", _meta("og:title", value)]
    tags += [_meta("author", value, attribute="name") for value in _values(header, _AUTHOR_KEYS)]
    tags += [_meta("article:published_time", value) for value in _values(header, _DATE_KEYS)[:1]]
    tags += [_meta("og:site_name", value) for value in _values(header, _SITE_KEYS)[:1]]
    for value in _values(header, _URL_KEYS):
        if value.startswith(("http://", "https://")):
            tags.append(f'<link rel="canonical" href="{html.escape(value)}">')
            break
    return "".join(tags)


def _image_head(header: Mapping[str, object], tokens: list[Token]) -> str:
    """The lead image as a page declares it (og:image): the front matter's, else the first
    image of the Markdown, as a clipper keeps the story's picture in its place."""
    declared = _values(header, _IMAGE_KEYS)
    if declared:
        return _meta("og:image", declared[0])
    inline = (child for token in tokens if token.type == "inline" for child in token.children or ())
    image = next((child for child in inline if child.type == "image"), None)
    if image is None:
        return ""
    return _meta("og:image", str(image.attrGet("src") or "")) + _meta("og:image:alt", image.content)


def _meta(key: str, value: str, attribute: str = "property") -> str:
    return f'<meta {attribute}="{key}" content="{html.escape(value)}">'


def _values(header: Mapping[str, object], keys: tuple[str, ...]) -> list[str]:
    """The header's text values under the first of `keys` it has (a list's items, a date as
    ISO 8601), each on one line."""
    for key in keys:
        if key in header:
            values = (" ".join(value.split()) for value in _texts(header[key]))
            return [value for value in values if value.casefold() not in _NO_VALUE]
    return []


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (date, datetime)):
        yield value.isoformat()
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (str, date, datetime)):
                yield from _texts(item)


@cache
def _renderer() -> MarkdownIt:
    """CommonMark with tables, raw HTML parsed as the page's own (it never reaches the output:
    only text comes out, escaped by the renderer)."""
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def shown_text(body: str) -> str:
    """What a browser's innerText gives of the rendered Markdown, the text the line models
    learned from: a blank line around each paragraph, a line break around a heading, list
    item, quote or table row; link texts without their addresses; no images; a data row's
    cells apart by a tab; raw HTML's text without its scripts and styles."""
    return _shown(_renderer().parse(body), body)


def _shown(tokens: list[Token], body: str) -> str:
    """shown_text over the tokens the Markdown `body` parsed to."""
    out = _ShownText()
    items = 0
    in_row = False
    source = body.split("\n")
    for token in tokens:
        kind = token.type
        items += (kind == "list_item_open") - (kind == "list_item_close")
        if kind in ("paragraph_open", "paragraph_close"):
            out.separate(_LINE_BREAK if token.hidden or items else _BLANK_LINE)
        elif kind == "tr_open":
            in_row = True
            start, end = token.map or (0, 0)
            out.row([_cell_text(cell) for line in source[start:end] for cell in _cells(line)])
        elif kind == "tr_close":
            in_row = False
        elif kind == "inline" and not in_row:
            out.emit(_inline_text(token.children or ()))
        elif kind in ("fence", "code_block"):
            out.separate(_BLANK_LINE)
            out.emit(token.content.rstrip("\n"))
            out.separate(_BLANK_LINE)
        elif kind == "html_block":
            out.separate(_LINE_BREAK)
            out.emit(_html_text(token.content))
            out.separate(_LINE_BREAK)
        else:  # headings, lists, quotes, tables, rules
            out.separate(_LINE_BREAK)
    return out.text()


class _ShownText:
    """The text being laid out, and the line breaks owed before the next text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.owed = 0

    def separate(self, breaks: int) -> None:
        self.owed = max(self.owed, breaks)

    def emit(self, text: str) -> None:
        if not text.strip():
            return
        if self.parts and self.owed:
            self.parts.append("\n" * self.owed)
        self.parts.append(text)
        self.owed = 0

    def row(self, cells: list[str]) -> None:
        filled = [cell for cell in cells if cell]
        self.separate(_LINE_BREAK)
        if any(len(cell) > LAYOUT_CELL_CHARS for cell in filled):
            for cell in filled:
                self.separate(_BLANK_LINE)
                self.emit(cell)
        else:
            self.emit("\t".join(filled))
        self.separate(_LINE_BREAK)

    def text(self) -> str:
        return "".join(self.parts)


def _cells(row: str) -> list[str]:
    """A table row's cells as its source writes them, every one: the parser drops the cells
    past the header's count, and a scraper that flattened a page's nested layout tables put
    the article in those."""
    cells = _CELL_BORDER.split(row.strip().strip("|"))
    return [cell for cell in cells if cell.strip() and not _DELIMITER.fullmatch(cell)]


def _cell_text(cell: str) -> str:
    """A cell's text as shown; a cell without a mark Markdown reads inline is its own text."""
    if not _INLINE_MARKS.search(cell):
        return " ".join(cell.split())
    tokens = _renderer().parseInline(cell.strip())
    return " ".join(_inline_text(tokens[0].children or ()).split()) if tokens else ""


def _inline_text(children: Sequence[Token]) -> str:
    """An inline run as shown: text and code, a soft break a space, a hard break a line
    break; link addresses, images and inline tags show nothing."""
    return "".join(
        child.content if child.type in _INLINE_TEXT else _INLINE_BREAKS[child.type]
        for child in children
        if child.type in _INLINE_TEXT or child.type in _INLINE_BREAKS
    )


def _html_text(markup: str) -> str:
    """A raw HTML block's text, without what a browser does not show."""
    try:
        fragment = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (LxmlError, ValueError):
        return ""
    for element in list(fragment.iter(*_HIDDEN)):
        element.drop_tree()
    return fragment.text_content().strip()
