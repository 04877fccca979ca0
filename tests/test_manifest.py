"""The manifest's stamp (converter/manifest.py): every data file the converter ships counts."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from converter.manifest import current_stamp, data_hash


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "aliases.yaml").write_text("actors: []\n")
    (folder / "language.yaml").write_text("titles: [president]\n")
    return folder


def test_every_file_of_the_data_folder_is_in_the_hash(data_dir: Path) -> None:
    before = data_hash(data_dir)
    (data_dir / "chrome.yaml").write_text("lines: [share]\n")  # a new list: no registry to edit
    added = data_hash(data_dir)
    (data_dir / "chrome.yaml").write_text("lines: [share, refresh]\n")
    edited = data_hash(data_dir)
    (data_dir / "chrome.yaml").unlink()
    assert len({before, added, edited}) == 3
    assert data_hash(data_dir) == before


def test_renaming_a_file_changes_the_hash(data_dir: Path) -> None:
    before = data_hash(data_dir)
    (data_dir / "aliases.yaml").rename(data_dir / "curated.yaml")
    assert data_hash(data_dir) != before


def test_package_plumbing_is_not_data(data_dir: Path) -> None:
    before = data_hash(data_dir)
    (data_dir / "__init__.py").write_text("# edited\n")
    (data_dir / "__pycache__").mkdir()
    (data_dir / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"\0")
    assert data_hash(data_dir) == before


def test_the_stamp_hashes_the_packaged_data() -> None:
    packaged = resources.files("converter.data")
    names = {path.name for path in packaged.iterdir() if path.is_file()} - {"__init__.py"}
    assert {"aliases.yaml", "language.yaml", "topics.yaml", "topic_model.json"} <= names
    assert current_stamp().data == data_hash(packaged)
