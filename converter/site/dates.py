"""The archive's time axis: one entry per month, its articles newest first, the months grouped
by year, newest first; articles without a date are one entry apart, never dropped. Also the
date each built page carries (the sitemap's lastmod): the archive's, never the clock's.

A month is an Entry of the `dates` section, so its page is cut, paginated and profiled (who and
what that month was about) like an actor's; its `letter` is its year.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from converter.site.indexes import letter_groups, page_url
from converter.site.model import Archive, ArticleMeta, Entry, Index, month_label

DATES_DIR = "dates"
UNDATED = "Undated"
UNDATED_SLUG = "undated"
# The date of an archive in which no article is dated, unless SOURCE_DATE_EPOCH says otherwise.
EPOCH_DATE = "1970-01-01"


def date_index(articles: Sequence[ArticleMeta], *, use_directory_urls: bool) -> Index:
    """Months newest first (`dates/1996/08/`), then the undated (`dates/undated/`); `articles`
    come newest first, so each month lists them so."""
    by_month: dict[str, list[ArticleMeta]] = {}
    undated = []
    for article in articles:
        if article.date:
            by_month.setdefault(article.date[:7], []).append(article)
        else:
            undated.append(article)
    entries = [
        _entry(
            month_label(month),
            month,
            f"{DATES_DIR}/{month[:4]}/{month[5:]}.md",
            "month",
            month[:4],
            found,
            use_directory_urls,
        )
        for month, found in sorted(by_month.items(), reverse=True)
    ]
    if undated:
        entries.append(
            _entry(
                UNDATED,
                UNDATED_SLUG,
                f"{DATES_DIR}/{UNDATED_SLUG}.md",
                "undated",
                UNDATED,
                undated,
                use_directory_urls,
            )
        )
    src_uri = f"{DATES_DIR}/index.md"
    return Index(
        section="dates",
        title="Dates",
        src_uri=src_uri,
        url=page_url(src_uri, use_directory_urls),
        entries=tuple(entries),
        groups=letter_groups(entries, _year_anchor),
        by_name={entry.name: entry for entry in entries},
        per_page=max(1, len(entries)),
    )


def date_entry(dates: Index, article: ArticleMeta) -> Entry:
    """The month an article is listed under, or the undated."""
    return dates.by_name[month_label(article.date[:7]) if article.date else UNDATED]


def _entry(
    name: str,
    slug: str,
    src_uri: str,
    kind: str,
    letter: str,
    articles: list[ArticleMeta],
    use_directory_urls: bool,
) -> Entry:
    return Entry(
        name=name,
        slug=slug,
        src_uri=src_uri,
        url=page_url(src_uri, use_directory_urls),
        kind=kind,
        letter=letter,
        articles=tuple(articles),
    )


def archive_date(archive: Archive, environ: Mapping[str, str]) -> str:
    """The day the archive speaks for: its newest article's, else SOURCE_DATE_EPOCH's, else
    1970-01-01 — never the day of the build, so rebuilding changes no byte."""
    if archive.dated:
        return archive.dated[0].date
    epoch = environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
    return EPOCH_DATE


def page_dates(archive: Archive, contexts: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Article pages carry their own date, entry pages their newest article's; others default."""
    dates = {article.src_uri: article.date for article in archive.articles if article.date}
    for src_uri, context in contexts.items():
        entry = context.get("archive_entry")
        newest: ArticleMeta | None = entry.articles[0] if entry and entry.articles else None
        if newest is not None and newest.date:
            dates[src_uri] = newest.date
    return dates


def _year_anchor(year: str) -> str:
    return UNDATED_SLUG if year == UNDATED else f"year-{year}"
