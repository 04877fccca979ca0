"""Fuzz the converter: generated seeds (hostile markup, YAML-looking titles, broken encodings,
binary files, control characters, huge lines), read in turn as text, Markdown, a saved page,
MHTML and a Web Archive, through read -> rules -> render, each page checked
as tests/test_properties.py checks it (front matter round-trips through MkDocs' reader, every
block renders back to its text through Python-Markdown with MkDocs' extensions, slugs are safe).

Run: .venv/bin/python benchmarks/fuzz.py [--count 10000] [--seed 1] [--enrich]
Prints the number of inputs, pages, refusals by reason, crashes (any exception other than a
SeedError) and property violations, and inputs per second against a decode-only baseline in the
same run. `--enrich` also runs the NER step over every page. Exit status 1 on a crash or violation.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import random
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from test_properties import article_of, check_page  # noqa: E402

from converter.errors import SeedError  # noqa: E402
from converter.model import ParsedSeed  # noqa: E402
from converter.read import read_seed  # noqa: E402
from converter.render import render_page  # noqa: E402
from converter.rules import parse_seed  # noqa: E402
from converter.slugs import SLUG_PATTERN, title_slug  # noqa: E402

NAMES = ("", ".md", ".html", ".mhtml", ".webarchive")
"""Each input is read under each kind of name in turn: as text (where the content decides:
Markdown, a page's source, MHTML, a Web Archive, gzip), as Markdown, as a saved page, as MHTML,
as a Web Archive."""
MARKUP = (
    "# ", "## ", "- ", "+ ", "* ", "> ", "| a | b |", "|---|", "1. ", "2) ", "---", "===", "```",
    "~~~", "    ", "\t", "<!--", "-->", "<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
    "<div onclick=x>", "</div>", "<b>", "&amp;", "&#60;", "&copy;", "&", "<", ">", "[[wiki]]",
    "![](x.png)", "[a](javascript:alert(3))", "[TOC]", "{{ config }}", "{% include x %}", "{#",
    "{: .c}", "[^1]", "\\", "<http://a.b>", "**", "__", "`", "_", "*", "[", "]", "{", "}", "!",
    '<iframe src="https://www.youtube.com/embed/Abcdef12345" title="x">', "</iframe>",
    "<video src=//v.example/a.mp4>", "<source src=javascript:x>", "</video>",
    "<div itemscope itemtype=http://schema.org/VideoObject>", "<meta itemprop=embedUrl content=x>",
    "<object data=http://www.youtube.com/v/Abcdef12345>", "</object>", "Title: x",
    "URL Source: http://a.b", "Markdown Content:", '<img src="https://img.example/a.jpg" alt="x">',
    "<figure>", '<img data-src=/b.jpg srcset="//cdn.example/c.png?w=600 2x, d.jpg">',
    "<figcaption>", "</figcaption>", "</figure>", '<a href="mailto:x"><img src=https://img.example/e.gif>',
    '<iframe src="https://videos.example/video/a/player">', "![x](https://img.example/f.png)",
)  # fmt: skip
YAMLISH = (
    "title: x", "- a", "&anchor", "*alias", '!!python/object/apply:os.system ["ls"]', "? key",
    "%YAML 1.1", "...", "---", "'", '"', "null", "yes", "~", "2016-09-21", "@", "key: v # c",
    "|", ">-", "!!binary", "<<: *a",
)  # fmt: skip
ODD = (
    "\x00", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\x9d", "\u00a0", "\u200b",
    "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\u2028", "\u2029", "\ufeff", "\ufffd",
    "\ufdd0", "\U0001fffe", "\r", "\r\n", "e\u0301", "👨‍👩‍👧", "🇬🇧", "שלום", "سلام", "中文",
    "â€™", "Ã©", "Â£", "£", "€", "“", "”", "’", "—", "…", "ß", "Ł", "ø",
)  # fmt: skip
WORDS = (
    "the", "minister", "said", "talks", "would", "continue", "in", "Geneva", "Russia", "Kerry",
    "Syria", "aid", "convoy", "council", "budget", "police", "storm", "share", "Source:",
)  # fmt: skip
CHROME = ("share", "loading error", "refresh", "Read more »", "Source:", "ADVERTISEMENT")
SIGNATURES = (b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"PK\x03\x04", b"\x7fELF", b"BM")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1")


def fragment(rng: random.Random) -> str:
    pool = rng.choice((MARKUP, YAMLISH, ODD, WORDS, WORDS, WORDS))
    if rng.random() < 0.05:
        return "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randrange(1, 8)))
    return rng.choice(pool)


def line(rng: random.Random, words: int) -> str:
    return " ".join(fragment(rng) for _ in range(words))


def structured(rng: random.Random) -> str:
    """A seed shaped like a scrape: headline, chrome, credit, paragraphs, maybe a video block."""
    parts = [line(rng, rng.randrange(1, 10))]
    if rng.random() < 0.5:
        parts.append(rng.choice(CHROME))
    if rng.random() < 0.6:
        parts += ["Source:", line(rng, rng.randrange(1, 4))]
    if rng.random() < 0.2:
        parts.append("LONDON 1996-08-30")
    for _ in range(rng.randrange(0, 10)):
        roll = rng.random()
        if roll < 0.1:
            parts.append(f"{line(rng, 3)}\n00:{rng.randrange(60):02d}\n{line(rng, 6)}")
        elif roll < 0.2:
            parts.append(rng.choice(CHROME))
        else:
            parts.append(line(rng, rng.randrange(1, 40)) + rng.choice((".", "", "!", '"')))
    return rng.choice(("\n\n", "\n", "\r\n\r\n", "\n \n")).join(parts)


def encode(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(ENCODINGS)
    raw = text.encode(encoding, errors="replace")
    roll = rng.random()
    if roll < 0.1:
        raw = raw[: rng.randrange(len(raw) + 1)]  # truncated
    elif roll < 0.2 and raw:
        at = rng.randrange(len(raw))
        raw = raw[:at] + bytes([rng.randrange(256)]) + raw[at:]  # one stray byte
    elif roll < 0.25:
        raw = text.encode("utf-8", errors="replace").decode("cp1252", errors="replace").encode()
    return raw


def generate(rng: random.Random) -> bytes:
    """One input: mostly scrape-shaped text in some encoding, some raw bytes, some huge lines."""
    roll = rng.random()
    if roll < 0.7:
        return encode(rng, structured(rng))
    if roll < 0.85:
        prefix = rng.choice((b"", b"", *SIGNATURES, codecs.BOM_UTF8, codecs.BOM_UTF16_LE))
        return prefix + rng.randbytes(rng.randrange(0, 2000))
    if roll < 0.95:
        return encode(rng, "".join(fragment(rng) for _ in range(rng.randrange(0, 60))))
    words = rng.randrange(2_000, 40_000)
    return f"{line(rng, 8)}\n\n{line(rng, words)}\n".encode(errors="replace")


def timed(inputs: list[bytes], step: Callable[[bytes], object]) -> float:
    start = time.perf_counter()
    for raw in inputs:
        with contextlib.suppress(SeedError):
            step(raw)
    return time.perf_counter() - start


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--count", type=int, default=10_000)
    arguments.add_argument("--seed", type=int, default=1)
    arguments.add_argument("--enrich", action="store_true", help="also run the NER step")
    options = arguments.parse_args()

    rng = random.Random(options.seed)
    inputs = [generate(rng) for _ in range(options.count)]
    crashes: list[str] = []
    violations: list[str] = []
    parsed_pages: list[ParsedSeed] = []

    reasons: Counter[str] = Counter()
    start = time.perf_counter()
    for number, raw in enumerate(inputs):
        try:
            try:
                name = f"fuzz_{number:05d}{NAMES[number % len(NAMES)]}"
                parsed = parse_seed(read_seed(name, raw))
            except SeedError as error:
                reasons[re.sub(r"\d[\d,]*", "N", str(error))] += 1
                continue
            article = article_of(parsed)
            problems = check_page(parsed, article, render_page(article))
            if not SLUG_PATTERN.fullmatch(title_slug(parsed.title)):
                problems.append(f"unsafe slug for {parsed.title!r}")
            parsed_pages.append(parsed)
            violations += [f"input {number}: {problem}" for problem in problems]
        except Exception:  # noqa: BLE001 - a fuzzer counts crashes, it does not stop at one
            crashes.append(f"input {number} ({raw[:60]!r}):\n{traceback.format_exc()}")
    elapsed = time.perf_counter() - start
    baseline = timed(inputs, lambda raw: read_seed("fuzz", raw))

    if options.enrich:
        crashes += enrich_all(parsed_pages)

    print(f"inputs:      {len(inputs):,} (seed {options.seed}, {sum(map(len, inputs)):,} bytes)")
    print(f"pages:       {len(parsed_pages):,}")
    print(f"refused:     {sum(reasons.values()):,}")
    for reason, count in reasons.most_common():
        print(f"  {count:>6,}  {reason}")
    print(f"crashes:     {len(crashes)}")
    print(f"violations:  {len(violations)}")
    print(f"NER step:    {'run on every page' if options.enrich else 'not run (--enrich)'}")
    rate, baseline_rate = len(inputs) / elapsed, len(inputs) / baseline
    print(
        f"speed:       {rate:,.0f} inputs/s checked; decode-only baseline {baseline_rate:,.0f}/s "
        f"(ratio {rate / baseline_rate:.2f})"
    )
    for problem in (crashes + violations)[:10]:
        print("\n" + problem)
    return 1 if crashes or violations else 0


def enrich_all(parsed: list[ParsedSeed]) -> list[str]:
    """The NER and enrichment step over every page the fuzz made; crashes as text."""
    from converter.batch import Toolkit
    from converter.enrich.article import analysis_text, enrich

    toolkit = Toolkit()
    crashes = []
    texts = ((analysis_text(seed), seed) for seed in parsed)
    docs = toolkit.nlp.pipe(texts, as_tuples=True, batch_size=32)
    for doc, seed in docs:
        try:
            enrich(seed, doc, toolkit.aliases, toolkit.vocabulary)
        except Exception:  # noqa: BLE001 - counted, not raised
            crashes.append(f"enrich {seed.stem}:\n{traceback.format_exc()}")
    return crashes


if __name__ == "__main__":
    sys.exit(main())
