"""Where the work runs: a pool of worker processes on this machine's cores, or a Dask cluster
for archives past one machine.

An engine maps a function over chunks of items (pipeline.py's steps over seeds); each function
is pure, so every engine gives the same results, and each result stands for one item, so a
progress bar can count them. Nothing is lost to a dying worker (killed, out of memory): the
results it sent stay, a new worker takes its place, its unfinished items are retried once, and
if they kill a worker again they run one by one, so only the item that kills is lost, by name.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkProcess
from typing import Any, Generic, TypeVar

from converter.settings import Settings

ENGINES = ("local", "dask")
_MIN_ITEMS_PER_WORKER = 64
LOCAL_CHUNK_SIZE = 64
"""Items per local task: a few model batches, so the cores finish together and the bar moves."""
DASK_CHUNK_SIZE = 256
"""Items per Dask task: big enough to amortise a task, small enough to spread over workers."""
STUCK_FACTOR = 4
"""A worker silent for this many per-seed time limits is stuck where the limit cannot reach it
(C code that never checks for signals): it is killed and its items run one by one. The longest
honest silence is three: a model batch that overruns, then one seed's model pass and enrichment."""
_POLL_SECONDS = 0.2
"""How often the pool looks for a stop request or a stuck worker while it waits for results."""

Item = TypeVar("Item")
Result = TypeVar("Result")
ChunkFunction = Callable[[Sequence[Item], Settings], Iterable[Result]]
Lost = Callable[[Item, str], Result]

STOPPED = "not converted: the run was stopped"


