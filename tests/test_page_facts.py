"""The facts of a saved page, read in trafilatura's order: structured data, then meta tags,
then the visible page."""

import json

from helpers import page_facts_of


def test_markup_facts_come_from_structured_data_first():
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harbour wall approved",
        "datePublished": "2024-06-04T09:00:00Z",
        "author": {"@type": "Person", "name": "Mary Jones"},
        "publisher": {"@type": "Organization", "name": "Coast Times Group"},
        "sourceOrganization": {"@type": "Organization", "name": "Associated Press"},
    }
    found = page_facts_of(
        "<title>Harbour wall approved - Coast Times</title>"
        f"<script type='application/ld+json'>{json.dumps(data)}</script>"
        "<link rel='canonical' href='https://www.coasttimes.example/news/harbour-wall'>",
        "<h1>Harbour wall approved</h1>",
    )
    assert found.title == "Harbour wall approved"
    assert found.date == "2024-06-04"
    assert found.authors == ("Mary Jones",)
    assert found.publisher == "Coast Times Group"
    assert found.source == "Associated Press"
    assert found.url == "https://www.coasttimes.example/news/harbour-wall"


def test_meta_tags_when_there_is_no_structured_data():
    found = page_facts_of(
        "<title>Harbour wall approved</title>"
        "<meta property='og:site_name' content='The Coast Times'>"
        "<meta property='article:published_time' content='2024-06-04T09:00:00+02:00'>"
        "<meta name='author' content='Mary Jones'>"
        "<meta name='DCSext.contentprovider' content='AP'>",
        "<h1>Harbour wall approved</h1>",
    )
    assert (found.publisher, found.date, found.authors, found.source) == (
        "The Coast Times",
        "2024-06-04",
        ("Mary Jones",),
        "AP",
    )


def test_a_bare_year_is_no_date_and_a_date_shown_in_the_page_is():
    assert page_facts_of("<title>Harbour</title>", "<p>© 2019 Coast Times</p>").date == ""
    shown = page_facts_of("<title>Harbour</title>", "<p class='date'>Published 4 June 2024</p>")
    assert shown.date == "2024-06-04"
