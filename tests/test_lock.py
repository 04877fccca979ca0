"""One run at a time per docs directory, with real processes: a second run waits or leaves, and
the lock of a run killed with kill -9 is taken over."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

from converter.lock import LOCK_NAME, RunLockedError, run_lock

# A run that holds the lock until it is killed, saying when it has it.
HOLDER = """
import sys, time
from pathlib import Path
from converter.lock import run_lock

with run_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(3600)
"""


def start_holder(docs: Path) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(docs)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline() == "locked\n"
    return holder


def stop(process: subprocess.Popen, how: int = signal.SIGKILL) -> None:
    process.send_signal(how)
    process.wait()
    process.stdout.close()


def test_a_free_lock_is_taken_and_removed_when_the_run_ends(tmp_path):
    with run_lock(tmp_path / "docs") as stale:
        assert stale == ""
        assert f"pid {os.getpid()} " in (tmp_path / "docs" / LOCK_NAME).read_text()
    assert not (tmp_path / "docs" / LOCK_NAME).exists()


def test_without_waiting_a_held_lock_is_an_error_naming_the_holder(tmp_path):
    holder = start_holder(tmp_path)
    try:
        with pytest.raises(RunLockedError, match=rf"pid {holder.pid} on "), run_lock(
            tmp_path, wait=False
        ):
            pytest.fail("took a lock another process holds")
    finally:
        stop(holder)


def test_a_waiting_run_is_told_who_it_waits_for_and_gets_the_lock_when_it_is_free(tmp_path):
    holder = start_holder(tmp_path)
    told = []

    def on_wait(who: str) -> None:
        told.append(who)
        stop(holder, signal.SIGTERM)  # the other run ends while this one waits

    with run_lock(tmp_path, on_wait=on_wait):
        assert f"pid {os.getpid()} " in (tmp_path / LOCK_NAME).read_text()
    assert len(told) == 1 and f"pid {holder.pid} " in told[0]


def test_the_lock_of_a_run_killed_with_kill_9_is_taken_over(tmp_path):
    holder = start_holder(tmp_path)
    stop(holder)
    assert f"pid {holder.pid} " in (tmp_path / LOCK_NAME).read_text()  # left behind
    with run_lock(tmp_path, wait=False) as stale:
        assert f"pid {holder.pid} " in stale
