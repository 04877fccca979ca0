"""Known-item search in chromium: ours, Pagefind and Material's search, through the search box.

    .venv/bin/python benchmarks/search_quality.py N [--sample 150] [--seed 15 [16 ...]]
                                                    [--only ENGINE ...] [--keep DIR]

Makes N seeds (the development corpora's distinct stories first: BBC, Reuters, web pages; past
those, BBC stories recombined as benchmarks/synthetic.py does), converts them with `archive
convert` (real actors), and samples articles with a fixed seed (each `--seed` given is a sample
of its own, reported apart: a second one tells whether a change to the ranking holds beyond the
first). For each it makes up to five queries, as a reader who remembers the article would type
them:
  - title: the title;
  - body words: the 3 rarest words (in the archive) of one paragraph, in their order;
  - other word form: the same words, each in another form where English has a regular one
    (plural/singular, -ing/-ed) that occurs in the corpora;
  - one typo: the same words, two neighbouring letters of the longest swapped;
  - actor + word: one of the article's actors whose name is in its text, and a body word.
A query's answer is the article, or any article holding the same paragraph (or title).
Each engine's site is built from the same pages and served locally; every query is typed into
the header search box in headless chromium (ours and Pagefind: a fresh page with an empty cache
per query, every file it fetches counted, as sent without gzip and as a gzip-serving host would
send it, a range request as it is; Material's search: one page, as
its index is loaded with the page) and the first ten results read once they are stable.
Prints success@1, success@10 and MRR (of the first ten) per kind and engine, bytes per query
(median and p95) and the time from the last keystroke to stable results.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from benchmarks.corpora import CORPORA  # noqa: E402
from benchmarks.search import CHROMIUM, CHROMIUM_ARGS, ENGINES, serve, served_files  # noqa: E402
from benchmarks.site_pages import build  # noqa: E402
from benchmarks.synthetic import OUTLETS, load_stories, seed_text  # noqa: E402
from converter.decode import decode  # noqa: E402
from converter.site.search_spec import PREFIX_CHARS, words  # noqa: E402

KINDS = ("title", "body words", "other word form", "one typo", "actor + word")
KEY_DELAY_MS = 30  # a fast typist: every engine searches once, after the last key
QUIET_MS = 500  # results that have not changed for this long are stable
TIMEOUT_MS = 15_000
TOP = 10


@dataclass(frozen=True, slots=True)
class Article:
    url: str
    title: str
    paragraphs: tuple[str, ...]
    actors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Query:
    kind: str
    text: str
    relevant: frozenset[str]  # urls of the articles that answer it
    typo_at: int = -1  # one typo: where the swapped letters start in their word


@dataclass(frozen=True, slots=True)
class Outcome:
    rank: int  # of the first relevant result, 1-based; 0 when not in the first TOP
    bytes: int  # fetched from the first keystroke until results were stable
    gzipped: int  # the same, as a gzip-serving host sends it (ranges are sent as they are)
    stable_ms: float | None  # from the last keystroke to the last change of the results


# --- the archive -------------------------------------------------------------------------


def real_seeds() -> list[str]:
    """The corpora's distinct stories as raw seeds, in a fixed mixed order."""
    rng = random.Random(15)
    seeds = []
    for story in load_stories():
        lines = [story.title, "", "share", "", "Source:", "", rng.choice(OUTLETS), ""]
        seeds.append("\n".join(lines + [f"{p}\n" for p in story.paragraphs]))
    for path in sorted((CORPORA / "conll-dev" / "seeds").glob("*.txt")):
        seeds.append(decode(path.read_bytes()))
    gold = json.loads((CORPORA / "web-dev" / "gold.json").read_text("utf-8"))
    for page in gold.values():
        host = urlsplit(page["url"]).hostname or "web"
        seeds.append(f"{page['title']}\n\nshare\n\nSource:\n\n{host}\n\n{page['body']}\n")
    rng.shuffle(seeds)
    return seeds


def write_seeds(directory: Path, count: int) -> None:
    """`count` seeds: the real stories first, then BBC stories recombined (synthetic.py)."""
    directory.mkdir(parents=True, exist_ok=True)
    real = real_seeds()
    stories = load_stories() if count > len(real) else []
    for index in range(count):
        text = real[index] if index < len(real) else seed_text(index, stories)
        (directory / f"seed_{index:06d}.txt").write_text(text, "utf-8")


