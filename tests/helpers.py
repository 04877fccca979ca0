"""Helpers shared by the tests: one home each, imported where needed (`from helpers import ...`).

Fixtures live in conftest.py; these are plain functions.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from markupsafe import escape

from converter.batch import RunReport
from converter.enrich.topics import TopicEntry, load_vocabulary
from converter.frontmatter import parse_header, read_header, split_page
from converter.html import parse_page
from converter.model import PageFacts, Topic
from converter.page.facts import page_facts
from converter.settings import Settings
from converter.site.archive import build_archive
from converter.site.articles import parse_article
from converter.site.model import Archive, ArticleMeta
from converter.site.options import ArchiveConfig
from converter.site.pages import Layout
from converter.site.search_spec import dictionary_key

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = REPO / "benchmarks"
FIXTURES = REPO / "tests" / "fixtures"
CORPUS = FIXTURES / "corpus"  # 30 CoNLL stories as raw seeds
GOLDEN = FIXTURES / "golden"  # the real seed and the page it must give
HOSTILE = FIXTURES / "hostile"  # hostile seeds; expected.yaml says what each must give
SITE_FIXTURES = FIXTURES / "site"  # a docs_dir of converted and hand-written article pages
SITE_ARTICLES = SITE_FIXTURES / "articles"
FERRY_PARAGRAPHS = (
    "The island's ferry made its first crossing in a year on Monday, after repairs to its "
    "engines and to the harbour's ramp, the operator said.",
    "Islanders had relied on a small launch and on helicopter flights for supplies since the "
    "ferry was taken out of service last winter.",
    "The operator said the timetable would return to four crossings a day from next week, once "
    "the crew had finished their trials.",
)
"""A saved page's article, for the readers of what it embeds (its players, its photos)."""
FERRY_ARTICLE = "\n\n".join(FERRY_PARAGRAPHS)
# The hand-written site fixtures; the others are real CoNLL stories converted by `archive convert`.
HAND_WRITTEN = (
    "hostile-markup-in-every-field",
    "kerry-and-lavrov-agree-syria-truce-in-geneva",
    "key-calls-snap-election",
    "un-aid-convoy-reaches-besieged-aleppo",
    "us-and-russia-poised-for-new-battle-over-syria",
)


CONLL_DEV_SEEDS = FIXTURES / "conll-dev" / "seeds"
"""The 210 CoNLL dev stories as seeds, copied from the development corpora (README beside them)."""


def tree(directory: Path) -> dict[str, bytes]:
    """Every file under `directory`, by relative path: two trees compare byte for byte."""
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def write_editions(directory: Path, version: int, editions: int) -> None:
    """Each corpus story in several editions (distinct titles and text); `version` 2 adds a line
    to every one, so every page changes between versions while its name stays."""
    directory.mkdir(parents=True, exist_ok=True)
    for seed in sorted(CORPUS.glob("*.txt")):
        headline, rest = seed.read_text("utf-8").split("\n", 1)
        for edition in range(editions):
            note = f"Edition {edition} of this story."
            if version == 2:
                note += " It was corrected after publication."
            # The note opens the article's text: after the last paragraph it would stand among
            # the page's trailing chrome, where the body classifier rightly drops short lines.
            paragraphs = rest.split("\n\n")
            credit = paragraphs.index("Reuters") + 1
            lede = next(
                (i for i, text in enumerate(paragraphs) if len(text.split()) > 8 and _ends(text)),
                credit,
            )
            paragraphs.insert(lede, note)
            text = f"{headline} (edition {edition})\n" + "\n\n".join(paragraphs)
            (directory / f"{seed.stem}_e{edition}.txt").write_text(text, encoding="utf-8")


def _ends(text: str) -> bool:
    """A paragraph ending like a sentence: the lede, not a table's row or a shouted crosshead."""
    return text.rstrip('"\' ').endswith((".", "!", "?"))


def pages(docs: Path) -> dict[str, bytes]:
    """The article pages under a docs directory, by file name."""
    return {path.name: path.read_bytes() for path in sorted((docs / "articles").glob("*.md"))}


def page_parts(page: str) -> tuple[dict[str, object], str]:
    """A page's front matter (parsed) and body, read with the converter's own reader."""
    header, body = split_page(page)
    return parse_header(header), body


def load_benchmark(name: str) -> ModuleType:
    """A script of benchmarks/ as a module (benchmarks/ is not an installed package; its
    scripts import their neighbours, as when run from there)."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


class _Canonical(HTMLParser):
    """Markup written back in one spelling: attributes sorted and double-quoted, text and values
    escaped as Jinja escapes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(f"<{tag}{''.join(_attribute(*pair) for pair in sorted(attrs))}>")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(data if self.cdata_elem else str(escape(data)))

    def handle_decl(self, decl: str) -> None:
        self.parts.append(f"<!{decl}>")


