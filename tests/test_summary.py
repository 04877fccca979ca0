from converter.enrich.summary import count_words, describe, first_sentence
from converter.model import Block


def test_first_sentence_skips_abbreviations_and_initials():
    assert (
        first_sentence("Mr. Smith met U.S. officials. Then he left.")
        == "Mr. Smith met U.S. officials."
    )
    assert first_sentence('He said "no." Then left.') == 'He said "no."'


def test_describe_uses_first_paragraph_not_crosshead():
    blocks = (Block("crosshead", "Heading"), Block("paragraph", "One. Two."))
    assert describe(blocks, 300) == "One."


def test_describe_cuts_long_sentences_at_a_word():
    blocks = (Block("paragraph", "word " * 200),)
    description = describe(blocks, 50)
    assert len(description) <= 50 and description.endswith("…")


def test_count_words():
    assert count_words((Block("paragraph", "a b c"), Block("crosshead", "d e"))) == 5