@contextmanager
def work_dir(keep: Path | None) -> Iterator[Path]:
    """`keep` (created if need be, kept afterwards), or a temporary directory."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="search-quality-") as directory:
        yield Path(directory)


def convert(workdir: Path, count: int) -> Path:
    """The archive's docs/ for `count` seeds, converted once and kept with the work dir."""
    docs = workdir / "docs"
    articles = docs / "articles"
    if articles.is_dir() and len(list(articles.glob("*.md"))) >= count * 0.95:
        return docs
    seeds = workdir / "seeds"
    write_seeds(seeds, count)
    archive = str(Path(sys.executable).with_name("archive"))
    started = time.perf_counter()
    subprocess.run([archive, "convert", str(seeds), "--out", str(docs)], check=False)
    print(f"[converted {count:,} seeds in {time.perf_counter() - started:.0f} s]")
    return docs


_ESCAPE = re.compile(r"\\(.)")


def read_articles(docs: Path) -> list[Article]:
    """Title, paragraphs (as the reader sees them) and actors of every converted page."""
    articles = []
    for path in sorted((docs / "articles").glob("*.md")):
        _, header, body = path.read_text("utf-8").split("---\n", 2)
        meta = yaml.safe_load(header)
        paragraphs = tuple(
            html.unescape(_ESCAPE.sub(r"\1", block.strip().removeprefix("## ")))
            for block in body.split("\n\n")
            if block.strip()
        )
        articles.append(
            Article(
                url=f"articles/{path.stem}/",
                title=str(meta["title"]),
                paragraphs=paragraphs,
                actors=tuple(meta.get("actors") or ()),
            )
        )
    return articles


def corpus_lexicon() -> set[str]:
    """Words of the development corpora: an English word form counts when it occurs there."""
    found: set[str] = set()
    for path in sorted(CORPORA.glob("*/**/*.txt")):
        if path.parent.name in {"page", "article"}:
            continue
        found.update(words(decode(path.read_bytes())))
    gold = json.loads((CORPORA / "web-dev" / "gold.json").read_text("utf-8"))
    for page in gold.values():
        found.update(words(page["body"]))
    return found


# --- the queries -------------------------------------------------------------------------


def other_form(word: str, lexicon: set[str]) -> str | None:
    """Another regular English form of `word` (-ed/-ing, then plural/singular) that is a word."""
    candidates = []
    if word.endswith("ed"):
        candidates += [word[:-2] + "ing", word[:-1] + "ing"]
    if word.endswith("ing"):
        candidates += [word[:-3] + "ed", word[:-3] + "d"]
    if word.endswith("ies"):
        candidates.append(word[:-3] + "y")
    if word.endswith("es"):
        candidates.append(word[:-2])
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        candidates.append(word[:-1])
    if not word.endswith("s"):
        candidates += [word + "s", word + "es"]
        if word.endswith("y"):
            candidates.append(word[:-1] + "ies")
    return next((c for c in candidates if c != word and c in lexicon), None)


def typo(word: str, rng: random.Random) -> tuple[str, int]:
    """`word` with two neighbouring, different letters swapped, and where they start."""
    places = [i for i in range(len(word) - 1) if word[i] != word[i + 1]]
    if not places:
        return word, -1
    i = rng.choice(places)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :], i


