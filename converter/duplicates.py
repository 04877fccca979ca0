"""Near-duplicate stories (a wire story republished with small edits): MinHash + LSH banding.

Each article's word 4-shingles get a MinHash signature (datasketch); the signature is cut into
bands and each band hashed to 8 hex digits. Those band keys are all the manifest keeps (128
characters a seed), so an incremental run compares new seeds with the whole archive without
re-reading it. Seeds sharing a band key are candidates, confirmed by the exact Jaccard
similarity of their shingle sets.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache

from datasketch import MinHash

SHINGLE_WORDS = 4
BANDS = 16
ROWS = 4
"""16 bands of 4 rows: pairs above ~0.5 Jaccard almost always share a band (S-curve)."""
_SEED = 1
_WORD = re.compile(r"\w+")
_KEY_DIGITS = 8


def shingles(text: str) -> frozenset[str]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(
        " ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
    )


@cache
def _empty_signature() -> MinHash:
    """The seeded permutations, drawn once: drawing them is a third of a seed's fingerprint."""
    return MinHash(num_perm=BANDS * ROWS, seed=_SEED)


def fingerprint(text: str) -> str:
    """The text's LSH band keys: BANDS keys of 8 hex digits, concatenated."""
    signature = _empty_signature().copy()
    signature.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    values = signature.hashvalues
    keys = (
        hashlib.blake2b(
            values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=4
        ).hexdigest()
        for band in range(BANDS)
    )
    return "".join(keys)


def jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    if not first and not second:
        return 1.0
    return len(first & second) / len(first | second)


def candidate_pairs(fingerprints: dict[str, str]) -> set[tuple[str, str]]:
    """Pairs of seeds sharing at least one band key."""
    buckets: dict[tuple[int, str], list[str]] = defaultdict(list)
    for seed in sorted(fingerprints):
        keys = fingerprints[seed]
        for band in range(len(keys) // _KEY_DIGITS):
            buckets[(band, keys[band * _KEY_DIGITS : (band + 1) * _KEY_DIGITS])].append(seed)
    pairs = set()
    for members in buckets.values():
        for index, first in enumerate(members):
            for second in members[index + 1 :]:
                pairs.add((first, second))
    return pairs


def near_duplicate_groups(
    fingerprints: dict[str, str],
    text_of: Callable[[str], str],
    similarity: float,
) -> tuple[tuple[str, ...], ...]:
    """Groups of seeds telling the same story, each sorted, the groups sorted."""
    cache: dict[str, frozenset[str]] = {}

    def shingles_of(seed: str) -> frozenset[str]:
        if seed not in cache:
            cache[seed] = shingles(text_of(seed))
        return cache[seed]

    confirmed = [
        pair
        for pair in sorted(candidate_pairs(fingerprints))
        if jaccard(shingles_of(pair[0]), shingles_of(pair[1])) >= similarity
    ]
    return _components(confirmed)


def _components(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, ...], ...]:
    parent: dict[str, str] = {}

    def root(seed: str) -> str:
        while parent.setdefault(seed, seed) != seed:
            parent[seed] = parent[parent[seed]]
            seed = parent[seed]
        return seed

    for first, second in pairs:
        parent[max(root(first), root(second))] = min(root(first), root(second))
    groups: dict[str, list[str]] = defaultdict(list)
    for seed in parent:
        groups[root(seed)].append(seed)
    return tuple(sorted(tuple(sorted(group)) for group in groups.values() if len(group) > 1))
