"""Saved pages -> RawSeed: the main text as blocks, the headline out of it, hostile markup."""

import pytest

from converter.errors import NoArticleTextError, SeedDecodeError
from converter.html import headline_first, parse_page, read_html, unwrap_layout_tables
from converter.read import is_html_name
from converter.rules import parse_seed

PARAGRAPHS = [
    "The harbour authority approved the new breakwater on Tuesday after two years of public "
    "hearings, the council said.",
    "Work on the 400-metre wall is due to start in the spring and to last eighteen months, "
    "according to the plans published by the authority.",
    "Fishermen, who had campaigned for the wall since the storms of 2019, welcomed the decision "
    "and said it would protect their boats in winter.",
]


def page(body: str, title: str = "Harbour wall approved | The Coast Times") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def article(extra: str = "") -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return f"<article><h1>Harbour wall approved</h1>{paragraphs}{extra}</article>"


@pytest.mark.parametrize(
    ("name", "html"),
    [("a.html", True), ("b.HTM", True), ("dir/c.htm", True), ("d.txt", False), ("html", False)],
)
def test_saved_pages_are_told_by_their_suffix(name, html):
    assert is_html_name(name) is html


def test_paragraphs_are_blocks_apart_and_the_headline_a_fact_that_leaves_the_body():
    seed = read_html("harbour.html", page(article()))
    assert seed.format == "html"
    assert seed.facts.title == "Harbour wall approved"
    assert seed.text.split("\n\n") == ["Harbour wall approved", *PARAGRAPHS]
    parsed = parse_seed(seed)
    assert parsed.title == "Harbour wall approved"
    assert [block.text for block in parsed.blocks] == PARAGRAPHS
    assert parsed.format == "html"


def test_headings_become_crossheads_and_line_breaks_paragraphs():
    body = article(
        "<h2>Fishermen relieved</h2><p>The harbour master said the wall was overdue and that "
        "boats had been damaged every winter.</p><p>First line of a letter.<br><br>"
        "Second paragraph of the same letter, written after the storm.</p>"
    )
    parsed = parse_seed(read_html("harbour.html", page(body)))
    kinds = [(block.kind, block.text[:30]) for block in parsed.blocks]
    assert ("crosshead", "Fishermen relieved") in kinds
    assert ("paragraph", "First line of a letter.") in kinds
    assert ("paragraph", "Second paragraph of the same l") in kinds


def test_list_items_and_table_rows_stay_apart():
    body = article(
        "<ul><li>Two new berths for the ferry</li><li>A walkway open to all</li></ul>"
        "<table><tr><th>Phase</th><th>Cost</th></tr><tr><td>Wall</td><td>£40m</td></tr></table>"
    )
    blocks = read_html("harbour.html", page(body)).text.split("\n\n")
    assert "Two new berths for the ferry" in blocks
    assert "A walkway open to all" in blocks
    assert "Wall | £40m" in blocks


def test_a_layout_table_gives_its_article_cell_not_its_menu():
    menu = "".join(f"<p><a href='/s/{n}'>Section {n} news and more</a></p>" for n in range(40))
    cell = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    body = (
        "<table><tr><td>" + menu + "</td><td><h1>Harbour wall approved</h1>" + cell + "</td>"
        "</tr></table>"
    )
    text = read_html("harbour.html", page(body)).text
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert "Section 7 news" not in text


def test_layout_tables_become_blocks_and_data_tables_stay_tables():
    tree = parse_page(
        page(
            "<table id='layout'><tr><td><p>Menu</p></td><td><h1>Story</h1><p>Text.</p></td></tr>"
            "</table><table id='data'><tr><th>Team</th><th>Points</th></tr>"
            "<tr><td>Ajax</td><td>3</td></tr></table>"
            "<table id='declared' role='presentation'><tr><td>Logo</td></tr></table>"
        )
    )
    unwrap_layout_tables(tree)
    assert tree.get_element_by_id("layout").tag == "div"
    assert tree.get_element_by_id("declared").tag == "div"
    assert tree.get_element_by_id("data").tag == "table"
    assert not tree.xpath("//div[@id='layout']//td | //div[@id='layout']//tr")
    assert len(tree.xpath("//table[@id='data']//td")) == 2


def test_scripts_handlers_and_markup_leave_nothing_but_text():
    body = article(
        "<script>alert('x')</script><p onclick=\"alert('p')\">A walkway "
        "<a href=\"javascript:alert('a')\">open to all</a> &lt;b&gt;shown&lt;/b&gt; as "
        "typed, with a <img src=x onerror=alert(1)> lighthouse at its end.</p>"
    )
    text = read_html("harbour.html", page(body)).text
    assert "A walkway open to all <b>shown</b> as typed, with a lighthouse at its end." in text
    assert "alert" not in text and "javascript" not in text


def test_the_headline_opens_the_text_once_even_with_a_date_under_it():
    blocks = ["Harbour wall approved\nTuesday 4 June 2024", PARAGRAPHS[0]]
    assert headline_first(blocks, "Harbour Wall Approved") == [
        "Harbour Wall Approved",
        "Tuesday 4 June 2024",
        PARAGRAPHS[0],
    ]
    assert headline_first(PARAGRAPHS, "Harbour wall approved") == [
        "Harbour wall approved",
        *PARAGRAPHS,
    ]
    assert headline_first(PARAGRAPHS, "") == PARAGRAPHS


def test_a_page_without_article_text_is_a_named_failure():
    with pytest.raises(NoArticleTextError, match="nothing in the page reads as an article"):
        read_html("menu.html", page("<ul><li><a href='/'>Home</a></li></ul>"))
    with pytest.raises(NoArticleTextError, match="the seed is empty"):
        read_html("empty.html", "  \n")


def test_a_fragment_without_html_or_body_is_still_read():
    markup = "<title>Harbour wall approved</title><h1>Harbour wall approved</h1>" + "".join(
        f"<p>{text}" for text in PARAGRAPHS
    )
    assert read_html("fragment.html", markup).text.split("\n\n") == [
        "Harbour wall approved",
        *PARAGRAPHS,
    ]


def test_nesting_past_the_parsers_limit_is_refused_not_silently_emptied():
    deep = page("<div>" * 3000 + article() + "</div>" * 3000)
    with pytest.raises(SeedDecodeError, match="256 deep"):
        parse_page(deep)
    assert parse_page(page("<div>" * 100 + article() + "</div>" * 100)).tag == "html"
