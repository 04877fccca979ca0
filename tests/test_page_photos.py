"""The photos inside a saved page's article become its media after the lead image; a sidebar's
pictures, icons, share buttons, ads and thumbnails of other stories do not, and nothing but an
http(s) address is kept."""

import pytest
from helpers import FERRY_ARTICLE, FERRY_PARAGRAPHS

from converter.html import parse_page
from converter.model import Image
from converter.page.photos import MAX_PHOTOS, article_photos

PHOTO = "https://media.example.org/2024/05/ferry-at-the-ramp.jpg"


def photos_of(between: str, after: str = "", page_url: str = "", lead: Image | None = None):
    """The photos of a page whose article holds `between` after its first paragraph, and
    `after` in a sidebar past the article."""
    first, *rest = (f"<p>{text}</p>" for text in FERRY_PARAGRAPHS)
    page = (
        f"<html><body><div id='page'><article><h1>Ferry returns</h1>{first}{between}"
        f"{''.join(rest)}</article><aside><h2>Most read</h2>{after}<p>Weather, traffic and "
        "the week's other stories, all in one place for you to read whenever you like.</p>"
        "</aside></div></body></html>"
    )
    return list(article_photos(parse_page(page), FERRY_ARTICLE, page_url, lead))


def test_a_figure_in_the_article_is_a_photo_with_its_caption() -> None:
    figure = (
        f'<figure><img src="{PHOTO}" alt="The ferry"><figcaption>The ferry at the '
        "harbour's new ramp on Monday.</figcaption></figure>"
    )
    assert photos_of(figure) == [Image(PHOTO, "The ferry at the harbour's new ramp on Monday.")]


def test_a_sidebars_picture_is_not_the_articles() -> None:
    assert photos_of("", after=f'<img src="{PHOTO}" alt="Storm over the bay">') == []


def test_a_relative_or_lazy_address_is_read_as_the_page_shows_it() -> None:
    lazy = '<img src="data:image/gif;base64,R0lGOD" data-src="/2024/05/ramp.jpg" alt="The ramp">'
    assert photos_of(lazy, page_url="https://news.example.org/ferry") == [
        Image("https://news.example.org/2024/05/ramp.jpg", "The ramp")
    ]
    srcset = '<img srcset="https://media.example.org/a.jpg 1x, https://media.example.org/b.jpg 2x">'
    assert [photo.url for photo in photos_of(srcset)] == ["https://media.example.org/a.jpg"]


@pytest.mark.parametrize(
    "picture",
    [
        '<img src="https://media.example.org/icons/print.png">',  # a widget's folder
        '<img src="https://example.org/wp-content/plugins/sociable/images/more.png">',
        '<img src="https://media.example.org/share2.gif">',  # a widget's file
        '<img src="https://media.example.org/large_btn.png">',
        f'<a href="https://www.facebook.com/sharer.php?u=x"><img src="{PHOTO}"></a>',  # its link
        f'<a href="mailto:?subject=Ferry"><img src="{PHOTO}"></a>',
        f'<img src="{PHOTO}" width="16" height="16">',  # shown small
        f'<img src="{PHOTO}" style="width: 1px; height: 1px">',
        f'<img src="{PHOTO}" alt="Share on Facebook">',  # labelled as a widget
        f'<div class="share-buttons"><img src="{PHOTO}"></div>',  # held by a widget
        f'<div id="related-posts"><a href="/other"><img src="{PHOTO}"></a></div>',
        '<img src="https://media.example.org/2024/05/other-story-150x150.jpg">',  # a thumbnail
        '<img src="https://media.example.org/105x70/other-story.jpg">',
        '<img src="https://ads.example.net/serve.dll?zone=7">',  # no picture file
        '<img src="javascript:alert(1)">',  # no web address
        '<img src="https://media.example.org/site-logo.png">',  # the site's own picture
    ],
)
def test_widgets_ads_and_thumbnails_are_no_photos(picture: str) -> None:
    assert photos_of(picture) == []


def test_a_photo_named_for_a_large_size_is_a_photo() -> None:
    sized = '<img src="https://media.example.org/1200x800/2024/05/ramp-620x465.jpg">'
    assert len(photos_of(sized)) == 1


def test_a_photo_of_a_post_on_a_social_network_is_a_photo() -> None:
    post = '<a href="/2024/05/ferry-post.jpg"><img src="https://media.example.org/ferry-facebook1.png"></a>'
    assert [photo.url for photo in photos_of(post)] == [
        "https://media.example.org/ferry-facebook1.png"
    ]


def test_a_caption_in_another_script_is_kept_over_a_numbered_file() -> None:
    numbered = '<img src="https://media.example.org/2024/05/12345.jpg" alt="青岛早报">'
    assert [photo.caption for photo in photos_of(numbered)] == ["青岛早报"]


def test_a_caption_without_a_letter_is_none() -> None:
    stamped = '<img src="https://media.example.org/shot.png" alt="2012-11-12 12.43.28">'
    assert [photo.caption for photo in photos_of(stamped)] == [""]


def test_a_caption_that_only_repeats_the_files_name_is_none() -> None:
    named = '<img src="https://media.example.org/IMG_3551.JPG" alt="IMG_3551.JPG">'
    slugged = '<img src="https://media.example.org/Harbour-Ramp1.jpg" alt="Harbour-Ramp1">'
    assert [photo.caption for photo in photos_of(named + slugged)] == ["", ""]


def test_each_photo_is_kept_once_and_the_lead_image_not_again() -> None:
    twice = f'<img src="{PHOTO}"><img src="{PHOTO.replace("https", "http")}?v=2">'
    assert photos_of(twice) == [Image(PHOTO, "")]
    assert photos_of(twice, lead=Image(PHOTO, "The lead")) == []


def test_a_gallery_keeps_its_first_photos() -> None:
    gallery = "".join(f'<img src="https://media.example.org/g/{n}.jpg">' for n in range(50))
    assert len(photos_of(gallery)) == MAX_PHOTOS


def test_a_page_with_no_picture_or_no_article_found_has_none() -> None:
    assert photos_of("") == []
    page = parse_page(f'<html><body><img src="{PHOTO}"><p>Another story.</p></body></html>')
    assert article_photos(page, FERRY_ARTICLE) == ()
