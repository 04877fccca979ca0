"""The curator's file of canonical actor names: one name per actor across the whole archive."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from converter.model import Actor, ActorKind

_KINDS = ("person", "organisation", "place")
_PUNCT = re.compile(r"[.\u2019'`]")


@lru_cache(maxsize=1 << 16)
def alias_key(name: str) -> str:
    """How names are compared: case, dots, apostrophes and a leading 'the' do not matter. Cached:
    an article looks up the same few names thousands of times."""
    key = " ".join(_PUNCT.sub("", name).casefold().split())
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True, slots=True)
class AliasRule:
    """One curated alias: `alias` -> `canonical`, optionally only beside another actor."""

    canonical: str
    kind: ActorKind
    when: str = ""


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Alias keys -> canonical actors; capitals -> their country; names that are never actors."""

    rules: dict[str, tuple[AliasRule, ...]]
    capitals: dict[str, str]
    dropped: frozenset[str]

    def canonical(self, name: str, present_keys: frozenset[str] = frozenset()) -> AliasRule | None:
        """The curated actor `name` stands for, honouring `when` against the alias keys of the
        names present (`present_keys`)."""
        for rule in self.rules.get(alias_key(name), ()):
            if not rule.when or alias_key(rule.when) in present_keys:
                return rule
        return None

    def is_dropped(self, name: str) -> bool:
        return alias_key(name) in self.dropped


def parse_alias_table(document: dict) -> AliasTable:
    """The YAML document -> lookup tables; the canonical name is always an alias of itself."""
    rules: dict[str, list[AliasRule]] = {}
    capitals: dict[str, str] = {}
    for entry in document.get("actors") or ():
        kind = entry.get("kind", "organisation")
        if kind not in _KINDS:
            raise ValueError(f"aliases: {entry.get('name')!r} has unknown kind {kind!r}")
        rule = AliasRule(canonical=str(entry["name"]), kind=kind, when=str(entry.get("when") or ""))
        names = [] if rule.when else [rule.canonical]
        for alias in [*names, *(entry.get("aliases") or ())]:
            rules.setdefault(alias_key(str(alias)), []).append(rule)
        if entry.get("capital"):
            capitals[alias_key(str(entry["capital"]))] = rule.canonical
    dropped = frozenset(alias_key(str(name)) for name in document.get("drop") or ())
    return AliasTable(
        rules={
            key: tuple(sorted(found, key=lambda rule: rule.when == ""))
            for key, found in rules.items()
        },
        capitals=capitals,
        dropped=dropped,
    )


def load_alias_table(path: Path | None = None) -> AliasTable:
    """Read the curator's file (the packaged one unless `path` is given)."""
    text = (
        path.read_text("utf-8")
        if path
        else resources.files("converter.data").joinpath("aliases.yaml").read_text("utf-8")
    )
    return parse_alias_table(yaml.safe_load(text) or {})


def apply_curated(actors: Iterable[Actor], table: AliasTable) -> tuple[Actor, ...]:
    """Rename, merge and drop actors as the curator says; conditional aliases see the whole list."""
    actors = [actor for actor in actors if not table.is_dropped(actor.name)]
    unconditional: list[Actor] = []
    for actor in actors:
        rule = table.canonical(actor.name)
        unconditional.append(Actor(rule.canonical, rule.kind) if rule and not rule.when else actor)
    present = frozenset(alias_key(actor.name) for actor in unconditional)
    result: dict[str, Actor] = {}
    for actor in unconditional:
        rule = table.canonical(actor.name, present)
        final = Actor(rule.canonical, rule.kind) if rule else actor
        if not table.is_dropped(final.name):
            result.setdefault(final.name, final)
    return tuple(sorted(result.values(), key=lambda actor: (actor.name.casefold(), actor.name)))
