"""A site names itself at the top of its pages ('Cool Cat Teacher Blog', 'Radio New Zealand -
Te Reo Irirangi o Aotearoa'), its menus send the reader elsewhere ('Go to Google News', 'Skip
to main content', '« Previous headline') and its fields label themselves ('Tags: archives',
'Photo by Jane Doe'): such a line reads like a headline and is none. Evidence from the text
alone, with no site's name listed: the name its copyright line gives, a publication word
ending a short line (data/site_name.yaml), a navigation phrase, a menu's labels ('Home', 'About
Us'), a field's label, a picture's credit, a link to the previous or next post."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from converter.data import load_yaml
from converter.rules.publisher import copyright_holder, has_copyright_mark

SITE_NAME_FILE = "site_name.yaml"
MAX_NAME_WORDS = 6
"""A site's name ending in a publication word is short: 'Starpulse Entertainment News Blog'."""
MAX_SITE_LINE_WORDS = 8
"""No longer line reads as the site's name or its navigation: a line opening with the
copyright holder's name, or a menu phrase, is the site's when this short."""
MIN_NAME_LETTERS = 4
"""Shorter names ('AP', 'BBC') are found inside too many headlines' words."""
MIN_PREFIX_LETTERS = 6
"""A line opening with the holder's name and running on ('Radio New Zealand - Te Reo ...'):
the name must be this long to tell."""
COVERED_SHARE = 0.6
"""A line that is the first part of the holder's name ('Cook Republic' of 'Cook Republic Pty')
must cover this share of it."""
MIN_MENU_LABELS = 3
"""A line naming this many of a menu's labels is a menu, however long ('Comment Rules Contact
My Amazon Store Ask Submit Archive RSS'); no headline of web-dev's 1,200 names three."""
_WORD = re.compile(r"[^\W\d_]+")
_NOT_LETTER = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class SiteWords:
    publication: frozenset[str]
    navigation: re.Pattern[str]
    menu_labels: frozenset[str]
    own_line: re.Pattern[str]
    """A field's label and its colon opening a line, a picture's credit, a link to the
    previous or the next post."""


@cache
def site_words() -> SiteWords:
    document = load_yaml(SITE_NAME_FILE)
    return SiteWords(
        frozenset(document["publication_words"]),
        re.compile("|".join(document["navigation"]), re.IGNORECASE),
        frozenset(document["menu_labels"]),
        re.compile(
            "|".join(
                [
                    r"^\W*(?:" + "|".join(map(re.escape, document["field_labels"])) + r") *:",
                    *document["own_lines"],
                ]
            ),
            re.IGNORECASE,
        ),
    )


@dataclass(frozen=True, slots=True)
class SiteName:
    """What names the site on one page: its copyright holders' letters (case, spaces and marks
    folded), and the words and phrases any site names itself and its menus with."""

    holders: frozenset[str]
    words: SiteWords

    def names(self, text: str) -> bool:
        """Whether the line reads as the site's name or its navigation: the holder's name, or a
        line opening with it; a line of at most MAX_NAME_WORDS ending in a publication word
        capitalised, as a name is ('Blog', 'News', 'Times'; 'Breaking news' may be a headline);
        a navigation phrase ('Go to ...', 'Jump to', 'home page'); a menu's labels ('Home',
        'About Us', or three of them in a line of any length); however long, a field's label
        ('Tags: ...', 'Filed under: ...'), a picture's credit ('Photo by ...', a caption's
        '... Getty Images') or a link to the previous or next post ('« Older headline')."""
        own = _WORD.findall(text)
        if not own:
            return False
        folded = [word.casefold() for word in own]
        labels = {word for word in folded if word in self.words.menu_labels}
        if len(labels) >= MIN_MENU_LABELS or all(word in labels for word in folded):
            return True
        if self.words.own_line.search(text):
            return True
        if len(own) > MAX_SITE_LINE_WORDS:
            return False
        last = own[-1]
        if (
            len(own) <= MAX_NAME_WORDS
            and last[0].isupper()
            and last.casefold() in self.words.publication
        ):
            return True
        if self.words.navigation.search(text):
            return True
        letters = _letters(text)
        return len(letters) >= MIN_NAME_LETTERS and any(
            _names(letters, holder) for holder in self.holders
        )


def site_name(texts: Sequence[str]) -> SiteName:
    """The page's evidence of its site's name (its copyright lines read once a page)."""
    holders = {_letters(copyright_holder(text)) for text in texts if has_copyright_mark(text)}
    return SiteName(
        frozenset(holder for holder in holders if len(holder) >= MIN_NAME_LETTERS), site_words()
    )


def _names(letters: str, holder: str) -> bool:
    """The line is the holder's name, opens with it, or is the most of its first part."""
    return (
        letters == holder
        or (len(holder) >= MIN_PREFIX_LETTERS and letters.startswith(holder))
        or (holder.startswith(letters) and len(letters) >= COVERED_SHARE * len(holder))
    )


def _letters(text: str) -> str:
    return _NOT_LETTER.sub("", text.casefold())
