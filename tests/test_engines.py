"""The Dask engine (a real LocalCluster) gives the very pages the local engine gives."""

import shutil
from pathlib import Path

import pytest

from converter.batch import Toolkit, convert_directory
from converter.engines import local_processes
from converter.settings import Settings

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def tree(directory: Path) -> dict[str, bytes]:
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


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
