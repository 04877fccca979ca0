"""Curated and learned data the output depends on; every file here is in the manifest's stamp."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

Loaded = TypeVar("Loaded")
_models: Path | None = None
"""Where the learned models are read from: None for this package (see use_models)."""
_forget_models: list[Callable[[], None]] = []


def data_text(name: str) -> str:
    """A data file's text, read from the installed package (no path games, works zipped)."""
    return resources.files("converter.data").joinpath(name).read_text("utf-8")


def load_yaml(name: str) -> Any:
    return yaml.safe_load(data_text(name))


def load_json(name: str) -> Any:
    return json.loads(data_text(name))


def load_model(name: str) -> Any:
    """A learned model's JSON (benchmarks/train_lines.py writes them), read from this package
    unless use_models pointed the loaders elsewhere."""
    if _models is None:
        return load_json(name)
    return json.loads((_models / name).read_text("utf-8"))


def model_loader(loader: Callable[[], Loaded]) -> _lru_cache_wrapper[Loaded]:
    """A loader of a learned model, cached until use_models points the loaders elsewhere."""
    cached = cache(loader)
    _forget_models.append(cached.cache_clear)
    return cached


def use_models(directory: Path | None) -> None:
    """Read the learned models from `directory` (None: this package) from now on: a benchmark
    converts pages with models that never saw them (benchmarks/html_folds.py). The manifest's
    stamp still hashes this package's files only."""
    global _models
    _models = directory
    for forget in _forget_models:
        forget()
