"""kill -9 in the middle of a run: every page is the old one or the new one, never a torn one;
leftover temp files are invisible to MkDocs; the next run finishes the work, byte for byte."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import REPO, mkdocs_build, pages, tree, write_editions
from mkdocs.utils.meta import get_data

from converter.batch import Toolkit, convert_directory
from converter.write import TEMP_SUFFIX, articles_dir

EDITIONS = 6  # 30 corpus stories x 6 = 180 seeds
# The child is the real library; only its file writes are slowed, each stopping halfway for a
# moment, so the kill lands mid-run and most likely inside a write: a page written in place
# would be caught torn.
CHILD = """
import builtins, io, sys, time
from pathlib import Path


class HalfwayPause:
    def __init__(self, handle):
        self._handle = handle

    def write(self, data):
        half = len(data) // 2
        self._handle.write(data[:half])
        self._handle.flush()
        time.sleep(0.01)
        return half + self._handle.write(data[half:])

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self._handle.__exit__(*exc)


_open = io.open


def slow_open(file, mode="r", *args, **kwargs):
    handle = _open(file, mode, *args, **kwargs)
    return HalfwayPause(handle) if any(flag in mode for flag in "wax+") else handle


io.open = builtins.open = slow_open
from converter.batch import convert_directory

convert_directory(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def temp_files(docs: Path) -> list[Path]:
    return sorted(path for path in docs.rglob("*") if path.name.endswith(TEMP_SUFFIX))


def kill_midway(seeds: Path, docs: Path, old: dict[str, bytes]) -> None:
    """Start a run in a child process and SIGKILL it (and the NER workers it may have started)
    once a quarter of the pages are rewritten and a temp file is on disk."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(seeds), str(docs)],
        cwd=REPO,
        start_new_session=True,
        stderr=subprocess.PIPE,
    )
    try:  # no deadline: the run always ends, and a busy machine only makes it slower
        while True:
            if child.poll() is not None:
                pytest.fail(f"the run ended before it could be killed:\n{child.stderr.read()!r}")
            rewritten = sum(page != old.get(name) for name, page in pages(docs).items())
            if rewritten >= len(old) // 4 and temp_files(docs):
                break
            time.sleep(0.002)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL


def test_kill_9_midway_leaves_old_or_new_pages_and_the_next_run_completes(tmp_path):
    toolkit = Toolkit()
    seeds, docs, reference = tmp_path / "seeds", tmp_path / "docs", tmp_path / "reference"

    write_editions(seeds, version=2, editions=EDITIONS)
    convert_directory(seeds, reference, toolkit=toolkit)  # the uninterrupted run to match
    new = pages(reference)

    shutil.rmtree(seeds)
    write_editions(seeds, version=1, editions=EDITIONS)
    convert_directory(seeds, docs, toolkit=toolkit)
    old = pages(docs)
    assert old.keys() == new.keys() and len(old) == 30 * EDITIONS
    assert all(old[name] != new[name] for name in old)

    shutil.rmtree(seeds)
    write_editions(seeds, version=2, editions=EDITIONS)
    kill_midway(seeds, docs, old)

    after_kill = pages(docs)
    assert after_kill.keys() == old.keys()
    states = {name: "old" if page == old[name] else "new" for name, page in after_kill.items()}
    for name, page in after_kill.items():
        assert page in (old[name], new[name]), f"{name} is neither the old nor the new page"
        body, matter = get_data(page.decode("utf-8"))
        assert matter["title"] and body.strip() and page.endswith(b"\n")
    assert "old" in states.values() and "new" in states.values(), "the kill was not midway"

    # A kill between write and rename leaves `.<page>.<random>.tmp`: hidden, so MkDocs skips it.
    # One is planted in case the kill landed between two pages.
    planted = articles_dir(docs) / f".{next(iter(old))}.killed{TEMP_SUFFIX}"
    planted.write_bytes(new[next(iter(old))][:100])
    leftovers = temp_files(docs)
    assert leftovers and all(path.name.startswith(".") for path in leftovers)
    (tmp_path / "build").mkdir()
    killed = shutil.copytree(docs, tmp_path / "killed-docs")
    site = mkdocs_build(tmp_path / "build", killed).site_dir
    built = {path.relative_to(site).parts[1] for path in (site / "articles").rglob("index.html")}
    assert built == {name.removesuffix(".md") for name in old}
    assert not [path for path in site.rglob("*") if TEMP_SUFFIX in path.name]

    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert not report.failed
    assert temp_files(docs) == []
    assert tree(docs) == tree(reference)
