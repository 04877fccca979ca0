"""Front matter always parses back to what went in; the body is escaped text."""

import pytest
from helpers import page_parts
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from converter.frontmatter import read_field
from converter.model import Actor, Article, Block, Image, Topic, Video
from converter.render import dump_front_matter, dump_yaml, front_matter, render_page

HOSTILE_TITLE = 'title: x\n---\n- a &anchor !!python/object:os.system "{{ x }}" <script>'


def article(**changes) -> Article:
    fields = dict(
        seed="000_abc",
        title="US and Russia poised",
        source="Associated Press",
        blocks=(
            Block("paragraph", "First."),
            Block("crosshead", "Attack on aid convoy"),
            Block("paragraph", "Second."),
        ),
        media=(Video("Caption", "00:43", "Shows it.", "ONE News"),),
        actors=(
            Actor("John Kerry", "person"),
            Actor("Russia", "place"),
            Actor("UN", "organisation"),
        ),
        topics=(Topic("medtop:16000000", "conflict, war and peace", 0.9),),
        description="First.",
        words=3,
    )
    fields.update(changes)
    return Article(**fields)


def test_front_matter_round_trips():
    page = render_page(article())
    matter, body = page_parts(page)
    assert matter == front_matter(article())
    assert matter["people"] == ["John Kerry"] and matter["places"] == ["Russia"]
    assert matter["media"] == [
        {
            "kind": "video",
            "caption": "Caption",
            "duration": "00:43",
            "description": "Shows it.",
            "source": "ONE News",
        }
    ]
    assert body == "\nFirst.\n\n## Attack on aid convoy\n\nSecond.\n"


def test_a_videos_address_is_written_only_when_it_has_one():
    player = Video("Docks", "2:05", "", "", url="https://www.youtube.com/embed/Ferry123abc")
    matter, _ = page_parts(render_page(article(media=(player, *article().media))))
    assert matter["media"][0]["url"] == "https://www.youtube.com/embed/Ferry123abc"
    assert "url" not in matter["media"][1]


def test_a_lead_image_is_written_with_its_caption_only_when_it_has_one():
    images = (
        Image("https://example.org/a.jpg", "Crews at work"),
        Image("https://example.org/b.jpg"),
    )
    matter, _ = page_parts(render_page(article(media=(*images, *article().media))))
    assert matter["media"][:2] == [
        {"kind": "image", "url": "https://example.org/a.jpg", "caption": "Crews at work"},
        {"kind": "image", "url": "https://example.org/b.jpg"},
    ]
    assert matter["media"][2]["kind"] == "video"


def test_hostile_title_round_trips_exactly():
    matter, _ = page_parts(
        render_page(article(title=HOSTILE_TITLE, source="- a", description="&x"))
    )
    assert matter["title"] == HOSTILE_TITLE
    assert matter["source"] == "- a" and matter["description"] == "&x"


def test_hostile_body_is_escaped():
    _, body = page_parts(
        render_page(article(blocks=(Block("paragraph", "<script>x</script> # {{ y }}"),)))
    )
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_optional_fields_only_when_known():
    matter = front_matter(article())
    assert "date" not in matter and "dateline" not in matter and "seeds" not in matter
    dated = front_matter(article(date="1996-08-30", dateline="LONDON"))
    assert dated["date"] == "1996-08-30" and dated["dateline"] == "LONDON"


YAML_LOOKALIKES = [
    "title: x",
    "- a",
    "&anchor *alias",
    '!!python/object/apply:os.system ["ls"]',
    "? key",
    "%YAML 1.1",
    "---",
    "...",
    "... and then",
    "'single' \"double\" # comment",
    "null",
    "yes",
    "~",
    "2016-09-21",
    "| literal",
    "> folded",
    "@at `tick`",
    "{{ x }} {% y %}",
    "<<: *a",
]


@pytest.mark.parametrize("title", YAML_LOOKALIKES)
def test_yaml_looking_titles_round_trip_through_mkdocs(title):
    page = render_page(article(title=title, source=title, description=title))
    _, matter = get_data(page)
    assert (matter["title"], matter["source"], matter["description"]) == (title, title, title)


@pytest.mark.parametrize(
    "value",
    ["two\nlines", "a\n---\nb", "x\r\ny", "nel\x85", "ls\u2028ps\u2029", "\ufeffbom", "\x00"],
)
def test_a_value_never_spans_lines_so_no_line_can_close_the_front_matter(value, tmp_path):
    def page_of(text: str) -> str:
        return render_page(article(seed=text, title=text, media=(Video(text, "1:00", text, text),)))

    page = page_of(value)
    header = page.split("\n---\n", 1)[0].split("\n")[1:]
    assert len(header) == len(page_of("plain").split("\n---\n", 1)[0].split("\n")[1:])
    assert all(not line.startswith(("---", "...")) for line in header)
    _, matter = get_data(page)
    assert matter["seed"] == value and matter["media"][0]["caption"] == value
    path = tmp_path / "page.md"
    path.write_text(page, "utf-8")
    assert read_field(path, "seed") == value  # the one-line reader of the batch's page scan


def test_a_lone_surrogate_becomes_a_replacement_character():
    page = render_page(article(seed="caf\udce9", title="ok \ud800"))
    page.encode("utf-8")
    _, matter = get_data(page)
    assert (matter["seed"], matter["title"]) == ("caf\ufffd", "ok \ufffd")


def test_a_very_long_title_is_not_folded():
    title = "word " * 50_000
    page = render_page(article(title=title.strip()))
    assert get_data(page)[1]["title"] == title.strip()
    assert page.split("\n")[1].startswith("title: word word")


PIECES = [
    *YAML_LOOKALIKES, ":", ": ", " :", "#", " #", "-", "- ", "?", "'", '"', " ", "  ", "\t", "\n",
    "\r", "\x85", "\u2028", "\ufeff", "\ud800", "\x7f", "\xa0", "\U0010ffff", "\U0001f600", "é",
    "1", "0x1F", "1e3", ".inf", "True", "off", "NULL", "=", "<<", "2019-01-01 10:00", "a", "Z", "_",
]  # fmt: skip
TEXT = st.one_of(st.text(max_size=20), st.lists(st.sampled_from(PIECES), max_size=5).map("".join))
SIMPLE = st.one_of(TEXT, st.integers(), st.booleans())
MATTER = st.dictionaries(
    st.one_of(st.sampled_from(["title", "actors", "media", "words"]), TEXT),
    st.one_of(
        SIMPLE,
        st.lists(SIMPLE, max_size=3),
        st.lists(
            st.dictionaries(st.one_of(st.just("caption"), TEXT), SIMPLE, max_size=3), max_size=2
        ),
    ),
    max_size=5,
)


@settings(max_examples=500, deadline=None)
@given(MATTER)
def test_front_matter_is_written_byte_for_byte_as_pyyaml_writes_it(matter):
    assert dump_front_matter(matter) == dump_yaml(matter)


def test_front_matter_of_a_page_is_written_as_pyyaml_writes_it():
    for title in [*YAML_LOOKALIKES, HOSTILE_TITLE, "plain title", "Ölü: 5"]:
        matter = front_matter(article(title=title, description=title, date="2016-09-21"))
        assert dump_front_matter(matter) == dump_yaml(matter)
