"""Article -> Markdown page: YAML front matter (PyYAML, never templates) and an escaped body."""

from __future__ import annotations

import re
import sys
from typing import Any

import yaml

from converter.markup import escape_markdown
from converter.model import Article
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
    matter["media"] = [
        {
            "kind": video.kind,
            "caption": video.caption,
            "duration": video.duration,
            "description": video.description,
            "source": video.source,
        }
        for video in article.media
    ]
    matter["words"] = article.words
    return matter


def dump_front_matter(matter: dict[str, Any]) -> str:
    """Safe, stable YAML: unicode kept, one line per value, keys in the order given."""
    return yaml.dump(
        matter,
        Dumper=_FrontMatterDumper,
        allow_unicode=True,
        sort_keys=False,
        width=sys.maxsize,
        default_flow_style=False,
    )


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
