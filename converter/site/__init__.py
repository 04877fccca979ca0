"""The MkDocs side: one archive model (archive.py, related.py) cut into pages (pages.py) and
feeds (feeds.py), rendered by the `archive` plugin (plugin.py) with Jinja templates on Material.

Reads only the front matter of the pages the converter wrote and the topic tree of its
vocabulary; never parses seeds.
"""
