"""Numbered series of pages (converter/site/pagination.py)."""

from __future__ import annotations

from converter.site.pagination import PageLink, pagination, runs_of


def test_pagination_shows_a_window_around_the_current_page() -> None:
    urls = [f"p{n}/" for n in range(1, 11)]
    assert pagination(urls[:1], 0) is None
    bar = pagination(urls, 4)
    assert bar is not None
    assert (bar.number, bar.total, bar.previous_url, bar.next_url) == (5, 10, "p4/", "p6/")
    assert [link.number for link in bar.links] == [1, None, 3, 4, 5, 6, 7, None, 10]
    assert [link.number for link in bar.links if link.current] == [5]
    first = pagination(urls, 0)
    assert first is not None and first.previous_url is None
    assert first.links[:4] == (
        PageLink(1, "p1/", current=True),
        PageLink(2, "p2/"),
        PageLink(3, "p3/"),
        PageLink(None, None),
    )
    last = pagination(urls, 9)
    assert last is not None and last.next_url is None



def test_runs_of_cut_a_list_into_pages_and_keep_one_empty_page() -> None:
    assert runs_of([1, 2, 3, 4, 5], 2) == [(1, 2), (3, 4), (5,)]
    assert runs_of([], 50) == [()]
