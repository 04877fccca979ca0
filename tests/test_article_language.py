"""Language: declared by the markup or guessed; it picks the stopwords the classifier counts."""

import random

import numpy as np
import py3langid
import pytest

from converter.model import PageFacts
from converter.rules.article_language import (
    SYNC_BYTES,
    detect_language,
    guess_language,
    identifier,
    stopwords,
    unpacked_in_memory,
)
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


def test_the_fast_identifier_guesses_what_py3langid_guesses():
    """The same language as py3langid's own `classify` on text of many scripts and on noise."""
    rng = random.Random(0)
    texts = [FRENCH, GERMAN, FRENCH.upper(), "", "a", "Ελληνικά κείμενα", "日本語の文章です"]
    texts += [FRENCH[:cut] + GERMAN[cut:] for cut in range(0, len(GERMAN), 7)]
    for _ in range(300):
        size = rng.randint(0, 80)
        texts.append(
            "".join(
                chr(rng.choice((rng.randint(32, 126), rng.randint(128, 0x3000))))
                for _ in range(size)
            )
        )
    for text in texts:
        assert identifier().classify(text) == py3langid.classify(text)[0], text


def test_the_model_unpacked_in_memory_is_py3langids_own():
    """Where no temp file can be written (a full disk; tests/test_fault_injection.py runs the
    CLI so) the model is unpacked in memory: the same arrays, the same guesses."""
    own = py3langid.langid._get_identifier()
    unpacked = unpacked_in_memory()
    assert np.array_equal(unpacked.nb_ptc, own.nb_ptc)
    assert np.array_equal(unpacked.nb_pc, own.nb_pc)
    assert unpacked.nb_classes == own.nb_classes
    assert unpacked.tk_nextmove == own.tk_nextmove
    assert unpacked.tk_row == own.tk_row
    assert unpacked.tk_output == own.tk_output
    for text in (FRENCH, GERMAN):
        assert unpacked.classify(text) == own.classify(text)


def _synchronises(next_state: np.ndarray, row_start: np.ndarray, steps: int) -> bool:
    """Whether every string of `steps` bytes takes every state of the automaton to one state:
    the sets of states each prefix can lead to, explored depth first."""
    seen: dict[bytes, int] = {}

    def collapses(states: np.ndarray, left: int) -> bool:
        if len(states) == 1:
            return True
        if left == 0:
            return False
        if seen.get(states.tobytes(), -1) >= left:
            return True
        rows = row_start[states]
        if not all(collapses(np.unique(next_state[rows + byte]), left - 1) for byte in range(256)):
            return False
        seen[states.tobytes()] = left
        return True

    return collapses(np.arange(len(row_start)), steps)


@pytest.mark.slow
def test_the_automaton_forgets_its_state_within_sync_bytes():
    """What the fast identifier rests on, proved over every state (about 45 s)."""
    model = identifier()
    assert _synchronises(model.next_state, model.row_start, SYNC_BYTES)
    assert not _synchronises(model.next_state, model.row_start, SYNC_BYTES - 1)
