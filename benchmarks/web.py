"""Articles from any site: web-dev's 600 pages converted at three levels, scored with its metric.

    .venv/bin/python benchmarks/web.py [--levels article,page,html] [--baseline-ref REF]
                                       [--limit N] [--details DIR] [--corpus NAME]

For each level (`article/` and `page/`: scraped text; `html/`: the saved pages, gunzipped into
a temporary seeds folder as `<stem>.html`), in one run:
  - ours: `archive convert` of the seeds (the real converter, in a subprocess), scored with
    web-dev's score.py (its functions imported, not copied): F1 / P / R of the article bodies,
    headline accuracy, and the share of pages naming a `source` or a `publisher`, and a `date`;
  - baselines scored the same way: keep-everything (the seed text as the body, its first line
    as the title) for the text levels; trafilatura alone on the HTML (score.py's own run);
  - today's converter: `git archive` of --baseline-ref (default 856b432, main when issue 12
    started) into a temporary folder, run there on the same seeds: its scores, and pages per
    second for both (model load included in both), with the ratio.
--corpus names another corpus laid out as web-dev (held-out pages), found as the others are.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script
from benchmarks.corpora import corpus  # noqa: E402

sys.path.insert(0, str(corpus("web-dev")))
import score  # noqa: E402  (web-dev's scorer: the metric is its, not ours)

LEVELS = ("article", "page", "html")
BASELINE_REF = "856b432"
CONVERT = "import sys; from converter.cli import main; sys.argv[0] = 'archive'; main()"
UNKNOWN_SOURCE = "Unknown"


@dataclass(frozen=True, slots=True)
class Run:
    """One converter over one level's seeds: what it wrote and how long it took."""

    docs: Path
    seconds: float
    seeds: int


@dataclass(frozen=True, slots=True)
class Scores:
    f1: float
    precision: float
    recall: float
    titles: float
    credited: float | None = None
    dated: float | None = None


def write_seeds(web: Path, level: str, stems: list[str], seeds: Path) -> None:
    """The level's seeds as a user would drop them into seeds/."""
    seeds.mkdir(parents=True)
    for stem in stems:
        if level == "html":
            (seeds / f"{stem}.html").write_bytes(saved_page(web, stem))
        else:
            shutil.copyfile(web / level / f"{stem}.txt", seeds / f"{stem}.txt")


def saved_page(web: Path, stem: str) -> bytes:
    return gzip.decompress((web / "html" / f"{stem}.html.gz").read_bytes())


def convert(tree: Path, seeds: Path, docs: Path) -> Run:
    """`archive convert` as the code under `tree` has it, in its own process."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", CONVERT, "convert", str(seeds), "--out", str(docs)],
        cwd=tree,
        check=False,  # exit 1 when some seeds fail; their pages are simply missing
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    return Run(docs, seconds, sum(1 for _ in seeds.iterdir()))


def front_matters(docs: Path) -> dict[str, dict[str, Any]]:
    """{seed stem: front matter} of every page written."""
    found = {}
    for page in (docs / "articles").glob("*.md"):
        matter, _ = score.split_page(page.read_text("utf-8"))
        for seed in matter.get("seeds") or [matter.get("seed")]:
            found[Path(str(seed)).stem] = matter
    return found


def scored(pred: dict[str, tuple[str, str]], gold: dict[str, Any]) -> Scores:
    metrics = score.score(pred, gold)
    return Scores(metrics["f1"], metrics["precision"], metrics["recall"], metrics["titles"])


def scored_pages(run: Run, gold: dict[str, Any]) -> Scores:
    return scored_docs([run.docs], gold)


def scored_docs(folders: list[Path], gold: dict[str, Any]) -> Scores:
    """score.py's metric over the pages of the docs folders, plus how many pages name a credit
    and a date."""
    pages = {stem: page for docs in folders for stem, page in score.pages_by_seed(docs).items()}
    base = scored({stem: (title, body) for stem, (title, body, _) in pages.items()}, gold)
    matters = {stem: matter for docs in folders for stem, matter in front_matters(docs).items()}
    credited = sum(
        1
        for matter in matters.values()
        if matter.get("publisher") or matter.get("source", UNKNOWN_SOURCE) != UNKNOWN_SOURCE
    )
    dated = sum(1 for matter in matters.values() if matter.get("date"))
    return Scores(
        base.f1, base.precision, base.recall, base.titles, credited / len(gold), dated / len(gold)
    )


def keep_everything(web: Path, level: str, stems: list[str], gold: dict[str, Any]) -> Scores:
    texts = {stem: (web / level / f"{stem}.txt").read_text("utf-8") for stem in stems}
    return scored({stem: (score.first_line(text), text) for stem, text in texts.items()}, gold)


def trafilatura_alone(web: Path, stems: list[str], gold: dict[str, Any]) -> tuple[Scores, float]:
    """score.py's trafilatura run on each saved page's bytes; seconds for all of them."""
    pages = {stem: saved_page(web, stem) for stem in stems}
    start = time.perf_counter()
    pred = {stem: score.trafilatura_run(page) for stem, page in pages.items()}
    return scored(pred, gold), time.perf_counter() - start


def baseline_tree(ref: str, into: Path) -> Path:
    """The converter as it was at `ref`, unpacked from git (no checkout touched)."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref], cwd=REPO, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def show(label: str, scores: Scores) -> str:
    line = (
        f"  {label:<26} F1 {scores.f1:.3f}  P {scores.precision:.3f}  R {scores.recall:.3f}"
        f"  headline {scores.titles:.2f}"
    )
    if scores.credited is not None and scores.dated is not None:
        line += f"  source|publisher {scores.credited:.0%}  date {scores.dated:.0%}"
    return line


