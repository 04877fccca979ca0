"""Who published a page and who wrote and supplied its story: the site (publisher), the byline's
names (authors), a wire agency or partner the markup credits (source)."""

from __future__ import annotations

from collections.abc import Iterator

from lxml.html import HtmlElement

from converter.language import load_language
from converter.page.markup import contains, json_ld_names, squash, words_of
from converter.page.site import clean_name, copyright_lines, is_name, is_site_name
from converter.page.title import TITLE_SEPARATORS

# Meta tags that name the story's supplier (a wire agency, a partner outlet), not the site.
_SOURCE_META = (
    '//meta[translate(@name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")'
    ' = "source" or translate(@name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")'
    ' = "dc.source" or translate(@name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ",'
    ' "abcdefghijklmnopqrstuvwxyz") = "dcterms.source" or translate(@name,'
    ' "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz") = "dcsext.contentprovider"]'
    "/@content"
)
_MIN_NAME_WORDS = 2
_MAX_NAME_PARTS = 5
_JOINING_WORDS = frozenset({"and"})
"""Lower case words a credited name may hold besides a name's particles ('Marshall and Sons')."""
_NOT_NAME_WORDS = frozenset(
    {"name", "profile", "view", "author", "authors", "writer", "staff", "editor", "reporter"}
    | {"correspondent", "contributor", "columnist", "posted", "by", "meet", "about", "comments"}
    | {"comment", "share", "email", "follow", "more", "admin", "guest", "anonymous", "user"}
    | {"updated", "published", "read", "bio"}
)


def publisher(
    tree: HtmlElement, declared: str, title: str, sites: tuple[str, ...], host: str
) -> str:
    """The site: its declared name, else the part of the page's title that is not the
    headline (a site's name when one is known), its copyright line, the host it came from."""
    if declared:
        return declared
    element = next(tree.iter("title"), None)
    if element is not None:
        parts = TITLE_SEPARATORS.split(squash(element.text_content()))
        headline = words_of(title)
        rest = [part for part in parts if not contains(headline, words_of(part))]
        if len(rest) < len(parts):
            named = [part for part in rest if is_site_name(part, sites) and is_name(part)]
            ends = [part for part in (rest[:1] + rest[-1:]) if is_name(part)]
            if named or ends:
                return (named or ends)[-1]
    for line in copyright_lines(tree):
        name = clean_name(line)
        if name:
            return name
    return host.removeprefix("www.")


def authors(byline: str) -> Iterator[str]:
    """The names trafilatura found (joined with '; ') that read as a person's or an agency's
    name, not a label of the byline box ('View Profile', 'Staff Writer', 'Name')."""
    seen: set[str] = set()
    for name in byline.split(";"):
        name = squash(name)
        if _reads_as_name(name) and name.casefold() not in seen:
            seen.add(name.casefold())
            yield name


def _reads_as_name(name: str) -> bool:
    """Two to five capitalised words (particles such as 'van' or 'de' aside), no digits, no
    word of a byline's labels."""
    words = name.split()
    particles = load_language().name_particles | _JOINING_WORDS
    return (
        _MIN_NAME_WORDS <= len(words) <= _MAX_NAME_PARTS
        and not any(char.isdigit() for char in name)
        and all(word[0].isupper() or word in particles for word in words)
        and not any(word.casefold().strip(".,") in _NOT_NAME_WORDS for word in words)
    )


def source(tree: HtmlElement) -> str:
    """A supplier the markup names (meta source, JSON-LD sourceOrganization), not a link."""
    names = [str(value) for value in tree.xpath(_SOURCE_META)]
    names += list(json_ld_names(tree, "sourceOrganization"))
    for name in names:
        name = squash(name)
        if is_name(name) and "/" not in name and "." not in name.split()[0]:
            return name
    return ""
