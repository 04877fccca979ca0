"""A whole run over a seeds directory: every seed becomes a page or a named failure."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from converter.enrich.aliases import AliasTable, load_alias_table
from converter.enrich.article import analysis_text, enrich
from converter.enrich.topics import Vocabulary, load_vocabulary
from converter.errors import SeedError
from converter.model import Article, ParsedSeed
from converter.nlp import load_pipeline
from converter.read import read_seed
from converter.render import render_page
from converter.rules import parse_seed
from converter.settings import Settings
from converter.slugs import assign_slugs
from converter.write import (
    existing_pages,
    page_path,
    remove_pages,
    remove_temp_files,
    write_if_changed,
)

Progress = Callable[[Iterable[ParsedSeed], int], Iterator[ParsedSeed]]


@dataclass(frozen=True, slots=True)
class Failure:
    """A seed that gave no page, and why, in words a user can act on."""

    seed_file: str
    reason: str


@dataclass(frozen=True, slots=True)
class RunReport:
    """What a run did, page by page; the CLI prints it and picks the exit code from it."""

    converted: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    failed: tuple[Failure, ...] = ()
    removed: tuple[str, ...] = ()

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


@dataclass(slots=True)
class Toolkit:
    """The loaded model and curated data one run shares across its seeds."""

    nlp: Language = field(default_factory=load_pipeline)
    aliases: AliasTable = field(default_factory=load_alias_table)
    vocabulary: Vocabulary = field(default_factory=load_vocabulary)


def list_seed_files(seeds_dir: Path) -> list[Path]:
    """Every regular, non-hidden file under the seeds directory, in a stable order."""
    return sorted(
        path
        for path in seeds_dir.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(seeds_dir).parts)
    )


def seed_name(path: Path, seeds_dir: Path) -> str:
    """The seed's stem (its path below `seeds/` without `.txt`): what a page traces back to."""
    relative = path.relative_to(seeds_dir).as_posix()
    return relative[: -len(".txt")] if relative.endswith(".txt") else relative


def parse_files(
    paths: list[Path], seeds_dir: Path, settings: Settings
) -> tuple[list[ParsedSeed], list[Failure]]:
    parsed, failures = [], []
    for path in paths:
        shown = path.relative_to(seeds_dir).as_posix()
        try:
            parsed.append(
                parse_seed(read_seed(seed_name(path, seeds_dir), path.read_bytes(), settings))
            )
        except SeedError as error:
            failures.append(Failure(shown, str(error)))
        except OSError as error:
            failures.append(Failure(shown, f"cannot read: {error.strerror or error}"))
    return parsed, failures


def enrich_all(
    parsed: list[ParsedSeed], toolkit: Toolkit, settings: Settings, progress: Progress | None = None
) -> tuple[list[Article], list[Failure]]:
    """Run the model over all seeds in batches; one seed's crash is its failure, not the run's."""
    seeds = progress(parsed, len(parsed)) if progress else iter(parsed)
    articles, failures = [], []
    docs = toolkit.nlp.pipe(((analysis_text(seed), seed) for seed in seeds), as_tuples=True)
    for doc, seed in docs:
        try:
            articles.append(enrich(seed, doc, toolkit.aliases, toolkit.vocabulary, settings))
        except Exception as error:  # noqa: BLE001 - the batch must go on; the reason is reported
            failures.append(Failure(seed.stem, f"internal error while enriching: {error!r}"))
    return articles, failures


def convert_directory(
    seeds_dir: Path,
    out_dir: Path,
    settings: Settings = Settings(),
    toolkit: Toolkit | None = None,
    progress: Progress | None = None,
) -> RunReport:
    """Convert every seed under `seeds_dir` into `out_dir/articles/`; pages of deleted seeds go."""
    toolkit = toolkit or Toolkit()
    paths = list_seed_files(seeds_dir)
    parsed, failures = parse_files(paths, seeds_dir, settings)
    articles, enrich_failures = enrich_all(parsed, toolkit, settings, progress)
    failures += enrich_failures
    slugs = assign_slugs((article.seed, article.title) for article in articles)
    remove_temp_files(out_dir)
    converted, unchanged = [], []
    for article in sorted(articles, key=lambda article: slugs[article.seed]):
        path = page_path(out_dir, slugs[article.seed])
        (converted if write_if_changed(path, render_page(article)) else unchanged).append(
            path.relative_to(out_dir.resolve()).as_posix()
        )
    written = {path for path in (page_path(out_dir, slug) for slug in slugs.values())}
    all_seeds = {seed_name(path, seeds_dir) for path in paths}
    stale = [
        path
        for seed, path in existing_pages(out_dir).items()
        if seed not in all_seeds and path.resolve() not in written
    ]
    removed = remove_pages(stale)
    return RunReport(
        converted=tuple(converted),
        unchanged=tuple(unchanged),
        failed=tuple(sorted(failures, key=lambda failure: failure.seed_file)),
        removed=tuple(path.name for path in removed),
    )
