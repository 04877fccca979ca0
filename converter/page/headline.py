"""The page's shown headline: the choice between the headings, <title>, og:title and the
address's words, checked against what the article's opening speaks of."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from lxml.html import HtmlElement

from converter.page.headings import (
    MAX_TITLE_CHARS,
    TITLE_CLASS,
    Shown,
    heading_around,
    heading_rank,
    part_of_a_line,
    shown_pieces,
    shown_text,
    shown_texts,
)
from converter.page.markup import (
    WORD,
    contains,
    ends_with,
    letters_of,
    same_words,
    squash,
    starts_with,
    words_of,
)
from converter.page.site import is_site_name, names_site
from converter.page.title import slug_share, title_core, without_site

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
_PLAIN_SEARCH_LINES = 12
"""A headline in plain type sits among the last few lines before the article's prose."""
_STATEMENT_ENDS = (".", "…", "...")
"""A plain line ending so is a sentence (a teaser, a caption), not a headline."""
_STORY_NAMES = 2
"""A heading or line naming this many of the names of the article's opening speaks of its
story; a section label ('National Sports') or a credit names one at most, so a heading naming
this many outranks a bigger one that does not."""
_LINE_DEPTH = 3
"""How far up from a piece of text its line's block is looked for (<td><b><font>Headline)."""
_MIN_PROSE_WORDS = 8
_NEAREST_LINES = 2
"""Lines standing alone (a date, a byline) that may sit between the article's first sentence
and the heading nearest over it."""
_NEAREST_WORDS = 3
"""A heading of fewer words over the article is a section label ('Sports Wire') as often as not."""
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'", ")", "…", ":")
# A date glued after a headline in the same element: 'Headline Thursday, 10 January, 2008',
# 'Headline by Chris Stanton, 30 December 2007'.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_TRAILING_DATE = re.compile(
    r"\s*[-|,@(]?\s*(?:(?:published|posted|updated|last updated)\s*:?\s*)?"
    r"(?:by\s+\w+(?:\s+\w+){0,3},\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
    r"|\d{1,2}[/.]\d{1,2})[,\s/.]+\d{4}\b.*$",
    re.IGNORECASE,
)
_MIN_NAMED_WORDS = 2
_SURE_NAMED_WORDS = 4
"""A heading this long that is exactly the page's title is no section label ('Sports Wire')."""
_LETTER_MATCH_SHARE = 0.6
_GLUED_SHARE = 0.6
"""The title's headline part is this much of a heading that also holds a date or a kicker."""
_SLUG_WEIGHT = 0.5
_TOPIC_WORDS = 200
"""A headline shares a word with the article's first words (its subject's names)."""
_CONTENT_WORD_CHARS = 4
_STEM_CHARS = 5
_LONG_WORD_CHARS = 6
_BYLINE = re.compile(r"^(?:by|posted by|written by|from)\b", re.IGNORECASE)
_HEADING_WEIGHT = {"h1": 0.3, "h2": 0.2, "h3": 0.1}
_TITLE_META = (
    '//meta[@property="og:title" or @name="og:title" or @name="twitter:title"'
    ' or @property="twitter:title" or @itemprop="headline" or @name="headline"]/@content'
)


class Choice(NamedTuple):
    """The headline and the branch of `headline` that chose it (benchmarks count them)."""

    branch: str
    text: str


def headline(
    tree: HtmlElement, sites: tuple[str, ...], article: str = "", slug: frozenset[str] = frozenset()
) -> Choice:
    """The shown headline and the guess that found it. Best, a heading that says exactly what
    the page calls itself (og:title, <title>, less the site's name); next, a heading that is
    most of it; then the headline og:title and <title> agree on; the heading just before
    where the article's prose starts in the page; any shown text that is most of the title;
    the first <h1> that is not the site's name; the title without the site's name when it
    speaks of the article; a line in plain type just over the article; the heading right
    over the article, whatever it speaks of; the title without the site's name; or nothing
    when it names only the site (the text rules then find the headline). The first guesses
    must share a word with the article (a section label does not); the page's address, when
    it spells the headline, tells which part of the title it is."""
    references = [squash(text) for text in tree.xpath(_TITLE_META)]
    references += [squash(element.text_content()) for element in tree.iter("title")][:1]
    references = [text for text in references if text]
    cores = [title_core(reference, sites, slug) for reference in references]
    guesses = _guesses(tree, sites, article, slug, references, cores)
    found = next(
        (guess for guess in guesses if guess.text and not is_site_name(guess.text, sites)), None
    )
    return found or Choice("none: the text rules pick", "")  # nothing but the site's name


