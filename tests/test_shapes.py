"""Line shapes: a list's items repeat one form with other words (a comment's header, a teaser's
date line), and a line between two items of one list is an item too."""

import math

from converter.rules.shapes import MAX_SHAPED_WORDS, SHAPE_FEATURES, line_shape, shape_features


def test_a_shape_keeps_the_order_of_digits_capitals_and_marks():
    assert line_shape("Jul 2012 by Omaha Sun - 177 comments") == "A 0 a A - 0 a"
    assert line_shape("12. Danpaine - August 8, 2012") == line_shape("2. MJ - August 8, 2012")
    assert line_shape("12. Danpaine - August 8, 2012") == "0 . A - A 0 , 0"
    assert line_shape("Great story, thanks!") == "A a , a !"


def test_a_line_of_one_token_or_of_prose_has_no_shape():
    assert line_shape("Comments") is None
    assert line_shape("") is None
    assert line_shape(" ".join(["word"] * (MAX_SHAPED_WORDS + 1))) is None


def test_a_comment_between_two_headers_of_one_list_reads_as_an_item():
    texts = [
        "The council voted on Monday to close the old bridge over the river for repairs.",
        "1. Anna - August 8, 2012",
        "Great story, thanks!",
        "2. Bob Smith - August 8, 2012",
        "I drive over that bridge every day.",
        "3. Carol - August 9, 2012",
        "Finally.",
    ]
    rows = shape_features(texts)
    assert len(rows) == len(texts) and all(len(row) == len(SHAPE_FEATURES) for row in rows)
    family = math.log1p(3)
    assert rows[1][0] == rows[3][0] == rows[5][0] == family
    assert rows[4] == [math.log1p(1), family, family, 1.0]
    assert rows[0][0] == 0.0 and rows[0][1] == 0.0 and rows[0][2] == family


def test_a_shape_two_lines_share_is_no_list():
    texts = ["Police said on Monday, 4 May, that", "Anna - May 4, 2012", "Bob - May 4, 2012"]
    assert all(row[1:] == [0.0, 0.0, 0.0] for row in shape_features(texts))
    assert shape_features([]) == []
