"""A page's own title (<title>, og:title) and its address: which part is the headline, which the
site's name, and which words of the address spell the headline."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from converter.page.markup import WORD, words_of
from converter.page.site import names_site

# Between a headline and the site's name in <title>: "Headline | Site", "Site - Section - Headline".
TITLE_SEPARATORS = re.compile(
    r"\s+(?:[|\-–—»«>/:·•›‹~]{1,2}|::)\s+|\s*[|»«]\s*|(?<=\.com|\.net|\.org):\s+"
)
_MIN_SLUG_WORDS = 3
_MIN_SLUG_SHARE = 0.5
_SLUG_SPLIT = re.compile(r"[-_+.,~%\s]+")
_SLUG_SUFFIX = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm|cms)$", re.IGNORECASE)


def title_core(title: str, sites: tuple[str, ...], slug: frozenset[str] = frozenset()) -> str:
    """A page title without the site's name and section: the part the page's address spells,
    else the longest part that is not the site's name."""
    parts = [part for part in TITLE_SEPARATORS.split(title) if not names_site(part, sites)]
    if not parts:
        return title
    return max(parts, key=lambda part: (slug_share(part, slug), len(part)))


def slug_words(url: str) -> frozenset[str]:
    """The words of an address's last named segment ('/2012/08/bucket-list-tops-box-office.html'),
    which many sites make from the headline; none when it is too short to tell."""
    segments = [part for part in urlsplit(url).path.split("/") if WORD.search(part)]
    if not segments:
        return frozenset()
    words = [
        word
        for word in _SLUG_SPLIT.split(_SLUG_SUFFIX.sub("", segments[-1]).casefold())
        if word and not word.isdigit()
    ]
    return frozenset(words) if len(words) >= _MIN_SLUG_WORDS else frozenset()


def slug_share(text: str, slug: frozenset[str]) -> float:
    """How much of the address's words the text holds, when the address spells a headline."""
    if not slug:
        return 0.0
    share = len(slug & set(words_of(text))) / len(slug)
    return share if share >= _MIN_SLUG_SHARE else 0.0


def without_site(title: str, sites: tuple[str, ...]) -> str:
    """A title less the site's name at either end: 'Headline | Site' -> 'Headline'."""
    cuts = [(0, 0), *((m.start(), m.end()) for m in TITLE_SEPARATORS.finditer(title))]
    cuts.append((len(title), len(title)))
    parts = [(cuts[i][1], cuts[i + 1][0]) for i in range(len(cuts) - 1)]
    while len(parts) > 1 and names_site(title[slice(*parts[0])], sites):
        parts.pop(0)
    while len(parts) > 1 and names_site(title[slice(*parts[-1])], sites):
        parts.pop()
    return title[parts[0][0] : parts[-1][1]].strip()
