"""A whole run over a seeds directory: every seed becomes a page or a named failure.

Incremental: the manifest beside the pages says which seeds are unchanged since the last run
(same bytes, same converter, same curated data, page untouched); only the rest are converted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from converter.duplicates import near_duplicate_groups
from converter.engines import local_processes, map_dask, map_local
from converter.enrich.article import body_text
from converter.manifest import (
    MANIFEST_NAME,
    Manifest,
    SeedRecord,
    Stamp,
    current_stamp,
    dump_manifest,
    load_manifest,
    sha256,
)
from converter.model import Failure, ParsedSeed, SeedFile
from converter.pipeline import (
    Converted,
    Job,
    Prepared,
    Toolkit,
    convert_chunk,
    convert_stream,
    prepare_chunk,
    shared_toolkit,
)
from converter.settings import Settings
from converter.slugs import assign_slugs
from converter.write import (
    existing_pages,
    page_path,
    remove_pages,
    remove_temp_files,
    write_if_changed,
)

Progress = Callable[[Iterable[Converted | Failure], int], Iterator[Converted | Failure]]


@dataclass(frozen=True, slots=True)
class RunReport:
    """What a run did, page by page; the CLI prints it and picks the exit code from it."""

    converted: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    failed: tuple[Failure, ...] = ()
    removed: tuple[str, ...] = ()
    duplicates: tuple[tuple[str, ...], ...] = ()
    near_duplicates: tuple[tuple[str, ...], ...] = ()
    stamp_changed: bool = False

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


@dataclass(slots=True)
class Plan:
    """Which seeds to convert this run and which pages stay as they are."""

    unchanged: dict[str, SeedRecord] = field(default_factory=dict)
    to_convert: list[SeedFile] = field(default_factory=list)


def list_seed_files(seeds_dir: Path) -> list[Path]:
    """Every regular, non-hidden file under the seeds directory, in a stable order."""
    return sorted(
        path
        for path in seeds_dir.rglob("*")
        if (path.is_file() or path.is_symlink())
        and not any(part.startswith(".") for part in path.relative_to(seeds_dir).parts)
    )


def seed_name(path: Path, seeds_dir: Path) -> str:
    """The seed's stem (its path below `seeds/` without `.txt`): what a page traces back to."""
    relative = _printable(path.relative_to(seeds_dir).as_posix())
    return relative[: -len(".txt")] if relative.endswith(".txt") else relative


def _printable(name: str) -> str:
    """A file name that is not UTF-8 still gets a name that prints and writes as UTF-8."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def scan_seeds(seeds_dir: Path) -> tuple[list[SeedFile], list[Failure]]:
    """Hash every seed's bytes; an unreadable file is a failure, not a crash."""
    found, failures = [], []
    for path in list_seed_files(seeds_dir):
        shown = _printable(path.relative_to(seeds_dir).as_posix())
        if path.is_symlink():
            # A link could point anywhere (/etc/passwd): only real files under seeds/ are seeds.
            failures.append(Failure(shown, "refused: a symbolic link, not a seed file"))
            continue
        try:
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError as error:
            failures.append(Failure(shown, f"cannot read: {error.strerror or error}"))
            continue
        found.append(SeedFile(seed_name(path, seeds_dir), path, shown, digest))
    return found, failures


def plan_run(seeds: list[SeedFile], manifest: Manifest | None, stamp: Stamp, out_dir: Path) -> Plan:
    """A seed is unchanged when its bytes, the stamp and its page are what the manifest says."""
    plan = Plan()
    for seed in seeds:
        record = manifest.seeds.get(seed.name) if manifest and manifest.stamp == stamp else None
        if record and record.seed_hash == seed.seed_hash and _page_intact(out_dir, record):
            plan.unchanged[seed.name] = record
        else:
            plan.to_convert.append(seed)
    return plan


def _page_intact(out_dir: Path, record: SeedRecord) -> bool:
    try:
        return sha256((out_dir / record.page).read_bytes()) == record.page_hash
    except OSError:
        return False


