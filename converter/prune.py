"""The one stage of a run that deletes pages, handed the failures of every stage before it:
a failed seed keeps its page, and no new page takes that page's name."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from converter.grouping import Grouping
from converter.manifest import Manifest, SeedRecord
from converter.scan import Failed
from converter.write import articles_dir, remove_pages


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
    held: dict[str, set[str]],
    on_disk: list[tuple[str, Path]],
) -> tuple[dict[str, SeedRecord], list[Path]]:
    """The one stage that deletes, handed the pages the failures of every stage before it hold
    (`held_pages`). A page stays when a written record points at it or a failed seed holds it
    (its record is kept, marked to be converted again); every other page the converter made
    goes: its seed is gone, or its group has another owner now. Only pages of `articles/` are
    ever deleted, whatever a record says."""
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
    pages_dir = articles_dir(out_dir).resolve()
    stale = {
        path
        for path in made
        if (resolved := path.resolve()) not in keep
        and resolved.parent == pages_dir
        and path.exists()
    }
    return records, remove_pages(sorted(stale))
