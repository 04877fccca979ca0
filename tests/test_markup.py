"""Escaped text must render, through the Markdown MkDocs uses, back to exactly the text."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from helpers import GOLDEN, SITE_ARTICLES, mkdocs_extensions
from markdown_it import MarkdownIt

from converter.frontmatter import split_page
from converter.markup import escape_markdown

MKDOCS_EXTENSIONS = mkdocs_extensions()


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


def test_escaping_grows_linearly_with_the_text():
    """Counted, not timed: every character of the input gives a bounded number of output
    characters, so a megabyte cannot turn into a quadratic amount of work."""
    unit = "<b>#*_`[x]{{y}}|&"
    small, large = escape_markdown(unit * 1_000), escape_markdown(unit * 60_000)
    assert len(large) == 60 * len(small) <= 8 * len(unit * 60_000)


# ---- whole pages: CommonMark (GitHub) and Python-Markdown (MkDocs) show the same text ----------

# GitHub renders the committed docs/articles/*.md as GFM: CommonMark with tables and
# strikethrough. MkDocs renders them with Python-Markdown and the site's extensions.
GITHUB = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# What the converter writes in a body: paragraphs and `## ` crossheads (toc gives them an id).
PAGE_TAGS = frozenset({"p", "h2"})


class _Rendered(HTMLParser):
    """The visible text of a rendered body, and every tag and attribute in it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: set[str] = set()
        self.attributes: set[tuple[str, str]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update((tag, name) for name, _ in attrs)
        self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.text.append(" ")

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.add("<!--")


def rendered(html_text: str) -> _Rendered:
    parser = _Rendered()
    parser.feed(html_text)
    parser.close()
    return parser


def both_renderings_agree(page: Path) -> list[str]:
    """What is wrong with a page's body as GitHub and as MkDocs show it; [] when nothing."""
    _, body = split_page(page.read_text("utf-8"))
    github = rendered(GITHUB.render(body))
    mkdocs = rendered(markdown.Markdown(extensions=MKDOCS_EXTENSIONS).convert(body))
    problems = []
    for name, shown in (("CommonMark", github), ("Python-Markdown", mkdocs)):
        if not shown.tags <= PAGE_TAGS:
            problems.append(f"{page.name}: {name} made {sorted(shown.tags - PAGE_TAGS)}")
        if not shown.attributes <= {("h2", "id")}:
            problems.append(f"{page.name}: {name} made attributes {sorted(shown.attributes)}")
    if " ".join("".join(github.text).split()) != " ".join("".join(mkdocs.text).split()):
        problems.append(f"{page.name}: CommonMark and Python-Markdown show different text")
    return problems


@pytest.mark.parametrize(
    "page",
    [*sorted(GOLDEN.glob("*.md")), *sorted(SITE_ARTICLES.glob("*.md"))],
    ids=lambda page: page.name,
)
def test_a_golden_page_reads_the_same_on_github_and_on_the_site(page: Path):
    assert both_renderings_agree(page) == []


def test_every_hostile_page_reads_the_same_on_github_and_on_the_site(hostile_conversion):
    pages = sorted((hostile_conversion.docs_dir / "articles").glob("*.md"))
    assert len(pages) >= 30
    assert [problem for page in pages for problem in both_renderings_agree(page)] == []


def test_the_comparison_sees_live_markup_and_lost_text(tmp_path: Path):
    """The check itself can fail: raw HTML and emphasis are caught, as is text one side drops."""
    page = tmp_path / "a.md"
    page.write_text("---\ntitle: A\n---\n\nA <b>bold</b> *move*.\n", "utf-8")
    assert any("made ['b', 'em']" in problem for problem in both_renderings_agree(page))
    page.write_text("---\ntitle: A\n---\n\nA \\~ is escaped for one of them only.\n", "utf-8")
    assert any("different text" in problem for problem in both_renderings_agree(page))
