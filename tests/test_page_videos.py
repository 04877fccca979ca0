"""The videos a saved page's article embeds become its media; a sidebar's do not, and nothing
but an http(s) address is kept."""

import json

import pytest
from helpers import FERRY_ARTICLE, FERRY_PARAGRAPHS

from converter.html import parse_page
from converter.page.videos import MAX_VIDEOS, embedded_videos

SIDEBAR = (
    "<aside><h2>More videos</h2>{player}<p>Weather, traffic and the week's other clips, all in "
    "one place for you to watch whenever you like, every day of the week.</p></aside>"
)


def videos_of(article_markup: str, before: str = "", after: str = "", head: str = "") -> list:
    page = (
        f"<html><head>{head}</head><body>{before}<article><h1>Ferry returns</h1>"
        f"{article_markup}</article>{after}</body></html>"
    )
    return list(embedded_videos(parse_page(page), FERRY_ARTICLE))


def paragraphs(*between: str) -> str:
    """The article's paragraphs with `between[i]` after paragraph i."""
    parts = []
    for index, text in enumerate(FERRY_PARAGRAPHS):
        parts.append(f"<p>{text}</p>")
        if index < len(between):
            parts.append(between[index])
    return "".join(parts)


def post_page(in_post: str, after_post: str) -> str:
    """A blog's page: the article's paragraphs and `in_post` in the post's element, then
    `after_post` in the page's."""
    paragraphs_html = "".join(f"<p>{text}</p>" for text in FERRY_PARAGRAPHS)
    return (
        f"<html><body><div id='page'><div class='post'>{paragraphs_html}{in_post}</div>"
        f"{after_post}</div></body></html>"
    )


def comments(count: int) -> str:
    line = "A reader's comment that runs on for a good while about the ferry and the weather. "
    return f"<div class='comments'><p>{line * count}</p></div>"


def youtube(video_id: str, title: str = "") -> str:
    return f'<iframe src="https://www.youtube.com/embed/{video_id}" title="{title}"></iframe>'


def test_a_player_in_the_article_is_kept_and_a_sidebars_is_not():
    found = videos_of(
        paragraphs(youtube("Ferry123abc", "The ferry docks")),
        before=SIDEBAR.format(player=youtube("Sidebar9xyz", "A sidebar clip")),
        after=SIDEBAR.format(player=youtube("Footer77xyz")),
    )
    assert [(video.url, video.caption) for video in found] == [
        ("https://www.youtube.com/embed/Ferry123abc", "The ferry docks")
    ]


def test_a_player_under_the_last_words_is_the_articles():
    """'Watch it below:' then the player, after the article's element has closed."""
    page = post_page(
        "<p>Watch it below:</p>",
        youtube("Ferry123abc") + comments(8) + SIDEBAR.format(player=youtube("Sidebar9xyz")),
    )
    found = embedded_videos(parse_page(page), FERRY_ARTICLE + "\n\nWatch it below:")
    assert [video.url for video in found] == ["https://www.youtube.com/embed/Ferry123abc"]


def test_structured_data_describes_the_player_it_names():
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "video": {
            "@type": "VideoObject",
            "name": "The ferry docks",
            "description": "The first crossing in a year.",
            "duration": "PT2M05S",
            "embedUrl": "https://www.youtube-nocookie.com/embed/Ferry123abc",
        },
    }
    head = f"<script type='application/ld+json'>{json.dumps(data)}</script>"
    found = videos_of(paragraphs(youtube("Ferry123abc", "YouTube video player")), head=head)
    assert len(found) == 1
    video = found[0]
    assert (video.caption, video.duration, video.description) == (
        "The ferry docks",
        "2:05",
        "The first crossing in a year.",
    )
    assert video.url == "https://www.youtube.com/embed/Ferry123abc"


def test_a_video_only_the_structured_data_names_is_kept():
    data = [{"@type": "VideoObject", "name": "Crossing", "contentUrl": "https://v.example/a.mp4"}]
    head = f"<script type='application/ld+json'>{json.dumps(data)}</script>"
    found = videos_of(paragraphs(), head=head)
    assert [(video.caption, video.url) for video in found] == [
        ("Crossing", "https://v.example/a.mp4")
    ]


def test_microdata_around_a_player_describes_it_and_not_its_thumbnail():
    micro = (
        '<div itemscope itemtype="http://schema.org/VideoObject">'
        '<meta itemprop="name" content="The ferry docks">'
        '<meta itemprop="duration" content="PT1H2M3S">'
        '<link itemprop="embedURL" href="http://www.youtube.com/v/Ferry123abc?rel=1">'
        '<span itemprop="thumbnail" itemscope itemtype="http://schema.org/ImageObject">'
        '<link itemprop="url" href="http://img.example/0.jpg"></span>'
        f"{youtube('Ferry123abc')}</div>"
    )
    found = videos_of(paragraphs(micro))
    assert [(video.caption, video.duration, video.url) for video in found] == [
        ("The ferry docks", "1:02:03", "https://www.youtube.com/embed/Ferry123abc")
    ]


