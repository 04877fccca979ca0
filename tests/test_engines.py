"""The engines with real processes: the Dask engine gives the local engine's pages; the local
pool survives workers that die, hang or crash, and stops when asked, losing nothing else."""

import os
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import CORPUS, REPO, tree

from converter.batch import Toolkit, convert_directory
from converter.engines import (
    LOCAL_CHUNK_SIZE,
    STOPPED,
    Task,
    after_death,
    local_processes,
    map_local,
)
from converter.settings import Settings

ITEMS = [f"s{n:03d}" for n in range(200)]  # four chunks
ORPHAN_BOUND_SECONDS = 30  # a bound on a wait for an event, never a measured time


def lost(item: str, why: str) -> tuple[str, str, str]:
    return ("lost", item, why)


def outcomes(results: list) -> tuple[dict[str, str], dict[str, str]]:
    """(item -> result, item -> why lost); fails the test if any item came back twice."""
    done = {result[:4]: result for result in results if isinstance(result, str)}
    failed = {item: why for _, item, why in (r for r in results if isinstance(r, tuple))}
    assert len(done) + len(failed) == len(results), "an item came back twice"
    return done, failed


def test_local_processes_use_every_core_for_big_batches():
    assert local_processes(Settings(workers=2), 10) == 1
    assert local_processes(Settings(workers=2), 1000) == 2


def test_dask_local_cluster_matches_local_run(tmp_path):
    pytest.importorskip("distributed")
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    local = convert_directory(seeds, tmp_path / "local", Settings(workers=1), toolkit=Toolkit())
    dask = convert_directory(seeds, tmp_path / "dask", Settings(engine="dask", workers=2))
    assert not local.failed and not dask.failed
    assert len(dask.converted) == len(list(CORPUS.iterdir()))
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def test_after_death_retries_once_then_runs_alone_then_names_the_item():
    first = Task(("a", "b", "c", "d"))
    again, dead = after_death(first, 1, stuck=False)
    assert again == [Task(("b", "c", "d"), 1)] and dead == []
    again, dead = after_death(again[0], 1, stuck=False)
    assert again == [Task((item,), 2, alone=True) for item in "cd"] and dead == []
    assert after_death(again[0], 0, stuck=False) == ([], ["c"])
    assert after_death(Task(("x",), 1), 0, stuck=False) == ([], ["x"])  # alone already
    assert after_death(first, 4, stuck=False) == ([], [])  # it had sent every result
    stuck = after_death(first, 2, stuck=True)  # a hang is not luck: no whole retry
    assert stuck == ([Task(("c",), 1, alone=True), Task(("d",), 1, alone=True)], [])


def _double(items, settings, marker: Path, fault: str):  # noqa: ANN001, ANN202 - a chunk function
    for item in items:
        if item == "s150" and fault == "die-once" and not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would, once
        if item == "s150" and fault == "poison":
            os.kill(os.getpid(), signal.SIGKILL)
        if item == "s150" and fault == "wedge":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)
        if item == "s150" and fault == "crash":
            raise RuntimeError("a bug in the chunk function")
        yield item * 2


def run(fault: str, tmp_path: Path, settings: Settings = Settings()) -> list:
    def function(items, settings):  # noqa: ANN001, ANN202
        return _double(items, settings, tmp_path / "died", fault)

    return list(map_local(function, ITEMS, settings, lost, 2))


def test_every_item_comes_back_once_when_nothing_goes_wrong(tmp_path):
    done, failed = outcomes(run("none", tmp_path))
    assert done == {item: item * 2 for item in ITEMS} and not failed


def test_a_worker_killed_once_costs_nothing_after_the_retry(tmp_path):
    done, failed = outcomes(run("die-once", tmp_path))
    assert (tmp_path / "died").exists(), "no worker was killed"
    assert done == {item: item * 2 for item in ITEMS} and not failed


def test_an_item_that_always_kills_its_worker_is_the_only_one_lost(tmp_path):
    done, failed = outcomes(run("poison", tmp_path))
    assert failed == {"s150": "its worker process died on it (killed by SIGKILL), also run alone"}
    assert done == {item: item * 2 for item in ITEMS if item != "s150"}


def test_a_worker_stuck_beyond_the_signal_is_killed_and_only_its_item_is_lost(tmp_path):
    done, failed = outcomes(run("wedge", tmp_path, Settings(seed_timeout=1)))
    assert failed == {"s150": "timed out: its worker was stuck on it for over 4 s"}
    assert done == {item: item * 2 for item in ITEMS if item != "s150"}


def test_a_crashing_chunk_function_fails_the_rest_of_its_chunk_and_the_pool_goes_on(tmp_path):
    done, failed = outcomes(run("crash", tmp_path))
    chunk_end = (150 // LOCAL_CHUNK_SIZE + 1) * LOCAL_CHUNK_SIZE
    crashed = {item for item in ITEMS if 150 <= int(item[1:]) < chunk_end}
    assert failed.keys() == crashed
    assert all("a bug in the chunk function" in why for why in failed.values())
    assert done == {item: item * 2 for item in ITEMS if item not in crashed}


def _slow(items, settings):  # noqa: ANN001, ANN202 - a chunk function
    for item in items:
        time.sleep(0.02)
        yield item


def test_a_stop_request_returns_every_unfinished_item_and_ends_the_workers():
    stop = threading.Event()
    results, others = [], set(_children(os.getpid()))
    for result in map_local(_slow, ITEMS, Settings(), lost, 2, stop):
        results.append(result)
        if len(results) == 20:
            assert len(set(_children(os.getpid())) - others) == 2
            stop.set()
    done, failed = outcomes(results)
    assert len(done) >= 20 and set(done) | set(failed) == set(ITEMS)
    assert set(failed.values()) == {STOPPED}
    assert set(_children(os.getpid())) <= others


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


POOL_IN_A_CHILD = """
import sys, time
from converter.engines import map_local
from converter.settings import Settings

def slow(items, settings):
    for item in items:
        time.sleep(0.05)
        yield item

for result in map_local(slow, list(range(1000)), Settings(), lambda item, why: None, 2):
    print(result, flush=True)
"""


def test_workers_end_when_the_process_that_runs_the_pool_is_killed():
    child = subprocess.Popen(
        [sys.executable, "-c", POOL_IN_A_CHILD], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        child.stdout.readline()  # the pool is running
        workers = _children(child.pid)
        assert len(workers) == 2
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    assert not [pid for pid in workers if not _ends(pid)], "orphaned workers"


def _ends(pid: int) -> bool:
    """Whether the process ends: its pidfd turns readable when it exits (no clock is read;
    a worker that outlives a generous bound is one that never noticed its run was gone)."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return True  # already gone
    try:
        return bool(select.select([handle], [], [], ORPHAN_BOUND_SECONDS)[0])
    finally:
        os.close(handle)