def make_queries(articles: Sequence[Article], sample: int, seed: int) -> list[Query]:
    """The five kinds of query for `sample` articles drawn with `seed`."""
    frequency: Counter[str] = Counter()
    holders: dict[str, set[str]] = {}  # paragraph or title -> urls
    for article in articles:
        frequency.update(set(words(article.title)).union(*map(words, article.paragraphs)))
        for text in (article.title, *article.paragraphs):
            holders.setdefault(text, set()).add(article.url)
    lexicon = corpus_lexicon() | set(frequency)
    common = len(articles) * 0.05
    rng = random.Random(seed)
    queries = []
    for article in rng.sample(list(articles), min(sample, len(articles))):
        queries.append(Query("title", article.title, frozenset(holders[article.title])))
        usable = [p for p in article.paragraphs if len(rare_words(p, frequency)) >= 3]
        if not usable:
            continue
        paragraph = rng.choice(usable)
        relevant = frozenset(holders[paragraph])
        chosen = rare_words(paragraph, frequency)[:3]
        chosen = [word for word in words(paragraph) if word in chosen]
        chosen = list(dict.fromkeys(chosen))
        queries.append(Query("body words", " ".join(chosen), relevant))
        forms = [other_form(word, lexicon) or word for word in chosen]
        if forms != chosen:
            queries.append(Query("other word form", " ".join(forms), relevant))
        longest = max(chosen, key=len)
        slip, at = typo(longest, rng)
        typed = " ".join(slip if word == longest else word for word in chosen)
        queries.append(Query("one typo", typed, relevant, at))
        text = set(words(article.title)).union(*map(words, article.paragraphs))
        named = [actor for actor in article.actors if set(words(actor)) <= text]
        if named:
            actor = rng.choice(named)
            body = [
                word
                for word in words(paragraph)
                if word.isalpha()
                and len(word) >= 5
                and frequency[word] <= common
                and word not in words(actor)
            ]
            if body:
                word = rng.choice(body)
                queries.append(Query("actor + word", f"{actor} {word}", relevant))
    return queries


def rare_words(paragraph: str, frequency: Counter[str]) -> list[str]:
    """The paragraph's words a reader might remember, rarest in the archive first."""
    found = {w for w in words(paragraph) if w.isalpha() and len(w) >= 4}
    return sorted(found, key=lambda word: (frequency[word], word))


# --- the browser -------------------------------------------------------------------------

WATCH = """() => {
  window.__lastChange = 0;
  window.__lastKey = 0;
  const output = document.querySelector(".md-search-result");
  new MutationObserver(() => { window.__lastChange = performance.now(); })
    .observe(output, { childList: true, subtree: true, characterData: true });
  document.querySelector("header input.md-search__input")
    .addEventListener("input", () => { window.__lastKey = performance.now(); });
}"""
RESULTS = """() => [...document.querySelectorAll(".md-search-result__list > li")]
  .map((item) => item.querySelector("a")?.href).filter(Boolean)"""


def ask(page: Page, query: str) -> tuple[list[str], float | None]:
    """Type the query into the header box; the result links once stable, and how long after
    the last keystroke they last changed."""
    page.evaluate(WATCH)
    box = page.locator("header input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=KEY_DELAY_MS)
    waited = 0
    while waited < TIMEOUT_MS:
        page.wait_for_timeout(50)
        waited += 50
        last_key, last_change, now = page.evaluate(
            "() => [window.__lastKey, window.__lastChange, performance.now()]"
        )
        if last_change > last_key and now - last_change > QUIET_MS:
            return page.evaluate(RESULTS), last_change - last_key
    return page.evaluate(RESULTS), None


def site_path(href: str, base: str) -> str:
    """An article's url as read on the page (absolute, maybe with a #section) -> its url."""
    return urlsplit(urljoin(base, href)).path.strip("/") + "/"


def run_engine(site: Path, queries: Sequence[Query], fresh_pages: bool) -> list[Outcome]:
    outcomes = []
    with serve(site) as (url, log), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = page = None
        for query in queries:
            if fresh_pages or page is None:
                if context is not None:
                    context.close()
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(url, wait_until="load")
            else:
                page.locator("header input.md-search__input").fill("")
                page.wait_for_timeout(QUIET_MS)
            before = len(log)
            links, stable = ask(page, query.text)
            files = served_files(site, log[before:])
            fetched = sum(item.size for item in files)
            gzipped = sum(item.gzipped for item in files)
            found = [site_path(link, url) for link in links[:TOP]]
            rank = next((i + 1 for i, link in enumerate(found) if link in query.relevant), 0)
            outcomes.append(Outcome(rank, fetched, gzipped, stable))
            if len(outcomes) % 100 == 0:
                print(f"  {len(outcomes)} of {len(queries)} queries", flush=True)
        browser.close()
    return outcomes


def page_search_bytes(site: Path) -> int:
    """What every page load costs the search before any typing (Material: its whole index)."""
    with serve(site) as (url, log), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1000)  # Material's worker may still be reading its index
        browser.close()
    return sum(item.size for item in served_files(site, log) if item.is_search)


