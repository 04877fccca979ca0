"""What must hold for every input, over arbitrary text and bytes (hypothesis).

read -> rules -> render never raises anything but a named SeedError; the front matter always
parses (with MkDocs' own reader) back to exactly what went in; every paragraph and crosshead of
the body renders, through Python-Markdown with the extensions MkDocs uses, back to its text.
The NER model is left out to keep these fast (tests/test_hostile.py runs the whole pipeline);
benchmarks/fuzz.py runs the same checks over 10,000+ generated inputs.
"""

from __future__ import annotations

import html
import itertools
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import spacy
import yaml
from helpers import mkdocs_extensions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data
from spacy.language import Language

from converter.decode import decode
from converter.errors import SeedError
from converter.markup import escape_markdown
from converter.model import Article, Block, ParsedSeed, Video
from converter.pipeline import Converted, Job, Toolkit, convert_stream
from converter.read import clean_text, read_seed
from converter.render import front_matter, render_page
from converter.rules import parse_seed
from converter.settings import Settings
from converter.slugs import SLUG_PATTERN, assign_slugs, title_slug
from converter.write import page_path

EXAMPLES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


MARKDOWN = markdown.Markdown(extensions=mkdocs_extensions())

# ---- strategies ---------------------------------------------------------------------------

MARKUP = st.sampled_from(
    [
        "#", "##", "-", "+", "*", "_", "`", "```", "~~~", ">", "|", "1.", "2)", "---", "===",
        "    ", "\t", "<!--", "-->", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "<div>", "</div>", "<b>", "&amp;", "&#60;", "&copy;", "&", "<", "[[wiki]]", "![](x)",
        "[a](javascript:x)", "[TOC]", "{{ x }}", "{% y %}", "{: .c}", "[^1]", "\\", "<http://a.b>",
        "**", "__", "- [ ]", ":", "~~", "^", "=", "!", "[", "]", "(", ")", "{", "}",
    ]
)  # fmt: skip
YAMLISH = st.sampled_from(
    [
        "title: x", "- a", "&anchor", "*alias", "!!python/object/apply:os.system [\"ls\"]",
        "? key", "%YAML 1.1", "...", "---", "'", '"', "null", "yes", "~", "2016-09-21", "@", "`",
        "key: value # comment", "|", ">-", "!!binary", "<<: *a",
    ]
)  # fmt: skip
ODD_CHARACTERS = st.sampled_from(
    [
        "\x00", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\x9d", "\u00a0", "\u200b",
        "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\u2028", "\u2029", "\ufeff", "\ufffd",
        "\ufdd0", "\U0001fffe", "\r", "\r\n", "e\u0301", "👨‍👩‍👧", "🇬🇧", "שלום", "سلام", "中文",
        "â€™", "Ã©", "Â£", "\ud800", "\udcff",
    ]
)  # fmt: skip
CHROME = st.sampled_from(["share", "loading error", "refresh", "Read more »", "Source:", "00:43"])
FRAGMENT = st.one_of(
    st.text(max_size=12), st.text(alphabet="aeiou tnrs.,", max_size=20), MARKUP, YAMLISH,
    ODD_CHARACTERS,
)  # fmt: skip
LINE = st.one_of(st.lists(FRAGMENT, max_size=10).map("".join), CHROME)
SEED_TEXT = st.lists(LINE, max_size=14).map("\n".join)
ENCODINGS = st.sampled_from(
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "cp1251"]
)
FIELD = st.one_of(
    st.text(max_size=30),
    st.lists(st.one_of(YAMLISH, MARKUP, ODD_CHARACTERS), max_size=6).map("".join),
)

# ---- the pipeline without NER, and what its output must satisfy ------------------------------


class BlankToolkit(Toolkit):
    """The converter's own toolkit (aliases, vocabulary) with a spaCy pipeline that recognises
    no entities: the model is what makes the whole pipeline slow, not what these check."""

    @cached_property
    def nlp(self) -> Language:
        return spacy.blank("en")


TOOLKIT = BlankToolkit()


def article_of(parsed: ParsedSeed) -> Article:
    """A parsed seed through the real convert step (enrich and render), with no entities."""
    (converted,) = convert_stream([Job(parsed, (parsed.stem,))], TOOLKIT, Settings())
    assert isinstance(converted, Converted), converted
    return converted.article


