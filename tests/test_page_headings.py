"""The elements that could be a page's headline, and how surely each is one."""

import pytest

from converter.html import parse_page
from converter.page.headings import heading_around, heading_rank, part_of_a_line, shown_texts


@pytest.mark.parametrize(
    ("element", "rank"),
    [
        ("<h1>Harbour wall approved</h1>", 5),
        ("<h2>Harbour wall approved</h2>", 4),
        ("<div class='story-title'>Harbour wall approved</div>", 2),
        ("<b>Harbour wall approved</b>", 1),
        ("<span style='font-size: 18px'>Harbour wall approved</span>", 1),
        ("<h1 class='subhead'>Harbour wall approved</h1>", 0),
        ("<span>Harbour wall approved</span>", 0),
    ],
)
def test_a_heading_ranks_by_tag_then_class_then_bold_type(element, rank):
    tree = parse_page(f"<html><body><div>{element}</div><p>Other text.</p></body></html>")
    assert heading_rank(tree.find("body/div")[0]) == rank


def test_the_heading_around_a_link_is_its_heading():
    tree = parse_page("<html><body><h1><a href='/x'>Harbour wall approved</a></h1></body></html>")
    link = tree.find(".//a")
    assert heading_around(link).tag == "h1"
    assert heading_around(tree.find("body")) is None


def test_shown_texts_keep_the_pieces_of_children_apart_and_skip_long_blocks():
    tree = parse_page(
        "<html><body><h1>Harbour<span>Published</span></h1><p>"
        + "word " * 80
        + "</p></body></html>"
    )
    assert [shown.text for shown in shown_texts(tree)] == ["Harbour Published", "Published"]


@pytest.mark.parametrize(
    ("paragraph", "part"),
    [
        ("<p>The council said <a id=t>harbour wall plans</a> would go ahead.</p>", True),
        ("<p>The council said <b><a id=t>harbour wall plans</a></b> would go ahead.</p>", True),
        ("<p><a id=t>Harbour wall plans</a> site with all you need to know</p>", True),
        ("<p>Coast Network: <a id=t>Harbour wall plans</a></p>", True),
        ("<p>Read more <a>here</a><br><a id=t>Harbour wall plans</a><br>Tuesday</p>", False),
        ("<h1><b><a id=t>Harbour wall plans</a></b></h1>", False),
    ],
)
def test_inline_text_with_words_of_its_line_beside_it_is_part_of_a_line(paragraph, part):
    tree = parse_page(f"<html><body>{paragraph}</body></html>")
    assert part_of_a_line(tree.get_element_by_id("t")) is part
