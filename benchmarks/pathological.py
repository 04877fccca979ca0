"""Pathological inputs: the time of each stage on a huge, degenerate input, against a plain
linear pass over the same bytes in the same run, and at half and full size.

.venv/bin/python benchmarks/pathological.py

The tests check these inputs' outcomes (and count work where it can be counted); how long they
take is measured here, where a busy machine skews both sides of a ratio alike. A ratio full/half
near 2 is linear; near 4 would be quadratic.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.timing import best_time  # noqa: E402
from converter.markup import escape_markdown  # noqa: E402
from converter.read import read_seed  # noqa: E402
from converter.rules.chrome import is_chrome  # noqa: E402
from converter.rules.site_name import site_name  # noqa: E402

ROUNDS = 5
LEDE = (
    "The island's ferry made its first crossing in a year on Monday, after repairs to its "
    "engines and to the harbour's ramp, the operator said."
)


def best_of(work: Callable[[], object]) -> float:
    return best_time(work, ROUNDS)[0]


def report(name: str, make: Callable[[int], str | bytes], stage: Callable, size: int) -> None:
    """`stage` over `make(size)` and `make(size // 2)`, against a linear pass over the input."""
    full, half = make(size), make(size // 2)
    seconds = best_of(lambda: stage(full))
    half_seconds = best_of(lambda: stage(half))
    floor = best_of(lambda: (full.decode("latin-1") if isinstance(full, bytes) else full).split())
    print(
        f"{name:34} {len(full) / 1e6:5.2f} MB {seconds:7.3f} s  "
        f"x{seconds / floor:7.1f} a split()  full/half {seconds / half_seconds:4.2f}"
    )


def main() -> None:
    print(f"best of {ROUNDS}; 'a split()': str.split over the same input, the linear floor")
    report("escape_markdown, markup soup", lambda n: "<b>#*_`[x]{y}|&" * n, escape_markdown, 60_000)
    report("is_chrome, a run of dots", lambda n: "." * n + "x", is_chrome, 1_000_000)
    report("is_chrome, spaced marks", lambda n: "share" + " ." * n, is_chrome, 500_000)
    site = site_name([])
    for name, unit in (
        ("site_name, a run of next-post marks", "» "),
        ("site_name, unclosed credits", "(ap photo "),
        ("site_name, words before no credit", "getty images "),
    ):
        report(name, lambda n, unit=unit: unit * (n // len(unit)) + "x", site.names, 1_000_000)
    report(
        "read_seed, many short lines",
        lambda n: b"Headline\n\n" + b"share\n\n" * n,
        lambda raw: read_seed("lines", raw),
        290_000,
    )
    report(
        "read_seed, Markdown: a run of [",
        lambda n: b"[" * n,
        lambda raw: read_seed("brackets.md", raw),
        1_000_000,
    )
    report(
        "read_seed, Markdown: links",
        lambda n: b"Headline\n\n" + b"[a link](https://example.com/a) and text.\n" * (n // 42),
        lambda raw: read_seed("links.md", raw),
        1_000_000,
    )
    report(
        "read_seed, a saved page of players",
        lambda n: (
            f"<html><body><p>{LEDE}</p>".encode()
            + b"".join(
                f"<iframe src='https://www.youtube.com/embed/A{i:09d}'></iframe>".encode()
                for i in range(n // 60)
            )
            + f"<p>{LEDE}</p></body></html>".encode()
        ),
        lambda raw: read_seed("players.html", raw),
        1_900_000,
    )
    report(
        "read_seed, nested VideoObjects",
        lambda n: (
            f"<html><body><p>{LEDE}</p>".encode()
            + b"<div itemscope itemtype='http://schema.org/VideoObject'>" * 200
            + b"<meta itemprop='name' content='x'>" * (n // 36)
            + b"<iframe src='https://www.youtube.com/embed/Abcdefg1234'></iframe>"
            + b"</div>" * 200
            + f"<p>{LEDE}</p></body></html>".encode()
        ),
        lambda raw: read_seed("objects.html", raw),
        1_900_000,
    )
    report(
        "read_seed, a saved page of pictures",
        lambda n: (
            f"<html><body><p>{LEDE}</p>".encode()
            + b"<div class='share'>" * 200
            + b"".join(
                f"<img src='https://e.example/{i:09d}.jpg'>".encode() for i in range(n // 41)
            )
            + b"</div>" * 200
            + f"<p>{LEDE}</p></body></html>".encode()
        ),
        lambda raw: read_seed("pictures.html", raw),
        1_900_000,
    )


if __name__ == "__main__":
    main()
