"""Reading a page's markup: meta tags, JSON-LD, the declared language, and the word forms the
page's texts are compared in (case, spacing and punctuation aside)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from lxml.html import HtmlElement

WORD = re.compile(r"\w+")
ASCII_WORD = re.compile(r"[a-z]+")
"""A word of a case-folded address, file name or class name: runs of letters, the digits and
marks between them ("large-logo2.png" -> large, logo, png)."""
_PROSE_WORDS = 12
_SENTENCE_END = re.compile(r"\w[.!?][\"'”’)]?(?:\s|$)")
MAX_ADDRESS = 2000
"""Longer addresses are a page's data or hostile, not a link to keep."""
_LANGUAGE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")


def language(tree: HtmlElement) -> str:
    """<html lang>, else a language meta tag, as a two-letter code: 'en-US' -> 'en'."""
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    candidates += tree.xpath('//meta[@http-equiv="content-language" or @name="language"'
                             ' or @property="og:locale"]/@content')  # fmt: skip
    for value in candidates:
        match = _LANGUAGE.match((value or "").strip().split(",")[0])
        if match:
            return match.group(1).lower()
    return ""


def meta_values(tree: HtmlElement, *names: str) -> Iterable[str]:
    for element in tree.iter("meta"):
        if (element.get("name") or "").casefold() in names and element.get("content"):
            yield squash(element.get("content") or "")


def property_values(tree: HtmlElement, names: tuple[str, ...]) -> Iterator[str]:
    """The content of each meta tag of one of `names` by its property, or its name: Open Graph
    and Twitter cards are written either way ('og:image', 'twitter:image')."""
    for element in tree.iter("meta"):
        name = (element.get("property") or element.get("name") or "").casefold()
        if name in names and element.get("content"):
            yield element.get("content") or ""


def json_ld_documents(tree: HtmlElement) -> Iterator[object]:
    """Each JSON-LD block of the page, parsed; one that is not JSON is passed over."""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            yield json.loads(str(script))
        except ValueError:
            continue


def own_objects(data: object, keys: frozenset[str], depth: int = 0) -> Iterator[dict]:
    """The objects at the top of a JSON-LD document, and those under `keys` (a graph, the
    page's main entity, its own media) of each."""
    if depth > 4:
        return
    for item in data if isinstance(data, list) else [data]:
        if isinstance(item, dict):
            yield item
            for key in keys & item.keys():
                yield from own_objects(item[key], keys, depth + 1)


def json_ld_names(tree: HtmlElement, key: str) -> Iterator[str]:
    for data in json_ld_documents(tree):
        for value in _values(data, key):
            name = value.get("name") if isinstance(value, dict) else value
            if isinstance(name, str):
                yield name


def _values(data: object, key: str, depth: int = 0) -> Iterator[object]:
    """Every value under `key` anywhere in a JSON-LD document (a graph nests them)."""
    if depth > 8:
        return
    if isinstance(data, dict):
        for name, value in data.items():
            if name == key:
                yield value
            yield from _values(value, key, depth + 1)
    elif isinstance(data, list):
        for value in data:
            yield from _values(value, key, depth + 1)


def same_words(text: str, other: str) -> bool:
    """The same words in the same order, whatever the case, spacing and punctuation."""
    return words_of(text) == words_of(other) and bool(words_of(text))


def holds_prose(block: str) -> bool:
    """Some words and a sentence's end: a menu or a list of links has neither."""
    return len(block.split()) >= _PROSE_WORDS and _SENTENCE_END.search(block) is not None


def squash(text: str) -> str:
    return " ".join(text.split())


def words_of(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def letters_of(text: str) -> str:
    return "".join(WORD.findall(text.casefold())).replace("_", "")


def contains(whole: list[str], part: list[str]) -> bool:
    size = len(part)
    return any(whole[start : start + size] == part for start in range(len(whole) - size + 1))


def starts_with(words: list[str], prefix: list[str]) -> bool:
    return bool(prefix) and words[: len(prefix)] == prefix


def ends_with(words: list[str], suffix: list[str]) -> bool:
    return bool(suffix) and words[-len(suffix) :] == suffix


def web_address(value: str | None) -> str:
    """An http(s) address as a link can carry it, or '' (javascript:, data:, blob:, spaces)."""
    value = (value or "").strip()
    if value.startswith("//"):
        value = "https:" + value
    if len(value) > MAX_ADDRESS or any(char.isspace() or char in '<>"\\' for char in value):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    return value if parts.scheme.casefold() in ("http", "https") and parts.hostname else ""
