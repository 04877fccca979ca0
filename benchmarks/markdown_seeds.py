"""Markdown seeds: web-dev's saved pages as Markdown scrapers and clippers write them, read as
Markdown (converter/markdown_seed.py) against read as plain text (how the converter read them
before it knew Markdown).

    .venv/bin/python benchmarks/markdown_seeds.py [--limit N] [--workers N] [--copy WORDS]

Three copies of each of web-dev's 600 saved pages (html/), made here:
  - the whole page as Markdown (markdownify, the page's scripts, styles, frames and <head>
    dropped first, as a scraper that keeps every block does);
  - the main text as Markdown under a YAML front matter (trafilatura's Markdown output with its
    metadata: title, author, url, hostname, sitename, date, as a web clipper writes it; links,
    images and tables kept, comments left out);
  - the main text under a reader service's header (Jina Reader's layout: 'Title:' the page's
    <title>, 'URL Source:', 'Published Time:' when the page gives a date, 'Markdown Content:').
Each is converted in this process as `archive convert` reads a `.md` seed, and as it reads the
same bytes in a `.txt` seed with no Markdown in mind; the rows print web-dev's metric (score.py:
body word 4-gram F1, P, R; headline exact after case folding), pages refused, and the share of
pages with a source or publisher and with a date.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import lxml.html
import markdownify
import trafilatura

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script
from benchmarks.corpora import corpus  # noqa: E402
from benchmarks.web import saved_page  # noqa: E402
from benchmarks.webdev import gold, score  # noqa: E402
from converter.decode import decode, decode_html  # noqa: E402
from converter.errors import SeedError  # noqa: E402
from converter.model import RawSeed  # noqa: E402
from converter.read import clean_text, read_seed  # noqa: E402
from converter.rules import UNKNOWN_SOURCE, load_rules, parse_seed  # noqa: E402

_PARSER = lxml.html.HTMLParser(encoding="utf-8")
_NOT_SHOWN = "//script | //style | //noscript | //template | //head | //svg | //iframe"


def whole_page(markup: str) -> str:
    tree = lxml.html.fromstring(markup.encode("utf-8"), parser=_PARSER)
    for element in tree.xpath(_NOT_SHOWN):
        element.drop_tree()
    page = lxml.html.tostring(tree, encoding="unicode")
    return markdownify.markdownify(page, heading_style="ATX")


def main_text(markup: str) -> str:
    return (
        trafilatura.extract(
            markup,
            output_format="markdown",
            include_links=True,
            include_images=True,
            include_comments=False,
            with_metadata=True,
        )
        or ""
    )


def reader_copy(markup: str) -> str:
    """What a reader service returns (Jina Reader's layout): the page's <title>, its address
    and its date as 'Key: value' lines, then 'Markdown Content:' and the main text."""
    tree = lxml.html.fromstring(markup.encode("utf-8"), parser=_PARSER)
    metadata = trafilatura.extract_metadata(tree)
    title = " ".join(" ".join(tree.xpath("//title//text()")).split())
    fields = [f"Title: {title}", f"URL Source: {metadata.url or ''}"]
    if metadata.date:
        fields.append(f"Published Time: {metadata.date}")
    text = trafilatura.extract(
        markup, output_format="markdown", include_links=True, include_images=True
    )
    return "\n\n".join(fields) + "\n\nMarkdown Content:\n" + (text or "")


COPIES: dict[str, Callable[[str], str]] = {
    "whole page (markdownify)": whole_page,
    "main text + front matter (trafilatura)": main_text,
    "main text under a reader's header": reader_copy,
}
READINGS = ("as Markdown (.md)", "as plain text (before)")


Figures = tuple[dict[str, float], int, float, float]


def measured(copy: str, reading: str, stems: list[str]) -> Figures:
    """web-dev's figures, pages refused, and the shares credited and dated."""
    web = corpus("web-dev")
    predicted: dict[str, tuple[str, str]] = {}
    refused = credited = dated = 0
    for stem in stems:
        markup = decode_html(saved_page(web, stem))
        raw = COPIES[copy](markup).encode("utf-8")
        try:
            seed = (
                read_seed(f"{stem}.md", raw)
                if reading == READINGS[0]
                else RawSeed(stem, clean_text(decode(raw)))
            )
            parsed = parse_seed(seed)
        except SeedError:
            predicted[stem] = ("", "")
            refused += 1
            continue
        predicted[stem] = (parsed.title, "\n".join(block.text for block in parsed.blocks))
        credited += parsed.source != UNKNOWN_SOURCE or bool(parsed.publisher)
        dated += bool(parsed.date)
    return score(predicted), refused, credited / len(stems), dated / len(stems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="the first N pages only")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copy", default="", help="only the copies whose name holds this")
    args = parser.parse_args()
    stems = sorted(gold())[: args.limit or None]
    load_rules()  # once, before the workers fork
    jobs = [(copy, reading) for copy in COPIES if args.copy in copy for reading in READINGS]
    with ProcessPoolExecutor(args.workers) as pool:
        futures = [pool.submit(measured, copy, reading, stems) for copy, reading in jobs]
        results = [future.result() for future in futures]
    print(f"web-dev's saved pages as Markdown ({len(stems)} pages)")
    for (copy, reading), (result, refused, credited, dated) in zip(jobs, results, strict=True):
        print(
            f"  {copy:<40} {reading:<24} F1 {result['f1']:.3f}  P {result['precision']:.3f}  "
            f"R {result['recall']:.3f}  headline {result['titles']:.3f}  refused {refused}  "
            f"source|publisher {credited:.0%}  date {dated:.0%}"
        )


if __name__ == "__main__":
    main()
