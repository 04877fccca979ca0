"""A whole run over a seeds directory: every seed becomes a page or a named failure, and a
failure never costs a page. `convert_directory` runs named stages, in the spirit of Pelican's
`Pelican.run`: scan -> plan -> prepare -> group duplicates -> convert -> write -> prune -> save
manifest; only the prune stage deletes, and it is handed the failures of every stage before it.

Incremental: the manifest beside the pages says which seeds are unchanged since the last run
(same bytes, same converter, same curated data, page untouched); only the rest are converted.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from converter.engines import local_processes, map_dask, map_local
from converter.grouping import Grouping, group_seeds
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
    prepare_chunk,
    shared_toolkit,
)
from converter.prune import held_pages, prune_pages, reserved_slugs
from converter.rules import load_rules
from converter.scan import Failed, Plan, plan_run, scan_seeds
from converter.settings import Settings
from converter.slugs import assign_slugs
from converter.write import existing_pages, page_path, remove_temp_files, write_if_changed

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
    manifest_error: str = ""
    """Why the manifest could not be saved (a full disk): the next run converts again what
    this one wrote, and its pages say which seed they are, so nothing is lost."""

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.manifest_error else 0


def prepare_all(
    seeds: list[SeedFile], settings: Settings, stop: threading.Event | None = None
) -> tuple[list[Prepared], Failed]:
    """Read, parse and hash seeds in worker processes; a bad seed becomes a failure with its
    reason, and no seed, however bad, can take the run down with it."""
    names = {seed.shown: seed.name for seed in seeds}
    processes = local_processes(settings, len(seeds))
    if seeds:
        load_rules()  # forked workers share it
    prepared, failed = [], {}
    for result in map_local(prepare_chunk, seeds, settings, _lost_file, processes, stop):
        if isinstance(result, Failure):
            failed[names[result.seed_file]] = result
        else:
            prepared.append(result)
    return prepared, failed


def parse_files(
    seeds: Iterable[SeedFile], settings: Settings
) -> tuple[list[ParsedSeed], list[Failure]]:
    """Only the parsed seeds of `prepare_all`: what the benchmarks feed the bare model."""
    prepared, failed = prepare_all(list(seeds), settings)
    return [item.seed for item in prepared], list(failed.values())


def convert_all(
    jobs: list[Job],
    toolkit: Toolkit,
    settings: Settings,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> tuple[list[Converted], Failed]:
    """Enrich and render in worker processes or on a Dask cluster; a crash, a time-out or a
    dead worker is one seed's failure, and a failed page owner fails its duplicates with it."""
    if not jobs:
        return [], {}
    if settings.engine == "dask":
        results: Iterable[Converted | Failure] = map_dask(
            convert_chunk, jobs, settings, _lost_job, stop
        )
    else:
        chunk = partial(convert_chunk, toolkit=toolkit.load())  # forked workers share it
        processes = local_processes(settings, len(jobs))
        results = map_local(chunk, jobs, settings, _lost_job, processes, stop)
    stream = progress(results, len(jobs)) if progress else results
    members = {job.seed.stem: job.members for job in jobs}
    converted, failed = [], {}
    for result in stream:
        if isinstance(result, Failure):
            failed |= _group_failed(result.seed_file, result, members[result.seed_file])
        else:
            converted.append(result)
    return sorted(converted, key=lambda item: item.article.seed), failed


def _group_failed(owner: str, failure: Failure, members: tuple[str, ...]) -> Failed:
    """The owner's failure, and its duplicates', whose page it is."""
    reason = f"shares its page with {owner}, which failed: {failure.reason}"
    return {member: Failure(member, reason) for member in members} | {owner: failure}


def _lost_file(seed: SeedFile, reason: str) -> Failure:
    return Failure(seed.shown, reason)


def _lost_job(job: Job, reason: str) -> Failure:
    return Failure(job.seed.stem, reason)


