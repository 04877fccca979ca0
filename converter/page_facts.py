"""What a saved page's markup says about its article: headline, byline, date, site, credit,
language and address. Structured data first, then meta tags, then the visible page (the order
trafilatura's metadata.py keeps); a fact nothing names stays empty."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement

from converter.model import PageFacts

MAX_TITLE_CHARS = 300
"""Longer than any headline: an element with more text is a block of the page, not its title."""

MIN_TITLE_SHARE = 0.3
"""A heading that is this share of the page's own title (site name stripped) or more is the
headline the title names; a shorter one is a section label that happens to be in it."""

STRONG_TITLE_MATCH = 0.8
"""A heading matching this well (share of the title's headline part plus the heading's weight)
is the headline whatever else the page shows."""
_OPENING_LETTERS = 30
"""Letters of the article's first sentence that find where it starts in the page."""
_LEAD_SEARCH_ELEMENTS = 30
"""How far before the article's first words its headline may sit (elements with text)."""
# Links to the site's own front page: their text or logo is the site's name.
_HOME_HREFS = frozenset({"/", "./", "index.html", "/index.html", "index.php", "/index.php"})
_SITE_NAME_SHARE = 0.5
"""'The Calgary Sun' is the site 'Calgary Sun', 'Planet-F1 News' the site planet-f1.com: the
one is most of the other; a headline that names the site ('Facebook buys Instagram') is not."""
_MAX_SITE_WORDS = 4
_MAX_SITE_NAME_WORDS = 6
"""A longer 'site name' is a tagline or the page's title put where the site's name goes."""
_NAV_LABELS = frozenset({"home", "homepage", "home page", "front page", "start", "main page"})
# The page's visible text nodes in order; a text's parent is the element that holds it (for a
# tail, the element it follows, close enough to find the heading around it).
_SHOWN_TEXT = (
    "//text()[not(ancestor::head or ancestor::script or ancestor::style"
    " or ancestor::noscript or ancestor::template or ancestor::select or ancestor::title)]"
)
_HEADING_DEPTH = 3
_HEADING_RANKS = {"h1": 5, "h2": 4, "h3": 3, "h4": 1}
_CLASS_RANK = 2
_BOLD_RANK = 1
_BOLD_TAGS = frozenset({"b", "strong", "big"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)")
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|em)")
_LARGE_TYPE = {"px": 14, "pt": 11, "em": 1.2}
_LARGE_FONT_SIZES = frozenset({"4", "5", "6", "7", "+1", "+2", "+3"})
# Class or id words of what sits around a headline but is not it: a deck under it, a kicker
# over it, a byline, a date, a 'most read' box.
_NOT_TITLE_CLASS = re.compile(
    r"sub|deck|\bdek|standfirst|summary|teaser|intro|kicker|byline|author|date|time|meta"
    r"|caption|most|related|widget|nav|menu|breadcrumb",
    re.IGNORECASE,
)
_MIN_PROSE_WORDS = 8
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'", ")", "…", ":")
# A date glued after a headline in the same element: 'Headline Thursday, 10 January, 2008'.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_TRAILING_DATE = re.compile(
    r"\s*[-|,@(]?\s*(?:(?:published|posted|updated|last updated)\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
    r"|\d{1,2}[/.]\d{1,2})[,\s/.]+\d{4}\b.*$",
    re.IGNORECASE,
)
_MIN_NAMED_WORDS = 2
_MIN_SITE_CHARS = 4
_SURE_NAMED_WORDS = 4
"""A heading this long that is exactly the page's title is no section label ('Sports Wire')."""
_LETTER_MATCH_SHARE = 0.6
_MIN_SLUG_WORDS = 3
_MIN_SLUG_SHARE = 0.5
_SLUG_WEIGHT = 0.5
_SLUG_SPLIT = re.compile(r"[-_+.,~%\s]+")
_SLUG_SUFFIX = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm|cms)$", re.IGNORECASE)
_TOPIC_WORDS = 200
"""A headline shares a word with the article's first words (its subject's names)."""
_CONTENT_WORD_CHARS = 4
_STEM_CHARS = 5
_LONG_WORD_CHARS = 6
_BYLINE = re.compile(r"^(?:by|posted by|written by|from)\b", re.IGNORECASE)

