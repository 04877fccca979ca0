"""What a saved page's markup says: headline, site, date, byline, credit, language, address."""

import json

import pytest

from converter.html import parse_page
from converter.page_facts import is_site_name, language, page_facts, title_core, without_site

LEDE = (
    "The harbour authority approved the new breakwater on Tuesday after two years of public "
    "hearings, the council said on Wednesday morning."
)
ARTICLE = f"{LEDE}\n\nWork on the wall is due to start in the spring."


def facts(head: str, body: str, article: str = ARTICLE):
    markup = f"<html><head>{head}</head><body>{body}<p>{LEDE}</p></body></html>"
    return page_facts(parse_page(markup), article)


def test_the_heading_the_title_names_is_the_headline_without_the_site():
    found = facts(
        "<title>Harbour wall approved after long fight | The Coast Times</title>",
        "<h1><a href='/'>The Coast Times</a></h1><h2>Most read</h2>"
        "<h2>Harbour wall approved after long fight</h2>",
    )
    assert found.title == "Harbour wall approved after long fight"
    assert found.publisher == "The Coast Times"


def test_a_title_with_the_site_first_and_a_section_keeps_only_the_headline():
    assert title_core("Coast Times - Local news - Harbour wall approved", ("Coast Times",)) == (
        "Harbour wall approved"
    )
    assert without_site("Harbour wall approved: a long fight | Coast Times", ("Coast Times",)) == (
        "Harbour wall approved: a long fight"
    )


def test_a_headline_longer_than_the_part_the_separators_cut_is_kept_whole():
    found = facts(
        "<title>Raspberry Pi 3 - The credit card sized PC - All-time bestseller</title>",
        "<h1>Raspberry Pi 3 - The credit card sized PC - All-time bestseller</h1>",
        "The Raspberry Pi 3 went on sale on Monday, the credit card sized PC that has become "
        "an all-time bestseller in Britain, its makers said.",
    )
    assert found.title == "Raspberry Pi 3 - The credit card sized PC - All-time bestseller"