def _attribute(name: str, value: str | None) -> str:
    return f" {name}" if value is None else f' {name}="{escape(value)}"'


def read_html(path: Path) -> str:
    """A built page in one spelling, whatever the minifier chose (quotes, attribute order,
    entities), so tests can look for markup in it. Script bodies are left as they are."""
    parser = _Canonical()
    parser.feed(path.read_text("utf-8"))
    parser.close()
    return "".join(parser.parts)


# ---- the hostile corpus ----------------------------------------------------------------------

LONG_LINE_SENTENCE = (
    "A single line of almost a megabyte, with <b>markup</b> # in it and no line break at all. "
)


@dataclass(frozen=True, slots=True)
class HostileConversion:
    """The hostile corpus (tests/fixtures/hostile plus the generated big seeds), converted."""

    seeds_dir: Path
    docs_dir: Path
    report: RunReport


def generated_hostile_seeds() -> dict[str, bytes]:
    """Seeds too big to keep in the repo: over, one byte over and exactly at the size limit,
    and one line of almost a megabyte (below the NER model's 1,000,000-character ceiling)."""
    limit = Settings().max_seed_bytes
    story = b"Council approves budget\n\nThe council approved the budget on Monday.\n\n"
    at_limit = (
        b"A seed of exactly the size limit is still converted\n\n"
        b"Its padding is page chrome, which the rules drop.\n\n"
    )
    chrome = b"share\n\n"
    at_limit += chrome * ((limit - len(at_limit)) // len(chrome))
    at_limit += b" " * (limit - len(at_limit))
    unit = LONG_LINE_SENTENCE + "Filler" + "x" * 2_800 + ". "  # long words keep the NER quick
    long_line = (unit * (950_000 // len(unit))).rstrip() + "\n"
    return {
        "generated-huge-page.html": _huge_page(limit - 1024),
        "generated-html-over-limit.html": _huge_page(limit + 1),
        "generated-over-limit.txt": _repeat(story, 3 * 1024 * 1024),
        "generated-one-byte-over-limit.txt": _repeat(story, limit + 1),
        "generated-at-limit.txt": at_limit,
        "generated-long-line.txt": long_line.encode("utf-8"),
    }


def _huge_page(size: int) -> bytes:
    """A saved page of `size` bytes: a short article lost in thousands of menu links."""
    article = (
        b"<html><head><title>Budget passes after all-night session</title></head><body>"
        b"<article><h1>Budget passes after all-night session</h1>"
        b"<p>The assembly passed the budget at dawn after an all-night session, by 61 votes"
        b" to 40, ending weeks of talks between the parties.</p>"
        b"<p>The finance minister said the vote showed the country could still agree on hard"
        b" choices, and thanked the opposition for its work.</p></article><ul>"
    )
    links = b"".join(
        b'<li><a href="/section/%d">Link number %d</a></li>' % (n, n) for n in range(60_000)
    )
    return (article + links)[:size].ljust(size)


def _repeat(unit: bytes, size: int) -> bytes:
    """`unit` over and over, cut to exactly `size` bytes."""
    return (unit * (size // len(unit) + 1))[:size]


# ---- topics ----------------------------------------------------------------------------------


def topic_names(topics: Iterable[Topic]) -> list[str]:
    return [topic.name for topic in topics]


def small_topic_model(**changes: Any) -> dict[str, Any]:
    """A word model document over two subjects (sport, politics), one feature each."""
    document = {
        "subjects": ["medtop:15000000", "medtop:11000000"],
        "threshold": 0.5,
        "weight": 2.0,
        "bias": [0.0, 0.0],
        "weights": {"wicket": [5.0, -5.0], "ballot box": [-5.0, 5.0]},
    }
    return {**document, **changes}


# ---- the repo's mkdocs.yml and real MkDocs builds ------------------------------------------


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as plain YAML, its `!ENV` (or any other) tags read as null."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def repo_mkdocs_yml() -> dict[str, Any]:
    """The repo's mkdocs.yml as written (not as MkDocs resolves it)."""
    return yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=_AnyTagLoader)  # noqa: S506


def mkdocs_extensions() -> list[str]:
    """MkDocs' built-in extensions plus those mkdocs.yml adds: what pages are rendered with."""
    added = [
        item if isinstance(item, str) else next(iter(item))
        for item in repo_mkdocs_yml().get("markdown_extensions") or []
    ]
    return list(dict.fromkeys(["toc", "tables", "fenced_code", *added]))


@dataclass(frozen=True, slots=True)
class SiteBuild:
    """A finished build: where the site is and what MkDocs logged while making it."""

    docs_dir: Path
    site_dir: Path
    log: str


def mkdocs_build(
    workdir: Path, docs_dir: Path, extra_config: str = "", env: Mapping[str, str] | None = None
) -> SiteBuild:
    """`mkdocs build --strict` of `docs_dir` into `workdir/site` with the repo's mkdocs.yml
    (INHERITed, plus `extra_config`). Fails the test on a non-zero exit or on any WARNING,
    even one --strict lets through."""
    result = run_mkdocs_build(workdir, docs_dir, extra_config, env)
    log = result.stdout + result.stderr
    if result.returncode != 0 or "WARNING" in log:
        pytest.fail(f"mkdocs build --strict failed (exit {result.returncode}):\n{log}")
    return SiteBuild(docs_dir=docs_dir, site_dir=workdir / "site", log=log)


def write_mkdocs_yml(
    workdir: Path, docs_dir: Path, extra_config: str = "", *, site_dir: bool = True
) -> Path:
    """`workdir/mkdocs.yml`: the repo's mkdocs.yml (INHERITed) for `docs_dir`, building into
    `workdir/site` (`site_dir=False`: no site_dir, as for `mkdocs serve`), plus `extra_config`."""
    config = workdir / "mkdocs.yml"
    site = f"site_dir: {workdir / 'site'}\n" if site_dir else ""
    config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {docs_dir}\n{site}{extra_config}", "utf-8"
    )
    return config


def run_mkdocs_build(
    workdir: Path,
    docs_dir: Path,
    extra_config: str = "",
    env: Mapping[str, str] | None = None,
    *,
    strict: bool = True,
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` as mkdocs_build runs it, whatever its outcome (`workdir/mkdocs.yml`)."""
    config = write_mkdocs_yml(workdir, docs_dir, extra_config)
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config)]
    return subprocess.run(
        [*command, "--strict"] if strict else command,
        capture_output=True,
        text=True,
        cwd=workdir,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=False,
    )


# Reproducible-builds convention; the archive plugin dates pages from the articles, so this
# only matters for an archive without dates, but a build must never depend on the clock.
SOURCE_DATE_EPOCH = "1474416000"  # 2016-09-21
# mkdocs.yml reads site_url from SITE_URL: a published-looking address under a sub-path, so the
# tests see the absolute links feeds and sitemap.xml get.
SITE_URL = "https://archive.example.org/news/"
BUILD_ENV = {"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "SITE_URL": SITE_URL}
# A build of the same fixtures with tiny pages, so that every list is split into numbered pages.
PAGED_PLUGINS = """\
plugins:
  - archive:
      per_page: 2
      index_per_page: 40
      actor_page_min: 1
      neighbours: 3
"""


def build_site(workdir: Path, extra_config: str = "") -> SiteBuild:
    """Copy the site fixtures to `workdir/docs` and build them into `workdir/site`, strictly."""
    docs_dir = workdir / "docs"
    shutil.copytree(SITE_FIXTURES, docs_dir)
    return mkdocs_build(workdir, docs_dir, extra_config, BUILD_ENV)


@dataclass(frozen=True, slots=True)
class FixtureArticle:
    """A fixture article as the tests see it: its URL and its raw front matter (the oracle)."""

    src_uri: str
    url: str
    meta: dict[str, Any]

    @property
    def actor_names(self) -> set[str]:
        fields = ("actors", "people", "organisations", "places")
        return {str(name).strip() for field in fields for name in self.meta.get(field) or []}

    @property
    def topic_names(self) -> set[str]:
        return {str(name).strip() for name in self.meta.get("topics") or []}

    @property
    def source_names(self) -> set[str]:
        source = str(self.meta.get("source") or "").strip()
        return {source} if source else set()


def fixture_articles() -> list[FixtureArticle]:
    """Every site fixture article's raw front matter, read with plain PyYAML (the oracle)."""
    return [
        FixtureArticle(
            f"articles/{path.name}", f"articles/{path.stem}/", yaml.safe_load(read_header(path))
        )
        for path in sorted(SITE_ARTICLES.glob("*.md"))
    ]


# ---- the site's model, with the plugin's own defaults ----------------------------------------


def article(name: str, **fields: Any) -> ArticleMeta:
    """A minimal article under articles/<name>.md with the given front-matter fields."""
    defaults: dict[str, Any] = {"title": name.title(), "source": "Reuters"}
    return ArticleMeta(src_uri=f"articles/{name}.md", url=f"articles/{name}/", **defaults | fields)


def hand_written() -> list[ArticleMeta]:
    """The hand-written fixtures as the plugin reads them, in file order."""
    return [
        parse_article(f"articles/{path.name}", f"articles/{path.stem}/", read_header(path))
        for path in (SITE_ARTICLES / f"{stem}.md" for stem in HAND_WRITTEN)
    ]


def plugin_options(**overrides: Any) -> ArchiveConfig:
    """The plugin's options as mkdocs.yml would give them: the schema's defaults, overridden."""
    options = ArchiveConfig()
    options.load_dict(overrides)
    errors, warnings = options.validate()
    assert not errors and not warnings, (errors, warnings)
    return options


def layout(**overrides: Any) -> Layout:
    """pages.Layout as the plugin fills it, from the default options unless overridden."""
    options = plugin_options(**overrides)
    return Layout(
        per_page=options.per_page,
        neighbours=options.neighbours,
        latest=options.latest,
        chart=options.chart,
        use_directory_urls=True,
    )


def archive_of(
    articles: Iterable[ArticleMeta],
    *,
    use_directory_urls: bool = True,
    vocabulary: Sequence[TopicEntry] | None = None,
    **overrides: Any,
) -> Archive:
    """build_archive as the plugin calls it: the default options unless overridden, the
    converter's own vocabulary unless another is given."""
    options = plugin_options(**overrides)
    return build_archive(
        articles,
        use_directory_urls=use_directory_urls,
        vocabulary=load_vocabulary().entries if vocabulary is None else vocabulary,
        related=options.related,
        actor_page_min=options.actor_page_min,
        author_page_min=options.author_page_min,
        index_per_page=options.index_per_page,
    )


# ---- the browser ---------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def missing_for_browser_tests(path: str, install: str) -> None:
    """Skip with a loud reason where a browser test's tool is missing; fail in CI."""
    if not os.path.exists(path):
        reason = f"BROWSER TESTS NOT RUN: {path} is missing ({install})"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@contextmanager
def serve(site_dir: Path, ranges: bool = True) -> Iterator[str]:
    """A built site over HTTP on 127.0.0.1, on a free port, answering range requests as static
    hosts do (`ranges=False`: as a plain file server, with the whole file); the benchmarks'
    server, so tests and benchmarks measure the same host."""
    with load_benchmark("search").serve(site_dir, ranges=ranges) as (url, _requests):
        yield url


# ---- the archive's search index, read as archive-search.js reads it ----------------------------


def index_postings(read: Callable[[str], bytes], word: str) -> dict[int, tuple[int, int]]:
    """Document number -> (BM25 weight, mask of forms) for the stem of `word`, from the files
    `read(path)` gives (their bytes)."""
    meta = json.loads(read("meta.json"))
    dictionary = json.loads(read(f"dict/{dictionary_key(word, meta['dictionaries'])}.json"))
    stem, frequency, where, forms = dictionary["stems"][dictionary["words"][word][0]]
    flat = where if isinstance(where, list) else json.loads(read(f"post/{where}.json"))[stem]
    stride = 3 if forms > 1 else 2
    found, number = {}, 0
    for at in range(0, len(flat), stride):
        number += flat[at]
        found[number] = (flat[at + 1], flat[at + 2] if stride == 3 else 1)
    assert len(found) == frequency
    return found


def index_record(read: Callable[[str], bytes], number: int) -> dict[str, Any]:
    """A document's record, found through its shard's table as archive-search.js finds it."""
    shard = json.loads(read("meta.json"))["shard"]
    data = read(f"doc/{number // shard}.bin")
    start, end = struct.unpack_from("<2I", data, 4 * (number % shard))
    return json.loads(zlib.decompress(data[start:end], -15))


def index_text(read: Callable[[str], bytes], number: int) -> str:
    """A document's whole text: its record's and its further parts'."""
    record = index_record(read, number)
    data = read(f"doc/{number // json.loads(read('meta.json'))['shard']}.bin")
    parts = [json.loads(zlib.decompress(data[start:end], -15)) for start, end in record["more"]]
    return record["text"] + "".join(parts)


LEDE = (
    "The harbour authority approved the new breakwater on Tuesday after two years of public "
    "hearings, the council said on Wednesday morning."
)
ARTICLE = f"{LEDE}\n\nWork on the wall is due to start in the spring."


def page_facts_of(head: str, body: str, article: str = ARTICLE) -> PageFacts:
    """The facts of a page made of `head` and `body`, with the article's first paragraph shown."""
    markup = f"<html><head>{head}</head><body>{body}<p>{LEDE}</p></body></html>"
    return page_facts(parse_page(markup), article)
