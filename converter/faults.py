"""Test-only faults: `ARCHIVE_FAULTS="die:seed_a,hang:seed_b,raise:seed_c"` makes the worker that
enriches those seeds die (SIGKILL), hang, or raise, so the fault tests and `benchmarks/faults.py`
drive the real pool and batch. `wedge` hangs with SIGALRM blocked, as C code that never checks
for signals would. Unset, as in every normal run, `inject` returns at once."""

from __future__ import annotations

import os
import signal
import time

FAULTS_VARIABLE = "ARCHIVE_FAULTS"
FAULTS = ("die", "hang", "wedge", "raise")


def planned_faults(spec: str) -> dict[str, str]:
    """'die:a,hang:b' -> {'a': 'die', 'b': 'hang'}; an unknown fault is an error, not ignored."""
    faults = {}
    for entry in filter(None, spec.split(",")):
        fault, _, seed = entry.partition(":")
        if fault not in FAULTS or not seed:
            raise ValueError(f"{FAULTS_VARIABLE}: {entry!r} is not one of {FAULTS} with a seed")
        faults[seed] = fault
    return faults


def inject(seed: str) -> None:
    """Where a seed's enrichment starts: do what `ARCHIVE_FAULTS` plans for `seed`, if anything."""
    spec = os.environ.get(FAULTS_VARIABLE)
    if not spec:
        return
    fault = planned_faults(spec).get(seed)
    if fault == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if fault == "wedge":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    if fault in ("hang", "wedge"):
        while True:
            time.sleep(3600)
    if fault == "raise":
        raise RuntimeError(f"fault injected into {seed} ({FAULTS_VARIABLE})")