def prepare_all(seeds: list[SeedFile], settings: Settings) -> tuple[list[Prepared], list[Failure]]:
    """Read, parse and hash seeds on every core; a bad seed becomes a failure with its reason."""
    processes = local_processes(settings, len(seeds))
    if processes == 1:
        results: Iterable[Prepared | Failure] = prepare_chunk(seeds, settings)
    else:
        results = map_local(prepare_chunk, seeds, settings, _lost_file, processes)
    prepared, failures = [], []
    for result in results:
        (failures if isinstance(result, Failure) else prepared).append(result)
    return prepared, failures


def parse_files(
    seeds: Iterable[SeedFile], settings: Settings
) -> tuple[list[ParsedSeed], list[Failure]]:
    """Only the parsed seeds of `prepare_all`: what the benchmarks feed the bare model."""
    prepared, failures = prepare_all(list(seeds), settings)
    return [item.seed for item in prepared], failures


def convert_all(
    jobs: list[Job],
    toolkit: Toolkit,
    settings: Settings,
    progress: Progress | None = None,
) -> tuple[list[Converted], list[Failure]]:
    """Enrich and render on every core or a Dask cluster; a crash is one seed's failure."""
    if not jobs:
        return [], []
    processes = local_processes(settings, len(jobs))
    if settings.engine == "dask":
        results: Iterable[Converted | Failure] = map_dask(convert_chunk, jobs, settings, _lost_job)
    elif processes == 1:
        results = convert_stream(jobs, toolkit, settings)
    else:
        results = map_local(convert_chunk, jobs, settings, _lost_job, processes)
    stream = progress(results, len(jobs)) if progress else results
    converted, failures = [], []
    for result in stream:
        (failures if isinstance(result, Failure) else converted).append(result)
    return sorted(converted, key=lambda item: item.article.seed), failures


def _lost_file(seed: SeedFile, reason: str) -> Failure:
    return Failure(seed.shown, reason)


def _lost_job(job: Job, reason: str) -> Failure:
    return Failure(job.seed.stem, reason)


