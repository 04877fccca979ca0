"""Bytes a search downloads: this tree against another revision, in one run, without a browser.

    .venv/bin/python benchmarks/search_bytes.py N [--baseline REV] [--sample 60] [--days 730]
                                                  [--docs DIR | --keep DIR]

Takes N converted articles (`--docs`, e.g. a docs/ kept by `search_quality.py --keep`; else it
converts N seeds as search_quality.py does, in `--keep` if given), dates them newest first
over `--days` days, and writes the search index with this tree's static_search.py and with the
baseline revision's (default: where this branch left main). search_quality.py's known-item
queries then run through each revision's own query engine (archive-search.js as it was there,
under Node), a fresh engine per query, counting the bytes of every file it fetches (as written,
without gzip) until the first page of results is ready. Prints bytes per query (median, p95,
mean) of both and their ratio, whether the two gave the same first pages; then, for this tree,
the same queries within the month of the article they look for (as a reader who remembers
when), and that month alone (no words: its newest articles). "found" is the share of queries
whose first page holds an article that answers it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.search_index import baseline_module  # noqa: E402
from benchmarks.search_quality import (  # noqa: E402
    Article,
    Query,
    convert,
    make_queries,
    percentile,
    read_articles,
    work_dir,
)
from converter.site import static_search  # noqa: E402

SCRIPT = "converter/site/templates/assets/javascripts/archive-search.js"
NEWEST = date(2020, 12, 31)
# Runs each job's queries through the engine of `script` over the index in `index`: prints,
# per query, the bytes of the files fetched and the first page's urls.
RUNNER = r"""
const fs = require("node:fs");
const path = require("node:path");
const job = JSON.parse(fs.readFileSync(0, "utf8"));
const core = require(job.script);
(async () => {
  const out = [];
  for (const { text, from, to } of job.queries) {
    let bytes = 0;
    const read = (file) => {
      try { return fs.readFileSync(path.join(job.index, file)); } catch { return null; }
    };
    // The engine's reader: called, a file's JSON (older engines); `.json` the same, `.bytes` a
    // range of a file (the result shards), counted as a host answering ranges sends it.
    const index = async (file) => {
      const data = read(file);
      if (data) bytes += data.length;
      return data && JSON.parse(data.toString("utf8"));
    };
    index.json = index;
    index.bytes = async (file, start, end) => {
      const data = read(file);
      if (!data) return null;
      bytes += Math.min(end, data.length) - start;
      return new Uint8Array(data.subarray(start, end));
    };
    const engine = core.createEngine(index);
    const answer = await engine.search(text, {}, () => true, { from, to });
    const page = await answer.next();
    out.push({ bytes, urls: page.map((result) => result.url) });
  }
  process.stdout.write(JSON.stringify(out));
})();
"""


def merge_base() -> str:
    return subprocess.run(
        ["git", "merge-base", "HEAD", "main"], cwd=REPO, check=True, capture_output=True, text=True
    ).stdout.strip()[:10]


def dated_docs(module: ModuleType, articles: list[Article], days: int) -> list[object]:
    """The articles as `module`'s SearchDocs, dated newest first over `days` days."""
    return [
        module.SearchDoc(
            url=article.url,
            title=article.title,
            source="",
            date=(NEWEST - timedelta(days=index * days // len(articles))).isoformat(),
            text=" ".join(article.paragraphs),
            filters={"actor": article.actors},
        )
        for index, article in enumerate(articles)
    ]


def write_index(module: ModuleType, docs: list[object], directory: Path) -> None:
    for relative, data in module.build_index(docs):
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))  # older: text


def run_queries(script: Path, index: Path, queries: list[dict[str, str]]) -> list[dict]:
    job = json.dumps({"script": str(script), "index": str(index), "queries": queries})
    done = subprocess.run(
        ["node", "-e", RUNNER], input=job, check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout)


def line(name: str, outcomes: list[dict], queries: list[Query]) -> str:
    sizes = [outcome["bytes"] / 1e3 for outcome in outcomes]
    found = [
        bool(query.relevant & set(outcome["urls"]))
        for query, outcome in zip(queries, outcomes, strict=True)
    ]
    return (
        f"  {name:38} KB per query: median {statistics.median(sizes):5.1f}  "
        f"p95 {percentile(sizes, 0.95):5.1f}  mean {statistics.mean(sizes):5.1f}  "
        f"found {statistics.mean(found):.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("--baseline", help="git revision to compare with (default: merge base)")
    parser.add_argument("--sample", type=int, default=60, help="articles to make queries of")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--days", type=int, default=730, help="the span the articles' dates cover")
    parser.add_argument("--docs", type=Path, help="a converted docs/ folder to read")
    parser.add_argument("--keep", type=Path, help="convert here and keep it")
    args = parser.parse_args()
    baseline = args.baseline or merge_base()
    with work_dir(args.keep) as kept, tempfile.TemporaryDirectory(prefix="search-bytes-") as work:
        articles = read_articles(args.docs or convert(kept, args.articles))[: args.articles]
        queries = make_queries(articles, args.sample, args.seed)
        plain = [{"text": query.text, "from": "", "to": ""} for query in queries]
        month_of = {doc.url: doc.date[:7] for doc in dated_docs(static_search, articles, args.days)}
        ranged = []
        for query, asked in zip(queries, plain, strict=True):
            month = month_of[min(query.relevant)]
            ranged.append({**asked, "from": month, "to": month})
        alone = [{**query, "text": ""} for query in ranged]
        script = Path(work) / "baseline-archive-search.js"
        script.write_text(
            subprocess.run(
                ["git", "show", f"{baseline}:{SCRIPT}"],
                cwd=REPO,
                check=True,
                capture_output=True,
                text=True,
            ).stdout,
            "utf-8",
        )
        revisions = {
            baseline: (baseline_module(baseline, Path(work)), script),
            "this tree": (static_search, REPO / SCRIPT),
        }
        outcomes = {}
        for name, (module, engine) in revisions.items():
            index = Path(work) / name.replace(" ", "-")
            write_index(module, dated_docs(module, articles, args.days), index)
            outcomes[name] = run_queries(engine, index, plain)
        tree = revisions["this tree"]
        index = Path(work) / "this-tree"
        within = run_queries(tree[1], index, ranged)
        listed = run_queries(tree[1], index, alone)
    print(f"{len(articles):,} articles dated over {args.days} days, {len(queries)} queries")
    for name, found in outcomes.items():
        print(line(f"{name}, no date", found, queries))
    ratio = sum(o["bytes"] for o in outcomes["this tree"]) / sum(
        o["bytes"] for o in outcomes[baseline]
    )
    pairs = zip(outcomes[baseline], outcomes["this tree"], strict=True)
    same = sum(a["urls"] == b["urls"] for a, b in pairs)
    print(f"  this tree / {baseline}: {ratio:.3f}x bytes; same first page {same} / {len(queries)}")
    print(line("this tree, within the article's month", within, queries))
    print(line("this tree, that month alone (no words)", listed, queries))


if __name__ == "__main__":
    main()
