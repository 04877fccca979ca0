"""The learned models: trees exported by the training script and applied with numpy give
scikit-learn's own probabilities, and the model files match the features the code computes."""

import numpy as np
from helpers import load_benchmark
from sklearn.ensemble import HistGradientBoostingClassifier

from converter.rules.boosted import load_trees
from converter.rules.features import LINE_FEATURES
from converter.rules.headline_features import HEADLINE_FEATURES
from converter.rules.prose import (
    BODY_LINE_FEATURES,
    SHAPED_CONTEXT_FEATURES,
    headline_model,
    line_model,
)


def test_exported_trees_give_sklearns_probabilities():
    rng = np.random.default_rng(0)
    rows = rng.normal(size=(600, 4))
    labels = (rows[:, 0] + rows[:, 1] * rows[:, 2] > 0.3).astype(int)
    model = HistGradientBoostingClassifier(max_iter=30, max_depth=3, random_state=0)
    model.fit(rows, labels)
    names = ("a", "b", "c", "d")
    trees = load_trees(load_benchmark("train_lines").export(model, names), names)
    tests = rng.normal(size=(200, 4))
    ours = np.asarray(trees.probabilities(tests.tolist()))
    assert np.allclose(ours, model.predict_proba(tests)[:, 1], atol=1e-4)


def test_a_model_file_for_other_features_is_refused():
    document = {"features": ["x"], "feature": [[0]], "threshold": [[0.0]], "left": [[0]],
                "right": [[0]], "value": [[0.0]], "bias": 0.0, "depth": 1}
    try:
        load_trees(document, ("y",))
    except ValueError as error:
        assert "retrain" in str(error)
    else:
        raise AssertionError("a model for other features was accepted")


def test_the_packaged_models_load_with_the_codes_features():
    model = line_model()
    assert 0 < model.thresholds.page < 1 and 0 < model.thresholds.block < 1
    assert model.body.line.features == BODY_LINE_FEATURES
    assert model.shaped.features == SHAPED_CONTEXT_FEATURES
    assert model.headline_body.line.features == LINE_FEATURES
    assert headline_model().line.features == HEADLINE_FEATURES
