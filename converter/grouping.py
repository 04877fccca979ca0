"""Which seeds share a page: exact duplicates always, near duplicates when asked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from converter.duplicates import near_duplicate_groups
from converter.enrich.article import body_text
from converter.frontmatter import split_page
from converter.manifest import SeedRecord
from converter.pipeline import Prepared
from converter.scan import Plan
from converter.settings import Settings


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
