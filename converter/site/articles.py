"""Article pages as the site sees them: a page's front matter -> ArticleMeta, and their order.

Tolerant where a field is optional (a hand-edited page may hold anything: lists of numbers, a
string where a list belongs, dates that are no dates), strict only on the title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from converter.frontmatter import FrontMatterError, parse_header
from converter.model import Image, Video
from converter.site.model import ACTOR_FIELDS, ArticleMeta
from converter.write import ARTICLES_DIR

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_article(src_uri: str) -> bool:
    """Article pages are the Markdown files the converter writes under `articles/`."""
    return src_uri.startswith(f"{ARTICLES_DIR}/") and src_uri.endswith(".md")


def parse_article(src_uri: str, url: str, header: str) -> ArticleMeta:
    """Front matter text -> ArticleMeta; raises FrontMatterError when there is no title."""
    return article_meta(src_uri, url, parse_header(header))


def article_meta(src_uri: str, url: str, meta: Mapping[str, object]) -> ArticleMeta:
    """Parsed front matter -> ArticleMeta; raises FrontMatterError when there is no title."""
    title = _text(meta.get("title"))
    if not title:
        raise FrontMatterError("front matter has no title")
    people, organisations, places = (_names(meta.get(field)) for field, _ in ACTOR_FIELDS)
    return ArticleMeta(
        src_uri=src_uri,
        url=url,
        title=title,
        source=_text(meta.get("source")),
        description=_text(meta.get("description")),
        date=_iso_date(meta.get("date")),
        dateline=_text(meta.get("dateline")),
        authors=_names(meta.get("authors")),
        publisher=_text(meta.get("publisher")),
        actors=_unique((*_names(meta.get("actors")), *people, *organisations, *places)),
        people=people,
        organisations=organisations,
        places=places,
        topics=_names(meta.get("topics")),
        videos=_videos(meta.get("media")),
        images=_images(meta.get("media")),
    )


def latest_first(articles: Iterable[ArticleMeta]) -> tuple[ArticleMeta, ...]:
    """Dated articles newest first, then undated ones; ties in title order, then by path."""
    by_title = sorted(articles, key=lambda a: (a.title.casefold(), a.title, a.src_uri))
    # Python's sort is stable, also in reverse: equal dates keep title order.
    return tuple(sorted(by_title, key=lambda a: a.date, reverse=True))


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _iso_date(value: object) -> str:
    """A calendar date as YYYY-MM-DD, or '' when absent or not a real date."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = _text(value)
    if not _ISO_DATE.fullmatch(text):
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return ""


def _names(value: object) -> tuple[str, ...]:
    """A front-matter list of names, cleaned: strings only, stripped, no blanks or repeats."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return _unique(_text(item) for item in value if isinstance(item, str | int | float))


def _web_address(value: object) -> str:
    """A media address as a link may carry it: http(s) only (front matter may be edited)."""
    address = _text(value)
    return address if address.startswith(("https://", "http://")) else ""


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for name in names if name))


def _videos(value: object) -> tuple[Video, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        Video(
            caption=_text(item.get("caption")),
            duration=_text(item.get("duration")),
            description=_text(item.get("description")),
            source=_text(item.get("source")),
            url=_web_address(item.get("url")),
        )
        for item in value
        if isinstance(item, dict) and item.get("kind", "video") == "video"
    )


def _images(value: object) -> tuple[Image, ...]:
    """The images of the media that have a web address, in order: the lead image first."""
    if not isinstance(value, list):
        return ()
    images = (
        Image(url=_web_address(item.get("url")), caption=_text(item.get("caption")))
        for item in value
        if isinstance(item, dict) and item.get("kind") == "image"
    )
    return tuple(image for image in images if image.url)
