"""Timing for the benchmarks: the fastest of a few runs, the first paying any warm-up."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

Result = TypeVar("Result")


def best_time(work: Callable[[], Result], rounds: int) -> tuple[float, Result]:
    """The fastest of `rounds` runs of `work`, in seconds, and what the last run returned."""
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - start)
    return min(timings), result
