"""People, organisations and places named in an article, each once under one canonical name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span

from converter.enrich.aliases import AliasTable, alias_key, apply_curated
from converter.model import Actor, ActorKind

LABEL_KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
}
_KIND_PRIORITY: dict[ActorKind, int] = {"person": 0, "organisation": 1, "place": 2}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w.)]+$")
_PROPER_TAGS = frozenset({"NNP", "NNPS"})


@dataclass(frozen=True, slots=True)
class Language:
    """Titles to strip, words that are never actors, nationality adjectives."""

    titles: tuple[str, ...]
    not_actors: frozenset[str]
    demonyms: frozenset[str]


@cache
def load_language() -> Language:
    document = yaml.safe_load(
        resources.files("converter.data").joinpath("language.yaml").read_text("utf-8")
    )
    titles = sorted({title.casefold() for title in document["titles"]}, key=len, reverse=True)
    return Language(
        titles=tuple(titles),
        not_actors=frozenset(word.casefold() for word in document["not_actors"]),
        demonyms=frozenset(word.casefold() for word in document["demonyms"]),
    )


@dataclass(frozen=True, slots=True)
class Mention:
    """One named-entity mention, cleaned: the unit that alias merging works on."""

    name: str
    kind: ActorKind


def find_mentions(doc: Doc, language: Language) -> list[Mention]:
    """NER spans of the kinds we keep, with titles, possessives and junk removed."""
    mentions = []
    for span in doc.ents:
        kind = LABEL_KINDS.get(span.label_)
        if kind is None or not _is_proper(span, language):
            continue
        name = clean_name(span.text, language)
        if (
            name
            and alias_key(name) not in language.not_actors
            and alias_key(name) not in language.demonyms
        ):
            mentions.append(Mention(name, kind))
    return mentions


def _is_proper(span: Span, language: Language) -> bool:
    """A name has a proper-noun token or is an acronym; adjectives like 'Russian' are not actors."""
    if len(span) == 1 and span[0].tag_ == "JJ":
        return False
    return any(
        token.tag_ in _PROPER_TAGS or (token.text.isupper() and len(token.text) > 1)
        for token in span
    )


def clean_name(text: str, language: Language) -> str:
    """'Secretary of State John Kerry's' -> 'John Kerry'; 'the United States' -> 'United States'."""
    name = " ".join(text.split())
    name = _POSSESSIVE.sub("", name)
    name = _EDGE_PUNCT.sub("", name)
    if name[:4].casefold() == "the ":
        name = name[4:]
    stripped = True
    while stripped:
        stripped = False
        lowered = name.casefold()
        for title in language.titles:
            if lowered.startswith(title + " ") and len(name) > len(title) + 1:
                name = name[len(title) + 1 :].lstrip()
                stripped = True
                break
        first, _, rest = name.partition(" ")
        if (
            not stripped
            and first.casefold() in language.demonyms
            and _starts_with_title(rest, language)
        ):
            name, stripped = rest, True
    return name.strip()


def _starts_with_title(text: str, language: Language) -> bool:
    lowered = text.casefold()
    return any(lowered.startswith(title + " ") for title in language.titles)


def merge_mentions(
    mentions: Iterable[Mention], table: AliasTable, credits: Iterable[str] = ()
) -> tuple[Actor, ...]:
    """Mentions -> actors: surnames join full names, capitals join their country, credits go."""
    mentions = list(mentions)
    dropped = _credit_keys(credits)
    mentions = [mention for mention in mentions if alias_key(mention.name) not in dropped]
    curated = [_curated(mention, table) for mention in mentions]
    countries = {mention.name for mention in curated if mention.kind == "place"}
    curated = [_capital_as_country(mention, table, countries) for mention in curated]
    canonical_of = _person_aliases(curated)
    kinds: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    for mention in curated:
        name = canonical_of.get(mention.name, mention.name)
        kind = "person" if name in canonical_of.values() else mention.kind
        kinds[name][kind] += 1
    actors = [Actor(name, _majority(votes)) for name, votes in kinds.items()]
    return apply_curated(actors, table)


def _credit_keys(credits: Iterable[str]) -> set[str]:
    """The page's own source and outlet credits, and their initials ('Associated Press' -> 'AP')."""
    keys = set()
    for credit in credits:
        if not credit:
            continue
        keys.add(alias_key(credit))
        words = [word for word in re.split(r"[\s-]+", credit) if word[:1].isupper()]
        if len(words) > 1:
            keys.add("".join(word[0] for word in words).casefold())
    return keys


def _curated(mention: Mention, table: AliasTable) -> Mention:
    rule = table.canonical(mention.name)
    return Mention(rule.canonical, rule.kind) if rule and not rule.when else mention


def _capital_as_country(mention: Mention, table: AliasTable, places: set[str]) -> Mention:
    """'Washington' beside 'United States' is the US government, not the city."""
    country = table.capitals.get(alias_key(mention.name))
    return Mention(country, "place") if country and country in places else mention


def _person_aliases(mentions: list[Mention]) -> dict[str, str]:
    """Map a surname (or shorter form) to the one full person name that ends with it."""
    full_names = sorted(
        {m.name for m in mentions if m.kind == "person" and len(m.name.split()) > 1}
    )
    by_tail: dict[str, set[str]] = defaultdict(set)
    for full in full_names:
        words = full.split()
        for start in range(1, len(words)):
            by_tail[alias_key(" ".join(words[start:]))].add(full)
    canonical = {full: full for full in full_names}
    for mention in mentions:
        if mention.name in canonical:
            continue
        candidates = by_tail.get(alias_key(mention.name), set())
        longer = {full for full in candidates if full != mention.name}
        if len(longer) == 1 and (mention.kind == "person" or len(mention.name.split()) == 1):
            canonical[mention.name] = next(iter(longer))
    return _resolve_chains(canonical)


def _resolve_chains(canonical: dict[str, str]) -> dict[str, str]:
    """'Assad' -> 'Bashar Assad' -> 'Bashar al-Assad' collapses to the last."""
    resolved = {}
    for name in canonical:
        target, seen = canonical[name], {name}
        while canonical.get(target, target) != target and target not in seen:
            seen.add(target)
            target = canonical[target]
        resolved[name] = target
    return resolved


def _majority(votes: Counter[ActorKind]) -> ActorKind:
    return min(votes, key=lambda kind: (-votes[kind], _KIND_PRIORITY[kind]))


def extract_actors(
    doc: Doc, table: AliasTable, credits: Iterable[str] = (), language: Language | None = None
) -> tuple[Actor, ...]:
    """The whole step: NER mentions -> cleaned -> merged -> curated actors, sorted by name."""
    return merge_mentions(find_mentions(doc, language or load_language()), table, credits)
