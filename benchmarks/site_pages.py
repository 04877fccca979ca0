"""Site build with and without the archive pages: pages made per kind, build seconds, bytes.

Run: .venv/bin/python benchmarks/site_pages.py [--articles 2000] [--seed 1] [--keep DIR]
Makes N synthetic article pages with realistic front matter (actors from the CoNLL dev gold
names, a few very common and a long tail; IPTC topics from the vocabulary; a dozen sources; dates
over two years, some missing) and real bodies (BBC dev stories), then builds them twice with our
mkdocs.yml in one run: once as they are (the baseline: articles only, search, Material), once with
the archive plugin (facts panels, related stories, actor/topic/source pages, home, feeds).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script
from benchmarks.corpora import CORPORA  # noqa: E402
from converter.enrich.topics import TopicEntry, load_vocabulary

REPO = Path(__file__).resolve().parents[1]
SOURCES = (
    "Reuters",
    "Associated Press",
    "BBC News",
    "AFP",
    "ONE News",
    "The Guardian",
    "Bloomberg",
    "Al Jazeera",
    "Deutsche Welle",
    "NPR",
    "RNZ",
    "Xinhua",
)
GOLD_KINDS = {"PER": "people", "ORG": "organisations", "LOC": "places"}
BASELINE_CONFIG = "plugins:\n  - search\nnav: []\n"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Pools:
    """Where synthetic front matter is drawn from."""

    head: tuple[tuple[str, str], ...]  # (field, name), most common first
    people: tuple[str, ...]
    organisations: tuple[str, ...]
    places: tuple[str, ...]
    subjects: tuple[TopicEntry, ...]
    narrower: dict[str, tuple[TopicEntry, ...]]
    stories: tuple[tuple[str, tuple[str, ...]], ...]  # (headline, paragraphs)


def load_pools(rng: random.Random) -> Pools:
    gold = json.loads((CORPORA / "conll-dev" / "gold.json").read_text("utf-8"))
    by_field: dict[str, set[str]] = {field: set() for field in GOLD_KINDS.values()}
    for story in gold.values():
        for kind, field in GOLD_KINDS.items():
            by_field[field].update(name for name in story.get(kind, ()) if len(name) > 2)
    names = {field: sorted(found) for field, found in by_field.items()}
    head = [(field, name) for field, found in names.items() for name in found]
    rng.shuffle(head)
    vocabulary = load_vocabulary()
    name_of = {topic.code: topic.name for topic in vocabulary.entries}
    narrower: dict[str, list[TopicEntry]] = {}
    for topic in vocabulary.entries:
        if topic.parent_code is not None:
            narrower.setdefault(name_of[topic.parent_code], []).append(topic)
    stories = []
    for path in sorted((CORPORA / "bbc-dev").glob("*/*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        headline, _, body = text.strip().partition("\n")
        paragraphs = tuple(p.strip() for p in body.split("\n") if p.strip())
        if headline.strip() and paragraphs:
            stories.append((headline.strip(), paragraphs))
    return Pools(
        head=tuple(head[:400]),
        people=tuple(names["people"]),
        organisations=tuple(names["organisations"]),
        places=tuple(names["places"]),
        subjects=vocabulary.subjects,
        narrower={name: tuple(children) for name, children in narrower.items()},
        stories=tuple(stories),
    )


def zipf(rng: random.Random, items: Sequence[T], exponent: float = 1.0) -> T:
    """One item, the first ones far likelier than the rest (news names are Zipf-distributed)."""
    weights = [1 / (rank + 1) ** exponent for rank in range(len(items))]
    return rng.choices(items, weights=weights)[0]


def front_matter(number: int, rng: random.Random, pools: Pools) -> tuple[dict, str]:
    """Front matter as `archive convert` writes it, and the body, for synthetic article `number`."""
    headline, paragraphs = pools.stories[number % len(pools.stories)]
    title = headline if number < len(pools.stories) else f"{headline} ({number})"
    fields: dict[str, list[str]] = {"people": [], "organisations": [], "places": []}
    for _ in range(rng.randint(1, 4)):  # the names every desk writes about
        field, name = zipf(rng, pools.head, 1.1)
        fields[field].append(name)
    for _ in range(rng.randint(2, 10)):  # and the long tail: new people in every story
        field = rng.choice(("people", "people", "organisations", "places"))
        if field == "people":
            first, last = rng.choice(pools.people), rng.choice(pools.people)
            name = f"{first.split()[0]} {last.split()[-1]}"
        else:
            name = rng.choice(getattr(pools, field))
        fields[field].append(name)
    for field in fields:
        fields[field] = sorted(
            set(fields[field]) - {n for f in fields if f < field for n in fields[f]}
        )
    subject = zipf(rng, pools.subjects, 0.8)
    topics = [subject.name]
    children = pools.narrower.get(subject.name, ())
    topics += [term.name for term in rng.sample(children, min(len(children), rng.randint(0, 2)))]
    if rng.random() < 0.3:
        topics.append(zipf(rng, pools.subjects, 0.8).name)
    meta = {
        "title": title,
        "description": paragraphs[0].split(". ")[0].rstrip(".") + ".",
        "source": zipf(rng, SOURCES, 1.2),
        "seed": f"bench_{number:05d}",
        "actors": sorted({name for names in fields.values() for name in names}),
        **fields,
        "topics": list(dict.fromkeys(topics)),
        "media": [],
        "words": sum(len(p.split()) for p in paragraphs),
    }
    if rng.random() < 0.85:
        meta["date"] = (date(2004, 1, 1) + timedelta(days=rng.randrange(730))).isoformat()
    if rng.random() < 0.1:
        meta["media"] = [
            {"kind": "video", "caption": headline, "duration": "01:30", "source": meta["source"]}
        ]
    return meta, "\n\n".join(paragraphs)


def write_docs(docs: Path, count: int, seed: int) -> Counter[str]:
    """N article pages under docs/articles; returns how many actors of each kind they name."""
    rng = random.Random(seed)
    pools = load_pools(rng)
    articles = docs / "articles"
    articles.mkdir(parents=True)
    actors: dict[str, str] = {}
    for number in range(count):
        meta, body = front_matter(number, rng, pools)
        for field in GOLD_KINDS.values():
            actors.update((name, field) for name in meta[field])
        header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        (articles / f"{number:05d}.md").write_text(f"---\n{header}---\n\n{body}\n", "utf-8")
    return Counter(actors.values())


@contextmanager
def work_dir(keep: Path | None, prefix: str) -> Iterator[tuple[Path, Path]]:
    """(the work directory, its empty docs/): `keep`, kept afterwards, or a temporary one."""
    workdir = keep or Path(tempfile.mkdtemp(prefix=prefix))
    workdir.mkdir(parents=True, exist_ok=True)
    docs = workdir / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    try:
        yield workdir, docs
    finally:
        if keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


def build(workdir: Path, docs: Path, name: str, extra: str) -> tuple[float, Path]:
    """`mkdocs build` of docs with the repo's mkdocs.yml (plus `extra`); seconds, site dir."""
    site = workdir / f"site-{name}"
    config = workdir / f"mkdocs-{name}.yml"
    config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {docs}\nsite_dir: {site}\n{extra}", "utf-8"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1104537600"}
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)]
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=workdir)
    return time.perf_counter() - started, site


