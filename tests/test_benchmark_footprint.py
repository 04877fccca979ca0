"""The footprint benchmark's arithmetic: which part a file is charged to, and what fits a host."""

from pathlib import PurePosixPath

from helpers import load_benchmark

footprint_benchmark = load_benchmark("footprint")
Host = footprint_benchmark.Host
largest_archive = footprint_benchmark.largest_archive
measure = footprint_benchmark.measure
part_of = footprint_benchmark.part_of
site_footprint = footprint_benchmark.site_footprint


def test_every_file_of_a_site_goes_to_its_part():
    assert part_of(PurePosixPath("articles/a/index.html")) == "articles"
    assert part_of(PurePosixPath("actors/page/2/index.html")) == "actors"
    assert part_of(PurePosixPath("topics/sport/feed.xml")) == "feeds"  # not "topics"
    assert part_of(PurePosixPath("feed.xml")) == "feeds"
    assert part_of(PurePosixPath("sitemap-2.xml")) == "sitemap"
    assert part_of(PurePosixPath("search-index/doc/0.json")) == "search index"
    assert part_of(PurePosixPath("assets/javascripts/bundle.js")) == "assets"
    assert part_of(PurePosixPath("index.html")) == "home and other"


def test_a_site_on_disk_is_summed_by_part(tmp_path):
    for relative, size in (("articles/a/index.html", 10), ("articles/b/index.html", 20)):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(b"x" * size)
    footprint = site_footprint(tmp_path)
    articles = next(part for part in footprint.parts if part.name == "articles")
    assert (articles.bytes, articles.files, footprint.folders) == (30, 2, 3)


def test_the_largest_archive_charges_fixed_assets_once():
    # 10 articles: 1,000 bytes and 2 files each, plus 5,000 bytes in 5 asset files.
    files = [(PurePosixPath(f"articles/{n}/index.html"), 500) for n in range(10)]
    files += [(PurePosixPath(f"search-index/doc/{n}.json"), 500) for n in range(10)]
    files += [(PurePosixPath(f"assets/{n}.css"), 1000) for n in range(5)]
    footprint = measure(files, folders=0)
    assert largest_archive(footprint, 10, Host("bytes", max_bytes=105_000)) == 100
    assert largest_archive(footprint, 10, Host("files", max_files=205)) == 100
    both = Host("both", max_bytes=10**9, max_entries=205)
    assert largest_archive(footprint, 10, both) == 100  # the stricter limit wins