def _guesses(
    tree: HtmlElement,
    sites: tuple[str, ...],
    article: str,
    slug: frozenset[str],
    references: list[str],
    cores: list[str],
) -> Iterator[Choice]:
    """The guesses in order of trust, each worked out only when the ones before it failed."""
    opening = " ".join(article.split()[:_TOPIC_WORDS])
    topic, names = _content_words(opening), _topic_words(opening)
    subject = _stems(article)
    yield Choice("heading = title", _named_heading(tree, references, sites, subject, slug))
    shown = list(shown_texts(tree))
    matches = [
        match
        for reference, core in zip(references, cores, strict=True)
        for match in [_best_match(reference, core, shown, sites, slug)]
        if match
    ]
    for score, text in matches:
        if (
            score >= STRONG_TITLE_MATCH
            and len(words_of(text)) >= _MIN_NAMED_WORDS
            and (not subject or _stems(text) & subject)
        ):
            yield Choice("heading close to title", text)
    yield Choice("og:title = <title>", _agreed(references, cores, sites, subject))
    lead = _lead_lines(tree, article, names, sites)
    yield Choice("heading over the article", lead.named)
    for _, text in matches:
        if not topic or _content_words(text) & topic:
            yield Choice("shown text in title, on topic", text)
    for item in shown:
        if (
            item.tag == "h1"
            and len(item.text.split()) >= _MIN_NAMED_WORDS
            and _content_words(item.text) & names
        ):
            yield Choice("<h1> on topic", item.text)
    for _, text in matches:
        yield Choice("shown text in title", text)
    core = cores[-1] if cores and not names_site(cores[-1], sites) else ""
    if not topic or _content_words(core) & topic:
        yield Choice("title less the site", core)
    if squash(lead.plain) not in {squash(line) for line in article.split("\n")}:
        yield Choice("line over the article", lead.plain)  # else the text rules rank the line
    yield Choice("nearest heading over the article", lead.nearest)
    yield Choice("title less the site, off topic", core)


