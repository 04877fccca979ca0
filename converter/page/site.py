"""Every way a page names its site (og:site_name, JSON-LD, its home link's logo, a copyright
line, the host), and whether a text is that name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from converter.page.markup import json_ld_names, letters_of, meta_values, squash
from converter.rules.publisher import copyright_holder, has_copyright_mark

# Links to the site's own front page: their text or logo is the site's name.
_HOME_HREFS = frozenset({"/", "./", "index.html", "/index.html", "index.php", "/index.php"})
_SITE_NAME_SHARE = 0.5
"""'The Calgary Sun' is the site 'Calgary Sun', 'Planet-F1 News' the site planet-f1.com: the
one is most of the other; a headline that names the site ('Facebook buys Instagram') is not."""
_MAX_SITE_WORDS = 4
_MAX_SITE_NAME_WORDS = 6
"""A longer 'site name' is a tagline or the page's title put where the site's name goes."""
_NAV_LABELS = frozenset({"home", "homepage", "home page", "front page", "start", "main page"})
_MIN_SITE_CHARS = 4
_MIN_OWN_LINKS = 3
_OWN_LINK_SHARE = 0.3
"""A host this share of a page's links go to is its own; ads and shares spread over many."""
# An address in a part of the title ('globeandmail.com', '... from Planet-Rugby.com'): the site's.
HOST_IN_TEXT = re.compile(r"\b[\w-]+\.(?:com|net|org|co\.[a-z]{2}|[a-z]{2})\b", re.IGNORECASE)
# Words of a host name that say nothing of the site: www.example.co.uk -> "example".
_HOST_NOISE = frozenset({"www", "com", "co", "uk", "org", "net", "news", "online", "m"})
_YEARS = re.compile(r"\b(?:1[89]|20)\d\d\b|\bMM?[CLXVI]*\b")
_RIGHTS = re.compile(r"all rights reserved.*|tous droits réservés.*", re.IGNORECASE)
_MAX_NAME_WORDS = 8


def declared_site(tree: HtmlElement) -> str:
    """The site's name as its markup declares it: og:site_name, JSON-LD publisher, meta."""
    names = tree.xpath('//meta[@property="og:site_name" or @name="og:site_name"]/@content')
    names += list(json_ld_names(tree, "publisher"))
    names += list(meta_values(tree, "application-name", "publisher"))
    return next((name for name in map(clean_name, names) if name), "")


def own_host(tree: HtmlElement, url: str) -> str:
    """The host the page came from: its address's, else the one most of its text links go to
    (a saved page without a canonical link still links its own site's pages; an advert is a
    picture)."""
    host = urlsplit(url).hostname or ""
    if host:
        return host
    hosts = Counter(
        (urlsplit(href.strip()).hostname or "").removeprefix("www.")
        for href, text in ((link.get("href") or "", link.text_content()) for link in tree.iter("a"))
        if href.strip().startswith(("http://", "https://")) and text.strip()
    )
    hosts.pop("", None)
    if not hosts:
        return ""
    host, count = hosts.most_common(1)[0]
    return host if count >= _MIN_OWN_LINKS and count >= _OWN_LINK_SHARE * hosts.total() else ""


def site_names(tree: HtmlElement, declared: str, host: str) -> tuple[str, ...]:
    """Every way the page names its site: og:site_name and the like, its home link (a logo's
    text or picture), a <title> that is a label with nothing after it ('New Socialist:'), and
    the host's words."""
    names = [declared, *map(clean_name, copyright_lines(tree))]
    names += [
        squash(title[:-1])
        for title in (squash(e.text_content()) for e in tree.iter("title"))
        if title.endswith(":")
    ]
    names += [name.lstrip("@") for name in meta_values(tree, "twitter:site")]
    homes = _HOME_HREFS | (
        {f"http://{host}/", f"https://{host}/", f"http://{host}"} if host else set()
    )
    for link in tree.iter("a"):
        if (link.get("href") or "").strip() in homes:
            labels = [squash(link.text_content()), *map(squash, link.xpath(".//img/@alt"))]
            names += [label for label in labels if _is_home_label(label)]
    names += [word for word in host.split(".") if word not in _HOST_NOISE and len(word) >= 4]
    return tuple(name for name in names if name and len(name.split()) <= _MAX_SITE_NAME_WORDS)


def _is_home_label(label: str) -> bool:
    """A logo's name, not 'Home' and not the page's title set as every image's alt text."""
    return 0 < len(label.split()) <= _MAX_SITE_WORDS and label.casefold() not in _NAV_LABELS


def names_site(part: str, sites: tuple[str, ...]) -> bool:
    """A part of a page's title that is its site's: a known name, one holding an address, or
    one opening with the site's name ('Starpulse Entertainment News Blog')."""
    first = letters_of(part.split()[0]) if part.split() else ""
    return (
        is_site_name(part, sites)
        or HOST_IN_TEXT.search(part) is not None
        or any(len(first) >= _MIN_SITE_CHARS and first == letters_of(site) for site in sites)
    )


def is_site_name(text: str, sites: tuple[str, ...]) -> bool:
    """'Planet-F1 News' is the site of planet-f1.com; so is 'The Calgary Sun' of 'Calgary Sun'."""
    squashed = letters_of(text)
    if not squashed:
        return True
    for site in sites:
        name = letters_of(site)
        shorter, longer = sorted((name, squashed), key=len)
        if len(name) >= 4 and shorter in longer and len(shorter) >= _SITE_NAME_SHARE * len(longer):
            return True
    return False


def copyright_lines(tree: HtmlElement) -> Iterator[str]:
    yield from meta_values(tree, "copyright")
    for text in tree.xpath("//body//text()[contains(., '©') or contains(., 'opyright')]"):
        yield squash(str(text))


def clean_name(text: str) -> str:
    """A site's name as the markup gives it, cleaned; a copyright notice is read as the text
    rules read one ('© 2008 NY1 News. All rights reserved.' -> 'NY1 News'); a sentence is no
    name."""
    text = squash(text).lstrip("@")
    if has_copyright_mark(text):
        text = copyright_holder(text)
    text = _YEARS.sub("", _RIGHTS.sub("", text)).strip(" ,.;:-–|©")
    return text if is_name(text) else ""


def is_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _MAX_NAME_WORDS and any(char.isalpha() for char in text)
