"""Incremental, deterministic, idempotent conversion over a small real archive (CoNLL seeds)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CORPUS, GOLDEN, REPO, tree

from converter.batch import Toolkit, check_directory, convert_directory
from converter.manifest import MANIFEST_NAME, load_manifest

NEW_SEED = GOLDEN / "000_f814c7b6e486f735.txt"


@pytest.fixture(scope="module")
def toolkit():
    return Toolkit()


@pytest.fixture(scope="module")
def archive(tmp_path_factory, toolkit):
    """The corpus converted once: (seeds dir, docs dir, tree after the first run)."""
    root = tmp_path_factory.mktemp("archive")
    seeds, docs = root / "seeds", root / "docs"
    shutil.copytree(CORPUS, seeds)
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert not report.failed
    return seeds, docs, tree(docs)


@pytest.fixture
def working_copy(archive, tmp_path):
    seeds, docs, _ = archive
    shutil.copytree(seeds, tmp_path / "seeds")
    shutil.copytree(docs, tmp_path / "docs")
    return tmp_path / "seeds", tmp_path / "docs"


def test_add_one_seed_converts_one_and_removal_restores_bytes(archive, working_copy, toolkit):
    _, _, before = archive
    seeds, docs = working_copy
    shutil.copy(NEW_SEED, seeds)
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert report.converted == ("articles/us-and-russia-poised-for-new-battle-over-syria.md",)
    after = tree(docs)
    changed = {name for name in after.keys() | before.keys() if after.get(name) != before.get(name)}
    assert changed == {
        "articles/us-and-russia-poised-for-new-battle-over-syria.md",
        MANIFEST_NAME,
    }
    again = convert_directory(seeds, docs, toolkit=toolkit)
    assert again.converted == () and tree(docs) == after
    (seeds / NEW_SEED.name).unlink()
    removed = convert_directory(seeds, docs, toolkit=toolkit)
    assert removed.removed == ("us-and-russia-poised-for-new-battle-over-syria.md",)
    assert tree(docs) == before


def test_unchanged_run_does_not_load_the_model(archive, working_copy):
    seeds, docs = working_copy
    fresh = Toolkit()
    report = convert_directory(seeds, docs, toolkit=fresh)
    assert report.converted == () and len(report.unchanged) == len(list(CORPUS.iterdir()))
    assert "nlp" not in fresh.__dict__


def test_directory_order_does_not_matter(archive, tmp_path, toolkit):
    _, _, expected = archive
    seeds = tmp_path / "reversed"
    seeds.mkdir()
    for path in sorted(CORPUS.iterdir(), reverse=True):
        shutil.copy(path, seeds / path.name)
    convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    assert tree(tmp_path / "docs") == expected


def test_edited_page_is_restored(working_copy, toolkit):
    seeds, docs = working_copy
    page = sorted((docs / "articles").glob("*.md"))[0]
    original = page.read_bytes()
    page.write_text("tampered")
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert report.converted == (f"articles/{page.name}",)
    assert page.read_bytes() == original


def test_exact_duplicate_gives_one_page_listing_both_seeds(working_copy, toolkit):
    seeds, docs = working_copy
    original = sorted(seeds.iterdir())[0]
    (seeds / "zz_copy.txt").write_text(original.read_text("utf-8").replace("\n", "\r\n"))
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert report.duplicates == ((original.stem, "zz_copy"),)
    assert len(report.converted) == 1
    page = (docs / report.converted[0]).read_text("utf-8")
    assert f"seeds:\n- {original.stem}\n- zz_copy\n" in page
    assert len(list((docs / "articles").glob("*.md"))) == len(list(CORPUS.iterdir()))


def test_check_names_stale_and_missing(working_copy, toolkit):
    seeds, docs = working_copy
    assert check_directory(seeds, docs) == []
    shutil.copy(NEW_SEED, seeds)
    first = sorted(seeds.glob("conll_*.txt"))[0]
    first.write_text(first.read_text("utf-8") + "\nAn added sentence for the test.\n")
    problems = check_directory(seeds, docs)
    assert problems == [
        "000_f814c7b6e486f735.txt: page missing or stale",
        f"{first.name}: page missing or stale",
    ]


# `archive convert` in a process of its own, importing the converter package from sys.argv[1].
CONVERT = """
import sys
from pathlib import Path

import converter
from converter.cli import main

assert Path(converter.__file__).is_relative_to(sys.argv[1]), converter.__file__
sys.argv = ["archive", "convert", *sys.argv[2:]]
main()
"""


def convert_with(package_root: Path, seeds: Path, docs: Path, report: Path) -> dict:
    """Run `archive convert` with the converter package (and its data) under `package_root`."""
    subprocess.run(
        [sys.executable, "-c", CONVERT, str(package_root), str(seeds), "--out", str(docs)]
        + ["--report", str(report)],
        check=True,
        capture_output=True,
        cwd=package_root,
        env={**os.environ, "PYTHONPATH": str(package_root)},
    )
    return json.loads(report.read_text("utf-8"))


def test_editing_a_word_list_reconverts_the_pages_it_changes(tmp_path):
    """A curator's real edit: the converter copied with its data, an abbreviation taken out of
    language.yaml, and the same seeds converted before and after by separate processes. Only
    the page whose first sentence ends after "Mr." is made again; no version was bumped."""
    root = tmp_path / "lib"
    package = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO / "converter", root / "converter", ignore=package)
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    seeds.mkdir()
    (seeds / "smith.txt").write_text(
        "Council approves budget\n\nMr. Smith said the council approved the budget. It passed.\n"
    )
    (seeds / "storm.txt").write_text(
        "Storm closes schools\n\nA storm closed every school on Monday. Classes resume soon.\n"
    )
    first = convert_with(root, seeds, docs, tmp_path / "first.json")
    assert first["counts"]["converted"] == 2
    before = tree(docs)
    smith = "articles/council-approves-budget.md"
    sentence = "Mr. Smith said the council approved the budget."
    assert f"description: {sentence}\n" in before[smith].decode()

    words = root / "converter" / "data" / "language.yaml"
    text = words.read_text("utf-8")
    assert text.count("\n  - Mr\n") == 1
    words.write_text(text.replace("\n  - Mr\n", "\n"), "utf-8")
    second = convert_with(root, seeds, docs, tmp_path / "second.json")

    outcomes = {entry["file"]: entry["outcome"] for entry in second["seeds"]}
    assert outcomes == {"smith.txt": "converted", "storm.txt": "unchanged"}
    after = tree(docs)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {smith, MANIFEST_NAME}
    assert "description: Mr.\n" in after[smith].decode()
    assert load_manifest(docs).stamp.data != json.loads(before[MANIFEST_NAME])["stamp"]["data"]


def test_near_duplicate_is_reported_and_merged_on_request(working_copy, toolkit):
    from converter.settings import Settings

    seeds, docs = working_copy
    original = max(seeds.glob("conll_*.txt"), key=lambda path: path.stat().st_size)
    edited = original.read_text("utf-8").replace(
        "refresh", "One extra sentence was added.\n\nrefresh"
    )
    (seeds / "zz_republished.txt").write_text(edited)
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert report.near_duplicates == ((original.stem, "zz_republished"),)
    assert len(report.converted) == 1
    merged = convert_directory(seeds, docs, Settings(merge_near_duplicates=True), toolkit=toolkit)
    assert merged.duplicates == ((original.stem, "zz_republished"),)
    assert len(list((docs / "articles").glob("*.md"))) == len(list(CORPUS.iterdir()))
