"""One run at a time per docs directory: a second `archive convert` or `build` waits or leaves.

The lock is a POSIX record lock on `docs/.archive.lock`, which the kernel drops when its process
ends in any way, `kill -9` included: a lock left by a killed run is simply free, and the file
it left (naming that run) lets the next run say that it took it over. Record locks are not
inherited by forked workers, so only the run's own process holds it.
"""

from __future__ import annotations

import fcntl
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".archive.lock"
"""Hidden, so MkDocs never publishes it; removed when the run ends."""


class RunLockedError(Exception):
    """Another run holds the lock and the caller would not wait (`--no-wait`)."""

    def __init__(self, out_dir: Path, holder: str) -> None:
        super().__init__(f"another run is converting into {out_dir}: {holder}")
        self.holder = holder


def _holder() -> str:
    started = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime())
    return f"pid {os.getpid()} on {socket.gethostname()}, started {started}"


def _read(descriptor: int) -> str:
    os.lseek(descriptor, 0, os.SEEK_SET)
    return os.read(descriptor, 4096).decode("utf-8", "replace").strip() or "a run"


@contextmanager
def run_lock(
    out_dir: Path, wait: bool = True, on_wait: Callable[[str], None] | None = None
) -> Iterator[str]:
    """Hold the lock on `out_dir` for the block, waiting for another run first (telling
    `on_wait` who holds it) or raising RunLockedError when `wait` is False. Yields the run a
    stale lock named ('' when the lock was free and clean)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / LOCK_NAME
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = _read(descriptor)
            if not wait:
                os.close(descriptor)
                raise RunLockedError(out_dir, holder) from None
            if on_wait is not None:
                on_wait(holder)
                on_wait = None
            fcntl.lockf(descriptor, fcntl.LOCK_EX)
        try:
            same_file = os.stat(path).st_ino == os.fstat(descriptor).st_ino
        except FileNotFoundError:
            same_file = False
        if same_file:  # not a file the run before us removed while we waited on it
            break
        os.close(descriptor)
    stale = _read(descriptor) if os.fstat(descriptor).st_size else ""
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, _holder().encode("utf-8"), 0)
    try:
        yield stale
    finally:
        path.unlink(missing_ok=True)
        os.close(descriptor)