def test_an_object_and_its_embed_are_one_video():
    flash = (
        '<object><param name="movie" value="http://www.youtube.com/v/Ferry123abc?version=3">'
        '<embed src="http://www.youtube.com/v/Ferry123abc?version=3"></object>'
    )
    found = videos_of(paragraphs(flash))
    assert [video.url for video in found] == ["http://www.youtube.com/v/Ferry123abc?version=3"]


def test_only_web_addresses_of_videos_are_kept():
    hostile = "".join(
        [
            '<iframe src="javascript:alert(1)"></iframe>',
            '<iframe src="https://player.vimeo.com/video/765&quot; onmouseover=&quot;x"></iframe>',
            '<video src="data:video/mp4;base64,AAAA"></video>',
            '<video src="blob:https://news.example/1234"></video>',
            '<iframe src="https://ads.example/frame.html"></iframe>',
            '<iframe data-src="//player.vimeo.com/video/76543210"></iframe>',
            '<video><source src="/media/crossing.mp4"><source src="//media.example/a.mp4"></video>',
        ]
    )
    found = videos_of(paragraphs(hostile))
    assert [video.url for video in found] == [
        "https://player.vimeo.com/video/76543210",
        "https://media.example/a.mp4",
    ]


def test_a_title_naming_only_the_player_is_no_caption():
    found = videos_of(
        paragraphs(youtube("Ferry123abc", "YouTube video player"), youtube("Ferry456abc", "Docks"))
    )
    assert [video.caption for video in found] == ["", "Docks"]


def test_a_page_of_players_keeps_the_first_ones():
    players = "".join(youtube(f"Clip{number:07d}") for number in range(MAX_VIDEOS + 5))
    found = videos_of(paragraphs(players))
    assert len(found) == MAX_VIDEOS
    assert found[0].url.endswith("Clip0000000")


def test_no_article_words_in_the_page_no_placed_videos():
    page = f"<html><body><p>Something else entirely.</p>{youtube('Ferry123abc')}</body></html>"
    assert embedded_videos(parse_page(page), FERRY_ARTICLE) == ()


def test_microdata_giving_the_articles_video_is_kept_wherever_it_stands():
    micro = (
        '<div itemprop="video" itemscope itemtype="https://schema.org/VideoObject">'
        '<meta itemprop="name" content="Crossing">'
        '<meta itemprop="embedURL" content="https://video.example/crossing?format=embed"></div>'
    )
    found = videos_of(paragraphs(), after=SIDEBAR.format(player="") + micro)
    assert [(video.caption, video.url) for video in found] == [
        ("Crossing", "https://video.example/crossing?format=embed")
    ]


def test_a_player_right_under_the_article_is_kept_whatever_text_follows_it():
    """The player's place is before the text after it, even where that text is the player's
    own tail (no element of its own)."""
    page = post_page(
        "",
        youtube("Ferry123abc")
        + "Posted in Travel and Islands, and filed under ferries, harbours, crossings and repairs "
        + "by the island desk, with every comment below read before it is shown."
        + comments(20),
    )
    found = embedded_videos(parse_page(page), FERRY_ARTICLE)
    assert [video.url for video in found] == ["https://www.youtube.com/embed/Ferry123abc"]


def test_open_graph_gives_the_pages_video_when_it_is_a_player_or_a_file():
    head = (
        '<meta property="og:video" content="http://www.example.com/player.swf?v=1">'
        '<meta property="og:video:secure_url" content="https://www.youtube.com/embed/Ferry123abc">'
        '<meta property="og:video:url" content="https://cdn.example/clips/crossing.mp4">'
    )
    found = videos_of(paragraphs(youtube("Ferry123abc", "The ferry docks")), head=head)
    assert [(video.caption, video.url) for video in found] == [
        ("The ferry docks", "https://www.youtube.com/embed/Ferry123abc"),
        ("", "https://cdn.example/clips/crossing.mp4"),
    ]


@pytest.mark.parametrize(
    ("address", "taken"),
    [
        ("https://new.livestream.com/accounts/7/events/16/videos/57/player?autoPlay=false", True),
        ("https://videos.news.example/video/Storm-Report-0809/player", True),
        ("https://www.news.example/embed/video/12345.html", True),
        ("https://www.news.example/sharedcontent/video/blank_companionad.html", False),
        ("https://ads.news.example/video/player.html", False),
        ("https://www.google.com/maps/embed?pb=1m18", False),
        ("https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/1", False),
        ("https://www.news.example/video-of-the-week/index.html", False),
    ],
)
def test_a_host_not_listed_is_a_player_when_its_address_names_a_video_and_a_player(
    address: str, taken: bool
) -> None:
    found = videos_of(paragraphs(f'<iframe src="{address}"></iframe>'))
    assert [video.url for video in found] == ([address] if taken else [])
