"""Incremental, deterministic, idempotent conversion over a small real archive (CoNLL seeds)."""

import shutil
from pathlib import Path

import pytest

from converter.batch import Toolkit, check_directory, convert_directory
from converter.manifest import MANIFEST_NAME, load_manifest

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
NEW_SEED = FIXTURES / "golden" / "000_f814c7b6e486f735.txt"


@pytest.fixture(scope="module")
def toolkit():
    return Toolkit()


def tree(directory: Path) -> dict[str, bytes]:
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


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


def test_curated_data_change_rerenders_only_affected_pages(working_copy, toolkit, monkeypatch):
    seeds, docs = working_copy
    manifest = load_manifest(docs)
    monkeypatch.setattr(
        "converter.batch.current_stamp",
        lambda: manifest.stamp.__class__(manifest.stamp.converter, "edited", manifest.stamp.model),
    )
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert report.stamp_changed
    assert report.converted == () and len(report.unchanged) == len(list(CORPUS.iterdir()))


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
