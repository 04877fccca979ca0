"""Safe YAML reading with libyaml's C parser when PyYAML was built with it: the long files (the
topic vocabulary, 20,000 page headers in a build) read three to ten times faster."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from converter.data import data_text

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]


def safe_load(text: str) -> object:
    """`yaml.safe_load`, only faster: the same safe constructors, no Python objects."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader


def data_mapping(name: str, error: type[ValueError]) -> Mapping[str, object]:
    """A curated YAML file of converter/data (word lists by name); `error` if it is none."""
    document = safe_load(data_text(name))
    if not isinstance(document, dict):
        raise error(f"{name}: expected a mapping of word lists")
    return document


def word_list(document: Mapping[str, object], key: str, error: type[ValueError]) -> list[str]:
    """The list `key` of a curated data file: it must be there and hold only words."""
    value = document.get(key)
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise error(f"{key}: expected a list of words, not {value!r}")
    return value
