"""The lead image a saved page declares becomes its media: the article's picture, not the site's
logo or an author's avatar, and only as an http(s) address."""

import json
from html import escape

import pytest

from converter.html import parse_page
from converter.model import Image
from converter.page.images import lead_image


def image_of(head: str = "", body: str = "<p>Text.</p>", page_url: str = "") -> Image | None:
    return lead_image(parse_page(f"<html><head>{head}</head><body>{body}</body></html>"), page_url)


def meta(name: str, content: str) -> str:
    return f'<meta property="{name}" content="{escape(content)}">'


def json_ld(document: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(document)}</script>'


def test_the_open_graph_image_is_the_lead_image_with_its_alt_text() -> None:
    head = meta("og:image", "https://cdn.example.org/2024/ferry.jpg") + meta(
        "og:image:alt", "The  ferry at the pier"
    )
    assert image_of(head) == Image(
        "https://cdn.example.org/2024/ferry.jpg", "The ferry at the pier"
    )


def test_a_relative_address_is_read_against_the_pages_own() -> None:
    head = meta("og:image", "/img/ferry.jpg")
    assert image_of(head, page_url="https://news.example.org/2024/ferry").url == (
        "https://news.example.org/img/ferry.jpg"
    )
    assert image_of(head) is None  # with no page address it leads nowhere


def test_the_json_ld_articles_image_comes_first_and_an_organisations_logo_never() -> None:
    document = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "image": "https://example.org/brand.png"},
            {
                "@type": "NewsArticle",
                "image": [{"@type": "ImageObject", "url": "https://example.org/a.jpg",
                           "caption": "Crews at work"}, "https://example.org/b.jpg"],
            },
        ],
    }  # fmt: skip
    head = json_ld(document) + meta("og:image", "https://example.org/og.jpg")
    assert image_of(head) == Image("https://example.org/a.jpg", "Crews at work")
    only_the_organisation = json_ld({"@type": "Organization", "image": "https://example.org/o.png"})
    assert image_of(only_the_organisation) is None


@pytest.mark.parametrize(
    "address",
    [
        "https://example.org/static/large-logo.png",
        "https://example.org/img/site_logo2.jpg",
        "https://example.org/gfx/fblogo.jpg",
        "https://example.org/default-share.jpg",
        "https://www.gravatar.com/avatar/4b33f980d722da8971e25972?s=110",
        "https://cdn.example.org/community_logos/412/team.jpg",
    ],
)
def test_the_sites_own_picture_is_passed_over_for_the_next_declared(address: str) -> None:
    head = meta("og:image", address) + '<link rel="image_src" href="https://example.org/story.jpg">'
    assert image_of(head).url == "https://example.org/story.jpg"
    assert image_of(meta("og:image", address)) is None


def test_words_that_may_name_the_story_are_not_the_sites() -> None:
    for address in (
        "https://example.org/2022/12/avatar-sequel-review.jpg",  # a film
        "https://example.org/sites/default/files/styles/lead/ferry.jpg",  # Drupal's uploads
        "https://example.org/2024/logorrhea-cartoon.jpg",
    ):
        assert image_of(meta("og:image", address)).url == address


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        "data:image/png;base64,iVBORw0KGgo=",
        "https://example.org/a b.jpg",
        'https://example.org/a.jpg"><script>alert(1)</script>',
        "https://example.org/" + "a" * 3000 + ".jpg",
        "ftp://example.org/a.jpg",
    ],
)
def test_only_a_web_address_is_kept(address: str) -> None:
    assert image_of(meta("og:image", address)) is None


def test_the_microdata_image_of_an_article_item_and_not_of_another() -> None:
    article = (
        '<div itemscope itemtype="https://schema.org/NewsArticle">'
        '<img itemprop="image" src="https://example.org/story.jpg" alt="The new bridge">'
        "<p>Text.</p></div>"
    )
    assert image_of(body=article) == Image("https://example.org/story.jpg", "The new bridge")
    person = (
        '<div itemscope itemtype="https://schema.org/Person">'
        '<img itemprop="image" src="https://example.org/writer.jpg"></div>'
    )
    assert image_of(body=person) is None


def test_a_page_that_declares_no_image_has_none() -> None:
    assert image_of(body='<p>Text.</p><img src="https://example.org/inline.jpg">') is None
