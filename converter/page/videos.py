"""The videos a saved page's article embeds: players (an <iframe>, <embed> or <object> of a video
host, data/video_players.yaml, or of a host not listed whose address names a video and a
player) and <video> elements, and the videos its structured data gives
(JSON-LD or microdata VideoObject: a title, a duration, a description; Open Graph's og:video).
trafilatura drops them with the markup; kept as metadata, they are the page's media, as a text
seed's video blocks are.

A player counts when it stands in the article's span of the page (page/region.py: from its
opening to its close, and just beside them, 'Watch the video below:'); a sidebar's or a
footer's player is not the story's. A VideoObject counts when it stands there too, or when the
page gives it as its article's video, as an og:video does."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain, islice
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from converter.data import load_yaml
from converter.model import Video
from converter.page.markup import (
    ASCII_WORD,
    json_ld_documents,
    own_objects,
    property_values,
    squash,
    web_address,
)
from converter.page.region import ArticleSpan, article_span, page_body

VIDEO_PLAYERS_FILE = "video_players.yaml"
MAX_VIDEOS = 20
"""A page embedding more is a gallery of players or hostile; the first ones are kept."""
MAX_DESCRIPTION = 1000
EMBEDS = ("iframe", "embed", "object", "video")
_LAZY_SOURCES = ("src", "data-src", "data-lazy-src", "data-original")
_SCHEMELESS = re.compile(r"^(?:https?:)?//(?:www\.|m\.)?", re.IGNORECASE)
_ISO_DURATION = re.compile(
    r"^P(?:(?P<days>\d+)D)?T?(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)(?:\.\d+)?S)?$",
    re.IGNORECASE,
)
_OWN_VIDEO_KEYS = frozenset({"video", "associatedMedia", "mainEntity", "@graph"})
_OPEN_GRAPH_VIDEO = ("og:video", "og:video:url", "og:video:secure_url")
_VIDEO_FILES = (".mp4", ".m4v", ".webm", ".mov", ".ogv", ".m3u8")


@dataclass(frozen=True, slots=True)
class Players:
    addresses: tuple[re.Pattern[str], ...]
    """A player's address; a group named `id` captures its video's id, where it has one."""
    generic_title: re.Pattern[str]
    video_words: frozenset[str]
    player_words: frozenset[str]
    refused_words: frozenset[str]
    """An unlisted player's address names a video and a player, and none of these."""


@cache
def players() -> Players:
    document = load_yaml(VIDEO_PLAYERS_FILE)
    unlisted = document["unlisted_players"]
    return Players(
        tuple(re.compile(pattern, re.IGNORECASE) for pattern in document["players"]),
        re.compile("|".join(document["generic_titles"]), re.IGNORECASE),
        frozenset(unlisted["video_words"]),
        frozenset(unlisted["player_words"]),
        frozenset(unlisted["refused_words"]),
    )


def embedded_videos(tree: HtmlElement, article: str) -> tuple[Video, ...]:
    """The article's videos in page order, each once, then those only its structured data
    declares; `article` is the main text, blocks separated by blank lines."""
    body = page_body(tree)
    objects = [node for node in body.xpath(".//*[@itemtype]") if _is_video_object(node)]
    addresses = {node: address for node in body.iter(*EMBEDS) if (address := embed_address(node))}
    placed: list[Video] = []
    if objects or addresses:  # the article's place is sought only on a page with a video in it
        span = article_span(body, article)
        placed = _placed_videos(span, addresses, set(objects)) if span else []
    declared = islice(
        chain(_json_ld_videos(tree), _own_microdata_videos(objects), _open_graph_videos(tree)),
        MAX_VIDEOS,
    )
    found: dict[str, Video] = {}
    for video in placed:
        found.setdefault(video_key(video.url), video)
    for video in declared:
        key = video_key(video.url)
        found[key] = _described(found[key], video) if key in found else video
    return tuple(found.values())[:MAX_VIDEOS]


def _described(video: Video, facts: Video) -> Video:
    """A player's video with what the page's structured data says of it."""
    return Video(
        caption=facts.caption or video.caption,
        duration=facts.duration or video.duration,
        description=facts.description or video.description,
        source=facts.source or video.source,
        url=video.url,
    )


def _placed_videos(
    span: ArticleSpan, addresses: dict[HtmlElement, str], video_objects: set[HtmlElement]
) -> list[Video]:
    """The players and <video>s (`addresses`) in the article's span, each described by the
    microdata VideoObject it stands in, if any; such an object with no player is a video of its
    own."""
    page, first, last = span.page, span.first, span.last
    player_orders = [order for order in range(first, last + 1) if page.nodes[order] in addresses]
    videos: list[Video] = []
    objects: list[tuple[int, Video]] = []  # (last node, facts) of the objects open here
    for order in range(first, last + 1):
        if len(videos) >= MAX_VIDEOS:
            break
        node = page.nodes[order]
        objects = [(end, facts) for end, facts in objects if end >= order]
        if node in video_objects:
            facts = _microdata_video(node)
            inside = bisect_left(player_orders, order)
            if inside < len(player_orders) and player_orders[inside] <= page.ends[order]:
                objects.append((page.ends[order], facts))  # it describes the player(s) in it
            elif facts.url:
                videos.append(facts)
        elif node in addresses:
            video = Video(_title(node), duration="", description="", source="", url=addresses[node])
            videos.append(_described(video, objects[-1][1]) if objects else video)
    return videos


