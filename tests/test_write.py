import pytest

from converter.write import (
    existing_pages,
    page_path,
    read_seed_field,
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
    assert existing_pages(tmp_path) == {"001_x": articles / "ours.md"}
    assert read_seed_field(articles / "hand-written.md") is None


def test_temp_files_of_an_interrupted_run_are_swept(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / ".a.md.123.tmp").write_text("partial")
    remove_temp_files(tmp_path)
    assert list(articles.iterdir()) == []
