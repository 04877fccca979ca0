"""Timing for the benchmarks: the fastest of a few runs, the first paying any warm-up."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from typing import TypeVar

Result = TypeVar("Result")


def cpu_seconds() -> float:
    """CPU time of this process and of the worker processes it has waited for: on a machine
    shared with other work, steadier than wall time."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def best_times(work: Callable[[], Result], rounds: int) -> tuple[float, float, Result]:
    """The fastest wall time and the least CPU time of `rounds` runs of `work`, in seconds,
    and what the last run returned."""
    walls, cpus = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        result = work()
        walls.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - start_cpu)
    return min(walls), min(cpus), result


def best_time(work: Callable[[], Result], rounds: int) -> tuple[float, Result]:
    """The fastest of `rounds` runs of `work`, in seconds, and what the last run returned."""
    wall, _, result = best_times(work, rounds)
    return wall, result
