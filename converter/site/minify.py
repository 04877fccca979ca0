"""Pages as written to disk: the theme's indented markup minified (a fifth of a page).

The body goes through minify-html. The head only loses its indentation: minify-html writes the
title and attribute values with their entities decoded ("<title><b>x</b>", valid HTML5 that a
browser reads as text, but markup to any simpler reader), and the head is where an article's
own words (title, description) sit in attributes and in the title.
"""

from __future__ import annotations

import re

import minify_html

BODY_START = "<body"
INDENT = re.compile(r"\n\s+")


def minified_page(html: str) -> str:
    """A page minified; closing tags stay, so a reader that is not a browser sees the same
    tree."""
    head, start, body = html.partition(BODY_START)
    if not start:
        return minify_html.minify(html, keep_closing_tags=True)
    return INDENT.sub("\n", head.strip()) + minify_html.minify(start + body, keep_closing_tags=True)
