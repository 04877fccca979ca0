"""The date a page shows by its headline, when its markup gives none."""

from helpers import ARTICLE, page_facts_of

from converter.html import parse_page
from converter.page.dateline import shown_date


def test_the_date_line_under_the_headline_is_the_pages_date():
    found = page_facts_of(
        "<title>Harbour authority approves breakwater | Coast Times</title>",
        "<h1>Harbour authority approves breakwater</h1><p>Posted on January 7, 2008 by Jane"
        " Smith</p>",
    )
    assert found.date == "2008-01-07"


def test_a_date_glued_under_the_headline_in_its_own_block_is_found():
    tree = parse_page(
        "<p><span style='font-size:14px'>Harbour authority approves breakwater</span><br>"
        "at 12:19 on January 7, 2008, EST.</p><p>Nothing on 3 March 2001 here.</p>"
    )
    assert shown_date(tree, "Harbour authority approves breakwater", "en") == "2008-01-07"


def test_a_date_far_from_the_headline_or_in_running_text_is_not_the_pages():
    filler = "".join(f"<p>Menu item {number}</p>" for number in range(12))
    tree = parse_page(
        f"<h1>Harbour authority approves breakwater</h1>{filler}<p>Archive: March 3, 2001</p>"
        "<p>The wall, first proposed on March 3, 2001, was approved after two years of public"
        " hearings, the council said.</p>"
    )
    assert shown_date(tree, "Harbour authority approves breakwater", "en") == ""
    assert page_facts_of("<title>Coast Times</title>", "<h1>Coast</h1>", ARTICLE).date == ""
