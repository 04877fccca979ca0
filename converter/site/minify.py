"""Pages as written to disk: without the theme's indentation, a sixth of a page.

Material's templates indent every line. In HTML a line break and the spaces after it show as the
one space the line break alone shows, so the spaces go, except inside <pre> and <textarea>, where
whitespace is content. A full minifier was measured too (minify-html 0.18.1, 2,000 articles, one
run): 5% smaller pages again (quotes, optional tags), at six times the time, 3 ms a page against
0.5 ms, which at 20,000 articles is most of what the build may take over a bare MkDocs build.
"""

from __future__ import annotations

import re

INDENT = re.compile(r"\n\s+")
WHITESPACE_KEPT = re.compile(r"(<(pre|textarea)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)


def minified_page(html: str) -> str:
    """The page without the indentation of its lines (and without blank lines)."""
    if WHITESPACE_KEPT.search(html) is None:  # most pages: one fast pass
        return INDENT.sub("\n", html)
    parts = WHITESPACE_KEPT.split(html)  # text, kept block, its tag name, text, ...
    return "".join(
        INDENT.sub("\n", part) if index % 3 == 0 else part if index % 3 == 1 else ""
        for index, part in enumerate(parts)
    )
