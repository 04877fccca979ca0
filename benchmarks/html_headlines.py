"""HTML seeds' headlines: which guess decides each page, and how well it holds on pages whose
markup lacks what the guesses lean on.

    .venv/bin/python benchmarks/html_headlines.py [--limit N] [--perturb NAME,...] [--misses]
        [--save FILE] [--against FILE] [--corpus DIR]

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
  - per source dataset of web-dev (l3s-gn1, dragnet, readability): headline right, so that a
    change helping one collection of sites and hurting another shows;
  - with --misses, each page missed with the candidates the guesses weigh (og:title, <title>,
    JSON-LD headline, <h1>-<h3>, the site's names);
  - with --save, every page's headline to a JSON file; with --against, the pages whose headline
    went right->wrong and wrong->right against such a file (a change fixing 3 and breaking 1 is
    noise);
  - with --corpus, the same over any folder of saved pages without gold (the hostile corpus):
    each page's headline or the reason it was refused, to see nothing breaks;
  - source or publisher, and date, on the pages as saved.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.html
import trafilatura
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
from converter.page.headings import shown_text  # noqa: E402
from converter.page.markup import json_ld_names  # noqa: E402
from converter.page.site import declared_site, own_host, site_names  # noqa: E402
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
_HEADINGS = ("h1", "h2", "h3")
_VERDICT = {True: "right", False: "wrong"}
_AS_SAVED = "as saved"
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


def candidates(raw: bytes) -> list[str]:
    """What the headline's guesses weigh on one page, to tell a miss's cause."""
    try:
        tree, _ = article_tree(decode_html(raw))
    except SeedError as error:
        return [f"refused: {error}"]
    metadata = trafilatura.extract_metadata(tree, extensive=False)
    sites = site_names(tree, declared_site(tree), own_host(tree, metadata.url or ""))
    found = {
        "<title>": [shown_text(element) for element in tree.iter("title")][:1],
        "og:title": tree.xpath(_TITLES.replace("//title | ", "") + "/@content"),
        "JSON-LD": list(json_ld_names(tree, "headline")),
        "sites": list(sites),
        **{tag: [shown_text(element) for element in tree.iter(tag)][:6] for tag in _HEADINGS},
    }
    return [f"{name:<9} {values!r}" for name, values in found.items() if values]


def by_source(stems: list[str], right: dict[str, bool], gold: dict[str, dict[str, str]]) -> None:
    """Headline right per source dataset: each a different crawl of different sites."""
    counts, hits = Counter(gold[stem]["source"] for stem in stems), Counter()
    for stem in stems:
        hits[gold[stem]["source"]] += right[stem]
    print("\nsource dataset      pages  right")
    for name, count in sorted(counts.items()):
        print(f"  {name:<16} {count:6}  {hits[name]:5} ({hits[name] / count:.1%})")


def against(path: Path, runs: dict[str, dict[str, dict[str, object]]]) -> None:
    """Pages whose headline changed against a saved run, by whether they went right or wrong;
    for the pages as saved, each one named."""
    before = json.loads(path.read_text("utf-8"))
    print(f"\nagainst {path}              changed  right->wrong  wrong->right  wrong->wrong")
    for name, pages in runs.items():
        old = before.get(name, {})
        changed = sorted(stem for stem in pages if stem in old
                         and old[stem]["title"] != pages[stem]["title"])  # fmt: skip
        moves = Counter((old[stem]["right"], pages[stem]["right"]) for stem in changed)
        print(f"  {name:<30} {len(changed):7}  {moves[True, False]:11}  {moves[False, True]:12}"
              f"  {moves[False, False]:12}")  # fmt: skip
        for stem in changed if name == _AS_SAVED else ():
            move = f"{_VERDICT[bool(old[stem]['right'])]}->{_VERDICT[bool(pages[stem]['right'])]}"
            print(f"    {stem} {move:<12} {old[stem]['title']!r} -> {pages[stem]['title']!r}")


def other_corpus(folder: Path) -> None:
    """Every saved page of a folder without gold: its headline, or why it was refused."""
    load_rules()
    for path in sorted(folder.glob("*.htm*")):
        raw = path.read_bytes()
        try:
            parsed = parse_seed(read_seed(path.name, raw))
        except SeedError as error:
            print(f"  {path.name:<36} refused: {error}")
            continue
        print(f"  {path.name:<36} [{branch(raw)}] {parsed.title!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--perturb", default=",".join(PERTURBATIONS), help="perturbations run")
    parser.add_argument("--misses", action="store_true", help="print each page missed as saved")
    parser.add_argument("--save", type=Path, help="write every page's headline to this JSON file")
    parser.add_argument("--against", type=Path, help="compare with a file --save wrote")
    parser.add_argument("--corpus", type=Path, help="a folder of saved pages without gold")
    args = parser.parse_args()
    if args.corpus:
        other_corpus(args.corpus)
        return
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
    titles = {stem: page["title"] if page else "" for stem, page in saved.items()}
    right = {stem: bool(saved[stem]) and norm(title) == norm(gold[stem]["title"])
             for stem, title in titles.items()}  # fmt: skip
    print(f"web-dev html: {len(stems)} pages, headline right {sum(right.values())}")
    decided, hits = Counter(), Counter()
    for stem in stems:
        name = branch(raws[stem])
        decided[name] += 1
        hits[name] += right[stem]
        if args.misses and not right[stem]:
            print(f"  miss {stem} ({gold[stem]['source']}) [{name}]\n    ours  {titles[stem]!r}"
                  f"\n    gold  {gold[stem]['title']!r}")  # fmt: skip
            print("".join(f"    {line}\n" for line in candidates(raws[stem])), end="")
    print("\nguess (converter/page/headline.py)       pages  right")
    for name, count in decided.most_common():
        print(f"  {name:<38} {count:5}  {hits[name]:5} ({hits[name] / count:.0%})")
    by_source(stems, right, gold)
    pages = [page for page in saved.values() if page]
    print(f"\nsource or publisher {sum(bool(p['credit']) for p in pages) / len(stems):.1%}"
          f"  date {sum(bool(p['date']) for p in pages) / len(stems):.1%}")  # fmt: skip
    runs = {_AS_SAVED: {stem: {"title": titles[stem], "right": right[stem]} for stem in stems}}
    if chosen:
        print("\nperturbation                     right    survives (same headline as saved)")
    for name in chosen:
        runs[name] = {}
        for stem in stems:
            page = converted(stem, perturbed(raws[stem], PERTURBATIONS[name]))
            title = page["title"] if page else ""
            runs[name][stem] = {
                "title": title,
                "right": bool(page) and norm(title) == norm(gold[stem]["title"]),
                "alive": bool(saved[stem] and page) and norm(title) == norm(titles[stem]),
            }
        good = sum(page["right"] for page in runs[name].values())
        alive = sum(page["alive"] for page in runs[name].values())
        print(f"  {name:<30} {good / len(stems):6.1%}   {alive / len(stems):6.1%}")
    if args.against:
        against(args.against, runs)
    if args.save:
        args.save.write_text(json.dumps(runs, indent=1, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
