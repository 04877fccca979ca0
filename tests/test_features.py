"""What text alone says about a line (rules/features.py): the measurements of one line, and
where it sits against the article's densest run of prose and how it writes against it."""

from converter.rules.article_language import stopwords
from converter.rules.features import (
    CONTEXT_FEATURES,
    LINE_FEATURES,
    content_words,
    context_features,
    densest_run,
    line_features,
)

ARTICLE = [
    "The council voted on Tuesday to close the old library and move its books to the river.",
    "Supporters said the new building would cost less to heat and give children more room.",
    "Opponents said the old library was part of the town and should have been kept open.",
]
AFTER = [
    "Comments",
    "Jane Roe says:",
    "i think they should of kept it open lol, my kids loved that place!!",
    "Reply",
]


def _page(texts: list[str], prose: list[float]) -> list[dict[str, float]]:
    words = stopwords("en")
    rows = line_features(texts, list(range(len(texts))), words)
    context = context_features(
        rows, prose, texts, list(range(len(texts))), [content_words(t, words) for t in texts]
    )
    return [
        dict(zip(LINE_FEATURES + CONTEXT_FEATURES, row + extra, strict=True))
        for row, extra in zip(rows, context, strict=True)
    ]


def test_a_line_names_its_voice_and_its_cues():
    named = _page(ARTICLE + AFTER, [1.0, 1.0, 1.0, 0.0, 0.0, 0.6, 0.0])
    comment = named[5]
    assert comment["first_person"] > 0 and named[0]["first_person"] == 0
    assert comment["comment"] == 1.0 and named[0]["comment"] == 0.0
    assert named[0]["ends_ellipsis"] == 0.0
    assert _page(["Read the rest of the story ..."], [0.5])[0]["ends_ellipsis"] == 1.0


def test_lines_below_an_end_heading_and_past_the_run_are_told_apart():
    named = _page(ARTICLE + AFTER, [1.0, 1.0, 1.0, 0.0, 0.0, 0.6, 0.0])
    assert [row["below_end_heading"] > 0 for row in named] == [False] * 4 + [True] * 3
    assert [row["run_place"] for row in named[:3]] == [0.0, 1 / 3, 2 / 3]
    assert named[5]["run_place"] == 2.0
    assert named[5]["comment_shapes_near"] > named[0]["comment_shapes_near"]


def test_a_line_written_otherwise_than_the_run_stands_out():
    named = _page(ARTICLE + AFTER, [1.0, 1.0, 1.0, 0.0, 0.0, 0.6, 0.0])
    assert named[5]["first_person_against_run"] > 0
    assert abs(named[1]["first_person_against_run"]) < 1e-9


def test_what_follows_the_run_counts_its_boundaries_and_its_distance_from_the_last_sentence():
    named = _page(ARTICLE + AFTER, [1.0, 1.0, 1.0, 0.0, 0.0, 0.6, 0.0])
    assert [row["boundaries_after_run"] for row in named[:4]] == [0.0] * 4
    assert 0 < named[5]["boundaries_after_run"] < named[6]["boundaries_after_run"]
    assert named[6]["chars_after_run"] > named[4]["chars_after_run"] > 0
    assert [row["lines_after_last_sentence"] > 0 for row in named] == [False] * 3 + [True] * 4
    assert named[6]["comment_shapes_since_run"] > named[0]["comment_shapes_since_run"] == 0


def test_a_seed_full_of_chrome_is_told_from_an_article_block():
    menu = ["Home", "News", "Sport", "Weather", "Contact us"]
    page = _page(menu + ARTICLE, [0.0] * 5 + [1.0] * 3)
    block = _page(ARTICLE, [1.0] * 3)
    assert page[0]["page_chrome_share"] == 5 / 8 and block[0]["page_chrome_share"] == 0.0
    assert page[0]["page_short_share"] > block[0]["page_short_share"] == 0.0
    assert page[0]["run_lines_share"] == 3 / 8 and block[0]["run_lines_share"] == 1.0


def test_the_densest_run_is_where_the_weights_sum_highest():
    assert densest_run([-1.0, 2.0, -0.5, 2.0, -3.0, 1.0]) == (1, 3)
    assert densest_run([-1.0, -2.0]) == (0, 0)