def group_duplicates(text_hashes: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Seeds with the same text -> one page; the first name in sort order owns it."""
    groups: dict[str, list[str]] = {}
    for seed in sorted(text_hashes):
        groups.setdefault(text_hashes[seed], []).append(seed)
    return {members[0]: tuple(members) for members in groups.values()}


def merge_groups(
    groups: dict[str, tuple[str, ...]], near: tuple[tuple[str, ...], ...]
) -> dict[str, tuple[str, ...]]:
    """Fold near-duplicate groups of page owners into one page each, owned by the first name."""
    merged = dict(groups)
    for owners in near:
        members = tuple(sorted(member for owner in owners for member in merged.pop(owner)))
        merged[members[0]] = members
    return merged


def _page_body(path: Path) -> str:
    return path.read_text("utf-8").split("\n---\n", 1)[-1]


def convert_directory(
    seeds_dir: Path,
    out_dir: Path,
    settings: Settings = Settings(),
    toolkit: Toolkit | None = None,
    progress: Progress | None = None,
) -> RunReport:
    """Bring `out_dir/articles/` up to date with `seeds_dir`, converting only what changed."""
    toolkit = toolkit or shared_toolkit()
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_temp_files(out_dir)
    stamp = current_stamp()
    manifest = load_manifest(out_dir)
    seeds, failures = scan_seeds(seeds_dir)
    plan = plan_run(seeds, manifest, stamp, out_dir)
    prepared, parse_failures = prepare_all(plan.to_convert, settings)
    failures += parse_failures
    failed_names = {seed.name for seed in seeds if seed.shown in {f.seed_file for f in failures}}
    parsed_by_name = {item.seed.stem: item.seed for item in prepared}

    hashes = {name: record.text_hash for name, record in plan.unchanged.items()}
    hashes |= {item.seed.stem: item.text_hash for item in prepared}
    fingerprints = {name: record.fingerprint for name, record in plan.unchanged.items()}
    fingerprints |= {item.seed.stem: item.fingerprint for item in prepared}
    groups = group_duplicates(hashes)

    def text_of(name: str) -> str:
        if name in parsed_by_name:
            return body_text(parsed_by_name[name])
        return _page_body(out_dir / plan.unchanged[name].page)

    near = near_duplicate_groups(
        {owner: fingerprints[owner] for owner in groups},
        text_of,
        settings.near_duplicate_similarity,
    )
    if settings.merge_near_duplicates:
        groups = merge_groups(groups, near)

    # A page owner whose group changed must list its new members: convert it again.
    previous_groups = _previous_groups(plan.unchanged)
    regroup = [
        seed
        for seed in seeds
        if seed.name in groups
        and seed.name in plan.unchanged
        and groups[seed.name] != previous_groups.get(seed.name, (seed.name,))
    ]
    reparsed, _ = parse_files(regroup, settings)
    parsed_by_name |= {seed.stem: seed for seed in reparsed}

    jobs = [
        Job(parsed_by_name[name], groups[name]) for name in sorted(groups) if name in parsed_by_name
    ]
    converted_pages, enrich_failures = convert_all(jobs, toolkit, settings, progress)
    failures += enrich_failures
    articles = [item.article for item in converted_pages]

    titles = {name: record.title for name, record in plan.unchanged.items() if name in groups}
    titles |= {article.seed: article.title for article in articles}
    slugs = assign_slugs(titles.items())

    seed_hashes = {seed.name: seed.seed_hash for seed in seeds}
    records: dict[str, SeedRecord] = {}
    converted, unchanged = [], []
    new_pages = {item.article.seed: item.page for item in converted_pages}
    for name in sorted(slugs):
        path = page_path(out_dir, slugs[name])
        relative = path.relative_to(out_dir.resolve()).as_posix()
        if name in new_pages:
            content = new_pages[name]
        else:
            content = (out_dir / plan.unchanged[name].page).read_text("utf-8")
        changed = write_if_changed(path, content)
        (converted if changed else unchanged).append(relative)
        for member in groups[name]:
            records[member] = SeedRecord(
                seed_hash=seed_hashes[member],
                text_hash=hashes[member],
                title=titles[name],
                page=relative,
                page_hash=sha256(content.encode("utf-8")),
                duplicate_of="" if member == name else name,
                fingerprint=fingerprints[member],
            )
    # Nothing is lost: a seed that failed this time keeps the page it had.
    if manifest:
        for name in failed_names & manifest.seeds.keys():
            records.setdefault(name, manifest.seeds[name])
    keep = {(out_dir / record.page).resolve() for record in records.values()}
    stale = [path for path in existing_pages(out_dir).values() if path.resolve() not in keep]
    if manifest:
        stale += [
            out_dir / record.page
            for record in manifest.seeds.values()
            if (out_dir / record.page).resolve() not in keep and (out_dir / record.page).exists()
        ]
    removed = remove_pages(sorted(set(stale)))
    write_if_changed(out_dir / MANIFEST_NAME, dump_manifest(Manifest(stamp, records)))
    return RunReport(
        converted=tuple(converted),
        unchanged=tuple(unchanged),
        failed=tuple(sorted(failures, key=lambda failure: failure.seed_file)),
        removed=tuple(path.name for path in removed),
        duplicates=tuple(group for group in groups.values() if len(group) > 1),
        near_duplicates=near,
        stamp_changed=manifest is not None and manifest.stamp != stamp,
    )


def _previous_groups(unchanged: dict[str, SeedRecord]) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for name in sorted(unchanged):
        owner = unchanged[name].duplicate_of or name
        groups.setdefault(owner, []).append(name)
    return {owner: tuple(sorted(members)) for owner, members in groups.items()}


def check_directory(seeds_dir: Path, out_dir: Path) -> list[str]:
    """Seeds whose pages are missing or stale, and pages whose seed is gone: for CI."""
    seeds, failures = scan_seeds(seeds_dir)
    plan = plan_run(seeds, load_manifest(out_dir), current_stamp(), out_dir)
    problems = [f"{seed.shown}: page missing or stale" for seed in plan.to_convert]
    problems += [f"{failure.seed_file}: {failure.reason}" for failure in failures]
    names = {seed.name for seed in seeds}
    problems += [
        f"{path.relative_to(out_dir).as_posix()}: its seed {seed!r} is gone"
        for seed, path in existing_pages(out_dir).items()
        if seed not in names
    ]
    return sorted(problems)