def _agreed(
    references: list[str], cores: list[str], sites: tuple[str, ...], subject: set[str]
) -> str:
    """A headline two different names the page gives itself agree on once the site's name is
    cut off (og:title, and <title> with the site), speaking of the article, though the page
    does not show it as text."""
    for index, core in enumerate(cores):
        if (
            len(words_of(core)) >= _MIN_NAMED_WORDS
            and any(
                same_words(core, other) and references[index] != references[later]
                for later, other in enumerate(cores[index + 1 :], start=index + 1)
            )
            and not names_site(core, sites)
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
    without the site's name): the surest headline there is; an <h1> before an <h2>, and of
    two <h1>s the one that is the title's headline part, not the headline and its section."""
    named, cores = set(), set()
    for reference in references:
        core = tuple(words_of(title_core(reference, sites, slug)))
        cores.add(core)
        for form in (words_of(reference), words_of(without_site(reference, sites)), core):
            if form:
                named.add(tuple(form))
    found: list[tuple[int, bool, int, str]] = []
    for order, element in enumerate(tree.iter(*_HEADING_WEIGHT)):
        text = shown_text(element)
        words = tuple(words_of(text))
        if (
            words in named
            and heading_rank(element)
            and not is_site_name(text, sites)
            and (not subject or len(words) >= _SURE_NAMED_WORDS or _stems(text) & subject)
        ):
            found.append((heading_rank(element), words in cores, -order, text))
    return max(found)[3] if found else ""


class Lead(NamedTuple):
    """What sits over the place where the article's prose starts in the page."""

    named: str
    """The nearest heading speaking of what the article's opening speaks of."""
    plain: str
    """The line in plain type naming most of the opening's names."""
    nearest: str
    """The nearest heading, whatever it speaks of, with only a date or a byline under it."""


def _lead_lines(tree: HtmlElement, article: str, topic: set[str], sites: tuple[str, ...]) -> Lead:
    """The heading nearest before the place where the article's prose starts in the page and
    speaking of what its opening speaks of (a section label or a date does not; one naming
    more of it outranks a bigger heading); among the few lines standing alone just before it
    that read as a headline, the one naming most of the opening's names (a headline set in
    plain type); and the heading right over the article, with at most a date or a byline
    between, whatever it speaks of (a headline may share no word with its story: 'Gunners
    star to comeback' over 'Arsene Wenger is likely to ...')."""
    pieces = shown_pieces(tree)
    first = _article_start(pieces, article)
    if first is None:
        return Lead("", "", "")
    nearest = ""
    found: list[tuple[bool, int, int, str]] = []
    lines: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    passed = 0
    for text, owner in reversed(pieces[:first]):
        if not text.strip():
            continue
        heading = heading_around(owner)
        if heading is None:
            if passed < _PLAIN_SEARCH_LINES and _stands_alone(owner, text):
                passed += 1
                title = squash(text)
                named = len(_content_words(title) & topic)
                if (
                    _reads_as_headline(title, sites)
                    and named >= _STORY_NAMES
                    and not title.endswith(_STATEMENT_ENDS)
                ):
                    lines.append((named, -passed, title))
            continue
        title = _TRAILING_DATE.sub("", shown_text(heading))
        if title in seen:
            continue
        seen.add(title)
        headline_like = _reads_as_headline(title, sites)
        if (
            headline_like
            and len(seen) == 1
            and passed <= _NEAREST_LINES
            and len(title.split()) >= _NEAREST_WORDS
        ):
            nearest = title
        named = len(_content_words(title) & topic)
        if headline_like and named:
            found.append((named >= _STORY_NAMES, heading_rank(heading), -len(seen), title))
        if len(seen) > _LEAD_SEARCH_ELEMENTS:
            break
    return Lead(max(found)[3] if found else "", max(lines)[2] if lines else "", nearest)


def _article_start(pieces: list[tuple[str, HtmlElement]], article: str) -> int | None:
    """Which of the page's shown pieces the article's first line of prose starts in, found
    by its letters."""
    opening = next((line for line in article.split("\n") if _is_prose(line)), "")
    needle = letters_of(opening)[:_OPENING_LETTERS]
    if len(needle) < _OPENING_LETTERS:
        return None
    letters = [letters_of(text) for text, _ in pieces]
    at = "".join(letters).find(needle)
    if at < 0:
        return None
    first, passed = 0, len(letters[0]) if letters else 0
    while passed <= at:
        first += 1
        passed += len(letters[first])
    return first


def _stands_alone(owner: HtmlElement, text: str) -> bool:
    """A piece of text that is a line of its own: all of its block's text, or ended by a
    line break (<span>Headline</span><br>posted at 12:19)."""
    element, line = owner, squash(text)
    for _ in range(_LINE_DEPTH):
        if element is None or not isinstance(element.tag, str):
            return False
        shown = shown_text(element)
        if shown == line:
            return True
        if not shown.startswith(line):
            return False
        following = element.getnext()
        if following is not None and following.tag == "br" and not (element.tail or "").strip():
            return True
        element = element.getparent()
    return False


def _is_prose(line: str) -> bool:
    """A line of the article, not its headline, a date or a caption: a sentence of some length."""
    return len(line.split()) >= _MIN_PROSE_WORDS and line.rstrip().endswith(_SENTENCE_ENDS)


def _content_words(text: str) -> set[str]:
    return {word for word in words_of(text) if len(word) >= _CONTENT_WORD_CHARS}


def _stems(text: str) -> set[str]:
    """Content words cut to their first letters: 'blame' in a headline is 'blamed' in the text."""
    return {word[:_STEM_CHARS] for word in _content_words(text)}


def _topic_words(text: str) -> set[str]:
    """What an article's opening is about: its names (capitalised words) and long words, not
    the short common words any text has ('more', 'view'), in any language."""
    return {
        word.casefold()
        for word in WORD.findall(text)
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
    spelled = slug_share(core, slug) > 0
    whole, wanted = words_of(reference), words_of(core)
    trimmed = without_site(reference, sites)
    letters = (letters_of(reference), letters_of(trimmed), letters_of(core))
    best: tuple[float, str] | None = None
    for tag, text, label, own, element in shown:
        if not (own in letters[0] or own.startswith(letters[1:]) or own.endswith(letters[2])):
            continue  # cheap: neither inside the title nor starting or ending with its headline
        words = words_of(text)
        if not words or is_site_name(text, sites) or part_of_a_line(element):
            continue
        if contains(whole, words):
            text = without_site(text, sites)  # the title, site and all, shown in the page
            if spelled and not slug_share(text, slug):
                continue  # another part of the title than the address spells: the site's
            shown_words = words_of(text)
            if (
                spelled
                and tag not in _HEADING_WEIGHT
                and shown_words != wanted
                and contains(shown_words, wanted)
            ):
                text = core  # the title repeated, with a site's name the page does not declare
            share = _likeness(words_of(text), wanted)
        elif own in letters[0] and len(own) >= _LETTER_MATCH_SHARE * len(letters[2]):
            # the same letters, other word breaks or punctuation: 'Saj's' for 'Sajs'
            share = max(_share(own, part) for part in letters[1:])
        elif glued := next(
            (
                part
                for part in ((core, trimmed) if spelled else (trimmed, core))
                if (starts_with(words, words_of(part)) or ends_with(words, words_of(part)))
                and len(part) >= _GLUED_SHARE * len(text)
            ),
            "",
        ):
            share, text = 1.0, glued  # the headline with a date or credit after it, a kicker before
        else:
            continue
        score = share + _HEADING_WEIGHT.get(tag, 0) + (0.1 if TITLE_CLASS.search(label) else 0)
        score += _SLUG_WEIGHT * slug_share(text, slug)
        if best is None or score > best[0]:
            best = (score, text)
    return best if best and best[0] >= MIN_TITLE_SHARE else None


def _share(letters: str, other: str) -> float:
    return min(len(letters), len(other)) / max(len(letters), len(other), 1)


def _likeness(words: list[str], wanted: list[str]) -> float:
    """How much of each other two word runs are: 1 when equal, less as either grows."""
    size, other = len(" ".join(words)), len(" ".join(wanted))
    return min(size, other) / max(size, other, 1)
