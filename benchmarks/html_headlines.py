"""HTML seeds' headlines: which guess decides each page, and how well it holds on pages whose
markup lacks what the guesses lean on.

    .venv/bin/python benchmarks/html_headlines.py [--limit N] [--perturb NAME,...] [--misses]

Reads web-dev's saved pages in this process as `archive convert` reads them (read_seed, then the
rules; no NER), and prints:
  - per guess of converter/page/headline.py (and the text rules' ranker when the markup names
    only the site): how many pages it decides and how many of those match web-dev's gold, so a
    guess that decides few pages stands out;
  - per perturbation of the saved pages (structured data stripped, classes and ids renamed,
    no <title>, headings flattened to plain blocks, no address, all at once): headline right
    against the gold, and the share of pages whose headline survives (the same as from the page
    as saved). Survival needs no gold: it estimates what holds on sites whose markup differs
    from web-dev's, a check of the rules on pages they were not developed on;
  - source or publisher, and date, on the pages as saved.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.html
from lxml.html import HtmlElement

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script
from benchmarks.corpora import corpus  # noqa: E402
from benchmarks.webdev import gold as webdev_gold  # noqa: E402
from benchmarks.webdev import scorer  # noqa: E402
from converter.decode import decode_html  # noqa: E402
from converter.errors import SeedError  # noqa: E402
from converter.html import article_tree, parse_page  # noqa: E402
from converter.page.facts import facts_and_headline_guess  # noqa: E402
from converter.read import read_seed  # noqa: E402
from converter.rules import UNKNOWN_SOURCE, load_rules, parse_seed  # noqa: E402

_STRUCTURED = (
    "//meta[starts-with(@property, 'og:') or starts-with(@name, 'og:')"
    " or starts-with(@property, 'twitter:') or starts-with(@name, 'twitter:')"
    " or @itemprop or @name='headline' or @name='application-name' or @name='publisher']"
    " | //script[@type='application/ld+json']"
)
_TITLES = (
    "//title | //meta[@property='og:title' or @name='og:title' or @name='twitter:title'"
    " or @property='twitter:title' or @itemprop='headline' or @name='headline']"
)
_ADDRESS = "//link[@rel='canonical'] | //meta[@property='og:url' or @name='og:url']"


def _drop(tree: HtmlElement, xpath: str) -> None:
    for element in tree.xpath(xpath):
        element.drop_tree()


def no_structured_data(tree: HtmlElement) -> None:
    _drop(tree, _STRUCTURED)
    for element in tree.xpath("//*[@itemprop]"):
        del element.attrib["itemprop"]


def classes_renamed(tree: HtmlElement) -> None:
    """Every class and id an opaque token: no 'headline', 'byline' or 'date' to lean on."""
    for element in tree.iter():
        for name in ("class", "id"):
            if isinstance(element.tag, str) and element.get(name):
                token = hashlib.sha1(element.get(name, "").encode()).hexdigest()[:8]
                element.set(name, f"x{token}")


def no_title(tree: HtmlElement) -> None:
    _drop(tree, _TITLES)


def headings_flattened(tree: HtmlElement) -> None:
    for element in tree.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        element.tag = "div"


def no_address(tree: HtmlElement) -> None:
    _drop(tree, _ADDRESS)


def all_at_once(tree: HtmlElement) -> None:
    """Only the page's shown text and its tags' shape are left to go by."""
    for change in (no_structured_data, classes_renamed, no_title, headings_flattened, no_address):
        change(tree)


PERTURBATIONS: dict[str, Callable[[HtmlElement], None]] = {
    "re-serialised only": lambda tree: None,
    "no structured data": no_structured_data,
    "classes and ids renamed": classes_renamed,
    "no <title>": no_title,
    "headings flattened": headings_flattened,
    "no address": no_address,
    "all at once": all_at_once,
}


def perturbed(raw: bytes, change: Callable[[HtmlElement], None]) -> bytes:
    """The page with one kind of markup changed, as UTF-8 bytes that declare nothing else."""
    tree = parse_page(decode_html(raw))
    _drop(tree, "//meta[@charset or @http-equiv]")
    change(tree)
    return lxml.html.tostring(tree, encoding="unicode").encode("utf-8")


def norm(title: str) -> str:
    """A headline as web-dev's score.py compares it."""
    return scorer().norm_title(title)


def converted(stem: str, raw: bytes) -> dict[str, str] | None:
    """The page's headline, credit and date as `archive convert` gives them; None if refused."""
    try:
        parsed = parse_seed(read_seed(f"{stem}.html", raw))
    except SeedError:
        return None
    credited = parsed.publisher or (parsed.source != UNKNOWN_SOURCE and parsed.source)
    return {"title": parsed.title, "credit": credited or "", "date": parsed.date}


def branch(raw: bytes) -> str:
    """Which guess of page/headline.py decided the page's headline."""
    try:
        tree, blocks = article_tree(decode_html(raw))
    except SeedError:
        return "refused"
    return facts_and_headline_guess(tree, "\n\n".join(blocks))[1].branch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--perturb", default=",".join(PERTURBATIONS), help="perturbations run")
    parser.add_argument("--misses", action="store_true", help="print each page missed as saved")
    args = parser.parse_args()
    chosen = [name for name in args.perturb.split(",") if name]
    if unknown := set(chosen) - set(PERTURBATIONS):
        parser.error(f"unknown perturbations: {', '.join(sorted(unknown))}")
    web = corpus("web-dev")
    gold = webdev_gold()
    stems = sorted(gold)[: args.limit or None]
    raws = {stem: gzip.decompress((web / "html" / f"{stem}.html.gz").read_bytes())
            for stem in stems}  # fmt: skip
    load_rules()
    saved = {stem: converted(stem, raws[stem]) for stem in stems}
    right = {stem: bool(page) and norm(page["title"]) == norm(gold[stem]["title"])
             for stem, page in saved.items()}  # fmt: skip
    print(f"web-dev html: {len(stems)} pages, headline right {sum(right.values())}")
    decided, hits = Counter(), Counter()
    for stem in stems:
        name = branch(raws[stem])
        decided[name] += 1
        hits[name] += right[stem]
        if args.misses and not right[stem]:
            print(f"  miss {stem} [{name}] ours {saved[stem] and saved[stem]['title']!r}"
                  f" gold {gold[stem]['title']!r}")  # fmt: skip
    print("\nguess (converter/page/headline.py)       pages  right")
    for name, count in decided.most_common():
        print(f"  {name:<38} {count:5}  {hits[name]:5} ({hits[name] / count:.0%})")
    pages = [page for page in saved.values() if page]
    print(f"\nsource or publisher {sum(bool(p['credit']) for p in pages) / len(stems):.1%}"
          f"  date {sum(bool(p['date']) for p in pages) / len(stems):.1%}")  # fmt: skip
    print("\nperturbation                     right    survives (same headline as saved)")
    for name in chosen:
        alive = good = 0
        for stem in stems:
            page = converted(stem, perturbed(raws[stem], PERTURBATIONS[name]))
            title = norm(page["title"]) if page else None
            good += title == norm(gold[stem]["title"])
            alive += bool(saved[stem]) and title == norm(saved[stem]["title"])
        print(f"  {name:<30} {good / len(stems):6.1%}   {alive / len(stems):6.1%}")


if __name__ == "__main__":
    main()
