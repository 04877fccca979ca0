"""People, organisations and places named in an article, each once under one canonical name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from converter.casing import Evidence, case_evidence, is_shouted, unshout
from converter.enrich.aliases import AliasTable, alias_key, apply_curated
from converter.language import Language, load_language
from converter.model import Actor, ActorKind

LABEL_KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
_KIND_PRIORITY: dict[ActorKind, int] = {"person": 0, "organisation": 1, "place": 2}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w.)]+$")


@dataclass(frozen=True, slots=True)
class Mention:
    """One named-entity mention, cleaned: the unit that alias merging works on."""

    name: str
    kind: ActorKind
    locative: bool = False


def find_mentions(
    doc: Doc,
    language: Language,
    headline_chars: int = 0,
    evidence: Evidence | None = None,
    text: str | None = None,
) -> list[Mention]:
    """NER spans of the kinds we keep, with titles, possessives, dates and junk removed; a name
    from a line in capitals gets the case the article gives its words elsewhere (`evidence`).

    The first `headline_chars` characters are the headline: Title Case fools the model there,
    so a headline entity counts only when the body names it too. `text` is the text the model
    read, when the caller has it: `doc.text` is the same, rebuilt from the tokens on each access."""
    text = doc.text if text is None else text
    body = text[headline_chars:].casefold()
    evidence = case_evidence([text]) if evidence is None else evidence
    mentions = []
    shouted: dict[tuple[int, int], bool] = {}  # per line: articles name dozens of entities a line
    for span in doc.ents:
        kind = LABEL_KINDS.get(span.label_)
        if kind is None or not _is_proper(span):
            continue
        name = clean_name(span.text, language)
        line = _line_around(text, span)
        if line not in shouted:
            shouted[line] = is_shouted(text[line[0] : line[1]])
        if shouted[line]:
            name = unshout(name, evidence)
        if kind != "person":
            name = strip_calendar_words(name, language)
        if not is_actor_name(name, language):
            continue
        if span.start_char < headline_chars and not _names_in(name, body):
            continue
        previous = doc[span.start - 1].lower_ if span.start > 0 else ""
        mentions.append(Mention(name, kind, previous in language.locative_words))
    return mentions


def is_actor_name(name: str, language: Language) -> bool:
    """Not empty, not an office or a generic word, not a nationality, not a date ("Friday",
    "December 1996")."""
    key = alias_key(name)
    if not key or key in language.not_actors or key in language.demonyms:
        return False
    return not all(
        word in language.calendar_words or any(char.isdigit() for char in word)
        for word in key.split()
    )


def strip_calendar_words(name: str, language: Language) -> str:
    """'August Chicago NAPM' -> 'Chicago NAPM': a month or weekday at a name's ends is a date
    beside it (a person's first name may be one: 'Jan Kroslak')."""
    words = name.split()
    while len(words) > 1 and alias_key(words[0]) in language.calendar_words:
        words.pop(0)
    while len(words) > 1 and alias_key(words[-1]) in language.calendar_words:
        words.pop()
    return " ".join(words)


def _names_in(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", text) is not None


def _line_around(text: str, span: Span) -> tuple[int, int]:
    """Start and end offsets of the line(s) holding `span`."""
    end = text.find("\n", span.end_char)
    return text.rfind("\n", 0, span.start_char) + 1, end if end >= 0 else len(text)


def _is_proper(span: Span) -> bool:
    """A name has a capitalised word; 'the government' or 'two weeks' tagged as entities are not."""
    return any(token.text[:1].isupper() for token in span)


def clean_name(text: str, language: Language) -> str:
    """'Secretary of State John Kerry's' -> 'John Kerry'; 'the United States' -> 'United States'."""
    name = " ".join(text.split()).split("(")[0]
    words = name.split()
    while words and any(char.isdigit() for char in words[-1]):
        words.pop()
    while words and any(char.isdigit() for char in words[0]):
        words.pop(0)
    name = " ".join(words)
    name = _POSSESSIVE.sub("", name)
    name = _EDGE_PUNCT.sub("", name)
    if name[:4].casefold() == "the ":
        name = name[4:]
    stripped = True
    prefixes = _title_prefixes(language.titles)
    while stripped:
        stripped = False
        lowered = name.casefold()
        if lowered.startswith(prefixes):  # most names have no title: one test, not one a title
            for prefix in prefixes:
                if lowered.startswith(prefix) and len(name) > len(prefix):
                    name = name[len(prefix) :].lstrip()
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
    return text.casefold().startswith(_title_prefixes(language.titles))


@cache
def _title_prefixes(titles: tuple[str, ...]) -> tuple[str, ...]:
    """Each title and the space after it, for one `str.startswith` over them all."""
    return tuple(f"{title} " for title in titles)


def merge_mentions(
    mentions: Iterable[Mention], table: AliasTable, credits: Iterable[str] = ()
) -> tuple[Actor, ...]:
    """Mentions -> actors: surnames join full names, capitals join their country, credits go."""
    dropped = _credit_keys(credits)
    mentions = [_curated(m, table) for m in mentions if alias_key(m.name) not in dropped]
    mentions = _capitals_as_countries(mentions, table)
    spelling = _preferred_spelling(mentions)
    mentions = [Mention(spelling[alias_key(m.name)], m.kind, m.locative) for m in mentions]
    canonical_of = _person_aliases(mentions) | _organisation_aliases(mentions)
    people = {target for source, target in canonical_of.items() if _is_person(source, mentions)}
    kinds: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    for mention in mentions:
        name = canonical_of.get(mention.name, mention.name)
        kinds[name]["person" if name in people else mention.kind] += 1
    actors = [Actor(name, _majority(votes)) for name, votes in kinds.items()]
    return apply_curated(actors, table)


def _is_person(name: str, mentions: list[Mention]) -> bool:
    return any(m.name == name and m.kind == "person" for m in mentions)


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
    if rule and not rule.when:
        return Mention(rule.canonical, rule.kind, mention.locative)
    return mention


def _capitals_as_countries(mentions: list[Mention], table: AliasTable) -> list[Mention]:
    """'Washington and Moscow' are governments when the article names their countries and most
    mentions are not places someone is in or goes to ('talks in Moscow')."""
    places = {m.name for m in mentions if m.kind == "place"}
    votes: dict[str, Counter[bool]] = defaultdict(Counter)
    for mention in mentions:
        if table.capitals.get(alias_key(mention.name)) in places:
            votes[alias_key(mention.name)][mention.locative] += 1
    governments = {key for key, vote in votes.items() if vote[False] > vote[True]}
    return [
        Mention(table.capitals[alias_key(m.name)], "place", m.locative)
        if alias_key(m.name) in governments
        else m
        for m in mentions
    ]


def _preferred_spelling(mentions: list[Mention]) -> dict[str, str]:
    """One spelling per name whatever its case: the most frequent, mixed case before capitals."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        spellings[alias_key(mention.name)][mention.name] += 1
    return {
        key: min(counts, key=lambda name: (name.isupper(), -counts[name], name))
        for key, counts in spellings.items()
    }


def _person_aliases(mentions: list[Mention]) -> dict[str, str]:
    """A surname, a first name or an initialled form -> the one full person name it fits."""
    full_names = sorted(
        {m.name for m in mentions if m.kind == "person" and len(m.name.split()) > 1}
    )
    initialled = _initialled_to_full(full_names)
    full_names = [name for name in full_names if name not in initialled]
    by_part: dict[str, set[str]] = defaultdict(set)
    for full in full_names:
        words = full.split()
        for start in range(1, len(words)):
            by_part[alias_key(" ".join(words[start:]))].add(full)
        by_part[alias_key(words[0])].add(full)
    canonical = {full: full for full in full_names} | initialled
    for mention in mentions:
        if mention.name in canonical or (mention.kind == "place" and len(mention.name.split()) > 1):
            continue
        longer = {full for full in by_part.get(alias_key(mention.name), ()) if full != mention.name}
        if len(longer) == 1:
            canonical[mention.name] = next(iter(longer))
    return _resolve_chains(canonical)


def _initialled_to_full(full_names: list[str]) -> dict[str, str]:
    """'J. Gillespie' -> 'Jason Gillespie' when exactly one full name has that initial+surname."""
    canonical = {}
    for name in full_names:
        first, *rest = name.split()
        if len(first.rstrip(".")) != 1 or not rest:
            continue
        matches = [
            other
            for other in full_names
            if other.split()[-1] == rest[-1]
            and other[0] == first[0]
            and len(other.split()[0].rstrip(".")) > 1
        ]
        if len(matches) == 1:
            canonical[name] = matches[0]
    return canonical


def _organisation_aliases(mentions: list[Mention]) -> dict[str, str]:
    """'Lear' -> 'Lear Corp': a short organisation name that begins exactly one longer one."""
    names = sorted({m.name for m in mentions if m.kind == "organisation"})
    canonical = {}
    for name in names:
        longer = [other for other in names if other != name and other.startswith(name + " ")]
        if len(longer) == 1:
            canonical[name] = longer[0]
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
    doc: Doc,
    table: AliasTable,
    credits: Iterable[str] = (),
    headline_chars: int = 0,
    dateline: str = "",
    extra: Iterable[Mention] = (),
    language: Language | None = None,
    evidence: Evidence | None = None,
    reporters: Iterable[str] = (),
    text: str | None = None,
) -> tuple[Actor, ...]:
    """The whole step: NER mentions (+ the dateline's places, 'MILWAUKEE, Wisconsin', + the
    reporters a wire byline or sign-off names, + `extra` found otherwise, e.g. in tables) ->
    merged, curated actors. `evidence`: how the article writes its words in mixed case
    (casing.case_evidence), made from the text when not given; `text` as for find_mentions."""
    language = language or load_language()
    text = doc.text if text is None else text
    evidence = case_evidence([text]) if evidence is None else evidence
    mentions = find_mentions(doc, language, headline_chars, evidence, text) + list(extra)
    named = [(part, "place") for part in dateline.split(",")]
    named += [(reporter, "person") for reporter in reporters]
    for text, kind in named:
        name = unshout(clean_name(text, language), evidence)
        if is_actor_name(name, language):
            mentions.append(Mention(name, kind, locative=kind == "place"))
    return merge_mentions(mentions, table, credits)
