"""One seed's way through prepare and convert: the per-seed time limit and faults that stay
one seed's failure."""

import signal
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from helpers import CORPUS
from spacy.language import Language
from spacy.tokens import Doc

from converter.errors import SeedTimeoutError
from converter.faults import FAULTS_VARIABLE
from converter.model import Block, Failure, ParsedSeed, SeedFile
from converter.pipeline import (
    Converted,
    Job,
    Prepared,
    Toolkit,
    convert_stream,
    prepare,
    time_limit,
)
from converter.settings import Settings


@pytest.fixture(scope="module")
def toolkit():
    return Toolkit().load()


def seed_file(path: Path) -> SeedFile:
    return SeedFile(path.stem, path, path.name, "")


@pytest.fixture(scope="module")
def jobs():
    prepared = [prepare(seed_file(path), Settings()) for path in sorted(CORPUS.glob("*.txt"))[:6]]
    assert all(isinstance(item, Prepared) for item in prepared)
    return [Job(item.seed, (item.seed.stem,)) for item in prepared]


def test_time_limit_stops_a_block_that_runs_past_it_and_then_leaves_no_alarm():
    with pytest.raises(SeedTimeoutError, match=r"took more than 0.2 s"), time_limit(0.2):
        time.sleep(30)
    with time_limit(5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_a_seed_that_keeps_the_rules_busy_past_the_limit_fails_by_name(tmp_path):
    huge = tmp_path / "huge.txt"
    paragraph = " ".join(["The council met again on Tuesday to discuss the budget."] * 20)
    huge.write_text("Headline\n\n" + "\n\n".join([paragraph] * 1500), encoding="utf-8")
    assert isinstance(prepare(seed_file(huge), Settings()), Prepared)
    failure = prepare(seed_file(huge), Settings(seed_timeout=0.001))
    assert failure == Failure("huge.txt", "timed out: took more than 0.001 s (--seed-timeout)")


def test_a_seed_that_raises_in_enrichment_fails_alone(jobs, toolkit, monkeypatch):
    poison = jobs[2].seed.stem
    monkeypatch.setenv(FAULTS_VARIABLE, f"raise:{poison}")
    results = list(convert_stream(jobs, toolkit, Settings()))
    failures = [result for result in results if isinstance(result, Failure)]
    assert [failure.seed_file for failure in failures] == [poison]
    assert "RuntimeError('fault injected into" in failures[0].reason
    assert sum(isinstance(result, Converted) for result in results) == len(jobs) - 1


def test_a_seed_that_hangs_in_enrichment_fails_by_name_after_the_limit(jobs, toolkit, monkeypatch):
    hanging = jobs[4].seed.stem
    monkeypatch.setenv(FAULTS_VARIABLE, f"hang:{hanging}")
    results = list(convert_stream(jobs, toolkit, Settings(seed_timeout=2)))
    assert [r for r in results if isinstance(r, Failure)] == [
        Failure(hanging, "timed out: took more than 2 s (--seed-timeout)")
    ]
    assert [r.article.seed for r in results if isinstance(r, Converted)] == [
        job.seed.stem for job in jobs if job.seed.stem != hanging
    ]


class SlowOverOneStory:
    """The real model, which takes a minute over one story: a seed that keeps the model busy,
    whatever the machine's speed or load."""

    def __init__(self, nlp: Language, slow: str) -> None:
        self.nlp, self.slow = nlp, slow

    def pipe(self, texts: Iterable[str], **options: object) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __call__(self, text: str) -> Doc:
        if text.startswith(self.slow):
            time.sleep(60)
        return self.nlp(text)


def test_a_seed_that_keeps_the_model_busy_fails_alone_and_its_batch_converts(jobs, toolkit):
    """The batch cannot finish within the limit: it is run again seed by seed and only the slow
    seed fails, by name."""
    slow = Toolkit()
    slow.nlp, slow.aliases, slow.vocabulary = toolkit.nlp, toolkit.aliases, toolkit.vocabulary
    slow.nlp = SlowOverOneStory(toolkit.nlp, "A slow story")
    long = ParsedSeed("slow", "A slow story", "Reuters", (Block("paragraph", "It goes on."),))
    batch = [*jobs, Job(long, ("slow",))]
    results = list(convert_stream(batch, slow, Settings(seed_timeout=2)))
    assert [r for r in results if isinstance(r, Failure)] == [
        Failure("slow", "timed out: took more than 2 s (--seed-timeout)")
    ]
    assert sum(isinstance(result, Converted) for result in results) == len(jobs)
