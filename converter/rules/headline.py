"""The headline: the page's own title when its markup gives one, else the line its comments
heading names (rules/named_headline.py), else the line a learned ranker finds most
headline-like where it sits (just before the article's prose, not a site name, menu or cookie
notice). It leaves the body, with every line that repeats it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice

from converter.rules.chrome import is_chrome
from converter.rules.named_headline import named_titles
from converter.rules.prose import MIN_RANKED_LINES, RERANKED
from converter.rules.published import is_date_line, read_date
from converter.rules.site_name import site_name
from converter.rules.source_credit import credit_at
from converter.rules.state import Line, SeedState

MAX_HEADLINE_CHARS = 200
"""Longer than any real headline: such a line is body text that lost its headline."""
MAX_TAIL_WORDS = 5
"""A date glued to the end of the headline line ('... July 29, 2012') is at most this long."""
MIN_HEADLINE_WORDS = 2
FIRST_LINE_SHARE = 0.5
"""A first line the ranker rates at least half as high as its best stays the headline: a seed
that opens with its headline (wire copy, an article block) keeps it."""
MIN_UI_RUN = 2
"""UI labels glued to a headline come in a row ('Save Email Print', '| Print | E-mail'); one
label-like last word ('... not a comment') is the headline's own."""
_SEPARATORS = " ,-–—|•·/"
"""Marks between a headline and what is glued to it, and between UI labels."""
_CENTURIES = ("18", "19", "20")


def take_headline(state: SeedState) -> SeedState:
    """Title from the markup, else the best-ranked line; `top` marks where the article starts."""
    if state.facts.title:
        return _take(state, state.facts.title, _first_repeat(state.lines, state.facts.title))
    lines = state.lines
    candidates = _candidates(lines)
    if not candidates:
        return state
    taken, first = _eligible(lines, candidates)
    named = _named(lines, candidates)
    if named is not None:
        best = named
    elif len(lines) < MIN_RANKED_LINES:
        best = first
    else:
        ranked = sorted(candidates, key=lambda index: (-lines[index].headline, index))
        top = list(islice(filter(taken, ranked), RERANKED))
        best = next(
            (index for index in top if not is_date_line(lines[index].text, state.language)),
            top[0],
        )
        if lines[first].headline >= FIRST_LINE_SHARE * lines[best].headline and (
            first == best or not is_date_line(lines[first].text, state.language)
        ):
            best = first
    text = lines[best].text
    if len(text) > MAX_HEADLINE_CHARS:
        return state.with_lines(lines, title=shorten(text, MAX_HEADLINE_CHARS), top=best)
    title, date = trim_headline(text, state.language, (line.text for line in lines))
    return _take(state, text, best, title=title, date=state.date or date)


def trim_headline(text: str, language: str, page: Iterable[str] = ()) -> tuple[str, str]:
    """The headline line without what pages glue to its end: UI labels ('Save Email Print',
    '| Print | E-mail'), a few words holding a number when the page's lines (`page`) also show
    the headline without them ('Headline 524', '... 274 Comments', '... Night August 8, 2012':
    the shortest such tail, never the larger part of the line) and a date ('July 29, 2012'),
    unless a colon leads into it ('Four short links: 6 November 2012'). A date cut off is
    returned. The headline's own characters stay."""
    words = text.split(" ")
    labels = 0
    cut = len(words)
    for at in range(len(words) - 1, MIN_HEADLINE_WORDS - 1, -1):
        if is_chrome(words[at]):
            labels += 1
        elif words[at].strip(_SEPARATORS):
            break
        cut = at
    if labels >= MIN_UI_RUN:
        words = words[:cut]
    sizes = range(1, min(MAX_TAIL_WORDS, len(words) - MIN_HEADLINE_WORDS) + 1)
    numbered = [size for size in sizes if _numbered(words[-size:])]
    shown = {_key(line) for line in page} if numbered else set()
    for size in numbered:
        head = " ".join(words[:-size]).rstrip(_SEPARATORS)
        head_words = len(head.split())
        if head_words >= MIN_HEADLINE_WORDS and head_words > size and _key(head) in shown:
            return head, _whole_date(words[-size:], language) or ""
    for size in reversed(sizes[1:]):
        date = _whole_date(words[-size:], language)
        if date is not None and not words[-size - 1].endswith(":"):
            return " ".join(words[:-size]).rstrip(_SEPARATORS), date
    return " ".join(words), ""


