"""Markdown seeds: what a Markdown scraper or web clipper wrote reads as the page it stands for."""

import pytest
from helpers import GOLDEN

from converter.errors import NoArticleTextError
from converter.markdown_seed import is_markdown_name, reads_as_markdown, shown_text
from converter.model import Image
from converter.read import read_seed
from converter.rules import parse_seed

STORY = (
    "The harbour authority approved the new breakwater on Tuesday after a fight of ten years "
    "with the fishermen, who feared it would silt up the old channel."
)
MORE = (
    "Work will start in the spring, the authority said, and the wall should stand by the end "
    "of next year at a cost of about 40 million euros."
)
CLIPPED = f"""---
title: "Harbour wall approved after long fight | The Coast Times"
author: Jane Smith
published: 2019-11-18
site_name: The Coast Times
url: https://coasttimes.example/2019/11/harbour-wall-approved
tags: [harbour, council]
---
![The old harbour wall](https://coasttimes.example/img/wall.jpg)

{STORY.replace("breakwater", "[breakwater](https://coasttimes.example/tag/breakwater)")}

{MORE}

* [Share on Facebook](https://facebook.com/sharer?u=x)
* [Share on Twitter](https://twitter.com/intent/tweet?u=x)
"""


def parsed(name: str, text: str):
    return parse_seed(read_seed(name, text.encode("utf-8")))


def body(seed) -> str:
    return "\n".join(block.text for block in seed.blocks)


@pytest.mark.parametrize(
    ("name", "markdown"),
    [("a.md", True), ("b.MARKDOWN", True), ("c.txt", False), ("d.md.txt", False)],
)
def test_markdown_seeds_are_told_by_their_suffix(name, markdown):
    assert is_markdown_name(name) is markdown


def test_a_clipped_page_gives_its_headline_byline_date_and_site_and_only_text():
    seed = parsed("clip.md", CLIPPED)
    assert seed.format == "markdown"
    assert seed.title == "Harbour wall approved after long fight"
    assert (seed.authors, seed.date, seed.publisher) == (
        ("Jane Smith",),
        "2019-11-18",
        "The Coast Times",
    )
    assert STORY in body(seed) and MORE in body(seed)
    assert "](" not in body(seed) and "https://" not in body(seed) and "wall.jpg" not in body(seed)


def test_the_first_image_of_the_markdown_is_the_lead_image_unless_the_front_matter_names_one():
    """...and then it is a photo of the article, after the front matter's lead image."""
    lead = Image("https://coasttimes.example/img/wall.jpg", "The old harbour wall")
    assert parsed("clip.md", CLIPPED).media == (lead,)
    relative = CLIPPED.replace("https://coasttimes.example/img/", "/img/")
    assert parsed("clip.md", relative).media == (lead,)  # read against the page's address
    named = CLIPPED.replace("tags:", "image: https://cdn.example/cover.jpg\ntags:")
    assert parsed("clip.md", named).media == (Image("https://cdn.example/cover.jpg"), lead)
    hostile = CLIPPED.replace("https://coasttimes.example/img/wall.jpg", "javascript:alert(1)")
    assert parsed("clip.md", hostile).media == ()


def test_a_text_seed_written_in_markdown_is_read_as_markdown():
    assert reads_as_markdown(CLIPPED)
    assert parsed("clip.txt", CLIPPED).format == "markdown"


def test_a_browsers_copy_is_not_read_as_markdown():
    seed = next(GOLDEN.glob("*.txt")).read_text("utf-8")
    assert not reads_as_markdown(seed)
    assert not reads_as_markdown("Title\n\nText with [brackets](and parentheses) is text.\n")


def test_the_text_shown_is_what_a_browser_shows_of_the_rendered_markdown():
    markdown = (
        "# Headline\n\nA paragraph with a [link](https://x.example) and `code`,\nwrapped.\n\n"
        "* one\n* two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![alt](https://x.example/i.png)\n"
    )
    assert shown_text(markdown) == (
        "Headline\n\nA paragraph with a link and code, wrapped.\n\none\ntwo\na\tb\n1\t2"
    )


def test_a_layout_tables_long_cells_become_blocks_of_their_own():
    cell = "word " * 60
    markdown = f"| menu | x |\n|---|---|\n| Home News | {cell} |\n"
    assert shown_text(markdown).split("\n\n")[-2:] == ["Home News", cell.strip()]


def test_scripts_and_styles_in_raw_html_show_nothing():
    markdown = f"<div><script>alert('x')</script><style>p{{}}</style>{STORY}</div>\n\n{MORE}\n"
    text = shown_text(markdown)
    assert "alert" not in text and "p{}" not in text
    assert STORY in text


@pytest.mark.parametrize(
    "header",
    [
        "---\n- a list\n- not a mapping\n---\n",
        "---\ntitle: [unclosed\n---\n",
        "---\n" + "title: x\n" * 5000 + "---\n",
    ],
)
def test_front_matter_that_is_not_a_small_mapping_is_left_as_text(header):
    seed = read_seed("x.md", f"{header}\nHeadline\n\n{STORY}\n".encode())
    assert seed.facts.title == ""


def test_markdown_that_shows_no_text_is_a_named_failure():
    with pytest.raises(NoArticleTextError, match="no article text"):
        read_seed("x.md", b"![](https://x.example/a.png)\n\n<script>alert(1)</script>\n")


def test_a_scrapers_none_is_no_title():
    seed = read_seed("x.md", f"---\ntitle: None\n---\nHeadline here\n\n{STORY}\n".encode())
    assert seed.facts.title == "" and seed.text.startswith("Headline here")


def test_cells_past_the_headers_count_are_shown_too():
    story = "The council approved the harbour wall on Tuesday after a fight of ten years. " * 4
    markdown = f"| Menu |\n| --- |\n| Home | News | {story} |\n"
    assert story.strip() in shown_text(markdown)


def test_a_player_the_markdown_embeds_is_its_media():
    player = '<iframe src="https://www.youtube.com/embed/Ferry123abc" title="The wall"></iframe>'
    page = parsed("clip.md", CLIPPED.replace(f"\n{MORE}\n", f"\n{player}\n\n{MORE}\n"))
    assert [(item.kind, item.caption, item.url) for item in page.media] == [
        ("image", "The old harbour wall", "https://coasttimes.example/img/wall.jpg"),
        ("video", "The wall", "https://www.youtube.com/embed/Ferry123abc"),
    ]
    assert [item.kind for item in parsed("clip.md", CLIPPED).media] == ["image"]


READER = f"""Title: Harbour wall approved after long fight | The Coast Times

URL Source: https://coasttimes.example/2019/11/harbour-wall-approved

Published Time: Mon, 18 Nov 2019 10:34:10 GMT

Markdown Content:
# Harbour wall approved after long fight

{STORY}

{MORE}
"""


@pytest.mark.parametrize("name", ["reader.md", "reader.txt"])
def test_a_reader_services_header_gives_the_facts(name):
    """Jina Reader's layout: 'Key: value' lines, then 'Markdown Content:' and the page."""
    page = parsed(name, READER)
    assert page.title == "Harbour wall approved after long fight"
    assert page.date == "2019-11-18"
    assert page.publisher == "The Coast Times"
    assert [block.text for block in page.blocks] == [STORY, MORE]


def test_lines_like_a_header_without_markdown_content_stay_text():
    text = "Title: Harbour wall approved\n\nURL Source: none\n\n" + STORY + "\n\n" + MORE
    assert read_seed("plain.txt", text.encode()).format == "text"