# Between a headline and the site's name in <title>: "Headline | Site", "Site - Section - Headline".
_TITLE_SEPARATORS = re.compile(
    r"\s+(?:[|\-–—»«>/:·•›‹~]{1,2}|::)\s+|\s*[|»«]\s*|(?<=\.com|\.net|\.org):\s+"
)
# An address in a part of the title ('globeandmail.com', '... from Planet-Rugby.com'): the site's.
_HOST_IN_TEXT = re.compile(r"\b[\w-]+\.(?:com|net|org|co\.[a-z]{2}|[a-z]{2})\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_HEADING_WEIGHT = {"h1": 0.3, "h2": 0.2, "h3": 0.1}
_TITLE_CLASS = re.compile(r"title|head", re.IGNORECASE)
_TITLE_META = (
    '//meta[@property="og:title" or @name="og:title" or @name="twitter:title"'
    ' or @property="twitter:title" or @itemprop="headline" or @name="headline"]/@content'
)
# Elements whose text can be the headline; not navigation widgets or the <head>.
_TITLE_TAGS = (
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "td", "th", "span", "a", "b", "strong",
    "font", "li", "header", "dd", "dt", "em", "i", "big", "center", "caption", "section",
)  # fmt: skip
# Words of a host name that say nothing of the site: www.example.co.uk -> "example".
_HOST_NOISE = frozenset({"www", "com", "co", "uk", "org", "net", "news", "online", "m"})
_COPYRIGHT = re.compile(
    r"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*(?:[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?"
    r"(?P<name>[^.|©\n]{2,80}?)\s*(?:[.,]?\s*all rights reserved.*)?$",
    re.IGNORECASE,
)
_YEARS = re.compile(r"\b(?:1[89]|20)\d\d\b|\bMM?[CLXVI]*\b")
_COPYRIGHT_WORD = re.compile(r"^(?:copyright|\(c\))(?:\s+|$)", re.IGNORECASE)
_RIGHTS = re.compile(r"all rights reserved.*|tous droits réservés.*", re.IGNORECASE)
_LANGUAGE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")
# Meta tags that name the story's supplier (a wire agency, a partner outlet), not the site.
_SOURCE_META = (
    '//meta[translate(@name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")'
    ' = "source" or translate(@name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")'
    ' = "dc.source" or translate(@name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ",'
    ' "abcdefghijklmnopqrstuvwxyz") = "dcterms.source" or translate(@name,'
    ' "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz") = "dcsext.contentprovider"]'
    "/@content"
)
_MAX_NAME_WORDS = 8
_MIN_NAME_WORDS = 2
_MAX_NAME_PARTS = 5
_NAME_PARTICLES = frozenset({"de", "da", "del", "della", "di", "du", "van", "von", "der", "den"}
                            | {"bin", "ibn", "al", "el", "la", "le", "y", "and"})  # fmt: skip
_NOT_NAME_WORDS = frozenset(
    {"name", "profile", "view", "author", "authors", "writer", "staff", "editor", "reporter"}
    | {"correspondent", "contributor", "columnist", "posted", "by", "meet", "about", "comments"}
    | {"comment", "share", "email", "follow", "more", "admin", "guest", "anonymous", "user"}
    | {"updated", "published", "read", "bio"}
)


def page_facts(tree: HtmlElement, article: str = "") -> PageFacts:
    """The facts of one page, given its article text (its opening tells where the headline
    is looked for when the page's title does not name it); reads the tree only."""
    metadata = trafilatura.extract_metadata(tree, extensive=False)
    url = metadata.url or ""
    declared = declared_site(tree)
    sites = site_names(tree, declared, url)
    title = headline(tree, sites, article, slug_words(url))
    return PageFacts(
        title=title,
        authors=tuple(_authors(metadata.author or "")),
        date=metadata.date or "",
        publisher=publisher(tree, declared, title, sites, url),
        source=_source(tree),
        language=language(tree),
        url=url,
    )


def declared_site(tree: HtmlElement) -> str:
    """The site's name as its markup declares it: og:site_name, JSON-LD publisher, meta."""
    names = tree.xpath('//meta[@property="og:site_name" or @name="og:site_name"]/@content')
    names += list(_json_ld_names(tree, "publisher"))
    names += list(_meta(tree, "application-name", "publisher"))
    return next((name for name in map(_clean_name, names) if name), "")


# --- headline ----------------------------------------------------------------------------------


class Shown(NamedTuple):
    """An element of the page that could be its headline: tag, text, class and id, letters."""

    tag: str
    text: str
    label: str
    letters: str


def headline(
    tree: HtmlElement, sites: tuple[str, ...], article: str = "", slug: frozenset[str] = frozenset()
) -> str:
    """The shown headline. Best, a heading that says exactly what the page calls itself
    (og:title, <title>, less the site's name); next, a heading that is most of it; then the
    headline og:title and <title> agree on; the heading just before where the article's prose
    starts in the page; any shown text that is most of the title; the first <h1> that is not
    the site's name; and last the title without the site's name, or nothing when it names only
    the site (the text rules then find the headline). The first guesses must share a word with
    the article (a section label does not); the page's address, when it spells the headline,
    tells which part of the title it is."""
    references = [_squash(text) for text in tree.xpath(_TITLE_META)]
    references += [_squash(element.text_content()) for element in tree.iter("title")][:1]
    references = [text for text in references if text]
    shown = list(_shown_texts(tree))
    cores = [title_core(reference, sites, slug) for reference in references]
    matches = [
        match
        for reference, core in zip(references, cores, strict=True)
        for match in [_best_match(reference, core, shown, sites, slug)]
        if match
    ]
    opening = " ".join(article.split()[:_TOPIC_WORDS])
    topic, names = _content_words(opening), _topic_words(opening)
    subject = _stems(article)
    topical = [
        (score, text) for score, text in matches if not topic or _content_words(text) & topic
    ]
    guesses = (
        _named_heading(tree, references, sites, subject, slug),
        *(text for score, text in matches if score >= STRONG_TITLE_MATCH
          and len(_words(text)) >= _MIN_NAMED_WORDS and (not subject or _stems(text) & subject)),
        _agreed(references, cores, sites, subject),
        _lead_heading(tree, article, names, sites),
        *(text for _, text in topical),
        *(
            item.text
            for item in shown
            if item.tag == "h1"
            and len(item.text.split()) >= _MIN_NAMED_WORDS
            and _content_words(item.text) & names
        ),
        *(text for _, text in matches),
    )
    found = next((guess for guess in guesses if guess and not is_site_name(guess, sites)), "")
    if found or not cores or _names_site(cores[-1], sites):
        return found  # nothing but the site's name: the text rules find the headline
    return cores[-1]


def _agreed(
    references: list[str], cores: list[str], sites: tuple[str, ...], subject: set[str]
) -> str:
    """A headline two different names the page gives itself agree on once the site's name is
    cut off (og:title, and <title> with the site), speaking of the article, though the page
    does not show it as text."""
    for index, core in enumerate(cores):
        if (
            len(_words(core)) >= _MIN_NAMED_WORDS
            and any(
                same_words(core, other) and references[index] != references[later]
                for later, other in enumerate(cores[index + 1 :], start=index + 1)
            )
            and not _names_site(core, sites)
            and (not subject or _stems(core) & subject)
        ):
            return core
    return ""


def _named_heading(
    tree: HtmlElement,
    references: list[str],
    sites: tuple[str, ...],
    subject: set[str],
    slug: frozenset[str],
) -> str:
    """A heading that says exactly what the page calls itself (og:title, <title>, either
    without the site's name): the surest headline there is; an <h1> before an <h2>."""
    named = set()
    for reference in references:
        for form in (reference, without_site(reference, sites), title_core(reference, sites, slug)):
            if words := _words(form):
                named.add(tuple(words))
    found: list[tuple[int, int, str]] = []
    for order, element in enumerate(tree.iter(*_HEADING_WEIGHT)):
        text = _shown(element)
        if (
            tuple(_words(text)) in named
            and _heading_rank(element)
            and not is_site_name(text, sites)
            and (
                not subject
                or len(_words(text)) >= _SURE_NAMED_WORDS
                or _stems(text) & subject
            )
        ):
            found.append((_heading_rank(element), -order, text))
    return max(found)[2] if found else ""


def _shown_texts(tree: HtmlElement) -> Iterator[Shown]:
    """Every element of the page's body short enough to be a headline, in order."""
    body = tree.find("body")
    for element in (tree if body is None else body).iter(*_TITLE_TAGS):
        text = _shown(element)
        if 3 <= len(text) <= MAX_TITLE_CHARS:
            yield Shown(element.tag, text, _label(element), _letters(text))


def _shown(element: HtmlElement) -> str:
    """An element's text as shown: the pieces of its children apart ('force' and 'Published',
    not 'forcePublished')."""
    return _squash(" ".join(element.itertext()))


def _label(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _lead_heading(tree: HtmlElement, article: str, topic: set[str], sites: tuple[str, ...]) -> str:
    """The heading nearest before the place where the article's prose starts in the page and
    speaking of what its opening speaks of (a section label or a date does not)."""
    line = next((line for line in article.split("\n") if _is_prose(line)), "")
    needle = _letters(line)[:_OPENING_LETTERS]
    if len(needle) < _OPENING_LETTERS:
        return ""
    pieces = [(str(text), text.getparent()) for text in tree.xpath(_SHOWN_TEXT)]
    letters = [_letters(text) for text, _ in pieces]
    at = "".join(letters).find(needle)
    if at < 0:
        return ""
    first, passed = 0, len(letters[0]) if letters else 0
    while passed <= at:
        first += 1
        passed += len(letters[first])
    found: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for text, owner in reversed(pieces[:first]):
        heading = _heading_around(owner)
        if not text.strip() or heading is None:
            continue
        title = _TRAILING_DATE.sub("", _shown(heading))
        if title in seen:
            continue
        seen.add(title)
        if _reads_as_headline(title, sites) and _content_words(title) & topic:
            found.append((_heading_rank(heading), -len(seen), title))
        if len(seen) > _LEAD_SEARCH_ELEMENTS:
            break
    return max(found)[2] if found else ""


def _heading_around(element: HtmlElement | None) -> HtmlElement | None:
    """The element itself or a close ancestor when it is a heading (<h1><a>Headline</a></h1>)."""
    for _ in range(_HEADING_DEPTH):
        if element is None:
            return None
        if isinstance(element.tag, str) and _heading_rank(element):
            return element
        element = element.getparent()
    return None


def _heading_rank(element: HtmlElement) -> int:
    """How surely an element is a headline: <h1> most, then <h2>, <h3>, a title's class,
    and last <h4> or a bold line standing alone; 0 for a deck, byline or anything else."""
    label = _label(element)
    if _NOT_TITLE_CLASS.search(label):
        return 0
    if element.tag in _HEADING_RANKS:
        return _HEADING_RANKS[element.tag]
    if _TITLE_CLASS.search(label):
        return _CLASS_RANK
    parent = element.getparent()
    alone = parent is not None and _squash(parent.text_content()) == _squash(element.text_content())
    return _BOLD_RANK if alone and (element.tag in _BOLD_TAGS or _looks_bold(element)) else 0


def _looks_bold(element: HtmlElement) -> bool:
    """Styled as a headline by hand: bold, or a larger type than body text."""
    style = (element.get("style") or "").casefold()
    size = _FONT_SIZE.search(style)
    return (
        _BOLD_STYLE.search(style) is not None
        or (size is not None and float(size.group(1)) >= _LARGE_TYPE[size.group(2)])
        or (element.tag == "font" and (element.get("size") or "").strip() in _LARGE_FONT_SIZES)
    )


def _is_prose(line: str) -> bool:
    """A line of the article, not its headline, a date or a caption: a sentence of some length."""
    return len(line.split()) >= _MIN_PROSE_WORDS and line.rstrip().endswith(_SENTENCE_ENDS)


def _content_words(text: str) -> set[str]:
    return {word for word in _words(text) if len(word) >= _CONTENT_WORD_CHARS}


def _stems(text: str) -> set[str]:
    """Content words cut to their first letters: 'blame' in a headline is 'blamed' in the text."""
    return {word[:_STEM_CHARS] for word in _content_words(text)}


def _topic_words(text: str) -> set[str]:
    """What an article's opening is about: its names (capitalised words) and long words, not
    the short common words any text has ('more', 'view'), in any language."""
    return {
        word.casefold()
        for word in _WORD.findall(text)
        if len(word) >= _LONG_WORD_CHARS or (word[0].isupper() and len(word) >= _CONTENT_WORD_CHARS)
    }


def _reads_as_headline(text: str, sites: tuple[str, ...]) -> bool:
    """Words, not a date, a byline or the site's name."""
    words = text.split()
    letters = sum(char.isalpha() for char in text)
    return (
        len(words) >= 2
        and len(text) <= MAX_TITLE_CHARS
        and letters >= 0.6 * len(text.replace(" ", ""))
        and not _BYLINE.match(text)
        and not is_site_name(text, sites)
    )


def _best_match(
    reference: str,
    core: str,
    shown: list[Shown],
    sites: tuple[str, ...],
    slug: frozenset[str] = frozenset(),
) -> tuple[float, str] | None:
    """The shown text that is most of the reference's headline part, headings first, and
    spelling the page's address; when the address spells that part, a text holding none of
    it is not the headline."""
    spelled = _slug_share(core, slug) > 0
    whole, wanted = _words(reference), _words(core)
    trimmed = without_site(reference, sites)
    letters = (_letters(reference), _letters(trimmed), _letters(core))
    best: tuple[float, str] | None = None
    for tag, text, label, own in shown:
        if own not in letters[0] and not own.startswith(letters[1:]):
            continue  # cheap: neither inside the title nor starting with its headline
        words = _words(text)
        if not words or is_site_name(text, sites):
            continue
        if _contains(whole, words):
            text = without_site(text, sites)  # the title, site and all, shown in the page
            if spelled and not _slug_share(text, slug):
                continue  # another part of the title than the address spells: the site's
            if spelled and tag not in _HEADING_WEIGHT and _contains(_words(text), wanted):
                text = core  # the title repeated, with a site's name the page does not declare
            share = _likeness(_words(text), wanted)
        elif own in letters[0] and len(own) >= _LETTER_MATCH_SHARE * len(letters[2]):
            # the same letters, other word breaks or punctuation: 'Saj's' for 'Sajs'
            share = max(_share(own, part) for part in letters[1:])
        elif glued := next(
            (
                part
                for part in ((core, trimmed) if spelled else (trimmed, core))
                if _starts_with(words, _words(part)) and len(part) >= 0.6 * len(text)
            ),
            "",
        ):
            share, text = 1.0, glued  # the headline with a date or a credit after it
        else:
            continue
        score = share + _HEADING_WEIGHT.get(tag, 0) + (0.1 if _TITLE_CLASS.search(label) else 0)
        score += _SLUG_WEIGHT * _slug_share(text, slug)
        if best is None or score > best[0]:
            best = (score, text)
    return best if best and best[0] >= MIN_TITLE_SHARE else None


def _share(letters: str, other: str) -> float:
    return min(len(letters), len(other)) / max(len(letters), len(other), 1)


def _likeness(words: list[str], wanted: list[str]) -> float:
    """How much of each other two word runs are: 1 when equal, less as either grows."""
    size, other = len(" ".join(words)), len(" ".join(wanted))
    return min(size, other) / max(size, other, 1)


def title_core(title: str, sites: tuple[str, ...], slug: frozenset[str] = frozenset()) -> str:
    """A page title without the site's name and section: the part the page's address spells,
    else the longest part that is not the site's name."""
    parts = [part for part in _TITLE_SEPARATORS.split(title) if not _names_site(part, sites)]
    if not parts:
        return title
    return max(parts, key=lambda part: (_slug_share(part, slug), len(part)))


def slug_words(url: str) -> frozenset[str]:
    """The words of an address's last named segment ('/2012/08/bucket-list-tops-box-office.html'),
    which many sites make from the headline; none when it is too short to tell."""
    segments = [part for part in urlsplit(url).path.split("/") if _WORD.search(part)]
    if not segments:
        return frozenset()
    words = [
        word for word in _SLUG_SPLIT.split(_SLUG_SUFFIX.sub("", segments[-1]).casefold())
        if word and not word.isdigit()
    ]
    return frozenset(words) if len(words) >= _MIN_SLUG_WORDS else frozenset()


def _slug_share(text: str, slug: frozenset[str]) -> float:
    """How much of the address's words the text holds, when the address spells a headline."""
    if not slug:
        return 0.0
    share = len(slug & set(_words(text))) / len(slug)
    return share if share >= _MIN_SLUG_SHARE else 0.0


def without_site(title: str, sites: tuple[str, ...]) -> str:
    """A title less the site's name at either end: 'Headline | Site' -> 'Headline'."""
    cuts = [(0, 0), *((m.start(), m.end()) for m in _TITLE_SEPARATORS.finditer(title))]
    cuts.append((len(title), len(title)))
    parts = [(cuts[i][1], cuts[i + 1][0]) for i in range(len(cuts) - 1)]
    while len(parts) > 1 and _names_site(title[slice(*parts[0])], sites):
        parts.pop(0)
    while len(parts) > 1 and _names_site(title[slice(*parts[-1])], sites):
        parts.pop()
    return title[parts[0][0] : parts[-1][1]].strip()


def site_names(tree: HtmlElement, declared: str, url: str) -> tuple[str, ...]:
    """Every way the page names its site: og:site_name and the like, its home link (a logo's
    text or picture), a <title> that is a label with nothing after it ('New Socialist:'), and
    the host's words."""
    names = [declared, *map(_clean_name, _copyright_lines(tree))]
    names += [
        _squash(title[:-1]) for title in (_squash(e.text_content()) for e in tree.iter("title"))
        if title.endswith(":")
    ]
    names += [name.lstrip("@") for name in _meta(tree, "twitter:site")]
    host = urlsplit(url).hostname or ""
    homes = _HOME_HREFS | (
        {f"http://{host}/", f"https://{host}/", f"http://{host}"} if host else set()
    )
    for link in tree.iter("a"):
        if (link.get("href") or "").strip() in homes:
            labels = [_squash(link.text_content()), *map(_squash, link.xpath(".//img/@alt"))]
            names += [label for label in labels if _is_home_label(label)]
    names += [word for word in host.split(".") if word not in _HOST_NOISE and len(word) >= 4]
    return tuple(name for name in names if name and len(name.split()) <= _MAX_SITE_NAME_WORDS)


def _is_home_label(label: str) -> bool:
    """A logo's name, not 'Home' and not the page's title set as every image's alt text."""
    return 0 < len(label.split()) <= _MAX_SITE_WORDS and label.casefold() not in _NAV_LABELS


def _names_site(part: str, sites: tuple[str, ...]) -> bool:
    """A part of a page's title that is its site's: a known name, one holding an address, or
    one opening with the site's name ('Starpulse Entertainment News Blog')."""
    first = _letters(part.split()[0]) if part.split() else ""
    return (
        is_site_name(part, sites)
        or _HOST_IN_TEXT.search(part) is not None
        or any(len(first) >= _MIN_SITE_CHARS and first == _letters(site) for site in sites)
    )


def is_site_name(text: str, sites: tuple[str, ...]) -> bool:
    """'Planet-F1 News' is the site of planet-f1.com; so is 'The Calgary Sun' of 'Calgary Sun'."""
    squashed = _letters(text)
    if not squashed:
        return True
    for site in sites:
        name = _letters(site)
        shorter, longer = sorted((name, squashed), key=len)
        if len(name) >= 4 and shorter in longer and len(shorter) >= _SITE_NAME_SHARE * len(longer):
            return True
    return False


def same_words(text: str, other: str) -> bool:
    """The same words in the same order, whatever the case, spacing and punctuation."""
    return _words(text) == _words(other) and bool(_words(text))


# --- other facts -------------------------------------------------------------------------------


def publisher(
    tree: HtmlElement, declared: str, title: str, sites: tuple[str, ...], url: str
) -> str:
    """The site: its declared name, else the part of the page's title that is not the
    headline (a site's name when one is known), its copyright line, the host it came from."""
    if declared:
        return declared
    for element in tree.iter("title"):
        parts = [part for part in _TITLE_SEPARATORS.split(_squash(element.text_content()))]
        rest = [part for part in parts if not _contains(_words(title), _words(part))]
        if len(rest) < len(parts):
            named = [part for part in rest if is_site_name(part, sites) and _is_name(part)]
            ends = [part for part in (rest[:1] + rest[-1:]) if _is_name(part)]
            if named or ends:
                return (named or ends)[-1]
        break
    for line in _copyright_lines(tree):
        name = _clean_name(line)
        if name:
            return name
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _copyright_lines(tree: HtmlElement) -> Iterator[str]:
    yield from _meta(tree, "copyright")
    for text in tree.xpath("//body//text()[contains(., '©') or contains(., 'opyright')]"):
        yield _squash(str(text))


def _clean_name(text: str) -> str:
    """'© 2008 NY1 News. All rights reserved.' -> 'NY1 News'; a sentence is no name."""
    text = _squash(text).lstrip("@")
    match = _COPYRIGHT.search(text)
    if match:
        text = match.group("name")
    text = _YEARS.sub("", _RIGHTS.sub("", text)).strip(" ,.;:-–|©")
    text = _COPYRIGHT_WORD.sub("", text).strip(" ,.;:-–|")
    return text if _is_name(text) else ""


def _is_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _MAX_NAME_WORDS and any(char.isalpha() for char in text)


def _authors(byline: str) -> Iterator[str]:
    """The names trafilatura found (joined with '; ') that read as a person's or an agency's
    name, not a label of the byline box ('View Profile', 'Staff Writer', 'Name')."""
    seen: set[str] = set()
    for name in byline.split(";"):
        name = _squash(name)
        if _reads_as_name(name) and name.casefold() not in seen:
            seen.add(name.casefold())
            yield name


def _reads_as_name(name: str) -> bool:
    """Two to five capitalised words (particles such as 'van' or 'de' aside), no digits, no
    word of a byline's labels."""
    words = name.split()
    return (
        _MIN_NAME_WORDS <= len(words) <= _MAX_NAME_PARTS
        and not any(char.isdigit() for char in name)
        and all(word[0].isupper() or word in _NAME_PARTICLES for word in words)
        and not any(word.casefold().strip(".,") in _NOT_NAME_WORDS for word in words)
    )


def _source(tree: HtmlElement) -> str:
    """A supplier the markup names (meta source, JSON-LD sourceOrganization), not a link."""
    names = [str(value) for value in tree.xpath(_SOURCE_META)]
    names += list(_json_ld_names(tree, "sourceOrganization"))
    for name in names:
        name = _squash(name)
        if _is_name(name) and "/" not in name and "." not in name.split()[0]:
            return name
    return ""


def _json_ld_names(tree: HtmlElement, key: str) -> Iterator[str]:
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        for value in _values(data, key):
            name = value.get("name") if isinstance(value, dict) else value
            if isinstance(name, str):
                yield name


def _values(data: object, key: str, depth: int = 0) -> Iterator[object]:
    """Every value under `key` anywhere in a JSON-LD document (a graph nests them)."""
    if depth > 8:
        return
    if isinstance(data, dict):
        for name, value in data.items():
            if name == key:
                yield value
            yield from _values(value, key, depth + 1)
    elif isinstance(data, list):
        for value in data:
            yield from _values(value, key, depth + 1)


def language(tree: HtmlElement) -> str:
    """<html lang>, else a language meta tag, as a two-letter code: 'en-US' -> 'en'."""
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    candidates += tree.xpath('//meta[@http-equiv="content-language" or @name="language"'
                             ' or @property="og:locale"]/@content')  # fmt: skip
    for value in candidates:
        match = _LANGUAGE.match((value or "").strip().split(",")[0])
        if match:
            return match.group(1).lower()
    return ""


def _meta(tree: HtmlElement, *names: str) -> Iterable[str]:
    for element in tree.iter("meta"):
        if (element.get("name") or "").casefold() in names and element.get("content"):
            yield _squash(element.get("content") or "")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _letters(text: str) -> str:
    return "".join(_WORD.findall(text.casefold())).replace("_", "")


def _contains(whole: list[str], part: list[str]) -> bool:
    size = len(part)
    return any(whole[start : start + size] == part for start in range(len(whole) - size + 1))


def _starts_with(words: list[str], prefix: list[str]) -> bool:
    return bool(prefix) and words[: len(prefix)] == prefix
