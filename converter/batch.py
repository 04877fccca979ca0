"""A whole run over a seeds directory: every seed becomes a page or a named failure, and a
failure never costs a page. `convert_directory` runs named stages, in the spirit of Pelican's
`Pelican.run`: scan -> plan -> prepare -> group duplicates -> convert -> write -> prune -> save
manifest; only the prune stage deletes, and it is handed the failures of every stage before it.

Incremental: the manifest beside the pages says which seeds are unchanged since the last run
(same bytes, same converter, same curated data, page untouched); only the rest are converted.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from converter.duplicates import near_duplicate_groups
from converter.engines import local_processes, map_dask, map_local
from converter.enrich.article import body_text
from converter.frontmatter import split_page
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
Failed = dict[str, Failure]
"""Failures by seed name, from every stage: the seeds whose pages the prune stage must keep."""


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


def scan_seeds(seeds_dir: Path) -> tuple[list[SeedFile], Failed]:
    """Hash every seed's bytes; an unreadable file is a failure, not a crash."""
    found, failed = [], {}
    for path in list_seed_files(seeds_dir):
        name, shown = seed_name(path, seeds_dir), _printable(path.relative_to(seeds_dir).as_posix())
        if path.is_symlink():
            # A link could point anywhere (/etc/passwd): only real files under seeds/ are seeds.
            failed[name] = Failure(shown, "refused: a symbolic link, not a seed file")
            continue
        try:
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError as error:
            failed[name] = Failure(shown, f"cannot read: {error.strerror or error}")
            continue
        found.append(SeedFile(name, path, shown, digest))
    return found, failed


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


def prepare_all(
    seeds: list[SeedFile], settings: Settings, stop: threading.Event | None = None
) -> tuple[list[Prepared], Failed]:
    """Read, parse and hash seeds in worker processes; a bad seed becomes a failure with its
    reason, and no seed, however bad, can take the run down with it."""
    names = {seed.shown: seed.name for seed in seeds}
    processes = local_processes(settings, len(seeds))
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


@dataclass(frozen=True, slots=True)
class Grouping:
    """Which seeds share a page: owner -> members, with the hashes their records keep."""

    groups: dict[str, tuple[str, ...]]
    text_hashes: dict[str, str]
    fingerprints: dict[str, str]
    near: tuple[tuple[str, ...], ...]
    regroup: tuple[str, ...]
    """Unchanged owners whose page must list other members now: converted again."""


def group_seeds(
    plan: Plan, prepared: list[Prepared], out_dir: Path, settings: Settings
) -> Grouping:
    """Exact duplicates share a page; near duplicates are found (merged when asked). Only
    seeds with a text this run take part: one that failed keeps its old record as it is."""
    parsed = {item.seed.stem: item.seed for item in prepared}
    hashes = {name: record.text_hash for name, record in plan.unchanged.items()}
    hashes |= {item.seed.stem: item.text_hash for item in prepared}
    fingerprints = {name: record.fingerprint for name, record in plan.unchanged.items()}
    fingerprints |= {item.seed.stem: item.fingerprint for item in prepared}
    groups = group_duplicates(hashes)

    def text_of(name: str) -> str:
        if name in parsed:
            return body_text(parsed[name])
        return split_page((out_dir / plan.unchanged[name].page).read_text("utf-8"))[1]

    near = near_duplicate_groups(
        {owner: fingerprints[owner] for owner in groups},
        text_of,
        settings.near_duplicate_similarity,
    )
    if settings.merge_near_duplicates:
        groups = merge_groups(groups, near)
    previous = _previous_groups(plan.unchanged)
    regroup = tuple(
        owner
        for owner in sorted(groups)
        if owner in plan.unchanged and groups[owner] != previous.get(owner)
    )
    return Grouping(groups, hashes, fingerprints, near, regroup)


