"""Bytes a browser downloads to answer one search query: Material's search, Pagefind, ours.

Run: .venv/bin/python benchmarks/search.py N [--query WORD] [--only archive] [--keep DIR]
Writes N synthetic article pages (benchmarks/site_pages.py: realistic front matter, BBC bodies),
builds them with our mkdocs.yml three times in one run, (a) Material's built-in search, (b) the
archive plugin's header search over Pagefind and (c) over the archive's own index, then opens
each home page in headless chromium, types the query into the header search box and waits for
results. Bytes are counted by the test server (every file it sends, workers' fetches included),
split into what the home page loads before typing, what the query fetches after, and the
search's own files whenever they were fetched (Material's worker fetches search_index.json at
page load, before anyone types).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from playwright.sync_api import sync_playwright  # noqa: E402

from benchmarks.site_pages import build, work_dir, write_docs  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
ENGINES = {
    "material": "plugins:\n  - search\n  - archive:\n      search: material\n",
    "pagefind": "plugins:\n  - archive:\n      search: pagefind\n",
    "archive": "",  # the shipped mkdocs.yml: the archive's own index
}
# A file belongs to the search (not to every page) if its path says so.
SEARCH_PATHS = (
    "/search-index/",
    "/pagefind/",
    "/search/",
    "/workers/search",
    "archive-search.js",
)


@dataclass(frozen=True, slots=True)
class Served:
    path: str
    size: int  # bytes as sent (our server does not compress)
    gzipped: int  # bytes a gzip-serving host would send (Pagefind's chunks are gzip already)

    @property
    def is_search(self) -> bool:
        return any(part in self.path for part in SEARCH_PATHS)


@dataclass(frozen=True, slots=True)
class Measure:
    home: list[Served]  # loaded by the home page before typing
    query: list[Served]  # fetched after the first keystroke until results showed


@functools.cache  # the site does not change during a run; a page asks for the same files again
def served(site: Path, path: str, byte_range: str | None = None) -> Served:
    """What the server sends for `path`: a range of a file as it is (a host does not compress a
    range: browsers ask for it uncompressed), a whole file as it is and gzipped."""
    file = site / unquote(urlsplit(path).path).lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    body = file.read_bytes() if file.is_file() else b""
    span = requested_range(byte_range, len(body))
    if span:
        return Served(path, span[1] - span[0], span[1] - span[0])
    return Served(path, len(body), len(gzip.compress(body, 6)))


def served_files(site: Path, requests: list[tuple[str, str | None]]) -> list[Served]:
    """What the server sent for each of these logged requests."""
    return [served(site, path, byte_range) for path, byte_range in requests]


def requested_range(header: str | None, size: int) -> tuple[int, int] | None:
    """[start, end) of a file of `size` bytes that a `Range: bytes=a-b` header asks for, if
    it is one range inside the file."""
    match = re.fullmatch(r"bytes=(\d+)-(\d*)", header or "")
    if not match:
        return None
    start, end = int(match[1]), min(int(match[2] or size - 1) + 1, size)
    return (start, end) if start < end else None


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """A static host as GitHub, Cloudflare and GitLab Pages are: a request for one range of a
    file gets those bytes (206); quiet. With `ranges` false, a plain file server (the whole
    file, 200), as `mkdocs serve` is."""

    ranges = True

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if not self.ranges or "Range" not in self.headers or not path.is_file():
            return super().send_head()
        data = path.read_bytes()
        span = requested_range(self.headers["Range"], len(data))
        if span is None:
            self.send_error(416)
            return None
        start, end = span
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end - 1}/{len(data)}")
        self.send_header("Content-Length", str(end - start))
        self.end_headers()
        return io.BytesIO(data[start:end])


@contextmanager
def serve(site: Path, ranges: bool = True) -> Iterator[tuple[str, list[tuple[str, str | None]]]]:
    """A local static host for `site` on a free port (`ranges`: as RangeHandler): its address,
    and the log of requests (path, Range header) that served_files() reads once the timing is
    done: reading and compressing every file while answering would slow the very answers
    being timed."""
    log: list[tuple[str, str | None]] = []

    class Handler(RangeHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            log.append((self.path, self.headers.get("Range")))
            super().do_GET()

    Handler.ranges = ranges
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(Handler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", log
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def measure(site: Path, query: str) -> Measure:
    with serve(site) as (url, log), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1000)  # Material's worker may still be reading its index
        before = len(log)
        search = page.locator("header input.md-search__input")
        search.click()
        search.press_sequentially(query)
        page.locator(".md-search-result__item").first.wait_for(timeout=120_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)
        results = page.locator(".md-search-result__item").count()
        browser.close()
    if results == 0:
        raise SystemExit(f"no results for {query!r} in {site}")
    return Measure(home=served_files(site, log[:before]), query=served_files(site, log[before:]))


def kb(items: list[Served], gzipped: bool = False) -> str:
    total = sum(item.gzipped if gzipped else item.size for item in items)
    return f"{total / 1e3:9.1f} KB"


def report(name: str, result: Measure) -> int:
    """Print one engine's figures; return its search bytes (gzip host) for the ratio."""
    search_files = [item for item in result.home + result.query if item.is_search]
    print(f"{name}:")
    print(f"  home page before typing      {kb(result.home)}  ({len(result.home)} files)")
    print(f"  fetched by the query         {kb(result.query)}  ({len(result.query)} files)")
    print(f"  search files, all (as sent)  {kb(search_files)}   gzip host {kb(search_files, True)}")
    for item in sorted(search_files, key=lambda item: -item.size)[:8]:
        print(f"      {item.size / 1e3:9.1f} KB  {urlsplit(item.path).path}")
    return sum(item.gzipped for item in search_files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, nargs="?", default=2000)
    parser.add_argument("--query", default="economy")
    parser.add_argument("--only", choices=sorted(ENGINES), help="measure one engine")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp dir)")
    args = parser.parse_args()
    with work_dir(args.keep, "search-bench-") as (workdir, docs):
        write_docs(docs, args.articles, args.seed)
        print(f"{args.articles} synthetic articles, query {args.query!r}\n")
        totals = {}
        for name, extra in ENGINES.items():
            if args.only and name != args.only:
                continue
            seconds, site = build(workdir, docs, name, extra)
            print(f"[{name}: build {seconds:.1f} s]")
            totals[name] = report(name, measure(site, args.query))
        if "material" in totals:
            for name in sorted(set(totals) - {"material"}):
                ratio = totals["material"] / totals[name]
                print(f"\nsearch bytes, Material / {name} (gzip host): {ratio:.1f}x")


if __name__ == "__main__":
    main()
