"""Front matter (converter/frontmatter.py): the one reader of page headers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from converter.frontmatter import (
    FrontMatterError,
    header_text,
    parse_header,
    read_field,
    read_header,
    split_page,
)


def test_front_matter_stops_reading_at_the_closing_fence() -> None:
    def lines() -> Iterator[str]:
        yield "---\n"
        yield "title: A\n"
        yield "---\n"
        raise AssertionError("read past the front matter")

    assert header_text(lines()) == "title: A\n"


def test_front_matter_accepts_yaml_document_end_marker() -> None:
    assert header_text(["---\n", "title: A\n", "...\n", "body\n"]) == "title: A\n"


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        (["title: A\n"], "does not start"),
        ([], "does not start"),
        (["---\n", "title: A\n"], "never closed"),
    ],
)
def test_front_matter_errors_name_the_problem(lines: list[str], reason: str) -> None:
    with pytest.raises(FrontMatterError, match=reason):
        header_text(lines)


def test_read_header_reads_a_page_with_a_bom(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_bytes(b"\xef\xbb\xbf---\ntitle: A\n---\n\nBody.\n")
    assert read_header(page) == "title: A\n"


def test_read_header_survives_undecodable_bytes(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_bytes(b"---\ntitle: caf\xe9\n---\n\nBody.\n")
    assert read_header(page) == "title: caf\ufffd\n"


@pytest.mark.parametrize(
    ("header", "reason"),
    [("title: [unclosed\n", "not valid YAML"), ("- a list\n", "not a mapping"), ("", "mapping")],
)
def test_parse_header_refuses_what_is_no_mapping(header: str, reason: str) -> None:
    with pytest.raises(FrontMatterError, match=reason):
        parse_header(header)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("---\ntitle: A\nseed: 000_abc\n---\n\nBody.\n", "000_abc"),
        ("---\nseed: '007'\n---\n", "007"),  # quoted: a string, leading zero kept
        ("---\ntitle: A\n---\nseed: in the body\n", None),  # past the header: not read
        ("title: A\nseed: no fence\n", None),
        ("---\nseed: [unclosed\n---\n", None),
        ("---\ntitle: A\n", None),
    ],
)
def test_read_field_parses_one_line_of_the_header(
    tmp_path: Path, page: str, expected: str | None
) -> None:
    path = tmp_path / "a.md"
    path.write_text(page, encoding="utf-8")
    assert read_field(path, "seed") == expected


def test_split_page_parts_header_and_body_at_the_closing_fence() -> None:
    page = "---\ntitle: A\n---\n\nBody with a \u2028 separator.\n\n---\n\nMore.\n"
    assert split_page(page) == ("title: A\n", "\nBody with a \u2028 separator.\n\n---\n\nMore.\n")
    assert split_page("No header.\n") == ("", "No header.\n")
