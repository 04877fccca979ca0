"""Generated pages (converter/site/pages.py): the model cut into pages, with no build."""

from __future__ import annotations

from helpers import archive_of, article, layout

from converter.site.model import Archive
from converter.site.pages import (
    EntryPage,
    IndexPage,
    generated_pages,
    home,
    page_meta,
)
from converter.site.stats import kind_counts


def test_page_meta_names_the_template_and_keeps_generated_pages_out_of_search() -> None:
    assert page_meta("John Kerry", "archive/actor.html", "3 articles.") == {
        "title": "John Kerry",
        "template": "archive/actor.html",
        "description": "3 articles.",
        "search": {"exclude": True},
    }
    assert "description" not in page_meta("Actors", "archive/index.html")


def test_generated_pages_cover_home_indexes_and_every_entry(site_archive: Archive) -> None:
    pages = generated_pages(site_archive, layout(latest=2), with_home=True)
    uris = [page.src_uri for page in pages]
    archive = site_archive
    entries = [
        *archive.actors.entries,
        *archive.topics.entries,
        *archive.sources.entries,
        *archive.publishers.entries,
        *archive.authors.entries,
        *archive.dates.entries,
    ]
    with_pages = [entry for entry in entries if entry.has_page]
    # Nothing in the fixture archive is long enough to need a second page.
    assert len(uris) == len(set(uris)) == 1 + 6 + len(with_pages)
    assert {entry.src_uri for entry in with_pages} <= set(uris)
    assert {"dates/1996/08.md", "dates/2016/09.md", "dates/undated.md"} <= set(uris)
    # Only home and the six indexes belong in the nav; entry pages would not scale there.
    assert {page.src_uri for page in pages if page.in_nav} == {
        "index.md",
        "dates/index.md",
        "actors/index.md",
        "topics/index.md",
        "sources/index.md",
        "publishers/index.md",
        "authors/index.md",
    }
    assert pages[0].src_uri == "index.md" and len(pages[0].context["archive_home"].latest) == 2


def test_generated_pages_leave_a_hand_written_home_alone(site_archive: Archive) -> None:
    pages = generated_pages(site_archive, layout(), with_home=False)
    assert "index.md" not in [page.src_uri for page in pages]


def test_a_long_entry_is_split_into_numbered_pages() -> None:
    articles = [
        article(f"a{n}", date=f"2016-09-{n:02}", actors=("John Kerry", f"Other {n}"))
        for n in range(1, 6)
    ]
    archive = archive_of(articles)
    pages = generated_pages(archive, layout(per_page=2), with_home=False)
    kerry = [page for page in pages if page.src_uri.startswith("actors/john-kerry")]
    assert [page.src_uri for page in kerry] == [
        "actors/john-kerry.md",
        "actors/john-kerry/page/2.md",
        "actors/john-kerry/page/3.md",
    ]
    shown: list[EntryPage] = [page.context["archive_entry_page"] for page in kerry]
    assert [a.src_uri for page in shown for a in page.articles] == [
        a.src_uri for a in archive.actors.by_name["John Kerry"].articles
    ]
    assert shown[0].profile is not None and shown[1].profile is None
    assert [page.pagination.number for page in shown if page.pagination] == [1, 2, 3]
    assert shown[1].pagination and shown[1].pagination.next_url == "actors/john-kerry/page/3/"
    assert [page.in_nav for page in kerry] == [False, False, False]
    assert kerry[1].meta["title"] == "John Kerry (page 2)"


def test_a_long_index_is_split_and_its_letters_reach_every_page() -> None:
    names = [f"{letter}{n}" for letter in "abc" for n in range(3)]
    archive = archive_of(
        [article("x", actors=tuple(names))], use_directory_urls=True, index_per_page=4
    )
    pages = generated_pages(archive, layout(), with_home=False)
    fronts: list[IndexPage] = [
        page.context["archive_index_page"]
        for page in pages
        if page.src_uri == "actors/index.md" or page.src_uri.startswith("actors/page/")
    ]
    assert len(fronts) == 3
    listed = [entry.name for page in fronts for group in page.groups for entry in group.entries]
    assert listed == [entry.name for entry in archive.actors.entries]
    # On the first page: A is here, B starts on page 1 too (a0-a2, b0), C starts on page 2.
    assert [(link.letter, link.url) for link in fronts[0].letters] == [
        ("A", None),
        ("B", None),
        ("C", "actors/page/2/"),
    ]
    assert [(link.letter, link.url) for link in fronts[2].letters] == [
        ("A", "actors/"),
        ("B", "actors/"),
        ("C", "actors/page/2/"),
    ]


def test_home_holds_figures_dates_and_a_chart_scaled_to_the_widest_bar() -> None:
    archive = archive_of(
        [
            article("a", date="2016-09-21", topics=("politics", "diplomacy")),
            article("b", date="2015-01-02", topics=("politics",), people=("Ann",), actors=("Ann",)),
            article("c", topics=("politics",), places=("Paris",), actors=("Paris",)),
        ],
    )
    front = home(archive, layout(chart=5))
    assert front.newest and front.newest.date == "2016-09-21"
    assert front.oldest and front.oldest.date == "2015-01-02"
    assert [(bar.entry.name, bar.count, bar.percent) for bar in front.chart] == [
        ("politics", 3, "100.00"),
        ("diplomacy", 1, "33.33"),
    ]
    assert [(kind.label, kind.count) for kind in kind_counts(archive.actors)] == [
        ("People", 1),
        ("Places", 1),
    ]


def test_actors_in_too_few_articles_get_a_line_on_the_index_not_a_page() -> None:
    articles = [
        article("one", actors=("Ann", "Bob", "Cy", "Dee")),
        article("two", actors=("Ann", "Dee")),
    ]
    archive = archive_of(articles, use_directory_urls=True, actor_page_min=2, index_per_page=2)
    actors = archive.actors.by_name
    assert [actors[name].has_page for name in ("Ann", "Bob", "Cy", "Dee")] == [
        True,
        False,
        False,
        True,
    ]
    # Bob is second on index page 1, Cy first on page 2: each link goes to that line.
    assert actors["Bob"].url == "actors/#entry-bob"
    assert actors["Cy"].url == "actors/page/2/#entry-cy"
    assert actors["Ann"].url == "actors/ann/"
    uris = {page.src_uri for page in generated_pages(archive, layout(), with_home=False)}
    assert {"actors/ann.md", "actors/dee.md", "actors/index.md", "actors/page/2.md"} <= uris
    assert "actors/bob.md" not in uris and "actors/cy.md" not in uris
    # Topics and sources keep their pages whatever their count.
    assert archive.sources.by_name["Reuters"].has_page


def test_actor_page_min_of_one_gives_every_actor_a_page() -> None:
    archive = archive_of([article("one", actors=("Ann",))], actor_page_min=1)
    assert archive.actors.by_name["Ann"].has_page
    assert archive.actors.by_name["Ann"].url == "actors/ann/"
