"""Faults in the middle of a real `archive convert`: is any page lost?

    .venv/bin/python benchmarks/faults.py [N] [--modes worker,main-kill,sigterm,sigint,poison,...]

Makes N realistic seeds (benchmarks/synthetic.py), converts them, then gives every seed a new
closing paragraph, so that every page is due to change. For each mode it starts from that
archive, runs `archive convert` as a user does and, once the workers are a few seconds into
the conversion, hurts it:

  worker     kill -9 of one worker process (what the kernel's OOM killer does)
  main-kill  kill -9 of the run's own process (its workers are left to notice)
  sigterm    SIGTERM to the run (a CI job cancelled)
  sigint     SIGINT to the run's process group (Ctrl-C)
  poison     none from outside: one seed kills every worker that converts it (ARCHIVE_FAULTS)
  second     a second `archive convert` on the same docs (it must wait), and one with --no-wait
  full       none from outside: the disk refuses every file larger than the median page (the
             run's files capped with RLIMIT_FSIZE), the larger pages and the manifest with them

and prints, per mode: pages before and after, pages lost (gone, or neither the old page nor
the new: must be 0), how many pages are new (the page an uninterrupted run over the edited
seeds makes, where it differs from the old), the exit status, the seeds named as failed, and
whether a plain rerun exits 0 with every page current (`archive convert --check` clean and
every page the one an uninterrupted run makes).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.synthetic import write_seeds  # noqa: E402
from converter.faults import FAULTS_VARIABLE  # noqa: E402
from converter.manifest import Manifest, load_manifest  # noqa: E402

MODES = ("worker", "main-kill", "sigterm", "sigint", "poison", "second", "full")
ARCHIVE = [sys.executable, "-c", "from converter.cli import main; main()"]


def capped_archive(file_limit: int) -> list[str]:
    """The CLI with every file it writes capped at `file_limit` bytes from its start
    (RLIMIT_FSIZE: a longer write fails with EFBIG, as a write to a full disk fails with
    ENOSPC; the language model, which py3langid unpacks through a temp file, then unpacks in
    memory)."""
    return [
        sys.executable,
        "-c",
        "import resource; "
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({file_limit}, {file_limit})); "
        "from converter.cli import main; main()",
    ]


CLOSING = "This closing paragraph was added to story {} after it was first published."


@dataclass(frozen=True, slots=True)
class Outcome:
    mode: str
    before: int
    after: int
    lost: int
    new: int
    status: int
    failed: tuple[str, ...]
    rerun_status: int
    current: bool
    seconds: float
    others: str


def edit_every_seed(seeds: Path) -> None:
    """A closing paragraph before the page chrome that ends every synthetic seed."""
    for index, path in enumerate(sorted(seeds.glob("*.txt"))):
        text = path.read_text("utf-8")
        body, chrome = text.rsplit("loading error", 1)
        path.write_text(f"{body}{CLOSING.format(index)}\n\nloading error{chrome}", "utf-8")


def workers_of(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def start(
    seeds: Path, docs: Path, *options: str, faults: str = "", file_limit: int = 0
) -> subprocess.Popen:
    archive = capped_archive(file_limit) if file_limit else ARCHIVE
    return subprocess.Popen(
        [*archive, "convert", str(seeds), "--out", str(docs), *options],
        env={**os.environ, FAULTS_VARIABLE: faults},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def into_conversion(run: subprocess.Popen, seconds: float) -> list[int]:
    """Wait until the run converts on its workers and `seconds` more; their process ids."""
    for line in run.stderr:
        if line.startswith("converting "):
            break
    while not workers_of(run.pid):
        time.sleep(0.01)
    time.sleep(seconds)
    return workers_of(run.pid)


def hurt(mode: str, run: subprocess.Popen, after: float, seeds: Path, docs: Path) -> str:
    """Do the mode's harm; for `second`, what the other runs did."""
    workers = into_conversion(run, after)
    if mode == "second":
        impatient = subprocess.run(
            [*ARCHIVE, "convert", str(seeds), "--out", str(docs), "--no-wait"], capture_output=True
        )
        second = subprocess.run(
            [*ARCHIVE, "convert", str(seeds), "--out", str(docs)], capture_output=True, text=True
        )
        waited = "waited" if "waiting for another run" in second.stderr else "did not wait"
        return (
            f"; --no-wait run exit {impatient.returncode}, second run exit "
            f"{second.returncode} ({waited})"
        )
    if mode == "worker":
        os.kill(workers[0], signal.SIGKILL)
    elif mode == "main-kill":
        os.kill(run.pid, signal.SIGKILL)
    elif mode == "sigterm":
        os.kill(run.pid, signal.SIGTERM)
    elif mode == "sigint":
        os.killpg(run.pid, signal.SIGINT)
    return ""


