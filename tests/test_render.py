"""Front matter always parses back to what went in; the body is escaped text."""

import yaml

from converter.model import Actor, Article, Block, Topic, Video
from converter.render import front_matter, render_page

HOSTILE_TITLE = 'title: x\n---\n- a &anchor !!python/object:os.system "{{ x }}" <script>'


def split_page(page: str) -> tuple[dict, str]:
    assert page.startswith("---\n")
    header, _, body = page[4:].partition("\n---\n")
    return yaml.safe_load(header), body


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
    matter, body = split_page(page)
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


def test_hostile_title_round_trips_exactly():
    matter, _ = split_page(
        render_page(article(title=HOSTILE_TITLE, source="- a", description="&x"))
    )
    assert matter["title"] == HOSTILE_TITLE
    assert matter["source"] == "- a" and matter["description"] == "&x"


def test_hostile_body_is_escaped():
    _, body = split_page(
        render_page(article(blocks=(Block("paragraph", "<script>x</script> # {{ y }}"),)))
    )
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_optional_fields_only_when_known():
    matter = front_matter(article())
    assert "date" not in matter and "dateline" not in matter and "seeds" not in matter
    dated = front_matter(article(date="1996-08-30", dateline="LONDON"))
    assert dated["date"] == "1996-08-30" and dated["dateline"] == "LONDON"
