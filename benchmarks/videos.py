"""Videos of saved pages (converter/page/videos.py) over web-dev's 600 saved pages: which
players and VideoObjects become a page's media, which players are left out, with the page's
text on either side of each so that a reader can check them, and what it costs.

    .venv/bin/python benchmarks/videos.py [--limit N] [--quiet]

web-dev's gold has no videos, so the lists are for reading: each line is a page, the player's
address, taken or left, and the text before and after it in the page. The figures: pages and
videos taken, players left, and the CPU time of embedded_videos against trafilatura's
extraction of the same pages (one run, so the ratio stands against the machine's noise).
"""

from __future__ import annotations

import argparse
import sys
import time
from bisect import bisect_left
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script
from benchmarks.corpora import corpus  # noqa: E402
from benchmarks.web import saved_page  # noqa: E402
from converter.decode import decode_html  # noqa: E402
from converter.errors import SeedError  # noqa: E402
from converter.html import article_tree  # noqa: E402
from converter.page import region, videos  # noqa: E402

CONTEXT = 120
"""Characters of the page's text shown on either side of a player."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--quiet", action="store_true", help="the figures only")
    args = parser.parse_args()
    web = corpus("web-dev")
    stems = sorted(path.name.split(".")[0] for path in (web / "html").iterdir())
    stems = stems[: args.limit] if args.limit else stems
    extraction = finding = 0.0
    pages = taken = left = 0
    for stem in stems:
        start = time.process_time()
        try:
            tree, blocks = article_tree(decode_html(saved_page(web, stem)))
        except SeedError:
            continue
        middle = time.process_time()
        found = videos.embedded_videos(tree, "\n\n".join(blocks))
        finding += time.process_time() - middle
        extraction += middle - start
        pages += bool(found)
        taken += len(found)
        kept = {videos.video_key(video.url) for video in found}
        for address, before, after in players(tree):
            is_taken = videos.video_key(address) in kept
            left += not is_taken
            if not args.quiet:
                mark = "taken" if is_taken else "left "
                print(f"{stem} {mark} {address[:80]}\n    before: {before}\n    after:  {after}")
        if not args.quiet:
            for video in found:
                print(f"{stem} media {video.url[:80]} | {video.caption[:60]} | {video.duration}")
    print(f"\n{len(stems)} saved pages: {taken} videos on {pages} pages; {left} players left out")
    print(
        f"CPU: videos {finding:.2f} s ({1000 * finding / max(len(stems), 1):.1f} ms a page), "
        f"trafilatura's extraction {extraction:.2f} s, ratio {finding / max(extraction, 1e-9):.3f}"
    )


def players(tree) -> list[tuple[str, str, str]]:
    """Every player and <video> of the page with an address, and the text around it."""
    page = region.page_text(region.page_body(tree))
    seen, found = set(), []
    for order, node in enumerate(page.nodes):
        address = node.tag in videos.EMBEDS and videos.embed_address(node)
        if not address or videos.video_key(address) in seen:
            continue
        seen.add(videos.video_key(address))
        stretch = bisect_left(page.positions, order)
        at = page.starts[stretch] if stretch < len(page.starts) else len(page.text)
        before = " ".join(page.text[max(0, at - 3 * CONTEXT) : at].split())[-CONTEXT:]
        after = " ".join(page.text[at : at + 3 * CONTEXT].split())[:CONTEXT]
        found.append((address, before, after))
    return found


if __name__ == "__main__":
    main()
