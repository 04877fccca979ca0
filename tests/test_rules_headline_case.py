"""The headline rule (converter/rules/headline_case.py): alone, in the rules' order, and over the
CoNLL-2003 dev stories, whose headlines a scraper title-cased word by word ("Uk Meals")."""

from __future__ import annotations

import re

import yaml
from helpers import CONLL_DEV_SEEDS, REPO

from converter.casing import is_shouted
from converter.model import RawSeed
from converter.rules import parse_seed
from converter.rules.headline_case import recase_headline
from converter.rules.state import split_lines

_WORD = re.compile(r"[^\W\d_][\w.&'’-]*[^\W_]")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
BODY = "Reuters\n\nNATO said on Monday that the UK and FIFA would meet in New York.\n"


def test_the_rule_recases_the_title_from_the_body() -> None:
    state = split_lines("s", BODY)
    state = recase_headline(state.with_lines(state.lines, title="Nato And Fifa Meet In New York"))
    assert state.title == "NATO And FIFA Meet In New York"


def test_a_shouted_seed_gets_a_title_cased_headline() -> None:
    parsed = parse_seed(RawSeed("s", "NATO AND UK MEET IN NEW YORK ON FRIDAY\n\nshare\n\n" + BODY))
    assert parsed.title == "NATO and UK Meet in New York on Friday"


def test_a_title_from_the_page_markup_is_recased_too() -> None:
    """An HTML seed's headline may be set before the rules run: the rule reads `state.title`."""
    state = split_lines("s", BODY)
    state = state.with_lines(state.lines, title="FIFA FINES UK CLUB OVER FANS")
    assert recase_headline(state).title == "FIFA Fines UK Club Over Fans"


def test_a_hostile_headline_stays_text() -> None:
    seed = "<SCRIPT>ALERT('XSS')</SCRIPT> --- {{ CONFIG }} ../../ETC\n\nThe body says little.\n"
    title = parse_seed(RawSeed("s", seed)).title
    assert title.replace(" ", "").casefold() == seed.split("\n")[0].replace(" ", "").casefold()


def known_initialisms() -> set[str]:
    """The curated list, read here with plain PyYAML."""
    document = yaml.safe_load((REPO / "converter" / "data" / "casing.yaml").read_text("utf-8"))
    return {word.rstrip(".") for word in document["initialisms"]}


def acronyms_of(body: str) -> dict[str, str]:
    """What this test takes as a seed's acronyms: the known initialisms, and every word of two
    letters or more that the body writes in capitals inside prose (a line of five lower-case
    words or more: tables and datelines are in capitals by style)."""
    acronyms = known_initialisms()
    for line in body.split("\n"):
        if sum(word[:1].islower() for word in line.split()) >= 5:
            acronyms |= {word for word in _WORD.findall(line) if word.isupper()}
    return {word.casefold(): word for word in acronyms}


def lost_acronyms(title: str, acronyms: dict[str, str]) -> list[str]:
    words = (_POSSESSIVE.sub("", word) for word in _WORD.findall(title))
    return [word for word in words if acronyms.get(word.casefold(), word) != word]


def test_no_conll_headline_loses_an_acronym_its_seed_has_in_capitals() -> None:
    """Every CoNLL dev headline, as the seed has it and shouted: its title keeps each acronym
    the body writes in capitals or the list knows, and no title stays shouted."""
    seeds = sorted(CONLL_DEV_SEEDS.glob("*.txt"))
    assert len(seeds) == 210
    lost, shouted, restored = [], [], 0
    for path in seeds:
        headline, body = path.read_text("utf-8").split("\n", 1)
        acronyms = acronyms_of(body)
        for written in (headline, headline.upper()):
            title = parse_seed(RawSeed(path.stem, f"{written}\n{body}")).title
            lost += [(path.name, word, title) for word in lost_acronyms(title, acronyms)]
            shouted += [(path.name, title)] if is_shouted(title) else []
        restored += lost_acronyms(headline, acronyms) != []
    assert lost == []
    assert shouted == []
    assert restored >= 15  # the seeds lost that many ("Fifa", "Uk", "Nato", "Osce", ...)
