"""Time per seed on clean synthetic seeds: this tree against today's converter, in one run.

    .venv/bin/python benchmarks/seed_time.py [N] [--rounds R] [--baseline-ref REF]

Writes N seeds as scale.py does (benchmarks/synthetic.py: BBC bodies in the scraped seed format),
unpacks --baseline-ref (default 856b432, main when issue 12 was filed) with `git archive`, then
alternates the two trees R times: `archive convert` of the seeds into a fresh docs folder (all
cores, model load included), and the rules stage alone in one process (`parse_seed` over every
seed, after one warm-up seed). Prints the fastest round of each, per seed, and the ratios: the
issue asks conversion to stay within 1.3x of today's time per seed. CPU time (every process of
the run) is printed beside wall time: on a machine shared with other work it is the steadier.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script
from benchmarks.synthetic import write_seeds  # noqa: E402
from benchmarks.web import BASELINE_REF, baseline_tree, convert  # noqa: E402

RULES_ONLY = """\
import sys, time
from pathlib import Path
from converter.model import RawSeed
from converter.rules import parse_seed
seeds = [RawSeed(p.stem, p.read_text("utf-8")) for p in sorted(Path(sys.argv[1]).iterdir())]
parse_seed(seeds[0])
start = time.process_time()
for seed in seeds:
    parse_seed(seed)
print(time.process_time() - start)
"""


def rules_seconds(tree: Path, seeds: Path) -> float:
    """CPU seconds `parse_seed` of the code under `tree` takes over every seed."""
    result = subprocess.run(
        [sys.executable, "-c", RULES_ONLY, str(seeds)],
        cwd=tree,
        check=True,
        capture_output=True,
        text=True,
    )
    return float(result.stdout.split()[-1])


def converted_seconds(tree: Path, seeds: Path, docs: Path) -> tuple[float, float]:
    """Wall and CPU seconds (the run and its workers) of `archive convert` under `tree`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = convert(tree, seeds, docs).seconds
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=300)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--baseline-ref", default=BASELINE_REF, help="today's converter")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="seed-time-") as work_dir:
        work = Path(work_dir)
        seeds = work / "seeds"
        write_seeds(seeds, args.count)
        trees = {
            "ours": REPO,
            f"today ({args.baseline_ref})": baseline_tree(args.baseline_ref, work / "today"),
        }
        wall: dict[str, list[float]] = {name: [] for name in trees}
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        rules: dict[str, list[float]] = {name: [] for name in trees}
        for round_number in range(args.rounds):
            for number, (name, tree) in enumerate(trees.items()):
                seconds, cpu_seconds = converted_seconds(
                    tree, seeds, work / f"docs-{number}-{round_number}"
                )
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
                rules[name].append(rules_seconds(tree, seeds))
        print(f"{args.count} synthetic seeds, fastest of {args.rounds} rounds, ms per seed")
        for name in trees:
            print(
                f"  {name:<18} convert: wall {1000 * min(wall[name]) / args.count:6.1f}"
                f"  CPU {1000 * min(cpu[name]) / args.count:6.1f}"
                f"   rules alone: CPU {1000 * min(rules[name]) / args.count:5.2f}"
            )
        ours, today = trees
        print(
            "  time per seed, ours / today's:"
            f" convert wall {min(wall[ours]) / min(wall[today]):.2f}x,"
            f" CPU {min(cpu[ours]) / min(cpu[today]):.2f}x;"
            f" rules CPU {min(rules[ours]) / min(rules[today]):.2f}x"
        )


if __name__ == "__main__":
    main()
