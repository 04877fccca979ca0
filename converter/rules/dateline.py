"""Wire datelines such as `LONDON 1996-08-30` or `MILWAUKEE, Wisconsin 1996-08-29` open a story:
metadata, not a sentence. A wire story may put its reporter's bare name over the dateline
("Larry Fine" / "NEW YORK 1996-08-30"): that name is the author."""

from __future__ import annotations

import re

from converter.rules.byline import read_names
from converter.rules.state import Line, SeedState

_PLACE = r"[A-Z][A-Za-z.'’ -]{1,40}?"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:,\s*{_PLACE})?)[,\s]+(?:\(\w+\)\s+)?(?P<date>\d{{4}}-\d{{2}}-\d{{2}})$"
)
# A dateline a scrape broke in two: the place in capitals, the date on the next line.
_PLACE_LINE = re.compile(rf"^(?P<place>[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*{_PLACE})?)\.?$")
_DATE_LINE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})$")
_MAX_BYLINES = 2
"""Lines of reporters' names a dateline may sit under."""


def take_dateline(state: SeedState) -> SeedState:
    """A first body line that is only `PLACE YYYY-MM-DD`, or one under a line or two of bare
    names, moves to `dateline` and `date`; the names over it to `authors`."""
    authors: list[str] = []
    lines = state.lines
    for index, line in enumerate(lines[: _MAX_BYLINES + 1]):
        found = _dateline_at(lines, index)
        if found is not None:
            place, date, taken = found
            return state.with_lines(
                lines[index + taken :],
                dateline=place,
                date=date,
                authors=state.authors or tuple(authors),
            )
        names = read_names(line.text)
        if len(names) != 1 or names[0].casefold() != line.text.casefold() or " " not in line.text:
            return state  # not a reporter's name alone: the dateline is not under a byline
        authors += names
    return state


def _dateline_at(lines: tuple[Line, ...], index: int) -> tuple[str, str, int] | None:
    """Place, date and the number of lines they take, when a dateline starts at `index`."""
    whole = _DATELINE.match(lines[index].text)
    if whole is not None:
        return whole.group("place").strip(), whole.group("date"), 1
    place = _PLACE_LINE.match(lines[index].text)
    date = _DATE_LINE.match(lines[index + 1].text) if index + 1 < len(lines) else None
    if place is not None and date is not None:
        return place.group("place").strip(), date.group("date"), 2
    return None