def convert_groups(
    grouping: Grouping,
    prepared: list[Prepared],
    seeds: list[SeedFile],
    toolkit: Toolkit,
    settings: Settings,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> tuple[list[Converted], Failed]:
    """One page per group whose owner is new, changed or regrouped (read again first)."""
    regroup = set(grouping.regroup)
    reparsed, reparse_failed = prepare_all(
        [seed for seed in seeds if seed.name in regroup], settings, stop
    )
    failed: Failed = {}
    for owner, failure in reparse_failed.items():
        failed |= _group_failed(owner, failure, grouping.groups[owner])
    parsed = {item.seed.stem: item.seed for item in [*prepared, *reparsed]}
    jobs = [
        Job(parsed[owner], grouping.groups[owner])
        for owner in sorted(grouping.groups)
        if owner in parsed
    ]
    converted, convert_failed = convert_all(jobs, toolkit, settings, progress, stop)
    return converted, failed | convert_failed


@dataclass(frozen=True, slots=True)
class Written:
    """The pages the write stage left on disk, the records that point at them, and the groups
    whose page could not be written (a full disk, a file size limit, no permission)."""

    records: dict[str, SeedRecord]
    converted: tuple[str, ...]
    unchanged: tuple[str, ...]
    failed: Failed


def write_pages(
    out_dir: Path,
    seeds: list[SeedFile],
    plan: Plan,
    grouping: Grouping,
    converted_pages: list[Converted],
    failed: Failed,
    reserved: frozenset[str],
) -> Written:
    """Every group whose owner did not fail gets its page: new, or as it was (renamed if its
    slug changed). No page takes a `reserved` name: those are pages failed seeds keep. A page
    the disk refuses fails its group by name, as a seed that fails to convert does: the write
    is atomic, so the group's old page is still whole, and the prune stage keeps it."""
    new_pages = {item.article.seed: item for item in converted_pages}
    owners = [owner for owner in sorted(grouping.groups) if owner not in failed]
    titles = {
        owner: new_pages[owner].article.title if owner in new_pages else plan.unchanged[owner].title
        for owner in owners
    }
    seed_files = {seed.name: seed for seed in seeds}
    slugs = assign_slugs(titles.items(), reserved)
    records: dict[str, SeedRecord] = {}
    converted, unchanged = [], []
    failed_writes: Failed = {}
    for owner in owners:
        path = page_path(out_dir, slugs[owner])
        relative = path.relative_to(out_dir.resolve()).as_posix()
        try:
            if owner in new_pages:
                content = new_pages[owner].page
            else:
                content = (out_dir / plan.unchanged[owner].page).read_text("utf-8")
            (converted if write_if_changed(path, content) else unchanged).append(relative)
        except OSError as error:
            reason = f"its page {relative} could not be written: {error.strerror or error}"
            failure = Failure(seed_files[owner].shown, reason)
            failed_writes |= _group_failed(owner, failure, grouping.groups[owner])
            continue
        page_hash = sha256(content.encode("utf-8"))
        for member in grouping.groups[owner]:
            records[member] = SeedRecord(
                seed_hash=seed_files[member].seed_hash,
                text_hash=grouping.text_hashes[member],
                title=titles[owner],
                page=relative,
                page_hash=page_hash,
                duplicate_of="" if member == owner else owner,
                fingerprint=grouping.fingerprints[member],
            )
    return Written(records, tuple(converted), tuple(unchanged), failed_writes)


def save_manifest(out_dir: Path, stamp: Stamp, records: dict[str, SeedRecord]) -> None:
    write_if_changed(out_dir / MANIFEST_NAME, dump_manifest(Manifest(stamp, records)))


def convert_directory(
    seeds_dir: Path,
    out_dir: Path,
    settings: Settings = Settings(),
    toolkit: Toolkit | None = None,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> RunReport:
    """Bring `out_dir/articles/` up to date with `seeds_dir`, converting only what changed.
    A seed that fails at any stage keeps its page; once `stop` is set, every seed not yet
    converted counts as failed. Runs that could overlap hold `run_lock(out_dir)` (the CLI does).
    """
    toolkit = toolkit or shared_toolkit()
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_temp_files(out_dir)
    stamp, manifest = current_stamp(), load_manifest(out_dir)

    seeds, failed = scan_seeds(seeds_dir)
    plan = plan_run(seeds, manifest, stamp, out_dir)
    prepared, prepare_failed = prepare_all(plan.to_convert, settings, stop)
    failed |= prepare_failed
    grouping = group_seeds(plan, prepared, out_dir, settings)
    converted_pages, convert_failed = convert_groups(
        grouping, prepared, seeds, toolkit, settings, progress, stop
    )
    failed |= convert_failed
    on_disk = existing_pages(out_dir)
    held = held_pages(out_dir, manifest, failed, on_disk)
    reserved = reserved_slugs(held, manifest, grouping, failed)
    written = write_pages(out_dir, seeds, plan, grouping, converted_pages, failed, reserved)
    failed |= written.failed
    held |= held_pages(out_dir, manifest, written.failed, on_disk)  # no seed failed twice
    records, removed = prune_pages(out_dir, manifest, written.records, held, on_disk)
    try:
        save_manifest(out_dir, stamp, records)
        manifest_error = ""
    except OSError as error:
        manifest_error = str(error)
    return RunReport(
        converted=written.converted,
        unchanged=written.unchanged,
        failed=tuple(sorted(failed.values(), key=lambda failure: failure.seed_file)),
        removed=tuple(path.name for path in removed),
        duplicates=tuple(group for group in grouping.groups.values() if len(group) > 1),
        near_duplicates=grouping.near,
        stamp_changed=manifest is not None and manifest.stamp != stamp,
        manifest_error=manifest_error,
    )


def check_directory(seeds_dir: Path, out_dir: Path) -> list[str]:
    """Seeds whose pages are missing or stale, and pages whose seed is gone: for CI."""
    seeds, failed = scan_seeds(seeds_dir)
    plan = plan_run(seeds, load_manifest(out_dir), current_stamp(), out_dir)
    problems = [f"{seed.shown}: page missing or stale" for seed in plan.to_convert]
    problems += [f"{failure.seed_file}: {failure.reason}" for failure in failed.values()]
    names = {seed.name for seed in seeds} | failed.keys()
    problems += [
        f"{path.relative_to(out_dir).as_posix()}: its seed {seed!r} is gone"
        for seed, path in existing_pages(out_dir)
        if seed not in names
    ]
    return sorted(problems)