def embed_address(node: HtmlElement) -> str:
    """A video's address: a <video>'s own source, or a player's address (a known player's, or
    one whose address reads as a video player's)."""
    if node.tag == "video":
        sources = [node.get("src"), *(source.get("src") for source in node.iter("source"))]
        return next(filter(None, map(web_address, sources)), "")
    if node.tag == "object":
        names = ("movie", "src")
        candidates = [node.get("data")]
        candidates += [param.get("value") for param in node.iter("param")
                       if (param.get("name") or "").casefold() in names]  # fmt: skip
    else:
        candidates = [node.get(name) for name in _LAZY_SOURCES]
    for address in map(web_address, candidates):
        if address and (_player(address) is not None or _unlisted_player(address)):
            return address
    return ""


def _player(address: str) -> re.Match[str] | None:
    bare = _SCHEMELESS.sub("", address)
    return next(filter(None, (pattern.match(bare) for pattern in players().addresses)), None)


def _unlisted_player(address: str) -> bool:
    """A host not listed whose address's words (host and path, not the query) name a video
    and a player or embed, and no ad or widget."""
    parts = urlsplit(address)
    words = set(ASCII_WORD.findall(f"{parts.hostname or ''}/{parts.path}".casefold()))
    known = players()
    return (
        not known.video_words.isdisjoint(words)
        and not known.player_words.isdisjoint(words)
        and known.refused_words.isdisjoint(words)
    )


def _title(node: HtmlElement) -> str:
    """What the player calls its video, unless that names only the player ('YouTube video
    player')."""
    title = squash(node.get("title") or node.get("aria-label") or "")
    return "" if players().generic_title.match(title) else title


def video_key(address: str) -> str:
    """One video under several addresses (a player's embed and its page, an <object> and its
    <embed>, http and https) is one: its id at a known player, else its address."""
    match = _player(address)
    if match is not None and "id" in match.groupdict() and match.group("id"):
        return f"id:{match.group('id')}"
    return _SCHEMELESS.sub("", address).split("#")[0].rstrip("/").casefold()


def _open_graph_videos(tree: HtmlElement) -> Iterator[Video]:
    """The page's own video as its Open Graph tags give it (og:video, og:video:secure_url), when
    the address is a known player's or a video file's: older pages name a Flash player there."""
    for address in map(web_address, property_values(tree, _OPEN_GRAPH_VIDEO)):
        path = urlsplit(address).path.casefold() if address else ""
        if address and (_player(address) or path.endswith(_VIDEO_FILES)):
            yield Video(caption="", duration="", description="", source="", url=address)


def _json_ld_videos(tree: HtmlElement) -> Iterator[Video]:
    """The page's own VideoObjects in its JSON-LD: at the top of a document or its graph, or an
    article's video."""
    for data in json_ld_documents(tree):
        for item in own_objects(data, _OWN_VIDEO_KEYS):
            kinds = item.get("@type")
            if "VideoObject" in (kinds if isinstance(kinds, list) else [kinds]):
                video = _video(lambda name, item=item: _string(item.get(name)))
                if video.url:
                    yield video


def _is_video_object(node: HtmlElement) -> bool:
    return any(kind.endswith("/VideoObject") for kind in (node.get("itemtype") or "").split())


def _own_microdata_videos(objects: list[HtmlElement]) -> Iterator[Video]:
    """Microdata VideoObjects the page gives as its article's video, wherever they stand."""
    for node in objects:
        if (node.get("itemprop") or "") in _OWN_VIDEO_KEYS:
            video = _microdata_video(node)
            if video.url:
                yield video


def _microdata_video(node: HtmlElement) -> Video:
    """A microdata VideoObject's properties, not those of an object inside it (a thumbnail's
    url): the walk does not enter a nested item, so each element is read for one item only."""
    values: dict[str, str] = {}
    stack = list(reversed(node))
    while stack:
        inner = stack.pop()
        if not isinstance(inner.tag, str):
            continue
        name = (inner.get("itemprop") or "").casefold()
        if name and name not in values:
            values[name] = inner.get("content") or inner.get("href") or inner.get("src") or ""
        if inner.get("itemscope") is None:
            stack.extend(reversed(inner))
    return _video(lambda name: values.get(name.casefold(), ""))


def _video(value: Callable[[str], str]) -> Video:
    """A VideoObject's facts, given how to read one of its properties."""
    addresses = (web_address(value(name)) for name in ("embedUrl", "contentUrl", "url"))
    return Video(
        caption=squash(value("name")),
        duration=_duration(value("duration")),
        description=squash(value("description"))[:MAX_DESCRIPTION],
        source="",
        url=next(filter(None, addresses), ""),
    )


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""


def _duration(value: str) -> str:
    """ISO 8601 'PT1M30S' -> '1:30', as a text seed's video block shows it."""
    match = _ISO_DURATION.match(value.strip())
    if not match or not any(match.groupdict().values()):
        return ""
    parts = {name: int(number or 0) for name, number in match.groupdict().items()}
    hours = parts["days"] * 24 + parts["hours"]
    if hours:
        return f"{hours}:{parts['minutes']:02d}:{parts['seconds']:02d}"
    return f"{parts['minutes']}:{parts['seconds']:02d}"