def convert(stem: str, raw: bytes) -> tuple[ParsedSeed, Article, str] | None:
    """read -> rules -> render; None for a seed refused with a SeedError (any other exception
    propagates: that is a crash)."""
    try:
        parsed = parse_seed(read_seed(stem, raw))
    except SeedError:
        return None
    article = article_of(parsed)
    return parsed, article, render_page(article)


class _Blocks(HTMLParser):
    """Top-level elements of rendered Markdown as (tag, text), and any tag found inside one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.inner_tags: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.inner_tags.append(tag)
        else:
            self.blocks.append((tag, ""))
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            tag, text = self.blocks[-1]
            self.blocks[-1] = (tag, text + data)


def rendered_blocks(body: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Markdown body -> ([(kind, normalised text)], tags found inside blocks)."""
    MARKDOWN.reset()
    parser = _Blocks()
    parser.feed(MARKDOWN.convert(body))
    parser.close()
    kinds = {"p": "paragraph", "h2": "crosshead"}
    blocks = [(kinds.get(tag, tag), " ".join(text.split())) for tag, text in parser.blocks]
    return blocks, parser.inner_tags


def expected_front_matter(article: Article) -> dict[str, Any]:
    """What the front matter must read back as: exactly what went in (lone surrogates, which
    UTF-8 cannot hold, as U+FFFD)."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in value)
        if isinstance(value, list):
            return [clean(item) for item in value]
        if isinstance(value, dict):
            return {key: clean(item) for key, item in value.items()}
        return value

    return clean(front_matter(article))


def check_page(parsed: ParsedSeed, article: Article, page: str) -> list[str]:
    """Every property a rendered page must have; the problems found (none, if it is right)."""
    problems = []
    page.encode("utf-8")
    body, matter = get_data(page)
    if matter != expected_front_matter(article):
        problems.append(f"front matter does not round-trip: {matter!r}")
    if not page.endswith("\n"):
        problems.append("page does not end with a newline")
    blocks, inner_tags = rendered_blocks(body)
    expected = [(block.kind, " ".join(block.text.split())) for block in parsed.blocks]
    if blocks != expected:
        problems.append(f"body does not render back to its text: {blocks!r} != {expected!r}")
    if inner_tags:
        problems.append(f"text turned into markup: {inner_tags!r}")
    return problems


# ---- properties ------------------------------------------------------------------------------


@EXAMPLES
@given(st.binary(max_size=600))
def test_any_bytes_decode_to_clean_text_or_a_named_refusal(raw):
    try:
        text = clean_text(decode(raw))
    except SeedError as error:
        assert str(error)
        return
    assert not any(char in text for char in "\r\x00\x0b\x0c\x1b\x7f\x85\u2028\u2029\u202e\ufeff")
    assert not any("\ud800" <= char <= "\udfff" for char in text)
    text.encode("utf-8")


@EXAMPLES
@given(SEED_TEXT, ENCODINGS)
def test_any_seed_converts_or_fails_by_name_and_the_page_is_right(text, encoding):
    raw = text.encode(encoding, errors="replace")
    result = convert("seed", raw)
    if result is not None:
        assert check_page(*result) == []


@EXAMPLES
@given(SEED_TEXT)
def test_every_paragraph_survives_the_markdown_round_trip(text):
    result = convert("seed", text.encode("utf-8", errors="surrogatepass"))
    if result is None:
        return
    parsed, _, page = result
    body, _ = get_data(page)
    blocks, inner_tags = rendered_blocks(body)
    assert blocks == [(block.kind, " ".join(block.text.split())) for block in parsed.blocks]
    assert inner_tags == []


TAGS = st.sampled_from(
    [
        "<html>", "<head>", "<title>", "</title>", "<body>", "<h1>", "</h1>", "<h2>", "<p>",
        "</p>", "<br>", "<div class='headline'>", "</div>", "<table><tr><td>", "</td><td>",
        "</table>", "<ul><li>", "<li>", "<script>", "</script>", "<style>", "<a href=x>", "</a>",
        "<meta charset='utf-16'>", "<meta charset='koi8-r'>", "<meta property='og:title' content=",
        "<html lang='xx-YY'>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml?>", "<!DOCTYPE html>",
        "<time datetime='2024-13-45'>", "<script type='application/ld+json'>{\"headline\":",
    ]
)  # fmt: skip
SENTENCE = st.sampled_from(
    [
        "The council approved the harbour wall on Tuesday after two years of hearings.",
        "Work starts in spring, the authority said, and will last eighteen months.",
    ]
)
PAGE = st.lists(st.one_of(TAGS, SENTENCE, FRAGMENT), max_size=40).map("".join)


@EXAMPLES
@given(PAGE, ENCODINGS)
def test_any_saved_page_converts_or_fails_by_name_and_the_page_is_right(markup, encoding):
    result = convert("page.html", markup.encode(encoding, errors="replace"))
    if result is not None:
        assert check_page(*result) == []


ONE_LINE = st.text(
    alphabet=st.characters(
        exclude_categories=["Cs", "Cc"],
        exclude_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
    ),
    max_size=40,
)


PROSE = "the council said on Monday that it would vote again after a long debate over the budget"
PROSE_WORDS = st.sampled_from(PROSE.split(" "))
HOSTILE_PROSE = st.tuples(
    st.lists(PROSE_WORDS, min_size=12, max_size=40),
    st.lists(st.one_of(ONE_LINE, MARKUP, YAMLISH), max_size=3),
    st.randoms(use_true_random=False),
).map(lambda parts: _sprinkle(*parts))


def _sprinkle(words: list[str], fragments: list[str], chance) -> str:
    """A sentence of plain words with markup, YAML and odd text dropped in anywhere."""
    for fragment in fragments:
        words.insert(chance.randrange(len(words) + 1), fragment)
    return " ".join(words) + "."


@EXAMPLES
@given(st.lists(HOSTILE_PROSE, max_size=8))
def test_every_paragraph_of_arbitrary_text_survives(paragraphs):
    """Paragraphs of prose (each opens with `Para N:`), whatever markup, YAML or odd characters
    they carry, all come through, in order, as they read after cleaning: the body classifier
    never takes a sentence for chrome because of what is inside it."""
    lines = [f"Para {number}: {text}" for number, text in enumerate(paragraphs)]
    closing = "The council will meet again next week to decide on the new budget."
    text = "\n\n".join(["Headline", "Source: Wire", *lines, closing])
    result = convert("seed", text.encode("utf-8"))
    assert result is not None
    parsed, article, page = result
    cleaned = [" ".join(part.split()) for part in clean_text(text).split("\n\n")]
    assert [block.text for block in parsed.blocks] == cleaned[2:]
    assert check_page(parsed, article, page) == []


@EXAMPLES
@given(FIELD, FIELD, FIELD, FIELD, FIELD, FIELD, st.lists(FIELD, max_size=3))
def test_front_matter_always_parses_back_exactly(title, source, seed, caption, date, place, names):
    article = Article(
        seed=seed,
        title=title,
        source=source,
        blocks=(Block("paragraph", "Body."),),
        media=(Video(caption, "00:43", caption[::-1], source),),
        description=title[:20],
        date=date,
        dateline=place,
        seeds=(seed, *names),
    )
    body, matter = get_data(render_page(article))
    assert matter == expected_front_matter(article)
    assert body == "Body.\n"
    assert yaml.safe_load(render_page(article)[4:].split("\n---\n", 1)[0]) == matter


@EXAMPLES
@given(st.one_of(st.text(max_size=60), st.lists(FRAGMENT, max_size=8).map("".join)))
def test_escaped_text_renders_as_itself(text):
    text = clean_text(text)
    if not text.strip():
        return
    for prefix, kind in (("", "paragraph"), ("## ", "crosshead")):
        blocks, inner_tags = rendered_blocks(prefix + escape_markdown(text))
        assert (blocks, inner_tags) == ([(kind, " ".join(text.split()))], [])


@EXAMPLES
@given(
    st.lists(st.tuples(st.text(max_size=6), st.one_of(st.text(max_size=30), YAMLISH)), max_size=8)
)
def test_slugs_stay_in_articles_and_never_clash(pairs):
    titles = dict(pairs)
    slugs = assign_slugs(titles.items())
    assert set(slugs) == set(titles)
    assert len(set(slugs.values())) == len(slugs)
    out = Path("docs").resolve()
    for slug in slugs.values():
        assert SLUG_PATTERN.fullmatch(slug)
        assert page_path(out, slug).parent == (out / "articles").resolve()
    for order in itertools.islice(itertools.permutations(titles.items()), 6):
        assert assign_slugs(order) == slugs


@EXAMPLES
@given(st.text(max_size=80))
def test_any_title_gives_a_safe_slug(title):
    slug = title_slug(title)
    assert SLUG_PATTERN.fullmatch(slug) and len(slug) <= 90
    assert html.escape(slug) == slug
