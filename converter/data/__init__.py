"""Curated and learned data the output depends on; every file here is in the manifest's stamp."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import yaml


def data_text(name: str) -> str:
    """A data file's text, read from the installed package (no path games, works zipped)."""
    return resources.files("converter.data").joinpath(name).read_text("utf-8")


def load_yaml(name: str) -> Any:
    return yaml.safe_load(data_text(name))


def load_json(name: str) -> Any:
    return json.loads(data_text(name))
