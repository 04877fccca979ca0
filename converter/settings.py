"""The converter's settings in one place, with the defaults a user gets without asking."""

from __future__ import annotations

from dataclasses import dataclass

CONVERTER_VERSION = "33"
"""Bumped whenever a change to the converter changes its output, so stale pages are redone."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Knobs of one conversion run."""

    max_seed_bytes: int = 2 * 1024 * 1024
    """Seeds larger than this are refused: no real article is 2 MB of text."""

    workers: int = 0
    """Processes for the NER model; 0 means one per core."""

    engine: str = "local"
    """'local' (this machine's cores) or 'dask' (a Dask cluster; see `dask_address`)."""

    dask_address: str = ""
    """Scheduler of an existing Dask cluster; empty starts a LocalCluster on this machine."""

    seed_timeout: float = 60.0
    """Seconds one seed may spend in a step (reading and rules, the model, enrichment): a real
    article needs well under one; past this the seed fails by name and the batch goes on."""

    merge_near_duplicates: bool = False
    """Near duplicates are always reported; merged into one page only when asked."""

    near_duplicate_similarity: float = 0.7
    """Word-shingle Jaccard similarity from which two stories are the same story."""

    ner_max_chars: int = 50_000
    """The NER model reads at most this much of an article (a long feature is ~30,000): spaCy
    refuses texts over 1,000,000 characters and its tokenizer is slow on long symbol runs."""

    description_max_chars: int = 300
    """A description longer than this is cut at a word boundary (search snippets, <meta>)."""