def _previous_groups(unchanged: dict[str, SeedRecord]) -> dict[str, tuple[str, ...]]:
    """What the pages of unchanged owners list; a seed that was a duplicate has no page of its
    own to list anything, so when it owns one now, that page is made."""
    groups: dict[str, list[str]] = {}
    for name in sorted(unchanged):
        groups.setdefault(unchanged[name].duplicate_of or name, []).append(name)
    return {
        owner: tuple(members)
        for owner, members in groups.items()
        if owner in unchanged and not unchanged[owner].duplicate_of
    }


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
    """The pages the write stage left on disk and the records that point at them."""

    records: dict[str, SeedRecord]
    converted: tuple[str, ...]
    unchanged: tuple[str, ...]


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
    slug changed). No page takes a `reserved` name: those are pages failed seeds keep."""
    new_pages = {item.article.seed: item for item in converted_pages}
    owners = [owner for owner in sorted(grouping.groups) if owner not in failed]
    titles = {
        owner: new_pages[owner].article.title if owner in new_pages else plan.unchanged[owner].title
        for owner in owners
    }
    seed_hashes = {seed.name: seed.seed_hash for seed in seeds}
    slugs = assign_slugs(titles.items(), reserved)
    records: dict[str, SeedRecord] = {}
    converted, unchanged = [], []
    for owner in owners:
        path = page_path(out_dir, slugs[owner])
        relative = path.relative_to(out_dir.resolve()).as_posix()
        if owner in new_pages:
            content = new_pages[owner].page
        else:
            content = (out_dir / plan.unchanged[owner].page).read_text("utf-8")
        (converted if write_if_changed(path, content) else unchanged).append(relative)
        for member in grouping.groups[owner]:
            records[member] = SeedRecord(
                seed_hash=seed_hashes[member],
                text_hash=grouping.text_hashes[member],
                title=titles[owner],
                page=relative,
                page_hash=sha256(content.encode("utf-8")),
                duplicate_of="" if member == owner else owner,
                fingerprint=grouping.fingerprints[member],
            )
    return Written(records, tuple(converted), tuple(unchanged))


def held_pages(
    out_dir: Path, manifest: Manifest | None, failed: Failed, on_disk: list[tuple[str, Path]]
) -> dict[str, set[str]]:
    """The pages each failed seed keeps: its record's, and any page on disk naming it."""
    held: dict[str, set[str]] = {}
    for name in failed:
        record = manifest.seeds.get(name) if manifest else None
        if record and (out_dir / record.page).is_file():
            held.setdefault(name, set()).add(record.page)
    base = out_dir.resolve()
    for seed, path in on_disk:
        if seed in failed:
            held.setdefault(seed, set()).add(path.resolve().relative_to(base).as_posix())
    return held


def reserved_slugs(
    held: dict[str, set[str]], manifest: Manifest | None, grouping: Grouping, failed: Failed
) -> frozenset[str]:
    """Names of the pages failed seeds hold, but for a page whose owner is written again: a
    failed duplicate's record points at its owner's page, and that page moves with its owner."""
    previous = manifest.seeds if manifest else {}
    own = {
        previous[owner].page
        for owner in grouping.groups
        if owner not in failed and owner in previous and not previous[owner].duplicate_of
    }
    return frozenset(
        Path(page).stem for pages in held.values() for page in pages if page not in own
    )


def prune_pages(
    out_dir: Path,
    manifest: Manifest | None,
    written: dict[str, SeedRecord],
    failed: Failed,
    on_disk: list[tuple[str, Path]],
) -> tuple[dict[str, SeedRecord], list[Path]]:
    """The one stage that deletes, handed the failures of every stage before it. A page stays
    when a written record points at it or a failed seed holds it (its record is kept, marked to
    be converted again); every other page the converter made goes: its seed is gone, or its
    group has another owner now."""
    held = held_pages(out_dir, manifest, failed, on_disk)
    kept = {
        name: replace(manifest.seeds[name], seed_hash="")
        for name in held
        if manifest and name in manifest.seeds and manifest.seeds[name].page in held[name]
    }
    records = kept | written
    keep = {(out_dir / record.page).resolve() for record in records.values()}
    keep |= {(out_dir / page).resolve() for pages in held.values() for page in pages}
    made = [path for _, path in on_disk]
    if manifest:
        made += [out_dir / record.page for record in manifest.seeds.values()]
    stale = {path for path in made if path.resolve() not in keep and path.exists()}
    return records, remove_pages(sorted(stale))


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
    records, removed = prune_pages(out_dir, manifest, written.records, failed, on_disk)
    save_manifest(out_dir, stamp, records)
    return RunReport(
        converted=written.converted,
        unchanged=written.unchanged,
        failed=tuple(sorted(failed.values(), key=lambda failure: failure.seed_file)),
        removed=tuple(path.name for path in removed),
        duplicates=tuple(group for group in grouping.groups.values() if len(group) > 1),
        near_duplicates=grouping.near,
        stamp_changed=manifest is not None and manifest.stamp != stamp,
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