def page_states(
    docs: Path, old: dict[str, bytes], reference: dict[str, bytes]
) -> tuple[int, int, int, int]:
    """(pages there, pages lost, pages new, pages current): a page is current when it is the
    page an uninterrupted run over the edited seeds makes, new when that differs from the old
    page (a few bodies leave the edit out), lost when it is gone or neither old nor current."""
    after, lost, new, current = 0, 0, 0, 0
    for name, page in old.items():
        path = docs / name
        if not path.is_file():
            lost += 1
            continue
        after += 1
        content, made = path.read_bytes(), reference.get(name)
        current += content == made
        new += content == made != page
        lost += content not in (page, made)
    return after, lost, new, current


def pages_of(docs: Path, manifest: Manifest | None = None) -> dict[str, bytes]:
    """Each page the manifest (by default the one in `docs`) names, by its path, and its bytes."""
    manifest = manifest or load_manifest(docs)
    return {record.page: (docs / record.page).read_bytes() for record in manifest.seeds.values()}


def failed_seeds(report: Path, err: str) -> tuple[str, ...]:
    if report.exists():
        document = json.loads(report.read_text("utf-8"))
        return tuple(entry["file"] for entry in document["seeds"] if entry["outcome"] == "failed")
    lines = [line.removeprefix("  failed: ") for line in err.splitlines() if "failed: " in line]
    return tuple(line.split(": ", 1)[0] for line in lines)


def run_mode(
    mode: str, seeds: Path, base: Path, reference: dict[str, bytes], work: Path, after: float
) -> Outcome:
    docs, report = work / mode / "docs", work / mode / "report.json"
    shutil.copytree(base, docs)
    manifest = load_manifest(docs)
    old = pages_of(docs, manifest)
    poison = sorted(manifest.seeds)[len(manifest.seeds) // 2]
    sizes = sorted(len(page) for page in old.values())
    start_time = time.perf_counter()
    run = start(
        seeds,
        docs,
        "--report",
        str(report),
        faults=f"die:{poison}" * (mode == "poison"),
        file_limit=sizes[len(sizes) // 2] if mode == "full" else 0,
    )
    others = hurt(mode, run, after, seeds, docs) if mode not in ("poison", "full") else ""
    _, err = run.communicate()
    seconds = time.perf_counter() - start_time
    after_count, lost, new, _ = page_states(docs, old, reference)
    rerun = subprocess.run(
        [*ARCHIVE, "convert", str(seeds), "--out", str(docs)], text=True, capture_output=True
    )
    check = subprocess.run(
        [*ARCHIVE, "convert", str(seeds), "--out", str(docs), "--check"], capture_output=True
    )
    *_, current = page_states(docs, old, reference)
    return Outcome(
        mode=mode,
        before=len(old),
        after=after_count,
        lost=lost,
        new=new,
        status=run.returncode,
        failed=failed_seeds(report, err),
        rerun_status=rerun.returncode,
        current=check.returncode == 0 and current == len(old),
        seconds=seconds,
        others=others,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument(
        "--modes", default=",".join(MODES), help="comma-separated, of " + ", ".join(MODES)
    )
    parser.add_argument("--after", type=float, default=3.0, help="seconds into the conversion")
    args = parser.parse_args()
    modes = args.modes.split(",")
    if unknown := set(modes) - set(MODES):
        parser.error(f"unknown modes: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        seeds, base = work / "seeds", work / "base"
        write_seeds(seeds, args.count)
        started = time.perf_counter()
        subprocess.run(
            [*ARCHIVE, "convert", str(seeds), "--out", str(base)], check=True, capture_output=True
        )
        print(
            f"{args.count:,} seeds converted in {time.perf_counter() - started:.1f} s; "
            "every seed then edited, and converted once uninterrupted for reference"
        )
        edit_every_seed(seeds)
        subprocess.run(
            [*ARCHIVE, "convert", str(seeds), "--out", str(work / "reference")],
            check=True,
            capture_output=True,
        )
        reference = pages_of(work / "reference")
        print(
            f"{'mode':<10} {'before':>6} {'after':>6} {'lost':>4} {'new':>6} {'exit':>5} "
            f"{'run s':>6}  rerun  failed seeds"
        )
        for mode in modes:
            outcome = run_mode(mode, seeds, base, reference, work, args.after)
            rerun = f"{outcome.rerun_status}" + (", all current" if outcome.current else ", STALE")
            named = ", ".join(outcome.failed[:3]) + (" ..." if len(outcome.failed) > 3 else "")
            print(
                f"{mode:<10} {outcome.before:>6,} {outcome.after:>6,} {outcome.lost:>4} "
                f"{outcome.new:>6,} {outcome.status:>5} {outcome.seconds:>6.1f}  {rerun}  "
                f"{len(outcome.failed)}{': ' + named if named else ''}{outcome.others}",
                flush=True,
            )


if __name__ == "__main__":
    main()
