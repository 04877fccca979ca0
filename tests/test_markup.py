"""Escaped text must render, through the Markdown MkDocs uses, back to exactly the text."""

import html
import re
import time

import markdown
import pytest

from converter.markup import escape_markdown

MKDOCS_EXTENSIONS = ["toc", "tables", "fenced_code"]


def rendered_text(source: str) -> str:
    converted = markdown.Markdown(extensions=MKDOCS_EXTENSIONS).convert(source)
    assert converted.count("<p>") == 1 and converted.startswith("<p>"), converted
    return html.unescape(re.sub(r"</?p>", "", converted))


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "# not a heading",
    "- not a list",
    "+ not a list",
    "* not a list",
    "1. not a list",
    "1996) not a list either",
    "---",
    "===",
    "> not a quote",
    "| a | b |",
    "```python",
    "~~~",
    "{{ config }} and {% raw %}",
    "a *b* _c_ `d` [e](f) ![g](h) <http://x.y>",
    "AT&T &amp; &copy; &#x41;",
    "back\\slash\\",
    "Title ## trailing hashes ##",
    "    indented code",
    "title: x",
    "!!python/object:os.system",
    "[[wiki]] links",
    "![](x.png)",
    "[TOC]",
    "<!-- a comment",
    "-->",
    '<div onclick="alert(1)">raw block</div>',
    "[^1] footnote and {: .class} and *[HTML]: abbr",
    "Term\n: definition",
    "|---|---|",
    "- [ ] task",
    "\\",
    "&#60;script&#62; &#x3C; &lt;",
    "1\\. escaped already",
    "    \t  \u00a0 spaces",
    "## crosshead ##",
    "${HOME} <%= x %> {# c #}",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_itself(text):
    assert rendered_text(escape_markdown(text)) == " ".join(text.split())


def test_ordinary_prose_stays_readable():
    text = "With Syria's cease-fire in shambles, the US and Russia (again) met."
    assert escape_markdown(text) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_crosshead_renders_as_itself(text):
    converted = markdown.Markdown(extensions=MKDOCS_EXTENSIONS).convert(
        "## " + escape_markdown(text)
    )
    assert converted.startswith("<h2") and converted.count("<") == 2, converted
    assert html.unescape(re.sub(r"</?h2[^>]*>", "", converted)) == " ".join(text.split())


def test_escaping_a_megabyte_is_quick():
    started = time.perf_counter()
    escape_markdown("<b>#*_`[x]{{y}}|&" * 60_000)
    assert time.perf_counter() - started < 2