def speed(label: str, run: Run) -> str:
    return f"  {label:<26} {run.seeds / run.seconds:6.1f} pages/s ({run.seconds:.1f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default=",".join(LEVELS))
    parser.add_argument("--baseline-ref", default=BASELINE_REF, help="today's converter")
    parser.add_argument("--no-baseline", action="store_true", help="skip today's converter")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--details", type=Path, help="keep each level's pages here")
    parser.add_argument(
        "--corpus", default="web-dev", help="a corpus laid out as web-dev (held-out pages)"
    )
    args = parser.parse_args()
    levels = [level for level in args.levels.split(",") if level]
    if unknown := set(levels) - set(LEVELS):
        parser.error(f"unknown levels: {', '.join(sorted(unknown))}")
    web = corpus(args.corpus)
    gold = json.loads((web / "gold.json").read_text("utf-8"))
    stems = sorted(gold)[: args.limit or None]
    gold = {stem: gold[stem] for stem in stems}
    print(f"{args.corpus}: {len(stems)} pages; web-dev's score.py metric")
    with tempfile.TemporaryDirectory(prefix="web-") as work_dir:
        work = Path(work_dir)
        today = None if args.no_baseline else baseline_tree(args.baseline_ref, work / "today")
        for level in levels:
            seeds = work / level / "seeds"
            write_seeds(web, level, stems, seeds)
            ours = convert(REPO, seeds, work / level / "docs")
            print(f"\n{level}/")
            print(show("ours", scored_pages(ours, gold)))
            if level == "html":
                alone, seconds = trafilatura_alone(web, stems, gold)
                print(show("trafilatura alone", alone))
            else:
                print(show("keep everything", keep_everything(web, level, stems, gold)))
            if today is not None:
                before = convert(today, seeds, work / level / "docs-today")
                print(show(f"today's converter ({args.baseline_ref})", scored_pages(before, gold)))
            print(speed("ours", ours))
            if level == "html":
                print(f"  {'trafilatura alone':<26} {len(stems) / seconds:6.1f} pages/s")
            if today is not None:
                print(speed("today's converter", before))
                ratio = (ours.seconds / ours.seeds) / (before.seconds / before.seeds)
                print(f"  time per page, ours / today's: {ratio:.2f}x")
            if args.details:
                _keep(work / level, args.details / level)


def _keep(level_dir: Path, into: Path) -> None:
    shutil.rmtree(into, ignore_errors=True)
    into.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(level_dir, into, ignore=shutil.ignore_patterns("seeds"))


if __name__ == "__main__":
    main()
