"""Where enrichment runs: this machine's cores, or a Dask cluster for archives past one machine.

Enriching is a pure function of one parsed seed plus the packaged model and curated data, so
any engine that maps a function over chunks of seeds gives the same pages.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache, cached_property

from spacy.language import Language

from converter.enrich.aliases import AliasTable, load_alias_table
from converter.enrich.article import analysis_text, enrich
from converter.enrich.topics import Vocabulary, load_vocabulary
from converter.model import Article, Failure, ParsedSeed
from converter.nlp import load_pipeline
from converter.settings import Settings

ENGINES = ("local", "dask")
_MIN_SEEDS_PER_WORKER = 64
_BATCH_SIZE = 32
CHUNK_SIZE = 256
"""Seeds per Dask task: big enough to amortise a task, small enough to spread over workers."""


class Toolkit:
    """The model and curated data a run shares across seeds; loaded only if a seed needs them."""

    @cached_property
    def nlp(self) -> Language:
        return load_pipeline()

    @cached_property
    def aliases(self) -> AliasTable:
        return load_alias_table()

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return load_vocabulary()


@cache
def _toolkit() -> Toolkit:
    """One model per process: a Dask worker loads it on its first chunk and keeps it."""
    return Toolkit()


def enrich_stream(
    parsed: list[ParsedSeed], toolkit: Toolkit, settings: Settings, processes: int = 1
) -> Iterator[Article | Failure]:
    """Run the model over seeds (spaCy's own multiprocessing) and enrich each; never raises."""
    docs = toolkit.nlp.pipe(
        ((analysis_text(seed)[: settings.ner_max_chars], seed) for seed in parsed),
        as_tuples=True,
        n_process=processes,
        batch_size=_BATCH_SIZE,
    )
    for doc, seed in docs:
        try:
            yield enrich(seed, doc, toolkit.aliases, toolkit.vocabulary, settings)
        except Exception as error:  # noqa: BLE001 - the batch goes on; the reason is reported
            yield Failure(seed.stem, f"internal error while enriching: {error!r}")


def enrich_chunk(parsed: list[ParsedSeed], settings: Settings) -> list[Article | Failure]:
    """What one Dask task does: a chunk of seeds in, their articles (or failures) out."""
    return list(enrich_stream(parsed, _toolkit(), settings))


def local_processes(settings: Settings, seeds: int) -> int:
    available = settings.workers or os.cpu_count() or 1
    return max(1, min(available, seeds // _MIN_SEEDS_PER_WORKER))


def run_local(
    parsed: list[ParsedSeed], toolkit: Toolkit, settings: Settings
) -> Iterator[Article | Failure]:
    return enrich_stream(parsed, toolkit, settings, local_processes(settings, len(parsed)))


def run_dask(parsed: list[ParsedSeed], settings: Settings) -> Iterator[Article | Failure]:
    """Map `enrich_chunk` over a Dask cluster: `settings.dask_address`, or a LocalCluster."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as error:  # pragma: no cover - depends on the optional extra
        raise RuntimeError(
            "the dask engine needs the optional extra: pip install 'article-archive[dask]'"
        ) from error
    chunks = [parsed[start : start + CHUNK_SIZE] for start in range(0, len(parsed), CHUNK_SIZE)]
    cluster = None
    if not settings.dask_address:
        cluster = LocalCluster(
            n_workers=settings.workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
    try:
        with Client(settings.dask_address or cluster) as client:
            futures = client.map(enrich_chunk, chunks, settings=settings, pure=False)
            for future in as_completed(futures):
                yield from future.result()
    finally:
        if cluster is not None:
            cluster.close()
