"""Reading a page's markup: the declared language, and the word forms texts are compared in."""

import pytest
from helpers import LEDE

from converter.html import parse_page
from converter.page.markup import language, same_words


@pytest.mark.parametrize(
    ("markup", "code"),
    [
        ("<html lang='en-US'>", "en"),
        ("<html lang='pt_BR'>", "pt"),
        ("<html xml:lang='de'>", "de"),
        ("<html><meta http-equiv='content-language' content='fr-FR'>", "fr"),
        ("<html lang='English'>", ""),
        ("<html>", ""),
    ],
)
def test_language_is_a_two_letter_code(markup, code):
    assert language(parse_page(f"{markup}<body><p>{LEDE}</p></body></html>")) == code


def test_same_words_ignores_case_spacing_and_punctuation_but_not_order():
    assert same_words("Harbour wall: approved!", "harbour  WALL approved")
    assert not same_words("Harbour wall approved", "Approved harbour wall")
    assert not same_words("...", "")
