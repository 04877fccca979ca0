"""Whole runs over a seeds directory: golden output, idempotence, failures that do not stop."""

import re
import shutil

import pytest
from helpers import GOLDEN, page_parts, tree

from converter.batch import Toolkit, convert_directory

SEED = "000_f814c7b6e486f735.txt"
PAGE = "us-and-russia-poised-for-new-battle-over-syria.md"


@pytest.fixture(scope="module")
def toolkit():
    return Toolkit()


@pytest.fixture
def seeds(tmp_path):
    directory = tmp_path / "seeds"
    directory.mkdir()
    shutil.copy(GOLDEN / SEED, directory / SEED)
    return directory


def test_seed_converts_to_the_golden_page(seeds, tmp_path, toolkit):
    report = convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    assert report.converted == (f"articles/{PAGE}",) and not report.failed
    assert (tmp_path / "docs" / "articles" / PAGE).read_text("utf-8") == (GOLDEN / PAGE).read_text(
        "utf-8"
    )


def test_golden_page_meets_the_seed_contract(seeds, tmp_path, toolkit):
    convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    matter, body = page_parts((tmp_path / "docs" / "articles" / PAGE).read_text("utf-8"))
    assert matter["title"] == "US and Russia poised for new battle over Syria"
    assert matter["source"] == "Associated Press"
    assert matter["seed"] == "000_f814c7b6e486f735"
    assert [video["duration"] for video in matter["media"]] == ["00:43", "02:15"]
    assert all(
        video["source"] == "ONE News" and video["kind"] == "video" for video in matter["media"]
    )
    assert "\n## Attack on aid convoy\n" in body
    for chrome in ("share", "loading error", "refresh", "00:43", "02:15", "Source:", "ONE News"):
        assert not re.search(rf"(?m)^{re.escape(chrome)}$", body) and chrome not in body
    expected = {
        "John Kerry",
        "Sergey Lavrov",
        "Bashar Assad",
        "United States",
        "Russia",
        "Syria",
        "UN Security Council",
        "International Syria Support Group",
        "US Congress",
    }
    assert expected <= set(matter["actors"])
    assert not {
        "Kerry",
        "Assad",
        "US",
        "Source",
        "However",
        "Instead",
        "Attack",
        "Associated Press",
        "AP",
    } & set(matter["actors"])
    assert matter["topics"][0] == "conflict, war and peace"
    assert {"diplomacy", "humanitarian aid"} <= set(matter["topics"])
    assert matter["description"].startswith("With Syria's cease-fire in shambles")


def test_every_body_sentence_appears_exactly_once(seeds, tmp_path, toolkit):
    convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    _, body = page_parts((tmp_path / "docs" / "articles" / PAGE).read_text("utf-8"))
    raw = (seeds / SEED).read_text("utf-8").replace("\u00a0", " ")
    paragraphs = [
        line for line in raw.split("\n") if len(line.split()) > 8 and line.endswith((".", '"'))
    ]
    video_descriptions = {line for line in paragraphs if paragraphs.count(line) == 2}
    for paragraph in set(paragraphs) - video_descriptions:
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph):
            assert body.count(sentence) == 1, sentence
    for description in video_descriptions:
        assert description not in body


def test_second_run_changes_nothing(seeds, tmp_path, toolkit):
    docs = tmp_path / "docs"
    convert_directory(seeds, docs, toolkit=toolkit)
    before = tree(docs)
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert report.converted == () and len(report.unchanged) == 1
    assert tree(docs) == before


def test_bad_seeds_fail_alone_and_by_name(seeds, tmp_path, toolkit):
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (seeds / "chrome-only.txt").write_text("Headline\n\nshare\n\nrefresh\n")
    report = convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    assert report.exit_code == 1
    assert len(report.converted) == 1
    reasons = {failure.seed_file: failure.reason for failure in report.failed}
    assert set(reasons) == {"empty.txt", "image.png", "chrome-only.txt"}
    assert "not text" in reasons["image.png"]
    assert "no article text" in reasons["chrome-only.txt"]


def test_deleted_seed_loses_its_page(seeds, tmp_path, toolkit):
    docs = tmp_path / "docs"
    convert_directory(seeds, docs, toolkit=toolkit)
    (seeds / SEED).unlink()
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert report.removed == (PAGE,)
    assert not list((docs / "articles").glob("*.md"))


def test_two_seeds_with_one_title_get_two_pages(seeds, tmp_path, toolkit):
    shutil.copy(seeds / SEED, seeds / "copy.txt")
    (seeds / "copy.txt").write_text(
        (seeds / SEED).read_text("utf-8") + "\nOne more sentence here.\n"
    )
    report = convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    assert len(report.converted) == 2 and len(set(report.converted)) == 2


def test_symbolic_link_is_refused_by_name(seeds, tmp_path, toolkit):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret headline\n\nPrivate text that must not be published.\n")
    (seeds / "link.txt").symlink_to(secret)
    report = convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    assert [(f.seed_file, f.reason) for f in report.failed] == [
        ("link.txt", "refused: a symbolic link, not a seed file")
    ]
    assert len(report.converted) == 1
