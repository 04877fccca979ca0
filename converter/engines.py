"""Where the work runs: this process, a pool of workers on this machine's cores, or a Dask
cluster for archives past one machine.

An engine maps a function over chunks of items (pipeline.py's steps over seeds); each function
is pure, so every engine gives the same results, and each result stands for one item, so a
progress bar can count them. A worker that dies (killed, out of memory) costs only its items:
they come back as failures and the rest of the run goes on.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from converter.settings import Settings

ENGINES = ("local", "dask")
_MIN_ITEMS_PER_WORKER = 64
LOCAL_CHUNK_SIZE = 64
"""Items per local task: a few model batches, so the cores finish together and the bar moves."""
DASK_CHUNK_SIZE = 256
"""Items per Dask task: big enough to amortise a task, small enough to spread over workers."""

Item = TypeVar("Item")
Result = TypeVar("Result")
ChunkFunction = Callable[[Sequence[Item], Settings], list[Result]]
Lost = Callable[[Item, str], Result]


def chunked(items: Sequence[Item], size: int) -> list[Sequence[Item]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def local_processes(settings: Settings, items: int) -> int:
    """One worker per core (or `settings.workers`), but none idle for want of items."""
    available = settings.workers or os.cpu_count() or 1
    return max(1, min(available, items // _MIN_ITEMS_PER_WORKER))


def map_local(
    function: ChunkFunction[Item, Result],
    items: Sequence[Item],
    settings: Settings,
    lost: Lost[Item, Result],
    processes: int,
) -> Iterator[Result]:
    """`function` over chunks of `items` on `processes` forked workers; results in item order."""
    chunks = chunked(items, LOCAL_CHUNK_SIZE)
    # fork: workers start at once and inherit the parent's imports (and model, if loaded).
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        futures = [pool.submit(function, chunk, settings) for chunk in chunks]
        for chunk, future in zip(chunks, futures, strict=True):
            try:
                yield from future.result()
            except BrokenProcessPool as error:
                yield from (lost(item, f"worker process died: {error}") for item in chunk)


def map_dask(
    function: ChunkFunction[Item, Result],
    items: Sequence[Item],
    settings: Settings,
    lost: Lost[Item, Result],
) -> Iterator[Result]:
    """`function` over chunks on a Dask cluster: `settings.dask_address`, or a LocalCluster.
    Results come as chunks finish, not in item order."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as error:  # pragma: no cover - depends on the optional extra
        raise RuntimeError(
            "the dask engine needs the optional extra: pip install 'article-archive[dask]'"
        ) from error
    chunks = chunked(items, DASK_CHUNK_SIZE)
    cluster = None
    if not settings.dask_address:
        cluster = LocalCluster(
            n_workers=settings.workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
    try:
        with Client(settings.dask_address or cluster) as client:
            futures = client.map(function, chunks, settings=settings, pure=False)
            chunk_of = {future.key: chunk for future, chunk in zip(futures, chunks, strict=True)}
            for future in as_completed(futures):
                try:
                    yield from future.result()
                except Exception as error:  # noqa: BLE001 - a lost task fails its items only
                    reason = f"dask task failed: {error!r}"
                    yield from (lost(item, reason) for item in chunk_of[future.key])
    finally:
        if cluster is not None:
            cluster.close()
