"""Pages without the theme's indentation (converter/site/minify.py): same text, fewer bytes."""

from __future__ import annotations

import re
from pathlib import Path

from converter.site.minify import minified_page

PAGE = """<!doctype html>
<html>
  <head>
    <title>A  title</title>
  </head>
  <body>

    <p>One
       line, <a href="x">a link</a> <span>beside</span></p>
    <pre>  code
    stays</pre>
    <TEXTAREA name="t">
  typed
    </TEXTAREA>
  </body>
</html>
"""


def test_indentation_goes_and_whitespace_that_is_content_stays() -> None:
    assert minified_page(PAGE) == (
        '<!doctype html>\n<html>\n<head>\n<title>A  title</title>\n</head>\n<body>\n<p>One\nline, '
        '<a href="x">a link</a> <span>beside</span></p>\n<pre>  code\n    stays</pre>\n'
        '<TEXTAREA name="t">\n  typed\n    </TEXTAREA>\n</body>\n</html>\n'
    )


def test_a_page_without_pre_is_unindented_in_one_pass() -> None:
    assert minified_page("<p>\n\t  a\n\n  b</p>") == "<p>\na\nb</p>"


def test_built_pages_have_no_indented_line(site_dir: Path) -> None:
    for page in (site_dir / "index.html", *site_dir.glob("*/*/index.html")):
        assert not re.search(r"\n[ \t]", page.read_text("utf-8")), page
