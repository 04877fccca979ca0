"""The Dask engine (a real LocalCluster) gives the very pages the local engine gives."""

import os
import shutil

import pytest
from helpers import CORPUS, tree

from converter.batch import Toolkit, convert_directory
from converter.engines import local_processes, map_local
from converter.settings import Settings


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


def _double_or_die(items, settings):  # noqa: ANN001, ANN202 - a chunk function, as the pool calls it
    if "die" in items:
        os._exit(1)  # a worker killed mid-chunk (out of memory, kill -9)
    return [item * 2 for item in items]


def test_a_dying_worker_fails_its_items_by_name_and_the_run_goes_on():
    items = [f"s{n}" for n in range(200)]
    items[150] = "die"
    results = list(
        map_local(_double_or_die, items, Settings(), lambda item, why: ("lost", item, why), 2)
    )
    assert len(results) == len(items)  # every item comes back, once, in order
    lost = [result for result in results if isinstance(result, tuple)]
    assert ("die" in [item for _, item, _ in lost]) and all("died" in why for *_, why in lost)
    for result, item in zip(results, items, strict=True):  # the rest are right, in place
        expected = ("lost", item, result[2]) if isinstance(result, tuple) else item * 2
        assert result == expected
