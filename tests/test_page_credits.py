"""Who published the page (publisher), wrote the story (authors) and supplied it (source)."""

import pytest
from helpers import page_facts_of


@pytest.mark.parametrize(
    ("footer", "publisher"),
    [
        ("<p>© 2024 Coast Times Media. All rights reserved.</p>", "Coast Times Media"),
        ("<p>Copyright (c) 2008 NY1 News</p>", "NY1 News"),
    ],
)
def test_the_copyright_line_names_the_publisher_when_nothing_else_does(footer, publisher):
    assert page_facts_of("<title>Harbour wall approved</title>", footer).publisher == publisher


def test_the_host_is_the_last_resort_publisher():
    found = page_facts_of(
        "<title>Harbour wall approved</title>"
        "<meta property='og:url' content='https://www.coasttimes.example/news/1'>",
        "<h1>Harbour wall approved</h1>",
    )
    assert found.publisher == "coasttimes.example"


def test_labels_of_the_byline_box_are_not_authors():
    found = page_facts_of(
        "<title>Harbour wall approved</title><meta name='author' content='View Profile'>",
        "<h1>Harbour wall approved</h1><p class='author'>By <a rel='author'>Name</a></p>",
    )
    assert found.authors == ()
    named = page_facts_of(
        "<title>Harbour wall approved</title>"
        "<meta name='author' content='Theresa May; Ludwig van Beethoven; Karl zu Guttenberg'>",
        "<h1>Harbour wall approved</h1>",
    )
    assert named.authors == ("Theresa May", "Ludwig van Beethoven", "Karl zu Guttenberg")
