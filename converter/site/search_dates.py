"""The search's date tables: where a date range's articles start and end in the index.

The index numbers its documents newest first, the undated last, so the articles of any date
range are one run of numbers. These small files locate the run; the search box fetches them
only once a reader sets a From or To date, so a query without one costs not a byte more:

- `dates/months.json`: `{"dated": n, "months": [[YYYY-MM, first], ...]}`: the months newest
  first, each with the number of its newest document; documents 0..n-1 are dated.
- `dates/<YYYY-MM>.json`: `[[day, first], ...]`: that month's days newest first, each with
  the number of its newest document (read only for the month a From or To date falls in).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

DATES_DIR = "dates"  # under the index's bundle
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DateOrderError(ValueError):
    """The documents are not newest first with the undated last, so no run is a date range."""


def date_tables(dates: Sequence[str]) -> Iterator[tuple[str, object]]:
    """The month table, then each month's day table, as (path, JSON value), for documents
    dated `dates` in their index order (ISO dates newest first, then '' for each undated)."""
    months: list[list[object]] = []
    days: dict[str, list[list[int]]] = {}
    dated = 0
    for number, date in enumerate(dates):
        if not date:
            continue
        if not _ISO_DATE.fullmatch(date):
            raise DateOrderError(f"document {number} has no ISO date: {date!r}")
        if dated < number or (number and date > dates[number - 1]):
            raise DateOrderError(f"document {number} ({date}) is not in newest-first order")
        month, day = date[:7], int(date[8:])
        if not months or months[-1][0] != month:
            months.append([month, number])
            days[month] = []
        if not days[month] or days[month][-1][0] != day:
            days[month].append([day, number])
        dated = number + 1
    if not dates:
        return
    yield f"{DATES_DIR}/months.json", {"dated": dated, "months": months}
    for month, table in days.items():
        yield f"{DATES_DIR}/{month}.json", table
