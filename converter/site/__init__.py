"""The MkDocs side: one archive model (model.py, assembled by archive.py from articles.py,
indexes.py, topic_tree.py and related.py) cut into pages (pages.py) and feeds (feeds.py),
rendered by the `archive` plugin (plugin.py, its options in options.py) with Jinja templates on
Material.

Reads only the front matter of the pages the converter wrote (converter/frontmatter.py) and the
converter's own topic vocabulary; never parses seeds.
"""
