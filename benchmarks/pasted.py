"""web-dev's text seeds as other tools copy a page: does the converter read the same article?

    .venv/bin/python benchmarks/pasted.py [--levels article,page] [--copies NAME,...] [--workers N]

web-dev's seeds are Chromium's innerText. People also paste from other browsers (a blank line
after every line, or none at all), text-mode browsers and mail clients (lines hard-wrapped at 72
columns, paragraphs indented) and Windows tools (CRLF line ends). Each copy below is made from
every seed of a level and converted in this process as `archive convert` reads a text seed
(read_seed, then the rules; no NER); the rows print web-dev's own metric (score.py: body word
4-gram F1, P, R; headline exact after case folding) and the change against the seed as copied
by Chromium, the first row. A copy that reads worse than it says nothing new is a layout the
rules lean on.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script
from benchmarks.webdev import LEVELS, pages, score  # noqa: E402
from converter.errors import SeedError  # noqa: E402
from converter.read import read_seed  # noqa: E402
from converter.rules import load_rules, parse_seed  # noqa: E402

WRAP_COLUMNS = 72


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _wrapped(lines: list[str]) -> list[str]:
    return [piece for line in lines for piece in (textwrap.wrap(line, WRAP_COLUMNS) or [""])]


COPIES: dict[str, Callable[[str], str]] = {
    "as innerText": lambda text: text,
    "CRLF line ends": lambda text: text.replace("\n", "\r\n"),
    "indented 3 spaces": lambda text: "\n".join(
        f"   {line}" if line.strip() else line for line in _lines(text)
    ),
    "blank line after each": lambda text: "\n\n".join(
        line for line in _lines(text) if line.strip()
    ),
    "no blank lines": lambda text: "\n".join(line for line in _lines(text) if line.strip()),
    f"wrapped at {WRAP_COLUMNS}": lambda text: "\n".join(_wrapped(_lines(text))),
    f"paragraphs wrapped at {WRAP_COLUMNS}": lambda text: "\n\n".join(
        "\n".join(textwrap.wrap(line, WRAP_COLUMNS)) for line in _lines(text) if line.strip()
    ),
}


def measured(level: str, copy: str) -> dict[str, float]:
    """web-dev's figures for every seed of `level` copied as `copy` (a seed the rules refuse
    scores as a page with no output)."""
    predicted: dict[str, tuple[str, str]] = {}
    for page in pages(level):
        raw = COPIES[copy](page.text).encode("utf-8")
        try:
            seed = parse_seed(read_seed(page.stem, raw))
        except SeedError:
            predicted[page.stem] = ("", "")
            continue
        predicted[page.stem] = (seed.title, "\n".join(block.text for block in seed.blocks))
    return score(predicted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default=",".join(LEVELS))
    parser.add_argument("--copies", default=",".join(COPIES), help="copies' names, comma-separated")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    levels = args.levels.split(",")
    copies = [name for name in COPIES if name in args.copies.split(",")]
    if not copies or copies[0] != next(iter(COPIES)):
        copies.insert(0, next(iter(COPIES)))  # the baseline every row is set against
    load_rules()  # once, before the workers fork
    jobs = [(level, copy) for level in levels for copy in copies]
    with ProcessPoolExecutor(args.workers) as pool:
        results = dict(zip(jobs, pool.map(measured, *zip(*jobs, strict=True)), strict=True))
    for level in levels:
        base = results[(level, copies[0])]
        print(f"{level}/ ({len(pages(level))} seeds)")
        for copy in copies:
            result = results[(level, copy)]
            print(
                f"  {copy:<26} F1 {result['f1']:.4f} ({result['f1'] - base['f1']:+.4f})  "
                f"P {result['precision']:.4f}  R {result['recall']:.4f}  "
                f"headline {result['titles']:.3f} ({result['titles'] - base['titles']:+.3f})"
            )


if __name__ == "__main__":
    main()
