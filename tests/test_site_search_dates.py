"""The search's date tables (converter/site/search_dates.py): where each month and day starts."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter.site.search_dates import DateOrderError, date_tables
from converter.site.static_search import SearchDoc, build_index

DATES = ["2016-09-21", "2016-09-21", "2016-09-02", "2016-01-31", "1996-08-31", "1996-08-30", ""]


def dated(dates: list[str]) -> list[SearchDoc]:
    return [
        SearchDoc(url=f"{n}/", title="t", source="", date=d, text="x") for n, d in enumerate(dates)
    ]


def test_months_and_days_point_at_their_newest_document() -> None:
    assert dict(date_tables(DATES)) == {
        "dates/months.json": {
            "dated": 6,
            "months": [["2016-09", 0], ["2016-01", 3], ["1996-08", 4]],
        },
        "dates/2016-09.json": [[21, 0], [2, 2]],
        "dates/2016-01.json": [[31, 3]],
        "dates/1996-08.json": [[31, 4], [30, 5]],
    }


@given(
    st.lists(st.dates().map(lambda day: day.isoformat()), max_size=40),
    st.integers(min_value=0, max_value=5),
)
def test_each_entry_starts_the_run_of_its_month_or_day(days: list[str], undated: int) -> None:
    dates = sorted(days, reverse=True) + [""] * undated
    tables = dict(date_tables(dates))
    if not dates:
        assert tables == {}
        return
    months = tables["dates/months.json"]
    assert months["dated"] == len(days)
    assert [month for month, _ in months["months"]] == sorted({d[:7] for d in days}, reverse=True)
    for month, first in months["months"]:
        assert dates[first][:7] == month and (first == 0 or dates[first - 1][:7] != month)
        for day, start in tables[f"dates/{month}.json"]:
            assert dates[start] == f"{month}-{day:02}"
            assert start == 0 or dates[start - 1] != dates[start]
    assert len(tables) == 1 + len(months["months"])


def test_an_undated_archive_has_an_empty_month_table() -> None:
    assert dict(date_tables(["", ""])) == {"dates/months.json": {"dated": 0, "months": []}}


@pytest.mark.parametrize(
    "dates",
    [
        ["1996-08-30", "1996-08-31"],  # oldest first
        ["1996-08-31", "", "1996-08-30"],  # an undated among the dated
        ["30 August 1996"],
    ],
)
def test_documents_out_of_order_are_refused_before_any_file_is_made(dates: list[str]) -> None:
    with pytest.raises(DateOrderError):
        next(build_index(dated(dates)))


def test_the_index_holds_the_tables_of_its_documents() -> None:
    index = dict(build_index(dated(DATES)))
    assert json.loads(index["dates/1996-08.json"]) == [[31, 4], [30, 5]]
    assert json.loads(index["meta.json"]).keys() == {"version", "docs", "dictionaries", "average"}
