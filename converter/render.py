"""Article -> Markdown page: YAML front matter (PyYAML, never templates) and an escaped body."""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import Any

import yaml

from converter.markup import escape_markdown
from converter.model import Article, Image, Media
from converter.rules.article_language import DEFAULT_LANGUAGE

_FENCE = "---"
# Characters a YAML reader may take for a line break, or that only a double-quoted scalar can
# carry: such a value is written on one line, double-quoted, so no value ever spans lines and
# no line inside the front matter can read as its closing fence.
_NEEDS_DOUBLE_QUOTES = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\U0010ffff]")
# A lone surrogate cannot be written as UTF-8, and MkDocs' YAML reader (libyaml) rejects the
# escape for one, which would drop the whole front matter; it becomes U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")


class _FrontMatterDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, with every string kept on one line."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    text = _SURROGATE.sub("\ufffd", text)
    style = '"' if _NEEDS_DOUBLE_QUOTES.search(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_FrontMatterDumper.add_representer(str, _represent_text)


def front_matter(article: Article) -> dict[str, Any]:
    """The page's metadata, in a fixed key order; empty optional fields are left out."""
    matter: dict[str, Any] = {
        "title": article.title,
        "description": article.description,
        "source": article.source,
    }
    if article.publisher:
        matter["publisher"] = article.publisher
    if article.authors:
        matter["authors"] = list(article.authors)
    matter["seed"] = article.seed
    if len(article.seeds) > 1:
        matter["seeds"] = list(article.seeds)
    if article.date:
        matter["date"] = article.date
    if article.dateline:
        matter["dateline"] = article.dateline
    if article.language and article.language != DEFAULT_LANGUAGE:
        matter["language"] = article.language
    if article.format != "text":
        matter["format"] = article.format
    matter["actors"] = [actor.name for actor in article.actors]
    for key, kind in (("people", "person"), ("organisations", "organisation"), ("places", "place")):
        matter[key] = [actor.name for actor in article.actors if actor.kind == kind]
    matter["topics"] = [topic.name for topic in article.topics]
    matter["topic_codes"] = [topic.code for topic in article.topics]
    matter["media"] = [_media_matter(item) for item in article.media]
    matter["words"] = article.words
    return matter


def _media_matter(item: Media) -> dict[str, str]:
    """A video with every field its block had; an address and an image's caption only where
    there is one."""
    if isinstance(item, Image):
        matter = {"kind": item.kind, "url": item.url, "caption": item.caption}
        optional = ("caption",)
    else:
        matter = {
            "kind": item.kind,
            "caption": item.caption,
            "duration": item.duration,
            "description": item.description,
            "source": item.source,
            "url": item.url,
        }
        optional = ("url",)
    return {key: value for key, value in matter.items() if value or key not in optional}


def dump_yaml(data: object) -> str:
    """Safe, stable YAML: unicode kept, one line per value, keys in the order given."""
    return yaml.dump(
        data,
        Dumper=_FrontMatterDumper,
        allow_unicode=True,
        sort_keys=False,
        width=sys.maxsize,
        default_flow_style=False,
    )


_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
# What makes PyYAML quote a value in block context that the opening-character and
# special-character tests below do not catch: ": " or a closing ":", and " #".
_INDICATOR_INSIDE = re.compile(r": |:\Z| #")


_KNOWN_CHARS = 80
"""Keys, names, topics and codes come back page after page: the answer for a text this short
is kept (a few thousand of them), a longer one's is worked out each time."""


def _is_plain(text: str) -> bool:
    """True when PyYAML writes `text` as it is (a plain scalar); only sure cases, the rest go
    to PyYAML."""
    return _known_plain(text) if len(text) <= _KNOWN_CHARS else _plain(text)


def _plain(text: str) -> bool:
    """The test mirrors PyYAML's emitter: no indicator or space first (an alphanumeric first
    character), no space last, no indicator inside, no character that needs quotes, and not a
    word it would read back as another type ("yes", "null", "2019-01-01")."""
    return (
        text[:1].isalnum()
        and text[-1] != " "
        and _INDICATOR_INSIDE.search(text) is None
        and _NEEDS_DOUBLE_QUOTES.search(text) is None
        and _SURROGATE.search(text) is None
        and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG
    )


_known_plain = lru_cache(maxsize=4096)(_plain)


def _is_simple(value: object) -> bool:
    return isinstance(value, str | int) and not isinstance(value, bool)


def _scalar(value: str | int) -> str:
    """One text or number as PyYAML writes it in a block mapping or sequence."""
    if isinstance(value, int):
        return str(value)
    if _is_plain(value):
        return value
    return dump_yaml([value])[2:-1]  # "- <value>\n": the same style as in a mapping


def _is_plain_key(key: object) -> bool:
    return isinstance(key, str) and _is_plain(key)


def dump_front_matter(matter: dict[str, Any]) -> str:
    """`dump_yaml(matter)`, byte for byte, written directly for the front matter's shapes (text,
    numbers, lists of text or of flat mappings): PyYAML's emitter took a tenth of a seed's
    conversion outside the model. Any other shape goes to PyYAML whole."""
    if not matter:
        return dump_yaml(matter)
    lines = []
    for key, value in matter.items():
        if not _is_plain_key(key):
            return dump_yaml(matter)
        if _is_simple(value):
            lines.append(f"{key}: {_scalar(value)}")
        elif value == []:
            lines.append(f"{key}: []")
        elif isinstance(value, list):
            lines.append(f"{key}:")
            for item in value:
                if _is_simple(item):
                    lines.append(f"- {_scalar(item)}")
                elif (
                    isinstance(item, dict)
                    and item
                    and all(
                        _is_plain_key(name) and _is_simple(field) for name, field in item.items()
                    )
                ):
                    fields = [f"{name}: {_scalar(field)}" for name, field in item.items()]
                    lines.append("- " + "\n  ".join(fields))
                else:
                    return dump_yaml(matter)
        else:
            return dump_yaml(matter)
    return "\n".join(lines) + "\n"


def render_body(article: Article) -> str:
    """Paragraphs and `## ` crossheads, every character escaped so it stays text."""
    parts = []
    for block in article.blocks:
        text = escape_markdown(block.text)
        parts.append(f"## {text}" if block.kind == "crosshead" else text)
    return "\n\n".join(parts)


def render_page(article: Article) -> str:
    """The whole page as written to `docs/articles/<slug>.md`."""
    header = dump_front_matter(front_matter(article))
    return f"{_FENCE}\n{header}{_FENCE}\n\n{render_body(article)}\n"
