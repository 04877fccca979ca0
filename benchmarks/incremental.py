"""Incremental conversion: the cost of 1 new seed in an archive of N, as a ratio of a full run.

.venv/bin/python benchmarks/incremental.py [N]      (default 2,000)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import write_seeds  # noqa: E402
from converter.batch import Toolkit, convert_directory  # noqa: E402
from converter.nlp import load_pipeline  # noqa: E402


def timed_run(seeds: Path, docs: Path) -> tuple[float, object]:
    """A run as a user makes it: a fresh process would load the model if it needs it."""
    load_pipeline.cache_clear()
    start = time.perf_counter()
    report = convert_directory(seeds, docs, toolkit=Toolkit())
    return time.perf_counter() - start, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        seeds, docs = Path(work) / "seeds", Path(work) / "docs"
        write_seeds(seeds, args.count)
        full, report = timed_run(seeds, docs)
        print(f"full run        {full:8.2f} s  converted {len(report.converted):,}")
        unchanged, report = timed_run(seeds, docs)
        print(f"no-change run   {unchanged:8.2f} s  converted {len(report.converted):,}")
        write_seeds(seeds, 1, start=args.count)
        one, report = timed_run(seeds, docs)
        print(f"1 new seed      {one:8.2f} s  converted {len(report.converted):,}")
        print(f"ratio 1-new / full      {one / full:.4f}")
        print(f"ratio no-change / full  {unchanged / full:.4f}")


if __name__ == "__main__":
    main()