def _whole_date(tail: list[str], language: str) -> str | None:
    """The ISO date the words are, all of them, else None."""
    found = read_date(" ".join(tail), language)
    return found[0] if found is not None and found[1] == 0 else None


def _numbered(tail: list[str]) -> bool:
    """A tail the page may glue to its headline: a count ('524', not a year), or words holding a
    number ('274 Comments', 'Jul 26', 'August 8, 2012')."""
    if len(tail) == 1:
        return _is_count(tail[0])
    return any(char.isdigit() for word in tail for char in word)


def _is_count(word: str) -> bool:
    """A number that is not a year: 'Election 2012' keeps its year, the page or no."""
    return word.isdigit() and not (len(word) == 4 and word.startswith(_CENTURIES))


def _take(state: SeedState, line: str, at: int, title: str = "", date: str = "") -> SeedState:
    """The headline is `title` (by default the `line` it stood on); lines repeating it go, and
    `top` is where it stood."""
    key = _key(line)
    repeats = [_key(other.text) == key for other in state.lines]
    kept = [other for other, repeat in zip(state.lines, repeats, strict=True) if not repeat]
    top = at - sum(repeats[:at])
    return state.with_lines(kept, title=title or line, top=max(top, 0), date=date or state.date)


def _first_repeat(lines: tuple[Line, ...], title: str) -> int:
    key = _key(title)
    return next((index for index, line in enumerate(lines) if _key(line.text) == key), 0)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _named(lines: tuple[Line, ...], candidates: list[int]) -> int | None:
    """The candidate reading the title a comments heading names, the best-ranked if it stands
    more than once; None when no heading names a line. Over web-dev's 1,200 seeds every title
    so named that a line reads is the gold headline (38 seeds, 5 of them whole pages the
    ranker got wrong)."""
    titles = {_key(title) for title in named_titles(line.text for line in lines)}
    if not titles:
        return None
    named = [index for index in candidates if _key(lines[index].text) in titles]
    return min(named, key=lambda index: (-lines[index].headline, index), default=None)


def _eligible(lines: tuple[Line, ...], candidates: list[int]) -> tuple[Callable[[int], bool], int]:
    """Which candidates may be the headline, and the first of them: not a line that reads as
    the site's own name or its navigation (rules/site_name.py; over ten splits of web-dev into
    folds, 0.805 -> 0.812 cross-validated), nor one ending in a colon, which leads into what
    follows ('After Bhutto:'; no gold headline of web-dev's 1,200 ends so), unless every
    candidate reads so. Asked only of the lines the choice reads, the first and the
    best-ranked."""
    site = site_name([line.text for line in lines])

    def taken(index: int) -> bool:
        text = lines[index].text
        return not text.endswith(":") and not site.names(text)

    first = next(filter(taken, candidates), None)
    if first is None:
        return (lambda index: True), candidates[0]
    return taken, first


def _candidates(lines: tuple[Line, ...]) -> list[int]:
    """Lines that can be a headline: not chrome, not a credit (nor the outlet after a bare
    `Source:`), not punctuation."""
    candidates = []
    index = 0
    while index < len(lines):
        used, _ = credit_at(lines, index)
        if used:
            index += used
            continue
        text = lines[index].text
        if any(char.isalnum() for char in text) and not is_chrome(text):
            candidates.append(index)
        index += 1
    return candidates


def shorten(text: str, max_chars: int) -> str:
    """Cut at the last word boundary that fits, marking the cut with an ellipsis."""
    if len(text) <= max_chars:
        return text
    cut = text[: max_chars - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"
