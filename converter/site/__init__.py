"""The MkDocs side: an archive model (archive.py) rendered as actor/topic/source pages (plugin.py).

Reads only the front matter of the pages the converter wrote; never parses seeds.
"""
