"""The manifest (converter/manifest.py): every data file the converter ships counts in its
stamp, and a manifest that is not what the converter writes is not trusted."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from converter.manifest import MANIFEST_NAME, current_stamp, data_hash, load_manifest


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


GOOD = {"seed_hash": "a", "text_hash": "b", "title": "T", "page": "articles/t.md", "page_hash": "c"}
STAMP = {"converter": "1", "data": "d", "model": "m"}


@pytest.mark.parametrize(
    "page",
    ["../t.md", "articles/../../t.md", "/etc/passwd", "articles/t.txt", "articles/T.md", "t.md"],
)
def test_a_record_pointing_out_of_articles_is_left_out(tmp_path: Path, page: str) -> None:
    assert seeds_kept_beside(tmp_path, GOOD | {"page": page}) == {"good"}


@pytest.mark.parametrize(
    "record",
    [
        GOOD | {"page_hash": 5},
        GOOD | {"extra": "x"},
        {key: value for key, value in GOOD.items() if key != "title"},
        ["articles/t.md"],
        None,
        "articles/t.md",
    ],
)
def test_a_record_not_as_written_is_left_out(tmp_path: Path, record: object) -> None:
    assert seeds_kept_beside(tmp_path, record) == {"good"}


def seeds_kept_beside(docs: Path, bad: object) -> set[str]:
    """The seeds load_manifest keeps of a manifest holding a good record and `bad`."""
    seeds = {"good": GOOD, "bad": bad}
    (docs / MANIFEST_NAME).write_text(json.dumps({"stamp": STAMP, "seeds": seeds}))
    return set(load_manifest(docs).seeds)


@pytest.mark.parametrize(
    "text", ["", "{", "[]", '{"stamp": {}, "seeds": {}}', json.dumps({"stamp": STAMP, "seeds": []})]
)
def test_a_manifest_that_is_no_manifest_is_none(tmp_path: Path, text: str) -> None:
    (tmp_path / MANIFEST_NAME).write_text(text)
    assert load_manifest(tmp_path) is None
