import os
from pathlib import Path

import pytest

from converter.frontmatter import read_field
from converter.write import (
    TEMP_SUFFIX,
    existing_pages,
    page_path,
    remove_temp_files,
    write_if_changed,
)


def test_write_only_when_changed(tmp_path):
    path = tmp_path / "articles" / "a.md"
    assert write_if_changed(path, "one")
    mtime = path.stat().st_mtime_ns
    assert not write_if_changed(path, "one")
    assert path.stat().st_mtime_ns == mtime
    assert write_if_changed(path, "two") and path.read_text() == "two"
    assert [p.name for p in path.parent.iterdir()] == ["a.md"]


@pytest.mark.parametrize("slug", ["../x", "a/b", "", ".hidden", "UPPER", "a.b"])
def test_page_path_refuses_unsafe_names(tmp_path, slug):
    with pytest.raises(ValueError):
        page_path(tmp_path, slug)


def test_page_path_lands_in_articles(tmp_path):
    assert page_path(tmp_path, "ok-slug") == (tmp_path / "articles" / "ok-slug.md").resolve()


def test_existing_pages_reads_seed_fields(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ours.md").write_text("---\ntitle: T\nseed: 001_x\n---\n\nBody.\n")
    (articles / "hand-written.md").write_text("# Not ours\n")
    assert existing_pages(tmp_path) == [("001_x", articles / "ours.md")]
    assert read_field(articles / "hand-written.md", "seed") is None


def test_temp_files_of_an_interrupted_run_are_swept(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / ".a.md.k3j2h1g0.tmp").write_text("partial")
    (tmp_path / "..manifest.json.x9y8z7w6.tmp").write_text("{")
    (articles / "kept.md").write_text("---\ntitle: T\n---\n")
    (tmp_path / "notes.tmp").write_text("not ours: not hidden")
    remove_temp_files(tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["articles", "kept.md", "notes.tmp"]


def test_temp_files_are_hidden_so_mkdocs_never_publishes_them(tmp_path, monkeypatch):
    path = tmp_path / "articles" / "a.md"
    renamed = []
    real_replace = os.replace

    def spy(source, target):
        renamed.append(Path(source).name)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    write_if_changed(path, "content")
    assert renamed[0].startswith(".a.md.") and renamed[0].endswith(TEMP_SUFFIX)
    assert path.read_text() == "content"


def test_a_failed_write_leaves_the_old_page_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "articles" / "a.md"
    write_if_changed(path, "old")

    def broken(*_):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_if_changed(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in path.parent.iterdir()] == ["a.md"]


def test_pages_are_written_whole_with_a_final_newline_and_utf8(tmp_path):
    path = tmp_path / "articles" / "a.md"
    content = "---\ntitle: Zürich 🎉\n---\n\n" + "x" * 3_000_000 + "\n"
    assert write_if_changed(path, content)
    assert path.read_bytes() == content.encode("utf-8")


def test_a_symlink_at_a_page_is_replaced_never_written_through(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text("content")
    (articles / "escape.md").symlink_to(elsewhere)
    path = page_path(tmp_path, "escape")
    assert path == articles.resolve() / "escape.md"
    assert write_if_changed(path, "content")  # the same text, but behind a link: written
    assert not path.is_symlink() and path.read_text() == "content"
    assert elsewhere.read_text() == "content"
