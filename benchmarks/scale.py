"""The whole product at scale: convert + build N articles, against floors and plain Material.

    .venv/bin/python benchmarks/scale.py N [--query WORD] [--no-baseline] [--docs DIR]

Makes N realistic seeds (benchmarks/synthetic.py: BBC bodies, varied titles, sources, videos),
then, in one run, measures:
  - floor 1: spaCy's bare `nlp.pipe` over the same texts on all cores (same components);
  - ours: `archive convert` (all cores) and `mkdocs build --strict` with the project's mkdocs.yml;
  - floor 2: a bare `mkdocs build` of the same pages: no nav, no plugins;
  - baseline (N <= 2,000): plain Material: default nav listing every page, built-in search;
and prints seconds, peak memory, site size, the median article and actor pages and the bytes a
browser downloads to answer one search query, with our figures as ratios of the floors and
baseline; then our site's bytes and files per article by part and the largest archive that fits
each static host (benchmarks/footprint.py). `--docs DIR` builds pages converted earlier (N is
then their number): the site's figures without the seeds, the spaCy floor and the conversion.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.footprint import Footprint, report, site_footprint  # noqa: E402
from benchmarks.synthetic import write_seeds  # noqa: E402

BASELINE_MAX = 2000
# "No nav" must still be a nav: MkDocs reads an empty one as "list every page".
BARE_BUILD = (
    "theme: material\nplugins: []\n"
    "nav:\n  - Home: https://example.invalid/\nnot_in_nav: |\n  /articles/\n"
)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1/"}


@dataclass(frozen=True, slots=True)
class Build:
    seconds: float
    peak_mb: float
    footprint: Footprint
    median_page: int
    median_actor_page: int
    query_bytes: int | None = None

    @property
    def site_bytes(self) -> int:
        return self.footprint.bytes


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and the peak RSS (MB) of the largest process the command ran."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def spacy_floor(seeds: Path) -> float:
    """spaCy alone over the same texts, all cores, same components: the conversion floor."""
    script = (
        "import sys, time, os\n"
        "from pathlib import Path\n"
        "from converter.batch import parse_files\nfrom converter.scan import scan_seeds\n"
        "from converter.enrich.article import analysis_text\n"
        "from converter.nlp import load_pipeline\n"
        "from converter.settings import Settings\n"
        f"seeds, _ = scan_seeds(Path({str(seeds)!r}))\n"
        "parsed, _ = parse_files(seeds, Settings())\n"
        "texts = [analysis_text(seed) for seed in parsed]\n"
        "nlp = load_pipeline()\n"
        "start = time.perf_counter()\n"
        "for _ in nlp.pipe(texts, n_process=os.cpu_count(), batch_size=32): pass\n"
        "print(time.perf_counter() - start)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def write_config(path: Path, docs: Path, site: Path, body: str) -> Path:
    path.write_text(f"site_name: News Archive\ndocs_dir: {docs}\nsite_dir: {site}\n{body}", "utf-8")
    return path


def median_page(section: Path) -> int:
    """The median size of a section's pages (an entry's numbered pages left out)."""
    pages = [path.stat().st_size for path in section.glob("*/index.html")]
    return int(statistics.median(pages)) if pages else 0


def build(config: Path, site: Path, query: str | None, strict: bool = True) -> Build:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)]
    seconds, peak = run([*command, "--strict"] if strict else command, REPO)
    query_bytes = None
    if query is not None:
        from benchmarks.search import measure

        result = measure(site, query)
        # Everything fetched for the query, plus what the page preloaded only for search.
        query_bytes = sum(item.size for item in result.query) + sum(
            item.size for item in result.home if item.is_search
        )
    return Build(
        seconds,
        peak,
        site_footprint(site),
        median_page(site / "articles"),
        median_page(site / "actors"),
        query_bytes,
    )


def ratio(ours: float, other: float) -> str:
    return f"{ours / other:.2f}x" if other else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--query", default="government", help="word searched in the browser")
    parser.add_argument("--no-baseline", action="store_true", help="skip plain Material")
    parser.add_argument("--no-browser", action="store_true", help="skip the query download")
    parser.add_argument("--docs", type=Path, help="build these converted pages, convert nothing")
    args = parser.parse_args()
    query = None if args.no_browser else args.query
    with tempfile.TemporaryDirectory(prefix="scale-") as work_dir:
        work = Path(work_dir)
        seeds, docs = work / "seeds", (args.docs or work / "docs").resolve()
        floor_nlp = convert_s = convert_mb = 0.0
        if args.docs is None:
            write_seeds(seeds, args.count)
            floor_nlp = spacy_floor(seeds)
            convert_s, convert_mb = run(
                [
                    str(Path(sys.executable).with_name("archive")),
                    "convert",
                    str(seeds),
                    "--out",
                    str(docs),
                ],
                REPO,
            )
        ours_config = write_config(
            work / "ours.yml", docs, work / "site-ours", f"INHERIT: {REPO / 'mkdocs.yml'}\n"
        )
        ours = build(ours_config, work / "site-ours", query)
        bare_docs = work / "bare-docs"
        bare_docs.mkdir()
        os.symlink(docs / "articles", bare_docs / "articles")
        (bare_docs / "index.md").write_text("# News Archive\n", "utf-8")  # a home to search from
        bare_config = write_config(
            work / "bare.yml",
            bare_docs,
            work / "site-bare",
            BARE_BUILD,
        )
        floor_build = build(bare_config, work / "site-bare", None, strict=False)
        baseline = None
        if args.count <= BASELINE_MAX and not args.no_baseline:
            plain_config = write_config(
                work / "plain.yml", bare_docs, work / "site-plain", "theme: material\n"
            )
            baseline = build(plain_config, work / "site-plain", query, strict=False)

    total = convert_s + ours.seconds
    floors = floor_nlp + floor_build.seconds
    print(f"articles                     {args.count:,}")
    if args.docs is None:
        print(
            f"convert s                    {convert_s:10.1f}   (floor: bare nlp.pipe "
            f"{floor_nlp:.1f}, {ratio(convert_s, floor_nlp)})"
        )
    print(
        f"build s                      {ours.seconds:10.1f}   (floor: bare mkdocs build "
        f"{floor_build.seconds:.1f}, {ratio(ours.seconds, floor_build.seconds)})"
    )
    if args.docs is None:
        print(
            f"convert + build s            {total:10.1f}   target < 900; "
            f"vs sum of floors {floors:.1f}: {ratio(total, floors)} (target <= 1.30x)"
        )
    print(f"peak memory MB               {max(convert_mb, ours.peak_mb):10.0f}   target < 4096")
    print(f"site size MB                 {ours.site_bytes / 1e6:10.1f}")
    print(f"median article page KB       {ours.median_page / 1024:10.1f}   target < 40")
    print(f"median actor page KB         {ours.median_actor_page / 1024:10.1f}")
    if ours.query_bytes is not None:
        print(f"bytes for one query KB       {ours.query_bytes / 1024:10.1f}   target < 250")
    if baseline:
        print("plain Material (default nav, built-in search), same pages:")
        print(
            f"  build s                    {baseline.seconds:10.1f}   "
            f"ours {ratio(ours.seconds, baseline.seconds)}"
        )
        print(
            f"  site size MB               {baseline.site_bytes / 1e6:10.1f}   ours smaller "
            f"{ratio(baseline.site_bytes, ours.site_bytes)} (target >= 10x)"
        )
        print(
            f"  median article page KB     {baseline.median_page / 1024:10.1f}   ours smaller "
            f"{ratio(baseline.median_page, ours.median_page)} (target >= 10x)"
        )
        if baseline.query_bytes is not None and ours.query_bytes:
            print(
                f"  bytes for one query KB     {baseline.query_bytes / 1024:10.1f}   ours smaller "
                f"{ratio(baseline.query_bytes, ours.query_bytes)}"
            )
    print("\n".join(report(ours.footprint, args.count)))


if __name__ == "__main__":
    main()
