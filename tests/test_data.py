"""The learned models are read through one seam a benchmark can point at other files: the
loaders then hand out those models, and the shipped ones again when pointed back."""

import json
import shutil
from importlib import resources

import pytest

from converter.data import use_models
from converter.model import RawSeed
from converter.rules import parse_seed
from converter.rules.headline_words import HEADLINE_WORDS_FILE, headline_words
from converter.rules.line_words import WORDS_FILE, word_odds
from converter.rules.prose import (
    HEADLINE_MODEL_FILE,
    LINE_MODEL_FILE,
    Thresholds,
    headline_model,
    line_model,
)

STORY = (
    "Harbour wall approved\n\n"
    "The council approved the new harbour wall on Tuesday after two years of hearings.\n\n"
    "Work on the wall starts in the spring and should take three years, the mayor said.\n"
)


@pytest.fixture
def other_models(tmp_path):
    """The shipped models with a threshold no line reaches and a changed words table."""
    shipped = resources.files("converter.data")
    for name in (LINE_MODEL_FILE, WORDS_FILE, HEADLINE_MODEL_FILE, HEADLINE_WORDS_FILE):
        with resources.as_file(shipped.joinpath(name)) as path:
            shutil.copyfile(path, tmp_path / name)
    lines = json.loads((tmp_path / LINE_MODEL_FILE).read_text("utf-8"))
    lines["threshold"] = lines["block_threshold"] = 1.5
    (tmp_path / LINE_MODEL_FILE).write_text(json.dumps(lines), "utf-8")
    words = json.loads((tmp_path / HEADLINE_WORDS_FILE).read_text("utf-8"))
    words["intercept"] = 42.0
    (tmp_path / HEADLINE_WORDS_FILE).write_text(json.dumps(words), "utf-8")
    odds = json.loads((tmp_path / WORDS_FILE).read_text("utf-8"))
    odds["odds"] = {"harbour": 3.0}
    (tmp_path / WORDS_FILE).write_text(json.dumps(odds), "utf-8")
    yield tmp_path
    use_models(None)


def test_the_loaders_read_the_models_they_are_pointed_at_and_the_shipped_ones_again(
    other_models,
):
    shipped = line_model().thresholds
    assert len(parse_seed(RawSeed("story", STORY)).blocks) == 2
    use_models(other_models)
    assert line_model().thresholds == Thresholds(1.5, 1.5)
    assert word_odds() == line_model().odds == {"harbour": 3.0}
    assert headline_words().intercept == headline_model().words.intercept == 42.0
    assert len(parse_seed(RawSeed("story", STORY)).blocks) == 1  # no line reaches 1.5: the
    # best-scored line is the body
    use_models(None)
    assert line_model().thresholds == shipped
    assert headline_words().intercept != 42.0
    assert len(parse_seed(RawSeed("story", STORY)).blocks) == 2
