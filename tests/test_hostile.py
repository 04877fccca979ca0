"""Hostile, broken and huge seeds through the whole pipeline and a real `mkdocs build --strict`.

The corpus is tests/fixtures/hostile/ (expected.yaml says what each seed must give) plus a few
seeds generated here because they are too big to keep. Every seed must end as a page or a named
failure in the JSON report; every page must show its text, escaped, and nothing in the built site
may carry live markup that came from a seed.
"""

from __future__ import annotations

import html
import json
import os
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import HOSTILE, HostileConversion, generated_hostile_seeds, mkdocs_build
from mkdocs.utils.meta import get_data

from converter.batch import RunReport, Toolkit, convert_directory
from converter.read import read_seed
from converter.report import dump_report, report_document
from converter.rules import parse_seed
from converter.slugs import SLUG_PATTERN

EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((HOSTILE / "expected.yaml").read_text("utf-8"))
# Every payload in the corpus calls alert(...) or hides the page; none may ever run.
PAYLOAD = re.compile(r"alert\(|display:\s*none|__class__|\{\{|\{%", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HostileRun:
    seeds_dir: Path
    docs_dir: Path
    site_dir: Path
    report: RunReport
    document: dict[str, Any]


@pytest.fixture(scope="module")
def hostile_run(
    hostile_conversion: HostileConversion, tmp_path_factory: pytest.TempPathFactory
) -> HostileRun:
    """The hostile corpus converted (once a session) and built with the repo's mkdocs.yml."""
    converted = hostile_conversion
    site = mkdocs_build(tmp_path_factory.mktemp("hostile-site"), converted.docs_dir)
    return HostileRun(
        converted.seeds_dir,
        converted.docs_dir,
        site.site_dir,
        converted.report,
        report_document(converted.report, converted.seeds_dir, converted.docs_dir),
    )


def entries(run: HostileRun) -> dict[str, dict[str, Any]]:
    return {entry["file"]: entry for entry in run.document["seeds"]}


def pages_expected() -> list[str]:
    return sorted(name for name, want in EXPECTED.items() if want["outcome"] == "page")


def article_html(run: HostileRun, name: str) -> str:
    page = entries(run)[name]["page"]
    slug = Path(page).stem
    return (run.site_dir / "articles" / slug / "index.html").read_text("utf-8")


class _ArticleText(HTMLParser):
    """The text inside the page's <article>, and the text of its <h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.in_h1 = False
        self.parts: list[str] = []
        self.h1: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "article"
        self.in_h1 = self.in_h1 or (tag == "h1" and self.depth > 0)
        if self.depth and tag in ("p", "h1", "h2", "li", "div", "dd", "dt"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1
        if tag == "h1":
            self.in_h1 = False
        if self.depth and tag in ("p", "h1", "h2"):
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)
        if self.in_h1:
            self.h1.append(data)


def article_text(source: str) -> tuple[str, str]:
    """(normalised text of the <article>, text of its <h1>)."""
    parser = _ArticleText()
    parser.feed(source)
    return normalise("".join(parser.parts)), normalise("".join(parser.h1))


def normalise(text: str) -> str:
    return " ".join(text.split())


class _LiveMarkup(HTMLParser):
    """Collects markup that would act in a browser and came from a seed's payload."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.raw_text_tag: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.raw_text_tag = tag
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and value.strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed", "img") and any(
            PAYLOAD.search(value or "") for _, value in attrs
        ):
            self.problems.append(f"<{tag} {attrs!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == self.raw_text_tag:
            self.raw_text_tag = None

    def handle_data(self, data: str) -> None:
        if self.raw_text_tag and PAYLOAD.search(data):
            self.problems.append(f"<{self.raw_text_tag}> holding {data[:80]!r}")


def live_markup(source: str) -> list[str]:
    parser = _LiveMarkup()
    parser.feed(source)
    parser.close()
    return parser.problems


def test_expectations_cover_the_whole_corpus():
    on_disk = {path.name for path in HOSTILE.iterdir() if path.name != "expected.yaml"}
    assert set(EXPECTED) == on_disk | set(generated_hostile_seeds())


def test_every_seed_gives_a_page_or_a_named_failure(hostile_run):
    found = entries(hostile_run)
    assert set(found) == set(EXPECTED)
    for name, want in EXPECTED.items():
        entry = found[name]
        if want["outcome"] == "page":
            assert entry["outcome"] == "converted" and entry["page"], (name, entry)
        else:
            assert entry["outcome"] == "failed", (name, entry)
            assert want["reason"] in entry["reason"], (name, entry["reason"])
    counts = hostile_run.document["counts"]
    assert counts["seeds"] == len(EXPECTED)
    assert counts["failed"] == sum(want["outcome"] == "failed" for want in EXPECTED.values())
    assert counts["converted"] == len(pages_expected()) and counts["unchanged"] == 0
    assert {failure.seed_file for failure in hostile_run.report.failed} == {
        name for name, want in EXPECTED.items() if want["outcome"] == "failed"
    }


def test_the_report_is_deterministic_json(hostile_run):
    again = report_document(hostile_run.report, hostile_run.seeds_dir, hostile_run.docs_dir)
    text = dump_report(hostile_run.document)
    assert dump_report(again) == text
    assert json.loads(text) == hostile_run.document
    files = [entry["file"] for entry in hostile_run.document["seeds"]]
    assert files == sorted(files)


@pytest.mark.parametrize("name", pages_expected())
def test_front_matter_round_trips_exactly(hostile_run, name):
    want = EXPECTED[name]
    page = entries(hostile_run)[name]["page"]
    content = (hostile_run.docs_dir / page).read_text("utf-8")
    body, matter = get_data(content)  # MkDocs' own front matter reader
    assert matter["title"] == want["title"]
    assert matter["seed"] == name.removesuffix(".txt")
    if "source" in want:
        assert matter["source"] == want["source"]
    if "page" in want:
        assert page == want["page"]
    assert content.endswith("\n") and body.strip()


def test_pages_stay_in_articles_and_seeds_never_share_one(hostile_run):
    articles = (hostile_run.docs_dir / "articles").resolve()
    pages = [entries(hostile_run)[name]["page"] for name in pages_expected()]
    assert len(set(pages)) == len(pages)
    for page in pages:
        path = (hostile_run.docs_dir / page).resolve()
        assert path.parent == articles and SLUG_PATTERN.fullmatch(path.stem), page
    on_disk = sorted(path.name for path in articles.iterdir())
    assert on_disk == sorted(Path(page).name for page in pages)


@pytest.mark.parametrize("name", pages_expected())
def test_the_html_shows_the_text_escaped(hostile_run, name):
    want = EXPECTED[name]
    source = article_html(hostile_run, name)
    text, h1 = article_text(source)
    assert h1 == normalise(want["title"])
    for snippet in want.get("body", []):
        assert normalise(snippet) in text, snippet
    for snippet in want.get("html", []):
        assert snippet in source, snippet
    for snippet in want.get("absent", []):
        assert snippet not in text, snippet


@pytest.mark.parametrize("name", pages_expected())
def test_every_paragraph_survives_into_the_html(hostile_run, name):
    parsed = parse_seed(read_seed(name, (hostile_run.seeds_dir / name).read_bytes()))
    text, _ = article_text(article_html(hostile_run, name))
    for block in parsed.blocks:
        assert normalise(block.text) in text, block.text[:200]


def test_no_built_file_carries_live_markup(hostile_run):
    problems = []
    for path in sorted(hostile_run.site_dir.rglob("*.html")):
        problems += [f"{path}: {problem}" for problem in live_markup(path.read_text("utf-8"))]
    # Pagefind stores the article text as text; its excerpts are escaped by Pagefind and our
    # script sets titles and sources as text (tests/test_browser.py searches the hostile page).
    for path in sorted(hostile_run.site_dir.rglob("*.xml")):
        for element in ElementTree.parse(path).iter():
            if element.get("type") in ("html", "xhtml"):
                problems += [f"{path}: {p}" for p in live_markup(element.text or "")]
    assert problems == []
    assert "<script>alert" not in "".join(
        path.read_text("utf-8") for path in hostile_run.site_dir.rglob("*.html")
    )


def test_the_payloads_are_on_the_page_as_characters(hostile_run):
    source = article_html(hostile_run, "markup-html.txt")
    assert html.escape("<script>alert('body')</script>", quote=False) in source
    assert "<h1>&lt;script&gt;alert(" in source


# Holes found by the hostile corpus in the batch and engines, fixed there; kept as regressions.


def test_a_seed_over_the_model_limit_is_converted_whole(tmp_path):
    """Over a megabyte of text: the NER reads its first part only, the page keeps every word."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text("Council approves budget\n\nThe council approved it.\n")
    word = "Longword" + "x" * 990
    (seeds / "huge.txt").write_text("Huge seed\n\n" + f"{word} " * 1_100, encoding="utf-8")
    report = convert_directory(seeds, tmp_path / "docs", toolkit=Toolkit())
    assert report.failed == ()
    assert report.converted == ("articles/council-approves-budget.md", "articles/huge-seed.md")
    body, matter = get_data((tmp_path / "docs" / "articles" / "huge-seed.md").read_text("utf-8"))
    assert matter["title"] == "Huge seed" and matter["words"] == 1_100
    assert body.split() == [word] * 1_100


def test_a_seed_name_with_undecodable_bytes_gives_a_page_and_a_printable_report(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (Path(os.fsdecode(os.fsencode(seeds) + b"/caf\xe9.txt"))).write_text(
        "Council approves budget\n\nThe council approved it.\n"
    )
    report = convert_directory(seeds, tmp_path / "docs", toolkit=Toolkit())
    assert report.failed == () and report.converted == ("articles/council-approves-budget.md",)
    page = (tmp_path / "docs" / "articles" / "council-approves-budget.md").read_text("utf-8")
    assert get_data(page)[1]["seed"] == "caf\ufffd"  # the page names its seed in valid UTF-8
    document = report_document(report, seeds, tmp_path / "docs")
    assert document["seeds"] == [
        {
            "file": "caf\\udce9.txt",
            "outcome": "converted",
            "page": "articles/council-approves-budget.md",
        }
    ]
    json.loads(dump_report(document))


@pytest.mark.slow
def test_a_long_run_of_symbols_keeps_every_symbol(tmp_path):
    """spaCy's tokenizer once took minutes over long symbol runs; the NER now reads a bounded
    prefix, and the page still holds every character, escaped."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "amps.txt").write_text("Ampersands\n\nThey wrote " + "&" * 900_000 + ".\n")
    report = convert_directory(seeds, tmp_path / "docs", toolkit=Toolkit())
    assert report.failed == () and report.converted == ("articles/ampersands.md",)
    page = (tmp_path / "docs" / "articles" / "ampersands.md").read_text("utf-8")
    assert page.count("&amp;") == 900_000 and "&" not in page.replace("&amp;", "")
