"""Front matter: the YAML header between `---` fences at the top of a page.

The one reader of it, for every part that reads pages back: the site's model (whole headers of
20,000 pages in seconds) and the batch's scan of the pages on disk (one field of each). Both
read only as far as the closing fence, leaving the much longer body on disk.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from converter import fast_yaml

FENCE = "---"
# YAML's document end marker closes a header too (MkDocs' own reader accepts it).
_CLOSING = (FENCE, "...")


class FrontMatterError(ValueError):
    """A page whose header is missing, never closed, or not a YAML mapping."""


def header_lines(lines: Iterable[str]) -> Iterator[str]:
    """The lines between the opening fence and the closing one; reads no line after it."""
    lines = iter(lines)
    if next(lines, "").rstrip() != FENCE:
        raise FrontMatterError("no front matter: the page does not start with '---'")
    for line in lines:
        if line.rstrip() in _CLOSING:
            return
        yield line
    raise FrontMatterError("front matter is never closed with '---'")


def header_text(lines: Iterable[str]) -> str:
    """The YAML text of the header."""
    return "".join(header_lines(lines))


def read_header(path: str | Path) -> str:
    """A page's header text, read from disk without its body. Undecodable bytes become U+FFFD,
    so a damaged page reads as a damaged header, never as a crash."""
    with open(path, encoding="utf-8-sig", errors="replace") as page:
        return header_text(page)


def parse_header(text: str) -> dict[str, object]:
    """Header text -> its mapping, with libyaml's safe loader when present."""
    try:
        matter = fast_yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise FrontMatterError(f"front matter is not valid YAML: {error}") from error
    if not isinstance(matter, dict):
        raise FrontMatterError("front matter is not a mapping")
    return matter


def read_field(path: str | Path, key: str) -> str | None:
    """One top-level field of a page's header, parsed from its own line alone (cheap when
    scanning thousands of pages); None when the page has no header or no such field."""
    prefix = f"{key}:"
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as page:
            for line in header_lines(page):
                if line.startswith(prefix):
                    value = parse_header(line).get(key)
                    return None if value is None else str(value)
    except FrontMatterError:
        return None
    return None


def split_page(text: str) -> tuple[str, str]:
    """A page's text -> (header text, body); a page without a header is all body."""
    lines = io.StringIO(text).readlines()  # lines end at "\n" only, as when read from disk
    try:
        header = list(header_lines(lines))
    except FrontMatterError:
        return "", text
    return "".join(header), "".join(lines[len(header) + 2 :])