def page_counts(site: Path) -> dict[str, int]:
    """Pages and feeds of each kind in a built site."""
    counts: Counter[str] = Counter()
    for page in site.rglob("index.html"):
        parts = page.relative_to(site).parts[:-1]
        if not parts:
            counts["home"] += 1
        elif parts[0] == "articles":
            counts["article pages"] += 1
        elif parts[0] in {"actors", "topics", "sources"}:
            section = parts[0][:-1]
            if len(parts) == 1 or parts[1] == "page":
                counts[f"{section} index pages"] += 1
            elif "page" in parts:
                counts[f"{section} pages (page 2+)"] += 1
            else:
                counts[f"{section} pages"] += 1
    counts["atom feeds"] = sum(1 for _ in site.rglob("feed.xml"))
    counts["sitemap urls"] = (site / "sitemap.xml").read_text("utf-8").count("<loc>")
    return dict(sorted(counts.items()))


def sizes(site: Path) -> tuple[float, float, float]:
    """Site megabytes, median and largest article page kilobytes."""
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    articles = [path.stat().st_size for path in (site / "articles").rglob("index.html")]
    return total / 1e6, statistics.median(articles) / 1e3, max(articles) / 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp dir)")
    args = parser.parse_args()
    with work_dir(args.keep, "site-pages-") as (workdir, docs):
        kinds = write_docs(docs, args.articles, args.seed)
        baseline, baseline_site = build(workdir, docs, "baseline", BASELINE_CONFIG)
        archive, archive_site = build(workdir, docs, "archive", "")
        print(f"{args.articles} synthetic articles naming {sum(kinds.values())} actors", end="")
        print(f" ({', '.join(f'{n} {kind}' for kind, n in sorted(kinds.items()))})\n")
        print("pages with the archive plugin:")
        for kind, count in page_counts(archive_site).items():
            print(f"  {kind:28} {count:7}")
        print()
        for name, seconds, site in (
            ("without archive pages", baseline, baseline_site),
            ("with archive pages", archive, archive_site),
        ):
            total, median, largest = sizes(site)
            print(
                f"{name:22} build {seconds:6.1f} s   site {total:7.1f} MB   "
                f"article page median {median:5.1f} KB, largest {largest:5.1f} KB"
            )
        print(f"\nratio with / without: {archive / baseline:.2f}x")


if __name__ == "__main__":
    main()
