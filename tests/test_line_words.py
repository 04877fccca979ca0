"""Word odds learned from labelled lines: a word of chrome leans negative, a word of prose
positive, a site's own word is never learned, and a line reads its mean and lowest odds."""

from converter.rules.line_words import (
    MIN_PAGES,
    WORD_FEATURES,
    learn_word_odds,
    line_tokens,
    word_features,
    word_odds,
)


def _lines(page_count: int) -> list[tuple[str, set[str], bool]]:
    lines = []
    for page in range(page_count):
        name = "site" + "abcdefghijklmnopqrstuvwxyz"[page]
        lines.append((name, line_tokens("The council said the vote was close"), True))
        lines.append((name, line_tokens("The mayor said the plan was good"), True))
        lines.append((name, line_tokens("Subscribe to the newsletter"), False))
        lines.append((name, line_tokens(f"Reply to {name}"), False))
    return lines


def test_tokens_are_folded_and_digits_kept_as_shapes():
    tokens = line_tokens("Posted 12:45 on May 3, 2019 by ANNA")
    assert tokens == {"posted", "00", "on", "may", "0", "0000", "by", "anna"}


def test_a_chrome_word_leans_negative_and_a_prose_word_positive():
    odds = learn_word_odds(_lines(MIN_PAGES))
    assert odds["subscribe"] < 0 < odds["council"]
    assert abs(odds["the"]) < abs(odds["subscribe"])


def test_a_word_on_too_few_pages_is_not_learned():
    odds = learn_word_odds(_lines(MIN_PAGES))
    assert "reply" in odds
    assert not any(token.startswith("site") for token in odds)
    assert learn_word_odds(_lines(MIN_PAGES - 1)) == {}


def test_a_line_reads_the_mean_and_the_lowest_odds_of_its_known_words():
    odds = {"click": -2.0, "here": -0.5, "council": 1.5, "said": 2.0}
    rows = word_features(["Click here, council", "The council said"], odds)
    assert len(rows[0]) == len(WORD_FEATURES)
    assert rows == [[-1.0 / 3, -2.0], [1.75, 1.5]]


def test_a_line_with_no_known_word_reads_the_pages_mean_odds():
    odds = {"click": -2.0, "here": -0.5, "council": 1.5}
    rows = word_features(["Click here, council", "```python", ""], odds)
    assert rows[1] == rows[2] == [-1.0 / 3, -1.0 / 3]
    assert word_features(["```python", "Zyxw"], odds) == [[0.0, 0.0], [0.0, 0.0]]


def test_the_packaged_odds_know_common_words_of_chrome_and_of_prose():
    odds = word_odds()
    assert odds["subscribe"] < 0 < odds["said"]
