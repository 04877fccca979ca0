"""Article text -> Markdown that renders back to exactly that text, never to markup."""

from __future__ import annotations

import re

# Characters Python-Markdown (with MkDocs' always-on tables/fenced_code) can read as syntax
# anywhere in a line; each is in its ESCAPED_CHARS, so a backslash escape is lossless.
_ANYWHERE = re.compile(r"([\\`*_\[\]{}|#])")
# Block markers that only mean something at the start of a line.
_LINE_START = re.compile(r"^([-+]|\d+(?=[.)]))")
_ENTITY_AT_START = {"=": "&#61;", "~": "&#126;"}


def escape_markdown(text: str) -> str:
    """Escape what Markdown could read as syntax; HTML-significant characters become entities.

    Whitespace is collapsed: a paragraph is one line, so indentation can never make code."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _ANYWHERE.sub(r"\\\1", text)
    if text[:1] in _ENTITY_AT_START:
        return _ENTITY_AT_START[text[0]] + text[1:]
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    marker = match.group(1)
    return marker + "\\" if marker[0].isdigit() else "\\" + marker