def test_when_the_title_names_only_the_site_the_heading_over_the_article_is_the_headline():
    found = facts(
        "<title>Coast Times - Local news</title>",
        "<h1>Local news</h1><div class='nav'><b>Weather</b></div>"
        "<h3>Harbour authority approves breakwater</h3><p class='date'>Tuesday 4 June 2024</p>",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_a_date_glued_after_the_heading_is_cut_off():
    found = facts(
        "<title>Coast Times</title>",
        "<h2>Harbour authority approves breakwater Tuesday, 4 June, 2024, 09:14</h2>",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_a_deck_under_the_headline_is_not_the_headline():
    found = facts(
        "<title>Coast Times</title>",
        "<div class='headline'>Harbour authority approves breakwater</div>"
        "<div class='subhead'>The harbour authority ends two years of hearings on the wall</div>",
    )
    assert found.title == "Harbour authority approves breakwater"


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
    found = facts(
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
    found = facts(
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


@pytest.mark.parametrize(
    ("footer", "publisher"),
    [
        ("<p>© 2024 Coast Times Media. All rights reserved.</p>", "Coast Times Media"),
        ("<p>Copyright (c) 2008 NY1 News</p>", "NY1 News"),
    ],
)
def test_the_copyright_line_names_the_publisher_when_nothing_else_does(footer, publisher):
    assert facts("<title>Harbour wall approved</title>", footer).publisher == publisher


def test_the_host_is_the_last_resort_publisher():
    found = facts(
        "<title>Harbour wall approved</title>"
        "<meta property='og:url' content='https://www.coasttimes.example/news/1'>",
        "<h1>Harbour wall approved</h1>",
    )
    assert found.publisher == "coasttimes.example"


def test_a_bare_year_is_no_date_and_a_date_shown_in_the_page_is():
    assert facts("<title>Harbour</title>", "<p>© 2019 Coast Times</p>").date == ""
    shown = facts("<title>Harbour</title>", "<p class='date'>Published 4 June 2024</p>")
    assert shown.date == "2024-06-04"


@pytest.mark.parametrize(
    ("markup", "code"),
    [
        ("<html lang='en-US'>", "en"),
        ("<html lang='pt_BR'>", "pt"),
        ("<html xml:lang='de'>", "de"),
        ("<html><meta http-equiv='content-language' content='fr-FR'>", "fr"),
        ("<html lang='English'>", ""),
        ("<html>", ""),
    ],
)
def test_language_is_a_two_letter_code(markup, code):
    assert language(parse_page(f"{markup}<body><p>{LEDE}</p></body></html>")) == code


def test_a_headline_that_names_the_site_is_not_the_site():
    sites = ("Facebook", "Calgary Sun")
    assert is_site_name("Facebook", sites)
    assert is_site_name("The Calgary Sun", sites)
    assert not is_site_name("Facebook buys a photo-sharing app for $1bn", sites)


def test_labels_of_the_byline_box_are_not_authors():
    found = facts(
        "<title>Harbour wall approved</title><meta name='author' content='View Profile'>",
        "<h1>Harbour wall approved</h1><p class='author'>By <a rel='author'>Name</a></p>",
    )
    assert found.authors == ()
    named = facts(
        "<title>Harbour wall approved</title>"
        "<meta name='author' content='Theresa May; Ludwig van Beethoven'>",
        "<h1>Harbour wall approved</h1>",
    )
    assert named.authors == ("Theresa May", "Ludwig van Beethoven")


def test_a_heading_that_is_exactly_the_pages_title_beats_a_different_og_title():
    found = facts(
        '<meta property="og:title" content="Harbour wall approved"><title>Harbour authority'
        " approves breakwater after two years of hearings | Coast Times</title>",
        "<h1>Harbour authority approves breakwater after two years of hearings</h1>"
        "<h2>Harbour wall approved</h2>",
    )
    assert found.title == "Harbour authority approves breakwater after two years of hearings"


def test_the_address_tells_the_headline_from_a_longer_tagline_in_the_title():
    found = facts(
        '<link rel="canonical" href="https://coast.example/2024/06/harbour-wall-approved/">'
        "<title>Harbour wall approved - Coast - The paper covering the whole harbour and"
        " its people</title>",
        "<h1>Coast - The paper covering the whole harbour and its people</h1>"
        "<h2>Harbour wall approved</h2>",
    )
    assert found.title == "Harbour wall approved"


def test_a_title_part_holding_an_address_is_the_sites():
    assert title_core("coasttimes.com: Harbour wall approved", ()) == "Harbour wall approved"
    assert title_core("Wall approved - News and features from Coast-Times.com", ()) == (
        "Wall approved"
    )


def test_the_headline_shown_with_other_punctuation_keeps_the_pages_characters():
    found = facts(
        "<title>Harbour Chiefs Approve Sajs Wall (from The Coast Times)</title>",
        "<p class='orange'>Harbour chiefs approve Saj’s wall</p>",
        f"Harbour chiefs approve Saj’s wall.\n\n{ARTICLE}",
    )
    assert found.title == "Harbour chiefs approve Saj’s wall"


def test_og_title_and_the_title_agreeing_name_the_headline_the_page_does_not_show():
    found = facts(
        '<meta property="og:title" content="Harbour authority approves breakwater">'
        "<title>Harbour authority approves breakwater | Coast Times | News of the coast</title>",
        "<h1>Coast Times</h1><div>Coast Times News of the coast Home About Contact Archives"
        " subscribe to our feed</div>",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_a_title_that_names_only_the_site_leaves_the_headline_to_the_text_rules():
    found = facts(
        '<link rel="canonical" href="https://www.coasttimes.com/">'
        "<title>coasttimes.com</title>",
        "<div>Harbour authority approves breakwater</div>",
    )
    assert found.title == ""


def test_a_title_that_is_a_label_with_nothing_after_it_names_the_site():
    found = facts(
        "<title>Coast Times:</title>",
        "<div>COAST TIMES</div><h1>Harbour authority approves breakwater</h1>",
        f"{LEDE} Coast Times readers had asked for it.",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_an_h1_sharing_only_a_common_word_with_the_article_is_not_taken():
    found = facts(
        "",
        "<h1>News</h1><p class='orange'>Harbour authority approves breakwater</p>"
        "<h1>Photo gallery</h1>",
        f"{ARTICLE}\n\nphoto by the harbour authority",
    )
    assert found.title == ""
