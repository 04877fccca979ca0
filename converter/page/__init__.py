"""A saved page's markup -> the facts of its article: headline, site, publisher, credit,
byline, date, language, address."""
