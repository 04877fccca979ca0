"""Words in the case the article gives them, where its text has lost case: a headline, a
dateline or a table in capitals, or a headline a scraper title-cased word by word ("Uk Meals").

The article's own text decides first (a word it writes "NATO", "McCarthy" or "Nato" elsewhere keeps
that form), then the curated lists of data/casing.yaml, then news title case with acronyms kept.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from converter import fast_yaml

CASING_FILE = "casing.yaml"

# A word: letters or digits, with dots, apostrophes, ampersands and hyphens inside ("U.S",
# "O'BRIEN", "S&P", "PRO-SOCCER"); a full stop after it is punctuation, not part of it.
_WORD = re.compile(r"[^\W_](?:[\w.'’&-]*[^\W_])?")
_POSSESSIVE = re.compile(r"['’][sS]$")
# A possessive a title-caser shouted ("BOATMEN'S" -> "Boatmen'S"), or whose apostrophe a
# tokenizer cut off ("Panama 'S"): a possessive is never upper case in mixed-case text.
_SHOUTED_POSSESSIVE = re.compile(r"(?<=\w) ?(['’])S\b")
_OPENING = re.compile(r"(?:^|[-–—:|]\s)[\W_]*$")
_VOWELS = frozenset("aeiouyAEIOUY")

Evidence = Mapping[str, str]
"""How an article writes its words where its case is not lost: lower-cased word -> written form."""


class CasingError(ValueError):
    """The casing file is malformed: the message names the list and what is wrong."""


@dataclass(frozen=True, slots=True)
class Casing:
    """The curated lists: initialisms (always capitals), abbreviations (never shouted) and the
    short words a title keeps in lower case."""

    initialisms: Mapping[str, str]
    abbreviations: Mapping[str, str]
    small_words: frozenset[str]


def parse_casing(document: Mapping[str, object]) -> Casing:
    """The YAML document -> Casing; every list must be there and hold only words."""

    def spellings(key: str) -> dict[str, str]:
        words = fast_yaml.word_list(document, key, CasingError)
        return {_key(word.rstrip(".")): word.rstrip(".") for word in words}

    return Casing(
        initialisms=spellings("initialisms"),
        abbreviations=spellings("abbreviations"),
        small_words=frozenset(
            word.casefold() for word in fast_yaml.word_list(document, "small_words", CasingError)
        ),
    )


@cache
def load_casing() -> Casing:
    """The packaged casing file, read once per process."""
    return parse_casing(fast_yaml.data_mapping(CASING_FILE, CasingError))


def is_shouted(text: str) -> bool:
    """All capitals (a dateline, a table, a shouted headline): its case says nothing."""
    letters = "".join(filter(str.isalpha, text))
    return len(letters) > 8 and sum(map(str.isupper, letters)) / len(letters) > 0.8


def case_evidence(texts: Iterable[str], keys: frozenset[str] | None = None) -> dict[str, str]:
    """Each word's most frequent written form with a capital in it, from the lines in mixed case;
    a form in capitals counts only in prose (a third of its words in lower case): tables and
    datelines shout by style. All-lower-case forms and one-letter words say nothing ("A" opens
    sentences). Given `keys` (a headline's, title_keys), lines holding none of them are skipped:
    the forms of those words are the same, found in a fraction of the time."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for line in text.split("\n"):
            if keys is not None:
                folded = line.casefold()
                if not any(key in folded for key in keys):
                    continue
            if is_shouted(line) or not any(map(str.islower, line)):
                continue
            words = _WORD.findall(line)
            prose = sum([word[0].islower() for word in words]) * 3 >= len(words)
            for word in words:
                base = _POSSESSIVE.sub("", word) if word[-1] in "sS" else word
                if base.islower() or sum(map(str.isalpha, base)) < 2:
                    continue
                if base.isupper() and not prose:
                    continue  # a table's or a dateline's capitals ("WIGAN, England") are style
                forms[_key(base)][base] += 1
    return {
        key: _most_used(counts) if len(counts) > 1 else next(iter(counts))
        for key, counts in forms.items()
    }


def _most_used(counts: Counter[str]) -> str:
    """The most frequent form; on a tie the one with more capitals, then a fixed choice."""
    return max(counts, key=lambda form: (counts[form], sum(map(str.isupper, form)), form))


def title_keys(title: str) -> frozenset[str]:
    """Every word title_case may look up in the evidence for `title` (a hyphenated word's
    parts too)."""
    keys = set()
    for match in _WORD.finditer(title):
        base = _POSSESSIVE.sub("", match.group())
        keys.add(_key(base))
        keys.update(_key(part) for part in base.split("-") if part)
    return frozenset(keys)


def title_case(title: str, evidence: Evidence, casing: Casing | None = None) -> str:
    """A headline as the article would write it. Shouted: every word recased, small words in
    lower case. Otherwise only repaired: a capitalised word the article (or the initialism list)
    writes otherwise ("Fifa" -> "FIFA"), and shouted possessives ("Panama 'S" -> "Panama's")."""
    casing = casing or load_casing()
    if is_shouted(title):
        recased = _WORD.sub(
            lambda match: recase(
                match.group(), evidence, casing, opening=_opens(title, match.start())
            ),
            title,
        )
    else:
        recased = _WORD.sub(lambda match: _repaired(match.group(), evidence, casing), title)
    return _SHOUTED_POSSESSIVE.sub(r"\1s", recased)


def unshout(name: str, evidence: Evidence, casing: Casing | None = None) -> str:
    """A name from a shouted line in the article's case: 'NEW YORK' -> 'New York', 'PSV'
    stays, 'BANK OF ENGLAND' -> 'Bank of England'."""
    casing = casing or load_casing()
    if not any(char.islower() for char in name) and any(char.isalpha() for char in name):
        return _WORD.sub(
            lambda match: recase(match.group(), evidence, casing, opening=match.start() == 0),
            name,
        )
    return name


def recase(word: str, evidence: Evidence, casing: Casing, *, opening: bool) -> str:
    """One shouted word: the article's form, the curated form, else title case (a word with no
    vowel, 'KDP', stays in capitals: an acronym). `opening` words are never lower case."""
    possessive = _POSSESSIVE.search(word)
    base = word[: possessive.start()] if possessive else word
    return _recased(base, evidence, casing, opening) + (
        possessive.group().lower() if possessive else ""
    )


def _recased(base: str, evidence: Evidence, casing: Casing, opening: bool) -> str:
    key = _key(base)
    written = evidence.get(key)
    if written and not _capitalised(written):
        return written
    small = not opening and key in casing.small_words
    if written and not small:
        return written
    known = casing.initialisms.get(key) or casing.abbreviations.get(key)
    if known:
        return known
    if "-" in base.strip("-"):
        parts = base.split("-")
        return "-".join(
            _recased(part, evidence, casing, opening and index == 0) if part else part
            for index, part in enumerate(parts)
        )
    return key if small else _title_word(base)


def _title_word(word: str) -> str:
    """'S.AFRICA' -> 'S.Africa', "O'BRIEN" -> "O'Brien", "DON'T" -> "Don't", '1ST' -> '1st';
    'H1' and a word with no vowel ('KDP') stay as they are."""
    letters = [char for char in word if char.isalpha()]
    if any(char.isdigit() for char in word):
        return word.lower() if word[0].isdigit() else word
    if len(letters) > 1 and not _VOWELS.intersection(letters):
        return word
    parts = re.split(r"([.'’])", word)
    result = []
    for index, part in enumerate(parts):
        after_apostrophe = index > 1 and parts[index - 1] in "'’"
        single_before = index > 1 and len(parts[index - 2]) == 1
        if after_apostrophe and not single_before:
            result.append(part.lower())
        else:
            result.append(part[:1].upper() + part[1:].lower())
    return "".join(result)


def _repaired(word: str, evidence: Evidence, casing: Casing) -> str:
    """A capitalised word of a headline in mixed case, written as the article writes it when
    that has more capitals ('Fifa' -> 'FIFA', 'Mccarthy' -> 'McCarthy'); else as it is."""
    possessive = _POSSESSIVE.search(word)
    base = word[: possessive.start()] if possessive else word
    if not _capitalised(base):
        return word
    key = _key(base)
    form = evidence.get(key)
    if form is None:
        form = casing.initialisms.get(key, base)
    return (form if not _capitalised(form) else base) + (possessive.group() if possessive else "")


def _capitalised(word: str) -> bool:
    """'Fifa': one capital, then lower case (dots and digits aside)."""
    letters = [char for char in word if char.isalpha()]
    return len(letters) > 1 and letters[0].isupper() and all(c.islower() for c in letters[1:])


def _opens(title: str, start: int) -> bool:
    """A word that opens the title or a part of it (after a dash, colon or bar)."""
    return _OPENING.search(title[:start]) is not None


def _key(word: str) -> str:
    return word.casefold()
