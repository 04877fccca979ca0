"""One seed's whole way, cut in two steps an engine can map over chunks of seeds.

prepare: read -> rules -> the text's hashes (exact and near-duplicate); cheap, run before the
run decides which seeds share a page. convert: enrich -> render; the model's work, where the
time goes. Each is a pure function of its seeds plus the packaged model and curated data, so
this process, a pool of local workers or a Dask cluster all give the same pages.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache, cached_property

from spacy.language import Language
from spacy.tokens import Doc

from converter.duplicates import fingerprint
from converter.enrich.aliases import AliasTable, load_alias_table
from converter.enrich.article import analysis_text, body_text, enrich
from converter.enrich.topics import Vocabulary, load_vocabulary
from converter.errors import SeedError, SeedTimeoutError
from converter.faults import inject
from converter.manifest import sha256
from converter.model import Article, Failure, ParsedSeed, SeedFile
from converter.nlp import load_pipeline
from converter.read import check_size, read_seed
from converter.render import render_page
from converter.rules import parse_seed
from converter.settings import Settings

_BATCH_SIZE = 32  # texts per spaCy batch


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

    def load(self) -> Toolkit:
        """Load everything now, so that worker processes forked after this share it."""
        self.nlp, self.aliases, self.vocabulary  # noqa: B018 - first use loads them
        return self


@cache
def shared_toolkit() -> Toolkit:
    """One toolkit per process: a worker loads the model on its first chunk and keeps it."""
    return Toolkit()


@dataclass(frozen=True, slots=True)
class Prepared:
    """A parsed seed with the hashes that find its duplicates."""

    seed: ParsedSeed
    text_hash: str
    fingerprint: str


@dataclass(frozen=True, slots=True)
class Job:
    """A seed to convert and every seed whose page it is (itself and its duplicates)."""

    seed: ParsedSeed
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Converted:
    """An article and its page, as written to docs/articles/."""

    article: Article
    page: str


def text_hash(parsed: ParsedSeed) -> str:
    """Identity of an article's text, whatever its file's encoding or name."""
    return sha256(f"{parsed.title}\n{parsed.source}\n{body_text(parsed)}".encode())


def parse_file(seed: SeedFile, settings: Settings) -> ParsedSeed:
    """Size check, decode and the boilerplate rules; raises SeedError or OSError."""
    check_size(seed.path.stat().st_size, settings)
    return parse_seed(read_seed(seed.name, seed.path.read_bytes(), settings))


REARM_SECONDS = 0.05


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise SeedTimeoutError in the block once it has run `seconds`: a seed that keeps a rule
    or the model busy fails by name and the batch goes on. SIGALRM reaches only a process's main
    thread, so on a Dask worker's threads the block runs without a limit."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise SeedTimeoutError(f"timed out: took more than {seconds:g} s (--seed-timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    # Then again every REARM_SECONDS: an exception raised where Python only reports it (a gc
    # callback, a __del__) is lost, and the next one must still stop the seed.
    signal.setitimer(signal.ITIMER_REAL, seconds, REARM_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def prepare(seed: SeedFile, settings: Settings) -> Prepared | Failure:
    """A seed file parsed and hashed, or a failure naming the file and the reason."""
    try:
        with time_limit(settings.seed_timeout):
            parsed = parse_file(seed, settings)
            return Prepared(parsed, text_hash(parsed), fingerprint(body_text(parsed)))
    except SeedError as error:
        return Failure(seed.shown, str(error))
    except OSError as error:
        return Failure(seed.shown, f"cannot read: {error.strerror or error}")


def prepare_chunk(seeds: Sequence[SeedFile], settings: Settings) -> Iterator[Prepared | Failure]:
    """What one task does: seeds in, one result per seed out, as each is ready."""
    return (prepare(seed, settings) for seed in seeds)


def convert_stream(
    jobs: Sequence[Job], toolkit: Toolkit, settings: Settings
) -> Iterator[Converted | Failure]:
    """The model over the seeds in batches, then enrich and render each; never raises. A batch
    the model cannot finish within the time limit is run again seed by seed, to name the seed."""
    for start in range(0, len(jobs), _BATCH_SIZE):
        batch = jobs[start : start + _BATCH_SIZE]
        texts = [analysis_text(job.seed)[: settings.ner_max_chars] for job in batch]
        try:
            with time_limit(settings.seed_timeout):
                docs: list[Doc | None] = list(toolkit.nlp.pipe(texts, batch_size=_BATCH_SIZE))
        except SeedTimeoutError:
            docs = [None] * len(batch)
        for job, text, doc in zip(batch, texts, docs, strict=True):
            yield convert_job(job, text, doc, toolkit, settings)


def convert_job(
    job: Job, text: str, doc: Doc | None, toolkit: Toolkit, settings: Settings
) -> Converted | Failure:
    """One seed's enrichment and page, running the model on `text` first when `doc` is None."""
    try:
        with time_limit(settings.seed_timeout):
            doc = doc if doc is not None else toolkit.nlp(text)
        with time_limit(settings.seed_timeout):
            inject(job.seed.stem)
            article = enrich(job.seed, doc, toolkit.aliases, toolkit.vocabulary, settings, text)
            article = replace(article, seeds=job.members)
            return Converted(article, render_page(article))
    except SeedTimeoutError as error:
        return Failure(job.seed.stem, str(error))
    except Exception as error:  # noqa: BLE001 - the batch goes on; the reason is reported
        return Failure(job.seed.stem, f"internal error while enriching: {error!r}")


def convert_chunk(
    jobs: Sequence[Job], settings: Settings, toolkit: Toolkit | None = None
) -> Iterator[Converted | Failure]:
    """What one task does, on a local worker or a Dask worker: jobs in, pages out as each is
    ready. A local worker gets the run's toolkit (forked, already loaded); Dask its own."""
    return convert_stream(jobs, toolkit or shared_toolkit(), settings)