# --- the report --------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def scores(outcomes: Sequence[Outcome]) -> tuple[float, float, float]:
    """success@1, success@10, MRR of the first ten."""
    n = len(outcomes) or 1
    return (
        sum(o.rank == 1 for o in outcomes) / n,
        sum(o.rank > 0 for o in outcomes) / n,
        sum(1 / o.rank for o in outcomes if o.rank) / n,
    )


def report(queries: Sequence[Query], results: dict[str, list[Outcome]]) -> None:
    names = list(results)
    print(
        f"\n{'kind':16} {'queries':>7}  " + "  ".join(f"{n + ' s@1 s@10 MRR':>26}" for n in names)
    )
    for kind in (*KINDS, "all"):
        chosen = [i for i, q in enumerate(queries) if kind in ("all", q.kind)]
        cells = []
        for name in names:
            s1, s10, mrr = scores([results[name][i] for i in chosen])
            cells.append(f"{s1:14.2f} {s10:4.2f} {mrr:4.2f}")
        print(f"{kind:16} {len(chosen):7}  " + "  ".join(f"{c:>26}" for c in cells))
    typos = [i for i, q in enumerate(queries) if q.kind == "one typo"]
    early = [i for i in typos if 0 <= queries[i].typo_at < PREFIX_CHARS]
    found = ", ".join(
        f"{name} {scores([results[name][i] for i in early])[1]:.2f}" for name in names
    )
    print(
        f"typos in the first {PREFIX_CHARS} letters (they pick our dictionary file): "
        f"{len(early)} of {len(typos)}; success@10 on those: {found}\n"
    )
    for name in names:
        outcomes = results[name]
        sizes = [o.bytes / 1e3 for o in outcomes]
        titles = [
            o.bytes / 1e3 for o, q in zip(outcomes, queries, strict=True) if q.kind == "title"
        ]
        gzipped = [o.gzipped / 1e3 for o in outcomes]
        stable = [o.stable_ms for o in outcomes if o.stable_ms is not None]
        print(
            f"{name:9} bytes per query KB median {statistics.median(sizes):6.1f}  "
            f"p95 {percentile(sizes, 0.95):6.1f}  max {max(sizes):6.1f}  (titles "
            f"{statistics.median(titles):.1f} / {percentile(titles, 0.95):.1f}; gzip-serving "
            f"host {statistics.median(gzipped):.1f} / {percentile(gzipped, 0.95):.1f})   "
            f"last key to stable ms median {statistics.median(stable) if stable else 0:5.0f}  "
            f"p95 {percentile(stable, 0.95):5.0f}  ({len(outcomes) - len(stable)} never stable)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, nargs="?", default=2000)
    parser.add_argument("--sample", type=int, default=150, help="articles to make queries of")
    parser.add_argument("--seed", type=int, nargs="+", default=[15], help="samples to draw")
    parser.add_argument("--only", nargs="+", choices=sorted(ENGINES), help="engines to run")
    parser.add_argument("--keep", type=Path, help="work here and keep it (reuses converted docs)")
    args = parser.parse_args()
    engines = [
        name for name in ("archive", "pagefind", "material") if name in (args.only or ENGINES)
    ]
    with work_dir(args.keep) as workdir:
        docs = convert(workdir, args.articles)
        articles = read_articles(docs)
        samples = {seed: make_queries(articles, args.sample, seed) for seed in args.seed}
        queries = [query for sample in samples.values() for query in sample]
        for seed, sample in samples.items():
            kinds = Counter(query.kind for query in sample)
            print(f"{len(articles):,} articles, seed {seed}: {len(sample)} queries: {dict(kinds)}")
        results = {}
        for name in engines:
            seconds, site = build(workdir, docs, name, ENGINES[name])
            loaded = page_search_bytes(site)
            print(
                f"[{name}: build {seconds:.1f} s; search files, every page {loaded / 1e3:.1f} KB]",
                flush=True,
            )
            results[name] = run_engine(site, queries, fresh_pages=name != "material")
        start = 0
        for seed, sample in samples.items():
            print(f"\n--- seed {seed}")
            end = start + len(sample)
            report(sample, {name: outcomes[start:end] for name, outcomes in results.items()})
            start = end


if __name__ == "__main__":
    main()
