"""The `archive` plugin's options (`plugins: - archive:` in mkdocs.yml): one schema, and the
only defaults. Everything else receives the resolved values: pages.Layout, build_archive and
the feeds take them from the plugin, and mkdocs.yml sets only what differs."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from converter.site.search import SEARCH_ENGINES


class Count(c.Type):
    """A number of things in mkdocs.yml: a whole number, at least `minimum`."""

    def __init__(self, default: int, minimum: int = 0) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < self.minimum:
            raise c.ValidationError(f"expected a whole number of at least {self.minimum}")
        return number


class ArchiveConfig(base.Config):
    """Options under `plugins: - archive:` in mkdocs.yml."""

    latest = Count(20)  # latest articles listed on the home page
    per_page = Count(50, minimum=1)  # articles per page of an actor, topic or source
    index_per_page = Count(500, minimum=1)  # entries per page of an A-Z index
    # Articles an actor needs for a page of its own; one named less often is listed with its
    # articles on the A-Z index (most actors of an archive are named a few times: a page each,
    # most of it the page's chrome, would be most of the site). 1 gives every actor a page.
    actor_page_min = Count(5, minimum=1)
    # Articles an author needs for a page of their own (a web archive's authors mostly write
    # one story in it); 1 gives every author a page.
    author_page_min = Count(2, minimum=1)
    neighbours = Count(10)  # co-occurring actors / topics shown on an entry page
    related = Count(5)  # related stories under each article
    chart = Count(10)  # topics in the home page's chart
    feed_size = Count(20)  # entries per Atom feed (feed.xml, topics/<slug>/feed.xml)
    # archive: our header search over our own static index; pagefind: the same box over a
    # Pagefind index; material: Material's own search plugin (add `- search` to plugins). The
    # last two are kept for comparison (benchmarks/search.py).
    search = c.Choice(SEARCH_ENGINES, default="archive")
