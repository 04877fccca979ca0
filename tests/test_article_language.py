"""Language: declared by the markup or guessed; it picks the stopwords the classifier counts."""

from converter.model import PageFacts
from converter.rules.article_language import detect_language, guess_language, stopwords
from converter.rules.state import split_lines

FRENCH = (
    "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les "
    "entreprises touchées par la crise, a indiqué le ministre de l'Économie."
)
GERMAN = (
    "Die Regierung hat am Dienstag neue Maßnahmen angekündigt, um die von der Krise "
    "betroffenen Unternehmen zu unterstützen, sagte der Wirtschaftsminister."
)


def test_languages_are_guessed_from_the_text():
    assert guess_language(FRENCH) == "fr"
    assert guess_language(GERMAN) == "de"
    assert guess_language("The government announced new measures on Tuesday.") == "en"


def test_too_little_text_stays_in_the_default_language():
    assert guess_language("OK 12") == "en"


def test_a_declared_language_wins_over_the_guess():
    state = split_lines("s", FRENCH, PageFacts(language="de-AT"))
    assert detect_language(state).language == "de"


def test_stopwords_per_language_with_english_for_the_rest():
    assert "und" in stopwords("de") and "und" not in stopwords("en")
    assert "les" in stopwords("fr")
    assert stopwords("zz") == stopwords("en")