def chunked(items: Sequence[Item], size: int) -> list[Sequence[Item]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def local_processes(settings: Settings, items: int) -> int:
    """One worker per core (or `settings.workers`), but none idle for want of items."""
    available = settings.workers or os.cpu_count() or 1
    return max(1, min(available, items // _MIN_ITEMS_PER_WORKER))


@dataclass(frozen=True, slots=True)
class Task(Generic[Item]):
    """Items a worker runs in one go; `tries` counts the workers that died on them before."""

    items: Sequence[Item]
    tries: int = 0
    alone: bool = False


@dataclass(frozen=True, slots=True)
class Crash:
    """A chunk function raised (a bug, not a seed): every item left in the task fails with it."""

    reason: str


@dataclass(frozen=True, slots=True)
class _Done:
    """The end of a task's results."""


def after_death(
    task: Task[Item], finished: int, stuck: bool
) -> tuple[list[Task[Item]], list[Item]]:
    """What becomes of a task whose worker died after `finished` results: tasks to run again and
    items lost. A first death is retried whole (the kernel's OOM killer picks any worker); a
    second, or a worker stuck past the time limit, runs the rest one by one; an item that kills
    its worker alone is lost."""
    rest = task.items[finished:]
    if task.alone or (task.tries and len(rest) == 1):
        return [], list(rest)
    if task.tries or stuck:
        return [Task((item,), task.tries + 1, alone=True) for item in rest], []
    return ([Task(rest, 1)] if rest else []), []


def _serve(
    function: ChunkFunction[Item, Result],
    settings: Settings,
    connection: Connection,
    inherited: list[Connection],
) -> None:
    """A worker's life: chunks in, one message per item out, until the pool closes the pipe."""
    for other in inherited:  # the pool's ends: once the pool is gone, this pipe reads EOF
        other.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the group; the pool decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        while True:
            items = connection.recv()
            try:
                for result in function(items, settings):
                    connection.send(result)
            except Exception as error:  # noqa: BLE001 - reported to the pool, which goes on
                connection.send(Crash(repr(error)))
                continue
            connection.send(_Done())
    except (EOFError, OSError):
        pass  # the pool, or the process that ran it, is gone: so is this worker


def exit_reason(process: multiprocessing.process.BaseProcess) -> str:
    """How a process ended, for a message: the signal that killed it, or its exit code."""
    code = process.exitcode
    if code is not None and code < 0:
        return f"killed by {signal.Signals(-code).name}"
    return f"exit code {code}"


class _Worker(Generic[Item]):
    """A forked worker, the task it runs and how many results of it have come back."""

    def __init__(
        self, function: ChunkFunction[Item, Any], settings: Settings, others: list[Connection]
    ) -> None:
        context = multiprocessing.get_context("fork")  # starts at once, shares the loaded model
        self.connection, child = context.Pipe()
        self.process: ForkProcess = context.Process(
            target=_serve,
            args=(function, settings, child, [*others, self.connection]),
            daemon=True,
        )
        self.process.start()
        child.close()
        self.task: Task[Item] | None = None
        self.finished = 0
        self.heard = time.monotonic()

    def give(self, task: Task[Item]) -> None:
        self.task, self.finished, self.heard = task, 0, time.monotonic()
        # A worker that died before it could take the task is seen dying by the pool loop.
        with suppress(OSError):
            self.connection.send(task.items)

    def unfinished(self) -> Sequence[Item]:
        return self.task.items[self.finished :] if self.task is not None else ()

    def receive(self) -> Iterator[Any]:
        """Every result already sent (a dead worker's too); a finished task leaves the worker."""
        try:
            while self.task is not None and self.connection.poll():
                message = self.connection.recv()
                self.heard = time.monotonic()
                if isinstance(message, _Done):
                    self.task = None
                elif isinstance(message, Crash):
                    yield message
                    self.task = None
                else:
                    self.finished += 1
                    yield message
        except (EOFError, OSError):
            return

    def death(self) -> str:
        return exit_reason(self.process)

    def end(self) -> None:
        """Close the pipe (an idle worker exits on EOF); a busy or lingering one is killed."""
        self.connection.close()
        if self.task is not None:
            self.process.kill()
        self.process.join(timeout=5)
        if self.process.exitcode is None:
            self.process.kill()
            self.process.join()


def map_local(
    function: ChunkFunction[Item, Result],
    items: Sequence[Item],
    settings: Settings,
    lost: Lost[Item, Result],
    processes: int,
    stop: threading.Event | None = None,
) -> Iterator[Result]:
    """`function` over chunks of `items` on `processes` forked workers; one result per item, in
    the order they finish. A dead or stuck worker is replaced and its items handled as
    `after_death` says; when `stop` is set, the items not yet done come back as lost."""
    queue: deque[Task[Item]] = deque(Task(chunk) for chunk in chunked(items, LOCAL_CHUNK_SIZE))
    workers: list[_Worker[Item]] = []
    stuck_after = settings.seed_timeout * STUCK_FACTOR
    try:
        while queue or any(worker.task for worker in workers):
            if stop is not None and stop.is_set():
                yield from (lost(item, STOPPED) for task in queue for item in task.items)
                for worker in workers:
                    yield from (lost(item, STOPPED) for item in worker.unfinished())
                return
            for worker in workers:
                if worker.task is None and queue:
                    worker.give(queue.popleft())
            while queue and len(workers) < processes:
                workers.append(_Worker(function, settings, [w.connection for w in workers]))
                workers[-1].give(queue.popleft())
            busy = [worker for worker in workers if worker.task is not None]
            wait([w.connection for w in busy] + [w.process.sentinel for w in busy], _POLL_SECONDS)
            for worker in busy:
                alive = worker.process.is_alive()  # before reading: a dead one has sent all
                yield from _results(worker, lost)
                stuck = time.monotonic() - worker.heard > stuck_after
                if worker.task is None or (alive and not stuck):
                    continue
                worker.process.kill()
                worker.process.join()
                yield from _results(worker, lost)
                if stuck:
                    why = f"timed out: its worker was stuck on it for over {stuck_after:g} s"
                else:
                    why = f"its worker process died on it ({worker.death()}), also run alone"
                if worker.task is not None:
                    again, dead = after_death(worker.task, worker.finished, stuck)
                    queue.extend(again)
                    yield from (lost(item, why) for item in dead)
                    worker.task = None
                worker.end()
                workers.remove(worker)
    finally:
        for worker in workers:
            worker.end()


def _results(worker: _Worker[Item], lost: Lost[Item, Result]) -> Iterator[Result]:
    """The worker's results so far; after a crash, the items it left fail with the reason."""
    task = worker.task
    for message in worker.receive():
        if isinstance(message, Crash) and task is not None:
            reason = f"internal error: {message.reason}"
            yield from (lost(item, reason) for item in task.items[worker.finished :])
        else:
            yield message


def _listed(function: ChunkFunction[Item, Result], items: Sequence[Item], settings: Settings):
    """A chunk's results as one list: what a Dask task sends back."""
    return list(function(items, settings))


def map_dask(
    function: ChunkFunction[Item, Result],
    items: Sequence[Item],
    settings: Settings,
    lost: Lost[Item, Result],
    stop: threading.Event | None = None,
) -> Iterator[Result]:
    """`function` over chunks on a Dask cluster: `settings.dask_address`, or a LocalCluster.
    Results come as chunks finish, not in item order. The per-seed time limit needs a process's
    main thread, so it does not apply on Dask's worker threads."""
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
            task = partial(_listed, function)
            futures = client.map(task, chunks, settings=settings, pure=False)
            chunk_of = {future.key: chunk for future, chunk in zip(futures, chunks, strict=True)}
            waiting = set(chunk_of)
            for future in as_completed(futures):
                if stop is not None and stop.is_set():
                    client.cancel(futures)
                    for key in [key for key in chunk_of if key in waiting]:
                        yield from (lost(item, STOPPED) for item in chunk_of[key])
                    return
                waiting.discard(future.key)
                try:
                    yield from future.result()
                except Exception as error:  # noqa: BLE001 - a lost task fails its items only
                    reason = f"dask task failed: {error!r}"
                    yield from (lost(item, reason) for item in chunk_of[future.key])
    finally:
        if cluster is not None:
            cluster.close()
