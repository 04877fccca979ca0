"""The archive model assembled (converter/site/archive.py): order-free, dated articles first."""

from __future__ import annotations

from helpers import archive_of, article, hand_written


def test_archive_is_the_same_whatever_order_pages_arrive_in() -> None:
    pages = hand_written()
    first = archive_of(pages)
    second = archive_of(list(reversed(pages)))
    assert first == second


def test_dated_articles_are_the_leading_run_of_the_archive() -> None:
    archive = archive_of(
        [article("u"), article("b", date="2016-01-02"), article("a", date="2016-03-04")],
    )
    assert [a.date for a in archive.dated] == ["2016-03-04", "2016-01-02"]
    assert archive_of([article("u")]).dated == ()
