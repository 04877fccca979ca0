"""Time to build the search index, against another revision's static_search.py, in one run.

    .venv/bin/python benchmarks/search_index.py N [--baseline 856b432] [--rounds 3] [--docs DIR]

Takes N converted articles (`--docs`: a docs/ folder `archive convert` wrote, e.g. one kept by
`benchmarks/search_quality.py --keep`; else N synthetic seeds' texts, BBC stories recombined)
and times `build_index` over them, every file's text made, for this working tree and for the
baseline revision's converter/site/static_search.py (read with `git show`), alternately,
`--rounds` times each. Prints the best CPU seconds of each (the machine is shared: CPU time
moves less than wall time), their ratio, and the index's files and bytes by kind.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.search_quality import read_articles, write_seeds  # noqa: E402
from converter.site import static_search  # noqa: E402


def baseline_module(revision: str, directory: Path) -> ModuleType:
    """static_search.py as it was at `revision`, imported under another name."""
    source = subprocess.run(
        ["git", "show", f"{revision}:converter/site/static_search.py"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = directory / "baseline_static_search.py"
    path.write_text(source, "utf-8")
    spec = importlib.util.spec_from_file_location("baseline_static_search", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def articles(count: int, docs: Path | None, directory: Path) -> list[tuple[str, str, str]]:
    """(url, title, text) of `count` articles: converted pages, or the seeds' own text."""
    if docs is not None:
        found = read_articles(docs)[:count]
        return [(a.url, a.title, " ".join(a.paragraphs)) for a in found]
    write_seeds(directory / "seeds", count)
    made = []
    for path in sorted((directory / "seeds").glob("*.txt")):
        title, _, body = path.read_text("utf-8").partition("\n")
        made.append((f"articles/{path.stem}/", title, " ".join(body.split())))
    return made


def timed(
    build: Callable[[], Iterable[tuple[str, bytes | str]]],
) -> tuple[float, float, dict[str, int]]:
    """CPU and wall seconds to make every file, and bytes by kind of file."""
    cpu, wall = time.process_time(), time.perf_counter()
    sizes: dict[str, int] = {}
    for path, data in build():
        kind = path.split("/")[0]
        size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8"))  # older: text
        sizes[kind] = sizes.get(kind, 0) + size
    return time.process_time() - cpu, time.perf_counter() - wall, sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("--baseline", default="856b432", help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--docs", type=Path, help="a converted docs/ folder to read")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="search-index-") as work:
        baseline = baseline_module(args.baseline, Path(work))
        found = articles(args.articles, args.docs, Path(work))
        modules = {"baseline": baseline, "this tree": static_search}
        docs = {
            name: [module.SearchDoc(url, title, "", "", text) for url, title, text in found]
            for name, module in modules.items()
        }
        best: dict[str, tuple[float, float]] = {}
        sizes: dict[str, dict[str, int]] = {}
        for _ in range(args.rounds):
            for name, module in modules.items():
                cpu, wall, sizes[name] = timed(lambda m=module, d=docs[name]: m.build_index(d))
                old = best.get(name, (cpu, wall))
                best[name] = (min(old[0], cpu), min(old[1], wall))
    print(f"{len(found):,} articles, best of {args.rounds} rounds")
    for name, (cpu, wall) in best.items():
        kinds = ", ".join(f"{kind} {n / 1e6:.1f} MB" for kind, n in sorted(sizes[name].items()))
        print(f"  {name:10} build_index CPU {cpu:6.2f} s (wall {wall:6.2f} s)   {kinds}")
    ratio = best["this tree"][0] / best["baseline"][0]
    print(f"this tree / {args.baseline}: {ratio:.2f}x CPU (target <= 1.20x)")


if __name__ == "__main__":
    main()
